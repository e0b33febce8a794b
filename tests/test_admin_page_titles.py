"""The admin's page lists show each title in the admin's language, whichever language the page's
last editor used (Wagtail's own ``draft_title`` holds that one)."""

import pytest

from hanoi_creative.core.models import StandardPage
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


def _listing(client, user, language, parent):
    logged_in(client, user, language)
    response = client.get(f"/admin/pages/{parent.pk}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def pages(home):
    translated = StandardPage(
        title_vi="Không gian sáng tạo", title_en="Creative spaces", slug_vi="khong-gian"
    )
    home.add_child(instance=translated)
    # As an English-speaking editor leaves it: Wagtail stores the English title as draft_title.
    StandardPage.objects.filter(pk=translated.pk).update(draft_title="Creative spaces")
    untranslated = StandardPage(title_vi="Làng nghề truyền thống", slug_vi="lang-nghe")
    home.add_child(instance=untranslated)
    return translated, untranslated


def test_the_vietnamese_admin_lists_vietnamese_titles(client, admin_user, home, pages):
    html = _listing(client, admin_user, "vi", home)
    assert "Không gian sáng tạo" in html and "Creative spaces" not in html
    assert "Làng nghề truyền thống" in html


def test_the_english_admin_lists_english_titles_and_vietnamese_where_untranslated(
    client, admin_user, home, pages
):
    translated, _untranslated = pages
    StandardPage.objects.filter(pk=translated.pk).update(draft_title="Không gian sáng tạo")
    html = _listing(client, admin_user, "en", home)
    assert "Creative spaces" in html and "Không gian sáng tạo" not in html
    assert "Làng nghề truyền thống" in html


def test_a_draft_with_a_new_title_shows_that_title(client, admin_user, home, pages):
    translated, _untranslated = pages
    translated.title_vi = "Không gian sáng tạo mới"
    translated.save_revision(user=admin_user)
    assert "Không gian sáng tạo mới" in _listing(client, admin_user, "en", home)
