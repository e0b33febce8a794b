"""Which pages the public may find in a language: the rule search and the sitemap share.

Articles follow the newsroom's own rule (``news.queries.visible_articles``); every other page
must be live, inside its publication window, public (no view restriction on it or an ancestor)
and translated into the language (its own title there).
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from wagtail.models import Page

from hanoi_creative.core.models import translated_into


def _article_model():
    try:
        from news.models import ArticlePage
    except ImportError:  # the newsroom is optional for this module
        return None
    return ArticlePage


def public_pages(language=None):
    """Unordered queryset of every page the public may see in ``language``."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    now = timezone.now()
    pages = translated_into(
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now)),
        language,
    )
    article_model = _article_model()
    if article_model is None:
        return pages
    from news.queries import visible_articles

    others = pages.not_type(article_model)
    # Correlated EXISTS rather than ``pk IN (...)``: checked row by row through primary keys, so
    # a caller that filters a few pages (a search candidate, a sitemap section) never makes the
    # database list every visible article first.
    article = visible_articles(language).filter(pk=OuterRef("pk"))
    return Page.objects.filter(Exists(others.filter(pk=OuterRef("pk"))) | Exists(article))
