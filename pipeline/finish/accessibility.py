"""Accessibility smoke tests for the public PDFs: tagged PDF, PDF/UA-1 as far as it can be decided offline.

`check_pdf(path)` returns the problems of one PDF as Dutch sentences (empty: every check passed).
It reads the file as assistive technology does: the structure tree in logical order, the text
each structure element marks (decoded through the fonts' ToUnicode maps), the marked-content
sequences of every page, annotations, metadata, and `pdffonts` for the fonts.

What it decides (PDF/UA-1 clauses in brackets):

- tagged: /MarkInfo /Marked true, no /Suspects, a /StructTreeRoot (6.2, 7.1);
- title: a non-empty title in DocInfo and XMP dc:title, /DisplayDocTitle true (7.1);
- language: a well-formed /Lang on the catalog (7.2);
- every structure type is standard or role-mapped to one; no standard type remapped (7.1);
- every painting operator (text, paths, images, shadings) is tagged or an /Artifact (7.1);
- every tagged image belongs to a /Figure, every /Figure has /Alt or /ActualText and marks content (7.3);
- headings: H1..H6 not mixed with H, the first is H1, no level skipped, none empty, and
  no bookmarks without headings (7.4);
- tables: rows, a header row of TH cells with /Scope or /Headers, as many columns in every row (7.5);
- every annotation is tagged (a /Link for a link) and links have /Contents; pages with
  annotations have /Tabs /S (7.18);
- content and structure agree: every marked-content id is in the tree exactly once and the
  ParentTree points back at the element that holds it;
- fonts embedded and with a ToUnicode map (7.21.3, 7.21.7);
- Woo redaction codes ("5.1.2e") are real, tagged text, each a word of its own.

What it cannot decide: whether the reading order is *meaningful*, whether alt text and
headings are *good*, colour contrast, the 90-odd other PDF/UA rules; marked content inside
form XObjects with their own /StructParents (LibreOffice writes none) is not followed. `reading_blocks(path)`
gives the text in logical order so tests can assert the order of a known document; veraPDF
(`verapdf --flavour ua1`) is the reference for a conformance claim, see `main()`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from pipeline.errors import ToolMissing
from pipeline.finish.pdf import POPPLER_ADVICE, extract_text, flatten_tree, inspect_pdf, save_temp

# ISO 32000-1, 14.8.4: the standard structure types.
STANDARD_TYPES = frozenset({
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure",
    "Formula", "Form",
})
# Inline-level types: their text runs on within the surrounding block.
INLINE_TYPES = frozenset({
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP",
    "Warichu", "WT", "WP", "Lbl",
})
HEADING_RX = re.compile(r"H([1-6])?")
# A Woo ground as printed in a redaction box: 5.1.2e, 5.1.1c, 5.1.5, 5.2.1 (Woo art. 5.1 and 5.2,
# one-digit lid, optional letter; atomic: "5.1.2e" never backtracks to "5.1.2" + a letter).
_WOO_CODE = r"(?>5\.[12]\.\d[a-i]?)"
WOO_CODE_RX = re.compile(rf"(?<![\w.]){_WOO_CODE}(?!\w)")
_WOO_CODE_GLUED_RX = re.compile(rf"(?<=[^\W\d_]){_WOO_CODE}|(?<![\w.]){_WOO_CODE}(?=[^\W\d_])")
_BCP47_RX = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_TEXT_OPS = frozenset({"Tj", "TJ", "'", '"'})
_PATH_PAINT_OPS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s"})
_NO_TAG_NEEDED = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})  # PDF/UA 7.18.1 exceptions
_ANNOT_HIDDEN = 2
_MAX_DEPTH = 200
_TJ_SPACE = -250  # a TJ adjustment (thousandths of an em) this negative is a word gap
_WORD_HYPHEN_END = re.compile(r"\w-$")


# --------------------------------------------------------------------------- fonts


_HEX_RX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BFRANGE_RX = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)")


def _utf16(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode("ascii")).decode("utf-16-be", "replace")


def _parse_tounicode(data: bytes) -> tuple[dict[bytes, str], int]:
    """The bfchar/bfrange entries of a ToUnicode CMap, and its code length in bytes."""
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", data)
    width = len(space.group(1)) // 2 if space else 1
    mapping: dict[bytes, str] = {}
    for block in re.finditer(rb"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        codes = _HEX_RX.findall(block.group(1))
        for src, dst in zip(codes[::2], codes[1::2]):
            mapping[bytes.fromhex(src.decode("ascii"))] = _utf16(dst)
    for block in re.finditer(rb"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for match in _BFRANGE_RX.finditer(block.group(1)):
            low, high = int(match.group(1), 16), int(match.group(2), 16)
            size = len(match.group(1)) // 2
            target = match.group(3)
            if target.startswith(b"["):
                for i, dst in enumerate(_HEX_RX.findall(target)):
                    mapping[(low + i).to_bytes(size, "big")] = _utf16(dst)
            else:
                base_bytes = bytes.fromhex(target[1:-1].decode("ascii"))
                base = int.from_bytes(base_bytes, "big")
                for i in range(high - low + 1):
                    value = (base + i).to_bytes(len(base_bytes), "big")
                    mapping[(low + i).to_bytes(size, "big")] = value.decode("utf-16-be", "replace")
    return mapping, width


class _Font:
    """Decodes a font's codes to Unicode and knows each code's advance width."""

    def __init__(self, font: Dictionary):
        self.composite = font.get(Name.Subtype) == Name.Type0
        self.width = 2 if self.composite else 1
        self.map: dict[bytes, str] | None = None
        to_unicode = font.get(Name.ToUnicode)
        if isinstance(to_unicode, pikepdf.Stream):
            try:
                self.map, self.width = _parse_tounicode(to_unicode.read_bytes())
            except (pikepdf.PdfError, ValueError):
                self.map = None
        self.widths: dict[int, float] = {}
        self.default_width = 0.0
        if self.composite:
            kids = font.get(Name.DescendantFonts)
            cid = kids[0] if isinstance(kids, Array) and len(kids) else Dictionary()
            self.default_width = float(cid.get(Name.DW, 1000))
            self._read_cid_widths(cid.get(Name.W))
        else:
            first = int(font.get(Name.FirstChar, 0))
            for i, w in enumerate(font.get(Name.Widths, Array())):
                self.widths[first + i] = float(w)
            desc = font.get(Name.FontDescriptor)
            if isinstance(desc, Dictionary):
                self.default_width = float(desc.get(Name.MissingWidth, 0))

    def _read_cid_widths(self, w: object) -> None:
        if not isinstance(w, Array):
            return
        items, i = list(w), 0
        while i + 1 < len(items):
            start = int(items[i])
            if isinstance(items[i + 1], Array):
                for j, value in enumerate(items[i + 1]):
                    self.widths[start + j] = float(value)
                i += 2
            elif i + 2 < len(items):
                for code in range(start, int(items[i + 1]) + 1):
                    self.widths[code] = float(items[i + 2])
                i += 3
            else:
                break

    def codes(self, data: bytes) -> Iterator[tuple[bytes, int]]:
        for i in range(0, len(data) - self.width + 1, self.width):
            chunk = data[i:i + self.width]
            yield chunk, int.from_bytes(chunk, "big")

    def text(self, chunk: bytes) -> str:
        if self.map is not None and chunk in self.map:
            return self.map[chunk]
        if self.composite:
            return "\ufffd"
        return chunk.decode("cp1252", "replace")

    def advance(self, code: int) -> float:
        return self.widths.get(code, self.default_width) / 1000.0


# --------------------------------------------------------------------------- content streams


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF row-vector convention: m x n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _point(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


@dataclass
class PageContent:
    """What one page's content streams paint, by marked-content id."""

    number: int
    text: dict[int, str] = field(default_factory=dict)          # MCID -> text in stream order
    mcid_count: Counter[int] = field(default_factory=Counter)   # how often each MCID opens
    images: dict[int, int] = field(default_factory=dict)        # MCID -> images painted in it
    untagged: Counter[str] = field(default_factory=Counter)     # operator -> count outside marking
    artifact_text: list[str] = field(default_factory=list)
    untagged_text: list[str] = field(default_factory=list)
    text_starts: dict[int, list[tuple[float, float]]] = field(default_factory=dict)
    gap_before: dict[int, bool] = field(default_factory=dict)   # MCID's text starts apart from the text before
    errors: list[str] = field(default_factory=list)


@dataclass
class _GState:
    ctm: Matrix = _IDENTITY
    font: _Font | None = None
    size: float = 0.0
    char_spacing: float = 0.0
    word_spacing: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0

    def copy(self) -> _GState:
        return _GState(self.ctm, self.font, self.size, self.char_spacing, self.word_spacing, self.scale,
                       self.leading, self.rise)


class _PageReader:
    """One pass over a page (and the form XObjects it paints), collecting PageContent."""

    def __init__(self, number: int):
        self.out = PageContent(number)
        self.fonts: dict[tuple[int, int], _Font] = {}
        self.last_end: tuple[float, float] | None = None
        self.last_size = 0.0
        self.last_text = ""

    def read(self, page: pikepdf.Page) -> PageContent:
        try:
            self._stream(page.obj, page.obj.get(Name.Resources, Dictionary()), _GState(), [], set())
        except (pikepdf.PdfError, ValueError, TypeError) as exc:
            self.out.errors.append(f"inhoud van pagina {self.out.number} niet te lezen: {exc}")
        return self.out

    def _font(self, resources: Dictionary, name: object) -> _Font | None:
        fonts = resources.get(Name.Font)
        font = fonts.get(str(name)) if isinstance(fonts, Dictionary) else None
        if not isinstance(font, Dictionary):
            return None
        key = font.objgen if font.is_indirect else (id(font), 0)
        if key not in self.fonts:
            self.fonts[key] = _Font(font)
        return self.fonts[key]

    def _stream(self, owner: object, resources: Dictionary, gs: _GState, marks: list[tuple[str, int | None]],
                seen: set[tuple[int, int]]) -> None:
        stack: list[_GState] = []
        tm = tlm = _IDENTITY
        for instr in pikepdf.parse_content_stream(owner):
            if isinstance(instr, pikepdf.ContentStreamInlineImage):
                self._paint("BI", marks, image=True)
                continue
            op, args = str(instr.operator), list(instr.operands)
            if op in ("BDC", "BMC"):
                props = args[1] if op == "BDC" and len(args) > 1 else None
                if op == "BDC" and not isinstance(props, Dictionary):
                    named = resources.get(Name.Properties)
                    props = named.get(str(props)) if isinstance(named, Dictionary) else None
                mcid = props.get(Name.MCID) if isinstance(props, Dictionary) else None
                mcid = int(mcid) if isinstance(mcid, int) else None
                marks.append((str(args[0]) if args else "", mcid))
                if mcid is not None:
                    self.out.mcid_count[mcid] += 1
            elif op == "EMC":
                if marks:
                    marks.pop()
            elif op == "q":
                stack.append(gs.copy())
            elif op == "Q":
                if stack:
                    gs = stack.pop()
            elif op == "cm":
                gs.ctm = _mul(tuple(float(a) for a in args), gs.ctm)  # type: ignore[arg-type]
            elif op == "BT":
                tm = tlm = _IDENTITY
            elif op == "Tf":
                gs.font, gs.size = self._font(resources, args[0]), float(args[1])
            elif op == "Tc":
                gs.char_spacing = float(args[0])
            elif op == "Tw":
                gs.word_spacing = float(args[0])
            elif op == "Tz":
                gs.scale = float(args[0]) / 100.0
            elif op == "TL":
                gs.leading = float(args[0])
            elif op == "Ts":
                gs.rise = float(args[0])
            elif op in ("Td", "TD"):
                if op == "TD":
                    gs.leading = -float(args[1])
                tm = tlm = _mul((1, 0, 0, 1, float(args[0]), float(args[1])), tlm)
            elif op == "Tm":
                tm = tlm = tuple(float(a) for a in args)  # type: ignore[assignment]
            elif op == "T*":
                tm = tlm = _mul((1, 0, 0, 1, 0, -gs.leading), tlm)
            elif op in _TEXT_OPS:
                if op in ("'", '"'):
                    if op == '"':
                        gs.word_spacing, gs.char_spacing = float(args[0]), float(args[1])
                    tm = tlm = _mul((1, 0, 0, 1, 0, -gs.leading), tlm)
                tm = self._show(op, args[-1], gs, tm, marks)
            elif op == "Do":
                self._do(resources, args[0], gs, marks, seen)
            elif op == "sh":
                self._paint("sh", marks)
            elif op in _PATH_PAINT_OPS:
                self._paint(op, marks)

    def _state(self, marks: list[tuple[str, int | None]]) -> tuple[str, int | None]:
        if any(tag == "/Artifact" for tag, _ in marks):
            return "artifact", None
        for _tag, mcid in reversed(marks):
            if mcid is not None:
                return "tagged", mcid
        return "untagged", None

    def _paint(self, op: str, marks: list[tuple[str, int | None]], image: bool = False) -> None:
        state, mcid = self._state(marks)
        if state == "untagged":
            self.out.untagged[op] += 1
        elif state == "tagged" and image and mcid is not None:
            self.out.images[mcid] = self.out.images.get(mcid, 0) + 1

    def _do(self, resources: Dictionary, name: object, gs: _GState, marks: list[tuple[str, int | None]],
            seen: set[tuple[int, int]]) -> None:
        xobjects = resources.get(Name.XObject)
        xobj = xobjects.get(str(name)) if isinstance(xobjects, Dictionary) else None
        if not isinstance(xobj, pikepdf.Stream):
            return
        if xobj.get(Name.Subtype) == Name.Image:
            self._paint("Do", marks, image=True)
            return
        if xobj.get(Name.Subtype) != Name.Form or xobj.objgen in seen:
            return
        inner = gs.copy()
        matrix = xobj.get(Name.Matrix)
        if isinstance(matrix, Array) and len(matrix) == 6:
            inner.ctm = _mul(tuple(float(v) for v in matrix), inner.ctm)  # type: ignore[arg-type]
        self._stream(xobj, xobj.get(Name.Resources, resources), inner, list(marks), seen | {xobj.objgen})

    def _show(self, op: str, operand: object, gs: _GState, tm: Matrix, marks: list[tuple[str, int | None]]
              ) -> Matrix:
        state, mcid = self._state(marks)
        if state == "untagged":
            self.out.untagged[op] += 1
        pieces: list[str] = []
        items = list(operand) if isinstance(operand, Array) else [operand]
        start_tm = tm
        start = _point(_mul(tm, gs.ctm), 0, gs.rise)
        for item in items:
            if isinstance(item, pikepdf.String):
                for chunk, code in (gs.font.codes(bytes(item)) if gs.font else []):
                    pieces.append(gs.font.text(chunk))
                    advance = gs.font.advance(code) * gs.size + gs.char_spacing
                    if chunk == b" " and not gs.font.composite:
                        advance += gs.word_spacing
                    tm = _mul((1, 0, 0, 1, advance * gs.scale, 0), tm)
            else:
                shift = float(item)
                if shift <= _TJ_SPACE:
                    pieces.append(" ")
                tm = _mul((1, 0, 0, 1, -shift / 1000.0 * gs.size * gs.scale, 0), tm)
        text = "".join(pieces)
        end = _point(_mul(tm, gs.ctm), 0, gs.rise)
        start_matrix = _mul(start_tm, gs.ctm)
        size = abs(gs.size) * (start_matrix[2] ** 2 + start_matrix[3] ** 2) ** 0.5 or 1.0
        gap = self._gap(start, size)
        if gap and _WORD_HYPHEN_END.search(self.last_text) and self._new_line(start, size):
            gap = False  # "MT-" at a line end and "niveau" on the next line read as "MT-niveau"
        self.last_end, self.last_size = end, size
        if text:
            self.last_text = text
        if state == "artifact":
            self.out.artifact_text.append(text)
        elif state == "untagged":
            self.out.untagged_text.append(text)
        elif mcid is not None:
            if mcid not in self.out.text:
                self.out.gap_before[mcid] = gap
            previous = self.out.text.get(mcid, "")
            if previous and gap and not previous[-1:].isspace() and not text[:1].isspace():
                previous += " "
            self.out.text[mcid] = previous + text
            self.out.text_starts.setdefault(mcid, []).append(start)
        return tm

    def _new_line(self, start: tuple[float, float], size: float) -> bool:
        return self.last_end is not None and abs(start[1] - self.last_end[1]) > 0.5 * max(size, self.last_size)

    def _gap(self, start: tuple[float, float], size: float) -> bool:
        """True when text starting here does not continue the previous text on its line."""
        if self.last_end is None:
            return True
        dx, dy = start[0] - self.last_end[0], start[1] - self.last_end[1]
        line = max(size, self.last_size)
        return abs(dy) > 0.5 * line or dx > 0.15 * line or dx < -0.5 * line


def read_pages(pdf: Pdf) -> list[PageContent]:
    return [_PageReader(i).read(page) for i, page in enumerate(pdf.pages, 1)]


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


def role_map_target(name: str, role_map: Dictionary) -> str:
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
    role_map: Dictionary
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
                if depth >= _MAX_DEPTH:
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
        elem.text, elem.lead_gap = _collapse(joined), joined[:1].isspace()
        return elem

    kids = root.get(Name.K)
    for kid in (list(kids) if isinstance(kids, Array) else [kids] if kids is not None else []):
        if isinstance(kid, Dictionary):
            walk(kid, 0, None, None)
    return Structure(elements, role_map, problems, texts)


def _collapse(text: str) -> str:
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
            own = _collapse(" ".join(structure.texts.get(key, "") for key in elem.mcids))
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


# --------------------------------------------------------------------------- checks


def check_pdf(path: Path, *, require_headings: bool = False) -> list[str]:
    """Every accessibility problem of one PDF, in Dutch; [] when all checks pass.

    require_headings: the document must have H1..H6 headings (a nota or rapportage has them,
    a Kamerbrief need not).
    """
    path = Path(path)
    with pikepdf.open(path) as pdf:
        facts = read_facts(pdf)
        problems = list(facts.problems)
        problems += _check_catalog(pdf)
        problems += _check_roles(facts.structure)
        problems += _check_content(facts)
        problems += _check_parent_tree(pdf, facts.structure)
        problems += _check_annotations(pdf, facts.structure)
        problems += _check_figures(facts)
        problems += _check_headings(facts.structure, _outline_titles(pdf), require_headings)
        problems += _check_tables(facts.structure)
        problems += _check_redaction_codes(facts, path)
    problems += _check_fonts(path)
    return problems


def _check_catalog(pdf: Pdf) -> list[str]:
    problems = []
    root = pdf.Root
    mark_info = root.get(Name.MarkInfo)
    if not (isinstance(mark_info, Dictionary) and bool(mark_info.get(Name.Marked, False))):
        problems.append("niet getagd: /MarkInfo /Marked ontbreekt of is niet true")
    elif bool(mark_info.get(Name.Suspects, False)):
        problems.append("/MarkInfo /Suspects is true: de tagging is onbetrouwbaar verklaard")
    if not isinstance(root.get(Name.StructTreeRoot), Dictionary):
        problems.append("niet getagd: er is geen structuurboom (/StructTreeRoot)")
    title = str(pdf.docinfo.get(Name.Title, "")).strip()
    if not title:
        problems.append("geen documenttitel (/Title in de documentinformatie)")
    xmp_title = str(pdf.open_metadata().get("dc:title", "") or "").strip()
    if not xmp_title:
        problems.append("geen documenttitel in de XMP-metadata (dc:title)")
    prefs = root.get(Name.ViewerPreferences)
    if not (isinstance(prefs, Dictionary) and bool(prefs.get(Name.DisplayDocTitle, False))):
        problems.append("/ViewerPreferences /DisplayDocTitle is niet true: de viewer toont de bestandsnaam")
    lang = str(root.get(Name.Lang, "")).strip()
    if not lang:
        problems.append("geen documenttaal (/Lang in de catalogus)")
    elif not _BCP47_RX.fullmatch(lang):
        problems.append(f"documenttaal {lang!r} is geen geldige taalcode (BCP 47, zoals nl-NL)")
    return problems


def _check_roles(structure: Structure) -> list[str]:
    problems = []
    for key, value in structure.role_map.items():
        name, target = str(key)[1:], str(value)[1:]
        if name in STANDARD_TYPES and target != name:
            problems.append(f"de RoleMap zet het standaardtype {name} om naar {target}")
    unknown = sorted({e.raw for e in structure.elements if e.role not in STANDARD_TYPES})
    if unknown:
        problems.append("structuurtypen zonder standaardbetekenis (ook niet via de RoleMap): " + ", ".join(unknown))
    return problems


def _check_content(facts: A11yFacts) -> list[str]:
    problems = []
    referenced = Counter(key for e in facts.structure.elements for key in e.mcids)
    for page in facts.pages:
        if page.untagged:
            ops = ", ".join(f"{op} ×{n}" for op, n in sorted(page.untagged.items()))
            what = f" (tekst: {_collapse(' '.join(page.untagged_text))[:60]!r})" if page.untagged_text else ""
            problems.append(f"pagina {page.number}: inhoud die niet getagd en geen artefact is: {ops}{what}")
        doubled = sorted(m for m, n in page.mcid_count.items() if n > 1)
        if doubled:
            problems.append(f"pagina {page.number}: marked-content-id's komen meer dan eens voor: {doubled}")
        orphans = sorted(m for m in page.mcid_count if (page.number, m) not in referenced)
        if orphans:
            text = _collapse(" ".join(page.text.get(m, "") for m in orphans))[:60]
            problems.append(f"pagina {page.number}: getagde inhoud (MCID {orphans}) hangt niet in de structuurboom "
                            f"en is onzichtbaar voor hulpsoftware: {text!r}")
    counts = {p.number: p.mcid_count for p in facts.pages}
    missing = sorted(key for key in referenced if key[1] not in counts.get(key[0], {}))
    if missing:
        problems.append(f"de structuurboom verwijst naar inhoud die er niet is (pagina, MCID): {missing[:10]}")
    twice = sorted(key for key, n in referenced.items() if n > 1)
    if twice:
        problems.append(f"inhoud hangt meer dan eens in de structuurboom (pagina, MCID): {twice[:10]}")
    return problems


def _inside(elem: Element, role: str) -> bool:
    node: Element | None = elem
    while node is not None:
        if node.role == role:
            return True
        node = node.parent
    return False


def _check_figures(facts: A11yFacts) -> list[str]:
    problems = []
    owner = {key: e for e in facts.structure.elements for key in e.mcids}
    for page in facts.pages:
        for mcid in sorted(page.images):
            elem = owner.get((page.number, mcid))
            if elem is not None and not _inside(elem, "Figure"):
                problems.append(f"pagina {page.number}: een afbeelding is getagd als {elem.raw} in plaats van "
                                "/Figure (of als artefact)")
    for fig in facts.structure.with_role("Figure"):
        where = f"pagina {fig.page}" if fig.page else "ergens"
        alt = (fig.alt or "").strip() or (fig.actual_text or "").strip()
        if not alt:
            problems.append(f"{where}: /Figure ({fig.raw}) zonder alternatieve tekst (/Alt)")
        if not fig.mcids and not fig.children:
            problems.append(f"{where}: /Figure {alt!r} markeert niets; hulpsoftware meldt een afbeelding die er "
                            "niet is (markeer een decoratieve vorm als decoratief, dan wordt hij een artefact)")
    return problems


def _heading_level(elem: Element) -> int | None:
    match = HEADING_RX.fullmatch(elem.role)
    if not match:
        return None
    return int(match.group(1)) if match.group(1) else 0


def _check_headings(structure: Structure, outline: list[str], require: bool) -> list[str]:
    problems = []
    headings = [(e, lvl) for e in structure.elements if (lvl := _heading_level(e)) is not None]
    if require and not any(lvl for _, lvl in headings):
        problems.append("geen koppen (H1..H6) in de structuur; kopstijlen hebben een overzichtsniveau nodig")
    levels = {lvl for _, lvl in headings}
    if 0 in levels and levels - {0}:
        problems.append("genummerde koppen (H1..H6) en /H door elkaar")
    previous = 0
    for elem, level in headings:
        if not elem.text:
            problems.append(f"pagina {elem.page}: lege kop {elem.role}")
        if level == 0:
            continue
        if previous == 0 and level != 1:
            problems.append(f"de eerste kop is {elem.role} ({elem.text[:40]!r}), niet H1")
        elif level > previous + 1 and previous:
            problems.append(f"kopniveau overgeslagen: H{previous} gevolgd door {elem.role} ({elem.text[:40]!r})")
        previous = level
    if outline and not headings:
        # LibreOffice makes bookmarks from outline levels and tags those paragraphs H1..H6;
        # bookmarks without any heading mean the headings lost their tags.
        problems.append(f"{len(outline)} bladwijzer(s) maar geen enkele kop in de structuur")
    return problems


def _rows(table: Element) -> list[Element]:
    rows = []
    for child in table.children:
        if child.role == "TR":
            rows.append(child)
        elif child.role in ("THead", "TBody", "TFoot"):
            rows += [r for r in child.children if r.role == "TR"]
    return rows


def _span(cell: Element, key: str) -> int:
    value = cell.attribute(key)
    try:
        return max(1, int(value)) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _check_tables(structure: Structure) -> list[str]:
    problems = []
    for n, table in enumerate(structure.with_role("Table"), 1):
        where = f"tabel {n} (pagina {table.page})"
        rows = _rows(table)
        if not rows:
            problems.append(f"{where}: geen rijen (/TR)")
            continue
        cells = [[c for c in row.children if c.role in ("TH", "TD")] for row in rows]
        if any(c.role not in ("TH", "TD") for row in rows for c in row.children):
            problems.append(f"{where}: een rij bevat iets anders dan TH- of TD-cellen")
        headers = [c for row in cells for c in row if c.role == "TH"]
        data = [c for row in cells for c in row if c.role == "TD"]
        if data and not headers:
            problems.append(f"{where}: geen kopcellen (TH); markeer de kopregel als herhalende kopregel")
        elif cells[0] and any(c.role != "TH" for c in cells[0]) and not any(
                row and row[0].role == "TH" for row in cells):
            problems.append(f"{where}: de eerste rij is geen kopregel (TH)")
        if headers and not any(c.attribute("/Scope") is not None for c in headers) and not any(
                Name.Headers in c.obj or c.attribute("/Headers") is not None for c in data):
            problems.append(f"{where}: kopcellen zonder /Scope en datacellen zonder /Headers")
        widths = _grid_widths(cells)
        if len(set(widths)) > 1:
            problems.append(f"{where}: rijen met verschillend aantal kolommen {widths}")
    return problems


def _grid_widths(cells: list[list[Element]]) -> list[int]:
    """Columns per row, counting ColSpan and cells that reach down from earlier rows (RowSpan)."""
    carried: dict[int, int] = {}  # column -> rows it is still occupied
    widths = []
    for row in cells:
        col, occupied = 0, {c for c, n in carried.items() if n > 0}
        for cell in row:
            while col in occupied:
                col += 1
            span, down = _span(cell, "/ColSpan"), _span(cell, "/RowSpan")
            for c in range(col, col + span):
                if down > 1:
                    carried[c] = down
            col += span
        width = max([col, *[c + 1 for c in occupied]]) if row or occupied else 0
        widths.append(width)
        carried = {c: n - 1 for c, n in carried.items() if n - 1 > 0 or c not in occupied}
        carried = {c: n for c, n in carried.items() if n > 0}
    return widths


def _check_annotations(pdf: Pdf, structure: Structure) -> list[str]:
    problems = []
    tagged = {a.objgen: e for e in structure.elements for a in e.annotations if a.is_indirect}
    for number, page in enumerate(pdf.pages, 1):
        annots = [a for a in page.obj.get(Name.Annots, Array()) if isinstance(a, Dictionary)]
        relevant = [a for a in annots if str(a.get(Name.Subtype, "")) not in _NO_TAG_NEEDED
                    and not int(a.get(Name.F, 0)) & _ANNOT_HIDDEN]
        if relevant and page.obj.get(Name.Tabs) != Name.S:
            problems.append(f"pagina {number}: heeft annotaties maar geen /Tabs /S (tabvolgorde = structuur)")
        untagged = []
        for annot in relevant:
            subtype = str(annot.get(Name.Subtype, ""))[1:]
            elem = tagged.get(annot.objgen) if annot.is_indirect else None
            if elem is None or Name.StructParent not in annot:
                untagged.append(subtype + (f" {str(annot.get(Name.Contents, ''))!r}" if Name.Contents in annot else ""))
            elif subtype == "Link" and elem.role != "Link":
                problems.append(f"pagina {number}: een link hangt onder {elem.raw} in plaats van /Link")
            if subtype == "Link" and not str(annot.get(Name.Contents, "")).strip():
                problems.append(f"pagina {number}: een link zonder beschrijving (/Contents)")
        if untagged:
            problems.append(f"pagina {number}: {len(untagged)} annotatie(s) niet in de structuurboom: "
                            + ", ".join(untagged[:5]))
    return problems


def _number_tree(node: object) -> dict[int, pikepdf.Object]:
    return {int(key): value for key, value in flatten_tree(node, "/Nums")}  # type: ignore[call-overload]


def _check_parent_tree(pdf: Pdf, structure: Structure) -> list[str]:
    """The ParentTree must name, for every MCID of a page, the element that marks it (hit-testing, reflow)."""
    root = pdf.Root.get(Name.StructTreeRoot)
    if not isinstance(root, Dictionary) or not structure.elements:
        return []
    tree = _number_tree(root.get(Name.ParentTree))
    wrong: list[tuple[int, int]] = []
    owner = {key: e for e in structure.elements for key in e.mcids}
    for number, page in enumerate(pdf.pages, 1):
        key = page.obj.get(Name.StructParents)
        mcids = [m for (p, m) in owner if p == number]
        if not mcids:
            continue
        parents = tree.get(int(key)) if key is not None else None
        if not isinstance(parents, Array):
            wrong += [(number, m) for m in mcids]
            continue
        for mcid in mcids:
            target = parents[mcid] if mcid < len(parents) else None
            if not (isinstance(target, Dictionary) and target.is_indirect
                    and target.objgen == owner[(number, mcid)].obj.objgen):
                wrong.append((number, mcid))
    if wrong:
        message = "de ParentTree wijst niet naar het element dat de inhoud markeert (pagina, MCID): "
        return [message + str(sorted(wrong)[:10])]
    return []


def _outline_titles(pdf: Pdf) -> list[str]:
    titles: list[str] = []
    outlines = pdf.Root.get(Name.Outlines)
    stack = [outlines.get(Name.First)] if isinstance(outlines, Dictionary) else []
    seen: set[tuple[int, int]] = set()
    while stack:
        item = stack.pop()
        while isinstance(item, Dictionary) and item.objgen not in seen:
            seen.add(item.objgen)
            titles.append(str(item.get(Name.Title, "")))
            if Name.First in item:
                stack.append(item.First)
            item = item.get(Name.Next)
    return titles


def font_table(path: Path) -> list[dict[str, str]]:
    """pdffonts as rows: name, type, encoding, emb, sub, uni."""
    exe = shutil.which("pdffonts")
    if exe is None:
        raise ToolMissing(f"pdffonts niet gevonden op PATH: {POPPLER_ADVICE}")
    proc = subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=120, check=False)
    lines = proc.stdout.splitlines()
    ruler = next((i for i, line in enumerate(lines) if line.startswith("---")), None)
    if proc.returncode != 0 or ruler is None:
        raise ValueError(f"pdffonts faalde op {path}: {proc.stderr.strip()}")
    spans = [m.span() for m in re.finditer(r"-+", lines[ruler])]
    names = ["name", "type", "encoding", "emb", "sub", "uni"]
    return [{n: line[a:b].strip() for n, (a, b) in zip(names, spans)} for line in lines[ruler + 1:] if line.strip()]


def _check_fonts(path: Path) -> list[str]:
    problems = []
    try:
        rows = font_table(path)
    except ValueError as exc:
        return [str(exc)]
    for row in rows:
        if row["emb"] != "yes":
            problems.append(f"lettertype {row['name']} is niet ingebed")
        if row["uni"] != "yes":
            problems.append(f"lettertype {row['name']} heeft geen ToUnicode-tabel: tekst is niet betrouwbaar te lezen")
    if not inspect_pdf(path).fonts_all_embedded and not any("niet ingebed" in p for p in problems):
        problems.append("niet alle lettertypen zijn ingebed")
    return problems


def _check_redaction_codes(facts: A11yFacts, path: Path) -> list[str]:
    """Every Woo code printed in a redaction box is tagged text, a word of its own."""
    problems = []
    tagged = "\n".join(b.text for b in facts.blocks)
    visible = _collapse(extract_text(path))
    n_tagged, n_visible = len(WOO_CODE_RX.findall(tagged)), len(WOO_CODE_RX.findall(visible))
    if n_tagged != n_visible:
        problems.append(f"{n_visible} Woo-code(s) zichtbaar op de pagina's maar {n_tagged} in de getagde tekst: "
                        "een gelakte passage is voor hulpsoftware onzichtbaar of dubbel")
    for block in facts.blocks:
        for match in _WOO_CODE_GLUED_RX.finditer(block.text):
            around = block.text[max(0, match.start() - 15):match.end() + 15]
            problems.append(f"pagina {block.page}: Woo-code plakt aan een woord vast: {around!r}")
    return problems


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
        done = _repair_tabs(pdf)
        done += _drop_untagged_back_links(pdf)
        needed = _pages_with_untagged_links(pdf)
        if needed and isinstance(pdf.Root.get(Name.StructTreeRoot), Dictionary):
            # Only the pages with such a link are read: parsing every content stream in Python
            # took more time than LibreOffice's conversion of the same document.
            pages = [_PageReader(i).read(page) if i in needed else PageContent(i)
                     for i, page in enumerate(pdf.pages, 1)]
            structure = read_structure(pdf, pages)
            done += _tag_untagged_links(pdf, A11yFacts(pdf, pages, structure, [], []))
        if not done:
            return []
        tmp = save_temp(pdf, path, min_version=pdf.pdf_version)  # as pdf.finalize_pdf: /ID from the content
    os.replace(tmp, path)
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
            and Name.StructParent not in annot and not int(annot.get(Name.F, 0)) & _ANNOT_HIDDEN)


def _is_internal(annot: Dictionary) -> bool:
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
                    or Name.StructParent in annot or int(annot.get(Name.F, 0)) & _ANNOT_HIDDEN):
                continue
            label = str(annot.get(Name.Contents, "")).strip()
            mcid = _mcid_under(annot, facts.pages[number - 1], label)
            elem = owner.get((number, mcid)) if mcid is not None else None
            if elem is None or not elem.obj.is_indirect:
                continue
            objr = Dictionary(Type=Name.OBJR, Obj=annot, Pg=page.obj)
            wrap = _collapse(facts.pages[number - 1].text.get(mcid, "")) == label
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
    exact = [m for m in inside if _collapse(page.text.get(m, "")) == label]
    if exact:
        return exact[0]
    return inside[0] if len(inside) == 1 else None


def _insert_link(elem: Dictionary, page: Dictionary, mcid: int, link: Dictionary, *, replace: bool) -> None:
    """Put link where mcid sits in elem's /K: instead of it (replace) or right after it."""
    kids = elem.get(Name.K)
    items = list(kids) if isinstance(kids, Array) else [kids]
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


# --------------------------------------------------------------------------- validate (make validate)


HEADED_STEMS = frozenset({"nota", "rapportage", "parafeerbundel"})  # documents that must have headings
# veraPDF PDF/UA-1 rule 5-1 asks for the pdfuaid claim in the XMP. The pipeline does not claim
# PDF/UA (LibreOffice 7.4 cannot produce it without the repairs above and veraPDF's verdict),
# so that one rule is reported as a note, not as a failure.
VERAPDF_NOT_CLAIMED = {"ua1": frozenset({"5-1"})}


@dataclass
class VeraResult:
    """veraPDF's verdict per file for one flavour; None when veraPDF is not installed."""

    flavour: str
    failed: dict[Path, list[str]]   # file -> failed rules ("7.1-3 omschrijving")
    notes: list[str]
    error: str | None = None


REVIEW_FOLDER = "lakvoorstel"


def find_pdfs(paths: list[Path], *, review: bool = False) -> list[Path]:
    """The PDFs in the given files and folders, skipping hidden folders (staging, cache).

    review: also the lakvoorstel/ folders (internal review copies, never published).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for pdf in sorted(path.rglob("*.pdf")):
                parts = pdf.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or (not review and REVIEW_FOLDER in parts[:-1]):
                    continue
                found.append(pdf)
    return found


def run_verapdf(pdfs: list[Path], flavour: str, exe: str | None = None) -> VeraResult | None:
    """`verapdf --flavour FLAVOUR --format xml` over all files; None when verapdf is not on PATH."""
    exe = exe or shutil.which("verapdf")
    if exe is None:
        return None
    try:
        proc = subprocess.run([exe, "--flavour", flavour, "--format", "xml", *map(str, pdfs)],
                              capture_output=True, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return VeraResult(flavour, {}, [], f"veraPDF kon niet draaien: {exc}")
    if proc.returncode not in (0, 1):
        tail = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        return VeraResult(flavour, {}, [], f"veraPDF stopte met exitcode {proc.returncode}: {tail}")
    return parse_verapdf_report(proc.stdout, flavour, pdfs)


def parse_verapdf_report(xml: bytes, flavour: str, pdfs: list[Path]) -> VeraResult:
    """Read veraPDF's machine-readable report (report/jobs/job/{item/name, validationReport/details/rule})."""
    from lxml import etree

    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return VeraResult(flavour, {}, [], f"het rapport van veraPDF is geen XML: {exc}")
    by_name = {str(p): p for p in pdfs} | {str(p.resolve()): p for p in pdfs}
    result = VeraResult(flavour, {}, [])
    jobs = list(root.iter("job"))
    if len(jobs) != len(pdfs):
        result.error = f"veraPDF meldde {len(jobs)} van de {len(pdfs)} bestanden"
    for job in jobs:
        name = (job.findtext("item/name") or "").strip()
        path = by_name.get(name, Path(name))
        report = job.find("validationReport")
        if report is None:
            result.failed[path] = ["geen validatierapport (kon veraPDF het bestand lezen?)"]
            continue
        ignored = VERAPDF_NOT_CLAIMED.get(flavour, frozenset())
        failed = []
        for rule in report.iter("rule"):
            if rule.get("status") != "failed":
                continue
            rule_id = f"{rule.get('clause')}-{rule.get('testNumber')}"
            text = _collapse(rule.findtext("description") or "")
            if rule_id in ignored:
                result.notes.append(f"{path}: {rule_id} (niet geclaimd) {text}".rstrip())
                continue
            failed.append(f"{rule_id} ({rule.get('failedChecks', '?')}×) {text}".rstrip())
        if failed or (report.get("isCompliant") == "false" and not ignored):
            result.failed[path] = failed or ["niet conform volgens veraPDF"]
    return result


def pdfua_errors(path: Path) -> list[str] | None:
    """Error findings of the `pdfua` package (an independent, smaller rule set); None when not installed.

    Its warnings are left out: UA-28-004 (no PDF/UA claim) is expected, and its heading rule
    crashes on LibreOffice's /K arrays in pdfua 0.1.3 (reported as skipped, not as a finding).
    """
    try:
        from pdfua import Severity, validate
    except ImportError:
        return None
    report = validate(str(path))
    return [f"pdfua {f.rule_id}: {f.message}" for f in report.findings if f.severity == Severity.ERROR]


def validate(paths: list[Path], *, use_verapdf: bool = True, review: bool = False,
             out=None) -> int:  # type: ignore[no-untyped-def]
    """Run every check on the PDFs below paths and print a report; 0 when all pass, 1 otherwise."""
    out = out or sys.stdout
    pdfs = find_pdfs(paths, review=review)
    if not pdfs:
        print(f"geen PDF's gevonden in {', '.join(map(str, paths))}; bouw eerst (make / make woo)", file=out)
        return 2
    failures = 0
    for pdf in pdfs:
        problems = check_pdf(pdf, require_headings=pdf.stem in HEADED_STEMS)
        problems += pdfua_errors(pdf) or []
        failures += bool(problems)
        print(f"{'FOUT' if problems else 'OK  '} {pdf}", file=out)
        for problem in problems:
            print(f"       - {problem}", file=out)
    if use_verapdf:
        for flavour in ("ua1", "2b"):
            result = run_verapdf(pdfs, flavour)
            if result is None:
                print("veraPDF staat niet op PATH: alleen de eigen controles zijn gedaan "
                      "(installeer veraPDF voor PDF/UA-1 en PDF/A-2b volgens de referentie)", file=out)
                break
            if result.error:
                failures += 1
                print(f"veraPDF {flavour}: {result.error}", file=out)
            for pdf, rules in result.failed.items():
                failures += 1
                print(f"FOUT veraPDF {flavour} {pdf}", file=out)
                for rule in rules:
                    print(f"       - {rule}", file=out)
            for note in result.notes:
                print(f"noot veraPDF {flavour}: {note}", file=out)
            if not result.failed and not result.error:
                print(f"OK   veraPDF {flavour}: alle {len(pdfs)} bestanden", file=out)
    print(f"{len(pdfs)} PDF('s) gecontroleerd, {failures} met problemen", file=out)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.finish.accessibility",
                                 description="Toegankelijkheidscontroles (getagde PDF, PDF/UA-1) op de gebouwde PDF's.")
    ap.add_argument("paths", nargs="*", type=Path, default=[Path("build")],
                    help="PDF's of mappen (standaard: build/)")
    ap.add_argument("--zonder-verapdf", action="store_true", help="veraPDF niet draaien, ook als het er is")
    ap.add_argument("--met-lakvoorstel", action="store_true",
                    help="ook de lakvoorstellen controleren (intern, nooit openbaar; standaard overgeslagen)")
    ap.add_argument("--json", action="store_true", help="alleen de eigen controles, als JSON {pad: [problemen]}")
    args = ap.parse_args(argv)
    if args.json:
        pdfs = find_pdfs(args.paths, review=args.met_lakvoorstel)
        report = {str(p): check_pdf(p, require_headings=p.stem in HEADED_STEMS) for p in pdfs}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if any(report.values()) else 0
    return validate(args.paths, use_verapdf=not args.zonder_verapdf, review=args.met_lakvoorstel)


if __name__ == "__main__":
    raise SystemExit(main())
