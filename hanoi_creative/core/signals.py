"""Keep ``PageTranslation`` current: every save of a page's content, and once after migrating."""

from django.db.models.signals import post_migrate, post_save
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page

from . import deferred
from .models import PageTranslation, language_codes, record_page_translations, required_fields

BACKFILL_BATCH = 2000


def _content_columns(model):
    columns = set()
    for name in required_fields(model):
        columns.add(name)
        columns.update(build_localized_fieldname(name, code) for code in language_codes())
    return columns


def on_page_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    model = instance.specific_class or type(instance)
    if update_fields is not None and not (_content_columns(model) & set(update_fields)):
        # Wagtail's bookkeeping saves (latest revision, draft title, lock) leave the content as
        # it is; the instance may even hold a draft that is not what the row stores.
        return
    if deferred.defer(record_saved_pages, deferred.object_key(instance), (model, instance.pk)):
        return
    page = instance
    if type(instance) is not model or update_fields is not None:
        page = model._default_manager.filter(pk=instance.pk).first()
    if page is not None:
        record_page_translations([page])


def record_saved_pages(saved):
    """The end of a bulk write: every saved page read again as stored, one query per type."""
    by_model = {}
    for model, pk in saved:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        record_page_translations(list(model._default_manager.filter(pk__in=pks)))


def backfill(**kwargs):
    """Fill the table for pages stored before it existed (an empty table with pages in the tree)."""
    if PageTranslation.objects.exists() or not Page.objects.filter(depth__gt=1).exists():
        return
    rebuild()


def rebuild():
    pages = Page.objects.filter(depth__gt=1).specific().order_by("pk")
    batch = []
    for page in pages.iterator(chunk_size=BACKFILL_BATCH):
        batch.append(page)
        if len(batch) >= BACKFILL_BATCH:
            record_page_translations(batch)
            batch = []
    record_page_translations(batch)


def connect(app_config):
    post_save.connect(on_page_save, dispatch_uid="core_page_translation_save")
    post_migrate.connect(backfill, sender=app_config, dispatch_uid="core_page_translation_backfill")
