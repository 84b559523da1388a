"""Gunicorn settings for `make serve` (production mode on one machine), read from the environment.

WEB_CONCURRENCY sets the worker count (default 2 x cores + 1, gunicorn's own
advice for sync workers); BIND the address (default 127.0.0.1:8000).
"""

import multiprocessing
import os

from nativeplants.environment import Environment

# The settings' own reader: a number that is not one stops gunicorn naming the variable.
env = Environment(os.environ)

bind = env.text("BIND", "127.0.0.1:8000")
workers = env.whole_number("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
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
