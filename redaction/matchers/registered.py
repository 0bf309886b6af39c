"""Finding the personal data of registered people in a text."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from redaction.matchers._text import _B, _E, Hit, PersonData, _lit, _resolve, _Text
from redaction.matchers.contact import _email_rx, _scan_phones, registered_phone_key
from redaction.matchers.names import _fold, _name_forms, _parse_name

# --------------------------------------------------------------------------- registered


@dataclass(frozen=True)
class _Patterns:
    """One person's compiled patterns, each with a word every match must contain."""

    entries: tuple[tuple[str, re.Pattern[str], str], ...]  # (casefolded anchor, regex, category)


def _anchor(text: str) -> str:
    # the longest run of letters: present, casefolded, in every match of the pattern
    return max(re.findall(r"\w+", unicodedata.normalize("NFC", text)), key=len, default="").casefold()


@lru_cache(maxsize=4096)
def _person_patterns(p: PersonData) -> _Patterns:
    forms = _name_forms(p)
    rxs = []
    if forms:
        # one alternation, longest form first: at any position the longest form wins
        alternation = "|".join(dict.fromkeys(rx for _, rx in forms))
        rxs.append((_anchor(_parse_name(p.naam).core), f"{_B}(?:{alternation}){_E}", "naam"))
    if p.email and p.email.strip():
        anchor = unicodedata.normalize("NFC", p.email.strip()).casefold()  # the address itself
        rxs.append((anchor, _email_rx(p.email), "email"))
    if p.paraaf and p.paraaf.strip():
        rxs.append((_anchor(p.paraaf), _B + _lit(unicodedata.normalize("NFC", p.paraaf.strip())) + _E, "paraaf"))
    return _Patterns(tuple((anchor, re.compile(rx), cat) for anchor, rx, cat in rxs))


@dataclass(frozen=True)
class _Register:
    """What the matchers need of a list of people, worked out once: patterns, phone keys, e-mails."""

    entries: tuple[tuple[str, re.Pattern[str], str, str], ...]  # (anchor, regex, category, person id)
    owners: dict[str, str]  # phone key -> the first person with that number
    emails: frozenset[str]


# Registers by the identity of an immutable tuple of people (hashing 100 dataclasses for every
# text cost more than the matching); the tuple itself is kept so its id cannot be reused.
_REGISTERS: dict[int, tuple[tuple[PersonData, ...], _Register]] = {}


def _register(people: Sequence[PersonData]) -> _Register:
    cached = _REGISTERS.get(id(people))
    if cached is not None and cached[0] is people:
        return cached[1]
    owners: dict[str, str] = {}
    for p in people:
        key = registered_phone_key(p.telefoon or "")
        if key:
            owners.setdefault(key, p.id)
    register = _Register(
        tuple((anchor, rx, cat, p.id) for p in people for anchor, rx, cat in _person_patterns(p).entries),
        owners,
        frozenset(_fold(p.email.strip()) for p in people if p.email),
    )
    if isinstance(people, tuple):  # a list could change under us: no caching
        if len(_REGISTERS) >= 16:
            _REGISTERS.clear()
        _REGISTERS[id(people)] = (people, register)
    return register


def _registered_hits(text: str, people: Sequence[PersonData]) -> list[Hit]:
    register = _register(people)
    folded = text.casefold()
    # most people of the register are absent from a given document: a substring test
    # is far cheaper than running their regexes over the whole text
    hits = [
        Hit(m.start(), m.end(), cat, pid)
        for anchor, rx, cat, pid in register.entries
        if anchor in folded
        for m in rx.finditer(text)
    ]
    owners = register.owners
    phones = _scan_phones(text, lambda ph: ph.key in owners) if owners else []
    return hits + [Hit(ph.start, ph.end, "telefoon", owners[ph.key]) for ph in phones]


def find_person_data(text: str, people: Sequence[PersonData]) -> list[Hit]:
    """All personal data of `people` in text: non-overlapping, sorted, longest match wins.

    Names match as whole words in every form of name_forms(); e-mail addresses in any
    case; telephone numbers however spaced or punctuated; a paraaf as a whole word in
    its exact case. Of two people with the same form, the first in `people` gets the hit.
    """
    t = _Text(text)
    return [t.to_raw(h) for h in _resolve(_registered_hits(t.norm, people))]


