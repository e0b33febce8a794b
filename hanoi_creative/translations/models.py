"""Stored translation status: one row per translatable item, one per translatable field.

Status is recorded when content is saved, not guessed when the report is read: "outdated"
needs to know what the Vietnamese said when the English was last saved, and only a stored
snapshot can tell (it also feeds the diff translators see).
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Status(models.TextChoices):
    MISSING = "missing", pgettext_lazy("translation status", "Missing")
    OUTDATED = "outdated", pgettext_lazy("translation status", "Outdated")
    UP_TO_DATE = "up_to_date", pgettext_lazy("translation status", "Up to date")


# Worst first: an item is as far behind as its furthest-behind field.
STATUS_ORDER = [Status.MISSING, Status.OUTDATED, Status.UP_TO_DATE]


class TranslatableItem(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    # "page:<id>" for the top-level page a page lives under, "model:<app.model>" for snippets.
    section = models.CharField(_("section"), max_length=120, db_index=True)
    title = models.CharField(_("title"), max_length=512, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    # Segments whose English misses a glossary term or translates a do-not-translate name.
    glossary_issues = models.PositiveIntegerField(_("glossary issues"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("translatable item")
        verbose_name_plural = _("translatable items")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="translations_item_unique")
        ]
        ordering = ["section", "content_type_id", "title", "pk"]
        permissions = [("use_translation_desk", _("Can use the translation desk"))]

    def __str__(self):
        return self.title or f"{self.content_type} {self.object_id}"

    @property
    def key(self):
        return f"{self.content_type.app_label}.{self.content_type.model}:{self.object_id}"

    def get_object(self):
        model = self.content_type.model_class()
        if model is None:
            return None
        return model._default_manager.filter(pk=self.object_id).first()


class FieldTranslation(models.Model):
    item = models.ForeignKey(TranslatableItem, on_delete=models.CASCADE, related_name="fields")
    field = models.CharField(_("field"), max_length=64)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, db_index=True)
    # The Vietnamese value (text, or StreamField JSON) when the English was last saved.
    source_snapshot = models.TextField(blank=True)
    source_hash = models.CharField(max_length=64, blank=True)
    current_source_hash = models.CharField(max_length=64, blank=True)
    target_hash = models.CharField(max_length=64, blank=True)
    # Null until the English changes after the desk first saw the field.
    translated_at = models.DateTimeField(_("translated"), null=True, blank=True)

    class Meta:
        verbose_name = _("field translation")
        verbose_name_plural = _("field translations")
        constraints = [models.UniqueConstraint(fields=["item", "field"], name="translations_field_unique")]
        ordering = ["item", "position"]

    def __str__(self):
        return f"{self.item} · {self.field}"


class ImportRun(models.Model):
    """One uploaded file imported in the background: its progress, then its result.

    The progress and result pages read this row, so they survive a reload and tell the same
    story to whoever opens them. At most ``MAX_LISTED`` problems are kept, with their count.
    """

    MAX_LISTED = 100

    class State(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("import state", "Waiting")
        CHECKING = "checking", pgettext_lazy("import state", "Checking")
        WRITING = "writing", pgettext_lazy("import state", "Writing")
        DONE = "done", pgettext_lazy("import state", "Done")
        REFUSED = "refused", pgettext_lazy("import state", "Refused")
        FAILED = "failed", pgettext_lazy("import state", "Failed")

    FINISHED = (State.DONE, State.REFUSED, State.FAILED)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("file"), max_length=255)
    # Where the upload waits for the worker (Django's storage API); deleted when the run ends.
    stored_path = models.CharField(max_length=255, blank=True)
    dry_run = models.BooleanField(default=False)
    # The importer's admin language: the worker writes every message in it.
    language = models.CharField(max_length=8)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    units_total = models.PositiveIntegerField(default=0)
    units_done = models.PositiveIntegerField(default=0)
    items_total = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)
    problems = models.JSONField(default=list, blank=True)  # [[where, why], ...] (first MAX_LISTED)
    problem_count = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)
    warning_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("translation import")
        verbose_name_plural = _("translation imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name

    @property
    def finished(self):
        return self.state in self.FINISHED

    @property
    def percent(self):
        if not self.units_total:
            return 0
        return min(100, round(100 * self.units_done / self.units_total))

    @property
    def problems_not_listed(self):
        return max(0, self.problem_count - len(self.problems))

    @property
    def warnings_not_listed(self):
        return max(0, self.warning_count - len(self.warnings))


class MemorySegment(models.Model):
    """One Vietnamese segment and an English translation of it: the translation memory.

    Filled from the segment pairs of every field whose English is up to date (on save, publish
    and import; ``rebuild_translation_memory`` for existing content). One row per distinct pair;
    the origin is where it was last seen. Lookups never scan the table: an exact match is the
    ``source_hash`` index, fuzzy candidates come from the (first word, length) and (last word,
    length) indexes, ranked in Python.
    """

    source = models.TextField()
    target = models.TextField()
    kind = models.CharField(max_length=8, default="text")  # "text" or "html", as the segment
    source_hash = models.CharField(max_length=64)
    target_hash = models.CharField(max_length=64)
    length = models.PositiveIntegerField()  # of the folded plain source
    first_word = models.CharField(max_length=40)
    last_word = models.CharField(max_length=40)
    origin_key = models.CharField(max_length=120)  # item key, "news.articlepage:5"
    origin_path = models.CharField(max_length=255)
    origin_title = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation memory segment")
        verbose_name_plural = _("translation memory")
        constraints = [
            models.UniqueConstraint(fields=["source_hash", "target_hash"], name="translations_memory_pair")
        ]
        indexes = [
            models.Index(fields=["first_word", "length"], name="translations_memory_first"),
            models.Index(fields=["last_word", "length"], name="translations_memory_last"),
        ]

    def __str__(self):
        return self.source[:80]


class GlossaryTerm(models.Model):
    """A Vietnamese term and the English the site requires for it, or a name left as it is."""

    source = models.CharField(
        _("Vietnamese term"), max_length=255, help_text=_("As it appears in Vietnamese text.")
    )
    target = models.CharField(
        _("required English"),
        max_length=255,
        blank=True,
        help_text=_("The English translation must contain this. Leave empty for a name not translated."),
    )
    do_not_translate = models.BooleanField(
        _("do not translate"),
        default=False,
        help_text=_("A name kept exactly as it is in English (and marked protected in XLIFF files)."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary")
        ordering = ["source"]
        constraints = [
            models.UniqueConstraint(fields=["source", "target"], name="translations_glossary_unique")
        ]

    def __str__(self):
        if self.do_not_translate:
            return self.source
        return f"{self.source} → {self.target}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if not self.source.strip():
            raise ValidationError({"source": _("Enter the Vietnamese term.")})
        if not self.do_not_translate and not self.target.strip():
            raise ValidationError(
                {"target": _("Enter the required English, or tick “do not translate” for a name.")}
            )
