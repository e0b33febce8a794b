"""Template tags that put news on other apps' pages (home page, main menu) and format dates.

Core templates load these; core Python never imports news (README: "Installed apps").
"""

from urllib.parse import quote

from django import template
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext, pgettext_lazy

from hanoi_creative.core.fragments import cached_fragments, fragment_key, image_key

from ..models import Category
from ..queries import latest_articles, must_see_articles

register = template.Library()

# Django's Vietnamese weekday names are "Thứ 2" ... ; newspapers write "Thứ Hai", "Thứ Tư".
WEEKDAYS = [
    pgettext_lazy("weekday in an article date", "Monday"),
    pgettext_lazy("weekday in an article date", "Tuesday"),
    pgettext_lazy("weekday in an article date", "Wednesday"),
    pgettext_lazy("weekday in an article date", "Thursday"),
    pgettext_lazy("weekday in an article date", "Friday"),
    pgettext_lazy("weekday in an article date", "Saturday"),
    pgettext_lazy("weekday in an article date", "Sunday"),
]


@register.filter
def article_date(value):
    """An article's date as each language's press writes it.

    vi: "Thứ Tư, 09/09/2020 14:30"; en: "9 September 2020". Both the Django date format and
    the pattern that places the weekday come from the catalogue, so a new language is a
    translation, not code.
    """
    if not value:
        return ""
    value = timezone.localtime(value)
    date = date_format(value, pgettext("article date, Django date format", "j F Y"))
    pattern = pgettext("article date: {weekday} and {date} are replaced", "{date}")
    return pattern.format(weekday=WEEKDAYS[value.weekday()], date=date)


@register.simple_tag
def news_menu_categories():
    """Categories for the main menu, in their editorial order."""
    return list(Category.objects.filter(show_in_menus=True))


@register.simple_tag
def latest_news(count=6, exclude_must_see=False, exclude=()):
    """The newest articles; ``exclude``: articles shown higher on the page (e.g. the picks)."""
    articles = latest_articles(exclude=[article.pk for article in exclude])
    if exclude_must_see:
        articles = articles.filter(must_see=False)
    return list(articles[:count])


@register.simple_tag
def must_see(count=4):
    return list(must_see_articles()[:count])


# Zalo documents only its share plugin (developers.zalo.me/docs/social/share): a
# ``<div class="zalo-share-button" data-href data-layout data-color data-customize>`` that its
# script (sp.zalo.me/plugins/sdk.js) turns into a frame of this page with those attributes as
# parameters. Linking to the page itself shares the same address without loading the script.
ZALO_SHARE = "https://sp.zalo.me/plugins/share"


@register.inclusion_tag("news/includes/share.html", takes_context=True)
def share_links(context, page):
    """Plain share links for ``page``: no third-party script, nothing loads until a click.

    Each service's own "share this address" URL; ``static/js/share.js`` adds the phone's
    share sheet (Web Share API) and copying to the clipboard where the browser has them.
    """
    request = context["request"]
    url = request.build_absolute_uri(page.get_url(request))
    title = page.title
    quoted_url, quoted_title = quote(url, safe=""), quote(title, safe="")
    return {
        "url": url,
        "title": title,
        "services": [
            ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={quoted_url}"),
            ("zalo", "Zalo", f"{ZALO_SHARE}?href={quoted_url}&layout=1&color=blue&customize=false"),
            ("x", "X", f"https://x.com/intent/post?url={quoted_url}&text={quoted_title}"),
        ],
        "mailto": f"mailto:?subject={quoted_title}&body={quote(title + chr(10) + url, safe='')}",
    }


CARD_TEMPLATE = "news/includes/article_card.html"


def _card_key(article, request, heading, lazy, variant):
    """Everything an article card shows; see ``core.fragments`` for why this is safe."""
    category = article.category
    return fragment_key(
        "article-card",
        request.get_host() if request else "",
        article.pk,
        article.latest_revision_id,
        article.last_published_at,
        article.url_path,
        article.title,
        article.lead,
        article.publication_date,
        (category.pk, category.name),
        image_key(article.hero_image),
        getattr(article, "approved_comment_count", None),
        heading,
        lazy,
        variant,
    )


def _prefetch_photos(articles):
    prefetch_related_objects([article.hero_image for article in articles if article.hero_image], "renditions")


# The list item class of each card variant (see the newsroom grid in news.css).
ITEM_CLASSES = {"lead": "newsroom-grid__lead", "secondary": "newsroom-grid__secondary"}


class Card:
    """One card's markup and the variant it was rendered as (for the list item around it)."""

    def __init__(self, html, variant):
        self.html = mark_safe(html)  # noqa: S308 - our own rendered template
        self.variant = variant
        self.item_class = ITEM_CLASSES.get(variant, "")

    def __str__(self):
        return self.html


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading="h2", variants="secondary", lazy=False):
    """Each article's card, from the fragment cache where it is already there.

    ``variants`` names the cards' variants in order, the last one repeating: "lead,secondary,
    secondary,compact" gives a lead story, two secondary cards and compact rows. ``lazy`` loads
    photos lazily, except a lead story's (it is at the top). Photo renditions are loaded in one
    query, and only for cards that must be rendered.
    """
    request = context.get("request")
    names = [name.strip() for name in variants.split(",") if name.strip()] or ["secondary"]
    items = []
    for number, article in enumerate(articles):
        variant = names[min(number, len(names) - 1)]
        options = {"heading": heading, "lazy": bool(lazy) and variant != "lead", "variant": variant}
        items.append((_card_key(article, request, **options), (article, options)))

    def render(item):
        article, options = item
        return render_to_string(CARD_TEMPLATE, {"article": article, **options}, request=request)

    def prepare(missing):
        _prefetch_photos([article for article, _options in missing])

    htmls = cached_fragments(items, render, prepare)
    return [
        Card(html, options["variant"]) for html, (_key, (_article, options)) in zip(htmls, items, strict=True)
    ]
