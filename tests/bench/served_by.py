"""The site's WSGI application, with the answering gunicorn worker's process id in a header.

For the benchmark's scale-out soaks only (tests/bench/scale_out.py): a save is
"on the finder" once every worker's own in-memory index has it, and gunicorn
hands each connection to whichever worker accepts it first, so only the answer
can say which worker it came from. The header is added outside Django, so
pages, cache hits and errors are exactly the site's.
"""

import os

from nativeplants.wsgi import application as site
from tests.bench import WORKER_HEADER


def application(environ, start_response):
    def start(status, headers, exc_info=None):
        return start_response(status, [*headers, (WORKER_HEADER, str(os.getpid()))], exc_info)

    return site(environ, start)
