"""`generate_plants N`: synthetic profiles for benchmarks, written in bulk."""

import pytest
from django.core.management import CommandError, call_command

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
)
from plants.synthetic import SYNTHETIC_SOURCE_KEY

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
