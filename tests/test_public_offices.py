"""The unregistered-data detector on public offices, internal bodies and the rules added with them.

Every sentence here is written for this test (none comes from bench/corpus_real). Each rule that
makes a name public has its leak-side counterpart: the same form for a civil servant stays a finding.
"""

from __future__ import annotations

import pytest

from redaction.matchers import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize("text", [
    # an office in public law or the head of an institution, in apposition with its organisation
    "De korpschef van de Nationale Politie, mevrouw Janny Knol, opende het congres.",
    "De korpschef, de heer Frank Paauw, gaf een toelichting.",
    "Volgens de Commandant Zeestrijdkrachten, vice-admiraal René Tas, is de oefening geslaagd.",
    "De Commandant der Strijdkrachten, generaal Onno de Wit, opende de bijeenkomst.",
    "De inspecteur-generaal van de Inspectie Justitie en Veiligheid, de heer Hans Faber, presenteerde het rapport.",
    "Inspecteur-generaal van het Onderwijs Alida Oppers presenteerde de Staat van het Onderwijs.",
    "De procureur-generaal bij de Hoge Raad, mevrouw Ellen Steenhuis, adviseerde.",
    "De Kinderombudsvrouw, mevrouw Margriet Visser, sprak met de kinderen.",
    "De ombudsvrouw van Amsterdam, mevrouw Anne Mieke Zwaneveld, publiceerde een rapport.",
    "De hoofdcommissaris van politie, de heer Frank Paauw, lichtte het toe.",
    "De Hoge Vertegenwoordiger van de EU, de heer Josep Borrell, en de ambassadeur in Kyiv, mevrouw Jennes de Mol, "
    "spraken elkaar.",
    "De Nationale Rapporteur Mensenhandel, mevrouw Conny Rijken, publiceerde de monitor.",
    "Het advies van de Raad voor het Openbaar Bestuur (voorzitter: de heer Jan Franssen) is bijgevoegd.",
    "De fractievoorzitter, de heer Henk Bakker, stelde vragen; het lid Inge de Vries sloot zich aan.",
    # a head that could also head a unit, with an organisation outside the ministry
    "De directeur van het Centraal Planbureau, de heer Pieter Hasekamp, lichtte de raming toe.",
    "De secretaris-generaal van de VN, de heer António Guterres, sprak de vergadering toe.",
    "De directeur-generaal van het IMF, mevrouw Kristalina Georgieva, was aanwezig.",
    "De directeur van het Rijksmuseum, de heer Taco Dibbits, gaf een rondleiding.",
    # the name first, the office after it
    "Henk Jansen, inspecteur-generaal van de Inspectie SZW, lichtte het toe.",
    # the author of a published work
    "De masterscriptie van mevrouw Lotte Hoek is als bijlage opgenomen.",
    "Zie ook het proefschrift van dr. A. Smit uit 2019.",
    # plural and collective nouns are a body, not a person
    "In de staf van de Commandant Luchtstrijdkrachten wordt dit besproken.",
])
def test_public_office_holders_and_authors_are_no_findings(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # the same forms for a unit of the ministry or a body of civil servants
    ("De directeur van de directie Woningmarkt, mevrouw Anouk de Bruin, heeft dit voorbereid.", "Anouk de Bruin"),
    ("De directeur-generaal Wonen, mevrouw Bakker, was aanwezig.", "Bakker"),
    ("De directeur van Financiën, mevrouw Hendriks, ondertekende.", "Hendriks"),
    ("De directeur van DG Wonen, de heer Peters, tekende.", "Peters"),
    ("De secretaris-generaal, de heer Jeroen Bos, heeft dit besproken.", "Jeroen Bos"),
    ("De secretaris-generaal van het ministerie van BZK, mevrouw Annet Bos, tekende.", "Annet Bos"),
    ("De directeur-generaal van de Belastingdienst, de heer Koen Smit, gaf uitleg.", "Koen Smit"),
    ("De directeur van de Rijksdienst voor Ondernemend Nederland, de heer Marco Smit, tekende.", "Marco Smit"),
    ("Het hoofd van de afdeling Juridische Zaken, de heer Jansen, tekende.", "Jansen"),
    ("De voorzitter van de interdepartementale werkgroep, mevrouw Ilse Kramer, rapporteerde.", "Ilse Kramer"),
    ("De voorzitter van de ambtelijke commissie, de heer Piet Wouters, opende.", "Piet Wouters"),
    ("De voorzitter van het projectteam, mevrouw Iris Hoekstra, gaf een toelichting.", "Iris Hoekstra"),
    ("Een ambtelijke werkgroep onder voorzitterschap van de heer Tim Bakker, die ook jurist is.", "Tim Bakker"),
    ("Het lid van de werkgroep, de heer Van Vliet, schreef de notitie.", "Van Vliet"),
    ("De werkgroepvoorzitter, mevrouw Sanne Kok, opende.", "Sanne Kok"),
    ("Marloes de Jong, voorzitter van de stuurgroep, opende.", "Marloes de Jong"),
    ("Jan Smit, directeur van de directie Financiën, tekende.", "Jan Smit"),
    # a commander of a unit is a civil servant; so is a rank in the staff of a public office
    ("De commandant van de compagnie, kapitein Rik Mulder, was aanwezig.", "Rik Mulder"),
    ("Kapitein-luitenant ter zee B. Verhoef van de staf van de Commandant Zeestrijdkrachten begeleidde het bezoek.",
     "B. Verhoef"),
    # an internal note is no published work
    ("Zie de notitie van mevrouw Kramer over de planning.", "Kramer"),
])
def test_the_same_forms_for_civil_servants_stay_findings(text: str, name: str) -> None:
    assert name in _found(text) or any(name in f for f in _found(text))


@pytest.mark.parametrize(("text", "name"), [
    ("Het dossier ligt bij beleidscoördinator Lisa Brouwer.", "Lisa Brouwer"),
    ("De dossiers gaan naar zaakbehandelaar Van Dam.", "Van Dam"),
    ("Volgens senior dossierjurist Van Rijn is dat zo.", "Van Rijn"),
])
def test_compounds_of_a_role_noun_name_a_civil_servant(text: str, name: str) -> None:
    assert _found(text) == [name]


def test_a_role_compound_before_a_task_is_no_name() -> None:
    assert _found("Dit is besproken met de beleidscoördinator Terrorismebestrijding.") == []


def test_the_surname_of_a_personal_mailbox_is_a_name_elsewhere() -> None:
    text = "Vragen kunt u richten aan Verbeek via j.verbeek@minbzk.nl; ook Van Verbeek is er."
    assert _found(text) == ["Verbeek", "j.verbeek@minbzk.nl", "Van Verbeek"]


def test_an_office_mailbox_makes_no_name() -> None:
    assert _found("Stuur vragen naar info@verbeek.nl; Verbeek is de naam van de zaak.") == []


def test_a_given_name_after_initials_in_brackets_belongs_to_the_name() -> None:
    assert _found("Contactpersoon: drs. P.J.M. (Paul) Verschoor.") == ["P.J.M. (Paul) Verschoor"]


def test_a_title_does_not_swallow_the_start_of_a_given_name() -> None:
    # "Ing" is a title only as a word: "het lid Inge Bakker" is a Kamerlid, public
    assert _found("Vragen van het lid Inge Bakker over de subsidies.") == []


def test_a_civil_servant_sharing_a_public_surname_keeps_it_a_finding() -> None:
    text = ("Vragen van het lid Inge van Dijk zijn beantwoord. De notitie is geschreven door beleidsmedewerker "
            "Lotte van Dijk.")
    assert _found(text) == ["Inge van Dijk", "Lotte van Dijk"]
    assert _found("Vragen van het lid Inge van Dijk. Mevrouw Van Dijk heeft ook gesproken.") == []


@pytest.mark.parametrize(("text", "names"), [
    ("Volgens Ter Haar van de afdeling Handhaving is dit niet nodig.", ["Ter Haar"]),
    ("Met dank aan Jeroen en Fatma van het programmateam.", ["Jeroen", "Fatma"]),
    ("Dit is uitgezocht door Hendrikx, medewerker van de Dienst Toeslagen.", ["Hendrikx"]),
])
def test_a_unit_or_a_role_after_the_name_tells_a_civil_servant(text: str, names: list[str]) -> None:
    assert _found(text) == names


@pytest.mark.parametrize("text", [
    "Het advies van Deloitte, adviseur van de directie, is bijgevoegd.",
    "Namens Defensie en Financiën van de directie Begrotingszaken kwam een reactie.",
    "In Den Haag, Utrecht en Zwolle van de directie Regio is overleg gevoerd.",
    "De Europese Unie, coördinator van het programma, betaalt.",
    "Jaap Bakker, directeur van het RIVM, gaf uitleg.",  # a role noun, but the head of an outside institution
])
def test_organisations_and_places_before_a_unit_or_role_are_no_names(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text", [
    "De Chef-Defensiestaf, generaal Onno de Bruin, ontving de delegatie.",
    "De directeur van de Koninklijke Bibliotheek, Lily Verwey, ondertekende het convenant.",
    "De hoogleraar bestuurskunde prof. dr. Mark Hovens presenteerde het advies.",
    "Het boek van Geert Marck over Europa wordt veel gelezen.",
    "Het gesprek met de Nationaal Coördinator Groningen, de heer Hans Alderink, vond plaats.",
    "Het fregat voer uit; de Karel Doorman volgde later.",  # an article before a full name: a ship
])
def test_more_public_forms_are_no_findings(text: str) -> None:
    assert _found(text) == []


def test_a_role_before_a_place_is_no_name_unless_the_place_is_a_surname_too() -> None:
    assert _found("De coördinator Utrecht belt morgen.") == []
    assert _found("Het overleg werd voorbereid door teamleider Dijkhuizen.") == ["Dijkhuizen"]


def test_a_spokesperson_of_an_outside_institution_is_public_of_the_minister_not() -> None:
    assert _found("De woordvoerder van De Nederlandsche Bank, de heer Harald Wessel, gaf uitleg.") == []
    assert _found("De woordvoerder van het RIVM, de heer Harald Wessel, gaf uitleg.") == ["Harald Wessel"]
    assert _found("Volgens woordvoerder Kim Hofman is dat zo.") == ["Kim Hofman"]


@pytest.mark.parametrize(("text", "found"), [
    # the name in apposition belongs to the person before the office, not to the office holder
    ("De woordvoerder van de minister, mevrouw Kim Hofman, reageerde.", ["Kim Hofman"]),
    ("De secretaresse van de minister van Financiën, mevrouw Sara Bos, belde.", ["Sara Bos"]),
    # a thing before the office leaves the apposition to the office holder
    ("De brief van de minister, mevrouw Van Huffelen, is bijgevoegd.", []),
])
def test_a_role_noun_before_a_public_office_takes_the_apposition(text: str, found: list[str]) -> None:
    assert _found(text) == found


def test_every_office_word_is_found_by_the_fast_hint() -> None:
    """The offices are only tried where the literal hint occurs: every word the rules know must hold one."""
    import re

    from redaction.matchers.unregistered import offices

    words = [*offices._ALWAYS_WORDS, *offices._HEAD_WORDS, "inspecteur-generaal", "kinderombudsvrouw",
             "hoofdcommissaris", "vicevoorzitter", "scriptie", "proefschrift", "dissertatie", "boek", "essay",
             "column", "opiniestuk", "oratie", "biografie", "roman", "hoogleraar", "lector", "professor"]
    for word in words:
        for form in (word, word.capitalize(), word.title()):
            assert re.search(offices._HINT, form), form


def test_a_firm_named_like_a_person_makes_no_one_public() -> None:
    # (a rule that made the surname public fired on one text only and could hide a civil servant of that name)
    text = "De brief van de heer Hoogewerf over de motie is besproken; Groep Hoogewerf vraagt om een reactie."
    assert _found(text) == ["Hoogewerf"]


@pytest.mark.parametrize(("text", "found"), [
    ("Het rapport van mevrouw Jansen van de directie Wonen is bijgevoegd.", ["Jansen"]),
    ("Het lid Jansen van de werkgroep vroeg het woord.", ["Jansen"]),
    ("Commissie-Bos: mevrouw Ilse Bos (directie Wonen) leidde het overleg.", ["Ilse Bos"]),
    # without the unit the same forms stay public; a report's author is no public office (a civil servant writes
    # reports too)
    ("Het rapport van mevrouw Jansen is bijgevoegd.", ["Jansen"]),
    ("Het lid Jansen stelde vragen.", []),
    ("Het lid Jansen van de Tweede Kamer vroeg het woord.", []),
])
def test_a_mention_plainly_a_civil_servants_keeps_the_surname_a_finding(text: str, found: list[str]) -> None:
    assert _found(text) == found


def _dossier_findings(*texts: str) -> list[str]:
    from pipeline.errors import Loc
    from redaction.findings import Collector

    collector = Collector([], [], [], [])
    for i, text in enumerate(texts):
        collector.add(f"doc{i}", text, lambda _index, i=i: Loc(f"d/doc{i}.yaml"))
    return sorted(f.label for f in collector.findings())


def test_across_the_dossier_a_public_surname_does_not_clear_a_civil_servant_of_another_given_name() -> None:
    kamerbrief = "Met dank aan het lid Inge van Dijk voor haar vragen."
    nota = "De nota is geschreven door Lotte van Dijk."
    assert _dossier_findings(kamerbrief, nota) == ["Lotte van Dijk"]
    assert _dossier_findings(kamerbrief, "Mevrouw Inge van Dijk stelde de vragen.") == []


def test_across_the_dossier_a_civil_servants_mention_keeps_the_surname_a_finding() -> None:
    kamerbrief = "Het lid Jansen stelde vragen."
    nota = "Mevrouw Jansen van de directie Wonen schreef de nota."
    assert _dossier_findings(kamerbrief, nota) == ["Jansen"]
    assert _dossier_findings(kamerbrief) == []


@pytest.mark.parametrize(("text", "found"), [
    ("Het proefschrift van Jan Bakker, beleidsmedewerker bij de directie Wonen, is bijgevoegd.", ["Jan Bakker"]),
    ("Het rapport van mevrouw Kuiper (teamleider) is bijgevoegd.", ["Kuiper"]),
    ("Het boek van Geert Marck, hoogleraar, is bijgevoegd.", []),
])
def test_a_ministry_role_after_the_name_outweighs_a_public_form_before_it(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("De heer Bakker (burgemeester van Zwolle) opende de bijeenkomst.", []),
    ("Mevrouw Smit (voorzitter van de VNG) sprak.", []),
    ("Mevrouw Smit (voorzitter van de werkgroep) sprak.", ["Smit"]),
    ("Henk Vos (korpschef van de Nationale Politie) sprak.", []),
])
def test_a_public_office_in_brackets_after_the_name(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    ("De directeur van de DJZ, mevrouw Anna Kok, adviseerde.", ["Anna Kok"]),  # a directie by its abbreviation
    ("Het hoofd van de FEZ, de heer Tim de Wit, tekende.", ["Tim de Wit"]),
    ("Het hoofd van de AIVD, de heer Erik Akerboom, sprak.", ["Erik Akerboom"]),  # a head of staff: only by name
    ("De directeur-generaal van het IMF, mevrouw Kristalina Georgieva, sprak.", []),
])
def test_an_abbreviation_of_a_ministry_unit_is_no_outside_organisation(text: str, found: list[str]) -> None:
    assert _found(text) == found


@pytest.mark.parametrize(("text", "found"), [
    # a military rank names a civil servant; only the office (Commandant der Strijdkrachten) makes one public
    ("Het bezoek werd begeleid door luitenant-generaal Jan Smit.", ["Jan Smit"]),
    ("De luitenant-generaal, de heer Smit, sprak.", ["Smit"]),
    ("Volgens vice-admiraal Tas is dat zo.", ["Tas"]),
    ("De Commandant der Strijdkrachten, generaal Onno de Wit, opende.", []),
    # compounds of internal bodies are no public office
    ("Projectcommissaris Van Dam leidde het.", ["Van Dam"]),
    # "Staten-Generaal" holds no rank
    ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal Werkgevers kunnen bellen.", []),
])
def test_ranks_and_internal_compounds(text: str, found: list[str]) -> None:
    assert _found(text) == found
