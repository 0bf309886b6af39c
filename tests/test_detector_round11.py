"""The errors of achtergehouden-15 as classes (fixtures of our own, never the corpus's sentences): a chamber's
attendance list printed as a bare paragraph of names, without its "te weten" (the chamber's website puts the heading
in a paragraph of its own), and the members who sent apologies ("X, Y en Z, wegens bezigheden elders"). Each
precision rule has a leak-side counterexample: ministry minutes, a list with a role noun, a unit or a bracket, a short
list, or a list of names the register does not know keep their civil servants."""

from __future__ import annotations

import pytest

from redaction.matchers.unregistered.detect import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=(), keep_names=[])]


# ten surnames the register knows as members of either chamber, two it does not, one given name and surname
_MEMBERS = ("Zeedijk, Van Aelst-den Uijl, Azarkan, Te Veldhuis, Doornhof, Akerboom, Harbers, Polderman, Smals, "
            "Algra, Wijnkoop-Terhaar, Ruimschotel, Inge Veldman en Agema,")
_HEADING = "Voorzitter: Algra\n\nTegenwoordig zijn 41 leden, te weten:\n\n"
_BETWEEN = "De vergadering wordt geopend om 13.30 uur.\n\n"


# -- precision: a bare attendance list in proceedings ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    _HEADING + _BETWEEN + _MEMBERS + "\n\nen de heer Harbers, minister van Infrastructuur en Waterstaat.",
    "Verslag van een commissiedebat\n\nDe voorzitter:\n\nIk open het debat.\n\n" + _MEMBERS + "\n\nDe voorzitter:"
    "\n\nHet woord is aan de heer Azarkan.",
])
def test_a_bare_attendance_list_in_proceedings(text: str) -> None:
    found = _found(text)
    assert not any(n in f for f in found for n in ("Zeedijk", "Wijnkoop", "Ruimschotel", "Veldman", "Doornhof")), found


def test_members_who_sent_apologies() -> None:
    text = (_HEADING + _MEMBERS + "\n\nDe voorzitter:\n\nIk deel aan de Kamer mee dat de volgende leden zich hebben "
            "afgemeld:\n\n" + _BETWEEN + "Polderman, Smals en Van Meetelen, wegens bezigheden elders.")
    found = _found(text)
    assert not any(n in f for f in found for n in ("Polderman", "Smals", "Meetelen")), found


# -- leak side: the same form with civil servants stays a finding ------------------------------------------------------

@pytest.mark.parametrize("text, name", [
    # ministry minutes are no proceedings: the same bare list of common surnames stays findings
    ("Verslag van het overleg van de projectgroep Wonen\n\nAanwezig:\n\nJansen, De Vries, Bakker, Visser, Smit, "
     "Mulder, De Boer, Bos, Dekker en Hendriks,\n\nDe notulen worden vastgesteld.", "Mulder"),
    ("Verslag van het overleg van de projectgroep Wonen\n\nAanwezig: Jansen (BZK), De Vries, Bakker, Visser, Smit, "
     "Mulder, De Boer, Bos en Hendriks.", "Mulder"),
    # a role noun, a unit or a bracket in the paragraph: no bare list, even in proceedings
    (_HEADING + _BETWEEN + _MEMBERS + "\n\nbijgestaan door Zeedijk, Azarkan, Doornhof, Akerboom, Polderman, Smals, "
     "Algra en Hendriks, beleidsmedewerkers van het ministerie.", "Hendriks"),
    (_HEADING + _BETWEEN + "Zeedijk, Azarkan, Doornhof, Akerboom, Mulder (BZK), Polderman, Smals, Algra en Hendriks.",
     "Hendriks"),
    # a short list, or one the register mostly does not know
    (_HEADING + _BETWEEN + "Zeedijk, Azarkan, Kramer en Hendriks,", "Hendriks"),
    (_HEADING + _BETWEEN + "Smit, Hendriks, Kramer, Willems, Prins, Huisman, Jacobs, Kuipers, Post, Zeedijk en "
     "Azarkan,", "Hendriks"),
])
def test_a_list_of_civil_servants_stays_findings(text: str, name: str) -> None:
    # a bare surname is found by its title elsewhere in the text; a qualifying list would make it public
    assert any(name in f for f in _found(text + f"\n\nHet verslag is opgesteld door mevrouw {name}."))


def test_a_civil_servant_named_with_her_unit_stays_a_finding_beside_a_list() -> None:
    text = (_HEADING + _BETWEEN + _MEMBERS.replace("Ruimschotel", "Hendriks")
            + "\n\nDe heer Hendriks van de directie Wonen gaf de leden een toelichting.")
    assert "Hendriks" in _found(text)


def test_an_apology_for_an_unknown_name_stays_a_finding() -> None:
    text = (_HEADING + "Ik deel aan de Kamer mee dat de volgende leden zich hebben afgemeld:\n\n" + _BETWEEN
            + "Hendriks, wegens ziekte.\n\nHet verslag is opgesteld door mevrouw Hendriks.")
    assert any("Hendriks" in f for f in _found(text))


# -- recall: a name no list holds, spelled by the personal address right after it -------------------------------------

@pytest.mark.parametrize("text, found", [
    ("Namens de directie Bestuurlijke Zaken is Wiremu Tangaroa aangewezen als aanspreekpunt (w.tangaroa@minbzk.nl, "
     "06 48 21 77 90).", ["Wiremu Tangaroa", "w.tangaroa@minbzk.nl"]),
    ("Aanvragers kunnen zich wenden tot mevrouw Rangihuna via aroha.rangihuna@rvo.nl of 088 042 55 13.",
     ["Rangihuna", "aroha.rangihuna@rvo.nl"]),
])
def test_a_name_spelled_by_its_address_is_found(text: str, found: list[str]) -> None:
    assert set(found) <= set(_found(text))


@pytest.mark.parametrize("text", [
    # a project's or a committee's box spells no person: no listed given name, no initial, no title before it
    "Vragen over het project Blauwe Golf gaan naar blauwe.golf@rvo.nl.",
    "De werkgroep Digitale Overheid is bereikbaar via digitale.overheid@minbzk.nl.",
    "Wie de stukken wil ontvangen, kan zich wenden tot de commissiemailbox cie.bzk@tweedekamer.nl.",
])
def test_an_offices_box_spells_no_name(text: str) -> None:
    assert _found(text) == []


# -- precision: a Kamer committee's chair signing its report with initials ---------------------------------------------

_SIGNED = "Het verslag is vastgesteld.\n\nMede namens de commissie voor Financiën,\n\n"


def test_a_committee_chair_signing_the_report() -> None:
    # Azarkan: a surname the register holds as a member
    assert _found(_SIGNED + "F.J.M. Azarkan\nVoorzitter van de commissie voor Economische Zaken en Klimaat") == []


@pytest.mark.parametrize("text, name", [
    # a ministry's own committee, one of an organisation, a name no member bears
    (_SIGNED + "F.J.M. Azarkan\nVoorzitter van de commissie voor de bezwaarschriften", "Azarkan"),
    (_SIGNED + "F.J.M. Azarkan\nVoorzitter van de commissie voor Integriteit", "Azarkan"),
    (_SIGNED + "F.J.M. Azarkan\nVoorzitter van de commissie voor Financiën van de Belastingdienst", "Azarkan"),
    (_SIGNED + "F.J.M. Kwakernaat\nVoorzitter van de commissie voor Economische Zaken", "Kwakernaat"),
])
def test_a_ministrys_committee_chair_stays_a_finding(text: str, name: str) -> None:
    assert any(name in f for f in _found(text))


# -- leak side: civil servants a plural role noun lists, whose surnames members on the attendance list share ----------

@pytest.mark.parametrize("sentence, names", [
    ("De ambtenaren Zeedijk, Azarkan en Smals van het ministerie hebben de nota voorbereid.",
     ("Zeedijk", "Azarkan", "Smals")),
    ("De medewerkers Doornhof en Akerboom van de directie Wetgeving lichtten het wetsvoorstel toe.",
     ("Doornhof", "Akerboom")),
    ("Minister Harbers: De beleidsmedewerkers Polderman en Van Aelst-den Uijl hebben de cijfers verzameld.",
     ("Polderman", "Van Aelst-den Uijl")),
    ("De juristen mr. Ruimschotel en drs. Algra hebben het advies geschreven.", ("Ruimschotel", "Algra")),
])
def test_civil_servants_a_plural_role_noun_lists_stay_findings(sentence: str, names: tuple[str, ...]) -> None:
    found = _found(_HEADING + _BETWEEN + _MEMBERS + "\n\nDe voorzitter:\n\nIk open de vergadering.\n\n" + sentence)
    assert all(any(n in f for f in found) for n in names), found


def test_members_a_member_calls_colleagues_stay_public() -> None:
    """ "mijn collega's X en Y" in proceedings are members: the plural-role rule leaves "collega's" out."""
    found = _found(_HEADING + _BETWEEN + _MEMBERS + "\n\nDe heer Azarkan (DENK): Voorzitter. Mijn collega's Zeedijk "
                   "en Smals hebben daar al naar gevraagd.")
    assert not any(n in f for f in found for n in ("Zeedijk", "Smals")), found
