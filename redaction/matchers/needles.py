"""Which of many literal needles occur in a text, found in one pass over the text (Aho-Corasick)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

# Characters _lit matches in several variants (whitespace runs, hyphens, apostrophes): a needle
# taken from a literal is a run without them, so a match of the literal contains it as it is.
_VARIANT = re.compile(r"[\s\-\u2010\u2011'\u2019\u2018`]+")


def literal_needle(text: str) -> str:
    """The longest run of a literal's text that every match of _lit(text) contains unchanged."""
    return max(_VARIANT.split(text), key=len, default="")


class Needles:
    """needles[i] in text for every i at once: the same answer as testing each, in time linear in the text.

    An empty needle is in every text, as with `in`.
    """

    def __init__(self, needles: Sequence[str]) -> None:
        self._always = tuple(i for i, n in enumerate(needles) if not n)
        by_needle: dict[str, list[int]] = {}
        for i, n in enumerate(needles):
            if n:
                by_needle.setdefault(n, []).append(i)
        self._automaton: ahocorasick.Automaton | None = None
        if by_needle:
            automaton = ahocorasick.Automaton()
            for n, indices in by_needle.items():
                automaton.add_word(n, tuple(indices))
            automaton.make_automaton()
            self._automaton = automaton

    def present(self, text: str) -> list[int]:
        """The indices of the needles that occur in text, in ascending order."""
        found = set(self._always)
        if self._automaton is not None:
            for _end, indices in self._automaton.iter(text):
                found.update(indices)
        return sorted(found)


_LETTERS = re.compile(r"[^\W\d_]+")


class Candidates:
    """Which of many patterns can match a text, without running them: each by its needle (Needles, on the
    casefolded text), or, where runs[i] is a word of letters only, by the text's whole runs of letters:
    pattern i then matches only where such a run is exactly runs[i] (a pattern with letter boundaries)."""

    def __init__(self, needles: Sequence[str], runs: Sequence[str | None]) -> None:
        by_run: dict[str, list[int]] = {}
        rest: list[int] = []
        for i, (_needle, run) in enumerate(zip(needles, runs, strict=True)):
            if run and _LETTERS.fullmatch(run):
                by_run.setdefault(run, []).append(i)
            else:
                rest.append(i)
        self._rest = tuple(rest)
        self._needles = Needles([needles[i] for i in rest])
        self._runs = {run: tuple(indices) for run, indices in by_run.items()}

    def present(self, text: str, folded: str) -> list[int]:
        """The indices, ascending, of the patterns that may match text (folded: text.casefold())."""
        found = [self._rest[j] for j in self._needles.present(folded)]
        if self._runs:
            found += [i for run in set(_LETTERS.findall(text)) for i in self._runs.get(run, ())]
            found.sort()
        return found
