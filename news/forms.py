"""The article editor's form."""

from django.db.models import Q

from hanoi_creative.core.forms import TranslatedPageForm


class ArticlePageForm(TranslatedPageForm):
    """The tag field shows each tag by its name in the admin's language, or by its Vietnamese
    name while it has no translation; a typed name is matched against both languages, so saving
    an article never creates a second tag under a name that already exists."""

    def clean_tags(self):
        from .models import Tag

        values = self.cleaned_data.get("tags") or []
        names = [value for value in values if isinstance(value, str)]
        if not names:
            return values
        existing = {}
        for tag in Tag.objects.filter(Q(name_vi__in=names) | Q(name_en__in=names)).order_by("pk"):
            for name in (tag.name_vi, tag.name_en):
                existing.setdefault(name, tag)
        return [existing.get(value, value) if isinstance(value, str) else value for value in values]
