"""Search reaches names, symbols and article text, ranked with name hits first, on both databases."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from plants.models import PlantProfile, Rank
from plants.search_indexes import TRIGRAM_THRESHOLD
from tests.support import factories

FINDER = reverse("plants:finder")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text and trigram search"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the portable SQLite fallback")


def search(client, text):
    response = client.get(FINDER, {"q": text})
    assert response.status_code == 200
    return [plant.common_name for plant in response.context["plants"]]


@pytest.mark.parametrize(
    "text",
    [
        "Littleleaf Alumroot",
        "alumroot",
        "Heuchera parvifolia",
        "microcarpa",
        "HEPAM2",
        "hepam2",
        "Saxifragaceae",
    ],
)
def test_names_and_symbol_find_the_plant(client, alumroot, text):
    assert search(client, text) == ["Littleleaf Alumroot"]


def test_article_text_finds_the_plant(client, alumroot):
    assert search(client, "xeriscape") == ["Littleleaf Alumroot"]
    assert search(client, "Deadhead") == ["Littleleaf Alumroot"]


def test_no_match(client, alumroot):
    assert search(client, "cactus") == []
    assert "No plants match" in client.get(FINDER, {"q": "cactus"}).content.decode()


def test_name_hits_rank_above_text_hits(client, alumroot):
    factories.plant(common_name="Coral bells")  # its name does not say alumroot
    mention = factories.plant(common_name="Rock jasmine")
    mention.summary = "Pairs well with alumroot in a rock garden."
    mention.save()
    assert search(client, "alumroot") == ["Littleleaf Alumroot", "Rock jasmine"]


@on_postgresql
@pytest.mark.parametrize(
    "text", ["alum root", "heuchra", "Heuchera parviflora", "litleleaf", "saxifragacea", "Saxifragaceae"]
)
def test_postgresql_forgives_spelling_and_spacing(client, alumroot, text):
    assert search(client, text) == ["Littleleaf Alumroot"]


@on_postgresql
def test_postgresql_trigram_indexes_return_what_search_counts_as_a_name_match(db):
    # The %> operator of the trigram indexes applies the connection's threshold,
    # and ranking counts a name as matching above TRIGRAM_THRESHOLD: they must agree.
    with connection.cursor() as cursor:
        cursor.execute("SHOW pg_trgm.word_similarity_threshold")
        assert float(cursor.fetchone()[0]) == TRIGRAM_THRESHOLD


@on_postgresql
def test_postgresql_full_text_uses_stems(client, alumroot):
    assert search(client, "gardens rock") == ["Littleleaf Alumroot"]


@on_sqlite
def test_sqlite_matches_every_word_anywhere(client, alumroot):
    assert search(client, "littleleaf heuchera") == ["Littleleaf Alumroot"]
    assert search(client, "heuchra") == []  # no fuzzy matching without PostgreSQL


def test_search_combines_with_filters(client, alumroot):
    assert search(client, "alumroot") == ["Littleleaf Alumroot"]
    response = client.get(FINDER, {"q": "alumroot", "light": "full_shade"})
    assert list(response.context["plants"]) == []


@on_sqlite
def test_sqlite_search_index_follows_edits_and_deletes(client, alumroot):
    from plants.models import ArticleSection

    section = ArticleSection.objects.filter(profile=alumroot).first()
    assert search(client, "xeriscape") == ["Littleleaf Alumroot"]
    assert search(client, "quokkaberry") == []
    section.body += " Pairs with quokkaberry."
    section.save()
    assert search(client, "QUOKKAB") == ["Littleleaf Alumroot"]
    other = factories.plant(common_name="Quokkaberry")
    assert search(client, "quokkaberry") == ["Quokkaberry", "Littleleaf Alumroot"]
    other.delete()
    assert search(client, "quokkaberry") == ["Littleleaf Alumroot"]


@on_sqlite
def test_sqlite_short_words_and_query_syntax_are_plain_text(client, alumroot):
    assert search(client, "xe") == ["Littleleaf Alumroot"]  # two letters: not in the trigram index
    assert search(client, "alumroot xe") == ["Littleleaf Alumroot"]
    for text in ['alumroot"', '"alumroot" OR cactus', "NEAR(alumroot cactus)", "alum*", "^alumroot"]:
        assert search(client, text) == [], text


def test_fts5_phrases_quote_every_word():
    from plants.search import fts5_phrases

    assert fts5_phrases(["alum", 'ro"ot']) == '"alum" AND "ro""ot"'


@on_sqlite
def test_bulk_inserted_profiles_are_indexed_and_the_trigger_comes_back(client, alumroot):
    from django.db import transaction

    from plants.search import fts_indexed_in_bulk

    # generate_plants inserts without the per-row trigger and indexes the new rows at the end.
    call_command("generate_plants", "30", force=True, verbosity=0)
    generated = PlantProfile.objects.exclude(pk=alumroot.pk).live().first()
    assert generated.common_name in search(client, generated.common_name.upper())
    assert search(client, "xeriscape") == ["Littleleaf Alumroot"]  # rows from before stay indexed once
    factories.plant(common_name="Wombatwort")  # an ordinary save after it is indexed by the trigger again
    assert search(client, "wombatwort") == ["Wombatwort"]

    # An error inside the block rolls the dropped trigger back with everything else.
    with pytest.raises(ValueError), transaction.atomic(), fts_indexed_in_bulk():
        raise ValueError("a failed bulk insert")
    factories.plant(common_name="Numbatwort")
    assert search(client, "numbatwort") == ["Numbatwort"]


def test_stored_names_hold_every_name_once(alumroot):
    # The variety's lineage repeats its genus and species, and the taxon repeats the common name.
    assert alumroot.search_names == (
        "Littleleaf Alumroot Heuchera parvifolia var. microcarpa HEPAM2 Saxifragaceae"
    )
    # PostgreSQL's fuzzy search compares the common name and the others apart (the family by itself).
    assert alumroot.search_other_names == "Heuchera parvifolia var. microcarpa HEPAM2"


@on_postgresql
def test_postgresql_finds_every_plant_of_a_family_by_its_name(client, alumroot):
    # Families are looked up among the families, then their plants by their family column.
    mitella = factories.taxon(Rank.GENUS, "Mitella", alumroot.family)
    factories.plant(common_name="Miterwort", genus=mitella)
    assert search(client, "saxifragacea") == ["Littleleaf Alumroot", "Miterwort"]
    assert search(client, "heuchera") == ["Littleleaf Alumroot"]


def test_the_name_itself_comes_before_the_names_that_contain_it(client, tmp_path, db):
    from tests.support.usda import write_subset

    # Red maple and its three varieties, one of them Drummond's maple (first by common name).
    call_command("import_usda", str(write_subset(tmp_path, ["ACRU", "ACRUD", "ACRUR", "ACRUT"])), verbosity=0)
    response = client.get(FINDER, {"q": "Acer rubrum"})
    assert response.context["plants"][0].taxon.scientific_name == "Acer rubrum"
    assert response.context["page_obj"].paginator.count == 4
