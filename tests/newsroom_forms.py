"""Turn an admin form's current values into the POST data the admin's own page would send.

Lets a test submit an edit form unchanged, or change one field, exactly as a browser would,
including StreamFields (Wagtail posts them as ``body_vi-count``, ``body_vi-0-type``, ...).
"""

from wagtail import blocks
from wagtail.blocks.base import BlockWidget
from wagtail.blocks.field_block import BooleanBlock


def _block_data(block, value, prefix, data):
    if isinstance(block, blocks.StreamBlock):
        children = list(value or [])
        data[f"{prefix}-count"] = len(children)
        for i, child in enumerate(children):
            data[f"{prefix}-{i}-type"] = child.block_type
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = i
            data[f"{prefix}-{i}-id"] = child.id or ""
            _block_data(child.block, child.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks) if value is not None else []
        data[f"{prefix}-count"] = len(items)
        for i, item in enumerate(items):
            data[f"{prefix}-{i}-deleted"] = ""
            data[f"{prefix}-{i}-order"] = i
            data[f"{prefix}-{i}-id"] = item.id or ""
            _block_data(block.child_block, item.value, f"{prefix}-{i}-value", data)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _block_data(child_block, value.get(name) if value is not None else None, f"{prefix}-{name}", data)
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = getattr(value, "pk", value) or ""
    elif isinstance(block, BooleanBlock):
        if value:
            data[prefix] = "on"
    else:
        state = block.get_form_state(value)
        if isinstance(state, list) and len(state) == 1:
            state = state[0]  # a select's single choice
        data[prefix] = "" if state is None else state


def _field_data(bound_field, data):
    widget = bound_field.field.widget
    value = bound_field.value()
    if isinstance(widget, BlockWidget):
        _block_data(widget.block_def, bound_field.initial, bound_field.html_name, data)
        return
    if bound_field.field.disabled:
        return
    if hasattr(widget, "tag_model"):
        formatted = widget.format_value(value) if value else ""
        data[bound_field.html_name] = formatted or ""
        return
    if isinstance(value, list | tuple):
        data[bound_field.html_name] = [getattr(v, "pk", v) for v in value]
        return
    if value is True:
        data[bound_field.html_name] = "on"
        return
    if value is False or value is None:
        if value is None:
            data[bound_field.html_name] = ""
        return
    formatted = widget.format_value(value)
    data[bound_field.html_name] = "" if formatted is None else formatted


def form_post_data(form):
    """POST data for ``form`` (unbound, built on the instance) as the admin would send it."""
    data = {}
    for bound_field in form:
        _field_data(bound_field, data)
    for formset in getattr(form, "formsets", {}).values():
        management = formset.management_form
        for bound_field in management:
            data[bound_field.html_name] = bound_field.value()
        for child in formset.forms:
            for bound_field in child:
                _field_data(bound_field, data)
    return data


def page_edit_data(page, user):
    page = page.get_latest_revision_as_object()
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    return form_post_data(form)


def snippet_edit_data(obj, user):
    form_class = obj.snippet_viewset.get_edit_handler().get_form_class()
    return form_post_data(form_class(instance=obj, for_user=user))


def image_edit_data(image, user):
    from wagtail.images.forms import get_image_form

    form = get_image_form(type(image))(instance=image, user=user)
    data = form_post_data(form)
    data.pop("file", None)
    return data


def page_create_data(model, parent, user, **values):
    """POST data for the admin's "add page" form of ``model`` under ``parent``, plus ``values``."""
    page = model(owner=user)
    form_class = model.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=parent, for_user=user)
    data = form_post_data(form)
    data.update(values)
    return data
