"""Content streams of a tagged PDF: what each page paints, in which marked-content sequence."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from pipeline.finish.tagged.fonts import _Font

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
WOO_CODE_GLUED_RX = re.compile(rf"(?<=[^\W\d_]){_WOO_CODE}|(?<![\w.]){_WOO_CODE}(?=[^\W\d_])")
BCP47_RX = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_TEXT_OPS = frozenset({"Tj", "TJ", "'", '"'})
_PATH_PAINT_OPS = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s"})
NO_TAG_NEEDED = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})  # PDF/UA 7.18.1 exceptions
ANNOT_HIDDEN = 2
MAX_DEPTH = 200
_TJ_SPACE = -250  # a TJ adjustment (thousandths of an em) this negative is a word gap
_WORD_HYPHEN_END = re.compile(r"\w-$")


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


class PageReader:
    """One pass over a page (and the form XObjects it paints), collecting PageContent."""

    def __init__(self, number: int):
        self.out = PageContent(number)
        self.fonts: dict[tuple[int, int], _Font] = {}
        self.last_end: tuple[float, float] | None = None
        self.last_size = 0.0
        self.last_text = ""

    def read(self, page: pikepdf.Page) -> PageContent:
        try:
            self._stream(page.obj, cast(Dictionary, page.obj.get(Name.Resources, Dictionary())), _GState(), [], set())
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

    def _stream(self, owner: pikepdf.Object, resources: Dictionary, gs: _GState,
                marks: list[tuple[str, int | None]],
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
        resources = cast(Dictionary, xobj.get(Name.Resources, resources))
        self._stream(xobj, resources, inner, list(marks), seen | {xobj.objgen})

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
                font = gs.font
                for chunk, code in (font.codes(bytes(item)) if font else []):
                    assert font is not None
                    pieces.append(font.text(chunk))
                    advance = font.advance(code) * gs.size + gs.char_spacing
                    if chunk == b" " and not font.composite:
                        advance += gs.word_spacing
                    tm = _mul((1, 0, 0, 1, advance * gs.scale, 0), tm)
            else:
                shift = float(cast(float, item))
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
    return [PageReader(i).read(page) for i, page in enumerate(pdf.pages, 1)]


