"""Migrations run backwards to zero and forwards again on an empty database."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from plants.models import PlantProfile

pytestmark = pytest.mark.django_db(transaction=True)


def plant_tables() -> set[str]:
    return {name for name in connection.introspection.table_names() if name.startswith("plants_")}


def pg_search_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'plants_profile_search_%%'")
        return {row[0] for row in cursor.fetchall()}


def test_migrate_plants_to_zero_and_back():
    tables = plant_tables()
    assert "plants_plantprofile" in tables and "plants_plantimage" in tables
    if connection.vendor == "sqlite":
        assert "plants_profile_search" in tables  # the FTS5 search index (migration 0006)
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == {"plants_profile_search_vector_gin", "plants_profile_search_names_trgm"}

    call_command("migrate", "plants", "zero", verbosity=0)
    assert plant_tables() == set()
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == set()

    call_command("migrate", verbosity=0)
    assert plant_tables() == tables
    if connection.vendor == "postgresql":
        assert pg_search_indexes() == {"plants_profile_search_vector_gin", "plants_profile_search_names_trgm"}
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
