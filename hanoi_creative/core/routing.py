"""Child-page lookup by the active language's slug in one indexed query.

wagtail-modeltranslation's ``route()`` loads every child of a page and compares slugs in
Python, which grows with the number of articles in a section. This lookup asks the database
for the one child whose slug in the active language matches (falling back to the Vietnamese
slug where the page has no slug of its own in that language).
"""

from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .slugs import slug_condition
from .visibility import is_published


def child_by_slug(parent, slug):
    child = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .filter(slug_condition(slug))
        .select_related("content_type")
        .first()
    )
    if child is None:
        raise Http404
    return child.specific


def indexed_route(self, request, path_components):
    if path_components:
        child = child_by_slug(self, path_components[0])
        return child.route(request, path_components[1:])
    # Live is not enough: until ``publish_scheduled`` runs, an expired page is still live.
    # A view restriction is Wagtail's to answer (a login form), and an untranslated page is
    # shown with a notice, so only the publication part of the rule applies here.
    if is_published(self):
        return RouteResult(self)
    raise Http404
