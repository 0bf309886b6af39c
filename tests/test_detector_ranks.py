"""Military ranks and hyphenated role nouns before a name (the class behind the leak of achtergehouden-5: a rank
written as a hyphenated compound was no anchor, so the officer's surname was never tried).

Every sentence here is written for this test (none comes from bench/corpus_real).
"""

from __future__ import annotations

import pytest

from redaction.matchers import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize(("text", "name"), [
    ("De telling is gecontroleerd door sergeant-majoor Wolthuis van de logistieke staf.", "Wolthuis"),
    ("Luitenant-kolonel Terpstra opende de evaluatie.", "Terpstra"),
    ("Aanspreekpunt bij de vloot is kapitein-luitenant ter zee Hoogland.", "Hoogland"),
    ("Het lesprogramma komt van sergeant-majoor-instructeur Wolters.", "Wolters"),
    ("Bij de overdracht was korporaal 1e klasse Smeets aanwezig.", "Smeets"),
    ("Korporaal der eerste klasse Bouwman tekende de lijst.", "Bouwman"),
    ("Namens het bataljon sprak adjudant-onderofficier Veenstra.", "Veenstra"),
    ("De oefening werd geleid door luitenant-generaal Hofstra.", "Hofstra"),
    ("Het fregat stond onder bevel van kapitein ter zee Brandsma.", "Brandsma"),
    ("Het logboek is bijgehouden door luitenant ter zee der 2e klasse oudste categorie Mulder.", "Mulder"),
    ("De opdracht is getekend door lkol Verhagen en KLTZ Roos.", "Roos"),
    ("De roosters zijn gemaakt door sgt1 Bosman.", "Bosman"),
    ("Eerste luitenant Visser bracht verslag uit.", "Visser"),
    ("Schout-bij-nacht Gerritsen ontving de delegatie.", "Gerritsen"),
    ("Het stuk is afgestemd met generaal-majoor Verbruggen en brigadegeneraal Stam.", "Verbruggen"),
    ("De projectofficier, majoor ir. P.J. Wijnberg, zond het plan.", "P.J. Wijnberg"),
    ("Inlichtingenofficier Koopmans gaf een briefing.", "Koopmans"),
    # the wider class: any role noun written as a hyphenated compound with a role part
    ("De reactie is opgesteld door beleidsmedewerker-jurist Hendriks.", "Hendriks"),
    ("Het overzicht komt van oud-directeur Jacobs.", "Jacobs"),
    ("Adjunct-directeur Meijer las het concept mee.", "Meijer"),
    ("Directeur-generaal Vos besprak het met de minister.", "Vos"),
    ("Secretaris-generaal Kramer tekende de opdracht.", "Kramer"),
    ("Volgens senior-adviseur Lammers is het haalbaar.", "Lammers"),
])
def test_ranks_and_hyphenated_roles_are_anchors(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    "De brief is gericht aan de Tweede Kamer der Staten-Generaal Den Haag.",  # a rank word after a hyphen
    "In Zuid-Holland Kuipers' reactie lezen is geen persoon noemen.",
    "De Inspecteur-generaal der Mijnen kwam met een rapport.",
    "De luitenant-kolonel van de staf heeft het plan gezien.",  # a rank and no name
])
def test_compounds_of_other_words_are_no_anchor(text: str) -> None:
    assert _found(text) == []


def test_a_rank_keeps_a_ministers_namesake_a_finding() -> None:
    # "minister X" makes X public in the text; the officer named X with a rank is a civil servant
    text = "Minister Wolthuis gaf het startsein. De telling is nagerekend door sergeant-majoor Wolthuis."
    assert "Wolthuis" in _found(text[text.index("De telling") :])
    assert text.index("sergeant-majoor Wolthuis") + len("sergeant-majoor ") in [
        h.start for h in find_unregistered(text, known=[])]


def test_a_political_title_does_not_outweigh_a_rank() -> None:
    text = "De burgemeester van Ede, de heer Verkerk, en kapitein Verkerk bezochten de kazerne."
    assert _found(text) == ["Verkerk", "Verkerk"]


def test_a_rank_holder_is_public_only_by_the_commanders_office() -> None:
    public = ("De Commandant der Strijdkrachten, generaal Onno Bergsma, opende de dag. "
              "Daarna sprak Generaal Bergsma met de pers.")
    assert _found(public) == []
    assert _found("De Commandant der Strijdkrachten, luitenant-admiraal Rob Kamsteeg, opende.") == []
    # the rank alone, or a deputy's office, makes no one public
    assert _found("Daarna sprak generaal Bergsma met de pers.") == ["Bergsma"]
    deputy = "De plaatsvervangend Commandant der Strijdkrachten, luitenant-generaal Hofstra, sprak."
    assert _found(deputy) == ["Hofstra"]
    # the commander of a unit is no office: the rank keeps him a civil servant
    assert _found("De commandant van 13 Lichte Brigade, brigadegeneraal Stam, sprak.") == ["Stam"]


def test_an_office_compound_stays_public_and_a_unit_head_does_not() -> None:
    assert _found("Inspecteur-generaal Kramer lichtte het rapport toe.") == []
    assert _found("De directeur-generaal van het ministerie, de heer Vos, tekende.") == ["Vos"]


# --- precision rules after achtergehouden-5, each with its leak-side counterpart ------------------------------------

@pytest.mark.parametrize("text", [
    # an outside organisation named in the clause before a seat title is its body
    "Het advies kwam van de Kiesraad, waarvan de voorzitter, de heer Arend Zwaan, het toelichtte.",
    "Namens de Kansspelautoriteit was de voorzitter, mevrouw Renske Dijkhof, aanwezig.",
    # an inflected adjective after a role noun starts a unit's name, and so does a pair of fields
    "Het stuk lag bij de plaatsvervangend directeur Bestuurlijke Vernieuwing.",
    "De directeur Toezicht en Juridische Zaken tekende de brief.",
    "De coördinator Europese Samenwerking stuurde het rooster.",
    # one letter is an initial, not a surname
    "VERSLAG VAN DE RAAD D.D. 14 MAART 2022",
    # a full name cut at an initial, then an institution noun, is the building
    "De minister bezocht het Dr. Pieter J. Kramer Hospitaal.",
    # an organisation's office that is "bereikbaar" is the organisation
    "Het kantoor van de Gezaghebber is bereikbaar via 070 123 45 67.",
])
def test_public_bodies_units_and_buildings_are_no_finding(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "found"), [
    # an internal body, or no body, before the seat keeps the civil servant
    ("Namens de werkgroep was de voorzitter, mevrouw Lotte Smit, aanwezig.", ["Lotte Smit"]),
    ("Na de pauze sprak de voorzitter, mevrouw Lotte Smit, het slotwoord.", ["Lotte Smit"]),
    ("Namens de Kiesraad en de directie Wonen was de voorzitter, mevrouw Lotte Smit, aanwezig.", ["Lotte Smit"]),
    # a listed surname after the role noun stays a name, whatever follows it
    ("Teamleider Bakker en Juridische Zaken bespraken het.", ["Bakker"]),
    ("Het stuk lag bij de plaatsvervangend directeur Juridische Zaken en bij teamleider Dijkhuizen.", ["Dijkhuizen"]),
    ("De nota is van J. Ng.", ["J. Ng"]),
    # the given name before initials belongs to the name (it was left readable)
    ("Dr. Pieter J. Kramer van het ziekenhuis gaf uitleg.", ["Pieter J. Kramer"]),
    # a person at the office, or a mobile number, stays a person's
    ("Het kantoor van de Gezaghebber: mevrouw Smit is bereikbaar via 070 123 45 67.", ["Smit", "070 123 45 67"]),
    ("Het kantoor van de Gezaghebber is bereikbaar via 06 12 34 56 78.", ["06 12 34 56 78"]),
])
def test_leak_side_counterparts_stay_findings(text: str, found: list[str]) -> None:
    assert _found(text) == found


def test_every_rank_form_may_follow_a_commanders_office() -> None:
    assert _found("De commandant van de Koninklijke Marine, schout-bij-nacht Jan Tas, sprak.") == []
    assert _found("De commandant van 13 Lichte Brigade, schout-bij-nacht Jan Tas, sprak.") == ["Jan Tas"]
