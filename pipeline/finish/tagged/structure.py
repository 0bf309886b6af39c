"""The structure tree of a tagged PDF, its blocks in logical order, and the facts the checks read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from pipeline.finish.tagged.content import INLINE_TYPES, MAX_DEPTH, STANDARD_TYPES, PageContent, read_pages

# --------------------------------------------------------------------------- structure


@dataclass
class Element:
    """A structure element in logical order."""

    obj: Dictionary
    raw: str              # /S as written ("Tekst", "H1")
    role: str             # after the RoleMap ("P", "H1"); raw when nothing standard is reached
    depth: int
    page: int | None
    parent: Element | None
    mcids: list[tuple[int, int]] = field(default_factory=list)  # (page, mcid) marked directly
    annotations: list[Dictionary] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)
    text: str = ""        # own and descendants' text, in order
    lead_gap: bool = False  # the text starts apart from what precedes it (a word gap)

    @property
    def alt(self) -> str | None:
        return _str_or_none(self.obj.get(Name.Alt))

    @property
    def actual_text(self) -> str | None:
        return _str_or_none(self.obj.get(Name.ActualText))

    def attributes(self) -> list[Dictionary]:
        value = self.obj.get(Name.A)
        items = list(value) if isinstance(value, Array) else [value]
        return [a for a in items if isinstance(a, Dictionary)]

    def attribute(self, key: str) -> object:
        for attrs in self.attributes():
            if key in attrs:
                return attrs[key]
        return None


def _str_or_none(value: object) -> str | None:
    return str(value) if value is not None else None


def role_map_target(name: str, role_map: pikepdf.Object) -> str:
    """Follow the RoleMap from name until a standard type (or a dead end/cycle)."""
    seen = {name}
    while name not in STANDARD_TYPES and f"/{name}" in role_map:
        name = str(role_map[f"/{name}"])[1:]
        if name in seen:
            break
        seen.add(name)
    return name


@dataclass
class Structure:
    """A PDF's structure tree, walked once."""

    elements: list[Element]
    role_map: pikepdf.Object
    problems: list[str]
    texts: dict[tuple[int, int], str]  # (page, MCID) -> text

    def with_role(self, *roles: str) -> list[Element]:
        return [e for e in self.elements if e.role in roles]


def read_structure(pdf: Pdf, pages: list[PageContent]) -> Structure:
    root = pdf.Root.get(Name.StructTreeRoot)
    if not isinstance(root, Dictionary):
        return Structure([], Dictionary(), [], {})
    role_map = root.get(Name.RoleMap, Dictionary())
    page_numbers = {p.obj.objgen: i for i, p in enumerate(pdf.pages, 1)}
    texts = {(p.number, mcid): (" " if p.gap_before.get(mcid) else "") + t for p in pages for mcid, t in p.text.items()}
    elements: list[Element] = []
    problems: list[str] = []
    seen: set[tuple[int, int]] = set()

    def page_of(node: Dictionary, inherited: int | None) -> int | None:
        pg = node.get(Name.Pg)
        return page_numbers.get(pg.objgen) if isinstance(pg, Dictionary) else inherited

    def walk(node: Dictionary, depth: int, page: int | None, parent: Element | None) -> Element | None:
        if node.is_indirect:
            if node.objgen in seen:
                problems.append(f"structuurelement {node.objgen} komt meer dan eens in de boom voor")
                return None
            seen.add(node.objgen)
        raw = str(node.get(Name.S, "/"))[1:]
        page = page_of(node, page)
        elem = Element(node, raw, role_map_target(raw, role_map), depth, page, parent)
        elements.append(elem)
        parts: list[str] = []
        kids = node.get(Name.K)
        for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
            if isinstance(kid, int):
                if page is None:
                    problems.append(f"{raw}: marked-content {int(kid)} zonder pagina (/Pg)")
                    continue
                elem.mcids.append((page, int(kid)))
                parts.append(texts.get((page, int(kid)), ""))
            elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
                kpage = page_of(kid, page)
                if Name.Stm in kid:
                    problems.append(f"{raw}: marked content in een XObject (/Stm) wordt niet nagelopen")
                    continue
                if kpage is None or not isinstance(kid.get(Name.MCID), int):
                    problems.append(f"{raw}: onvolledige marked-content-verwijzing (MCR)")
                    continue
                elem.mcids.append((kpage, int(kid.MCID)))
                parts.append(texts.get((kpage, int(kid.MCID)), ""))
            elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.OBJR:
                obj = kid.get(Name.Obj)
                if isinstance(obj, Dictionary) and obj.get(Name.Type, Name.Annot) == Name.Annot:
                    elem.annotations.append(obj)
            elif isinstance(kid, Dictionary) and Name.S in kid:
                if depth >= MAX_DEPTH:
                    problems.append("de structuurboom is dieper dan 200 niveaus")
                    continue
                child = walk(kid, depth + 1, page, elem)
                if child is not None:
                    elem.children.append(child)
                    if child.role in INLINE_TYPES:
                        parts.append((" " if child.lead_gap else "") + child.text)
                    else:
                        parts.append(" " + child.text + " ")
        joined = "".join(parts)
        elem.text, elem.lead_gap = collapse(joined), joined[:1].isspace()
        return elem

    kids = root.get(Name.K)
    for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
        if isinstance(kid, Dictionary):
            walk(kid, 0, None, None)
    return Structure(elements, role_map, problems, texts)


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@dataclass(frozen=True)
class Block:
    """One block of the logical reading order: its role, its raw /S and its text."""

    role: str
    raw: str
    page: int | None
    text: str


def _holds_blocks(elem: Element) -> bool:
    """True when a descendant is a block-level element with text (a Note counts: LibreOffice puts P in it)."""
    return any((c.role not in INLINE_TYPES and c.text) or _holds_blocks(c) for c in elem.children)


def _blocks(structure: Structure) -> list[Block]:
    """Innermost block-level elements with text, in logical order (what a screen reader reads)."""
    out: list[Block] = []
    for elem in structure.elements:
        if elem.role in INLINE_TYPES or not elem.text:
            continue
        if _holds_blocks(elem):
            # A container: its own directly marked text (if any) is a block of its own.
            own = collapse(" ".join(structure.texts.get(key, "") for key in elem.mcids))
            if own:
                out.append(Block(elem.role, elem.raw, elem.page, own))
            continue
        out.append(Block(elem.role, elem.raw, elem.page, elem.text))
    return out


# --------------------------------------------------------------------------- facts


@dataclass
class A11yFacts:
    """Everything the checks look at, read once from an open PDF (its objects live as long as the Pdf)."""

    pdf: Pdf
    pages: list[PageContent]
    structure: Structure
    blocks: list[Block]
    problems: list[str]  # found while reading


def read_facts(pdf: Pdf) -> A11yFacts:
    pages = read_pages(pdf)
    structure = read_structure(pdf, pages)
    problems = [e for p in pages for e in p.errors] + structure.problems
    return A11yFacts(pdf, pages, structure, _blocks(structure), problems)


def reading_blocks(path: Path) -> list[Block]:
    """The tagged text of a PDF in logical order, block by block."""
    with pikepdf.open(path) as pdf:
        return read_facts(pdf).blocks


def reading_text(path: Path) -> str:
    """The tagged text in logical order as one string (blocks separated by newlines)."""
    return "\n".join(b.text for b in reading_blocks(path))


