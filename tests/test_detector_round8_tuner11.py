"""The leaks of achtergehouden-12 as classes (fixtures of our own): a bare surname no list holds between "door"/"met"
and a ministry's unit; a plural role noun ("de teamleiders X en Y"); a Vietnamese name, family name first with a
middle name ("Nguyen Thi Lan"). Ministries, services and units in the same place stay no finding."""

from __future__ import annotations

import pytest

from redaction.matchers.unregistered.detect import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize("text, name", [
    ("De nota is opgesteld door Kowalczyk van de directie Wetgeving.", "Kowalczyk"),
    ("De tabel is afgestemd met Wiśniewska van de afdeling Juridische Zaken.", "Wiśniewska"),
    ("Het advies is besproken met Okonkwo (directie Financieel-Economische Zaken).", "Okonkwo"),
    ("Het stuk is voorgelegd aan Hadžić van het team Wetgeving.", "Hadžić"),
    ("De handleiding is afgestemd met de teamleiders Kowalczyk en Ter Borg van de afdeling Poort.", "Kowalczyk"),
    ("De afdelingshoofden Okonkwo en Bakker van de directie Wetgeving tekenden voor akkoord.", "Okonkwo"),
    ("De analyse is gedaan samen met modelleur Nguyen Thi Lan van de directie Water en Bodem.", "Nguyen Thi Lan"),
    ("Contactpersoon: Tran Van Minh, beleidsmedewerker, 070 456 23 81.", "Tran Van Minh"),
    ("Projectleider Pham Thi Huong van Rijkswaterstaat heeft de rapportage opgesteld.", "Pham Thi Huong"),
    ("De berekeningen zijn gecontroleerd door hydroloog Le Van Duc.", "Le Van Duc"),
    # a unit ending in -management before the name: the name still found
    ("Onder voorzitterschap van de directeur Risicomanagement a.i., mevrouw mr. A.M. Veldhuis-Çelik.",
     "A.M. Veldhuis-Çelik"),
    ("Het stuk is opgesteld door teamleider Informatiemanagement Jansen.", "Jansen"),
])
def test_the_civil_servant_is_found(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    "De nota is afgestemd met Defensie van de directie Wetgeving.",
    "Het advies is besproken met Justitie van de directie Strafrechtketen.",
    "De reactie is gecoördineerd door Communicatie van de directie Bestuur.",
    "De tekst is afgestemd met Rijkswaterstaat van het team Verkeer.",
    "Het verzoek is voorgelegd aan Toeslagen van de directie Bestuursondersteuning.",
    "De regels zijn besproken met Nederland (directie Europa).",
    "De delegatie sprak in Hanoi met de handelsattaché.",
    "In de provincie Ho Chi Minh is een handelsmissie geweest.",
    "De brief ging naar de ambassade in Hanoi.",
    "Het Vietnamese bedrijf Vinamilk opende een kantoor in Ho Chi Minh.",
])
def test_no_person_in_the_same_place(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text, unit", [
    ("Onder voorzitterschap van de directeur Risicomanagement a.i., mevrouw mr. A.M. Veldhuis-Çelik.",
     "Risicomanagement"),
    ("Het stuk is opgesteld door teamleider Informatiemanagement Jansen.", "Informatiemanagement"),
])
def test_a_management_unit_is_no_name(text: str, unit: str) -> None:
    assert unit not in _found(text)


# a scholar with the university named without an article ("van Wageningen University"): public work; the name ends
# before "van <university>"; a civil servant's cue in the sentence keeps the finding
@pytest.mark.parametrize("text", [
    "Wij verwijzen naar het onderzoek van prof. Cathelijne Stoof van Wageningen University & Research.",
    "Het onderzoek van prof. dr. Anne Stoof van Tilburg University is in de bijlage opgenomen.",
])
def test_a_scholar_of_a_university_without_article_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text, name", [
    ("De nota is opgesteld door beleidsmedewerker Anne Stoof van Wageningen University.", "Anne Stoof"),
    ("Namens het ministerie werkte prof. dr. Anne Stoof van Tilburg University mee, bereikbaar via 06 12345678.",
     "Anne Stoof"),
    ("Het onderzoek van prof. dr. Anne Stoof van Tilburg University, bijgestaan door haar collega's van de directie "
     "Wetgeving.", "Anne Stoof"),
])
def test_a_cue_keeps_the_person_of_a_university(text: str, name: str) -> None:
    assert name in _found(text)


_EK = ("Voorzitter: Broekers-Knol\n\nTegenwoordig zijn 72 leden, te weten:\n\nBacker, Diederik van Dijk, Ganzevoort, "
       "Koole, Nooren en Schalk,\n\nen de heer Plasterk, minister van Binnenlandse Zaken.\n\n")


@pytest.mark.parametrize("name", ["Backer", "Diederik van Dijk", "Ganzevoort", "Koole", "Schalk"])
def test_the_members_of_an_attendance_list_are_public(name: str) -> None:
    assert name not in _found(_EK + "De voorzitter:\n\nIk open de vergadering.\n\n")


@pytest.mark.parametrize("text, name", [
    (_EK + "De minister wordt bijgestaan door de heer Bram Kuiper, beleidsmedewerker van het ministerie.",
     "Bram Kuiper"),
    (_EK + "Voor ambtelijke ondersteuning is aanwezig mevrouw Anouk Veldman van de directie Wetgeving.",
     "Anouk Veldman"),
    (_EK + "Voor vragen kunt u bellen met beleidsmedewerker Ruud Hoekstra, 06 12345678.", "Ruud Hoekstra"),
    (_EK + "De minister wordt bijgestaan door Ganzevoort van de directie Wetgeving, bereikbaar via 06 12345678.",
     "Ganzevoort"),
    (_EK + "Het stuk is opgesteld door Kowalczyk van de directie Wetgeving.", "Kowalczyk"),
])
def test_a_civil_servant_in_the_report_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)
