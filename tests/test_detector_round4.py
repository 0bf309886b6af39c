"""The detector rules changed after the blind batch achtergehouden-6 (tuning round 4): organisations' landlines,
parliamentary proceedings, elected offices of islands, provinces and municipalities, an office in a relative clause,
units and compounds after a role noun that are no name; each class with its leak-side counterpart.

Every sentence here is written for this test (none comes from bench/corpus_real).
"""

from __future__ import annotations

import pytest

from redaction.findings import Collector
from redaction.matchers import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


# --- A. a landline the clause gives as an organisation's, a department's or a service's ----------------------------

@pytest.mark.parametrize("text", [
    "Ondernemers kunnen met vragen terecht bij Rijksdienst Waddengebied via 0511 42 42 42.",
    "Scholen kunnen zich wenden tot de afdeling Voorlichting via 050 123 45 67 of voorlichting@duo.example.",
    "Wie wil reageren, kan dat doen; de Koninklijke Vereniging van Bakkers is bereikbaar via 030 765 43 21.",
    "Het loket sluit om vijf uur; de Nationale Jeugdraad is voor jongeren bereikbaar via 020 555 12 12.",
    "Voor de zomer volgt een regeling; de Centrale Huurcommissie is voor haar leden bereikbaar via 070 222 33 44.",
])
def test_an_organisations_landline_is_no_finding(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "number"), [
    # a mobile number stays a person's, whatever organisation the clause names
    ("Ondernemers kunnen terecht bij Rijksdienst Waddengebied via 06 41 22 33 44.", "06 41 22 33 44"),
    ("Scholen kunnen zich wenden tot de afdeling Voorlichting via 06 12 34 56 78.", "06 12 34 56 78"),
    # a person in the clause, a role noun, a salutation, "doorkies"
    ("Vragen gaan naar collega Hekstra van de afdeling Voorlichting via 050 123 45 67.", "050 123 45 67"),
    ("Mevrouw Oortwijn van de Koninklijke Vereniging van Bakkers is bereikbaar via 030 765 43 21.", "030 765 43 21"),
    ("De woordvoerder van de Nationale Jeugdraad is bereikbaar via 020 555 12 12.", "020 555 12 12"),
    ("Bel de afdeling Voorlichting, doorkiesnummer 050 123 45 67, voor een afspraak.", "050 123 45 67"),
    # the clause does not start with the organisation: the number is the person's before it
    ("Daarna; Wiersma van de Nationale Jeugdraad is bereikbaar via 020 555 12 12.", "020 555 12 12"),
    # two surnames written with a capital tussenvoegsel are no organisation
    ("De Boer en De Wit zijn bereikbaar via 070 318 81 88.", "070 318 81 88"),
    ("Inwoners kunnen terecht bij Bakker via 070 318 81 88.", "070 318 81 88"),
])
def test_a_persons_number_stays_a_finding(text: str, number: str) -> None:
    assert number in _found(text)


# --- B. parliamentary proceedings -------------------------------------------------------------------------------

def test_an_attendance_list_of_members_is_public() -> None:
    text = ("Aanwezig zijn negen leden der Kamer, te weten: Van Aalst, Alkaya, Van der Linde, Nijboer, Ronnes, "
            "Sneller, Snels, Van Weyenberg en Omtzigt. De heer Sneller komt later. Ik zie de heer Van Weyenberg.")
    assert _found(text) == []


def test_an_internal_bodys_attendance_list_stays_a_finding() -> None:
    text = "Aanwezig zijn drie leden van de projectgroep, te weten: Bakker, Smit en De Wit. De heer Smit notuleert."
    assert {"Smit", "De Wit"} <= set(_found(text))


def test_who_speaks_for_the_kamer_is_public() -> None:
    assert _found("Bij de regeling heeft de Kamer bij monde van de heer Segers om een brief verzocht.") == []
    assert _found("De VVD-fractie heeft bij monde van mevrouw Tielen gevraagd om uitstel.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Het ministerie heeft bij monde van de heer Bakker laten weten dat het klopt.", "Bakker"),
    ("De werkgroep heeft bij monde van mevrouw Smit laten weten dat het klopt.", "Smit"),
])
def test_who_speaks_for_a_ministry_or_a_working_group_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


_REPORT = "Nr. 12 VERSLAG VAN EEN ALGEMEEN OVERLEG\n\nDe vaste commissie voor Financiën heeft overleg gevoerd. "


def test_a_member_the_register_knows_is_public_in_a_report_of_proceedings() -> None:
    # Van Otterloo and Nijboer were Kamerleden (publieke_personen.tsv)
    assert _found(_REPORT + "De heer Van Otterloo heeft zich afgemeld. De heer Nijboer komt wat later.") == []


@pytest.mark.parametrize(("text", "name"), [
    # the minister's support in the proceedings are civil servants
    (_REPORT + "De Minister wordt bijgestaan door de heer Van Otterloo.", "Van Otterloo"),
    (_REPORT + "De heer Van Otterloo, beleidsmedewerker van de directie Financieringen, licht toe.", "Van Otterloo"),
    # a surname the register does not know
    (_REPORT + "De heer Bakkerink heeft zich afgemeld.", "Bakkerink"),
    # a namesake with another given name than the member's (Gerrit-Jan)
    (_REPORT + "De heer Van Otterloo heeft zich afgemeld. Mevrouw Lotte van Otterloo schreef de nota.",
     "Lotte van Otterloo"),
    # no report of proceedings: a letter
    ("In de Kamerbrief staat het. De heer Van Otterloo heeft gebeld over de planning.", "Van Otterloo"),
])
def test_a_civil_servant_in_proceedings_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_a_role_noun_elsewhere_in_the_dossier_keeps_the_members_surname_private() -> None:
    collector = Collector([], [], [], [])
    collector.add("verslag", _REPORT + "De heer Van Otterloo heeft zich afgemeld.", lambda i: None)  # type: ignore[arg-type,return-value]
    collector.add("nota", "De nota is geschreven door jurist Van Otterloo.", lambda i: None)  # type: ignore[arg-type,return-value]
    assert [f.key for f in collector.findings()] == ["otterloo"]


# --- C. elected offices of islands, provinces and municipalities --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ik stuur u mijn brief aan de heer Maduro, voormalig eilandgedeputeerde, over de begroting.",
    "Het gesprek met mevrouw Zeegers, Statenlid van Zeeland, ging over de veerdienst.",
    "Oud-wethouder Heemskerk opende de tentoonstelling.",
    "De heer Brouwers, gemeenteraadslid in Venlo, stelde de vraag.",
])
def test_an_elected_office_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Mevrouw Smit, voormalig beleidsmedewerker van de gedeputeerde, schreef de notitie.", "Smit"),
    ("De secretaris van de eilandgedeputeerde, de heer Bakker, schreef de notitie.", "Bakker"),
    ("De beleidsmedewerker van gedeputeerde Jansen, mevrouw De Wit, schreef de notitie.", "De Wit"),
    # after a singular title a salutation after the comma is another person, no second holder
    ("De woordvoerder van minister Jansen, mevrouw De Wit, zei dat het klopt.", "De Wit"),
    ("Het overleg met gedeputeerde Jansen, mevrouw De Wit en de heer Bakker verliep goed.", "Bakker"),
])
def test_the_staff_of_an_elected_office_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_an_office_and_its_area_take_the_holder_in_apposition() -> None:
    assert _found("Daarna; de wethouder Wonen en Zorg van Zwolle, de heer Pieter Kanis, is geïnformeerd.") == []
    assert _found("De Nationaal Coördinator Cybersecurity en Weerbaarheid, de heer Dirk Smeenk, is ingelicht.") == []


# --- D. an office in a relative clause on the organisation ----------------------------------------------------------

def test_a_seat_in_a_relative_clause_on_an_outside_organisation_is_public() -> None:
    assert _found("Zie het advies van de Raad voor Cultuur, waarvan mevrouw Lotte Verbruggen voorzitter is.") == []


@pytest.mark.parametrize(("text", "name"), [
    ("Zie het advies van de projectgroep, waarvan mevrouw Ilse Bakker voorzitter is, en meer.", "Ilse Bakker"),
    ("Zie het werk van de directie Wonen, waarvan de heer Bakker directeur is.", "Bakker"),
    ("Zie het werk van de Stichting Lezen, waarvan de heer Bakker medewerker is.", "Bakker"),
])
def test_a_seat_in_an_internal_body_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


# --- E. what follows a role noun and is no name ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "not_a_name"), [
    ("Voorbereid door Anouk Veltman, coördinator EU-landbouwdossiers bij LVVN.", "EU-landbouwdossiers"),
    ("Zo schreef adviseur ICT-beleid Dekker het voorstel.", "ICT-beleid"),
    ("Mevrouw Hazelhoff, afdelingshoofd Beheer Subsidieregelingen, was er ook.", "Beheer Subsidieregelingen"),
])
def test_a_compound_or_a_unit_after_a_role_noun_is_no_name(text: str, not_a_name: str) -> None:
    found = _found(text)
    assert not any(not_a_name in f for f in found)
    assert found  # the civil servant is still found


@pytest.mark.parametrize(("text", "name"), [
    ("Dit deed coördinator Blanksma-van den Heuvel.", "Blanksma-van den Heuvel"),
    ("Dit deed coördinator Verhagen-Ruis met de jurist.", "Verhagen-Ruis"),
    ("Dit deed afdelingshoofd Karin Verheijen.", "Karin Verheijen"),
])
def test_a_double_surname_or_a_given_name_after_a_role_noun_stays_a_name(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(("text", "name"), [
    # the name after the unit or compound the role noun names is still the civil servant's
    ("Zo schreef coördinator EU-landbouwdossiers Dekker het voorstel.", "Dekker"),
    ("Zo schreef afdelingshoofd Beheer Subsidieregelingen Dekker het voorstel.", "Dekker"),
    ("Zo schreef adviseur ICT-beleid Van Dam het voorstel.", "Van Dam"),
    ("Zo schreef medewerker Communicatie Jan Dekker het voorstel.", "Jan Dekker"),
])
def test_the_name_after_a_unit_is_found(text: str, name: str) -> None:
    assert name in _found(text)


# --- further classes from probing the rules with sentences of our own ---------------------------------------------

@pytest.mark.parametrize("text", [
    "De Autoriteit Consument en Markt is bereikbaar via 070 722 20 00.",  # the organisation's noun alone
    "Het Nederlands Meetinstituut is bereikbaar via 015 269 15 00.",
    "Het Oranje Kruis is voor vragen bereikbaar op 070 330 20 20.",  # "het": a person takes no article
    "Het ministerie van Justitie is bereikbaar via 070 370 79 11.",
    "De Raad voor Cultuur is bereikbaar via post@cultuur.example of 070 310 66 86.",
    "Het Planbureau voor de Leefomgeving (070 328 87 00) publiceert de cijfers.",
    "Vragen kunnen naar het secretariaat via 070 426 64 26.",
    "Deelnemers kunnen zich aanmelden via aanmelden@minocw.example of telefonisch via 070 412 34 56.",
    "Vragen? Bel de Informatielijn Onderwijs via 070 373 85 00.",
])
def test_more_forms_of_an_organisations_number(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Deelnemers kunnen zich aanmelden via j.bakker@minocw.example of telefonisch via 070 412 34 56.", "070 412 34 56"),
    ("Mail naar info@minocw.example of bel projectleider De Wit via 070 412 34 56.", "070 412 34 56"),
    ("Mail naar info@minocw.example of bel 06 12 34 56 78.", "06 12 34 56 78"),
    # a number before an office's mailbox with nothing to say whose may be the writer's own
    ("Tel. 0031 30 7654321 of secretariaat.dgx@minezk.example.", "0031 30 7654321"),
    ("De contactpersoon van het UWV is bereikbaar via 088 898 92 94.", "088 898 92 94"),
    ("Het secretariaat van mevrouw Smit is bereikbaar via 070 426 64 26.", "070 426 64 26"),
    ("De Vries is bereikbaar via 070 426 64 26.", "070 426 64 26"),
    ("De Jonge is bereikbaar via 070 426 64 26.", "070 426 64 26"),
    ("De heer Hendriks (070 445 56 78) beantwoordt de vragen.", "070 445 56 78"),
    ("Het Planbureau voor de Leefomgeving (contactpersoon: Anne Visser, 070 328 87 00) publiceert.", "070 328 87 00"),
])
def test_more_forms_of_a_persons_number(text: str, number: str) -> None:
    assert number in _found(text)


@pytest.mark.parametrize("text", [
    "De Hoge Commissaris voor de Vluchtelingen van de VN, Filippo Grandi, bracht een bezoek.",
    "In het journaal zei journalist Eva Jinek dat het kabinet moet ingrijpen.",
    "De Stevinpremie werd toegekend aan prof. dr. Marleen Kamperman.",
    "De Rembrandtprijs is dit jaar uitgereikt aan Jan Hoet.",
    "Het pand van het Dr. Schaepmanhuis wordt verkocht.",
])
def test_more_public_people_and_buildings(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a prize of the state's own, or a role noun, keeps the laureate a civil servant
    ("De Rijksinnovatieprijs werd toegekend aan mevrouw Brinkhorst.", "Brinkhorst"),
    ("De Innovatieprijs van het ministerie werd uitgereikt aan Jan Brinkhorst.", "Jan Brinkhorst"),
    ("De Innovatieprijs werd uitgereikt aan projectleider Jan Brinkhorst.", "Jan Brinkhorst"),
    ("De subsidie werd toegekend aan mevrouw Brinkhorst.", "Brinkhorst"),
])
def test_a_laureate_of_the_states_own_prize_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(("text", "names"), [
    ("Vragen kunnen worden gesteld aan Samira el Haddadi, senior beleidsmedewerker.", ["Samira el Haddadi"]),
    ("Verhoeven-Kok en Pauwels van de Belastingdienst leverden de gegevens aan.", ["Verhoeven-Kok", "Pauwels"]),
    ("In de stuurgroep zitten Jansen (BZK), Pietersen (IenW) en Van Leeuwen (EZK).",
     ["Jansen", "Pietersen", "Van Leeuwen"]),
    ("De afstemming loopt via projectleider Wilma Verbeek; Verbeek houdt ook de gemeente op de hoogte.",
     ["Wilma Verbeek", "Verbeek"]),
])
def test_more_forms_of_a_civil_servants_name(text: str, names: list[str]) -> None:
    assert names == _found(text)


def test_a_unit_the_text_writes_in_lower_case_is_no_name() -> None:
    text = ("Het beleid voor de arbeidsmarkt is gewijzigd. Namens het ministerie nam Henk van der Veen, "
            "plaatsvervangend directeur Arbeidsmarkt, deel.")
    assert _found(text) == ["Henk van der Veen"]
    # a surname is never written in lower case, and a listed one counts never: both stay names
    assert _found("De nota is van teamleider Uitermark.") == ["Uitermark"]
    assert _found("Over bakkers: de nota is van teamleider Bakker; de bakker bakt.") == ["Bakker"]


def test_a_place_of_a_persons_name_is_no_later_mention() -> None:
    text = "Het loopt via projectleider Wilma Hoogeveen. In Hoogeveen en de gemeente Hoogeveen is het druk."
    assert _found(text) == ["Wilma Hoogeveen"]


@pytest.mark.parametrize("text", [
    "Patiënten kunnen de Nederlandse Arbeidsinspectie bereiken via 0800 5151.",
    "Bezoekers kunnen het Scheepvaartmuseum bereiken via 020 523 22 22.",
    "Het Nederlandse consulaat in Antwerpen is te bereiken op +32 3 203 52 52.",
    "Organisaties kunnen zich melden bij de Nationale Coördinator Veiligheid via 070 751 50 50.",
    "De CEO van Philips, de heer Roy Jakobs, sprak met de minister.",
    "De heer Tom Berendsen, hoofdeconoom van ABN AMRO, was aanwezig.",
    "De Rijksbouwmeester, de heer Floris Vermaat, adviseerde over het ontwerp.",
])
def test_more_organisations_numbers_and_heads(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Burgers kunnen de heer Bakker bereiken via 070 318 81 88.", ["Bakker", "070 318 81 88"]),
    ("Burgers kunnen De Vries bereiken via 070 318 81 88.", ["De Vries", "070 318 81 88"]),
    ("Burgers kunnen het secretariaat van mevrouw Smit bellen op 020 674 70 00.", ["Smit", "020 674 70 00"]),
    ("Organisaties kunnen zich melden bij coördinator Jansen via 070 751 50 50.", ["Jansen", "070 751 50 50"]),
    # a chief executive or an economist of the state is its civil servant
    ("De CEO van de Belastingdienst, de heer Bakker, sprak.", ["Bakker"]),
    ("De hoofdeconoom van het ministerie, de heer Bakker, sprak.", ["Bakker"]),
    # in proceedings, who explains on behalf of the ministry is a civil servant
    (_REPORT + "De minister geeft het woord aan de heer Van Otterloo, die namens het ministerie het plan toelicht.",
     ["Van Otterloo"]),
])
def test_more_persons_beside_organisations(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # an institution's word after a tussenvoegsel is a surname: "van der Laan", "Van der Kerk", "ter Brug"
    ("Het team, onder leiding van Ilse van der Laan, rapporteert.", ["Ilse van der Laan"]),
    ("De nota is geschreven door Joris van de Kerk.", ["Joris van de Kerk"]),
    # people listed after "te weten": an internal body's stay findings, a list of things is none
    ("De leden van de ambtelijke werkgroep, te weten Hendriks, Van Dam en Pauw, stelden het op.",
     ["Hendriks", "Van Dam", "Pauw"]),
    ("Twee varianten, te weten Groen en Blauw, zijn onderzocht.", []),
    ("Het rapport is opgesteld door drie bureaus, te weten ResearchNed, Berenschot en KBA Nijmegen.", []),
    # "het ministerie" as the subject gives the ministry's number; the person's after it stays
    ("Het ministerie is bereikbaar via 070 123 45 67; voor vragen kunt u terecht bij Anne Vos (070 123 45 99).",
     ["Anne Vos", "070 123 45 99"]),
])
def test_surnames_after_a_tussenvoegsel_and_enumerations(text: str, found: list[str]) -> None:
    assert _found(text) == found


def test_streets_and_buildings_stay_no_person() -> None:
    for text in ("De route loopt via de Prins Clauslaan en de Laan van Nieuw Oost-Indië.",
                 "Het Huis van de Toekomst en het Anne Frank Huis openen.", "Dit deed de Stichting van de Kerk."):
        assert _found(text) == []


@pytest.mark.parametrize("text", [
    "De Permanente Vertegenwoordiger bij de VN, mevrouw Lise Gregoire, sprak.",
    "De EU-ambassadeur in Japan, de heer Jean-Eric Paquet, was aanwezig.",
    "De VN-gezant voor Jemen, de heer Hans Grundberg, sprak.",
    "De NAVO-secretaris-generaal Jens Stoltenberg bezocht de troepen.",
    "De Eurogroepvoorzitter, de heer Jeroen Dijsselbloem, zat de vergadering voor.",
    "De Inspecteur-Generaal Der Krijgsmacht, luitenant-generaal Hans Jacobs, rapporteerde.",
    "De verkenner, de heer Johan Remkes, heeft zijn advies uitgebracht.",
])
def test_envoys_and_appointed_offices_are_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("De plaatsvervangend permanent vertegenwoordiger, de heer Bakker, nam deel.", "Bakker"),
    ("De medewerker van de Permanente Vertegenwoordiging, mevrouw Bakker, nam deel.", "Bakker"),
    ("De verkenner van de directie, de heer Bakker, rapporteerde.", "Bakker"),
    ("De werkgroepvoorzitter, de heer Bakker, zat voor.", "Bakker"),
])
def test_deputies_and_staff_of_envoys_stay_findings(text: str, name: str) -> None:
    assert name in _found(text)


@pytest.mark.parametrize(("text", "found"), [
    # a listed given name and a surname no list holds, followed by lower case
    ("De interviews zijn gehouden door Eline Tjoa en Wouter Zwanikken.", ["Eline Tjoa", "Wouter Zwanikken"]),
    ("Namens de directie Jeugd schoof Sven Lindqvist aan.", ["Sven Lindqvist"]),
    # initials and an Arabic or Berber particle
    ("De berekening is gecontroleerd door A. el Idrissi.", ["A. el Idrissi"]),
    ("Het verslag is van M. Ben Ali.", ["M. Ben Ali"]),
    # a street abroad and a head of government are no finding
    ("Het gebouw staat aan de Via Carlo Magno in Parma.", []),
    ("De Duitse bondskanselier Olaf Scholz sprak over de begroting.", []),
    # two given names are one person's, a name of several capitalised words an institution's
    ("Koning Willem Alexander opende de Johan Cruijff Schaal.", []),
])
def test_unlisted_surnames_and_particles(text: str, found: list[str]) -> None:
    assert _found(text) == found


def test_a_given_name_the_lists_lack_before_a_tussenvoegsel_joins_the_name() -> None:
    # the whole name is the public chair's; before, "Kennedy" alone was a finding of its own
    assert _found("De voorzitter van de Raad voor Cultuur, de heer Kennedy van der Laan, schreef het.") == []
    assert _found("Dit deed projectleider Kennedy van der Laan.") == ["Kennedy van der Laan"]
    # a listed surname before the tussenvoegsel, or a place after it, stays the surname alone
    assert _found("Het gesprek met mevrouw Bakker van Amsterdam was goed.") == ["Bakker"]


@pytest.mark.parametrize("text", [
    "Reizigers kunnen terecht bij het Nationaal Reisloket, dat dag en nacht bereikbaar is via 070 111 22 33.",
    "Ouders kunnen terecht bij de Stichting Kinderopvang Nederland, telefonisch bereikbaar via 030 222 33 44.",
    "Mantelzorgers kunnen terecht bij het steunpunt Zorgpunt, bereikbaar via 088 444 55 66, of mailen.",
])
def test_an_organisation_then_reachable_in_apposition(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "number"), [
    ("Vragen gaan naar Bakker (RVO), bereikbaar via 088 042 11 11.", "088 042 11 11"),  # no article: a person
    ("Vragen gaan naar de heer Bakker, bereikbaar via 088 042 11 11.", "088 042 11 11"),
    ("Vragen gaan naar de projectleider van de RVO, bereikbaar via 088 042 11 11.", "088 042 11 11"),
    ("Vragen gaan naar de afdeling van Jansen, bereikbaar via 088 042 11 11.", "088 042 11 11"),
])
def test_a_person_then_reachable_stays_a_finding(text: str, number: str) -> None:
    assert number in _found(text)
