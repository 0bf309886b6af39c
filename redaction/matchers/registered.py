"""Finding the personal data of registered people in a text, and the places a person must decide."""
from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.content.text import fold
from redaction.matchers import context
from redaction.matchers._text import Hit, PersonData, _lit, _resolve, _Text
from redaction.matchers.contact import _email_rx, _scan_phones, registered_phone_key
from redaction.matchers.names import TokenKeys, _fold, _parse_name, ascii_parts, name_regexes, token_keys
from redaction.matchers.needles import Candidates

# A letter boundary: "JOu" in "26061157JOu" or "PSG_PvdB_2023" is the paraaf; in "JOurnaal" it is not.
_LB = r"(?<![^\W\d_])"
_LE = r"(?![^\W\d_])"
_B = r"(?<!\w)"
_E = r"(?!\w)"


@dataclass(frozen=True)
class Doubt:
    """A place where a registered person's name may stand, but the text alone cannot tell."""

    start: int
    end: int
    person_id: str
    reason: str  # in Dutch, for the Woo officer


@dataclass(frozen=True)
class Matches:
    hits: list[Hit]
    doubts: list[Doubt]


class _Lazy:
    """A pattern compiled at its first use. Only texts holding an entry's anchor run its pattern (_raw_hits),
    so a build of one dossier compiles the patterns of the people it names, not of the whole register
    (re.compile of a hundred people's name forms cost a fresh process more than matching them)."""

    __slots__ = ("_rx", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self._rx: re.Pattern[str] | None = None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        rx = self._rx
        if rx is None:
            rx = self._rx = re.compile(self.source)
        return rx.finditer(text)


@dataclass(frozen=True)
class _Person:
    """One person's patterns, each with a word every match must contain."""

    entries: tuple[tuple[str, _Lazy, str, str], ...]  # (casefolded anchor, regex, category, form)
    keys: TokenKeys
    naam: str
    core: str  # surname without tussenvoegsel
    surname: str  # casefolded, tussenvoegsel included
    voornaam: str  # casefolded
    common_surname: bool  # no tussenvoegsel and an ordinary word or place ("Koning", "Haag")
    common_paraaf: bool  # written as a word or acronym is written, and one ("EU")


def _anchor(text: str) -> str:
    # the longest run of letters: present, casefolded, in every match of the pattern
    return max(re.findall(r"\w+", fold(text).text), key=len, default="").casefold()


@lru_cache(maxsize=4096)
def _person(p: PersonData) -> _Person:
    rxs: list[tuple[str, str, str, str]] = []
    names = name_regexes(p)
    n = _parse_name(p.naam)
    if names:
        anchor = _anchor(names.core)
        if names.full:
            rxs.append((anchor, f"{_B}{names.full}{_E}", "naam", ""))
        rxs.append((anchor, f"{_B}{names.surname}{_E}", "naam", "achternaam"))
        if names.voornaam:
            rxs.append((_anchor(p.voornaam or n.given), f"{_B}{names.voornaam}{_E}", "naam", "voornaam"))
    if p.email and p.email.strip():
        rxs.append((fold(p.email.strip()).text.casefold().split("@")[0], _email_rx(p.email), "email", ""))
    paraaf = fold(p.paraaf.strip()).text if p.paraaf and p.paraaf.strip() else ""
    if paraaf:
        rxs.append((_anchor(paraaf), _LB + _lit(paraaf) + _LE, "paraaf", "paraaf"))
    word_like = paraaf.isupper() or paraaf.istitle()
    return _Person(
        tuple((a, _Lazy(rx), cat, form) for a, rx, cat, form in rxs),
        token_keys(p),
        p.naam,
        n.core,
        _fold(n.surname),
        _fold(p.voornaam or n.given or ""),
        bool(n.core) and not n.tussen and context.is_common_word(fold(n.core).text),
        bool(paraaf) and word_like and context.is_common_word(paraaf),
    )


@dataclass(frozen=True)
class _Register:
    """What the matchers need of a list of people, worked out once: patterns, phone keys, e-mails."""

    entries: tuple[tuple[str, _Lazy, str, str], ...]  # (anchor, regex, category, person id)
    forms: tuple[str, ...]  # per entry: "" (full form), "achternaam", "voornaam", "paraaf"
    owners: dict[str, str]  # phone key -> the first person with that number
    emails: frozenset[str]
    people: dict[str, _Person]
    # first letter run -> (person id, key, form): "token" with an initial or first name, "token-zwak" the
    # surname or first name alone, "token-woord" that alone and an ordinary word ("post", "jan")
    tokens: dict[str, tuple[tuple[str, tuple[str, ...], str], ...]]


# Registers by the identity of an immutable tuple of people (hashing 100 dataclasses for every
# text cost more than the matching); the tuple itself is kept so its id cannot be reused.
_REGISTERS: dict[int, tuple[tuple[PersonData, ...], _Register]] = {}
# And by value, once per new tuple: every dossier of a build hands in its own tuple of the same people, and
# building a register of thousands of people per dossier made the public build's cost grow with the corpus.
_REGISTERS_BY_VALUE: dict[tuple[PersonData, ...], _Register] = {}


def _register(people: Sequence[PersonData]) -> _Register:
    cached = _REGISTERS.get(id(people))
    if cached is not None and cached[0] is people:
        return cached[1]
    value = people if isinstance(people, tuple) else tuple(people)  # a list: by its value now (it may change)
    same = _REGISTERS_BY_VALUE.get(value)
    if same is not None:
        if value is people:
            if len(_REGISTERS) >= 16:
                _REGISTERS.clear()
            _REGISTERS[id(people)] = (people, same)
        return same
    owners: dict[str, str] = {}
    for p in people:
        key = registered_phone_key(p.telefoon or "")
        if key:
            owners.setdefault(key, p.id)
    compiled = {p.id: _person(p) for p in reversed(people)}  # the first of two equal ids wins
    tokens: dict[str, list[tuple[str, tuple[str, ...], str]]] = {}
    for p in people:
        person = compiled[p.id]
        for letters in person.keys.strong:
            tokens.setdefault(letters[0], []).append((p.id, letters, "token"))
        for letters in person.keys.weak:
            common = context.is_common_word("".join(letters))
            if common and letters == tuple(ascii_parts(person.voornaam)):
                continue  # "jan" in "rapport_jan_2024.pdf" is January far more often than Jan
            form = "token-woord" if common else "token-zwak"
            tokens.setdefault(letters[0], []).append((p.id, letters, form))
    entries = [(a, rx, cat, p.id, form) for p in people for a, rx, cat, form in _person(p).entries]
    register = _Register(
        tuple(e[:4] for e in entries),
        tuple(e[4] for e in entries),
        owners,
        frozenset(_fold(p.email.strip()) for p in people if p.email),
        compiled,
        {first: tuple(dict.fromkeys(keys)) for first, keys in tokens.items()},
    )
    if isinstance(people, tuple):  # a list could change under us: no caching
        if len(_REGISTERS) >= 16:
            _REGISTERS.clear()
        _REGISTERS[id(people)] = (people, register)
    if len(_REGISTERS_BY_VALUE) >= 16:
        _REGISTERS_BY_VALUE.clear()
    _REGISTERS_BY_VALUE[value] = register
    return register


_ANCHORS: dict[int, tuple[_Register, Candidates]] = {}


def _anchors(register: _Register) -> Candidates:
    """The entries' anchors as one automaton (a big register has thousands), and a paraaf of letters
    only by its exact run: by anchor, "abe" is in "aberdeen", and the parafen run per text grew with
    the register (40 of 1,000 people, 162 of 5,000). Its pattern is _LB + _lit(paraaf) + _LE."""
    found = _ANCHORS.get(id(register))
    if found is None or found[0] is not register:
        if len(_ANCHORS) >= 16:
            _ANCHORS.clear()
        runs = [rx.source[len(_LB):-len(_LE)] if category == "paraaf" and rx.source.startswith(_LB)
                and rx.source.endswith(_LE) else None for _a, rx, category, _pid in register.entries]
        found = _ANCHORS[id(register)] = (register, Candidates([e[0] for e in register.entries], runs))
    return found[1]


def _raw_hits(text: str, people: Sequence[PersonData]) -> list[Hit]:
    """Every match of every form, overlapping, on text in its matching form."""
    register = _register(people)
    folded = text.casefold()
    # most people of the register are absent from a given document: a substring test
    # is far cheaper than running their regexes over the whole text
    entries, forms = register.entries, register.forms
    hits = [
        Hit(m.start(), m.end(), entries[i][2], entries[i][3], forms[i])
        for i in _anchors(register).present(text, folded)  # every entry that can match, in one pass
        for m in entries[i][1].finditer(text)
    ]
    hits += _token_hits(text, register)
    owners = register.owners
    phones = _scan_phones(text, lambda ph: ph.key in owners) if owners else []
    return hits + [Hit(ph.start, ph.end, "telefoon", owners[ph.key]) for ph in phones]


# --------------------------------------------------------------------------- URLs, e-mail, file names

_TOKEN = re.compile(r"\S+")
_URLISH = re.compile(r"[/@_%\\]|\[at\]|\(at\)|[^\W\d_]\.[^\W\d_]", re.IGNORECASE)


def _token_hits(text: str, register: _Register) -> Iterator[Hit]:
    """The name as part of a URL, e-mail address, path or file name, in any case and spelling."""
    if not register.tokens:
        return
    for m in _TOKEN.finditer(text):
        if not _URLISH.search(m.group()):
            continue
        a, b = m.start(), m.end()
        while a < b and text[a] in "([{<\"'":
            a += 1
        while b > a and text[b - 1] in ".,;:!?)]}>\"'":
            b -= 1
        parts = ascii_parts(urllib.parse.unquote(text[a:b]))
        found: dict[str, str] = {}  # person id -> the strongest form found
        for i, part in enumerate(parts):
            for pid, key, form in register.tokens.get(part, ()):
                if tuple(parts[i : i + len(key)]) == key:
                    found[pid] = min(found.get(pid, form), form)  # "token" < "token-woord" < "token-zwak"
        for pid, form in found.items():
            yield Hit(a, b, "naam", pid, form)


# --------------------------------------------------------------------------- context


@dataclass(frozen=True)
class _Public:
    """Surnames and first names of the people whose names stay visible."""

    surnames: dict[str, str]  # casefolded surname -> naam as printed
    voornamen: dict[str, str]


_PUBLICS: dict[int, tuple[tuple[PersonData, ...], _Public]] = {}


def _public(public: Sequence[PersonData]) -> _Public:
    """The visible people's names; per tuple of people (by identity, like _register), as every text asks again."""
    cached = _PUBLICS.get(id(public))
    if cached is not None and cached[0] is public:
        return cached[1]
    found = _public_names(public)
    if isinstance(public, tuple):  # a list could change under us: no caching
        if len(_PUBLICS) >= 16:
            _PUBLICS.clear()
        _PUBLICS[id(public)] = (public, found)
    return found


def _public_names(public: Sequence[PersonData]) -> _Public:
    surnames: dict[str, str] = {}
    voornamen: dict[str, str] = {}
    for p in public:
        n = _parse_name(p.naam)
        if n.core:
            surnames.setdefault(_fold(n.surname), p.naam)
        given = p.voornaam or n.given
        if given:
            voornamen.setdefault(_fold(given), p.naam)
    return _Public(surnames, voornamen)


def _in_code(text: str, h: Hit) -> bool:
    """Whether the hit stands in a code such as a kenmerk ("DB-EU/2023", "26061157EU")."""
    a = h.start
    while a and not text[a - 1].isspace():
        a -= 1
    b = h.end
    while b < len(text) and not text[b].isspace():
        b += 1
    around = text[a : h.start] + text[h.end : b]
    return bool(re.search(r"[\d/_]", around))


def _decide(text: str, h: Hit, register: _Register, public: _Public) -> Hit | Doubt | None:
    """A hit, a doubt for a person to decide, or None where the context says it is not the person."""
    if not h.form or h.form == "token" or h.person_id is None:
        return h
    person = register.people[h.person_id]
    before, after = text[max(0, h.start - 40) : h.start], text[h.end : h.end + 40]
    found = text[h.start : h.end]
    if h.form.startswith("token"):  # the surname or first name alone in a URL or file name
        other = public.surnames.get(person.surname) or public.voornamen.get(person.voornaam)
        if h.form == "token-woord" or other:
            why = f"ook de naam van {other} (blijft zichtbaar)" if other else "ook een gewoon woord"
            return Doubt(h.start, h.end, h.person_id, f'"{found}" bevat de naam van {person.naam}, maar die is {why}')
        return h
    if h.form == "paraaf":
        if _in_code(text, h):
            return h  # "DB-JOu/26061157", "26061157EU"
        if context.compound_after(after) or context.word_before(before):
            return None  # "EU-subsidie", "anti-EU": part of a word
        if person.common_paraaf:
            return Doubt(h.start, h.end, h.person_id,
                         f'"{found}" is de paraaf van {person.naam}, maar ook een gewoon woord of afkorting')
        return h
    if context.politician_context(before, after):
        return None  # "het lid Bakker", "Bakker (VVD)": a politician, whoever else is called so
    if h.form == "voornaam":
        if context.capital_after(after) or context.compound_before(before):
            return None  # "Joost Klein", "Willem-Alexander", "Jan-Willem": somebody else's name
        named = context.salutation_before(before) or context.civil_context(before)
        if named and not found.endswith("'") and found.casefold() != person.voornaam:
            return None  # "collega Pieters": a surname made of a first name, not "Pieter's"
        other = public.voornamen.get(person.voornaam)
        if other:
            return Doubt(h.start, h.end, h.person_id,
                         f'"{found}" kan {person.naam} (gelakt) zijn of {other} (blijft zichtbaar)')
        return h
    other = public.surnames.get(person.surname)
    if context.civil_context(before):
        return h  # "collega Bakker", "jurist Bakker"
    if other:
        return Doubt(h.start, h.end, h.person_id,
                     f'"{found}" kan {person.naam} (gelakt) zijn of {other} (blijft zichtbaar)')
    if context.salutation_before(before):
        return h  # "mevrouw Koning"
    if person.common_surname:
        if context.other_name_before(before) or context.capital_after(after):
            return None  # "Den Haag", "de Koning", "Koning Willem-Alexander", "Haags Protocol"
        return Doubt(h.start, h.end, h.person_id,
                     f'"{found}" is de achternaam van {person.naam}, maar ook een gewoon woord of een plaats')
    return h


def match_people(text: str, people: Sequence[PersonData], public: Sequence[PersonData] = ()) -> Matches:
    """Personal data of `people` in text, and the places a person must decide.

    Hits are non-overlapping and sorted; the longest match wins. Names match as whole
    words in every form of name_forms(), with the genitive ("Ouwehands", "Claes'"), as the
    first part of a compound ("Ouwehand-memo"), as the first name alone ("Joost belde"),
    and inside URLs, e-mail addresses and file names in any case. E-mail addresses match in
    any case and as people disguise them ("[at]", " @ ", "%40"); telephone numbers however
    spaced, punctuated or typed (full-width digits, any dash); a paraaf as a whole word in
    its exact case, also inside a kenmerk. Matching runs on the text's matching form
    (pipeline.content.text.fold) and offsets refer to `text`.

    Where only the surname, first name or paraaf stands, the words around it decide: "het
    lid Bakker" is a politician, "Den Haag" a place, "Koning Willem-Alexander" the King,
    "collega Bakker" the civil servant. Where they do not and the name is also an ordinary
    word or place, or also the name of someone in `public` (whose names stay visible), the
    place is a Doubt, not a guess.
    """
    t = _Text(text)
    found = _decided(t.norm, people, public)
    raw = [t.to_raw(Hit(d.start, d.end, "naam", d.person_id)) for d in found.doubts]
    return Matches([t.to_raw(h) for h in found.hits],
                   [replace(d, start=r.start, end=r.end) for d, r in zip(found.doubts, raw, strict=True)])


def _decided(norm: str, people: Sequence[PersonData], public: Sequence[PersonData]) -> Matches:
    """match_people on text already in its matching form; offsets into that form."""
    register = _register(people)
    pub = _public(public)
    hits: list[Hit] = []
    doubts: list[Doubt] = []
    for h in _resolve(_raw_hits(norm, people)):
        decided = _decide(norm, h, register, pub)
        if isinstance(decided, Hit):
            hits.append(decided)
        elif isinstance(decided, Doubt):
            doubts.append(decided)
    return Matches(hits, doubts)


def _registered_hits(norm: str, people: Sequence[PersonData]) -> list[Hit]:
    """What the unregistered-data scan must leave alone: every place a registered person may stand."""
    found = _decided(norm, people, ())
    return found.hits + [Hit(d.start, d.end, "naam", d.person_id, "twijfel") for d in found.doubts]


def find_person_data(text: str, people: Sequence[PersonData]) -> list[Hit]:
    """All personal data of `people` in text (see match_people); a doubt counts as a hit here.

    Of two people with the same form, the first in `people` gets the hit.
    """
    found = match_people(text, people)
    doubts = [Hit(d.start, d.end, "naam", d.person_id, "twijfel") for d in found.doubts]
    return sorted(found.hits + doubts, key=lambda h: h.start)
