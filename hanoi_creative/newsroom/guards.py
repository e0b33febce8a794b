"""Page actions Wagtail's permission model would allow but the newsroom's roles do not.

Wagtail lets anyone with "change" but not "publish" on a section delete or move its draft
pages. That is exactly the translators' grant, and translators must not delete or move
anything; so a user who may change but not publish pages is refused these actions.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from . import roles


def may_restructure(user, page):
    """Delete or move ``page``: Wagtail's rule, minus the change-without-publish case."""
    if user.is_superuser:
        return True
    permissions = page.permissions_for_user(user).permissions
    return not ("change" in permissions and "publish" not in permissions)


def refuse(request, page, message):
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk if page.depth > 2 else page.pk)


def before_delete_page(request, page):
    if not may_restructure(request.user, page):
        return refuse(request, page, _("Your role cannot delete pages. Ask an editor."))
    return None


def before_move_page(request, page, destination=None):
    if not may_restructure(request.user, page):
        return refuse(request, page, _("Your role cannot move pages. Ask an editor."))
    return None


def before_bulk_action(request, action_type, objects, action_class_instance):
    from wagtail.models import Page

    if action_type not in {"delete", "move"}:
        return None
    for obj in objects:
        refused = (
            not may_restructure(request.user, obj)
            if isinstance(obj, Page)
            else action_type == "delete" and not roles.may_delete_content(request.user)
        )
        if refused:
            messages.error(request, _("Your role cannot delete or move this. Ask an editor."))
            return redirect("wagtailadmin_home")
    return None


def refuse_image_delete(view):
    """Wrap Wagtail's image delete views: for images, "delete" is the same permission as
    "change", which translators hold to translate alt text."""

    def guarded_view(request, image_id, *args, **kwargs):
        if not roles.may_delete_content(request.user):
            message = _("Your role cannot delete images. Ask an editor.")
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return JsonResponse({"success": False, "error_message": message}, status=403)
            messages.error(request, message)
            return redirect("wagtailimages:edit", image_id)
        return view(request, image_id, *args, **kwargs)

    return guarded_view
