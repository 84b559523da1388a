"""The benchmark's own logic (tests/bench/): its --sizes option, the query-count verdict, and when
the kept flora database is made again. The benchmark itself runs with `make bench`, not here."""

import argparse
import sqlite3

import pytest

from tests.bench import databases
from tests.bench.__main__ import databases_option, report_queries


def test_sizes_take_synthetic_sizes_and_the_flora_in_any_order():
    assert databases_option("100,50000,flora") == [100, 50000, "flora"]
    assert databases_option("flora, 5000,100") == [100, 5000, "flora"]
    assert databases_option("flora") == ["flora"]


@pytest.mark.parametrize("text", ["100,fauna", "0", "", "-5,flora"])
def test_sizes_refuse_what_is_neither_a_size_nor_the_flora(text):
    with pytest.raises(argparse.ArgumentTypeError):
        databases_option(text)


def results(**queries):
    return {page.replace("_", " "): {"url": "/", "queries": n} for page, n in queries.items()}


def test_a_page_measured_only_on_the_flora_is_checked_against_the_limit_alone(capsys):
    flat = report_queries(
        "SQLite",
        {
            100: results(plant_page=1),
            50000: results(plant_page=1),
            "flora": results(plant_page=1, alumroot=1),
        },
    )
    assert flat
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["page", "100", "50,000", "flora", "verdict"] in rows
    assert ["alumroot", "-", "-", "1", "ok"] in rows


def test_a_count_that_differs_on_the_flora_fails(capsys):
    assert not report_queries("SQLite", {100: results(home=5), "flora": results(home=6)})
    assert capsys.readouterr().out.splitlines()[-1].split() == ["home", "5", "6", "FAIL"]


def test_the_flora_database_is_kept_until_its_inputs_change(tmp_path, monkeypatch):
    monkeypatch.setattr(databases, "ROOT", tmp_path)
    (tmp_path / "plants").mkdir()
    (tmp_path / "plants" / "importer.py").write_text("VERSION = 1\n")
    path = tmp_path / "flora.sqlite3"
    url = f"sqlite:///{path}"
    assert databases.recorded_build(url) is None  # no database

    sqlite3.connect(path).close()
    assert databases.recorded_build(url) is None  # an import that did not finish

    databases.mark_built(url, databases.Import(57.2, "2026-12-01T09:35:41+00:00", True, "the flora database"))
    assert databases.recorded_build(url) == (pytest.approx(57.2), "2026-12-01T09:35:41+00:00")
    assert databases.recorded_import(url).this_run is False

    (tmp_path / "plants" / "importer.py").write_text("VERSION = 2\n")
    assert databases.recorded_build(url) is None  # the import's code changed
