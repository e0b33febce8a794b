"""`make bench`: the public pages' throughput under gunicorn, cold and warm, against a floor.

Starts three servers the way `make serve` does (production settings, same gunicorn set-up and
worker count): the site with ``PAGE_CACHE=off`` (cold: every request renders), the site with
the page cache on (warm: hits), and a bare Django "hello" view (the floor). Then, for several
interleaved rounds, runs wrk against every page on each and prints the medians: requests per
second, p50/p99 latency, server CPU milliseconds per request (user + system time of the
workers, from /proc), the share of the floor's requests per second, and the floor's CPU per
request divided by the page's (the same share, measured in CPU: steadier on a machine that
other work shares); then each server's memory (RSS) per worker.

Environment: BENCH_ROUNDS (3), BENCH_SECONDS per run (5), BENCH_CONNECTIONS (16),
BENCH_ARTICLES=N (first adds N generated articles), BENCH_PORT (first of three ports, 8090),
plus what `make serve` reads (DATABASE_URL, REDIS_URL, WEB_CONCURRENCY).
"""

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
FIRST_PORT = int(os.environ.get("BENCH_PORT", "8090"))
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def say(message):
    print(message, flush=True)


def prepare():
    """Migrate, collect static files, demo content, and BENCH_ARTICLES more articles."""
    subprocess.run([str(ROOT / "scripts" / "serve.sh"), "--prepare-only"], check=True, cwd=ROOT)
    extra = int(os.environ.get("BENCH_ARTICLES", "0") or 0)
    if extra:
        say(f"Adding {extra} generated articles")
        command = [PY, "manage.py", "generate_articles", str(extra)]
        subprocess.run(command, cwd=ROOT, check=True, env=_site_env())


def _site_env(**extra):
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "hanoi_creative.settings.production")
    if not env.get("DJANGO_SECRET_KEY"):
        env["DJANGO_SECRET_KEY"] = (ROOT / "var" / "secret-key").read_text().strip()
    env.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
    env.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    env.setdefault("SERVE_MEDIA", "true")
    env["GUNICORN_MAX_REQUESTS"] = "0"  # a recycled worker would lose its CPU counters
    env.update(extra)
    return env


def page_paths():
    """The benchmarked pages, found in the database: latest article, its category."""
    script = r"""
import django; django.setup()
from django.urls import reverse
from django.utils import translation
from news.queries import visible_articles
with translation.override("vi"):
    article = visible_articles("vi").filter(title_en__gt="").order_by("-first_published_at").first()
    print("home", "/vi/")
    print("listing", reverse("news:index"))
    print("category", reverse("news:category", kwargs={"slug": article.category.slug}))
    print("article vi", article.url_in("vi"))
    print("article en", article.url_in("en"))
    print("search", reverse("search") + "?q=ha+noi")
    print("feed", reverse("news:feed", kwargs={"format": "rss"}))
print("sitemap", "/sitemap.xml")
"""
    out = subprocess.run(
        [PY, "-c", script], cwd=ROOT, env=_site_env(), check=True, capture_output=True, text=True
    )
    pages = []
    for line in out.stdout.strip().splitlines():
        name, _, path = line.rpartition(" ")
        pages.append((name, path))
    return pages


class Server:
    def __init__(self, label, port, app, **env):
        self.label, self.port = label, port
        command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "--config", "deploy/gunicorn.conf.py"]
        if app == "hello":
            command += ["--pythonpath", "scripts", "bench_hello:application"]
        else:
            command += ["hanoi_creative.wsgi"]
        self.log = open(ROOT / "var" / f"bench-{label}.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=_site_env(PORT=str(port), GUNICORN_LOG_LEVEL="warning", **env),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def wait(self, path="/"):
        for _attempt in range(300):
            try:
                urllib.request.urlopen(self.url + path, timeout=5).read()
                return
            except Exception:  # noqa: BLE001 - not up yet
                if self.process.poll() is not None:
                    sys.exit(f"{self.label} server exited; see var/bench-{self.label}.log")
                time.sleep(0.2)
        sys.exit(f"{self.label} server did not start")

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def cpu_seconds(self):
        total = 0
        for pid in [self.process.pid, *self.workers()]:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLOCK_TICKS

    def rss_mb(self):
        sizes = []
        for pid in self.workers():
            match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
            sizes.append(int(match.group(1)) / 1024)
        return sizes

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)
        self.log.close()


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)

    def percentile(label):
        value, unit = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return {
        "rate": rate,
        "requests": requests,
        "p50": percentile("50"),
        "p99": percentile("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    prepare()
    pages = page_paths()
    servers = {
        "floor": Server("floor", FIRST_PORT, "hello"),
        "cold": Server("cold", FIRST_PORT + 1, "site", PAGE_CACHE="off"),
        "warm": Server("warm", FIRST_PORT + 2, "site", PAGE_CACHE="on"),
    }
    try:
        for server in servers.values():
            server.wait()
        workers = len(servers["cold"].workers())
        say(f"{workers} workers per server; {ROUNDS} rounds of {SECONDS} s runs, {CONNECTIONS} connections")
        runs = [("floor (hello view)", "floor", "/")]
        for name, path in pages:
            runs += [(f"{name}, cold", "cold", path), (f"{name}, warm", "warm", path)]
        for _label, server, path in runs:  # one request each first: warms caches, checks status
            urllib.request.urlopen(servers[server].url + path, timeout=120).read()
        results = {label: [] for label, _server, _path in runs}
        for round_number in range(1, ROUNDS + 1):
            say(f"Round {round_number}/{ROUNDS}")
            for label, server_name, path in runs:
                server = servers[server_name]
                before = server.cpu_seconds()
                figures = wrk(server.url + path)
                figures["cpu_ms"] = (server.cpu_seconds() - before) * 1000 / max(figures["requests"], 1)
                results[label].append(figures)
        report(runs, results, servers)
    finally:
        for server in servers.values():
            server.stop()


def report(runs, results, servers):
    def median(label, key):
        return statistics.median(figures[key] for figures in results[label])

    floor = median("floor (hello view)", "rate")
    floor_cpu = median("floor (hello view)", "cpu_ms")
    say("")
    say(
        "| page | req/s | share of floor | p50 ms | p99 ms | server CPU ms/request "
        "| CPU share of floor | non-2xx |"
    )
    say("|---|---|---|---|---|---|---|---|")
    for label, _server, _path in runs:
        rate = median(label, "rate")
        errors = sum(figures["errors"] for figures in results[label])
        cpu = median(label, "cpu_ms")
        say(
            f"| {label} | {rate:.1f} | {rate / floor:.4f} | {median(label, 'p50'):.2f} | "
            f"{median(label, 'p99'):.2f} | {cpu:.2f} | {floor_cpu / cpu if cpu else 0:.4f} | {errors} |"
        )
    say("")
    for name, server in servers.items():
        sizes = server.rss_mb()
        say(f"RSS per worker, {name}: " + ", ".join(f"{size:.0f} MB" for size in sizes))


if __name__ == "__main__":
    main()
