"""Throw-away PostgreSQL and Redis servers for outage tests: started and stopped by the test,
never the machine's shared ones. Ports come from the environment's free ones, picked at run
time."""

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time


def free_port(candidates=range(55430, 55440)):
    for port in candidates:
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
    server = RedisServer(port or free_port(range(6390, 6395)))
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
