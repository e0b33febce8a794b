"""The reader's side: post a comment (with or without JavaScript), or open the form to reply.

Every response here is personal (a form with the reader's text, a "thank you", an error) and
carries ``Cache-Control: private, no-store``; the article page itself stays cacheable because
the form in it holds no per-reader state (see ``guards.py``).
"""

import math

from django.apps import apps
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hanoi_creative.core.visibility import visible

from . import guards
from .forms import CommentForm
from .models import ArticleCommentState, Comment, CommentSettings, Status, comments_open


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _client_ip(request):
    return request.META.get("REMOTE_ADDR") or None


def _respond(request, article, status, *, message, outcome, form=None, reply_to=None, extra_headers=None):
    if _wants_json(request):
        data = {"ok": status < 400, "outcome": outcome, "message": message}
        if form is not None and form.errors:
            data["errors"] = {field: [str(e) for e in errors] for field, errors in form.errors.items()}
            if "token" in form.errors or "__all__" in form.errors:
                data["token"] = guards.make_token(article.pk, translation.get_language())
        response = JsonResponse(data, status=status)
    else:
        language = translation.get_language()
        context = {
            "article": article,
            "message": message,
            "outcome": outcome,
            "form": form,
            "comment_token": guards.make_token(article.pk, language),
            "reply_to": reply_to or (getattr(form, "cleaned_data", None) or {}).get("parent"),
            "seo_noindex": True,
            "seo_title": message if outcome != "form" else _("Comments"),
        }
        response = render(request, "comments/result.html", context, status=status)
    for name, value in (extra_headers or {}).items():
        response[name] = value
    return response


@csrf_exempt  # the signed form token takes its place (see guards.py)
@never_cache
@require_http_methods(["GET", "POST"])
def post_comment(request, article_id):
    language = translation.get_language()
    # The article model through the app registry: news imports comments, not the reverse.
    articles = apps.get_model("news", "ArticlePage").objects.filter(pk=article_id)
    article = visible(articles, language).first()
    if article is None:
        raise Http404(_("This article does not exist."))
    state = ArticleCommentState.objects.filter(article_id=article.pk).first()
    if not comments_open(article, state=state, site_settings=CommentSettings.load(request_or_site=request)):
        return _respond(
            request, article, 403, message=_("Comments are closed on this article."), outcome="closed"
        )

    if request.method == "GET":
        # Without JavaScript, "Reply" leads here: the form, addressed to one comment.
        reply_to = None
        reply_id = request.GET.get("reply", "")
        if reply_id.isdigit():
            reply_to = Comment.objects.filter(
                pk=int(reply_id),
                article_id=article.pk,
                language=language,
                status=Status.APPROVED,
                parent__isnull=True,
            ).first()
        initial = {"parent": getattr(reply_to, "pk", None)}
        form = CommentForm(article=article, language=language, initial=initial)
        return _respond(request, article, 200, message="", form=form, outcome="form", reply_to=reply_to)

    form = CommentForm(request.POST, article=article, language=language)
    awaiting = _("Thank you. Your comment awaits moderation and will appear once an editor approves it.")
    if form.is_robot:
        # A robot learns nothing: the same answer as a person gets, and nothing is stored.
        return _respond(request, article, 200, message=awaiting, outcome="awaiting")

    ip = _client_ip(request)
    ip_hash = guards.hash_ip(ip)
    window = guards.over_rate_limit(ip_hash, article.pk)
    if window is not None:
        minutes = max(1, math.ceil(window / 60))
        message = _("Too many comments have been sent. Please try again in %(minutes)d minutes.") % {
            "minutes": minutes
        }
        headers = {"Retry-After": str(window)}
        return _respond(request, article, 429, message=message, outcome="rate-limited", extra_headers=headers)

    if not form.is_valid():
        return _respond(
            request, article, 400, message=_("Please correct the errors below."), form=form, outcome="invalid"
        )

    data = form.cleaned_data
    word_list = CommentSettings.load(request_or_site=request).blocked_words
    reason = guards.blocked_word(data["body"], word_list) or guards.blocked_word(data["name"], word_list)
    Comment.objects.create(
        article=article,
        language=language,
        parent=data["parent"],
        name=data["name"],
        email=data["email"],
        body=data["body"],
        status=Status.SPAM if reason else Status.PENDING,
        spam_reason=f"word list: {reason}"[:100] if reason else "",
        ip_address=ip,
        ip_hash=ip_hash,
        fingerprint=data["fingerprint"],
    )
    return _respond(request, article, 200, message=awaiting, outcome="awaiting")
