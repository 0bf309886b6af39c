"""The Kamerbrief to the Tweede Kamer: its content schema, its checks and its document model."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pipeline.content.fields import Field, Shape
from pipeline.content.load import Dossier, KindContext, Reader, References, Section, read_sections
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc
from pipeline.kinds.base import Kind
from pipeline.kinds.builder import Builder, address_lines
from pipeline.model.document import Document, Text, span

FIELDS = Shape((
    Field("betreft", "text", "de regel 'Betreft'", required=True),
    Field("aan", "text", "de geadresseerde; standaard de Voorzitter van de Tweede Kamer"),
    Field("ondertekenaar", "ids", "persoon-id, of een lijst voor een brief van meer bewindspersonen", required=True),
    Field("aanhef", "text", "standaard 'Geachte voorzitter,'"),
    Field("tekst", "text", "de tekst vóór de koppen, met opmaak"),
    Field("secties", "sections", "koppen in de brief, elk met tekst en eventueel een tabel"),
    Field("slot", "text", "een slotalinea boven de ondertekening"),
    Field("datum", "date", "een eigen datum (standaard die van het dossier)"),
    Field("kenmerk", "text", "een eigen kenmerk (standaard dat van het dossier)"),
    Field("contactpersoon", "id", "persoon-id die in de colofon als contact staat"),
), any_of=(("tekst",), ("secties",)), extra={"tabel": "ja"})

DEFAULT_AAN_KAMER = "De Voorzitter van de Tweede Kamer der Staten-Generaal"
DEFAULT_AANHEF = "Geachte voorzitter,"
DEFAULT_TWEEDE_KAMER_ADRES = ("Prinses Irenestraat 6", "2595 BD  Den Haag")


@dataclass
class Kamerbrief:
    betreft: LStr
    aan: LStr | None
    ondertekenaars: list[str]       # one id, or several for a co-signed letter (v1.1), in signing order
    aanhef: LStr | None
    tekst: LStr | None
    loc: Loc
    secties: list[Section] = field(default_factory=list)   # v1.1: headed sections after `tekst`
    slot: LStr | None = None
    datum: dt.date | None = None
    kenmerk: LStr | None = None
    contactpersoon: str | None = None


def read(r: Reader, node: Node, ctx: KindContext) -> Kamerbrief | None:
    m = r.mapping(node, "kamerbrief.yaml", FIELDS.names)
    if m is None:
        return None
    betreft = r.text(m, "betreft", node)
    ondertekenaars = r.idents(m, "ondertekenaar", node)
    secties = read_sections(r, m, node, allow_table=True, required=False)
    tekst = r.text(m, "tekst", node, required=not secties)
    if betreft is None or not ondertekenaars or (tekst is None and not secties):
        return None
    return Kamerbrief(
        betreft=betreft, aan=r.text(m, "aan", node, required=False), ondertekenaars=ondertekenaars,
        aanhef=r.text(m, "aanhef", node, required=False), tekst=tekst, loc=node.loc, secties=secties,
        slot=r.text(m, "slot", node, required=False), datum=r.date(m, "datum", node, required=False),
        kenmerk=r.text(m, "kenmerk", node, required=False),
        contactpersoon=r.ident(m, "contactpersoon", node, required=False))


def check(refs: References, d: Dossier, k: Kamerbrief) -> None:
    for signer in k.ondertekenaars:
        refs.person(signer, k.loc, "de ondertekenaar")
    if k.contactpersoon:
        refs.person(k.contactpersoon, k.loc, "de contactpersoon")


def build(b: Builder, k: Kamerbrief) -> Document:
    d, people = b.dossier, b.content.personen
    org = b.organisation()
    doc = Document("kamerbrief", str(k.betreft))
    f = doc.fields
    f["organisatie"] = b.field(org.naam)
    f["retouradres"] = span(f"> Retouradres {org.postadres}" if org.postadres else "", org.loc)
    aan_lines = str(k.aan or DEFAULT_AAN_KAMER).split("\n")
    if k.aan is None:
        aan_lines += list(DEFAULT_TWEEDE_KAMER_ADRES)
    loc = k.aan.loc if k.aan is not None else k.loc
    doc.rows["aan"] = [{"regel": span(line, loc)} for line in aan_lines if line.strip()]
    f["datum"] = b.date(k.datum or d.datum, k.loc)
    f["betreft"] = b.field(k.betreft)
    f["kenmerk"] = b.field(k.kenmerk or d.kenmerk)
    # The letter's own bijlage is the rapportage it is sent with.
    has_rapportage = "rapportage" in d.documents and "rapportage" in d.bijlagen()
    f["bijlagen"] = span("1" if has_rapportage else "geen", k.loc)
    doc.rows["adres"] = [{"regel": b.field(v)} for v in address_lines(org)]
    f["website"] = b.field(org.website) if org.website else []
    f["aanhef"] = b.field(k.aanhef) if k.aanhef else span(DEFAULT_AANHEF, k.loc)
    doc.body = list(b.blocks(k.tekst)) + b.sections(k.secties, level=1, numbering=None)
    doc.rows["slot"] = [{"p": p.inlines} for p in b.blocks(k.slot)]
    doc.rows["ondertekenaars"] = [_signature(b, pid, k.loc) for pid in k.ondertekenaars]
    doc.flags["has_contactpersoon"] = k.contactpersoon is not None
    if k.contactpersoon:
        contact = people[k.contactpersoon]
        f["contact_naam"] = b.person_name(k.contactpersoon, k.loc)
        f["contact_telefoon"] = b.person_detail(contact, "telefoon")
        f["contact_email"] = b.person_detail(contact, "email")
    return doc


def _signature(b: Builder, pid: str, loc: Loc) -> dict[str, Text]:
    """One signature block: "De Minister van ...," and, below the space for the signature, the name."""
    functie = str(b.content.personen[pid].functie or "")
    return {"functie": span(f"De {functie}," if functie else "", loc), "naam": b.person_name(pid, loc)}


KIND = Kind(
    fields=FIELDS, name="kamerbrief", label="Kamerbrief", reader=read, builder=build, references=check,
    documentsoort="Kamerbrief", informatiecategorie="bij vertegenwoordigende organen ingekomen stukken",
    handeling="ondertekening")
