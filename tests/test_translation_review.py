"""A translator's English for a live page is never a dead end: it is stored as a revision and
submitted to the editors (the "Duyệt bài / Editorial review" workflow), who publish it from
their dashboard in one action. Driven over HTTP as each role, in both admin languages."""

import polib
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import WorkflowState

from hanoi_creative.translations.models import Status, TranslatableItem
from tests.translation_helpers import desk_form, import_and_wait, logged_in

SUBMITTED = {
    "en": "submitted to the editors for review (Editorial review)",
    "vi": "gửi biên tập viên duyệt (Duyệt bài)",
}
AWAITING = {"en": "Translations awaiting review", "vi": "Bản dịch chờ duyệt"}
PUBLISHED = {"en": "is published with its English", "vi": "đã được xuất bản cùng bản tiếng Anh"}


def missing_article():
    item = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage").first()
    return item, item.get_object()


def english(unit):
    return f"English {unit['path']}"


def notes(response):
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "vi"])
def test_translator_saving_a_live_page_submits_it_for_review(client, translator, language):
    item, article = missing_article()
    assert article.live
    client = logged_in(client, translator, language)
    response = client.post(reverse("translations:item", args=[item.pk]), desk_form(client, item, english))
    assert response.status_code == 302
    assert response["Location"] == reverse("translations:item", args=[item.pk])
    assert SUBMITTED[language] in notes(response)
    article.refresh_from_db()
    # Stored as a revision, not yet public.
    assert not article.title_en
    assert article.has_unpublished_changes
    assert article.get_latest_revision_as_object().title_en == "English title"
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.requested_by == translator


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "vi"])
def test_editor_publishes_a_translators_submission_from_the_dashboard(client, translator, editor, language):
    item, article = missing_article()
    client = logged_in(client, translator, "en")
    client.post(reverse("translations:item", args=[item.pk]), desk_form(client, item, english))
    client.logout()

    client = logged_in(client, editor, language)
    dashboard = client.get(reverse("wagtailadmin_home"))
    html = dashboard.content.decode()
    assert AWAITING[language] in html
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    action = reverse("translations:publish-review", args=[state.current_task_state_id])
    assert action in html

    response = client.post(action)
    assert response.status_code == 302
    assert PUBLISHED[language] in notes(response)
    article.refresh_from_db()
    assert article.title_en == "English title" and not article.has_unpublished_changes
    public = client.get(article.url_in("en")).content.decode()
    assert "English title" in public and "not yet available in English" not in public


@pytest.mark.django_db
def test_translator_cannot_publish_through_the_review_action(client, translator):
    item, article = missing_article()
    client = logged_in(client, translator, "en")
    client.post(reverse("translations:item", args=[item.pk]), desk_form(client, item, english))
    state = WorkflowState.objects.get(object_id=str(article.pk), status=WorkflowState.STATUS_IN_PROGRESS)
    client.post(reverse("translations:publish-review", args=[state.current_task_state_id]))
    article.refresh_from_db()
    assert not article.title_en


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "vi"])
def test_translator_import_of_a_live_page_is_submitted_not_refused(client, translator, language):
    item, article = missing_article()
    client = logged_in(client, translator, language)
    exported = client.get(reverse("translations:export"), {"format": "po", "item": [item.pk]})
    catalogue = polib.pofile(exported.content.decode())
    for entry in catalogue:
        if entry.msgctxt and entry.msgctxt.startswith(item.key + "#"):
            entry.msgstr = "EN " + entry.msgid
    page = import_and_wait(client, "translations.po", str(catalogue).encode())
    assert page.status_code == 200
    assert SUBMITTED[language] in page.content.decode()
    article.refresh_from_db()
    assert not article.title_en
    assert article.get_latest_revision_as_object().title_en.startswith("EN ")
    assert WorkflowState.objects.filter(object_id=str(article.pk), requested_by=translator).exists()


@pytest.mark.django_db
def test_editor_saving_in_the_desk_publishes_at_once(client, editor):
    item, article = missing_article()
    client = logged_in(client, editor, "en")
    response = client.post(reverse("translations:item", args=[item.pk]), desk_form(client, item, english))
    assert response.status_code == 302
    assert "published with their English" in notes(response) or "published with its English" in notes(
        response
    )
    article.refresh_from_db()
    assert article.title_en == "English title"


@pytest.mark.django_db
@pytest.mark.parametrize("language, reason", [("en", "you may not edit"), ("vi", "bạn không có quyền sửa")])
def test_no_page_permission_is_a_clear_message_on_the_same_screen(
    client, django_user_model, language, reason
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("desk-only", "d@example.com", "password")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="use_translation_desk"),
    )
    item, article = missing_article()
    client = logged_in(client, user, language)
    response = client.post(reverse("translations:item", args=[item.pk]), desk_form(client, item, english))
    assert response.status_code == 400
    assert reason in response.content.decode()
    article.refresh_from_db()
    assert not article.title_en and not article.has_unpublished_changes
