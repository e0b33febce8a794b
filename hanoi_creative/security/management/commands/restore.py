from django.core.management.base import BaseCommand, CommandError

from hanoi_creative.security.backups import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup archive into the configured (empty) database and MEDIA_ROOT."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore(archive, progress=self.stdout.write)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"restored the backup of {manifest['created']}"))
