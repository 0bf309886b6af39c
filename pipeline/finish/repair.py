"""Repairs of LibreOffice's tagged PDFs: untagged footnote back-links, links without a tag, /Tabs /S."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from pipeline.finish.pdf import save_temp
from pipeline.finish.tagged.content import ANNOT_HIDDEN, PageContent, PageReader
from pipeline.finish.tagged.structure import A11yFacts, collapse, read_structure

# --------------------------------------------------------------------------- repair


def repair_pdf(path: Path) -> list[str]:
    """Repair in place what LibreOffice 7.4 gets wrong and no template can change; return what was done.

    Call it on every converted PDF after pdf.finalize_pdf. It changes only page dictionaries
    and the structure tree (no content, no text), so the file stays PDF/A-2b and the gate's
    text checks see the same text. Idempotent: a repaired file is not rewritten.

    - /Tabs is written as the string (S) instead of the name /S (PDF/UA 7.18.3: tab order
      follows the structure);
    - the link on a footnote's own number (back to the reference in the text) is not in the
      structure tree (7.18.1, 7.18.5): it gets a /Link element around that number.
    """
    path = Path(path)
    with pikepdf.open(path) as pdf:
        done = repair(pdf)
        if not done:
            return []
        tmp = save_temp(pdf, path, min_version=pdf.pdf_version)  # as pdf.finalize_pdf: /ID from the content
    tmp.replace(path)
    return done


def repair(pdf: Pdf) -> list[str]:
    """repair_pdf on an open PDF, unsaved: what pdf.finalize_pdf(..., also=repair) does in its one pass."""
    done = _repair_tabs(pdf)
    done += _drop_untagged_back_links(pdf)
    needed = _pages_with_untagged_links(pdf)
    if needed and isinstance(pdf.Root.get(Name.StructTreeRoot), Dictionary):
        # Only the pages with such a link are read: parsing every content stream in Python
        # took more time than LibreOffice's conversion of the same document.
        pages = [PageReader(i).read(page) if i in needed else PageContent(i)
                 for i, page in enumerate(pdf.pages, 1)]
        structure = read_structure(pdf, pages)
        done += _tag_untagged_links(pdf, A11yFacts(pdf, pages, structure, [], []))
    return done


def _repair_tabs(pdf: Pdf) -> list[str]:
    fixed = []
    for number, page in enumerate(pdf.pages, 1):
        tabs = page.obj.get(Name.Tabs)
        if (Name.Annots in page.obj or tabs is not None) and tabs != Name.S:
            page.obj.Tabs = Name.S
            fixed.append(number)
    return [f"/Tabs /S gezet op pagina {', '.join(map(str, fixed))}"] if fixed else []


def _is_untagged_link(annot: object) -> bool:
    return (isinstance(annot, Dictionary) and annot.is_indirect and annot.get(Name.Subtype) == Name.Link
            and Name.StructParent not in annot and not int(annot.get(Name.F, 0)) & ANNOT_HIDDEN)


def _is_internal(annot: pikepdf.Object) -> bool:
    action = annot.get(Name.A)
    return Name.Dest in annot or (isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo)


def _drop_untagged_back_links(pdf: Pdf) -> list[str]:
    """Remove untagged links that jump inside the document.

    LibreOffice 7.4 puts such a link on each footnote's own number, back to its reference
    in the text, and leaves it out of the structure tree. Tagging it means parsing the
    page's content to find the number under it, which cost more than the conversion; the
    reference in the text keeps its (tagged) link to the footnote, so dropping the way
    back loses little and leaves no annotation a screen reader cannot reach.
    """
    done = []
    for number, page in enumerate(pdf.pages, 1):
        annots = page.obj.get(Name.Annots)
        if not isinstance(annots, Array):
            continue
        keep = [a for a in annots if not (_is_untagged_link(a) and _is_internal(a))]
        if len(keep) != len(annots):
            done.append(f"{len(annots) - len(keep)} interne link(s) zonder tag verwijderd op pagina {number}")
            if keep:
                page.obj.Annots = Array(keep)
            else:
                del page.obj.Annots
    return done


def _pages_with_untagged_links(pdf: Pdf) -> set[int]:
    """Numbers of the pages with a visible /Link annotation that is not in the structure tree."""
    return {number for number, page in enumerate(pdf.pages, 1)
            if any(_is_untagged_link(a) for a in page.obj.get(Name.Annots, Array()))}


def _tag_untagged_links(pdf: Pdf, facts: A11yFacts) -> list[str]:
    root = pdf.Root.StructTreeRoot
    if Name.ParentTree not in root:
        root.ParentTree = pdf.make_indirect(Dictionary(Nums=Array()))
    tree = pikepdf.NumberTree(root.ParentTree)
    next_key = max([int(root.get(Name.ParentTreeNextKey, 0)), *(int(k) + 1 for k in tree)])
    owner = {key: e for e in facts.structure.elements for key in e.mcids}
    done = []
    for number, page in enumerate(pdf.pages, 1):
        for annot in page.obj.get(Name.Annots, Array()):
            if (not isinstance(annot, Dictionary) or not annot.is_indirect or annot.get(Name.Subtype) != Name.Link
                    or Name.StructParent in annot or int(annot.get(Name.F, 0)) & ANNOT_HIDDEN):
                continue
            label = str(annot.get(Name.Contents, "")).strip()
            mcid = _mcid_under(annot, facts.pages[number - 1], label)
            if mcid is None:
                continue
            elem = owner.get((number, mcid))
            if elem is None or not elem.obj.is_indirect:
                continue
            objr = Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)
            wrap = collapse(facts.pages[number - 1].text.get(mcid, "")) == label
            link = pdf.make_indirect(Dictionary(
                Type=Name.StructElem, S=Name.Link, P=elem.obj, Pg=page.obj,
                K=Array([mcid, objr]) if wrap else Array([objr])))
            _insert_link(elem.obj, page.obj, mcid, link, replace=wrap)
            if wrap:
                parents = tree.get(int(page.obj.get(Name.StructParents, -1)))
                if isinstance(parents, Array) and mcid < len(parents):
                    parents[mcid] = link
            annot.StructParent = next_key
            tree[next_key] = link
            next_key += 1
            done.append(f"link {label!r} op pagina {number} in de structuurboom gezet (onder {elem.raw})")
    if done:
        root.ParentTreeNextKey = next_key
    return done


def _mcid_under(annot: Dictionary, page: PageContent, label: str) -> int | None:
    """The MCID whose text starts inside the annotation's rectangle; the one that reads as its label first."""
    rect = [float(v) for v in annot.get(Name.Rect, Array([0, 0, 0, 0]))]
    x0, x1 = sorted((rect[0], rect[2]))
    y0, y1 = sorted((rect[1], rect[3]))
    inside = [m for m, starts in sorted(page.text_starts.items())
              if any(x0 - 0.5 <= x <= x1 + 0.5 and y0 - 0.5 <= y <= y1 + 0.5 for x, y in starts)]
    exact = [m for m in inside if collapse(page.text.get(m, "")) == label]
    if exact:
        return exact[0]
    return inside[0] if len(inside) == 1 else None


def _insert_link(elem: Dictionary, page: Dictionary, mcid: int, link: Dictionary, *, replace: bool) -> None:
    """Put link where mcid sits in elem's /K: instead of it (replace) or right after it."""
    kids = elem.get(Name.K)
    items: list[Any] = list(kids) if isinstance(kids, Array) else [kids]
    for i, item in enumerate(items):
        direct = isinstance(item, int) and int(item) == mcid
        via_mcr = (isinstance(item, Dictionary) and item.get(Name.Type) == Name.MCR
                   and item.get(Name.MCID) == mcid and item.get(Name.Pg, page).objgen == page.objgen)
        if direct or via_mcr:
            items[i:i + 1] = [link] if replace else [item, link]
            break
    else:
        items.append(link)
    elem.K = Array(items)


