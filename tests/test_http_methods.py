"""Methods and health checks: TRACE refused, HEAD without a body, /healthz and /readyz."""

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory

from hanoi_creative.security.middleware import MethodGuardMiddleware
from tests.news_helpers import url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/vi/", "/sitemap.xml", "feed", "/robots.txt", "/admin/login/"])
@pytest.mark.parametrize("method", ["TRACE", "TRACK"])
def test_trace_is_refused_everywhere(client, address, method):
    if address == "feed":
        address = url("news:feed", "vi", format="rss")
    response = client.generic(method, address)
    assert response.status_code == 405
    assert "TRACE" not in response["Allow"]


def test_head_answers_carry_no_body():
    middleware = MethodGuardMiddleware(lambda request: HttpResponse(b"<p>page</p>"))
    response = middleware(RequestFactory().head("/vi/"))
    assert response.content == b""
    assert response["Content-Length"] == str(len(b"<p>page</p>"))
    streaming = MethodGuardMiddleware(lambda request: StreamingHttpResponse(iter([b"a", b"b"])))
    assert b"".join(streaming(RequestFactory().head("/x")).streaming_content) == b""
    assert (
        MethodGuardMiddleware(lambda request: HttpResponse(b"x"))(RequestFactory().get("/")).content == b"x"
    )


def test_healthz_and_readyz_answer_json_and_are_never_cached(client):
    for address in ("/healthz", "/readyz"):
        response = client.get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert "no-store" in response["Cache-Control"]
    assert client.get("/readyz").json() == {"status": "ok", "checks": {"database": True, "cache": True}}
