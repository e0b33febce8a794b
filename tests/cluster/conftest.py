"""The cluster suite runs against `make cluster` (var/cluster.env), never against a test database.

tests/conftest.py leaves this folder out of a run unless the cluster is up or
``CLUSTER_TESTS`` is set (CI and `make cluster-test` set it, so a cluster that failed to
start fails these tests rather than skipping them).
"""

import re
import subprocess
import uuid
from pathlib import Path

import psycopg2
import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
ENV_FILE = ROOT / "var" / "cluster.env"
SCRIPT = ROOT / "deploy" / "cluster" / "cluster.sh"


def read_env():
    if not ENV_FILE.exists():
        pytest.fail("The cluster is not running: start it with `make cluster`.")
    values = {}
    for line in ENV_FILE.read_text().splitlines():
        name, _, value = line.partition("=")
        values[name.strip()] = value.strip()
    return values


class Cluster:
    def __init__(self, env):
        self.env = env
        self.public = env["CLUSTER_PUBLIC_URL"].rstrip("/")
        self.apps = [url.rstrip("/") for url in env["CLUSTER_APP_URLS"].split(",")]
        self.dir = Path(env["CLUSTER_DIR"])

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        return requests.get(self.public + path, **kwargs)

    def unique(self, path):
        """``path`` with a query parameter no one asked for before: a guaranteed cache miss."""
        return f"{path}{'&' if '?' in path else '?'}probe={uuid.uuid4().hex}"

    def access_log_lines(self, needle):
        lines = 0
        for log in self.dir.glob("app*-access.log"):
            lines += sum(needle in line for line in log.read_text().splitlines())
        return lines

    def run(self, *args):
        subprocess.run(["bash", str(SCRIPT), *args], check=True, capture_output=True, timeout=120)

    def primary(self):
        return psycopg2.connect(self.env["DATABASE_URL"])

    def replica(self):
        return psycopg2.connect(self.env["DATABASE_REPLICA_URL"])


@pytest.fixture(scope="session")
def cluster():
    return Cluster(read_env())


class AdminSession:
    """A logged-in admin over HTTP. Production settings mark cookies Secure; on this loopback
    (plain HTTP) the client sends them by hand, as a TLS-terminating proxy would let through."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.cookies = {}

    def _remember(self, response):
        for name, morsel in response.cookies.items():
            self.cookies[name] = morsel
        for header in response.raw.headers.getlist("Set-Cookie"):
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]

    def request(self, method, path, data=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if method == "POST":
            headers["Referer"] = self.cluster.public + path
        response = requests.request(
            method, self.cluster.public + path, data=data, headers=headers, allow_redirects=False, timeout=30
        )
        self._remember(response)
        return response

    def csrf_token(self, path):
        page = self.request("GET", path)
        assert page.status_code == 200, (path, page.status_code)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def post(self, path, data=None):
        token = self.csrf_token(path)
        return self.request("POST", path, data={"csrfmiddlewaretoken": token, **(data or {})})


@pytest.fixture(scope="session")
def admin(cluster):
    session = AdminSession(cluster)
    password = (cluster.dir / "admin-password").read_text().strip()
    response = session.post("/admin/login/", {"username": "cluster-admin", "password": password})
    assert response.status_code == 302, response.text[:500]
    assert "sessionid" in session.cookies
    return session
