from django.core.management.base import BaseCommand
from tqdm import tqdm

from hanoi_creative.translations import memory
from hanoi_creative.translations.models import TranslatableItem


class Command(BaseCommand):
    help = "Fill the translation memory from the English that is up to date (existing content)."

    def handle(self, *args, **options):
        with tqdm(total=TranslatableItem.objects.count(), desc="Memory", unit="item", disable=None) as bar:
            added = memory.rebuild(progress=bar.update)
        self.stdout.write(f"{added} segment pairs added to the translation memory.")
