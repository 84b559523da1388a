"""`generate_plants N`: synthetic profiles for benchmarks, written in bulk."""

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from plants import derived
from plants.models import (
    ArticleSection,
    CareTip,
    ConservationStatus,
    NativeRange,
    PlantGardenUse,
    PlantProfile,
    Rank,
    Taxon,
    UsdaPlace,
    UsdaRecord,
)
from plants.synthetic import SYNTHETIC_SOURCE_KEY
from plants.usda import traits

pytestmark = pytest.mark.django_db


def test_writes_n_profiles_with_their_rows_and_a_realistic_spread():
    call_command("generate_plants", "300", verbosity=0)
    profiles = PlantProfile.objects.all()
    assert profiles.count() == 300
    assert not profiles.exclude(data_source__key=SYNTHETIC_SOURCE_KEY).exists()
    assert ArticleSection.objects.count() >= 2 * 300
    assert CareTip.objects.count() >= 300
    assert PlantGardenUse.objects.count() >= 300
    assert NativeRange.objects.count() >= 300
    assert ConservationStatus.objects.count() == 2 * 300
    # A spread, not one shape repeated.
    assert Taxon.objects.filter(rank=Rank.FAMILY, family_profiles__isnull=False).distinct().count() > 10
    assert profiles.filter(taxon__rank=Rank.VARIETY).exists()
    assert profiles.filter(is_rare=True).exists() and profiles.filter(is_rare=False).exists()
    assert profiles.filter(light_full_shade=True).exists() and profiles.filter(light_full_sun=True).exists()
    assert len(set(profiles.values_list("zone_min", "zone_max"))) > 20
    assert profiles.live().count() > 250
    for profile in profiles[:50]:
        assert profile.zone_min <= profile.zone_max


def test_generated_profiles_get_their_derived_columns_from_the_write_path():
    call_command("generate_plants", "60", verbosity=0)
    profiles = list(PlantProfile.objects.select_related("taxon", "family"))
    assert len(profiles) == 60
    for profile in profiles:
        assert profile.family.rank == Rank.FAMILY
        assert profile.common_name in profile.search_names
        assert profile.title in profile.search_text
    assert any(profile.is_rare for profile in profiles)
    # What the write path would store now is what it stored: nothing left stale.
    assert derived.refresh([profile.pk for profile in profiles]) == 0


def test_generated_plants_have_working_pages(client):
    call_command("generate_plants", "40", verbosity=0)
    plant = PlantProfile.objects.live().select_related("taxon", "family").first()
    page = client.get(plant.get_absolute_url())
    assert page.status_code == 200
    assert plant.taxon.scientific_name in page.content.decode()
    assert client.get(plant.family.get_absolute_url()).status_code == 200
    finder = client.get("/plants/", {"q": plant.common_name})
    assert plant.common_name in finder.content.decode()
    # New rows after generation get fresh ids (PostgreSQL sequences moved past the generated ones).
    Taxon.objects.create(rank=Rank.GENUS, scientific_name="Novagenus", slug="novagenus", parent=plant.family)


def test_same_seed_same_content_and_more_can_be_added():
    call_command("generate_plants", "30", "--seed", "7", verbosity=0)
    first = list(PlantProfile.objects.order_by("pk").values_list("usda_symbol", "common_name"))
    call_command("generate_plants", "30", "--seed", "7", verbosity=0)
    assert PlantProfile.objects.count() == 60  # names that would collide were made unique
    assert list(PlantProfile.objects.order_by("pk").values_list("usda_symbol", "common_name")[:30]) == first


def test_refuses_a_database_with_real_content_unless_forced(alumroot):
    with pytest.raises(CommandError, match="holds real plant profiles"):
        call_command("generate_plants", "10", verbosity=0)
    assert PlantProfile.objects.count() == 1
    call_command("generate_plants", "10", "--force", verbosity=0)
    assert PlantProfile.objects.count() == 11
    assert PlantProfile.objects.get(usda_symbol="HEPAM2").data_source.key != SYNTHETIC_SOURCE_KEY


def test_refuses_a_count_below_one():
    with pytest.raises(CommandError, match="positive"):
        call_command("generate_plants", "0", verbosity=0)


def test_each_plant_gets_a_usda_record_in_the_sites_words_most_with_growing_data():
    call_command("generate_plants", "400", verbosity=0)
    profiles = list(PlantProfile.objects.select_related("taxon__usda"))
    records = [profile.taxon.usda for profile in profiles]
    assert [record.symbol for record in records] == [profile.usda_symbol for profile in profiles]
    with_data = [record for record in records if record.has_characteristics]
    assert 0.6 < len(with_data) / len(records) < 0.8
    for record in records:
        if not record.has_characteristics:
            assert (record.bloom_period, record.height_feet, record.evergreen, record.toxicity) == (
                "",
                None,
                None,
                "",
            )
    # Values a real import could store, each trait with and without a value among the plants with data.
    colors = {value for value, _ in traits.FLOWER_COLORS.choices}
    textures = {value for value, _ in traits.SOIL_TEXTURES.values()}
    for record in with_data:
        assert (
            record.bloom_period == ""
            or traits.bloom_months(record.bloom_period)
            or record.bloom_period == (traits.INDETERMINATE)
        )
        assert record.flower_color in colors | {""}
        assert set(filter(None, record.soil_textures.split(","))) <= textures
        assert record.toxicity in {value for value, _ in traits.TOXICITY.choices} | {""}
        assert record.availability in {value for value, _ in traits.AVAILABILITY.choices} | {""}
        assert record.height_feet is None or 0 < record.height_feet <= 120
    for trait in ("bloom_period", "flower_color", "toxicity", "availability", "soil_textures"):
        assert {bool(getattr(record, trait)) for record in with_data} == {True, False}, trait
    assert {record.evergreen for record in with_data} == {True, False, None}
    assert any(record.bloom_period == "Late Spring" for record in with_data)
    # Where both say something, USDA's record agrees with the profile beside it.
    for profile, record in zip(profiles, records, strict=True):
        if record.cold_limit is not None:
            assert record.cold_limit == profile.zone_min
        if record.water_need:
            assert record.water_need == profile.water_need
    assert PlantProfile.objects.with_growing_data().count() == len(with_data)


def test_each_plant_is_native_where_its_range_says_and_some_are_introduced_elsewhere():
    call_command("generate_plants", "200", verbosity=0)
    introduced = 0
    for profile in PlantProfile.objects.prefetch_related("native_ranges", "taxon__usda__places"):
        places = {(place.place, place.status) for place in profile.taxon.usda.places.all()}
        native = {place for place, status in places if status == UsdaPlace.Status.NATIVE}
        elsewhere = {place for place, status in places if status == UsdaPlace.Status.INTRODUCED}
        assert native == {row.state for row in profile.native_ranges.all()}
        assert not native & elsewhere
        introduced += bool(elsewhere)
    assert 20 < introduced < 80


def test_a_synthetic_plants_page_shows_its_usda_growing_data(client):
    call_command("generate_plants", "30", verbosity=0)
    plant = PlantProfile.objects.live().with_growing_data().exclude(taxon__usda__bloom_period="").first()
    page = client.get(plant.get_absolute_url()).content.decode()
    assert "From USDA PLANTS" in page
    assert f"<dt>Bloom period</dt><dd>{plant.taxon.usda.bloom_period}</dd>" in page


def generated(seed: int):
    """What `generate_plants 40 --seed SEED` writes of USDA's records on this database, then undone."""

    class Undo(Exception):
        pass

    try:
        with transaction.atomic():
            call_command("generate_plants", "40", "--seed", str(seed), verbosity=0)
            fields = [field.name for field in UsdaRecord._meta.fields if field.name not in ("id", "taxon")]
            records = list(UsdaRecord.objects.order_by("symbol").values_list(*fields))
            places = sorted(UsdaPlace.objects.values_list("record__symbol", "place", "status"))
            raise Undo
    except Undo:
        return records, places


def test_same_seed_same_usda_records():
    first = generated(7)
    assert len(first[0]) == 40 and first[1]
    assert generated(7) == first
    assert generated(8) != first
