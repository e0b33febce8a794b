import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from news.generate import generate_articles
from news.models import NewsIndexPage


class Command(BaseCommand):
    help = (
        "Create N realistic bilingual articles under the news section, spread over categories, "
        "tags, authors and the last five years (live, without revisions or search-index entries)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles to create")
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for repeatable content")

    def handle(self, count, seed, **options):
        if count < 1:
            raise CommandError("COUNT must be at least 1.")
        started = time.perf_counter()
        with tqdm(total=count, unit="article", disable=options["verbosity"] == 0) as bar:
            try:
                generate_articles(count, seed=seed, progress=bar.update)
            except NewsIndexPage.DoesNotExist as error:
                raise CommandError(str(error)) from error
        elapsed = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {count} articles in {elapsed:.1f} s ({count / elapsed:.0f} articles/s). "
                "Run `manage.py update_index` to add them to the search index."
            )
        )
