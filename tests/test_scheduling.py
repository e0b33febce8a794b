"""Go-live and expiry times: honoured by every public surface and by ``publish_scheduled``."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Page, Revision

from news.queries import visible_articles

pytestmark = pytest.mark.django_db

TITLE = "Lễ hội Thiết kế sáng tạo Hà Nội khai mạc"


def public_surfaces(client):
    """The listing and the feed, as the public fetches them."""
    client.logout()
    with translation.override("vi"):
        listing = client.get(reverse("news:index")).content.decode()
        feed = client.get(reverse("news:feed", kwargs={"format": "rss"})).content.decode()
    return listing + feed


def schedule(article, go_live_at):
    article.go_live_at = go_live_at
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    return revision


def test_scheduled_article_stays_hidden_until_publish_scheduled_runs(client, make_article):
    article = make_article(TITLE, "Hanoi Creative Design Festival opens")
    revision = schedule(article, timezone.now() + timedelta(hours=3))
    assert not article.live
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is not None
    assert TITLE not in public_surfaces(client)
    assert client.get(article.url_in("vi") or f"/vi/tin-tuc/{article.slug_vi}/").status_code == 404

    # Three hours later (moved back rather than waited for), the scheduler publishes it.
    past = timezone.now() - timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    Page.objects.filter(pk=article.pk).update(go_live_at=past)
    call_command("publish_scheduled", verbosity=0)

    article.refresh_from_db()
    assert article.live
    assert not Revision.objects.filter(pk=revision.pk, approved_go_live_at__isnull=False).exists()
    assert TITLE in public_surfaces(client)
    assert client.get(article.url_in("vi")).status_code == 200


def test_publish_scheduled_leaves_future_articles_alone(make_article):
    article = make_article(TITLE)
    schedule(article, timezone.now() + timedelta(days=1))
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live


def test_expired_article_leaves_every_surface_at_once(client, make_article):
    article = make_article(TITLE, "Hanoi Creative Design Festival opens", live=True)
    assert TITLE in public_surfaces(client)
    Page.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    # The visibility rule hides it before the scheduler has even run.
    assert not visible_articles("vi").filter(pk=article.pk).exists()
    assert TITLE not in public_surfaces(client)


def test_publish_scheduled_unpublishes_an_expired_article(client, make_article):
    article = make_article(TITLE, live=True)
    Page.objects.filter(pk=article.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live
    assert article.expired
    assert client.get(f"/vi/tin-tuc/{article.slug_vi}/").status_code == 404


def test_article_with_future_expiry_is_still_shown(client, make_article):
    article = make_article(TITLE, live=True)
    Page.objects.filter(pk=article.pk).update(expire_at=timezone.now() + timedelta(days=1))
    assert TITLE in public_surfaces(client)
