"""The key a name's findings are grouped by, and the initial of its given name."""
from __future__ import annotations

import re

from redaction.matchers._text import _HYPHENS
from redaction.matchers.names import _INITIAL, _fold
from redaction.matchers.unregistered import vocabulary as v

_TITLE_OR_INITIAL = re.compile(rf"^(?:{v._TITLE}|(?:(?:{_INITIAL})\.)+)$")


# a double surname whose second part has a tussenvoegsel: "Hendriks-de Vries", "Blanksma-van den Heuvel"
_DOUBLE_TAIL = re.compile(rf"(?<!\S)[A-ZÀ-Ý][\w'’]*[{re.escape(_HYPHENS)}](?:{v.TUSSEN})(?:\s+{v.TUSSEN})*\s+\S+$")


def surname_key(name: str) -> str:
    """The folded last word of a name: "drs. M. van Leeuwen", "Van Leeuwen" and "Leeuwen" share "leeuwen"; a double
    surname is one key ("Marloes Hendriks-de Vries": "hendriks-de vries", no public "De Vries" clears her)."""
    double = _DOUBLE_TAIL.search(name.strip())
    if double:
        return " ".join(_fold(double.group()).split())
    words = [w for w in re.split(r"\s+", name.strip()) if w and not _TITLE_OR_INITIAL.match(w)]
    return _fold(words[-1]) if words else _fold(name)


_NOT_GIVEN = frozenset(["van", "de", "den", "der", "het", "ter", "ten", "te", "in", "op", "uit", "von", "la", "le",
                        "du", "'t", "’t", "el", "al", "ben", "ait", "aït", "abou", "abu", "bou", "ould"])


_TITLE_WORD = re.compile(v._TITLE)


def given_initial(name: str) -> str:
    """The first letter of a name's given name or initials, "" for a bare surname ("Van Dijk", "El Amrani")."""
    words = [w for w in name.split() if not _TITLE_WORD.fullmatch(w)]
    if len(words) < 2 or words[0].casefold() in _NOT_GIVEN or not words[0][:1].isupper():
        return ""
    return words[0][0]
