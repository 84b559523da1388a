"""`manage.py export_flora DIR`: the published plants as files, with a data dictionary and the citation."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from plants import downloads, open_data
from plants.models import PublicationStatus


def export(directory, *args) -> str:
    out = io.StringIO()
    call_command("export_flora", str(directory), *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def published(alumroot, make_plants):
    make_plants(3, common_name="Ñandú’s sötbär")
    make_plants(2, status=PublicationStatus.DRAFT, common_name="Draft plant")


def test_it_writes_every_published_plant_as_csv_and_json_lines(tmp_path, published):
    target = tmp_path / "out" / "flora"  # made if missing
    summary = export(target, "--base-url", "https://plants.example.org/")
    assert sorted(path.name for path in target.iterdir()) == [
        "README.md",
        "columns.json",
        "plants.csv",
        "plants.jsonl",
    ]
    with open(target / "plants.csv", encoding="utf-8", newline="") as file:
        header, *rows = list(csv.reader(file))
    assert header == open_data.HEADERS
    assert len(rows) == 4 and sorted(row[0] for row in rows) == [
        "HEPAM2",
        *sorted(row[0] for row in rows if row[0] != "HEPAM2"),
    ]
    assert "Draft plant" not in (target / "plants.csv").read_text(encoding="utf-8")
    assert any(row[1] == "Ñandú’s sötbär" for row in rows)
    records = [
        json.loads(line) for line in (target / "plants.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [record["symbol"] for record in records] == [row[0] for row in rows]
    assert records[0]["url"].startswith("https://plants.example.org/plants/")
    assert "Exported 4 plants to" in summary
    (tmp_path / "ordinary").write_text("")
    ordinary = (tmp_path / "ordinary").stat().st_mode
    assert {(target / name).stat().st_mode for name in ("plants.csv", "README.md")} == {ordinary}


def test_the_dictionary_lists_every_column_and_the_citation(tmp_path, published):
    export(tmp_path)
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    for column in open_data.COLUMNS:
        assert f"| `{column.name}` | {column.header} | {column.meaning} | {column.source} |" in readme
    # USDA PLANTS as its DataSource row cites it (as fixtures/usda/README.md asks), and NatureServe.
    assert (
        "USDA, NRCS 2025. The PLANTS Database. https://plants.usda.gov (accessed 25 February 2025)." in readme
    )
    assert "National Plant Data Team, Greensboro, NC USA" in readme
    assert "NatureServe" in readme and "4 published plant profiles" in readme
    columns = json.loads((tmp_path / "columns.json").read_text(encoding="utf-8"))
    assert [column["name"] for column in columns] == [column.name for column in open_data.COLUMNS]
    assert all(column["meaning"] and column["source"] for column in columns)


def test_an_unwritable_directory_is_a_clear_error(tmp_path, published):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(CommandError, match="Could not write the export into"):
        export(blocker / "flora")
    assert blocker.read_text() == "not a directory"


def test_a_failed_export_leaves_the_directory_as_it_was(tmp_path, published, monkeypatch):
    export(tmp_path)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir()}

    def disk_full():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(downloads, "citations", disk_full)  # after the plants were written
    with pytest.raises(CommandError, match="No space left on device"):
        export(tmp_path)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == before


def test_the_command_exits_1_on_an_unwritable_directory(tmp_path, published):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(SystemExit) as exited:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", "export_flora", str(blocker / "flora")])
    assert exited.value.code == 1


def test_an_imported_flora_cites_the_usda_copy_it_came_from(tmp_path, db):
    from tests.support.usda import write_subset

    call_command("import_usda", str(write_subset(tmp_path, ["ACRU", "ASTU"])), stdout=io.StringIO())
    export(tmp_path / "out")
    readme = (tmp_path / "out" / "README.md").read_text(encoding="utf-8")
    assert "USDA, NRCS 2026. The PLANTS Database. https://plants.usda.gov (accessed 18 March 2026)." in readme
    with open(tmp_path / "out" / "plants.csv", encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    maple = next(row for row in rows if row["USDA symbol"] == "ACRU")
    assert (maple["Bloom period"], maple["Flower colour"], maple["Toxicity"]) == (
        "Early Spring",
        "Red",
        "Slightly toxic",
    )
    assert maple["Family"] == "Aceraceae" and maple["Source"] == "USDA, NRCS 2026. The PLANTS Database"
