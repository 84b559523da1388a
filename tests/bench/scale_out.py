"""Issue #19's measurements: saves no visitor waits for, and two servers behind a load balancer.

`save_soak()`: one gunicorn with two workers at 20,000 profiles, page cache on
as in production; wrk's finder load without saves, then the same load while an
editor saves a profile every 2 s, each save changing the plant's water need
(a filter the finder's in-memory index holds) and every other one renaming it
too (which moves it in the name order), watched on the finder until
both workers show the plant under its new value. Reports both p99s and each
save's time to the finder.

`servers_soak()`: two gunicorn instances (two workers each, one Redis page
cache between them) on one PostgreSQL database, behind HAProxy configured by
nativeplants/deploy/haproxy.cfg; visitors and the editor go through the
balancer, each save is watched on both servers directly, and at the end every
edit must be in the database.
"""

import itertools
import json
import os
import re
import shutil
import socket
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from types import SimpleNamespace

import redis

from tests.bench import WORKER_HEADER, databases
from tests.bench.databases import base_env, shell
from tests.bench.load import EDITOR, Server, create_editor, csrf_token, wrk
from tests.support.loopback import Balancer

SIZE = 20_000  # issue #19: "measured at 20,000 profiles with two workers"
WORKERS = 2
SAVE_EVERY_SECONDS = 2
VISIBLE_WITHIN_SECONDS = 2
P99_RATIO_TARGET = 3
# Enough connections to keep both workers busy, few enough that a p99 is mostly
# the server's work rather than time queued behind other requests on two cores.
SAVE_SOAK_CONNECTIONS = 8
SERVERS_SOAK_CONNECTIONS = 16
WARM_UP_SECONDS = 5
# How long a save is watched for: past the target, so a late save is measured, not just missed.
WATCH_SECONDS = 6
POLL_PAUSE_SECONDS = 0.1
APP = "tests.bench.served_by"  # the site, with the answering worker's pid in a header
# Each server's own page cache: a database number of its own on the local Redis.
REDIS = ("127.0.0.1", 6379)
# One Redis database for both servers, as in production: one page cache (and one API
# throttle count) whichever server a visitor reaches. Emptied before each soak.
REDIS_DATABASE = 14
ADMIN = "/" + os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
WATCHED_PROFILES = 40

# Random valid filters over thousands of combinations, so most answers are computed
# by the finder (a miss of the page cache) and the p99 is the finder's, not the cache's.
FINDER_SCRIPT = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args) math.randomseed(os.time() * 1000 + id) end
server_errors, web1, web2 = 0, 0, 0
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
  local server = headers["x-served-by"] or headers["X-Served-By"]
  if server == "web1" then web1 = web1 + 1 elseif server == "web2" then web2 = web2 + 1 end
end
function done(summary, latency, requests)
  local errors, one, two = 0, 0, 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
    one, two = one + thread:get("web1"), two + thread:get("web2")
  end
  io.write("Server errors: " .. errors .. "\\n")
  io.write(string.format("Latency p50 us: %d\\n", latency:percentile(50)))
  io.write(string.format("Latency p99 us: %d\\n", latency:percentile(99)))
  io.write(string.format("Latency max us: %d\\n", latency.max))
  if one + two > 0 then io.write("Served by web1: " .. one .. "\\nServed by web2: " .. two .. "\\n") end
end
local zones = {"3a", "3b", "4a", "4b", "5a", "5b", "6a", "6b", "7a", "7b", "8a", "8b", "9a", "9b"}
local lights = {"full_sun", "partial_shade", "full_shade"}
local uses = {"rock-garden", "xeriscape", "ground-cover", "meadow", "pollinator-garden"}
local waters = {"low", "medium", "high"}
local words = {"phlox", "sage", "mountain", "desert", "aster"}
local sorts = {"name", "botanical", "hardiest"}
request = function()
  local query = "zone=" .. zones[math.random(#zones)] .. "&light=" .. lights[math.random(#lights)]
  if math.random() < 0.5 then query = query .. "&use=" .. uses[math.random(#uses)] end
  if math.random() < 0.4 then query = query .. "&water=" .. waters[math.random(#waters)] end
  if math.random() < 0.2 then query = query .. "&q=" .. words[math.random(#words)] end
  if math.random() < 0.2 then query = query .. "&sort=" .. sorts[math.random(#sorts)] end
  if math.random() < 0.2 then query = query .. "&page=" .. math.random(1, 3) end
  return wrk.format("GET", "/plants/?" .. query)
end
"""


RENAMED = " (renamed)"


@dataclass
class Plant:
    id: int
    url: str  # its page, which its card in the finder links to
    names: list[str]  # what to search for it by: its USDA symbol, then its botanical name
    query: str = ""  # the first of them the finder finds it by


@dataclass
class Save:
    profile_id: int
    water: str
    # Seconds from the save's answer until every worker of each watched server showed it; None: not in time.
    on_finder: dict[str, float | None] = field(default_factory=dict)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """The editor reads each answer itself: which server gave it, and where a save redirects."""

    def redirect_request(self, *args, **kwargs):
        return None


class FinderEditor(threading.Thread):
    """An editor who logs in at `base` and every SAVE_EVERY_SECONDS toggles a plant's water need.

    After each save it watches the finder on every server in `watch` (name ->
    base URL) until each of its `workers` workers has answered with the plant
    under its new value, each poll a new connection and a new URL (so it is
    the worker's own index answering, not a cached page).
    """

    def __init__(self, base: str, plants: list[Plant], watch: dict[str, str], workers: int):
        super().__init__(daemon=True)
        self.base, self.plants, self.watch, self.workers = base, plants, watch, workers
        self.stop_event = threading.Event()
        self.saves: list[Save] = []
        self.saved: dict[int, tuple[str, str]] = {}  # profile id -> the water need and summary marker saved
        self.failures: list[str] = []
        self.served_by: Counter = Counter()  # the balancer's server name for each of the editor's requests
        # (server of the form, server the form was posted to), for the login and each save.
        self.form_posts: list[tuple[str | None, str | None]] = []
        self.went_back = 0  # polls where a worker that had shown a save showed the old value again
        self.polls = itertools.count()
        self.pollers = ThreadPoolExecutor(max_workers=len(watch) * workers)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), _NoRedirect()
        )

    def _send(self, path: str, data: dict | None = None) -> tuple[int, str, str, str | None]:
        """(status, Location, body, server) of one request through `base`, with the editor's cookies."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=30) as answer:
                status, headers, text = answer.status, answer.headers, answer.read().decode()
        except urllib.error.HTTPError as answer:  # a redirect, or a refusal
            status, headers, text = answer.code, answer.headers, answer.read().decode()
        server = headers.get("X-Served-By")
        if server:
            self.served_by[server] += 1
        return status, headers.get("Location", ""), text, server

    def _log_in(self) -> bool:
        _, _, page, form_server = self._send(ADMIN + "login/")
        status, location, _, post_server = self._send(
            f"{ADMIN}login/?next={ADMIN}",
            {"csrfmiddlewaretoken": csrf_token(page), "username": EDITOR[0], "password": EDITOR[1]},
        )
        self.form_posts.append((form_server, post_server))
        if status != 302 or urllib.parse.urlsplit(location).path != ADMIN:
            self.failures.append(
                f"login answered {status} (to {location or 'nowhere'}), not a redirect to {ADMIN}"
            )
            return False
        return True

    def run(self):
        try:
            if not self._log_in():
                return
            next_save = time.monotonic()
            for edit in itertools.count(1):
                if self.stop_event.wait(max(0.0, next_save - time.monotonic())):
                    return
                next_save = max(next_save + SAVE_EVERY_SECONDS, time.monotonic())
                self._save(self.plants[(edit - 1) % len(self.plants)], edit)
        except Exception as error:  # reported, not raised in a thread where no one sees it
            self.failures.append(f"the editor stopped: {type(error).__name__}: {error}")
        finally:
            self.pollers.shutdown()

    def _save(self, plant: Plant, edit: int) -> None:
        from tests.support.admin_forms import form_data

        path = f"{ADMIN}plants/plantprofile/{plant.id}/change/"
        status, _, page, form_server = self._send(path)
        if status != 200:
            self.failures.append(f"edit {edit}: the form of profile {plant.id} answered {status}")
            return
        data = form_data(SimpleNamespace(content=page.encode()))
        water = "low" if data.get("water_need") == "high" else "high"
        marker = f"[scale-out edit {edit}]"
        data["water_need"] = water
        data["summary"] = re.sub(r" \[scale-out edit \d+\]$", "", data["summary"]) + " " + marker
        if edit % 2 == 0:  # every other save a rename too, which moves the plant in the name order
            name = data["common_name"]
            data["common_name"] = name[: -len(RENAMED)] if name.endswith(RENAMED) else name + RENAMED
        data["_save"] = "Save"
        status, location, _, save_server = self._send(path, data)
        saved_at = time.monotonic()
        if status != 302 or not urllib.parse.urlsplit(location).path.rstrip("/").endswith("/plantprofile"):
            # 403: the CSRF check refused it; 200: the form came back with errors.
            self.failures.append(f"edit {edit} of profile {plant.id} was not saved: answered {status}")
            return
        self.saved[plant.id] = (water, marker)
        self.form_posts.append((form_server, save_server))
        self.saves.append(Save(plant.id, water, self._watch(plant, water, saved_at)))

    def _watch(self, plant: Plant, water: str, saved_at: float) -> dict[str, float | None]:
        """Seconds from `saved_at` until every worker of each watched server showed the plant under `water`.

        Each round sends as many polls at once to each server as it has workers
        still to show it, so a round takes one answer's time, queue included:
        the time recorded is when the first answer showing it arrived, the
        latest a visitor asking then could have seen the old one.
        """
        shown: dict[str, dict[str, float]] = {name: {} for name in self.watch}  # server -> worker -> seconds
        query = urllib.parse.urlencode({"water": water, "q": plant.query})

        def poll(name: str) -> tuple[str, str | None, bool, float]:
            url = f"{self.watch[name]}/plants/?{query}&poll={next(self.polls)}"
            try:
                with urllib.request.urlopen(url, timeout=10) as answer:
                    found = plant.url in answer.read().decode()
                    return name, answer.headers[WORKER_HEADER], found, time.monotonic() - saved_at
            except OSError as error:
                self.failures.append(f"watching profile {plant.id} on {name}: {error}")
                return name, None, False, 0.0

        while time.monotonic() < saved_at + WATCH_SECONDS:
            waiting = [name for name in self.watch for _ in range(self.workers - len(shown[name]))]
            if not waiting:
                break
            for name, worker, found, seconds in self.pollers.map(poll, waiting):
                if found:
                    shown[name].setdefault(worker, seconds)
                elif worker in shown[name]:
                    self.went_back += 1
            time.sleep(POLL_PAUSE_SECONDS)
        # Once more on every server: a worker that has shown it must go on showing it.
        every_worker = [name for name in self.watch for _ in range(self.workers)]
        for name, worker, found, _ in self.pollers.map(poll, every_worker):
            if not found and worker in shown[name]:
                self.went_back += 1
        return {
            name: max(workers.values()) if len(workers) >= self.workers else None
            for name, workers in shown.items()
        }


# --- what both soaks share ----------------------------------------------------------


def _plants(env: dict) -> list[Plant]:
    rows = json.loads(
        shell(
            env,
            "import json; from plants.models import PlantProfile as P; "
            "print(json.dumps([(p.pk, p.get_absolute_url(), p.usda_symbol, p.taxon.scientific_name) "
            f"for p in P.objects.live().select_related('taxon').order_by('pk')[:{WATCHED_PROFILES}]]))",
        )
    )
    return [
        Plant(pk, url, [name for name in (symbol, scientific) if name])
        for pk, url, symbol, scientific in rows
    ]


def _findable(plants: list[Plant], base: str) -> list[Plant]:
    """The plants the finder shows on its first page when searched for by name, with that name."""
    found = []
    for plant in plants:
        for name in plant.names:
            query = urllib.parse.urlencode({"q": name})
            with urllib.request.urlopen(f"{base}/plants/?{query}", timeout=30) as answer:
                if plant.url in answer.read().decode():
                    plant.query = name
                    found.append(plant)
                    break
    if not found:
        raise RuntimeError("the finder found none of the watched plants by name")
    return found


def _lost(env: dict, saved: dict[int, tuple[str, str]]) -> list[int]:
    """The profiles whose last saved water need and summary marker are not what the database holds."""
    stored = json.loads(
        shell(
            env,
            "import json; from plants.models import PlantProfile as P; "
            f"print(json.dumps({{p: [w, s] for p, w, s in P.objects.filter(pk__in={list(saved)!r})"
            ".values_list('pk', 'water_need', 'summary')}))",
        )
    )
    return [
        pk
        for pk, (water, marker) in saved.items()
        if stored.get(str(pk), ["", ""])[0] != water or not stored[str(pk)][1].endswith(marker)
    ]


def _script() -> str:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(FINDER_SCRIPT)
    return script.name


def _load_while_editing(editor: FinderEditor, base: str, connections: int, seconds: int, script: str) -> dict:
    """wrk's finder load on `base` while the editor saves, the editor stopped however the load ends."""
    editor.start()
    try:
        # A request fails only when it outlasts gunicorn's own worker timeout (30 s).
        return wrk(base, connections, seconds, script, timeout=30)
    finally:
        editor.stop_event.set()
        editor.join(timeout=WATCH_SECONDS + 60)


def _on_time(saves: list[Save]) -> tuple[int, str]:
    """How many saves every watched server showed within the target, and the saves' median and slowest times.

    A save's time is its slowest server's; one that a server never showed is "never".
    """
    times = [
        None if None in save.on_finder.values() else max(save.on_finder.values(), default=0.0)
        for save in saves
    ]
    on_time = sum(seconds is not None and seconds <= VISIBLE_WITHIN_SECONDS for seconds in times)
    shown = [seconds for seconds in times if seconds is not None]
    median = f"median {statistics.median(shown):.2f} s, " if shown else ""
    slowest = "never" if None in times or not shown else f"{max(shown):.2f} s"
    return on_time, f"{median}slowest {slowest}"


# --- one server: the finder's p99 with and without saves --------------------------


def save_soak(backend_url: str | None, seconds: int) -> dict:
    url = databases.synthetic(backend_url, SIZE)
    env = base_env(url)
    create_editor(env)
    plants = _plants(env)
    script = _script()
    server = Server(url, cache_seconds=300, app=APP, WEB_CONCURRENCY=WORKERS)
    try:
        wrk(server.base, SAVE_SOAK_CONNECTIONS, WARM_UP_SECONDS, script)  # both workers build their index
        plants = _findable(plants, server.base)
        quiet = wrk(server.base, SAVE_SOAK_CONNECTIONS, seconds, script, timeout=30)
        editor = FinderEditor(server.base, plants, {"the server": server.base}, WORKERS)
        saving = _load_while_editing(editor, server.base, SAVE_SOAK_CONNECTIONS, seconds, script)
    finally:
        server.stop()
        os.unlink(script)
    return {
        "quiet": quiet,
        "saving": saving,
        "saves": editor.saves,
        "went_back": editor.went_back,
        "failures": editor.failures,
        "lost": _lost(env, editor.saved),
    }


def report_save_soak(backend: str, result: dict, seconds: int) -> bool:
    quiet, saving = result["quiet"], result["saving"]
    limit = P99_RATIO_TARGET * quiet["p99_ms"]
    p99_ok = saving["p99_ms"] <= limit
    on_time, times = _on_time(result["saves"])
    saves = len(result["saves"])
    visible_ok = saves > 0 and on_time == saves and not result["went_back"]
    clean = not (quiet["errors"] or saving["errors"] or result["failures"] or result["lost"])
    print(
        f"\nSaves while visitors search ({backend}): {SIZE:,} profiles, gunicorn with {WORKERS} workers, "
        f"page cache on; wrk {SAVE_SOAK_CONNECTIONS} connections of random finder filters, {seconds} s "
        f"without saves, then {seconds} s while an editor saves a profile every {SAVE_EVERY_SECONDS} s"
    )
    print(f"  {'phase':38}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}{'errors':>8}   target")
    for name, run, verdict in (
        ("no saves", quiet, ""),
        (
            "saving",
            saving,
            f"p99 <= {P99_RATIO_TARGET} x {quiet['p99_ms']:.1f}: {'ok' if p99_ok else 'MISSED'}",
        ),
    ):
        print(
            f"  {name:38}{run['rps']:>10.0f}{run['p50_ms']:>10.1f}{run['p99_ms']:>10.1f}{run['max_ms']:>10.0f}"
            f"{run['errors']:>8}   {verdict}"
        )
    print(f"  {'p99 with saves / without':38}{saving['p99_ms'] / quiet['p99_ms']:>30.2f}")
    print(
        f"  {'saves on the finder, both workers':38}{f'{on_time} of {saves}':>20}, {times}"
        f"   <= {VISIBLE_WITHIN_SECONDS} s each: {'ok' if visible_ok else 'MISSED'}"
    )
    if result["went_back"]:
        print(
            f"    {result['went_back']} polls showed a save's old value after that worker had shown the new one"
        )
    print(
        f"  {'errors, failed saves, lost edits':38}{quiet['errors'] + saving['errors']:>10}"
        f"{len(result['failures']):>10}{len(result['lost']):>10}   none: {'ok' if clean else 'FAIL'}"
    )
    for failure in result["failures"][:5]:
        print(f"    {failure}")
    return p99_ok and visible_ok and clean


# --- two servers behind HAProxy -----------------------------------------------------


def servers_soak(database_url: str, seconds: int) -> dict:
    url = databases.synthetic(database_url, SIZE)
    env = base_env(url)
    create_editor(env)
    plants = _plants(env)
    script = _script()
    servers: list[Server] = []
    balancer = None
    try:
        redis_url = f"redis://{REDIS[0]}:{REDIS[1]}/{REDIS_DATABASE}"
        redis.Redis.from_url(redis_url).flushdb()
        for _ in range(2):
            servers.append(
                Server(
                    url,
                    cache_seconds=300,
                    app=APP,
                    WEB_CONCURRENCY=WORKERS,
                    REDIS_URL=redis_url,
                    TRUSTED_PROXIES=1,
                )
            )
        balancer = Balancer([server.port for server in servers])
        wrk(balancer.base, SERVERS_SOAK_CONNECTIONS, WARM_UP_SECONDS, script)
        plants = _findable(plants, servers[0].base)
        watch = {f"web{n}": server.base for n, server in enumerate(servers, 1)}
        editor = FinderEditor(balancer.base, plants, watch, WORKERS)
        load = _load_while_editing(editor, balancer.base, SERVERS_SOAK_CONNECTIONS, seconds, script)
    finally:
        if balancer:
            balancer.stop()
        for server in servers:
            server.stop()
        os.unlink(script)
    return {
        "load": load,
        "saves": editor.saves,
        "went_back": editor.went_back,
        "failures": editor.failures,
        "lost": _lost(env, editor.saved),
        "editor_served_by": dict(editor.served_by),
        "form_posts": editor.form_posts,
    }


def report_servers_soak(result: dict | str, seconds: int) -> bool:
    """The two-server soak's section; `result` is the reason when it did not run (not a miss)."""
    print(
        f"\nTwo servers behind HAProxy (PostgreSQL): {SIZE:,} profiles, two gunicorn instances of "
        f"{WORKERS} workers sharing one Redis page cache; wrk {SERVERS_SOAK_CONNECTIONS} connections "
        f"of random finder filters through the balancer for {seconds} s while an editor saves through it "
        f"every {SAVE_EVERY_SECONDS} s"
    )
    if isinstance(result, str):
        print(f"  skipped: {result}")
        return True
    load = result["load"]
    visitors = load.get("served_by", {})
    on_time, times = _on_time(result["saves"])
    saves = len(result["saves"])
    editor_servers = result["editor_served_by"]
    crossed = sum(form != post for form, post in result["form_posts"])
    rows = [
        (
            "visitors' requests, errors",
            f"{load['requests']:,} ({load['rps']:.0f}/s), {load['errors']} errors, p99 {load['p99_ms']:.0f} ms",
            load["errors"] == 0,
        ),
        (
            "visitors' requests by server",
            ", ".join(f"{name} {count:,}" for name, count in sorted(visitors.items())),
            len([count for count in visitors.values() if count]) == 2,
        ),
        (
            "editor's requests by server",
            ", ".join(f"{name} {count}" for name, count in sorted(editor_servers.items()))
            + f"; {crossed} of {len(result['form_posts'])} forms (login, saves) posted to the other server",
            len(editor_servers) == 2 and crossed > 0,
        ),
        (
            "login and saves",
            f"{saves} saved, {len(result['failures'])} failures",
            saves > 0 and not result["failures"],
        ),
        (
            "saves on both servers, every worker",
            f"{on_time} of {saves}, {times} (<= {VISIBLE_WITHIN_SECONDS} s each)",
            saves > 0 and on_time == saves and not result["went_back"],
        ),
        ("edits lost", f"{len(result['lost'])} of {saves}", not result["lost"]),
    ]
    for name, text, good in rows:
        print(f"  {name:38}{text}: {'ok' if good else 'MISSED'}")
    if result["went_back"]:
        print(
            f"    {result['went_back']} polls showed a save's old value after that worker had shown the new one"
        )
    for failure in result["failures"][:5]:
        print(f"    {failure}")
    return all(good for _, _, good in rows)


def servers_soak_or_reason(database_url: str | None, seconds: int) -> dict | str:
    """Run the two-server soak when it can run here; otherwise why not."""
    if not (database_url or "").startswith("postgres"):
        return "needs PostgreSQL (DATABASE_URL=postgres://...): two servers cannot sensibly share one SQLite file"
    if not shutil.which("haproxy"):
        return "HAProxy is not installed: apt-get install -y haproxy"
    try:
        socket.create_connection(REDIS, timeout=2).close()
    except OSError:
        return f"no Redis answers at {REDIS[0]}:{REDIS[1]} (apt-get install -y redis-server)"
    return servers_soak(database_url, seconds)
