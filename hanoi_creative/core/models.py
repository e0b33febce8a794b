from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
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


def translated_into(queryset, language=None):
    """Pages of ``queryset`` that have their own title in ``language`` (default: active).

    Without this, modeltranslation's fallback would list a Vietnamese-only page on an English
    menu or card under its Vietnamese title.
    """
    language = language or translation.get_language()
    if language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return queryset
    field = build_localized_fieldname("title", language)
    return queryset.exclude(**{f"{field}__isnull": True}).exclude(**{field: ""})


class TranslatedPageMixin:
    """Per-language helpers shared by every page type of the site."""

    base_form_class = TranslatedPageForm

    def has_translation(self, language):
        """True when the page has its own title in ``language`` (not a fallback)."""
        return bool(getattr(self, build_localized_fieldname("title", language), ""))

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

    def sibling_pages(self):
        """Other programme pages at this level, in the active language, for "More about"."""
        from .visibility import visible

        return visible(StandardPage.objects.sibling_of(self, inclusive=False))

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
