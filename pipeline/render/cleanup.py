"""Clean a rendered DOCX package: drop comments, footnotes nothing points to, and bookmarks nothing uses."""

from __future__ import annotations

from lxml import etree

from pipeline.render import package as docxpkg
from pipeline.render.package import W


def prune_unreferenced(parts: dict[str, bytes]) -> None:
    """Drop comments, bookmarks without a reference target, and footnotes nothing points to."""
    doc = parts["word/document.xml"].decode("utf-8")
    referenced = {int(x) for x in _attr_values(doc, "footnoteReference", "id")}
    name = "word/footnotes.xml"
    root = docxpkg.parse_strict(name, parts[name])
    for node in root.findall(f"{{{W}}}footnote"):
        fid = int(node.get(f"{{{W}}}id", "0"))
        if fid > 0 and fid not in referenced:
            root.remove(node)
    parts[name] = docxpkg.serialize(root)
    for cname in [n for n in parts if n.startswith("word/comments")]:
        del parts[cname]
    for part in [n for n in parts if n.startswith("word/") and n.endswith(".xml")]:
        proot = docxpkg.parse_strict(part, parts[part])
        changed = _strip_comments_and_stale_bookmarks(proot, doc)
        if changed:
            parts[part] = docxpkg.serialize(proot)


def _attr_values(xml: str, element: str, attr: str) -> list[str]:
    root = docxpkg.parse_strict("word/document.xml", xml.encode("utf-8"))
    return [e.get(f"{{{W}}}{attr}", "") for e in root.iter(f"{{{W}}}{element}")]


def _strip_comments_and_stale_bookmarks(root: etree._Element, document_xml: str) -> bool:
    changed = False
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        for node in list(root.iter(f"{{{W}}}{tag}")):
            parent = node.getparent()
            if tag == "commentReference" and parent is not None and parent.tag == f"{{{W}}}r":
                node, parent = parent, parent.getparent()
            if parent is not None:
                parent.remove(node)
                changed = True
    # A bookmark is kept only when a field or a link in the document points at it.
    for start in list(root.iter(f"{{{W}}}bookmarkStart")):
        bname = start.get(f"{{{W}}}name", "")
        if bname and (f"PAGEREF {bname} " in document_xml or f'w:anchor="{bname}"' in document_xml):
            continue
        bid = start.get(f"{{{W}}}id")
        for end in list(root.iter(f"{{{W}}}bookmarkEnd")):
            if end.get(f"{{{W}}}id") == bid:
                end.getparent().remove(end)
        start.getparent().remove(start)
        changed = True
    return changed
