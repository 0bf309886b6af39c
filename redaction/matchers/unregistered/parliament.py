"""Members of parliament told by parliamentary texts: who speaks for the Kamer, and members in a committee's report.

"heeft de Kamer bij monde van de heer X verzocht": X speaks for the Kamer, a member. In a report of the Kamer's own
proceedings ("VERSLAG VAN EEN ALGEMEEN OVERLEG", "Aanwezig zijn acht leden der Kamer, te weten: ...") "De heer X heeft
zich afgemeld" names a member when the register of public office holders (public_people, ParlaMint) knows a member of
that surname; a civil servant named there is the minister's support ("bijgestaan door de heer X"), and a role noun or
unit anywhere in the dossier keeps the surname a civil servant's (the caller's check).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.matchers.names import _fold
from redaction.matchers.public_people import holders_with_surname
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import given_initial
from redaction.matchers.unregistered.offices import internal_body, sentence_before
from redaction.matchers.unregistered.person_names import Candidate
from redaction.matchers.unregistered.public import _name_spans

_BY_MOUTH = re.compile(r"(?<!\w)bij\s+monde\s+van\s+")
# who the speaker speaks for: the Kamer, a chamber, a parliamentary group or committee (not "het ministerie")
_PARLIAMENT = re.compile(
    r"(?<![\w-])(?:(?:Tweede|Eerste)\s+)?Kamer(?!\w)|Senaat|Staten-Generaal|\w*[Ff]ractie|Kamercommissie"
    r"|vaste\s+commissie|commissie\s+voor\s+[A-ZÀ-Ý]"
)
_PROCEEDINGS = re.compile(r"VERSLAG VAN EEN [A-Z]*\s?OVERLEG|leden der Kamer, te weten")
_SALUTED = re.compile(rf"(?:{v._SALUTATION})\s+$")
# the minister's support in the proceedings are civil servants
_ASSISTED = re.compile(
    r"(?i:bijgestaan|ondersteund|vergezeld|ondersteuning|ambtena|ambtelijk|toelicht|technisch"
    r"|(?:namens|van|bij)\s+(?:het|de)\s+(?:ministerie|departement|directie|dienst|afdeling))"
)


_SENTENCE_END = re.compile(r"[.;:!?\n]")


def _sentence_of(text: str, start: int, end: int) -> str:
    after = _SENTENCE_END.search(text, end, min(len(text), end + 160))
    return sentence_before(text, start, 120) + text[start : after.start() if after else min(len(text), end + 160)]


def spokesman_surnames(text: str) -> dict[str, set[str]]:
    """ "de Kamer bij monde van de heer Asscher", "de VVD-fractie bij monde van mevrouw X": the speaker's surname."""
    out: dict[str, set[str]] = {}
    for m in _BY_MOUTH.finditer(text):
        before = sentence_before(text, m.start(), 80)
        if not _PARLIAMENT.search(before) or internal_body(text, m.start()):
            continue
        for name in _name_spans(text, m.end()):
            core = name.group("core")
            for key in (_fold(core.split("-")[-1]), _fold(core)):
                out.setdefault(key, set()).add(given_initial(name.group()))
    return out


# the committee's chair and clerk in the header of a report of proceedings: "Voorzitter: Van Gent  Griffier: Post"
_HEADER = re.compile(r"(?<![\w-])(?:Voorzitter|Ondervoorzitter|Griffier|Adjunct-griffier)\s*:\s*")


def header_surnames(text: str) -> dict[str, set[str]]:
    """In a report of parliamentary proceedings, the names in its header lines "Voorzitter: X" and "Griffier: Y"."""
    if not _PROCEEDINGS.search(text):
        return {}
    out: dict[str, set[str]] = {}
    for m in _HEADER.finditer(text):
        for name in _name_spans(text, m.end())[:1]:
            core = name.group("core")
            for key in (_fold(core.split("-")[-1]), _fold(core)):
                out.setdefault(key, set()).add(given_initial(name.group()))
    return out


def member_surnames(text: str, names: Sequence[Candidate]) -> dict[str, set[str]]:
    """In a report of parliamentary proceedings, a salutation and a bare surname ("De heer Van Otterloo heeft zich
    afgemeld") that the register of office holders knows, with the initial of the holder's given name (so a namesake
    with another given name stays a finding)."""
    if not _PROCEEDINGS.search(text):
        return {}
    out: dict[str, set[str]] = {}
    for c in names:
        written = text[c.start : c.end]
        if given_initial(written) or not _SALUTED.search(text, max(0, c.start - 20), c.start):
            continue
        if _ASSISTED.search(_sentence_of(text, c.start, c.end)):
            continue  # "De Minister wordt bijgestaan door de heer X", "de heer X, die namens het ministerie toelicht"
        holders = holders_with_surname(written)
        if holders:
            out.setdefault(c.key, set()).update(h.voornaam[:1] for h in holders if h.voornaam)
    return out
