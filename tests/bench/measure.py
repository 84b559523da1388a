"""SQL queries and server time per page through Django's test client, printed as JSON.

Run in a subprocess by tests/bench/__main__.py with DATABASE_URL pointing at a
benchmark database and the page cache off (CACHE_SECONDS=0):
`python -m tests.bench.measure REQUESTS [--flora]` (--flora: the real flora's pages, tests/bench/pages.py).
With REQUESTS above 0 it also times the whole finder's CSV download once and the memory it adds.
"""

import json
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nativeplants.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from plants import finder_index  # noqa: E402
from plants.models import ContentVersion, PlantProfile  # noqa: E402
from tests.bench import DOWNLOAD, DOWNLOAD_URL  # noqa: E402
from tests.bench.pages import page_urls  # noqa: E402


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(requests: int, flora: bool = False) -> dict:
    # No setup_test_environment(): it instruments every template render so tests
    # can inspect contexts, which costs a real server nothing and this page a lot.
    client = Client()
    results = {}
    for name, url in page_urls(flora).items():
        for _ in range(3):  # warm: connection, template and query caches
            client.get(url)
        # An execute wrapper, not CaptureQueriesContext: each request resets
        # Django's query log, which would make a captured slice come out empty.
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        result = {"url": url, "queries": counter.count}
        if timings:
            result["p50"] = statistics.median(timings)
            result["p95"] = statistics.quantiles(timings, n=20)[18]
        results[name] = result
    results["finder index rebuild"] = measure_index_build(min(requests, 5))
    results.update(measure_index_updates(min(requests, 5)))
    results[DOWNLOAD] = measure_download(client) if requests else None
    return results


def _rss_mb(field: str) -> float:
    """This process's resident memory (VmRSS) or its peak since the last reset (VmHWM), in MB."""
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith(field + ":"))
    return int(line.split()[1]) / 1024


def measure_download(client) -> dict:
    """The whole finder as CSV (plants/downloads.py): its time, rows, queries and the memory it adds."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")  # resets VmHWM to the current RSS, so the peak below is this download's
    before = _rss_mb("VmRSS")
    counter = QueryCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        response = client.get(DOWNLOAD_URL)
        rows = sum(piece.count(b"\n") for piece in response.streaming_content) - 1  # less the header
    seconds = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return {
        "url": DOWNLOAD_URL,
        "queries": counter.count,
        "rows": rows,
        "seconds": seconds,
        "rss_growth_mb": _rss_mb("VmHWM") - before,
    }


def measure_index_build(builds: int) -> dict:
    """What a worker pays for a whole new finder index (plants/finder_index.py): at start, or after a renamed taxon."""
    token, now = ContentVersion.objects.current(), timezone.now()
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        finder_index.build(token, now)
    timings = []
    for _ in range(builds):
        started = time.perf_counter()
        finder_index.build(token, now)
        timings.append((time.perf_counter() - started) * 1000)
    result = {"url": None, "queries": counter.count}
    if len(timings) > 1:
        result["p50"] = statistics.median(timings)
        result["p95"] = max(timings)  # too few builds for a quantile: the slowest
    return result


class RolledBack(Exception):
    pass


def _edit(plant: PlantProfile, kind: str) -> None:
    if kind == "a trait":
        plant.water_need = "high" if plant.water_need != "high" else "low"
    elif kind == "a rename":
        plant.common_name = "Aaa " + plant.common_name
    else:
        plant.status = "published"
    plant.save()


def measure_index_updates(repeats: int) -> dict:
    """What each worker pays once after an editor's save: catching its index up (`finder_index.caught_up`).

    Each save is made through the write path and rolled back afterwards, so
    the benchmark database is left as it was.
    """
    results = {}
    plants = list(PlantProfile.objects.live().order_by("pk")[: max(repeats, 1)])
    built = finder_index.build(ContentVersion.objects.current(), timezone.now())
    for kind in ("a trait", "a rename", "a publication"):
        timings, queries = [], None
        for plant in plants:
            try:
                with transaction.atomic():
                    index = built
                    if kind == "a publication":  # a draft just before, which the index does not hold
                        plant.status = "draft"
                        plant.save()
                        index = finder_index.build(ContentVersion.objects.current(), timezone.now())
                    _edit(plant, kind)
                    token, now = ContentVersion.objects.current(), timezone.now()
                    counter = QueryCounter()
                    started = time.perf_counter()
                    with connection.execute_wrapper(counter):
                        updated = finder_index.caught_up(index, token, now)
                    timings.append((time.perf_counter() - started) * 1000)
                    assert updated is not None and plant.pk in updated.position_by_id, kind
                    queries = counter.count
                    raise RolledBack
            except RolledBack:
                pass
        result = {"url": None, "queries": queries}
        if repeats > 1:
            result["p50"] = statistics.median(timings)
            result["p95"] = max(timings)  # too few for a quantile: the slowest
        results[f"finder index update, {kind}"] = result
    return results


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]), flora="--flora" in sys.argv[2:])))
