"""With REDIS_URL the page cache is a real Redis server, shared by every worker of every server."""

import secrets

import pytest
import redis
from django.core.cache import caches
from django.test import Client

from plants import caching

REDIS = "redis://127.0.0.1:6379/14"


@pytest.fixture
def shared_cache(settings):
    """The site's cache settings with REDIS_URL set, under a key prefix of this test's own."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS,
            "KEY_PREFIX": f"test-{secrets.token_hex(6)}",
        }
    }
    server = redis.Redis.from_url(REDIS)
    try:
        server.ping()
    except redis.ConnectionError as error:  # the machine promises Redis on loopback: say so plainly
        pytest.fail(f"Redis is not answering at {REDIS}: {error}")
    yield server
    prefix = settings.CACHES["default"]["KEY_PREFIX"]
    for key in server.scan_iter(f"{prefix}:*"):
        server.delete(key)


def another_server():
    """What a second server's process starts with: its own cache connection and no token read yet."""
    caches["default"].close()
    del caches["default"]
    caching.forget_content_token()
    return Client()


def test_a_page_cached_by_one_server_is_served_by_another(shared_cache, alumroot, django_assert_num_queries):
    page = alumroot.get_absolute_url()
    first = Client().get(page)
    assert any(b":page:" in key for key in shared_cache.scan_iter("*")), "the page is stored in Redis"
    visitor = another_server()
    with django_assert_num_queries(1):  # the content token; the page itself comes from Redis
        second = visitor.get(page)
    assert second.status_code == 200 and second.content == first.content


def test_a_save_on_one_server_is_on_every_server_at_its_next_token_read(shared_cache, alumroot):
    page = alumroot.get_absolute_url()
    assert "Littleleaf Alumroot" in Client().get(page).content.decode()
    alumroot.common_name = "Renamed on the other server"
    alumroot.save()
    visitor = another_server()
    assert "Renamed on the other server" in visitor.get(page).content.decode()
    assert "Renamed on the other server" in visitor.get("/plants/").content.decode()
