from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .forms import TranslatedPageForm
from .slugs import SLUG_FORMATTERS, fold_slug
from .social import SocialImageMixin, social_image_panel


class SiteImage(AbstractImage):
    """Wagtail image with a photographer credit; alt text (``description``) is translated."""

    credit = models.CharField(_("credit"), max_length=255, blank=True)

    # Alt text and credit are edited in both languages; the title is the file's label.
    admin_form_fields = tuple(f for f in Image.admin_form_fields if f != "description") + (
        "description_vi",
        "description_en",
        "credit_vi",
        "credit_en",
    )


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def default_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


# Which fields make a page "translated" into a language, per page type: the class attribute
# ``translation_required_fields`` (the title alone for a type that names none). A required field
# that is empty in Vietnamese too asks nothing of the translation.
DEFAULT_REQUIRED_FIELDS = ("title",)


def required_fields(model):
    return tuple(getattr(model, "translation_required_fields", DEFAULT_REQUIRED_FIELDS))


def _is_blank(value):
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    raw = getattr(value, "raw_data", None)  # a StreamField's value
    if raw is not None:
        return len(raw) == 0
    try:
        return len(value) == 0
    except TypeError:
        return False


def untranslated_fields(page, language):
    """Names of the fields ``page`` still lacks in ``language`` for the rule (empty: translated)."""
    if language == default_language():
        return [] if getattr(page, "title", "") else ["title"]
    missing = []
    for name in required_fields(type(page)):
        target = build_localized_fieldname(name, language)
        if not hasattr(page, target):
            continue  # not a translated field of this type
        if not _is_blank(getattr(page, target)):
            continue
        source = getattr(page, build_localized_fieldname(name, default_language()), None)
        if name == "title" or not _is_blank(source):
            missing.append(name)
    return missing


class PageTranslation(models.Model):
    """A page is translated into ``language``: every field its type requires has text there.

    Stored, not computed per query: a StreamField's emptiness cannot be tested in SQL without
    reading every row's JSON, and the public lists must stay index lookups at any archive size.
    Kept current by ``record_page_translations`` on every save of a page's content (admin
    edit, publish, desk save, import) and on bulk loads. Only non-default languages are
    stored: every page exists in Vietnamese.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)

    class Meta:
        verbose_name = _("page translation")
        verbose_name_plural = _("page translations")
        constraints = [
            models.UniqueConstraint(fields=["language", "page"], name="core_page_translation_unique")
        ]

    def __str__(self):
        return f"{self.page_id} {self.language}"


def record_page_translations(pages):
    """Store, for each of ``pages`` (specific instances as saved), the languages it is translated
    into. Two queries per language whatever the number of pages."""
    pages = [page for page in pages if page.pk is not None]
    if not pages:
        return
    for code in language_codes():
        if code == default_language():
            continue
        done = {page.pk for page in pages if not untranslated_fields(page, code)}
        not_done = [page.pk for page in pages if page.pk not in done]
        if not_done:
            PageTranslation.objects.filter(language=code, page_id__in=not_done).delete()
        if done:
            PageTranslation.objects.bulk_create(
                [PageTranslation(page_id=pk, language=code) for pk in done], ignore_conflicts=True
            )


def translated_into(queryset, language=None):
    """Pages of ``queryset`` translated into ``language`` (default: active language).

    The one rule for every public surface (menus, listings, feeds, search, sitemap): a page is
    public in a language when every field its type requires has text there (see
    ``untranslated_fields``). Without it, modeltranslation's fallback would show an English
    title over the Vietnamese lead and body. One indexed semi-join on ``PageTranslation``.
    """
    language = language or translation.get_language()
    if language == default_language():
        return queryset
    done = PageTranslation.objects.filter(language=language, page_id=OuterRef("pk"))
    return queryset.filter(Exists(done))


def admin_display_title(page):
    """A page's title in the admin's language (the Vietnamese one while it has no translation).

    Wagtail shows ``draft_title``, which holds the title in whatever language its last editor
    used, so one list mixed both languages. A draft whose title changed since the page row was
    written (the row holds the live or first version) still shows that draft's title."""
    titles = [getattr(page, build_localized_fieldname("title", code), None) for code in language_codes()]
    if page.draft_title and page.draft_title not in titles:
        return page.draft_title
    active = getattr(page, build_localized_fieldname("title", translation.get_language() or ""), None)
    return active or titles[0] or page.draft_title or page.title


class TranslatedPageMixin:
    """Per-language helpers shared by every page type of the site."""

    base_form_class = TranslatedPageForm
    # See ``required_fields``; each page type names its own.
    translation_required_fields = DEFAULT_REQUIRED_FIELDS

    def has_translation(self, language):
        """True when this page is translated into ``language`` by the site's rule.

        Computed from the instance (no query; a preview shows the draft's state); when a
        required field was deferred, the stored flag answers instead.
        """
        deferred = self.get_deferred_fields()
        needed = {build_localized_fieldname(name, language) for name in required_fields(type(self))}
        if language != default_language() and needed & deferred:
            return PageTranslation.objects.filter(page_id=self.pk, language=language).exists()
        return not untranslated_fields(self, language)

    def translated_languages(self):
        return [code for code in language_codes() if self.has_translation(code)]

    @property
    def preview_modes(self):
        """One preview per language: an editor sees both sides of a page before publishing
        (Wagtail would preview in the admin's own language only)."""
        return [(code, get_language_info(code)["name_translated"]) for code in language_codes()]

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in language_codes() else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, "")
            # Render now: a lazy TemplateResponse would render after the override ends.
            if hasattr(response, "render") and not getattr(response, "is_rendered", True):
                response.render()
        response.headers.setdefault("Content-Language", language)
        return response

    def url_in(self, language, request=None):
        with translation.override(language):
            return self.get_url(request=request)

    def full_clean(self, *args, **kwargs):
        # Fold each language's empty slug from that language's title before Wagtail's own
        # default (Django's slugify) can mangle Vietnamese letters.
        for code in language_codes():
            slug_field = build_localized_fieldname("slug", code)
            title = getattr(self, build_localized_fieldname("title", code), "")
            if title and not getattr(self, slug_field, ""):
                setattr(self, slug_field, fold_slug(title) or "page")
        return super().full_clean(*args, **kwargs)


slug_panel = FieldPanel("slug", widget=SlugInput(formatters=SLUG_FORMATTERS))

base_promote_panels = [
    MultiFieldPanel(
        [slug_panel, FieldPanel("seo_title"), FieldPanel("search_description"), FieldPanel("show_in_menus")],
        heading=_("For search engines"),
    ),
]
title_panel = TitleFieldPanel("title")


class HomePage(TranslatedPageMixin, SocialImageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True, use_json_field=True)

    content_panels = [title_panel, FieldPanel("intro"), FieldPanel("hero_image"), FieldPanel("body")]
    promote_panels = [*base_promote_panels, social_image_panel]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    translation_required_fields = ("title", "intro", "body")

    def programme_pages(self):
        """The programme's own pages for the home page's cards, with their images in two queries."""
        from .visibility import visible

        pages = visible(StandardPage.objects.child_of(self))
        return pages.select_related("hero_image").prefetch_related("hero_image__renditions")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(TranslatedPageMixin, SocialImageMixin, Page):
    intro = models.TextField(_("lead"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True, use_json_field=True)

    content_panels = [
        title_panel,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_caption")], heading=_("Hero image")),
        FieldPanel("body"),
    ]
    promote_panels = [*base_promote_panels, social_image_panel]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    translation_required_fields = ("title", "intro", "body")

    def sibling_pages(self):
        """Other programme pages at this level, in the active language, for "More about"."""
        from .visibility import visible

        return visible(StandardPage.objects.sibling_of(self, inclusive=False))

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


@register_setting(icon="info-circle")
class PublisherSettings(BaseSiteSetting):
    """Who publishes the site, shown in every page's footer; edited under Settings in the admin.

    Name, address and licence line are translated per field like page content; an empty
    English field shows the Vietnamese.
    """

    name = models.CharField(_("publisher"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=64, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    licence = models.TextField(
        _("licence line"),
        blank=True,
        help_text=_("The press licence and the person responsible for the content, as required."),
    )

    panels = [FieldPanel(name) for name in ("name", "address", "phone", "email", "licence")]

    class Meta:
        verbose_name = _("publisher details")
        verbose_name_plural = _("publisher details")
