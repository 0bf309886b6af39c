"""Members by a chamber's attendance list: "Tegenwoordig zijn 72 leden, te weten: Backer, Peter van Dijk, ... en
Wezel," (Handelingen of either chamber), "Aanwezig zijn acht leden der Kamer, te weten: ..." and "de volgende leden
zich hebben afgemeld: Overbeek, wegens verblijf buitenslands; ...". An item is a member when the register of public
office holders knows a holder of that surname (a full name: of that given name's initial too); the items' surnames are
public for the caller, whose civil-servant checks still win ("bijgestaan door de heer X van het ministerie")."""
from __future__ import annotations

import re

from redaction.matchers.public_people import holders_with_surname
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import given_initial, surname_key

_LIST_START = re.compile(
    r"(?:Tegenwoordig|Aanwezig)\s+zijn\s+(?:\d+|[a-z]+)\s+leden(?:\s+der\s+Kamer)?,\s+te\s+weten\s*:\s*"
    r"|de\s+volgende\s+leden\s+zich\s+(?:hebben\s+)?afgemeld\s*:\s*"
)
# the list ends at a full stop or where the others present are named ("en de heer Plasterk, minister van ...")
_LIST_END = re.compile(r"\.(?:\s|$)|\s+(?:en\s+)?(?:de\s+heer|mevrouw)\s|\n\n|  ")
_SPLIT = re.compile(r"\s*(?:[,;]|\ben\b)\s*")
_ITEM = re.compile(rf"(?:[{v.UPPER}][\w'’\-]*\s+)?(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Tt]e)\s+){{0,3}}"
                   rf"[{v.UPPER}][\w'’\-]*")
_CAP_TUSSEN = re.compile(r"^(?:Van|De|Den|Der|Ter|Ten|Te)\s")


def _surname_of(item: str) -> tuple[str, str]:
    """The surname as written and the given name's initial: "Peter van Dijk" -> ("van Dijk", "p"); "Wezel"."""
    words = item.split()
    if len(words) > 1 and not _CAP_TUSSEN.match(item):
        return " ".join(words[1:]), given_initial(item)
    return item, ""


def attendance_surnames(text: str) -> dict[str, set[str]]:
    """The surnames of the members a chamber's attendance or afgemeld list names, with their given names' initials."""
    out: dict[str, set[str]] = {}
    for m in _LIST_START.finditer(text):
        end = _LIST_END.search(text, m.end(), min(len(text), m.end() + 4000))
        for part in _SPLIT.split(text[m.end() : end.start() if end else m.end() + 4000]):
            item = _ITEM.match(part)
            if not item:
                continue  # "wegens verblijf buitenslands"
            surname, initial = _surname_of(item.group())
            if holders_with_surname(surname):
                out.setdefault(surname_key(surname), set()).add(initial)
    return out
