"""Who moderates which comments, and the moves between tabs.

Editors (and superusers) moderate every comment; a reporter moderates the comments on the
articles they own; translators, and anyone else, see none. Every change that shows or hides a
comment on the public page tells the cache layers (``core.invalidation.notify``), so the
article shows it on the very next request.
"""

from django.db import transaction
from django.utils import timezone

from hanoi_creative.core.invalidation import notify

from .models import ArticleCommentState, Comment, Status

MODERATE = "comments.change_comment"
MODERATE_ALL = "comments.moderate_all_comments"
DELETE = "comments.delete_comment"


def may_moderate(user):
    return user.is_active and (user.has_perm(MODERATE_ALL) or user.has_perm(MODERATE))


def may_moderate_all(user):
    """Editors: every article, newsroom replies, commenters' data, open/close."""
    return user.is_active and user.has_perm(MODERATE_ALL)


def comments_for(user):
    """The comments ``user`` may see and moderate."""
    comments = Comment.objects.all()
    if may_moderate_all(user):
        return comments
    if user.is_active and user.has_perm(MODERATE):
        return comments.filter(article__owner=user)
    return comments.none()


def _changed_pages(comments):
    pages = {}
    for comment in comments:
        pages.setdefault(comment.article_id, comment.article)
    return list(pages.values())


@transaction.atomic
def set_status(comments, status, user):
    """Move ``comments`` to ``status``; returns how many changed.

    Cache layers hear about each article where a comment appeared or disappeared.
    """
    comments = list(comments.select_related("article").select_for_update(of=("self",)))
    changed = [comment for comment in comments if comment.status != status]
    if not changed:
        return 0
    now = timezone.now()
    Comment.objects.filter(pk__in=[c.pk for c in changed]).update(
        status=status, moderated_at=now, moderated_by=user
    )
    visible_change = [c for c in changed if Status.APPROVED in (c.status, status)]
    if visible_change:
        transaction.on_commit(lambda: notify(pages=_changed_pages(visible_change), objects=visible_change))
    return len(changed)


@transaction.atomic
def delete(comments):
    comments = list(comments.select_related("article"))
    public = [c for c in comments if c.status == Status.APPROVED]
    Comment.objects.filter(pk__in=[c.pk for c in comments]).delete()
    if public:
        transaction.on_commit(lambda: notify(pages=_changed_pages(public), objects=public))
    return len(comments)


@transaction.atomic
def reply_as_newsroom(parent, body, user, name):
    reply = Comment.objects.create(
        article=parent.article,
        language=parent.language,
        parent=parent.parent or parent,
        name=name,
        body=body,
        status=Status.APPROVED if parent.status == Status.APPROVED else Status.PENDING,
        by_newsroom=True,
        author_user=user,
        moderated_at=timezone.now(),
        moderated_by=user,
    )
    if reply.status == Status.APPROVED:
        transaction.on_commit(lambda: notify(pages=[parent.article], objects=[reply]))
    return reply


@transaction.atomic
def set_closed(article, closed):
    ArticleCommentState.objects.update_or_create(article=article, defaults={"closed": closed})
    transaction.on_commit(lambda: notify(pages=[article]))


@transaction.atomic
def erase_commenter(email):
    """Delete every comment written with ``email`` (and the replies under them)."""
    comments = Comment.objects.filter(email__iexact=email.strip())
    return delete(comments)
