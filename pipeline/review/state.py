"""What the review application knows of a content folder: dossiers, their plans, open decisions and state."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib
import re
import threading
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline import build
from pipeline.content.load import ID_RE, read_woo
from pipeline.errors import ContentError, Diagnostic, Loc
from pipeline.kinds import KINDS, NAMES, build_documents, load_content
from pipeline.model.document import Document
from pipeline.plan import Plan
from pipeline.publication import manifest, records

_QUOTED = re.compile(r'"([^"]+)"')


@dataclass
class Item:
    """One open decision: a person or text that the public build cannot decide alone, with every place."""

    key: str
    text: str
    kind: str                       # persoonsgegeven | twijfel | passage
    message: str
    hint: str
    places: list[Loc] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # every spelling, address and number found for it
    contact: dict[str, str] = field(default_factory=dict)  # email / telefoon found with the person

    @property
    def documents(self) -> list[str]:
        return sorted({document_of(loc) for loc in self.places if document_of(loc)})


def document_of(loc: Loc) -> str:
    """The document a content position belongs to: nota.yaml -> nota; dossier.yaml and registers -> ''."""
    name = Path(loc.file).stem
    return name if name in NAMES else ""


def item_key(text: str) -> str:
    return "i" + hashlib.sha1(text.casefold().encode("utf-8")).hexdigest()[:10]


def open_items(plan: Plan) -> list[Item]:
    """The open decisions of a plan: one per unregistered person (with every place and form), one per
    doubted name, one per stale lakken entry."""
    items: dict[str, Item] = {}
    result = plan.redaction
    grouped = set()
    for finding in getattr(result, "groups", []):
        key = item_key(finding.key)
        forms = list(dict.fromkeys(o.text for o in finding.occurrences))
        contact = {c: v for c in ("email", "telefoon") if (v := finding.first(c))}
        items[key] = Item(key, finding.label, "persoonsgegeven", f'mogelijk persoonsgegeven "{finding.label}"', "",
                          [o.loc for o in finding.occurrences], forms, contact)
        grouped.add(f'"{finding.label}"')
    diagnostics: list[tuple[str, Diagnostic]] = [("persoonsgegeven", d) for d in result.findings]
    diagnostics += [("passage", d) for d in result.errors]
    for kind, diag in diagnostics:
        if kind == "persoonsgegeven" and any(label in diag.message for label in grouped):
            continue  # the group above has it, with every place
        m = _QUOTED.search(diag.message)
        if kind == "persoonsgegeven" and diag.message.startswith("naam niet zeker"):
            kind = "twijfel"
        text = m.group(1) if m and kind != "passage" else diag.message
        key = item_key(kind + text) if kind == "twijfel" else item_key(text)
        if key not in items:
            items[key] = Item(key, text, kind, diag.message, diag.hint, forms=[text] if kind != "passage" else [])
        items[key].places.append(diag.loc)
    return list(items.values())


_SHARED = (str, int, float, bool, type(None), tuple, Loc, array)  # array: per-character source offsets


def copy_model(value: Any, memo: dict[int, Any] | None = None) -> Any:
    """A copy of a document model for redacting again: lists, dicts and mutable dataclasses copied
    (objects shared inside the model stay shared), strings, frozen dataclasses and lists or arrays of numbers
    shared. Redaction replaces list items and sets attributes; it never edits a string or a number."""
    memo = {} if memo is None else memo
    if isinstance(value, _SHARED):
        return value
    found = memo.get(id(value))
    if found is not None:
        return found
    if isinstance(value, list):
        if value and isinstance(value[0], int):
            return value  # per-character source offsets: read, never changed in place
        out: Any = []
        memo[id(value)] = out
        out.extend(copy_model(v, memo) for v in value)
        return out
    if isinstance(value, dict):
        out = {}
        memo[id(value)] = out
        for k, v in value.items():
            out[k] = copy_model(v, memo)
        return out
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value).__dataclass_params__.frozen:  # type: ignore[attr-defined]
            return value
        out = object.__new__(type(value))
        memo[id(value)] = out
        for k, v in vars(value).items():
            object.__setattr__(out, k, copy_model(v, memo))
        return out
    return copy.deepcopy(value, memo)


def files_key(content_dir: Path, dossier_id: str, *, with_woo: bool = True) -> str:
    """A hash over every file a dossier's plan is made from: the registers and the dossier folder."""
    h = hashlib.sha256()
    paths = [content_dir / "personen.yaml", content_dir / "organisaties.yaml"]
    paths += sorted(p for p in (content_dir / dossier_id).glob("*.yaml") if with_woo or p.name != "woo.yaml")
    for path in paths:
        h.update(str(path.name).encode())
        try:
            h.update(path.read_bytes())
        except FileNotFoundError:
            h.update(b"-")
    return h.hexdigest()


@dataclass
class Loaded:
    """A dossier read and modelled: its plan, or the content problems that stop it."""

    dossier_id: str
    plan: Plan | None
    problems: list[Diagnostic]
    warnings: list[Diagnostic]
    key: str
    docs_key: str = ""                            # the same files without woo.yaml
    pristine: dict[str, Document] | None = None   # the documents before redaction, to redact again

    @property
    def items(self) -> list[Item]:
        return open_items(self.plan) if self.plan else []


@dataclass
class State:
    """The overview line of one dossier."""

    dossier_id: str
    onderwerp: str
    route: str          # compleet | open | onbekend
    signing: str        # actueel | verouderd | niet gebouwd
    public: str         # actueel | verouderd | geblokkeerd | niet gepubliceerd | alleen lakvoorstel
    open_decisions: int
    last_publication: str
    vrijgave: str


class Workspace:
    """One content folder and one output folder, as the application serves them."""

    def __init__(self, content_dir: Path, out: Path):
        self.content_dir = content_dir.resolve()
        self.out = out.resolve()
        self._cache: dict[str, Loaded] = {}
        self._lock = threading.Lock()
        self.publish_lock = threading.Lock()

    def dossier_ids(self) -> list[str]:
        return sorted(p.parent.name for p in self.content_dir.glob("*/dossier.yaml") if ID_RE.match(p.parent.name))

    def known(self, dossier_id: str) -> bool:
        """Only the dossier folders that exist: never a path."""
        return dossier_id in self.dossier_ids()

    def load(self, dossier_id: str) -> Loaded:
        key = files_key(self.content_dir, dossier_id)
        docs_key = files_key(self.content_dir, dossier_id, with_woo=False)
        with self._lock:
            cached = self._cache.get(dossier_id)
            if cached and cached.key == key:
                return cached
            loaded = None
            if cached and cached.plan and cached.pristine is not None and cached.docs_key == docs_key:
                loaded = self._decisions_only(cached, key)  # a decision: only woo.yaml changed
            if loaded is None:
                loaded = self._full(dossier_id, key, docs_key)
            self._cache[dossier_id] = loaded
            return loaded

    def _full(self, dossier_id: str, key: str, docs_key: str) -> Loaded:
        warnings: list[Diagnostic] = []
        problems: list[Diagnostic] = []
        plan, pristine = None, None
        try:
            content = load_content(self.content_dir, [dossier_id])
            dossier = content.dossiers[0]
            docs = build_documents(content, dossier, warnings)
            pristine = copy_model(docs)
            plan = build.redact_plan(content, dossier, docs)
        except ContentError as exc:
            problems = exc.diagnostics
        return Loaded(dossier_id, plan, problems, warnings, key, docs_key, pristine)

    def _decisions_only(self, cached: Loaded, key: str) -> Loaded | None:
        """Read woo.yaml again and redact a copy of the unchanged documents; None when it has problems."""
        assert cached.plan is not None and cached.pristine is not None
        old = cached.plan
        woo, problems = read_woo(old.content, cached.dossier_id, KINDS)
        if problems:
            return None  # the full path reports them as `woo` would
        dossier = copy.copy(old.dossier)
        dossier.woo = woo
        content = copy.copy(old.content)
        content.dossiers = [dossier if d.id == dossier.id else d for d in old.content.dossiers]
        plan = build.redact_plan(content, dossier, copy_model(cached.pristine))
        return Loaded(cached.dossier_id, plan, [], cached.warnings, key, cached.docs_key, cached.pristine)

    def state(self, dossier_id: str, lo: str) -> State:
        loaded = self.load(dossier_id)
        plan = loaded.plan
        onderwerp = str(plan.dossier.onderwerp) if plan else ""
        route = ("compleet" if plan.dossier.route_complete else "open") if plan else "onbekend"
        signing = self._current(dossier_id, "build", lo)
        items = loaded.items
        woo_dir = self.out / dossier_id / "woo"
        if loaded.problems or items:
            public = "geblokkeerd"
        elif route != "compleet":
            public = "alleen lakvoorstel"
        elif not woo_dir.is_dir():
            public = "niet gepubliceerd"
        else:
            public = "actueel" if self._current(dossier_id, "woo", lo) == "actueel" else "verouderd"
        if woo_dir.is_dir() and public == "geblokkeerd":
            public = "geblokkeerd (oude versie staat nog in woo/)"
        last = ""
        public_manifest = woo_dir / manifest.MANIFEST
        if public_manifest.is_file():
            last = dt.datetime.fromtimestamp(public_manifest.stat().st_mtime).strftime("%d-%m-%Y %H:%M")
        vrijgave = ""
        if plan and plan.dossier.woo is not None:
            release = getattr(plan.dossier.woo, "vrijgave", None)
            if release is not None:
                vrijgave = f"{release.door}, {release.op:%d-%m-%Y %H:%M}"
        return State(dossier_id, onderwerp, route, signing, public, len(items) + len(loaded.problems), last, vrijgave)

    def _current(self, dossier_id: str, run: str, lo: str) -> str:
        found = manifest.Manifest.load(self.out, dossier_id)
        if found is None or run not in found.runs:
            return "niet gebouwd"
        settings = {"base_url": records.base_url(None)} if run == "woo" else None
        todo, _, _ = manifest.stale_dossiers(self.content_dir, self.out, [dossier_id], run, force=False, lo=lo,
                                             settings=settings)
        return "verouderd" if dossier_id in todo else "actueel"
