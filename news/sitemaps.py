"""The newsroom's part of the sitemap: one section per month of articles.

A section lists the articles published in one month (local time) that the public may see, in
every language each is translated into. A month with more than ``ARTICLES_PER_FILE`` articles
is split into several files (``?p=2``...), so no file holds more than ``URLS_PER_FILE`` URLs and
each answers in the time it takes to list one month, whatever the size of the archive.
"""

import math
import re

from django.conf import settings

from hanoi_creative.seo.sitemaps import URLS_PER_FILE

from .models import ArticlePage
from .queries import NEWEST_FIRST, articles_per_month, month_range, visible_articles

# Every article has a URL in at most every language.
ARTICLES_PER_FILE = URLS_PER_FILE // len(settings.LANGUAGES)

_SECTION = re.compile(r"news-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")


def sections():
    """[(section name, number of files)], newest month first."""
    # Every visible article is visible in the default language (see visible_articles).
    return [
        (f"news-{year:04d}-{month:02d}", math.ceil(total / ARTICLES_PER_FILE))
        for (year, month), total in articles_per_month(settings.LANGUAGE_CODE)
    ]


def section_pages(name, number):
    """The primary keys of the articles in file ``number`` of section ``name`` (a queryset),
    or None when ``name`` is not a month section."""
    match = _SECTION.fullmatch(name)
    if match is None:
        return None
    year, month = int(match["year"]), int(match["month"])
    if not (1000 <= year <= 9000 and 1 <= month <= 12):
        return None
    start, end = month_range(year, month)
    first = (number - 1) * ARTICLES_PER_FILE
    return (
        visible_articles(settings.LANGUAGE_CODE)
        .filter(publication_date__gte=start, publication_date__lt=end)
        .order_by(*NEWEST_FIRST)
        .values("pk")[first : first + ARTICLES_PER_FILE]
    )


# Page types these sections list, which the site's general "pages" section leaves out.
SECTION_PAGE_MODELS = [ArticlePage]
