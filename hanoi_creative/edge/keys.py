"""Surrogate keys: which objects a public response shows, and which keys a change affects.

A key names an object or a list, never a URL: a page's two addresses (``/vi/tin-tuc/<slug_vi>/``
and ``/en/news/<slug_en>/``) differ by more than their prefix, but both responses carry
``page-<id>``, so one purge of that key reaches both languages.

Vocabulary (``response_keys`` tags, ``keys_for_*`` purge):

- ``page-<id>``: a Wagtail page's own response;
- ``home``: the home page (it lists the latest news and the "Must see" picks);
- ``nav``: every HTML page (the header menus list pages and categories);
- ``news``: the news section's listing and its "See more" fragments;
- ``category-<id>``, ``tag-<id>``: that archive, and the articles in it (their "Other news"
  and "You may be interested" lists come from the same category and tags);
- ``month-YYYY-MM``: that month's archive;
- ``must-see``: pages showing the "Must see" picks;
- ``feed``: every RSS/Atom feed; ``related``: the related-articles JSON and feeds;
- ``sitemap``: sitemap.xml; ``search``: search results;
- ``missing``: every 404 answer (a published or moved page may now live at its address).
"""

from django.utils import timezone
from wagtail.models import Page

HEADER = "xkey"
# Carried by every "not found" answer: a publish or a move may give that address a page.
MISSING = "missing"

# Responses of these views are tagged by the view's name alone.
VIEW_KEYS = {
    "news:feed": ["feed", "news"],
    "news:category-feed": ["feed"],
    "news:tag-feed": ["feed"],
    "news:related-json": ["related"],
    "news:related-feed": ["related", "feed"],
    "sitemap": ["sitemap"],
    "search": ["search", "nav"],
}

ARTICLE_SURFACES = ["news", "home", "feed", "related", "sitemap", "search"]


def _article_model():
    from news.models import ArticlePage

    return ArticlePage


def _month_key(moment):
    moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"month-{moment.year:04d}-{moment.month:02d}"


def response_keys(request, response):
    """The surrogate keys of a public response, read from what it already has (no queries)."""
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    keys = list(VIEW_KEYS.get(view_name, []))
    context = getattr(response, "context_data", None) or {}
    page = context.get("page")

    if view_name == "news:category-feed" or view_name == "news:tag-feed":
        # The feed's object is not in a context: name it by its route, in every language it
        # could be reached by, through the same slug fields a purge reads.
        kind = "category" if view_name == "news:category-feed" else "tag"
        keys.append(f"{kind}-slug-{match.kwargs.get('slug', '')}")
    if view_name.startswith("news:") and context:
        keys.append("nav")
        if view_name == "news:index":
            keys.append("news")
        if context.get("category") is not None and view_name.startswith("news:category"):
            keys.append(f"category-{context['category'].pk}")
        if context.get("tag") is not None and view_name.startswith("news:tag"):
            keys.append(f"tag-{context['tag'].pk}")
        if view_name == "news:month":
            keys.append(f"month-{int(match.kwargs['year']):04d}-{int(match.kwargs['month']):02d}")
    elif isinstance(page, Page):
        keys += ["nav", f"page-{page.pk}"]
        if page.depth == 2:
            keys += ["home", "news", "must-see"]
        category_id = getattr(page, "category_id", None)
        if category_id is not None:
            keys += [f"category-{category_id}", "must-see"]
            keys += [f"tag-{tag.pk}" for tag in context.get("article_tags", [])]
        if page.__class__.__name__ == "NewsIndexPage":
            keys.append("news")
    return list(dict.fromkeys(keys))


def keys_for_pages(pages, *, moved=False):
    """What to purge when these pages were published, unpublished, moved or deleted."""
    ArticlePage = _article_model()
    keys = []
    for page in pages:
        page = page.specific_deferred if type(page) is Page else page
        keys += [f"page-{page.pk}", MISSING]
        if isinstance(page, ArticlePage):
            keys += ARTICLE_SURFACES
            keys += [f"category-{page.category_id}", _month_key(page.publication_date)]
            keys += [f"tag-{tag.pk}" for tag in page.tags.all()]
            if page.must_see:
                keys.append("must-see")
        else:
            # Titles and addresses of other pages appear in the menus, the sitemap and search.
            keys += ["nav", "sitemap", "search"]
            if page.depth <= 3:
                keys.append("home")
        if moved or not isinstance(page, ArticlePage):
            # A moved or removed page takes its descendants' addresses with it.
            descendants = Page.objects.descendant_of(page).values_list("pk", flat=True)
            keys += [f"page-{pk}" for pk in descendants]
    return list(dict.fromkeys(keys))


def keys_for_objects(objects):
    """What to purge when a snippet (category, tag, author) or another object changed."""
    from news.models import Author, Category, Tag

    ArticlePage = _article_model()
    keys = []
    for obj in objects:
        if isinstance(obj, Page):
            keys += keys_for_pages([obj])
        elif isinstance(obj, Category):
            keys += [f"category-{obj.pk}", "nav", "feed", "news", "home", "related", "search"]
            keys += [f"category-slug-{slug}" for slug in _slugs(obj)]
        elif isinstance(obj, Tag):
            keys += [f"tag-{obj.pk}", "feed", "related", "search"]
            keys += [f"tag-slug-{slug}" for slug in _slugs(obj)]
            keys += [f"page-{pk}" for pk in ArticlePage.objects.filter(tags=obj).values_list("pk", flat=True)]
        elif isinstance(obj, Author):
            # Bylines appear on the author's articles and in the feeds' author fields.
            keys += [f"page-{pk}" for pk in obj.articles.values_list("pk", flat=True)]
            keys += ["feed"]
        else:
            # An object of a kind this module does not know: the pages around it, conservatively.
            keys += ["nav"]
    return list(dict.fromkeys(keys))


def _slugs(obj):
    from django.conf import settings

    return {slug for code, _name in settings.LANGUAGES if (slug := getattr(obj, f"slug_{code}", None) or "")}
