from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache


@never_cache
def root_redirect(request):
    """Send ``/`` to the visitor's language: cookie, then Accept-Language, then Vietnamese."""
    language = translation.get_language_from_request(request, check_path=False)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def server_error(request):
    # Rendered with the request so the page speaks the visitor's language, but without
    # anything that touches the database, which may be what failed.
    return render(request, "500.html", status=500)
