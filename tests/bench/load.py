"""Serving a benchmark database with gunicorn as `make serve` does, loading it with wrk, and the soak."""

import json
import os
import re
import secrets
import signal
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

from tests.bench.databases import PYTHON, ROOT, base_env, shell
from tests.support.loopback import free_port

GUNICORN = str(Path(PYTHON).parent / "gunicorn")
WARM_UP_SECONDS = 3
TURNS = 4  # of each throughput target (see interleaved())
EDITOR = ("bench-editor", secrets.token_urlsafe(12))


# --- serving and load ----------------------------------------------------------------


class Server:
    """gunicorn as `make serve` runs it, on a free loopback port.

    `app` and `env` are for the scale-out soaks (tests/bench/scale_out.py): the
    site with its worker's id in a header, and the worker count, Redis, proxies.
    """

    def __init__(self, url: str, cache_seconds: int, app: str = "nativeplants.wsgi", **env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = base_env(url, CACHE_SECONDS=cache_seconds, BIND=f"127.0.0.1:{self.port}", **env)
        # gunicorn's log goes to a file, not a pipe: a pipe nobody reads during the load
        # would fill and stall the server the moment it logs a lot (errors, say).
        self.log = tempfile.TemporaryFile("w+")  # noqa: SIM115 (open while gunicorn runs)
        self.process = subprocess.Popen(
            [GUNICORN, "-c", "nativeplants/gunicorn_conf.py", app],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
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
        self.log.seek(0)
        sys.exit(f"gunicorn did not start:\n{self.log.read()}")

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
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": requests,
        "errors": errors,
        "seconds": float(elapsed) * {"ms": 0.001, "s": 1, "m": 60}[unit],
    }
    # What a script's done() adds (tests/bench/scale_out.py): "Latency p99 us: N", "Served by NAME: N".
    for statistic, microseconds in re.findall(r"Latency (p\d+|max) us: (\d+)", output):
        result[f"{statistic}_ms"] = int(microseconds) / 1000
    served_by = dict(re.findall(r"Served by (\S+): (\d+)", output))
    if served_by:
        result["served_by"] = {name: int(count) for name, count in served_by.items()}
    return result


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


def csrf_token(html: str) -> str:
    """The CSRF token of the form on an admin page, to post it back."""
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class Editor(threading.Thread):
    """Logs in to the admin over HTTP and saves profiles with a marked summary until stopped."""

    def __init__(self, base: str, profile_ids: list[int]):
        super().__init__(daemon=True)
        self.base, self.profile_ids = base, profile_ids
        self.stop_event = threading.Event()
        self.saved: dict[int, str] = {}
        self.failures: list[str] = []
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

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
            {"csrfmiddlewaretoken": csrf_token(login), "username": EDITOR[0], "password": EDITOR[1]},
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


def create_editor(env: dict) -> None:
    """The soaks' editor, EDITOR, as a superuser with this run's password."""
    shell(
        env,
        "from django.contrib.auth.models import User; "
        f"u, _ = User.objects.get_or_create(username={EDITOR[0]!r}); u.is_staff = u.is_superuser = True; "
        f"u.set_password({EDITOR[1]!r}); u.save()",
    )


def soak(url: str, seconds: int) -> dict:
    env = base_env(url)
    create_editor(env)
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
