"""The parafeerbundel: nota and bijlagen merged into one tagged PDF with one structure tree and outline."""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from contextlib import ExitStack
from datetime import datetime
from pathlib import Path
from typing import Any, cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from pipeline.errors import RenderError
from pipeline.finish.pdf.finalize import _SUBSET_RE, _as_list, _set_metadata, flatten_tree, save_temp

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- bundle


def bundle(
    parts: list[tuple[str, Path]],
    out: Path,
    *,
    title: str,
    author: str,
    lang: str = "nl-NL",
    creation_date: datetime | None = None,
) -> None:
    """Concatenate nota and bijlagen into one tagged PDF with a bookmark per part.

    creation_date as in finalize_pdf; without it the first part's dates are kept.
    """
    if not parts:
        raise RenderError("bundle: geen delen om samen te voegen")
    out = Path(out)
    with ExitStack() as stack:
        sources = [(label, stack.enter_context(pikepdf.open(path))) for label, path in parts]
        merged = pikepdf.new()
        stack.enter_context(merged)
        _check_parts(parts, [src for _, src in sources])
        first_pages = _merge_pages_and_structure(merged, sources)
        _build_outline(merged, sources, first_pages)
        _retag_font_subsets(merged)
        _copy_document_level(merged, sources[0][1])
        _set_metadata(merged, title=title, author=author, subject="", lang=lang,
                      creation_date=creation_date, claim_pdfa=True)
        version = max((src.pdf_version for _, src in sources), key=_version_key)
        tmp = save_temp(merged, out, min_version=version)
    tmp.replace(out)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _check_parts(parts: list[tuple[str, Path]], sources: list[Pdf]) -> None:
    for (label, path), src in zip(parts, sources, strict=False):
        status = src.open_metadata().pdfa_status
        if status != "2B":
            # The bundle claims PDF/A-2b; a part that is not makes that claim false.
            log.warning("%s (%s) claimt geen PDF/A-2b maar %r", label, path, status or "niets")
        names = src.Root.get(Name.Names)
        if Name.Dests in src.Root or (isinstance(names, Dictionary) and Name.Dests in names):
            # Not merged: bookmarks or links using named destinations would dangle.
            log.warning("%s (%s) gebruikt benoemde bestemmingen; die werken niet in de bundel", label, path)


def _merge_pages_and_structure(merged: Pdf, sources: list[tuple[str, Pdf]]) -> list[int]:
    """Append every part's pages and graft its structure tree; return each part's first page index."""
    tree = _TreeMerge(merged)
    first_pages: list[int] = []
    for label, src in sources:
        start = len(merged.pages)
        first_pages.append(start)
        # Pages first: copy_foreign then maps the struct tree's /Pg (and the
        # outline's /Dest) onto these copies instead of duplicating pages.
        merged.pages.extend(src.pages)
        pages = [merged.pages[i] for i in range(start, len(merged.pages))]
        src_root = src.Root.get(Name.StructTreeRoot)
        if isinstance(src_root, Dictionary):
            tree.add(label, merged.copy_foreign(src_root), pages)
        else:
            log.warning("%s is niet getagd; de inhoud komt buiten de structuurboom", label)
            _shift_struct_parents(pages, None)
    tree.install()
    return first_pages


class _TreeMerge:
    """One StructTreeRoot over several parts, with their ParentTree keys made disjoint."""

    def __init__(self, pdf: Pdf):
        self.pdf = pdf
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.nums: list[tuple[int, pikepdf.Object]] = []
        self.ids: dict[str, pikepdf.Object] = {}
        self.role_map, self.class_map = Dictionary(), Dictionary()
        self.next_key = 0

    def add(self, label: str, part_root: pikepdf.Object, pages: list[pikepdf.Page]) -> None:
        offset = self.next_key
        entries = flatten_tree(part_root.get(Name.ParentTree), "/Nums")
        self.nums.extend((int(key) + offset, value) for key, value in entries)
        used = _shift_struct_parents(pages, offset)
        # The part's own next key may be missing (LibreOffice omits it) or too
        # small; never hand out a key a page or annotation of this part still uses.
        declared = int(part_root.get(Name.ParentTreeNextKey, 0))
        self.next_key += max([declared, *(int(k) + 1 for k, _ in entries), *(k + 1 for k in used)])
        for elem in _as_list(part_root.get(Name.K)):
            elem.P = self.root
            self.root.K.append(elem)
        for key, value in flatten_tree(part_root.get(Name.IDTree), "/Names"):
            if str(key) in self.ids:
                log.warning("%s: structuur-ID %s bestaat al in een eerder deel", label, key)
                continue
            self.ids[str(key)] = value
        _merge_map(self.role_map, part_root.get(Name.RoleMap), label, "RoleMap")
        _merge_map(self.class_map, part_root.get(Name.ClassMap), label, "ClassMap")

    def install(self) -> None:
        if not len(self.root.K):
            return
        # One flat /Nums array is a valid number tree; keys ascend because offsets do.
        nums = Array()
        for key, value in sorted(self.nums, key=lambda pair: pair[0]):
            nums.extend([cast(Any, key), value])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        self.root.ParentTreeNextKey = self.next_key
        if self.ids:
            names = Array()
            for name in sorted(self.ids, key=lambda k: k.encode("utf-8")):
                names.extend([String(name), self.ids[name]])
            self.root.IDTree = self.pdf.make_indirect(Dictionary(Names=names))
        if self.role_map:
            self.root.RoleMap = self.role_map
        if self.class_map:
            self.root.ClassMap = self.class_map
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def _shift_struct_parents(pages: list[pikepdf.Page], offset: int | None) -> list[int]:
    """Add offset to every /StructParent(s) key of these pages; None removes them. Returns old keys."""
    seen: set[tuple[int, int]] = set()
    old: list[int] = []
    for holder, key in _struct_parent_holders(pages):
        if holder.is_indirect:
            if holder.objgen in seen:
                continue  # shared annotation or form XObject: shift once
            seen.add(holder.objgen)
        old.append(int(holder[key]))
        if offset is None:
            del holder[key]
        else:
            holder[key] = int(holder[key]) + offset
    return old


def _struct_parent_holders(pages: list[pikepdf.Page]) -> Iterator[tuple[pikepdf.Object, str]]:
    for page in pages:
        obj = page.obj
        if Name.StructParents in obj:
            yield obj, "/StructParents"
        for annot in obj.get(Name.Annots, Array()):
            if isinstance(annot, Dictionary) and Name.StructParent in annot:
                yield annot, "/StructParent"
        yield from _form_holders(obj.get(Name.Resources), set())


def _form_holders(resources: object, seen: set[tuple[int, int]]) -> Iterator[tuple[pikepdf.Object, str]]:
    if not isinstance(resources, Dictionary):
        return
    for xobj in resources.get(Name.XObject, Dictionary()).values():
        if not isinstance(xobj, pikepdf.Stream) or xobj.get(Name.Subtype) != Name.Form:
            continue
        if xobj.objgen in seen:
            continue
        seen.add(xobj.objgen)
        if Name.StructParents in xobj:
            yield xobj, "/StructParents"
        yield from _form_holders(xobj.get(Name.Resources), seen)


def _merge_map(target: Dictionary, source: object, label: str, what: str) -> None:
    if not isinstance(source, Dictionary):
        return
    for key, value in source.items():
        if key in target and target[key] != value:
            log.warning("%s: %s %s botst met een eerder deel; de eerste wint", label, what, key)
            continue
        target[key] = value


def _build_outline(merged: Pdf, sources: list[tuple[str, Pdf]], first_pages: list[int]) -> None:
    outlines = merged.make_indirect(Dictionary(Type=Name.Outlines))
    items: list[pikepdf.Object] = []
    for (label, src), first in zip(sources, first_pages, strict=False):
        item = merged.make_indirect(Dictionary(
            Title=String(label),
            Parent=outlines,
            Dest=Array([merged.pages[first].obj, Name.Fit]),
        ))
        _adopt_outline_children(merged, src, item)
        items.append(item)
    _link_siblings(outlines, items)
    outlines.Count = sum(1 + max(int(item.get(Name.Count, 0)), 0) for item in items)
    merged.Root.Outlines = outlines
    merged.Root.PageMode = Name.UseOutlines


def _adopt_outline_children(merged: Pdf, src: Pdf, item: Dictionary) -> None:
    """Hang src's own bookmarks under item, open, with their destinations mapped to merged pages."""
    src_outlines = src.Root.get(Name.Outlines)
    if not isinstance(src_outlines, Dictionary) or Name.First not in src_outlines:
        return
    copied = merged.copy_foreign(src_outlines)
    visible = 0
    child: pikepdf.Object | None = copied.First
    while isinstance(child, Dictionary):
        child.Parent = item
        visible += 1 + max(int(child.get(Name.Count, 0)), 0)
        child = child.get(Name.Next)
    item.First, item.Last, item.Count = copied.First, copied.Last, visible


def _link_siblings(parent: Dictionary, items: list[pikepdf.Object]) -> None:
    for before, after in itertools.pairwise(items):
        before.Next, after.Prev = after, before
    parent.First, parent.Last = items[0], items[-1]


def _retag_font_subsets(pdf: Pdf) -> None:
    """Give each embedded subset its own tag, as ISO 32000-1 9.6.4 requires.

    LibreOffice numbers subsets BAAAAA, CAAAAA, ... per document, so every part
    brings its own "BAAAAA+Carlito"; readers that cache fonts by name would mix them up.
    """
    fonts = [obj for obj in pdf.objects
             if isinstance(obj, Dictionary) and obj.get(Name.Type) == Name.Font]
    in_use = {m.group(1) for font in fonts if (m := _subset_match(font))}
    fresh = _fresh_tags(in_use)
    owner: dict[str, tuple[int, int]] = {}  # subset name -> descriptor that holds it
    new_tag: dict[tuple[int, int], str] = {}  # descriptor -> its new tag
    for font in fonts:
        match, desc = _subset_match(font), font.get(Name.FontDescriptor)
        if match is None or not isinstance(desc, Dictionary):
            continue
        first_holder = owner.setdefault(match.group(0), desc.objgen)
        if first_holder == desc.objgen and desc.objgen not in new_tag:
            continue  # the first subset seen under a name keeps it
        tag = new_tag.setdefault(desc.objgen, next(fresh))
        font.BaseFont = desc.FontName = Name(f"/{tag}+{match.group(2)}")
    for font in fonts:  # a Type0 font carries the tag of its CIDFont
        kids = font.get(Name.DescendantFonts)
        match = _subset_match(font)
        if match and isinstance(kids, Array) and len(kids):
            desc = kids[0].get(Name.FontDescriptor)
            if isinstance(desc, Dictionary) and desc.objgen in new_tag:
                font.BaseFont = Name(f"/{new_tag[desc.objgen]}+{match.group(2)}")


def _subset_match(font: Dictionary) -> re.Match[str] | None:
    return _SUBSET_RE.fullmatch(str(font.get(Name.BaseFont, ""))[1:])


def _fresh_tags(in_use: set[str]) -> Iterator[str]:
    for n in itertools.count():
        tag = "".join(chr(ord("A") + (n // 26**i) % 26) for i in range(6))
        if tag not in in_use:
            in_use.add(tag)
            yield tag


def _copy_document_level(merged: Pdf, first: Pdf) -> None:
    # The first part (the nota) defines the colour space claim and the XMP we start from.
    for key in (Name.OutputIntents, Name.Metadata):
        if key in first.Root:
            obj = first.Root[key]
            # copy_foreign wants an indirect object; LibreOffice writes OutputIntents direct.
            merged.Root[key] = merged.copy_foreign(obj if obj.is_indirect else first.make_indirect(obj))


