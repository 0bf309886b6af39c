"""match_people: what the words around a bare surname, first name or paraaf decide."""

from __future__ import annotations

import pytest

from redaction.matchers import PersonData, match_people

POST = PersonData("jpost", "J. Post", "Jan")
BAKKER = PersonData("rbakker", "R. Bakker", "Roos")
OUWEHAND = PersonData("jouwehand", "J. Ouwehand", "Joost", "j.ouwehand@minezk.nl", "06 12345678", "JOu")
EU = PersonData("euiterwijk", "E. Uiterwijk", None, None, None, "EU")
PEOPLE = (POST, BAKKER, OUWEHAND, EU)
PUBLIC = (PersonData("kbakker", "Bakker"), PersonData("mrutte", "M. Rutte", "Mark"))


def _decided(text: str) -> tuple[list[str], list[str]]:
    found = match_people(text, PEOPLE, PUBLIC)
    return [text[h.start : h.end] for h in found.hits], [text[d.start : d.end] for d in found.doubts]


@pytest.mark.parametrize(("text", "hits", "doubts"), [
    ("Het lid Bakker vroeg het.", [], []),
    ("Bakker (VVD) vroeg het.", [], []),
    ("Collega Bakker belde.", ["Bakker"], []),
    ("R. Bakker belde.", ["R. Bakker"], []),
    ("Bakker belde.", [], ["Bakker"]),
    ("De heer Bakker belde.", [], ["Bakker"]),
    ("Post wordt bezorgd.", [], ["Post"]),
    ("Mevrouw Post belde.", ["Post"], []),
    ("Volgens de Post is dat zo.", [], []),
    ("Koning Post-Bezorging", [], []),
    ("Jan belde.", ["Jan"], []),
    ("Jan-Willem en Jan Smit belden.", [], []),
    ("Zie rapport_jan_2024.pdf.", [], []),
    ("Zie linkedin.com/in/jan-post.", ["linkedin.com/in/jan-post"], []),
    ("Zie www.post.nl.", [], ["www.post.nl"]),
    ("Zie tweedekamer.nl/kamerleden/bakker.", [], ["tweedekamer.nl/kamerleden/bakker"]),
    ("Roos belde.", ["Roos"], []),
    ("De EU-subsidie en anti-EU.", [], []),
    ("De EU besloot.", [], ["EU"]),
    ("Kenmerk DB-EU/2023 en 2023EU.", ["EU", "EU"], []),
    ("Ouwehands voorstel, Ouwehand's en Joosts idee.", ["Ouwehands", "Ouwehand's", "Joosts"], []),
    ("Collega Joosts neemt het over.", [], []),  # a surname made of a first name
])
def test_context_decides_or_a_person_does(text: str, hits: list[str], doubts: list[str]) -> None:
    assert _decided(text) == (hits, doubts)


def test_a_first_name_shared_with_a_visible_person_is_a_doubt() -> None:
    mark = PersonData("mvdijk", "M. van Dijk", "Mark")
    found = match_people("Mark belde.", (mark,), PUBLIC)
    assert found.hits == [] and [d.reason for d in found.doubts] == ['"Mark" kan M. van Dijk (gelakt) zijn of M. Rutte '
                                                                      "(blijft zichtbaar)"]


def test_doubts_carry_offsets_into_the_typed_text() -> None:
    text = "Gisteren\u00a0belde Bak\u00adker."
    (d,) = match_people(text, PEOPLE, PUBLIC).doubts
    assert text[d.start : d.end] == "Bak\u00adker" and d.person_id == "rbakker"


def test_one_finding_per_doubt_with_every_place(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from redaction import apply as redaction
    from tests.adversarial import ORGANISATIES, PERSONEN, nota
    from tests.helpers import DOSSIER_YAML, build, write_content

    tekst = "Post belde. Daarna belde Post weer, en Bakker ook."
    root = write_content(tmp_path / "c", {"personen.yaml": PERSONEN, "organisaties.yaml": ORGANISATIES,
                                          "d1/dossier.yaml": DOSSIER_YAML.replace("avries", "pvdberg"),
                                          "d1/nota.yaml": nota(tekst)})
    content, docs, _ = build(root)
    result = redaction.apply(content, content.dossiers[0], docs)
    messages = sorted((f.loc.line, f.loc.col, f.message) for f in result.findings)
    assert [(line, col) for line, col, _ in messages] == [(8, 7), (8, 46)]
    assert "J. Post" in messages[0][2] and "(ook op 8:32)" in messages[0][2]
    assert "R. Bakker" in messages[1][2] and "ook op" not in messages[1][2]
