"""Content format v1.1: read every content file into typed objects and validate them all (the registers, the
reader and woo.yaml live in their own modules next to this one; their names are re-exported here)."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pipeline.content import fields as F
from pipeline.content.fields import OORDELEN, ROLLEN, WOO_GRONDEN
from pipeline.content.parsed import load_checked
from pipeline.content.reader import ID_RE, Reader
from pipeline.content.registers import Organisation, Person, _read_organisaties, _read_personen
from pipeline.content.woo import DECISION_META, Lakken, Vrijgave, Woo, WooPerson, _read_woo, moment
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import ContentError, Diagnostic, Loc


@dataclass
class RouteStep:
    persoon: str
    loc: Loc
    datum: dt.date | None = None


@dataclass
class Besluit:
    persoon: str
    oordeel: str
    datum: dt.date
    loc: Loc
    opmerking: LStr | None = None


@dataclass
class Table:
    kolommen: list[LStr]
    rijen: list[list[LStr]]
    loc: Loc


@dataclass
class Section:
    kop: LStr
    loc: Loc
    tekst: LStr | None = None
    nummering: str | None = None
    secties: list[Section] = field(default_factory=list)
    tabel: Table | None = None


@dataclass
class Dossier:
    """One decision package: its metadata, route and documents."""

    id: str
    path: Path
    kenmerk: LStr
    onderwerp: LStr
    datum: dt.date
    organisatie: str
    directie: LStr
    opsteller: str
    parafenroute: list[RouteStep]
    loc: Loc
    besluit: Besluit | None = None
    # The content of each document the dossier has, by kind name ("nota", "kamerbrief", ...), in
    # the order of the registry (pipeline.kinds); the nota is always there.
    documents: dict[str, Any] = field(default_factory=dict)
    woo: Woo | None = None
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def nota(self) -> Any:
        return self.documents["nota"]

    @property
    def route_complete(self) -> bool:
        return self.besluit is not None and all(s.datum for s in self.parafenroute)

    def bijlagen(self) -> list[str]:
        return [str(b) for b in self.nota.bijlagen]


class DocumentKind(Protocol):
    """What loading needs of a document kind; pipeline.kinds declares the kinds."""

    @property
    def name(self) -> str: ...          # its file is <name>.yaml

    @property
    def required(self) -> bool: ...     # every dossier has one (the nota)

    def read(self, r: Reader, node: Node, ctx: KindContext) -> Any | None: ...
    def check(self, refs: References, dossier: Dossier, doc: Any) -> None: ...


@dataclass(frozen=True)
class KindContext:
    """The registry as a reader of one kind sees it."""

    names: tuple[str, ...]      # every document kind, in order
    bijlagen: tuple[str, ...]   # the kinds that can be a bijlage of the nota


@dataclass
class Content:
    """Everything read from one content folder."""

    root: Path
    personen: dict[str, Person]
    organisaties: dict[str, Organisation]
    dossiers: list[Dossier]
    files: dict[str, Path] = field(default_factory=dict)
    partial: dict[str, dict[str, Node]] = field(default_factory=dict)  # see read_content
    invalid_people: set[str] = field(default_factory=set)  # ids in personen.yaml whose entry has an error


# --- sections and tables, shared by the document kinds ------------------------------

def read_sections(r: Reader, m: dict[str, Node], parent: Node, *, allow_table: bool,
                   required: bool = True) -> list[Section]:
    out = []
    for item in r.seq(m, "secties", parent, required=required):
        sm = r.mapping(item, "een sectie", (F.SECTION_WITH_TABLE if allow_table else F.SECTION).names)
        if sm is None:
            continue
        kop = r.text(sm, "kop", item)
        tekst = r.text(sm, "tekst", item, required=False)
        nummering = r.choice(sm, "nummering", item, F.NUMMERING, required=False)
        subs = read_sections(r, sm, item, allow_table=allow_table, required=False)
        tabel = read_table(r, sm["tabel"]) if allow_table and "tabel" in sm else None
        if kop is not None:
            out.append(Section(kop=kop, loc=item.loc, tekst=tekst, nummering=nummering,
                               secties=subs, tabel=tabel))
    return out


def read_table(r: Reader, node: Node) -> Table | None:
    m = r.mapping(node, "een tabel", F.TABLE.names)
    if m is None:
        return None
    kolommen = [t for n in r.seq(m, "kolommen", node, required=True) if (t := r.scalar_text(n, "een kolomkop"))]
    rijen = []
    for row in r.seq(m, "rijen", node, required=True):
        if not isinstance(row.value, list):
            r.error(row.loc, "een rij moet een lijst van cellen zijn", "schrijf de rij als [cel1, cel2, ...]")
            continue
        cells = [c if (c := _cell(r, n)) is not None else LStr("", n.loc) for n in row.value]
        if kolommen and len(cells) != len(kolommen):
            r.error(row.loc, f"deze rij heeft {len(cells)} cellen, de tabel heeft {len(kolommen)} kolommen",
                    "geef elke rij evenveel cellen als er kolommen zijn")
        rijen.append(cells)
    return Table(kolommen, rijen, node.loc)


def _cell(r: Reader, node: Node) -> LStr | None:
    if node.value is None:
        return LStr("", node.loc)
    return r.scalar_text(node, "een tabelcel")


def _read_documents(r: Reader, folder: Path, root: Path, docs: dict[str, Node],
                    kinds: Sequence[DocumentKind]) -> dict[str, Any]:
    """Every document of a dossier, read whether or not dossier.yaml is in order (so all errors come at once)."""
    ctx = KindContext(tuple(k.name for k in kinds), tuple(k.name for k in kinds if not k.required))
    documents: dict[str, Any] = {}
    for kind in kinds:
        if kind.name in docs:
            documents[kind.name] = kind.read(r, docs[kind.name], ctx)
        elif kind.required and not (folder / f"{kind.name}.yaml").is_file():
            r.error(Loc(_rel(folder / f"{kind.name}.yaml", root)), f"het dossier heeft geen {kind.name}.yaml",
                    f"maak {kind.name}.yaml aan; elke dossiermap heeft een {kind.name}")
    r.partial[folder.name] = {k.name: docs[k.name] for k in kinds if k.name in docs}
    return documents


def _read_dossier(r: Reader, folder: Path, root: Path, docs: dict[str, Node],
                  kinds: Sequence[DocumentKind]) -> Dossier | None:
    """The dossier, or None when it cannot be read; its documents are read (and checked) either way."""
    node = docs.get("dossier")
    m = r.mapping(node, "dossier.yaml", F.DOSSIER.names) if node is not None else None
    head = _read_head(r, m, node) if m is not None and node is not None else None
    documents = _read_documents(r, folder, root, docs, kinds)
    ctx = KindContext(tuple(k.name for k in kinds), tuple(k.name for k in kinds if not k.required))
    woo = _read_woo(r, docs["woo"], ctx.names) if "woo" in docs else None
    required = [k.name for k in kinds if k.required]
    if head is None or node is None or any(documents.get(name) is None for name in required):
        return None
    return Dossier(id=folder.name, path=folder, loc=node.loc, woo=woo, **head,
                   documents={name: doc for name, doc in documents.items() if doc is not None})


def _read_head(r: Reader, m: dict[str, Node], node: Node) -> dict[str, Any] | None:
    """The fields of dossier.yaml; None when a required one is missing or wrong."""
    head: dict[str, Any] = {
        "kenmerk": r.text(m, "kenmerk", node), "onderwerp": r.text(m, "onderwerp", node),
        "datum": r.date(m, "datum", node), "organisatie": r.ident(m, "organisatie", node),
        "directie": r.text(m, "directie", node), "opsteller": r.ident(m, "opsteller", node)}
    route = []
    for item in r.seq(m, "parafenroute", node):
        sm = r.mapping(item, "een stap van de parafenroute", F.ROUTE_STEP.names)
        if sm is not None and (pid := r.ident(sm, "persoon", item)):
            route.append(RouteStep(pid, item.loc, r.date(sm, "datum", item, required=False)))
    besluit = None
    if "besluit" in m and m["besluit"].value is not None:
        bnode = m["besluit"]
        bm = r.mapping(bnode, "besluit", F.BESLUIT.names)
        if bm is not None:
            pid, oordeel = r.ident(bm, "persoon", bnode), r.choice(bm, "oordeel", bnode, OORDELEN)
            bdatum = r.date(bm, "datum", bnode)
            if pid and oordeel and bdatum:
                besluit = Besluit(pid, oordeel, bdatum, bnode.loc, r.text(bm, "opmerking", bnode, required=False))
    if None in head.values():
        return None
    return {**head, "parafenroute": route, "besluit": besluit}


def _rel(path: Path, root: Path) -> str:
    """The path as users see it in messages: relative to the working folder when possible."""
    # The path as written, not resolved: a symlink is reported under its own name.
    absolute = path if path.is_absolute() else Path.cwd() / path
    for base in (Path.cwd(), Path.cwd().resolve()):
        try:
            return str(absolute.relative_to(base))
        except ValueError:
            continue
    return str(path)


def dossier_of(diagnostic: Diagnostic, root: Path) -> str | None:
    """The id of the dossier a problem lies in, or None when it lies in the shared registers (or elsewhere)."""
    prefix = _rel(root, root).rstrip("/") + "/"
    name = diagnostic.loc.file
    if not name.startswith(prefix):
        return None
    rest = name[len(prefix):]
    if "/" in rest:
        return rest.split("/", 1)[0]
    return None if rest.endswith(".yaml") else rest


def _load(r: Reader, path: Path, root: Path) -> Node | None:
    node, diags = load_checked(path, _rel(path, root), root)
    r.diagnostics.extend(diags)
    return node


def read_content(root: Path, only: list[str] | None,
                 kinds: Sequence[DocumentKind]) -> tuple[Content, list[Diagnostic]]:
    """Read and validate a content folder; the content that could be read and every problem found.

    `content.partial` holds, per dossier, the documents that could be read even where the dossier
    itself could not (so their markup can be checked in the same run).
    """
    r = Reader()
    if not root.is_dir():
        raise ContentError([Diagnostic(Loc(str(root)), "de contentmap bestaat niet",
                                       "geef een bestaande map op met --content")])
    files: dict[str, Path] = {}
    registers: dict[str, Node | None] = {}
    for name in ("personen", "organisaties"):
        path = root / f"{name}.yaml"
        files[name] = path
        if not path.is_file():
            r.error(Loc(_rel(path, root)), f"{name}.yaml ontbreekt", f"maak {path} aan (zie docs/content-format.md)")
            registers[name] = None
        else:
            registers[name] = _load(r, path, root)
    personen = _read_personen(r, registers["personen"]) if registers["personen"] else {}
    organisaties = _read_organisaties(r, registers["organisaties"]) if registers["organisaties"] else {}
    folders = sorted(p.parent for p in root.glob("*/dossier.yaml"))
    if only:
        known = {f.name for f in folders}
        for name in only:
            if name not in known:
                r.error(Loc(_rel(root / name, root)), f"het dossier '{name}' bestaat niet",
                        "beschikbaar: " + (", ".join(sorted(known)) or "(geen)"))
        folders = [f for f in folders if f.name in only]
    dossiers = []
    for folder in folders:
        docs: dict[str, Node] = {}
        dfiles: dict[str, Path] = {}
        for name in ("dossier", *(k.name for k in kinds), "woo"):
            path = folder / f"{name}.yaml"
            if path.is_file():
                dfiles[name] = path
                node = _load(r, path, root)
                if node is not None:
                    docs[name] = node
        dossier = _read_dossier(r, folder, root, docs, kinds)
        if dossier is not None:
            dossier.files = dfiles
            dossiers.append(dossier)
    content = Content(root, personen, organisaties, dossiers, files, partial=r.partial,
                      invalid_people=r.invalid_people)
    _check_references(r, content, kinds)
    return content, r.diagnostics


def load_content(root: Path, only: list[str] | None, kinds: Sequence[DocumentKind]) -> Content:
    """Read and validate a content folder with these document kinds; raise ContentError listing every problem.

    Callers go through pipeline.kinds.load_content, which passes the registry.
    """
    content, problems = read_content(root, only, kinds)
    if problems:
        raise ContentError(problems)
    return content


def read_woo(content: Content, dossier_id: str, kinds: Sequence[DocumentKind]) -> tuple[Woo | None, list[Diagnostic]]:
    """Read one dossier's woo.yaml again, with the checks read_content makes on it (the review
    application re-reads only the decisions after a decision; everything else is unchanged)."""
    r = Reader()
    path = content.root / dossier_id / "woo.yaml"
    if not path.is_file():
        return None, []
    node = _load(r, path, content.root)
    woo = _read_woo(r, node, tuple(k.name for k in kinds)) if node is not None else None
    if woo is not None:
        refs = References(r, content)
        for wp in woo.personen:
            refs.person(wp.persoon, wp.loc, "de persoon")
    return woo, r.diagnostics


@dataclass
class References:
    """Cross-file checks a document kind makes: does a person id exist, and does it fit."""

    r: Reader
    content: Content

    def person(self, pid: str | None, loc: Loc, what: str) -> Person | None:
        if pid is None:
            return None
        loc = getattr(pid, "loc", loc)
        if pid not in self.content.personen and pid in self.content.invalid_people:
            return None
        if pid not in self.content.personen:
            close = difflib.get_close_matches(pid, list(self.content.personen), n=1)
            hint = f"bedoelde u '{close[0]}'?" if close else "voeg de persoon toe aan personen.yaml"
            self.r.error(loc, f"{what} '{pid}' staat niet in personen.yaml", hint)
            return None
        return self.content.personen[pid]


def _check_references(r: Reader, c: Content, kinds: Sequence[DocumentKind]) -> None:
    """Cross-file checks: every id points to something that exists and fits."""
    refs = References(r, c)
    person = refs.person
    for d in c.dossiers:
        if d.organisatie not in c.organisaties:
            close = difflib.get_close_matches(d.organisatie, list(c.organisaties), n=1)
            r.error(getattr(d.organisatie, "loc", d.loc),
                    f"de organisatie '{d.organisatie}' staat niet in organisaties.yaml",
                    f"bedoelde u '{close[0]}'?" if close
                    else "voeg haar toe aan organisaties.yaml of corrigeer 'organisatie'")
        person(d.opsteller, d.loc, "de opsteller")
        for step in d.parafenroute:
            person(step.persoon, step.loc, "de persoon")
        dated = [s.datum is not None for s in d.parafenroute]
        if True in dated and False in dated and dated.index(False) < len(dated) - dated[::-1].index(True) - 1:
            first_open = d.parafenroute[dated.index(False)]
            r.error(first_open.loc, "deze stap heeft geen datum, maar een latere stap wel",
                    "parafen worden in volgorde gezet; vul de datum in of verwijder de latere datum")
        if d.besluit:
            p = person(d.besluit.persoon, d.besluit.loc, "de persoon van het besluit")
            if p and p.rol != "bewindspersoon":
                r.error(d.besluit.loc, f"'{p.id}' besluit, maar heeft rol '{p.rol}'",
                        "een besluit wordt genomen door een bewindspersoon")
            if not all(s.datum for s in d.parafenroute):
                r.error(d.besluit.loc, "er is een besluit terwijl de parafenroute nog open staat",
                        "geef elke paraaf een datum of verwijder het besluit")
        for kind in kinds:
            if kind.name in d.documents:
                kind.check(refs, d, d.documents[kind.name])
        if d.woo:
            for wp in d.woo.personen:
                person(wp.persoon, wp.loc, "de persoon")


__all__ = ["DECISION_META", "ID_RE", "OORDELEN", "ROLLEN", "WOO_GRONDEN", "Besluit", "Content", "DocumentKind",
           "Dossier", "KindContext", "Lakken", "Organisation", "Person", "Reader", "References", "RouteStep",
           "Section", "Table", "Vrijgave", "Woo", "WooPerson", "dossier_of", "load_content", "moment",
           "read_content", "read_sections", "read_table"]
