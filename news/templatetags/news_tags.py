"""Template tags that put news on other apps' pages (home page, main menu) and format dates.

Core templates load these; core Python never imports news (README: "Installed apps").
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import pgettext, pgettext_lazy

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
