"""Does a public page cost the same with 100,000 articles as with the demo's two dozen?

Times every public page type and feed in-process (Django's test client, no HTTP server), one
request at a time, warm (each address is requested twice before timing), with the page cache
off (``PAGE_CACHE=off``), on two databases: the demo (``load_demo``) and a large one (the same
demo plus ``generate_articles 100000``). The same addresses are timed on both (pages of the demo
content, which the large database holds too), and a table gives each page's median time on each
database and their ratio.

    python scripts/bench_scale.py --demo postgres://postgres@127.0.0.1:5432/hc_demo \\
        --large postgres://postgres@127.0.0.1:5432/hc_big [--rounds 7]

Each database is measured in its own process (Django reads ``DATABASE_URL`` once). Preparing the
large database takes a while (see docs/performance.md, "Cost at 100,000 articles").
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5


def addresses():
    """{name: path} of one page of each public type, built around the newest demo article."""
    from django.urls import reverse
    from django.utils import timezone, translation

    from news.models import ArticlePage
    from news.queries import visible_articles

    # The demo's own articles have revisions; generated ones are created without.
    demo = visible_articles("en").filter(latest_revision__isnull=False)
    article = (demo.order_by("-publication_date").first()) or visible_articles("en").first()
    article = ArticlePage.objects.get(pk=article.pk)
    tag = article.tags.order_by("pk").first()
    month = timezone.localtime(article.publication_date)
    result = {}
    for language in ("vi", "en"):
        with translation.override(language):
            slug = getattr(article, f"slug_{language}")
            result.update(
                {
                    f"home {language}": f"/{language}/",
                    f"article {language}": article.url_in(language),
                    f"news listing {language}": reverse("news:index"),
                }
            )
            if language == "vi":
                result.update(
                    {
                        "listing page 2 vi": reverse("news:index") + "?page=2",
                        "category vi": reverse("news:category", kwargs={"slug": article.category.slug}),
                        "tag archive vi": reverse("news:tag", kwargs={"slug": tag.slug}),
                        "month archive vi": reverse(
                            "news:month", kwargs={"year": month.year, "month": month.month}
                        ),
                        "related json vi": reverse("news:related-json", kwargs={"slug": slug}),
                        "search 'ha noi' vi": reverse("search") + "?q=ha+noi",
                        "feed rss vi": reverse("news:feed", kwargs={"format": "rss"}),
                        "category feed vi": reverse(
                            "news:category-feed", kwargs={"slug": article.category.slug, "format": "atom"}
                        ),
                        "tag feed vi": reverse("news:tag-feed", kwargs={"slug": tag.slug, "format": "rss"}),
                        "related feed vi": reverse(
                            "news:related-feed", kwargs={"slug": slug, "format": "rss"}
                        ),
                    }
                )
            else:
                result["search 'ha noi' en"] = reverse("search") + "?q=ha+noi"
    result["sitemap index"] = "/sitemap.xml"
    result["sitemap pages section"] = "/sitemap-pages.xml"
    result["sitemap month section"] = f"/sitemap-news-{month.year:04d}-{month.month:02d}.xml"
    return result


def measure(database_url, rounds, pages):
    os.environ["DATABASE_URL"] = database_url
    os.environ["PAGE_CACHE"] = "off"
    os.environ["DJANGO_DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hanoi_creative.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    from news.models import ArticlePage

    pages = pages or addresses()
    client = Client(HTTP_HOST="localhost")
    timings = {}
    for name, path in pages.items():
        for _warm in range(2):
            status = client.get(path).status_code
        times = []
        for _round in range(rounds):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        timings[name] = {
            "path": path,
            "status": status,
            "ms": statistics.median(times),
            "bytes": len(response.content),
        }
    return {"articles": ArticlePage.objects.count(), "pages": pages, "timings": timings}


def run_child(database_url, rounds, pages=None):
    command = [sys.executable, __file__, "--measure", database_url, "--rounds", str(rounds)]
    if pages:
        command += ["--pages", json.dumps(pages)]
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--demo", help="DATABASE_URL of the demo-size database")
    parser.add_argument("--large", help="DATABASE_URL of the large database")
    parser.add_argument("--rounds", type=int, default=7, help="timed requests per page (median reported)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--pages", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        pages = json.loads(options.pages) if options.pages else None
        print(json.dumps(measure(options.measure, options.rounds, pages)))
        return 0
    if not (options.demo and options.large):
        parser.error("give --demo and --large database URLs")
    small = run_child(options.demo, options.rounds)
    large = run_child(options.large, options.rounds, small["pages"])
    print(f"Median ms per request, {options.rounds} rounds, in-process, warm, page cache off.")
    print(f"{'page':28} {'status':>6} {small['articles']:>8,} {large['articles']:>10,}  ratio")
    worst = 0.0
    for name, first in small["timings"].items():
        second = large["timings"][name]
        ratio = second["ms"] / first["ms"]
        worst = max(worst, ratio)
        flag = "" if ratio <= TARGET_RATIO else "  over target"
        status = f"{first['status']}/{second['status']}"
        print(f"{name:28} {status:>6} {first['ms']:8.1f} {second['ms']:10.1f}  {ratio:5.2f}{flag}")
    print(f"Largest ratio {worst:.2f} (target {TARGET_RATIO}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
