"""Shared test setup: static files collected once, the real alumroot fixture, factories."""

import pytest
from django.core.management import call_command

from plants.article_format import parse_file
from tests.support import factories
from tests.support.files import SEED


def pytest_sessionstart(session):
    # Tests run with DEBUG off and the production (manifest) static storage,
    # which needs collected files to resolve static(); collecting is incremental.
    # Under pytest-xdist (`-n 2`) the controlling process collects before its
    # workers start; two workers writing the same files at once would collide.
    if not hasattr(session.config, "workerinput"):
        call_command("collectstatic", interactive=False, verbosity=0)
    _record_jinja2_contexts()


def _record_jinja2_contexts():
    """Give the test client `response.context` for Jinja2 pages too.

    Django's test setup records the contexts of its own template language
    only; this sends the same signal for the public site's Jinja2 templates.
    """
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def render_and_record(self, context=None, request=None):
        context = {} if context is None else context
        content = render(self, context, request)  # adds the request and csrf entries to `context`
        template_rendered.send(sender=self, template=self, context=context)
        return content

    Template.render = render_and_record


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing():
    """Passwords hashed with a fast hasher: the real one takes about half a second a password here, on
    purpose, and tests only need passwords to work (the lock-out tests try dozens)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages (the page cache outlives database rollbacks)."""
    from django.core.cache import cache

    from plants.caching import forget_content_token

    cache.clear()
    forget_content_token()  # a token read in an earlier test may have been rolled back since


@pytest.fixture
def alumroot(db):
    """The seed article, loaded from the real fixture, published."""
    call_command("loaddata", "alumroot", verbosity=0)
    from plants.models import PlantProfile

    return PlantProfile.objects.get(usda_symbol="HEPAM2")


@pytest.fixture
def site(live_server, transactional_db, settings):
    """The live server's base URL, the alumroot loaded: for a browser, or a real proxy in front."""
    # The live server serves static files from the finders, by their plain names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("loaddata", "alumroot", verbosity=0)
    return live_server.url


@pytest.fixture
def make_plants(db):
    return factories.make_plants


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    return client


@pytest.fixture(scope="module")
def seed():
    """The reference article (the littleleaf alumroot) as the article reader reads it."""
    return parse_file(SEED)


@pytest.fixture(scope="module")
def seed_text():
    """The reference article's text, for tests that change a line of it."""
    return SEED.read_text(encoding="utf-8")
