"""Migrations run backwards to zero and forwards again on an empty database."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F, Value
from django.urls import reverse

from plants.models import PlantProfile
from plants.models.profile import search_vector_expression
from plants.search_indexes import FTS_TABLE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def plant_tables() -> set[str]:
    return {name for name in connection.introspection.table_names() if name.startswith("plants_")}


# PostgreSQL's search indexes: the article's tsvector and trigrams of the names (migrations 0002, 0011),
# and trigrams of every taxon's names (0016).
SEARCH_INDEXES = {
    "plants_profile_search_vector_gin",
    "plants_profile_search_common_trgm",
    "plants_profile_search_other_trgm",
    "plants_taxon_scientific_name_trgm",
    "plants_taxon_common_name_trgm",
}


def pg_search_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes "
            "WHERE indexname LIKE 'plants_profile_search_%%' OR indexname LIKE 'plants_taxon_%%_trgm'"
        )
        return {row[0] for row in cursor.fetchall()}


def test_migrate_plants_to_zero_and_back():
    tables = plant_tables()
    assert "plants_plantprofile" in tables and "plants_plantimage" in tables
    if connection.vendor == "sqlite":
        assert FTS_TABLE in tables  # the FTS5 search index (migration 0006), by the name search reads
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == SEARCH_INDEXES

    call_command("migrate", "plants", "zero", verbosity=0)
    assert plant_tables() == set()
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == set()

    call_command("migrate", verbosity=0)
    assert plant_tables() == tables
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == SEARCH_INDEXES
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []  # fully migrated
    # And the site's data can be stored again.
    call_command("loaddata", "alumroot", verbosity=0)
    assert PlantProfile.objects.get().family.slug == "saxifragaceae"


def test_every_plants_migration_can_be_reversed():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection)
    for (app, name), migration in loader.disk_migrations.items():
        if app != "plants":
            continue
        for operation in migration.operations:
            assert operation.reversible, f"{app}.{name}: {operation.describe()} cannot be reversed"


def test_names_saved_before_0010_are_stored_with_each_word_once(client):
    # 0010's function on today's tables: migrating back to 0009 would leave out columns
    # that today's models (and so loaddata) write.
    call_command("loaddata", "alumroot", verbosity=0)
    repeated = (
        "Littleleaf Alumroot Heuchera parvifolia var. microcarpa Littleleaf alumroot HEPAM2 "
        "Saxifragaceae Heuchera Heuchera parvifolia Heuchera parvifolia var. microcarpa"
    )
    PlantProfile.objects.update(search_names=repeated)
    if connection.vendor == "postgresql":
        PlantProfile.objects.update(
            search_vector=search_vector_expression(F("search_names"), F("search_text"))
        )

    migration = importlib.import_module("plants.migrations.0010_search_names_distinct_words")
    with connection.schema_editor() as schema_editor:
        migration.shorten_names(django_apps, schema_editor)

    profile = PlantProfile.objects.get()
    assert (
        profile.search_names == "Littleleaf Alumroot Heuchera parvifolia var. microcarpa HEPAM2 Saxifragaceae"
    )
    if connection.vendor == "postgresql":
        # The tsvector was recomputed from the new names.
        stored, from_new, from_old = PlantProfile.objects.values_list(
            "search_vector",
            search_vector_expression(F("search_names"), F("search_text")),
            search_vector_expression(Value(repeated), F("search_text")),
        ).get()
        assert stored == from_new != from_old
    for text in ["alumroot", "Heuchera parvifolia", "saxifragaceae"]:
        response = client.get(reverse("plants:finder"), {"q": text})
        assert [plant.common_name for plant in response.context["plants"]] == ["Littleleaf Alumroot"]


def test_0011_fills_the_other_names_of_profiles_saved_before_it(client):
    call_command("loaddata", "alumroot", verbosity=0)
    PlantProfile.objects.update(search_other_names="")

    migration = importlib.import_module("plants.migrations.0011_search_other_names")
    with connection.schema_editor() as schema_editor:
        migration.fill_other_names(django_apps, schema_editor)

    assert PlantProfile.objects.get().search_other_names == "Heuchera parvifolia var. microcarpa HEPAM2"
