"""Template tags that put news on other apps' pages (home page, main menu) and format dates.

Core templates load these; core Python never imports news (README: "Installed apps").
"""

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
def latest_news(count=6, exclude_must_see=False):
    articles = latest_articles()
    if exclude_must_see:
        articles = articles.filter(must_see=False)
    return list(articles[:count])


@register.simple_tag
def must_see(count=4):
    return list(must_see_articles()[:count])


CARD_TEMPLATE = "news/includes/article_card.html"


def _card_key(article, request, heading, lazy, featured):
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
        heading,
        lazy,
        featured,
    )


def _prefetch_photos(articles):
    prefetch_related_objects([article.hero_image for article in articles if article.hero_image], "renditions")


@register.simple_tag(takes_context=True)
def article_cards(context, articles, heading="h2", lazy=False, eager_first=False, featured_first=False):
    """The markup of each article's card, from the fragment cache where it is already there.

    ``lazy`` loads photos lazily (``eager_first`` keeps the first one eager, for the top of a
    listing); ``featured_first`` makes the first card the large one. Photo renditions are
    loaded in one query, and only for cards that must be rendered.
    """
    request = context.get("request")
    items = []
    for number, article in enumerate(articles):
        options = {
            "heading": heading,
            "lazy": bool(lazy) and not (eager_first and number == 0),
            "featured": bool(featured_first) and number == 0,
        }
        items.append((_card_key(article, request, **options), (article, options)))

    def render(item):
        article, options = item
        return render_to_string(CARD_TEMPLATE, {"article": article, **options}, request=request)

    def prepare(missing):
        _prefetch_photos([article for article, _options in missing])

    return [mark_safe(html) for html in cached_fragments(items, render, prepare)]  # noqa: S308 - our own rendered templates
