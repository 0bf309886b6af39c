"""Public office holders known by name: Kamerleden, ministers and staatssecretarissen.

The list is redaction/matchers/publieke_personen.tsv (ParlaMint-NL, CC BY 4.0; Rijksoverheid.nl and Polder, CC0;
written by tools/publieke_personen.py). A name matches a holder on the surname (with the same tussenvoegsel)
and a given name or initials: a surname alone never does, since civil servants share surnames with
politicians ("de heer Van Dijk" may be anyone).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from redaction.matchers.names import TUSSENVOEGSELS

_DATA = Path(__file__).with_name("publieke_personen.tsv")


@dataclass(frozen=True)
class Office:
    functie: str  # "minister", "staatssecretaris", "Tweede Kamerlid", "Eerste Kamerlid", "politicus"
    van: str  # ISO date, "" when the source gives none
    tot: str
    bron: str


@dataclass(frozen=True)
class PublicOfficeHolder:
    naam: str  # as commonly written: "Ard van der Steur"
    voornaam: str
    tussenvoegsel: str
    achternaam: str
    offices: tuple[Office, ...]


def _fold(text: str, hyphen: str = " ") -> str:
    """Case-, accent- and punctuation-insensitive form: "Koşer-Kaya" and "koser kaya" are one."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().replace("-", hyphen).replace(".", " ").split())


def _initials(given: str) -> str:
    """ "gj" from "Gert-Jan" or "G.J.", "rha" from "R.H.A.", "t" from "Th.": one letter per name."""
    return "".join(part[0] for part in _fold(given).split())


def _surname_keys(achternaam: str) -> Iterator[str]:
    """The surname and the first part of a double one: "Faber-van de Klashorst" is also "Faber"."""
    yield _fold(achternaam)
    if "-" in achternaam:
        yield _fold(achternaam.split("-")[0])


@lru_cache(maxsize=1)
def holders() -> dict[str, tuple[PublicOfficeHolder, ...]]:
    """Every holder, by folded surname (tussenvoegsel left out)."""
    grouped: dict[tuple[str, str, str, str], list[Office]] = {}
    with _DATA.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            person = (row["naam"], row["voornaam"], row["tussenvoegsel"], row["achternaam"])
            grouped.setdefault(person, []).append(Office(row["functie"], row["van"], row["tot"], row["bron"]))
    index: dict[str, list[PublicOfficeHolder]] = {}
    for (naam, voornaam, tussen, achternaam), found in grouped.items():
        holder = PublicOfficeHolder(naam, voornaam, tussen, achternaam, tuple(found))
        for surname in dict.fromkeys(_surname_keys(achternaam)):
            index.setdefault(surname, []).append(holder)
    return {surname: tuple(same) for surname, same in index.items()}


def _split_tussen(tussenvoegsel: str | None, surname: str) -> tuple[str, str]:
    """Leading tussenvoegsels of surname join the given one: (None, "van Dijk") is ("van", "Dijk")."""
    words = surname.split()
    i = 0
    while i < len(words) - 1 and _fold(words[i]) in TUSSENVOEGSELS:
        i += 1
    tussen = " ".join([tussenvoegsel or "", *words[:i]])
    return _fold(tussen), _fold(" ".join(words[i:]))


def _given_matches(first: str, voornaam: str) -> bool:
    """ "Jan" is "Jan Anthonie", "Gert Jan" is "Gert-Jan"; "Gert" is not "Gert-Jan", "Jan" not "Janneke"."""
    a, b = _fold(first, "-").split(), _fold(voornaam, "-").split()
    if "".join(a).replace("-", "") == "".join(b).replace("-", ""):
        return True
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def _initials_match(initials: str, voornaam: str) -> bool:
    """The written initials begin with those of the given name(s) the source records ("R.H.A." for Ronald)."""
    given, known = _initials(initials), _initials(voornaam)
    return bool(given) and bool(known) and given.startswith(known)


def lookup(
    first: str | None, initials: str | None, tussenvoegsel: str | None, surname: str
) -> PublicOfficeHolder | None:
    """The public office holder named so, or None. Needs the surname and a given name or initials;
    the tussenvoegsel must agree ("Van Dijk" is "van Dijk", not "Dijk"). A given name decides over initials."""
    if not surname.strip() or not ((first and first.strip()) or (initials and initials.strip())):
        return None
    tussen, core = _split_tussen(tussenvoegsel, surname)
    for holder in holders().get(core, ()):
        if _fold(holder.tussenvoegsel) != tussen:
            continue
        if first and first.strip():
            if _given_matches(first, holder.voornaam) and (not initials or _initials_match(initials, holder.voornaam)):
                return holder
        elif initials and _initials_match(initials, holder.voornaam):
            return holder
    return None


def holders_with_surname(written: str) -> tuple[PublicOfficeHolder, ...]:
    """The holders whose surname, tussenvoegsel included, is written so: "Van Otterloo", "Sneller" (many people share
    a surname: the caller must know from the text that a member of parliament is meant)."""
    tussen, core = _split_tussen(None, written)
    return tuple(h for h in holders().get(core, ()) if _fold(h.tussenvoegsel) == tussen)


_INITIALS_WORD = re.compile(r"^(?:[A-ZÀ-Ý][a-z]?\.)+$")  # "M.", "R.H.A.", "Th."
_TITLE_WORD = re.compile(r"^(?:[a-z]{1,5}\.)+$")  # "drs.", "mr.", "prof.dr."


def holder_named(written: str, *, by_initials: bool = False) -> PublicOfficeHolder | None:
    """The holder a written name names: "Ard van der Steur", "drs. Sigrid Kaag"; with by_initials also
    "R.H.A. Plasterk". A name without a given name (or initials) names nobody."""
    words = [w for w in written.split() if not _TITLE_WORD.match(w)]
    initials = ""
    while words and _INITIALS_WORD.match(words[0]):
        initials += words.pop(0)
    if len(words) < (1 if initials else 2):
        return None
    first = None if initials or _fold(words[0]) in TUSSENVOEGSELS else words.pop(0)
    if first is None and not (initials and by_initials):
        return None
    return lookup(first, initials or None, None, " ".join(words))
