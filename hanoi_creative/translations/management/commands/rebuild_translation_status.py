from django.core.management.base import BaseCommand
from tqdm import tqdm

from hanoi_creative.translations import status
from hanoi_creative.translations.models import TranslatableItem
from hanoi_creative.translations.registry import item_key, tracked_models


class Command(BaseCommand):
    help = (
        "Record the translation status of every translatable page and snippet (for content that "
        "existed before the desk, or after a bulk change made without signals)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Forget stored snapshots first: every translated field starts as up to date.",
        )

    def handle(self, *args, **options):
        if options["reset"]:
            TranslatableItem.objects.all().delete()
        objects = []
        for model in tracked_models():
            objects.extend(model._default_manager.all().order_by("pk"))
        seen = set()
        for obj in tqdm(objects, desc="Translation status", unit="item", disable=None):
            status.record(obj)
            seen.add(item_key(obj))
        orphans = [
            item.pk
            for item in TranslatableItem.objects.select_related("content_type")
            if item.key not in seen
        ]
        TranslatableItem.objects.filter(pk__in=orphans).delete()
        counts = status.status_counts()
        totals = {
            name: sum(section[name] for section in counts.values())
            for name in ("missing", "outdated", "up_to_date")
        }
        self.stdout.write(
            f"{len(objects)} objects checked, {TranslatableItem.objects.count()} on the desk: "
            f"{totals['missing']} missing, {totals['outdated']} outdated, {totals['up_to_date']} up to date; "
            f"{len(orphans)} stale entries removed."
        )
