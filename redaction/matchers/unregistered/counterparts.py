"""Office holders abroad named by their title alone: the head of an international organisation the text names just
before ("het NAVO-initiatief ... Secretaris-generaal X heeft ...") and a minister's foreign counterpart ("met haar
Duitse collega, mevrouw X"). Each is public only when no ministry, unit, internal body or civil servant's role noun
stands in the sentence (a civil-servant cue wins), and no organisation follows the name."""
from __future__ import annotations

import re

from redaction.matchers._text import _HYPHEN
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.offices import (
    _DEPUTY,
    _DIRECT,
    _FOREIGN,
    _INTERNATIONAL,
    _REST,
    _SALUTE,
    _unit_after,
    sentence_before,
    unit_or_internal,
)
from redaction.matchers.unregistered.public import _name_spans

# "Secretaris-generaal X" with the international organisation named by its abbreviation in this sentence or the one
# before ("... voort uit het NAVO-initiatief Strategic Airlift Capability. Secretaris-generaal X heeft ..."); a
# directeur-generaal heads a ministry's directorate-general as often, and is never public so
_SECRETARY_GENERAL = re.compile(rf"(?<![\w\-\u2010\u2011])[Ss]ecretaris{_HYPHEN}[Gg]eneraal(?!\w)")
_INTERNATIONAL_NAMED = re.compile(rf"(?<![\w\-\u2010\u2011]){_INTERNATIONAL}(?![^\W_])")
# "Secretaris-generaal X van Defensie", "... X (BZK)", "X, de SG van ...": the organisation after the name decides
_ORGANISATION_NEXT = re.compile(r"\s*(?:\(|,\s*(?:de|het)\s|(?:van|bij|namens)\s)")
# a minister's foreign counterpart: "met haar Duitse collega, mevrouw X" (a bare "collega" is a civil servant's role
# noun, and so is a Dutch one: "mijn Nederlandse collega X")
_FOREIGN_COLLEAGUE = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?:{_FOREIGN})\s+(?:(?:ambts)?collega|ambtgenoot)\s*,?\s*(?:(?:{_SALUTE})\s*)*"
    r"(?=[A-ZÀ-Ý])"
)
_FOREIGN_COLLEAGUE_END = re.compile(
    rf"(?<!\w)(?:{_FOREIGN})\s+(?:(?:ambts)?collega|ambtgenoot)\s*,?\s*(?:(?:{_SALUTE})\s*)*$"
)

# an international organisation's envoy, named by a title that itself names the organisation: "de Speciale
# VN-Coördinator voor het Vredesproces in het Midden-Oosten, de heer X", "de speciale vertegenwoordiger van de
# secretaris-generaal van de Verenigde Naties, de heer X", "de speciale EU-gezant voor de Hoorn van Afrika, X" (a
# bare "EU-coördinator" may be a ministry's, and a special envoy of a ministry, "de speciaal gezant van het ministerie
# voor ..., de heer X", names no organisation: both stay)
_ENVOY = re.compile(
    r"(?<![\w\-\u2010\u2011])(?P<special>(?i:speciale?|hoge|persoonlijke)\s+)?"
    rf"(?P<org>(?:{_INTERNATIONAL}|EU|OVSE){_HYPHEN})?"
    r"(?i:vertegenwoordiger|gezant|coördinator|coordinator|afgezant|rapporteur)"
    r"(?P<of>(?:\s+(?:van|voor|bij|in|der|de|het|den|en)(?:\s+[\w\-\u2010\u2011]+){1,4}?){0,4})\s*,\s*(?=\S)"
)
_INTERNATIONAL_TITLE = re.compile(
    rf"(?<![\w\-]){_INTERNATIONAL}(?![^\W_])|(?i:verenigde\s+naties|europese\s+unie|afrikaanse\s+unie)"
)


def _envoy_starts(text: str, lo: int, hi: int) -> list[int]:
    out = []
    for m in _ENVOY.finditer(text, lo, hi):
        international = _INTERNATIONAL_TITLE.search(m.group("of"))
        if not international and not (m.group("org") and m.group("special")):
            continue  # "de EU-coördinator, mevrouw X" may be a ministry's; "de Speciale VN-Coördinator" is the UN's
        if _deputy_before(text, m.start()) or unit_or_internal(m.group("of")):
            continue
        if not _counterpart(text, m.start(), m.end()):
            continue
        out.append(m.end())
    return out


def _deputy_before(text: str, start: int) -> bool:
    return bool(_DEPUTY.search(text, max(0, start - 20), start))


def _sentences_before(text: str, start: int) -> str:
    """This sentence up to start and the sentence before it."""
    before = sentence_before(text, start, 200, ".!?\n")
    earlier = sentence_before(text, start - len(before) - 1, 200, ".!?\n") if start > len(before) else ""
    return earlier + before


def _international_head(text: str, m: re.Match[str]) -> int | None:
    if _DEPUTY.search(text, max(0, m.start() - 20), m.start()):
        return None  # "de plaatsvervangend secretaris-generaal"
    direct = _DIRECT.match(text, m.end())
    if not direct:
        return None
    before = _sentences_before(text, m.start())
    scope = before + _REST.match(text, direct.end()).group()  # type: ignore[union-attr]
    if not _INTERNATIONAL_NAMED.search(before) or unit_or_internal(scope) or v.ROLE_WORD.search(scope):
        return None
    names = _name_spans(text, direct.end())
    last = names[-1] if names else None
    if not last or _ORGANISATION_NEXT.match(text, last.end()) or last.group("tus").startswith("van "):
        return None
    return direct.end()


def _counterpart(text: str, at: int, name: int) -> bool:
    return not _unit_after(text, name) and not v.ROLE_WORD.search(sentence_before(text, at, 160))


def foreign_colleague(text: str, start: int) -> bool:
    """The name at start is a foreign counterpart's ("haar Duitse collega, mevrouw X"): no unit after it, no civil
    servant's role noun before it in the sentence ("de beleidsmedewerker sprak met haar Duitse collega, X")."""
    m = _FOREIGN_COLLEAGUE_END.search(text, max(0, start - 50), start)
    return m is not None and _counterpart(text, m.start(), start)


def counterpart_starts(text: str, lo: int, hi: int) -> list[int]:
    """Where the names of these office holders begin between lo and hi (with offices.office_name_starts)."""
    starts = [f.end() for f in _FOREIGN_COLLEAGUE.finditer(text, lo, hi) if _counterpart(text, f.start(), f.end())]
    starts += _envoy_starts(text, lo, hi)
    for m in _SECRETARY_GENERAL.finditer(text, lo, hi):
        start = _international_head(text, m)
        if start is not None:
            starts.append(start)
    return starts
