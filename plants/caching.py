"""Whole-page caching for anonymous visitors, invalidated by any content change.

Every cached page's key includes a content "generation" number; saving or
deleting any plant content bumps it (plants/signals.py), so an editor's
change is on the public site at the next request, without tracking which
pages a change touches.  Staff and logged-in users are never served from
the cache: they may be previewing drafts.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "content-generation"


def content_generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def bump_content_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet (or evicted): any new number will do
        cache.set(GENERATION_KEY, content_generation() + 1, timeout=None)


def cache_for_anonymous(view):
    """Cache a page's 200 responses for CACHE_SECONDS, per full URL, for visitors who are not logged in."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "GET" or not settings.CACHE_SECONDS or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"page:{content_generation()}:{digest}"
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code == 200:
                cache.set(key, response, settings.CACHE_SECONDS)
        return response

    return wrapped
