"""Wagtail's page view, with the route of each address kept for the content generation.

Finding the page for an address walks the tree from the site's root: the site, the root page
in the active language, each level's child by its translated slug, the specific page. That is
the same for every request to the address until the content changes, so the outcome (which
page, or none) is kept like a fragment (``caching.fragments``) and the page itself is read in
one query by its primary key, its view restrictions kept the same way. Previews and requests
that keep nothing route as Wagtail does.
"""

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page

from . import fragments


def _find(request, path):
    """(model, primary key, args, kwargs) of the page at ``path``, or None."""
    found = Page.route_for_request(request, path)
    if found is None:
        return None
    page, args, kwargs = found
    return type(page), page.pk, tuple(args), dict(kwargs)


def _load(model, pk):
    manager = model._default_manager
    related = getattr(model, "route_select_related", ())
    try:
        return (manager.select_related(*related) if related else manager).get(pk=pk)
    except model.DoesNotExist:
        # Deleted after the route was kept: the next generation will not have it.
        raise Http404 from None


def serve(request, path):
    if fragments.generation(request) is not None and not hasattr(request, "_wagtail_route_for_request"):
        found = fragments.remembered(request, "route", (path,), lambda: _find(request, path))
        if found is None:
            raise Http404
        if hasattr(request, "_wagtail_route_for_request"):  # routed just now
            page = request._wagtail_route_for_request[0]
        else:
            model, pk, args, kwargs = found
            page = _load(model, pk)
            request._wagtail_route_for_request = (page, list(args), dict(kwargs))
        # Wagtail checks them on every request (two queries); a change to a restriction starts
        # a new generation like any other.
        restrictions = fragments.remembered(
            request, "view-restrictions", (page.pk,), lambda: list(page.get_view_restrictions())
        )
        page.get_view_restrictions = lambda: restrictions
    return wagtail_views.serve(request, path)
