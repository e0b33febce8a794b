from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.static import serve

# Uploaded files and their renditions keep their names for life (a replaced image gets a new
# file name, and so new renditions): browsers may keep them as long as nginx lets them
# (deploy/nginx/hanoi-creative.conf, `expires 30d`).
MEDIA_MAX_AGE = 30 * 24 * 60 * 60


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


def serve_media(request, path):
    """``MEDIA_ROOT`` at ``/media/`` when Django serves it (``SERVE_MEDIA``, no nginx in front),
    with the same browser caching as nginx gives in production."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=MEDIA_MAX_AGE)
    return response
