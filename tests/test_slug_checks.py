"""Sibling slugs stay unique in every language, checked with indexed queries."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hanoi_creative.core.models import StandardPage
from tests.page_forms import standard_page_form
from tests.translation_helpers import logged_in

pytestmark = pytest.mark.django_db


def add(home, **fields):
    page = StandardPage(**fields)
    home.add_child(instance=page)
    return page


def test_a_slug_taken_in_either_language_is_refused(home):
    with pytest.raises(ValidationError) as refused:
        add(home, title_vi="Trang mới", slug_vi="chuong-trinh-hanh-dong", title_en="New", slug_en="new-page")
    assert "slug_vi" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        add(home, title_vi="Trang mới", slug_vi="trang-moi", title_en="New", slug_en="action-programme")
    assert "slug_en" in refused.value.message_dict


def test_an_untranslated_slug_falls_back_to_vietnamese_in_the_check(home):
    add(home, title_vi="Không gian", slug_vi="khong-gian")
    # The first page is reached at /en/khong-gian/ too, so a second page may not take that slug.
    with pytest.raises(ValidationError) as refused:
        add(home, title_vi="Khác", slug_vi="khac", title_en="Space", slug_en="khong-gian")
    assert "slug_en" in refused.value.message_dict


def test_saving_a_page_does_not_read_its_siblings(home):
    page = add(home, title_vi="Trang thử", slug_vi="trang-thu", title_en="Test page", slug_en="test-page")
    for number in range(30):
        add(home, title_vi=f"Trang {number}", slug_vi=f"trang-{number}")
    with CaptureQueriesContext(connection) as queries:
        page.full_clean()
    sibling_reads = [
        q["sql"]
        for q in queries.captured_queries
        if "wagtailcore_page" in q["sql"] and "LIMIT" not in q["sql"].upper()
    ]
    assert not sibling_reads, sibling_reads


def test_the_editor_reports_a_taken_english_slug_on_its_field(client, admin_user, home):
    client.force_login(admin_user)
    data = standard_page_form(
        title_vi="Trang trùng", title_en="Duplicate", slug_vi="trang-trung", slug_en="action-programme"
    )
    response = client.post(f"/admin/pages/add/core/standardpage/{home.pk}/", data)
    assert response.status_code == 200
    assert "slug_en" in response.context["form"].errors
    assert not StandardPage.objects.filter(slug_vi="trang-trung").exists()


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_empty_slug_next_to_an_abandoned_draft_gets_a_free_address(client, admin_user, home, language):
    abandoned = StandardPage(title_vi="Lễ hội đường phố", slug_vi="le-hoi-duong-pho", live=False)
    home.add_child(instance=abandoned)
    logged_in(client, admin_user, language)
    data = standard_page_form(title_vi="Lễ hội đường phố", title_en="Street festival")
    response = client.post(f"/admin/pages/add/core/standardpage/{home.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.exclude(pk=abandoned.pk).get(title_vi="Lễ hội đường phố")
    assert (page.slug_vi, page.slug_en) == ("le-hoi-duong-pho-2", "street-festival")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("vi", "Địa chỉ “le-hoi-duong-pho” đang thuộc bản nháp chưa đăng “Lễ hội đường phố”"),
        ("en", "The address “le-hoi-duong-pho” is already used by the unpublished draft “Lễ hội đường phố”"),
    ],
)
def test_a_typed_slug_held_by_a_draft_names_that_draft(client, admin_user, home, language, expected):
    home.add_child(instance=StandardPage(title_vi="Lễ hội đường phố", slug_vi="le-hoi-duong-pho", live=False))
    logged_in(client, admin_user, language)
    data = standard_page_form(title_vi="Lễ hội mới", slug_vi="le-hoi-duong-pho")
    response = client.post(f"/admin/pages/add/core/standardpage/{home.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["slug_vi"][0].startswith(expected)
    assert expected in response.content.decode()
    assert not StandardPage.objects.filter(title_vi="Lễ hội mới").exists()
