"""`/healthz` for a load balancer: is this process up, and does the database answer?"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


@never_cache
def healthz(request):
    """200 `{"status": "ok"}` when a trivial query succeeds, else 503; never cached.

    It touches no session, cache or template, so it stays fast and says only
    whether this process can serve pages.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure to reach the database means "take me out of rotation"
        logger.error("Health check failed: database: %s: %s", type(exc).__name__, exc)
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
