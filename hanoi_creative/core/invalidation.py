"""One signal for "what the public sees has changed".

Wagtail's own signals (``page_published``, ``page_unpublished``, ``post_page_move``, deletes)
cover page changes. Anything else that changes public output (a comment approved, a snippet
edited, a translation import that touches many objects at once) sends ``content_changed``, and
every cache layer (the page cache, front-end purges) listens to this one signal instead of to
each feature.
"""

from django.dispatch import Signal

# Keyword arguments: ``pages`` (a list of Page instances whose public output changed, may be
# empty) and ``objects`` (other model instances whose public output changed: snippets,
# comments, images; may be empty).
content_changed = Signal()


def notify(pages=(), objects=()):
    """Tell every cache layer that these pages and objects changed what the public sees."""
    content_changed.send(sender=None, pages=list(pages), objects=list(objects))
