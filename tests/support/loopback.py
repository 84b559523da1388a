"""Servers on loopback for the tests and the benchmark: a free port, and HAProxy in front of them."""

import os
import socket
import subprocess
import tempfile
import time
import urllib.request

from tests.support.files import BASE_DIR

HAPROXY_CONFIG = BASE_DIR / "nativeplants" / "deploy" / "haproxy.cfg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Balancer:
    """HAProxy in the foreground, configured by nativeplants/deploy/haproxy.cfg, on a free loopback port."""

    def __init__(self, ports: list[int]):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(
            os.environ,
            BALANCER_BIND=f"127.0.0.1:{self.port}",
            SITE_HOST="127.0.0.1",
            **{f"WEB_{n}": f"127.0.0.1:{port}" for n, port in enumerate(ports, 1)},
        )
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (open while HAProxy runs; closed by stop())
        self.process = subprocess.Popen(
            ["haproxy", "-f", str(HAPROXY_CONFIG), "-db"], env=env, stdout=self.log, stderr=subprocess.STDOUT
        )
        # Until each server has answered through it: every one is up and passes the health check.
        seen, deadline = set(), time.monotonic() + 30
        while len(seen) < len(ports) and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as answer:
                    seen.add(answer.headers.get("X-Served-By"))
            except OSError:
                time.sleep(0.2)
        if len(seen) < len(ports):
            self.stop()
            self.log.seek(0)
            raise RuntimeError(f"HAProxy did not reach every server:\n{self.log.read().decode()}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
