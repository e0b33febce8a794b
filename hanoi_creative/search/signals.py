"""Keep documents current where Wagtail's own index updates come too early or not at all.

Wagtail indexes a page from its ``post_save`` signal, which fires before the page's cluster
relations (an article's tags and authors chosen in the editor) are written; publishing indexes
the page again once they are. A category, tag or author renamed in the admin is not a page, so
the pages filed under it are indexed again here with the new name.
"""

from django.db.models.signals import post_save
from wagtail.models import get_page_models
from wagtail.search import index
from wagtail.signals import page_published

from hanoi_creative.core import deferred

from .documents import index_pages, is_indexable

# Pages indexed again at a time after a rename, so a large category never loads all at once.
BATCH_SIZE = 500


def _reindex_published_page(sender, instance, **kwargs):
    # In a bulk write, the page is indexed once at the end, with the index task its save
    # queued there (after its relations were written).
    if not deferred.defer_index(instance):
        index_pages([instance.specific])


def _related_search_fields():
    """(related model, page model, relation name) for every ``RelatedFields`` of a page type."""
    for model in get_page_models():
        if not is_indexable(model):
            continue
        for field in model.get_search_fields():
            if isinstance(field, index.RelatedFields) and field.get_definition_model(model) is model:
                yield field.get_field(model).related_model, model, field.field_name


def _reindex_pages_filed_under(page_model, relation):
    def handler(sender, instance, created=False, raw=False, **kwargs):
        if created or raw:  # nothing is filed under a new object yet
            return
        pks = list(page_model.objects.filter(**{relation: instance}).values_list("pk", flat=True).distinct())
        for start in range(0, len(pks), BATCH_SIZE):
            index_pages(list(page_model.objects.filter(pk__in=pks[start : start + BATCH_SIZE])))

    return handler


def connect():
    page_published.connect(_reindex_published_page, dispatch_uid="site_search_published")
    for related_model, page_model, relation in _related_search_fields():
        post_save.connect(
            _reindex_pages_filed_under(page_model, relation),
            sender=related_model,
            weak=False,
            dispatch_uid=f"site_search_{page_model._meta.label_lower}_{relation}",
        )
