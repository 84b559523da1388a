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
   profiles through the admin, then checks that every saved edit is there.

Options: --sizes 100,50000,flora  --requests 200  --duration 20  --soak 60  --skip-load  --skip-import
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path
from types import SimpleNamespace

from tests.bench import databases
from tests.bench.databases import FLORA, IMPORT_TARGET_SECONDS, PYTHON, ROOT, base_env, shell

GUNICORN = str(Path(PYTHON).parent / "gunicorn")
LIMIT_QUERIES = 12
WARM_UP_SECONDS = 3
TURNS = 4  # of each throughput target (see interleaved())
TARGETS_MS = {
    "finder, zone + light + use": 60,
    "finder, zone + light + bloom + color": 60,
    "finder, ZIP + light + use": 60,
    "plant page": 20,
    "plant page, ZIP question": 20,
    "plant page, alumroot": 20,
    "finder, text search": 100,
}
EDITOR = ("bench-editor", secrets.token_urlsafe(12))


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


# --- serving and load ----------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn as `make serve` runs it, on a free loopback port."""

    def __init__(self, url: str, cache_seconds: int):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = base_env(url, CACHE_SECONDS=cache_seconds, BIND=f"127.0.0.1:{self.port}")
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "nativeplants/gunicorn_conf.py", "nativeplants.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/robots.txt", timeout=2)
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        sys.exit(f"gunicorn did not start:\n{self.process.stderr.read()}")

    def worker_peak_rss_mb(self) -> float:
        peaks = []
        for status in Path("/proc").glob("[0-9]*/status"):
            try:
                text = status.read_text()
            except OSError:
                continue
            if re.search(rf"^PPid:\s+{self.process.pid}$", text, re.M):
                peaks.append(int(re.search(r"^VmHWM:\s+(\d+) kB", text, re.M).group(1)) / 1024)
        return max(peaks, default=0.0)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wrk(url: str, connections: int, seconds: int, script: str | None = None, timeout: int = 10) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", f"{timeout}s"]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    server_errors = re.search(r"Server errors: (\d+)", output)
    if server_errors:  # the soak script counts 5xx itself; its 4xx answers are expected
        errors += int(server_errors.group(1))
    else:
        non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        errors += int(non_2xx.group(1)) if non_2xx else 0
    elapsed, unit = re.search(r"requests in ([\d.]+)(ms|s|m)\b", output).groups()
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": requests,
        "errors": errors,
        "seconds": float(elapsed) * {"ms": 0.001, "s": 1, "m": 60}[unit],
    }


def throughput(url: str, pages: dict, seconds: int) -> list[dict]:
    rows = []
    for cache_seconds, cache in ((300, "on"), (0, "off")):
        server = Server(url, cache_seconds)
        try:
            html = urllib.request.urlopen(server.base + "/").read().decode()
            css = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
            targets = {"static CSS": css, "plant page": pages["plant page"]}
            targets["finder, zone + light + use"] = pages["finder, zone + light + use"]
            for path in targets.values():  # warm every worker: page cache, finder index, templates
                wrk(server.base + path, 32, WARM_UP_SECONDS)
            measured = interleaved(server.base, targets, seconds)
            static = measured["static CSS"]["rps"]
            for name, figures in measured.items():
                rows.append({"cache": cache, "page": name, **figures, "ratio": figures["rps"] / static})
            rows.append({"cache": cache, "page": "worker peak RSS", "rss_mb": server.worker_peak_rss_mb()})
        finally:
            server.stop()
    return rows


def interleaved(base: str, targets: dict, seconds: int) -> dict:
    """Load each target for `seconds` in all, in TURNS turns taken in rotation.

    The machine's speed drifts by a tenth or more over a minute (a shared
    virtual machine); back-to-back runs of 20 s each put that drift into the
    ratio between the page and the static file. Taking turns spreads it over all.
    """
    turn = max(1, round(seconds / TURNS))
    totals = {name: {"requests": 0, "errors": 0, "seconds": 0.0} for name in targets}
    for _ in range(TURNS):
        for name, path in targets.items():
            result = wrk(base + path, 32, turn)
            for key in totals[name]:
                totals[name][key] += result[key]
    return {name: {**total, "rps": total["requests"] / total["seconds"]} for name, total in totals.items()}


# --- soak: readers and an editor at once ---------------------------------------------

SOAK_SCRIPT = """
-- Bad zones and pages past the end are in the mix on purpose: they must answer
-- 400 or 404, so only 5xx answers (and socket errors) count as errors.
local threads = {}
function setup(thread) table.insert(threads, thread) end
server_errors = 0
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write("Server errors: " .. total .. "\\n")
end
math.randomseed(os.time())
local zones = {"3a", "4b", "5", "5b", "6a", "7", "8b", "9", "abc", "99"}
local lights = {"full_sun", "partial_shade", "full_shade"}
local uses = {"rock-garden", "xeriscape", "ground-cover", "meadow", "pollinator-garden"}
local words = {"phlox", "sage", "mountain", "desert", "aster"}
request = function()
  local query = "zone=" .. zones[math.random(#zones)] .. "&light=" .. lights[math.random(#lights)]
  if math.random() < 0.5 then query = query .. "&use=" .. uses[math.random(#uses)] end
  if math.random() < 0.3 then query = query .. "&q=" .. words[math.random(#words)] end
  if math.random() < 0.3 then query = query .. "&page=" .. math.random(1, 5) end
  return wrk.format("GET", "/plants/?" .. query)
end
"""


class Editor(threading.Thread):
    """Logs in to the admin over HTTP and saves profiles with a marked summary until stopped."""

    def __init__(self, base: str, profile_ids: list[int]):
        super().__init__(daemon=True)
        self.base, self.profile_ids = base, profile_ids
        self.stop_event = threading.Event()
        self.saved: dict[int, str] = {}
        self.failures: list[str] = []
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def _csrf(self, html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def _post(self, path: str, data) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode()
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        with self.opener.open(request, timeout=30) as response:
            return response.status, response.geturl()

    def run(self):
        from tests.support.admin_forms import form_data

        login = self.opener.open(self.base + "/admin/login/").read().decode()
        self._post(
            "/admin/login/?next=/admin/",
            {"csrfmiddlewaretoken": self._csrf(login), "username": EDITOR[0], "password": EDITOR[1]},
        )
        edit = 0
        while not self.stop_event.is_set():
            profile_id = self.profile_ids[edit % len(self.profile_ids)]
            edit += 1
            path = f"/admin/plants/plantprofile/{profile_id}/change/"
            try:
                page = self.opener.open(self.base + path, timeout=30).read()
                data = form_data(SimpleNamespace(content=page))
                marker = f"[soak edit {edit}]"
                data["summary"] = re.sub(r" \[soak edit \d+\]$", "", data["summary"]) + " " + marker
                data["_save"] = "Save"
                status, landed = self._post(path, data)
                if landed.rstrip("/").endswith("/plantprofile"):
                    self.saved[profile_id] = marker
                else:
                    self.failures.append(f"edit {edit} of profile {profile_id} was not saved")
            except OSError as error:
                self.failures.append(f"edit {edit}: {error}")


def soak(url: str, seconds: int) -> dict:
    env = base_env(url)
    shell(
        env,
        "from django.contrib.auth.models import User; "
        f"u, _ = User.objects.get_or_create(username={EDITOR[0]!r}); u.is_staff = u.is_superuser = True; "
        f"u.set_password({EDITOR[1]!r}); u.save()",
    )
    ids = json.loads(
        shell(
            env,
            "import json; from plants.models import PlantProfile as P; "
            "print(json.dumps(list(P.objects.live().order_by('pk').values_list('pk', flat=True)[:40])))",
        )
    )
    server = Server(url, cache_seconds=300)
    try:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(SOAK_SCRIPT)
        editor = Editor(server.base, ids)
        editor.start()
        # 64 connections of mostly uncached searches queue for the workers; a request
        # fails only when it outlasts gunicorn's own worker timeout (30 s), so wrk waits as long.
        load = wrk(server.base, 64, seconds, script.name, timeout=30)
        editor.stop_event.set()
        editor.join(timeout=60)
    finally:
        server.stop()
        os.unlink(script.name)
    stored = json.loads(
        shell(
            env,
            "import json; from plants.models import PlantProfile as P; "
            f"print(json.dumps(dict(P.objects.filter(pk__in={list(editor.saved)!r}).values_list('pk', 'summary'))))",
        )
    )
    missing = [pk for pk, marker in editor.saved.items() if not stored.get(str(pk), "").endswith(marker)]
    return {
        **load,
        "edits_saved": len(editor.saved),
        "edit_failures": editor.failures,
        "edits_missing": missing,
    }


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
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn, wrk or soak")
    parser.add_argument(
        "--skip-import",
        action="store_true",
        help="no fresh import into a scratch database: report the one timed when the flora database was made",
    )
    args = parser.parse_args()
    sizes = [database for database in args.sizes if database != FLORA]
    with_flora = FLORA in args.sizes
    if not args.skip_load and not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk (or pass --skip-load)")

    print(
        f"Native Plants benchmark on {os.cpu_count()} cores, {_memory_gb():.0f} GiB, Python {sys.version.split()[0]}"
    )
    databases.manage(base_env("sqlite:///:memory:"), "collectstatic", "--noinput", "-v0")
    backends = [None] + ([os.environ["DATABASE_URL"]] if os.environ.get("DATABASE_URL") else [])
    all_ok = True
    for backend_url in backends:
        backend = "SQLite" if backend_url is None else "PostgreSQL"
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
        all_ok &= report_queries(backend, by_database)
        for database in timed:
            where = (
                f"on the flora, {databases.count_profiles(urls[FLORA]):,} profiles"
                if database == FLORA
                else f"at {database:,} profiles"
            )
            all_ok &= report_timings(backend, where, by_database[database], args.requests)
        if not args.skip_load:
            # Load and soak on the largest synthetic database (the flora if there is none).
            loaded = timed[0]
            size = f"{loaded:,} profiles" if loaded != FLORA else "the flora"
            pages = {name: figures["url"] for name, figures in by_database[loaded].items()}
            rows = throughput(urls[loaded], pages, args.duration)
            all_ok &= report_throughput(backend, size, rows, args.duration)
            if args.soak:
                all_ok &= report_soak(backend, soak(urls[loaded], args.soak), args.soak)
    print("\nAll targets met." if all_ok else "\nSome targets were missed (see above).")


def _memory_gb() -> float:
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30


if __name__ == "__main__":
    main()
