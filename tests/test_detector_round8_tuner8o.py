"""Detector rules of tuning round 8 (tuner8o), after achtergehouden-8 and -9: precision without a leak.

An organisation's service number given after the organisation, heads of outside and public bodies named by their
function, scholars and authors of public work, eponyms and words that are no name. Every rule that makes something
public or no personal data has its leak-side counterparts here: a civil servant in the same form stays a finding.

Every sentence here is written for this test (none comes from bench/corpus_real).
"""

from __future__ import annotations

import pytest

from redaction.matchers import find_unregistered


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


# --- 1. an organisation's service number after the organisation -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Studenten die willen weten of zij recht hebben op een aanvulling, kunnen contact opnemen met het CAK, "
    "telefoon 0800 123 45 67, of met hun gemeente.",
    "Werkgevers die vragen of zij een ontheffing nodig hebben, kunnen terecht bij het UWV, telefoon 088 898 92 94.",
    "Vragen over de regeling kunnen terecht bij het CBR, telefonisch bereikbaar via 088 227 77 00, of op de website.",
    "Ouders kunnen contact opnemen met de Sociale Verzekeringsbank, telefoon 020 656 56 56, voor hun aanvraag.",
    "Het is de vraag of Utrechters bekend zijn met het Regionaal Meldcentrum, dat bereikbaar is via 043 321 00 00.",
    "Reizigers kunnen NS bellen via 030 751 51 55.",
    "Voor vragen kunt u contact opnemen met de Rijksdienst voor het Cultureel Erfgoed, tel. 033 421 74 21.",
    "Het Leger des Heils, telefoon 036 539 81 11, heeft extra opvang geopend.",
    "Stichting Korrelatie (tel. 0900 1450) biedt hulp.",
    "Het Landelijk Informatiecentrum Zwerfjongeren (LIZ), telefoon 030 230 34 00, geeft advies.",
    "De Nederlandse ambassade in Lima is bereikbaar via +51 1 213 0200.",
    "De regionale omgevingsdienst is te bereiken via 040 259 44 00.",
    "Voor vragen kunnen ondernemers contact opnemen met de Kamer van Koophandel via 088 585 22 22.",
])
def test_an_organisations_number_after_it_is_no_finding(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "number"), [
    # a person or a role noun in the clause keeps the number theirs
    ("Aanvragers kunnen terecht bij het CAK, bij mevrouw Veldkamp, telefoon 070 312 45 67.", "070 312 45 67"),
    ("Als zij vragen hebben, kunnen zij contact opnemen met beleidsmedewerker Veldkamp van het UWV, telefoon "
     "070 312 45 67.", "070 312 45 67"),
    ("Vragen gaan naar Veldkamp van het CBR, telefonisch bereikbaar via 070 312 45 67.", "070 312 45 67"),
    # a mobile number and a direct line are always a person's
    ("Als zij vragen hebben, kunnen zij terecht bij het UWV, telefoon 06 41 22 33 90.", "06 41 22 33 90"),
    ("Werkgevers die willen weten of zij in aanmerking komen, kunnen contact opnemen met het UWV, doorkiesnummer "
     "070 312 45 67.", "070 312 45 67"),
    ("Reizigers kunnen Veldkamp bellen via 030 751 51 55.", "030 751 51 55"),
    ("Neem contact op met de heer Veldkamp, tel. 033 421 74 21.", "033 421 74 21"),
    ("De projectleider van het Leger des Heils, telefoon 036 539 81 11, heeft extra opvang geopend.",
     "036 539 81 11"),
    ("De Vries, telefoon 036 539 81 11, heeft extra opvang geopend.", "036 539 81 11"),
    # no verb of a service sought: the pronoun is a person
    ("Zij is via het UWV bereikbaar, telefoon 070 312 45 67.", "070 312 45 67"),
    # a capitalised word before the organisation that is no place's inhabitants may be a name
    ("Vragen gaan naar Veldkamp bij het Regionaal Meldcentrum, dat bereikbaar is via 043 321 00 00.", "043 321 00 00"),
    ("Vragen? Bel Visser van het UWV, tel. 088 898 92 94.", "088 898 92 94"),
    ("De Vries van de ambassade in Lima is bereikbaar via 070 213 02 00.", "070 213 02 00"),
    ("De consul van de ambassade in Lima is bereikbaar via +51 1 213 0200.", "+51 1 213 0200"),
    ("De ambassade, mevrouw Veldkamp, is bereikbaar via 070 213 02 00.", "070 213 02 00"),
])
def test_a_persons_number_beside_an_organisation_stays_a_finding(text: str, number: str) -> None:
    assert number in _found(text)


# --- 2. heads of outside and public bodies by function ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ook de Autoriteit Financiële Markten is uitgenodigd; haar voorzitter, mevrouw Hoogervorst, komt zelf.",
    "Onze president, mevrouw Van der Kolk, lichtte het rapport toe in de commissie.",
    "Het gaat om de evaluatie van de KNAW, waarvan de president, de heer Dorrestijn, eerder sprak.",
    "De stuurgroep, waarin naast de VNG ook de Nationale ombudsman, de heer Brenninkmeijer, zitting had, adviseerde.",
    "Het plan is besproken in de werkgroep, waarin ook de burgemeester van Zwolle, de heer Meijerink, zitting heeft.",
    "De burgemeesters Halsema (Amsterdam), Dekker (Den Haag) en Schouten (Rotterdam) tekenden de brief.",
    "De commissaris van de Koningin in Gelderland, de heer Cornielje, opende de bijeenkomst.",
    "Directeur-generaal Okonjo van de WTO sprak op de conferentie.",
    "OESO-topman Cormann presenteerde de cijfers.",
    "Bij het overleg was ook directeur De Wit van ProRail aanwezig.",
    "Namens de spoorsector is de directeur Reizen van NS erbij betrokken.",
    "De Kansspelautoriteit heeft gereageerd. Haar voorzitter, de heer Van Rijn, schreef dat de regels volstaan.",
    "Het overleg met de burgemeester van Zwolle, Peter Snijders, vond plaats in mei.",
    "De Rijksbouwmeester, Floor Alkema, presenteerde het plan.",
    "De oefening stond onder leiding van de Duitse kolonel Weissbach.",
    "Ook de Koninklijke Luchtvaart Maatschappij, bij monde van bestuursvoorzitter Elbers, reageerde op het plan.",
    "Wat vindt u van het advies van de Onderwijsraad onder leiding van de heer Dijkgraaf? Antwoord: Het kabinet "
    "neemt het over.",
    "Voor de wet is de Commissie evaluatie Omgevingswet (hierna: de commissie), onder voorzitterschap van mr. "
    "A.B. Verhulst, ingesteld.",
])
def test_a_head_of_an_outside_or_public_body_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    # a seat referred back to a unit or an internal body, or without a president
    ("De projectgroep kwam bijeen; haar voorzitter, mevrouw Hoogervorst, opende de vergadering.", "Hoogervorst"),
    ("Het ministerie is uitgenodigd; zijn directeur, de heer Dorrestijn, komt.", "Dorrestijn"),
    ("Onze voorzitter, mevrouw Van der Kolk, opende de vergadering.", "Van der Kolk"),
    ("De stuurgroep, waarvan de voorzitter, de heer Dorrestijn, eerder sprak, vergaderde.", "Dorrestijn"),
    ("De projectgroep heeft gereageerd. Haar voorzitter, de heer Van Rijn, schreef dat de regels volstaan.",
     "Van Rijn"),
    ("De Kansspelautoriteit sprak met de directie Markt. Haar voorzitter, de heer Van Rijn, schreef dat.", "Van Rijn"),
    ("Jansen kwam langs. Haar voorzitter, de heer Van Rijn, schreef dat.", "Van Rijn"),
    ("BZK-directeur Cormann presenteerde de cijfers.", "Cormann"),
    ("De Directeur, Floor Alkema, presenteerde het plan.", "Floor Alkema"),
    ("Bakker, Floor Alkema en Jan Smit presenteerden het plan.", "Bakker"),
    ("Aan de brief werkten mee collega Zwolle, Sluis en Annet Verbeek.", "Annet Verbeek"),
    # a member of an internal body by a role, not by an office of its own
    ("Een klankbordgroep waarin ook de projectleider, mevrouw Brenninkmeijer, zat, volgde het werk.", "Brenninkmeijer"),
    ("De werkgroep, waarin ook de secretaris van de burgemeester, de heer Meijerink, zitting heeft, vergaderde.",
     "Meijerink"),
    ("De werkgroep, waarin ook de burgemeester van Zwolle en beleidsmedewerker Meijerink zitting hebben, vergaderde.",
     "Meijerink"),
    ("De burgemeesters Halsema (Amsterdam) en Dekkers (directie Wonen) tekenden de brief.", "Dekkers"),
    # a place in brackets continues a list only after a plural office
    ("Aanwezig waren minister De Jonge (Utrecht), Hendriks en mevrouw Smit.", "Hendriks"),
    # head, name, organisation: a unit of the ministry or a deputy stays a civil servant
    ("Directeur Okonjo van de directie Handel sprak op de conferentie.", "Okonjo"),
    ("Secretaris-generaal Okonjo van het ministerie sprak op de conferentie.", "Okonjo"),
    ("Plaatsvervangend directeur Okonjo van de WTO sprak op de conferentie.", "Okonjo"),
    ("Bij het overleg was ook directeur De Wit van DUO aanwezig.", "De Wit"),
    ("Bij het overleg was ook directeur De Wit van BZK aanwezig.", "De Wit"),
    # a Dutch officer is a civil servant, and so is a foreign one posted in a unit
    ("De oefening stond onder leiding van de Nederlandse kolonel Weissbach.", "Weissbach"),
    ("De Duitse kolonel Weissbach, liaison bij de directie Operaties, is aanwezig.", "Weissbach"),
    ("Directeur Okonjo van de Stichting Lezen, die ook bij de directie Kennis werkt, sprak.", "Okonjo"),
    ("Een projectteam waarin ook de ambassadeur, de heer Brenninkmeijer, van de directie Europa zit, adviseert.",
     "Brenninkmeijer"),
    # speaking for the ministry or an internal body, or by a role noun
    ("Het ministerie, bij monde van directeur Elbers, reageerde op het plan.", "Elbers"),
    ("De werkgroep, bij monde van haar voorzitter mevrouw Elbers, reageerde op het plan.", "Elbers"),
    ("Ook de Koninklijke Luchtvaart Maatschappij reageerde, bij monde van beleidsmedewerker Elbers.", "Elbers"),
    # a committee named by its task, of a unit or with its staff as chair
    ("De Commissie evaluatie werkprocessen van de directie Bedrijfsvoering, onder voorzitterschap van mevrouw "
     "Verhulst, is ingesteld.", "Verhulst"),
    ("De Commissie evaluatie Omgevingswet werd ingesteld, onder voorzitterschap van mevrouw Verhulst (secretaris "
     "van de werkgroep).", "Verhulst"),
    # the unit after the chair in its own sentence
    ("Het advies van de Onderwijsraad onder leiding van de heer Dijkgraaf van de directie Kennis komt in mei. Het "
     "kabinet reageert.", "Dijkgraaf"),
])
def test_a_civil_servant_in_the_same_form_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)


# --- 3. scholars and authors of public work ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Het oordeel van de drie externe deskundigen, prof. dr. Anke Hoeksma (Universiteit Leiden) en dr. Bram Hofstede "
    "(Radboud Universiteit), ligt bij de Kamer.",
    "Wij gebruiken het werk van prof. dr. ir. Sanne Korteweg van de TU Eindhoven over warmtenetten.",
    "De leden vragen naar het onderzoek van epidemioloog Daan Verkerk van het Erasmus MC naar griep.",
    "De studie wordt geleid door prof. dr. Hanna Bosveld van het Amsterdam UMC en verschijnt in 2026.",
    "De studie is opgesteld door onderzoekers van het CPB en de Universiteit van Tilburg, met Van Dalen als eerste "
    "auteur.",
    "De analyse van econoom Karin Loos van de Erasmus Universiteit laat kleine effecten zien.",
    "Het artikel van prof. dr. Tim de Graaf van het Radboudumc verscheen in mei.",
    "Een onderzoek onder leiding van prof. dr. Lotte Peeters (KU Leuven) volgt.",
    "Volgens de berekeningen van prof. dr. Joris Roos (Universiteit Utrecht) stijgen de kosten.",
    "Het rapport van het Mulier Instituut, geschreven door dr. Noor Wijers, verscheen in 2024.",
])
def test_a_scholar_or_author_of_public_work_is_public(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Het gesprek met prof. dr. Anke Hoeksma (Universiteit Leiden) en dr. Bram Hofstede (Radboud Universiteit) was "
     "nuttig.", "Anke Hoeksma"),
    ("Het oordeel van de deskundigen, prof. dr. Anke Hoeksma (Universiteit Leiden) en dr. Bram Hofstede (senior "
     "adviseur, directie Arbeid), volgt.", "Bram Hofstede"),
    ("Het werk van prof. dr. Sanne Korteweg van de TU Eindhoven, die ook bij de directie Warmte werkt, telt mee.",
     "Sanne Korteweg"),
    ("Het onderzoek van epidemioloog Daan Verkerk van het RIVM is bekend.", "Daan Verkerk"),
    ("Het gesprek met econoom Karin Loos van de Erasmus Universiteit was nuttig.", "Karin Loos"),
    ("Het rapport van de directie Kennis, geschreven door dr. Noor Wijers, verscheen in 2024.", "Noor Wijers"),
    ("Het rapport van het Rijksinstituut voor Kustbeheer, geschreven door dr. Noor Wijers, verscheen.", "Noor Wijers"),
    ("Het rapport van het Mulier Instituut, geschreven door dr. Noor Wijers (projectleider), verscheen.",
     "Noor Wijers"),
    ("Het gesprek met het Mulier Instituut, gevoerd door dr. Noor Wijers, was nuttig.", "Noor Wijers"),
    ("Het artikel van prof. dr. Tim de Graaf van het Radboudumc, senior adviseur bij de directie Zorg, verscheen.",
     "Tim de Graaf"),
    ("Het werk van prof. dr. A. Korteweg, senior adviseur van de directie, telt mee.", "A. Korteweg"),
    ("De interne notitie van de directie, met Van Dalen als eerste auteur, volgt.", "Van Dalen"),
    ("De studie van het CPB is opgesteld door beleidsmedewerker Verkerk, met Van Dalen als eerste auteur.",
     "Van Dalen"),
    ("De studie is opgesteld door onderzoekers van het CPB, met Van Dalen als eerste auteur, senior adviseur bij de "
     "directie Markt.", "Van Dalen"),
])
def test_a_scholar_or_author_in_the_ministry_stays_a_finding(text: str, name: str) -> None:
    assert any(name in found for found in _found(text))  # the span may take "van het Radboudumc" with it


# --- 4. eponyms and words that are no name ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "De nieuwe sluizen bij Terneuzen dragen de naam van Cornelis Lely, die de plannen tekende.",
    "Het onderzoeksschip is vernoemd naar Aletta Jacobs.",
    "De oefening vindt plaats op de Luitenant-kolonel Van Heutsz van Oranjekazerne in Ede.",
    "De leden vragen naar het onderzoek van Utrecht Climate Research naar hittestress.",
    "Met deze brief informeer ik u over de Raad.\n\nI. Besluiten over de visserij\n\nDe Raad besloot.",
    "De minister werd bijgestaan door de plaatsvervangend directeur-generaal Wonen en Ruimte.",
    "Aan het overleg nam ook de senior adviseur Begrotingsdiscipline deel.",
    "Het stelsel blijft het kroonjuweel van Pieter Oud.",
    "Het standbeeld van Hugo de Groot staat in Delft.",
])
def test_an_eponym_or_a_word_that_is_no_name_is_no_finding(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(("text", "name"), [
    ("De brief is genoemd naar mevrouw Lely, beleidsmedewerker.", "Lely"),
    ("Het portret van mevrouw Oud hangt in de hal.", "Oud"),
    ("De nalatenschap van projectleider Karin Groot is groot.", "Karin Groot"),
    ("Wij werken in de geest van Jan Smit, onze projectleider.", "Jan Smit"),
    ("Het rapport draagt de naam van Karin Groot, beleidsmedewerker bij de directie Wonen.", "Karin Groot"),
    ("Het pand is vernoemd naar Karin Groot van de afdeling Huisvesting.", "Karin Groot"),
    ("Het is besproken met majoor Van Heutsz van de directie Operaties.", "Van Heutsz"),
    ("Het is besproken met kapitein Van Heutsz van de Marinekazerne in Amsterdam.", "Van Heutsz"),
    ("Het is besproken met mevrouw Van Heutsz van Bedrijfsdiensten.", "Van Heutsz"),
    ("Met deze brief informeer ik u over de Raad.\n\nI. Bouzerda van de directie Wonen\n\nDe Raad besloot.",
     "I. Bouzerda"),
    ("Met deze brief informeer ik u over de Raad.\n\nI. Bouzerda, beleidsmedewerker, over de begroting\n\nDe Raad "
     "besloot.", "I. Bouzerda"),
    ("Met deze brief informeer ik u over de Raad.\n\nI. Smit over de begroting\n\nDe Raad besloot.", "I. Smit"),
    ("De minister werd bijgestaan door directeur Bouzerda en Tjoa.", "Bouzerda"),
    ("De minister werd bijgestaan door teamleider Tjoa en De Wit.", "Tjoa"),
    ("De minister werd bijgestaan door teamleider Tjoa en Het Nieuwe Instituut.", "Tjoa"),
    ("Aan het overleg nam ook senior adviseur Bouzerda deel.", "Bouzerda"),
    ("Aan het overleg nam ook het hoofd Toezicht, mevrouw Tjoa, deel.", "Tjoa"),
    ("De burgemeester heeft contact gehad met onze medewerker Jansen.", "Jansen"),
    ("Vragen kunnen naar projectleider Van Leeuwen (telefoon 070 312 45 67).", "Van Leeuwen"),
])
def test_a_civil_servant_beside_a_word_that_is_no_name_stays_a_finding(text: str, name: str) -> None:
    assert name in _found(text)
