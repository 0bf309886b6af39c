"""Read YAML as text as typed: every scalar is kept as the writer typed it, with its file, line and column."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError

from pipeline.content import yamlfast
from pipeline.content.yamlerrors import reader_problem, yaml_problem
from pipeline.errors import Diagnostic, Loc

# Limits against hostile input: far above any real content file, far below a hang or a RecursionError.
MAX_DEPTH, MAX_NODES = 64, 200_000

_NULLS = ("", "~", "null", "Null", "NULL")  # an empty value, YAML's words for nothing (v1.0: `~`, an empty cell)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\(u[dD][89a-fA-F][0-9a-fA-F]{2}|U0000[dD][89a-fA-F][0-9a-fA-F]{2})")


class LStr(str):
    """A string from a content file that knows where each of its characters stands."""

    loc: Loc
    style: str  # "" plain, "'" or '"' quoted, "|" literal, ">" folded
    source_lines: tuple[str, ...]  # the raw lines a plain or quoted scalar spans in the file
    _line_starts: tuple[tuple[int, int, int], ...]  # (offset in text, file line, file col)

    def __new__(cls, value: str, loc: Loc, line_starts: tuple[tuple[int, int, int], ...] = (),
                style: str = "", source_lines: tuple[str, ...] = ()) -> LStr:
        obj = super().__new__(cls, value)
        obj.loc = loc
        obj._line_starts = line_starts or ((0, loc.line, loc.col),)
        obj.style = style
        obj.source_lines = source_lines
        return obj

    def __copy__(self) -> LStr:
        return self  # immutable: a copy of a document model shares its source strings

    def __deepcopy__(self, memo: dict[int, object]) -> LStr:
        return self

    def loc_at(self, offset: int) -> Loc:
        """The file position of character `offset` of this string."""
        best = self._line_starts[0]
        for start in self._line_starts:
            if start[0] <= offset:
                best = start
            else:
                break
        text_off, line, col = best
        return Loc(self.loc.file, line, col + (offset - text_off))


@dataclass
class Node:
    """A YAML value with its location; maps hold str -> Node, lists hold Nodes, scalars are LStr or None."""

    value: Any
    loc: Loc
    key_loc: Loc | None = None


class _Limit(Exception):
    """The file is nested too deeply or expands to too many values (an alias bomb)."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


@dataclass
class _Open:
    """A mapping or sequence being built from the event stream."""

    node: Node
    anchor: str | None
    size: int = 1
    key: Node | None = None  # a mapping's key waiting for its value
    flow: bool = False
    last: ScalarEvent | None = None  # the previous item of a flow sequence


class _Builder:
    """Builds the Node tree from ruamel's event stream without recursion, within the limits."""

    def __init__(self, display: str, raw: str):
        self.display = display
        self.raw = raw
        self.lines = raw.splitlines()
        self.diagnostics: list[Diagnostic] = []
        self.stack: list[_Open] = []
        self.anchors: dict[str, tuple[Node, int]] = {}
        self.nodes = 0
        self.root: Node | None = None

    def loc(self, mark: Any, shift: int = 0) -> Loc:
        return Loc(self.display, mark.line + 1, mark.column + 1 + shift)

    def feed(self, event: Event) -> None:
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                raise _Limit(Diagnostic(self.loc(event.start_mark), f"de inhoud is te diep genest "
                                        f"(meer dan {MAX_DEPTH} niveaus)", "maak de structuur minder diep"))
            value: dict[str, Node] | list[Node] = {} if isinstance(event, MappingStartEvent) else []
            self.stack.append(_Open(Node(value, self.loc(event.start_mark)), event.anchor,
                                    flow=bool(event.flow_style) and isinstance(value, list)))
        elif isinstance(event, CollectionEndEvent):
            done = self.stack.pop()
            if done.anchor:
                self.anchors[done.anchor] = (done.node, done.size)
            self._add(done.node, done.size, event)
        elif isinstance(event, ScalarEvent):
            if self._decimal_comma(event):
                return
            node = self._scalar(event)
            if event.anchor:
                self.anchors[event.anchor] = (node, 1)
            self._add(node, 1, event)
        elif isinstance(event, AliasEvent):
            if event.anchor not in self.anchors:
                message = f"de verwijzing '*{event.anchor}' heeft geen anker '&{event.anchor}'"
                self.diagnostics.append(Diagnostic(self.loc(event.start_mark), message))
                return
            node, size = self.anchors[event.anchor]
            self._add(node, size, event)
        elif isinstance(event, DocumentStartEvent) and self.root is not None:
            self.diagnostics.append(Diagnostic(self.loc(event.start_mark), "het bestand bevat meer dan één "
                                               "YAML-document", "haal de regel '---' weg"))

    def _decimal_comma(self, event: ScalarEvent) -> bool:
        """`[12, 0,5]` is three items to YAML; a Dutch writer meant 0,5: say so instead of printing 0 and 5.

        The two halves are joined again (True: the event is taken), so the row keeps its length and
        the one mistake gets one message, not a follow-up about the number of cells.
        """
        top = self.stack[-1] if self.stack else None
        if top is None or not top.flow:
            return False
        prev, top.last = top.last, event
        if (prev is not None and not prev.style and not event.style and prev.value[-1:].isdigit()
                and event.value[:1].isdigit() and self.raw[prev.end_mark.index:event.start_mark.index] == ","):
            typed = self.raw[prev.start_mark.index:event.end_mark.index]
            self.diagnostics.append(Diagnostic(
                self.loc(prev.start_mark), f"in een lijst tussen [ ] scheidt de komma in '{typed}' twee waarden",
                f"zet het getal tussen aanhalingstekens (\"{typed}\"), "
                "of schrijf elke waarde op een eigen regel met '- '"))
            items = top.node.value
            joined = items[-1].value
            items[-1] = Node(LStr(typed, joined.loc), items[-1].loc)
            top.last = None
            return True
        return False

    def _add(self, node: Node, size: int, event: Event) -> None:
        self.nodes += size
        if self.nodes > MAX_NODES:
            raise _Limit(Diagnostic(self.loc(event.start_mark), f"het bestand bevat meer dan {MAX_NODES} waarden "
                                    "(te veel of te vaak herhaalde verwijzingen met '*')",
                                    "schrijf de inhoud uit zonder ankers (&) en verwijzingen (*)"))
        if not self.stack:
            if self.root is None:
                self.root = node
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.node.value, list):
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            self._set(parent, parent.key, node)
            parent.key = None

    def _set(self, parent: _Open, key: Node, value: Node) -> None:
        mapping = parent.node.value
        if not isinstance(key.value, str):
            self.diagnostics.append(Diagnostic(key.loc, "een veldnaam moet tekst zijn",
                                               "schrijf 'naam: waarde'"))
            return
        name = str(key.value)
        if name in mapping:
            first = mapping[name].key_loc
            self.diagnostics.append(Diagnostic(key.loc, f"het veld '{name}' staat hier twee keer",
                                               f"eerder op regel {first.line if first else '?'}; laat er één staan"))
            return
        if value.value is None:  # an empty value is located at its key, not at the next line
            value = Node(None, Loc(key.loc.file, key.loc.line, key.loc.col + len(name) + 1))
        value.key_loc = key.loc
        mapping[name] = value

    def _scalar(self, event: ScalarEvent) -> Node:
        style = event.style or ""
        start, end = event.start_mark, event.end_mark
        text = event.value.replace("\a", "") if style == ">" else event.value  # ruamel marks folds with \a
        if not style and text in _NULLS:
            return Node(None, self.loc(start))
        if _SURROGATE.search(text):
            self.diagnostics.append(self._surrogate(start, end))
            text = _SURROGATE.sub("\ufffd", text)
        shift = 1 if style in ("'", '"') else 0
        loc = self.loc(start, shift)
        source_lines: tuple[str, ...] = ()
        if style in ("|", ">"):
            starts = _line_starts(text, self.lines, start.line + 1, end.line, block=True)
            loc = Loc(self.display, starts[0][1], starts[0][2]) if starts else loc
        elif end.line > start.line:
            starts = _line_starts(text, self.lines, start.line, end.line, block=False, first_col=start.column + shift)
            source_lines = tuple(self.lines[start.line:end.line + 1])
        else:
            starts = ()
        return Node(LStr(text, loc, starts, style, source_lines), self.loc(start))

    def _surrogate(self, start: Any, end: Any) -> Diagnostic:
        m = _SURROGATE_ESCAPE.search(self.raw, start.index, end.index)
        index = m.start() if m else start.index
        line = self.raw.count("\n", 0, index)
        col = index - (self.raw.rfind("\n", 0, index) + 1)
        return Diagnostic(Loc(self.display, line + 1, col + 1),
                          "deze tekst bevat een losse surrogaat-code (\\ud800-\\udfff), geen geldig teken",
                          "schrijf het teken zelf, of \\U0001F600 voor een teken buiten het basisbereik")


def _line_starts(text: str, lines: list[str], first: int, last: int, *, block: bool,
                 first_col: int = 0) -> tuple[tuple[int, int, int], ...]:
    """Map each source line of a multi-line scalar to the offset where its text starts in the value.

    The value is aligned against the source lines (instead of split on newlines), so folded
    (`>`) and plain multi-line scalars, whose line breaks YAML turns into spaces, map too.
    """
    starts: list[tuple[int, int, int]] = []
    indent = None
    pos = 0
    for i in range(first, min(last + 1, len(lines))):
        raw = lines[i]
        if not raw.strip():
            continue
        if block:
            indent = len(raw) - len(raw.lstrip(" ")) if indent is None else indent
            col = min(indent, len(raw) - len(raw.lstrip(" ")))
        else:
            col = first_col if i == first else len(raw) - len(raw.lstrip())
        content = raw[col:].rstrip()
        found = text.find(content[:20], pos) if content else -1
        if found < 0:
            if not starts:
                starts.append((0, i + 1, col + 1))
            break
        starts.append((found, i + 1, col + 1))
        pos = found + len(content)
    return tuple(starts)


def _decode(data: bytes, display: str) -> tuple[str | None, list[Diagnostic]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        line = data.count(b"\n", 0, exc.start) + 1
        col = len(data[line_start:exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start:exc.start + 1].hex().upper()
        return None, [Diagnostic(Loc(display, line, col), f"het bestand is geen UTF-8 (byte 0x{byte} hier)",
                                 "sla het bestand op als UTF-8 (in de editor: 'Opslaan als', codering UTF-8)")]


def _outside(path: Path, root: Path | None) -> bool:
    """True when `path` (or a folder on the way to it) is a link that leads out of the content folder."""
    if root is None:
        return False
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return True
    return False


def load_yaml(path: Path, display: str | None = None, root: Path | None = None) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML file into a tree of Nodes (every scalar text as typed), or report why not."""
    display = display or str(path)
    if _outside(path, root):
        return None, [Diagnostic(Loc(display), "dit bestand is een koppeling (symlink) naar een bestand buiten de "
                                 "contentmap", "kopieer het bestand in de contentmap, in plaats van te verwijzen")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Diagnostic(Loc(display), f"kan het bestand niet lezen: {exc.strerror}")]
    raw, diags = _decode(data, display)
    if raw is None:
        return None, diags
    return parse_yaml(raw, display)


def parse_yaml(raw: str, display: str) -> tuple[Node | None, list[Diagnostic]]:
    """Parse YAML text; syntax errors and limits become Diagnostics, never exceptions."""
    builder = _Builder(display, raw)
    if not yamlfast.feed(raw, builder):  # libyaml, where it reads the text as this pure parser does
        builder = _Builder(display, raw)
        yaml = YAML(typ="rt")
        yaml.version = (1, 2)
        try:
            for event in yaml.parse(raw):
                builder.feed(event)
        except _Limit as exc:
            return None, [exc.diagnostic]
        except MarkedYAMLError as exc:
            return None, [yaml_problem(exc, display, raw)]
        except ReaderError as exc:
            return None, [reader_problem(exc, display, raw)]
        except YAMLError as exc:
            return None, [Diagnostic(Loc(display, 1, 1), f"ongeldige YAML: {exc}")]
    if builder.diagnostics and builder.root is None:
        return None, builder.diagnostics
    return builder.root or Node({}, Loc(display, 1, 1)), builder.diagnostics


_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def as_date(value: Any) -> dt.date | None:
    """An ISO date (JJJJ-MM-DD) read from the typed text; None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = _DATE_RE.match(value.strip())
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def date_problem(text: str, key: str) -> tuple[str, str]:
    """Why `text` is not a date for field `key`, as (message, hint) in Dutch."""
    text = text.strip()
    m = _DATE_RE.match(text)
    if m:
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return (f"de datum '{text}' in '{key}' bestaat niet: er is geen maand {month}",
                    "schrijf de datum als JJJJ-MM-DD; de maand is 01 tot en met 12")
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = (nxt - dt.timedelta(days=1)).day
        return (f"de datum '{text}' in '{key}' bestaat niet: {_MONTHS[month - 1]} {year} heeft {last} dagen",
                "controleer de dag")
    dutch = re.match(r"^(\d{1,2})-(\d{1,2})-(\d{4})$", text)
    if dutch and as_date(f"{dutch[3]}-{dutch[2]}-{dutch[1]}"):
        iso = f"{dutch[3]}-{int(dutch[2]):02d}-{int(dutch[1]):02d}"
        return f"'{text}' is geen geldige datum voor '{key}'", f"schrijf de datum als JJJJ-MM-DD: {key}: {iso}"
    return f"'{text}' is geen geldige datum voor '{key}'", "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2023-12-23"


_TRUE = ("ja", "true", "yes", "waar", "aan")
_FALSE = ("nee", "false", "no", "onwaar", "uit")


def as_bool(value: Any) -> bool | None:
    """A yes/no read from the typed text (ja/nee, true/false); None if it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    return None


_NUMBER_RE = re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def as_number(value: Any) -> float | None:
    """A number written the Dutch way (1.420 is fourteen hundred and twenty, 0,5 a half); None otherwise."""
    if not isinstance(value, str):
        return None
    text = value.strip().replace("\u2212", "-")
    if not _NUMBER_RE.match(text):
        return None
    return float(text.replace(".", "").replace(",", "."))
