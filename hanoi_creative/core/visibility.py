"""What the public may see: the one publication rule every public surface applies.

A page is visible in a language when it is live, inside its publication window (its go-live
time has passed and it has not expired), neither it nor an ancestor has a view restriction,
and it is translated into that language (``translated_into``). Wagtail's scheduler flips
``live`` only when ``publish_scheduled`` runs; until then the window alone keeps a scheduled
or expired page out of sight, so the window is part of the rule rather than left to the
scheduler.

``visible`` filters any page queryset and adds no ordering; listings, menus, cards, feeds,
search and the sitemap build on it. The routers cannot drop the restriction part (a private
page answers with a login redirect, not a 404) nor the translation part (an English address
of an untranslated page shows the Vietnamese with a notice), so they check ``is_published``
on the one page they found.
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction, get_page_models

from .models import translated_into


def published(now=None):
    """Condition: live and inside the go-live/expiry window at ``now`` (default: now).

    Each part matches a plain column comparison, so the database can use the indexes on
    ``live``, ``go_live_at`` and ``expire_at``.
    """
    now = now or timezone.now()
    return (
        Q(live=True)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def restricted():
    """Subquery: a view restriction on the page itself or on one of its ancestors.

    A restricted page's tree path is a prefix of the path of every page beneath it. Wagtail's
    own ``.public()`` runs an extra query to list the restrictions first; this stays inside the
    one query, and the restrictions table is small.
    """
    return PageViewRestriction.objects.annotate(prefix_length=Length("page__path")).filter(
        page__path=Substr(OuterRef("path"), 1, F("prefix_length"))
    )


def visible(queryset, language=None, now=None):
    """The pages of ``queryset`` the public may see in ``language`` (default: active)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    pages = queryset.filter(published(now)).exclude(Exists(restricted()))
    return translated_into(pages, language)


def _per_page_type(filter_pages, models=None, correlated=False):
    """Condition: the page is among ``filter_pages(queryset)`` of its own type (of ``models``,
    default: every page type); ``correlated``: as an ``EXISTS`` probed per page.

    Each page type is filtered through its own model, so a type whose translation needs more
    than a title (see ``translated_into``) is judged by its own fields.
    """
    condition = Q(pk__in=[])
    for model in models or get_page_models():
        if model is Page or model._meta.proxy:
            continue
        pages = filter_pages(model.objects.filter(depth__gt=1))
        if correlated:
            condition |= Q(Exists(pages.filter(pk=OuterRef("pk"))))
        else:
            condition |= Q(pk__in=pages.values("pk"))
    return condition


def visible_pages(language=None, now=None, models=None):
    """Every page of any type (or of ``models``) the public may see in ``language``, as one
    unordered queryset.

    Each page type's rule is a correlated ``EXISTS`` on the page's own key, so a caller that
    asks about a few pages (the search's newest candidates, one sitemap section) costs an index
    probe per page; ``pk IN (…) OR pk IN (…)`` made PostgreSQL build every type's whole visible
    set first (100,000 articles for a search that showed 8)."""
    return Page.objects.filter(
        _per_page_type(lambda pages: visible(pages, language, now), models, correlated=True)
    )


def missing_translation(queryset, language):
    """The pages of ``queryset`` that ``translated_into`` does not count as translated into
    ``language`` (the "missing English" of the newsroom and the translation desk)."""
    return queryset.exclude(_per_page_type(lambda pages: translated_into(pages, language)))


def is_published(page, now=None):
    """``published`` checked on one page already loaded (what the routers serve)."""
    now = now or timezone.now()
    return bool(
        page.live
        and (page.go_live_at is None or page.go_live_at <= now)
        and (page.expire_at is None or page.expire_at > now)
    )
