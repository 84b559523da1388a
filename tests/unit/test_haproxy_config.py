"""nativeplants/deploy/haproxy.cfg, the load balancer for several servers, as HAProxy itself reads it."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "nativeplants" / "deploy" / "haproxy.cfg"
ADDRESSES = {
    "BALANCER_BIND": "127.0.0.1:8080",
    "WEB_1": "10.0.0.11:8000",
    "WEB_2": "10.0.0.12:8000",
    "SITE_HOST": "plants.example.org",
}

pytestmark = pytest.mark.skipif(
    shutil.which("haproxy") is None, reason="HAProxy is not installed (apt-get install -y haproxy)"
)


def check(**env) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["haproxy", "-c", "-f", str(CONFIG)], env={**os.environ, **env}, capture_output=True, text=True
    )


def test_with_its_addresses_from_the_environment_the_configuration_is_valid():
    result = check(**ADDRESSES)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Configuration file is valid" in result.stdout


def test_without_them_haproxy_refuses_to_start_and_says_where():
    missing = dict.fromkeys(ADDRESSES, "")
    result = check(**missing)
    assert result.returncode != 0
    assert "'bind' expects" in result.stdout + result.stderr
