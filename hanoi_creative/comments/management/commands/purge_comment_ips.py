from django.core.management.base import BaseCommand

from hanoi_creative.comments.privacy import IP_RETENTION_DAYS, drop_old_ip_addresses


class Command(BaseCommand):
    help = "Drop the IP address of comments older than 30 days, keeping only a keyed hash. Run daily."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=IP_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        count = drop_old_ip_addresses(days=days)
        self.stdout.write(f"IP addresses dropped from {count} comments older than {days} days.")
