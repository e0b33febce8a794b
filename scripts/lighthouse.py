"""Lighthouse (mobile) scores of the public pages of a running site.

    python3 scripts/lighthouse.py                         # http://127.0.0.1:8000 (make serve)
    python3 scripts/lighthouse.py --base http://127.0.0.1:8190 --runs 3 --details

A measurement tool, not a test: start the site first (`make serve`), then run this. It
installs Lighthouse with npm into var/lighthouse/ when it is missing (LIGHTHOUSE_VERSION pins
it), drives Debian's chromium (CHROME_PATH, default /usr/bin/chromium) with Lighthouse's
default mobile preset, and prints the four category scores per page: home, news listing, an
article (the listing's first) and search, in Vietnamese and English. Each page is requested
twice first so that Lighthouse measures what a reader gets from the page cache (the
production default); the X-Cache header of the last warm-up request is printed. With
``--runs N`` every page is audited N times and the median performance score is shown (the
other categories do not vary between runs). ``--details`` lists every audit that keeps a
category below 100. Reports are kept as JSON in var/lighthouse/reports/. Pages must not need
anything beyond the site itself: the audit runs without network access.
"""

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOL_DIR = ROOT / "var" / "lighthouse"
REPORT_DIR = TOOL_DIR / "reports"
VERSION = os.environ.get("LIGHTHOUSE_VERSION", "12.8.2")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = (
    ("home vi", "/vi/"),
    ("home en", "/en/"),
    ("listing vi", "/vi/tin-tuc/"),
    ("listing en", "/en/news/"),
    ("article vi", None),
    ("article en", None),
    ("search vi", "/vi/tim-kiem/?q=ha+noi"),
    ("search en", "/en/search/?q=hanoi"),
)


def lighthouse_bin():
    binary = TOOL_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        if not shutil.which("npm"):
            sys.exit("npm is needed to install Lighthouse (apt-get install -y npm).")
        TOOL_DIR.mkdir(parents=True, exist_ok=True)
        print(f"Installing lighthouse@{VERSION} into {TOOL_DIR} …", flush=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(TOOL_DIR), "--no-audit", "--no-fund", f"lighthouse@{VERSION}"],
            check=True,
        )
    return binary


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.headers, response.read()


def first_article(base, listing_path):
    """The first article linked from a listing (its lead story)."""
    headers, body = fetch(base + listing_path)
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    match = re.search(r'class="article-card__link" href="([^"]+)"', body.decode())
    if not match:
        sys.exit(f"No article link found on {listing_path}.")
    return match.group(1)


def audit(binary, url, label, run):
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    output = REPORT_DIR / f"{slug}-{run}.json"
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(binary),
        url,
        f"--chrome-flags={CHROME_FLAGS}",
        "--form-factor=mobile",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    # Lighthouse now and then fails to record the trace on a busy machine (NO_NAVSTART): retry.
    for attempt in range(3):
        if subprocess.run(command, env=env).returncode == 0:
            return json.loads(output.read_text())
        print(f"  (Lighthouse failed on {url}, attempt {attempt + 1} of 3)", flush=True)
    sys.exit(f"Lighthouse failed three times on {url}.")


def failing_audits(report, category):
    audits = report["audits"]
    for ref in report["categories"][category]["auditRefs"]:
        result = audits[ref["id"]]
        if ref.get("weight", 0) and result.get("score") is not None and result["score"] < 1:
            value = result.get("displayValue", "")
            yield f"    {category}: {ref['id']} ({result['score']:.2f}) {value}".rstrip()


def loadavg():
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default=f"http://127.0.0.1:{os.environ.get('PORT', '8000')}")
    parser.add_argument("--runs", type=int, default=1, help="audits per page (median performance)")
    parser.add_argument("--details", action="store_true", help="list audits below a full score")
    parser.add_argument("--only", help="audit only pages whose label contains this text")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    binary = lighthouse_bin()

    pages = []
    for label, path in PAGES:
        if path is None:
            path = first_article(base, "/vi/tin-tuc/" if label.endswith("vi") else "/en/news/")
        if args.only and args.only not in label:
            continue
        pages.append((label, path))

    print(f"Lighthouse {VERSION}, mobile preset, {base}; load average before: {loadavg()}")
    rows = []
    for label, path in pages:
        url = base + path
        for _ in range(2):
            headers, _body = fetch(url)
        cache = headers.get("X-Cache", "-")
        scores = {category: [] for category in CATEGORIES}
        reports = []
        for run in range(args.runs):
            report = audit(binary, url, label, run)
            reports.append(report)
            for category in CATEGORIES:
                scores[category].append(round(report["categories"][category]["score"] * 100))
        row = [label, path, cache] + [str(round(statistics.median(scores["performance"])))]
        row += [str(min(scores[category])) for category in CATEGORIES[1:]]
        rows.append(row)
        print("  " + " · ".join(row), flush=True)
        if args.details:
            for category in CATEGORIES:
                for line in failing_audits(reports[-1], category):
                    print(line)

    headings = ["page", "path", "X-Cache", "perf", "a11y", "best pr.", "SEO"]
    widths = [max(len(str(cell)) for cell in column) for column in zip(headings, *rows, strict=True)]
    print()
    print("| " + " | ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
    print(f"\nLoad average after: {loadavg()}; runs per page: {args.runs}; reports in {REPORT_DIR}")


if __name__ == "__main__":
    main()
