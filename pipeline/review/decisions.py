"""Write review decisions into woo.yaml and personen.yaml: round trip, atomic, refused on a concurrent edit."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from pipeline.kinds import NAMES
from redaction.grounds import LABELS

GRONDEN: dict[str, str] = LABELS  # code -> the label a Woo officer knows
KEEP_REASONS = ("publiek functionaris", "woordvoerder", "functionele mailbox", "geen persoonsgegeven")
ROLLEN = {
    "ambtenaar": "ambtenaar (wordt gelakt)",
    "extern": "externe persoon (wordt gelakt)",
    "publiek": "treedt publiek op door functie (blijft zichtbaar)",
    "woordvoerder": "woordvoerder (blijft zichtbaar)",
    "kamerlid": "Kamerlid (blijft zichtbaar)",
    "bewindspersoon": "bewindspersoon (blijft zichtbaar)",
}
WOO_HEADER = "# Besluiten voor de openbare (Woo-)versie van dit dossier.\n"
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class Conflict(Exception):
    """A write that would overwrite a change it did not see; the message is for the user."""


def version(path: Path) -> str:
    """The version of a file as the page saw it: the hash of its bytes ('-' when it does not exist)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return "-"


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


@dataclass
class Change:
    """One file written by one action, with what it held before (None: it did not exist)."""

    path: Path
    before: bytes | None
    after: bytes


@dataclass
class Action:
    """What one decision wrote, so it can be undone."""

    label: str
    changes: list[Change] = field(default_factory=list)


def _yaml(indent: tuple[int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.version = None
    yaml.preserve_quotes = True
    yaml.width = 4096
    seq, offset = indent
    yaml.indent(mapping=2, sequence=seq, offset=offset)
    return yaml


def _load(path: Path, expected: str, header: str = "") -> tuple[Any, bytes | None, tuple[int, int]]:
    """Read a YAML file for writing; refuse when it is not the version the reviewer saw."""
    current = version(path)
    if current != expected:
        raise Conflict(f"{path.name} is gewijzigd sinds u deze pagina opende (door een collega, met de hand of in "
                       "een ander tabblad). Uw besluit is niet opgeslagen: laad de pagina opnieuw en beslis nog eens.")
    if not path.exists():
        return CommentedMap(), None, (4, 2)
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    if not text.strip() or text.lstrip().startswith("#") and not _has_content(text):
        return CommentedMap(), raw, (4, 2)
    data, _ind, block_seq_indent = load_yaml_guess_indent(text)
    seq = (block_seq_indent or 0) + 2
    offset = block_seq_indent or 0
    data = _yaml((seq, offset)).load(text)
    if data is None:
        data = CommentedMap()
    if not isinstance(data, CommentedMap):
        raise Conflict(f"{path.name} is geen YAML-mapping; pas het bestand met de hand aan.")
    return data, raw, (seq, offset)


def _has_content(text: str) -> bool:
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def _dump(data: Any, indent: tuple[int, int], header: str = "") -> bytes:
    buf = io.StringIO()
    _yaml(indent).dump(data, buf)
    text = buf.getvalue()
    if header and not text.startswith("#"):
        text = header + text
    return text.encode("utf-8")


def atomic_write(path: Path, data: bytes) -> None:
    """Write next to the file and rename over it: a reader sees the old or the new file, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            Path(tmp).chmod(path.stat().st_mode & 0o777)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _seq(data: CommentedMap, key: str) -> CommentedSeq:
    value = data.get(key)
    if value is None:
        value = CommentedSeq()
        data[key] = value
    if not isinstance(value, CommentedSeq):
        raise Conflict(f"'{key}' in woo.yaml is geen lijst; pas het bestand met de hand aan.")
    return value


def _stamp(entry: CommentedMap, door: str, reden: str, when: dt.datetime) -> CommentedMap:
    entry["door"] = DoubleQuotedScalarString(door)
    entry["op"] = when
    if reden:
        entry["reden"] = DoubleQuotedScalarString(reden)
    return entry


class Decisions:
    """The decision files of one dossier: woo.yaml in its folder, personen.yaml in the content folder."""

    def __init__(self, content_dir: Path, dossier_id: str):
        self.woo = content_dir / dossier_id / "woo.yaml"
        self.personen = content_dir / "personen.yaml"

    def versions(self) -> dict[str, str]:
        return {"woo": version(self.woo), "personen": version(self.personen)}

    def _write_woo(self, expected: dict[str, str], label: str, edit: Any) -> Action:
        data, before, indent = _load(self.woo, expected.get("woo", ""))
        edit(data)
        after = _dump(data, indent, WOO_HEADER if before is None else "")
        atomic_write(self.woo, after)
        return Action(label, [Change(self.woo, before, after)])

    def keep(self, expected: dict[str, str], text: str, door: str, reden: str,
             when: dt.datetime | None = None) -> Action:
        """Allow a finding: a `toegestaan` entry with who, when and why."""
        when = when or now()

        def edit(data: CommentedMap) -> None:
            entry = CommentedMap()
            entry["tekst"] = DoubleQuotedScalarString(text)
            _seq(data, "toegestaan").append(_stamp(entry, door, reden, when))
        return self._write_woo(expected, f"behouden: {text}", edit)

    def redact_passage(self, expected: dict[str, str], document: str, passage: str, grond: str, toelichting: str,
                       door: str, reden: str = "", when: dt.datetime | None = None) -> Action:
        """A `lakken` entry for one exact passage of one document."""
        return self.redact_passages(expected, [(document, passage)], grond, toelichting, door, reden, when)

    def redact_passages(self, expected: dict[str, str], places: list[tuple[str, str]], grond: str, toelichting: str,
                        door: str, reden: str = "", when: dt.datetime | None = None) -> Action:
        """`lakken` entries, one per (document, exact passage), written together."""
        for document, _ in places:
            if document not in NAMES:
                raise Conflict(f"onbekend document '{document}'")
        if grond not in GRONDEN:
            raise Conflict(f"onbekende Woo-grond '{grond}'")
        stamp = when or now()

        def edit(data: CommentedMap) -> None:
            for document, passage in places:
                entry = CommentedMap()
                entry["document"] = document
                entry["passage"] = DoubleQuotedScalarString(passage)
                entry["grond"] = DoubleQuotedScalarString(grond)
                if toelichting:
                    entry["toelichting"] = DoubleQuotedScalarString(toelichting)
                _seq(data, "lakken").append(_stamp(entry, door, reden, stamp))
        shown = places[0][1] if len(places) == 1 else f"{places[0][1]} ({len(places)} documenten)"
        return self._write_woo(expected, f"lakken ({grond}): {shown}", edit)

    def person_override(self, expected: dict[str, str], persoon: str, lakken: bool, door: str, reden: str,
                        when: dt.datetime | None = None) -> Action:
        """Override the register's rol for one registered person in this dossier."""
        when = when or now()

        def edit(data: CommentedMap) -> None:
            entry = CommentedMap()
            entry["persoon"] = persoon
            entry["lakken"] = lakken
            _seq(data, "personen").append(_stamp(entry, door, reden, when))
        return self._write_woo(expected, f"{'lakken' if lakken else 'behouden'}: {persoon}", edit)

    def register(self, expected: dict[str, str], person_id: str, naam: str, rol: str, functie: str, door: str,
                 reden: str, when: dt.datetime | None = None, contact: dict[str, str] | None = None) -> Action:
        """Add an unknown person to personen.yaml, and record the decision in this dossier's woo.yaml."""
        if not _ID_RE.match(person_id):
            raise Conflict("een id bestaat uit letters, cijfers, '-' en '_' en begint met een letter of cijfer")
        if rol not in ROLLEN:
            raise Conflict(f"onbekende rol '{rol}'")
        when = when or now()
        data, before, indent = _load(self.personen, expected.get("personen", ""))
        people = _seq(data, "personen")
        if any(isinstance(p, dict) and str(p.get("id")) == person_id for p in people):
            raise Conflict(f"het id '{person_id}' bestaat al in personen.yaml; kies een ander id")
        entry = CommentedMap()
        entry["id"] = person_id
        entry["naam"] = DoubleQuotedScalarString(naam)
        if functie:
            entry["functie"] = DoubleQuotedScalarString(functie)
        for key in ("email", "telefoon"):
            if (contact or {}).get(key):
                entry[key] = DoubleQuotedScalarString((contact or {})[key])
        entry["rol"] = rol
        people.append(entry)
        after = _dump(data, indent)
        # woo.yaml first: when it was changed meanwhile, nothing is written at all.
        woo_action = self.person_override(expected, person_id, rol in ("ambtenaar", "extern"), door, reden, when)
        atomic_write(self.personen, after)
        return Action(f"geregistreerd als {rol}: {naam}", [*woo_action.changes, Change(self.personen, before, after)])

    def release(self, expected: dict[str, str], door: str, when: dt.datetime | None = None) -> Action:
        """Record who released the public version, and when (`vrijgave`)."""
        when = when or now()

        def edit(data: CommentedMap) -> None:
            entry = CommentedMap()
            entry["door"] = DoubleQuotedScalarString(door)
            entry["op"] = when
            data["vrijgave"] = entry
        return self._write_woo(expected, f"vrijgegeven door {door}", edit)


def undo(action: Action) -> None:
    """Put back what one action wrote, unless a file was changed after it."""
    for change in action.changes:
        try:
            current = change.path.read_bytes()
        except FileNotFoundError:
            current = None
        if current != change.after:
            raise Conflict(f"{change.path.name} is na dit besluit nog gewijzigd; ongedaan maken zou die wijziging "
                           "wissen. Pas het bestand met de hand aan.")
    for change in action.changes:
        if change.before is None:
            change.path.unlink()
        else:
            atomic_write(change.path, change.before)
