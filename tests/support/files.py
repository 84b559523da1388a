"""Paths of the files tests read: the article files and the project's fixtures."""

from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = TESTS_DIR.parent
ARTICLES = TESTS_DIR / "support" / "articles"
SEED = ARTICLES / "littleleaf-alumroot.txt"
# The brief's own copy of the seed, beside the repository when it is checked out in the workplace.
SHARED_SEED = BASE_DIR.parent / "shared" / "seeds" / "littleleaf-alumroot.txt"
ALUMROOT_FIXTURE = BASE_DIR / "fixtures" / "alumroot.json"
