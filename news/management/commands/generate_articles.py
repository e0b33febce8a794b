import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm
from wagtail.search.backends import InvalidSearchBackendError, get_search_backend

from news.generate import analyze, generate_articles, index_articles
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Create N realistic bilingual articles under the news section, spread over categories, "
        "tags, authors and the last five years (live, without revisions), add them to the site "
        "search index (unless --no-index) and, on PostgreSQL, ANALYZE the tables they went into."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to create")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for repeatable content")
        parser.add_argument(
            "--no-index",
            action="store_false",
            dest="index",
            help="Do not add the articles to the site search (run `update_index --backend site` later)",
        )

    def handle(self, count, seed, index, **options):
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        if index:
            try:
                get_search_backend("site")
            except InvalidSearchBackendError as error:
                raise CommandError("There is no 'site' search backend; use --no-index.") from error
        quiet = options["verbosity"] == 0
        started = time.perf_counter()
        # One transaction: articles are never left behind without their search documents.
        with transaction.atomic():
            with tqdm(total=count, unit="article", desc="Creating", disable=quiet) as bar:
                try:
                    articles = generate_articles(count, seed=seed, progress=bar.update)
                except NewsIndexPage.DoesNotExist as error:
                    raise CommandError(str(error)) from error
            created = time.perf_counter()
            if index:
                with tqdm(total=count, unit="article", desc="Indexing", disable=quiet) as bar:
                    index_articles(articles, progress=bar.update)
        indexed = time.perf_counter()
        analyzed = analyze(search=index)
        finished = time.perf_counter()
        elapsed = finished - started
        steps = [f"creating {created - started:.1f} s"]
        if index:
            steps.append(f"search index {indexed - created:.1f} s")
        if analyzed:
            steps.append(f"ANALYZE {finished - indexed:.1f} s")
        rate = count / elapsed
        message = f"Created {count} articles in {elapsed:.1f} s ({rate:.0f} articles/s; {', '.join(steps)})."
        if not index:
            message += " Run `manage.py update_index --backend site` to add them to the search index."
        self.stdout.write(self.style.SUCCESS(message))
