"""Article lookup for the news section: one indexed query on the active language's slug.

``core`` replaces wagtail-modeltranslation's per-child slug scan with a query on the page
table, followed by a second query for the specific page. A news section only holds
articles, so it can ask the article table directly: one query, which also brings the
category and main photo every article page shows.
"""

from django.http import Http404
from wagtail.url_routing import RouteResult

from hanoi_creative.core.slugs import slug_condition
from hanoi_creative.core.visibility import is_published, published


def article_route(self, request, path_components):
    """``NewsIndexPage.route``: the section itself, or one of its articles by slug."""
    from .models import ArticlePage

    if not path_components:
        if is_published(self):
            return RouteResult(self)
        raise Http404
    article = (
        ArticlePage.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        .filter(slug_condition(path_components[0]))
        # Core's publication rule without its restriction and translation parts: a private
        # article asks for a login, an untranslated one is shown with a notice.
        .filter(published())
        .select_related("category", "hero_image")
        .first()
    )
    if article is None:
        raise Http404
    return article.route(request, path_components[1:])
