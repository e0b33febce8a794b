"""Every change that alters public output purges the keys it affects."""

from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from hanoi_creative.core import deferred
from hanoi_creative.core.invalidation import content_changed

from .keys import keys_for_objects, keys_for_pages
from .purge import purge, purger


def on_page_published(sender, instance, **kwargs):
    if not purger.targets:
        return
    if not deferred.defer(purge_pages, deferred.object_key(instance), instance):
        purge(keys_for_pages([instance]))


def purge_pages(pages):
    """One purge for the pages of a bulk write (``core.deferred``)."""
    purge(keys_for_pages(pages))


def on_page_moved(sender, instance, **kwargs):
    if not purger.targets:
        return
    purge(keys_for_pages([instance], moved=True))


def on_page_deleted(sender, instance, **kwargs):
    if not purger.targets:
        return
    if isinstance(instance, Page) and instance.live:
        purge(keys_for_pages([instance]))


def on_content_changed(sender, pages=(), objects=(), **kwargs):
    if not purger.targets:
        return
    purge(keys_for_pages(pages) + keys_for_objects(objects))


def on_snippet_changed(sender, instance, **kwargs):
    if not purger.targets:
        return
    purge(keys_for_objects([instance]))


def connect():
    from news.models import Author, Category, Tag

    page_published.connect(on_page_published, dispatch_uid="edge-published")
    page_unpublished.connect(on_page_published, dispatch_uid="edge-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="edge-moved")
    pre_delete.connect(on_page_deleted, dispatch_uid="edge-deleted")
    content_changed.connect(on_content_changed, dispatch_uid="edge-content-changed")
    for model in (Category, Tag, Author):
        post_save.connect(on_snippet_changed, sender=model, dispatch_uid=f"edge-saved-{model.__name__}")
        pre_delete.connect(on_snippet_changed, sender=model, dispatch_uid=f"edge-deleted-{model.__name__}")
