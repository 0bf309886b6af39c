"""The shared part of building the document model: fields, blocks, sections, tables, citations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from babel.dates import format_date

from pipeline.content.load import Content, Dossier, Organisation, Person, Section, Table
from pipeline.content.yamlsource import LStr
from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import Block, FootnoteRef, Heading, Paragraph, Span, TableBlock, Text, span
from pipeline.model.markup import MarkupParser

KAMERSTUK_RE = re.compile(
    r"Kamerstukken\s+(?P<kamer>I{1,2})\s+(?P<jaar>\d{4}/\d{2,4}),\s*(?P<dossier>\d{4,6})(?:-(?P<sub>[A-Z]+))?,"
    r"\s*nr\.\s*(?P<nr>\d+)")
KAMERSTUK_LOOSE_RE = re.compile(r"Kamerstukken\s+I{1,2}\b[^.;)]*")
KST_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}{sub}-{nr}"


def dutch_date(d: dt.date) -> str:
    """'23 december 2023': dates are rendered text, never a field LibreOffice recomputes."""
    return format_date(d, "d MMMM y", locale="nl_NL")


@dataclass
class Builder:
    """Builds the Documents of one dossier; markup problems are collected, not raised."""

    content: Content
    dossier: Dossier
    diagnostics: list[Diagnostic]
    warnings: list[Diagnostic]

    def __post_init__(self) -> None:
        self._list_ids = [0]
        self.parser = MarkupParser(self._resolve, self.diagnostics, self._list_ids, tuple(self.content.personen))

    def _resolve(self, pid: str) -> str | None:
        person = self.content.personen.get(pid)
        return str(person.naam) if person else None

    def field(self, value: LStr) -> Text:
        return self._cite(self.parser.text(value))

    def blocks(self, value: LStr | None) -> list[Paragraph]:
        if value is None:
            return []
        paras = self.parser.blocks(value)
        for p in paras:
            p.inlines = self._cite(p.inlines)
        return paras

    def person_name(self, pid: str, loc: Loc) -> Text:
        person = self.content.personen[pid]
        return [Span(str(person.naam), getattr(pid, "loc", loc), person_id=pid)]

    def person_detail(self, person: Person, attr: str) -> Text:
        value = getattr(person, attr)
        return [Span(str(value), value.loc, person_id=person.id)] if value else []

    def date(self, d: dt.date | None, loc: Loc) -> Text:
        return span(dutch_date(d), loc) if d else []

    def _cite(self, text: Text) -> Text:
        """Link Kamerstukken citations to officielebekendmakingen.nl, inside footnotes too."""
        out: Text = []
        for inline in text:
            if isinstance(inline, FootnoteRef):
                for para in inline.body:
                    para.inlines = self._cite(para.inlines)
                out.append(inline)
                continue
            out.extend(self._link_spans(inline))
        return out

    def _link_spans(self, s: Span) -> list[Span]:
        pieces: list[Span] = []
        pos = 0
        gaps = []  # the text between standard citations, where a loose one may stand
        for m in KAMERSTUK_RE.finditer(s.text):
            url = KST_URL.format(dossier=m["dossier"], sub=f"-{m['sub']}" if m["sub"] else "", nr=m["nr"])
            if m.start() > pos:
                pieces.append(s.sub(pos, m.start()))
                gaps.append(s.text[pos:m.start()])
            pieces.append(s.sub(m.start(), m.end(), link=url))
            pos = m.end()
        rest = s.text[pos:]
        for gap in [*gaps, rest]:
            loose = KAMERSTUK_LOOSE_RE.search(gap)
            if loose and not KAMERSTUK_RE.match(gap, loose.start()):
                self.warnings.append(Diagnostic(
                    s.loc, f"de verwijzing '{loose.group(0).strip()}' is niet in de standaardvorm en krijgt geen link",
                    "schrijf 'Kamerstukken II 2021/22, 26643, nr. 827'"))
        if pos == 0:
            return [s]
        if rest:
            pieces.append(s.sub(pos, len(s.text)))
        return pieces

    def sections(self, secties: list[Section], *, level: int, numbering: str | None,
                 prefix: str = "", numbered_chapters: bool = False) -> list[Block]:
        out: list[Block] = []
        for index, sec in enumerate(secties, start=1):
            label = _label(numbering, index, prefix, numbered_chapters)
            anchor = f"_Toc_{level}_{len(out)}_{index}_{prefix.replace('.', '_')}"
            out.append(Heading(self.field(sec.kop), min(level, 3), label, anchor))
            out.extend(self.blocks(sec.tekst))
            if sec.tabel is not None:
                out.append(self.table(sec.tabel))
            child_prefix = label.rstrip(".") + "." if numbered_chapters and label else ""
            out.extend(self.sections(sec.secties, level=level + 1, numbering=sec.nummering,
                                     prefix=child_prefix, numbered_chapters=numbered_chapters and not sec.nummering))
        return out

    def table(self, tabel: Table) -> TableBlock:
        numeric = _numeric_columns(tabel)
        header = [[Paragraph(self.field(k), style="TabelKop", align="right" if i in numeric else "")]
                  for i, k in enumerate(tabel.kolommen)]
        rows = [[[Paragraph(self.field(c), style="TabelTekst", align="right" if i in numeric else "")]
                 for i, c in enumerate(row)] for row in tabel.rijen]
        return TableBlock(header, rows, tabel.loc)

    def organisation(self) -> Organisation:
        return self.content.organisaties[self.dossier.organisatie]

    def person(self, pid: str) -> Person:
        return self.content.personen[pid]


def _label(numbering: str | None, index: int, prefix: str, chapters: bool) -> str:
    if numbering == "letters":
        return f"{_letters(index)}."
    if numbering == "cijfers":
        return f"{prefix}{index}" if chapters else f"{index}."
    return ""


def _letters(index: int) -> str:
    out = ""
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("a") + rem) + out
    return out


def address_lines(org: Organisation) -> list[LStr]:
    out: list[LStr] = []
    for value in (org.bezoekadres, org.postadres):
        if value:
            out += [LStr(part.strip(), value.loc) for part in str(value).split(",")]
            out.append(LStr(" ", value.loc))
    return out[:-1] if out else out


_FIGURE_RE = re.compile(r"^[€$]?\s?[+\-\u2212]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?\s?(%|‰)?$")


def _numeric_columns(tabel: Table) -> set[int]:
    """Columns whose every filled cell is a figure as Dutch writes it (1.420, 0,5, 12,8%, € 30): right-aligned."""
    out = set()
    for i in range(len(tabel.kolommen)):
        typed = [str(row[i]).replace("*", "").replace("\\", "").strip() for row in tabel.rijen if i < len(row)]
        cells = [c for c in typed if c]  # bold or italic markup around a figure ("**3.069**") is still a figure
        if cells and all(_FIGURE_RE.match(c) for c in cells):
            out.add(i)
    return out
