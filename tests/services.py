"""Throw-away PostgreSQL and Redis servers for outage tests: started and stopped by the test,
never the machine's shared ones. Ports are picked at run time among free ones, from a slice of
their range that belongs to this pytest-xdist worker alone, so two workers never take the same
port."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time

# Each pytest-xdist worker has its own slice of every port range: worker N tries the range
# shifted by N * PORT_STRIDE. The ranges cover different remainders modulo the stride
# (30-39, 90-94, 40-49, 50-59), so no two workers, and no two ranges, share a port.
PORT_STRIDE = 100
POSTGRES_PORTS = range(55430, 55440)
REDIS_PORTS = range(6390, 6395)
# A port nothing listens on (an unreachable mail server, a Varnish that is down).
SPARE_PORTS = range(8140, 8150)
# Throw-away gunicorn servers (two at once in tests/test_page_cache_servers.py).
SERVER_PORTS = range(8150, 8160)


def worker_number():
    """0 in a serial run; N in pytest-xdist's worker gwN."""
    return int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def free_port(candidates=POSTGRES_PORTS, exclude=()):
    """A port nothing listens on, from this worker's slice of ``candidates``, other than the
    ports in ``exclude`` (picked already, not listening yet)."""
    assert len(candidates) <= PORT_STRIDE
    shift = worker_number() * PORT_STRIDE
    for port in range(candidates.start + shift, candidates.stop + shift):
        if port in exclude:
            continue
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, timeout=30.0, up=True):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            listening = probe.connect_ex(("127.0.0.1", port)) == 0
        if listening == up:
            return True
        time.sleep(0.1)
    raise TimeoutError(f"port {port} did not go {'up' if up else 'down'} in {timeout} s")


class RedisServer:
    def __init__(self, port):
        self.port = port
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        wait_for_port(self.port, up=False)


@contextlib.contextmanager
def redis_server(port=None):
    server = RedisServer(port or free_port(REDIS_PORTS))
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _pg_bin(name):
    found = shutil.which(name) if name not in ("initdb", "pg_ctl", "postgres") else None
    return found or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))[-1]


class PostgresCluster:
    """initdb + pg_ctl in a temporary folder (as the postgres user when running as root)."""

    def __init__(self, port):
        self.port = port
        self.folder = tempfile.mkdtemp(prefix="hc-pg-")
        self.data = os.path.join(self.folder, "data")

    @property
    def as_owner(self):
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *command):
        subprocess.run([*self.as_owner, *command], check=True, capture_output=True, timeout=120)

    def init(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(_pg_bin("initdb"), "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8")

    def start(self):
        self._run(
            _pg_bin("pg_ctl"), "-D", self.data, "-w", "-l", os.path.join(self.folder, "log"),
            "-o", f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip

    def stop(self):
        self._run(_pg_bin("pg_ctl"), "-D", self.data, "-w", "-m", "fast", "stop")

    def url(self, database):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def postgres_cluster():
    cluster = PostgresCluster(free_port())
    cluster.init()
    cluster.start()
    try:
        yield cluster
    finally:
        cluster.destroy()
