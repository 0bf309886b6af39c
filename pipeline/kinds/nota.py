"""The beslisnota to the bewindspersoon: its content schema, its checks and its document model."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.content import fields as F
from pipeline.content.fields import Field, Shape
from pipeline.content.load import ID_RE, Dossier, KindContext, Reader, References, RouteStep, Section, read_sections
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc
from pipeline.kinds.base import Kind
from pipeline.kinds.builder import Builder
from pipeline.model.document import Document, Heading, Paragraph, Text, span

TER = F.TER
FIELDS = Shape((
    Field("ter", "choice", "waarvoor de nota is", required=True, options=TER),
    Field("aan", "id", "persoon-id van de bewindspersoon aan wie de nota gericht is", required=True),
    Field("kopie_aan", "texts", "persoon-id's of vrije tekst"),
    Field("bijlagen", "texts", "de documenten van dit dossier die bij de nota horen"),
    Field("secties", "sections", "de hoofdstukken van de nota", required=True),
))
TER_LABEL = {"besluitvorming": "TER BESLUITVORMING", "beslissing": "TER BESLISSING", "informatie": "TER INFORMATIE"}
TER_COLOFON = {"besluitvorming": "TER BESLISSING", "beslissing": "TER BESLISSING", "informatie": "TER INFORMATIE"}
WOO_KOP = "Informatie die niet openbaar gemaakt kan worden"


@dataclass
class Nota:
    ter: str
    aan: str
    kopie_aan: list[LStr]
    bijlagen: list[LStr]
    secties: list[Section]
    loc: Loc


def read(r: Reader, node: Node, ctx: KindContext) -> Nota | None:
    m = r.mapping(node, "nota.yaml", FIELDS.names)
    if m is None:
        return None
    ter = r.choice(m, "ter", node, TER)
    aan = r.ident(m, "aan", node)
    kopie = [t for n in r.seq(m, "kopie_aan", node) if (t := r.scalar_text(n, "een item van kopie_aan"))]
    bijlagen = []
    for n in r.seq(m, "bijlagen", node):
        t = r.scalar_text(n, "een bijlage")
        if t is not None and t not in ctx.bijlagen:
            r.error(t.loc, f"'{t}' is geen document van dit dossier", "kies uit: " + ", ".join(ctx.bijlagen))
        elif t is not None:
            bijlagen.append(t)
    secties = read_sections(r, m, node, allow_table=False)
    if ter is None or aan is None:
        return None
    return Nota(ter, aan, kopie, bijlagen, secties, node.loc)


def check(refs: References, d: Dossier, nota: Nota) -> None:
    p = refs.person(nota.aan, nota.loc, "de geadresseerde (aan)")
    if p and p.rol != "bewindspersoon":
        refs.r.error(getattr(nota.aan, "loc", nota.loc), f"de nota is gericht aan '{p.id}' met rol '{p.rol}'",
                     "een nota is gericht aan een bewindspersoon")
    for b in nota.bijlagen:
        if str(b) not in d.documents and str(b) not in d.files:  # a file with errors has its own messages
            refs.r.error(b.loc, f"de bijlage '{b}' heeft geen {b}.yaml in {d.id}/",
                         f"maak {b}.yaml aan of haal '{b}' uit bijlagen")
    for k in nota.kopie_aan:
        if ID_RE.match(k) and k not in refs.content.personen and " " not in k and k.islower():
            refs.r.error(k.loc, f"kopie_aan '{k}' lijkt een id maar staat niet in personen.yaml",
                         "voeg de persoon toe of schrijf de naam voluit")


def build(b: Builder, n: Nota) -> Document:
    d, people = b.dossier, b.content.personen
    aan = people[n.aan]
    doc = Document("nota", str(d.onderwerp))
    f = doc.fields
    f["ter_label"] = span(TER_LABEL[n.ter], n.loc)
    f["aan"] = span(f"Aan de {aan.functie or aan.naam}", n.loc) if aan.functie else b.person_name(n.aan, n.loc)
    f["titel"] = b.field(d.onderwerp)
    f["directie"] = b.field(d.directie)
    f["ter_colofon"] = span(TER_COLOFON[n.ter], n.loc)
    f["datum"] = b.date(d.datum, d.loc)
    f["kenmerk"] = b.field(d.kenmerk)
    f["bijlagen"] = span(str(len(n.bijlagen)) if n.bijlagen else "geen", n.loc)
    doc.flags["concept"] = not d.route_complete
    opsteller = people[d.opsteller]
    f["opsteller_naam"] = b.person_name(d.opsteller, d.loc)
    f["opsteller_telefoon"] = b.person_detail(opsteller, "telefoon")
    f["opsteller_email"] = b.person_detail(opsteller, "email")
    doc.flags["has_opsteller_telefoon"] = bool(opsteller.telefoon)
    doc.flags["has_opsteller_email"] = bool(opsteller.email)
    doc.rows["kopie_aan"] = [{"naam": _kopie(b, k)} for k in n.kopie_aan]
    doc.flags["has_kopie_aan"] = bool(n.kopie_aan)
    doc.rows["parafenroute"] = [_route_row(b, step) for step in d.parafenroute]
    doc.flags["has_besluit"] = d.besluit is not None
    if d.besluit:
        besluit = d.besluit
        f["besluit_oordeel"] = span(besluit.oordeel.capitalize(), besluit.loc)
        f["besluit_datum"] = b.date(besluit.datum, besluit.loc)
        f["besluit_naam"] = b.person_name(besluit.persoon, besluit.loc)
        f["besluit_functie"] = span(str(people[besluit.persoon].functie or ""), besluit.loc)
        f["besluit_opmerking"] = b.field(besluit.opmerking) if besluit.opmerking else []
        doc.flags["has_besluit_opmerking"] = besluit.opmerking is not None
    doc.body = b.sections(n.secties, level=1, numbering=None)
    return doc


def _kopie(b: Builder, value: LStr) -> Text:
    if value in b.content.personen:
        return b.person_name(value, value.loc)
    return b.field(value)


def _route_row(b: Builder, step: RouteStep) -> dict[str, Text]:
    person = b.content.personen[step.persoon]
    return {
        "functie": span(str(person.functie or ""), step.loc),
        "naam": b.person_name(step.persoon, step.loc),
        "paraaf": b.person_detail(person, "paraaf") if step.datum else [],
        "datum": b.date(step.datum, step.loc),
    }


def add_woo_section(doc: Document, dossier: Dossier, motivering: list[tuple[str, str]]) -> None:
    """The nota's "Informatie die niet openbaar gemaakt kan worden", unless the content has its own."""
    if not motivering or any(str(s.kop).strip().lower() == WOO_KOP.lower() for s in dossier.nota.secties):
        return
    loc = dossier.nota.loc
    doc.body += [Heading(span(WOO_KOP, loc), 1), Heading(span("Motivering", loc), 2)]
    doc.body += [Paragraph(span(sentence, loc)) for _ground, sentence in motivering]


KIND = Kind(
    fields=FIELDS, name="nota", label="Nota", reader=read, builder=build, references=check, required=True,
    documentsoort="beslisnota", informatiecategorie="inspanningsverplichting art 3.1 Woo", handeling="vaststelling")
