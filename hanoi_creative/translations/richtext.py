"""Rich text split into translatable segments, and translations put back safely.

Wagtail stores rich text as a small HTML dialect (``<p>``, ``<h3>``, ``<ul><li>``,
``<a linktype="page" id="3">``, ``<embed embedtype="image" .../>``). Each block-level element
that holds text is one segment; the elements around it are the structure, kept from the
Vietnamese. Inside a segment, inline elements are numbered in document order, and a translator
sees them as ``<b>``/``<i>`` (no attributes) or ``<a id="2">`` (attributes kept out of reach):
a translated link points where the Vietnamese one does, and a translator cannot add attributes.

A translation comes back through ``parse_target``, which refuses broken markup and anything
that can run script, and strips what the rich-text editor cannot produce (event handlers,
styles, unknown tags), reporting what it removed.

Reasons and warnings are translated when raised (gettext, not gettext_lazy): they end up in
exceptions and lists that are joined into text, and the importer's language is active then.
"""

import re
from html import escape, unescape
from html.parser import HTMLParser

from django.utils.translation import gettext as _

VOID_TAGS = {"br", "embed", "img", "hr", "wbr"}
BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "li",
    "ul",
    "ol",
    "div",
    "pre",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "hr",
    "dl",
    "dt",
    "dd",
}
# Formatting that never carries attributes in Wagtail's format: shown bare to translators.
PLAIN_INLINE = {"b", "i", "strong", "em", "u", "s", "sub", "sup", "code", "br", "small", "mark"}
# Elements that can run script or load content: a file containing one is refused outright.
DANGEROUS_TAGS = {
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "link",
    "meta",
    "base",
    "svg",
    "math",
    "template",
    "noscript",
    "img",
    "video",
    "audio",
    "source",
}
SAFE_URL = re.compile(r"^(https?:|mailto:|tel:|/|#)", re.IGNORECASE)
SCRIPT_TEXT = re.compile(r"<\s*/?\s*script|javascript\s*:", re.IGNORECASE)
# Rich-text editor features and the inline tags they produce.
FEATURE_TAGS = {
    "bold": "b",
    "italic": "i",
    "link": "a",
    "superscript": "sup",
    "subscript": "sub",
    "strikethrough": "s",
    "code": "code",
}
DEFAULT_FEATURES = ["bold", "italic", "link"]


class MarkupError(ValueError):
    """Markup that cannot be put back: unbalanced, unknown element, truncated."""


class InjectionError(ValueError):
    """Markup that could run script: the whole file is refused."""


class Element:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs=None, children=None):
        self.tag = tag
        self.attrs = list(attrs or [])
        self.children = children if children is not None else []

    def copy(self):
        return Element(
            self.tag, self.attrs, [c.copy() if isinstance(c, Element) else c for c in self.children]
        )


class _TreeBuilder(HTMLParser):
    def __init__(self, strict):
        super().__init__(convert_charrefs=False)
        self.strict = strict
        self.root = Element("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, [(name, value or "") for name, value in attrs])
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        # Never pushed on the stack: <b/> is not HTML, so it is an empty element, not an open one.
        self.stack[-1].children.append(Element(tag, [(name, value or "") for name, value in attrs]))

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if len(self.stack) > 1 and self.stack[-1].tag == tag:
            self.stack.pop()
            return
        if self.strict:
            raise MarkupError(_("</%(tag)s> closes an element that is not open") % {"tag": tag})
        # Lenient (stored content): close up to the matching element if there is one.
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def _text(self, text):
        children = self.stack[-1].children
        if children and isinstance(children[-1], str):
            children[-1] += text
        else:
            children.append(text)

    def handle_data(self, data):
        if self.strict and "<" in data:
            raise MarkupError(
                _("a '<' that does not start a complete element (write &lt; for the character)")
            )
        self._text(data)

    def handle_entityref(self, name):
        self._text(unescape(f"&{name};"))

    def handle_charref(self, name):
        self._text(unescape(f"&#{name};"))

    def handle_comment(self, data):
        if self.strict:
            raise MarkupError(_("comments are not allowed in a translation"))

    def unknown_decl(self, data):
        if self.strict:
            raise MarkupError(_("declarations are not allowed in a translation"))

    def handle_pi(self, data):
        if self.strict:
            raise MarkupError(_("processing instructions are not allowed in a translation"))


def parse(html, strict=False):
    builder = _TreeBuilder(strict)
    try:
        builder.feed(html or "")
        builder.close()
    except MarkupError:
        raise
    except Exception as error:  # noqa: BLE001 - the parser's own complaints become markup errors
        raise MarkupError(str(error)) from error
    if strict:
        if builder.rawdata:
            raise MarkupError(_("the markup is cut off"))
        if len(builder.stack) > 1:
            raise MarkupError(_("<%(tag)s> is never closed") % {"tag": builder.stack[-1].tag})
    return builder.root


def _attrs_html(attrs):
    return "".join(f' {name}="{escape(value, quote=True)}"' for name, value in attrs)


def serialize_children(children):
    out = []
    for child in children:
        if isinstance(child, str):
            out.append(escape(child, quote=False))
        elif child.tag in VOID_TAGS:
            out.append(f"<{child.tag}{_attrs_html(child.attrs)}/>")
        else:
            out.append(
                f"<{child.tag}{_attrs_html(child.attrs)}>{serialize_children(child.children)}</{child.tag}>"
            )
    return "".join(out)


def _has_text(node):
    return any((c.strip() if isinstance(c, str) else _has_text(c)) for c in node.children)


def _has_block(node):
    return any(isinstance(c, Element) and (c.tag in BLOCK_TAGS or _has_block(c)) for c in node.children)


def _has_direct_text(node):
    return any(isinstance(c, str) and c.strip() for c in node.children)


def segment_nodes(node):
    """The elements whose content is one translatable segment each, in document order."""
    if not _has_text(node):
        return []
    if _has_direct_text(node) or not _has_block(node):
        return [node]
    found = []
    for child in node.children:
        if isinstance(child, Element):
            found.extend(segment_nodes(child))
    return found


def numbered_elements(children):
    """Inline elements of a segment in document order; their 1-based index is their id."""
    found = []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, Element):
                found.append(node)
                walk(node.children)

    walk(children)
    return found


def shows_id(element):
    # Bare formatting reads as itself; anything that may carry attributes (links, embeds)
    # is referred to by number so its attributes stay with the source.
    return element.tag not in PLAIN_INLINE


def to_repr(children):
    """The text a translator edits: inline markup with ids instead of attributes."""
    numbers = {id(element): index for index, element in enumerate(numbered_elements(children), start=1)}
    out = []

    def walk(nodes):
        for node in nodes:
            if isinstance(node, str):
                out.append(escape(node, quote=False))
                continue
            ident = f' id="{numbers[id(node)]}"' if shows_id(node) else ""
            if node.tag in VOID_TAGS:
                out.append(f"<{node.tag}{ident}/>")
            else:
                out.append(f"<{node.tag}{ident}>")
                walk(node.children)
                out.append(f"</{node.tag}>")

    walk(children)
    return "".join(out)


class Segment:
    """One translatable piece of a field: ``text`` is what the translator sees."""

    __slots__ = ("path", "kind", "text", "elements", "label")

    def __init__(self, path, kind, text, elements=None, label=""):
        self.path = path
        self.kind = kind
        self.text = text
        self.elements = elements or []
        self.label = label


def html_segments(html, path):
    root = parse(html)
    segments = []
    for index, node in enumerate(segment_nodes(root)):
        segments.append(
            Segment(
                f"{path}.{index}",
                "html",
                to_repr(node.children),
                numbered_elements(node.children),
                label=node.tag if node.tag != "#root" else "",
            )
        )
    return segments


def allowed_tags(features):
    features = DEFAULT_FEATURES if features is None else features
    return {FEATURE_TAGS[name] for name in features if name in FEATURE_TAGS} | {"br"}


def check_text(text):
    if SCRIPT_TEXT.search(text or ""):
        raise InjectionError(_("script is not allowed in a translation"))


def parse_target(text, source_elements, features=None):
    """Validate a translated segment against its source; return (children, warnings).

    Elements with an id take their tag and attributes from the source's element of that id.
    New elements are allowed when the editor could make them (bold, italic, a plain external
    link); anything else is unwrapped to its text, with a warning.
    """
    check_text(unescape(text or ""))
    root = parse(text, strict=True)
    allowed = allowed_tags(features) | {e.tag for e in source_elements if e.tag in PLAIN_INLINE}
    warnings = []

    def clean(nodes):
        result = []
        for node in nodes:
            if isinstance(node, str):
                check_text(node)
                result.append(node)
                continue
            attrs = dict(node.attrs)
            ident = attrs.pop("id", None)
            for name, value in attrs.items():
                if name.lower().startswith("on"):
                    warnings.append(
                        _("removed the event handler %(name)s= from <%(tag)s>")
                        % {"name": name, "tag": node.tag}
                    )
                if name.lower() in {
                    "href",
                    "src",
                    "action",
                    "formaction",
                    "xlink:href",
                } and not SAFE_URL.match(re.sub(r"[\x00-\x20]", "", value)):
                    raise InjectionError(
                        _('<%(tag)s %(name)s="%(value)s"> is not a safe link')
                        % {"tag": node.tag, "name": name, "value": value[:40]}
                    )
            if node.tag in DANGEROUS_TAGS and ident is None:
                raise InjectionError(_("<%(tag)s> is not allowed in a translation") % {"tag": node.tag})
            if ident is not None:
                try:
                    source = source_elements[int(ident) - 1]
                except (ValueError, IndexError):
                    source = None
                if source is None or source.tag != node.tag or int(ident) < 1:
                    if node.tag in DANGEROUS_TAGS:
                        raise InjectionError(
                            _("<%(tag)s> is not allowed in a translation") % {"tag": node.tag}
                        )
                    raise MarkupError(
                        _('<%(tag)s id="%(id)s"> does not match an element of the source')
                        % {"tag": node.tag, "id": ident}
                    )
                result.append(Element(source.tag, source.attrs, clean(node.children)))
                continue
            if node.tag in allowed and node.tag != "a":
                kept = [a for a in attrs.items() if not a[0].lower().startswith("on")]
                if kept:
                    warnings.append(_("removed attributes from <%(tag)s>") % {"tag": node.tag})
                result.append(Element(node.tag, [], clean(node.children)))
            elif node.tag == "a" and "a" in allowed and attrs.get("href"):
                # A new external link: only the address survives.
                if len(attrs) > 1:
                    warnings.append(_("removed attributes from a new link"))
                result.append(Element("a", [("href", attrs["href"])], clean(node.children)))
            else:
                warnings.append(
                    _("removed <%(tag)s> (the editor does not allow it), kept its text") % {"tag": node.tag}
                )
                result.extend(clean(node.children))
        return result

    return clean(root.children), warnings


def rebuild(html, translated):
    """The source HTML with segment ``i``'s content replaced by ``translated[i]`` (children)."""
    root = parse(html).copy()
    for index, node in enumerate(segment_nodes(root)):
        if index in translated:
            node.children = translated[index]
    return serialize_children(root.children)
