"""Round 8 (tuner8p): parliamentary proceedings told by their speaker turns, members named in them, and party labels.

Fixtures of our own (none copied from the corpus). Every rule that makes a name public has leak-side counterexamples: a
civil servant in the same form, or one sharing a member's surname, stays a finding. The members named here are in the
register of office holders (publieke_personen.tsv): Erik Ronnes, Pieter Heerma, Bente Becker, Bram van Ojik.
"""

from __future__ import annotations

import pytest

from redaction.findings import Collector
from redaction.matchers import find_unregistered
from redaction.matchers.unregistered.parliament import in_proceedings


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


# a plenary debate or committee debate as the Handelingen print it: no heading, only the speaker turns
_DEBATE = ("De voorzitter:\n\nIk geef het woord aan de minister voor zijn antwoord in eerste termijn.\n\n"
           "Minister Hoekstra:\n\nDank u wel, voorzitter. ")
_INLINE = ("De heer Weverling (VVD): Voorzitter, ik heb een vraag over de tabel.\n\n"
           "Staatssecretaris Van Rij: Die vraag beantwoord ik graag. ")
_LETTER = "Hierbij zend ik u de antwoorden op de vragen van de commissie. "


# --- 1. proceedings told by their speaker turns --------------------------------------------------------------------

@pytest.mark.parametrize("text", [_DEBATE, _INLINE, "Minister Bruins:\n\nJa.\n\nMevrouw Becker (VVD):\n\nDank.",
                                  "Nr. 88 VERSLAG VAN EEN COMMISSIEDEBAT\n\nDe vaste commissie heeft overleg gevoerd."])
def test_two_speaker_turns_make_a_report_of_proceedings(text: str) -> None:
    assert in_proceedings(text)


@pytest.mark.parametrize("text", [
    _LETTER + "De heer Ronnes heeft gebeld.",
    # one turn-like line in a letter is no transcript
    "Minister Hoekstra:\n\nHet kabinet neemt de motie over. De heer Ronnes heeft gebeld.",
    # two ministers quoted in a letter, or a chair alone, is no transcript
    "Minister Hoekstra: het kabinet steunt de motie.\n\nMinister Kaag: dat geldt ook voor mij.",
    "De voorzitter: welkom.\n\nDe voorzitter: de vergadering is gesloten.",
    # a civil servant's label is no member's turn: no party label
    "De heer Ronnes (BZK): ik stuur de cijfers.\n\nMevrouw Bakker (directie Wonen): dank.",
])
def test_a_letter_or_a_civil_servants_label_is_no_report_of_proceedings(text: str) -> None:
    assert not in_proceedings(text)


@pytest.mark.parametrize("text", [
    # a salutation and a bare surname the register knows
    _DEBATE + "De heer Ronnes heeft gevraagd naar de uitvoering. Ook de heer Heerma vroeg daarnaar.",
    _INLINE + "De heer Ronnes vroeg daar gisteren ook al naar.",
    # a salutation and the full name, a given name the register holds
    _DEBATE + "Mevrouw Bente Becker heeft gewezen op de doorrekeningen.",
    # the speaker's colleague
    _DEBATE + "Ik feliciteer mijn collega Bram van Ojik met zijn verjaardag.",
    _DEBATE + "Onze gewaardeerde collega Erik Ronnes heeft daar terecht op gewezen.",
    _DEBATE + "Mijn collega Heerma (CDA) vroeg daar ook naar.",
    # members call each other "collega" in a debate, also in a list
    _DEBATE + "Ik sluit mij aan bij de vragen van collega Heerma.",
    _DEBATE + "Ik dank de collega's Ronnes, Bente Becker en Heerma voor hun amendement.",
])
def test_a_member_the_register_knows_is_public_in_a_debate(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # the minister's support in the debate are civil servants
    (_DEBATE + "Ik word vandaag bijgestaan door de heer Ronnes.", "Ronnes"),
    (_DEBATE + "Mijn ambtenaar, mevrouw Bente Becker, stuurt u de tabel.", "Bente Becker"),
    # the speaker's own staff, a role noun in the sentence
    (_DEBATE + "Ik dank de heer Ronnes van mijn ministerie voor zijn werk.", "Ronnes"),
    (_DEBATE + "Ik dank mevrouw Bente Becker van mijn staf voor haar werk.", "Bente Becker"),
    (_DEBATE + "Ik dank de heer Ronnes, mijn adviseur, voor zijn werk.", "Ronnes"),
    (_DEBATE + "Mevrouw Tielen heeft het wetsvoorstel namens mij voorbereid.", "Tielen"),
    # the minister's support, said without "bijgestaan"
    (_DEBATE + "Ik word bijgestaan door twee ambtenaren. De heer Ronnes licht de cijfers toe.", "Ronnes"),
    (_DEBATE + "De heer Ronnes, die de minister ondersteunt, geeft een presentatie.", "Ronnes"),
    # a civil-servant cue in the colleague's sentence
    (_DEBATE + "Mijn collega Ronnes van de directie Begrotingszaken stuurt u de tabel.", "Ronnes"),
    (_DEBATE + "Onze collega Erik Ronnes, beleidsmedewerker, heeft de nota geschreven.", "Erik Ronnes"),
    (_DEBATE + "Mijn collega Heerma is bereikbaar op 070 456 78 90 voor vragen.", "Heerma"),
    # the colleague's organisation or post after the name: an agency, a ministry, a unit in brackets
    (_DEBATE + "Mijn collega Ronnes van de NVWA stuurt u de tabel.", "Ronnes"),
    (_DEBATE + "Mijn collega Heerma van Financiën rekent het na.", "Heerma"),
    (_DEBATE + "Onze collega Ronnes (DGBK) stuurt u de tabel.", "Ronnes"),
    (_DEBATE + "Ik dank de collega's Ronnes en Heerma, beleidsmedewerkers, voor hun werk.", "Heerma"),
    (_DEBATE + "Ik dank de collega's Ronnes en Heerma van de directie Wonen voor hun werk.", "Ronnes"),
    # someone to turn to, in a contact line, is no member
    (_DEBATE + "Voor vragen kunt u terecht bij collega Heerma.", "Heerma"),
    (_DEBATE + "Voor vragen kunt u terecht bij de heer Heerma.", "Heerma"),
    # a former colleague is no member
    (_DEBATE + "Ik ben het eens met oud-collega Ronnes.", "Ronnes"),
    # a given name no holder of that surname bears
    (_DEBATE + "Mevrouw Lotte Ronnes heeft gewezen op de doorrekeningen.", "Lotte Ronnes"),
    # a colleague the register does not know
    (_DEBATE + "Ik feliciteer mijn collega Bakkerink met zijn benoeming.", "Bakkerink"),
    # no proceedings: "collega" names a civil servant in a ministry letter
    (_LETTER + "Mijn collega Ronnes heeft de nota opgesteld.", "Ronnes"),
    (_LETTER + "Collega Van Ojik heeft de cijfers nagelopen.", "Van Ojik"),
    (_LETTER + "De heer Ronnes heeft de nota opgesteld.", "Ronnes"),
])
def test_a_civil_servant_in_a_debate_or_a_letter_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


def test_a_role_noun_elsewhere_in_the_dossier_keeps_a_colleague_private() -> None:
    collector = Collector([], [], [], [])
    collector.add("debat", _DEBATE + "Ik feliciteer mijn collega Bram van Ojik.", lambda i: None)  # type: ignore[arg-type,return-value]
    collector.add("nota", "De nota is geschreven door beleidsmedewerker Van Ojik.", lambda i: None)  # type: ignore[arg-type,return-value]
    assert [f.key for f in collector.findings()] == ["ojik"]


# --- 2. a party label with the name -------------------------------------------------------------------------------

_ANSWERS = "Schriftelijke antwoorden op vragen gesteld in de eerste termijn van de begrotingsbehandeling.\n\n"


@pytest.mark.parametrize("text", [
    _ANSWERS + "PVV, Bosma, M.\n\nVraag: Hoe staat het met de regeling?\n\nAntwoord: De regeling loopt.",
    _ANSWERS + "CDA, Van Dam, C. Vraag: Blijft de subsidie bestaan? Antwoord: Ja.\n\nD66, De Groot, T. Vraag: En "
    "de andere? Antwoord: Ook.",
    # two members who asked the same question, one item after the other
    _ANSWERS + "PVV, Bosma, M.\n\nCDA, Van Dam, C.\n\nVraag: Wat kost de regeling?",
    # a surname of two words before the party label
    "In antwoord op de vraag van de heer Van Dam Verhoef (VVD) verwijs ik naar de brief.",
])
def test_a_member_with_a_party_label_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a ministry or unit abbreviation is no party label
    (_ANSWERS + "BZK, Van Dijk, J.J.\n\nVraag: Hoe staat het met de regeling?", "Van Dijk"),
    # a label that only starts like a party's
    ("Het dossier lag bij projectleider Jansen (VVD-dossier) en bij mevrouw Bakker.", "Jansen"),
    ("Contact: beleidsmedewerker Van Dam Verhoef (VVD-dossiers), 070 456 78 90.", "Van Dam"),
    # a role noun before the name wins over the label; a paragraph break parts the name from the next one's label
    ("Ook projectleider Van Dijk Bakker (CDA) keek mee.", "Van Dijk"),
    ("Het gesprek was met mevrouw Van Dijk\n\nBakker (VVD) stelde een vraag.", "Van Dijk"),
    # a civil servant with a member's surname elsewhere in the text stays a finding
    (_ANSWERS + "SP, Van Dijk, J.J. Vraag: Wie schreef de nota? Antwoord: collega Van Dijk van de directie "
     "Voortgezet Onderwijs.", "Van Dijk"),
    (_ANSWERS + "50PLUS, Klein, N.P.M. Vraag: Wie is de contactpersoon? Antwoord: beleidsmedewerker Klein.",
     "Klein"),
])
def test_a_civil_servant_beside_a_party_label_stays_a_finding(text: str, name: str) -> None:
    # (a surname of two words after a capitalised tussenvoegsel is found whole since tuner9: "Van Dijk Bakker")
    assert any(f == name or f.startswith(name + " ") for f in _found(text))


# --- 3. a paragraph break ends a name (the folded text has two spaces there) --------------------------------------

def test_the_chair_signing_a_committee_report_is_public() -> None:
    text = ("Vragen en antwoorden zijn hierna afgedrukt.\n\nDe voorzitter van de commissie, Paulus Jansen\n\n"
            "De griffier van de commissie, Esther Post\n\nDe leden van de VVD-fractie hebben vragen gesteld.")
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # the chair of an internal body signing stays a finding
    ("Het verslag volgt.\n\nDe voorzitter van de stuurgroep, Paulus Jansen\n\nDe leden van de stuurgroep "
     "hebben ingestemd.", "Paulus Jansen"),
    # a signature: the name ends at the paragraph, the role noun below is no surname
    ("Met vriendelijke groet,\n\nPaulus Jansen\n\nBeleidsmedewerker directie Wonen", "Paulus Jansen"),
    # a seat without its body stays a finding too
    ("De notulen zijn vastgesteld.\n\nDe voorzitter, Paulus Jansen\n\nDe leden hebben ingestemd.", "Paulus Jansen"),
])
def test_a_civil_servants_name_ends_at_the_paragraph(text: str, name: str) -> None:
    assert name in _found(text)


# --- 4. a member named in a letter by an act in a debate, or as "Tweede Kamerlid" ----------------------------------

@pytest.mark.parametrize("text", [
    "Tijdens het commissiedebat van 12 maart heeft de heer Ronnes gevraagd naar de kosten.",
    "Tijdens het mondelinge vragenuur vroeg mevrouw Tielen naar de wachttijden.",
    "In het notaoverleg van 3 juni heb ik mevrouw Bente Becker toegezegd de Kamer te informeren.",
    "Ik heb hierover gesproken met de heer Heerma, Tweede Kamerlid voor het CDA.",
])
def test_a_member_named_by_a_debate_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a debate without a member's act: the civil servant who prepared it
    ("Het debat van 12 maart werd voorbereid door mevrouw Tielen.", "Tielen"),
    # a civil-servant cue in the sentence
    ("Tijdens het debat vroeg mijn beleidsmedewerker, de heer Ronnes, om de tabel.", "Ronnes"),
    ("Na het debat vroeg de heer Ronnes van de directie Wonen om de tabel.", "Ronnes"),
    ("Voor vragen over het debat kunt u terecht bij de heer Ronnes, die het verzoek deed.", "Ronnes"),
    # a given name no holder bears, a surname the register does not know
    ("Tijdens het commissiedebat heeft mevrouw Lotte Tielen gevraagd naar de kosten.", "Lotte Tielen"),
    ("Tijdens het debat vroeg de heer Bakkerink naar de kosten.", "Bakkerink"),
    # a member's staff is no member
    ("De heer Ronnes, Tweede Kamerlid-medewerker, belde over de planning.", "Ronnes"),
])
def test_a_civil_servant_beside_a_debate_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


# --- 5. a parliamentary group's spokesman or member by its label --------------------------------------------------

@pytest.mark.parametrize("text", [
    "VVD-woordvoerder Tielen vroeg naar de kosten.",
    "De woordvoerder van de VVD-fractie, mevrouw Tielen, vroeg naar de kosten.",
    "Mevrouw Tielen, woordvoerder namens de VVD, vroeg naar de kosten.",
    "De woordvoerder van de fractie van het CDA, de heer Heerma, vroeg naar de kosten.",
])
def test_a_groups_spokesman_the_register_knows_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a ministry's spokesman or the minister's
    ("BZK-woordvoerder Tielen gaf een reactie.", "Tielen"),
    ("De woordvoerder van de minister, mevrouw Tielen, gaf een reactie.", "Tielen"),
    # a civil-servant cue after the name or in the sentence
    ("VVD-woordvoerder Tielen (BZK) gaf een reactie.", "Tielen"),
    ("VVD-woordvoerder Tielen van de NVWA gaf een reactie.", "Tielen"),
    ("VVD-woordvoerder Tielen, beleidsmedewerker bij de directie Wonen, gaf een reactie.", "Tielen"),
    ("VVD-woordvoerder Tielen is bereikbaar via 070 318 22 11.", "Tielen"),
    ("De woordvoerder van de VVD-fractie, mevrouw Tielen van de directie Communicatie, gaf een reactie.", "Tielen"),
    # a given name no holder bears, a surname the register does not know
    ("VVD-woordvoerder Lotte Tielen vroeg naar de kosten.", "Lotte Tielen"),
    ("VVD-woordvoerder Bakkerink vroeg naar de kosten.", "Bakkerink"),
])
def test_a_civil_servant_named_as_a_spokesman_stays_a_finding(text: str, name: str) -> None:
    assert any(name in found for found in _found(text))
