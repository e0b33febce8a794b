"""Response hooks for the HTTP cache in front (Varnish) and for the read replica."""

from .keys import HEADER, MISSING, response_keys


class SurrogateKeyMiddleware:
    """Tags every public GET/HEAD answer with the surrogate keys of what it shows.

    Varnish stores the keys with the object (xkey) and drops the header before the visitor
    sees it; ``edge.purge`` later invalidates by those keys.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or HEADER in response:
            return response
        if response.status_code == 200:
            keys = response_keys(request, response)
            if keys:
                response[HEADER] = " ".join(keys)
        elif response.status_code == 404:
            # Publishing or moving a page can give any missing address a page.
            response[HEADER] = MISSING
        return response
