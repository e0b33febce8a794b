from django.core.management.base import BaseCommand, CommandError

from hanoi_creative.caching import store


class Command(BaseCommand):
    help = (
        "Start a new page-cache generation: every cached page is rendered afresh. Publishing "
        "does this by itself; use it after changing the database by other means."
    )

    def handle(self, *args, **options):
        if not store.invalidate_all():
            raise CommandError("The page cache could not be reached; see the log.")
        self.stdout.write("Page cache invalidated.")
