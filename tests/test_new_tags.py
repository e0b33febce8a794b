"""A tag, category or author typed in the admin gets its Vietnamese name and slug.

Vietnamese is the source language whatever the admin's language: a new tag typed in the
article editor's tag field, in an English admin, used to be saved with only an English name
and an empty Vietnamese slug, and every page linking to it answered 500.
"""

import pytest
from django.utils import translation

from news.models import ArticlePage, Author, Category, NewsIndexPage, Tag
from tests.news_helpers import url
from tests.newsroom_forms import page_create_data, page_edit_data
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


def publish_article_with_new_tag(client, user, admin_language, tag_text):
    logged_in(client, user, admin_language)
    index = NewsIndexPage.objects.get()
    data = page_create_data(
        ArticlePage,
        index,
        user,
        title_vi="Lễ hội thiết kế sáng tạo",
        title_en="Creative design festival",
        lead_vi="Sapo lễ hội.",
        lead_en="Festival lead.",
        category=Category.objects.first().pk,
        tags=tag_text,
        **{"action-publish": "publish"},
    )
    response = client.post(f"/admin/pages/add/news/articlepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return ArticlePage.objects.get(title_vi="Lễ hội thiết kế sáng tạo")


@pytest.mark.parametrize("admin_language", ["vi", "en"])
def test_tag_typed_in_the_editor_gets_a_vietnamese_name_and_slug(client, admin_user, admin_language):
    article = publish_article_with_new_tag(client, admin_user, admin_language, '"Lễ hội"')
    tag = Tag.objects.get(tagged_articles__content_object=article)
    assert tag.name_vi == "Lễ hội"
    assert tag.slug_vi == "le-hoi"
    assert not tag.name_en  # waits for a translator
    assert tag.slug_en == "le-hoi"  # borrowed, so the tag has an English address too
    client.logout()
    for language, title in (("vi", "Lễ hội thiết kế sáng tạo"), ("en", "Creative design festival")):
        assert client.get(article.url_in(language)).status_code == 200, language
        response = client.get(url("news:tag", language, slug="le-hoi"))
        assert response.status_code == 200, language
        assert title in response.content.decode()


@pytest.mark.parametrize("admin_language", ["vi", "en"])
def test_new_tag_is_listed_by_its_vietnamese_name_in_the_admin(client, admin_user, admin_language):
    article = publish_article_with_new_tag(client, admin_user, admin_language, '"Lễ hội"')
    tag = Tag.objects.get(tagged_articles__content_object=article)
    html = client.get(f"/admin/snippets/news/tag/edit/{tag.pk}/").content.decode()
    assert "Lễ hội" in html
    assert "Tag object" not in html


@pytest.mark.parametrize(
    ("model", "fields"),
    [(Tag, {"name": "Ẩm thực"}), (Category, {"name": "Ẩm thực"}), (Author, {"name": "Ẩm thực"})],
)
def test_objects_created_in_english_keep_the_text_as_vietnamese(model, fields):
    with translation.override("en"):
        obj = model.objects.create(**fields)
    obj.refresh_from_db()
    assert obj.name_vi == "Ẩm thực"
    if hasattr(obj, "slug_vi"):
        assert obj.slug_vi == "am-thuc"


def test_a_tag_without_any_slug_is_shown_without_a_link(client, article_factory):
    tag = Tag.objects.create(name_vi="Không địa chỉ")
    Tag.objects.filter(pk=tag.pk).update(slug_vi="", slug_en=None)  # as older databases hold it
    article = article_factory(tags=[tag])
    for language in ("vi", "en"):
        response = client.get(article.url_in(language))
        assert response.status_code == 200
        assert "Không địa chỉ" in response.content.decode()


@pytest.mark.parametrize("admin_language", ["vi", "en"])
def test_saving_again_keeps_a_tag_whose_name_is_not_translated(client, admin_user, admin_language):
    """The tag field shows an untranslated tag by its Vietnamese name in an English admin; saving
    the article again used to create a second "Lễ hội" tag and answer 500 (unique name)."""
    article = publish_article_with_new_tag(client, admin_user, admin_language, '"Lễ hội", "Di sản"')
    existing = set(Tag.objects.values_list("pk", flat=True))
    with translation.override(admin_language):
        data = page_edit_data(article, admin_user)
    assert "Lễ hội" in data["tags"]
    data["lead_vi"] = "Sapo lễ hội, sửa lại."
    data["action-publish"] = "publish"
    response = client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    article.refresh_from_db()
    assert article.lead_vi == "Sapo lễ hội, sửa lại."
    assert set(Tag.objects.values_list("pk", flat=True)) == existing
    assert sorted(article.tags.values_list("name_vi", flat=True)) == ["Di sản", "Lễ hội"]
