from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hanoi_creative.security.backups import BackupError, create


class Command(BaseCommand):
    help = "Write one dated archive with a consistent database dump and the media files."

    def add_arguments(self, parser):
        parser.add_argument("--output-dir", default=str(settings.BASE_DIR / "var" / "backups"))

    def handle(self, *args, output_dir, **options):
        try:
            archive = create(output_dir, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"backup written: {archive}"))
