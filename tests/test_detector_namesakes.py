"""A civil servant who shares a visible registered person's bare surname is a finding, never that person's name.

The register keeps a spokesman, a minister or a person registered as publiek visible; a bare mention of the same
surname that the text ties to the ministry's staff ("Beleidsmedewerker Bakker van de directie Wetgeving") cannot be
told from that person by the register, so it must stop the public build (before, it was printed as the spokesman's).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PERSONEN, nota_with, write_content

from pipeline import build
from pipeline.errors import ContentError
from pipeline.publication import publish

SPOKESMAN = PERSONEN + """\
  - id: tbakker
    naam: T. Bakker
    voornaam: Thomas
    functie: Woordvoerder van de minister van Economische Zaken en Klimaat
    rol: woordvoerder
"""


def _findings(tmp_path: Path, tekst: str) -> list[str]:
    files: dict[str, str | bytes | None] = {"d1/nota.yaml": nota_with(tekst), "personen.yaml": SPOKESMAN}
    (plan,) = build.prepare(write_content(tmp_path / "content", files), None, [])
    return [o.text for f in plan.redaction.groups for o in f.occurrences]


@pytest.mark.parametrize("tekst", [
    "Beleidsmedewerker Bakker van de directie Wetgeving heeft de nota voorbereid.",
    "De nota is voorbereid door Bakker van de directie Wetgeving.",
    "De ambtenaren Jansen en Bakker van het ministerie hebben de cijfers verzameld.",
    "Het advies is geschreven door jurist Bakker.",
])
def test_a_civil_servant_with_the_spokesmans_surname_stops_the_public_build(tmp_path: Path, tekst: str) -> None:
    files: dict[str, str | bytes | None] = {"d1/nota.yaml": nota_with(tekst), "personen.yaml": SPOKESMAN}
    (plan,) = build.prepare(write_content(tmp_path / "content", files), None, [])
    assert "Bakker" in [o.text for f in plan.redaction.groups for o in f.occurrences]
    with pytest.raises(ContentError):
        publish.check_decisions([plan])


@pytest.mark.parametrize("tekst", [
    "De woordvoerder, Bakker, heeft de pers te woord gestaan.",
    "Woordvoerder Bakker heeft de pers te woord gestaan.",
    "Volgens Bakker is het bericht onjuist.",
    "Thomas Bakker van de directie Communicatie beantwoordt de persvragen.",
    "De woordvoerder van de minister, de heer Bakker, heeft de vragen beantwoord.",
])
def test_the_spokesman_himself_stays_visible(tmp_path: Path, tekst: str) -> None:
    assert "Bakker" not in " ".join(_findings(tmp_path, tekst))


def test_allowing_the_surname_clears_it(tmp_path: Path) -> None:
    files: dict[str, str | bytes | None] = {
        "d1/nota.yaml": nota_with("Het advies is geschreven door jurist Bakker."), "personen.yaml": SPOKESMAN,
        "d1/woo.yaml": 'toegestaan:\n  - tekst: "Bakker"\n    door: woo-team\n    op: 2024-01-10\n'
                       '    reden: "de woordvoerder zelf"\n'}
    (plan,) = build.prepare(write_content(tmp_path / "content", files), None, [])
    assert plan.redaction.groups == []
    publish.check_decisions([plan])
