"""Content format v1: read every content file into typed objects and validate them all."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pipeline.content import fields as F
from pipeline.content.fields import OORDELEN, ROLLEN, WOO_GRONDEN
from pipeline.content.text import check_tree
from pipeline.content.yamlsource import LStr, Node, as_bool, as_date, date_problem, load_yaml
from pipeline.errors import ContentError, Diagnostic, Loc

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass
class Person:
    """One entry of personen.yaml."""

    id: str
    naam: LStr
    functie: LStr | None
    rol: str
    loc: Loc
    voornaam: LStr | None = None
    email: LStr | None = None
    telefoon: LStr | None = None
    paraaf: LStr | None = None

    @property
    def public(self) -> bool:
        """Politicians and spokespeople stay visible in the public version."""
        return self.rol in ("bewindspersoon", "kamerlid", "woordvoerder", "publiek")


@dataclass
class Organisation:
    """One entry of organisaties.yaml."""

    id: str
    naam: LStr
    loc: Loc
    tooi: LStr | None = None
    postadres: LStr | None = None
    bezoekadres: LStr | None = None
    website: LStr | None = None
    vrijgave_verplicht: bool = False  # v1.1: woo/ only after a release newer than every decision


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
class WooPerson:
    persoon: str
    lakken: bool
    loc: Loc


@dataclass
class Lakken:
    document: str
    passage: LStr
    grond: str
    loc: Loc
    toelichting: LStr | None = None


@dataclass
class Woo:
    loc: Loc
    openbaarmaking: dt.date | None = None
    personen: list[WooPerson] = field(default_factory=list)
    lakken: list[Lakken] = field(default_factory=list)
    toegestaan: list[LStr] = field(default_factory=list)
    informatiecategorie: dict[str, LStr] = field(default_factory=dict)
    vrijgave: Vrijgave | None = None                             # v1.1: who released the public version
    besluit_momenten: list[dt.datetime] = field(default_factory=list)  # the `op` of every decision entry


@dataclass
class Vrijgave:
    door: LStr
    op: dt.datetime
    loc: Loc


DECISION_META = ("door", "op", "reden")  # v1.1: who decided, when and why, on every decision entry


def moment(value: object, end_of_day: bool = True) -> dt.datetime | None:
    """A decision's `op`: a date-time as written, or a date (counted as the end of that day)."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(23, 59, 59) if end_of_day else dt.time(0, 0))
    if isinstance(value, str):
        try:
            return moment(dt.datetime.fromisoformat(value.strip()), end_of_day)
        except ValueError:
            return None
    return None


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


class Reader:
    """Typed access to YAML nodes that collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.diagnostics: list[Diagnostic] = []
        self.partial: dict[str, dict[str, Node]] = {}  # dossier id -> the parsed document files, read or not
        self._misspelt: set[tuple[int, str]] = set()  # (mapping, field) written with a typo: not also "missing"
        self.invalid_people: set[str] = set()  # ids of register entries with an error: no follow-up errors

    def error(self, loc: Loc, message: str, hint: str = "") -> None:
        self.diagnostics.append(Diagnostic(loc, message, hint))

    def mapping(self, node: Node | None, what: str, allowed: tuple[str, ...]) -> dict[str, Node] | None:
        if node is None:
            return None
        if not isinstance(node.value, dict):
            self.error(node.loc, f"{what} moet een verzameling velden zijn (naam: waarde)",
                       "zet elk veld op een eigen regel als 'naam: waarde'")
            return None
        for key, child in node.value.items():
            if key not in allowed:
                self._unknown(key, getattr(child, "key_loc", child.loc), what, allowed, node.value)
        return node.value

    def _unknown(self, key: str, loc: Loc, what: str, allowed: tuple[str, ...],
                 mapping: dict[str, Node] | None = None) -> None:
        close = difflib.get_close_matches(key, allowed, n=1)
        if close and mapping is not None and close[0] not in mapping:
            self._misspelt.add((id(mapping), close[0]))
        hint = f"bedoelde u '{close[0]}'?" if close else "toegestane velden: " + ", ".join(allowed)
        self.error(loc, f"onbekend veld '{key}' in {what}", hint)

    def text(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> LStr | None:
        node = m.get(key)
        if node is None or node.value is None or (isinstance(node.value, str) and not node.value.strip()):
            if required and (node is not None or (id(m), key) not in self._misspelt):
                loc = node.loc if node is not None else parent.loc
                self.error(loc, f"het veld '{key}' ontbreekt of is leeg", f"vul '{key}: ...' in")
            return None
        value = node.value
        if isinstance(value, LStr):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self.error(node.loc, f"'{key}' is als getal gelezen ({value}), niet als tekst",
                       f'zet de waarde tussen aanhalingstekens: {key}: "{value}"')
            return None
        if isinstance(value, (dict, list)):
            self.error(node.loc, f"'{key}' moet tekst zijn, geen lijst of verzameling")
            return None
        self.error(node.loc, f"'{key}' moet tekst zijn", f'zet de waarde tussen aanhalingstekens: {key}: "..."')
        return None

    def ident(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> str | None:
        value = self.text(m, key, parent, required=required)
        if value is None:
            return None
        if not ID_RE.match(value):
            self.error(value.loc, f"'{value}' is geen geldige id",
                       "gebruik letters, cijfers, '-' en '_' zonder spaties")
            return None
        return value

    def choice(self, m: dict[str, Node], key: str, parent: Node, options: tuple[str, ...],
               *, required: bool = True) -> str | None:
        value = self.text(m, key, parent, required=required)
        if value is None:
            return None
        if value not in options:
            close = difflib.get_close_matches(str(value), options, n=1)
            hint = f"bedoelde u '{close[0]}'?" if close else "kies uit: " + " | ".join(options)
            self.error(value.loc, f"'{value}' is geen geldige waarde voor '{key}'", hint)
            return None
        return str(value)

    def date(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = True) -> dt.date | None:
        node = m.get(key)
        if node is None or node.value is None:
            if required:
                self.error(parent.loc, f"het veld '{key}' ontbreekt", f"vul '{key}: JJJJ-MM-DD' in")
            return None
        value = as_date(node.value)
        if value is None:
            self.error(node.loc, *date_problem(str(node.value), key))
        return value

    def seq(self, m: dict[str, Node], key: str, parent: Node, *, required: bool = False) -> list[Node]:
        node = m.get(key)
        if node is None or node.value is None:
            if required:
                self.error(parent.loc, f"de lijst '{key}' ontbreekt", f"voeg '{key}:' met items '- ...' toe")
            return []
        if not isinstance(node.value, list):
            self.error(node.loc, f"'{key}' moet een lijst zijn", "zet elk item op een eigen regel met '- '")
            return []
        return node.value

    def scalar_text(self, node: Node, what: str) -> LStr | None:
        if isinstance(node.value, LStr):
            return node.value
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return LStr(str(node.value), node.loc)
        self.error(node.loc, f"{what} moet tekst zijn")
        return None

    def boolean(self, m: dict[str, Node], key: str, parent: Node) -> bool | None:
        node = m.get(key)
        if node is None:
            self.error(parent.loc, f"het veld '{key}' ontbreekt", f"vul '{key}: true' of '{key}: false' in")
            return None
        value = as_bool(node.value)
        if value is None:
            self.error(node.loc, f"'{key}' moet ja of nee zijn (of true / false), niet '{node.value}'")
        return value


# --- registers -------------------------------------------------------------------------

def _read_personen(r: Reader, node: Node) -> dict[str, Person]:
    people: dict[str, Person] = {}
    top = r.mapping(node, "personen.yaml", F.PERSONEN.names)
    if top is None:
        return people
    for item in r.seq(top, "personen", node, required=True):
        m = r.mapping(item, "een persoon", F.PERSON.names)
        if m is None:
            continue
        pid = r.ident(m, "id", item)
        naam = r.text(m, "naam", item)
        rol = r.choice(m, "rol", item, ROLLEN)
        email = _email(r, m, item)  # checked even when the entry has other errors: every error in one run
        if pid and pid in people:
            r.error(m["id"].loc, f"de id '{pid}' komt twee keer voor",
                    f"eerder op regel {people[pid].loc.line}; kies een unieke id")
            continue
        if pid is None or naam is None or rol is None:
            if pid is not None:
                r.invalid_people.add(pid)  # its own error is reported; references to it are not errors too
            continue
        people[pid] = Person(
            id=pid, naam=naam, functie=r.text(m, "functie", item, required=False), rol=rol, loc=item.loc,
            voornaam=r.text(m, "voornaam", item, required=False),
            email=email, telefoon=r.text(m, "telefoon", item, required=False),
            paraaf=r.text(m, "paraaf", item, required=False))
    return people


def _email(r: Reader, m: dict[str, Node], parent: Node) -> LStr | None:
    value = r.text(m, "email", parent, required=False)
    if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        r.error(value.loc, f"'{value}' is geen geldig e-mailadres")
    return value


def _read_organisaties(r: Reader, node: Node) -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    top = r.mapping(node, "organisaties.yaml", F.ORGANISATIES.names)
    if top is None:
        return orgs
    for item in r.seq(top, "organisaties", node, required=True):
        m = r.mapping(item, "een organisatie", F.ORGANISATION.names)
        if m is None:
            continue
        oid = r.ident(m, "id", item)
        naam = r.text(m, "naam", item)
        if oid and oid in orgs:
            r.error(m["id"].loc, f"de id '{oid}' komt twee keer voor", "kies een unieke id")
            continue
        if oid is None or naam is None:
            continue
        orgs[oid] = Organisation(
            id=oid, naam=naam, loc=item.loc, tooi=r.text(m, "tooi", item, required=False),
            postadres=r.text(m, "postadres", item, required=False),
            bezoekadres=r.text(m, "bezoekadres", item, required=False),
            website=r.text(m, "website", item, required=False),
            vrijgave_verplicht=bool("vrijgave_verplicht" in m and r.boolean(m, "vrijgave_verplicht", item)))
    return orgs


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


def _read_woo(r: Reader, node: Node, documents: tuple[str, ...]) -> Woo | None:
    shape = F.woo_shape(documents)
    m = r.mapping(node, "woo.yaml", shape.names)
    if m is None:
        return None
    woo = Woo(loc=node.loc)
    if "openbaarmaking" in m:
        om = r.mapping(m["openbaarmaking"], "openbaarmaking", shape.sub("openbaarmaking").names)
        if om is not None:
            woo.openbaarmaking = r.date(om, "datum", m["openbaarmaking"])
    for item in r.seq(m, "personen", node):
        pm = r.mapping(item, "een persoon in woo.yaml", shape.sub("personen").names)
        if pm is None:
            continue
        _decision_moment(r, pm, woo)
        pid, flag = r.ident(pm, "persoon", item), r.boolean(pm, "lakken", item)
        if pid is not None and flag is not None:
            woo.personen.append(WooPerson(pid, flag, item.loc))
    for item in r.seq(m, "lakken", node):
        lm = r.mapping(item, "een lakken-regel", shape.sub("lakken").names)
        if lm is None:
            continue
        _decision_moment(r, lm, woo)
        doc = r.choice(lm, "document", item, documents)
        passage = r.text(lm, "passage", item)
        grond = r.choice(lm, "grond", item, WOO_GRONDEN)
        if doc and passage is not None and grond:
            woo.lakken.append(Lakken(doc, passage, grond, item.loc, r.text(lm, "toelichting", item, required=False)))
    for item in r.seq(m, "toegestaan", node):
        if isinstance(item.value, dict):  # v1.1: {tekst, door, op, reden}
            tm = r.mapping(item, "een toegestane tekst", shape.sub("toegestaan").names)
            if tm is not None:
                _decision_moment(r, tm, woo)
                text = r.text(tm, "tekst", item)
                if text is not None:
                    woo.toegestaan.append(text)
        elif t := r.scalar_text(item, "een toegestane tekst"):
            woo.toegestaan.append(t)
    if "vrijgave" in m:
        vm = r.mapping(m["vrijgave"], "vrijgave", shape.sub("vrijgave").names)
        if vm is not None:
            door = r.text(vm, "door", m["vrijgave"])
            op = moment(vm["op"].value, end_of_day=False) if "op" in vm else None
            if op is None:
                r.error(vm["op"].loc if "op" in vm else m["vrijgave"].loc, "vrijgave heeft geen geldige 'op'",
                        "schrijf de datum en tijd als JJJJ-MM-DD UU:MM:SS")
            elif door is not None:
                woo.vrijgave = Vrijgave(door, op, m["vrijgave"].loc)
    if "informatiecategorie" in m:
        cm = r.mapping(m["informatiecategorie"], "informatiecategorie", documents)
        for key, val in (cm or {}).items():
            if isinstance(val.value, LStr):
                woo.informatiecategorie[key] = val.value
            else:
                r.error(val.loc, f"informatiecategorie van {key} moet tekst zijn")
    return woo


def _decision_moment(r: Reader, m: dict[str, Node], woo: Woo) -> None:
    """Record the `op` of a decision entry (for the release rule); report one that is no date."""
    node = m.get("op")
    if node is None:
        return
    when = moment(node.value)
    if when is None:
        r.error(node.loc, f"'{node.value}' is geen geldige datum voor 'op'",
                "schrijf JJJJ-MM-DD of JJJJ-MM-DD UU:MM:SS")
    else:
        woo.besluit_momenten.append(when)


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
    node, diags = load_yaml(path, _rel(path, root), root)
    r.diagnostics.extend(diags)
    r.diagnostics.extend(check_tree(node))
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
