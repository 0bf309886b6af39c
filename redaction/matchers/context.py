"""What the words around a bare surname, first name or paraaf say: the person, someone else, or unclear."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

# Ordinary Dutch words (wordfreq, see tools/woordenlijst.py): a surname, first name or paraaf
# that is one of them may be the word, a place or a title as well as the person.
_WORDS = Path(__file__).with_name("woorden.txt")


@lru_cache(maxsize=1)
def _words() -> frozenset[str]:
    lines = _WORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def is_common_word(word: str) -> bool:
    """Whether `word` (any case) is an ordinary Dutch word or place name."""
    return word.casefold() in _words()


# The text just before the hit names a Kamerlid or another politician: "het lid Bakker",
# "Kamerlid Bakker", "minister Bakker", "de leden Bakker en Klaver".
_POLITICIAN_BEFORE = re.compile(
    r"(?<!\w)(?:(?:het|de)\s+)?(?:(?:tweede\s*|eerste\s*)?kamer)?(?:lid|leden)\s+$"
    r"|(?<!\w)(?:minister(?:-president)?|staatssecretaris|premier|fractievoorzitter|kamervoorzitter"
    r"|senator|europarlementariër|wethouder|burgemeester|gedeputeerde)\s+$",
    re.IGNORECASE,
)
# A party in brackets straight after the name: "Bakker (VVD)".
_PARTIES = (
    "VVD|PVV|CDA|D66|GL|GroenLinks|PvdA|GroenLinks-PvdA|GL-PvdA|GL/PvdA|SP|PvdD|CU|ChristenUnie|SGP|DENK|FvD|JA21"
    "|Volt|BBB|NSC|BIJ1|50PLUS|Groep\\s+Van\\s+Haga"
)
_PARTY_AFTER = re.compile(rf"^\s*\((?:{_PARTIES})\)")
# A role noun of the civil service before the name: "collega Bakker", "jurist Bakker".
_CIVIL_BEFORE = re.compile(
    r"(?<!\w)(?:collega|oud-collega|afdelingshoofd|teamleider|beleidsmedewerker|medewerker|adviseur|jurist"
    r"|contactpersoon|behandelaar|projectleider|programmamanager|coördinator|controller|opsteller|ambtenaar"
    r"|directeur|plaatsvervangend\s+directeur|secretaris|woo-coördinator)\s+$",
    re.IGNORECASE,
)
_SALUTATION_BEFORE = re.compile(
    r"(?<!\w)(?:mevrouw|mevr\.|mw\.?|mej\.|meneer|(?:de\s+)?heer|dhr\.?|hr\.)\s*$", re.IGNORECASE
)
# A tussenvoegsel straight before a surname that has none makes it another name or a place:
# "Den Haag", "de Koning", "Van Post". A lower-case "van" is the preposition ("het voorstel
# van Post") and decides nothing.
_OTHER_NAME_BEFORE = re.compile(r"(?<!\w)(?:[Dd]e|[Dd]en|[Dd]er|[Hh]et|'t|[Tt]en|[Tt]er|Van|Von)\s+$")
# A capitalised word straight after: a title before a name or part of a proper name
# ("Koning Willem-Alexander", "Haags Protocol", "Post NL").
_CAPITAL_AFTER = re.compile(r"^(?:\s+|-)[A-Z\u00c0-\u00de]")
_COMPOUND_AFTER = re.compile(r"^-[a-z\u00df-\u00ff]")  # "EU-subsidie"
_COMPOUND_BEFORE = re.compile(r"[^\W\d_]-$")  # "Jan-Willem"
_WORD_BEFORE = re.compile(r"[a-z\u00df-\u00ff]{2}-$")  # "anti-EU" (not "DB-EU": that is a code)


def politician_context(before: str, after: str) -> bool:
    return bool(_POLITICIAN_BEFORE.search(before) or _PARTY_AFTER.match(after))


def civil_context(before: str) -> bool:
    return bool(_CIVIL_BEFORE.search(before))


def salutation_before(before: str) -> bool:
    return bool(_SALUTATION_BEFORE.search(before))


def other_name_before(before: str) -> bool:
    return bool(_OTHER_NAME_BEFORE.search(before))


def capital_after(after: str) -> bool:
    return bool(_CAPITAL_AFTER.match(after))


def compound_after(after: str) -> bool:
    return bool(_COMPOUND_AFTER.match(after))


def compound_before(before: str) -> bool:
    return bool(_COMPOUND_BEFORE.search(before))


def word_before(before: str) -> bool:
    return bool(_WORD_BEFORE.search(before))
