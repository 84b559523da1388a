"""What must happen when any plant content changes, wherever the change comes from.

Signals call this for saves and deletes; code that writes with update() or raw
SQL (admin bulk actions, generate_plants) sends no signals and calls it itself.
"""

from .caching import forget_content_token
from .models import ContentVersion


def content_changed() -> None:
    """Make cached pages and every process's finder index stale (both are keyed by the version token)."""
    ContentVersion.objects.bump()
    forget_content_token()
