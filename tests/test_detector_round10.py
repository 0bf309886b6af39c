"""The errors of achtergehouden-14 as classes (fixtures of our own, never the corpus's sentences): a griffier named
after the bare title; a name no list holds before its post."""

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
