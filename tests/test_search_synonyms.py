"""Each language's search finds Vietnamese names written the other language's way."""

import re

import pytest

from hanoi_creative.search.synonyms import with_synonyms
from hanoi_creative.search.text import query_terms

pytestmark = pytest.mark.django_db


def result_titles(client, language, query):
    path = "/en/search/" if language == "en" else "/vi/tim-kiem/"
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'class="search-result__title"><a\s+href="([^"]+)"', response.content.decode())


@pytest.mark.parametrize("query", ["ha noi", "Hà Nội", "HA NOI", "hanoi"])
def test_english_search_finds_hanoi_however_it_is_written(client, query):
    found = result_titles(client, "en", query)
    assert found
    assert found == result_titles(client, "en", "Hanoi")
    assert all(url.startswith("/en/") for url in found)


def test_vietnamese_search_finds_ha_noi_written_as_one_english_word(client):
    assert result_titles(client, "vi", "hanoi") == result_titles(client, "vi", "Hà Nội")
    assert result_titles(client, "vi", "hanoi")


def test_english_search_finds_programme_terms_typed_in_vietnamese(client):
    assert result_titles(client, "en", "thanh pho sang tao") == result_titles(client, "en", "creative city")
    assert result_titles(client, "en", "creative city")


def test_longest_glossary_phrase_wins_and_other_words_stay():
    assert with_synonyms(query_terms("thành phố sáng tạo Hà Nội 2019"), "en") == [
        "creative",
        "city",
        "hanoi",
        "2019",
    ]
    assert with_synonyms(query_terms("sáng tạo"), "en") == ["sang", "tao"]


def test_search_hint_says_only_what_works_in_each_language(client):
    english = client.get("/en/search/").content.decode()
    assert "“Ha Noi” and “Hà Nội” find “Hanoi”" in english
    vietnamese = client.get("/vi/tim-kiem/").content.decode()
    assert "“ha noi” sẽ tìm thấy “Hà Nội”" in vietnamese
    assert "Hanoi" not in vietnamese.split("search-form__hint")[1].split("</p>")[0]
