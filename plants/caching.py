"""Whole-page caching for anonymous visitors, invalidated by any content change.

Views opt in with `cache_for_anonymous`; AnonymousPageCacheMiddleware serves
their pages from the cache before sessions, CSRF, authentication, URL
resolving and the view run, which is most of a hit's cost.  Every key
includes the content's version token, which the write path renews at the end
of every change to plant content (plants/content.py), so an editor's change is
on the public site without tracking which pages it touches.  The token lives in the database,
not the cache, so that with the default per-process cache every gunicorn
worker still sees another worker's save.  Each process re-reads it at most
once every TOKEN_SECONDS: a hit then costs no query, and a save shows in the
worker that made it at once (the write path forgets the token read) and in
the others within that second.

Requests carrying a session cookie are never served from the cache nor
stored: they may be staff previewing drafts.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.middleware import http
from django.urls import Resolver404, resolve
from django.utils.cache import quote_etag

from plants.models import ContentVersion

TOKEN_SECONDS = 1.0
_token = {"value": "", "read_at": None}
_clock = time.monotonic  # tests move it


def content_token() -> str:
    """The content version token, read from the database at most once every TOKEN_SECONDS."""
    now = _clock()
    if _token["read_at"] is None or now - _token["read_at"] >= TOKEN_SECONDS:
        _token["value"], _token["read_at"] = ContentVersion.objects.current(), now
    return _token["value"]


def forget_content_token() -> None:
    """Make the next request read the token again (this process has just changed the content)."""
    _token["read_at"] = None


def cache_for_anonymous(view):
    """Mark a view's pages as cacheable for anonymous visitors (for CACHE_SECONDS, per full URL)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    wrapped.cache_for_anonymous = True
    return wrapped


class AnonymousPageCacheMiddleware:
    """Answer GETs from the page cache when the visitor has no session; store the pages views marked.

    Sits inside CSP and ConditionalGetMiddleware (a hit still gets today's
    policy and can be a 304) and outside everything that needs a session.
    Requests for other views (the admin, /healthz) pass straight through,
    without a query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method != "GET"
            or not settings.CACHE_SECONDS
            or settings.SESSION_COOKIE_NAME in request.COOKIES
            or not _is_cacheable_view(request.path_info)
        ):
            return self.get_response(request)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{content_token()}:{digest}"
        response = cache.get(key)
        if response is not None:
            return response
        response = self.get_response(request)
        if (
            response.status_code == 200
            and not response.cookies  # never hand one visitor's cookie to the next
            and not response.streaming
        ):
            set_page_etag(response)  # once, here, instead of hashing the page on every hit
            cache.set(key, response, settings.CACHE_SECONDS)
        return response


def set_page_etag(response):
    """Django's ETag from the page's content, hashed with SHA-1 rather than MD5.

    An ETag is a fingerprint, not a signature: SHA-1 serves as well as MD5, and
    the SHA extensions most servers' CPUs have make it the faster of the two
    (without them it is no slower); an uncached page is hashed on every request.
    """
    if not response.streaming and response.content:
        response.headers["ETag"] = quote_etag(
            hashlib.sha1(response.content, usedforsecurity=False).hexdigest()
        )
    return response


class ConditionalGetMiddleware(http.ConditionalGetMiddleware):
    """Django's 304 Not Modified for revisits, with the ETag from set_page_etag()."""

    def process_response(self, request, response):
        if request.method == "GET" and self.needs_etag(response) and not response.has_header("ETag"):
            set_page_etag(response)
        return super().process_response(request, response)


def _is_cacheable_view(path: str) -> bool:
    try:
        return getattr(resolve(path).func, "cache_for_anonymous", False)
    except Resolver404:
        return False
