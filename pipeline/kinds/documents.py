"""Turn validated content into the document model: nota, Kamerbrief and rapportage."""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from babel.dates import format_date

from pipeline.content.load import Content, Dossier, Person, Section
from pipeline.content.yamlsource import LStr
from pipeline.errors import ContentError, Diagnostic, Loc
from pipeline.model.document import (
    Block,
    Contents,
    Document,
    FootnoteRef,
    Heading,
    Paragraph,
    Span,
    TableBlock,
    Text,
    span,
)
from pipeline.model.markup import MarkupParser

log = logging.getLogger(__name__)

KAMERSTUK_RE = re.compile(
    r"Kamerstukken\s+(?P<kamer>I{1,2})\s+(?P<jaar>\d{4}/\d{2,4}),\s*(?P<dossier>\d{4,6})(?:-(?P<sub>[A-Z]+))?,"
    r"\s*nr\.\s*(?P<nr>\d+)")
KAMERSTUK_LOOSE_RE = re.compile(r"Kamerstukken\s+I{1,2}\b[^.;)]*")
KST_URL = "https://zoek.officielebekendmakingen.nl/kst-{dossier}{sub}-{nr}"
NUMBERED_KOP_RE = re.compile(r"^\d+(\.\d+)*\.?\s")
WOO_KOP = "Informatie die niet openbaar gemaakt kan worden"
TER_LABEL = {"besluitvorming": "TER BESLUITVORMING", "beslissing": "TER BESLISSING", "informatie": "TER INFORMATIE"}
TER_COLOFON = {"besluitvorming": "TER BESLISSING", "beslissing": "TER BESLISSING", "informatie": "TER INFORMATIE"}
DEFAULT_AAN_KAMER = "De Voorzitter van de Tweede Kamer der Staten-Generaal"
DEFAULT_AANHEF = "Geachte voorzitter,"
DEFAULT_TWEEDE_KAMER_ADRES = ("Prinses Irenestraat 6", "2595 BD  Den Haag")


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
        self.parser = MarkupParser(self._resolve, self.diagnostics, self._list_ids)

    def _resolve(self, pid: str) -> str | None:
        person = self.content.personen.get(pid)
        return str(person.naam) if person else None

    # --- small pieces ---------------------------------------------------------------

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
        for m in KAMERSTUK_RE.finditer(s.text):
            url = KST_URL.format(dossier=m["dossier"], sub=f"-{m['sub']}" if m["sub"] else "", nr=m["nr"])
            if m.start() > pos:
                pieces.append(s.sub(pos, m.start()))
            pieces.append(s.sub(m.start(), m.end(), link=url))
            pos = m.end()
        rest = s.text[pos:]
        loose = KAMERSTUK_LOOSE_RE.search(rest)
        if loose and not KAMERSTUK_RE.match(rest, loose.start()):
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

    def table(self, tabel) -> TableBlock:  # type: ignore[no-untyped-def]
        header = [[Paragraph(self.field(k), style="TabelKop")] for k in tabel.kolommen]
        rows = [[[Paragraph(self.field(c), style="TabelTekst")] for c in row] for row in tabel.rijen]
        return TableBlock(header, rows, tabel.loc)

    # --- documents ------------------------------------------------------------------

    def organisation(self):  # type: ignore[no-untyped-def]
        return self.content.organisaties[self.dossier.organisatie]

    def nota(self) -> Document:
        d, n, people = self.dossier, self.dossier.nota, self.content.personen
        aan = people[n.aan]
        doc = Document("nota", str(d.onderwerp))
        f = doc.fields
        f["ter_label"] = span(TER_LABEL[n.ter], n.loc)
        f["aan"] = span(f"Aan de {aan.functie or aan.naam}", n.loc) if aan.functie else self.person_name(n.aan, n.loc)
        f["titel"] = self.field(d.onderwerp)
        f["directie"] = self.field(d.directie)
        f["ter_colofon"] = span(TER_COLOFON[n.ter], n.loc)
        f["datum"] = self.date(d.datum, d.loc)
        f["kenmerk"] = self.field(d.kenmerk)
        f["bijlagen"] = span(str(len(n.bijlagen)), n.loc)
        opsteller = people[d.opsteller]
        f["opsteller_naam"] = self.person_name(d.opsteller, d.loc)
        f["opsteller_telefoon"] = self.person_detail(opsteller, "telefoon")
        f["opsteller_email"] = self.person_detail(opsteller, "email")
        doc.flags["has_opsteller_telefoon"] = bool(opsteller.telefoon)
        doc.flags["has_opsteller_email"] = bool(opsteller.email)
        doc.rows["kopie_aan"] = [{"naam": self._kopie(k)} for k in n.kopie_aan]
        doc.flags["has_kopie_aan"] = bool(n.kopie_aan)
        doc.rows["parafenroute"] = [self._route_row(step) for step in d.parafenroute]
        doc.flags["has_besluit"] = d.besluit is not None
        if d.besluit:
            b = d.besluit
            f["besluit_oordeel"] = span(b.oordeel.capitalize(), b.loc)
            f["besluit_datum"] = self.date(b.datum, b.loc)
            f["besluit_naam"] = self.person_name(b.persoon, b.loc)
            f["besluit_functie"] = span(str(people[b.persoon].functie or ""), b.loc)
            f["besluit_opmerking"] = self.field(b.opmerking) if b.opmerking else []
            doc.flags["has_besluit_opmerking"] = b.opmerking is not None
        doc.body = self.sections(n.secties, level=1, numbering=None)
        return doc

    def _kopie(self, value: LStr) -> Text:
        if value in self.content.personen:
            return self.person_name(value, value.loc)
        return self.field(value)

    def _route_row(self, step) -> dict[str, Text]:  # type: ignore[no-untyped-def]
        person = self.content.personen[step.persoon]
        return {
            "functie": span(str(person.functie or ""), step.loc),
            "naam": self.person_name(step.persoon, step.loc),
            "paraaf": self.person_detail(person, "paraaf") if step.datum else [],
            "datum": self.date(step.datum, step.loc),
        }

    def kamerbrief(self) -> Document:
        d, k, people = self.dossier, self.dossier.kamerbrief, self.content.personen
        assert k is not None
        org = self.organisation()
        doc = Document("kamerbrief", str(k.betreft))
        f = doc.fields
        f["organisatie"] = self.field(org.naam)
        f["retouradres"] = span(f"> Retouradres {org.postadres}" if org.postadres else "", org.loc)
        aan_lines = str(k.aan or DEFAULT_AAN_KAMER).split("\n")
        if k.aan is None:
            aan_lines += list(DEFAULT_TWEEDE_KAMER_ADRES)
        loc = k.aan.loc if k.aan is not None else k.loc
        doc.rows["aan"] = [{"regel": span(line, loc)} for line in aan_lines if line.strip()]
        f["datum"] = self.date(k.datum or d.datum, k.loc)
        f["betreft"] = self.field(k.betreft)
        f["kenmerk"] = self.field(k.kenmerk or d.kenmerk)
        f["bijlagen"] = span(str(1 if d.rapportage and "rapportage" in d.bijlagen() else 0), k.loc)
        doc.rows["adres"] = [{"regel": self.field(v)} for v in _address_lines(org)]
        f["website"] = self.field(org.website) if org.website else []
        f["aanhef"] = self.field(k.aanhef) if k.aanhef else span(DEFAULT_AANHEF, k.loc)
        doc.body = list(self.blocks(k.tekst))
        doc.rows["slot"] = [{"p": p.inlines} for p in self.blocks(k.slot)]
        signer = people[k.ondertekenaar]
        f["ondertekenaar_naam"] = self.person_name(k.ondertekenaar, k.loc)
        functie = str(signer.functie or "")
        f["ondertekenaar_functie"] = span(f"De {functie}," if functie else "", k.loc)
        doc.flags["has_contactpersoon"] = k.contactpersoon is not None
        if k.contactpersoon:
            contact = people[k.contactpersoon]
            f["contact_naam"] = self.person_name(k.contactpersoon, k.loc)
            f["contact_telefoon"] = self.person_detail(contact, "telefoon")
            f["contact_email"] = self.person_detail(contact, "email")
        return doc

    def rapportage(self) -> Document:
        d, r = self.dossier, self.dossier.rapportage
        assert r is not None
        org = self.organisation()
        doc = Document("rapportage", str(r.titel))
        doc.fields["titel"] = self.field(r.titel)
        doc.fields["ondertitel"] = self.field(r.ondertitel) if r.ondertitel else []
        doc.fields["organisatie"] = self.field(org.naam)
        doc.fields["directie"] = self.field(d.directie)
        doc.fields["datum"] = self.date(d.datum, d.loc)
        doc.fields["kenmerk"] = self.field(d.kenmerk)
        typed = any(NUMBERED_KOP_RE.match(str(sec.kop)) for sec in r.secties)
        body = self.sections(r.secties, level=1, numbering=None if typed else "cijfers", numbered_chapters=not typed)
        headings = [b for b in body if isinstance(b, Heading) and b.level <= 2]
        doc.flags["has_contents"] = len([h for h in headings if h.level == 1]) >= 3
        doc.body = ([Contents(headings)] if doc.flags["has_contents"] else []) + body
        return doc


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


def _has_woo_section(secties: list[Section]) -> bool:
    return any(str(s.kop).strip().lower() == WOO_KOP.lower() for s in secties)


def _address_lines(org) -> list[LStr]:  # type: ignore[no-untyped-def]
    out: list[LStr] = []
    for value in (org.bezoekadres, org.postadres):
        if value:
            out += [LStr(part.strip(), value.loc) for part in str(value).split(",")]
            out.append(LStr(" ", value.loc))
    return out[:-1] if out else out


def add_woo_section(doc: Document, dossier: Dossier, motivering: list[tuple[str, str]]) -> None:
    """The nota's "Informatie die niet openbaar gemaakt kan worden", unless the content has its own."""
    if not motivering or _has_woo_section(dossier.nota.secties):
        return
    loc = dossier.nota.loc
    doc.body += [Heading(span(WOO_KOP, loc), 1), Heading(span("Motivering", loc), 2)]
    doc.body += [Paragraph(span(sentence, loc)) for _ground, sentence in motivering]


def build_documents(content: Content, dossier: Dossier, warnings: list[Diagnostic]) -> dict[str, Document]:
    """All documents of one dossier; raises ContentError if any markup is wrong."""
    diagnostics: list[Diagnostic] = []
    b = Builder(content, dossier, diagnostics, warnings)
    docs = {"nota": b.nota()}
    if dossier.kamerbrief:
        docs["kamerbrief"] = b.kamerbrief()
    if dossier.rapportage:
        docs["rapportage"] = b.rapportage()
    if diagnostics:
        raise ContentError(diagnostics)
    return docs
