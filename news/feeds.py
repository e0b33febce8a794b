"""RSS 2.0 and Atom feeds of the newsroom, in the language of the URL.

All news, one category, one tag, and an article's "You may be interested" list. Items come
from ``news.queries`` (the same functions as the pages), so a feed shows exactly what a
visitor may see in that language.
"""

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from hanoi_creative.core.slugs import get_by_slug_or_404

from .models import Category, Tag
from .queries import latest_articles, related_articles, visible_articles

FEED_SIZE = 20


def with_names(articles):
    """The articles with their authors and tags as plain lists, loaded for all items at once.

    Read through the managers (``item.tags.all()``), prefetched rows still cost a queryset
    built per item and relation: about 40 per feed, most of a feed's time.
    """
    return articles.prefetch_related(
        Prefetch("authors", to_attr="feed_authors"), Prefetch("tags", to_attr="feed_tags")
    )


def site_name():
    return _("Hanoi – Creative City of Design")


class NewsFeed(Feed):
    """All news, newest first."""

    def title(self, obj):
        return _("News · %(site)s") % {"site": site_name()}

    def description(self, obj):
        return _("The latest news from Hanoi, UNESCO Creative City of Design.")

    def subtitle(self, obj):  # Atom's name for the description
        return self.description(obj)

    def link(self, obj):
        return reverse("news:index")

    def get_articles(self, obj):
        return latest_articles()

    def items(self, obj):
        return with_names(self.get_articles(obj)[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.feed_authors) or None

    def item_categories(self, item):
        return [item.category.name] + [tag.name for tag in item.feed_tags]


class CategoryFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_by_slug_or_404(Category, slug)

    def title(self, obj):
        return _("%(category)s · %(site)s") % {"category": obj.name, "site": site_name()}

    def description(self, obj):
        return obj.description or _("The latest news in %(category)s.") % {"category": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def get_articles(self, obj):
        return latest_articles(category=obj)


class TagFeed(NewsFeed):
    def get_object(self, request, slug):
        return get_by_slug_or_404(Tag, slug)

    def title(self, obj):
        return _("Tag: %(tag)s · %(site)s") % {"tag": obj.name, "site": site_name()}

    def description(self, obj):
        return _("The latest news tagged %(tag)s.") % {"tag": obj.name}

    def link(self, obj):
        return obj.get_absolute_url()

    def get_articles(self, obj):
        return latest_articles(tag=obj)


class RelatedFeed(NewsFeed):
    """An article's "You may be interested" list, ranked by ``related_articles``."""

    def get_object(self, request, slug):
        return get_by_slug_or_404(visible_articles(), slug)

    def title(self, obj):
        return _("You may be interested: %(title)s") % {"title": obj.title}

    def description(self, obj):
        return _("Articles related to “%(title)s”.") % {"title": obj.title}

    def link(self, obj):
        return obj.get_url()

    def items(self, obj):
        return with_names(related_articles(obj))


def by_format(rss_feed_class):
    """One view serving ``rss_feed_class`` as RSS 2.0 or as Atom, by the URL's ``format``."""
    atom_feed_class = type(f"{rss_feed_class.__name__}Atom", (rss_feed_class,), {"feed_type": Atom1Feed})
    feeds = {"rss": rss_feed_class(), "atom": atom_feed_class()}

    def view(request, format, **kwargs):
        return feeds[format](request, **kwargs)

    return view


news_feed = by_format(NewsFeed)
category_feed = by_format(CategoryFeed)
tag_feed = by_format(TagFeed)
related_feed = by_format(RelatedFeed)
