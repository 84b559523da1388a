"""Gunicorn settings for `make serve` (production mode on one machine), read from the environment.

WEB_CONCURRENCY sets the worker count (default: one per core this process may
run on); BIND the address (default 127.0.0.1:8000).
"""

import os

from nativeplants.environment import Environment

# The settings' own reader: a number that is not one stops gunicorn naming the variable.
env = Environment(os.environ)

bind = env.text("BIND", "127.0.0.1:8000")


def usable_cores() -> int:
    """The cores this process may run on: a container's CPU set where the system tells it (Linux)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# One worker per core, not gunicorn's starting advice of 2 x cores + 1: a page here
# is CPU work between queries that a database on the same machine answers in a
# tenth of a millisecond, so a worker past the core count only takes turns on
# the cores, and each turn costs the others their CPU caches (on 2 cores, 5
# workers served a third fewer uncached plant pages than 2; tests/bench/README.md).
# With the database across a network, workers wait on it: set WEB_CONCURRENCY higher.
workers = env.whole_number("WEB_CONCURRENCY", usable_cores())
worker_class = "sync"
# A request slower than this is stuck, not busy: the worker is replaced.
timeout = env.whole_number("GUNICORN_TIMEOUT", 30)
# Recycle workers now and then so slow memory growth cannot accumulate; rarely,
# because a new worker starts with an empty page cache and must rebuild the
# finder's index (about a second at 50,000 plants).
max_requests = env.whole_number("GUNICORN_MAX_REQUESTS", 100000)
max_requests_jitter = max_requests // 10
accesslog = "-" if env.flag("ACCESS_LOG") else None
errorlog = "-"
# Request lines and referrers carry visitors' ZIP codes: they are masked.
logger_class = "nativeplants.access_log.AccessLogger"
