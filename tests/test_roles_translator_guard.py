"""Translators change the English side only; the server refuses a changed Vietnamese field."""

import pytest
from wagtail.images import get_image_model
from wagtail.models import Page

from tests.newsroom_forms import image_edit_data, page_edit_data, snippet_edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client


def edit_page(client, page, data, action="action-submit"):
    return client.post(f"/admin/pages/{page.pk}/edit/", {**data, action: "1"})


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def test_unchanged_programme_page_is_accepted(translator_client, translator, programme_pages):
    """No false alarm: the demo's real StreamField content round-trips unchanged."""
    for page in programme_pages.values():
        data = page_edit_data(page, translator)
        response = edit_page(translator_client, page, data, action="action-save")
        assert response.status_code == 302, response.context["form"].errors


def test_translator_may_change_english_of_a_programme_page(translator_client, translator, programme_pages):
    page = next(iter(programme_pages.values()))
    data = page_edit_data(page, translator)
    data["title_en"] = "A better English title"
    data["intro_en"] = "A better English lead."
    response = edit_page(translator_client, page, data)
    assert response.status_code == 302
    draft = latest(page)
    assert draft.title_en == "A better English title"
    assert draft.title_vi == page.title_vi
    # Submitted for review rather than published.
    assert Page.objects.get(pk=page.pk).specific.title_en != "A better English title"


@pytest.mark.parametrize("field", ["title_vi", "intro_vi", "slug_vi", "seo_title_vi"])
def test_crafted_post_changing_vietnamese_page_field_is_refused(
    translator_client, translator, programme_pages, field
):
    page = (
        programme_pages["hanoi-creative-city-of-design"]
        if "hanoi-creative-city-of-design" in programme_pages
        else next(iter(programme_pages.values()))
    )
    revisions = page.revisions.count()
    data = page_edit_data(page, translator)
    data[field] = "Sửa trái phép"
    data["title_en"] = "Changed too"
    response = edit_page(translator_client, page, data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert page.revisions.count() == revisions
    assert latest(page).title_en != "Changed too"


def test_crafted_post_changing_vietnamese_stream_is_refused(translator_client, translator, programme_pages):
    page = next(p for p in programme_pages.values() if len(p.body_vi))
    data = page_edit_data(page, translator)
    data["body_vi-count"] = 0
    response = edit_page(translator_client, page, data)
    assert response.status_code == 200
    assert "body_vi" in response.context["form"].errors
    assert len(latest(page).body_vi) == len(page.body_vi)


def test_crafted_post_changing_vietnamese_article_lead_is_refused(
    translator_client, translator, make_article
):
    article = make_article("Hà Nội đón nhận danh hiệu", "Hanoi receives the title", live=True)
    data = page_edit_data(article, translator)
    data["lead_vi"] = "Sapo bị sửa"
    response = edit_page(translator_client, article, data)
    assert response.status_code == 200
    assert "lead_vi" in response.context["form"].errors
    assert latest(article).lead_vi == article.lead_vi


def test_translator_may_translate_an_article(translator_client, translator, make_article):
    article = make_article("Hà Nội đón nhận danh hiệu", live=True)
    data = page_edit_data(article, translator)
    data.update({"title_en": "Hanoi receives the title", "lead_en": "The English lead.", "slug_en": ""})
    response = edit_page(translator_client, article, data)
    assert response.status_code == 302
    assert latest(article).lead_en == "The English lead."


def test_crafted_post_changing_vietnamese_snippet_field_is_refused(
    translator_client, translator, newsroom_category
):
    data = snippet_edit_data(newsroom_category, translator)
    data["name_vi"] = "Tên bị sửa"
    data["name_en"] = "Changed"
    response = translator_client.post(f"/admin/snippets/news/category/edit/{newsroom_category.pk}/", data)
    assert response.status_code == 200
    assert "name_vi" in response.context["form"].errors
    newsroom_category.refresh_from_db()
    assert newsroom_category.name_vi != "Tên bị sửa"
    assert newsroom_category.name_en != "Changed"


def test_translator_may_translate_a_snippet(translator_client, translator, newsroom_category):
    data = snippet_edit_data(newsroom_category, translator)
    data["name_en"] = "Culture and arts"
    data["description_en"] = "Culture news in English."
    response = translator_client.post(f"/admin/snippets/news/category/edit/{newsroom_category.pk}/", data)
    assert response.status_code == 302
    newsroom_category.refresh_from_db()
    assert newsroom_category.name_en == "Culture and arts"


def test_crafted_post_changing_vietnamese_alt_text_is_refused(translator_client, translator):
    image = get_image_model().objects.first()
    data = image_edit_data(image, translator)
    data["description_vi"] = "Mô tả bị sửa"
    response = translator_client.post(f"/admin/images/{image.pk}/", data)
    assert response.status_code == 200
    assert "description_vi" in response.context["form"].errors
    image.refresh_from_db()
    assert image.description_vi != "Mô tả bị sửa"


def test_translator_may_translate_alt_text(translator_client, translator):
    image = get_image_model().objects.first()
    data = image_edit_data(image, translator)
    data["description_en"] = "A new English description"
    response = translator_client.post(f"/admin/images/{image.pk}/", data)
    assert response.status_code == 302
    image.refresh_from_db()
    assert image.description_en == "A new English description"


def test_editor_may_change_vietnamese(client, editor, programme_pages):
    client.force_login(editor)
    page = next(iter(programme_pages.values()))
    data = page_edit_data(page, editor)
    data["title_vi"] = "Tiêu đề mới"
    response = edit_page(client, page, data, action="action-save")
    assert response.status_code == 302
    assert latest(page).title_vi == "Tiêu đề mới"
