"""Translation memory and glossary at the desk: built from translated segments, kept current
on save and import, matches shown and inserted over HTTP, glossary misses flagged (desk, report,
import warnings), the glossary kept in the admin."""

import pytest
from django.urls import reverse

from hanoi_creative.translations import memory
from hanoi_creative.translations.models import GlossaryTerm, MemorySegment, TranslatableItem
from hanoi_creative.translations.registry import item_key
from tests.translation_helpers import desk_form, import_and_wait, logged_in

TRANSLATED_VI = "Hà Nội là Thành phố sáng tạo trong lĩnh vực Thiết kế của UNESCO"
TRANSLATED_EN = "Hanoi is a UNESCO Creative City of Design"


@pytest.fixture
def translated(make_article):
    """A live article whose English is up to date: its pairs are in the memory."""
    return make_article(TRANSLATED_VI, TRANSLATED_EN, live=True)


def item_of(obj):
    return TranslatableItem.objects.get(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


def title_unit(response):
    fields = {field["name"]: field for field in response.context["fields"]}
    return fields["title"]["units"][0]


@pytest.mark.django_db
def test_memory_holds_the_demo_translations():
    row = MemorySegment.objects.filter(origin_path="title").first()
    assert row is not None and row.target.strip()
    key, _sep, pk = row.origin_key.partition(":")
    assert pk.isdigit() and "." in key


@pytest.mark.django_db
def test_publishing_english_adds_its_segments(translated):
    row = MemorySegment.objects.get(source=TRANSLATED_VI)
    assert row.target == TRANSLATED_EN
    assert row.origin_key == item_key(translated) and row.origin_path == "title"


@pytest.mark.django_db
def test_outdated_english_is_not_remembered_for_the_new_vietnamese(translated):
    translated.title_vi = "Tiêu đề hoàn toàn mới về lễ hội thiết kế"
    translated.save_revision().publish()
    assert not MemorySegment.objects.filter(source=translated.title_vi).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_translator_sees_exact_and_fuzzy_matches_best_first(
    client, translator, make_article, translated, language
):
    fresh = make_article(TRANSLATED_VI + " năm 2019", live=True)
    same = make_article(TRANSLATED_VI, live=True)
    client = logged_in(client, translator, language)

    exact = title_unit(client.get(reverse("translations:item", args=[item_of(same).pk])))
    assert exact["matches"][0].score == 100
    assert exact["matches"][0].target == TRANSLATED_EN

    response = client.get(reverse("translations:item", args=[item_of(fresh).pk]))
    assert response.status_code == 200
    fuzzy = title_unit(response)["matches"]
    assert fuzzy and 75 <= fuzzy[0].score < 100
    assert [match.score for match in fuzzy] == sorted((match.score for match in fuzzy), reverse=True)
    html = response.content.decode()
    assert f"{fuzzy[0].score}%" in html and TRANSLATED_EN in html
    assert translated.title_vi in html  # where the match came from
    assert 'name="insert"' in html


@pytest.mark.django_db
def test_dissimilar_segments_are_not_proposed(make_article, translated):
    assert memory.fuzzy_matches("text", "Giá vàng hôm nay tăng mạnh theo thị trường thế giới") == []
    # Same first word, much shorter: outside the length band, never a candidate.
    assert memory.fuzzy_matches("text", "Hà Nội") == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_insert_puts_the_match_in_the_form_and_saves_nothing(
    client, editor, make_article, translated, language
):
    same = make_article(TRANSLATED_VI, live=True)
    item = item_of(same)
    client = logged_in(client, editor, language)
    match = title_unit(client.get(reverse("translations:item", args=[item.pk])))["matches"][0]
    data = desk_form(client, item, lambda unit: None)
    data["insert"] = f"title|{match.pk}"
    response = client.post(reverse("translations:item", args=[item.pk]), data)
    assert response.status_code == 200
    assert title_unit(response)["target"] == TRANSLATED_EN
    same.refresh_from_db()
    assert not same.title_en
    # Saving the form as shown stores it; the pair's origin moves to this page.
    data = desk_form(client, item, lambda unit: TRANSLATED_EN if unit["path"] == "title" else "English lead")
    assert client.post(reverse("translations:item", args=[item.pk]), data).status_code == 302
    same.refresh_from_db()
    assert same.title_en == TRANSLATED_EN


@pytest.mark.django_db
def test_insert_of_a_vanished_match_is_a_clear_answer(client, editor, make_article, translated):
    same = make_article(TRANSLATED_VI, live=True)
    item = item_of(same)
    client = logged_in(client, editor, "en")
    data = desk_form(client, item, lambda unit: None)
    data["insert"] = "title|999999999"
    response = client.post(reverse("translations:item", args=[item.pk]), data)
    assert response.status_code == 400
    assert "no longer exists" in response.content.decode()


@pytest.mark.django_db
def test_lookups_use_a_fixed_number_of_queries(translated, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        memory.exact_matches([TRANSLATED_VI, "khác"])
    with django_assert_max_num_queries(4):
        memory.fuzzy_matches("text", TRANSLATED_VI + " năm 2019")


# ------------------------------------------------------------------------------------- glossary
@pytest.mark.django_db
def test_glossary_is_seeded_from_the_project_glossary():
    assert GlossaryTerm.objects.filter(source="Thành phố sáng tạo", target="Creative City").exists()
    assert GlossaryTerm.objects.filter(source="UNESCO", do_not_translate=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_desk_and_report_flag_glossary_misses(client, translator, make_article, language):
    article = make_article(
        "UNESCO công nhận Thành phố sáng tạo mới", "The U.N. agency names a new inventive town", live=True
    )
    item = item_of(article)
    assert item.glossary_issues == 2  # title and lead
    client = logged_in(client, translator, language)
    problems = title_unit(client.get(reverse("translations:item", args=[item.pk])))["problems"]
    assert len(problems) == 2  # the missing "Creative City", the translated "UNESCO"
    assert any("Creative City" in problem for problem in problems)
    assert any("UNESCO" in problem for problem in problems)
    report = client.get(reverse("translations:report"), {"p": 1})
    flagged = [row for row in report.context["rows"] if row["item"].pk == item.pk]
    page = 1
    while not flagged and report.context["page_obj"].has_next():
        page += 1
        report = client.get(reverse("translations:report"), {"p": page})
        flagged = [row for row in report.context["rows"] if row["item"].pk == item.pk]
    assert flagged and "translation-glossary__count" in report.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_import_warns_about_glossary_misses_and_still_writes(client, editor, make_article, language):
    article = make_article("Thành phố sáng tạo của Thủ đô", live=True)
    item = item_of(article)
    po = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgctxt "{item.key}#title"\nmsgid "{article.title_vi}"\n'
        'msgstr "An inventive town of the capital"\n\n'
        f'msgctxt "{item.key}#lead"\nmsgid "{article.lead_vi}"\nmsgstr "Lead"\n'
    )
    client = logged_in(client, editor, language)
    response = import_and_wait(client, "glossary.po", po.encode())
    assert response.status_code == 200
    run = response.context["run"]
    assert run.state == "done"
    assert any("Creative City" in why for _where, why in run.warnings)
    article.refresh_from_db()
    assert article.title_en == "An inventive town of the capital"
    # The import keeps the memory current (the editor's import published the English).
    row = MemorySegment.objects.get(source=article.title_vi, target=article.title_en)
    assert row.origin_key == item.key


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "language"), [("translator", "vi"), ("editor", "en")])
def test_glossary_is_kept_in_the_admin(client, request, role, language):
    user = request.getfixturevalue(role)
    client = logged_in(client, user, language)
    index = reverse("wagtailsnippets_translations_glossaryterm:list")
    response = client.get(index)
    assert response.status_code == 200
    assert "Creative City" in response.content.decode()
    response = client.post(
        reverse("wagtailsnippets_translations_glossaryterm:add"),
        {"source": "Hồ Gươm", "target": "Hoan Kiem Lake", "note": ""},
    )
    assert response.status_code == 302
    assert GlossaryTerm.objects.filter(source="Hồ Gươm", target="Hoan Kiem Lake").exists()
    # A required rendering cannot be left empty unless the term is a name.
    response = client.post(reverse("wagtailsnippets_translations_glossaryterm:add"), {"source": "Tháp Rùa"})
    assert response.status_code == 200
    assert not GlossaryTerm.objects.filter(source="Tháp Rùa").exists()


def test_seed_file_is_the_projects_glossary():
    """The glossary the migration seeds from is the project's; where the shared copy sits
    beside the checkout (developers, CI), the two must not drift apart."""
    from django.conf import settings

    from hanoi_creative.translations.glossary import SEED_FILE, seed_pairs

    shared = settings.BASE_DIR.parent / "shared" / "GLOSSARY.md"
    if shared.exists():
        assert SEED_FILE.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
    pairs = dict(seed_pairs())
    assert pairs["Thành phố sáng tạo trong lĩnh vực Thiết kế"] == "Creative City of Design"
    assert pairs["Thủ đô"] == "Capital"  # "the Capital (Hanoi)": article and note dropped
    assert pairs["phường"] == "ward"
