"""The comment settings decide whether every article shows its form: a change reaches every
cached article page."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hanoi_creative.core.invalidation import notify

from .models import CommentSettings


@receiver(post_save, sender=CommentSettings)
def settings_changed(sender, instance, **kwargs):
    def tell():
        from django.apps import apps

        articles = apps.get_model("news", "ArticlePage")
        notify(pages=articles.objects.live().only("pk", "path", "url_path"), objects=[instance])

    transaction.on_commit(tell)
