"""The leak of the blind batch achtergehouden-9 as a class: a listed given name and a surname no list holds,
followed by a bracket or the end of a line, is a name (fixtures of our own)."""

from __future__ import annotations

import pytest

from redaction.matchers.unregistered.detect import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize("text, name", [
    ("Bij zijn afwezigheid kunt u terecht bij Yasmina Ouazzani (mobiel 06-3318 2207).", "Yasmina Ouazzani"),
    ("Het overleg voerde Wouter Zwanikken (BZK) met de gemeenten.", "Wouter Zwanikken"),
    ("Met vriendelijke groet,\n\nEline Tjoa\nbeleidsmedewerker directie Wonen", "Eline Tjoa"),
])
def test_an_unlisted_surname_before_a_bracket_or_a_line_end_is_found(text: str, name: str) -> None:
    assert name in _found(text)


def test_a_mobile_in_brackets_after_the_name_is_found_with_it() -> None:
    found = _found("U kunt terecht bij Yasmina Ouazzani (mobiel 06-3318 2207).")
    assert "06-3318 2207" in found


@pytest.mark.parametrize("text", [
    "De Johan Cruijff Schaal (2024) werd in Enschede gespeeld.",
    "Het Anne Frank Huis (Amsterdam) ontving subsidie.",
])
def test_a_name_of_several_capitalised_words_stays_no_person(text: str) -> None:
    assert _found(text) == []
