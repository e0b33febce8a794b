from django.urls import path
from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.images.views import images, multiple

from . import guards
from .panels import PANELS

hooks.register("before_delete_page", guards.before_delete_page)
hooks.register("before_move_page", guards.before_move_page)
hooks.register("before_bulk_action", guards.before_bulk_action)


@hooks.register("construct_homepage_panels")
def add_newsroom_panels(request, panels):
    # "Awaiting my review" replaces Wagtail's own list of the same task states.
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels.extend(panel_class() for panel_class in PANELS)


@hooks.register("register_admin_urls", order=-100)
def guard_image_deletion():
    # Same paths as Wagtail's own views, listed first, so they take the request (reversing
    # "wagtailimages:delete" still gives this address).
    return [
        path("images/<int:image_id>/delete/", guards.refuse_image_delete(images.DeleteView.as_view())),
        path(
            "images/multiple/<int:image_id>/delete/",
            guards.refuse_image_delete(multiple.DeleteView.as_view()),
        ),
    ]
