"""What a page says in each language, as search documents.

The text comes from the page type's Wagtail ``search_fields``: ``title`` is the title, the
``SearchField``s inside ``RelatedFields`` (an article's category, tag and author names) are
keywords, every other ``SearchField`` is body. Keywords are kept apart from the body so they rank
below the title and never end up in a result's snippet.

Each language is read with that language active and modeltranslation's fallback switched off, so
a document holds only its own language's text: a tag without an English name adds nothing to the
English document rather than its Vietnamese name.
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils import translation
from django.utils.encoding import force_str
from modeltranslation.utils import fallbacks
from wagtail.models import Page
from wagtail.search import index

from hanoi_creative.core.models import language_codes

from .models import SearchDocument
from .text import fold, normalize


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    return [force_str(value)]


def _is_language_copy(obj, name):
    """wagtail-modeltranslation adds ``title_vi``, ``intro_en``... to ``search_fields``; reading
    them would put every language into every document, so only the base field is read."""
    for code in language_codes():
        suffix = f"_{code}"
        if name.endswith(suffix) and hasattr(type(obj), name[: -len(suffix)]):
            return True
    return False


def _field_texts(obj, field):
    if _is_language_copy(obj, field.field_name):
        return
    if isinstance(field, index.SearchField):
        yield field.field_name, _flatten(field.get_value(obj))
    elif isinstance(field, index.RelatedFields):
        related = field.get_value(obj)
        if related is None:
            return
        if hasattr(related, "all"):
            related = related.all()
        elif callable(related):
            related = [related()]
        else:
            related = [related]
        for item in related:
            for sub_field in field.fields:
                for _name, texts in _field_texts(item, sub_field):
                    yield KEYWORDS, texts


# What _field_texts calls text read through a relation; no model field can have this name.
KEYWORDS = "<related>"


def prefetch_related_texts(pages):
    """Fetch what the pages' ``RelatedFields`` read in a few queries per page type, not per page.

    Relations already loaded (``select_related``, an earlier prefetch) are not fetched again.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, group in by_model.items():
        names = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.RelatedFields) and not _is_language_copy(group[0], field.field_name)
        ]
        if names:
            prefetch_related_objects(group, *names)


def page_date(page):
    """The date a reader would give the page: an article's publication date, else first publication."""
    return getattr(page, "publication_date", None) or page.first_published_at


def page_translated_languages(page):
    if hasattr(page, "translated_languages"):
        return page.translated_languages()
    return [language_codes()[0]]


def build_documents(page):
    """Unsaved SearchDocuments for ``page`` (specific), one per language it is translated into."""
    documents = []
    for language in page_translated_languages(page):
        with translation.override(language), fallbacks(False):
            parts = {"title": [], "body": [], KEYWORDS: []}
            for field in page.get_search_fields():
                for name, texts in _field_texts(page, field):
                    parts.get(name, parts["body"]).extend(normalize(text).strip() for text in texts)
            title_text = " ".join(t for t in parts["title"] if t) or normalize(page.title)
        body_text = "\n".join(t for t in parts["body"] if t)
        # A name shared by a tag and the category, or by two authors, is one keyword.
        keywords_text = "\n".join(dict.fromkeys(t for t in parts[KEYWORDS] if t))
        documents.append(
            SearchDocument(
                page_id=page.pk,
                language=language,
                title=title_text,
                body=body_text,
                title_folded=fold(title_text),
                body_folded=fold(body_text),
                keywords=keywords_text,
                keywords_folded=fold(keywords_text),
                date=page_date(page),
            )
        )
    return documents


def is_indexable(model):
    return issubclass(model, Page) and model is not Page and not model._meta.abstract


@transaction.atomic
def index_pages(pages):
    """Replace the documents of ``pages`` (specific instances) with fresh ones."""
    pages = [page for page in pages if is_indexable(type(page))]
    if not pages:
        return 0
    SearchDocument.objects.filter(page_id__in=[page.pk for page in pages]).delete()
    prefetch_related_texts(pages)
    documents = [document for page in pages for document in build_documents(page)]
    SearchDocument.objects.bulk_create(documents)
    return len(documents)


def unindex_page(page):
    SearchDocument.objects.filter(page_id=page.pk).delete()
