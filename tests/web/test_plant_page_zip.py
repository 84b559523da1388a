"""The plant page's "Does it grow where I live?" form: its answer, bad ZIP codes, queries, the cache."""

import hashlib

import pytest
from django.core.cache import cache

from plants import caching, content
from tests.support import factories

MESSAGE = "Enter a ZIP code of five digits, such as 80302."


def answer(response):
    return response.context["grows_here"]


def test_the_alumroot_grows_in_boulder(client, alumroot):
    response = client.get(alumroot.get_absolute_url(), {"zip": "80302"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Does it grow where I live?" in html
    assert "ZIP 80302 (Boulder, Colorado): USDA zone 6a, 2023 map" in html
    assert "Native to Colorado." in html
    assert "Hardy in your zone, 6a (it grows in zones 4–8)." in html


def test_not_recorded_as_native_but_hardy(client, alumroot):
    response = client.get(alumroot.get_absolute_url(), {"zip": "99501"})  # Anchorage, 4b on the 2012 map
    html = response.content.decode()
    assert "ZIP 99501 (Anchorage, Alaska): USDA zone 4b, 2012 map" in html
    assert "Not recorded as native to Alaska." in html
    assert "Hardy in your zone, 4b (it grows in zones 4–8)." in html


def test_native_but_too_cold(client, db):
    plant = factories.plant(common_name="Tender", zone_min=13, zone_max=20, states=("CO",))
    html = client.get(plant.get_absolute_url(), {"zip": "80302"}).content.decode()
    assert "Native to Colorado." in html
    assert (
        "Not hardy in your zone, 6a: winters there reach -10 °F, and it is hardy to 0 °F (zone 7a)." in html
    )


def test_introduced_and_too_warm(client, db):
    plant = factories.plant(common_name="Weedy", zone_min=3, zone_max=8, states=("KS",))
    with content.change() as change:
        plant.native_statuses.update(status="I")
        change.profiles([plant.pk])
    response = client.get(plant.get_absolute_url(), {"zip": "33206"})  # Miami, 11a
    html = response.content.decode()
    assert "Not native to Florida: it was introduced to the lower 48 states." in html
    assert (
        "Your zone, 11a, is warmer than its range (zones 2–4): it survives the winter but may not thrive."
        in html
    )


def test_not_enough_data(client, db):
    plant = factories.plant(common_name="Unknown", zone_min=None, zone_max=None, states=())
    with content.change() as change:
        plant.native_statuses.all().delete()
        change.profiles([plant.pk])
    html = client.get(plant.get_absolute_url(), {"zip": "80302"}).content.decode()
    assert "Not enough data: we have no record of the states where it is native." in html
    assert "Not enough data: we have no hardiness range for this plant." in html


def test_an_unknown_zip_is_said_plainly(client, alumroot):
    response = client.get(alumroot.get_absolute_url(), {"zip": "00000"})
    assert response.status_code == 200
    assert "We don&#39;t have ZIP 00000; choose your zone and state" in response.content.decode()
    assert answer(response) is None


def test_without_a_zip_the_form_asks(client, alumroot):
    for query in ({}, {"zip": ""}):
        response = client.get(alumroot.get_absolute_url(), query)
        assert response.status_code == 200
        assert '<label for="id_zip">ZIP code</label>' in response.content.decode()
        assert answer(response) is None


@pytest.mark.parametrize("text", ["1234x", "123", "4" * 40, "<script>alert(1)</script>"])
def test_a_bad_zip_is_a_400_with_the_error_next_to_the_field(client, alumroot, text):
    response = client.get(alumroot.get_absolute_url(), {"zip": text})
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<p class="field-error" id="zip-error">{MESSAGE}</p>' in html
    assert "<script>alert(1)" not in html
    assert "Littleleaf Alumroot" in html  # still the plant's page


def page_key(path):
    return f"page:{caching.content_token()}:{hashlib.sha256(path.encode()).hexdigest()}"


def test_a_bad_zip_is_not_cached_and_a_good_one_is(client, alumroot):
    bad, good = f"{alumroot.get_absolute_url()}?zip=123", f"{alumroot.get_absolute_url()}?zip=80302"
    assert client.get(bad).status_code == 400
    assert cache.get(page_key(bad)) is None
    assert client.get(good).status_code == 200
    assert cache.get(page_key(good)) is not None


def test_the_answer_costs_no_query(client, alumroot, django_assert_max_num_queries, settings):
    settings.CACHE_SECONDS = 0
    url = alumroot.get_absolute_url()
    client.get(url)  # the page's document is built on the first visit
    with django_assert_max_num_queries(100) as without:
        client.get(url)
    with django_assert_max_num_queries(100) as with_zip:
        assert client.get(url, {"zip": "80302"}).status_code == 200
    assert len(with_zip.captured_queries) == len(without.captured_queries)


def test_the_site_keeps_no_zip_code(client, alumroot):
    for url in (f"{alumroot.get_absolute_url()}?zip=80302", "/plants/?zip=80302", "/?zip=80302"):
        response = client.get(url)
        assert response.cookies == {} and "Set-Cookie" not in response.headers, url
        assert not client.session.keys(), url
