"""Run one adversarial redaction case through the real content loading, model and redaction.

A case is a small dossier written in code. Its outcome is what a Woo officer would see:

- ``ok``: every secret is redacted and every text that must stay is printed;
- ``leak``: a secret can be read in the public model text and nothing stopped the build;
- ``stop-loc``: the build stops with a diagnostic at the content file and line of the text;
- ``stop-noloc``: the build stops, but not at that place (a traceback, a diagnostic elsewhere,
  or only the gate on the finished PDF, which names a PDF and not a content line);
- ``over``: nothing leaks, but a politician, place or word that must stay is printed as a box.

The "reader" that decides a leak reads the public text as a person would: Unicode compatibility
forms folded, invisible characters and footnote marks skipped, case and punctuation ignored
(so "j.ouwehand[at]minezk.nl" and "Ouwe¹hand" both read as the name).
"""

from __future__ import annotations

import io
import re
import unicodedata
import urllib.parse
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from pipeline.checks import gate
from pipeline.errors import ContentError, Diagnostic
from pipeline.kinds import build_documents, load_content
from pipeline.model.document import Document, FootnoteRef, Span, Text
from pipeline.plan import Plan

try:
    from pipeline.publication.publish import raw_public_texts
except ImportError:  # the code before issue 10 (for the before/after count) had no such check
    def raw_public_texts(plan: Plan) -> list[Diagnostic]:  # type: ignore[misc]
        return []
from pipeline.render.docx import PUBLIC, render_docx
from redaction import apply as redaction
from redaction.matchers import name_forms
from tests.helpers import DOSSIER_YAML, NOTA_YAML, ORGANISATIES, write_content

PERSONEN = """\
personen:
  - id: jouwehand
    naam: J. Ouwehand
    voornaam: Joost
    functie: Beleidsmedewerker
    email: j.ouwehand@minezk.nl
    telefoon: "06 12345678"
    paraaf: JOu
    rol: ambtenaar
  - id: fdemir
    naam: F. Demir
    voornaam: Fatma
    functie: Jurist
    email: fatma.demir@minezk.nl
    rol: ambtenaar
  - id: lvisser
    naam: L. Visser
    voornaam: Lotte
    functie: Privacy officer
    rol: ambtenaar
  - id: mclaes
    naam: M. Claes
    functie: Adviseur
    rol: ambtenaar
  - id: rbakker
    naam: R. Bakker
    functie: Senior beleidsmedewerker
    rol: ambtenaar
  - id: kbakker
    naam: Bakker
    functie: Lid van de Tweede Kamer (VVD)
    rol: kamerlid
  - id: chaag
    naam: C. Haag
    functie: Controller
    rol: ambtenaar
  - id: euiterwijk
    naam: E. Uiterwijk
    functie: Directeur
    paraaf: EU
    rol: ambtenaar
  - id: wkoning
    naam: W. Koning
    functie: Secretaris
    rol: ambtenaar
  - id: jpost
    naam: J. Post
    functie: Medewerker
    rol: ambtenaar
  - id: pvdberg
    naam: P. van den Berg
    functie: Directeur
    paraaf: PvdB
    telefoon: "070 - 456 78 90"
    rol: ambtenaar
  - id: madriaansens
    naam: M.A.M. Adriaansens
    functie: Minister van Economische Zaken en Klimaat
    rol: bewindspersoon
"""

NOTA_FILE = "d1/nota.yaml"
NOTA_LINE = 8  # the first line of the first section's tekst in nota_with()


def nota(tekst: str) -> str:
    """A nota.yaml whose first section's tekst is `tekst` (one line, at line 8)."""
    return NOTA_YAML.replace("      Eerste alinea.\n", "      " + tekst + "\n")


@dataclass
class Case:
    """One adversarial input: the files it changes, what must go and what must stay."""

    id: str
    klass: str
    files: dict[str, str]
    secrets: list[str] = field(default_factory=list)  # must not be readable in public
    keeps: list[str] = field(default_factory=list)  # must be readable in public
    where: tuple[str, int] = (NOTA_FILE, NOTA_LINE)  # the content line a stop must name
    expect: str = "ok"  # "ok", or "stop-loc" where the design sends the case to a person

    @staticmethod
    def text(id: str, klass: str, tekst: str, **kw: object) -> Case:
        return Case(id, klass, {NOTA_FILE: nota(tekst)}, **kw)  # type: ignore[arg-type]


def _visual(text: str) -> str:
    """Characters between a right-to-left override and its pop, in the order a reader sees them."""
    return re.sub("\u202e([^\u202c]*)\u202c?", lambda m: m.group(1)[::-1], text)


def _reader(text: str) -> str:
    """The text as a reader takes it in: compatibility forms folded, only letters and digits."""
    text = unicodedata.normalize("NFKC", _visual(text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.translate(_LOOKALIKES).casefold()
    return "".join(ch if ch.isalnum() or ch == "\u2588" else "" for ch in text)


_LOOKALIKES = str.maketrans("АВЕКМНОРСТХаеорсухіјѕԁһΑΒΕΗΙΚΜΝΟΡΤΥΧοα", "ABEKMHOPCTXaeopcyxijsdhABEHIKMNOPTYXoa")


def _texts(docs: dict[str, Document]) -> Iterator[Text]:
    for doc in docs.values():
        for _, text in redaction.walk(doc):
            yield text


def public_text(text: Text, *, footnote_mark: str = "") -> str:
    """A Text as the public version prints it: redacted spans as a box, footnotes as their mark."""
    out = []
    for inline in text:
        if isinstance(inline, FootnoteRef):
            out.append(footnote_mark)
        elif isinstance(inline, Span):
            out.append("\u2588" if inline.redaction else inline.text)
    return "".join(out)


def links(text: Text) -> list[str]:
    return [urllib.parse.unquote(s.link) for s in text if isinstance(s, Span) and s.link and not s.redaction]


TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(data: bytes) -> str:
    """Every text of a rendered DOCX a reader can see: body, notes, headers, properties, link targets."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if not name.endswith((".xml", ".rels")):
                continue
            root = etree.fromstring(z.read(name))
            if name.endswith(".rels"):
                out += [el.get("Target", "") for el in root if el.get("TargetMode") == "External"]
            elif name.startswith("docProps/"):
                out += [t for t in root.itertext()]
            else:
                for el in root.iter(f"{_W}t", f"{_W}p", f"{_W}br", f"{_W}tab"):
                    out.append(el.text or "" if el.tag == f"{_W}t" else "\n")
    return "".join(out)


def _meta(plan: Plan, kind: str):  # type: ignore[no-untyped-def]
    try:
        return plan.meta(kind, PUBLIC)
    except TypeError:  # the code before issue 10 had one metadata for every mode
        return plan.meta(kind)  # type: ignore[call-arg]


def _render(plan: Plan) -> dict[str, str]:
    return {kind: docx_text(render_docx(TEMPLATES / f"{kind}.docx", doc, _meta(plan, kind), PUBLIC))
            for kind, doc in plan.docs.items()}


def _at_place(diags: list[Diagnostic], where: tuple[str, int]) -> bool:
    file, line = where
    return any(str(d.loc.file).endswith(file) and d.loc.line == line for d in diags)


def _gate_stops(plan: Plan) -> bool:
    """The gate as it reads a finished public PDF, on the text the PDF would carry."""
    content, dossier, docs, result = plan.content, plan.dossier, plan.docs, plan.redaction
    forbidden: list[gate.Forbidden] = [gate.Forbidden(e.text, "gelakte tekst", True) for e in result.log
                                       if e.text.strip()]
    for person in redaction.redacted_people(content, dossier):
        data = redaction.person_data(person)
        forbidden += [gate.Forbidden(form, gate.NAME, True) for form in name_forms(data)]
        if data.email:
            forbidden.append(gate.Forbidden(data.email, "e-mailadres", False))
        if data.telefoon:
            forbidden.append(gate.Forbidden(data.telefoon, "telefoonnummer", True))
        if data.paraaf:
            forbidden.append(gate.Forbidden(data.paraaf, gate.PARAAF, True))
    pages = [gate.normalise(public_text(t, footnote_mark="1") + " " + " ".join(links(t))) for t in _texts(docs)]
    pages += [gate.normalise(f"{_meta(plan, kind).title} {_meta(plan, kind).subject}") for kind in docs]
    page = "\n".join(pages)
    digits = re.sub(r"\D", "", page)
    for f in forbidden:
        if gate.matcher(f)(page):
            return True
        if f.what == "telefoonnummer" and re.sub(r"\D", "", f.text)[-9:] in digits:
            return True
    return False


def run(case: Case, root: Path) -> tuple[str, str]:
    """(outcome, detail) of one case."""
    files: dict[str, str | bytes | None] = {
        "personen.yaml": PERSONEN, "organisaties.yaml": ORGANISATIES,
        "d1/dossier.yaml": DOSSIER_YAML.replace("opsteller: avries", "opsteller: pvdberg")}
    files.update(case.files)
    write_content(root, files)
    try:
        content = load_content(root)
        dossier = content.dossiers[0]
        docs = build_documents(content, dossier, [])
        result = redaction.apply(content, dossier, docs)
        plan = Plan(content, dossier, docs, result)
        stops = result.findings + result.errors + raw_public_texts(plan)
        rendered = {} if stops else _render(plan)
    except ContentError as exc:
        where = "stop-loc" if _at_place(exc.diagnostics, case.where) else "stop-noloc"
        return where, "; ".join(str(d) for d in exc.diagnostics)[:300]
    except Exception as exc:  # a traceback is a stop without a location
        return "stop-noloc", f"{type(exc).__name__}: {exc}"[:300]
    if stops:
        where = "stop-loc" if _at_place(stops, case.where) else "stop-noloc"
        return where, "; ".join(str(d) for d in stops)[:300]
    read = "\n".join(_reader(t) for t in rendered.values())
    leaked = [s for s in case.secrets if _reader(s) in read]
    if leaked:
        if _gate_stops(plan):
            return "stop-noloc", f"de gate op de PDF: {leaked}"
        return "leak", f"leesbaar: {leaked}"
    missing = [k for k in case.keeps if _reader(k) not in read]
    if missing:
        return "over", f"gelakt: {missing}"
    return "ok", ""


OUTCOMES = ("ok", "leak", "stop-loc", "stop-noloc", "over")
