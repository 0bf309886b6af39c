"""What each output was made from: manifest.json per dossier, the rebuild decisions, and the PDF cache.

Every decision is keyed on SHA-256 hashes of bytes (content files, templates, code,
rendered DOCX), never on file times, so a `git checkout`, a copied folder or a touched
file neither fools a rebuild nor forces one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import time
import uuid
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.plan import Plan
    from pipeline.staging import Staging

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
MANIFEST = "manifest.json"
FORMAT = 1
CODE_DIRS = ("pipeline", "redaction")
CODE_FILES = ("requirements.lock",)
_CODE_SUFFIXES = {".py", ".xsd", ".tsv", ".txt", ".json", ".yaml"}
_CACHE_DIR = ".cache/pdf"
_DOCX_CACHE_DIR = ".cache/docx"
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg"}  # a logo in the content folder is an input of every document
_NOT_OUTPUT = ROOT / "pipeline" / "review"  # the review application makes no output: changing it rebuilds nothing
_TMP_MAX_AGE = 3600.0  # seconds: an older .tmp in the cache is a crashed run's leftover


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@cache
def code_version() -> str:
    """One hash over the code and its pinned dependencies: any change to them rebuilds everything."""
    h = hashlib.sha256()
    files = [ROOT / name for name in CODE_FILES if (ROOT / name).is_file()]
    for folder in CODE_DIRS:
        files += [p for p in (ROOT / folder).rglob("*")
                  if p.is_file() and p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts
                  and not p.is_relative_to(_NOT_OUTPUT)]
    for path in sorted(files, key=lambda p: p.relative_to(ROOT).as_posix()):
        h.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + sha256_file(path).encode() + b"\n")
    return h.hexdigest()


@cache
def libreoffice_version() -> str:
    """The LibreOffice version line; part of every state, since another version lays out differently."""
    from pipeline.convert import libreoffice

    return libreoffice.soffice_version()


def dossier_ids(content_root: Path) -> list[str]:
    """The dossiers load_content would read, without parsing anything."""
    return sorted(p.parent.name for p in content_root.glob("*/dossier.yaml"))


def stale_dossiers(content_dir: Path, out: Path, only: list[str] | None, name: str, *, force: bool, lo: str,
                   settings: dict[str, str] | None = None) -> tuple[list[str], dict[str, Run], list[str]]:
    """Which selected dossiers need run `name` (build | woo): those whose inputs, code, LibreOffice
    or outputs differ from their manifest. Returns (to do, current state per dossier, unchanged).

    A selected name that is no dossier is "to do", so that loading reports it properly.
    """
    known = dossier_ids(content_dir)
    selected = list(dict.fromkeys(only)) if only else known
    todo, runs, unchanged = [], {}, []
    for dossier_id in selected:
        if dossier_id not in known:
            todo.append(dossier_id)
            continue
        runs[dossier_id] = run = Run(code_version(), lo, dossier_inputs(content_dir, dossier_id), dict(settings or {}))
        found = Manifest.load(out, dossier_id)
        if not force and found and found.up_to_date(out, name, run):
            unchanged.append(dossier_id)
        else:
            todo.append(dossier_id)
    return todo, runs, unchanged


def dossier_inputs(content_root: Path, dossier_id: str) -> dict[str, str]:
    """Every file a dossier's outputs can depend on -> its SHA-256 (content-relative / templates/ keys)."""
    inputs = {}
    for name in ("personen.yaml", "organisaties.yaml"):
        path = content_root / name
        if path.is_file():
            inputs[name] = sha256_file(path)
    documents = sorted((content_root / dossier_id).glob("*.yaml"))
    for path in documents:
        inputs[f"{dossier_id}/{path.name}"] = sha256_file(path)
    # A document <kind>.yaml is made with templates/<kind>.docx: the templates of the kinds it has.
    for template in sorted(TEMPLATES / f"{path.stem}.docx" for path in documents):
        if template.is_file():
            inputs[f"templates/{template.name}"] = sha256_file(template)
    # Logos (organisaties.yaml: logo) are images in the content folder; without one nothing is added.
    for image in sorted(p for p in content_root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()):
        inputs[image.relative_to(content_root).as_posix()] = sha256_file(image)
    return inputs


def document_inputs(inputs: dict[str, str], dossier_id: str, kind: str) -> dict[str, str]:
    """The part of a dossier's inputs one document is made from."""
    own = {"personen.yaml", "organisaties.yaml", f"{dossier_id}/dossier.yaml", f"{dossier_id}/woo.yaml",
           f"{dossier_id}/{kind}.yaml", f"templates/{kind}.docx"}
    return {k: v for k, v in inputs.items() if k in own or Path(k).suffix.lower() in IMAGE_SUFFIXES}


@dataclass
class Run:
    """The state a run (`build` or `woo`) of one dossier was made from."""

    code: str
    libreoffice: str
    inputs: dict[str, str]
    settings: dict[str, str] = field(default_factory=dict)  # e.g. the base URL of the Woo metadata

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "libreoffice": self.libreoffice,
                               "inputs": dict(sorted(self.inputs.items()))}
        if self.settings:
            out["settings"] = dict(sorted(self.settings.items()))
        return out

    def differences(self, other: Run) -> list[str]:
        """What changed from this (recorded) state to other (the current one), in words."""
        found = []
        if self.code != other.code:
            found.append("de code (pipeline/, redaction/ of requirements.lock) is gewijzigd")
        if self.libreoffice != other.libreoffice:
            found.append(f"LibreOffice is nu {other.libreoffice!r}, was {self.libreoffice!r}")
        for name in sorted(set(self.inputs) | set(other.inputs)):
            if name not in other.inputs:
                found.append(f"invoer {name} bestaat niet meer")
            elif name not in self.inputs:
                found.append(f"invoer {name} is nieuw")
            elif self.inputs[name] != other.inputs[name]:
                found.append(f"invoer {name} is gewijzigd")
        for name in sorted(set(self.settings) | set(other.settings)):
            if self.settings.get(name) != other.settings.get(name):
                found.append(f"instelling {name} is nu {other.settings.get(name)!r}, was {self.settings.get(name)!r}")
        return found


@dataclass
class Entry:
    path: str  # relative to OUT/<dossier>
    kind: str  # signing | public | review
    run: str  # build | woo
    sha256: str
    size: int
    inputs: dict[str, str] = field(default_factory=dict)
    build_key: str = ""  # the PDF cache key it came from, for PDFs made by LibreOffice

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "kind": self.kind, "run": self.run,
                               "sha256": self.sha256, "size": self.size}
        if self.inputs:
            out["inputs"] = dict(sorted(self.inputs.items()))
        if self.build_key:
            out["build_key"] = self.build_key
        return out


@dataclass
class Manifest:
    dossier: str
    runs: dict[str, Run] = field(default_factory=dict)
    files: list[Entry] = field(default_factory=list)

    @classmethod
    def load(cls, out: Path, dossier: str) -> Manifest | None:
        """The manifest of OUT/<dossier>, or None when there is none or it is unreadable (then rebuild)."""
        try:
            data = json.loads((out / dossier / MANIFEST).read_text(encoding="utf-8"))
            if data.get("manifest") != FORMAT or data.get("dossier") != dossier:
                return None
            runs = {name: Run(r["code"], r["libreoffice"], dict(r["inputs"]), dict(r.get("settings", {})))
                    for name, r in data["runs"].items()}
            files = [Entry(f["path"], f["kind"], f["run"], f["sha256"], int(f["size"]), dict(f.get("inputs", {})),
                           f.get("build_key", "")) for f in data["files"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None
        return cls(dossier, runs, files)

    def to_bytes(self) -> bytes:
        data = {"manifest": FORMAT, "dossier": self.dossier,
                "runs": {name: run.as_json() for name, run in sorted(self.runs.items())},
                "files": [e.as_json() for e in sorted(self.files, key=lambda e: e.path)]}
        return json_bytes(data)

    def replace_run(self, name: str, run: Run, entries: list[Entry]) -> None:
        """This run's state and files replace the previous ones; the other run's stay as they were."""
        self.runs[name] = run
        self.files = [e for e in self.files if e.run != name] + entries

    def up_to_date(self, out: Path, name: str, run: Run) -> bool:
        """True when run `name` was made from exactly this state and all its files are still as made."""
        if self.runs.get(name) != run:
            return False
        mine = [e for e in self.files if e.run == name]
        return bool(mine) and all(_matches(out / self.dossier / e.path, e) for e in mine)

    def changed_files(self, out: Path) -> list[tuple[Entry, str]]:
        """Files that are missing or whose bytes differ from what the manifest recorded."""
        problems = []
        for e in sorted(self.files, key=lambda e: e.path):
            path = out / self.dossier / e.path
            if not path.is_file():
                problems.append((e, "ontbreekt"))
            elif not _matches(path, e):
                problems.append((e, "is gewijzigd (SHA-256 wijkt af van het manifest)"))
        return problems


def json_bytes(data: object) -> bytes:
    """How every manifest is written: indented UTF-8 JSON, one newline at the end."""
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _matches(path: Path, entry: Entry) -> bool:
    try:
        return path.stat().st_size == entry.size and sha256_file(path) == entry.sha256
    except OSError:
        return False


def entry(path: Path, rel: str, kind: str, run: str, inputs: dict[str, str] | None = None,
          build_key: str = "") -> Entry:
    return Entry(rel, kind, run, sha256_file(path), path.stat().st_size, inputs or {}, build_key)


def build_key(docx: bytes, mode: str, meta: dict[str, str], code: str, libreoffice: str) -> str:
    """What a converted, finalised PDF depends on: the DOCX bytes, the metadata we set, the tools."""
    h = hashlib.sha256(docx)
    h.update(json.dumps([mode, meta, code, libreoffice], sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()


class PdfCache:
    """Converted PDFs by build key, in OUT/.cache/pdf: an unchanged DOCX is never converted again."""

    def __init__(self, out: Path):
        self.dir = out / _CACHE_DIR
        self.used: set[str] = set()

    def get(self, key: str) -> Path | None:
        path = self.dir / f"{key}.pdf"
        if path.is_file():
            self.used.add(key)
            return path
        return None

    def put(self, key: str, source: Path) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.dir / f".{key}.{uuid.uuid4().hex}.tmp"
        tmp.write_bytes(source.read_bytes())
        tmp.replace(self.dir / f"{key}.pdf")
        self.used.add(key)

    def prune(self, out: Path) -> None:
        """Drop entries that no manifest in OUT refers to and this run did not use.

        A .tmp file is another run's PDF being written (each has a unique name) unless it is
        older than an hour: only such leftovers of a crashed run go.
        """
        if not self.dir.is_dir():
            return
        keep = set(self.used)
        for path in out.glob(f"*/{MANIFEST}"):
            found = Manifest.load(out, path.parent.name)
            if found:
                keep.update(e.build_key for e in found.files if e.build_key)
        stale_before = time.time() - _TMP_MAX_AGE
        for path in self.dir.iterdir():
            unused = path.suffix == ".pdf" and path.stem not in keep
            with contextlib.suppress(FileNotFoundError):
                if unused or (path.suffix == ".tmp" and path.stat().st_mtime < stale_before):
                    path.unlink()


def render_key(template: Path, model: object, meta: object, mode: str, code: str) -> str:
    """What a rendered DOCX depends on: the template's bytes, the document model (its repr: every
    field, span, redaction and source position), the metadata, the mode and the code."""
    h = hashlib.sha256(template.read_bytes())
    h.update(json.dumps([repr(model), repr(meta), mode, code], ensure_ascii=False).encode())
    return h.hexdigest()


class DocxCache:
    """The last rendered DOCX per (dossier, mode, kind), in OUT/.cache/docx, with its render key.

    A document whose model did not change since the last run is not rendered again: an edit
    of one document renders that document only. One slot per document, so it never grows.
    """

    def __init__(self, out: Path):
        self.dir = out / _DOCX_CACHE_DIR

    def _slot(self, dossier: str, mode: str, kind: str) -> Path:
        return self.dir / f"{dossier}__{mode}__{kind}.docx"

    def get(self, dossier: str, mode: str, kind: str, key: str) -> bytes | None:
        slot = self._slot(dossier, mode, kind)
        try:
            if slot.with_suffix(".key").read_text(encoding="ascii") != key:
                return None
            data = slot.read_bytes()
        except (OSError, ValueError):
            return None
        return data if data.startswith(b"PK") else None

    def put(self, dossier: str, mode: str, kind: str, key: str, data: bytes) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        slot = self._slot(dossier, mode, kind)
        tag = uuid.uuid4().hex
        slot.with_suffix(".key").unlink(missing_ok=True)  # no moment where the key names other bytes
        tmp = self.dir / f".{slot.name}.{tag}.tmp"
        tmp.write_bytes(data)
        tmp.replace(slot)
        tmp_key = self.dir / f".{slot.stem}.key.{tag}.tmp"
        tmp_key.write_text(key, encoding="ascii")
        tmp_key.replace(slot.with_suffix(".key"))


def stage_manifest(staging: Staging, out: Path, dossier_id: str, name: str, run: Run,
                   entries: list[Entry]) -> None:
    """Stage OUT/<dossier>/manifest.json with this run's entries in place of its earlier ones."""
    m = Manifest.load(out, dossier_id) or Manifest(dossier_id)
    m.replace_run(name, run, entries)
    path = staging.path(f"{name}/{dossier_id}__{MANIFEST}")
    path.write_bytes(m.to_bytes())
    staging.keep(path, out / dossier_id / MANIFEST)


def stage_public_manifest(staging: Staging, out: Path, plan: Plan, run: Run) -> Path:
    """woo/manifest.json: the public files and their hashes, and nothing about people."""
    d = plan.dossier
    files = []
    for staged, final in staging.files.items():
        if final.parent == out / d.id / "woo":
            files.append({"path": final.name, "sha256": sha256_file(staged), "size": staged.stat().st_size})
    # identified by the kenmerk alone: the folder name is the writer's choice and may hold a name
    data: dict[str, object] = {"manifest": FORMAT, "kenmerk": str(d.kenmerk),
                               "code": run.code, "libreoffice": run.libreoffice,
                               "files": sorted(files, key=lambda f: str(f["path"]))}
    signing = Manifest.load(out, d.id)
    if signing and signing.up_to_date(out, "build", Run(run.code, run.libreoffice, run.inputs)):
        # The signed PDFs on disk were built from exactly this content: name them, so anyone
        # holding the signed nota can check that this public version belongs to it.
        data["signed"] = {e.path: e.sha256 for e in sorted(signing.files, key=lambda e: e.path)
                          if e.run == "build" and e.path.endswith(".pdf")}
    path = staging.path(f"public/{d.id}__{MANIFEST}")
    path.write_bytes(json_bytes(data))
    staging.keep(path, out / d.id / "woo" / MANIFEST)
    return path
