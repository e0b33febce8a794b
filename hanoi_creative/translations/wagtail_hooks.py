from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .components import CoveragePanel, TranslationReviewPanel, translation_reviews
from .models import GlossaryTerm
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


class GlossaryViewSet(SnippetViewSet):
    """The glossary in the admin: translators and editors keep it (see newsroom.roles)."""

    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["source", "target", "do_not_translate", "note"]
    list_filter = ["do_not_translate"]
    search_fields = ["source", "target"]
    panels = [FieldPanel("source"), FieldPanel("target"), FieldPanel("do_not_translate"), FieldPanel("note")]


register_snippet(GlossaryViewSet)
