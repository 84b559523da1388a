"""The benchmark's own logic (tests/bench/): its --sizes option, the query-count verdict, when
the kept flora database is made again, and the scale-out soaks' verdicts (issue #19). The
benchmark itself runs with `make bench`, not here."""

import argparse
import sqlite3

import pytest

from tests.bench import databases, scale_out
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


def phase(p99_ms, errors=0):
    return {"rps": 100.0, "p50_ms": p99_ms / 3, "p99_ms": p99_ms, "max_ms": p99_ms * 2, "errors": errors}


def save_soak(saving_p99_ms=150.0, seconds=(0.4, 0.6)):
    saves = [scale_out.Save(pk, "high", {"the server": s}) for pk, s in enumerate(seconds, 1)]
    return {"quiet": phase(50.0), "saving": phase(saving_p99_ms), "saves": saves, "went_back": 0}


def test_saves_meet_issue_19_within_three_times_the_quiet_p99_and_two_seconds(capsys):
    assert scale_out.report_save_soak("SQLite", {**save_soak(), "failures": [], "lost": []}, 30)
    out = capsys.readouterr().out
    assert "p99 <= 3 x 50.0: ok" in out
    assert "2 of 2, median 0.50 s, slowest 0.60 s   <= 2 s each: ok" in out


@pytest.mark.parametrize(
    ("soak", "missed"),
    [
        (save_soak(saving_p99_ms=151.0), "p99 <= 3 x 50.0: MISSED"),
        (save_soak(seconds=(0.4, 2.1)), "1 of 2, median 1.25 s, slowest 2.10 s"),
        (save_soak(seconds=(0.4, None)), "1 of 2, median 0.40 s, slowest never"),
    ],
)
def test_a_slow_finder_or_a_late_save_is_a_miss(soak, missed, capsys):
    assert not scale_out.report_save_soak("SQLite", {**soak, "failures": [], "lost": []}, 30)
    assert missed in capsys.readouterr().out


def test_the_two_server_soak_says_why_it_did_not_run_without_postgresql(capsys):
    reason = scale_out.servers_soak_or_reason("sqlite:////tmp/bench.sqlite3", 60)
    assert "needs PostgreSQL" in reason
    assert scale_out.report_servers_soak(reason, 60)  # not run is not a miss
    assert f"skipped: {reason}" in capsys.readouterr().out
