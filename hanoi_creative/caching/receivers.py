"""Everything that changes what the public sees starts a new page-cache generation.

Page changes come from Wagtail's signals (publish, including ``publish_scheduled`` and a
reverted revision published again; unpublish, including scheduled expiry; move; slug change;
delete). Everything else that a public page shows (categories, tags, authors, images, redirects,
sites, view restrictions) is caught by its model's save/delete signals,
and by ``core.invalidation.content_changed`` for changes made without them (imports, comments).

Saving a draft does not change the public site, so the bookkeeping saves of ``save_revision``
and locking are ignored; so are renditions and embeds, which are created while a page renders.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from hanoi_creative.core.invalidation import content_changed

from . import store

# Apps whose models (other than pages) feed public pages. The site search's documents are
# left out: they are rewritten on every save, drafts included, and follow the pages whose
# publishing already invalidates.
PUBLIC_APPS = {"news", "core", "seo", "taggit", "wagtailimages", "wagtailredirects"}
PUBLIC_WAGTAIL_MODELS = {"site", "pageviewrestriction"}
# Fields a page save touches without changing the live page (drafts, locks, tree bookkeeping).
DRAFT_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "wagtail_admin_comments",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}


def _is_page(model):
    from wagtail.models import Page

    return issubclass(model, Page)


def _watched(model):
    from wagtail.images.models import AbstractRendition

    meta = model._meta
    if issubclass(model, AbstractRendition) or _is_page(model):
        return False
    if meta.app_label == "wagtailcore":
        return meta.model_name in PUBLIC_WAGTAIL_MODELS
    return meta.app_label in PUBLIC_APPS


def invalidate(**kwargs):
    store.invalidate_on_commit()


def page_saved(sender, instance, update_fields=None, **kwargs):
    if not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    store.invalidate_on_commit()


def model_deleted(sender, **kwargs):
    if _is_page(sender) or _watched(sender):
        store.invalidate_on_commit()


def relation_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and (_watched(type(instance)) or _is_page(type(instance))):
        store.invalidate_on_commit()


def model_saved(sender, **kwargs):
    if _is_page(sender):
        page_saved(sender, **kwargs)
    elif _watched(sender):
        store.invalidate_on_commit()


def connect():
    uid = "hanoi_creative.caching"
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed, content_changed):
        signal.connect(invalidate, dispatch_uid=f"{uid}.{id(signal)}")
    post_save.connect(model_saved, dispatch_uid=f"{uid}.post_save")
    post_delete.connect(model_deleted, dispatch_uid=f"{uid}.post_delete")
    m2m_changed.connect(relation_changed, dispatch_uid=f"{uid}.m2m_changed")
