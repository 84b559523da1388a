"""Reading the USDA PLANTS files, and the FILE:LINE errors bad copies of them get."""

import gzip

import pytest

from plants.usda import files
from plants.usda.files import CHARACTERISTICS, CHECKLIST, FAMILIES, GENERA, UsdaDataError
from tests.support.usda import shipped_lines, write_slice


def problems_of(usda_file, directory):
    """The FILE:LINE lines a read of the file ends with."""
    with pytest.raises(UsdaDataError) as caught:
        list(files.read(usda_file, directory))
    return [str(problem) for problem in caught.value.problems]


def write_lines(directory, stem, lines, compressed=False):
    data = b"".join(lines)
    path = directory / (f"{stem}.csv.gz" if compressed else f"{stem}.csv")
    path.write_bytes(gzip.compress(data, mtime=0) if compressed else data)
    return path


def test_the_shipped_files_are_read_whole_by_default():
    checklist = list(files.read(CHECKLIST))
    assert len(checklist) == 32_800
    alumroot = next(row for row in checklist if row["symbol"] == "HEPAM2")
    assert alumroot["scientific_name"].startswith(
        "Heuchera parvifolia Nutt. ex Torr. & A. Gray var. microcarpa"
    )
    assert (alumroot.path, alumroot.line) == (
        str(files.DEFAULT_DIR / "checklist.csv.gz"),
        checklist.index(alumroot) + 2,
    )
    assert len(list(files.read(CHARACTERISTICS))) == 2_162
    assert len(list(files.read(GENERA))) == 552
    families = {row["family"]: row for row in files.read(FAMILIES)}  # CRLF line ends
    assert len(families) == 150
    assert families["Saxifragaceae"]["order"] == "Rosales"
    assert families["Saxifragaceae"]["kingdom_common_name"] == "Plants"


@pytest.mark.slow
def test_the_shipped_distribution_is_read_whole():
    assert sum(1 for _ in files.read(files.DISTRIBUTION)) == 241_601


def test_plain_and_compressed_copies_read_alike(tmp_path):
    (tmp_path / "plain").mkdir()
    (tmp_path / "compressed").mkdir()
    write_slice(tmp_path / "plain", "checklist")
    write_slice(tmp_path / "compressed", "checklist", compressed=True)
    plain = [(row.line, row.values) for row in files.read(CHECKLIST, tmp_path / "plain")]
    compressed = [(row.line, row.values) for row in files.read(CHECKLIST, str(tmp_path / "compressed"))]
    assert plain == compressed
    assert len(plain) == 20
    assert plain[0] == (2, plain[0][1])
    assert plain[0][1]["scientific_name"] == "Echinoplaca tetrapla (Zahlbr.) Lücking"


def test_columns_the_site_does_not_read_and_a_byte_order_mark_are_ignored(tmp_path):
    lines = shipped_lines("genera", 3)
    lines[0] = b"\xef\xbb\xbfextra," + lines[0]
    lines[1:] = [b"x," + line for line in lines[1:]]
    write_lines(tmp_path, "genera", lines)
    rows = list(files.read(GENERA, tmp_path))
    assert [row["genus"] for row in rows] == ["Abelia", "Abies", "Acacia"]
    assert "extra" not in rows[0].values


def test_a_missing_file(tmp_path):
    assert problems_of(CHECKLIST, tmp_path) == [
        f"{tmp_path / 'checklist.csv'}: no such file (nor checklist.csv.gz)"
    ]


def test_two_copies_of_one_file(tmp_path):
    write_slice(tmp_path, "genera")
    write_slice(tmp_path, "genera", compressed=True)
    assert problems_of(GENERA, tmp_path) == [
        f"{tmp_path / 'genera.csv'}: both genera.csv and genera.csv.gz: keep one"
    ]


def test_a_renamed_column(tmp_path):
    lines = shipped_lines("checklist", 5)
    lines[0] = lines[0].replace(b"scientific_name", b"sciname")
    path = write_lines(tmp_path, "checklist", lines)
    assert problems_of(CHECKLIST, tmp_path) == [f"{path}:1: the column “scientific_name” is missing"]


def test_a_missing_and_a_repeated_column(tmp_path):
    lines = shipped_lines("distribution", 5)
    lines[0] = b"symbol,status,status\n"
    path = write_lines(tmp_path, "distribution", lines, compressed=True)
    assert problems_of(files.DISTRIBUTION, tmp_path) == [
        f"{path}:1: the column “state” is missing",
        f"{path}:1: the column “status” appears twice",
    ]


def test_rows_with_the_wrong_number_of_fields_are_all_reported_after_the_good_rows(tmp_path):
    lines = shipped_lines("checklist", 10)
    lines[3] = lines[3].replace(b",Lichen,", b",")  # line 4 loses its group
    lines[6] = lines[6].rstrip(b"\n") + b",extra\n"  # line 7 has one field too many
    lines.insert(8, b"\n")  # line 9 is empty
    path = write_lines(tmp_path, "checklist", lines)
    read = []
    with pytest.raises(UsdaDataError) as caught:
        for row in files.read(CHECKLIST, tmp_path):
            read.append(row.line)
    assert read == [2, 3, 5, 6, 8, 10, 11, 12]
    assert str(caught.value).splitlines() == [
        f"{path}:4: 8 fields where the header has 9 columns",
        f"{path}:7: 10 fields where the header has 9 columns",
        f"{path}:9: an empty line where the header has 9 columns",
    ]


def test_bytes_that_are_not_utf8(tmp_path):
    lines = shipped_lines("checklist", 5)
    lines[1] = lines[1].replace("ü".encode(), "ü".encode("latin-1"))  # Lücking, in Latin-1
    path = write_lines(tmp_path, "checklist", lines, compressed=True)
    column = lines[1].index(b"\xfc") + 1
    assert problems_of(CHECKLIST, tmp_path) == [
        f"{path}:2: bytes that are not UTF-8 at column {column}: b'\\xfc'"
    ]
    symbols = []
    with pytest.raises(UsdaDataError):
        symbols.extend(row["symbol"] for row in files.read(CHECKLIST, tmp_path))
    assert "ECTE5" not in symbols  # the undecodable row is not passed on
    assert len(symbols) == 4


def test_a_compressed_file_cut_short(tmp_path):
    data = b"".join(shipped_lines("distribution", 2000))
    path = tmp_path / "distribution.csv.gz"
    compressed = gzip.compress(data, mtime=0)
    path.write_bytes(compressed[: len(compressed) * 2 // 3])
    read = []
    with pytest.raises(UsdaDataError) as caught:
        read.extend(files.read(files.DISTRIBUTION, tmp_path))
    (problem,) = caught.value.problems
    assert problem.line == len(read) + 2  # the line after the last one read whole
    assert str(problem) == f"{path}:{problem.line}: the compressed file is cut short: it ends inside its data"


def test_a_last_row_cut_midway(tmp_path):
    lines = shipped_lines("distribution", 6)
    lines[-1] = lines[-1][:12]  # "DRAD2,native,New J" -> its state cut, no end of line
    path = write_lines(tmp_path, "distribution", lines)
    assert problems_of(files.DISTRIBUTION, tmp_path) == [
        f"{path}:7: the last line stops before its end of line: the file is cut short"
    ]


def test_a_compressed_last_row_cut_midway(tmp_path):
    lines = shipped_lines("genera", 4)
    lines[-1] = lines[-1][:5]
    path = write_lines(tmp_path, "genera", lines, compressed=True)
    assert problems_of(GENERA, tmp_path) == [
        f"{path}:5: the last line stops before its end of line: the file is cut short"
    ]


def test_a_file_that_is_not_compressed_but_named_so(tmp_path):
    (tmp_path / "genera.csv.gz").write_bytes(b"".join(shipped_lines("genera", 3)))
    (problem,) = problems_of(GENERA, tmp_path)
    assert problem.startswith(
        f"{tmp_path / 'genera.csv.gz'}:1: the compressed data is damaged (Not a gzipped file"
    )


def test_an_empty_file(tmp_path):
    (tmp_path / "genera.csv").write_bytes(b"")
    assert problems_of(GENERA, tmp_path) == [f"{tmp_path / 'genera.csv'}: the file is empty"]


def test_a_quote_left_open(tmp_path):
    lines = shipped_lines("genera", 4)
    lines[3] = b'"' + lines[3]
    path = write_lines(tmp_path, "genera", lines)
    assert problems_of(GENERA, tmp_path) == [f"{path}:5: not readable as CSV (unexpected end of data)"]


def test_a_row_without_its_key_or_with_a_key_seen_before(tmp_path):
    lines = shipped_lines("checklist", 6)
    lines[3] = b"," + lines[3].split(b",", 1)[1]
    lines[5] = lines[2]
    path = write_lines(tmp_path, "checklist", lines)
    assert problems_of(CHECKLIST, tmp_path) == [
        f"{path}:4: no symbol",
        f"{path}:6: ACSC5 again (first on line 3)",
    ]


def test_a_file_of_bad_rows_stops_after_fifty_problems(tmp_path):
    lines = shipped_lines("distribution", 200)
    path = write_lines(
        tmp_path, "distribution", [lines[0]] + [line.replace(b",", b";") for line in lines[1:]]
    )
    problems = problems_of(files.DISTRIBUTION, tmp_path)
    assert len(problems) == files.MAX_PROBLEMS + 1
    assert problems[0] == f"{path}:2: 1 field where the header has 3 columns"
    assert problems[-1] == f"{path}: stopped after 50 problems; fix these first"
