from datetime import timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hanoi_creative.search.text import normalize

from . import guards
from .models import MAX_LENGTH, NAME_LENGTH, Comment, Status


class CommentForm(forms.Form):
    """The reader's form. ``website`` is a honeypot: hidden from people, filled by robots."""

    name = forms.CharField(label=_("Name"), max_length=NAME_LENGTH)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Never shown on the site."),
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text, at most 2,000 characters."),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    token = forms.CharField(widget=forms.HiddenInput, max_length=500)
    website = forms.CharField(required=False, label=_("Leave this field empty"), max_length=200)

    def __init__(self, *args, article, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.language = language

    def clean_name(self):
        name = " ".join(normalize(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please give your name."))
        return name

    def clean_body(self):
        lines = [" ".join(line.split()) for line in normalize(self.cleaned_data["body"]).splitlines()]
        body = "\n".join(lines).strip()
        while "\n\n\n" in body:
            body = body.replace("\n\n\n", "\n\n")
        if not body:
            raise forms.ValidationError(_("Please write a comment."))
        if guards.count_links(body) > guards.max_links():
            raise forms.ValidationError(
                _("Too many links: at most %(count)d per comment.") % {"count": guards.max_links()}
            )
        return body

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = Comment.objects.filter(
            pk=parent_id,
            article_id=self.article.pk,
            language=self.language,
            status=Status.APPROVED,
            parent__isnull=True,
        ).first()
        if parent is None:
            raise forms.ValidationError(_("The comment you are replying to is not available."))
        return parent

    def clean_token(self):
        try:
            guards.check_token(self.cleaned_data["token"], self.article.pk, self.language)
        except guards.TokenError as error:
            messages = {
                "invalid": _("This form is not valid any more. Please send your comment again."),
                "expired": _("This form has expired. Please send your comment again."),
                "too-fast": _(
                    "You sent the comment very quickly. Please wait a few seconds and send it again."
                ),
            }
            raise forms.ValidationError(messages[error.code], code=error.code) from None
        return self.cleaned_data["token"]

    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        if body:
            cleaned["fingerprint"] = guards.fingerprint(body)
            # The same text on this article, or on any article within a day (a robot's round).
            recent = timezone.now() - timedelta(days=1)
            duplicate = Comment.objects.filter(
                Q(article_id=self.article.pk) | Q(created_at__gte=recent), fingerprint=cleaned["fingerprint"]
            ).exists()
            if duplicate:
                self.add_error("body", _("This comment has already been sent."))
        return cleaned

    @property
    def is_robot(self):
        return bool(self.data.get("website"))


class ReplyForm(forms.Form):
    """The newsroom's reply in the admin (published at once, marked as the newsroom's)."""

    body = forms.CharField(label=_("Reply"), max_length=MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 5}))

    def clean_body(self):
        body = normalize(self.cleaned_data["body"]).strip()
        if not body:
            raise forms.ValidationError(_("Please write a reply."))
        return body


class EraseForm(forms.Form):
    email = forms.EmailField(label=_("Commenter's e-mail address"))
