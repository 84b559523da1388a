"""gunicorn's settings for `make serve` (nativeplants/gunicorn_conf.py), read as gunicorn reads them."""

import os
import runpy
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

CONF = Path(__file__).resolve().parents[2] / "nativeplants" / "gunicorn_conf.py"


def settings(monkeypatch, **variables) -> dict:
    for name in ("WEB_CONCURRENCY", "BIND", "GUNICORN_TIMEOUT", "GUNICORN_MAX_REQUESTS"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_one_sync_worker_per_core_the_process_may_use(monkeypatch):
    conf = settings(monkeypatch)
    assert conf["worker_class"] == "sync"
    assert conf["workers"] == len(os.sched_getaffinity(0))
    assert conf["bind"] == "127.0.0.1:8000"


def test_the_environment_sets_workers_and_address(monkeypatch):
    conf = settings(monkeypatch, WEB_CONCURRENCY="7", BIND="0.0.0.0:9000")
    assert conf["workers"] == 7
    assert conf["bind"] == "0.0.0.0:9000"


def test_a_worker_count_that_is_not_a_number_stops_start_up_naming_it(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="WEB_CONCURRENCY must be a whole number"):
        settings(monkeypatch, WEB_CONCURRENCY="lots")


def test_without_cpu_sets_one_worker_per_core_of_the_machine(monkeypatch):
    # macOS has no sched_getaffinity: the machine's core count stands in.
    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert settings(monkeypatch)["workers"] == 3
