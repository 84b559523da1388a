"""The site through the HAProxy configuration it ships (nativeplants/deploy/haproxy.cfg), for real."""

import gzip
import shutil
import urllib.parse
import urllib.request

import pytest

from tests.support.loopback import Balancer

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("haproxy") is None, reason="HAProxy is not installed (apt-get install -y haproxy)"
    ),
]


@pytest.fixture
def balancer(site):
    """HAProxy in front of the live server (as both of its servers): both base URLs."""
    port = urllib.parse.urlsplit(site).port
    proxy = Balancer([port, port])
    yield {"balancer": proxy.base, "server": f"http://127.0.0.1:{port}"}
    proxy.stop()


def get(url: str, **headers):
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)
    except urllib.error.HTTPError as error:  # a 304 arrives as one
        return error.code, error.headers, b""
    with response:
        return response.status, response.headers, response.read()


def test_a_browser_that_accepts_gzip_gets_the_same_page_gzipped(balancer):
    page = "/plants/littleleaf-alumroot/"
    _, _, direct = get(balancer["server"] + page)
    status, headers, body = get(balancer["balancer"] + page, **{"Accept-Encoding": "gzip, br"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in ", ".join(headers.get_all("Vary"))
    assert gzip.decompress(body) == direct
    assert len(body) < len(direct) / 2
    assert "Littleleaf Alumroot" in gzip.decompress(body).decode()


def test_a_client_that_does_not_ask_for_gzip_gets_the_page_as_it_is(balancer):
    page = "/plants/littleleaf-alumroot/"
    status, headers, body = get(balancer["balancer"] + page)
    assert status == 200 and headers["Content-Encoding"] is None
    assert body == get(balancer["server"] + page)[2]


def test_a_revisit_with_the_compressed_pages_etag_gets_304(balancer):
    url = balancer["balancer"] + "/plants/littleleaf-alumroot/"
    _, headers, _ = get(url, **{"Accept-Encoding": "gzip"})
    assert headers["ETag"].startswith('W/"')  # HAProxy weakens the ETag of what it compressed
    status, _, body = get(url, **{"Accept-Encoding": "gzip", "If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""


@pytest.mark.parametrize(
    ("path", "content_type"),
    [("/api/plants/HEPAM2/", "application/json"), ("/sitemap-plants.xml", "application/xml")],
)
def test_api_answers_and_sitemaps_arrive_gzipped_too(balancer, path, content_type):
    status, headers, body = get(balancer["balancer"] + path, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Type"].startswith(content_type)
    assert headers["Content-Encoding"] == "gzip"
    # The same answer, its absolute links naming the address it was asked at.
    direct = get(balancer["server"] + path)[2].decode()
    assert gzip.decompress(body).decode() == direct.replace(balancer["server"], balancer["balancer"])
