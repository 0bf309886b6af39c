"""Load YAML with ruamel.yaml so that every value remembers its file, line and column."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from pipeline.errors import Diagnostic, Loc


class LStr(str):
    """A string from a content file that knows where each of its characters stands."""

    loc: Loc
    _line_starts: tuple[tuple[int, int, int], ...]  # (offset in text, file line, file col)

    def __new__(cls, value: str, loc: Loc, line_starts: tuple[tuple[int, int, int], ...] = ()) -> LStr:
        obj = super().__new__(cls, value)
        obj.loc = loc
        obj._line_starts = line_starts or ((0, loc.line, loc.col),)
        return obj

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
    """A YAML value with its location; maps and lists hold Nodes."""

    value: Any
    loc: Loc


def _block_line_starts(text: str, raw_lines: list[str], first_line: int) -> tuple[tuple[int, int, int], ...]:
    """Map each line of a block scalar (| or >) to its line and column in the file."""
    starts: list[tuple[int, int, int]] = []
    indent = None
    for i in range(first_line, len(raw_lines)):
        stripped = raw_lines[i].strip()
        if stripped:
            indent = len(raw_lines[i]) - len(raw_lines[i].lstrip(" "))
            break
    indent = indent or 0
    offset = 0
    file_line = first_line + 1  # 1-based
    for part in text.split("\n"):
        starts.append((offset, file_line, indent + 1))
        offset += len(part) + 1
        file_line += 1
    return tuple(starts)


class _Converter:
    def __init__(self, path: Path, display: str, raw_lines: list[str]):
        self.path = path
        self.display = display
        self.raw_lines = raw_lines

    def loc(self, line0: int, col0: int) -> Loc:
        return Loc(self.display, line0 + 1, col0 + 1)

    def convert(self, value: Any, line0: int, col0: int) -> Node:
        loc = self.loc(line0, col0)
        if isinstance(value, CommentedMap):
            out: dict[str, Node] = {}
            for key in value:
                kl, kc = value.lc.key(key)
                vl, vc = value.lc.value(key)
                child = self.convert(value[key], vl, vc)
                out[str(key)] = child
                child.key_loc = self.loc(kl, kc)  # type: ignore[attr-defined]
            return Node(out, loc)
        if isinstance(value, CommentedSeq):
            items = []
            for i, item in enumerate(value):
                il, ic = value.lc.item(i)
                items.append(self.convert(item, il, ic))
            return Node(items, loc)
        if isinstance(value, (LiteralScalarString, FoldedScalarString)):
            starts = _block_line_starts(str(value), self.raw_lines, line0 + 1)
            return Node(LStr(str(value), Loc(self.display, starts[0][1], starts[0][2]), starts), loc)
        if isinstance(value, str):
            col_shift = 1 if col0 < len(self._line(line0)) and self._line(line0)[col0] in "'\"" else 0
            sloc = Loc(self.display, line0 + 1, col0 + 1 + col_shift)
            return Node(LStr(value, sloc), loc)
        return Node(value, loc)

    def _line(self, line0: int) -> str:
        return self.raw_lines[line0] if 0 <= line0 < len(self.raw_lines) else ""


def _timestamp_or_text(constructor: Any, node: Any) -> Any:
    """An impossible date (2023-02-30) stays text, so validation reports it at its place."""
    try:
        return RoundTripConstructor.construct_yaml_timestamp(constructor, node)
    except ValueError:
        return constructor.construct_scalar(node)


def load_yaml(path: Path, display: str | None = None) -> tuple[Node | None, list[Diagnostic]]:
    """Parse one YAML file; return its tree of Nodes, or the syntax errors."""
    display = display or str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Diagnostic(Loc(display, 1, 1), f"het bestand is geen UTF-8 ({exc.reason})",
                                 "sla het bestand op als UTF-8")]
    except OSError as exc:
        return None, [Diagnostic(Loc(display), f"kan het bestand niet lezen: {exc.strerror}")]
    yaml = YAML(typ="rt")
    yaml.version = (1, 2)
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
    try:
        data = yaml.load(raw)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loc = Loc(display, mark.line + 1, mark.column + 1) if mark else Loc(display)
        problem = (exc.problem or exc.context or "ongeldige YAML").strip()
        return None, [Diagnostic(loc, f"ongeldige YAML: {problem}",
                                 "controleer inspringing, dubbele punten en aanhalingstekens")]
    except YAMLError as exc:
        return None, [Diagnostic(Loc(display, 1, 1), f"ongeldige YAML: {exc}")]
    if data is None:
        return Node({}, Loc(display, 1, 1)), []
    return _Converter(path, display, raw.splitlines()).convert(data, 0, 0), []


def as_date(value: Any) -> dt.date | None:
    """A YAML date, or an ISO date written as a string; None if it is neither."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
