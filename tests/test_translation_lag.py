"""Readers see the language state: an English page whose Vietnamese changed since it was
translated says so (date of the English, link to the original), the switcher marks English,
one query per page, and the notice follows the page cache's invalidation."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.test_page_cache import page_cache  # noqa: F401 - fixture
from tests.test_translation_exchange import outdated_article
from tests.translation_helpers import desk_form, logged_in

pytestmark = pytest.mark.django_db
NOTICE = re.compile(r'<div class="outdated-notice" role="note">(.*?)</div>', re.S)


def notice(response):
    found = NOTICE.search(response.content.decode())
    return found.group(1) if found else None


def switcher(response):
    return response.content.decode().split('class="language-switcher"')[1].split("</nav>")[0]


@pytest.fixture
def lagging(make_article):
    article = make_article("Bài viết về thiết kế", "An article about design", live=True)
    article.title_vi = "Bài viết về thiết kế đô thị"
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_english_page_says_it_is_older_than_the_vietnamese(client, lagging):
    response = client.get(lagging.url_in("en"))
    assert response.status_code == 200
    text = notice(response)
    assert text is not None
    assert f'href="{lagging.url_in("vi")}"' in text and 'hreflang="vi"' in text
    date = timezone.localtime(lagging.first_published_at)
    assert f"{date.day} {date.strftime('%B')} {date.year}" in text
    assert "language-switcher__lag" in switcher(response)


def test_vietnamese_page_marks_english_in_the_switcher_only(client, lagging):
    response = client.get(lagging.url_in("vi"))
    assert notice(response) is None
    links = switcher(response)
    assert "language-switcher__outdated" in links and "(cần cập nhật)" in links


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_editors_desk_save_ends_the_notice(client, editor, language):
    item, article = outdated_article()  # the demo's article whose Vietnamese gained a sentence
    assert notice(client.get(article.url_in("en"))) is not None
    admin = logged_in(client, editor, language)
    form = desk_form(admin, item, lambda unit: None)
    response = admin.post(reverse("translations:item", args=[item.pk]), form)
    assert response.status_code == 302
    client.logout()
    assert notice(client.get(article.url_in("en"))) is None


def test_up_to_date_and_untranslated_pages_have_no_lag_notice(client, make_article):
    done = make_article("Một bài đã dịch", "A translated article", live=True)
    missing = make_article("Một bài chưa dịch", live=True)
    assert notice(client.get(done.url_in("en"))) is None
    response = client.get(missing.url_in("en"))
    assert notice(response) is None and "untranslated-notice" in response.content.decode()


def test_a_vietnamese_draft_does_not_make_the_public_english_outdated(client, make_article):
    article = make_article("Bản gốc", "The original", live=True)
    article.title_vi = "Bản gốc đã sửa trong bản nháp"
    article.save_revision()
    assert notice(client.get(article.url_in("en"))) is None


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_language_state_costs_one_query(client, lagging, language):
    client.get(lagging.url_in(language))
    with CaptureQueriesContext(connection) as queries:
        client.get(lagging.url_in(language))
    desk = [q["sql"] for q in queries.captured_queries if "translations_fieldtranslation" in q["sql"]]
    assert len(desk) == 1


def test_confirming_the_english_refreshes_cached_pages(client, lagging, page_cache, commit):  # noqa: F811
    url = lagging.url_in("en")
    client.get(url)
    cached = client.get(url)
    assert cached["X-Cache"] == "hit" and notice(cached) is not None
    from hanoi_creative.translations import exchange
    from hanoi_creative.translations.registry import item_key

    units = [
        exchange.ImportedUnit(
            key=item_key(lagging), path=name, source=None, target=value, confirmed=True, where=name
        )
        for name, value in (("title", lagging.title_en), ("lead", lagging.lead_en))
    ]
    with commit():
        exchange.import_units(units, confirm_all=True)
    fresh = client.get(url)
    assert fresh["X-Cache"] == "miss"
    assert notice(fresh) is None


def test_publishing_new_vietnamese_refreshes_cached_english(client, make_article, page_cache, commit):  # noqa: F811
    article = make_article("Tin gốc", "Original news", live=True)
    url = article.url_in("en")
    client.get(url)
    assert notice(client.get(url)) is None
    with commit():
        article.title_vi = "Tin gốc đã cập nhật"
        article.save_revision().publish()
    response = client.get(url)
    assert response["X-Cache"] == "miss" and notice(response) is not None
