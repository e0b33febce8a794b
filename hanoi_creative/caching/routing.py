"""Wagtail's page view, with the route of each address kept for the content generation.

Finding the page for an address walks the tree from the site's root: the site, the root page
in the active language, each level's child by its translated slug, the specific page. That is
the same for every request to the address until the content changes, so the outcome (which
page, or none) is kept like a fragment (``caching.fragments``), with the page as it was read
(with its category and photo, for an article) and its view restrictions. The live page cannot
change within a generation: publishing, unpublishing, moving or deleting it starts a new one,
and a draft saved meanwhile is not what the public sees. Previews and requests that keep
nothing route as Wagtail does.
"""

import copy

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page

from . import fragments


def _find(request, path):
    """(a copy of the page at ``path``, args, kwargs), or None.

    The copy is kept; each request serves a copy of it (``serve``), so nothing one request
    sets on its page reaches another.
    """
    found = Page.route_for_request(request, path)
    if found is None:
        return None
    page, args, kwargs = found
    return copy.copy(page), tuple(args), dict(kwargs)


def serve(request, path):
    if fragments.generation(request) is not None and not hasattr(request, "_wagtail_route_for_request"):
        found = fragments.remembered(request, "route", (path,), lambda: _find(request, path))
        if found is None:
            raise Http404
        if not hasattr(request, "_wagtail_route_for_request"):  # not routed just now
            kept, args, kwargs = found
            request._wagtail_route_for_request = (copy.copy(kept), list(args), dict(kwargs))
        page = request._wagtail_route_for_request[0]
        # Wagtail checks them on every request (two queries); a change to a restriction starts
        # a new generation like any other.
        restrictions = fragments.remembered(
            request, "view-restrictions", (page.pk,), lambda: list(page.get_view_restrictions())
        )
        page.get_view_restrictions = lambda: restrictions
    return wagtail_views.serve(request, path)
