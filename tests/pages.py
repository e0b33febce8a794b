"""Programme pages built the way the editor builds them, for tests in any area."""

from hanoi_creative.core.models import StandardPage


def make_page(parent, title_vi, title_en="", live=True, **fields):
    """A programme page (StandardPage) under ``parent``, published unless ``live=False``."""
    page = StandardPage(title_vi=title_vi, title_en=title_en, **fields)
    parent.add_child(instance=page)
    if live:
        page.save_revision().publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page
