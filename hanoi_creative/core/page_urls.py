"""Page URLs worked out from stored URL paths, for long lists of pages (the sitemap).

``Page.get_url_parts`` turns a page's ``url_path`` in the active language into its URL: it
fetches the sites' root paths (from the cache, once per fresh page instance) and reverses
Wagtail's serving URL. Per page and language that costs about a millisecond; a sitemap file of
thousands of URLs then takes seconds. ``PageURLs`` does the per-language part once (the root
paths, the language's URL prefix) and joins each page's stored path onto it. It reads rows of
``values()`` holding only the URL path columns, so a long list needs no page instances.

It gives what ``get_url_parts`` and ``get_url`` (without a request) give, including
modeltranslation's fallback to the Vietnamese path where a page has none in the language. A
path with characters that ``reverse`` would quote or refuse goes through ``reverse`` itself.
Every page type of the site keeps Wagtail's ``get_url_parts`` (a test checks it), which is
what makes the shortcut exact.
"""

import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail.models import Page

# Path segments a plain join reproduces exactly: ``reverse`` neither quotes nor refuses them.
_PLAIN_TAIL = re.compile(r"(?:[A-Za-z0-9_-]+/)*")


def url_path_columns():
    """The columns ``PageURLs`` reads: the URL path in each language."""
    return [build_localized_fieldname("url_path", code) for code, _name in settings.LANGUAGES]


class PageURLs:
    """URLs of pages in one ``language``, from rows that hold ``url_path_columns()``."""

    def __init__(self, language):
        self.language = language
        descriptor = Page.__dict__["url_path"]  # modeltranslation's, with its fallback order
        self._columns = [
            build_localized_fieldname("url_path", code)
            for code in resolution_order(language, descriptor.fallback_languages)
        ]
        with translation.override(language):
            # The same (cached) list get_url_parts reads, most specific root first.
            self._roots = Page()._get_site_root_paths()
            self._prefix = reverse("wagtail_serve", args=("",))
        self._several_sites = len({root.site_id for root in self._roots}) > 1
        self._append_slash = getattr(settings, "WAGTAIL_APPEND_SLASH", True)

    def url_path(self, row):
        """The page's ``url_path`` in this language, as modeltranslation's field gives it."""
        for column in self._columns:
            value = row[column]
            if value is not None and value != "":
                return value
        return ""

    def parts(self, row):
        """``(site_id, root_url, path)`` as ``Page.get_url_parts()`` gives them, or None."""
        url_path = self.url_path(row)
        root = next((root for root in self._roots if url_path.startswith(root.root_path)), None)
        if root is None:
            return None
        tail = url_path[len(root.root_path) :]
        if _PLAIN_TAIL.fullmatch(tail):
            path = self._prefix + tail
        else:
            try:
                with translation.override(self.language):
                    path = reverse("wagtail_serve", args=(tail,))
            except NoReverseMatch:
                return (root.site_id, None, None)
        if not self._append_slash and path != "/":
            path = path.rstrip("/")
        return (root.site_id, root.root_url, path)

    def url(self, row):
        """What ``Page.get_url()`` gives without a request: the path on a single site, the
        full URL when there are several; None for a page no site serves."""
        parts = self.parts(row)
        if parts is None or parts[2] is None:
            return None
        _site_id, root_url, path = parts
        return root_url + path if self._several_sites else path
