"""Files that CAT tools accept: every XLIFF export valid against the OASIS 1.2 strict schema,
Weblate's state/approved reading, page addresses as context, protected names, target modes,
pre-filled memory matches that only a translator's confirmation publishes, round trips through
translate-toolkit (its XLIFF and PO storage classes, xliff2po and po2xliff), and TMX."""

import io

import polib
import pytest
from django.core.management import call_command
from django.urls import reverse
from lxml import etree
from translate.convert import po2xliff, xliff2po
from translate.storage import pypo, tmx, xliff

from hanoi_creative.translations.models import MemorySegment
from tests.test_translation_exchange import (
    NS,
    SCHEMA,
    content_snapshot,
    export,
    import_file,
    outdated_article,
)
from tests.translation_helpers import logged_in

Q = "{" + NS["x"] + "}"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def units(path):
    return etree.parse(str(path)).getroot().iter(f"{Q}trans-unit")


def inner(element):
    """An element's content as XML, without its own tags."""
    return (element.text or "") + "".join(etree.tostring(child, encoding="unicode") for child in element)


def assert_imports_unchanged(path, data=None):
    """Importing ``path`` (written with ``data`` first when given) changes no content."""
    if data is not None:
        path.write_bytes(data)
    before = content_snapshot()
    import_file(path)
    assert content_snapshot() == before


def valid(schema, data):
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log
    return document


@pytest.mark.django_db
@pytest.mark.parametrize(
    "extra",
    [
        [],
        ["--target-mode", "copy"],
        ["--target-mode", "empty"],
        ["--prefill", "exact"],
        ["--status", "missing"],
    ],
)
def test_every_export_is_valid_against_the_oasis_strict_schema(tmp_path, schema, extra):
    valid(schema, export(tmp_path, "xliff", *extra).read_bytes())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_admin_exports_are_valid_too(client, translator, schema, language):
    client = logged_in(client, translator, language)
    for mode in ("", "copy", "empty"):
        response = client.get(
            reverse("translations:export"),
            {"format": "xliff", "include": ["missing", "outdated"], "prefill": "on", "target_mode": mode},
        )
        assert response.status_code == 200
        valid(schema, response.content)


@pytest.mark.django_db
def test_states_follow_weblates_reading(tmp_path):
    item, _article = outdated_article()
    path = export(tmp_path, "xliff")
    seen = set()
    for tu in units(path):
        target = tu.find(f"{Q}target")
        if target is None:
            assert tu.get("approved") == "no"
            seen.add("missing")
        elif target.get("state") == "translated":
            assert tu.get("approved") == "yes"
            seen.add("translated")
        else:
            assert target.get("state") == "needs-review-translation" and tu.get("approved") == "no"
            seen.add("review")
    assert seen == {"missing", "translated", "review"}
    # translate-toolkit (which Weblate builds on) reads them the same way.
    store = xliff.xlifffile.parsestring(path.read_bytes())
    for unit in store.units:
        if unit.target and unit.xmlelement.get("approved") == "yes":
            assert not unit.isfuzzy()
        elif unit.target:
            assert unit.isfuzzy()


@pytest.mark.django_db
def test_units_carry_their_address_and_the_pages_url(tmp_path):
    item, article = outdated_article()
    path = export(tmp_path, "xliff")
    root = etree.parse(str(path)).getroot()
    file_el = next(f for f in root.iter(f"{Q}file") if f.get("original") == item.key)
    for tu in file_el.iter(f"{Q}trans-unit"):
        contexts = {c.get("context-type"): c.text for c in tu.iter(f"{Q}context")}
        assert contexts["sourcefile"] == f"{item.key}#{tu.get('id')}"
        assert contexts["x-public-vi"].endswith(article.url_in("vi"))
        assert contexts["x-preview"].endswith(reverse("wagtailadmin_pages:view_draft", args=[article.pk]))
        note = tu.find(f"{Q}note[@from='page']")
        assert note is not None and note.text.startswith("http")


@pytest.mark.django_db
def test_do_not_translate_names_are_protected(tmp_path):
    path = export(tmp_path, "xliff")
    marks = [m for tu in units(path) for m in tu.find(f"{Q}source").iter(f"{Q}mrk")]
    assert marks and all(m.get("mtype") == "protected" and m.text in ("UNESCO", "UCCN") for m in marks)


@pytest.mark.django_db
@pytest.mark.parametrize("mode", ["copy", "empty"])
def test_target_modes_and_their_files_import_unchanged(tmp_path, mode):
    path = export(tmp_path, "xliff", "--target-mode", mode)
    untranslated = [tu for tu in units(path) if tu.find(f"{Q}target").get("state") == "needs-translation"]
    assert untranslated
    for tu in untranslated:
        target, source = tu.find(f"{Q}target"), tu.find(f"{Q}source")
        if mode == "copy":
            assert inner(target) == inner(source)
        else:
            assert not len(target) and not target.text
            assert target.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    assert_imports_unchanged(path)  # the Vietnamese copy never passes for English


@pytest.mark.django_db
def test_prefilled_matches_need_a_translators_confirmation(tmp_path, make_article):
    make_article("Một câu đã dịch về thiết kế", "A translated sentence about design", live=True)
    fresh = make_article("Một câu đã dịch về thiết kế", live=True)
    path = export(tmp_path, "xliff", "--prefill", "exact", "--status", "missing")
    root = etree.parse(str(path)).getroot()
    key = f"news.articlepage:{fresh.pk}"
    file_el = next(f for f in root.iter(f"{Q}file") if f.get("original") == key)
    tu = next(t for t in file_el.iter(f"{Q}trans-unit") if t.get("id") == "title")
    target = tu.find(f"{Q}target")
    assert target.text == "A translated sentence about design"
    assert target.get("state") == "needs-review-translation"
    assert target.get("state-qualifier") == "leveraged-tm"
    fresh.refresh_from_db()
    assert not fresh.title_en  # exporting wrote nothing

    import_file(path)  # imported as it is: still a suggestion
    fresh.refresh_from_db()
    assert not fresh.title_en

    # The translator confirms it (and translates the lead) in their tool, then imports.
    target.set("state", "translated")
    del target.attrib["state-qualifier"]
    lead = next(t for t in file_el.iter(f"{Q}trans-unit") if t.get("id") == "lead")
    etree.SubElement(lead, f"{Q}target", state="translated").text = "The lead"
    lead.insert(1, lead[-1])
    path.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    import_file(path)
    fresh.refresh_from_db()
    assert fresh.title_en == "A translated sentence about design"


# ------------------------------------------------------------------------------ translate-toolkit
@pytest.mark.django_db
def test_xliff_storage_class_reads_and_rewrites_our_file(tmp_path):
    path = export(tmp_path, "xliff")
    store = xliff.xlifffile.parsestring(path.read_bytes())
    ours = {(tu.getparent().getparent(), tu.get("id")) for tu in units(path)}
    assert len(store.units) == len(ours)
    assert all(unit.getlocations() for unit in store.units)
    assert_imports_unchanged(tmp_path / "rewritten.xlf", bytes(store))


@pytest.mark.django_db
def test_po_storage_class_reads_and_rewrites_our_file(tmp_path):
    path = export(tmp_path, "po")
    store = pypo.pofile(io.BytesIO(path.read_bytes()))
    translated = [unit for unit in store.units if unit.istranslated()]
    assert translated and all("#" in unit.getcontext() for unit in translated)
    assert_imports_unchanged(tmp_path / "rewritten.po", bytes(store))


@pytest.mark.django_db
def test_xliff2po_and_po2xliff_round_trip_imports_unchanged(tmp_path):
    # Plain-text units: translate-toolkit's PO conversion flattens inline markup.
    path = export(tmp_path, "xliff", "--section", "model:news.category", "--section", "model:news.tag")
    as_po = io.BytesIO()
    xliff2po.convertxliff(io.BytesIO(path.read_bytes()), as_po, None)
    assert b"%23" in as_po.getvalue()  # each unit's address, kept as a PO location
    assert_imports_unchanged(tmp_path / "round.po", as_po.getvalue())

    store = pypo.pofile(io.BytesIO(as_po.getvalue()))
    back = po2xliff.po2xliff().convertstore(store, None, sourcelanguage="vi", targetlanguage="en")
    assert_imports_unchanged(tmp_path / "round.xlf", back)

    # A translator's change made on the PO side comes through.
    from news.models import Category

    category = Category.objects.exclude(name_en="").first()
    for unit in store.units:
        if unit.source == category.name_vi:
            unit.target = "Renamed category"
    back = po2xliff.po2xliff().convertstore(store, None, sourcelanguage="vi", targetlanguage="en")
    renamed = tmp_path / "renamed.xlf"
    renamed.write_bytes(back)
    import_file(renamed)
    category.refresh_from_db()
    assert category.name_en == "Renamed category"


@pytest.mark.django_db
def test_tmx_export_holds_the_whole_memory(tmp_path):
    out = tmp_path / "memory.tmx"
    call_command("export_translation_memory", "--output", str(out))
    store = tmx.tmxfile.parsestring(out.read_bytes())
    assert len(store.units) == MemorySegment.objects.count() > 0
    row = MemorySegment.objects.filter(kind="text").order_by("pk").first()
    unit = next(u for u in store.units if u.source == row.source)
    assert unit.target == row.target
    root = etree.fromstring(out.read_bytes())
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "vi"


@pytest.mark.django_db
def test_prefilled_po_entries_are_fuzzy_until_confirmed(tmp_path, make_article):
    make_article("Câu đã có bản dịch", "A sentence with a translation", live=True)
    fresh = make_article("Câu đã có bản dịch", live=True)
    path = export(tmp_path, "po", "--prefill", "exact", "--status", "missing")
    catalogue = polib.pofile(path.read_text(encoding="utf-8"))
    entry = next(e for e in catalogue if e.msgctxt == f"news.articlepage:{fresh.pk}#title")
    assert entry.msgstr == "A sentence with a translation" and "fuzzy" in entry.flags
    import_file(path)
    fresh.refresh_from_db()
    assert not fresh.title_en
