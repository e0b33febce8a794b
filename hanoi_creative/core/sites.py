"""The site a request is for, looked up once per request."""

from wagtail.models import Site


def site_root(request):
    """The home page (specific) of the request's site, or None; cached on the request."""
    if request is None:
        return None
    if not hasattr(request, "_site_root_page"):
        site = Site.find_for_request(request)
        request._site_root_page = site.root_page.specific if site else None
    return request._site_root_page
