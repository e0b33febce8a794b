from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

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
