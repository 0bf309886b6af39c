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
from redaction.matchers.unregistered.parliament import in_proceedings

_LIST_START = re.compile(
    r"(?:Tegenwoordig|Aanwezig)\s+zijn\s+(?:\d+|[a-z]+)\s+leden(?:\s+der\s+Kamer)?,\s+te\s+weten\s*:\s*"
    r"|de\s+volgende\s+leden\s+zich\s+(?:hebben\s+)?afgemeld\s*:\s*"
)
# the list ends at a full stop or where the others present are named ("en de heer Plasterk, minister van ...")
_LIST_END = re.compile(r"\.(?:\s|$)|\s+(?:en\s+)?(?:de\s+heer|mevrouw)\s|\n\n|  ")
_SPLIT = re.compile(r"\s*(?:[,;]|\ben\b)\s*")
_ITEM = re.compile(rf"(?:[{v.UPPER}][\w'’\-]*\s+){{0,2}}"  # a given name or two: "Niek Jan van Kesteren"
                   rf"(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Tt]e)\s+){{0,3}}[{v.UPPER}][\w'’\-]*")
_CAP_TUSSEN = re.compile(r"^(?:Van|De|Den|Der|Ter|Ten|Te)\s")


def _surname_of(item: str) -> tuple[str, str]:
    """The surname as written and the given name's initial: "Peter van Dijk" -> ("van Dijk", "p"); "Niek Jan van
    Kesteren" -> ("van Kesteren", "n"); "Wezel"."""
    words = item.split()
    if len(words) > 1 and not _CAP_TUSSEN.match(item):
        tussen = [i for i, w in enumerate(words) if i and w[0].islower()]
        return " ".join(words[tussen[0] if tussen else len(words) - 1 :]), given_initial(item)
    return item, ""


# a paragraph that is a bare list of names as the chamber's website prints its attendance ("Backer, Barth, Van Beek,
# ..., Niek Jan van Kesteren en Wezel,"), or the members who sent apologies ("Don, Nagel en Van Rij, wegens
# bezigheden elders;")
_PARAGRAPH = re.compile(r"\S+(?: \S+)*")  # (a paragraph break is two spaces in the folded text)
_EXCUSED = re.compile(r",\s+wegens\s+[a-z][\w\s,'’\-]*[.;]?$")
_MIN_ITEMS = 8
_MEMBER = ("Eerste Kamerlid", "Tweede Kamerlid")


def _member_surname(surname: str) -> bool:
    return any(o.functie in _MEMBER for h in holders_with_surname(surname) for o in h.offices)


def _bare_items(paragraph: str) -> list[str] | None:
    """The items of a paragraph made only of names separated by commas and "en", or None: any other word (a role
    noun, a unit, a bracket, an address or a number) makes it no list."""
    items = [p for p in _SPLIT.split(paragraph.strip().rstrip(",.;")) if p]
    if any(not _ITEM.fullmatch(p) for p in items):
        return None
    return items


def _bare_lists(text: str) -> dict[str, set[str]]:
    """The members a bare list paragraph of a report of proceedings names: a list of at least eight names half of
    which the register knows as members of either chamber makes every item a member; a list of
    apologies ("X, Y en Z, wegens ...") only the items the register knows as members. Ministry minutes ("Aanwezig:
    Jansen (BZK), De Vries, ...") are no proceedings, and a heading word or a bracket makes no bare list."""
    out: dict[str, set[str]] = {}
    if "," not in text or not (in_proceedings(text) or _LIST_START.search(text)):
        return out
    for m in _PARAGRAPH.finditer(text):
        para = m.group()
        excused = _EXCUSED.search(para)
        items = _bare_items(para[: excused.start()] if excused else para)
        if not items:
            continue
        names = [_surname_of(i) for i in items]
        known = [_member_surname(s) for s, _ in names]
        if excused:
            chosen = [n for n, k in zip(names, known, strict=True) if k]
        elif len(items) >= _MIN_ITEMS and 2 * sum(known) >= len(items):
            chosen = names
        else:
            continue
        for surname, initial in chosen:
            out.setdefault(surname_key(surname), set()).add(initial)
    return out


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
    for key, initials in _bare_lists(text).items():
        out.setdefault(key, set()).update(initials)
    return out
