"""XLIFF 1.2 files: one ``<file>`` per item, a ``<group>`` per field and per StreamField block,
one ``<trans-unit>`` per segment, inline markup as ``<g>``/``<x/>`` with numbered ids.

The output is deterministic (no dates, stable order), so exporting the same content twice gives
the same bytes. Reading is defensive: no DTDs, no entities, no network; anything but XLIFF
inline elements inside a source or target is reported against its unit.
"""

import io
from html import escape

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from lxml import etree

from . import richtext
from .exchange import ImportedUnit, Refused
from .registry import SOURCE, TARGET

NS = "urn:oasis:names:tc:xliff:document:1.2"
# Accepted on import: translate-toolkit's po2xliff writes XLIFF 1.1 (same elements here).
ACCEPTED = {NS: "1.2", "urn:oasis:names:tc:xliff:document:1.1": "1.1"}
XML_NS = "http://www.w3.org/XML/1998/namespace"
CTYPES = {"b": "bold", "i": "italic", "u": "underlined", "a": "link", "br": "lb"}
TAGS = {ctype: tag for tag, ctype in CTYPES.items()}
CONFIRMED_STATES = {None, "translated", "final", "signed-off"}


def _q(name):
    return f"{{{NS}}}{name}"


def _append_text(element, text):
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


def _add_text(parent, text, protect):
    """Text into ``parent``; do-not-translate names in it become <mrk mtype="protected">."""
    if not text:
        return
    position = 0
    for start, end in protect(text) if protect else ():
        _append_text(parent, text[position:start])
        etree.SubElement(parent, _q("mrk"), mtype="protected").text = text[start:end]
        position = end
    _append_text(parent, text[position:])


def _inline(parent, children, numbers, protect=None):
    for node in children:
        if isinstance(node, str):
            _add_text(parent, node, protect)
            continue
        ctype = CTYPES.get(node.tag, f"x-html-{node.tag}")
        if node.tag in richtext.VOID_TAGS:
            etree.SubElement(parent, _q("x"), id=str(numbers[id(node)]), ctype=ctype)
        else:
            child = etree.SubElement(parent, _q("g"), id=str(numbers[id(node)]), ctype=ctype)
            _inline(child, node.children, numbers, protect)


def _fill(element, kind, text, protect=None):
    """Write a segment's text (plain, or rich-text repr) into a source/target element."""
    if kind == "text":
        _add_text(element, text, protect)
        return
    root = richtext.parse(text)
    numbers = {id(e): index for index, e in enumerate(richtext.numbered_elements(root.children), start=1)}
    _inline(element, root.children, numbers, protect)


# --target-mode: what a unit without English carries. None: no <target> (the default);
# "copy": the Vietnamese, for tools that edit the target in place (OmegaT); "empty": an empty
# <target xml:space="preserve"/> (Okapi, Trados). Either way with state="needs-translation",
# which the import reads as "not translated yet", so the copy never passes for English.
TARGET_MODES = ("copy", "empty")
# States whose target is not an English translation (yet): never imported.
UNTRANSLATED_STATES = {"new", "needs-translation"}
# A needs-review target with one of these qualifiers is an unconfirmed memory suggestion.
SUGGESTION_QUALIFIERS = {"leveraged-tm", "exact-match", "fuzzy-match", "tm-suggestion"}


def _unit_target(tu, unit, target_mode, protect):
    if unit.target:
        target = etree.SubElement(tu, _q("target"), state=unit.state)
        if unit.prefilled:
            target.set("state-qualifier", "leveraged-tm")
        _fill(target, unit.kind, unit.target)
    elif target_mode == "copy":
        target = etree.SubElement(tu, _q("target"), state=unit.state)
        _fill(target, unit.kind, unit.source, protect)
    elif target_mode == "empty":
        target = etree.SubElement(tu, _q("target"), state=unit.state)
        target.set(f"{{{XML_NS}}}space", "preserve")
    # Weblate reads approved="yes" as reviewed: only English that is up to date.
    tu.set("approved", "yes" if unit.state == "translated" else "no")


def _context(tu, item, unit):
    # The unit's own address: tools that renumber units (translate-toolkit's xliff2po and
    # po2xliff keep it as a PO location) still lead back to it on import.
    location = etree.SubElement(tu, _q("context-group"), purpose="location")
    etree.SubElement(
        location, _q("context"), attrib={"context-type": "sourcefile"}
    ).text = f"{item.key}#{unit.path}"
    if not item.context:
        return
    group = etree.SubElement(tu, _q("context-group"), purpose="information")
    for kind, address in item.context:
        etree.SubElement(group, _q("context"), attrib={"context-type": kind}).text = address
    note = etree.SubElement(tu, _q("note"), attrib={"from": "page", "annotates": "general"})
    note.text = item.context[0][1]


def export(items, target_mode=None, glossary=None):
    """XLIFF bytes for a list of exchange.ExportItem (valid against the OASIS 1.2 strict schema)."""
    if target_mode not in (None, *TARGET_MODES):
        raise ValueError(f"unknown target mode {target_mode!r}")
    if glossary is None:
        from .glossary import Glossary

        glossary = Glossary.load()
    protect = glossary.protected_spans if glossary.protected else None
    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    for item in items:
        file_el = etree.SubElement(
            root,
            _q("file"),
            original=item.key,
            datatype="plaintext",
            attrib={"source-language": SOURCE, "target-language": TARGET, "product-name": "hanoi-creative"},
        )
        header = etree.SubElement(file_el, _q("header"))
        note = etree.SubElement(header, _q("note"))
        note.text = f"{item.type_label}: {item.title}"
        body = etree.SubElement(file_el, _q("body"))
        for fld in item.fields:
            group = etree.SubElement(
                body, _q("group"), id=f"field:{fld.name}", resname=fld.name, restype="x-field"
            )
            blocks = {}
            for unit in fld.units:
                parent = group
                if fld.groups:
                    block_path = ".".join(unit.path.split(".")[:2])
                    if block_path in fld.groups:
                        if block_path not in blocks:
                            blocks[block_path] = etree.SubElement(
                                group,
                                _q("group"),
                                id=f"block:{block_path}",
                                resname=fld.groups[block_path] or "",
                                restype="x-block",
                            )
                        parent = blocks[block_path]
                tu = etree.SubElement(
                    parent,
                    _q("trans-unit"),
                    id=unit.path,
                    datatype="html" if unit.kind == "html" else "plaintext",
                )
                tu.set(f"{{{XML_NS}}}space", "preserve")
                if unit.label:
                    tu.set("resname", unit.label)
                source = etree.SubElement(tu, _q("source"))
                _fill(source, unit.kind, unit.source, protect)
                _unit_target(tu, unit, target_mode, protect)
                if unit.previous:
                    previous = etree.SubElement(tu, _q("note"), attrib={"from": "previous-source"})
                    previous.text = _plain(unit.kind, unit.previous)
                _context(tu, item, unit)
    _indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


STRUCTURE = {_q(name) for name in ("xliff", "file", "header", "body", "group", "trans-unit", "context-group")}


def _indent(element, level=0):
    """Indent the structure only: whitespace inside <source>/<target> would become text
    (lxml's pretty printer does not respect xml:space)."""
    if element.tag not in STRUCTURE or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _plain(kind, text):
    if kind == "text":
        return text
    return "".join(_texts(richtext.parse(text).children))


def _texts(children):
    for node in children:
        if isinstance(node, str):
            yield node
        else:
            yield from _texts(node.children)


class _Inline(ValueError):
    def __init__(self, message, unsafe=False):
        super().__init__(message)
        self.unsafe = unsafe


def _to_repr(element, kind, ns=NS):
    """An XLIFF source/target element as the segment text (plain, or rich-text repr)."""
    parts = [element.text or ""] if kind == "text" else [escape(element.text or "", quote=False)]
    for child in element:
        if not isinstance(child.tag, str):  # comments, processing instructions
            raise _Inline(_("comments and processing instructions are not allowed in a unit"))
        qname = etree.QName(child)
        local = qname.localname.lower()
        if local in richtext.DANGEROUS_TAGS:
            raise _Inline(_("<%(tag)s> is not allowed in a translation") % {"tag": local}, unsafe=True)
        if qname.namespace != ns:
            raise _Inline(_("<%(tag)s> is not an XLIFF inline element") % {"tag": qname.localname})
        if local == "mrk":
            inner = _to_repr(child, kind, ns)
        elif kind == "text":
            raise _Inline(_("<%(tag)s> in a plain-text unit (it takes no markup)") % {"tag": local})
        elif local in ("g", "x"):
            ctype = child.get("ctype") or ""
            tag = TAGS.get(ctype) or (ctype[7:] if ctype.startswith("x-html-") else "")
            if not tag.isalnum():
                raise _Inline(
                    _('<%(tag)s id="%(id)s"> has an unknown ctype "%(ctype)s"')
                    % {"tag": local, "id": child.get("id"), "ctype": ctype}
                )
            tag = tag.lower()
            if tag in richtext.DANGEROUS_TAGS and tag not in ("embed", "img"):
                raise _Inline(_("<%(tag)s> is not allowed in a translation") % {"tag": tag}, unsafe=True)
            ident = (
                "" if tag in richtext.PLAIN_INLINE else f' id="{escape(child.get("id") or "", quote=True)}"'
            )
            if local == "x" or tag in richtext.VOID_TAGS:
                if len(child) or child.text:
                    raise _Inline(
                        _('<%(tag)s ctype="%(ctype)s"> cannot hold text') % {"tag": local, "ctype": ctype}
                    )
                inner = f"<{tag}{ident}/>"
            else:
                inner = f"<{tag}{ident}>{_to_repr(child, kind, ns)}</{tag}>"
        else:
            raise _Inline(_("<%(tag)s> is not supported; use <g>, <x/> or <mrk>") % {"tag": local})
        parts.append(inner)
        parts.append((child.tail or "") if kind == "text" else escape(child.tail or "", quote=False))
    return "".join(parts)


def parse(data):
    """ImportedUnits from XLIFF bytes; a file that is not XLIFF 1.2 is refused outright.

    The file is read as a stream (``iterparse``): each ``<file>`` is dropped once its units are
    read, so a 20 MB file never becomes a tree of half a million elements in memory.
    """
    events = etree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=False,
    )
    units, pending, key = [], None, None
    file_tag = trans_unit_tag = ns = None
    # Translated once, not once per unit (a 20 MB file has 100,000 of them).
    where = pgettext("import location", "%(key)s unit %(path)s")
    try:
        for event, element in events:
            if element.getparent() is None and event == "start":
                _check_root(element)
                ns = etree.QName(element).namespace  # 1.2, or 1.1 as po2xliff writes it
                file_tag, trans_unit_tag = f"{{{ns}}}file", f"{{{ns}}}trans-unit"
            elif element.tag == file_tag:
                if event == "start":
                    pending, key = [], element.get("original") or ""
                    continue
                # Checked once the element is whole (a file cut inside the tag is not XML).
                _check_languages(element, key)
                units.extend(pending)
                pending = None
                # Everything of this <file> was read: free it and the ones before it.
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
            elif element.tag == trans_unit_tag and event == "end" and pending is not None:
                unit = _unit(key, element, where, ns)
                if unit is not None:
                    pending.append(unit)
    except etree.XMLSyntaxError as error:
        reason = _("not well-formed XML, the file may be truncated (%(detail)s)") % {"detail": error}
        raise Refused.file(reason) from error
    return units


def _check_root(root):
    if root.getroottree().docinfo.doctype:
        # Entities and DTDs have no place in a translation file (and are how XML bombs work).
        raise Refused.file(_("a DOCTYPE (entities, DTD) is not allowed in an XLIFF file"))
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if etree.QName(root).localname != "xliff" or ACCEPTED.get(ns) != root.get("version"):
        raise Refused.file(_("not an XLIFF 1.2 file"))


def _check_languages(file_el, key):
    if file_el.get("source-language") != SOURCE or file_el.get("target-language") != TARGET:
        reason = _("languages must be %(source)s → %(target)s") % {"source": SOURCE, "target": TARGET}
        raise Refused([(pgettext("import location", "file %(key)s") % {"key": key}, reason)])


def _unit(key, tu, where, ns):
    """One ImportedUnit from a <trans-unit> (None for the PO header that po2xliff carries)."""
    if tu.get("restype") == "x-gettext-domain-header":
        return None

    def q(name):
        return f"{{{ns}}}{name}"

    # Our files name the item in <file original> and the segment in the unit's id; a tool that
    # renumbers units and files (po2xliff) leaves the location context.
    ours = ":" in key
    key, path = (None if ours else _location(tu, q)) or (key, tu.get("id") or "")
    where = where % {"key": key, "path": path}
    kind = "html" if tu.get("datatype") == "html" else "text"
    source_el = tu.find(q("source"))
    target_el = tu.find(q("target"))
    error, source, target, state = None, None, None, None
    try:
        if source_el is None:
            raise _Inline(_("the unit has no <source>"))
        source = _to_repr(source_el, kind, ns)
        if target_el is not None:
            state = target_el.get("state")
            target = _to_repr(target_el, kind, ns)
            suggestion = (state or "").startswith("needs-review") and (
                target_el.get("state-qualifier") in SUGGESTION_QUALIFIERS
            )
            if state in UNTRANSLATED_STATES or suggestion:
                # A copy of the source, or a memory suggestion nobody confirmed.
                target = None
    except _Inline as problem:
        # The same wording as exchange.plan gives for markup found broken or unsafe there.
        reason = {"reason": problem}
        error = (
            _("unsafe markup refused (%(reason)s)") % reason
            if problem.unsafe
            else _("broken markup (%(reason)s)") % reason
        )
    return ImportedUnit(
        key=key,
        path=path,
        source=source,
        target=target,
        confirmed=bool(target) and state in CONFIRMED_STATES,
        where=where,
        error=error,
    )


def _location(tu, q):
    """(item key, segment path) from a unit's location context ("<key>#<path>"), which our
    exports carry and translate-toolkit keeps through xliff2po and po2xliff; else None."""
    for group in tu.iter(q("context-group")):
        if group.get("purpose") != "location":
            continue
        for context in group.iter(q("context")):
            if context.get("context-type") == "sourcefile":
                key, sep, path = (context.text or "").strip().partition("#")
                if sep and key and path:
                    return key, path
    return None
