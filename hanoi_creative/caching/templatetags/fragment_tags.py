"""``{% fragment "name" part ... %}…{% endfragment %}``: markup kept for one content generation.

The block is rendered once per generation, language, host and ``parts`` in each worker, and
then given as it is (see ``caching.fragments`` for when nothing is kept). A block must not set
variables that markup after it uses: on a hit, nothing inside it runs.
"""

from django import template
from django.utils.safestring import mark_safe

from .. import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        # Apart from the values that views keep under their own names.
        name = f"markup:{self.name.resolve(context)}"
        parts = tuple(part.resolve(context) for part in self.parts)
        html = fragments.remembered(
            context.get("request"), name, parts, lambda: self.nodelist.render(context)
        )
        return mark_safe(html)  # noqa: S308 - the block's own rendered markup


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name: {% fragment \"name\" part ... %}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]]
    )


@register.simple_tag(takes_context=True)
def fragment_path(context):
    """The request's path and query string, without the parameters that only track visitors."""
    return fragments.page_address(context.get("request"))
