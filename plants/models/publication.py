"""Publication: whether a profile is a draft, scheduled or live, the one rule every view, index and count uses.

Editors set a profile's status and, to schedule it, a publish time
("Publication" on its admin page).  `Visibility` is the rule for what the
public sees now, both for one row (`Visibility.of`) and as a filter
(`Visibility.LIVE.q()`, behind `PlantProfile.objects.live()`), so the two
cannot drift apart.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Visibility(models.TextChoices):
    """What the public sees of a profile right now: the one rule of "live", for queries and for one row."""

    DRAFT = "draft", "Draft"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"

    @classmethod
    def of(cls, status: str, published_at, now=None) -> "Visibility":
        if status != PublicationStatus.PUBLISHED:
            return cls.DRAFT
        if published_at is not None and published_at > (now or timezone.now()):
            return cls.SCHEDULED
        return cls.LIVE

    def q(self, prefix: str = "", now=None) -> Q:
        """The same rule as a filter, on profiles or (with `prefix`, e.g. "family_profiles__") through a relation."""
        now = now or timezone.now()
        published = Q(**{f"{prefix}status": PublicationStatus.PUBLISHED})
        if self is Visibility.DRAFT:
            return ~published
        if self is Visibility.SCHEDULED:
            return published & Q(**{f"{prefix}published_at__gt": now})
        return published & (
            Q(**{f"{prefix}published_at__isnull": True}) | Q(**{f"{prefix}published_at__lte": now})
        )
