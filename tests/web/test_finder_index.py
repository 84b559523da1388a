"""The finder's in-memory facet index: same answers as SQL, rebuilt when content changes anywhere."""

import random
from datetime import timedelta

import pytest
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from plants import finder_index, regions, trait_facets
from plants.forms import GardenZoneField
from plants.models import (
    FLAG_FIELDS,
    ContentVersion,
    GardenUse,
    NativeRange,
    PlantGardenUse,
    PlantProfile,
    Taxon,
    flag_field,
)
from plants.usda import traits
from tests.support import factories

FINDER = reverse("plants:finder")
USES = ("meadow", "hedge", "rock-garden", "woodland")
BLOOM_PERIODS = ("", "Indeterminate", "Spring", "Early Spring", "Late Spring", "Summer", "Mid Summer", "Fall")
SOILS = ("", "coarse", "medium", "coarse,fine", "coarse,medium,fine")
BANDS = {value: lower for value, _, lower in traits.HEIGHT_BANDS}


def random_usda(rng) -> dict | None:
    """Random USDA PLANTS traits, each often missing; None (no record at all) for some plants."""
    if rng.random() < 0.2:
        return None

    def maybe(*values):
        return rng.choice(values) if rng.random() < 0.7 else None

    return {
        "has_characteristics": rng.random() < 0.8,
        "bloom_period": rng.choice(BLOOM_PERIODS),
        "flower_color": maybe("white", "yellow", "purple") or "",
        "height_feet": maybe(0.5, 1, 2.5, 8, 60),
        "soil_textures": rng.choice(SOILS),
        "evergreen": maybe(True, False),
        "toxicity": maybe("none", "slight") or "",
        "availability": maybe("routinely_available", "no_known_source") or "",
    }


STATES = ("CO", "KS", "NY", "TX", "ON")


@pytest.fixture
def varied(db):
    """Forty published plants with random traits (seeded), two drafts, over two families."""
    rng = random.Random(20261126)
    genera = [factories.genus_chain("Asteraceae", "Aster"), factories.genus_chain("Rosaceae", "Rosa")]
    for n in range(42):
        zone_min = rng.randint(1, 20)
        # A cold limit alone for some, as USDA PLANTS gives it.
        zone_max = rng.randint(zone_min, 26) if rng.random() < 0.7 else None
        flags = {
            flag_field(group, choice): rng.random() < 0.4
            for group, choices in FLAG_FIELDS.items()
            for choice in choices.values
        }
        factories.plant(
            genus=rng.choice(genera),
            common_name=f"{rng.choice(['Aster', 'Bee', 'Cherry', 'daisy', 'Elder'])} {n}",
            zone_min=zone_min,
            zone_max=zone_max,
            water_need=rng.choice(["", "low", "medium", "high"]),
            usda=random_usda(rng),
            states=rng.sample(STATES, rng.randint(1, 3)),
            uses=rng.sample(USES, rng.randint(0, 2)),
            rank_code=rng.choice(["", "", "G2", "G5"]),
            status="draft" if n >= 40 else "published",
            **flags,
        )


def random_query(rng) -> dict:
    query = {}
    if rng.random() < 0.4:
        query["zone"] = rng.choice(["3", "5b", "7a", "9", "11"])
    for group, choices in FLAG_FIELDS.items():
        if rng.random() < 0.3:
            query[group] = rng.sample(choices.values, rng.randint(1, 2))
    if rng.random() < 0.4:
        query["use"] = rng.sample(USES, rng.randint(1, 2))
    if rng.random() < 0.4:
        query["state"] = rng.sample(STATES, rng.randint(1, 2))
    if rng.random() < 0.3:
        query["family"] = [rng.choice(["asteraceae", "rosaceae"])]
    if rng.random() < 0.2:
        query["rare"] = "true"
    for name, (_, options) in trait_facets.OPTION_FILTERS.items():
        if rng.random() < 0.25:
            query[name] = rng.sample([value for value, _ in options], rng.randint(1, 2))
    for name in trait_facets.YES_NO_FILTERS:
        if rng.random() < 0.15:
            query[name] = "on"
    if rng.random() < 0.5:
        query["sort"] = rng.choice(["name", "botanical", "hardiest"])
    return query


def sql_matching(query: dict, without: str | None = None):
    """The plants a query should give, written plainly in SQL: the test's independent answer."""
    plants = PlantProfile.objects.live()
    for name, value in query.items():
        if name == without or name == "sort":
            continue
        if name == "zone":
            span = GardenZoneField().clean(value)
            plants = plants.filter(
                Q(zone_max__gte=span.high) | Q(zone_max__isnull=True), zone_min__lte=span.low
            )
        elif name in FLAG_FIELDS:
            either = Q()
            for choice in value:
                either |= Q(**{flag_field(name, choice): True})
            plants = plants.filter(either)
        elif name == "use":
            plants = plants.filter(
                pk__in=PlantGardenUse.objects.filter(garden_use__slug__in=value).values("profile")
            )
        elif name == "state":
            plants = plants.filter(pk__in=NativeRange.objects.filter(state__in=value).values("profile"))
        elif name == "family":
            plants = plants.filter(family__slug__in=value)
        elif name == "rare":
            plants = plants.filter(is_rare=True)
        elif name in trait_facets.OPTION_FILTERS:
            plants = plants.filter(_sql_options(name, value))
        elif name in trait_facets.YES_NO_FILTERS:
            plants = plants.filter(SQL_YES[name])
    return plants


SQL_YES = {
    "evergreen": Q(taxon__usda__evergreen=True),
    "nontoxic": Q(taxon__usda__toxicity="none"),
    "available": Q(taxon__usda__availability="routinely_available"),
    "growing_data": Q(taxon__usda__has_characteristics=True),
}
SQL_NO_VALUE = {
    "water": Q(water_need=""),
    "bloom": Q(taxon__usda__isnull=True) | Q(taxon__usda__bloom_period__in=["", "Indeterminate"]),
    "color": Q(taxon__usda__isnull=True) | Q(taxon__usda__flower_color=""),
    "height": Q(taxon__usda__height_feet__isnull=True),
    "soil": Q(taxon__usda__isnull=True) | Q(taxon__usda__soil_textures=""),
    "evergreen": Q(taxon__usda__evergreen__isnull=True),
    "nontoxic": Q(taxon__usda__isnull=True) | Q(taxon__usda__toxicity=""),
    "available": Q(taxon__usda__isnull=True) | Q(taxon__usda__availability=""),
}


def _sql_option(name: str, value: str) -> Q:
    if name == "water":
        return Q(water_need=value)
    if name == "bloom":
        part, _, season = value.rpartition("-")
        if part:
            return Q(taxon__usda__bloom_period__iexact=f"{part} {season}")
        return Q(taxon__usda__bloom_period__iendswith=season)
    if name == "color":
        return Q(taxon__usda__flower_color=value)
    if name == "height":
        higher = [lower for lower in BANDS.values() if lower > BANDS[value]]
        below = Q(taxon__usda__height_feet__lt=min(higher)) if higher else Q()
        return Q(taxon__usda__height_feet__gte=BANDS[value]) & below
    return Q(taxon__usda__soil_textures__contains=value)


def _sql_options(name: str, values) -> Q:
    either = Q(pk__in=[])
    for value in values:
        either |= _sql_option(name, value)
    return either


def sql_facet_counts(query: dict) -> dict:
    counts = {}
    for group, choices in FLAG_FIELDS.items():
        base = sql_matching(query, without=group)
        counts[group] = {c: base.filter(**{flag_field(group, c): True}).count() for c in choices.values}
    base = sql_matching(query, without="use")
    counts["use"] = {
        use.slug: base.filter(garden_uses__garden_use=use).count()
        for use in GardenUse.objects.all()
        if base.filter(garden_uses__garden_use=use).exists() or use.slug in query.get("use", [])
    }
    base = sql_matching(query, without="state")
    counts["state"] = {
        state: base.filter(native_ranges__state=state).count()
        for state in regions.STATES_AND_PROVINCES
        if base.filter(native_ranges__state=state).exists() or state in query.get("state", [])
    }
    base = sql_matching(query, without="family")
    counts["family"] = {
        family.slug: base.filter(family=family).count()
        for family in Taxon.objects.filter(rank=90)
        if base.filter(family=family).exists() or family.slug in query.get("family", [])
    }
    counts["rare"] = {"true": sql_matching(query, without="rare").filter(is_rare=True).count()}
    for name, (_, options) in trait_facets.OPTION_FILTERS.items():
        base = sql_matching(query, without=name)
        counts[name] = {value: base.filter(_sql_option(name, value)).count() for value, _ in options}
    for name in trait_facets.YES_NO_FILTERS:
        counts[name] = {"true": sql_matching(query, without=name).filter(SQL_YES[name]).count()}
    return counts


def sql_no_value_counts(query: dict) -> dict:
    return {name: sql_matching(query, without=name).filter(q).count() for name, q in SQL_NO_VALUE.items()}


SQL_ORDER = {
    "name": lambda p: (p.common_name.lower(), p.taxon.scientific_name, p.pk),
    "botanical": lambda p: (p.taxon.scientific_name, p.pk),
    "hardiest": lambda p: (p.zone_min, p.common_name.lower(), p.pk),
}


@override_settings(CACHE_SECONDS=0)
def test_results_and_counts_equal_plain_sql_for_random_queries(client, varied):
    rng = random.Random(5)
    for _ in range(60):
        query = random_query(rng)
        response = client.get(FINDER, query)
        assert response.status_code == 200, query
        expected = sorted(
            sql_matching(query).select_related("taxon"), key=SQL_ORDER[query.get("sort", "name")]
        )
        assert response.context["page_obj"].paginator.count == len(expected), query
        assert [p.pk for p in response.context["plants"]] == [p.pk for p in expected[:24]], query
        facets = response.context["facets"]
        shown = {
            group: {option.value: option.count for option in facet.options} for group, facet in facets.items()
        }
        assert shown == sql_facet_counts(query), query
        missing = {group: facet.without_value for group, facet in facets.items() if group in SQL_NO_VALUE}
        assert missing == sql_no_value_counts(query), query


@override_settings(CACHE_SECONDS=0)
def test_second_page_continues_the_order(client, db):
    factories.make_plants(30)
    first = list(client.get(FINDER).context["plants"])
    second = list(client.get(FINDER, {"page": 2}).context["plants"])
    assert len(first) == 24 and len(second) == 6
    names = [p.common_name for p in first + second]
    assert names == sorted(names) and len(set(names)) == 30


@override_settings(CACHE_SECONDS=0)
def test_a_warm_request_reads_only_the_token_and_one_page_of_cards(client, varied, django_assert_num_queries):
    client.get(FINDER)  # builds the index
    # The token, the chosen use looked up by the form, and one page of cards.
    with django_assert_num_queries(3):
        response = client.get(
            FINDER, {"light": "full_sun", "use": "meadow", "state": "CO", "bloom": "spring"}
        )
    assert response.context["plants"]


@override_settings(CACHE_SECONDS=0)
def test_a_save_in_another_process_is_seen_by_the_next_request(client, db):
    plant = factories.plant(common_name="Wandering aster")
    assert client.get(FINDER).context["page_obj"].paginator.count == 1
    # What another worker's save does to this database: the change, and a new token.
    PlantProfile.objects.filter(pk=plant.pk).update(status="draft")
    assert client.get(FINDER).context["page_obj"].paginator.count == 1  # this process has not been told
    ContentVersion.objects.bump()
    assert client.get(FINDER).context["page_obj"].paginator.count == 0


@override_settings(CACHE_SECONDS=0)
def test_a_rolled_back_save_leaves_the_token_and_the_finder_as_they_were(client, db):
    plant = factories.plant(common_name="Wandering aster")
    client.get(FINDER)
    token = ContentVersion.objects.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        plant.common_name = "Renamed"
        plant.save()
        assert ContentVersion.objects.current() != token
        raise RuntimeError("the save fails after the profile was written")
    assert ContentVersion.objects.current() == token
    assert [p.common_name for p in client.get(FINDER).context["plants"]] == ["Wandering aster"]


@override_settings(CACHE_SECONDS=0)
def test_a_scheduled_plant_appears_when_its_time_comes(client, db, monkeypatch):
    now = timezone.now()
    factories.plant(common_name="Already out")
    factories.plant(common_name="Coming soon", published_at=now + timedelta(hours=1))
    assert [p.common_name for p in client.get(FINDER).context["plants"]] == ["Already out"]
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2))
    assert [p.common_name for p in client.get(FINDER).context["plants"]] == ["Already out", "Coming soon"]


def test_renamed_use_and_family_labels_show_at_once(client, db):
    factories.plant(uses=("meadow",))
    client.get(FINDER)
    use = GardenUse.objects.get(slug="meadow")
    use.name = "Prairie and meadow"
    use.save()
    labels = [option.label for option in client.get(FINDER).context["facets"]["use"].options]
    assert labels == ["Prairie and meadow"]


def test_index_is_built_in_a_fixed_number_of_queries(db, django_assert_num_queries):
    factories.make_plants(3, uses=("meadow",))
    with django_assert_num_queries(8):
        small = finder_index.build("a", timezone.now())
    factories.make_plants(40, uses=("meadow", "hedge"), states=("CO", "NY"))
    with django_assert_num_queries(8):
        large = finder_index.build("b", timezone.now())
    assert (small.facets.size, large.facets.size) == (3, 43)
