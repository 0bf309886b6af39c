"""Capitalised words that follow a title or a letter-dot in ordinary prose: never a surname."""
from __future__ import annotations

STOPWORDS = frozenset(
    [
    "De", "Het", "Een", "Dit", "Dat", "Deze", "Die", "Daar", "Daarnaast", "Daarna", "Daarom", "Daardoor", "Daarbij",
    "Daarmee", "Daarvoor", "Daarin", "Daarop", "Dan", "Dus", "Hierbij", "Hiermee", "Hierin", "Hierdoor", "Hiervoor",
    "Hierover", "Hiervan", "Ook", "Verder", "Tevens", "Voorts", "Vervolgens", "Bovendien", "Echter", "Inmiddels",
    "Momenteel", "Uiteindelijk", "Tenslotte", "Kortom", "Wel", "Niet", "Nog", "Nu", "Toen", "Tot", "Zo", "Zoals",
    "Want", "Maar", "En", "Of", "Omdat", "Hoewel", "Indien", "Wanneer", "Zodra", "Waar", "Wat", "Wie", "Welke",
    "Hoe", "Waarom", "Graag", "Helaas", "Volgens", "Tijdens", "Sinds", "Gezien", "Gelet", "Vanwege", "Namens",
    "Mede", "Alleen", "Zowel", "Beide", "Iedere", "Veel", "Minder", "Andere", "Eerder", "Later", "Bijgaand",
    "Conform", "In", "Op", "Om", "Voor", "Na", "Met", "Bij", "Als", "Er", "Ter", "Aan", "Uit", "Over", "Onder",
    "Tussen", "Door", "Naar", "Wij", "We", "Ik", "Zij", "Ze", "Hij", "U", "Uw", "Ons", "Onze", "Mijn", "Alle",
    "Geen", "Minister", "Ministers", "Minister-President", "Staatssecretaris", "Kamer", "Kamerlid", "Kamerleden",
    "Tweede", "Eerste", "Ministerie", "Rijk", "Rijksoverheid", "Directie", "Directeur", "Directeur-Generaal",
    "Secretaris-Generaal", "Kabinet", "Voorzitter", "Nederland", "Den", "Haag", "Zie", "Bijlage", "Tabel", "Figuur",
    "Nota", "Kamerbrief", "Rapportage", "Aanleiding", "Toelichting", "Advies", "Besluit", "Geachte", "Hoogachtend",
    "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus", "September", "Oktober", "November",
    "December", "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Postbus",
    "Staatssecretarissen", "Bewindspersonen", "Aanhangsel", "Handelingen", "Vraag", "Antwoord", "Vragen",
    "Antwoorden", "Kamerstuk", "Kamerstukken", "Brief", "Zaak", "Nr", "Vastgesteld", "Ingezonden",
    "Ms",  # "Hr. Ms. Tromp", "Zr. Ms. Karel Doorman": the navy's ship prefix
    ]
)
