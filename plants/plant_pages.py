"""Plant page documents: what a plant's page shows, built once per change and read in one query.

`build_document()` turns a profile (loaded with `PlantProfile.objects.for_page()`)
into plain JSON: text as stored (the article's prose as escaped HTML with its
paragraphs), choices and NatureServe ranks in words, zone scales worked out,
links reversed.  `rebuild()` stores documents for a
set of profiles; the write path (plants/content.py) calls it inside the
transaction of every change to what a page shows, so a committed change and
its page document are never out of step.  `page_for()` is the page's one query; a
profile without a document yet (made by bulk inserts, or before the table
existed) gets one built on its first visit.  `page_for()` decodes with orjson,
a quarter of the standard library's time for a page's document.

Documents hold reversed URLs and media URLs: after changing URL patterns or
MEDIA_URL, run `manage.py rebuild_plant_pages`.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import linebreaks

from plants.models import PlantPage, PlantProfile, UsdaPlace
from plants.models.profile import Visibility
from plants.structured_data import plant_json_ld
from plants.usda import growing_data, profile_text

# Raise when build_document() or the templates change what a document holds:
# a stored document of another version is rebuilt on its page's next visit.
DOCUMENT_VERSION = 7
# Profiles rebuilt per batch: one for_page() prefetch per batch keeps memory flat.
BATCH_SIZE = 500


def taxon_link(taxon) -> dict:
    """A taxon as a classification list shows it (plant and taxon pages)."""
    return {
        "scientific_name": taxon.scientific_name,
        "is_italicised": taxon.is_italicised,
        "common_name": taxon.common_name,
        "rank_label": taxon.rank_label,
        "authority": taxon.authority,
        "url": taxon.get_absolute_url(),
    }


def _image(image) -> dict:
    rendition = image.default_rendition
    return {
        "src": image.src,
        "srcset": image.srcset,
        "width": rendition.get("width"),
        "height": rendition.get("height"),
        "alt_text": image.alt_text,
        "credit": image.credit,
        "licence": image.get_licence_display(),
        "licence_url": image.licence_url,
        "source_url": image.source_url,
    }


def _conservation_status(status) -> dict:
    decoded = status.decoded
    return {
        "rank": status.rank,
        "place": status.place,
        "is_decoded": decoded.is_decoded,
        "summary": decoded.summary if decoded.is_decoded else "",
        "explanations": [list(pair) for pair in decoded.explanations()] if decoded.is_decoded else [],
        "notes": list(decoded.notes),
        "explanation": status.explanation,
    }


def _usda(profile: PlantProfile) -> dict | None:
    """What USDA PLANTS records of the plant (its growing data and places), or None if the import has not run."""
    try:
        record = profile.taxon.usda
    except ObjectDoesNotExist:
        return None
    places = {status: [] for status in UsdaPlace.Status.values}
    for place in record.places.all():
        places[place.status].append(place.place)
    native, introduced = places[UsdaPlace.Status.NATIVE], places[UsdaPlace.Status.INTRODUCED]
    editors_range = [place.state for place in profile.native_ranges.all()]
    return {
        "accessed": format_date(record.accessed, "j F Y"),
        "facts": [list(fact) for fact in growing_data.facts(vars(record))],
        "native_in": profile_text.place_names(native),
        "introduced_in": profile_text.place_names(introduced),
        # Codes for the map (plants/place_tiles.py), which then needs no query.
        "native_codes": sorted(native),
        "introduced_codes": sorted(introduced),
        # At a glance then points to the map instead of listing the same places again.
        "native_range_is_usdas": bool(native) and profile_text.same_range(editors_range, native),
        "native_summary": profile_text.native_places_text(native) if native else "",
        # Raw values for the plant list's calendar, columns and downloads (plants/plant_lists).
        "bloom_period": record.bloom_period,
        "flower_color": record.flower_color,
        "height_feet": record.height_feet,
        "availability": record.availability,
    }


def build_document(profile: PlantProfile) -> dict:
    """Everything the plant page shows, as JSON-ready values (profile from for_page())."""
    lineage = list(profile.taxon.lineage())
    images = [_image(image) for image in profile.images.all()]
    taxon = taxon_link(profile.taxon)
    statuses = list(profile.conservation_statuses.all())
    for status in statuses:
        status.profile = profile  # decoding reads the taxon's rank; spare the query
    return {
        "version": DOCUMENT_VERSION,
        "common_name": profile.common_name,
        "title": profile.title,
        # Article text as HTML (escaped, paragraphs and line breaks), made once here
        # rather than on every visit: it was a fifth of the page's rendering.
        "summary_html": linebreaks(profile.summary, autoescape=True),
        "description": truncatechars(profile.summary, 155),
        "og_description": truncatechars(profile.summary, 200),
        "usda_symbol": profile.usda_symbol,
        "usda_url": profile.usda_url,
        "is_rare": profile.is_rare,
        "taxon": taxon,
        "life_cycles": profile.life_cycles,
        "growth_habits": profile.growth_habits,
        "usda_group": profile.get_usda_group_display(),
        "native_statuses": [{"label": str(s), "code": s.code} for s in profile.native_statuses.all()],
        "native_ranges": [str(place) for place in profile.native_ranges.all()],
        "zone_range": profile.zone_range,
        "zone_min": profile.zone_min,
        "zone_max": profile.zone_max,
        "hardiness": profile.hardiness,
        "zone_scale": [
            {"number": cell.number, "in_range": cell.in_range, "partial": cell.partial}
            for cell in profile.zone_scale
        ],
        "light_levels": profile.light_levels,
        "water_need": profile.get_water_need_display() if profile.water_need else "",
        "climate_notes": profile.climate_notes,
        "light_notes": profile.light_notes,
        "soil_notes": profile.soil_notes,
        "water_notes": profile.water_notes,
        "images": images,
        "sections": [
            {
                "order": s.order,
                "heading": s.heading,
                "body_html": linebreaks(s.body, autoescape=True),
                "shows": s.shows,
            }
            for s in profile.sections.all()
        ],
        "garden_uses": [
            {"label": use.note or use.garden_use.name, "url": use.garden_use.get_absolute_url()}
            for use in profile.garden_uses.all()
        ],
        "care_tips": [
            {"category": tip.category, "label": tip.get_category_display(), "text": tip.text}
            for tip in profile.care_tips.all()
        ],
        "wildlife": [
            {
                "name": support.wildlife.name,
                "resource": support.get_resource_display() if support.resource else "",
            }
            for support in profile.wildlife_supported.all()
        ],
        "conservation_statuses": [_conservation_status(status) for status in statuses],
        "lineage": [taxon_link(node) for node in lineage],
        "source_citation": profile.data_source.citation if profile.data_source else "",
        "usda": _usda(profile),
        # Completed on each visit by PageRead.structured_data().
        "structured_data": plant_json_ld(profile, lineage, page_url=""),
    }


# A save that changes more pages than this (a source, a garden use or a taxon
# shared by many plants) drops their documents instead of rebuilding them in the
# editor's request: rebuilding 50,000 would take minutes, past the server's
# timeout, and the save would fail.  Each dropped page is built on its next visit.
EAGER_REBUILD_LIMIT = BATCH_SIZE


def refresh_or_list(profiles) -> list[int]:
    """The ids of `profiles` to rebuild now, or none if there are too many (their documents are dropped).

    Up to EAGER_REBUILD_LIMIT the caller rebuilds them (with any others, each
    once: plants.content); beyond it they are deleted in one statement, and
    page_for() builds each on its next visit.  Either way no visit after the
    save's commit sees an old document.
    """
    profiles = profiles.order_by()
    if profiles.count() > EAGER_REBUILD_LIMIT:
        PlantPage.objects.filter(profile__in=profiles.values("pk")).delete()
        return []
    return list(profiles.values_list("pk", flat=True))


def refresh_ids(ids) -> int:
    """Bring the documents of these profiles up to date, as refresh_or_list(); returns how many were rebuilt."""
    ids = sorted(set(ids))
    if len(ids) > EAGER_REBUILD_LIMIT:
        for start in range(0, len(ids), BATCH_SIZE):
            PlantPage.objects.filter(profile_id__in=ids[start : start + BATCH_SIZE]).delete()
        return 0
    return rebuild_ids(ids)


def rebuild(profiles) -> int:
    """Build and store the documents of `profiles` (a PlantProfile queryset); returns how many."""
    return rebuild_ids(profiles.order_by().values_list("pk", flat=True))


def rebuild_ids(ids) -> int:
    """Build and store the documents of the profiles with these ids; returns how many."""
    count = 0
    ids = list(ids)
    for start in range(0, len(ids), BATCH_SIZE):
        batch = PlantProfile.objects.for_page().filter(pk__in=ids[start : start + BATCH_SIZE])
        pages = [PlantPage(profile=profile, document=build_document(profile)) for profile in batch]
        _store(pages)
        count += len(pages)
    return count


def _store(pages: list[PlantPage]) -> None:
    """Insert the pages, or replace the documents of profiles that have one."""
    PlantPage.objects.bulk_create(
        pages, update_conflicts=True, unique_fields=["profile"], update_fields=["document", "built_at"]
    )


@dataclass(frozen=True)
class PageRead:
    """A page document with the profile's publication state and dates, read with it."""

    profile_id: int
    status: str
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    document: dict

    @property
    def is_live(self) -> bool:
        return Visibility.of(self.status, self.published_at) == Visibility.LIVE

    def structured_data(self, page_url: str) -> dict:
        """The page's JSON-LD: the stored part plus its address and dates, which publishing changes."""
        return dict(
            self.document["structured_data"],
            url=page_url,
            mainEntityOfPage=page_url,
            dateModified=self.updated_at.isoformat(),
            datePublished=(self.published_at or self.created_at).isoformat(),
        )


# Raw SQL because this is every plant page's only query, and building it with
# the ORM's query compiler took longer than the rest of the page.
_PAGE_SQL = (
    "SELECT profile.id, profile.status, profile.published_at, profile.created_at, profile.updated_at,"
    " page.document AS page_document"
    f" FROM {PlantProfile._meta.db_table} profile"
    f" LEFT JOIN {PlantPage._meta.db_table} page ON page.profile_id = profile.id"
    " WHERE profile.slug = %s"
)


def page_for(slug: str, *, include_unpublished: bool = False) -> PageRead | None:
    """The page of the profile with this slug, in one query; None if there is none to show."""
    with connection.cursor() as cursor:
        cursor.execute(_PAGE_SQL, [slug])
        row = cursor.fetchone()
    if row is None:
        return None
    pk, status, published_at, created_at, updated_at, stored = row
    document = orjson.loads(stored) if stored is not None else None
    if document is None or document.get("version") != DOCUMENT_VERSION:
        document = _build_now(pk, replace=document is not None)
    page = PageRead(pk, status, _aware(published_at), _aware(created_at), _aware(updated_at), document)
    return page if include_unpublished or page.is_live else None


def _aware(value: datetime | None) -> datetime | None:
    # SQLite returns the stored UTC times naive (the ORM would make them aware the same way).
    if value is not None and timezone.is_naive(value):
        return timezone.make_aware(value, UTC)
    return value


def _build_now(pk: int, *, replace: bool) -> dict:
    """Build a document on a visit: the profile has none yet, or one of an older version."""
    profile = PlantProfile.objects.for_page().get(pk=pk)
    document = build_document(profile)
    page = PlantPage(profile=profile, document=document)
    if replace:
        _store([page])
    else:
        # If an editor's save stored a document meanwhile, theirs is as new: keep it.
        PlantPage.objects.bulk_create([page], ignore_conflicts=True)
    return orjson.loads(orjson.dumps(document))  # as if read back


@dataclass(frozen=True)
class ListedPage:
    """A live plant's page document as a list of plants reads it, with its page's slug."""

    symbol: str
    slug: str
    document: dict


_LIST_SQL = (
    "SELECT profile.id, profile.usda_symbol, profile.slug, profile.status, profile.published_at,"
    " page.document AS page_document"
    f" FROM {PlantProfile._meta.db_table} profile"
    f" LEFT JOIN {PlantPage._meta.db_table} page ON page.profile_id = profile.id"
    " WHERE profile.usda_symbol IN ({})"
)


def documents_for_symbols(symbols, keys=None) -> dict[str, ListedPage]:
    """The page documents of the live profiles with these USDA symbols, by symbol, in one query.

    Raw SQL for the reason page_for() is.  Documents missing or of another
    version are built together, a few queries for them all, as page_for()
    builds one; a list is bounded (plants.plant_lists), so this stays small.
    With `keys` ({key: None, or the keys to keep of a dict under it}), each
    document keeps only those: a list of 200 plants then holds a fraction of
    their pages in memory, which the garbage collector would otherwise scan
    again and again while the page renders.
    """
    symbols = list(dict.fromkeys(symbols))
    if not symbols:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_LIST_SQL.format(", ".join(["%s"] * len(symbols))), symbols)
        rows = cursor.fetchall()
    found, stale = {}, {}
    for pk, symbol, slug, status, published_at, stored in rows:
        if Visibility.of(status, _aware(published_at)) != Visibility.LIVE:
            continue
        document = orjson.loads(stored) if stored is not None else None
        if document is None or document.get("version") != DOCUMENT_VERSION:
            stale[pk] = document is not None
        else:
            found[symbol] = ListedPage(symbol, slug, _only(document, keys))
    if stale:
        found.update(
            {
                symbol: ListedPage(symbol, page.slug, _only(page.document, keys))
                for symbol, page in _build_many(stale).items()
            }
        )
    return found


def _only(document: dict, keys) -> dict:
    if keys is None:
        return document
    kept = {}
    for key, inner in keys.items():
        value = document.get(key)
        kept[key] = {name: value.get(name) for name in inner} if inner and value is not None else value
    return kept


def _build_many(stale: dict[int, bool]) -> dict[str, ListedPage]:
    """Build the documents of these profiles (id -> whether one of another version is stored) on a visit."""
    built, new, replaced = {}, [], []
    for profile in PlantProfile.objects.for_page().filter(pk__in=list(stale)):
        document = build_document(profile)
        (replaced if stale[profile.pk] else new).append(PlantPage(profile=profile, document=document))
        built[profile.usda_symbol] = ListedPage(
            profile.usda_symbol, profile.slug, orjson.loads(orjson.dumps(document))
        )
    if replaced:
        _store(replaced)
    if new:
        # As in _build_now(): a document an editor's save stored meanwhile is as new; keep it.
        PlantPage.objects.bulk_create(new, ignore_conflicts=True)
    return built
