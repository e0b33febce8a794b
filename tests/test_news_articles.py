"""Article pages, dates, demo articles and the generate_articles command."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page

from news import demo
from news.models import ArticlePage, NewsIndexPage
from news.templatetags.news_tags import article_date

pytestmark = pytest.mark.django_db

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def capital_article(db):
    return ArticlePage.objects.get(slug_vi__startswith="xay-dung-ha-noi-thanh-kinh-do")


def test_vietnamese_article_date_is_newspaper_style():
    with translation.override("vi"):
        assert article_date(datetime.datetime(2020, 9, 9, 14, 30, tzinfo=HANOI)) == "Thứ Tư, 09/09/2020 14:30"
        assert (
            article_date(datetime.datetime(2024, 12, 22, 21, 30, tzinfo=HANOI))
            == "Chủ Nhật, 22/12/2024 21:30"
        )


def test_english_article_date_is_day_month_year():
    with translation.override("en"):
        assert article_date(datetime.datetime(2020, 9, 9, 14, 30, tzinfo=HANOI)) == "9 September 2020"


def test_seed_article_page_shows_byline_lead_gallery_and_three_lists(client, capital_article):
    html = client.get("/vi/tin-tuc/" + capital_article.slug_vi + "/").content.decode()
    assert "Hoàng My" in html
    assert "Thứ Tư, 09/09/2020 14:30" in html
    assert "Bằng việc ghi danh Hà Nội vào mạng lưới các thành phố sáng tạo" in html
    assert 'class="gallery"' in html
    assert "Bí thư Thành ủy Hà Nội Vương Đình Huệ tiếp Trưởng đại diện Tổ chức UNESCO tại Việt Nam" in html
    for heading in ("Có thể bạn quan tâm", "Nên xem", "Tin khác"):
        assert heading in html
    # The inline related links resolve to the linked articles' addresses.
    assert 'href="/vi/tin-tuc/day-nhanh-tien-do-dau-tu-xay-dung-dong-bo-tuyen-duong-au-co/"' in html


def test_seed_article_in_english(client, capital_article):
    html = client.get("/en/news/" + capital_article.slug_en + "/").content.decode()
    assert "Building Hanoi into a “creative capital” of South-East Asia and Asia" in html
    assert "9 September 2020" in html
    assert "You may be interested" in html and "Must see" in html and "Other news" in html
    assert "Head of the UNESCO Office in Viet Nam" in html
    assert 'href="/en/news/speeding-up-the-full-construction-of-au-co-road/"' in html


def test_other_seed_article_has_quang_hungs_byline_and_subheading(client):
    article = ArticlePage.objects.get(title_vi="Hà Nội tham gia mạng lưới các Thành phố sáng tạo của UNESCO")
    html = client.get(article.url).content.decode()
    assert "Quang Hùng" in html
    assert "Hà Nội chính thức trở thành thành viên mạng lưới các Thành phố sáng tạo của UNESCO" in html
    assert "180 Thành phố" in html


def test_demo_has_enough_bilingual_articles_in_the_six_categories():
    articles = ArticlePage.objects.live()
    assert articles.count() >= 24
    names = set(articles.values_list("category__name_vi", flat=True))
    assert names == {"Đi lại", "Đô thị", "Giải trí", "Kinh doanh", "Văn hóa", "Thành phố sáng tạo"}
    assert articles.filter(must_see=True).count() >= 7


def test_demo_news_section_sits_under_the_home_page(home):
    index = NewsIndexPage.objects.get()
    assert index.get_parent().pk == home.pk
    assert (index.slug_vi, index.slug_en, index.show_in_menus) == ("tin-tuc", "news", True)


def test_loading_the_demo_again_changes_nothing():
    before = (ArticlePage.objects.count(), Page.objects.count())
    out = StringIO()
    demo.load(log=out.write)
    assert (ArticlePage.objects.count(), Page.objects.count()) == before
    assert "0 articles created" in out.getvalue()


def test_home_page_shows_latest_news_and_must_see(client):
    html = client.get("/vi/").content.decode()
    assert "Nên xem" in html and "Tin mới" in html
    assert "Cập nhật giá vàng, tỷ giá sáng 23/12" in html


def test_generate_articles_builds_a_valid_tree_of_routable_articles(client, news_index):
    before = ArticlePage.objects.count()
    out = StringIO()
    call_command("generate_articles", "30", "--seed", "3", stdout=out, stderr=StringIO())
    assert ArticlePage.objects.count() == before + 30
    assert "Created 30 articles" in out.getvalue()
    assert all(not problems for problems in Page.find_problems())
    news_index.refresh_from_db()
    assert news_index.numchild == news_index.get_children().count()
    newest = ArticlePage.objects.order_by("-pk").first()
    assert newest.tags.exists() and newest.authors.exists()
    assert client.get(newest.url_in("vi")).status_code == 200
    assert client.get(newest.url_in("en")).status_code == 200
    # Every generated article is in the site search, in both languages, and can be found there.
    from hanoi_creative.search.models import SearchDocument
    from hanoi_creative.search.query import search_pages

    generated = ArticlePage.objects.order_by("-pk")[:30]
    assert SearchDocument.objects.filter(page__in=[a.pk for a in generated]).count() == 60
    for language in ("vi", "en"):
        with translation.override(language):
            title, category = newest.title, newest.category.name
        found = [hit.page.pk for hit in search_pages(title, language)[:100]]
        assert newest.pk in found
        # ... by its category's name, too, in that language.
        assert newest.pk in [hit.page.pk for hit in search_pages(category, language)[:1000]]
        assert (
            newest.url_in(language)
            in client.get(
                "/vi/tim-kiem/" if language == "vi" else "/en/search/", {"q": title}
            ).content.decode()
        )
    # The admin can still add an article after the generated ones.
    extra = ArticlePage(title_vi="Bài thêm", title_en="One more", lead_vi="x", category=newest.category)
    news_index.add_child(instance=extra)
    assert extra.path > newest.path


def test_generate_articles_can_leave_the_search_index_alone(news_index):
    from hanoi_creative.search.models import SearchDocument

    documents = SearchDocument.objects.count()
    out = StringIO()
    call_command("generate_articles", "5", "--seed", "4", "--no-index", stdout=out, stderr=StringIO())
    assert SearchDocument.objects.count() == documents
    assert "update_index --backend site" in out.getvalue()


def test_generate_articles_refuses_a_count_below_one():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_articles", "0", stdout=StringIO(), stderr=StringIO())
