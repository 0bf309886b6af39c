"""Lists of people: after a plural role noun ("de collega's Bakker en Smit"), and the next items after a found name
("met Van Tiel en Wouters", "Ingrid Vos in Addis Abeba en Abebe Tesfaye"); and every name candidate of a text."""
from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.matchers._text import _E
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import surname_key
from redaction.matchers.unregistered.person_names import (
    _LIST_NEXT,
    Candidate,
    _given_names,
    _is_name,
    _name_end,
    _names_a_unit,
    _trigger_names,
    _tussen_names,
)
from redaction.matchers.unregistered.stopwords import STOPWORDS

_PLURAL = re.compile(v.PLURAL_TRIGGER)
# the plural of a role noun's head, alone or at the end of a compound: "de projectmedewerkers Jansen en Bakker", "de
# zaakbehandelaars X en Y", "de ambassademedewerkers X in Nairobi en Y in Kampala" (a literal search: cheap)
_PLURAL_HEAD = re.compile(
    r"(?:medewerkers|adviseurs|behandelaars|juristen|analisten|coördinatoren|specialisten|ambtenaren|projectleiders"
    r"|attachés|onderzoekers|controllers|inspecteurs)\s+"
)
_FIRST = re.compile(rf"(?P<name>(?P<init>{v.INITIALS})?{v.SURNAME}){_E}")


def _listed_names(text: str, keep: set[str]) -> list[Candidate]:
    """ "de collega's Bakker en Smit", "medewerkers Jansen, De Wit en Yilmaz", "de medewerkers Jansen (Den Haag) en
    Tesfaye (Kampala)"."""
    out = []
    starts = {p.end() for p in _PLURAL.finditer(text)} | {p.end() for p in _PLURAL_HEAD.finditer(text)}
    for pos in sorted(starts):
        first = _FIRST.match(text, pos)
        m: re.Match[str] | None = first
        while m and _is_name(text, m, keep, False) and not (m.group("tus") or " ")[0].islower():
            if not (m.group("init") or m.group("tus")) and _names_a_unit(m.group("core")):
                break  # "de medewerkers Communicatie": a unit, no name
            pair = _PAIR_AT.match(text, m.start("name")) if not (m.group("init") or m.group("tus")) else None
            if pair and _unlisted_pair(text, pair, keep):
                m = pair  # "de collega's Abebe Tesfaye en ...": a given name and a surname no list holds
            out.append(Candidate(m.start("name"), m.end("name"), "naam", surname_key(m.group("name"))))
            tail = _ITEM_TAIL.match(text, m.end())  # "de medewerkers Jansen in Den Haag en Tesfaye in Kampala"
            m = _LIST_NEXT.match(text, tail.end() if tail else m.end())
            if m and (m.group("name").casefold() in data.places() and (tail or m.group("core") not in data.surnames())
                      or m.group("core").casefold().endswith(v.ORG_SUFFIXES)):
                break  # "de medewerkers Jansen en Financiën", "... Jansen in Den Haag en Utrecht"
    return out


# a list item's post or place after the name, before the list goes on: "de ambassademedewerkers Ingrid Vos in Addis
# Abeba en ...", "Jansen (Nairobi), ..."
# or an apposition in lower case between commas before "en" ("Ingrid Vos, medewerker van de post in Addis Abeba, en
# ..."; not a unit's fields: "directeur Bodem, Water en Lucht")
_ITEM_TAIL = re.compile(
    rf"(?:\s+(?:in|te|op|uit)\s+[{v.UPPER}][\w'’\-]*(?:\s+[{v.UPPER}][\w'’\-]*){{0,2}}|\s*\([^()\n]{{1,40}}\))"
    rf"(?=\s*(?:,|\ben\b))|\s*,\s+[{v.LOWER}][^,.;:()\n]{{0,60}}?,(?=\s+en\s)"
)
# a given name and a surname no list holds, continuing a list of found names: "..., en Abebe Tesfaye" (two capitalised
# words, no third after them: "en Raad van State" or "en Koninklijke Marine Reserve" are none)
_PAIR = (rf"(?P<name>(?P<init>)(?P<tus>)(?P<given>[{v.UPPER}][{v.LOWER}]{{2,}}) "
         rf"(?P<core>[{v.UPPER}][{v.LOWER}]{{2,}}"
         rf"(?:-[{v.UPPER}][{v.LOWER}]{{2,}})?))(?![\w\-\u2010\u2011])(?!\s+[{v.UPPER}])")
_TWO_WORDS = re.compile(rf"\s*(?:,|\ben\b)\s*{_PAIR}")
_PAIR_AT = re.compile(_PAIR)


# what starts or ends two capitalised words that name a place, a region or a company, not a person ("Sri Lanka", "Addis
# Abeba", "Rijkswaterstaat West", "Tata Steel", "Amnesty International", "Natuurmonumenten Gelderland")
_PLACE_FIRST = frozenset([
    "Noord", "Zuid", "Oost", "West", "Midden", "Sint", "Nieuw", "New", "San", "Santa", "Saint", "Sri", "Costa",
    "Sierra", "Burkina", "Puerto", "Addis", "Buenos", "Abu", "Tel", "Kuala", "Hong", "Port", "Saoedi", "Verenigde",
    "Europese", "Koninklijke",
])
_NOT_A_SURNAME = frozenset([
    "Noord", "Zuid", "Oost", "West", "Midden", "Nederland", "Holland", "Europa", "Europe", "International", "Group",
    "Holding", "Holdings", "Energy", "Steel", "Airlines", "Foundation", "Trust", "Capital", "Partners", "Media",
    "Pharma",
    "Logistics", "Systems", "Telecom", "Airport", "Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel",
    "Flevoland", "Gelderland", "Utrecht", "Zeeland", "Limburg", "Brabant", "Caribisch",
])


def _unlisted_pair(text: str, m: re.Match[str], keep: set[str]) -> bool:
    """ "Abebe Tesfaye" after a found name: neither word an ordinary word, a place, a unit's or an institution's, the
    first no longer than a given name ("Natuurmonumenten Gelderland", "Rijkswaterstaat West" are none)."""
    common = data.common_words()
    given, core = m.group("given"), m.group("core")
    if len(given) > 11 or given in _PLACE_FIRST or core in _NOT_A_SURNAME or core.casefold().endswith(v.ORG_SUFFIXES):
        return False
    for w in (given, core):
        if w in STOPWORDS or (w.casefold() in common and w not in data.first_names() and w not in data.surnames()):
            return False
        if w.casefold() in data.places() or _names_a_unit(w):
            return False
    return f"{given} {core}".casefold() not in data.places() and _is_name(text, m, keep, False)


# a plural role noun, also a compound, names a list of people: after it a surname no list holds is the next item too
# ("de ambassademedewerkers Ingrid Vos in Addis Abeba en Tesfaye in Kampala")
_PEOPLE_BEFORE = re.compile(
    rf"(?<![\w\-\u2010\u2011])[{v.LOWER}\-\u2010\u2011]*(?:medewerkers|adviseurs|juristen|ambtenaren|projectleiders"
    rf"|analisten|coördinatoren|specialisten|attachés|collega's|collega’s)\s+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


def _unlisted_word(core: str) -> bool:
    return (core[1:].islower() and core not in STOPWORDS and core.casefold() not in data.common_words()
            and core.casefold() not in data.places() and core not in _NOT_A_SURNAME and not _names_a_unit(core)
            and not core.casefold().endswith(v.ORG_SUFFIXES))


def _list_continuations(text: str, names: list[Candidate], keep: set[str]) -> list[Candidate]:
    """A listed surname after a found name is the next person of the list: "met Van Tiel en Wouters", "door
    mevrouw Bos, Yilmaz en De Wit" (a word after it that is no surname of the list is not: "Van Tiel en Partners");
    also after the found name's place or post ("Ingrid Vos in Addis Abeba en ..."), and a given name and a surname no
    list holds ("Ingrid Vos en Abebe Tesfaye")."""
    out: list[Candidate] = []
    known = data.surnames()
    for c in names:
        pos = c.end
        people = _PEOPLE_BEFORE.search(text, max(0, c.start - 50), c.start) is not None  # "de postmedewerkers X en Y"
        for _ in range(4):
            tail = _ITEM_TAIL.match(text, pos)
            pos = tail.end() if tail else pos
            m = _LIST_NEXT.match(text, pos)
            if not m or not (m.group("init") or m.group("core") in known) or not _is_name(text, m, keep, False):
                pair = _TWO_WORDS.match(text, pos)
                if pair and _unlisted_pair(text, pair, keep):
                    out.append(Candidate(pair.start("name"), pair.end("name"), "naam", surname_key(pair.group("name"))))
                    pos = pair.end()
                    continue
                if not (m and people and _unlisted_word(m.group("core")) and _is_name(text, m, keep, False)):
                    break
            if (m.group("tus") or " ")[0].islower() and not m.group("init"):
                break  # "Bos en de Raad": a lowercase article, not a tussenvoegsel
            if tail and text[m.start("name") : m.end("name")].casefold() in data.places():
                break  # "Jansen in Den Haag en De Bilt"
            # a given name takes the surname after it: "Marloes Verhof en Kees Oudesluis", never "Kees" alone
            end = _name_end(text, m, keep) if m.group("core") in data.first_names() else m.end("name")
            out.append(Candidate(m.start("name"), end, "naam", surname_key(text[m.start("name") : end])))
            pos = max(m.end(), end)
    return out


def name_candidates(text: str, keep: set[str], register: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Every possible name of a person in text (overlaps are resolved by the caller)."""
    found = (_trigger_names(text, keep, register) + _listed_names(text, keep) + _given_names(text, keep)
             + _tussen_names(text, keep))
    return found + _list_continuations(text, found, keep)
