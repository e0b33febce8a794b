"""The admin area: report, filters, per-item view with diff, saving English, export/import,
dashboard chart, permissions."""

import polib
import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hanoi_creative.translations.diff import line_diff
from hanoi_creative.translations.models import FieldTranslation, Status, TranslatableItem
from tests.translation_helpers import import_and_wait, logged_in


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def outdated_item():
    return TranslatableItem.objects.select_related("content_type").get(status=Status.OUTDATED)


@pytest.mark.django_db
def test_menu_item_and_report_are_there(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert reverse("translations:report") in response.content.decode()
    response = admin_client.get(reverse("translations:report"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_report_filters_by_status(admin_client):
    response = admin_client.get(reverse("translations:report"), {"status": Status.MISSING})
    rows = response.context["rows"]
    assert rows and all(row["item"].status == Status.MISSING for row in rows)
    assert len(rows) == TranslatableItem.objects.filter(status=Status.MISSING).count()


@pytest.mark.django_db
def test_report_lists_work_first(admin_client):
    statuses = [
        row["item"].status for row in admin_client.get(reverse("translations:report")).context["rows"]
    ]
    missing, outdated = statuses.count(Status.MISSING), statuses.count(Status.OUTDATED)
    assert missing and outdated
    assert statuses[: missing + outdated] == [Status.MISSING] * missing + [Status.OUTDATED] * outdated


@pytest.mark.django_db
def test_report_filters_by_section_and_type(admin_client):
    item = outdated_item()
    response = admin_client.get(
        reverse("translations:report"), {"section": item.section, "type": item.content_type_id}
    )
    keys = {row["item"].pk for row in response.context["rows"]}
    expected = set(
        TranslatableItem.objects.filter(section=item.section, content_type=item.content_type).values_list(
            "pk", flat=True
        )
    )
    assert keys == expected and item.pk in keys


@pytest.mark.django_db
def test_report_ignores_bad_filter_values(admin_client):
    response = admin_client.get(
        reverse("translations:report"), {"status": "nope", "type": "abc", "p": "9999"}
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_item_view_shows_source_diff_and_english(admin_client):
    item = outdated_item()
    response = admin_client.get(reverse("translations:item", args=[item.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    body = next(field for field in response.context["fields"] if field["name"] == "body")
    assert body["diff"]
    inserted = [row for row in body["diff"] if "<ins>" in str(row["new"])]
    assert inserted and "Tuần lễ Thiết kế Hà Nội" in str(inserted[0]["new"])
    assert "<ins>" in html
    article = item.get_object()
    assert article.title_en in html and article.title_vi in html


@pytest.mark.django_db
def test_line_diff_marks_changed_words_only():
    rows = line_diff(["Một hai ba", "Giữ nguyên"], ["Một bốn ba", "Giữ nguyên", "Dòng mới"])
    assert rows[0]["op"] == "replace"
    assert "<del>hai</del>" in rows[0]["old"] and "<ins>bốn</ins>" in rows[0]["new"]
    assert rows[1]["op"] == "equal"
    assert rows[2]["op"] == "insert" and "Dòng mới" in rows[2]["new"]
    assert line_diff(["a"], ["a"]) == []


@pytest.mark.django_db
def test_diff_shows_inline_markup_as_formatting_and_passes_no_other_markup():
    rows = line_diff(
        ['Xem <a id="1">trang chủ</a> và <b>tin</b> mới'],
        ['Xem <a id="1">trang chủ mới</a> và tin mới <script>y</script> &lt;script&gt;'],
    )
    old, new = str(rows[0]["old"]), str(rows[0]["new"])
    assert '<span class="translation-diff__link">trang chủ</span>' in old
    assert '<strong class="translation-diff__changed">tin</strong>' in old  # bold was removed
    assert '<span class="translation-diff__link">trang chủ<ins> mới</ins></span>' in new
    assert "<script" not in new and "&lt;script&gt;" in new
    assert "id=" not in old + new


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_desk_diff_shows_no_raw_markup(client, translator, language):
    logged_in(client, translator, language)
    item = outdated_item()
    response = client.get(reverse("translations:item", args=[item.pk]))
    assert response.status_code == 200
    rows = [row for field in response.context["fields"] for row in field["diff"] or []]
    assert any(row["op"] == "equal" for row in rows) and any(row["op"] != "equal" for row in rows)
    shown = "".join(str(row["old"]) + str(row["new"]) for row in rows)
    assert "&lt;" not in shown and "&quot;" not in shown and " id=" not in shown
    html = response.content.decode()
    diff_html = html[html.index('class="translation-diff"') : html.index("translation-field__units")]
    assert "&lt;a" not in diff_html and "&lt;b" not in diff_html


@pytest.mark.django_db
def test_saving_english_in_the_desk_marks_item_done(admin_client):
    item = outdated_item()
    response = admin_client.get(reverse("translations:item", args=[item.pk]))
    data = {}
    for field in response.context["fields"]:
        for unit in field["units"]:
            data[f"s:{unit['path']}"] = unit["source"]
            data[f"t:{unit['path']}"] = unit["target"]
    response = admin_client.post(reverse("translations:item", args=[item.pk]), data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == Status.UP_TO_DATE
    assert FieldTranslation.objects.filter(item=item, status=Status.UP_TO_DATE).count() == item.fields.count()


@pytest.mark.django_db
def test_translating_a_missing_item_in_the_desk(admin_client):
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    response = admin_client.get(reverse("translations:item", args=[item.pk]))
    data = {}
    for field in response.context["fields"]:
        for unit in field["units"]:
            data[f"s:{unit['path']}"] = unit["source"]
            data[f"t:{unit['path']}"] = f"English for {unit['path']}\r\nsecond line"
    admin_client.post(reverse("translations:item", args=[item.pk]), data)
    article = item.get_object()
    assert article.title_en == "English for title\nsecond line"
    assert article.has_translation("en")
    item.refresh_from_db()
    assert item.status == Status.UP_TO_DATE


@pytest.mark.django_db
def test_desk_refuses_script_and_changes_nothing(admin_client):
    item = outdated_item()
    article = item.get_object()
    before = (article.title_en, str(article.body_en.get_prep_value()))
    response = admin_client.get(reverse("translations:item", args=[item.pk]))
    unit = response.context["fields"][0]["units"][0]
    response = admin_client.post(
        reverse("translations:item", args=[item.pk]),
        {
            f"s:{unit['path']}": unit["source"],
            f"t:{unit['path']}": "<script>alert(1)</script>",
        },
    )
    assert response.status_code == 400
    assert response.context["errors"] and "script" in str(response.context["errors"])
    article.refresh_from_db()
    assert (article.title_en, str(article.body_en.get_prep_value())) == before


@pytest.mark.django_db
def test_admin_export_and_import_round_trip(admin_client):
    response = admin_client.get(reverse("translations:export"), {"format": "po", "include": [Status.MISSING]})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    catalogue = polib.pofile(response.content.decode())
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    for entry in catalogue:
        if entry.msgctxt.startswith(item.key + "#"):
            entry.msgstr = "EN " + entry.msgid
    response = import_and_wait(admin_client, "translations.po", str(catalogue).encode())
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == Status.UP_TO_DATE


@pytest.mark.django_db
def test_admin_import_of_a_broken_file_says_why(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    # Read in English here; tests/test_translation_refusals_vi.py covers the Vietnamese admin.
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    response = import_and_wait(
        admin_client,
        "broken.xlf",
        b'<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file',
    )
    assert response.status_code == 400
    assert "well-formed" in str(response.context["run"].problems)


@pytest.mark.django_db
def test_admin_export_of_selected_items_only(admin_client):
    item = outdated_item()
    response = admin_client.get(reverse("translations:export"), {"format": "xliff", "item": [item.pk]})
    assert response.content.decode().count("<file ") == 1
    assert f'original="{item.key}"' in response.content.decode()


@pytest.mark.django_db
def test_dashboard_shows_coverage_per_section(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert 'id="translation-coverage' in html or "translation-coverage" in html
    assert "coverage-bar__part--missing" in html
    assert "coverage-bar__part--outdated" in html


@pytest.mark.django_db
def test_desk_needs_its_permission(client, django_user_model):
    from django.contrib.auth.models import Permission

    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    desk = Permission.objects.get(content_type__app_label="translations", codename="use_translation_desk")
    without, _created = Group.objects.get_or_create(name="Admin only")
    without.permissions.add(admin_access)
    with_desk, _created = Group.objects.get_or_create(name="Admin and desk")
    with_desk.permissions.add(admin_access, desk)
    user = django_user_model.objects.create_user("reader", password="password")
    user.groups.add(with_desk)
    editor_without = django_user_model.objects.create_user("plain", password="password")
    editor_without.groups.add(without)
    client.force_login(editor_without)
    assert reverse("translations:report") not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("translations:report")).status_code in (302, 403)
    client.force_login(user)
    assert client.get(reverse("translations:report")).status_code == 200


@pytest.mark.django_db
def test_translators_group_can_use_the_desk(client, django_user_model):
    user = django_user_model.objects.create_user("translator", password="password")
    user.groups.add(Group.objects.get(name="Biên dịch viên / Translators"))
    client.force_login(user)
    assert client.get(reverse("translations:report")).status_code == 200
    assert client.get(reverse("translations:item", args=[outdated_item().pk])).status_code == 200


@pytest.mark.django_db
def test_unknown_item_is_404(admin_client):
    assert admin_client.get(reverse("translations:item", args=[999999]), follow=True).status_code == 404
