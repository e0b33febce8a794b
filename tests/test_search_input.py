"""Bad search input: a normal page with a clear message, never a 500, never unescaped input."""

import pytest
from lxml import html

SEARCH = {"vi": "/vi/tim-kiem/", "en": "/en/search/"}

BAD_QUERIES = {
    "empty": "",
    "spaces": "   ",
    "nul bytes": "ha\x00noi\x00",
    "only a nul": "\x00",
    "double quotes": '"ha noi',
    "single quotes": "ha' noi''",
    "fts syntax": "ha OR noi* NEAR(a b) title_folded:x -y ^z",
    "tsquery syntax": "ha & !noi | (x <-> y):*",
    "sql": "'; DROP TABLE site_search_searchdocument; --",
    "markup": '<script>alert("x")</script><b>ha noi</b>',
    "punctuation": "!!! ??? ... ---",
    "emoji and symbols": "🏙️ ★ ☃",
    "other scripts": "河内 Ханой هانوي",
    "percent and backslash": "100% \\ %s %(x)s",
    "long word": "a" * 199,
}


def page_text(response):
    return html.fromstring(response.content).text_content()


@pytest.mark.django_db
@pytest.mark.parametrize("query", BAD_QUERIES.values(), ids=BAD_QUERIES.keys())
@pytest.mark.parametrize("language", ["vi", "en"])
def test_bad_queries_get_a_normal_page(client, language, query):
    response = client.get(SEARCH[language], {"q": query})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<b>ha noi</b>" not in body
    assert "\x00" not in body


@pytest.mark.django_db
def test_markup_is_shown_escaped(client):
    response = client.get(SEARCH["vi"], {"q": "<b>ha noi</b>"})
    assert "&lt;b&gt;ha noi&lt;/b&gt;" in response.content.decode()


@pytest.mark.django_db
def test_quotes_do_not_change_the_results(client):
    plain = client.get(SEARCH["vi"], {"q": "ha noi"}).content.decode().count('class="search-result"')
    quoted = client.get(SEARCH["vi"], {"q": '"ha noi"'}).content.decode().count('class="search-result"')
    assert plain == quoted > 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, message",
    [
        ("vi", "Vui lòng rút gọn nội dung tìm kiếm xuống tối đa 200 ký tự."),
        ("en", "Please shorten your search to 200 characters or fewer."),
    ],
)
def test_three_thousand_characters_get_a_message_in_the_visitors_language(client, language, message):
    response = client.get(SEARCH[language], {"q": "hà nội " * 430})
    assert response.status_code == 200
    assert message in page_text(response)
    tree = html.fromstring(response.content)
    (field,) = tree.xpath('//input[@id="search-query"]')
    assert len(field.get("value")) <= 200
    assert field.get("aria-invalid") == "true"
    assert not tree.xpath('//*[@class="search-result"]')


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, message",
    [
        ("vi", "Hãy nhập ít nhất một từ hoặc một số để tìm kiếm."),
        ("en", "Type at least one word or number to search."),
    ],
)
def test_query_without_words_says_so(client, language, message):
    response = client.get(SEARCH[language], {"q": "!!! ???"})
    assert message in page_text(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, message",
    [
        ("vi", "Không có kết quả chứa đủ các từ này."),
        ("en", "Nothing matches all of these words."),
    ],
)
def test_no_results_says_so(client, language, message):
    response = client.get(SEARCH[language], {"q": "zzqxyvvk"})
    assert message in page_text(response)


@pytest.mark.django_db
def test_empty_search_page_shows_the_form_without_errors(client):
    response = client.get(SEARCH["vi"])
    tree = html.fromstring(response.content)
    assert tree.xpath('//form[@role="search"]//input[@name="q"]')
    assert not tree.xpath('//*[@id="search-errors"]')
    assert not tree.xpath('//*[@role="status"]')


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["", "0", "-1", "abc", "1e9", "99999999999999999999", "2.5", "\x00"])
def test_bad_page_numbers_are_clamped(client, page):
    response = client.get(SEARCH["vi"], {"q": "ha noi", "page": page})
    assert response.status_code == 200
    assert 'class="search-result"' in response.content.decode()


@pytest.mark.django_db
def test_repeated_parameters_and_post_are_harmless(client):
    assert client.get(SEARCH["vi"] + "?q=ha&q=noi&q=").status_code == 200
    assert client.post(SEARCH["vi"], {"q": "ha noi"}).status_code == 405


@pytest.mark.django_db
def test_search_results_are_not_indexed_by_search_engines(client):
    tree = html.fromstring(client.get(SEARCH["en"], {"q": "hanoi"}).content)
    assert tree.xpath('//meta[@name="robots"]/@content') == ["noindex, follow"]
    assert not tree.xpath('//link[@rel="canonical"]')
