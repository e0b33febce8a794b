"""Imports run in the background: the upload is checked at once, a worker imports it, the
progress page survives a reload, the result lists at most 100 problems plus their count, keys
are resolved in a bounded number of queries, encodings come from the file, and every message
is in the importer's language."""

import codecs

import pytest
from django.urls import reverse
from django.utils import translation

from hanoi_creative.translations import exchange, files
from hanoi_creative.translations.models import ImportRun, Status, TranslatableItem
from tests.translation_helpers import import_and_wait, run_import_worker, set_admin_language, upload

XLIFF_HEAD = (
    '<?xml version="1.0" encoding="{encoding}"?>'
    '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
)


def unknown_items_xliff(count, encoding="UTF-8"):
    parts = [XLIFF_HEAD.format(encoding=encoding)]
    for number in range(count):
        parts.append(
            f'<file original="news.articlepage:{900000 + number}" source-language="vi" '
            'target-language="en" datatype="plaintext"><body>'
            '<trans-unit id="title"><source>Tin</source><target>News</target></trans-unit>'
            "</body></file>"
        )
    parts.append("</xliff>")
    return "".join(parts)


@pytest.fixture
def desk(client, admin_user):
    def logged_in(language="en"):
        set_admin_language(admin_user, language)
        client.force_login(admin_user)
        return client

    return logged_in


@pytest.mark.django_db
def test_upload_is_queued_and_the_progress_page_survives_a_reload(desk):
    client = desk("en")
    response = upload(client, "unknown.xlf", unknown_items_xliff(3).encode())
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert response["Location"] == reverse("translations:import-run", args=[run.pk])
    for _reload in range(2):
        page = client.get(response["Location"])
        assert page.status_code == 200
        html = page.content.decode()
        assert "data-import-refresh" in html and "Waiting" in html
    assert run_import_worker() == 1
    page = client.get(response["Location"])
    assert "data-import-refresh" not in page.content.decode()
    assert page.context["run"].state == ImportRun.State.REFUSED


@pytest.mark.django_db
def test_result_lists_the_first_hundred_problems_and_counts_all(desk):
    page = import_and_wait(desk("en"), "unknown.xlf", unknown_items_xliff(150).encode())
    assert page.status_code == 400
    html = page.content.decode()
    assert "150 problems found." in html and "The first 100 are listed." in html
    assert html.count("unknown unit: there is no item") == 100


@pytest.mark.django_db
def test_result_is_in_the_importers_language(desk):
    page = import_and_wait(desk("vi"), "unknown.xlf", unknown_items_xliff(2).encode())
    html = page.content.decode()
    assert "Phát hiện 2 lỗi." in html
    assert "there is no item" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, message, absent",
    [("vi", "tệp rỗng", "the file is empty"), ("en", "the file is empty", "rỗng")],
)
def test_an_empty_file_is_refused_at_once_in_the_users_language(desk, language, message, absent):
    response = upload(desk(language), "blank.po", b"  \n")
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and absent not in html
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_a_file_too_big_is_refused_at_once(desk):
    response = upload(desk("en"), "big.po", b"#" * (20 * 1024 * 1024 + 1))
    assert response.status_code == 400
    assert "larger than 20 MB" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_resolving_keys_is_bounded_per_model_not_per_key(django_assert_max_num_queries):
    keys = {f"news.articlepage:{900000 + n}" for n in range(500)}
    keys |= {f"news.category:{900000 + n}" for n in range(500)}
    keys |= {f"core.standardpage:{900000 + n}" for n in range(500)}
    units = [exchange.ImportedUnit(key, "title", None, "x", True, key) for key in keys]
    with django_assert_max_num_queries(12), pytest.raises(exchange.Refused) as refused:
        exchange.plan(units)
    assert len(refused.value.errors) == 1500


@pytest.mark.django_db
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_xliff_in_utf16_or_utf32_with_a_bom_is_read_as_xliff(codec):
    text = unknown_items_xliff(1, encoding=codec.upper())
    data = text.encode(codec)  # Python's utf-16/utf-32 codecs write a BOM
    if codec == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert files.detect(data) == "xliff"
    [unit] = files.parse(data)
    assert (unit.key, unit.path, unit.target) == ("news.articlepage:900000", "title", "News")


@pytest.mark.django_db
def test_po_encoding_comes_from_its_header():
    text = (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
        'msgctxt "news.articlepage:900000#title"\nmsgid "Caf\xe9"\nmsgstr "Caf\xe9"\n'
    )
    [unit] = files.parse(text.encode("latin-1"))
    assert (unit.key, unit.source, unit.target) == ("news.articlepage:900000", "Café", "Café")


@pytest.mark.django_db
def test_a_stored_unsafe_value_is_reported_for_its_unit_not_a_refusal():
    item = TranslatableItem.objects.filter(
        status=Status.UP_TO_DATE, content_type__model="articlepage"
    ).first()
    article = item.get_object()
    type(article).objects.filter(pk=article.pk).update(title_en="</script>Bad")
    export = exchange.export_item(item)
    units = [
        exchange.ImportedUnit(item.key, unit.path, unit.source, unit.target, True, unit.path)
        for field in export.fields
        for unit in field.units
    ]
    with translation.override("en"):
        the_plan = exchange.plan(units)
    assert [where for where, why in the_plan.warnings if "stored English" in why] == ["title"]
    # A whole export carrying it back is not refused either.
    with translation.override("en"):
        the_plan = exchange.plan(files.parse(files.export("xliff", [export])))
    assert any("stored English" in why for _where, why in the_plan.warnings)
