"""XLIFF 1.2 and PO export/import: structure, round trips, translations of rich text and
StreamField, and every refused file leaving content unchanged."""

import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from lxml import etree
from wagtail.models import Revision

from hanoi_creative.translations import exchange, files, po, richtext, segments
from hanoi_creative.translations.models import FieldTranslation, Status, TranslatableItem
from hanoi_creative.translations.registry import field_specs, item_key, tracked_models

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
# The OASIS XLIFF 1.2 strict schema, with W3C's xml.xsd beside it (no network).
SCHEMA = Path(__file__).resolve().parent / "schemas" / "xliff-core-1.2-strict.xsd"


def content_snapshot():
    """Every translatable field's Vietnamese and English, as stored, plus the revision count."""
    data = {"revisions": Revision.objects.count()}
    for model in tracked_models():
        for obj in model._default_manager.all():
            for spec in field_specs(model):
                data[(item_key(obj), spec.name)] = (
                    segments.serialize(spec, segments.source_value(spec, obj)),
                    segments.serialize(spec, segments.target_value(spec, obj)),
                )
    return data


def export(tmp_path, file_format, *extra):
    out = tmp_path / f"export.{file_format}"
    call_command("export_translations", "--format", file_format, "--output", str(out), *extra)
    return out


def outdated_article():
    item = TranslatableItem.objects.get(status=Status.OUTDATED, content_type__model="articlepage")
    return item, item.get_object()


def missing_article():
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    return item, item.get_object()


def import_file(path):
    # Messages in English so the assertions read them; the site's default language is Vietnamese.
    with translation.override("en"):
        call_command("import_translations", str(path))


# ------------------------------------------------------------------------------------- structure
@pytest.mark.django_db
def test_xliff_export_is_valid_against_the_schema(tmp_path):
    path = export(tmp_path, "xliff")
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert root.get("version") == "1.2"
    files_ = root.findall("x:file", NS)
    assert files_ and all(
        f.get("source-language") == "vi" and f.get("target-language") == "en" for f in files_
    )


@pytest.mark.django_db
def test_xliff_units_are_unique_per_file_and_cover_every_field(tmp_path):
    path = export(tmp_path, "xliff")
    root = etree.parse(str(path)).getroot()
    for file_el in root.findall("x:file", NS):
        ids = [tu.get("id") for tu in file_el.iter("{{{}}}trans-unit".format(NS["x"]))]
        assert len(ids) == len(set(ids))
    originals = {f.get("original") for f in root.findall("x:file", NS)}
    assert originals == {item.key for item in TranslatableItem.objects.select_related("content_type")}


@pytest.mark.django_db
def test_xliff_keeps_streamfield_and_rich_text_structure(tmp_path):
    item, article = outdated_article()
    path = export(tmp_path, "xliff")
    root = etree.parse(str(path)).getroot()
    file_el = next(f for f in root.findall("x:file", NS) if f.get("original") == item.key)
    body = file_el.find("x:body/x:group[@id='field:body']", NS)
    blocks = body.findall("x:group[@restype='x-block']", NS)
    raw = article.body_vi.get_prep_value()
    assert blocks
    assert {b.get("id") for b in blocks} <= {f"block:body.{block['id']}" for block in raw}
    paragraph = next(block for block in raw if block["type"] == "paragraph")
    units = file_el.findall(f".//x:group[@id='block:body.{paragraph['id']}']/x:trans-unit", NS)
    # One unit per block-level element of the rich text.
    assert len(units) == len(richtext.html_segments(paragraph["value"], "body")) > 0
    assert all(tu.get("datatype") == "html" for tu in units)
    # The changed paragraph asks for review and carries the Vietnamese it was translated from.
    review = [
        tu
        for tu in body.iter("{{{}}}trans-unit".format(NS["x"]))
        if tu.find("x:target", NS) is not None
        and tu.find("x:target", NS).get("state") == "needs-review-translation"
    ]
    assert len(review) == 1
    assert review[0].find("x:note[@from='previous-source']", NS) is not None


@pytest.mark.django_db
def test_links_become_numbered_inline_elements(tmp_path):
    # The seed article links to related articles inside its rich text.
    path = export(tmp_path, "xliff")
    text = path.read_text()
    assert re.search(r'<g id="\d+" ctype="link">', text)
    assert "linktype" not in text and "href" not in text


@pytest.mark.django_db
def test_export_status_filter(tmp_path):
    path = export(tmp_path, "po", "--status", "missing,outdated")
    catalogue = polib.pofile(str(path))
    keys = {entry.msgctxt.split("#")[0] for entry in units_of(catalogue)}
    expected = {
        item.key
        for item in TranslatableItem.objects.select_related("content_type")
        .filter(fields__status__in=[Status.MISSING, Status.OUTDATED])
        .distinct()
    }
    assert keys == expected
    # Only the fields that need work, not the up-to-date ones of the same items.
    item, _article = outdated_article()
    fields = {
        entry.msgctxt.split("#")[1].split(".")[0]
        for entry in catalogue
        if entry.msgctxt.startswith(item.key + "#")
    }
    assert fields == {"body"}


@pytest.mark.django_db
def test_export_unknown_status_is_an_error(tmp_path):
    with pytest.raises(CommandError):
        export(tmp_path, "po", "--status", "finished")


@pytest.mark.django_db
def test_po_export_marks_changed_segments_fuzzy_with_previous_source(tmp_path):
    path = export(tmp_path, "po")
    catalogue = polib.pofile(str(path))
    fuzzy = [entry for entry in catalogue if "fuzzy" in entry.flags]
    assert len(fuzzy) == 1
    assert fuzzy[0].previous_msgid and fuzzy[0].previous_msgid != fuzzy[0].msgid
    assert catalogue.metadata["X-Translation-Units"] == str(len(catalogue) - 1)


# ------------------------------------------------------------------------------------ round trips
@pytest.mark.django_db
@pytest.mark.parametrize("file_format", ["xliff", "po"])
def test_unchanged_file_round_trip_is_byte_identical(tmp_path, file_format):
    path = export(tmp_path, file_format)
    before = content_snapshot()
    statuses = list(FieldTranslation.objects.order_by("pk").values_list("pk", "status", "translated_at"))
    import_file(path)
    assert content_snapshot() == before
    assert (
        list(FieldTranslation.objects.order_by("pk").values_list("pk", "status", "translated_at")) == statuses
    )
    again = tmp_path / f"again.{file_format}"
    call_command("export_translations", "--format", file_format, "--output", str(again))
    assert again.read_bytes() == path.read_bytes()


def _translate_xliff(path, key, mutate):
    tree = etree.parse(str(path))
    file_el = next(f for f in tree.getroot().findall("x:file", NS) if f.get("original") == key)
    mutate(file_el)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.django_db
def test_xliff_translation_of_outdated_streamfield_updates_body_and_status(tmp_path):
    item, article = outdated_article()
    path = export(tmp_path, "xliff", "--status", "outdated")

    def mutate(file_el):
        for tu in file_el.iter("{{{}}}trans-unit".format(NS["x"])):
            target = tu.find("x:target", NS)
            if target is not None and target.get("state") == "needs-review-translation":
                last = target[-1] if len(target) else None
                if last is not None:
                    last.tail = (last.tail or "") + " The city will hold Hanoi Design Week every year."
                else:
                    target.text = (target.text or "") + " The city will hold Hanoi Design Week every year."
                target.set("state", "translated")

    _translate_xliff(path, item.key, mutate)
    import_file(path)
    article.refresh_from_db()
    body_en = article.body_en.get_prep_value()
    body_vi = article.body_vi.get_prep_value()
    # The English follows the Vietnamese structure: same blocks, same ids, same images.
    assert [(b["type"], b["id"]) for b in body_en] == [(b["type"], b["id"]) for b in body_vi]
    for en, vi in zip(body_en, body_vi, strict=False):
        if en["type"] == "image":
            assert en["value"]["image"] == vi["value"]["image"]
    assert "Hanoi Design Week every year." in str(body_en)
    assert FieldTranslation.objects.get(item=item, field="body").status == Status.UP_TO_DATE
    item.refresh_from_db()
    assert item.status == Status.UP_TO_DATE


@pytest.mark.django_db
def test_links_in_translated_rich_text_keep_their_targets(tmp_path):
    item = next(
        i
        for i in TranslatableItem.objects.select_related("content_type").filter(
            content_type__model="articlepage"
        )
        if 'linktype="page"' in str(i.get_object().body_vi.get_prep_value())
    )
    article = item.get_object()
    path = export(tmp_path, "xliff")

    def mutate(file_el):
        for tu in file_el.iter("{{{}}}trans-unit".format(NS["x"])):
            target = tu.find("x:target", NS)
            if target is not None and target.find("x:g[@ctype='link']", NS) is not None:
                link = target.find("x:g[@ctype='link']", NS)
                link.text = "Translated link text"
                target.set("state", "translated")

    _translate_xliff(path, item.key, mutate)
    import_file(path)
    article.refresh_from_db()
    html = str(article.body_en.get_prep_value())
    assert re.search(r'<a id="\d+" linktype="page">Translated link text</a>', html) or re.search(
        r'<a linktype="page" id="\d+">Translated link text</a>', html
    )


@pytest.mark.django_db
def test_po_translation_of_missing_article_publishes_english(tmp_path, client):
    item, article = missing_article()
    path = export(tmp_path, "po", "--status", "missing")
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.msgctxt.startswith(item.key + "#"):
            entry.msgstr = "EN: " + entry.msgid
    catalogue.save(str(path))
    import_file(path)
    article.refresh_from_db()
    assert article.title_en == "EN: " + article.title_vi
    assert article.slug_en  # folded from the English title
    assert article.has_translation("en")
    assert FieldTranslation.objects.filter(item=item).exclude(status=Status.UP_TO_DATE).count() == 0
    response = client.get(article.url_in("en"))
    assert response.status_code == 200
    assert "not yet available in English" not in response.content.decode()


@pytest.mark.django_db
def test_po_fuzzy_entries_are_not_imported_until_confirmed(tmp_path):
    item, article = outdated_article()
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if "fuzzy" in e.flags)
    entry.msgstr = entry.msgstr + " Added."
    catalogue.save(str(path))
    import_file(path)
    assert FieldTranslation.objects.get(item=item, field="body").status == Status.OUTDATED
    entry.flags.remove("fuzzy")
    catalogue.save(str(path))
    import_file(path)
    assert FieldTranslation.objects.get(item=item, field="body").status == Status.UP_TO_DATE
    article.refresh_from_db()
    assert "Added." in str(article.body_en.get_prep_value())


@pytest.mark.django_db
def test_confirming_an_outdated_unit_without_changing_it_marks_it_up_to_date(tmp_path):
    item, article = outdated_article()
    english = str(article.body_en.get_prep_value())
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(str(path))
    import_file(path)
    assert FieldTranslation.objects.get(item=item, field="body").status == Status.UP_TO_DATE
    article.refresh_from_db()
    assert str(article.body_en.get_prep_value()) == english


@pytest.mark.django_db
def test_import_sanitizes_event_handlers_and_unknown_tags(tmp_path, capsys):
    item, article = missing_article()
    path = export(tmp_path, "po", "--status", "missing")
    catalogue = polib.pofile(str(path))
    for entry in catalogue:
        if entry.msgctxt.startswith(item.key + "#"):
            entry.msgstr = "Plain " + entry.msgid
    catalogue.save(str(path))
    import_file(path)
    # Now a rich-text unit: the outdated article's changed paragraph.
    item, article = outdated_article()
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if "fuzzy" in e.flags)
    entry.flags.remove("fuzzy")
    entry.msgstr = '<b onclick="alert(1)">Bold</b> <span style="color:red">plain</span> text.'
    catalogue.save(str(path))
    import_file(path)
    err = capsys.readouterr().err
    assert "onclick" in err and "span" in err
    article.refresh_from_db()
    html = str(article.body_en.get_prep_value())
    assert "<b>Bold</b> plain text." in html
    assert "onclick" not in html and "<span" not in html


# ------------------------------------------------------------------------------------ refusals
def _refused(path, capsys, reason):
    before = content_snapshot()
    with pytest.raises(CommandError):
        import_file(path)
    assert content_snapshot() == before
    err = capsys.readouterr().err
    assert re.search(reason, err, re.IGNORECASE), err
    return err


def units_of(catalogue):
    """The entries that are translation units (not the end-of-file marker)."""
    return [entry for entry in catalogue if entry.msgctxt != po.END_CONTEXT]


def _translated_po(tmp_path):
    """A PO export of the missing articles with every entry translated."""
    path = export(tmp_path, "po", "--status", "missing")
    catalogue = polib.pofile(str(path))
    for entry in units_of(catalogue):
        entry.msgstr = "EN " + entry.msgid
    catalogue.save(str(path))
    return path, catalogue


@pytest.mark.django_db
def test_truncated_xliff_is_refused(tmp_path, capsys):
    path = export(tmp_path, "xliff")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    _refused(path, capsys, "well-formed|truncated")


@pytest.mark.django_db
def test_truncated_po_is_refused(tmp_path, capsys):
    path, _catalogue = _translated_po(tmp_path)
    text = path.read_text()
    # Cut at an entry boundary, so the rest still parses: the unit count catches it.
    cut = text.rfind("\n\n", 0, len(text) // 2)
    path.write_text(text[:cut] + "\n")
    _refused(path, capsys, "truncated")


@pytest.mark.django_db
def test_po_cut_mid_entry_is_refused(tmp_path, capsys):
    path, _catalogue = _translated_po(tmp_path)
    text = path.read_text()
    path.write_text(text[: text.rfind('msgstr "') + 10])
    _refused(path, capsys, "truncated|valid PO|damaged")


@pytest.mark.django_db
def test_unknown_unit_is_refused(tmp_path, capsys):
    path, catalogue = _translated_po(tmp_path)
    catalogue.insert(
        len(catalogue) - 1,
        polib.POEntry(msgctxt="core.standardpage:999999#title", msgid="Không có", msgstr="None"),
    )
    catalogue.metadata["X-Translation-Units"] = str(len(units_of(catalogue)))
    catalogue.save(str(path))
    _refused(path, capsys, "unknown unit")


@pytest.mark.django_db
def test_unknown_xliff_unit_in_a_known_item_is_refused(tmp_path, capsys):
    item, _article = missing_article()
    path = export(tmp_path, "xliff", "--status", "missing")

    def mutate(file_el):
        tu = file_el.find(".//x:trans-unit", NS)
        tu.set("id", "body.not-a-block.0")

    _translate_xliff(path, item.key, mutate)
    _refused(path, capsys, "unknown unit")


@pytest.mark.django_db
def test_changed_source_is_refused(tmp_path, capsys):
    item, article = missing_article()
    path, _catalogue = _translated_po(tmp_path)
    article.lead_vi = article.lead_vi + " Đã cập nhật."
    article.save_revision().publish()
    err = _refused(path, capsys, "source changed")
    assert item.key in err


@pytest.mark.django_db
def test_script_injection_is_refused_in_xliff(tmp_path, capsys):
    item, _article = outdated_article()
    path = export(tmp_path, "xliff", "--status", "outdated")

    def mutate(file_el):
        target = file_el.find(".//x:target", NS)
        script = etree.SubElement(target, "{{{}}}script".format(NS["x"]))
        script.text = "alert(document.cookie)"
        target.set("state", "translated")

    _translate_xliff(path, item.key, mutate)
    _refused(path, capsys, "unsafe markup|not allowed")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>Text",
        '<a href="javascript:alert(1)">click</a>',
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        '<iframe src="https://example.com"></iframe>',
    ],
)
def test_script_injection_is_refused_in_po(tmp_path, capsys, payload):
    item, _article = outdated_article()
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if "fuzzy" in e.flags)
    entry.flags.remove("fuzzy")
    entry.msgstr = payload
    catalogue.save(str(path))
    _refused(path, capsys, "unsafe markup|script")


@pytest.mark.django_db
def test_script_in_a_plain_text_field_is_refused(tmp_path, capsys):
    path, catalogue = _translated_po(tmp_path)
    catalogue[0].msgstr = "<script>alert(1)</script>"
    catalogue.save(str(path))
    _refused(path, capsys, "unsafe markup|script")


@pytest.mark.django_db
@pytest.mark.parametrize("payload", ["<b>unclosed", "text</i>", '<a id="99">no such link</a>'])
def test_broken_markup_is_refused(tmp_path, capsys, payload):
    item, _article = outdated_article()
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if "fuzzy" in e.flags)
    entry.flags.remove("fuzzy")
    entry.msgstr = payload
    catalogue.save(str(path))
    _refused(path, capsys, "broken markup")


@pytest.mark.django_db
def test_one_bad_unit_refuses_the_whole_file(tmp_path, capsys):
    path, catalogue = _translated_po(tmp_path)
    last = units_of(catalogue)[-1]
    last.msgstr = "<script>x</script>"
    catalogue.save(str(path))
    err = _refused(path, capsys, "unsafe markup")
    assert last.msgctxt in err
    # The good units before it were not written either.
    assert (
        TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").count() >= 2
    )


@pytest.mark.django_db
def test_not_an_xliff_file_is_refused(tmp_path, capsys):
    path = tmp_path / "other.xml"
    path.write_bytes(b'<?xml version="1.0"?><html><body/></html>')
    _refused(path, capsys, "not an XLIFF")


@pytest.mark.django_db
def test_xml_entities_are_not_expanded(tmp_path, capsys):
    path = tmp_path / "bomb.xlf"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        b'<file original="core.homepage:1" source-language="vi" target-language="en" datatype="plaintext">'
        b'<body><trans-unit id="title"><source>&a;</source></trans-unit></body></file></xliff>'
    )
    _refused(path, capsys, "DOCTYPE")


@pytest.mark.django_db
def test_plan_reports_every_failing_unit(tmp_path):
    path, catalogue = _translated_po(tmp_path)
    catalogue[0].msgstr = "<script>x</script>"
    catalogue[1].msgid = "Nguồn khác"
    catalogue.save(str(path))
    with pytest.raises(exchange.Refused) as refused, translation.override("en"):
        exchange.plan(files.parse(path.read_bytes()))
    reasons = " ".join(why for _where, why in refused.value.errors)
    assert "unsafe markup" in reasons and "source changed" in reasons
