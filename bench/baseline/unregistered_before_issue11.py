"""BASELINE ONLY (bench/eval_detector.py): the unregistered-data detector as it was before issue 11 (a573841)."""
# ruff: noqa  (a frozen copy for measurement, kept as it was)
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from redaction.matchers._text import (
    _B,
    _E,
    _HYPHEN,
    _HYPHENS,
    Hit,
    PersonData,
    _caseless,
    _Coverage,
    _lit,
    _resolve,
    _Text,
)
from redaction.matchers.contact import _EMAIL, _IBAN, _is_plausible_phone, _scan_phones, registered_phone_key
from redaction.matchers.names import _INITIAL, _fold, _parse_name
from redaction.matchers.registered import _register, _registered_hits

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

