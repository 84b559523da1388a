"""Links built from stored URLs."""

from urllib.parse import urlsplit

from django import template

register = template.Library()


@register.filter
def http_url(value) -> str:
    """The URL if it is an absolute http(s) URL, else "".

    URL fields are validated in forms, but fixtures and imports bypass forms;
    a stored `javascript:` or `data:` URL must never become a link.
    """
    url = str(value or "").strip()
    # urlsplit drops tabs and newlines as browsers do, so "java\tscript:" is seen as javascript.
    parts = urlsplit(url)
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return ""
