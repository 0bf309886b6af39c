"""The leaks of achtergehouden-11 as classes (fixtures of our own): a name with letters beyond Latin-1 (Turkish,
Polish, Czech, Hungarian, Vietnamese) is found in every form a Latin-1 name is; a capitalised compound
tussenvoegsel ("Van den", "Van der") before a listed surname is read whole, also after a verb in proceedings."""

from __future__ import annotations

import pytest

from redaction.matchers.unregistered import namedata
from redaction.matchers.unregistered.detect import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start:h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize("text, name", [
    # a list item after "met ondersteuning van" (r281's form, our own names)
    ("Met ondersteuning van Lieke Brandsma en Mehmet Aydın van de Directie Juridische Zaken.", "Mehmet Aydın"),
    ("Met ondersteuning van Anne Bos en Łukasz Wiśniewski van de directie Wetgeving.", "Łukasz Wiśniewski"),
    ("De analyse is gedaan door Nguyễn Thắng en Jan Dvořák van de directie Financiën.", "Nguyễn Thắng"),
    ("De analyse is gedaan door Nguyễn Thắng en Jan Dvořák van de directie Financiën.", "Jan Dvořák"),
    # a bare surname the lists hold in its base letters ("Yildirim", "Sahin")
    ("Het advies is opgesteld door Yıldırım van de directie Wetgeving.", "Yıldırım"),
    ("Het advies is opgesteld door Şahin van de directie Wetgeving.", "Şahin"),
    # after a role noun, a plural role noun, a salutation
    ("De beleidsmedewerkers Yılmaz en Kowalczyk van de directie Wetgeving stelden de nota op.", "Yılmaz"),
    ("Collega Zoltán Szőke van de directie Wetgeving heeft de tabel gecontroleerd.", "Zoltán Szőke"),
    ("U kunt contact opnemen met mevrouw Dvořáková van de afdeling Juridische Zaken.", "Dvořáková"),
    ("Beleidsadviseur Orhan Yıldırım en jurist Floor van den Akker bereiden het voor.", "Orhan Yıldırım"),
])
def test_a_name_with_letters_beyond_latin1_is_found(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text, name", [
    # r308's form (our own names): a bare surname with a capitalised compound tussenvoegsel after a verb
    ("Staatssecretaris Teeven: Namens de directie Migratiebeleid heeft Van den Akker de tabel opgesteld.",
     "Van den Akker"),
    ("Daarna heeft Van der Meer van de directie Wetgeving de tabel opgesteld.", "Van der Meer"),
    ("De nota is voorbereid door Van den Berg, werkzaam bij de directie Financiën.", "Van den Berg"),
    ("Minister Opstelten: Namens de directie Veiligheid heeft Van der Linden de evaluatie gedaan.", "Van der Linden"),
])
def test_a_compound_capitalised_tussenvoegsel_is_read_whole(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize("text", [
    # a place or a sentence start stays none (public side)
    "Van den Akker tot Zwolle is een lange weg.",
    "Het overleg vond plaats in Den Haag en in De Bilt.",
    "Zij verhuisde naar İstanbul en daarna naar Łódź.",
])
def test_no_name_where_none_is(text: str) -> None:
    assert _found(text) == []


def test_the_base_letters_of_a_name() -> None:
    assert namedata.latin_base("Yıldırım") == "Yildirim"
    assert namedata.latin_base("Szőke") == "Szoke"
    assert namedata.latin_base("Łukasz") == "Lukasz"
    assert namedata.latin_base("Öztürk") == "Öztürk"  # Latin-1 stays as the lists write it
    assert "Yıldırım" in namedata.surnames() and "Yildirim" in namedata.surnames()
    assert "Qzxwv" not in namedata.surnames()


# false findings of achtergehouden-11 as classes: a numbered heading line, a former public office, an international
# body's abbreviation (also in mixed case) before its head; each with civil servants in the same form

@pytest.mark.parametrize("text", [
    "Inleiding.\n\nI. Geannoteerde agenda\n\nDe formele agenda is nog niet bekend.",
    "Met deze brief.\n\nI. Verslag informele Landbouw- en Visserijraad\n\nDe Raad stond in het teken van.",
    "Met deze brief.\n\nV. Overige onderwerpen\n\nDaarnaast is besproken.",
    "Dat heet naar oud-minister-president Wim Kok nog altijd zo.",
    "Ook oud-premier Ruud Lubbers sprak op de bijeenkomst.",
    "Ook ESM-directeur Regling nam deel aan de bespreking.",
    "De secretaris-generaal van de Navo, Anders Fogh Rasmussen, zal de bondgenoten informeren.",
    "De Unesco-directeur Bokova opende de conferentie.",
])
def test_a_heading_a_former_office_or_an_international_head_is_no_finding(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text, name", [
    # a paragraph opening with an initial and a name stays a name: a role noun, a unit or a verb on the line
    ("Met deze brief.\n\nI. Bouzerda beleidsmedewerker directie Wonen\n\nDe Raad.", "I. Bouzerda"),
    ("Met deze brief.\n\nI. Bouzerda heeft de nota opgesteld\n\nDe Raad.", "I. Bouzerda"),
    ("Met deze brief.\n\nI. Smit van de directie Wonen\n\nDe Raad.", "I. Smit"),
    ("Met vriendelijke groet,\n\nI. Bouzerda\nbeleidsmedewerker", "I. Bouzerda"),
    # a former colleague or a former head of a unit is no public office
    ("Oud-collega Wim Kok van de directie Wetgeving heeft meegelezen.", "Wim Kok"),
    ("Oud-directeur Wim Kok van de directie Wetgeving heeft meegelezen.", "Wim Kok"),
    # the civil servant beside the public person in the same sentence is still found
    ("Oud-minister-president Wim Kok en beleidsmedewerker Jan Kok van de directie Wetgeving spraken.", "Jan Kok"),
    ("Ook ESM-directeur Regling en beleidsmedewerker Jan Kok van de directie Financiering namen deel.", "Jan Kok"),
    # a unit's head by a unit's abbreviation stays a civil servant
    ("Ook MT-directeur Regling nam deel aan de bespreking.", "Regling"),
    ("De secretaris-generaal van het ministerie, Anders Rasmussen, zal de leden informeren.", "Anders Rasmussen"),
])
def test_the_civil_servant_in_the_same_form_is_still_found(text: str, name: str) -> None:
    assert any(name in found for found in _found(text))  # (a sentence's first role noun may come with the name)


# a noun between "vernoemd naar" and the name; an outside group of experts chaired; a member's argument backed in the
# proceedings ("ter ondersteuning van mevrouw X"); each with the civil servant in the same form

_PROCEEDINGS = ("Handelingen Tweede Kamer\n\nDe voorzitter: Het woord is aan mevrouw Van der Plas.\n\n"
                "Mevrouw Van der Plas (BBB):\nDank u wel, voorzitter. Ik begin.\n\n")


def _found_in_proceedings(text: str) -> list[str]:
    full = _PROCEEDINGS + text
    return [full[h.start:h.end] for h in find_unregistered(full, known=[]) if h.start >= len(_PROCEEDINGS)]


@pytest.mark.parametrize("text", [
    "Het instituut is vernoemd naar sportpionier Pim Mulier.",
    "De zaal is genoemd naar de verzetsstrijder Jan Kok.",
    "Het concept, waarvoor de groep van deskundigen onder leiding van Madeleine Albright haar advies uitbracht.",
    "Het advies van de expertgroep onder leiding van Jan Kok is gisteren verschenen.",
])
def test_a_named_after_figure_or_an_expert_group_chair_is_no_finding(text: str) -> None:
    assert _found(text) == []


def test_backing_a_members_argument_is_no_staff_support() -> None:
    text = "Ik vind het belangrijk om, in aanvulling op en ter ondersteuning van mevrouw Leijten, te zeggen dat."
    assert _found_in_proceedings(text) == []


@pytest.mark.parametrize("text, name", [
    ("Het prijsje is vernoemd naar collega Jan Kok.", "Jan Kok"),
    ("Het prijsje is vernoemd naar beleidsmedewerker Jan Kok.", "Jan Kok"),
    ("Het is vernoemd naar sportpionier Jan Kok van de directie Sport.", "Jan Kok"),
    ("De interdepartementale groep van deskundigen onder leiding van Jan Kok bracht advies uit.", "Jan Kok"),
    ("De groep van deskundigen van de directie Wetgeving stond onder leiding van Jan Kok.", "Jan Kok"),
    ("De groep van deskundigen onder leiding van Jan Kok, senior adviseur, bracht advies uit.", "Jan Kok"),
])
def test_a_civil_servant_named_after_or_chairing_is_still_found(text: str, name: str) -> None:
    assert any(name in found for found in _found(text))


@pytest.mark.parametrize("text", [
    "Ter ondersteuning van de minister is mevrouw Leijten aanwezig.",
    "Ik word met ondersteuning van mevrouw Leijten door de cijfers geleid.",
    "Ik word vandaag ondersteund door mevrouw Leijten.",
])
def test_staff_support_in_the_proceedings_is_still_found(text: str) -> None:
    assert any("Leijten" in found for found in _found_in_proceedings(text))


def test_a_professors_analysis_in_a_published_report_is_no_finding() -> None:
    assert _found("Ik verwijs naar de analyse van prof. dr. H. Oudshoorn in het rapport dat het WODC uitbracht.") == []


@pytest.mark.parametrize("text", [
    "Ik verwijs naar de analyse van dr. H. Oudshoorn in het rapport van de directie Kennis.",
    "Ik verwijs naar de analyse van prof. dr. H. Oudshoorn in het rapport dat de directie Kennis opstelde.",
    "Ik verwijs naar het gesprek met prof. dr. H. Oudshoorn in het rapport.",
    "Ik verwijs naar de analyse van H. Oudshoorn in het rapport dat het WODC uitbracht.",
])
def test_a_scholar_without_public_work_or_with_a_unit_is_still_found(text: str) -> None:
    assert any("Oudshoorn" in found for found in _found(text))
