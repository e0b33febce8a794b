"""Personal data in comments (Vietnam's Decree 13/2023/NĐ-CP on personal data, and the GDPR).

A comment stores the name (published), the e-mail address (never published) and the IP address,
both only for moderation. After ``IP_RETENTION_DAYS`` the IP address is dropped and only its
keyed hash stays (enough to spot a returning spammer, not to find the reader). Editors delete a
commenter's comments and data by e-mail address (``moderation.erase_commenter``).
"""

from datetime import timedelta

from django.utils import timezone

from . import guards
from .models import Comment

IP_RETENTION_DAYS = 30


def drop_old_ip_addresses(days=IP_RETENTION_DAYS, now=None):
    """Replace the IP address of comments older than ``days`` by its hash; returns how many."""
    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = Comment.objects.filter(created_at__lt=cutoff, ip_address__isnull=False)
    count = 0
    # Hashes computed in Python (a keyed HMAC), in batches so memory stays flat.
    while True:
        batch = list(old.values_list("pk", "ip_address")[:500])
        if not batch:
            return count
        for pk, ip in batch:
            Comment.objects.filter(pk=pk).update(ip_address=None, ip_hash=guards.hash_ip(ip))
        count += len(batch)
