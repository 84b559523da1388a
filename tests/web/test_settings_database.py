"""The database settings as DATABASE_URL and DB_PREPARED_STATEMENTS make them (no connection is opened)."""

import pytest

from tests.support.settings_env import settings_under

POSTGRES = "postgres://postgres@db.example.org:5432/plants"


def database(monkeypatch, **env):
    return settings_under(monkeypatch, **env)["DATABASES"]["default"]


def test_postgresql_binds_parameters_on_the_server_and_prepares_repeated_queries(monkeypatch):
    options = database(monkeypatch, DATABASE_URL=POSTGRES)["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == 5


@pytest.mark.parametrize("off", ["0", "false", "no"])
def test_behind_a_transaction_pooler_prepared_statements_can_be_turned_off(monkeypatch, off):
    options = database(monkeypatch, DATABASE_URL=POSTGRES, DB_PREPARED_STATEMENTS=off)["OPTIONS"]
    assert "server_side_binding" not in options and "prepare_threshold" not in options
    assert options["connect_timeout"] == 5  # the rest of the options stay


def test_sqlite_has_no_such_options(monkeypatch, tmp_path):
    options = database(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}")["OPTIONS"]
    assert "server_side_binding" not in options and options["transaction_mode"] == "IMMEDIATE"
