"""The settings module run under a chosen environment, as a production server would start it."""

import os
import runpy
import secrets

from tests.support.files import BASE_DIR

SETTINGS_FILE = BASE_DIR / "nativeplants" / "settings.py"
# Variables the settings read; each test states the ones it wants, the rest are unset.
SETTINGS_ENV = [
    "DEBUG",
    "SECRET_KEY",
    "HTTPS",
    "HSTS_SECONDS",
    "ALLOWED_HOSTS",
    "TRUSTED_PROXIES",
    "ADMIN_URL",
    "AXES_FAILURE_LIMIT",
    "AXES_COOLOFF_MINUTES",
    "LOG_LEVEL",
    "DB_PREPARED_STATEMENTS",
]
# Set for the browser tests in this process; it has no place in production (async.E001).
TEST_ONLY_ENV = ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def production_env(**overrides):
    env = {name: value for name, value in os.environ.items() if name not in SETTINGS_ENV + TEST_ONLY_ENV}
    env.update(DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), HTTPS="1", ALLOWED_HOSTS="plants.example.org")
    env.update(overrides)
    return {name: value for name, value in env.items() if value is not None}


def settings_under(monkeypatch, **env):
    """The settings module's values as they come out of the given environment."""
    for name in SETTINGS_ENV:
        monkeypatch.delenv(name, raising=False)
    for name, value in production_env(**env).items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))
