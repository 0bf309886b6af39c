"""Answers to written Kamervragen (v1.1): laid out as the Tweede Kamer publishes them.

The Aanhangsel van de Handelingen prints "Vragen van het lid Marijnissen (SP) aan de minister van
... over ... (ingezonden 1 februari 2024).", then "Antwoord van minister Adriaansens (Economische
Zaken en Klimaat) (ontvangen ...).", then "Vraag 1" / "Antwoord 1" in order. The party of a Kamerlid
is the part in brackets at the end of the register's `functie` ("Lid van de Tweede Kamer (SP)").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.content.fields import Field, Shape
from pipeline.content.load import Dossier, KindContext, Person, Reader, References
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc
from pipeline.kinds.base import Kind
from pipeline.kinds.builder import Builder, dutch_date
from pipeline.model.document import Document, Heading, Paragraph, Span, Text, span

_INITIALS = re.compile(r"^(?:(?:[A-Z][a-z]{0,2}\.)+|(?:prof|dr|drs|mr|ir|ing|ds)\.)$", re.IGNORECASE)
_PARTY = re.compile(r"\(([^()]+)\)\s*$")
_OFFICE = re.compile(r"^(?P<ambt>\w+)\s+(?P<prep>van|voor)\s+(?P<dep>.+)$", re.IGNORECASE)


@dataclass
class Vraag:
    vraag: LStr
    antwoord: LStr
    loc: Loc


@dataclass
class Kamervragen:
    nummer: LStr
    vragensteller: list[str]
    aan: str
    ondertekenaar: list[str]
    onderwerp: LStr
    ingezonden: dt.date
    vragen: list[Vraag]
    loc: Loc


FIELDS = Shape((
    Field("nummer", "text", "het zaaknummer van de Kamer, bijvoorbeeld 2024Z01234", required=True),
    Field("vragensteller", "ids", "persoon-id('s) van de Kamerleden die de vragen stelden", required=True),
    Field("aan", "id", "persoon-id van de bewindspersoon aan wie de vragen gesteld zijn", required=True),
    Field("ondertekenaar", "ids", "persoon-id of lijst; standaard 'aan'"),
    Field("onderwerp", "text", "het onderwerp, bijvoorbeeld 'over de evaluatie van ...'", required=True),
    Field("ingezonden", "date", "de datum waarop de vragen zijn ingezonden", required=True),
    Field("vragen", "objects", "de vragen en antwoorden, in volgorde", required=True, shape=Shape((
        Field("vraag", "text", "de vraag, met opmaak", required=True),
        Field("antwoord", "text", "het antwoord, met opmaak", required=True)))),
))


def read(r: Reader, node: Node, ctx: KindContext) -> Kamervragen | None:
    m = r.mapping(node, "kamervragen.yaml", FIELDS.names)
    if m is None:
        return None
    nummer, onderwerp = r.text(m, "nummer", node), r.text(m, "onderwerp", node)
    aan = r.ident(m, "aan", node)
    ingezonden = r.date(m, "ingezonden", node)
    vragenstellers = r.idents(m, "vragensteller", node)
    signers = r.idents(m, "ondertekenaar", node, required=False) or ([aan] if aan else [])
    vragen = []
    for item in r.seq(m, "vragen", node, required=True):
        vm = r.mapping(item, "een vraag", FIELDS.sub("vragen").names)
        if vm is None:
            continue
        vraag, antwoord = r.text(vm, "vraag", item), r.text(vm, "antwoord", item)
        if vraag is not None and antwoord is not None:
            vragen.append(Vraag(vraag, antwoord, item.loc))
    if None in (nummer, onderwerp, aan, ingezonden) or not vragenstellers:
        return None
    return Kamervragen(nummer, vragenstellers, aan, signers, onderwerp, ingezonden,  # type: ignore[arg-type]
                       vragen, node.loc)


def check(refs: References, d: Dossier, k: Kamervragen) -> None:
    for pid in k.vragensteller:
        p = refs.person(pid, k.loc, "de vragensteller")
        if p and p.rol != "kamerlid":
            refs.r.error(getattr(pid, "loc", k.loc), f"de vragensteller '{p.id}' heeft rol '{p.rol}'",
                         "schriftelijke vragen worden gesteld door Kamerleden (rol kamerlid)")
    for pid in [k.aan, *k.ondertekenaar]:
        p = refs.person(pid, k.loc, "de bewindspersoon")
        if p and p.rol != "bewindspersoon":
            refs.r.error(getattr(pid, "loc", k.loc), f"'{p.id}' beantwoordt de vragen, maar heeft rol '{p.rol}'",
                         "vragen worden beantwoord door een bewindspersoon")


def build(b: Builder, k: Kamervragen) -> Document:
    d = b.dossier
    # The title is metadata (PDF, DiWoo, inventory), which never names a person; the printed
    # heading names the Kamerleden as the Kamer does. It is a field of its own, so the public
    # version takes it from the redacted model (plan.public_title).
    documenttitel = [*span("Antwoord op Kamervragen ", k.loc), *b.field(k.nummer), *_space(k.loc),
                     *b.field(k.onderwerp)]
    doc = Document("kamervragen", "".join(s.text for s in documenttitel if isinstance(s, Span)))
    f = doc.fields
    f["documenttitel"] = documenttitel
    f["organisatie"] = b.field(b.organisation().naam)
    f["titel"] = [*_asked_by(b, k, with_party=False, lead="Antwoord op vragen van "), *_space(k.loc),
                  *b.field(k.onderwerp)]
    f["nummer"] = b.field(k.nummer)
    f["kenmerk"] = b.field(d.kenmerk)
    f["datum"] = b.date(d.datum, d.loc)
    addressee = b.person(k.aan)
    f["vragen"] = [*_asked_by(b, k, with_party=True, lead="Vragen van "),
                   *span(f" aan de {_lower_first(str(addressee.functie or addressee.naam))} ", k.loc),
                   *b.field(k.onderwerp), *span(f" (ingezonden {dutch_date(k.ingezonden)}).", k.loc)]
    f["antwoord"] = [*_answered_by(b, k), *span(f" (ontvangen {dutch_date(d.datum)}).", d.loc)]
    body: list[Heading | Paragraph] = []
    for number, q in enumerate(k.vragen, start=1):
        body.append(Heading(span(f"Vraag {number}", q.loc), 1))
        body.extend(b.blocks(q.vraag))
        body.append(Heading(span(f"Antwoord {number}", q.loc), 1))
        body.extend(b.blocks(q.antwoord))
    doc.body = list(body)
    return doc


def _space(loc: Loc) -> Text:
    return span(" ", loc)


def _asked_by(b: Builder, k: Kamervragen, *, with_party: bool, lead: str) -> Text:
    """ "het lid Marijnissen (SP)" / "de leden Klaver (GroenLinks) en Marijnissen (SP)", names as person spans."""
    people = [b.person(pid) for pid in k.vragensteller]
    parties = [_party(p) for p in people]
    shared = len(set(parties)) == 1 and parties[0] and len(people) > 1
    out: Text = span(lead + ("het lid " if len(people) == 1 else "de leden "), k.loc)
    for i, (pid, person) in enumerate(zip(k.vragensteller, people, strict=True)):
        if i:
            out += span(" en " if i == len(people) - 1 else ", ", k.loc)
        out.append(Span(_surname(str(person.naam)), getattr(pid, "loc", k.loc), person_id=person.id))
        if with_party and parties[i] and not shared:
            out += span(f" ({parties[i]})", k.loc)
    if with_party and shared:
        out += span(f" ({'beiden' if len(people) == 2 else 'allen'} {parties[0]})", k.loc)
    return out


def _answered_by(b: Builder, k: Kamervragen) -> Text:
    """ "Antwoord van minister Adriaansens (Economische Zaken en Klimaat), mede namens de ..." """
    first, *others = [b.person(pid) for pid in k.ondertekenaar]
    out: Text = span("Antwoord van ", k.loc) + _office_holder(first, k.ondertekenaar[0], k.loc)
    if others:
        out += span(", mede namens ", k.loc)
        for i, person in enumerate(others):
            if i:
                out += span(" en " if i == len(others) - 1 else ", ", k.loc)
            out += span(f"de {_lower_first(str(person.functie or ''))}".rstrip(), k.loc)
    return out


def _office_holder(person: Person, pid: str, loc: Loc) -> Text:
    office = _OFFICE.match(str(person.functie or ""))
    name = Span(_surname(str(person.naam)), getattr(pid, "loc", loc), person_id=person.id)
    if not office:
        return [name]
    return [*span(f"{office['ambt'].lower()} ", loc), name, *span(f" ({office['dep']})", loc)]


def _surname(naam: str) -> str:
    """ "M.A.M. Adriaansens" -> "Adriaansens", "van Baarle" -> "Van Baarle": as the Kamer prints it after a title."""
    words = naam.split()
    while len(words) > 1 and _INITIALS.match(words[0]):
        words.pop(0)
    surname = " ".join(words)
    return surname[:1].upper() + surname[1:]


def _party(person: Person) -> str:
    found = _PARTY.search(str(person.functie or ""))
    return found.group(1) if found else ""


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


KIND = Kind(
    fields=FIELDS, name="kamervragen", label="Antwoorden op Kamervragen", reader=read, builder=build, references=check,
    documentsoort="Kamervraag met antwoord", informatiecategorie="bij vertegenwoordigende organen ingekomen stukken",
    handeling="ondertekening")
