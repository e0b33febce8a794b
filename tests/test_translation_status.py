"""Stored translation status: transitions on save, publish, draft, delete; the rebuild command;
the demo's desk state."""

import pytest
from django.core.management import call_command

from hanoi_creative.core.models import StandardPage
from hanoi_creative.translations.models import FieldTranslation, Status, TranslatableItem
from hanoi_creative.translations.registry import field_specs, item_key


def field_status(obj, field):
    return FieldTranslation.objects.get(
        item__content_type__model=obj._meta.model_name, item__object_id=str(obj.pk), field=field
    ).status


def item_of(obj):
    return TranslatableItem.objects.get(content_type__model=obj._meta.model_name, object_id=str(obj.pk))


def new_page(home, **fields):
    page = StandardPage(
        title_vi="Trang thử dịch", slug_vi="trang-thu-dich", intro_vi="Giới thiệu ngắn.", **fields
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.django_db
def test_page_without_english_is_missing(home):
    page = new_page(home)
    assert field_status(page, "title") == Status.MISSING
    assert field_status(page, "intro") == Status.MISSING
    assert item_of(page).status == Status.MISSING


@pytest.mark.django_db
def test_fields_without_vietnamese_are_not_on_the_desk(home):
    page = new_page(home)
    fields = set(item_of(page).fields.values_list("field", flat=True))
    assert fields == {"title", "intro"}


@pytest.mark.django_db
def test_saving_english_makes_fields_up_to_date(home):
    page = new_page(home)
    page.title_en = "Translation test page"
    page.intro_en = "A short introduction."
    page.save_revision().publish()
    assert field_status(page, "title") == Status.UP_TO_DATE
    assert field_status(page, "intro") == Status.UP_TO_DATE
    assert item_of(page).status == Status.UP_TO_DATE


@pytest.mark.django_db
def test_vietnamese_edit_after_translation_makes_field_outdated(home):
    page = new_page(home, title_en="Translation test page", intro_en="A short introduction.")
    assert field_status(page, "intro") == Status.UP_TO_DATE
    page.intro_vi = "Giới thiệu ngắn, đã sửa."
    page.save_revision().publish()
    assert field_status(page, "intro") == Status.OUTDATED
    assert field_status(page, "title") == Status.UP_TO_DATE
    assert item_of(page).status == Status.OUTDATED
    row = FieldTranslation.objects.get(item=item_of(page), field="intro")
    assert row.source_snapshot == "Giới thiệu ngắn."


@pytest.mark.django_db
def test_undoing_the_vietnamese_edit_makes_it_up_to_date_again(home):
    page = new_page(home, title_en="Translation test page", intro_en="A short introduction.")
    page.intro_vi = "Giới thiệu khác."
    page.save_revision().publish()
    page.intro_vi = "Giới thiệu ngắn."
    page.save_revision().publish()
    assert field_status(page, "intro") == Status.UP_TO_DATE


@pytest.mark.django_db
def test_new_english_after_outdated_is_up_to_date(home):
    page = new_page(home, title_en="Translation test page", intro_en="A short introduction.")
    page.intro_vi = "Giới thiệu ngắn, đã sửa."
    page.save_revision().publish()
    page.intro_en = "A short introduction, revised."
    page.save_revision().publish()
    assert field_status(page, "intro") == Status.UP_TO_DATE
    assert FieldTranslation.objects.get(item=item_of(page), field="intro").translated_at is not None


@pytest.mark.django_db
def test_clearing_english_makes_field_missing(home):
    page = new_page(home, title_en="Translation test page", intro_en="A short introduction.")
    page.intro_en = ""
    page.save_revision().publish()
    assert field_status(page, "intro") == Status.MISSING


@pytest.mark.django_db
def test_draft_revision_updates_status_before_publishing(home):
    page = new_page(home, title_en="Translation test page", intro_en="A short introduction.")
    page.intro_vi = "Bản nháp có nội dung mới."
    page.save_revision()  # a draft: the live row still has the old Vietnamese
    assert StandardPage.objects.get(pk=page.pk).intro_vi == "Giới thiệu ngắn."
    assert field_status(page, "intro") == Status.OUTDATED


@pytest.mark.django_db
def test_streamfield_paragraph_edit_makes_body_outdated(programme_pages):
    page = next(p for p in programme_pages.values() if p.body_vi)
    assert field_status(page, "body") == Status.UP_TO_DATE
    body = page.body_vi.get_prep_value()
    paragraph = next(block for block in body if block["type"] == "paragraph")
    paragraph["value"] = paragraph["value"].replace("</p>", " Câu mới.</p>", 1)
    page.body_vi = body
    page.save_revision().publish()
    assert field_status(page, "body") == Status.OUTDATED


@pytest.mark.django_db
def test_deleting_a_page_removes_it_from_the_desk(home):
    page = new_page(home)
    key = (item_of(page).content_type_id, str(page.pk))
    page.delete()
    assert not TranslatableItem.objects.filter(content_type_id=key[0], object_id=key[1]).exists()


@pytest.mark.django_db
def test_snippet_status_follows_its_english():
    from news.models import Category

    category = Category.objects.filter(name_en__gt="").first()
    assert field_status(category, "name") == Status.UP_TO_DATE
    category.name_vi = category.name_vi + " và đời sống"
    category.save()
    assert field_status(category, "name") == Status.OUTDATED


@pytest.mark.django_db
def test_page_section_is_its_top_level_ancestor(home):
    from news.models import ArticlePage, NewsIndexPage

    article = ArticlePage.objects.live().first()
    index = NewsIndexPage.objects.get()
    assert item_of(article).section == f"page:{index.pk}"
    assert item_of(home).section == f"page:{home.pk}"


@pytest.mark.django_db
def test_every_tracked_model_is_covered():
    from hanoi_creative.translations.registry import tracked_models
    from news.models import ArticlePage, Author, Category

    models = set(tracked_models())
    assert {StandardPage, ArticlePage, Author, Category} <= models
    assert all("slug" not in [spec.name for spec in field_specs(model)] for model in models)


@pytest.mark.django_db
def test_rebuild_command_recreates_lost_status(home):
    before = dict(TranslatableItem.objects.values_list("object_id", "status").order_by())
    counts = TranslatableItem.objects.count()
    TranslatableItem.objects.all().delete()
    call_command("rebuild_translation_status", verbosity=0)
    assert TranslatableItem.objects.count() == counts
    after = dict(TranslatableItem.objects.values_list("object_id", "status").order_by())
    # Without snapshots, an outdated field cannot be told from an up-to-date one: only
    # "missing" survives a rebuild from nothing.
    assert {k for k, v in after.items() if v == Status.MISSING} == {
        k for k, v in before.items() if v == Status.MISSING
    }


@pytest.mark.django_db
def test_rebuild_keeps_snapshots_and_outdated_status():
    outdated = set(TranslatableItem.objects.filter(status=Status.OUTDATED).values_list("pk", flat=True))
    assert outdated
    call_command("rebuild_translation_status", verbosity=0)
    assert (
        set(TranslatableItem.objects.filter(status=Status.OUTDATED).values_list("pk", flat=True)) == outdated
    )


@pytest.mark.django_db
def test_demo_leaves_articles_missing_and_one_outdated():
    from news.models import ArticlePage

    missing = TranslatableItem.objects.filter(status=Status.MISSING, content_type__model="articlepage")
    outdated = TranslatableItem.objects.filter(status=Status.OUTDATED)
    assert missing.count() >= 2
    assert outdated.count() == 1
    for item in missing:
        assert not ArticlePage.objects.get(pk=item.object_id).has_translation("en")


@pytest.mark.django_db
def test_load_demo_again_changes_nothing():
    before = list(TranslatableItem.objects.order_by("pk").values_list("pk", "status"))
    call_command("load_demo", verbosity=0, stdout=None)
    assert list(TranslatableItem.objects.order_by("pk").values_list("pk", "status")) == before


@pytest.mark.django_db
def test_translation_status_command_prints_a_table_per_section(capsys):
    call_command("translation_status")
    out = capsys.readouterr().out
    assert "Missing" in out and "Outdated" in out and "Up to date" in out
    assert "News" in out
    total = out.strip().splitlines()[-1].split()
    missing = TranslatableItem.objects.filter(status=Status.MISSING).count()
    assert total[0] == "Total" and int(total[1]) == missing


@pytest.mark.django_db
def test_item_key_round_trip(home):
    from hanoi_creative.translations.registry import resolve_item_key

    assert resolve_item_key(item_key(home)) == home
    assert resolve_item_key("core.homepage:999999") is None
    assert resolve_item_key("nope") is None
    assert resolve_item_key("auth.user:1") is None
