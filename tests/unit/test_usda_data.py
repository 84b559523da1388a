"""The USDA PLANTS files shipped in fixtures/usda/: checksums, and the input they were made from."""

import hashlib

import pytest

from tests.support.usda import SHARED_USDA_DIR, STEMS, USDA_DIR, shipped_bytes


def test_the_shipped_files_match_their_checksums():
    listed = {}
    for line in (USDA_DIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        listed[name] = digest
    assert sorted(listed) == sorted(f"{stem}.csv.gz" for stem in STEMS)
    for name, digest in listed.items():
        assert hashlib.sha256((USDA_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_readme_gives_the_decompressed_checksums_and_the_citation():
    readme = (USDA_DIR / "README.md").read_text()
    for stem in STEMS:
        assert f"{hashlib.sha256(shipped_bytes(stem)).hexdigest()}  {stem}.csv" in readme
    assert "USDA, NRCS. 2026. The PLANTS Database (https://plants.usda.gov, accessed March 2026)" in readme
    assert "copied\n> 2025-06-15" in readme


@pytest.mark.skipif(not SHARED_USDA_DIR.exists(), reason="no input copy beside the repository")
@pytest.mark.parametrize("stem", STEMS)
def test_each_shipped_file_is_the_input_copy_byte_for_byte(stem):
    assert shipped_bytes(stem) == (SHARED_USDA_DIR / f"{stem}.csv").read_bytes()
