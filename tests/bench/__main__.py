"""`make bench`: query counts, server time, throughput, memory and a soak test, as one table.

For SQLite, and for PostgreSQL when DATABASE_URL names one, it fills a
database per size with `generate_plants` and one with the real flora
(`import_usda`), each kept between runs (tests/bench/databases.py), then:

1. times a fresh import of the whole flora (unless --skip-import);
2. counts SQL queries per page at each size and on the flora (they must be
   equal, and at most 12);
3. times each page at the largest size and on the flora through Django's test
   client, cache off;
4. serves the largest synthetic database with the same gunicorn setup as
   `make serve` and loads it with wrk: plant page, filtered finder and a
   static CSS file, taking turns (four of 5 s each by default), page cache on
   and off, reporting each page's requests/s as a ratio to the static file's,
   the errors, and the workers' peak memory;
5. soaks it: random finder filters at 64 connections while an editor saves
   profiles through the admin, then checks that every saved edit is there;
6. at 20,000 profiles with two workers, the finder's p99 without saves and
   while an editor saves every 2 s, and each save's time to the finder
   (tests/bench/scale_out.py);
7. with PostgreSQL, two gunicorn servers behind HAProxy
   (nativeplants/deploy/haproxy.cfg), visitors and an editor through it.

Options: --sizes 100,50000,flora  --requests 200  --duration 20  --soak 60  --skip-load  --skip-import
         --save-soak 30  --servers-soak 60  --only scale-out
"""

import argparse
import json
import os
import shutil
import subprocess
import sys

from tests.bench import DOWNLOAD, databases, scale_out
from tests.bench.databases import FLORA, IMPORT_TARGET_SECONDS, PYTHON, ROOT, base_env
from tests.bench.load import soak, throughput

LIMIT_QUERIES = 12
SCALE_OUT = "scale-out"  # --only: just steps 6 and 7
# The whole finder as CSV (issue #18), on the largest database measured.
DOWNLOAD_TARGET_SECONDS = 10
DOWNLOAD_TARGET_MB = 50
TARGETS_MS = {
    "finder, zone + light + use": 60,
    "finder, zone + light + bloom + color": 60,
    "finder, ZIP + light + use": 60,
    "plant page": 20,
    "plant page, ZIP question": 20,
    "plant page, alumroot": 20,
    "finder, text search": 100,
    "plant list, 100 plants": 30,
    "API: plants, zone + light": 30,
    "API: a plant's record": 10,
    # What each worker pays once after an editor's ordinary save (issue #19).
    "finder index update, a trait": 20,
}


# --- queries and timings ---------------------------------------------------------


def measure(url: str, requests: int, flora: bool = False) -> dict:
    result = subprocess.run(
        [PYTHON, "-m", "tests.bench.measure", str(requests), *(["--flora"] if flora else [])],
        cwd=ROOT,
        env=base_env(url, CACHE_SECONDS=0),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        sys.exit(f"measuring {url} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --- report ---------------------------------------------------------------------------


def column(database: int | str) -> str:
    return f"{database:,}" if isinstance(database, int) else database


def report_import(backend: str, made: databases.Import) -> bool:
    target = IMPORT_TARGET_SECONDS[backend]
    good = made.seconds < target
    when = "this run" if made.this_run else f"timed when it was made, {made.when}"
    print(f"\nImport of the whole USDA PLANTS flora ({backend}): import_usda into {made.into}, {when}")
    print(f"  {'import_usda':38}{made.seconds:>10.0f} s   < {target} s: {'ok' if good else 'MISSED'}")
    return good


def report_queries(backend: str, by_database: dict[int | str, dict]) -> bool:
    """Each page's count must be the same on every database it is measured on, and at most LIMIT_QUERIES."""
    ok = True
    # In the order of the database with the most pages (the flora's adds the alumroot's).
    by_pages = sorted(by_database.values(), key=len, reverse=True)
    pages = list(dict.fromkeys(page for results in by_pages for page in results))
    print(f"\nSQL queries per request ({backend})")
    print(f"  {'page':38}" + "".join(f"{column(database):>10}" for database in by_database) + "   verdict")
    for page in pages:
        counts = [results[page]["queries"] if page in results else None for results in by_database.values()]
        measured = [n for n in counts if n is not None]
        good = len(set(measured)) == 1 and max(measured) <= LIMIT_QUERIES
        ok &= good
        cells = "".join(f"{'-' if n is None else n:>10}" for n in counts)
        print(f"  {page:38}{cells}" + ("   ok" if good else "   FAIL"))
    return ok


def report_timings(backend: str, where: str, results: dict, requests: int) -> bool:
    ok = True
    print(f"\nServer time per request {where} ({backend}, {requests} warm requests, cache off)")
    print(f"  {'page':38}{'p50 ms':>10}{'p95 ms':>10}   target")
    for page, figures in results.items():
        target = TARGETS_MS.get(page)
        verdict = ""
        if target:
            good = figures["p95"] < target
            ok &= good
            verdict = f"p95 < {target}: {'ok' if good else 'MISSED'}"
        print(f"  {page:38}{figures['p50']:>10.1f}{figures['p95']:>10.1f}   {verdict}")
    return ok


def report_download(backend: str, where: str, figures: dict) -> bool:
    """The finder's whole CSV: its time and the memory it added to the process, each with its target."""
    seconds_ok = figures["seconds"] < DOWNLOAD_TARGET_SECONDS
    memory_ok = figures["rss_growth_mb"] < DOWNLOAD_TARGET_MB
    print(
        f"\nThe finder's whole CSV {where} ({backend}): {figures['rows']:,} rows, {figures['queries']} queries"
    )
    print(
        f"  {'time':38}{figures['seconds']:>10.1f} s   < {DOWNLOAD_TARGET_SECONDS} s: "
        f"{'ok' if seconds_ok else 'MISSED'}"
    )
    print(
        f"  {'memory growth (peak RSS)':38}{figures['rss_growth_mb']:>10.1f} MB  < {DOWNLOAD_TARGET_MB} MB: "
        f"{'ok' if memory_ok else 'MISSED'}"
    )
    return seconds_ok and memory_ok


def report_throughput(backend: str, where: str, rows: list[dict], seconds: int) -> bool:
    ok = True
    print(f"\nThroughput under gunicorn at {where} ({backend}, wrk 32 connections, {seconds} s)")
    print(f"  {'cache':6}{'page':30}{'req/s':>10}{'x static':>10}{'errors':>8}   target")
    for row in rows:
        if "rss_mb" in row:
            good = row["rss_mb"] < 150
            ok &= good
            print(
                f"  {row['cache']:6}{row['page']:30}{row['rss_mb']:>10.0f} MB   < 150 MB: {'ok' if good else 'MISSED'}"
            )
            continue
        target = None
        if row["page"] != "static CSS":
            target = 0.6 if row["cache"] == "on" else (0.25 if row["page"] == "plant page" else None)
        verdict = ""
        if target:
            good = row["ratio"] >= target
            ok &= good
            verdict = f">= {target}: {'ok' if good else 'MISSED'}"
        ok &= row["errors"] == 0
        print(
            f"  {row['cache']:6}{row['page']:30}{row['rps']:>10.0f}{row['ratio']:>10.2f}{row['errors']:>8}   {verdict}"
        )
    return ok


def report_soak(backend: str, result: dict, seconds: int) -> bool:
    good = result["errors"] == 0 and not result["edit_failures"] and not result["edits_missing"]
    print(
        f"\nSoak ({backend}): {seconds} s, 64 connections, random finder filters, an editor saving profiles"
    )
    print(
        f"  {result['requests']:,} requests served ({result['rps']:.0f}/s), {result['errors']} errors; "
        f"{result['edits_saved']} profiles saved by the editor, {len(result['edits_missing'])} edits missing, "
        f"{len(result['edit_failures'])} failed saves: {'ok' if good else 'FAIL'}"
    )
    for failure in result["edit_failures"][:5]:
        print(f"    {failure}")
    return good


def databases_option(text: str) -> list[int | str]:
    """`--sizes`: synthetic sizes and `flora`, comma-separated; the sizes ascending, then the flora."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    try:
        sizes = sorted(int(item) for item in items if item != FLORA)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size or {FLORA!r}: {text!r}") from None
    if any(size < 1 for size in sizes) or not items:
        raise argparse.ArgumentTypeError(f"sizes must be positive: {text!r}")
    return [*sizes, *([FLORA] if FLORA in items else [])]


def main():
    parser = argparse.ArgumentParser(prog="make bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=databases_option,
        default="100,50000,flora",
        help="synthetic sizes and/or 'flora' (the real USDA PLANTS flora)",
    )
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--soak", type=int, default=60, help="seconds of soak; 0 skips it")
    parser.add_argument(
        "--save-soak",
        type=int,
        default=30,
        help="seconds of each phase (no saves, saving) of the soak at 20,000 profiles; 0 skips it",
    )
    parser.add_argument(
        "--servers-soak",
        type=int,
        default=60,
        help="seconds of the two-server soak behind HAProxy (PostgreSQL only); 0 skips it",
    )
    parser.add_argument(
        "--only",
        choices=[SCALE_OUT],
        help="scale-out: only the save soak and the two-server soak, none of the steps before them",
    )
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn, wrk or soaks")
    parser.add_argument(
        "--skip-import",
        action="store_true",
        help="no fresh import into a scratch database: report the one timed when the flora database was made",
    )
    args = parser.parse_args()
    scale_out_only = args.only == SCALE_OUT
    loads = scale_out_only or not args.skip_load
    if loads and not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk (or pass --skip-load)")

    print(
        f"Native Plants benchmark on {os.cpu_count()} cores, {_memory_gb():.0f} GiB, Python {sys.version.split()[0]}"
    )
    databases.manage(base_env("sqlite:///:memory:"), "collectstatic", "--noinput", "-v0")
    backends = [None] + ([os.environ["DATABASE_URL"]] if os.environ.get("DATABASE_URL") else [])
    all_ok = True
    for backend_url in backends:
        backend = "SQLite" if backend_url is None else "PostgreSQL"
        if not scale_out_only:
            all_ok &= measure_backend(backend, backend_url, args)
        if loads and args.save_soak:
            result = scale_out.save_soak(backend_url, args.save_soak)
            all_ok &= scale_out.report_save_soak(backend, result, args.save_soak)
    if loads and args.servers_soak:
        result = scale_out.servers_soak_or_reason(os.environ.get("DATABASE_URL"), args.servers_soak)
        all_ok &= scale_out.report_servers_soak(result, args.servers_soak)
    print("\nAll targets met." if all_ok else "\nSome targets were missed (see above).")
    # A missed target fails the command, so a script or CI step running the benchmark notices.
    sys.exit(0 if all_ok else 1)


def measure_backend(backend: str, backend_url: str | None, args) -> bool:
    """Steps 1 to 5 on one database server: import, queries, timings, throughput and the soak."""
    all_ok = True
    sizes = [database for database in args.sizes if database != FLORA]
    with_flora = FLORA in args.sizes
    urls: dict[int | str, str] = {size: databases.synthetic(backend_url, size) for size in sizes}
    if with_flora:
        urls[FLORA], made = databases.flora(backend_url)
        # One fresh import timed per run: the flora database's own when it was (re)made.
        if made is None and not args.skip_import:
            made = databases.scratch_import(backend_url)
        made = made or databases.recorded_import(urls[FLORA])
        all_ok &= report_import(backend, made)
    # Timed: the largest synthetic database and the flora; the others give query counts only.
    timed = [*sizes[-1:], *([FLORA] if with_flora else [])]
    by_database = {
        database: measure(url, args.requests if database in timed else 0, flora=database == FLORA)
        for database, url in urls.items()
    }
    # Its queries grow with the rows (two per 2,000), so it is not in the per-page table.
    downloads = {database: results.pop(DOWNLOAD) for database, results in by_database.items()}
    all_ok &= report_queries(backend, by_database)
    for database in timed:
        where = (
            f"on the flora, {databases.count_profiles(urls[FLORA]):,} profiles"
            if database == FLORA
            else f"at {database:,} profiles"
        )
        all_ok &= report_timings(backend, where, by_database[database], args.requests)
        if downloads[database]:
            all_ok &= report_download(backend, where, downloads[database])
    if not args.skip_load:
        # Load and soak on the largest synthetic database (the flora if there is none).
        loaded = timed[0]
        size = f"{loaded:,} profiles" if loaded != FLORA else "the flora"
        pages = {name: figures["url"] for name, figures in by_database[loaded].items()}
        rows = throughput(urls[loaded], pages, args.duration)
        all_ok &= report_throughput(backend, size, rows, args.duration)
        if args.soak:
            all_ok &= report_soak(backend, soak(urls[loaded], args.soak), args.soak)
    return all_ok


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


if __name__ == "__main__":
    main()
