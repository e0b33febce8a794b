"""Pages travel compressed: gzip when the browser accepts it, with Vary: Accept-Encoding."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/vi/", "/en/news/", "/vi/tim-kiem/?q=ha+noi"])
def test_html_is_gzipped_for_browsers_that_accept_it(client, path):
    response = client.get(path, follow=True, headers={"accept-encoding": "gzip, br"})
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    html = gzip.decompress(response.content).decode()
    assert html.lstrip().startswith("<!DOCTYPE html>")
    assert len(response.content) < len(html.encode()) / 3


def test_html_is_plain_for_clients_without_gzip(client):
    response = client.get("/vi/")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")
    assert b"<!DOCTYPE html>" in response.content
