from django import forms
from django.utils.translation import gettext_lazy as _

from .text import MAX_QUERY_LENGTH, normalize


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        # Length is checked in clean_q rather than with max_length, so the message is ours.
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "enterkeyhint": "search"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Django refuses NUL characters before clean_q runs; a stray NUL is not worth an error.
        self.fields["q"].validators = []

    def clean_q(self):
        query = normalize(self.cleaned_data.get("q", "")).strip()
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Please shorten your search to %(limit)d characters or fewer."),
                code="max_length",
                params={"limit": MAX_QUERY_LENGTH},
            )
        return query
