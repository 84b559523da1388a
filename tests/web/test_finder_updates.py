"""The finder index catches up on a save by re-reading only the changed plants (plants/finder_index.py).

The oracle is a fresh build: after every random change the updated index
must hold the same plants, bits, counts and orders, and the finder must show
the same pages, as an index built from scratch.
"""

import random
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plants import content, finder_index
from plants.models import (
    FLAG_FIELDS,
    ContentVersion,
    FinderChange,
    GardenUse,
    NativeRange,
    PlantGardenUse,
    PlantProfile,
    flag_field,
)
from tests.support import factories

FINDER = reverse("plants:finder")
BUILD = finder_index.build  # the oracle, not counted as the process's own builds
USES = ("meadow", "hedge", "woodland")
STATES = ("CO", "KS", "NY", "TX")
NAMES = ("Aster", "Bee balm", "Cherry", "daisy", "Elder")
GROUPS = (
    *FLAG_FIELDS,
    "zone_min",
    "zone_max",
    "zone_min_at_most",
    "zone_max_at_least",
    "rare",
    "family",
    "use",
    "state",
    "water",
)


@pytest.fixture
def builds(monkeypatch):
    """How many full builds happen from here on."""
    count = []

    def counted(token, now):
        count.append(token)
        return BUILD(token, now)

    monkeypatch.setattr(finder_index, "build", counted)
    return count


@pytest.fixture
def garden(db):
    rng = random.Random(19)
    genera = [factories.genus_chain("Asteraceae", "Aster"), factories.genus_chain("Rosaceae", "Rosa")]
    for use in USES:
        GardenUse.objects.create(slug=use, name=use.title())
    for n in range(30):
        factories.plant(
            genus=rng.choice(genera),
            common_name=f"{rng.choice(NAMES)} {n}",
            zone_min=rng.randint(1, 20),
            zone_max=rng.choice([None, 22, 26]),
            states=rng.sample(STATES, rng.randint(1, 2)),
            uses=rng.sample(USES, rng.randint(0, 2)),
            status="draft" if n % 10 == 9 else "published",
        )
    return genera


def current_index():
    return finder_index.finder_index()


def fresh_index():
    return BUILD(ContentVersion.objects.current(), timezone.now())


def plant_by_plant(index) -> dict:
    """Each plant's (group, value) keys, by plant id: what the index says of it, whatever its position."""
    keys = {plant_id: set() for plant_id in index.position_by_id}
    for group in GROUPS:
        for value in index.facets.values(group):
            for at in index.facets.positions(index.facets.bits(group, value)):
                keys[index.ids[at]].add((group, value))
    return keys


def orders(index) -> dict:
    facets = index.facets
    by_sort = {sort: facets.positions(facets.all, index.order(sort)) for sort in finder_index.SORTS}
    return {sort: [index.ids[at] for at in positions] for sort, positions in by_sort.items()}


def assert_same(updated, fresh):
    assert plant_by_plant(updated) == plant_by_plant(fresh)
    assert orders(updated) == orders(fresh)
    for group in GROUPS:
        assert updated.facets.counts(group, updated.facets.all) == fresh.facets.counts(
            group, fresh.facets.all
        )
    assert (updated.valid_until, updated.use_labels, updated.family_labels) == (
        fresh.valid_until,
        fresh.use_labels,
        fresh.family_labels,
    )


def finder_pages(client, rng) -> list:
    """What the finder shows for a few random queries: counts, the first page, every facet's counts."""
    shown = []
    for _ in range(4):
        query = {"sort": rng.choice(["name", "botanical", "hardiest"])}
        if rng.random() < 0.5:
            query["light"] = [rng.choice(FLAG_FIELDS["light"].values)]
        if rng.random() < 0.5:
            query["state"] = [rng.choice(STATES)]
        if rng.random() < 0.4:
            query["use"] = [rng.choice(USES)]
        if rng.random() < 0.3:
            query["zone"] = rng.choice(["4", "7a", "9"])
        response = client.get(FINDER, query)
        assert response.status_code == 200
        facets = {
            group: [(option.value, option.count) for option in facet.options]
            for group, facet in response.context["facets"].items()
        }
        shown.append((response.context["page_obj"].paginator.count, list(response.context["plants"]), facets))
    return shown


def random_change(rng, genera) -> str:
    """One random edit through the write path; returns what kind it was."""
    plants = list(PlantProfile.objects.order_by("pk"))
    plant = rng.choice(plants)
    kind = rng.choice(
        [
            "light",
            "light",
            "zones",
            "zones",
            "uses",
            "states",
            "water",
            "several",
            "name",
            "status",
            "new",
            "delete",
            "family",
        ]
    )
    if kind == "light":
        field = flag_field("light", rng.choice(FLAG_FIELDS["light"].values))
        setattr(plant, field, not getattr(plant, field))
        plant.save()
    elif kind == "zones":
        plant.zone_min = rng.randint(1, 20)
        plant.zone_max = rng.choice([None, plant.zone_min, 26])
        plant.save()
    elif kind == "uses":
        use = GardenUse.objects.get(slug=rng.choice(USES))
        link = PlantGardenUse.objects.filter(profile=plant, garden_use=use).first()
        if link:
            link.delete()
        else:
            PlantGardenUse.objects.create(profile=plant, garden_use=use)
    elif kind == "states":
        state = rng.choice(STATES)
        existing = NativeRange.objects.filter(profile=plant, state=state).first()
        if existing:
            existing.delete()
        else:
            NativeRange.objects.create(profile=plant, state=state)
    elif kind == "water":
        plant.water_need = rng.choice(["", "low", "medium", "high"])
        plant.save()
    elif kind == "several":  # one change touching a few plants
        with content.change():
            for other in rng.sample(plants, 3):
                other.light_full_shade = not other.light_full_shade
                other.habit_forb = rng.random() < 0.5
                other.save()
                NativeRange.objects.filter(profile=other).delete()
                NativeRange.objects.create(profile=other, state=rng.choice(STATES))
    elif kind == "name":
        plant.common_name = f"{rng.choice(NAMES)} {rng.randint(100, 999)}"
        plant.save()
    elif kind == "status":
        plant.status = "draft" if plant.status == "published" else "published"
        plant.save()
    elif kind == "new":
        factories.plant(genus=rng.choice(genera), common_name=f"{rng.choice(NAMES)} new", states=["NY"])
    elif kind == "family":  # a family renamed: its label, and the key its plants are filed under
        family = rng.choice(genera).parent
        number = rng.randint(100, 999)
        family.common_name, family.slug = f"Family {number}", f"{family.scientific_name.lower()}-{number}"
        family.save()
    else:
        plant.delete()
    return kind


@override_settings(CACHE_SECONDS=0)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_updated_index_equals_a_fresh_build(client, garden, builds, seed):
    rng = random.Random(seed)
    assert current_index()  # this process's index, built once
    kinds = []
    for _ in range(25):
        before = len(builds)
        kinds.append(random_change(rng, garden))
        updated = current_index()
        if len(builds) == before:
            kinds[-1] += " (incremental)"
        assert_same(updated, fresh_index())
        page_rng = random.Random(len(kinds))
        with_update = finder_pages(client, page_rng)
        finder_index._index = None  # the next request builds from scratch
        page_rng = random.Random(len(kinds))
        assert finder_pages(client, page_rng) == with_update, kinds
        finder_index._index = updated  # the next change updates the updated index: updates chain
    # Every kind of change is applied plant by plant: renames, publications, new plants and deletions too.
    assert all(kind.endswith("(incremental)") for kind in kinds), kinds


@override_settings(CACHE_SECONDS=0)
def test_a_save_is_applied_without_a_rebuild_and_shown_by_the_next_request(client, garden, builds):
    plant = PlantProfile.objects.live().order_by("pk").first()
    plant.light_full_sun, plant.light_full_shade = False, True
    plant.save()
    client.get(FINDER)  # the index, up to date
    built = len(builds)
    plant.light_full_sun, plant.light_full_shade = True, False
    plant.zone_min = 1
    plant.save()
    with CaptureQueriesContext(connection) as queries:
        index = current_index()
    # The token, the log, the families, the plant, its uses and states, the hardiest order (it moved),
    # the next publication.
    assert len(queries) == 8
    assert len(builds) == built
    response = client.get(FINDER, {"light": "full_sun", "sort": "hardiest"})
    hardiest = (
        PlantProfile.objects.live().filter(light_full_sun=True).order_by(*finder_index.SORTS["hardiest"][1])
    )
    assert list(response.context["plants"]) == list(hardiest[:24])
    assert plant in response.context["plants"]
    assert plant not in client.get(FINDER, {"light": "full_shade"}).context["plants"]
    assert index is finder_index._index


@override_settings(CACHE_SECONDS=0)
def test_a_warm_request_after_an_update_reads_only_the_token_and_one_page(
    client, garden, django_assert_num_queries
):
    client.get(FINDER)
    plant = PlantProfile.objects.live().first()
    plant.water_need = "low"
    plant.save()
    client.get(FINDER)  # catches up
    with django_assert_num_queries(2):  # the token and one page of cards
        response = client.get(FINDER, {"light": "full_sun", "water": "low"})
    assert plant in response.context["plants"]


@override_settings(CACHE_SECONDS=0)
@pytest.mark.parametrize("change", ["rename", "publish", "unpublish", "delete", "new", "new family", "taxon"])
def test_renames_publications_and_deletions_are_applied_without_a_rebuild(client, garden, builds, change):
    current_index()
    built = len(builds)
    plant = PlantProfile.objects.live().order_by("pk").first()
    if change == "rename":
        plant.common_name = "Aaa first"
        plant.save()
    elif change == "publish":
        plant = PlantProfile.objects.drafts().first()
        plant.status, plant.common_name = "published", "Aaa published"
        plant.save()
    elif change == "unpublish":
        plant.status = "draft"
        plant.save()
    elif change == "delete":
        plant.delete()
    elif change == "new":
        plant = factories.plant(genus=garden[0], common_name="Aaa new", states=["KS"])
    elif change == "new family":
        plant = factories.plant(genus=factories.genus_chain("Zetaceae", "Zeta"), common_name="Aaa zeta")
    else:  # a family renamed: the plants below it are logged and re-read
        family = garden[0].parent
        family.common_name = "Daisy family"
        family.save()
        plant = PlantProfile.objects.live().filter(family=family).order_by(*finder_index.SORTS["name"][1])[0]
    with CaptureQueriesContext(connection) as queries:
        updated = current_index()
    # The token, the log, the families, the plants, their uses and states, the orders they moved
    # in (all three for a plant added), the next publication.
    assert len(queries) <= 10
    assert len(builds) == built
    assert_same(updated, fresh_index())
    shown = client.get(FINDER).context["plants"]
    if change in ("rename", "publish", "new", "new family"):
        assert shown[0] == plant  # "Aaa…": first in the name order
    elif change == "taxon":
        families = client.get(FINDER).context["facets"]["family"].options
        assert any(option.label == "Asteraceae (Daisy family)" for option in families), families
    else:
        assert plant.pk not in [p.pk for p in client.get(FINDER, {"q": plant.common_name}).context["plants"]]


@override_settings(CACHE_SECONDS=0)
def test_a_bulk_publication_in_the_admin_is_applied_without_a_rebuild(admin_client, garden, builds):
    current_index()
    built = len(builds)
    drafts = list(PlantProfile.objects.drafts().values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:plants_plantprofile_changelist"),
        {"action": "publish", "_selected_action": drafts},
        follow=True,
    )
    assert f"Published {len(drafts)} plant profiles." in response.content.decode()
    assert_same(current_index(), fresh_index())
    assert len(builds) == built


@override_settings(CACHE_SECONDS=0)
@pytest.mark.parametrize("change", ["garden use", "left the log", "too many", "too many unused positions"])
def test_what_cannot_be_applied_plant_by_plant_rebuilds(client, garden, builds, change):
    current_index()
    built = len(builds)
    plant = PlantProfile.objects.order_by("pk").first()
    if change == "garden use":  # a vocabulary term: every plant citing it, not listed
        use = GardenUse.objects.get(slug="meadow")
        use.name = "Prairie meadow"
        use.save()
    elif change == "left the log":
        FinderChange.objects.all().delete()
        plant.save()
    elif change == "too many":
        with content.change() as noted:
            noted.profiles(range(1, FinderChange.MAX_PROFILES + 2))
    else:
        # Deleted plants leave their positions unused; past the limit a rebuild packs them.
        limit = finder_index.update_limit(len(current_index().ids))
        extra = factories.make_plants(limit + 1, genus=garden[1])
        current_index()
        built = len(builds)
        for deleted in extra:
            deleted.delete()
            current_index()
        assert len(builds) == built + 1
    assert_same(current_index(), fresh_index())
    assert len(builds) == built + 1


@override_settings(CACHE_SECONDS=0)
def test_a_scheduled_plant_appears_when_its_time_comes_without_a_rebuild(client, garden, builds, monkeypatch):
    now = timezone.now()
    soon = factories.plant(common_name="Coming soon", published_at=now + timedelta(hours=1))
    later = factories.plant(common_name="Coming later", published_at=now + timedelta(hours=3))
    client.get(FINDER)
    built = len(builds)
    plant = PlantProfile.objects.live().first()
    plant.water_need = "high"
    plant.save()
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=2))
    assert soon in client.get(FINDER, {"q": "Coming soon"}).context["plants"]
    assert later not in client.get(FINDER, {"q": "Coming later"}).context["plants"]
    assert_same(current_index(), fresh_index())
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=4))
    assert later in client.get(FINDER, {"q": "Coming later"}).context["plants"]
    assert_same(current_index(), fresh_index())
    assert len(builds) == built


def test_the_log_keeps_the_last_versions(db):
    kept = FinderChange.KEPT
    FinderChange.objects.bulk_create(FinderChange(token=f"t{n}") for n in range(kept + 120))
    factories.make_plants(1)  # the change that lands on a multiple of 100 prunes
    while FinderChange.objects.order_by("-pk").first().pk % 100:
        factories.make_plants(1)
    newest = FinderChange.objects.order_by("-pk").first()
    assert FinderChange.objects.count() == kept
    assert FinderChange.objects.order_by("pk").first().pk == newest.pk - kept + 1
