"""The newsroom: a news section (NewsIndexPage) holding articles, with categories, authors and tags.

Every text an editor types is translated per field (see ``translation.py``); which articles the
public may see is decided in one place, ``news.queries.visible_articles``.
"""

import math
import operator
from functools import partial

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.utils import build_localized_fieldname
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from hanoi_creative.caching import fragments
from hanoi_creative.core.models import TranslatedPageMixin, base_promote_panels, language_codes, title_panel
from hanoi_creative.core.slugs import fold_slug
from hanoi_creative.core.social import SocialImageMixin, social_image_panel

from .blocks import ArticleStreamBlock
from .forms import ArticlePageForm

# Average adult reading speed for Vietnamese and English news prose (words per minute).
WORDS_PER_MINUTE = 200
# The lists under an article: enough to read on, short enough that a phone reaches the end
# within about three screens of cards after the text.
RELATED_ON_PAGE = 4
MUST_SEE_ON_PAGE = 3
OTHER_NEWS_ON_PAGE = 5


def source_text_first(instance, fields=("name",)):
    """On creation, make sure the Vietnamese (source) fields hold the text that was typed.

    Vietnamese is the source language whatever the admin's language. A tag typed in the
    article editor's tag field, or any object created with ``name=...`` while English is
    active, lands in the English column only; the Vietnamese one would stay empty and the
    object would have no Vietnamese name, no slug and no URL. The typed text is the source
    text, so it moves to Vietnamese and the English waits for a translator.
    """
    if not instance._state.adding:
        return
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for field in fields:
        default_field = build_localized_fieldname(field, default)
        if getattr(instance, default_field):
            continue
        for code in language_codes():
            other_field = build_localized_fieldname(field, code)
            if code != default and getattr(instance, other_field):
                setattr(instance, default_field, getattr(instance, other_field))
                setattr(instance, other_field, instance._meta.get_field(other_field).get_default())
                break


def fill_translated_slugs(instance, source="name"):
    """Give every language an ASCII slug folded from that language's ``source`` text.

    A language without its own text borrows the default language's slug, so a category or tag
    always has a URL in every language.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    default_slug_field = build_localized_fieldname("slug", default)
    if not getattr(instance, default_slug_field):
        setattr(
            instance,
            default_slug_field,
            fold_slug(getattr(instance, build_localized_fieldname(source, default))),
        )
    for code in language_codes():
        slug_field = build_localized_fieldname("slug", code)
        if not getattr(instance, slug_field):
            text = getattr(instance, build_localized_fieldname(source, code))
            setattr(instance, slug_field, fold_slug(text) if text else getattr(instance, default_slug_field))


def _archive_url(view_name, obj):
    """The archive address of a category or tag in the active language, or "" without a slug.

    Every creation path gives a Vietnamese slug (``source_text_first``); a row written before
    that rule may still have none, and a page listing it must not fail on its link.
    """
    default_slug = getattr(obj, build_localized_fieldname("slug", settings.MODELTRANSLATION_DEFAULT_LANGUAGE))
    slug = obj.slug or default_slug
    return reverse(view_name, kwargs={"slug": slug}) if slug else ""


class Category(index.Indexed, models.Model):
    """The one primary section an article belongs to (Đô thị / Urban life, ...)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Left empty, it is made from the name."),
    )
    description = models.TextField(_("description"), blank=True)
    show_in_menus = models.BooleanField(_("show in the main menu"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order in the menu"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("show_in_menus"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        source_text_first(self, ("name", "description"))
        fill_translated_slugs(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return _archive_url("news:category", self)

    def url_in(self, language):
        with translation.override(language):
            return self.get_absolute_url()


class Author(index.Indexed, models.Model):
    """A byline: reporters and editors, with their role in each language."""

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120, blank=True, help_text=_("For example Reporter"))
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        source_text_first(self, ("name", "role"))
        super().save(*args, **kwargs)


class Tag(TagBase):
    """A keyword with a name and slug in each language (taggit's own tags have one of each)."""

    # Translated columns are nullable copies of these; an untranslated name stays NULL (see
    # translation.py) so the unique constraints hold.
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def save(self, *args, **kwargs):
        source_text_first(self)
        fill_translated_slugs(self)
        # TagBase.save would slugify the name with Django's slugify, which drops "đ".
        models.Model.save(self, *args, **kwargs)

    def get_absolute_url(self):
        return _archive_url("news:tag", self)

    def url_in(self, language):
        with translation.override(language):
            return self.get_absolute_url()


class TaggedArticle(ItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        unique_together = [("tag", "content_object")]


register_snippet(Category)
register_snippet(Author)
register_snippet(Tag)


class NewsIndexPage(TranslatedPageMixin, SocialImageMixin, Page):
    """The news section (/vi/tin-tuc/, /en/news/).

    The public listing is a Django view (``news.views.NewsIndexView``) mounted before Wagtail
    at the same address; ``serve`` hands over to it so previews and direct routing agree.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [title_panel, FieldPanel("intro")]
    promote_panels = [*base_promote_panels, social_image_panel]

    parent_page_types = ["core.HomePage"]
    subpage_types = ["news.ArticlePage"]
    max_count = 1
    translation_required_fields = ("title", "intro")

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def serve(self, request, *args, **kwargs):
        from .views import NewsIndexView

        return NewsIndexView.as_view()(request, index_page=self)


def _texts(value):
    """Every string inside StreamField raw data (block values nest as dicts and lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from _texts(item)
    elif isinstance(value, list | tuple) or hasattr(value, "__iter__"):
        for item in value:
            yield from _texts(item)


class ArticlePage(TranslatedPageMixin, SocialImageMixin, Page):
    lead = models.TextField(_("lead"), help_text=_("The opening paragraph shown in bold and in listings"))
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("main photo caption"), max_length=500, blank=True)
    body = StreamField(ArticleStreamBlock(), verbose_name=_("body"), blank=True, use_json_field=True)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="articles"
    )
    authors = ParentalManyToManyField(Author, verbose_name=_("authors"), blank=True, related_name="articles")
    tags = ClusterTaggableManager(through=TaggedArticle, verbose_name=_("tags"), blank=True)
    must_see = models.BooleanField(
        _("must see"), default=False, db_index=True, help_text=_("Pick for the “Must see” lists")
    )
    publication_date = models.DateTimeField(_("publication date"), default=timezone.now, db_index=True)

    content_panels = [
        title_panel,
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Main photo")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("authors"),
                FieldPanel("tags"),
                FieldPanel("publication_date"),
                FieldPanel("must_see"),
            ],
            heading=_("Classification"),
        ),
    ]
    promote_panels = [*base_promote_panels, social_image_panel]
    base_form_class = ArticlePageForm
    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("publication_date"),
        index.FilterField("category"),
        # The site search files these names as keywords: "Văn hóa" finds the Culture articles.
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("authors", [index.SearchField("name")]),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    # The public English page needs all three: an English title over a Vietnamese lead and
    # body is not a translation (captions and SEO fields are optional).
    translation_required_fields = ("title", "lead", "body")

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Each public list walks one of these newest first and stops after a page of articles.
        indexes = [
            models.Index(fields=["-publication_date", "-page_ptr"], name="news_article_newest"),
            models.Index(
                fields=["category", "-publication_date", "-page_ptr"], name="news_article_category_newest"
            ),
            models.Index(
                fields=["-publication_date", "-page_ptr"],
                condition=models.Q(must_see=True),
                name="news_article_must_see_newest",
            ),
        ]

    @property
    def reading_time(self):
        """Minutes to read the lead and body in the active language (at least one).

        Counted from the stored block data rather than the rendered body, so it costs no
        queries (rendering would look up images and linked pages).
        """
        words = len(self.lead.split()) + sum(
            len(strip_tags(text).split()) for text in _texts(self.body.raw_data)
        )
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        """The article's lists, byline, tags and comments, each computed only when the template
        asks for it: the page's fragments (``{% fragment %}``) usually already hold them."""
        from hanoi_creative.comments.queries import article_context

        context = super().get_context(request, *args, **kwargs)
        language = translation.get_language()
        lists = SimpleLazyObject(lambda: self.article_lists(language))
        for name in ("related_articles", "must_see_articles", "other_news"):
            context[name] = SimpleLazyObject(partial(operator.getitem, lists, name))
        context["byline"] = SimpleLazyObject(lambda: list(self.authors.all()))
        # The surrogate keys of every response name the tags (edge.keys), fragment or not.
        context["article_tags"] = SimpleLazyObject(
            lambda: fragments.remembered(request, "article-tags", (self.pk,), lambda: list(self.tags.all()))
        )
        # Plain values (the page's structured data counts the comments): kept, not deferred.
        context.update(
            fragments.remembered(
                request, "comments-context", (self.pk,), lambda: article_context(self, request, language)
            )
        )
        return context

    def article_lists(self, language):
        """ "You may be interested", "Must see" and "Other news" under the article, in that
        order down the page; each leaves out what the page already shows above it, so no
        article repeats."""
        from .queries import latest_articles, must_see_articles, related_articles

        # Card photos' renditions are loaded by the cards that need them (see news_tags).
        related = list(related_articles(self, language, limit=RELATED_ON_PAGE))
        shown = [self.pk, *(article.pk for article in related)]
        picks = list(must_see_articles(language, exclude=shown)[:MUST_SEE_ON_PAGE])
        shown += [article.pk for article in picks]
        # "Other news": the newest of the same category, then, when a small category is used up
        # by the lists above, the newest of the rest of the newsroom. Two queries on the
        # newest-first indexes, whatever the category's size, so the count stays fixed.
        other = list(latest_articles(language, category=self.category_id, exclude=shown)[:OTHER_NEWS_ON_PAGE])
        shown += [article.pk for article in other]
        rest = list(latest_articles(language, exclude=shown)[:OTHER_NEWS_ON_PAGE])
        other += rest[: OTHER_NEWS_ON_PAGE - len(other)]
        return {"related_articles": related, "must_see_articles": picks, "other_news": other}
