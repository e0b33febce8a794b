from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .files import FORMATS
from .models import Status, TranslatableItem
from .registry import section_labels

MAX_UPLOAD = 20 * 1024 * 1024


class ReportFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status"))] + list(Status.choices)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        keys = list(TranslatableItem.objects.order_by().values_list("section", flat=True).distinct())
        labels = section_labels(keys)
        self.fields["section"].choices = [("", _("All sections"))] + sorted(
            ((key, str(labels[key])) for key in keys), key=lambda pair: pair[1].lower()
        )
        type_ids = TranslatableItem.objects.order_by().values_list("content_type", flat=True).distinct()
        types = ContentType.objects.filter(pk__in=list(type_ids))
        self.fields["type"].choices = [("", _("All types"))] + sorted(
            (
                (str(ct.pk), str(ct.model_class()._meta.verbose_name).capitalize())
                for ct in types
                if ct.model_class()
            ),
            key=lambda pair: pair[1].lower(),
        )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset
        data = self.cleaned_data
        if data.get("section"):
            queryset = queryset.filter(section=data["section"])
        if data.get("type"):
            queryset = queryset.filter(content_type_id=data["type"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset


class ExportForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=[("xliff", "XLIFF 1.2"), ("po", "gettext PO")])
    include = forms.MultipleChoiceField(
        label=_("Fields"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=list(Status.choices),
        initial=[Status.MISSING, Status.OUTDATED],
        help_text=_("Leave all unticked to export every field."),
    )

    prefill = forms.BooleanField(
        label=_("Pre-fill from the translation memory"),
        required=False,
        help_text=_("Units without English get an exact match, marked as needing review."),
    )
    target_mode = forms.ChoiceField(
        label=_("Untranslated units (XLIFF)"),
        required=False,
        choices=[
            ("", _("No target")),
            ("copy", _("Target copied from the Vietnamese (OmegaT)")),
            ("empty", _("Empty target (Okapi, Trados)")),
        ],
    )

    def clean_format(self):
        value = self.cleaned_data["format"]
        if value not in FORMATS:
            raise forms.ValidationError(_("Unknown format."))
        return value


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLIFF or PO file"))
    dry_run = forms.BooleanField(label=_("Only check the file, change nothing"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        from .exchange import Refused
        from .files import check_upload

        head = upload.read(4096)
        upload.seek(0)
        try:
            check_upload(head)
        except Refused as refusal:
            raise forms.ValidationError([why for _where, why in refusal.errors]) from refusal
        return upload
