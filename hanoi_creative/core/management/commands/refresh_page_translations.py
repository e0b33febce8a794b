from django.core.management.base import BaseCommand

from hanoi_creative.core.signals import rebuild


class Command(BaseCommand):
    help = "Recompute which languages every page is translated into (after a bulk SQL load)."

    def handle(self, *args, **options):
        rebuild()
        self.stdout.write(self.style.SUCCESS("Page translation flags are up to date."))
