"""The plant finder: filters, facet counts and removable filter chips.

Within one filter the chosen options combine with OR ("full sun or partial
shade"); different filters combine with AND.  Each option's count is the
number of plants it would give with the *other* active filters applied.
django-filter builds and validates the form; matching and counting use the
in-memory facet index (plants/finder_index.py), so neither costs a query
per filter group, and only the page of cards shown is read from the database.

A ZIP code sets the zone and state filters (plants/zip_codes.py, in memory: no
query) where the visitor has not set them too: a zone or state chosen by hand
wins over the ZIP code's. The ZIP code is not a filter of its own; its zone and
state are, with their chips and counts.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

import django_filters
from django import forms

from plants import regions, search, trait_facets, zip_codes
from plants.finder_index import DEFAULT_SORT, SORTS, FinderIndex, family_label, finder_index
from plants.forms import GardenZoneField, ZipCodeField
from plants.models import (
    FLAG_FIELDS,
    GardenUse,
    GrowthHabit,
    LifeCycle,
    Light,
    PlantProfile,
    Rank,
    Taxon,
)

FLAG_GROUPS = tuple(FLAG_FIELDS)
# The filters whose options a plant has or has not, each with a count of the plants with no value.
OPTION_GROUPS = (*FLAG_GROUPS, *trait_facets.OPTION_FILTERS)
# The filters of one yes-or-no option: matched by the plants whose value is True.
YES_NO_GROUPS = ("rare", *trait_facets.YES_NO_FILTERS)


class ZoneFilter(django_filters.Filter):
    field_class = GardenZoneField


class ZipFilter(django_filters.Filter):
    field_class = ZipCodeField


def _options_filter(name: str) -> django_filters.MultipleChoiceFilter:
    label, choices = trait_facets.OPTION_FILTERS[name]
    return django_filters.MultipleChoiceFilter(
        label=label, choices=choices, widget=forms.CheckboxSelectMultiple
    )


def _yes_no_filter(name: str) -> django_filters.BooleanFilter:
    return django_filters.BooleanFilter(label=trait_facets.YES_NO_FILTERS[name], widget=forms.CheckboxInput)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    from_zip: bool = False


@dataclass
class Facet:
    """One filter's options with their counts, and how many of the matching plants have no value for it."""

    options: list[FacetOption]
    without_value: int | None = None  # None: every plant has a value (a state, a family…)


@dataclass
class Chip:
    group: str
    label: str
    remove_url: str


class PlantFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label="Search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    zone = ZoneFilter(
        label="Your USDA hardiness zone",
        help_text="A number from 1 to 13, with a or b if you know it: 5 or 5b.",
    )
    zip = ZipFilter(label="ZIP code", help_text="Sets your zone and state. The site does not keep it.")
    light = django_filters.MultipleChoiceFilter(
        label="Light", choices=Light.choices, widget=forms.CheckboxSelectMultiple
    )
    use = django_filters.ModelMultipleChoiceFilter(
        label="Garden use",
        queryset=GardenUse.objects.all(),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )
    habit = django_filters.MultipleChoiceFilter(
        label="Growth habit",
        choices=GrowthHabit.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    life_cycle = django_filters.MultipleChoiceFilter(
        label="Life cycle",
        choices=LifeCycle.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    state = django_filters.MultipleChoiceFilter(
        label="Native to",
        choices=regions.PLACE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    family = django_filters.ModelMultipleChoiceFilter(
        label="Family",
        queryset=Taxon.objects.filter(rank=Rank.FAMILY),
        to_field_name="slug",
        widget=forms.CheckboxSelectMultiple,
    )
    rare = django_filters.BooleanFilter(label="Rare plants only", widget=forms.CheckboxInput)
    bloom = _options_filter("bloom")
    color = _options_filter("color")
    height = _options_filter("height")
    water = _options_filter("water")
    soil = _options_filter("soil")
    evergreen = _yes_no_filter("evergreen")
    nontoxic = _yes_no_filter("nontoxic")
    available = _yes_no_filter("available")
    growing_data = _yes_no_filter("growing_data")
    sort = django_filters.ChoiceFilter(
        label="Sort by",
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        empty_label="Best match",
    )

    def __init__(self, data=None):
        if data is not None:
            # The home page's selects send "" for "Any light" and "Any use": that is no choice, not a bad one.
            data = data.copy()
            for name in self._multiple_choices():
                data.setlist(name, [value for value in data.getlist(name) if value != ""])
        # Matching and counting use the finder's index, never a queryset; django-filter still wants one.
        super().__init__(data, queryset=PlantProfile.objects.none())

    @classmethod
    def _multiple_choices(cls) -> list[str]:
        multiple = (django_filters.MultipleChoiceFilter, django_filters.ModelMultipleChoiceFilter)
        return [name for name, each in cls.base_filters.items() if isinstance(each, multiple)]

    # -- results ---------------------------------------------------------

    @cached_property
    def active(self) -> dict:
        """Cleaned values of the filters in use (no sort, no empty values), with the ZIP code's."""
        return {**self._chosen_by_hand, **self.from_zip}

    @cached_property
    def _chosen_by_hand(self) -> dict:
        if not self.is_bound or not self.is_valid():
            return {}
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if name not in ("sort", "zip")
            and value not in (None, "", [], False)
            and not (hasattr(value, "exists") and not value)
        }

    @cached_property
    def zip_code(self) -> str | None:
        """The visitor's ZIP code, checked, if they gave one."""
        if not self.is_bound or not self.is_valid():
            return None
        return self.form.cleaned_data.get("zip")

    @cached_property
    def zip_place(self) -> zip_codes.ZipPlace | None:
        """What the ZIP tables say of the visitor's ZIP code; None for none or one they lack."""
        return zip_codes.table().find(self.zip_code) if self.zip_code else None

    @property
    def zip_message(self) -> str | None:
        """What the finder says it found for the ZIP code, if one was given."""
        if self.zip_place:
            return self.zip_place.summary
        return zip_codes.unknown_message(self.zip_code) if self.zip_code else None

    @cached_property
    def from_zip(self) -> dict:
        """The zone and state filters the ZIP code sets: those the visitor did not set by hand."""
        place, by_hand = self.zip_place, self._chosen_by_hand
        found = {}
        if place and place.zone and "zone" not in by_hand:
            found["zone"] = place.zone_span
        if place and place.state in regions.PLACES and "state" not in by_hand:
            found["state"] = [place.state]
        return found

    def _chosen(self, name) -> list:
        """An active filter's values as the index names them: slugs for garden uses and families."""
        values = self.active.get(name, [])
        return [item.slug for item in values] if name in ("use", "family") else values

    @cached_property
    def index(self) -> FinderIndex:
        return finder_index()

    @cached_property
    def _search_order(self) -> list[int]:
        """Positions of the plants matching the text search, best first (one query)."""
        ranks = dict(search.ranked_matches(PlantProfile.objects.live(), self.active["q"]))
        positions = self.index.positions_of(ranks)
        # Best rank first; among equals, the finder's name order.
        index = self.index
        return sorted(positions, key=lambda at: (-ranks[index.ids[at]], index.name_rank(at)))

    @cached_property
    def _selections(self) -> dict[str, int]:
        """The plants each active filter lets through on its own, as bitsets."""
        index = self.index
        selections = {}
        for name, value in self.active.items():
            if name == "q":
                selections[name] = index.facets.bits_from(self._search_order)
            elif name == "zone":
                selections[name] = index.zone_bits(value.low, value.high)
            elif name in YES_NO_GROUPS:
                selections[name] = index.facets.bits(name, True)
            else:
                selections[name] = index.facets.any_of(name, self._chosen(name))
        return selections

    def matching_without(self, group: str | None = None) -> int:
        """The plants every active filter but `group` lets through, as a bitset."""
        bits = self.index.facets.all
        for name, selected in self._selections.items():
            if name != group:
                bits &= selected
        return bits

    def results(self) -> "FinderResults":
        sort = self.form.cleaned_data.get("sort") if self.is_bound and self.is_valid() else ""
        if "q" in self.active and not sort:
            order = self._search_order
        else:
            order = self.index.order(sort or DEFAULT_SORT)
        return FinderResults(self.index, self.matching_without(None), order)

    # -- facets ----------------------------------------------------------

    def facets(self) -> dict[str, Facet]:
        active, index = self.active, self.index
        facets: dict[str, Facet] = {}
        for group in OPTION_GROUPS:
            counts = index.facets.counts(group, self.matching_without(group))
            chosen = self._chosen(group)
            facets[group] = Facet(
                [
                    FacetOption(value, label, counts.get(value, 0), value in chosen)
                    for value, label in self.filters[group].extra["choices"]
                ],
                counts.get(trait_facets.NO_VALUE, 0) if group in trait_facets.OPTION_FILTERS else None,
            )
        for group in YES_NO_GROUPS:
            within = self.matching_without(group)
            count = (index.facets.bits(group, True) & within).bit_count()
            option = FacetOption("true", self.filters[group].label, count, bool(active.get(group)))
            missing = (index.facets.bits(group, trait_facets.NO_VALUE) & within).bit_count()
            facets[group] = Facet([option], missing if group in trait_facets.YES_NO_FILTERS else None)
        facets["use"] = Facet(self._listed_facet("use", index.use_labels))
        facets["state"] = Facet(self._listed_facet("state", regions.PLACES))
        facets["family"] = Facet(self._listed_facet("family", index.family_labels))
        return facets

    def _listed_facet(self, group, labels) -> list[FacetOption]:
        """Options some matching plant has, plus the chosen ones, by label."""
        chosen = self._chosen(group)
        counts = self.index.facets.counts(group, self.matching_without(group))
        options = [
            FacetOption(
                value, labels[value], count, value in chosen, value in chosen and group in self.from_zip
            )
            for value, count in counts.items()
            if value in labels and (count or value in chosen)
        ]
        shown = {option.value for option in options}
        options += [
            FacetOption(value, labels[value], 0, True, group in self.from_zip)
            for value in chosen
            if value not in shown and value in labels
        ]
        return sorted(options, key=lambda option: option.label)

    # -- chips and advice --------------------------------------------------

    def chips(self, params) -> list[Chip]:
        """One removable chip per active filter value, each linking to the URL without it."""
        chips = []
        for name, value in self.active.items():
            label = self.filters[name].label
            if name in self.from_zip:
                chips.append(
                    Chip(label, self._zip_chip_label(name, value), self._url_without_zip(params, name))
                )
            elif name in ("q", "zone"):
                chips.append(
                    Chip(label, str(value) if name == "zone" else f"“{value}”", _url_without(params, name))
                )
            elif name in YES_NO_GROUPS:
                chips.append(Chip(label, "Yes", _url_without(params, name)))
            else:
                for item in value:
                    key = getattr(item, "slug", item)
                    chips.append(Chip(label, self._option_label(name, item), _url_without(params, name, key)))
        return chips

    def _zip_chip_label(self, name, value) -> str:
        return str(value) if name == "zone" else self._option_label(name, value[0])

    def _url_without_zip(self, params, name) -> str:
        """Without the ZIP code's `name` filter: the ZIP code goes, its other filter stays, set by hand."""
        kept = {other: value for other, value in self.from_zip.items() if other != name}
        pairs = [(other, str(value) if other == "zone" else value[0]) for other, value in kept.items()]
        return _url_without(params, "zip", drop=kept, add=pairs)

    def _option_label(self, name, item):
        if name == "family":
            return family_label(item.scientific_name, item.common_name)
        if name == "use":
            return item.name
        return dict(self.filters[name].extra["choices"])[item]

    def loosening_advice(self) -> list[tuple[str, int]]:
        """For an empty result: each active filter and how many plants removing it would show."""
        advice = []
        for name in self.active:
            count = self.matching_without(name).bit_count()
            if count:
                advice.append((self.filters[name].label, count))
        return sorted(advice, key=lambda item: -item[1])


def _url_without(params, name, value=None, drop=(), add=()) -> str:
    """The query string with one filter (or one of its values) removed, and the page reset.

    `drop` names other parameters to leave out and `add` gives pairs to put in their place.
    """
    pairs = [
        (key, item)
        for key in params
        if key != "page" and key not in drop
        for item in params.getlist(key)
        if not (key == name and (value is None or item == value))
    ]
    pairs += add
    return "?" + urlencode(pairs) if pairs else "?"


class FinderResults:
    """The matching plants as a sequence Django's paginator can count and slice.

    Counting is a popcount; slicing reads only that page's cards, in one query.
    """

    def __init__(self, index: FinderIndex, bits: int, order):
        self.index, self.bits, self.order = index, bits, order

    def count(self) -> int:
        return self.bits.bit_count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[PlantProfile]:
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("Finder results can only be sliced, as a paginator does.")
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        ids = [self.index.ids[at] for at in self.index.facets.positions(self.bits, self.order, start, stop)]
        cards = PlantProfile.objects.live().for_cards().in_bulk(ids)
        return [cards[plant_id] for plant_id in ids if plant_id in cards]
