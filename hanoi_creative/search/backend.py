"""A Wagtail search backend that keeps the site search's per-language documents.

Listed in ``WAGTAILSEARCH_BACKENDS`` next to Wagtail's default backend, it receives what Wagtail
sends every backend: each save of an indexed object (through Wagtail's signal handlers), each
deletion, and full rebuilds from ``manage.py update_index``. It indexes pages only; other indexed
models (images, documents, snippets) stay with the default backend, which the admin searches.

Searching goes through ``hanoi_creative.search.query``, which ranks per language and applies the
public-visibility rule; Wagtail's generic ``.search()`` API is not offered here.
"""

from modelsearch.backends.base import BaseIndex, BaseSearchBackend
from wagtail.models import Page

from .documents import index_pages, is_indexable, unindex_page
from .models import SearchDocument


class SiteSearchIndex(BaseIndex):
    def get_key(self):
        return "site_search"

    def reset(self):
        SearchDocument.objects.all().delete()

    def add_items(self, model, items):
        if is_indexable(model):
            index_pages(items)

    def delete_item(self, item):
        if isinstance(item, Page):
            unindex_page(item)


class SiteSearchRebuilder:
    def __init__(self, index):
        self.index = index

    def start(self):
        self.index.reset()
        return self.index

    def finish(self):
        pass


class SiteSearchBackend(BaseSearchBackend):
    index_class = SiteSearchIndex
    rebuilder_class = SiteSearchRebuilder
    # The tables this backend fills, for maintenance after bulk loads (news.generate.analyze).
    document_models = (SearchDocument,)

    def search(self, *args, **kwargs):
        raise NotImplementedError("Use hanoi_creative.search.query.search_pages for site search.")

    autocomplete = search


SearchBackend = SiteSearchBackend
