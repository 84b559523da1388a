"""The API for public traffic: throttling, CORS, ETags and 304, the page cache and its invalidation."""

import pytest
from django.test import Client
from rest_framework.throttling import AnonRateThrottle

from plants import content
from plants.models import PlantProfile


@pytest.fixture
def anonymous():
    return Client()


def test_anonymous_clients_are_throttled_with_retry_after(anonymous, alumroot, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/minute", raising=False)
    # Different queries: a cached answer is served before the throttle runs (plants/api/views.py).
    statuses = [anonymous.get(f"/api/plants/?n={n}").status_code for n in range(3)]
    assert statuses == [200, 200, 200]
    refused = anonymous.get("/api/plants/?n=4")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert refused.json()["detail"].startswith("Request was throttled")
    other = Client(REMOTE_ADDR="192.0.2.7")  # another address has its own count
    assert other.get("/api/plants/?n=5").status_code == 200


def test_forwarded_for_is_not_believed_without_trusted_proxies(anonymous, alumroot, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "1/minute", raising=False)
    assert anonymous.get("/api/taxa/?n=1", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert anonymous.get("/api/taxa/?n=2", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


@pytest.mark.parametrize(
    "path",
    ["/api/plants/", "/api/plants/HEPAM2/", "/api/taxa/", "/api/zip/80302/", "/api/schema/", "/api/nope/"],
)
def test_any_origin_may_read(anonymous, alumroot, path):
    response = anonymous.get(path, HTTP_ORIGIN="https://example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Set-Cookie" not in response


@pytest.mark.parametrize("path", ["/api/plants/?zone=5", "/api/plants/HEPAM2/", "/api/taxa/saxifragaceae/"])
def test_etag_and_304(anonymous, alumroot, path):
    first = anonymous.get(path)
    assert first["ETag"]
    again = anonymous.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_second_request_comes_from_the_cache_until_content_changes(
    anonymous, alumroot, django_assert_num_queries, monkeypatch
):
    from plants import caching

    monkeypatch.setattr(caching, "_clock", lambda: 1000.0)  # the token read once: a hit costs no query
    first = anonymous.get("/api/plants/HEPAM2/")
    with django_assert_num_queries(0):
        assert anonymous.get("/api/plants/HEPAM2/").content == first.content
    with content.change() as change:
        PlantProfile.objects.filter(pk=alumroot.pk).update(common_name="Renamed alumroot")
        change.profiles([alumroot.pk])
    assert anonymous.get("/api/plants/HEPAM2/").json()["common_name"] == "Renamed alumroot"
    assert anonymous.get("/api/plants/?q=renamed").json()["count"] == 1


def test_unpublishing_hides_a_plant_at_once(anonymous, alumroot):
    assert anonymous.get("/api/plants/HEPAM2/").status_code == 200
    with content.change() as change:
        PlantProfile.objects.filter(pk=alumroot.pk).update(status="draft")
        change.profiles([alumroot.pk])
    assert anonymous.get("/api/plants/HEPAM2/").status_code == 404
    assert anonymous.get("/api/plants/").json()["count"] == 0


def test_schema_is_openapi_3_and_lists_every_operation(anonymous, db):
    response = anonymous.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert operations == {"list_plants", "get_plant", "list_taxa", "get_taxon", "get_zip_code"}
    parameters = {p["name"] for p in schema["paths"]["/api/plants/"]["get"]["parameters"]}
    assert {
        "q",
        "zone",
        "zip",
        "light",
        "use",
        "family",
        "rare",
        "bloom",
        "sort",
        "page",
        "page_size",
    } <= parameters


def test_docs_page_loads_its_assets_from_the_site(anonymous, db):
    response = anonymous.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<style>" not in html and "<script>" not in html  # nothing inline: the CSP allows none
    assert "cdn.jsdelivr" not in html and "/static/drf_spectacular_sidecar/" in html
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "img-src 'self' data:" in policy
    script = anonymous.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
    # The rest of the site keeps its policy.
    assert "data:" not in anonymous.get("/api/plants/")["Content-Security-Policy"]
