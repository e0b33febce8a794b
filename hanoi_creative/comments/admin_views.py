"""The moderation queue in the Wagtail admin: tabs, bulk actions, newsroom replies, open/close,
and erasing a commenter's data."""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import moderation
from .forms import EraseForm, ReplyForm
from .models import ArticleCommentState, Comment, Status

PER_PAGE = 50
ACTIONS = {
    "approve": Status.APPROVED,
    "reject": Status.REJECTED,
    "spam": Status.SPAM,
    "pending": Status.PENDING,
}


def _require_moderator(request):
    if not moderation.may_moderate(request.user):
        raise PermissionDenied


def _require_editor(request):
    if not moderation.may_moderate_all(request.user):
        raise PermissionDenied


def _article_filter(request):
    value = request.GET.get("article", "")
    return int(value) if value.isdigit() else None


def queue(request):
    _require_moderator(request)
    status = request.GET.get("status", Status.PENDING)
    if status not in Status.values:
        status = Status.PENDING
    comments = moderation.comments_for(request.user)
    article_id = _article_filter(request)
    article = None
    if article_id is not None:
        article = get_object_or_404(apps.get_model("news", "ArticlePage"), pk=article_id)
        comments = comments.filter(article_id=article_id)
    counts = dict(comments.order_by().values_list("status").annotate(n=Count("pk")))
    tabs = [
        {"status": value, "label": label, "count": counts.get(value, 0), "active": value == status}
        for value, label in Status.choices
    ]
    listing = (
        comments.filter(status=status).select_related("article", "parent").order_by("-created_at", "-pk")
    )
    page = Paginator(listing, PER_PAGE).get_page(request.GET.get("p"))
    context = {
        "tabs": tabs,
        "status": status,
        "page_obj": page,
        "article": article,
        "article_closed": (
            ArticleCommentState.objects.filter(article=article, closed=True).exists() if article else False
        ),
        "may_moderate_all": moderation.may_moderate_all(request.user),
        "actions": [
            (name, label)
            for name, label in (
                ("approve", _("Approve")),
                ("reject", _("Reject")),
                ("spam", _("Mark as spam")),
                ("pending", _("Back to pending")),
            )
            if ACTIONS[name] != status
        ],
    }
    return render(request, "comments/admin/queue.html", context)


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("comments_admin:queue")


@require_POST
def bulk(request):
    _require_moderator(request)
    ids = [int(value) for value in request.POST.getlist("comment") if value.isdigit()]
    action = request.POST.get("action", "")
    selected = moderation.comments_for(request.user).filter(pk__in=ids)
    if not ids:
        messages.warning(request, _("Select at least one comment."))
    elif action == "delete":
        if not request.user.has_perm(moderation.DELETE):
            raise PermissionDenied
        count = moderation.delete(selected)
        text = ngettext("%(count)d comment deleted.", "%(count)d comments deleted.", count)
        messages.success(request, text % {"count": count})
    elif action in ACTIONS:
        count = moderation.set_status(selected, ACTIONS[action], request.user)
        text = ngettext("%(count)d comment updated.", "%(count)d comments updated.", count)
        messages.success(request, text % {"count": count})
    else:
        messages.error(request, _("Unknown action."))
    return _back(request)


def reply(request, comment_id):
    _require_editor(request)
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=comment_id)
    form = ReplyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The byline shows on the public page, in the comment's language.
        with translation.override(comment.language):
            name = _("Newsroom")
        moderation.reply_as_newsroom(comment, form.cleaned_data["body"], request.user, name=name)
        messages.success(request, _("Your reply is published under the comment."))
        query = f"?status={comment.status}&article={comment.article_id}"
        return redirect(reverse("comments_admin:queue") + query)
    return render(request, "comments/admin/reply.html", {"comment": comment, "form": form})


@require_POST
def toggle_article(request, article_id):
    _require_editor(request)
    article = get_object_or_404(apps.get_model("news", "ArticlePage"), pk=article_id)
    closed = request.POST.get("closed") == "1"
    moderation.set_closed(article, closed)
    if closed:
        messages.success(request, _("Comments are now closed on this article."))
    else:
        messages.success(request, _("Comments are now open on this article."))
    return redirect(reverse("comments_admin:queue") + f"?article={article.pk}")


def erase(request):
    _require_editor(request)
    form = EraseForm(request.POST or None)
    found = None
    if form.is_valid():
        email = form.cleaned_data["email"]
        comments = Comment.objects.filter(email__iexact=email)
        if request.POST.get("confirm") == "1":
            count = moderation.erase_commenter(email)
            messages.success(
                request,
                ngettext(
                    "%(count)d comment and the data stored with it deleted.",
                    "%(count)d comments and the data stored with them deleted.",
                    count,
                )
                % {"count": count},
            )
            return redirect("comments_admin:erase")
        found = comments.count()
    return render(request, "comments/admin/erase.html", {"form": form, "found": found})
