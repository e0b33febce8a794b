"""Reader comments (Bình luận) on articles, held for moderation.

A comment belongs to one article and to the language it was written in: the Vietnamese page
shows the Vietnamese comments, the English page the English ones. Nothing a reader writes is
public before someone in the newsroom approves it. The e-mail address and IP address are kept
for moderation only (see ``privacy.py``).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

MAX_LENGTH = 2000
NAME_LENGTH = 80


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class Comment(models.Model):
    article = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    # One level of replies: a reply answers an approved top-level comment.
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    body = models.TextField(_("comment"), max_length=MAX_LENGTH)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # Why the checks sent it to the spam tab ("word list", ...); empty for a reader's normal comment.
    spam_reason = models.CharField(_("spam reason"), max_length=100, blank=True)
    by_newsroom = models.BooleanField(_("by the newsroom"), default=False)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The raw address for the first days (moderation, abuse reports), then only a keyed hash.
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    ip_hash = models.CharField(_("IP hash"), max_length=64, blank=True)
    # Folded text's hash, for duplicate detection.
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            # The article page and the card counts: approved comments of one article in one language.
            models.Index(fields=["article", "language", "status", "created_at"], name="comments_public"),
            # The moderation queue: one tab, newest first.
            models.Index(fields=["status", "-created_at"], name="comments_queue"),
        ]
        permissions = [
            ("moderate_all_comments", _("Can moderate comments on every article")),
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:40]}"

    @property
    def is_public(self):
        return self.status == Status.APPROVED


class ArticleCommentState(models.Model):
    """Comments closed on one article (no row: open, subject to the site's settings)."""

    article = models.OneToOneField(
        "news.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="comment_state",
    )
    closed = models.BooleanField(_("comments closed"), default=False)

    class Meta:
        verbose_name = _("article comment setting")
        verbose_name_plural = _("article comment settings")

    def __str__(self):
        return f"{self.article_id}: {'closed' if self.closed else 'open'}"


@register_setting(icon="comment")
class CommentSettings(BaseGenericSetting):
    enabled = models.BooleanField(
        _("comments enabled"),
        default=True,
        help_text=_("Turn off to close comments on every article at once. Published comments stay visible."),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_("Days after an article's publication date when its comments close. 0: never."),
    )
    blocked_words = models.TextField(
        _("blocked words"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A comment containing one goes straight to the spam tab. "
            "Accents and capitals are ignored: “ca cuoc” also catches “cá cược”."
        ),
    )

    class Meta:
        verbose_name = _("comment settings")
        verbose_name_plural = _("comment settings")


def comments_open(article, state=None, site_settings=None, now=None):
    """Whether readers may post on ``article`` now.

    Closed when the site-wide switch is off, when an editor closed the article, or when the
    article is older than the site's "close after N days".
    """
    site_settings = site_settings or CommentSettings.load()
    if not site_settings.enabled:
        return False
    if state is None:
        state = ArticleCommentState.objects.filter(article_id=article.pk).first()
    if state is not None and state.closed:
        return False
    days = site_settings.close_after_days
    if days and article.publication_date:
        return (now or timezone.now()) < article.publication_date + timedelta(days=days)
    return True
