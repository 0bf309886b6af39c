"""Round 8 (tuner9): lists that go on after an item's place, heads and office holders of outside bodies, scholars and
authors, members in the Handelingen, an organisation's general number.

Fixtures of our own, written as a ministry or the Kamer writes (none copied from the corpus). Every rule that makes a
name or a number public has at least as many leak-side counterexamples: a civil servant in the same form stays a
finding.
"""

from __future__ import annotations

import pytest

from redaction.matchers import find_unregistered
from redaction.matchers.unregistered.parliament import in_proceedings


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


# --- 1. a list goes on after an item's place or post (a leak before this round) ----------------------------------

@pytest.mark.parametrize(("text", "names"), [
    ("Voor de thema's onderwijs en gezondheid zijn dat de postmedewerkers Marloes Kuiper in Nairobi en Tadesse Bekele "
     "in Kigali.", ["Marloes Kuiper", "Tadesse Bekele"]),
    ("De collega's Pieter Bos (Dakar) en Mamadou Ndiaye (Bamako) stemmen de planning af.",
     ["Pieter Bos", "Mamadou Ndiaye"]),
    ("Het gaat om de medewerkers Jansen in Den Haag en Okonkwo in Lagos.", ["Jansen", "Okonkwo"]),
    ("Met Ingrid de Wit, Kees Bakker en Selam Girma is gesproken.", ["Ingrid de Wit", "Kees Bakker", "Selam Girma"]),
    ("Namens de post nemen Sanne Visser uit Amman en Rania Haddad deel.", ["Sanne Visser", "Rania Haddad"]),
    ("Dat zijn Ingrid Vos, medewerker van de post in Accra, en Abebe Tesfaye.", ["Ingrid Vos", "Abebe Tesfaye"]),
    # a plural role noun, also a compound, names a list of people (no finding at all before this round)
    ("De projectmedewerkers Jansen en Bakker stemmen af.", ["Jansen", "Bakker"]),
    ("De zaakbehandelaars Jansen en Okafor stemmen af.", ["Jansen", "Okafor"]),
    ("De postmedewerkers Marloes Kuiper in Nairobi en Tadesse in Kigali stemmen af.", ["Marloes Kuiper", "Tadesse"]),
    ("De collega's Abebe Tesfaye en Ingrid Dekker van de post leveren input.", ["Abebe Tesfaye", "Ingrid Dekker"]),
    ("De collega's Ingrid Dekker en Abebe Tesfaye van de post leveren input.", ["Ingrid Dekker", "Abebe Tesfaye"]),
])
def test_a_list_of_people_goes_on_after_an_items_place(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize(("text", "names"), [
    # two capitalised words that name an organisation, a place or a body are no person
    ("Met mevrouw De Vries en Natuurmonumenten Gelderland is gesproken.", ["De Vries"]),
    ("Met de heer Pietersen en Rijkswaterstaat West is gesproken.", ["Pietersen"]),
    ("Dit meldden de heer Bos en Amnesty International.", ["Bos"]),
    ("Met Ingrid Vos en Economische Zaken is afgestemd.", ["Ingrid Vos"]),
    ("De heer Jansen werkte in Den Haag en Sri Lanka.", ["Jansen"]),
    ("De postmedewerkers Jansen en Financiën stemmen af.", ["Jansen"]),
    ("De beleidsmedewerkers Jansen en Utrecht overleggen.", ["Jansen"]),
    ("Met Ingrid Vos, bekend van de zaak, en Amnesty International is gesproken.", ["Ingrid Vos"]),
    ("De medewerkers Communicatie stemmen af met Jan Bakker.", ["Jan Bakker"]),
])
def test_an_organisation_or_a_place_does_not_continue_a_list(text: str, names: list[str]) -> None:
    assert _found(text) == names


def test_an_item_read_backwards_ends_before_its_place() -> None:
    text = "De ambassademedewerkers Ingrid Vos in Addis Abeba en Abebe Tesfaye in Kampala stemmen af."
    assert _found(text) == ["Ingrid Vos", "Abebe Tesfaye"]


def test_a_surname_with_te_is_not_cut_as_a_place() -> None:
    assert _found("Aan de nota werkten mee: Ramdin, Jan te Velde en mr. Lotte Verbeek.")[1] == "Jan te Velde"


# --- 2. heads and office holders of outside bodies -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De deelname komt voort uit het NAVO-initiatief Strategic Airlift Capability. Secretaris-generaal De Hoop Scheffer "
    "heeft de deelname verwelkomd.",
    "Op de VN-top in New York is hierover gesproken; secretaris-generaal Guterres riep op tot actie.",
])
def test_the_secretary_general_of_an_international_organisation_named_before_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # no international organisation named, a ministry named, a unit after the name, a civil role, a deputy
    ("De top was in juli. Secretaris-generaal Jansen was erbij.", "Jansen"),
    ("Het ministerie werkt samen met de NAVO. Secretaris-generaal Jansen heeft de deelname bevestigd.", "Jansen"),
    ("De NAVO-top was in juli. Secretaris-generaal Jansen van het ministerie was erbij.", "Jansen"),
    ("De NAVO-top was in juli. Secretaris-generaal Jansen (Defensie) was erbij.", "Jansen"),
    ("De NAVO-top was in juli. Onze projectleider en Secretaris-generaal Jansen waren erbij.", "Jansen"),
    ("De VN-top was in juli. De plaatsvervangend secretaris-generaal Jansen was erbij.", "Jansen"),
])
def test_a_secretary_general_without_an_international_organisation_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(("text", "name"), [
    ("Het overleg met De Hoop Scheffer was nuttig.", "De Hoop Scheffer"),
    ("Beleidsmedewerker Van Haersma Buma stelt de nota op.", "Van Haersma Buma"),
    ("De nota is opgesteld door jurist De Vries Bakker.", "De Vries Bakker"),
])
def test_a_surname_of_two_words_after_a_capitalised_tussenvoegsel_is_found_whole(text: str, name: str) -> None:
    assert _found(text) == [name]


@pytest.mark.parametrize("text", [
    "De evaluatie is uitgevoerd door het SCP, waarvan de heer Kim Putters directeur is; de onderzoekers werkten samen.",
    "Het advies kwam van het CPB, waarvan mevrouw Karin Verhoef directeur was.",
])
def test_the_head_of_an_outside_organisation_by_its_abbreviation_in_a_relative_clause_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "De evaluatie is uitgevoerd door de IND, waarvan de heer Kim Putters directeur is.",
    "De evaluatie is uitgevoerd door het projectteam van het SCP, waarvan de heer Kim Putters directeur is.",
    "De evaluatie is uitgevoerd door de directie Wonen en het SCP, waarvan de heer Kim Putters directeur is.",
    "De evaluatie is uitgevoerd door de DGWB, waarvan de heer Kim Putters directeur is.",
])
def test_a_state_agencys_or_a_units_head_in_a_relative_clause_stays_a_finding(text: str) -> None:
    assert _found(text) == ["Kim Putters"]


@pytest.mark.parametrize("text", [
    "Heeft de minister hierover gesproken met haar Duitse collega, mevrouw Lambrecht, en met de NAVO?",
    "Ik heb gesproken met mijn Franse ambtscollega Le Drian over de missie.",
])
def test_a_ministers_foreign_counterpart_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Ik heb dit besproken met mijn collega, mevrouw Bakker.", "Bakker"),
    ("De Duitse collega, mevrouw Bakker van de directie Europa, heeft dit voorbereid.", "Bakker"),
    ("Hierover sprak de beleidsmedewerker met haar Duitse collega, mevrouw Bakker.", "Bakker"),
    ("Mijn Nederlandse collega Jansen neemt contact op.", "Jansen"),
])
def test_a_colleague_without_a_foreign_office_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_the_chairs_of_outside_tables_listed_are_public() -> None:
    text = ("Ook de voorzitters van de klimaattafels, onder wie de heer Samsom (Gebouwde omgeving) en de heer Van Geel "
            "(Landbouw en landgebruik), zullen worden gevraagd hun medewerking te verlenen.")
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "Ook de voorzitters van de werkgroepen, onder wie de heer Samsom (Gebouwde omgeving) en de heer Van Geel "
    "(Landbouw), zijn gevraagd.",
    "Ook de voorzitters van de klimaattafels, onder wie de heer Samsom (directie Klimaat) en de heer Van Geel "
    "(Landbouw), zijn gevraagd.",
    "De projectleider sprak met de voorzitters van de klimaattafels, onder wie de heer Samsom en de heer Van Geel.",
])
def test_the_chairs_of_internal_bodies_or_with_a_civil_cue_stay_findings(text: str) -> None:
    assert _found(text) == ["Samsom", "Van Geel"]


# --- 3. scholars and authors ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De commissie nam kennis van de analyses van het instituut aan de Rijksuniversiteit Groningen, in het bijzonder de "
    "bijdrage van prof. dr. Allers tijdens de deskundigenbijeenkomst.",
    "De commissie dankt voor de inbreng van dr. Jansen tijdens het rondetafelgesprek.",
    "Wij danken de Universiteit Leiden voor de bijdrage van prof. dr. Bakker.",
])
def test_a_scholars_contribution_to_public_work_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("De commissie dankt voor de bijdrage van dr. Jansen tijdens de interne bijeenkomst.", "Jansen"),
    ("De commissie dankt de directie Kennis, in het bijzonder de bijdrage van dr. Jansen tijdens de "
     "deskundigenbijeenkomst.", "Jansen"),
    ("De analyses van de Universiteit Utrecht en de bijdrage van dr. Jansen, senior beleidsmedewerker, waren nuttig.",
     "Jansen"),
    ("Wij danken de Universiteit Leiden voor de bijdrage van mevrouw Bakker.", "Bakker"),
])
def test_a_contribution_of_a_civil_servant_or_without_a_university_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_the_author_a_report_is_named_after_is_public() -> None:
    text = ("Ik zal reageren op het rapport Alders. Ik heb in mijn brief, met de toezending van het rapport van de "
            "heer Alders, aangegeven dat ik later kom.")
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Ik heb in mijn brief, met de toezending van het rapport van de heer Alders, aangegeven dat ik later kom.",
     "Alders"),
    ("Ik zal reageren op het rapport Alders. Beleidsmedewerker Alders heeft de nota opgesteld.", "Alders"),
    ("Ik zal reageren op het rapport Alders. Hans Alders en Piet Alders waren aanwezig.", "Piet Alders"),
    ("Het rapport Jansen van de directie Wonen is klaar. Ik heb het rapport van de heer Jansen ontvangen.", "Jansen"),
])
def test_a_report_by_a_civil_servant_or_another_namesake_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


# --- 4. members in the Handelingen and the committee's signature --------------------------------------------------

_HANDELINGEN = ("Aan de orde is het debat naar aanleiding van een algemeen overleg over de spoortunnels.\n\n"
                "De heer Dijkstra (D66):\n\nVoorzitter. Wij spreken al lang over de tunnels. ")


def test_one_members_turn_opening_with_the_chair_is_the_handelingen() -> None:
    assert in_proceedings(_HANDELINGEN)
    assert not in_proceedings("De heer Dijkstra (D66): het kabinet steunt de motie.")
    assert not in_proceedings("Aan de orde is de vraag hoe de tunnels veilig blijven.")


@pytest.mark.parametrize("text", [
    _HANDELINGEN + "Ik dacht dat de heer Wieringa zei: laat de machines maar rijden.",
    _HANDELINGEN + "Mevrouw Hoekstra-Veld vroeg bij het vorige overleg naar de kosten.",
])
def test_a_member_speaking_in_the_handelingen_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    (_HANDELINGEN + "De heer Wieringa van mijn ministerie zei dat de planning haalbaar is.", "Wieringa"),
    (_HANDELINGEN + "Mijn beleidsmedewerker, de heer Wieringa, zei dat de planning haalbaar is.", "Wieringa"),
    (_HANDELINGEN + "De heer Wieringa, die de minister ondersteunt, zei dat de planning haalbaar is.", "Wieringa"),
    (_HANDELINGEN + "Voor vragen is de heer Wieringa bereikbaar; hij zei dat al.", "Wieringa"),
    ("De heer Wieringa zei dat de planning haalbaar is.", "Wieringa"),  # a letter, no proceedings
])
def test_a_civil_servant_speaking_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_the_committees_signature_is_public_before_a_civil_servants_paragraph() -> None:
    text = ("Vragen en antwoorden zijn hierna afgedrukt.\n\nDe voorzitter van de commissie, Karin Smulders\n\n"
            "In de ambtelijke begeleidingsgroep hebben namens de dienst twee adviseurs zitting.")
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "De voorzitter van de commissie, Karin Smulders van de ambtelijke begeleidingsgroep, opende de vergadering.",
    "De voorzitter van de stuurgroep, Karin Smulders\n\nDe leden hebben vragen gesteld.",
])
def test_a_chair_of_an_internal_body_stays_a_finding(text: str) -> None:
    assert "Karin Smulders" in _found(text)


# --- 5. an organisation's general number ---------------------------------------------------------------------------

def test_an_organisations_general_telephone_number_is_no_finding() -> None:
    text = ("Reacties kunnen worden gezonden aan de griffie via het algemene adres postbus@eerstekamer.nl; de Eerste "
            "Kamer is daarnaast bereikbaar via haar algemene telefoonnummer 070 312 92 00.")
    assert _found(text) == []


@pytest.mark.parametrize(("text", "number"), [
    ("De helpdesk is bereikbaar via het algemene nummer 06 12345678.", "06 12345678"),
    ("U kunt bellen met het algemene telefoonnummer van de heer Bakker, 070 312 45 67.", "070 312 45 67"),
    ("Mevrouw Bakker is bereikbaar via haar telefoonnummer 070 312 45 67.", "070 312 45 67"),
])
def test_a_persons_or_a_mobile_number_stays_a_finding(text: str, number: str) -> None:
    assert number in _found(text)
