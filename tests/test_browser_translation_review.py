"""In a real browser: a translator uploads a file and saves a field in the desk on live pages,
the English is submitted for review, an editor publishes both from the dashboard."""

import polib
import pytest

from tests.translation_helpers import run_import_worker

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "correct horse battery staple"


def make_user(django_user_model, username, role):
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    from hanoi_creative.newsroom.roles import group_name

    user = django_user_model.objects.create_user(username, f"{username}@example.com", PASSWORD)
    user.groups.add(Group.objects.get(name=group_name(role)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def po_for(item):
    """A PO file translating every unit of ``item`` (as a translator's tool would)."""
    from hanoi_creative.translations import exchange, po

    catalogue = polib.pofile(po.export([exchange.export_item(item)]))
    for entry in catalogue:
        if entry.msgctxt and entry.msgctxt.startswith(item.key + "#"):
            entry.msgstr = "From the file: " + entry.msgid
    return str(catalogue)


def test_translator_uploads_and_saves_then_editor_publishes(
    live_server, browser, django_user_model, tmp_path
):
    from hanoi_creative.translations.models import Status, TranslatableItem
    from news.models import ArticlePage

    make_user(django_user_model, "translator", "translators")
    make_user(django_user_model, "editor", "editors")
    by_file, by_desk = TranslatableItem.objects.filter(
        status=Status.MISSING, content_type__model="articlepage"
    )[:2]
    path = tmp_path / "translations.po"
    path.write_text(po_for(by_file), encoding="utf-8")
    base = live_server.url

    page = browser.new_page()
    log_in(page, base, "translator")
    # The file, through the desk's import form; the worker runs it in the background.
    page.goto(f"{base}/admin/translations/")
    page.set_input_files("input[type=file][name=file]", str(path))
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url("**/admin/translations/import/*/")
    assert run_import_worker() == 1
    page.wait_for_selector("text=submitted to the editors for review", timeout=15000)

    # A field on another live page, in the desk's form.
    page.goto(f"{base}/admin/translations/item/{by_desk.pk}/")
    for area in page.locator("textarea[name^='t:']").all():
        area.fill("Typed in the desk")
    page.get_by_role("button", name="Save translation").click()
    page.wait_for_selector("text=submitted to the editors for review")
    for item in (by_file, by_desk):
        assert not ArticlePage.objects.get(pk=item.object_id).title_en  # not public yet
    page.close()

    page = browser.new_page()
    log_in(page, base, "editor")
    panel = page.locator("#translations-awaiting-review-section")
    assert "2 pages with English from translators" in panel.inner_text()
    for _ in range(2):
        panel = page.locator("#translations-awaiting-review-section")
        panel.get_by_role("button", name="Publish").first.click()
        page.wait_for_selector("text=is published with its English")
    file_article = ArticlePage.objects.get(pk=by_file.object_id)
    desk_article = ArticlePage.objects.get(pk=by_desk.object_id)
    assert file_article.title_en.startswith("From the file: ")
    assert desk_article.title_en == "Typed in the desk"
    assert not file_article.has_unpublished_changes and not desk_article.has_unpublished_changes
    assert file_article.has_translation("en")  # every unit of the file: title, lead, body
    page.close()
