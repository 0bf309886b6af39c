"""Name forms of a registered person: initials, titles, tussenvoegsels, surname alone."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from redaction.matchers._text import _APOSTROPHES, _HYPHEN, PersonData, _caseless, _lit, _words

# --------------------------------------------------------------------------- names

# Lower-case forms; a tussenvoegsel is matched in any case ("de Vries", "De Vries").
TUSSENVOEGSELS = frozenset(
    [
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "te",
        "ten",
        "ter",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "voor",
        "onder",
        "over",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "des",
        "dos",
        "das",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "'s",
        "el",
        "al",
    ]
)
_TITLE_WORDS = "prof|drs|dr|mr|ir|ing|ds"
_TITLE_TOKEN = re.compile(rf"(?:(?:{_TITLE_WORDS})\.)*(?:{_TITLE_WORDS})\.?", re.IGNORECASE)
_POSTNOMINALS = frozenset(["msc", "ma", "bsc", "ba", "llm", "ll.m.", "mba", "phd", "ra", "rc", "mpa", "emba", "mphil"])
_INITIAL = r"IJ|Th|Chr|Ch|Ph|Fr|Joh|Jac|Wm|[A-Z]"  # Dutch multi-letter initials first
_INITIALS_TOKEN = re.compile(rf"(?:(?:{_INITIAL})\.)+")


@dataclass(frozen=True)
class _Name:
    """A printed name taken apart: "dr. A.B. de Vries" → titles, initials, surname."""

    titles: tuple[str, ...]  # as printed: ("dr.",)
    initials: tuple[str, ...]  # ("A", "B"), ("Th",)
    given: str  # given names printed in the naam, "" if none
    tussen: str  # "de", "van den", "" if none
    core: str  # "Vries", "Jansen-de Groot", "Öztürk"

    @property
    def surname(self) -> str:
        return f"{self.tussen} {self.core}".strip()


def _fold(word: str) -> str:
    for ch in _APOSTROPHES[1:]:
        word = word.replace(ch, "'")
    return word.casefold()


def _is_tussen(token: str) -> bool:
    return _fold(token) in TUSSENVOEGSELS


def _surname_start(tokens: Sequence[str]) -> int:
    """Index where the surname begins: a tussenvoegsel, "Jansen-de …", or the last token."""
    for i, tok in enumerate(tokens[:-1]):
        if _is_tussen(tok) or ("-" in tok and _is_tussen(tok.rsplit("-", 1)[1])):
            return i
    return max(len(tokens) - 1, 0)


@lru_cache(maxsize=8192)
def _parse_name(naam: str) -> _Name:
    tokens = unicodedata.normalize("NFC", naam).replace(",", " ").split()
    while tokens and _fold(tokens[-1]) in _POSTNOMINALS:
        tokens.pop()
    titles: list[str] = []
    while len(tokens) > 1 and _TITLE_TOKEN.fullmatch(tokens[0]):
        titles.append(tokens.pop(0))
    initials: list[str] = []
    while len(tokens) > 1 and _INITIALS_TOKEN.fullmatch(tokens[0]):
        initials += re.findall(_INITIAL, tokens.pop(0))
    k = _surname_start(tokens)
    given, surname = tokens[:k], tokens[k:]
    tussen: list[str] = []
    while len(surname) > 1 and _is_tussen(surname[0]):
        tussen.append(surname.pop(0))
    return _Name(tuple(titles), tuple(initials), " ".join(given), " ".join(tussen), " ".join(surname))


def _derived_initials(n: _Name, voornaam: str | None) -> tuple[str, ...]:
    """Initials as printed, else the first letters of the given names ("Jan-Willem" → J, W)."""
    if n.initials:
        return n.initials
    names = n.given or (voornaam or "")
    return tuple(part[0] for part in re.split(rf"(?:\s|{_HYPHEN})+", names) if part[:1].isupper())


def _surname_forms(n: _Name) -> list[tuple[str, str]]:
    core = _words(n.core)
    if not n.tussen:
        return [(n.core, core)]
    rx = _caseless(n.tussen) + r"\s+" + core
    capitalised = n.tussen[:1].upper() + n.tussen[1:]
    return [(capitalised + " " + n.core, rx), (n.tussen + " " + n.core, rx)]


def _initial_forms(initials: tuple[str, ...], surname: str, surname_rx: str) -> list[tuple[str, str]]:
    if not initials:
        return []
    dotted = r"\s*".join(_lit(i) + r"\." for i in initials)
    first = _lit(initials[0])
    forms = [("".join(i + "." for i in initials) + " " + surname, dotted + r"\s*" + surname_rx)]
    if len(initials) > 1 and all(len(i) == 1 for i in initials):
        forms.append(("".join(initials) + " " + surname, "".join(initials) + r"\s+" + surname_rx))
    if len(initials) > 1:
        forms.append((initials[0] + ". " + surname, first + r"\.\s*" + surname_rx))
    if len(initials[0]) == 1:
        forms.append((initials[0] + " " + surname, first + r"\s+" + surname_rx))
    return forms


def _title_rx(titles: Sequence[str]) -> str:
    parts = [p for t in titles for p in t.split(".") if p]
    return "".join(_caseless(p) + r"\.?\s*" for p in parts)


def _name_forms(p: PersonData) -> list[tuple[str, str]]:
    """(form as a reader sees it, regex matching it), longest form first."""
    n = _parse_name(p.naam)
    if not n.core:
        return []
    surname_forms = _surname_forms(n)
    plain, surname_rx = surname_forms[-1]
    lead = "".join(i + "." for i in n.initials) + (" " if n.initials and n.given else "") + n.given
    lead_rx = r"\s*".join(_lit(i) + r"\." for i in n.initials)
    lead_rx += (r"\s*" if n.initials and n.given else "") + (_words(n.given) if n.given else "")
    body = f"{lead} {plain}".strip()
    body_rx = f"{lead_rx}\\s*{surname_rx}" if lead else surname_rx
    forms = [(" ".join([*n.titles, body]), _title_rx(n.titles) + body_rx), (body, body_rx)]
    for given in (n.given, p.voornaam or ""):
        if given:
            forms.append((f"{given} {plain}", _words(given) + r"\s+" + surname_rx))
    forms += _initial_forms(_derived_initials(n, p.voornaam), plain, surname_rx)
    forms += surname_forms
    unique: dict[str, str] = {}
    for form, rx in forms:
        unique.setdefault(unicodedata.normalize("NFC", " ".join(form.split())), rx)
    return sorted(unique.items(), key=lambda f: -len(f[0]))


def name_forms(p: PersonData) -> list[str]:
    """Every form of p's name a reader would recognise, longest first.

    The matcher also accepts each form with any run of white space between words,
    in NFC or NFD, with the tussenvoegsel in either case ("de Vries", "De Vries"),
    with spaced initials ("A. B. de Vries") and hyphen or apostrophe variants.
    """
    return [form for form, _ in _name_forms(p)]




# --------------------------------------------------------------------------- forms by kind

# The Dutch genitive and possessive after any form: "Ouwehands", "Ouwehand's", "Claes'".
GENITIVE = "(?:'s|s|')?"


@dataclass(frozen=True)
class NameRegexes:
    """One person's name patterns, by how much a hit of each says on its own."""

    full: str  # with initials, a given name or a title: the person, whatever else is around
    surname: str  # the surname alone: context may make it a word, a place or somebody else
    voornaam: str  # the first name alone, capitalised ("Joost belde"); "" when not registered
    core: str  # the surname without tussenvoegsel, as the word lists know it ("Koning")
    has_tussen: bool


def _key(form: str) -> str:
    return unicodedata.normalize("NFC", " ".join(form.split()))


def name_regexes(p: PersonData) -> NameRegexes | None:
    n = _parse_name(p.naam)
    if not n.core:
        return None
    bare = {_key(form) for form, _ in _surname_forms(n)}
    forms = _name_forms(p)
    full = [rx for form, rx in forms if form not in bare]
    surname = [rx for form, rx in forms if form in bare]
    given = (p.voornaam or n.given or "").strip()
    alt = "|".join(dict.fromkeys(full))
    return NameRegexes(
        full=f"(?:{alt}){GENITIVE}" if full else "",
        surname=f"(?:{'|'.join(dict.fromkeys(surname))}){GENITIVE}",
        voornaam=f"{_words(given)}{GENITIVE}" if len(given) >= 2 else "",
        core=n.core,
        has_tussen=bool(n.tussen),
    )


def ascii_parts(text: str) -> list[str]:
    """Lower-case ASCII letter runs of a text: "Öztürk_J-v2" → ["ozturk", "j", "v"]."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return re.findall(r"[a-z]+", plain.casefold())


@dataclass(frozen=True)
class TokenKeys:
    """The name as it stands in a URL, e-mail address or file name, in letter runs."""

    strong: tuple[tuple[str, ...], ...]  # with an initial or the first name: always the person
    weak: tuple[tuple[str, ...], ...]  # the surname or first name alone


def token_keys(p: PersonData) -> TokenKeys:
    n = _parse_name(p.naam)
    core, tussen = ascii_parts(n.core), ascii_parts(n.tussen)
    if not core:
        return TokenKeys((), ())
    given = ascii_parts(p.voornaam or n.given or "")
    initials = [i.casefold() for i in _derived_initials(n, p.voornaam)]
    surname = [*tussen, *core]
    strong: list[tuple[str, ...]] = []
    for lead in ([given] if given else []) + ([initials[:1], initials] if initials else []):
        strong += [(*lead, *surname), ("".join(lead + surname),), (*lead, "".join(surname))]
    if tussen:
        strong += [("".join(surname),)]
    weak = [tuple(surname)] + ([tuple(given)] if given and len("".join(given)) >= 3 else [])
    return TokenKeys(tuple(dict.fromkeys(strong)), tuple(dict.fromkeys(weak)))
