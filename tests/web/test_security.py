"""Production settings and security headers: `check --deploy`, CSP and friends, HTTPS-only cookies."""

import re
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from tests.support.files import BASE_DIR
from tests.support.pages import PUBLIC_PAGES
from tests.support.settings_env import production_env, settings_under


def deploy_check(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_reports_nothing_with_production_values():
    result = deploy_check(production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.parametrize(
    "overrides, warnings",
    [
        ({"HTTPS": None}, ["security.W004", "security.W008", "security.W012", "security.W016"]),
        ({"SECRET_KEY": "short-and-guessable"}, ["security.W009"]),
    ],
    ids=["without-https", "weak-secret-key"],
)
def test_deploy_check_fails_when_a_production_value_is_missing(overrides, warnings):
    result = deploy_check(production_env(**overrides))
    assert result.returncode == 1
    for warning in warnings:
        assert warning in result.stderr


def test_https_turns_on_redirect_secure_cookies_and_a_year_of_hsts(monkeypatch):
    values = settings_under(monkeypatch)
    assert values["SECURE_SSL_REDIRECT"] and values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert "SECURE_PROXY_SSL_HEADER" not in values  # X-Forwarded-Proto is not believed by default


def test_without_https_nothing_is_https_only(monkeypatch):
    values = settings_under(monkeypatch, HTTPS=None)
    assert not values["SECURE_SSL_REDIRECT"] and not values["SESSION_COOKIE_SECURE"]
    assert values["SECURE_HSTS_SECONDS"] == 0


def test_hsts_seconds_and_trusted_proxies_come_from_the_environment(monkeypatch):
    values = settings_under(monkeypatch, HSTS_SECONDS="600", TRUSTED_PROXIES="1")
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert values["AXES_IPWARE_PROXY_COUNT"] == 1


@pytest.mark.parametrize("given, expected", [("admin/", "admin/"), ("/editors-only", "editors-only/")])
def test_admin_url_is_read_from_the_environment(monkeypatch, given, expected):
    assert settings_under(monkeypatch, ADMIN_URL=given)["ADMIN_URL"] == expected


@pytest.mark.parametrize(
    "name, value",
    [
        ("HSTS_SECONDS", "a year"),
        ("TRUSTED_PROXIES", "yes"),
        ("AXES_FAILURE_LIMIT", "5.5"),
        ("LOG_LEVEL", "loud"),
    ],
)
def test_a_bad_value_is_refused_with_its_name(monkeypatch, name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        settings_under(monkeypatch, **{name: value})


def test_an_empty_admin_url_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ADMIN_URL"):
        settings_under(monkeypatch, ADMIN_URL="/")


# --- Headers --------------------------------------------------------------


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def assert_security_headers(response):
    directives = csp_directives(response)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    sources = [source for values in directives.values() for source in values]
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources
    # Only keywords: no outside origin (nor `*`, `https:` or `data:`) anywhere.
    assert all(re.fullmatch(r"'[a-z-]+'", source) for source in sources), sources
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/", "/plants/littleleaf-alumroot/", "/plants/?zone=5", "/taxa/heuchera/"])
def test_public_pages_carry_the_security_headers_also_from_the_page_cache(client, alumroot, path):
    first = client.get(path)
    assert first.status_code == 200
    assert_security_headers(first)
    again = client.get(path)  # served from the anonymous page cache
    assert again.content == first.content
    assert_security_headers(again)


def test_error_pages_carry_the_security_headers(client, db):
    response = client.get("/plants/no-such-plant/")
    assert response.status_code == 404
    assert_security_headers(response)


def test_admin_pages_carry_the_security_headers(client, staff_client, alumroot):
    assert_security_headers(client.get(reverse("admin:login")))
    assert_security_headers(staff_client.get(reverse("admin:index")))
    change = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    assert_security_headers(staff_client.get(change))


def test_without_https_there_is_no_hsts(client, db):
    assert "Strict-Transport-Security" not in client.get("/")


@pytest.fixture
def https_on(settings, monkeypatch):
    """This process's settings as HTTPS=1 makes them (read from the settings module itself)."""
    values = settings_under(monkeypatch)
    for name in [
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "CONTENT_SECURITY_POLICY",
    ]:
        setattr(settings, name, values[name])
    return settings


def test_with_https_plain_http_is_redirected(client, db, https_on):
    response = client.get("/plants/?zone=5")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/plants/?zone=5"


def test_with_https_pages_carry_hsts_and_upgrade_insecure_requests(client, alumroot, https_on):
    for path in ["/", "/plants/littleleaf-alumroot/", reverse("admin:login")]:
        response = client.get(path, secure=True)
        assert response.status_code == 200
        assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
        assert "upgrade-insecure-requests" in csp_directives(response)
        assert_security_headers(response)


def test_with_https_the_login_cookies_are_secure_and_http_only(client, django_user_model, db, https_on):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    login = reverse("admin:login")
    client.get(login, secure=True)
    response = client.post(
        login, {"username": "editor", "password": "a-long-password-1", "next": "/"}, secure=True
    )
    assert response.status_code == 302
    for name in ["sessionid", "csrftoken"]:
        cookie = response.cookies[name]
        assert cookie["secure"] is True, name
        assert cookie["httponly"] is True, name


# --- Nothing inline that the policy would block ------------------------------

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_have_no_inline_script_style_or_handler(client, alumroot, path):
    html = client.get(path).content.decode()
    for attributes in SCRIPT_TAG.findall(html):
        # An external file, or a data block (JSON-LD), which browsers do not run.
        assert "src=" in attributes or 'type="application/ld+json"' in attributes, attributes
    assert not STYLE_ATTRIBUTE.search(html)
    assert not EVENT_HANDLER.search(html)
