"""The errors of achtergehouden-14 as classes (fixtures of our own, never the corpus's sentences): a griffier named
after the bare title; a name no list holds before its post; a named body's number in a relative clause; a seat in a
relative clause after a College; the secretary-general of the United Nations by its full name; the authors and
editors of a titled publication. Each precision rule has a leak-side counterexample: a civil servant in a like
sentence is still found."""

from __future__ import annotations

import pytest

from redaction.matchers.unregistered.detect import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=(), keep_names=[])]


# -- recall: a griffier named straight after the bare title is staff ---------------------------------------------------

@pytest.mark.parametrize("text, name", [
    ("Voor inzage kunnen de leden een afspraak maken met adjunct-griffier Marzena Wróblewska, bereikbaar op "
     "070-318 55 12 of via m.wroblewska@tweedekamer.nl.", "Marzena Wróblewska"),
    ("De stukken liggen ter inzage bij griffier Tomasz Zielonka van de vaste commissie.", "Tomasz Zielonka"),
])
def test_a_griffier_after_the_bare_title_is_found(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    "De stukken worden verzonden door de griffier van de commissie, Marzena Wróblewska.",
    "Adjunct-griffier van de commissie, Wróblewska  Inleiding  De leden van de fractie hebben vragen.",
])
def test_a_committees_griffier_stays_public(text: str) -> None:
    assert not any("Wróblewska" in f for f in _found(text))


def test_an_email_address_makes_no_surname_a_word_of_the_text() -> None:
    # "directeur Mobiliteit" beside "mobiliteit" is a unit; "kowalczyk" in an address is no prose
    found = _found("Vragen gaan naar adviseur Wiśniewska, via a.wisniewska@minbzk.nl, of naar beleidsmedewerker "
                   "Marta Lewandowska, via m.lewandowska@minbzk.nl.")
    assert "Marta Lewandowska" in found


# -- recall: a name no list holds, in apposition before its post -------------------------------------------------------

@pytest.mark.parametrize("text, name, unit", [
    ("Het overleg met de sector werd geleid door Wulan Prasetyo, plaatsvervangend directeur Visserij en Voedsel.",
     "Wulan Prasetyo", "Visserij"),
    ("De werksessie is voorbereid door Tariq Shahzad, afdelingshoofd Netwerkbeheer, en zijn team.",
     "Tariq Shahzad", "Netwerkbeheer"),
])
def test_a_name_before_its_post_is_found_and_the_unit_is_not(text: str, name: str, unit: str) -> None:
    found = _found(text)
    assert name in found
    assert unit not in found


@pytest.mark.parametrize("text, name", [
    # a unit before the words: the name follows the role
    ("Vragen kunnen worden gericht aan de directie Europese Samenwerking, contactpersoon Jasper de Wolf.",
     "Jasper de Wolf"),
    # a place or ordinary words are no name
    ("In Den Haag, adviseur Kees van Dam was aanwezig.", "Kees van Dam"),
])
def test_no_unit_or_place_is_taken_for_a_name_before_a_post(text: str, name: str) -> None:
    found = _found(text)
    assert name in found
    assert not any(f.startswith(("Europese", "Den Haag")) for f in found)


# -- precision: a named body's number in a relative clause -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Melders kunnen zich wenden tot het Huis voor Integriteit, dat bereikbaar is op 088-133 20 00.",
    "Wie twijfelt, kan terecht bij het meldpunt van de AIVD of bij het Expertisepunt Leren, dat telefonisch "
    "bereikbaar is via 030 221 44 00.",
])
def test_a_named_bodys_number_in_a_relative_clause(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text, number", [
    # a person before it: the number is the person's
    ("Melders kunnen zich wenden tot de heer Jansen van het Huis voor Integriteit, die bereikbaar is op 088-133 20 01.",
     "088-133 20 01"),
    # a head, no named body: "het hoofd ..., dat" is no organisation's line
    ("Melders kunnen zich wenden tot het hoofd van de directie Wonen, dat bereikbaar is op 070-333 20 02.",
     "070-333 20 02"),
    ("Melders kunnen zich wenden tot de coördinator, die bereikbaar is op 070-333 20 03.", "070-333 20 03"),
])
def test_a_persons_number_in_a_relative_clause_is_found(text: str, number: str) -> None:
    assert number in _found(text)


# -- precision: a seat in a relative clause after a College ------------------------------------------------------------

def test_a_colleges_chair_in_a_relative_clause() -> None:
    assert _found("Men kan een oordeel vragen aan het College voor Gelijke Kansen, waarvan mevrouw Oosterwijk "
                  "voorzitter is.") == []


def test_a_working_groups_chair_in_a_relative_clause_is_found() -> None:
    assert "Oosterwijk" in _found("Het advies komt van de ambtelijke werkgroep, waarvan mevrouw Oosterwijk "
                                  "voorzitter is.")


# -- precision: the secretary-general of the United Nations by its full name -------------------------------------------

def test_the_un_secretary_general_by_full_name() -> None:
    assert _found("De gezant is door de Secretaris-Generaal van de Verenigde Naties, de heer Almeida, benoemd.") == []


@pytest.mark.parametrize("text", [
    "De secretaris-generaal van het ministerie, de heer Almeida, schreef over de Verenigde Naties.",
    "De plaatsvervangend secretaris-generaal van de Verenigde Naties, de heer Almeida, sprak.",
    "Namens de Permanente Vertegenwoordiging bij de Verenigde Naties sprak beleidsmedewerker Almeida.",
])
def test_a_ministrys_secretary_general_or_staff_near_the_un_is_found(text: str) -> None:
    assert any("Almeida" in f for f in _found(text))


# -- precision: the authors and editors of a titled publication --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik verwijs naar de studie «Gemeentelijke herindeling in de praktijk» van J.P. Veldkamp uit 2012.",
    "Zie de bundel «Toezicht na de privatisering» onder redactie van A.B. Hofstede en C.D. Wijnberg-Kok.",
    "Zie de bundel «Toezicht na de privatisering» onder redactie van prof. dr. A.B. Hofstede.",
])
def test_the_authors_of_a_titled_publication(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "Ik verwijs naar de notitie «Opties voor herindeling» van beleidsmedewerker J.P. Veldkamp.",
    "Ik verwijs naar de notitie «Opties voor herindeling» van J.P. Veldkamp van de directie Wonen.",
    "Ik verwijs naar de notitie «Opties voor herindeling» van J.P. Veldkamp (BZK).",
    "Ik verwijs naar de notitie «Opties voor herindeling» van J.P. Veldkamp, senior adviseur bij de directie Wonen.",
    "De notitie «Opties voor herindeling» is opgesteld door projectleider J.P. Veldkamp.",
    "Zie de bundel «Toezicht na de privatisering» onder redactie van mevrouw Hofstede.",
    # a post after the name, even one the civil-servant cues do not read ("onderzoeker bij de afdeling")
    "Het onderzoek «Vertrouwen in de overheid» door drs. J.P. Veldkamp, onderzoeker bij de afdeling Strategie, volgt.",
    "De bundel «Toezicht in beweging» onder redactie van A.B. Hofstede, jurist bij het ministerie, verscheen in 2020.",
])
def test_a_ministrys_own_author_is_found(text: str) -> None:
    assert any("Veldkamp" in f or "Hofstede" in f for f in _found(text))
