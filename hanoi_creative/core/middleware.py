import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware

_LANGUAGE_LIKE_PREFIX = re.compile(r"^/([a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that an unknown language prefix stays a 404.

    Django would redirect ``/fr/`` to ``/vi/fr/`` because Wagtail's catch-all pattern accepts
    any path; a language the site does not have deserves a plain "page not found" instead.
    """

    def process_response(self, request, response):
        if response.status_code == 404:
            match = _LANGUAGE_LIKE_PREFIX.match(request.path_info)
            known = {code for code, _name in settings.LANGUAGES}
            if match and match.group(1).lower() not in known:
                response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
                return response
        return super().process_response(request, response)
