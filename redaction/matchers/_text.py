"""Text normalisation for matching, hits and the regex pieces every matcher shares."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Protocol, TypeVar

from pipeline.content.text import fold


@dataclass(frozen=True)
class PersonData:
    """One person's personal data as the register (personen.yaml) holds it."""

    id: str
    naam: str
    voornaam: str | None = None
    email: str | None = None
    telefoon: str | None = None
    paraaf: str | None = None


@dataclass(frozen=True)
class Hit:
    """One finding: character offsets into the searched text, its kind and whose it is."""

    start: int
    end: int
    category: str  # "naam" | "email" | "telefoon" | "paraaf"
    person_id: str | None  # None for unregistered findings
    form: str = ""  # how a name hit was found: "" (a full form), "achternaam", "voornaam", "token", "paraaf"


# --------------------------------------------------------------------------- text


class _Text:
    """The searched text in its matching form (pipeline.content.text.fold), with a map back.

    Matching runs on the form a reader takes in, so that "Öztürk" typed in NFD, a name with a
    soft hyphen or zero-width space from Word, or a number in full-width digits still
    matches; every hit is mapped back so that offsets always refer to the caller's text and
    cover every character the writer typed for it.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._folded = fold(raw)
        self.norm = self._folded.text

    def to_raw(self, hit: Hit) -> Hit:
        start, end = self._folded.span(hit.start, hit.end)
        return replace(hit, start=start, end=end)


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


_S = TypeVar("_S", bound=_Spanned)


def _resolve(hits: Sequence[_S]) -> list[_S]:
    """Keep the longest of overlapping hits (ties: the earlier one found); sort by offset."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start - hits[i].end, hits[i].start, i))
    starts: list[int] = []  # kept hits, disjoint, sorted by start
    kept: list[_S] = []
    for i in order:
        h = hits[i]
        at = bisect.bisect_left(starts, h.start)
        # disjoint and sorted: only the neighbours on either side can overlap h
        if (at and kept[at - 1].end > h.start) or (at < len(kept) and kept[at].start < h.end):
            continue
        starts.insert(at, h.start)
        kept.insert(at, h)
    return kept


class _Coverage:
    """The union of some spans, for fast "does this hit touch any of them" questions."""

    def __init__(self, spans: Sequence[Hit]) -> None:
        merged: list[list[int]] = []
        for h in sorted(spans, key=lambda h: h.start):
            if merged and h.start < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], h.end)
            else:
                merged.append([h.start, h.end])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def overlaps(self, h: Hit) -> bool:
        i = bisect.bisect_left(self._starts, h.end) - 1  # last span starting before h ends
        return i >= 0 and self._ends[i] > h.start


# --------------------------------------------------------------------------- regex pieces

_HYPHENS = "-\u2010\u2011"  # ASCII hyphen, hyphen, non-breaking hyphen (the matching form has only "-")
_HYPHEN = "[-\u2010\u2011]"
_APOSTROPHES = "'\u2019\u2018`"
_B = r"(?<!\w)"  # start of a word: \w is Unicode-aware, so "Öztürk" is one word
_E = r"(?!\w)"  # end of a word; a hyphen ends it, so "De Vries-rapport" still hits


def _lit(text: str) -> str:
    """Regex for literal text: whitespace runs, hyphens and apostrophes in any variant."""
    parts: list[str] = []
    for word_index, word in enumerate(text.split()):
        if word_index:
            parts.append(r"\s+")
        for ch in word:
            if ch in _HYPHENS:
                parts.append(_HYPHEN)
            elif ch in _APOSTROPHES:
                parts.append(f"[{_APOSTROPHES}]")
            else:
                parts.append(re.escape(ch))
    return "".join(parts)


def _caseless(text: str) -> str:
    return f"(?i:{_lit(text)})"


def _word(text: str) -> str:
    """A name word: the first letter exactly as registered, the rest in any case.

    The capital is what tells "Visser" (a name) from "visser" (a fisherman).
    """
    text = text.strip()
    return _lit(text[:1]) + (_caseless(text[1:]) if len(text) > 1 else "")


def _words(text: str) -> str:
    return r"\s+".join(_word(w) for w in text.split())


