"""Site search: accent-insensitive Vietnamese, per-language results, ranking, highlighting.

Runs unchanged on SQLite (FTS5 over folded text) and PostgreSQL (hc_unaccent configuration).
"""

import datetime

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from lxml import html
from wagtail.models import PageViewRestriction

from hanoi_creative.core.models import StandardPage
from hanoi_creative.search.models import SearchDocument
from tests.pages import make_page

SEARCH = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}


def by_class(node, name, tag="*"):
    """Descendants of ``node`` with the CSS class ``name`` (optionally their ``tag`` children)."""
    found = node.xpath(f'.//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]')
    return (
        [child for element in found for child in element.iter(tag) if child is not element]
        if tag != "*"
        else found
    )


def results(client, query, language="vi", **params):
    response = client.get(SEARCH[language], {"q": query, **params})
    assert response.status_code == 200
    tree = html.fromstring(response.content)
    return [
        {
            "url": by_class(item, "search-result__title", "a")[0].get("href"),
            "title_html": html.tostring(by_class(item, "search-result__title", "a")[0], encoding="unicode"),
            "title": by_class(item, "search-result__title", "a")[0].text_content(),
            "snippet_html": html.tostring(by_class(item, "search-result__snippet")[0], encoding="unicode")
            if by_class(item, "search-result__snippet")
            else "",
            "meta": by_class(item, "search-result__meta")[0].text_content(),
        }
        for item in by_class(tree, "search-result")
    ]


def urls(client, query, language="vi", **params):
    return [hit["url"] for hit in results(client, query, language, **params)]


@pytest.mark.django_db
def test_search_urls_are_translated(client):
    assert client.get("/vi/tim-kiem/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/vi/search/").status_code == 404
    assert client.get("/en/tim-kiem/").status_code == 404


@pytest.mark.django_db
def test_ha_noi_with_and_without_accents_gives_the_same_results(client):
    found = urls(client, "Hà Nội")
    assert len(found) >= 3
    for spelling in ("ha noi", "Ha Noi", "HA NOI", "hà nội", "Hà  Nội!"):
        assert urls(client, spelling) == found


@pytest.mark.django_db
def test_unaccented_phrase_finds_the_accented_title(client):
    titles = [hit["title"] for hit in results(client, "thanh pho sang tao")]
    assert any("Thành phố sáng tạo" in title for title in titles)


@pytest.mark.django_db
def test_d_with_stroke_is_found_by_plain_d(client, home):
    page = make_page(home, "Phố Đường Lâm quyến rũ", intro_vi="Làng cổ ở Sơn Tây.")
    assert page.url in urls(client, "duong lam")
    assert page.url in urls(client, "ĐƯỜNG LÂM")
    assert urls(client, "duong lam") == urls(client, "Đường Lâm")


@pytest.mark.django_db
def test_every_word_must_match(client, home):
    both = make_page(home, "Gốm Bát Tràng", intro_vi="Men lam cổ.")
    one = make_page(home, "Gốm Phù Lãng", intro_vi="Men da lươn.")
    assert urls(client, "gom bat trang") == [both.url]
    assert set(urls(client, "gom")) >= {both.url, one.url}


@pytest.mark.django_db
def test_english_search_finds_only_translated_pages_in_english(client, home):
    translated = make_page(home, "Quynhloi ven sông", "Quynhloi riverside", intro_en="Quynhloi walk.")
    vietnamese_only = make_page(home, "Quynhloi bản tiếng Việt", intro_vi="Quynhloi chỉ có tiếng Việt.")
    english = results(client, "quynhloi", "en")
    assert [hit["url"] for hit in english] == [translated.url_in("en")]
    assert english[0]["title"] == "Quynhloi riverside"
    vietnamese = urls(client, "quynhloi", "vi")
    assert set(vietnamese) == {translated.url_in("vi"), vietnamese_only.url_in("vi")}


@pytest.mark.django_db
def test_vietnamese_search_does_not_match_english_text(client, home):
    make_page(home, "Trang song ngữ", "Bilingual page", intro_en="Marmalade is only in English.")
    assert urls(client, "marmalade", "vi") == []
    assert len(urls(client, "marmalade", "en")) == 1


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(client, home):
    # The body match is newer and mentions the word more often; the title match still wins.
    in_body = make_page(home, "Tin về làng nghề", intro_vi="Lụa Vạn Phúc, lụa Vạn Phúc, lụa Vạn Phúc đẹp.")
    in_title = make_page(home, "Lụa Vạn Phúc", intro_vi="Một làng nghề ở Hà Đông.")
    StandardPage.objects.filter(pk=in_title.pk).update(
        first_published_at=timezone.now() - datetime.timedelta(days=400)
    )
    call_command("update_index", backend_name="site", verbosity=0)
    assert urls(client, "lua van phuc")[:2] == [in_title.url, in_body.url]


@pytest.mark.django_db
def test_terms_are_highlighted_in_title_and_snippet(client, home):
    make_page(home, "Hồ Hoàn Kiếm mùa thu", intro_vi="Dạo quanh hồ Hoàn Kiếm vào sáng sớm mùa thu.")
    hit = results(client, "hoan kiem")[0]
    assert "<mark>Hoàn</mark> <mark>Kiếm</mark>" in hit["title_html"]
    assert "<mark>Hoàn</mark> <mark>Kiếm</mark>" in hit["snippet_html"]
    assert "<mark>hồ</mark>" not in hit["snippet_html"]


@pytest.mark.django_db
def test_article_results_show_category_and_date(client):
    from news.queries import visible_articles

    article = visible_articles("vi").select_related("category").order_by("-publication_date").first()
    hits = [hit for hit in results(client, article.title) if hit["url"] == article.url]
    assert hits
    assert article.category.name in hits[0]["meta"]
    assert timezone.localtime(article.publication_date).strftime("%d/%m/%Y") in hits[0]["meta"]


@pytest.mark.django_db
def test_hidden_pages_are_never_found(client, home):
    live = make_page(home, "Zeltrovi công khai")
    draft = make_page(home, "Zeltrovi bản nháp", live=False)
    private = make_page(home, "Zeltrovi riêng tư")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    expired = make_page(home, "Zeltrovi hết hạn")
    StandardPage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    scheduled = make_page(home, "Zeltrovi chưa đến giờ")
    StandardPage.objects.filter(pk=scheduled.pk).update(
        go_live_at=timezone.now() + datetime.timedelta(days=1)
    )
    child_of_private = make_page(private, "Zeltrovi trang con riêng tư")
    found = urls(client, "zeltrovi")
    assert found == [live.url]
    # They are indexed (a change of state needs no reindexing); the query leaves them out.
    assert (
        SearchDocument.objects.filter(page__in=[private, expired, scheduled, child_of_private]).count() == 4
    )
    assert draft.url not in found


@pytest.mark.django_db
def test_unpublished_and_edited_pages_update_the_results(client, home):
    page = make_page(home, "Cầu Vorlixa")
    assert urls(client, "vorlixa") == [page.url]
    page.title_vi = "Cầu Tremanto"
    page.save_revision().publish()
    assert urls(client, "vorlixa") == []
    assert urls(client, "tremanto") == [StandardPage.objects.get(pk=page.pk).url]
    page.unpublish()
    assert urls(client, "tremanto") == []


@pytest.mark.django_db
def test_deleted_page_leaves_the_index(client, home):
    page = make_page(home, "Vườn hoa Lý Thái Tổ")
    pk = page.pk
    page.delete()
    assert not SearchDocument.objects.filter(page_id=pk).exists()
    assert urls(client, "ly thai to") == []


@pytest.mark.django_db
def test_update_index_rebuilds_one_document_per_translated_language():
    before = set(SearchDocument.objects.values_list("page_id", "language"))
    SearchDocument.objects.all().delete()
    call_command("update_index", backend_name="site", verbosity=0)
    assert set(SearchDocument.objects.values_list("page_id", "language")) == before
    assert ("en" in {lang for _pk, lang in before}) and ("vi" in {lang for _pk, lang in before})


@pytest.mark.django_db
def test_results_are_paginated_and_page_numbers_are_clamped(client, home):
    pages = [make_page(home, f"Xuvanta số {number}") for number in range(13)]
    first = urls(client, "xuvanta")
    second = urls(client, "xuvanta", page=2)
    assert len(first) == 10 and len(second) == 3
    assert set(first + second) == {page.url for page in pages}
    assert urls(client, "xuvanta", page=99) == second
    assert urls(client, "xuvanta", page="abc") == first
    assert urls(client, "xuvanta", page="-3") == first


def summary(client, query, language):
    response = client.get(SEARCH[language], {"q": query})
    assert response.status_code == 200
    return " ".join(by_class(html.fromstring(response.content), "search-summary")[0].text_content().split())


@pytest.mark.django_db
def test_more_matches_than_are_ranked_are_announced_in_both_languages(client, home, monkeypatch):
    from hanoi_creative.search import query

    monkeypatch.setattr(query, "CANDIDATES", 3)
    for number in range(4):
        make_page(home, f"Zelqora số {number}", f"Zelqora number {number}")
    assert summary(client, "zelqora", "vi") == (
        "Hơn 3 kết quả cho “zelqora”. Đang hiển thị 3 kết quả mới nhất, phù hợp nhất lên trước; "
        "thêm từ để thu hẹp tìm kiếm."
    )
    assert summary(client, "zelqora", "en") == (
        "More than 3 results for “zelqora”. Showing the 3 newest, most relevant first; "
        "add words to narrow the search."
    )
    assert len(urls(client, "zelqora")) == 3


@pytest.mark.django_db
def test_exactly_as_many_matches_as_are_ranked_get_a_plain_count(client, home, monkeypatch):
    from hanoi_creative.search import query

    monkeypatch.setattr(query, "CANDIDATES", 3)
    for number in range(3):
        make_page(home, f"Zelqora số {number}", f"Zelqora number {number}")
    assert summary(client, "zelqora", "vi") == "3 kết quả cho “zelqora”"
    assert summary(client, "zelqora", "en") == "3 results for “zelqora”"


@pytest.mark.django_db
def test_search_runs_a_fixed_number_of_queries(client, home, django_assert_max_num_queries):
    for number in range(12):
        make_page(home, f"Quorvani {number}", intro_vi="Quorvani ở Hà Nội.")
    client.get(SEARCH["vi"], {"q": "quorvani"})  # warm per-process caches (site root paths)
    with django_assert_max_num_queries(20):
        response = client.get(SEARCH["vi"], {"q": "ha noi"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_database_full_text_index_is_in_place():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT to_tsvector('hc_unaccent', 'Thành phố Đà Nẵng')::text")
            assert cursor.fetchone()[0] == "'da':3 'nang':4 'pho':2 'thanh':1"
        else:
            cursor.execute('SELECT count(*) FROM site_search_fts WHERE site_search_fts MATCH \'"ha" "noi"\'')
            assert cursor.fetchone()[0] > 0


# Articles are also found by their category, tag and author names, in the active language only.


def all_urls(client, query, language="vi"):
    """Every result's address, page after page."""
    found, number = [], 1
    while True:
        page = urls(client, query, language, page=number)
        if not page or page[0] in found:  # past the end the last page repeats
            return found
        found += page
        number += 1


def reindex(*articles):
    """Index articles whose tags or authors were attached behind the page's back (as factories do)."""
    from wagtail.search.backends import get_search_backend

    from news.models import ArticlePage

    get_search_backend("site").add_bulk(
        ArticlePage, list(ArticlePage.objects.filter(pk__in=[a.pk for a in articles]))
    )


@pytest.mark.django_db
def test_articles_are_found_by_their_category_name_with_or_without_accents(client):
    from news.queries import visible_articles

    culture = list(visible_articles("vi").filter(category__name_vi="Văn hóa"))
    assert culture
    for spelling in ("Văn hóa", "van hoa", "VĂN HÓA"):
        assert {article.url_in("vi") for article in culture} <= set(all_urls(client, spelling))
    english = [article for article in visible_articles("en").filter(category__name_en="Culture")]
    assert english
    assert {article.url_in("en") for article in english} <= set(all_urls(client, "culture", "en"))


@pytest.mark.django_db
def test_articles_are_found_by_author_name(client):
    from news.models import ArticlePage
    from news.queries import visible_articles

    hers = list(visible_articles("vi").filter(authors__name_vi="Hoàng My"))
    assert hers
    found = set(all_urls(client, "Hoàng My"))
    assert {article.url_in("vi") for article in hers} <= found
    assert set(all_urls(client, "hoang my")) == found
    # Only her articles (and none of Quang Hùng's alone) match both words.
    others = ArticlePage.objects.exclude(authors__name_vi="Hoàng My")
    assert not found & {article.url_in("vi") for article in others if "hoang my" not in article.title.lower()}


@pytest.mark.django_db
def test_category_tag_and_author_matches_rank_below_title_matches(client, empty_news, article_factory):
    from news.models import Author, Category, Tag
    from tests.factories import days_ago

    category = Category.objects.create(name_vi="Trelmavi", name_en="Trelmavi desk")
    tag = Tag(name_vi="Xoranthe", name_en="Xoranthe")
    tag.save()
    author = Author.objects.create(name_vi="Vũ Quelvaro")
    # Newer, and filed under the word three times over; the title match still comes first.
    filed = article_factory(
        title_vi="Phố đi bộ mở rộng",
        category=category,
        tags=[tag],
        authors=[author],
        publication_date=days_ago(1),
    )
    titled = article_factory(
        title_vi="Trelmavi Xoranthe Quelvaro trong tiêu đề", publication_date=days_ago(300)
    )
    reindex(filed, titled)
    for query in ("trelmavi", "Xoranthe", "QUELVARO"):
        assert urls(client, query) == [titled.url_in("vi"), filed.url_in("vi")]
    assert urls(client, "Vũ Quelvaro") == urls(client, "vu quelvaro") == [filed.url_in("vi")]
    # A keyword match is not a text match: the snippet is the article's opening, unmarked.
    hit = results(client, "trelmavi")[1]
    assert "<mark>" not in hit["snippet_html"] and "Trelmavi" not in hit["snippet_html"]


@pytest.mark.django_db
def test_english_documents_hold_only_english_names(client, empty_news, article_factory):
    from news.models import Author, Category, Tag

    category = Category.objects.create(name_vi="Ẩm thực Plovendi", name_en="Plovendi food")
    vietnamese_only_tag = Tag(name_vi="Quà vặt Drumoski")
    vietnamese_only_tag.save()
    author = Author.objects.create(name_vi="Lê Zandrova")  # no English name
    article = article_factory(
        title_vi="Bánh cuốn Thanh Trì",
        title_en="Thanh Tri rice rolls",
        category=category,
        tags=[vietnamese_only_tag],
        authors=[author],
    )
    reindex(article)
    english = SearchDocument.objects.get(page_id=article.pk, language="en")
    assert english.keywords == "Plovendi food"
    vietnamese = SearchDocument.objects.get(page_id=article.pk, language="vi")
    assert set(vietnamese.keywords.split("\n")) == {"Ẩm thực Plovendi", "Quà vặt Drumoski", "Lê Zandrova"}
    assert urls(client, "plovendi food", "en") == [article.url_in("en")]
    assert urls(client, "am thuc", "en") == []
    assert urls(client, "drumoski", "en") == [] and urls(client, "zandrova", "en") == []
    assert urls(client, "drumoski") == [article.url_in("vi")] and urls(client, "zandrova") == [
        article.url_in("vi")
    ]
    assert urls(client, "plovendi food") == []  # the English name stays out of the Vietnamese document


@pytest.mark.django_db
def test_tags_chosen_in_the_editor_are_searchable_once_published(client, make_article):
    from news.models import Tag

    tag = Tag(name_vi="Gốm Chu Đậu Wexlora", name_en="Chu Dau ceramics")
    tag.save()
    article = make_article("Một buổi chiều ở làng gốm", live=True)
    assert urls(client, "wexlora") == []
    article = type(article).objects.get(pk=article.pk)
    article.tags.add(tag)
    article.save_revision().publish()
    assert urls(client, "wexlora") == [article.url_in("vi")]


@pytest.mark.django_db
def test_renaming_a_category_updates_its_articles_documents(client, empty_news, article_factory):
    from news.models import Category

    category = Category.objects.create(name_vi="Chuyên mục cũ", name_en="Old desk")
    article = article_factory(
        title_vi="Hội chợ sách mùa đông", title_en="Winter book fair", category=category
    )
    category.name_vi, category.name_en = "Sách Trivoneth", "Trivoneth books"
    category.save()
    assert urls(client, "trivoneth") == [article.url_in("vi")]
    assert urls(client, "trivoneth books", "en") == [article.url_in("en")]
    assert urls(client, "old desk", "en") == []


@pytest.mark.django_db
def test_indexing_reads_category_tags_and_authors_in_one_query_each(client):
    from django.test.utils import CaptureQueriesContext

    from hanoi_creative.search.documents import index_pages
    from news.models import ArticlePage

    articles = list(ArticlePage.objects.all())
    assert len(articles) >= 10
    with CaptureQueriesContext(connection) as queries:
        index_pages(articles)
    tables = ('"news_category"', '"news_tag"', '"news_author"')
    assert sum(1 for query in queries if any(table in query["sql"] for table in tables)) == 3
