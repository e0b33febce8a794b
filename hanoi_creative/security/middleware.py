"""Response headers, the CSP per area, method refusals and outage answers.

Order in settings (base.py's hardening block): MethodGuardMiddleware first; the header
middleware right after Django's SecurityMiddleware; DatabaseOutageMiddleware late, so that a
page cache placed before it still answers from its copies while the database is down.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .outage import is_database_outage, outage_response
from .storage import StorageUnavailable

REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE"]
ADMIN_PREFIX = "/admin/"


class MethodGuardMiddleware:
    """TRACE (and TRACK, CONNECT) get 405; a HEAD answer carries headers but no body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED_METHODS)
        response = self.get_response(request)
        if request.method == "HEAD":
            if response.streaming:
                close = getattr(response, "close", None)
                response.streaming_content = []
                if close:
                    close()
            elif response.content:
                length = len(response.content)
                response.content = b""
                response["Content-Length"] = str(length)
        return response


class SecurityHeadersMiddleware:
    """Headers Django does not set itself: Cross-Origin-Resource-Policy, Permissions-Policy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict public one, and the admin's under /admin/.

    Wagtail renders a preview by sending a request for the page's public path through the
    middleware (``is_preview`` set); the answer is shown in the editor's frame, so it takes the
    admin's policy (``frame-ancestors 'self'``) rather than the public ``'none'``."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        in_admin = request.path_info.startswith(ADMIN_PREFIX) or getattr(request, "is_preview", False)
        if not report_only and parts.config is None and in_admin:
            return PolicyParts(
                settings.ADMIN_CONTENT_SECURITY_POLICY, parts.update, parts.replace, parts.nonce
            )
        return parts


class DatabaseOutageMiddleware:
    """A view that fails on an unreachable database answers 503 (see outage.py); failures in
    other middleware reach the same answer through the 500 handler."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if getattr(request, "reads_from_replica", False):
            return None  # the read-replica router retries the request on the primary
        if is_database_outage(exception):
            return outage_response(request, exception)
        return None


class UploadStorageErrorMiddleware:
    """An upload that could not be written (disk full, read-only media) becomes a message in the
    editor's language: JSON for the multiple uploader, the form again for the others."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, StorageUnavailable) or not request.path_info.startswith(ADMIN_PREFIX):
            return None
        message = _(
            "The file could not be saved: the server's storage is full or read-only. Nothing was uploaded."
        )
        if "/multiple/" in request.path_info:
            return JsonResponse({"success": False, "error_message": message})
        messages.error(request, message)
        return HttpResponseRedirect(request.get_full_path())


class SuperuserOTPMiddleware:
    """With OTP_REQUIRED_FOR_SUPERUSERS, a superuser whose session was not verified with a
    two-factor code is signed out of the admin and sent back to the sign-in form."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            settings.OTP_REQUIRED_FOR_SUPERUSERS
            and request.path_info.startswith(ADMIN_PREFIX)
            and user is not None
            and user.is_authenticated
            and user.is_superuser
            and not user.is_verified()
        ):
            logout(request)
            messages.error(request, _("Administrators must sign in with a two-factor code."))
            return HttpResponseRedirect(reverse("wagtailadmin_login"))
        return self.get_response(request)
