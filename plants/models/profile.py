"""The plant profile: one article about one native plant, and how to grow it.

Editors write profiles in the admin ("Plant profiles"), where sections,
care tips, garden uses and statuses are edited inline on the same page.
"""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.urls import reverse

from plants import vocabulary, zones
from plants.search_text import distinct_words
from plants.validators import usda_symbol_validator

from .article import ArticleSection
from .choices import text_choices
from .garden import PlantGardenUse, WildlifeSupport
from .publication import PublicationStatus, Visibility
from .taxonomy import Rank, Taxon, descendant_ids_sql, family_ids_below_sql
from .usda import UsdaRecord

# The rest of what search reads is built in plants/search_text.py, plain Python that
# imports no models (so they import it without a cycle); these two need Django's
# tsvector and the taxon ranks.


def search_vector_expression(names, text):
    """PostgreSQL tsvector from two expressions: names weigh most, then the article text."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector(names, weight="A", config="english") + SearchVector(
        text, weight="C", config="english"
    )


def search_names_for(common_name: str, taxon, usda_symbol: str, lineage) -> str:
    """The names search matches first: common, botanical, symbol, and every taxon from family down.

    Each word once (see distinct_words): the lineage repeats the genus and species.
    """
    return distinct_words(
        [common_name, taxon.scientific_name, taxon.common_name, usda_symbol]
        + [node.scientific_name for node in lineage if node.rank >= Rank.FAMILY]
    )


LifeCycle = text_choices("LifeCycle", vocabulary.LIFE_CYCLES, __name__)
GrowthHabit = text_choices("GrowthHabit", vocabulary.GROWTH_HABITS, __name__)
Light = text_choices("Light", vocabulary.LIGHT_LEVELS, __name__)
WaterNeed = text_choices("WaterNeed", vocabulary.WATER_NEEDS, __name__)
UsdaGroup = text_choices("UsdaGroup", vocabulary.USDA_GROUPS, __name__)


# Sets of fixed USDA terms are stored as one boolean column per term: plain
# columns every database filters, and the finder's index reads in one pass.
FLAG_FIELDS = {
    "life_cycle": LifeCycle,
    "habit": GrowthHabit,
    "light": Light,
}


# Long text a list of plant cards never shows.
ARTICLE_TEXT_FIELDS = (
    "summary",
    "climate_notes",
    "light_notes",
    "soil_notes",
    "water_notes",
    "search_names",
    "search_other_names",
    "search_text",
    "search_vector",
)


def flag_field(group: str, value: str) -> str:
    """The boolean column for one term: ("light", "full_sun") -> "light_full_sun"."""
    return f"{group}_{value}"


# Every term's column, with the (group, term) it stands for.
FLAG_COLUMNS = {
    flag_field(group, value): (group, value)
    for group, choices in FLAG_FIELDS.items()
    for value in choices.values
}


def _has_sections():
    return Exists(ArticleSection.objects.filter(profile=OuterRef("pk")))


def _taxa_with_growing_data():
    # A subquery of taxon ids, not a join through the taxa: a third of the time at 23,000 profiles.
    return UsdaRecord.objects.filter(has_characteristics=True).values("taxon_id")


def _has_growing_data():
    # The same rule as a correlated EXISTS, for featured()'s "or" with an article: the home
    # page reads profiles newest first and checks each as it comes until it has its few,
    # where the list of taxa would be built in full before the first profile is read.
    return Exists(_taxa_with_growing_data().filter(taxon_id=OuterRef("taxon_id")))


class PlantProfileQuerySet(models.QuerySet):
    def live(self, now=None):
        """Profiles the public may see: published, and their publish time reached."""
        return self.filter(Visibility.LIVE.q(now=now))

    def scheduled(self, now=None):
        """Published profiles whose publish time is still to come."""
        return self.filter(Visibility.SCHEDULED.q(now=now))

    def drafts(self):
        return self.filter(Visibility.DRAFT.q())

    # An article is what an editor writes: sections. An imported USDA PLANTS profile has only
    # the title and summary built from the data (plants/usda/profile_text.py), and no section.
    def with_article(self):
        """Profiles with an editor's article: at least one article section."""
        return self.filter(_has_sections())

    def awaiting_article(self):
        """Profiles no editor has written an article for yet (an imported USDA PLANTS stub, say)."""
        return self.filter(~_has_sections())

    def featured(self):
        """Profiles worth showing a newcomer: an editor's article or USDA growing data, not a bare stub."""
        return self.filter(_has_sections() | _has_growing_data())

    def with_growing_data(self):
        """Profiles whose taxon's USDA PLANTS record has characteristics (bloom, height, soils...)."""
        return self.filter(taxon__in=_taxa_with_growing_data())

    def without_growing_data(self):
        """Profiles whose taxon has no USDA record, or one without characteristics."""
        return self.exclude(taxon__in=_taxa_with_growing_data())

    def below(self, taxon: Taxon):
        """Profiles of the taxon and everything under it, in one query."""
        if taxon.rank == Rank.FAMILY:
            return self.filter(family=taxon)  # the stored family needs no tree walk
        if taxon.rank < Rank.FAMILY:
            return self.filter(family__in=family_ids_below_sql(taxon))  # a walk down to families only
        return self.filter(taxon__in=descendant_ids_sql(taxon))

    def for_cards(self):
        """What a list of plant cards shows: names, zones, light and the stored rare flag."""
        # Without the article text: sorting a page of cards then moves small rows, not whole articles.
        return self.select_related("taxon").defer(*ARTICLE_TEXT_FIELDS)

    def for_page(self):
        """Everything the plant page shows, in a fixed number of queries."""
        return self.select_related("taxon", "taxon__usda", "data_source").prefetch_related(
            "taxon__usda__places",
            "images",
            "sections",
            "care_tips",
            "native_statuses",
            "native_ranges",
            "conservation_statuses",
            Prefetch("garden_uses", queryset=PlantGardenUse.objects.select_related("garden_use")),
            Prefetch("wildlife_supported", queryset=WildlifeSupport.objects.select_related("wildlife")),
        )


class PlantProfileManager(models.Manager.from_queryset(PlantProfileQuerySet)):
    def get_by_natural_key(self, usda_symbol):
        return self.get(usda_symbol=usda_symbol)


class PlantProfile(models.Model):
    """An article about one native plant, with the facts a gardener filters on."""

    taxon = models.OneToOneField(
        Taxon,
        on_delete=models.PROTECT,
        related_name="profile",
        help_text="The species, subspecies or variety this article describes.",
    )
    common_name = models.CharField(max_length=200, db_index=True)
    slug = models.SlugField(max_length=200, unique=True)
    usda_symbol = models.CharField(
        "USDA symbol",
        max_length=8,
        unique=True,
        validators=[usda_symbol_validator],
        help_text="The plant's symbol in USDA PLANTS, e.g. HEPAM2.",
    )
    usda_group = models.CharField("USDA group", max_length=20, choices=UsdaGroup.choices)

    life_cycle_annual = models.BooleanField("annual", default=False)
    life_cycle_biennial = models.BooleanField("biennial", default=False)
    life_cycle_perennial = models.BooleanField("perennial", default=False)

    habit_forb = models.BooleanField("forb/herb", default=False)
    habit_graminoid = models.BooleanField("graminoid", default=False)
    habit_lichenous = models.BooleanField("lichenous", default=False)
    habit_nonvascular = models.BooleanField("nonvascular", default=False)
    habit_shrub = models.BooleanField("shrub", default=False)
    habit_subshrub = models.BooleanField("subshrub", default=False)
    habit_tree = models.BooleanField("tree", default=False)
    habit_vine = models.BooleanField("vine", default=False)

    title = models.CharField(max_length=300, help_text="The article's headline.")
    summary = models.TextField(help_text="The opening paragraph; also used as the page's description.")

    zone_min = models.PositiveSmallIntegerField(
        "coldest hardiness zone", choices=zones.CHOICES, null=True, blank=True
    )
    zone_max = models.PositiveSmallIntegerField(
        "warmest hardiness zone", choices=zones.CHOICES, null=True, blank=True
    )
    climate_notes = models.TextField(blank=True)
    light_full_sun = models.BooleanField("full sun", default=False)
    light_partial_shade = models.BooleanField("partial shade", default=False)
    light_full_shade = models.BooleanField("full shade", default=False)
    light_notes = models.TextField(blank=True)
    soil_notes = models.TextField(blank=True)
    water_need = models.CharField(max_length=10, choices=WaterNeed.choices, blank=True)
    water_notes = models.TextField(blank=True)

    # Derived from related rows by the write path (plants/content.py, plants/derived.py)
    # so the finder can filter and count on plain columns
    # instead of walking the taxon tree or decoding ranks for every row.
    family = models.ForeignKey(
        Taxon,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="family_profiles",
        limit_choices_to={"rank": Rank.FAMILY},
    )
    is_rare = models.BooleanField(
        default=False, editable=False, db_index=True, help_text="Derived from the conservation statuses."
    )
    search_names = models.TextField(
        editable=False, blank=True, help_text="Common and botanical names, symbol."
    )
    search_other_names = models.TextField(
        editable=False, blank=True, help_text="Botanical name, the taxon's common name and symbol."
    )
    search_text = models.TextField(editable=False, blank=True, help_text="The article's text, for search.")
    search_vector = SearchVectorField(null=True, editable=False)

    data_source = models.ForeignKey(
        "plants.DataSource", on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )

    status = models.CharField(
        max_length=10, choices=PublicationStatus.choices, default=PublicationStatus.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        null=True, blank=True, help_text="Leave empty to publish at once; a future time schedules it."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PlantProfileManager()

    class Meta:
        ordering = ["common_name", "taxon__scientific_name"]
        indexes = [
            # Counting the published profiles (the sitemap's pages, the finder index's
            # read) from this narrow index instead of the wide article rows.
            models.Index(fields=["status", "published_at"], name="profile_published"),
            # The home page's newest and rare plants: read in index order, stop at six. The id
            # breaks ties: an import gives thousands of profiles the same updated_at, and without
            # it in the index SQLite sorted them all to find six.
            models.Index(fields=["-updated_at", "-id"], name="profile_newest"),
            # Only the rare ones: SQLite filters a boolean as a bare column ("WHERE is_rare"),
            # which it can match to a partial index's condition but not to a column of an index;
            # with (is_rare, common_name) it scanned every profile by name to find the rare few.
            models.Index(fields=["common_name"], condition=Q(is_rare=True), name="profile_rare_by_name"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(zone_min__isnull=True)
                | Q(zone_max__isnull=True)
                | Q(zone_min__lte=models.F("zone_max")),
                name="profile_zone_min_not_above_max",
                violation_error_message="The coldest zone must not be warmer than the warmest zone.",
            ),
            models.CheckConstraint(
                condition=Q(zone_min__isnull=True)
                | Q(zone_min__gte=zones.MIN_ORDINAL, zone_min__lte=zones.MAX_ORDINAL),
                name="profile_zone_min_on_scale",
            ),
            models.CheckConstraint(
                condition=Q(zone_max__isnull=True)
                | Q(zone_max__gte=zones.MIN_ORDINAL, zone_max__lte=zones.MAX_ORDINAL),
                name="profile_zone_max_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.common_name} ({self.taxon.scientific_name})" if self.taxon_id else self.common_name

    def get_absolute_url(self):
        return reverse("plants:plant_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.usda_symbol,)

    natural_key.dependencies = ["plants.taxon", "plants.datasource"]

    @property
    def usda_url(self) -> str:
        return f"https://plants.usda.gov/plant-profile/{self.usda_symbol}"

    @property
    def visibility(self) -> Visibility:
        return Visibility.of(self.status, self.published_at)

    @property
    def is_live(self) -> bool:
        return self.visibility == Visibility.LIVE

    def _flags(self, group: str) -> list[str]:
        choices = FLAG_FIELDS[group]
        return [choice.label for choice in choices if getattr(self, flag_field(group, choice.value))]

    @property
    def life_cycles(self) -> list[str]:
        return self._flags("life_cycle")

    @property
    def growth_habits(self) -> list[str]:
        return self._flags("habit")

    @property
    def light_levels(self) -> list[str]:
        return self._flags("light")

    @property
    def zone_range(self) -> str:
        if self.zone_min is None or self.zone_max is None:
            return ""
        return zones.format_range(self.zone_min, self.zone_max)

    @property
    def hardiness(self) -> str:
        """ "Zones 4a–8b", or "Hardy to zone 4a" where only the cold limit is known (as USDA PLANTS gives it)."""
        if self.zone_min is None:
            return ""
        if self.zone_max is None:
            return f"Hardy to zone {zones.label(self.zone_min)}"
        return f"Zones {self.zone_range}"

    @property
    def lead_image(self):
        """The first photo by order (uses the prefetched images on the plant page)."""
        images = list(self.images.all())
        return images[0] if images else None

    @property
    def zone_scale(self) -> list[zones.ScaleCell]:
        if self.zone_min is None or self.zone_max is None:
            return []
        return zones.scale(self.zone_min, self.zone_max)

    # The zone constraints, which clean() and the fields' choices check in Python with messages
    # that name the field; the database still enforces them, and checking them again on every
    # save's validation would cost a query each.
    CHECKED_IN_PYTHON = (
        "profile_zone_min_not_above_max",
        "profile_zone_min_on_scale",
        "profile_zone_max_on_scale",
    )

    def get_constraints(self):
        return [
            (
                model,
                [constraint for constraint in constraints if constraint.name not in self.CHECKED_IN_PYTHON],
            )
            for model, constraints in super().get_constraints()
        ]

    def clean(self):
        super().clean()
        if self.zone_min is not None and self.zone_max is not None and self.zone_min > self.zone_max:
            raise ValidationError(
                {
                    "zone_max": (
                        f"The warmest zone ({zones.label(self.zone_max)}) is colder than the coldest zone "
                        f"({zones.label(self.zone_min)}). Swap them or correct one."
                    )
                }
            )
        # A cold limit alone is known (USDA PLANTS gives only the lowest temperature); a warm one alone is not.
        if self.zone_max is not None and self.zone_min is None:
            raise ValidationError({"zone_min": "Give the coldest zone too, or leave both empty."})
        if self.taxon_id and self.taxon.rank < Rank.SPECIES:
            raise ValidationError(
                {"taxon": "A plant profile describes a species, subspecies, variety or forma."}
            )
