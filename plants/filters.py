"""The plant finder: filters, facet counts and removable filter chips.

Within one filter the chosen options combine with OR ("full sun or partial
shade"); different filters combine with AND.  Each option's count is the
number of plants it would give with the *other* active filters applied, so
counts are computed per filter group with that group left out.  Every group
costs at most one query, whatever the number of plants or options.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import Count, Q
from django.db.models.functions import Lower

from plants import regions
from plants.forms import GardenZoneField
from plants.models import (
    FLAG_FIELDS,
    GardenUse,
    GrowthHabit,
    LifeCycle,
    Light,
    NativeRange,
    PlantGardenUse,
    Rank,
    Taxon,
    flag_field,
)

SORTS = {
    "name": ("Common name (A–Z)", [Lower("common_name"), "taxon__scientific_name", "pk"]),
    "botanical": ("Botanical name (A–Z)", ["taxon__scientific_name", "pk"]),
    "hardiest": ("Hardiest first (coldest zone)", ["zone_min", Lower("common_name"), "pk"]),
}
FLAG_GROUPS = {"light": "light", "habit": "habit", "life_cycle": "life_cycle"}


class ZoneFilter(django_filters.Filter):
    field_class = GardenZoneField


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Chip:
    group: str
    label: str
    remove_url: str


def _flag_filter(group):
    def filter_method(self, queryset, name, values):
        condition = Q()
        for value in values:
            condition |= Q(**{flag_field(group, value): True})
        return queryset.filter(condition)

    return filter_method


class PlantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        method="filter_search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    zone = ZoneFilter(
        label="Your USDA hardiness zone",
        method="filter_zone",
        help_text="A number from 1 to 13, with a or b if you know it: 5 or 5b.",
    )
    light = django_filters.MultipleChoiceFilter(
        label="Light", choices=Light.choices, method="filter_light", widget=forms.CheckboxSelectMultiple
    )
    use = django_filters.ModelMultipleChoiceFilter(
        label="Garden use",
        queryset=GardenUse.objects.all(),
        to_field_name="slug",
        method="filter_use",
        widget=forms.CheckboxSelectMultiple,
    )
    habit = django_filters.MultipleChoiceFilter(
        label="Growth habit",
        choices=GrowthHabit.choices,
        method="filter_habit",
        widget=forms.CheckboxSelectMultiple,
    )
    life_cycle = django_filters.MultipleChoiceFilter(
        label="Life cycle",
        choices=LifeCycle.choices,
        method="filter_life_cycle",
        widget=forms.CheckboxSelectMultiple,
    )
    state = django_filters.MultipleChoiceFilter(
        label="Native to",
        choices=regions.STATE_CHOICES,
        method="filter_state",
        widget=forms.CheckboxSelectMultiple,
    )
    family = django_filters.ModelMultipleChoiceFilter(
        label="Family",
        queryset=Taxon.objects.filter(rank=Rank.FAMILY),
        to_field_name="slug",
        method="filter_family",
        widget=forms.CheckboxSelectMultiple,
    )
    rare = django_filters.BooleanFilter(
        label="Rare plants only", method="filter_rare", widget=forms.CheckboxInput
    )
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="filter_sort",
        empty_label="Best match",
    )

    # Filter groups whose options show counts, in the order the form shows them.
    FACETS = ("light", "use", "habit", "life_cycle", "state", "family", "rare")

    filter_light = _flag_filter("light")
    filter_habit = _flag_filter("habit")
    filter_life_cycle = _flag_filter("life_cycle")

    def filter_search(self, queryset, name, value):
        return queryset.search(value)

    def filter_zone(self, queryset, name, span):
        return queryset.filter(zone_min__lte=span.low, zone_max__gte=span.high)

    def filter_use(self, queryset, name, uses):
        return queryset.filter(pk__in=PlantGardenUse.objects.filter(garden_use__in=uses).values("profile_id"))

    def filter_state(self, queryset, name, states):
        return queryset.filter(pk__in=NativeRange.objects.filter(state__in=states).values("profile_id"))

    def filter_family(self, queryset, name, families):
        return queryset.filter(family__in=families)

    def filter_rare(self, queryset, name, value):
        return queryset.filter(is_rare=True) if value else queryset

    def filter_sort(self, queryset, name, value):
        return queryset  # ordering is applied last, in `results()`

    # -- results ---------------------------------------------------------

    @property
    def active(self) -> dict:
        """Cleaned values of the filters in use (no sort, no empty values)."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name != "sort"
            and value not in (None, "", [], False)
            and not (hasattr(value, "exists") and not value)
        }

    def queryset_without(self, group: str | None = None):
        queryset = self.queryset
        for name, value in self.active.items():
            if name != group:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def results(self):
        queryset = self.queryset_without(None)
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.is_valid() else ""
        if sort or "q" not in self.active:
            queryset = queryset.order_by(*SORTS[sort or "name"][1])
        return queryset

    # -- facets ----------------------------------------------------------

    def facets(self) -> dict[str, list[FacetOption]]:
        active = self.active
        facets: dict[str, list[FacetOption]] = {}
        # Groups without an active filter all count over the same queryset: one query.
        shared = [group for group in (*FLAG_GROUPS, "rare") if group not in active]
        if shared:
            facets.update(self._flag_facets(self.queryset_without(None), shared))
        for group in (*FLAG_GROUPS, "rare"):
            if group in active:
                facets.update(self._flag_facets(self.queryset_without(group), [group]))
        facets["use"] = self._use_facet(self.queryset_without("use"), active.get("use", []))
        facets["state"] = self._state_facet(self.queryset_without("state"), active.get("state", []))
        facets["family"] = self._family_facet(self.queryset_without("family"), active.get("family", []))
        return facets

    def _flag_facets(self, queryset, groups):
        aggregates = {}
        for group in groups:
            if group == "rare":
                aggregates["rare"] = Count("pk", filter=Q(is_rare=True))
                continue
            for choice in FLAG_FIELDS[group]:
                field = flag_field(group, choice.value)
                aggregates[field] = Count("pk", filter=Q(**{field: True}))
        counts = queryset.order_by().aggregate(**aggregates)
        facets = {}
        selected = self.active
        for group in groups:
            if group == "rare":
                facets["rare"] = [
                    FacetOption("true", "Rare plants only", counts["rare"], bool(selected.get("rare")))
                ]
                continue
            chosen = selected.get(group, [])
            facets[group] = [
                FacetOption(c.value, c.label, counts[flag_field(group, c.value)], c.value in chosen)
                for c in FLAG_FIELDS[group]
            ]
        return facets

    def _use_facet(self, queryset, chosen):
        rows = (
            PlantGardenUse.objects.filter(profile__in=queryset.order_by().values("pk"))
            .values("garden_use__slug", "garden_use__name")
            .annotate(count=Count("profile_id"))  # each pair is unique: no DISTINCT needed
            .order_by("garden_use__name")
        )
        options = {
            r["garden_use__slug"]: FacetOption(
                r["garden_use__slug"], r["garden_use__name"], r["count"], False
            )
            for r in rows
        }
        for use in chosen:
            options.setdefault(use.slug, FacetOption(use.slug, use.name, 0, True)).selected = True
        return sorted(options.values(), key=lambda option: option.label)

    def _state_facet(self, queryset, chosen):
        rows = (
            NativeRange.objects.filter(profile__in=queryset.order_by().values("pk"))
            .values("state")
            .annotate(count=Count("profile_id"))  # each pair is unique: no DISTINCT needed
            .order_by()
        )
        options = {
            r["state"]: FacetOption(r["state"], regions.STATES_AND_PROVINCES[r["state"]], r["count"], False)
            for r in rows
            if r["state"] in regions.STATES_AND_PROVINCES
        }
        for state in chosen:
            options.setdefault(
                state, FacetOption(state, regions.STATES_AND_PROVINCES[state], 0, True)
            ).selected = True
        return sorted(options.values(), key=lambda option: option.label)

    def _family_facet(self, queryset, chosen):
        rows = (
            queryset.order_by()
            .filter(family__isnull=False)
            .values("family__slug", "family__scientific_name", "family__common_name")
            .annotate(count=Count("pk"))
        )
        options = {
            r["family__slug"]: FacetOption(
                r["family__slug"],
                _family_label(r["family__scientific_name"], r["family__common_name"]),
                r["count"],
                False,
            )
            for r in rows
        }
        for family in chosen:
            label = _family_label(family.scientific_name, family.common_name)
            options.setdefault(family.slug, FacetOption(family.slug, label, 0, True)).selected = True
        return sorted(options.values(), key=lambda option: option.label)

    # -- chips and advice --------------------------------------------------

    def chips(self, params) -> list[Chip]:
        """One removable chip per active filter value, each linking to the URL without it."""
        chips = []
        for name, value in self.active.items():
            label = self.filters[name].label
            if name in ("q", "zone"):
                chips.append(
                    Chip(label, str(value) if name == "zone" else f"“{value}”", _url_without(params, name))
                )
            elif name == "rare":
                chips.append(Chip(label, "Yes", _url_without(params, name)))
            else:
                for item in value:
                    key = getattr(item, "slug", item)
                    chips.append(Chip(label, self._option_label(name, item), _url_without(params, name, key)))
        return chips

    def _option_label(self, name, item):
        if name == "family":
            return _family_label(item.scientific_name, item.common_name)
        if name == "use":
            return item.name
        return dict(self.filters[name].extra["choices"])[item]

    def loosening_advice(self) -> list[tuple[str, int]]:
        """For an empty result: each active filter and how many plants removing it would show."""
        advice = []
        for name in self.active:
            count = self.queryset_without(name).count()
            if count:
                advice.append((self.filters[name].label, count))
        return sorted(advice, key=lambda item: -item[1])


def _family_label(scientific_name, common_name):
    return f"{scientific_name} ({common_name})" if common_name else scientific_name


def _url_without(params, name, value=None) -> str:
    """The query string with one filter (or one of its values) removed, and the page reset."""
    pairs = [
        (key, item)
        for key in params
        if key != "page"
        for item in params.getlist(key)
        if not (key == name and (value is None or item == value))
    ]
    return "?" + urlencode(pairs) if pairs else "?"
