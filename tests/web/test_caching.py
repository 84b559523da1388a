"""Anonymous page cache, its invalidation on edits, conditional GET and static file headers."""

import secrets

import pytest
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.test import Client
from django.urls import path, reverse

from plants import caching
from plants.caching import cache_for_anonymous
from tests.support.admin_forms import form_data


@pytest.fixture
def anonymous():
    return Client()


@pytest.fixture
def clock(monkeypatch):
    """The page cache's clock, stopped; `clock.now += seconds` moves it."""

    class Clock:
        now = 1000.0

    monkeypatch.setattr(caching, "_clock", lambda: Clock.now)
    return Clock


@pytest.mark.parametrize(
    "path", ["/", "/plants/", "/plants/littleleaf-alumroot/", "/taxa/", "/taxa/saxifragaceae/"]
)
def test_second_anonymous_request_is_served_from_cache(
    anonymous, alumroot, clock, django_assert_num_queries, path
):
    first = anonymous.get(path)
    with django_assert_num_queries(0):  # not even the version token, read less than a second ago
        second = anonymous.get(path)
    assert second.status_code == 200 and second.content == first.content


def test_admin_edit_is_visible_on_the_next_anonymous_request(anonymous, staff_client, alumroot):
    page = alumroot.get_absolute_url()
    assert "A Rare Gem for Rocky Mountain Gardens" in anonymous.get(page).content.decode()
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url))
    data["title"] = "Littleleaf Alumroot: small leaves, big charm"
    assert staff_client.post(url, data).status_code == 302
    assert "small leaves, big charm" in anonymous.get(page).content.decode()


def test_bulk_unpublish_is_visible_at_once(anonymous, staff_client, alumroot):
    assert anonymous.get(alumroot.get_absolute_url()).status_code == 200
    changelist = reverse("admin:plants_plantprofile_changelist")
    staff_client.post(changelist, {"action": "unpublish", "_selected_action": [alumroot.pk]})
    assert anonymous.get(alumroot.get_absolute_url()).status_code == 404
    assert "Littleleaf" not in anonymous.get("/plants/").content.decode()


def test_staff_are_never_served_cached_pages(
    anonymous, staff_client, alumroot, django_assert_max_num_queries
):
    anonymous.get(alumroot.get_absolute_url())
    with django_assert_max_num_queries(50) as captured:
        staff_client.get(alumroot.get_absolute_url())
    assert len(captured.captured_queries) > 0


def test_revisit_with_etag_gets_304(anonymous, alumroot):
    response = anonymous.get(alumroot.get_absolute_url())
    etag = response["ETag"]
    again = anonymous.get(alumroot.get_absolute_url(), headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize("cache_seconds", [300, 0])
def test_an_etag_changes_with_the_page_and_a_stale_one_gets_the_page(
    anonymous, staff_client, alumroot, settings, cache_seconds
):
    settings.CACHE_SECONDS = cache_seconds  # stored with the cached page, or made on every request
    page = alumroot.get_absolute_url()
    etag = anonymous.get(page)["ETag"]
    assert anonymous.get(page, headers={"If-None-Match": etag}).status_code == 304
    url = reverse("admin:plants_plantprofile_change", args=[alumroot.pk])
    data = form_data(staff_client.get(url))
    data["title"] = "Littleleaf Alumroot: small leaves, big charm"
    assert staff_client.post(url, data).status_code == 302
    changed = anonymous.get(page, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "big charm" in changed.content.decode()
    assert changed["ETag"] != etag


def test_error_pages_are_not_cached(anonymous, alumroot):
    assert anonymous.get("/plants/?zone=99").status_code == 400
    assert anonymous.get("/plants/nope/").status_code == 404


def test_static_files_have_far_future_cache_headers(anonymous, db):
    url = staticfiles_storage.url("plants/site.css")
    assert ".css" in url and url != "/static/plants/site.css"  # a hashed name
    response = anonymous.get(url)
    assert response.status_code == 200
    assert "max-age=315360000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]


def test_a_cached_page_keeps_its_security_headers_and_answers_304(anonymous, alumroot):
    first = anonymous.get("/plants/")
    hit = anonymous.get("/plants/")
    assert hit.context is None  # no template rendered: served from the cache
    for header in ("Content-Security-Policy", "X-Frame-Options", "ETag", "Referrer-Policy"):
        assert hit[header] == first[header], header
    assert anonymous.get("/plants/", headers={"If-None-Match": hit["ETag"]}).status_code == 304


def test_a_visitor_with_a_session_cookie_gets_a_fresh_page(
    anonymous, alumroot, django_assert_max_num_queries
):
    anonymous.get("/plants/")
    anonymous.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
    with django_assert_max_num_queries(50) as captured:
        assert anonymous.get("/plants/").status_code == 200
    assert len(captured.captured_queries) > 0


@cache_for_anonymous
def visitor_cookie_view(request):
    response = HttpResponse("hello")
    response.set_cookie("visitor", secrets.token_hex(4))
    return response


urlpatterns = [path("cookie/", visitor_cookie_view)]


@pytest.mark.urls("tests.web.test_caching")
def test_a_response_that_sets_a_cookie_is_never_stored(anonymous, db):
    first, second = anonymous.get("/cookie/"), Client().get("/cookie/")
    assert second.cookies["visitor"].value != first.cookies["visitor"].value


def test_a_save_in_another_worker_shows_here_within_a_second(anonymous, alumroot, clock):
    page = alumroot.get_absolute_url()
    assert "Littleleaf Alumroot" in anonymous.get(page).content.decode()
    # Another gunicorn worker's save: the row, its page document and the token
    # change; this process's local-memory cache and token memo are told nothing.
    remembered = dict(caching._token)
    alumroot.common_name = "Renamed elsewhere"
    alumroot.save()
    caching._token.update(remembered)
    clock.now += caching.TOKEN_SECONDS / 2
    assert "Renamed elsewhere" not in anonymous.get(page).content.decode()  # still the cached page
    clock.now += caching.TOKEN_SECONDS / 2
    assert "Renamed elsewhere" in anonymous.get(page).content.decode()
