"""Conservation ranks in an article's header: the parser keeps the ranks the model can store."""

import pytest
from django.core.exceptions import ValidationError

from plants.article_format import ArticleWarning, parse_article
from plants.validators import validate_conservation_rank
from tests.support.files import SEED

SEED_STATUS = "Status: S5T1T3Q: Status is uncertain"


@pytest.fixture(scope="module")
def seed_text():
    return SEED.read_text(encoding="utf-8")


def with_rank(seed_text: str, rank: str) -> str:
    """The seed with its status line's rank replaced and no "Region:" line (the rank gives the scope)."""
    assert SEED_STATUS in seed_text
    text = seed_text.replace("Region: Conservation status by state\n\n", "")
    return text.replace(SEED_STATUS, f"Status: {rank}: Status is uncertain")


def model_accepts(rank: str) -> bool:
    try:
        validate_conservation_rank(rank)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "rank",
    [
        "G3",
        "S5T1T3Q",
        "G5T2Q",
        "S2B,S5N",
        "N4N",
        "GNR",
        "T3",
        "g3",
        "G7",
        "G0",
        "GG",
        "S",
        "G5ZZ",
        "Rare",
        "5",
    ],
)
def test_a_status_is_kept_exactly_when_the_model_accepts_its_rank(seed_text, rank):
    article = parse_article(with_rank(seed_text, rank))
    assert [status.rank for status in article.conservation] == ([rank] if model_accepts(rank) else [])


def test_a_rank_the_model_refuses_is_a_warning_not_a_failed_import(seed_text):
    # G7 looks like a rank but NatureServe's numeric ranks stop at 5; the import would refuse it.
    article = parse_article(with_rank(seed_text, "G7"))
    assert article.conservation == []
    assert article.warnings == [ArticleWarning(19, "“G7” is not a NatureServe rank; the status is ignored.")]


def test_several_ranks_in_one_status_are_kept_as_written(seed_text):
    article = parse_article(with_rank(seed_text, "S2B,S5N"))
    assert [(s.scope, s.region, s.rank) for s in article.conservation] == [("subnational", "", "S2B,S5N")]
    assert article.warnings == []


def test_a_rank_in_lower_case_has_the_scope_of_its_letter(seed_text):
    article = parse_article(with_rank(seed_text, "g3"))
    assert [(s.scope, s.region, s.rank) for s in article.conservation] == [("global", "", "g3")]
    assert article.warnings == []
