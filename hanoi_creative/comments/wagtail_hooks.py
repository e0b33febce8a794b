from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button

from . import admin_urls, moderation
from .models import Status


class CommentsMenuItem(MenuItem):
    def is_shown(self, request):
        return moderation.may_moderate(request.user)


class AwaitingModerationPanel(Component):
    """Dashboard: "Comments awaiting moderation" with their count and a link to the queue."""

    name = "comments_awaiting_moderation"
    order = 105
    template_name = "comments/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = super().get_context_data(parent_context)
        pending = moderation.comments_for(request.user).filter(status=Status.PENDING)
        context["count"] = pending.count()
        context["latest"] = list(pending.select_related("article").order_by("-created_at")[:5])
        return context


@hooks.register("register_admin_urls")
def register_comment_urls():
    return [path("comments/", include(admin_urls, namespace="comments_admin"))]


@hooks.register("register_admin_menu_item")
def register_comments_menu_item():
    return CommentsMenuItem(
        _("Comments"), reverse("comments_admin:queue"), icon_name="comment", order=240, name="comments"
    )


@hooks.register("construct_homepage_panels")
def add_moderation_panel(request, panels):
    if moderation.may_moderate(request.user):
        panels.append(AwaitingModerationPanel())


def _comments_button(page, user):
    if page.specific_class is not None and page.specific_class._meta.label == "news.ArticlePage":
        if moderation.may_moderate(user):
            url = reverse("comments_admin:queue") + f"?article={page.pk}&status=pending"
            yield Button(_("Comments"), url, icon_name="comment", priority=62)


@hooks.register("register_page_listing_more_buttons")
def comments_listing_button(page, user, next_url=None):
    yield from _comments_button(page, user)


@hooks.register("register_page_header_buttons")
def comments_header_button(page, user, view_name, next_url=None):
    yield from _comments_button(page, user)


@hooks.register("register_permissions")
def register_comment_permissions():
    return Permission.objects.filter(content_type__app_label="comments")
