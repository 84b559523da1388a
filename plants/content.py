"""The one write path: every change to plant content ends here, and what it invalidates is refreshed once.

Three things are derived from what editors and imports write:

* each profile's derived columns (family, rarity, search names and text: `plants.derived`);
* each profile's page document (`plants.plant_pages`);
* the content version, which keys cached pages and every process's finder index (`ContentVersion`),
  with a log of the profiles each version changed, so finder indexes update just those (`FinderChange`).

Every route that writes content runs inside `change()`: an admin save (the
whole request, so the profile, then its inlines, then the refresh), an admin
bulk action, `import_article`, `generate_plants`, `loaddata` and the USDA
import.  Inside the block, saves and deletes only *note* what they touched
(`Change.profiles()`, `.taxa()`, `.cited_by()`, called by the receivers in
plants/signals.py, which see loaddata's raw saves too, and by code that writes
with `update()` or bulk inserts, which send no signals).  When the outermost
block ends, still inside its transaction, each touched profile's derived
columns are recomputed once, its page rebuilt once (or dropped, for a change
shared by very many plants: `plant_pages.refresh_or_list`), and the version renewed
once.  An error inside the block rolls all of it back.

A save outside any block (a shell session, a test's factory) is a change of
its own and refreshes at once.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction

from plants import derived, plant_pages
from plants.caching import forget_content_token
from plants.models import ContentVersion, FinderChange, PlantPage, PlantProfile, Taxon

_open: contextvars.ContextVar[Change | None] = contextvars.ContextVar("open_content_change", default=None)


@dataclass
class Change:
    """What one change touched, collected until it ends."""

    # Profiles whose own fields or article rows changed: derived columns and page.
    derived_ids: set[int] = field(default_factory=set)
    # Profiles whose page shows a changed row (photos, ranges, wildlife...) but nothing derived.
    page_ids: set[int] = field(default_factory=set)
    # Taxa renamed or moved: every profile below them, derived columns, page and finder values.
    taxon_ids: set[int] = field(default_factory=set)
    # Querysets of profiles citing a changed source or vocabulary term: their pages.
    citing: list = field(default_factory=list)
    deleted_ids: set[int] = field(default_factory=set)
    # Profiles published or unpublished in bulk: only the finder and cached pages see it.
    publication_ids: set[int] = field(default_factory=set)
    # Anything at all changed (a vocabulary term no page cites yet still changes the finder).
    touched: bool = False
    # Something changed that no list of profiles covers (a vocabulary term, a bulk update): finders rebuild.
    beyond_profiles: bool = False

    def profiles(self, ids, *, derived_changed: bool = True) -> None:
        target = self.derived_ids if derived_changed else self.page_ids
        target.update(ids)
        self.touched = True

    def taxa(self, ids) -> None:
        self.taxon_ids.update(ids)
        self.touched = True

    def new_taxon(self) -> None:
        """A taxon added: no plant is below it yet, so only the version (taxon pages, a new finder family label)."""
        self.touched = True

    def cited_by(self, profiles) -> None:
        """Profiles (a queryset) whose pages cite a changed source or term."""
        self.citing.append(profiles)
        self.touched = self.beyond_profiles = True

    def deleted(self, ids) -> None:
        self.deleted_ids.update(ids)
        self.touched = True

    def publication(self, ids) -> None:
        """Profiles whose publication changed in bulk: pages read it beside their documents, so only the version."""
        self.publication_ids.update(ids)
        self.touched = True

    def something(self) -> None:
        """Content changed that no list of profiles covers (a term nobody uses yet, a bulk import): finders rebuild."""
        self.touched = self.beyond_profiles = True

    def apply(self) -> None:
        """Refresh what the change made stale: derived columns, pages, the content version and its log."""
        if not self.touched:
            return
        if self.deleted_ids:
            PlantPage.objects.filter(profile_id__in=self.deleted_ids).delete()
        below = [PlantProfile.objects.below(taxon) for taxon in Taxon.objects.filter(pk__in=self.taxon_ids)]
        derived_ids = set(self.derived_ids)
        for profiles in below:
            derived_ids.update(profiles.values_list("pk", flat=True))
        derived_ids -= self.deleted_ids
        derived.refresh(derived_ids)
        # Each page once: a shared row's plants join the others unless there are so
        # many that their documents are dropped (and built on their next visit).
        page_ids = (self.page_ids | set(self.derived_ids)) - self.deleted_ids
        for profiles in below + self.citing:
            page_ids.update(plant_pages.refresh_or_list(profiles.exclude(pk__in=self.deleted_ids)))
        plant_pages.refresh_ids(page_ids)
        token = ContentVersion.objects.bump()
        # A profile's finder values are its own row and its taxon's, its uses and ranges (page-only rows included).
        touched = derived_ids | self.page_ids | self.deleted_ids | self.publication_ids
        FinderChange.objects.record(token, touched, rebuild=self.beyond_profiles)
        forget_content_token()  # this process sees its own change at once


@contextmanager
def change():
    """Collect what the block writes and refresh it once at its end, in its transaction.

    Nested blocks join the outermost one.  Yields the `Change`, for code that
    writes without signals (update(), bulk inserts) to note what it touched.
    """
    outer = _open.get()
    if outer is not None:
        yield outer
        return
    pending = Change()
    token = _open.set(pending)
    try:
        with transaction.atomic():
            yield pending
            pending.apply()
    finally:
        _open.reset(token)


@contextmanager
def noting():
    """The open change, or a change of its own applied at once (a save outside any block)."""
    open_change = _open.get()
    if open_change is not None:
        yield open_change
        return
    single = Change()
    yield single
    single.apply()
