"""The taxonomic tree: Kingdom down to Forma, as USDA PLANTS classifies plants.

Editors reach taxa in the admin under "Taxa"; plant profiles point at the
taxon they describe (usually a species or a variety).  The tree is stored as
an adjacency list (each taxon knows its parent) and walked with one
recursive SQL query, so a breadcrumb or "every plant in this family" costs
one query however deep the tree is, and there is no denormalised path to
keep in step when an editor moves a taxon.
"""

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.urls import reverse

from plants import vocabulary

from .choices import member_name
from .publication import Visibility

# Recursive CTEs run unchanged on SQLite and PostgreSQL.  The chains up from a set of
# taxa, each taxon once (UNION): one query for a breadcrumb or for a whole batch's chains.
_ANCESTORS_SQL = """
WITH RECURSIVE lineage(id, parent_id) AS (
    SELECT id, parent_id FROM plants_taxon WHERE id IN ({placeholders})
    UNION
    SELECT t.id, t.parent_id FROM plants_taxon t JOIN lineage l ON t.id = l.parent_id
)
SELECT id FROM lineage
"""

_DESCENDANTS_SQL = """
WITH RECURSIVE subtree(id) AS (
    SELECT id FROM plants_taxon WHERE id = %s
    UNION ALL
    SELECT t.id FROM plants_taxon t JOIN subtree s ON t.parent_id = s.id
)
SELECT id FROM subtree
"""


# The families at or below a taxon above them: the walk stops at families, so a kingdom
# reads its few hundred upper taxa, never its 37,000 genera, species and varieties.
_FAMILIES_BELOW_SQL = """
WITH RECURSIVE upper(id, rank) AS (
    SELECT id, rank FROM plants_taxon WHERE id = %s
    UNION ALL
    SELECT t.id, t.rank FROM plants_taxon t JOIN upper u ON t.parent_id = u.id WHERE u.rank < {family}
)
SELECT id FROM upper WHERE rank = {family}
"""

# Live profiles at or below each child of a taxon, every child once (0 for none); {live}
# is the live profiles' query, so "live" keeps one definition.  Above families, children
# are counted through the families below them (the profiles' stored family column).
_CHILD_COUNTS_ABOVE_FAMILIES_SQL = """
WITH RECURSIVE upper(id, rank, top) AS (
    SELECT id, rank, id FROM plants_taxon WHERE parent_id = %s
    UNION ALL
    SELECT t.id, t.rank, u.top FROM plants_taxon t JOIN upper u ON t.parent_id = u.id WHERE u.rank < {family}
)
SELECT top, SUM(found) FROM (
    SELECT top, 0 AS found FROM upper WHERE id = top
    UNION ALL
    SELECT u.top, 1 FROM upper u JOIN ({live}) p ON p.family_id = u.id WHERE u.rank = {family}
) AS counted
GROUP BY top
"""
# From a family down, a profile's taxon is at most three steps below the child it falls
# under (forma, variety, species, genus): the live profiles of the family, each with its
# taxon's three ancestors, name the child.  No recursive walk: PostgreSQL's estimates for
# one made it read the whole tree for a genus of 500 species.
_CHILD_COUNTS_IN_FAMILY_SQL = """
SELECT child, SUM(found) FROM (
    SELECT id AS child, 0 AS found FROM plants_taxon WHERE parent_id = %s
    UNION ALL
    SELECT CASE %s
        WHEN t0.parent_id THEN t0.id WHEN t1.parent_id THEN t1.id
        WHEN t2.parent_id THEN t2.id WHEN t3.parent_id THEN t3.id END, 1
    FROM ({live}) p
    JOIN plants_taxon t0 ON t0.id = p.taxon_id
    LEFT JOIN plants_taxon t1 ON t1.id = t0.parent_id
    LEFT JOIN plants_taxon t2 ON t2.id = t1.parent_id
    LEFT JOIN plants_taxon t3 ON t3.id = t2.parent_id
    WHERE p.family_id IN (SELECT id FROM plants_taxon WHERE rank = {family} AND id IN ({lineage}))
) AS counted
WHERE child IS NOT NULL
GROUP BY child
"""


class _RankMethods(models.IntegerChoices):
    """What a rank says of itself; the ranks themselves are `Rank`, built from the vocabulary."""

    @classmethod
    def from_name(cls, name: str) -> "Rank":
        return cls[member_name(name.strip())]

    @property
    def is_italicised(self) -> bool:
        """Genus and below are written in italics in botanical convention."""
        return self >= Rank.GENUS


# USDA PLANTS ranks; the numbers order them from the top of the tree down.
Rank = _RankMethods(
    "Rank",
    [(member_name(name), (number, label)) for name, (number, label) in vocabulary.RANKS.items()],
    module=__name__,
    qualname="Rank",
)


class TaxonQuerySet(models.QuerySet):
    def ancestors_of(self, taxon, include_self=False):
        """The taxon's ancestors, Kingdom first, in one query."""
        queryset = self.with_ancestors([taxon.pk])
        if not include_self:
            queryset = queryset.exclude(pk=taxon.pk)
        return queryset.order_by("rank")

    def with_ancestors(self, taxon_ids):
        """These taxa and every taxon above them, each once, in one query."""
        ids = list(taxon_ids)
        sql = _ANCESTORS_SQL.format(placeholders=", ".join(["%s"] * len(ids)))
        return self.filter(pk__in=models.expressions.RawSQL(sql, ids))

    def descendants_of(self, taxon, include_self=True):
        """Every taxon below this one (and the taxon itself), in one query."""
        queryset = self.filter(pk__in=models.expressions.RawSQL(_DESCENDANTS_SQL, [taxon.pk]))
        if not include_self:
            queryset = queryset.exclude(pk=taxon.pk)
        return queryset

    def families_with_plants(self):
        """Families with at least one live profile (an EXISTS per family, not a scan of profiles)."""
        # The profile model through the relation, not an import: profile.py imports this module.
        profiles = self.model._meta.get_field("family_profiles").related_model.objects
        live = profiles.live().filter(family=models.OuterRef("pk"))
        return self.filter(models.Exists(live), rank=Rank.FAMILY).order_by("scientific_name")

    def plant_counts_of_children(self, taxon) -> dict[int, int]:
        """{child id: live profiles at or below it} for every child of `taxon`, in one query."""
        profiles = self.model._meta.get_field("family_profiles").related_model.objects
        live_sql, live_params = (
            profiles.live().values("taxon_id", "family_id").order_by().query.sql_with_params()
        )
        if taxon.rank < Rank.FAMILY:
            sql = _CHILD_COUNTS_ABOVE_FAMILIES_SQL.format(family=Rank.FAMILY.value, live=live_sql)
            params = [taxon.pk, *live_params]
        else:
            lineage = _ANCESTORS_SQL.format(placeholders="%s")
            sql = _CHILD_COUNTS_IN_FAMILY_SQL.format(family=Rank.FAMILY.value, live=live_sql, lineage=lineage)
            params = [taxon.pk, taxon.pk, *live_params, taxon.pk]
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, params)
            return {child: int(count) for child, count in cursor.fetchall()}

    def with_introduced(self):
        """Each taxon with `introduced`: USDA PLANTS lists it, and as native nowhere."""
        place = self.model._meta.get_field("usda").related_model._meta.get_field("places").related_model
        native = place.objects.filter(record=models.OuterRef("usda__id"), status=place.Status.NATIVE)
        return self.annotate(introduced=models.Q(usda__isnull=False) & ~models.Exists(native))

    def families_by_division(self) -> list[tuple["Taxon | None", list["Taxon"]]]:
        """Every family with `plant_count`, by name, under its division (None where USDA records none).

        Two queries, however many families: the few taxa above them, then the
        families with their counts; the chains are followed in memory.  The
        division with the most native plants comes first, the unrecorded last.
        """
        upper = {taxon.pk: taxon for taxon in self.filter(rank__lt=Rank.FAMILY)}
        groups: dict = {}
        for family in self.filter(rank=Rank.FAMILY).annotate_plant_counts().order_by("scientific_name"):
            node = upper.get(family.parent_id)
            while node is not None and node.rank > Rank.DIVISION:
                node = upper.get(node.parent_id)
            division = node if node is not None and node.rank == Rank.DIVISION else None
            groups.setdefault(division, []).append(family)
        for division, families in groups.items():
            if division is not None:
                division.plant_count = sum(family.plant_count for family in families)
        return sorted(
            groups.items(),
            key=lambda group: (group[0] is None, -(group[0].plant_count if group[0] else 0), str(group[0])),
        )

    def annotate_plant_counts(self):
        """Each family with `plant_count`, the number of live profiles in it."""
        live = Visibility.LIVE.q(prefix="family_profiles__")
        return self.annotate(plant_count=models.Count("family_profiles", filter=live))


class TaxonManager(models.Manager.from_queryset(TaxonQuerySet)):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


def family_ids_below_sql(taxon) -> models.expressions.RawSQL:
    """A subquery of the ids of the families at or below taxon, for `family__in=`."""
    return models.expressions.RawSQL(_FAMILIES_BELOW_SQL.format(family=Rank.FAMILY.value), [taxon.pk])


def descendant_ids_sql(taxon) -> models.expressions.RawSQL:
    """A subquery of the ids of taxon and everything below it, for `taxon__in=`."""
    return models.expressions.RawSQL(_DESCENDANTS_SQL, [taxon.pk])


class Taxon(models.Model):
    """One node of the classification: a kingdom, a family, a species, a variety...

    A rank may be skipped (USDA leaves Subdivision empty for many plants), but
    a child's rank is always below its parent's, which also rules out cycles.
    """

    rank = models.PositiveSmallIntegerField(choices=Rank.choices, db_index=True)
    scientific_name = models.CharField(
        max_length=200, help_text="As USDA writes it, without the authority: “Heuchera parvifolia”."
    )
    authority = models.CharField(
        max_length=200, blank=True, help_text="Who named it, e.g. “Nutt. ex Torr. & A. Gray”."
    )
    common_name = models.CharField(max_length=200, blank=True, help_text="E.g. “Saxifrage family”.")
    slug = models.SlugField(max_length=200, unique=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The taxon one or more ranks above. Only a kingdom has none.",
    )
    classification_incomplete = models.BooleanField(
        default=False,
        db_default=False,  # for rows inserted in raw SQL (plants.synthetic)
        help_text="USDA PLANTS does not record the ranks between this family and its parent.",
    )

    objects = TaxonManager()

    class Meta:
        verbose_name_plural = "taxa"
        ordering = ["rank", "scientific_name"]
        constraints = [
            models.UniqueConstraint(fields=["rank", "scientific_name"], name="taxon_unique_name_per_rank"),
            models.CheckConstraint(condition=models.Q(rank__in=Rank.values), name="taxon_rank_is_known"),
        ]

    def __str__(self):
        return f"{self.scientific_name} {self.authority}".strip()

    def get_absolute_url(self):
        return reverse("plants:taxon_detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def rank_label(self) -> str:
        return Rank(self.rank).label

    @property
    def is_italicised(self) -> bool:
        return Rank(self.rank).is_italicised

    def clean(self):
        super().clean()
        if self.parent_id is None:
            if self.rank is not None and self.rank != Rank.KINGDOM:
                raise ValidationError(
                    {
                        "parent": f"A {Rank(self.rank).label.lower()} needs a parent taxon; only a kingdom has none."
                    }
                )
            return
        parent = self.parent
        if self.pk and parent.pk == self.pk:
            raise ValidationError({"parent": "A taxon cannot be its own parent."})
        if self.rank is not None and self.rank <= parent.rank:
            raise ValidationError(
                {
                    "rank": (
                        f"A {Rank(self.rank).label.lower()} cannot sit under the "
                        f"{Rank(parent.rank).label.lower()} “{parent.scientific_name}”: "
                        f"a child's rank must be below its parent's."
                    )
                }
            )
        if self.pk and self.rank is not None:
            # Moving a taxon up must not put it at or below one of its own children.
            lowest_child = self.children.order_by("rank").values_list("rank", flat=True).first()
            if lowest_child is not None and lowest_child <= self.rank:
                raise ValidationError(
                    {
                        "rank": f"This taxon has a child ranked {Rank(lowest_child).label.lower()}, "
                        f"so its own rank must be above that."
                    }
                )

    def ancestors(self):
        return Taxon.objects.ancestors_of(self)

    def lineage(self):
        """Ancestors and the taxon itself, Kingdom first: the breadcrumb."""
        return Taxon.objects.ancestors_of(self, include_self=True)
