from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .components import CoveragePanel, TranslationReviewPanel, translation_reviews
from .views import DESK_PERMISSION


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(DESK_PERMISSION)


@hooks.register("register_admin_urls")
def register_desk_urls():
    return [path("translations/", include(urls, namespace="translations"))]


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(
        _("Translations"), reverse("translations:report"), icon_name="globe", order=250, name="translations"
    )


@hooks.register("construct_homepage_panels")
def add_coverage_panel(request, panels):
    if request.user.has_perm(DESK_PERMISSION):
        panels.append(CoveragePanel())
    if translation_reviews(request.user).exists():
        panels.append(TranslationReviewPanel(request.user))


@hooks.register("register_permissions")
def register_desk_permission():
    return Permission.objects.filter(content_type__app_label="translations", codename="use_translation_desk")
