"""The admin speaks the editor's language, and its date inputs take Vietnamese dates."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail.users.models import UserProfile

from tests.newsroom_forms import page_edit_data

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def test_vietnamese_editor_gets_the_admin_in_vietnamese(client, editor):
    prefer(editor, "vi")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="vi"' in html
    assert "Trang tổng quan" in html  # "Dashboard"
    assert "Awaiting my review" not in html
    assert "Chờ tôi duyệt" in html


def test_english_editor_gets_the_admin_in_english(client, editor):
    prefer(editor, "en")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert '<html lang="en"' in html
    assert "Dashboard" in html
    assert "Awaiting my review" in html


def test_both_languages_are_offered_in_the_account_settings():
    from django.conf import settings

    assert dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES).keys() == {"vi", "en"}


def save_article_date(client, user, article, value):
    client.force_login(user)
    data = page_edit_data(article, user)
    data["publication_date"] = value
    response = client.post(f"/admin/pages/{article.pk}/edit/", {**data, "action-save": "1"})
    assert response.status_code == 302, response.context["form"].errors
    article.refresh_from_db()
    return article.get_latest_revision_as_object().publication_date


@pytest.mark.parametrize("language", ["vi", "en"])
def test_date_input_takes_day_first_date_and_time(client, editor, make_article, language):
    prefer(editor, language)
    saved = save_article_date(client, editor, make_article("Ngày giờ"), "31/10/2019 14:30")
    assert saved == datetime(2019, 10, 31, 14, 30, tzinfo=HANOI)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_date_input_takes_a_day_first_date_alone(client, editor, make_article, language):
    prefer(editor, language)
    saved = save_article_date(client, editor, make_article("Chỉ ngày"), "31/10/2019")
    assert saved == datetime(2019, 10, 31, 0, 0, tzinfo=HANOI)


def test_day_first_is_not_misread_as_month_first(client, editor, make_article):
    prefer(editor, "vi")
    saved = save_article_date(client, editor, make_article("Ngày mùng một"), "01/02/2019 08:00")
    assert (saved.day, saved.month) == (1, 2)


def test_date_widget_shows_and_picks_day_first(client, editor, make_article):
    prefer(editor, "vi")
    article = make_article("Hiển thị ngày")
    article.publication_date = datetime(2019, 10, 31, 14, 30, tzinfo=HANOI)
    article.save_revision()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'value="31/10/2019 14:30"' in html
    # The picker's own format (PHP-style) matches, so picking a date writes day first too.
    assert "d/m/Y H:i" in html


def test_a_nonsense_date_is_a_form_error_not_a_crash(client, editor, make_article):
    prefer(editor, "vi")
    article = make_article("Ngày sai")
    client.force_login(editor)
    data = page_edit_data(article, editor)
    data["publication_date"] = "31/13/2019 25:61"
    response = client.post(f"/admin/pages/{article.pk}/edit/", {**data, "action-save": "1"})
    assert response.status_code == 200
    assert "publication_date" in response.context["form"].errors
