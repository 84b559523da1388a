"""Store a parsed plant article: the Django side of `manage.py import_article`.

`plants.article_format` reads the text; `import_article` maps the resulting
`ParsedArticle` onto the models, creating or updating one draft profile with
its taxon chain, vocabulary terms, data source and child rows (sections, care
tips, garden uses, wildlife, native statuses and range, conservation
statuses).

Rules, so that importing is repeatable:

* Taxa are matched by (rank, scientific name) and never duplicated.  Missing
  ones are created (slug = slugify(name)); existing ones only get an empty
  authority or common name filled in, or a parent refined when the file names
  a rank between the stored parent and the taxon.  A file whose chain
  contradicts the stored tree is an error.
* The profile is matched by USDA symbol.  A new profile is a draft unless
  `publish` is set; an updated one keeps its publication status.
* Child rows are replaced to match the file exactly, and only when they
  differ; no row is saved whose values are unchanged, so importing the same
  file twice changes nothing (not even `updated_at`).
* Everything runs in one transaction; any validation error rolls the whole
  article back and is raised as `ArticleImportError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.text import slugify

from plants import content
from plants.article_format import DataSourceItem, ParsedArticle, TaxonItem
from plants.models import (
    FLAG_COLUMNS,
    ArticleSection,
    CareTip,
    ConservationStatus,
    DataSource,
    GardenUse,
    NativeRange,
    NativeStatus,
    PlantGardenUse,
    PlantProfile,
    PublicationStatus,
    Rank,
    Taxon,
    UsdaGroup,
    Wildlife,
    WildlifeSupport,
)

CREATED = "created"
UPDATED = "updated"
UNCHANGED = "unchanged"

# USDA PLANTS (Cronquist) classes and the USDA group they belong to, for
# articles whose classification leaves out the "Group" line.
GROUP_BY_CLASS = {
    "Magnoliopsida": UsdaGroup.DICOT,
    "Liliopsida": UsdaGroup.MONOCOT,
    "Pinopsida": UsdaGroup.GYMNOSPERM,
    "Gnetopsida": UsdaGroup.GYMNOSPERM,
    "Cycadopsida": UsdaGroup.GYMNOSPERM,
    "Ginkgoopsida": UsdaGroup.GYMNOSPERM,
    "Filicopsida": UsdaGroup.FERN,
    "Equisetopsida": UsdaGroup.HORSETAIL,
    "Lycopodiopsida": UsdaGroup.LYCOPOD,
    "Isoetopsida": UsdaGroup.QUILLWORT,
    "Psilopsida": UsdaGroup.WHISK_FERN,
}

# Words left out of a data source's title in its key: "The PLANTS Database" -> "plants".
_TITLE_FILLER = {"the", "a", "an", "of", "database", "website", "web", "site", "online"}


@dataclass
class ImportResult:
    """What importing one article did (or, in a dry run, would do)."""

    action: str  # CREATED, UPDATED or UNCHANGED
    usda_symbol: str
    common_name: str
    status: str
    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        """ "created HEPAM2 Littleleaf Alumroot (draft)"; "would create ..." in a dry run."""
        verb = self.action
        if self.dry_run and self.action != UNCHANGED:
            verb = {CREATED: "would create", UPDATED: "would update"}[self.action]
        return f"{verb} {self.usda_symbol} {self.common_name} ({self.status})"


class ArticleImportError(Exception):
    """The article could not be stored; `errors` lists (field, message) pairs."""

    def __init__(self, errors: list[tuple[str, str]]):
        self.errors = errors
        super().__init__("; ".join(f"{name}: {message}" for name, message in errors))

    @classmethod
    def from_validation_error(cls, error: ValidationError, obj: models.Model) -> ArticleImportError:
        model = obj._meta.model_name
        if not hasattr(error, "error_dict"):
            return cls([(model, message) for message in error.messages])
        errors = []
        for name, messages in error.message_dict.items():
            label = model if name == NON_FIELD_ERRORS else f"{model}.{name}"
            errors.extend((label, message) for message in messages)
        return cls(errors)


def data_source_key(item: DataSourceItem) -> str:
    """A source's key: publisher's short name, title's key words, access date.

    "USDA, NRCS", "The PLANTS Database", 2025-02-25 -> "usda-plants-2025-02-25".
    """
    publisher = item.publisher.split(",")[0]
    words = [word for word in re.findall(r"[\w'’-]+", item.title) if word.lower() not in _TITLE_FILLER]
    stem = slugify(f"{publisher} {' '.join(words) or item.title}")
    date = item.accessed.isoformat()
    max_stem = DataSource._meta.get_field("key").max_length - len(date) - 1
    return f"{stem[:max_stem].strip('-')}-{date}"


def import_article(parsed: ParsedArticle, *, publish: bool = False, dry_run: bool = False) -> ImportResult:
    """Create or update the profile of one parsed article, in its own transaction.

    With `dry_run` the work is done and then rolled back, so the result says
    what would change.  Raises `ArticleImportError` (after rolling back) when
    a row fails model validation or the database refuses it.
    """
    try:
        with transaction.atomic():
            # One change per article: its rows are saved, then refreshed once (plants/content.py).
            with content.change():
                result = _Importer(parsed, publish=publish).run()
            result.dry_run = dry_run
            if dry_run:
                transaction.set_rollback(True)
    except DatabaseError as error:
        raise ArticleImportError([("database", str(error).strip())]) from error
    return result


def _validate(obj: models.Model) -> None:
    try:
        obj.full_clean()
    except ValidationError as error:
        raise ArticleImportError.from_validation_error(error, obj) from error


def _create(model: type[models.Model], **values) -> models.Model:
    obj = model(**values)
    _validate(obj)
    obj.save()
    return obj


@dataclass
class _Children:
    """One kind of child row: how to read the stored rows and build the file's rows."""

    label: str
    related_name: str
    model: type[models.Model]
    fields: tuple[str, ...]
    rows: list[dict]

    def wanted(self) -> list[tuple]:
        return [tuple(_pk(row[name]) for name in self.fields) for row in self.ordered_rows()]

    def ordered_rows(self) -> list[dict]:
        # Compared with the stored rows in the model's ordering; rows ordered by id keep the file's order.
        ordering = [name for name in self.model._meta.ordering if name != "id"]
        return sorted(self.rows, key=lambda row: tuple(_pk(row[name]) for name in ordering))


def _pk(value):
    return value.pk if isinstance(value, models.Model) else value


class _Importer:
    def __init__(self, parsed: ParsedArticle, *, publish: bool):
        self.parsed = parsed
        self.publish = publish
        self.changes: list[str] = []
        self.warnings: list[str] = []

    def run(self) -> ImportResult:
        parsed = self.parsed
        taxon = self._taxon_chain()
        source = self._data_source(parsed.data_source)
        profile = PlantProfile.objects.filter(usda_symbol=parsed.usda_symbol).first()
        created = profile is None
        profile, profile_changed = self._save_profile(profile, taxon, source)
        children_changed = False
        for children in self._children():
            children_changed |= self._replace_children(profile, children, created)
        if children_changed and not (created or profile_changed):
            # The article's text changed even though the profile's own fields did not.
            profile.save(update_fields=["updated_at"])
        if created:
            action = CREATED
        elif profile_changed or children_changed or self.changes:
            action = UPDATED
        else:
            action = UNCHANGED
        return ImportResult(
            action=action,
            usda_symbol=profile.usda_symbol,
            common_name=profile.common_name,
            status=profile.status,
            changes=self.changes,
            warnings=self.warnings,
        )

    # -- taxa ----------------------------------------------------------------

    def _taxon_chain(self) -> Taxon:
        parent = None
        for item in self.parsed.classification:
            try:
                rank = Rank.from_name(item.rank)
            except KeyError:
                self.warnings.append(
                    f"Rank “{item.rank}” of {item.scientific_name} is not one the site stores; skipped."
                )
                continue
            parent = self._taxon(rank, item, parent)
        if parent is None:
            raise ArticleImportError(
                [("taxon", "The article has no classification, so the plant's taxon cannot be placed.")]
            )
        return parent

    def _taxon(self, rank: Rank, item: TaxonItem, parent: Taxon | None) -> Taxon:
        name = item.scientific_name
        taxon = Taxon.objects.filter(rank=rank, scientific_name=name).select_related("parent").first()
        if taxon is None:
            slug = slugify(name)
            clash = Taxon.objects.filter(slug=slug).first()
            if clash is not None and clash.scientific_name == name:
                message = (
                    f"“{name}” is already in the database with rank {clash.rank_label}; "
                    f"the file gives it rank {rank.label}."
                )
                raise ArticleImportError([("taxon.rank", message)])
            if clash is not None:
                message = (
                    f"The slug “{slug}” of {rank.label.lower()} “{name}” is taken by "
                    f"the {clash.rank_label.lower()} “{clash.scientific_name}”."
                )
                raise ArticleImportError([("taxon.slug", message)])
            taxon = _create(
                Taxon,
                rank=rank,
                scientific_name=name,
                authority=item.authority,
                common_name=item.common_name,
                slug=slug,
                parent=parent,
            )
            self.changes.append(f"taxon: created {rank.label.lower()} {name}")
            return taxon

        updated = []
        for attribute in ("authority", "common_name"):
            stored, written = getattr(taxon, attribute), getattr(item, attribute)
            if written and not stored:
                setattr(taxon, attribute, written)
                updated.append(f"filled {attribute.replace('_', ' ')}")
            elif written and stored != written:
                self.warnings.append(
                    f"Taxon {name} keeps its {attribute.replace('_', ' ')} “{stored}”; the file says “{written}”."
                )
        if parent is not None and taxon.parent_id != parent.pk:
            if taxon.parent_id is not None and _is_ancestor(parent, taxon.parent):
                pass  # the file skips ranks the database has: "Division" straight under "Kingdom"
            elif taxon.parent_id is None or _is_ancestor(taxon.parent, parent):
                # The file names ranks between the stored parent and the taxon.
                taxon.parent = parent
                updated.append(f"moved under {parent.scientific_name}")
            else:
                raise ArticleImportError(
                    [
                        (
                            "taxon.parent",
                            f"{rank.label} {name} is under {taxon.parent.rank_label.lower()} "
                            f"{taxon.parent.scientific_name} in the database, but the file puts it under "
                            f"{parent.rank_label.lower()} {parent.scientific_name}.",
                        )
                    ]
                )
        if updated:
            _validate(taxon)
            taxon.save()
            self.changes.append(f"taxon {name}: {', '.join(updated)}")
        return taxon

    # -- data source and vocabularies ------------------------------------------

    def _data_source(self, item: DataSourceItem | None) -> DataSource | None:
        if item is None:
            return None
        key = data_source_key(item)
        values = {
            "publisher": item.publisher,
            "year": item.year,
            "title": item.title,
            "url": item.url,
            "accessed": item.accessed,
            "publisher_place": item.publisher_place,
        }
        source = DataSource.objects.filter(key=key).first()
        if source is None:
            source = _create(DataSource, key=key, **values)
            self.changes.append(f"data source: created {key}")
            return source
        filled = []
        for name, written in values.items():
            stored = getattr(source, name)
            if written and not stored:
                setattr(source, name, written)
                filled.append(name)
            elif written and stored != written:
                self.warnings.append(
                    f"Data source {key} keeps its {name.replace('_', ' ')} “{stored}”; the file says “{written}”."
                )
        if filled:
            _validate(source)
            source.save()
            self.changes.append(f"data source {key}: filled {', '.join(filled)}")
        return source

    def _term(self, model: type[GardenUse] | type[Wildlife], name: str) -> GardenUse | Wildlife:
        slug = slugify(name)
        term = model.objects.filter(slug=slug).first() or model.objects.filter(name__iexact=name).first()
        if term is None:
            term = _create(model, name=name, slug=slug)
            self.changes.append(f"{model._meta.verbose_name}: created {name}")
        return term

    # -- the profile ---------------------------------------------------------

    def _usda_group(self) -> str:
        written = self.parsed.usda_group
        if written:
            by_lower = {value.lower(): value for value in UsdaGroup.values}
            return by_lower.get(written.lower(), written)  # an unknown group fails validation
        klass = next((t for t in self.parsed.classification if t.rank == "class"), None)
        group = GROUP_BY_CLASS.get(klass.scientific_name) if klass else None
        if group is None:
            return ""
        self.warnings.append(
            f"No USDA group in the file; {group} taken from the class {klass.scientific_name}."
        )
        return group.value

    def _profile_values(self, taxon: Taxon, source: DataSource | None) -> dict:
        parsed = self.parsed
        values = {
            "taxon": taxon,
            "common_name": parsed.common_name,
            "usda_group": self._usda_group(),
            "title": parsed.title,
            "summary": parsed.summary,
            "zone_min": parsed.zone_low,
            "zone_max": parsed.zone_high,
            "climate_notes": parsed.climate_notes,
            "light_notes": parsed.light_notes,
            "soil_notes": parsed.soil_notes,
            "water_need": parsed.water_need,
            "water_notes": parsed.water_notes,
            "data_source": source,
        }
        chosen = {"life_cycle": parsed.life_cycles, "habit": parsed.growth_habits, "light": parsed.light}
        for column, (group, term) in FLAG_COLUMNS.items():
            values[column] = term in chosen[group]
        return values

    def _slug(self, profile: PlantProfile | None) -> str:
        parsed = self.parsed
        others = PlantProfile.objects.exclude(pk=profile.pk) if profile else PlantProfile.objects.all()
        plain = slugify(parsed.common_name) or slugify(parsed.usda_symbol)
        candidates = [plain, slugify(f"{parsed.common_name} {parsed.usda_symbol}")]
        if (
            profile is not None
            and profile.slug in candidates
            and not others.filter(slug=profile.slug).exists()
        ):
            return profile.slug
        if profile is not None and profile.status == PublicationStatus.PUBLISHED:
            # A published page keeps its address; an editor can change it in the admin.
            self.warnings.append(
                f"The published profile keeps its slug “{profile.slug}”; its common name would give “{plain}”."
            )
            return profile.slug
        return plain if not others.filter(slug=plain).exists() else candidates[1]

    def _save_profile(
        self, profile: PlantProfile | None, taxon: Taxon, source: DataSource | None
    ) -> tuple[PlantProfile, bool]:
        """Create the profile or update its changed fields; the profile, and whether it was saved."""
        values = self._profile_values(taxon, source)
        values["slug"] = self._slug(profile)
        if profile is None:
            status = PublicationStatus.PUBLISHED if self.publish else PublicationStatus.DRAFT
            profile = _create(PlantProfile, usda_symbol=self.parsed.usda_symbol, status=status, **values)
            self.changes.append(f"profile: created {profile.usda_symbol} ({status})")
            return profile, True
        changed = []
        for name, value in values.items():
            stored = getattr(profile, profile._meta.get_field(name).attname)
            if stored != _pk(value):
                setattr(profile, name, value)
                changed.append(name)
        if self.publish and profile.status != PublicationStatus.PUBLISHED:
            profile.status = PublicationStatus.PUBLISHED
            changed.append("status")
        if self.publish and profile.published_at and profile.published_at > timezone.now():
            profile.published_at = None  # publish now rather than at the scheduled time
            changed.append("published_at")
        if not changed:
            return profile, False
        _validate(profile)
        profile.save()
        self.changes.append(f"profile: changed {', '.join(changed)}")
        return profile, True

    # -- child rows ------------------------------------------------------------

    def _children(self) -> list[_Children]:
        parsed = self.parsed
        uses, seen = [], set()
        for item in parsed.garden_uses:
            term = self._term(GardenUse, item.name)
            if term.pk in seen:
                self.warnings.append(f"Garden use “{item.name}” is listed twice; the first is kept.")
                continue
            seen.add(term.pk)
            uses.append({"garden_use": term, "order": len(uses) + 1, "note": item.note})
        supported, seen = [], set()
        for item in parsed.wildlife:
            term = self._term(Wildlife, item.name)
            if term.pk in seen:
                self.warnings.append(f"Wildlife “{item.name}” is listed twice; the first is kept.")
                continue
            seen.add(term.pk)
            supported.append({"wildlife": term, "resource": item.resource})
        return [
            _Children(
                "sections",
                "sections",
                ArticleSection,
                ("order", "heading", "body", "shows"),
                [
                    {"order": order, "heading": s.heading, "body": s.body, "shows": s.shows}
                    for order, s in enumerate(parsed.sections, start=1)
                ],
            ),
            _Children(
                "care tips",
                "care_tips",
                CareTip,
                ("order", "category", "text"),
                [
                    {"order": order, "category": tip.category, "text": tip.text}
                    for order, tip in enumerate(parsed.care_tips, start=1)
                ],
            ),
            _Children("garden uses", "garden_uses", PlantGardenUse, ("order", "garden_use", "note"), uses),
            _Children("wildlife", "wildlife_supported", WildlifeSupport, ("wildlife", "resource"), supported),
            _Children(
                "native statuses",
                "native_statuses",
                NativeStatus,
                ("region", "status"),
                [{"region": region, "status": status} for region, status in parsed.native_statuses],
            ),
            _Children(
                "native range",
                "native_ranges",
                NativeRange,
                ("state",),
                [{"state": state} for state in parsed.native_states],
            ),
            _Children(
                "conservation statuses",
                "conservation_statuses",
                ConservationStatus,
                ("scope", "region", "rank", "explanation"),
                [
                    {"scope": c.scope, "region": c.region, "rank": c.rank, "explanation": c.explanation}
                    for c in parsed.conservation
                ],
            ),
        ]

    def _replace_children(self, profile: PlantProfile, children: _Children, created: bool) -> bool:
        """Make the profile's rows of one kind equal the file's; True if anything changed."""
        manager = getattr(profile, children.related_name)
        stored = [] if created else list(manager.values_list(*children.fields))
        wanted = children.wanted()
        if stored == wanted:
            return False
        if stored:
            manager.all().delete()
        for row in children.ordered_rows():
            _create(children.model, profile=profile, **row)
        if created:
            self.changes.append(f"{children.label}: {len(wanted)} added")
        else:
            self.changes.append(f"{children.label}: replaced ({len(stored)} → {len(wanted)} rows)")
        return True


def _is_ancestor(ancestor: Taxon, taxon: Taxon) -> bool:
    """Whether `ancestor` is `taxon` or above it in the stored tree."""
    return Taxon.objects.ancestors_of(taxon, include_self=True).filter(pk=ancestor.pk).exists()
