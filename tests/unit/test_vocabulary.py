"""plants.vocabulary: each fixed vocabulary written once, read by the models and the article parser."""

import pickle
import subprocess
import sys

import pytest
from django.db.migrations.loader import MigrationLoader

from plants import vocabulary
from plants.article_format import prose
from plants.models import (
    FLAG_FIELDS,
    CareTip,
    GrowthHabit,
    LifeCycle,
    Light,
    Rank,
    UsdaGroup,
    WaterNeed,
    WildlifeSupport,
    flag_field,
)

CHOICES = [
    (LifeCycle, vocabulary.LIFE_CYCLES),
    (GrowthHabit, vocabulary.GROWTH_HABITS),
    (Light, vocabulary.LIGHT_LEVELS),
    (WaterNeed, vocabulary.WATER_NEEDS),
    (UsdaGroup, vocabulary.USDA_GROUPS),
    (CareTip.Category, vocabulary.CARE_TIP_CATEGORIES),
    (WildlifeSupport.Resource, vocabulary.WILDLIFE_RESOURCES),
]

# Fields that store one term of a vocabulary, as the migrations recorded them.
STORED = [
    ("plantprofile", "usda_group", vocabulary.USDA_GROUPS),
    ("plantprofile", "water_need", vocabulary.WATER_NEEDS),
    ("caretip", "category", vocabulary.CARE_TIP_CATEGORIES),
    ("wildlifesupport", "resource", vocabulary.WILDLIFE_RESOURCES),
    ("taxon", "rank", dict(vocabulary.RANKS.values())),
]


@pytest.fixture(scope="module")
def migrated_models():
    """The plants models as the migrations on disk leave them (no database needed)."""
    state = MigrationLoader(None, ignore_no_migrations=True).project_state()
    return {name: model for (app, name), model in state.models.items() if app == "plants"}


@pytest.mark.parametrize(("choices", "terms"), CHOICES, ids=lambda x: getattr(x, "__qualname__", ""))
def test_model_choices_are_the_vocabularys_values_and_labels(choices, terms):
    assert choices.choices == list(terms.items())


def test_rank_choices_are_the_vocabularys_numbers_and_labels():
    assert Rank.choices == list(vocabulary.RANKS.values())
    assert [rank.name.lower() for rank in Rank] == list(vocabulary.RANKS)


@pytest.mark.parametrize(("model", "field", "terms"), STORED, ids=lambda x: x if isinstance(x, str) else "")
def test_the_migrations_recorded_the_same_values_and_labels(migrated_models, model, field, terms):
    assert list(migrated_models[model].fields[field].choices) == list(terms.items())


def test_every_flag_vocabulary_term_has_its_migrated_column(migrated_models):
    columns = migrated_models["plantprofile"].fields
    terms = {
        "life_cycle": vocabulary.LIFE_CYCLES,
        "habit": vocabulary.GROWTH_HABITS,
        "light": vocabulary.LIGHT_LEVELS,
    }
    assert {group: choices.choices for group, choices in FLAG_FIELDS.items()} == {
        group: list(vocabulary_terms.items()) for group, vocabulary_terms in terms.items()
    }
    for group, vocabulary_terms in terms.items():
        for value, label in vocabulary_terms.items():
            assert columns[flag_field(group, value)].verbose_name == label.lower()


def test_members_are_named_after_their_values():
    assert (Light.FULL_SUN, Light.FULL_SUN.label) == ("full_sun", "Full sun")
    assert (UsdaGroup.WHISK_FERN, WaterNeed.LOW.label) == (
        "Whisk-fern",
        "Low (drought-tolerant once established)",
    )
    assert (CareTip.Category.MAINTENANCE, WildlifeSupport.Resource.FOLIAGE.label) == (
        "maintenance",
        "Foliage (larval host)",
    )
    assert (Rank.FAMILY, Rank.FAMILY.label) == (90, "Family")


def test_ranks_keep_their_methods():
    assert Rank.from_name(" Genus ") is Rank.GENUS
    assert Rank.GENUS.is_italicised and Rank.FORMA.is_italicised and not Rank.FAMILY.is_italicised
    assert sorted([Rank.SPECIES, Rank.KINGDOM, Rank.ORDER]) == [Rank.KINGDOM, Rank.ORDER, Rank.SPECIES]
    with pytest.raises(KeyError):
        Rank.from_name("superorder")


@pytest.mark.parametrize("member", [Rank.VARIETY, Light.PARTIAL_SHADE, CareTip.Category.PLANTING])
def test_members_survive_pickling(member):
    # A cached object may hold a member; it must come back as the same member.
    assert pickle.loads(pickle.dumps(member)) is member


def test_the_parsers_keywords_stand_for_the_vocabularys_terms():
    assert list(prose.CARE_TIP_KEYWORDS) == list(vocabulary.CARE_TIP_CATEGORIES)
    assert [resource for resource, _ in prose.WILDLIFE_RESOURCE_KEYWORDS] == list(
        vocabulary.WILDLIFE_RESOURCES
    )
    assert {need for need, _ in prose.WATER_KEYWORDS} == set(vocabulary.WATER_NEEDS)
    assert {level for level, _ in prose.LIGHT_TERMS} == set(vocabulary.LIGHT_LEVELS)


@pytest.mark.parametrize("module", ["plants.vocabulary", "plants.article_format"])
def test_the_vocabulary_and_the_article_parser_need_no_django(module):
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.startswith('django')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
