"""Response hooks for the HTTP cache in front (Varnish) and for the read replica."""

from .keys import HEADER, response_keys


class SurrogateKeyMiddleware:
    """Tags every public GET/HEAD answer with the surrogate keys of what it shows.

    Varnish stores the keys with the object (xkey) and drops the header before the visitor
    sees it; ``edge.purge`` later invalidates by those keys.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and response.status_code == 200 and HEADER not in response:
            keys = response_keys(request, response)
            if keys:
                response[HEADER] = " ".join(keys)
        return response
