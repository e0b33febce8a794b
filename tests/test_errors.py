"""Unknown pages and languages get the site's own 404 page in the visitor's language."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path,language,text",
    [
        ("/vi/khong-co-trang-nay/", "vi", "Không tìm thấy trang"),
        ("/en/no-such-page/", "en", "Page not found"),
        ("/vi/chuong-trinh-hanh-dong/khong-co/", "vi", "Không tìm thấy trang"),
        ("/en/action-programme/nothing-here/", "en", "Page not found"),
    ],
)
def test_unknown_page_is_a_404_in_the_pages_language(client, path, language, text):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html
    assert "Traceback" not in html


@pytest.mark.parametrize("path", ["/fr/", "/fr/anything/", "/de-at/", "/zz/chuong-trinh-hanh-dong/"])
def test_unknown_language_prefix_is_a_404_in_the_visitors_language(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_unprefixed_path_redirects_to_the_visitors_language(client):
    response = client.get("/chuong-trinh-hanh-dong/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 302
    assert response["Location"] == "/vi/chuong-trinh-hanh-dong/"


@override_settings(DEBUG=False)
def test_404_is_never_the_debug_page(client):
    html = client.get("/en/missing/").content.decode()
    assert "Using the URLconf" not in html and "technical_404" not in html


@pytest.mark.parametrize("language,text", [("vi", "Đã xảy ra lỗi"), ("en", "Something went wrong")])
def test_500_page_exists_in_both_languages(rf, language, text):
    from django.utils import translation

    from hanoi_creative.core.views import server_error

    request = rf.get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html


def test_admin_lives_at_admin(client, admin_user):
    assert reverse("wagtailadmin_home") == "/admin/"
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
