"""The benchmark's databases: synthetic ones of a given size, and the real flora.

Each is kept between runs (SQLite files in BENCH_DIR, or `<db>_bench_<size>`
and `<db>_bench_flora` on the PostgreSQL server DATABASE_URL names) and made
again only when it does not hold what it should.
"""

import hashlib
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
FLORA = "flora"
# What the flora database is made from: if any of it changes, the database is made again.
FLORA_INPUTS = ("fixtures/usda/*", "fixtures/alumroot.json", "plants/**/*.py")
IMPORT_TARGET_SECONDS = {"SQLite": 180, "PostgreSQL": 300}  # issue #15: "the whole import"


def base_env(database_url: str, **extra) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="0",
        SECRET_KEY=os.environ.get("SECRET_KEY") or "bench-only-" + "x" * 50,
        DATABASE_URL=database_url,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        STATIC_ROOT=str(ROOT / "staticfiles"),
        # The benchmark times the API's pages hundreds of times from one address: not a client to throttle.
        API_THROTTLE_RATE="1000000/minute",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def shell(env: dict, code: str) -> str:
    """Run Python in `manage.py shell` and return the last line it printed."""
    lines = manage(env, "shell", "-v", "0", "-c", code).strip().splitlines()
    return lines[-1] if lines else ""


def label(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def count_profiles(url: str) -> int:
    return int(shell(base_env(url), "from plants.models import PlantProfile as P; print(P.objects.count())"))


# --- where each database lives ----------------------------------------------------


def _url(backend_url: str | None, name: str) -> str:
    """The database `name` (a size, `flora`...) on SQLite in BENCH_DIR, or on the PostgreSQL server."""
    if backend_url is None:
        directory = Path(os.environ.get("BENCH_DIR", tempfile.gettempdir()))
        directory.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{directory / f'nativeplants-bench-{name}.sqlite3'}"
    parts = urllib.parse.urlsplit(backend_url)
    return urllib.parse.urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/')}_bench_{name}"))


def _create(url: str) -> None:
    if url.startswith("postgres"):
        _maintain(url, "create")


def _drop(url: str) -> None:
    if url.startswith("postgres"):
        _maintain(url, "drop")
    else:
        path = _sqlite_path(url)
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)


def _sqlite_path(url: str) -> str:
    return urllib.parse.urlsplit(url).path.removeprefix("/")


def _maintain(url: str, action: str) -> None:
    """Create (if missing) or drop the PostgreSQL database `url` names."""
    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    # Through the server's maintenance database: the one DATABASE_URL names need not exist.
    maintenance = urllib.parse.urlunsplit(urllib.parse.urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        if action == "drop":
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        elif not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def checkpoint_postgres(url: str) -> None:
    """Write the new rows out now, not during the timings.

    Generating 50,000 profiles writes about a gigabyte of WAL; the checkpoint it
    triggers is spread over minutes, and a run timed straight after generating
    measured PostgreSQL a quarter to a half slower than the same run repeated.
    """
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        try:
            connection.execute("CHECKPOINT")
        except psycopg.errors.InsufficientPrivilege:
            print("  (CHECKPOINT needs the pg_checkpoint role: the timings may include its writes)")


# --- synthetic databases ----------------------------------------------------------


def synthetic(backend_url: str | None, size: int) -> str:
    """A migrated database holding exactly `size` synthetic profiles (made once, then reused)."""
    url = _url(backend_url, str(size))
    _create(url)
    env = base_env(url)
    manage(env, "migrate", "--noinput", "-v0")
    count = count_profiles(url)
    if count != size:
        if count:
            manage(env, "flush", "--noinput")
        started = time.perf_counter()
        manage(env, "generate_plants", str(size))
        print(f"  generated {size:,} profiles in {time.perf_counter() - started:.0f} s ({label(url)})")
        if backend_url is not None:
            checkpoint_postgres(url)
    return url


# --- the real flora ---------------------------------------------------------------


@dataclass
class Import:
    """One timed `import_usda` of the whole shipped flora into a fresh database."""

    seconds: float
    when: str  # UTC, ISO 8601
    this_run: bool  # timed in this run, or read from when the kept database was made
    into: str  # "the flora database" or "a scratch database"


def flora(backend_url: str | None) -> tuple[str, Import | None]:
    """The kept flora database, made again if it is missing, unfinished or made from other inputs.

    Returns its URL and, when it was (re)made in this run, the timed import.
    """
    url = _url(backend_url, FLORA)
    if recorded_build(url) is not None:
        return url, None
    _drop(url)
    made = fresh_import(url, "the flora database")
    mark_built(url, made)
    return url, made


def scratch_import(backend_url: str | None) -> Import:
    """Time a fresh import into a scratch database, then drop it."""
    url = _url(backend_url, f"{FLORA}_scratch")
    _drop(url)
    try:
        return fresh_import(url, "a scratch database")
    finally:
        _drop(url)


def recorded_import(url: str) -> Import:
    """The import timed when the kept flora database was made."""
    seconds, when = recorded_build(url)
    return Import(seconds, when, this_run=False, into="the flora database")


def fresh_import(url: str, into: str) -> Import:
    """As `make run` fills a new database: migrate, the alumroot, then the whole USDA flora (timed)."""
    _create(url)
    env = base_env(url)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "loaddata", "alumroot", "-v0")
    started = time.perf_counter()
    manage(env, "import_usda", "-v0")
    seconds = time.perf_counter() - started
    print(f"  imported the USDA PLANTS flora into {into} in {seconds:.0f} s ({label(url)})")
    if url.startswith("postgres"):
        checkpoint_postgres(url)
    return Import(seconds, datetime.now(UTC).isoformat(timespec="seconds"), this_run=True, into=into)


def inputs_fingerprint() -> str:
    digest = hashlib.sha256()
    for pattern in FLORA_INPUTS:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file():
                digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


# The bench's own table in the flora database, written once the whole import has
# committed: a database without it (an import that did not finish) or with another
# fingerprint (the data or the import's code changed since) is made again.
_BUILD_TABLE = "bench_flora_build"


def recorded_build(url: str) -> tuple[float, str] | None:
    try:
        row = _query(url, f"SELECT fingerprint, import_seconds, built_at FROM {_BUILD_TABLE}")
    except Exception:  # no database, or no table: not made, or not finished
        return None
    if not row or row[0] != inputs_fingerprint():
        return None
    return float(row[1]), row[2]


def mark_built(url: str, made: Import) -> None:
    _query(url, f"CREATE TABLE {_BUILD_TABLE} (fingerprint text, import_seconds real, built_at text)")
    _query(
        url,
        f"INSERT INTO {_BUILD_TABLE} VALUES (%s, %s, %s)",
        (inputs_fingerprint(), made.seconds, made.when),
    )


def _query(url: str, sql: str, params: tuple = ()):
    """One statement (`%s` placeholders) outside Django, whose tables this is none of; the first row."""
    if url.startswith("postgres"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            cursor = connection.execute(sql, params)
            return cursor.fetchone() if cursor.description else None
    import sqlite3

    path = _sqlite_path(url)
    if not Path(path).exists():
        raise FileNotFoundError(path)
    connection = sqlite3.connect(path)
    try:
        with connection:
            return connection.execute(sql.replace("%s", "?"), params).fetchone()
    finally:
        connection.close()
