"""Names the name lists lack: a given name or a surname no list of deduce holds, told by the words around it."""
from __future__ import annotations

import re

from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.stopwords import STOPWORDS

# what may follow such a surname: punctuation, a bracket ("Nadia Bouzerda (mobiel 06-...)", "(BZK)"), a lower-case
# word, or the end of the line (a signature: "Nadia Bouzerda\nbeleidsmedewerker"); not a capitalised word
_LOWER_NEXT = re.compile(r"[^\S\n]*(?:[,;.:)(\n]|[a-zà-ÿ]|$)")
# the endings of streets, prizes and buildings; an organisation's ending after a given name is a surname's ("Karel
# Baasbank", "Anne Steenkamer": no organisation is named "Karel ...bank")
ORGANISATION_ENDINGS = ("bank", "raad", "kamer", "staat")
_NOT_UNLISTED_ENDINGS = (*(s for s in v.NOT_SURNAME_SUFFIXES if s not in ORGANISATION_ENDINGS), "weg", "huis", "dijk")


def unlisted_surname(text: str, core: str, end: int) -> bool:
    """A surname no list holds after a listed given name: "Eline Tjoa en Wouter Zwanikken" (not a given name, a word,
    a place or a name of several capitalised words, "Johan Cruijff Schaal")."""
    if core.casefold().endswith(_NOT_UNLISTED_ENDINGS):
        return False  # "de Maarten Luther Kingweg": a street, a building (a listed surname may end so: "Hogeweg")
    return (len(core) >= 3 and core[1:].islower() and core not in data.first_names() and core not in STOPWORDS
            and core.casefold() not in data.common_words() and core.casefold() not in data.places()
            and bool(_LOWER_NEXT.match(text, end)))


_TUSSEN_GAP = re.compile(r"\s+(?:van|de|der|den|ter|ten)(?:\s+(?:de|der|den|het))?\s+$")


def unlisted_given(first: str, text: str, end: int, more: re.Match[str]) -> bool:
    """ "de heer Kennedy van der Laan": a word no surname list holds before a tussenvoegsel and a listed surname is a
    given name the lists lack (a listed surname before it, or a place after it, stays the surname alone: "mevrouw Bakker
    van Amsterdam")."""
    core = more.group("core")
    return (first not in data.surnames() and core in data.surnames() and core.casefold() not in data.places()
            and bool(_TUSSEN_GAP.fullmatch(text, end, more.start("core"))))
