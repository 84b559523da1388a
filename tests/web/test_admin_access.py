"""Who reaches the admin: staff only, logins locked out after repeated failures, and its URL set by ADMIN_URL."""

import importlib
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import clear_url_caches, reverse
from django.utils import timezone

import nativeplants.urls

PASSWORD = "a-long-password-1"
WRONG_LOGIN = "Please enter the correct username and password for a staff account."
LOCKED = "Too many failed login attempts for this account from your address."


@pytest.fixture
def editor(django_user_model, db):
    return django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)


def log_in(client, username, password, address="203.0.113.7"):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
    )


def is_logged_in(client):
    return client.get(reverse("admin:index")).status_code == 200


def test_staff_log_in_with_the_right_password(client, editor):
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("admin:index")
    assert is_logged_in(client)


def test_repeated_wrong_passwords_lock_the_login_out(client, editor):
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        response = log_in(client, "editor", "wrong-password")
        assert response.status_code == 200
        assert WRONG_LOGIN in response.content.decode()
    response = log_in(client, "editor", "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "locked for 15 minutes" in page
    assert "Native Plants editors" in page  # in the admin's own look

    # While locked, even the right password is refused.
    response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429 and LOCKED in response.content.decode()
    assert not is_logged_in(client)


def test_the_lock_is_per_user_name_and_address(client, editor, django_user_model):
    django_user_model.objects.create_user("botanist", password=PASSWORD, is_staff=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "wrong-password")
    assert log_in(client, "editor", PASSWORD).status_code == 429
    # The same user from another address, and another user from the same address, still get in.
    assert log_in(client, "editor", PASSWORD, address="198.51.100.2").status_code == 302
    client.logout()
    assert log_in(client, "botanist", PASSWORD).status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "editor", "wrong-password")
    assert log_in(client, "editor", PASSWORD).status_code == 429
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    )
    assert log_in(client, "editor", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_a_failure_limit_from_settings_is_used(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    assert log_in(client, "editor", "wrong-password").status_code == 200
    assert log_in(client, "editor", "wrong-password").status_code == 429


@pytest.mark.parametrize(
    "fields",
    [{"is_staff": True, "is_active": False}, {"is_staff": False}],
    ids=["inactive-staff", "non-staff"],
)
def test_inactive_and_non_staff_users_cannot_reach_the_admin(client, django_user_model, db, fields):
    user = django_user_model.objects.create_user("visitor", password=PASSWORD, **fields)
    response = log_in(client, "visitor", PASSWORD)
    assert response.status_code == 200 and WRONG_LOGIN in response.content.decode()
    assert not is_logged_in(client)
    # Nor with a session made some other way (say, before they were demoted).
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert client.get(reverse("admin:plants_plantprofile_changelist")).status_code == 302


@pytest.fixture
def admin_url(settings):
    """Move the admin to another ADMIN_URL for one test (the root URLconf is read again)."""
    original = settings.ADMIN_URL

    def move(url):
        settings.ADMIN_URL = url
        importlib.reload(nativeplants.urls)
        clear_url_caches()

    yield move
    move(original)


def test_admin_url_moves_the_admin(client, editor, admin_url):
    admin_url("editors-only/")
    assert reverse("admin:index") == "/editors-only/"
    assert client.get("/admin/").status_code == 404
    response = client.get("/editors-only/")
    assert response.status_code == 302 and response["Location"] == "/editors-only/login/?next=/editors-only/"
    response = client.post(
        "/editors-only/login/", {"username": "editor", "password": PASSWORD, "next": "/editors-only/"}
    )
    assert response["Location"] == "/editors-only/"
    assert "Native Plants editors" in client.get("/editors-only/").content.decode()
