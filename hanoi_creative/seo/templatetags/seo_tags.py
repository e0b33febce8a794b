from django import template

from ..metadata import build_metadata

register = template.Library()


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(context):
    """Canonical link, description, Open Graph, Twitter card, JSON-LD and feed links."""
    return {"meta": build_metadata(context)}
