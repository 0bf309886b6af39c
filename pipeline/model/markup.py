"""Parse the text markup of content files (paragraphs, lists, emphasis, footnotes, mentions)."""

from __future__ import annotations

import difflib
import re
from array import array
from collections.abc import Callable, Collection
from dataclasses import dataclass

from pipeline.content.yamlsource import LStr
from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import FootnoteRef, Inline, Paragraph, Span, Text

BULLET_RE = re.compile(r"^( *)[-•] +")
NUMBER_RE = re.compile(r"^( *)\d{1,3}[.)] +")
LETTER_RE = re.compile(r"^( *)[a-z][.)] +")
MENTION_RE = re.compile(r"@([A-Za-z0-9][A-Za-z0-9_-]*)")
WORDCHAR_BEFORE_AT = re.compile(r"[\w.+-]$")
# A run of characters that start no markup: taken as one piece, not character by character.
_PLAIN = re.compile(r"[^\\*^@]+")

# Resolves a mention id to the printed name, or None when the id is unknown.
MentionResolver = Callable[[str], str | None]


@dataclass
class _Chunk:
    """A paragraph's text with, for each character, its offset in the source string."""

    text: str
    offsets: list[int]


class MarkupParser:
    """Turns one LStr into paragraphs of Spans; problems are collected as Diagnostics."""

    def __init__(self, resolve: MentionResolver, diagnostics: list[Diagnostic], list_ids: list[int],
                 known_ids: Collection[str] = ()):
        self.resolve = resolve
        self.diagnostics = diagnostics
        self._list_ids = list_ids  # shared counter so numbered lists get document-unique ids
        self.known_ids = known_ids  # the register's ids, for a did-you-mean on a mistyped @mention

    def blocks(self, source: LStr) -> list[Paragraph]:
        self._check_block_style(source)
        out: list[Paragraph] = []
        last_kind = ""
        list_id = 0
        for kind, chunk in self._split(source):
            if kind in ("number", "letter") and last_kind != kind:
                self._list_ids[0] += 1
                list_id = self._list_ids[0]
            if last_kind in ("bullet", "number", "letter") and kind != last_kind:
                out[-1].list_end = True
            inlines = self.inlines(source, chunk, allow_footnotes=True)
            out.append(Paragraph(inlines, kind, list_id if kind in ("number", "letter") else 0))
            last_kind = kind
        return out

    def _check_block_style(self, source: LStr) -> None:
        """A text over several lines with list items or blank lines, written without `|`: YAML joined its lines."""
        lines = getattr(source, "source_lines", ())
        if len(lines) < 2:
            return
        for k, line in enumerate(lines[1:], start=1):
            blank = not line.strip() and k < len(lines) - 1
            if blank or BULLET_RE.match(line.lstrip()) or NUMBER_RE.match(line.lstrip()) \
                    or LETTER_RE.match(line.lstrip()):
                what = "een witregel" if blank else "een opsommingsteken"
                col = len(line) - len(line.lstrip()) + 1
                self._error(Loc(source.loc.file, source.loc.line + k, col),
                            f"deze tekst heeft {what}, maar staat niet als blok: YAML voegt de regels samen "
                            "tot één regel, zodat alinea's en opsommingen verdwijnen",
                            "zet '|' achter de dubbele punt (bijvoorbeeld 'tekst: |') en de tekst "
                            "ingesprongen op de regels eronder")
                return

    def text(self, source: LStr) -> Text:
        """A single-line field (a heading, a table cell): inline markup only."""
        chunks = list(self._split(source, markers=False))
        chunk = _Chunk("", [])
        for _, c in chunks:
            if chunk.text:
                chunk.text += " "
                chunk.offsets.append(c.offsets[0] if c.offsets else 0)
            chunk.text += c.text
            chunk.offsets += c.offsets
        return self.inlines(source, chunk, allow_footnotes=True)

    # --- block level ---------------------------------------------------------------

    def _split(self, source: LStr, markers: bool = True) -> list[tuple[str, _Chunk]]:
        """Group lines into paragraphs and list items, joining wrapped lines with one space."""
        items: list[tuple[str, _Chunk]] = []
        current: tuple[str, _Chunk] | None = None
        offset = 0
        for line in source.split("\n"):
            line_start, offset = offset, offset + len(line) + 1
            if not line.strip():
                current = None
                continue
            marker = (BULLET_RE.match(line) or NUMBER_RE.match(line) or LETTER_RE.match(line)) if markers else None
            if marker:
                kind = "bullet" if BULLET_RE.match(line) else "number" if NUMBER_RE.match(line) else "letter"
                current = (kind, _Chunk("", []))
                items.append(current)
                body_start = marker.end()
            elif current is None:
                current = ("p", _Chunk("", []))
                items.append(current)
                body_start = len(line) - len(line.lstrip())
            else:
                body_start = len(line) - len(line.lstrip())
                current[1].text += " "
                current[1].offsets.append(line_start + body_start)
            body = line[body_start:].rstrip()
            current[1].text += body
            current[1].offsets += range(line_start + body_start, line_start + body_start + len(body))
        return items

    # --- inline level ----------------------------------------------------------------

    def inlines(self, source: LStr, chunk: _Chunk, *, allow_footnotes: bool) -> Text:
        out: Text = []
        buf: list[str] = []
        buf_idx: list[int] = []  # index in `text` of each buffered character
        buf_start = 0
        bold = italic = False
        bold_at = italic_at = 0
        text, offs = chunk.text, chunk.offsets
        i = 0

        def loc(index: int) -> Loc:
            return source.loc_at(offs[index] if index < len(offs) else (offs[-1] + 1 if offs else 0))

        def flush() -> None:
            nonlocal buf
            if buf:
                out.append(Span("".join(buf), loc(buf_start), bold=bold, italic=italic, src=source,
                                offsets=array("i", [offs[k] for k in buf_idx])))
                buf = []
                buf_idx.clear()

        while i < len(text):
            ch = text[i]
            if not buf:
                buf_start = i
            plain = _PLAIN.match(text, i)
            if plain:
                buf.append(plain.group())
                buf_idx.extend(range(i, plain.end()))
                i = plain.end()
                continue
            if ch == "\\":
                if i + 1 < len(text):
                    buf.append(text[i + 1])
                    buf_idx.append(i + 1)
                    i += 2
                else:
                    self._error(loc(i), "een backslash aan het eind van de tekst escapet niets",
                                "schrijf \\\\ voor een letterlijke backslash")
                    i += 1
                continue
            if text.startswith("**", i):
                flush()
                bold, bold_at = not bold, i
                i += 2
                continue
            if ch == "*":
                flush()
                italic, italic_at = not italic, i
                i += 1
                continue
            if text.startswith("^[", i):
                end = _closing_bracket(text, i + 2)
                if end < 0:
                    self._error(loc(i), "de voetnoot '^[' wordt niet afgesloten met ']'",
                                "sluit de voetnoot af met ] of schrijf \\^ voor een letterlijk dakje")
                    buf.append(ch)
                    buf_idx.append(i)
                    i += 1
                    continue
                flush()
                if not allow_footnotes:
                    self._error(loc(i), "een voetnoot kan geen voetnoot bevatten", "haal de binnenste ^[...] weg")
                else:
                    inner = _Chunk(text[i + 2:end], offs[i + 2:end])
                    body = self.inlines(source, inner, allow_footnotes=False)
                    out.append(FootnoteRef([Paragraph(body)], loc(i)))
                i = end + 1
                continue
            if ch == "@" and not WORDCHAR_BEFORE_AT.search(text[:i]):
                m = MENTION_RE.match(text, i)
                if m:
                    flush()
                    pid = m.group(1).rstrip("-_")
                    name = self.resolve(pid)
                    if name is None:
                        close = difflib.get_close_matches(pid, list(self.known_ids), n=1)
                        hint = (f"bedoelde u '@{close[0]}'?" if close else
                                "voeg de persoon toe aan personen.yaml, of schrijf \\@ voor een letterlijk @")
                        self._error(loc(i), f"'@{pid}' staat niet in personen.yaml", hint)
                        name = "@" + pid
                    out.append(Span(name, loc(i), bold=bold, italic=italic, person_id=pid, src=source,
                                    offsets=array("i", [offs[i]]) * len(name)))
                    i = m.start() + 1 + len(pid)
                    continue
            buf.append(ch)
            buf_idx.append(i)
            i += 1
        flush()
        if bold:
            self._error(loc(bold_at), "'**' (vet) wordt niet gesloten in deze alinea",
                        "sluit af met ** of schrijf \\*\\* voor letterlijke sterretjes")
        if italic:
            self._error(loc(italic_at), "'*' (cursief) wordt niet gesloten in deze alinea",
                        "sluit af met * of schrijf \\* voor een letterlijk sterretje")
        return _merge(out)

    def _error(self, loc: Loc, message: str, hint: str) -> None:
        self.diagnostics.append(Diagnostic(loc, message, hint))


def _closing_bracket(text: str, start: int) -> int:
    """Index of the ']' that closes a footnote, honouring escapes and nested brackets."""
    depth = 0
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "[":
            depth += 1
        elif text[i] == "]":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return -1


def _merge(inlines: list[Inline]) -> Text:
    """Join neighbouring plain spans of the same formatting (escapes split them)."""
    out: Text = []
    for item in inlines:
        prev = out[-1] if out else None
        if (isinstance(item, Span) and isinstance(prev, Span) and item.person_id is None
                and prev.person_id is None and (prev.bold, prev.italic) == (item.bold, item.italic)
                and prev.link is None and item.link is None):
            if prev.offsets is not None and item.offsets is not None:
                prev.offsets = prev.offsets + item.offsets
            else:
                prev.offsets = None
            prev.text += item.text
        else:
            out.append(item)
    return out
