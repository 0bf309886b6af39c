"""Doubts: places where a registered person's name may stand but the text cannot tell, as findings."""

from __future__ import annotations

import re

from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import Span, Text

DOUBT_HINT = ('maak het in de tekst duidelijk (voorletters of voornaam, "mevrouw", "collega", "het lid", of @id), '
              "of laat een Woo-medewerker beslissen: zet de tekst onder toegestaan in woo.yaml als hij zichtbaar "
              "mag blijven, of lak hem met een lakken-regel")

Doubts = list[tuple[Text, Loc, str]]  # (the text, where the name stands, why it is not sure)


def doubt_findings(doubts: list[tuple[Loc, str]]) -> list[Diagnostic]:
    """One finding per doubt (the same text about the same person), at its first place, naming the others."""
    places: dict[str, list[Loc]] = {}
    for loc, reason in doubts:
        places.setdefault(reason, []).append(loc)
    out = []
    for reason, locs in places.items():
        others = [f"{x.line}:{x.col}" if x.file == locs[0].file else str(x) for x in locs[1:]]
        more = f" (ook op {', '.join(others)})" if others else ""
        out.append(Diagnostic(locs[0], f"naam niet zeker: {reason}; de tekst zegt niet wie bedoeld is{more}",
                              DOUBT_HINT))
    return out


def redacted_at(text: Text, loc: Loc) -> bool:
    """Whether the character at `loc` is in a redacted span of text (a lakken passage took it)."""
    return any(isinstance(s, Span) and s.redaction is not None and any(s.loc_at(i) == loc for i in range(len(s.text)))
               for s in text)


def allowed_at(joined: str, start: int, end: int, allowed: list[str]) -> bool:
    """Whether a text listed under toegestaan covers joined[start:end]."""
    for entry in allowed:
        entry = entry.strip()
        if entry:
            for m in re.finditer(re.escape(entry), joined, re.IGNORECASE):
                if m.start() <= start and end <= m.end():
                    return True
    return False
