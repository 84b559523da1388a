"""The Jinja2 environment of the public site's templates (templates/).

Gives templates what Django's template language had built in or loaded:
`static()` and `url()`, and the filters they use, Django's own where one
exists so the output is the same.
"""

import functools

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone
from jinja2 import Environment, StrictUndefined

from plants.templatetags.botany import italic_name
from plants.templatetags.links import http_url


def url(name: str, *args, **kwargs) -> str:
    """reverse() for templates: url("plants:plant_detail", slug=plant.slug)."""
    if not args and not kwargs:  # the site's fixed links, on every page
        return _fixed_url(name, get_script_prefix(), get_urlconf())
    return reverse(name, args=args or None, kwargs=kwargs or None)


# reverse() and the manifest lookup behind static() cost more than the rest of
# a page's header; their answers only change with what the keys hold.
@functools.lru_cache(maxsize=64)
def _fixed_url(name: str, script_prefix: str, urlconf) -> str:
    return reverse(name, urlconf=urlconf)


def static_url(path: str) -> str:
    """static() for templates, remembered per file (the manifest is read once per process)."""
    if settings.DEBUG:  # runserver serves unhashed files that may change
        return static(path)
    return _static_url(path, get_script_prefix())


@functools.lru_cache(maxsize=64)
def _static_url(path: str, script_prefix: str) -> str:
    return static(path)


def local_datetime(value) -> str:
    """A datetime in the site's time zone and format, as Django's templates print one."""
    return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


@receiver(setting_changed)
def _forget_urls(*, setting, **kwargs):
    # Tests switch storages and URL confs; a process serving pages never does.
    if setting in ("STATIC_URL", "STORAGES", "DEBUG", "ROOT_URLCONF", "FORCE_SCRIPT_NAME"):
        _fixed_url.cache_clear()
        _static_url.cache_clear()


class SiteEnvironment(Environment):
    """Jinja2, with `page.common_name` reading a plain dict's key before its attributes.

    Plant pages render stored JSON documents (plants/plant_pages.py).  Jinja
    tries an attribute first and falls back to the key; on a dict every lookup
    failed first, which cost more than the rest of rendering the name.  Django's
    template language looks keys up first too, so a key named like a dict
    method ("items") hides the method in templates, as it would there.
    """

    def make_globals(self, d):
        # One flat dict instead of Jinja's ChainMap over the environment's globals:
        # every render and every `{% from ... import %}` looks the globals up, and a
        # ChainMap answers each lookup in Python.  The environment's globals are
        # set before any template loads and never change after.
        return {**self.globals, **(d or {})}

    def getattr(self, obj, attribute):
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(**options) -> Environment:
    # A misspelt name is an error, not a silently empty string on the page.
    options["undefined"] = StrictUndefined
    options.setdefault("keep_trailing_newline", True)
    env = SiteEnvironment(**options)
    env.globals.update(static=static_url, url=url)
    env.filters.update(
        capfirst=defaultfilters.capfirst,
        datetime=local_datetime,
        http_url=http_url,
        italic_name=italic_name,
        pluralize=defaultfilters.pluralize,
    )
    return env
