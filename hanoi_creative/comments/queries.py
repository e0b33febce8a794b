"""What the public sees of the comments, in a fixed number of queries.

The article page gets its approved comments (top level, with their replies) from one query;
article cards get their approved-comment count as a column of the query that lists them.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import translation

from . import guards
from .models import ArticleCommentState, Comment, CommentSettings, Status, comments_open


def approved(article, language):
    return Comment.objects.filter(article_id=article.pk, language=language, status=Status.APPROVED)


def with_comment_counts(articles, language=None):
    """Annotate ``approved_comment_count`` (in ``language``, default the active one)."""
    language = language or translation.get_language()
    counts = (
        Comment.objects.filter(article_id=OuterRef("pk"), language=language, status=Status.APPROVED)
        .order_by()
        .values("article_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return articles.annotate(
        approved_comment_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )


def thread(article, language):
    """Approved top-level comments, oldest first, each with ``public_replies``; and the total.

    A reply shows only under an approved top-level comment.
    """
    comments = list(
        approved(article, language).only(
            "pk", "parent_id", "name", "body", "by_newsroom", "created_at", "language", "article_id"
        )
    )
    top = [comment for comment in comments if comment.parent_id is None]
    by_id = {comment.pk: comment for comment in top}
    for comment in top:
        comment.public_replies = []
    count = len(top)
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_id:
            by_id[comment.parent_id].public_replies.append(comment)
            count += 1
    return top, count


def article_context(article, request, language=None):
    """Template context for the comments section of ``article`` (three queries)."""
    language = language or translation.get_language()
    top, count = thread(article, language)
    site_settings = CommentSettings.load(request_or_site=request)
    state = ArticleCommentState.objects.filter(article_id=article.pk).first()
    is_open = comments_open(article, state=state, site_settings=site_settings)
    return {
        "comments": top,
        "comment_count": count,
        "comments_open": is_open,
        "comment_token": guards.make_token(article.pk, language) if is_open else "",
    }
