from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class SearchDocument(models.Model):
    """One page's searchable text in one language.

    Each language gets its own row, written only when the page is translated into it, so a search
    in English never matches Vietnamese text and the title weight always belongs to the title of
    the language searched. ``title``/``body`` keep the text as readers see it (for snippets and
    highlighting); ``keywords`` holds the names a page is filed under (an article's category, tags
    and authors), searchable but never shown. The ``*_folded`` copies are the accent-free form the
    SQLite full-text table indexes. On PostgreSQL a ``search_vector`` column (added by the
    migrations, unknown to the ORM) holds the same text parsed with the ``hc_unaccent``
    configuration.
    """

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    title_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    keywords = models.TextField(_("keywords"), blank=True)
    keywords_folded = models.TextField(blank=True)
    date = models.DateTimeField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="site_search_one_per_language")
        ]
        indexes = [
            models.Index(fields=["language", "page"], name="site_search_language_page"),
            # The search ranks the newest matches in a language: walked newest first.
            models.Index(fields=["language", "-date", "-id"], name="site_search_language_newest"),
        ]

    def __str__(self):
        return f"{self.title} ({self.language})"
