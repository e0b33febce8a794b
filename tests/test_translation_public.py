"""Untranslated content in public: never posing as English."""

import re

import pytest

from hanoi_creative.translations.models import Status, TranslatableItem


def untranslated_article():
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    return item.get_object()


def translated_article():
    from news.models import ArticlePage

    return ArticlePage.objects.live().exclude(title_en="").first()


@pytest.mark.django_db
def test_english_url_of_untranslated_article_shows_vietnamese_with_notice(client):
    article = untranslated_article()
    response = client.get(article.url_in("en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert article.title_vi in html
    assert "This article is not yet available in English." in html
    assert re.search(r'<p lang="vi">[^<]+</p>', html)
    assert re.search(r'<main id="main"\s+class="site-main"\s+tabindex="-1" lang="vi">', html)


@pytest.mark.django_db
def test_notice_is_bilingual(client):
    article = untranslated_article()
    html = client.get(article.url_in("en")).content.decode()
    notice = re.search(r'<div class="untranslated-notice".*?</div>', html, re.S).group(0)
    english = re.search(r'<p lang="en">(.*?)</p>', notice).group(1)
    vietnamese = re.search(r'<p lang="vi">(.*?)</p>', notice).group(1)
    assert english == "This article is not yet available in English."
    assert vietnamese and vietnamese != english


@pytest.mark.django_db
def test_untranslated_english_url_is_noindex_with_canonical_to_vietnamese(client):
    article = untranslated_article()
    html = client.get(article.url_in("en")).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == [f"http://testserver{article.url_in('vi')}"]


@pytest.mark.django_db
def test_hreflang_lists_only_real_languages(client):
    article = untranslated_article()
    html = client.get(article.url_in("en")).content.decode()
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html)
    assert "en" not in hreflangs
    assert "vi" in hreflangs


@pytest.mark.django_db
def test_translated_article_has_no_notice_and_both_hreflangs(client):
    article = translated_article()
    html = client.get(article.url_in("en")).content.decode()
    assert "not yet available in English" not in html
    assert '<meta name="robots" content="noindex' not in html
    hreflangs = set(re.findall(r'<link rel="alternate" hreflang="([^"]+)"', html))
    assert {"vi", "en"} <= hreflangs


@pytest.mark.django_db
def test_vietnamese_url_of_untranslated_article_has_no_notice(client):
    article = untranslated_article()
    html = client.get(article.url_in("vi")).content.decode()
    assert "untranslated-notice" not in html
    assert '<meta name="robots" content="noindex' not in html


@pytest.mark.django_db
def test_untranslated_programme_page_says_page(client, home):
    from hanoi_creative.core.models import StandardPage

    page = StandardPage(
        title_vi="Trang chỉ có tiếng Việt", slug_vi="trang-chi-co-tieng-viet", intro_vi="Nội dung."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url_in("en")).content.decode()
    assert "This page is not yet available in English." in html


@pytest.mark.django_db
def test_english_news_listing_leaves_untranslated_articles_out(client):
    from news.models import NewsIndexPage

    article = untranslated_article()
    index = NewsIndexPage.objects.get()
    english = client.get(index.url_in("en")).content.decode()
    vietnamese = client.get(index.url_in("vi")).content.decode()
    assert article.title_vi not in english
    assert article.url_in("vi") in vietnamese or article.title_vi in vietnamese


@pytest.mark.django_db
def test_sitemap_leaves_untranslated_english_out(client):
    article = untranslated_article()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert f"http://testserver{article.url_in('en')}" not in xml
