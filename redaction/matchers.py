"""Pure text matching for the Woo redaction: registered personal data and unregistered findings."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


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


# --------------------------------------------------------------------------- text


class _Text:
    """The searched text in NFC, with a map back to the caller's offsets.

    Matching runs on NFC so that "Öztürk" typed as O + combining diaeresis (NFD) still
    matches; every hit is mapped back so that offsets always refer to the caller's text.
    """

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.norm = unicodedata.normalize("NFC", raw)
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        if self.norm != raw:
            self._build_map()

    def _build_map(self) -> None:
        starts: list[int] = []
        ends: list[int] = []
        i, raw = 0, self.raw
        while i < len(raw):
            j = i + 1
            while j < len(raw) and unicodedata.combining(raw[j]):
                j += 1
            # one base character and its marks normalise independently of the rest
            size = len(unicodedata.normalize("NFC", raw[i:j]))
            starts += [i] * size
            ends += [j] * size
            i = j
        self._starts, self._ends = starts, ends

    def to_raw(self, hit: Hit) -> Hit:
        if self._starts is None or self._ends is None:
            return hit
        return Hit(self._starts[hit.start], self._ends[hit.end - 1], hit.category, hit.person_id)


def _resolve(hits: Sequence[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (ties: the earlier one found); sort by offset."""
    order = sorted(range(len(hits)), key=lambda i: (hits[i].start - hits[i].end, hits[i].start, i))
    starts: list[int] = []  # kept hits, disjoint, sorted by start
    kept: list[Hit] = []
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

_HYPHENS = "-\u2010\u2011"  # ASCII hyphen, hyphen, non-breaking hyphen (Word uses it)
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


# --------------------------------------------------------------------------- e-mail

_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")


def _email_rx(email: str) -> str:
    # a following "." ends the sentence, unless a domain label goes on after it
    address = unicodedata.normalize("NFC", email.strip())
    return rf"(?<![\w.+\-]){_caseless(address)}(?![\w\-]|\.[\w\-])"


# --------------------------------------------------------------------------- telephone

_GROUP = re.compile(r"\+?\d+")
# what may stand between two digit groups of one number: a space (or line break), a
# hyphen or slash with optional spaces, a parenthesis as in "(0)6" or "(070) 123", or a
# bare dot ("070.1234567"); ". " ends a sentence and so ends the number
_GAP = re.compile(r"\s*[-\u2010\u2011\u2013/()]?\s*|\.")
_NOT_BEFORE = set("@/.,_-=&#")
_DATE = re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_SERVICE = ("800", "900", "906", "909")  # 0800 / 090x: 4 or 7 digits after the prefix
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d){10}\b")


@dataclass(frozen=True)
class _Phone:
    start: int
    end: int
    key: str  # national significant number ("641234567"), or "+<digits>" when foreign
    groups: tuple[str, ...]


def _phone_key(groups: Sequence[str]) -> str | None:
    """The number's identity however it is written: +31 / 0031 / (0) / trunk 0 removed."""
    digits = "".join(groups)
    if digits.startswith("+"):
        intl = digits[1:]
    elif digits.startswith("00"):
        intl = digits[2:]
    elif digits.startswith("0"):
        return digits[1:]
    else:
        return None
    if intl.startswith("31"):
        return intl[2:].removeprefix("0")
    # foreign: drop a "(0)" trunk group as in "+44 (0)20 …"
    rest = list(groups[1:])
    if "0" in rest:
        rest.remove("0")
    return "+" + "".join([groups[0], *rest]).lstrip("+0")


def _runs(text: str) -> Iterator[list[re.Match[str]]]:
    """Digit groups that stand together as one possible number."""
    run: list[re.Match[str]] = []
    for m in _GROUP.finditer(text):
        joined = run and not m.group().startswith("+") and _GAP.fullmatch(text[run[-1].end() : m.start()])
        if run and not joined:
            yield run
            run = []
        run.append(m)
    if run:
        yield run


def _can_start(text: str, m: re.Match[str]) -> bool:
    prev = text[m.start() - 1] if m.start() else " "
    return not (prev.isalnum() or prev in _NOT_BEFORE)


def _can_end(text: str, m: re.Match[str]) -> bool:
    after = text[m.end() : m.end() + 2]
    if not after:
        return True
    # "0,5" and "1.000" are amounts, "06…@" is the local part of an e-mail address
    return not (after[0].isalnum() or after[0] in "@_" or re.fullmatch(r"[.,]\d", after))


def _phone_span(text: str, run: Sequence[re.Match[str]], i: int, j: int) -> tuple[int, int]:
    start = run[i].start()
    closes = j > i and ")" in text[run[i].end() : run[i + 1].start()]
    if start and text[start - 1] == "(" and closes:  # "(070) 456 78 90"
        start -= 1
    return start, run[j].end()


def _scan_phones(text: str, accept: Callable[[_Phone], bool]) -> list[_Phone]:
    """Numbers in text that `accept` takes; at each start the longest accepted one."""
    found: list[_Phone] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            best = None
            if _can_start(text, run[i]):
                for j in range(i, min(len(run), i + 8)):
                    groups = tuple(m.group() for m in run[i : j + 1])
                    key = _phone_key(groups)
                    if key and _can_end(text, run[j]):
                        phone = _Phone(*_phone_span(text, run, i, j), key, groups)
                        best = (j, phone) if accept(phone) else best
            if best:
                found.append(best[1])
                i = best[0] + 1
            else:
                i += 1
    return found


def _is_plausible_phone(text: str, p: _Phone) -> bool:
    """Dutch numbers (06, 0xx, +31, 0800/090x) and foreign ones written with "+" or "00"."""
    written = text[p.start : p.end]
    if _DATE.match(written.lstrip("(")):
        return False
    if p.key.startswith("+"):
        return 8 <= len(p.key) - 1 <= 15
    if p.key[:1] in ("", "0"):
        return False
    if p.key.startswith(_SERVICE) and len(p.groups[0].lstrip("+")) >= 4:
        return len(p.key) in (7, 10)  # "09.00-17.00" has no 4-digit first group
    return len(p.key) == 9


def registered_phone_key(telefoon: str) -> str | None:
    """Normalised key of a registered number ("06 41234567" → "641234567")."""
    key = _phone_key(_GROUP.findall(telefoon))
    return key if key and len(key.lstrip("+")) >= 6 else None


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


# --------------------------------------------------------------------------- unregistered

_SALUTATION = (
    r"[Mm]evrouw|[Mm]evr\.|[Mm]w\.?|[Mm]ej\.|[Mm]eneer|[Dd]e\s+[Hh]eer|[Gg]eachte\s+[Hh]eer"
    r"|[Dd]hr\.?|[Hh]r\."
)
_TITLE = r"(?:[Pp]rof|[Dd]rs|[Dd]r|[Mm]r|[Ii]r|[Ii]ng|[Dd]s)\.?"
# role nouns put straight before a surname in ministry prose ("collega Pieters")
_ROLE = (
    r"[Cc]ollega|[Oo]ud-collega|[Aa]fdelingshoofd|[Tt]eamleider|[Bb]eleidsmedewerker"
    r"|[Mm]edewerker|[Aa]dviseur|[Cc]ontactpersoon|[Bb]ehandelaar|[Ww]oordvoerder"
)
# after a role noun a capitalised word may name a unit instead ("medewerker Communicatie")
_UNIT_SUFFIXES = ("heid", "schap", "atie", "itie", "zaken", "beleid", "voering", "zorg", "kunde", "wezen", "middelen")
_TUSSEN = r"(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Hh]et|[Tt]er|[Tt]en|[Tt]e|[Ii]n|[Oo]p|[Uu]it|[Vv]on|[Ll]a|[Ll]e|[Dd]u|['’]t)"
_CORE = rf"[^\W\d_]\w*(?:['’]\w+)*(?:{_HYPHEN}(?:{_TUSSEN}\s+)*[^\W\d_]\w*)*"
_INITIALS = rf"(?:(?:{_INITIAL})\.\s?){{1,5}}\s*"
_SURNAME = rf"(?P<tus>(?:{_TUSSEN}\s+){{0,3}})(?P<core>{_CORE})"
_AFTER_TRIGGER = re.compile(
    rf"{_B}(?P<trig>(?:(?P<role>{_ROLE})|{_SALUTATION}|{_TITLE})(?:\s+{_TITLE})*)\s+"
    rf"(?P<name>(?P<init>{_INITIALS})?{_SURNAME}){_E}"
)
_AFTER_INITIALS = re.compile(rf"(?<![\w.])(?P<name>(?P<init>{_INITIALS}){_SURNAME}){_E}")
_ORG_SUFFIXES = (
    "dienst",
    "ministerie",
    "raad",
    "bank",
    "bureau",
    "autoriteit",
    "inspectie",
    "staat",
    "zaken",
    "financiën",
    "instituut",
    "college",
    "kamer",
    "gemeente",
    "provincie",
    "universiteit",
)
# "mevrouw Anne Jansen": the first capitalised word after a salutation may be a given name
_MORE_NAME = re.compile(rf"\s+(?:{_TUSSEN}\s+){{0,3}}(?P<core>{_CORE}){_E}")
# a letter and a dot after these words labels an item ("bijlage B. Daarnaast …")
_ITEM_WORDS = re.compile(
    r"(?:bijlage|punt|optie|variant|scenario|artikel|onderdeel|fase|categorie|lid|deel"
    r"|paragraaf|hoofdstuk|tabel|figuur|model|type|klasse|route|sub|ad|plan|stap|versie|vak|blok|thema|spoor"
    r"|module|bijl\.)\s*$",
    re.IGNORECASE,
)
# letter-dot abbreviations that are not initials: notes, royalty, company forms
_NOT_INITIALS = frozenset(
    {"N.B.", "P.S.", "A.U.B.", "S.V.P.", "Z.K.H.", "H.M.", "H.K.H.", "N.V.", "B.V.", "C.V.", "V.O.F.", "U.A.", "W.A."}
)
# capitalised words that follow a title or a letter-dot in ordinary prose
STOPWORDS = frozenset(
    [
        "De",
        "Het",
        "Een",
        "Dit",
        "Dat",
        "Deze",
        "Die",
        "Daar",
        "Daarnaast",
        "Daarna",
        "Daarom",
        "Daardoor",
        "Daarbij",
        "Daarmee",
        "Daarvoor",
        "Daarin",
        "Daarop",
        "Dan",
        "Dus",
        "Hierbij",
        "Hiermee",
        "Hierin",
        "Hierdoor",
        "Hiervoor",
        "Hierover",
        "Hiervan",
        "Ook",
        "Verder",
        "Tevens",
        "Voorts",
        "Vervolgens",
        "Bovendien",
        "Echter",
        "Inmiddels",
        "Momenteel",
        "Uiteindelijk",
        "Tenslotte",
        "Kortom",
        "Wel",
        "Niet",
        "Nog",
        "Nu",
        "Toen",
        "Tot",
        "Zo",
        "Zoals",
        "Want",
        "Maar",
        "En",
        "Of",
        "Omdat",
        "Hoewel",
        "Indien",
        "Wanneer",
        "Zodra",
        "Waar",
        "Wat",
        "Wie",
        "Welke",
        "Hoe",
        "Waarom",
        "Graag",
        "Helaas",
        "Volgens",
        "Tijdens",
        "Sinds",
        "Gezien",
        "Gelet",
        "Vanwege",
        "Namens",
        "Mede",
        "Alleen",
        "Zowel",
        "Beide",
        "Iedere",
        "Veel",
        "Minder",
        "Andere",
        "Eerder",
        "Later",
        "Bijgaand",
        "Conform",
        "In",
        "Op",
        "Om",
        "Voor",
        "Na",
        "Met",
        "Bij",
        "Als",
        "Er",
        "Ter",
        "Aan",
        "Uit",
        "Over",
        "Onder",
        "Tussen",
        "Door",
        "Naar",
        "Wij",
        "We",
        "Ik",
        "Zij",
        "Ze",
        "Hij",
        "U",
        "Uw",
        "Ons",
        "Onze",
        "Mijn",
        "Alle",
        "Geen",
        "Minister",
        "Ministers",
        "Minister-President",
        "Staatssecretaris",
        "Kamer",
        "Kamerlid",
        "Kamerleden",
        "Tweede",
        "Eerste",
        "Ministerie",
        "Rijk",
        "Rijksoverheid",
        "Directie",
        "Directeur",
        "Directeur-Generaal",
        "Secretaris-Generaal",
        "Kabinet",
        "Voorzitter",
        "Nederland",
        "Den",
        "Haag",
        "Zie",
        "Bijlage",
        "Tabel",
        "Figuur",
        "Nota",
        "Kamerbrief",
        "Rapportage",
        "Aanleiding",
        "Toelichting",
        "Advies",
        "Besluit",
        "Geachte",
        "Hoogachtend",
        "Januari",
        "Februari",
        "Maart",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Augustus",
        "September",
        "Oktober",
        "November",
        "December",
        "Maandag",
        "Dinsdag",
        "Woensdag",
        "Donderdag",
        "Vrijdag",
        "Zaterdag",
        "Zondag",
        "Postbus",
    ]
)


def _surname_key(text: str) -> str:
    return " ".join(_fold(w) for w in text.split())


def _keep_keys(keep_names: Sequence[str]) -> set[str]:
    if isinstance(keep_names, tuple):
        return _keep_keys_of(keep_names)
    return _keep_keys_uncached(keep_names)


@lru_cache(maxsize=16)
def _keep_keys_of(keep_names: tuple[str, ...]) -> set[str]:
    return _keep_keys_uncached(keep_names)


def _keep_keys_uncached(keep_names: Sequence[str]) -> set[str]:
    keys = {_surname_key(_parse_name(k).surname) for k in keep_names if k.strip()}
    return keys | {_surname_key(k) for k in keep_names if k.strip()}


def _is_name(text: str, m: re.Match[str], keep: set[str], via_initials: bool) -> bool:
    """The rules that tell a surname from an ordinary capitalised word."""
    init, tus, core = m.group("init") or "", m.group("tus") or "", m.group("core")
    if not core[0].isupper() or (core.isupper() and len(core) > 1) or core in STOPWORDS:
        return False
    # "mevrouw de Vries" is common; "collega van Financiën", "mevrouw in Den Haag" are not names
    lower_tussen = bool(tus) and tus[0].islower() and not init
    if lower_tussen and (m.groupdict().get("role") or _fold(tus.split()[0]) in {"in", "op", "uit", "het"}):
        return False
    if m.groupdict().get("role") and not init and core.casefold().endswith(_UNIT_SUFFIXES):
        return False
    if _surname_key(tus + " " + core) in keep or _surname_key(core) in keep:
        return False
    if via_initials:
        if init.replace(" ", "") in _NOT_INITIALS:
            return False
        single = len(re.findall(_INITIAL, init)) == 1
        if single and _ITEM_WORDS.search(text[max(0, m.start() - 40) : m.start()]):
            return False
    return True


def _name_end(text: str, m: re.Match[str], keep: set[str]) -> int:
    """Where the name ends: up to two more capitalised words after a bare given name."""
    end = m.end("name")
    if m.group("init") or m.group("tus"):
        return end
    for _ in range(2):
        more = _MORE_NAME.match(text, end)
        core = more.group("core") if more else ""
        if not core[:1].isupper() or core.isupper() or core in STOPWORDS or _surname_key(core) in keep:
            break
        if core.casefold().endswith(_ORG_SUFFIXES):  # "de heer Bakker van de Belastingdienst"
            break
        end = more.end() if more else end
    return end


# --------------------------------------------------------------------------- first name + surname

FIRST_NAMES_FILE = Path(__file__).with_name("voornamen.txt")
# particles of Arabic and Berber surnames, capitalised as printed ("Fatima El Amrani")
_PARTICLE = r"(?:El|Al|Ben|Ait|Aït|Abou|Abu|Bou|Ould)"
# a capitalised word after a first name that ends like this names a street, a prize or an
# institution ("Johan de Wittlaan", "Hugo de Grootprijs"); "-huis", "-dijk" and "-weg"
# are not here: Veldhuis, Van Dijk and Hogeweg are surnames
_NOT_SURNAME_SUFFIXES = (
    *_ORG_SUFFIXES,
    *("laan", "straat", "plein", "kade", "gracht", "singel", "dreef", "prijs", "fonds", "lezing", "museum"),
    *("stichting", "centrum", "ziekenhuis", "school", "akkoord", "regeling", "kanaal", "stadion", "arena"),
)
# after the name, a word that makes it the name of a place or institution ("Anne Frank Huis")
_INSTITUTION_WORDS = frozenset(
    ["Huis", "Museum", "Fonds", "Prijs", "Stichting", "Instituut", "Ziekenhuis", "Lezing", "School", "College", "Universiteit", "Gebouw", "Zaal", "Centrum", "Arena", "Stadion", "Plein", "Laan", "Straat", "Kazerne", "Academie", "Leerstoel", "Kanaal"]
)
# "Jan Modaal", "Jan Publiek" and "Jan Soldaat" are nobody
_NOT_SURNAMES = frozenset(["Modaal", "Publiek", "Soldaat"])


def _names_a_place(word: str) -> bool:
    """A capitalised word after a name that makes the whole a place or an institution."""
    folded = word.casefold()
    return word in _INSTITUTION_WORDS or (word[:1].isupper() and folded.endswith((*_NOT_SURNAME_SUFFIXES, "weg")))


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """The common Dutch first names of voornamen.txt, in their exact case."""
    lines = FIRST_NAMES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _after_given_rx() -> re.Pattern[str]:
    given = "|".join(re.escape(n) for n in sorted(first_names(), key=len, reverse=True))
    # not after a hyphen or a dot: "Willem-Alexander", "www.anne.nl"
    return re.compile(
        rf"(?<![\w.{re.escape(_HYPHENS)}])(?P<given>{given})\s+"
        rf"(?P<name>(?P<tus>{_PARTICLE}\s+|(?:{_TUSSEN}\s+){{0,3}})(?P<core>{_CORE})){_E}"
    )


def _given_name_candidates(text: str, keep: set[str]) -> list[Hit]:
    """A known first name and a capitalised surname: "Jan de Boer", "Fatima El Amrani"."""
    hits = []
    for m in _after_given_rx().finditer(text):
        tus, core = m.group("tus"), m.group("core")
        if len(core) < 2 or not core[0].isupper() or core.isupper() or core in STOPWORDS or core in _NOT_SURNAMES:
            continue
        if tus and tus[0].islower() and _fold(tus.split()[0]) in {"in", "op", "uit", "het"}:
            continue  # "Sanne op Schiphol"
        if _surname_key(tus + " " + core) in keep or _surname_key(core) in keep:
            continue
        folded = core.casefold()
        if any(folded.endswith(s) and len(folded) > len(s) for s in _NOT_SURNAME_SUFFIXES):
            continue
        end = m.end()
        if core in first_names():  # "Jan Willem de Boer": the surname comes after the second given name
            more = _MORE_NAME.match(text, end)
            word = more.group("core") if more else ""
            name_like = word[:1].isupper() and not word.isupper() and word not in STOPWORDS
            if more and name_like and not _names_a_place(word):
                end = more.end()
        after = re.match(r"\s+(\w+)", text[end:])
        if after and _names_a_place(after.group(1)):
            continue  # "Anne Frank Huis", "Maarten Luther Kingweg"
        hits.append(Hit(m.start("given"), end, "naam", None))
    return hits


def _name_candidates(text: str, keep: set[str], register_texts: Sequence[str] = ()) -> list[Hit]:
    hits = []
    register: list[Hit] | None = None  # found when first needed: most texts have no role noun
    for rx, via_initials in ((_AFTER_TRIGGER, False), (_AFTER_INITIALS, True)):
        for m in rx.finditer(text):
            if _is_name(text, m, keep, via_initials):
                end = m.end("name") if via_initials else _name_end(text, m, keep)
                # "Afdelingshoofd Toetsing" printed from the register is a functie: the role
                # noun names a unit. Not so with a title after it ("Teamleider dr. Smit") or
                # a name that runs on past the register text.
                if register_texts and not via_initials and m.group("trig") == m.group("role"):
                    register = _register_spans(text, register_texts) if register is None else register
                    if any(r.start <= m.start() and end <= r.end for r in register):
                        continue
                hits.append(Hit(m.start("name"), end, "naam", None))
    return hits + _given_name_candidates(text, keep)


def _register_spans(text: str, register_texts: Sequence[str]) -> list[Hit]:
    """Where texts printed from the register (functie, organisation) stand in text."""
    spans = []
    for entry in dict.fromkeys(unicodedata.normalize("NFC", e.strip()) for e in register_texts):
        if entry:
            spans += [Hit(m.start(), m.end(), "register", None) for m in re.finditer(_lit(entry), text)]
    return spans


def _unregistered_candidates(
    text: str, known: Sequence[PersonData], keep: set[str], register_texts: Sequence[str] = ()
) -> list[Hit]:
    register = _register(known)
    known_keys, known_emails = register.owners.keys(), register.emails
    iban = _Coverage([Hit(m.start(), m.end(), "iban", None) for m in _IBAN.finditer(text)])
    hits = [
        Hit(m.start(), m.end(), "email", None) for m in _EMAIL.finditer(text) if _fold(m.group()) not in known_emails
    ]
    for ph in _scan_phones(text, lambda ph: _is_plausible_phone(text, ph)):
        h = Hit(ph.start, ph.end, "telefoon", None)
        if ph.key not in known_keys and not iban.overlaps(h):
            hits.append(h)
    return hits + _name_candidates(text, keep, register_texts)


def _allowed_spans(text: str, allowed: Sequence[str]) -> tuple[list[Hit], set[str]]:
    """Where the allowed texts stand in text, and the numbers among them."""
    spans, keys = [], set()
    for entry in allowed:
        entry = unicodedata.normalize("NFC", entry.strip())
        if not entry:
            continue
        rx = _caseless(entry) if "@" in entry else _lit(entry)
        spans += [Hit(m.start(), m.end(), "allowed", None) for m in re.finditer(rx, text)]
        key = registered_phone_key(entry) if re.fullmatch(r"[\d\s()+\-./]+", entry) else None
        if key:
            keys.add(key)
    return spans, keys


def _is_allowed(text: str, h: Hit, spans: Sequence[Hit], keys: set[str]) -> bool:
    if any(s.start <= h.start and h.end <= s.end for s in spans):
        return True
    return h.category == "telefoon" and registered_phone_key(text[h.start : h.end]) in keys


def find_unregistered(
    text: str,
    *,
    known: Sequence[PersonData],
    allowed: Sequence[str] = (),
    keep_names: Sequence[str] = (),
    register_texts: Sequence[str] = (),
) -> list[Hit]:
    """Personal data nobody registered: e-mail addresses, telephone numbers and names.

    Names are found where simple rules can tell: a salutation, title or role noun before
    a capitalised surname ("mevrouw Jansen", "dhr. Smit", "collega Pieters"), and initials
    before a surname ("J.K. van Dam"), and a common first name (voornamen.txt) before a
    capitalised surname ("Jan de Boer", "Fatima El Amrani"; not streets, prizes or
    institutions like "Johan de Wittlaan"). Data of `known` people, surnames in `keep_names`
    and texts listed in `allowed` (e-mail in any case, numbers however written) are skipped.
    `register_texts` are texts the register prints (a person's functie, an organisation):
    inside one, a role noun is part of a functie ("Afdelingshoofd Toetsing", "Teamleider
    Inkoop"), so the role-noun rule does not fire there; every other rule still does.
    """
    t = _Text(text)
    keep = _keep_keys(keep_names)
    known_hits = _Coverage(_registered_hits(t.norm, known))
    spans, keys = _allowed_spans(t.norm, allowed)
    hits = [
        h
        for h in _unregistered_candidates(t.norm, known, keep, register_texts)
        if not known_hits.overlaps(h) and not _is_allowed(t.norm, h, spans, keys)
    ]
    return [t.to_raw(h) for h in _resolve(hits)]
