"""What a page says in each language, as search documents.

The text comes from the page type's Wagtail ``search_fields``: ``title`` is the title, every other
``SearchField`` (and those inside ``RelatedFields``, such as a category's name) is body. Each
language is read with that language active, so modeltranslation gives that language's fields.
"""

from django.db import transaction
from django.utils import translation
from django.utils.encoding import force_str
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
                    yield field.field_name, texts


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
        with translation.override(language):
            title, body = [], []
            for field in page.get_search_fields():
                for name, texts in _field_texts(page, field):
                    (title if name == "title" else body).extend(normalize(text).strip() for text in texts)
        title_text = " ".join(t for t in title if t) or normalize(page.title)
        body_text = "\n".join(t for t in body if t)
        documents.append(
            SearchDocument(
                page_id=page.pk,
                language=language,
                title=title_text,
                body=body_text,
                title_folded=fold(title_text),
                body_folded=fold(body_text),
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
    documents = [document for page in pages for document in build_documents(page)]
    SearchDocument.objects.bulk_create(documents)
    return len(documents)


def unindex_page(page):
    SearchDocument.objects.filter(page_id=page.pk).delete()
