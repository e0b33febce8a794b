"""A refused import says why in the importer's language: Vietnamese when vi is active (the
command's language, the admin user's preferred language), English when en is; nothing changes."""

import re

import polib
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import translation
from lxml import etree
from wagtail.users.models import UserProfile

from hanoi_creative.translations import exchange, files
from hanoi_creative.translations.models import Status, TranslatableItem
from tests.test_translation_exchange import NS, content_snapshot, export
from tests.translation_helpers import import_and_wait

NOT_XLIFF = b'<?xml version="1.0"?><html><body/></html>'
CUT_XLIFF = b'<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file'


def run_import(path, language, capsys):
    """Import in ``language``; the command must refuse and change nothing. Returns everything
    it wrote to stderr plus the CommandError's message."""
    before = content_snapshot()
    with translation.override(language), pytest.raises(CommandError) as refused:
        call_command("import_translations", str(path))
    assert content_snapshot() == before
    return capsys.readouterr().err + "\n" + str(refused.value)


def outdated_po_with(tmp_path, msgstr):
    """A PO export of the outdated article with its changed (fuzzy) unit set to ``msgstr``."""
    path = export(tmp_path, "po", "--status", "outdated")
    catalogue = polib.pofile(str(path))
    entry = next(e for e in catalogue if "fuzzy" in e.flags)
    entry.flags.remove("fuzzy")
    entry.msgstr = msgstr
    catalogue.save(str(path))
    return path


# -------------------------------------------------------------------------------------- command
@pytest.mark.django_db
def test_command_says_the_file_is_not_xliff_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "other.xml"
    path.write_bytes(NOT_XLIFF)
    err = run_import(path, "vi", capsys)
    assert "lỗi: tệp: không phải tệp XLIFF 1.2" in err
    assert "bị từ chối: 1 lỗi; không có gì thay đổi." in err
    assert "not an XLIFF" not in err and "refused" not in err


@pytest.mark.django_db
def test_command_says_the_file_is_not_xliff_in_english(tmp_path, capsys):
    path = tmp_path / "other.xml"
    path.write_bytes(NOT_XLIFF)
    err = run_import(path, "en", capsys)
    assert "error: file: not an XLIFF 1.2 file" in err
    assert "refused: 1 problem(s); nothing was changed." in err
    assert "tệp" not in err


@pytest.mark.django_db
def test_command_says_a_truncated_po_is_truncated_in_vietnamese(tmp_path, capsys):
    path = export(tmp_path, "po")
    text = path.read_text()
    path.write_text(text[: len(text) // 2].rstrip("\n"))
    vi = run_import(path, "vi", capsys)
    assert "tệp không kết thúc bằng dấu xuống dòng: có vẻ đã bị cắt cụt" in vi
    en = run_import(path, "en", capsys)
    assert "the file does not end with a newline: it looks truncated" in en


@pytest.mark.django_db
def test_command_counts_missing_units_in_vietnamese(tmp_path, capsys):
    path = export(tmp_path, "po")
    text = path.read_text()
    # Cut at an entry boundary, so the rest still parses; the end marker goes with it.
    path.write_text(text[: text.rfind("\n\n", 0, len(text) // 2)] + "\n")
    err = run_import(path, "vi", capsys)
    assert "tệp đã bị cắt cụt: mục cuối cùng bị thiếu hoặc bị cắt" in err


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload, vietnamese, english",
    [
        (
            "<script>alert(1)</script>Text",
            "từ chối mã không an toàn (bản dịch không được chứa mã script)",
            "unsafe markup refused (script is not allowed in a translation)",
        ),
        (
            '<a href="javascript:alert(1)">click</a>',
            "từ chối mã không an toàn (bản dịch không được chứa mã script)",
            "unsafe markup refused (script is not allowed in a translation)",
        ),
        (
            '<iframe src="https://example.com"></iframe>',
            "từ chối mã không an toàn (bản dịch không được chứa <iframe>)",
            "unsafe markup refused (<iframe> is not allowed in a translation)",
        ),
        ("<b>unclosed", "mã định dạng bị lỗi (<b> không được đóng)", "broken markup (<b> is never closed)"),
        (
            "text</i>",
            "mã định dạng bị lỗi (</i> đóng một phần tử chưa được mở)",
            "broken markup (</i> closes an element that is not open)",
        ),
        (
            '<a id="99">no such link</a>',
            'mã định dạng bị lỗi (<a id="99"> không khớp với phần tử nào của bản gốc)',
            'broken markup (<a id="99"> does not match an element of the source)',
        ),
    ],
)
def test_command_gives_markup_reasons_in_the_active_language(tmp_path, capsys, payload, vietnamese, english):
    path = outdated_po_with(tmp_path, payload)
    vi = run_import(path, "vi", capsys)
    assert vietnamese in vi, vi
    # Where the unit is: "dòng N (<item key>#<path>)".
    assert re.search(r"lỗi: dòng \d+ \(", vi), vi
    en = run_import(path, "en", capsys)
    assert english in en, en
    assert re.search(r"error: line \d+ \(", en), en


@pytest.mark.django_db
def test_command_gives_xliff_inline_reasons_in_vietnamese(tmp_path, capsys):
    item = TranslatableItem.objects.get(status=Status.OUTDATED, content_type__model="articlepage")
    path = export(tmp_path, "xliff", "--status", "outdated")
    tree = etree.parse(str(path))
    file_el = next(f for f in tree.getroot().findall("x:file", NS) if f.get("original") == item.key)
    target = file_el.find(".//x:target", NS)
    etree.SubElement(target, "{{{}}}script".format(NS["x"])).text = "alert(document.cookie)"
    target.set("state", "translated")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    vi = run_import(path, "vi", capsys)
    assert "từ chối mã không an toàn (bản dịch không được chứa <script>)" in vi
    assert f"{item.key}, đơn vị dịch " in vi
    en = run_import(path, "en", capsys)
    assert "unsafe markup refused (<script> is not allowed in a translation)" in en
    assert f"{item.key} unit " in en


@pytest.mark.django_db
def test_command_refuses_a_doctype_in_vietnamese(tmp_path, capsys):
    path = tmp_path / "bomb.xlf"
    path.write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"/>'
    )
    assert "tệp XLIFF không được chứa DOCTYPE (entity, DTD)" in run_import(path, "vi", capsys)


@pytest.mark.django_db
def test_command_warns_about_removed_markup_in_vietnamese(tmp_path, capsys):
    path = outdated_po_with(
        tmp_path, '<b onclick="alert(1)">Bold</b> <span style="color:red">plain</span> text.'
    )
    with translation.override("vi"):
        call_command("import_translations", str(path), "--dry-run")
    err = capsys.readouterr().err
    assert "cảnh báo: " in err
    assert "đã bỏ trình xử lý sự kiện onclick= khỏi <b>" in err
    assert "đã bỏ <span> (trình soạn thảo không cho phép), giữ lại phần chữ" in err
    assert "removed" not in err


@pytest.mark.django_db
def test_refusal_reasons_follow_the_language_active_when_the_file_is_read(tmp_path):
    path = outdated_po_with(tmp_path, "<b>unclosed")
    data = path.read_bytes()
    for language, reason in [("vi", "mã định dạng bị lỗi"), ("en", "broken markup")]:
        with translation.override(language), pytest.raises(exchange.Refused) as refused:
            exchange.plan(files.parse(data))
        assert all(why.startswith(reason) for _where, why in refused.value.errors)


# ---------------------------------------------------------------------------------------- admin
@pytest.fixture
def desk_client(client, admin_user):
    def login(language):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = language
        profile.save()
        client.force_login(admin_user)
        return client

    return login


def post_file(client, name, data):
    """Upload, let the background worker import it, return the result page."""
    return import_and_wait(client, name, data)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, reason, absent",
    [
        ("vi", "XML không hợp lệ, tệp có thể đã bị cắt cụt", "well-formed"),
        ("en", "not well-formed XML, the file may be truncated", "không hợp lệ"),
    ],
)
def test_admin_import_refusal_is_in_the_users_language(desk_client, language, reason, absent):
    response = post_file(desk_client(language), "broken.xlf", CUT_XLIFF)
    assert response.status_code == 400
    html = response.content.decode()
    assert reason in html and absent not in html
    where, why = response.context["run"].problems[0]
    assert where == {"vi": "tệp", "en": "file"}[language]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, reason",
    [
        ("vi", "từ chối mã không an toàn (bản dịch không được chứa mã script)"),
        ("en", "unsafe markup refused (script is not allowed in a translation)"),
    ],
)
def test_admin_import_of_a_po_with_script_is_refused_in_the_users_language(
    tmp_path, desk_client, language, reason
):
    path = outdated_po_with(tmp_path, "<script>alert(1)</script>Text")
    before = content_snapshot()
    response = post_file(desk_client(language), "translations.po", path.read_bytes())
    assert response.status_code == 400
    assert reason in " ".join(why for _where, why in response.context["run"].problems)
    assert content_snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, reason",
    [
        ("vi", "mã định dạng bị lỗi (<b> không được đóng)"),
        ("en", "broken markup (<b> is never closed)"),
    ],
)
def test_desk_item_refusal_is_in_the_users_language(desk_client, language, reason):
    client = desk_client(language)
    item = TranslatableItem.objects.get(status=Status.OUTDATED, content_type__model="articlepage")
    response = client.get(reverse("translations:item", args=[item.pk]))
    unit = next(
        unit for field in response.context["fields"] for unit in field["units"] if unit["kind"] == "html"
    )
    before = content_snapshot()
    response = client.post(
        reverse("translations:item", args=[item.pk]),
        {
            f"s:{unit['path']}": unit["source"],
            f"t:{unit['path']}": "<b>unclosed",
        },
    )
    assert response.status_code == 400
    assert reason in " ".join(why for _where, why in response.context["errors"])
    assert content_snapshot() == before
