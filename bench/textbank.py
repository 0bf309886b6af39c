"""Dutch word and sentence bank for the benchmark corpus (bench/corpus.py).

Sentences are templates with {slots}; corpus.py fills them per dossier from a theme and
seeded random numbers. Rules kept by every template, so that the public (Woo) build
passes without registering anything extra:

- no person is named except through a slot that corpus.py fills with an @mention or a
  registered surname form; no role noun ("medewerker", "adviseur", "contactpersoon",
  "collega", ...) or salutation directly before a capitalised word;
- no single capital letter followed by a dot (it reads as initials), no titles (dr., mr.);
- no e-mail addresses except {mailbox}, which corpus.py lists under `toegestaan`;
- no long digit runs that could pass for a telephone number;
- no markup characters except where intended (*italic*, **bold**).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- themes

# One theme per dossier subject. `partners` are organisations (never persons).
THEMES: dict[str, list[dict]] = {
    "ezk": [
        {
            "directie": "Directie Energiemarkt",
            "naam": "netcongestie op het elektriciteitsnet",
            "kort": "netcongestie",
            "doel": "de schaarse netcapaciteit eerlijker en slimmer te verdelen",
            "doelgroep": "ondernemers die op een aansluiting wachten",
            "instrument": "het Landelijk Actieprogramma Netcongestie",
            "partners": ["de netbeheerders", "Netbeheer Nederland", "de Autoriteit Consument & Markt (ACM)",
                         "de provincies", "de Vereniging van Nederlandse Gemeenten (VNG)"],
            "probleem": "de wachtrij voor een nieuwe of zwaardere aansluiting in meerdere regio's verder groeit",
            "maatregelen": ["het invoeren van flexibele transportcontracten", ("het versneld uitbreiden van "
                            "transformatorstations"), "het beter benutten van bestaande aansluitingen",
                            "het prioriteren van maatschappelijke voorzieningen in de wachtrij"],
            "rijen": "provincies",
            "kolommen": ["Provincie", "Aanvragen", "Aangesloten", "Aandeel"],
        },
        {
            "directie": "Directie Energiemarkt",
            "naam": "de aanleg van een landelijk waterstofnetwerk",
            "kort": "het waterstofnetwerk",
            "doel": "de industrie tijdig aan te sluiten op duurzame waterstof",
            "doelgroep": "bedrijven in de industrieclusters",
            "instrument": "de regeling voor de opschaling van elektrolyse",
            "partners": ["Gasunie", "de industrieclusters", "TNO", "de provincies", ("de Rijksdienst voor "
                         "Ondernemend Nederland (RVO)")],
            "probleem": "de vraag naar waterstof later op gang komt dan bij de start van het programma werd verwacht",
            "maatregelen": ["het gefaseerd aanleggen van het netwerk per cluster", ("het afgeven van "
                            "garanties aan de eerste afnemers"), "het bundelen van vergunningprocedures",
                            "het afstemmen van de planning met de buurlanden"],
            "rijen": "maanden",
            "kolommen": ["Maand", "Kilometers aangelegd", "Cumulatief", "Aandeel van de planning"],
        },
        {
            "directie": "Directie Energiemarkt",
            "naam": "energiebesparing bij het midden- en kleinbedrijf",
            "kort": "energiebesparing in het mkb",
            "doel": "het energieverbruik van kleine bedrijven structureel te verlagen",
            "doelgroep": "ondernemers in het mkb",
            "instrument": "de energiebesparingsplicht",
            "partners": ["de omgevingsdiensten", "RVO", "MKB-Nederland", "de gemeenten", "de brancheorganisaties"],
            "probleem": "een groot deel van de bedrijven de verplichte maatregelen nog niet heeft genomen",
            "maatregelen": ["het verbeteren van de informatie aan ondernemers", ("het intensiveren van het "
                            "toezicht door de omgevingsdiensten"), ("het vereenvoudigen van de "
                            "informatieplicht"), "het ondersteunen van branches met een eigen aanpak"],
            "rijen": "sectoren",
            "kolommen": ["Sector", "Bedrijven", "Maatregelen genomen", "Aandeel"],
        },
        {
            "directie": "Directie Digitale Economie",
            "naam": "de digitale weerbaarheid van het midden- en kleinbedrijf",
            "kort": "digitale weerbaarheid",
            "doel": "ondernemers beter bestand te maken tegen cyberaanvallen",
            "doelgroep": "kleine en middelgrote ondernemingen",
            "instrument": "het programma Digitaal Veilig Ondernemen",
            "partners": ["het Digital Trust Center", "het Nationaal Cyber Security Centrum",
                         "de brancheorganisaties", "de regionale ontwikkelingsmaatschappijen",
                         "de Kamer van Koophandel (KVK)"],
            "probleem": "veel ondernemers de risico's van ransomware nog onderschatten",
            "maatregelen": ["het uitbreiden van de regionale samenwerkingsverbanden", ("het aanbieden van "
                            "een gratis basisscan"), ("het verbeteren van de informatie-uitwisseling over "
                            "dreigingen"), "het stimuleren van veilige standaardinstellingen"],
            "rijen": "sectoren",
            "kolommen": ["Sector", "Deelnemers", "Scan afgerond", "Aandeel"],
        },
        {
            "directie": "Directie Digitale Economie",
            "naam": "het toezicht op algoritmes en kunstmatige intelligentie",
            "kort": "het algoritmetoezicht",
            "doel": "de risico's van kunstmatige intelligentie voor burgers en bedrijven te beperken",
            "doelgroep": "aanbieders en gebruikers van algoritmische systemen",
            "instrument": "de uitvoering van de Europese AI-verordening",
            "partners": ["de Rijksinspectie Digitale Infrastructuur (RDI)", "de Autoriteit Persoonsgegevens",
                         "de ACM", "de Autoriteit Financiële Markten", ("de toezichthouders in het "
                         "Samenwerkingsplatform Digitale Toezichthouders")],
            "probleem": "de toezichthouders nog onvoldoende capaciteit en kennis hebben voor de nieuwe taken",
            "maatregelen": ["het aanwijzen van de markttoezichthouders", ("het opzetten van een "
                            "coördinerend loket"), "het opleiden van toezichthouders", ("het inrichten van "
                            "een proeftuin voor aanbieders")],
            "rijen": "organisaties",
            "kolommen": ["Organisatie", "Fte nodig", "Fte beschikbaar", "Aandeel"],
        },
        {
            "directie": "Directie Bedrijfsvoering",
            "naam": "de verbetering van de informatiehuishouding van het ministerie",
            "kort": "de informatiehuishouding",
            "doel": "documenten sneller en vollediger vindbaar te maken",
            "doelgroep": "de directies van het bestuursdepartement",
            "instrument": "het verbeterplan informatiehuishouding",
            "partners": ["het Nationaal Archief", "de Inspectie Overheidsinformatie en Erfgoed",
                         "DICTU", "de departementale CIO", "de uitvoeringsorganisaties"],
            "probleem": "berichten uit chatapplicaties nog niet stelselmatig worden gearchiveerd",
            "maatregelen": ["het invoeren van een nieuw documentmanagementsysteem", ("het opleiden van "
                            "alle leidinggevenden"), "het automatisch archiveren van berichten",
                            "het opschonen van oude netwerkschijven"],
            "rijen": "organisaties",
            "kolommen": ["Organisatieonderdeel", "Dossiers", "Op orde", "Aandeel"],
        },
        {
            "directie": "Directie Innovatie en Kennis",
            "naam": "de evaluatie van het Innovatiekrediet",
            "kort": "het Innovatiekrediet",
            "doel": "risicovolle innovatieprojecten van ondernemers beter te financieren",
            "doelgroep": "innovatieve starters en scale-ups",
            "instrument": "het Innovatiekrediet",
            "partners": ["RVO", "Invest-NL", "de regionale ontwikkelingsmaatschappijen", "Techleap",
                         "het Centraal Planbureau (CPB)"],
            "probleem": "de terugbetaling van kredieten achterblijft bij projecten in de medische technologie",
            "maatregelen": ["het verlengen van de regeling met vijf jaar", ("het aanpassen van de "
                            "risicobeoordeling"), "het verbeteren van de monitoring", ("het beter "
                            "aansluiten op Europese fondsen")],
            "rijen": "sectoren",
            "kolommen": ["Sector", "Aanvragen", "Toegekend", "Aandeel"],
        },
    ],
    "bzk": [
        {
            "directie": "Directie Democratie en Bestuur",
            "naam": "de vaststelling van de verkiezingsuitslag",
            "kort": "de uitslagvaststelling",
            "doel": "de telling en de vaststelling van de uitslag betrouwbaarder en controleerbaarder te maken",
            "doelgroep": "gemeenten en stembureauleden",
            "instrument": "de Wet versterking waarborgfunctie Kiesraad",
            "partners": ["de Kiesraad", "de VNG", "de Nederlandse Vereniging voor Burgerzaken",
                         "de gemeenten", "de Vereniging Directeuren Publiekszaken"],
            "probleem": "in een deel van de gemeenten telfouten pas bij de controle door het centraal "
                        "stembureau aan het licht kwamen",
            "maatregelen": ["het centraal tellen van de stemmen", ("het verbeteren van de instructies "
                            "voor stembureauleden"), "het invoeren van een controleprotocol",
                            "het digitaal uitwisselen van de processen-verbaal"],
            "rijen": "gemeenten",
            "kolommen": ["Gemeente", "Stembureaus", "Zonder correctie", "Aandeel"],
        },
        {
            "directie": "Directie Democratie en Bestuur",
            "naam": "de weerbaarheid van decentrale politieke ambtsdragers",
            "kort": "weerbaar bestuur",
            "doel": "bestuurders en raadsleden beter te beschermen tegen intimidatie en bedreiging",
            "doelgroep": "burgemeesters, wethouders en raadsleden",
            "instrument": "het programma Weerbaar Bestuur",
            "partners": ["de VNG", "het Genootschap van Burgemeesters", "de Vereniging van Griffiers",
                         "de politie", "het Openbaar Ministerie"],
            "probleem": "ruim een derde van de ambtsdragers het afgelopen jaar met agressie of intimidatie "
                        "te maken kreeg",
            "maatregelen": ["het uitbreiden van de ondersteuningsdesk", "het trainen van griffies",
                            "het afspreken van een vaste werkwijze bij aangifte", ("het versterken van de "
                            "samenwerking met de politie")],
            "rijen": "provincies",
            "kolommen": ["Provincie", "Meldingen", "Afgehandeld", "Aandeel"],
        },
        {
            "directie": "Directie Woningbouw",
            "naam": "de versnelling van de woningbouw",
            "kort": "de woningbouw",
            "doel": "tot en met 2030 jaarlijks honderdduizend woningen te laten bouwen",
            "doelgroep": "gemeenten, corporaties en bouwende partijen",
            "instrument": "de Woningbouwimpuls",
            "partners": ["Aedes", "de provincies", "de VNG", "Bouwend Nederland", "de gemeenten"],
            "probleem": "de bouwproductie achterblijft door gestegen kosten en lange procedures",
            "maatregelen": ["het verkorten van bezwaar- en beroepsprocedures", ("het versneld uitkeren "
                            "van bijdragen"), "het inzetten van flexpools met planologen",
                            "het bundelen van opdrachten voor industriële bouw"],
            "rijen": "gemeenten",
            "kolommen": ["Gemeente", "Plancapaciteit", "In aanbouw", "Aandeel"],
        },
        {
            "directie": "Directie Woningbouw",
            "naam": "de realisatie van flexwoningen",
            "kort": "flexwonen",
            "doel": "snel tijdelijke woonruimte te bieden aan urgente woningzoekenden",
            "doelgroep": "spoedzoekers en statushouders",
            "instrument": "de Stimuleringsregeling flex- en transformatiewoningen",
            "partners": ["de gemeenten", "Aedes", "de provincies", "de woningcorporaties",
                         "het Centraal Orgaan opvang asielzoekers"],
            "probleem": "geschikte locaties schaars zijn en bezwaarprocedures de bouw vertragen",
            "maatregelen": ["het ruimer toepassen van tijdelijke vergunningen", ("het inzetten van "
                            "rijksgrond"), "het garanderen van de restwaarde", ("het hergebruiken van "
                            "woningen na afloop van de tijdelijke termijn")],
            "rijen": "gemeenten",
            "kolommen": ["Gemeente", "Gepland", "Opgeleverd", "Aandeel"],
        },
        {
            "directie": "Directie Digitale Overheid",
            "naam": "de toegankelijkheid van digitale overheidsdienstverlening",
            "kort": "digitale inclusie",
            "doel": "iedereen in staat te stellen zaken met de overheid digitaal te regelen",
            "doelgroep": "burgers die minder digitaal vaardig zijn",
            "instrument": "het netwerk van Informatiepunten Digitale Overheid",
            "partners": ["de bibliotheken", "Logius", "de gemeenten", "de Koninklijke Bibliotheek",
                         "de uitvoeringsorganisaties"],
            "probleem": "ruim vier miljoen mensen moeite hebben met digitale overheidsdiensten",
            "maatregelen": ["het uitbreiden van het aantal informatiepunten", ("het verbeteren van de "
                            "machtigingsvoorzieningen"), "het vereenvoudigen van formulieren",
                            "het aanbieden van cursussen in de bibliotheek"],
            "rijen": "provincies",
            "kolommen": ["Provincie", "Informatiepunten", "Bezoeken per maand", "Groei"],
        },
        {
            "directie": "Directie Digitale Overheid",
            "naam": "het algoritmeregister van de overheid",
            "kort": "het algoritmeregister",
            "doel": "voor burgers inzichtelijk te maken welke algoritmes de overheid gebruikt",
            "doelgroep": "overheidsorganisaties die algoritmes inzetten",
            "instrument": "het Algoritmeregister",
            "partners": ["de Autoriteit Persoonsgegevens", "de VNG", "de uitvoeringsorganisaties",
                         "het Interprovinciaal Overleg (IPO)", "de Unie van Waterschappen"],
            "probleem": "nog maar een beperkt deel van de impactvolle algoritmes is gepubliceerd",
            "maatregelen": ["het verplicht stellen van publicatie voor impactvolle algoritmes",
                            "het ondersteunen van kleine organisaties", ("het verbeteren van de "
                            "zoekfunctie"), "het periodiek rapporteren over de voortgang"],
            "rijen": "organisaties",
            "kolommen": ["Organisatie", "Algoritmes in gebruik", "Gepubliceerd", "Aandeel"],
        },
        {
            "directie": "Directie Informatiesamenleving en Overheid",
            "naam": "de uitvoering van de Wet open overheid",
            "kort": "de Woo-uitvoering",
            "doel": "verzoeken om informatie sneller en ruimhartiger af te handelen",
            "doelgroep": "bestuursorganen van rijk en medeoverheden",
            "instrument": "de Wet open overheid",
            "partners": ["het Adviescollege Openbaarheid en Informatiehuishouding", "de Nationale ombudsman",
                         "de VNG", "de departementen", "het Kenniscentrum Open Overheid"],
            "probleem": "de gemiddelde afhandeltermijn van verzoeken nog ruim boven de wettelijke termijn ligt",
            "maatregelen": ["het actief openbaar maken van meer informatiecategorieën", ("het inzetten van "
                            "betere zoek- en laktechnologie"), ("het vroegtijdig contact opnemen met "
                            "verzoekers"), "het delen van goede voorbeelden tussen organisaties"],
            "rijen": "maanden",
            "kolommen": ["Maand", "Verzoeken", "Binnen de termijn", "Aandeel"],
        },
    ],
}

# Row labels for tables. Place and organisation names only.
ROW_LABELS = {
    "provincies": ["Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
                   "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg"],
    "gemeenten": ["Amsterdam", "Rotterdam", "'s-Gravenhage", "Utrecht", "Eindhoven", "Groningen", "Tilburg",
                  "Almere", "Breda", "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort",
                  "Zaanstad", "'s-Hertogenbosch", "Zwolle", "Leiden", "Maastricht", "Dordrecht", "Ede",
                  "Alphen aan den Rijn", "Leeuwarden", "Alkmaar", "Emmen", "Westland", "Delft", "Venlo",
                  "Deventer", "Sittard-Geleen", "Helmond", "Oss", "Amstelveen", "Hilversum", "Súdwest-Fryslân",
                  "Heerlen", "Hengelo", "Purmerend", "Schiedam", "Lelystad", "Roosendaal", "Leidschendam-Voorburg",
                  "Gouda", "Vlaardingen", "Assen", "Bergen op Zoom", "Capelle aan den IJssel", "Katwijk",
                  "Veenendaal", "Zeist", "Nieuwegein", "Terneuzen", "Vaals", "Ameland", "Schiermonnikoog"],
    "sectoren": ["Landbouw en visserij", "Bouw", "Detailhandel", "Horeca", "Industrie", "Logistiek",
                 "Zorg en welzijn", "Onderwijs", "ICT", "Zakelijke dienstverlening", "Energie", "Groothandel",
                 "Cultuur en recreatie", "Financiële dienstverlening", "Vastgoed", "Chemie",
                 "Voedingsmiddelenindustrie", "Metaal en elektrotechniek", "Transport", "Overig"],
    "organisaties": ["Bestuursdepartement", "Rijksdienst voor Ondernemend Nederland (RVO)",
                     "Dienst ICT Uitvoering (DICTU)", "Rijksinspectie Digitale Infrastructuur (RDI)",
                     "Staatstoezicht op de Mijnen (SodM)", "Centraal Planbureau (CPB)",
                     "Centraal Bureau voor de Statistiek (CBS)", "Autoriteit Consument & Markt (ACM)",
                     "Kamer van Koophandel (KVK)", "Nederlandse Emissieautoriteit (NEa)",
                     "Instituut Mijnbouwschade Groningen (IMG)", "Logius", "Rijksvastgoedbedrijf",
                     "Dienst van de Huurcommissie", "Kadaster", "Kiesraad", "Autoriteit Woningcorporaties",
                     "Rijksdienst voor Identiteitsgegevens", "Doc-Direkt", "Nationaal Archief"],
    "maanden": [f"{m} {y}" for y in (2022, 2023, 2024) for m in
                ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                 "oktober", "november", "december")],
}

# --------------------------------------------------------------------------- people

# Given names (voornaam, gender) and surnames for generated civil servants. Surnames
# chosen not to be ordinary words, place names or names already in content/personen.yaml.
GIVEN_NAMES = [
    ("Anne", "v"), ("Bram", "m"), ("Charlotte", "v"), ("Daan", "m"), ("Eline", "v"), ("Floris", "m"),
    ("Gijs", "m"), ("Hester", "v"), ("Iris", "v"), ("Jeroen", "m"), ("Karlijn", "v"), ("Lucas", "m"),
    ("Marloes", "v"), ("Niels", "m"), ("Olga", "v"), ("Pim", "m"), ("Renske", "v"), ("Sander", "m"),
    ("Tamara", "v"), ("Ufuk", "m"), ("Vera", "v"), ("Wouter", "m"), ("Yara", "v"), ("Zeynep", "v"),
    ("Bas", "m"), ("Carolien", "v"), ("Dirk-Jan", "m"), ("Esther", "v"), ("Fatima", "v"), ("Gerben", "m"),
    ("Hanna", "v"), ("Ivo", "m"), ("Judith", "v"), ("Koen", "m"), ("Linda", "v"), ("Maarten", "m"),
    ("Nora", "v"), ("Otto", "m"), ("Petra", "v"), ("Rutger", "m"), ("Sanne", "v"), ("Thijs", "m"),
    ("Wendy", "v"), ("Youssef", "m"), ("Mirjam", "v"), ("Arjen", "m"), ("Ilse", "v"), ("Ruben", "m"),
]
SURNAMES = [
    ("", "Jansen"), ("van", "Dijk"), ("", "Janssen"), ("", "Meijer"), ("de", "Groot"), ("", "Peters"),
    ("van", "Leeuwen"), ("", "Dekker"), ("", "Brouwer"), ("", "Smits"), ("de", "Graaf"), ("van der", "Meer"),
    ("van der", "Linden"), ("", "Jacobs"), ("de", "Haan"), ("", "Vermeulen"), ("van den", "Heuvel"),
    ("van der", "Veen"), ("van den", "Broek"), ("de", "Bruijn"), ("van der", "Heijden"), ("van", "Beek"),
    ("", "Willems"), ("van", "Vliet"), ("van de", "Ven"), ("", "Hoekstra"), ("", "Verhoeven"), ("van", "Dam"),
    ("van der", "Wal"), ("", "Huisman"), ("", "Peeters"), ("de", "Jonge"), ("", "Kuipers"), ("", "Veenstra"),
    ("", "Scholten"), ("van", "Wijk"), ("", "Postma"), ("", "Martens"), ("de", "Ruiter"), ("", "Timmermans"),
    ("", "Gerritsen"), ("", "Jonker"), ("van", "Loon"), ("van der", "Velde"), ("", "Willemsen"), ("", "Smeets"),
    ("de", "Lange"), ("", "Schipper"), ("van der", "Laan"), ("", "Driessen"), ("van", "Doorn"), ("", "Hermans"),
    ("", "Evers"), ("van der", "Meulen"), ("", "Hofman"), ("", "Bosman"), ("", "Wolters"), ("", "Tahiri"),
    ("", "Yılmaz"), ("", "Bouzid"), ("", "Nguyen"), ("", "Doğan"), ("", "Pinas"), ("", "Haddou"),
    ("", "Kaya"), ("", "Sahin"), ("ter", "Horst"), ("", "Oosterhuis"), ("", "Zwart-Hoogendoorn"),
]
# Names for generated bewindspersonen (public office holders; kept in the public version).
BEWINDSPERSONEN = {
    "ezk": [("rhoogland", "drs. R.T. Hoogland", "Rianne", "Staatssecretaris van Economische Zaken en Klimaat")],
    "bzk": [],
}
EXTERN_ORGS = ["Onderzoeksbureau Beleidszicht", "Adviesbureau Publieke Waarde", "Stichting Kennisnet Regio",
               "Onderzoeksbureau Meetbaar Beleid", "Adviesbureau Overheid & Ruimte"]

# --------------------------------------------------------------------------- sentences

# Slots: {thema} {kort} {doel} {doelgroep} {instrument} {partner} {partner2} {probleem}
# {maatregel} {org} {ministerie} {jaar} {vjaar} {njaar} {maand} {datum_v} {kwartaal}
# {n} {n2} {groot} {pct} {pct2} {bedrag} {bedrag2} {kamerlid} {bewinds} {collega}
# {collega_naam} {extern} {extern_naam} {directie} {mailbox}

AANLEIDING = [
    "In het commissiedebat van {datum_v} is toegezegd de Kamer voor het eind van het jaar te informeren over {thema}.",
    "Op {datum_v} heeft de Kamer de motie van het lid {kamerlid} c.s. aangenomen, die de regering verzoekt {doel}.",
    "Sinds {vjaar} groeit de aandacht voor {thema}, onder meer door signalen van {partner}.",
    "{partner} {heeft|hebben} in {maand} {vjaar} gemeld dat {probleem}.",
    "Deze nota legt u de uitkomsten voor van de tussentijdse evaluatie van {instrument}.",
    "Met deze nota informeren wij u over de stand van zaken rond {thema} en vragen wij uw akkoord op de bijgevoegde "
    "stukken.",
    "In het coalitieakkoord is afgesproken {doel}; deze nota beschrijft hoe daar invulling aan wordt gegeven.",
    "Bij de begrotingsbehandeling van {vjaar} zijn vragen gesteld over {thema}, waarop u een schriftelijke reactie "
    "hebt toegezegd.",
    "De aanleiding voor deze nota is de derde voortgangsrapportage over {kort}, die in {maand} is afgerond.",
    "Uit de monitor van {partner} blijkt dat {probleem}.",
    "De uitvoering van {instrument} loopt sinds {kwartaal} en is nu toe aan een eerste balans.",
    "{partner} en {partner2} hebben u in een gezamenlijke brief gevraagd om duidelijkheid over het vervolg van "
    "{instrument}.",
]

BESLUIT = {
    "besluitvorming": [
        "Akkoord gaan met verzending van de bijgevoegde Kamerbrief en de rapportage aan de Tweede Kamer.",
        "Met deze nota wordt uw akkoord gevraagd op de bijgevoegde Kamerbrief over {kort}.",
        "Instemmen met de voorgestelde aanpak voor {kort} en de Kamer daarover met de bijgevoegde brief informeren.",
        "Akkoord gaan met de bijgevoegde stukken, zodat deze in {maand} naar de Kamer kunnen worden verzonden.",
    ],
    "beslissing": [
        "Kiezen voor variant {n_klein} van de uitwerking van {instrument}, zoals hieronder toegelicht.",
        "Besluiten tot verlenging van {instrument} tot en met {njaar}, onder de voorwaarden in deze nota.",
        "Instemmen met het opnemen van een bijdrage van {bedrag} voor {kort} in de suppletoire begroting.",
    ],
    "informatie": [
        "Kennisnemen van de stand van zaken rond {thema}; een besluit is nu niet nodig.",
        "Deze nota is ter informatie; u wordt gevraagd kennis te nemen van de uitkomsten van de evaluatie van "
        "{instrument}.",
    ],
}

KERNPUNT = [
    "Van de {groot} deelnemende organisaties heeft {pct} de afgesproken maatregelen volledig uitgevoerd.",
    "Als grootste knelpunt wordt {knelpunt} genoemd; daarnaast ontbreekt het aan capaciteit bij {partner}.",
    "Het voorstel is afgestemd met {partner} en {partner2}; beide partijen steunen de hoofdlijn.",
    "Sinds de vorige meting in {vjaar} is het aandeel gestegen van {pct2} naar {pct}.",
    "De kosten van de voorgestelde maatregelen bedragen naar verwachting {bedrag} per jaar.",
    "De Kamer heeft eerder aangedrongen op {maatregel}; de Kamerbrief gaat daar expliciet op in.",
    "Er zijn {n} regio's waar de uitvoering achterblijft; daar komt in {njaar} extra ondersteuning.",
    "Voor {doelgroep} verandert er op korte termijn weinig; de effecten worden vanaf {njaar} zichtbaar.",
    "Uit de evaluatie blijkt dat {instrument} doelmatig is, maar dat het bereik onder {doelgroep} beperkt blijft.",
    "{partner} {vraagt|vragen} om meer duidelijkheid over de financiering na {njaar}.",
    "De Kamerbrief kondigt aan dat het kabinet inzet op {maatregel}.",
    "Er zijn geen nieuwe wettelijke bevoegdheden nodig; de bestaande regels bieden voldoende ruimte.",
]

DRAAGVLAK = [
    "De Kamer volgt {thema} nauwlettend en heeft de afgelopen jaren {n} moties over dit onderwerp aangenomen.",
    "Naar verwachting waardeert de Kamer de voortgang, maar zal zij vragen waarom {probleem}.",
    "Het lid {kamerlid} c.s. heeft eerder gevraagd om {maatregel}; de brief gaat daarop in.",
    "In het laatste commissiedebat was er brede steun voor de lijn van het kabinet, met uitzondering van de vraag "
    "naar de financiering na {njaar}.",
    "Maatschappelijke organisaties steunen de aanpak, maar vragen om een snellere uitvoering.",
    "{partner} {heeft|hebben} in de media kritiek geuit op het tempo; de brief gaat daar niet rechtstreeks op in.",
    "De verwachting is dat de Kamer het plan om {maatregel} steunt.",
]

AFSTEMMING = [
    "De nota en de Kamerbrief zijn afgestemd met {partner} en {partner2}.",
    "Intern is afgestemd met {collega} van de {directie} en met de Directie Communicatie.",
    "Interdepartementaal is afgestemd met het ministerie van Financiën en het ministerie van Justitie en Veiligheid.",
    "{partner} {heeft|hebben} de conceptrapportage ontvangen en {had|hadden} geen inhoudelijke opmerkingen.",
    "De uitkomsten zijn op {datum_v} besproken in het bestuurlijk overleg met {partner}.",
    "Namens {extern_org} heeft {extern} op {datum_v} de resultaten toegelicht aan de directie.",
    "De Directie Financieel-Economische Zaken heeft ingestemd met de financiële paragraaf.",
    "Over de planning is afgestemd met {partner}; {het kan|zij kunnen} de voorgestelde termijnen halen.",
    "De juridische paragraaf is opgesteld in overleg met de Directie Wetgeving en Juridische Zaken.",
    "De inhoud is daarnaast besproken met de bij de uitvoering betrokken directies.",
]

FINANCIEEL = [
    "De kosten van de voorgestelde maatregelen bedragen {bedrag} in {njaar} en daarna {bedrag2} per jaar.",
    "De dekking komt uit de bestaande middelen op de begroting van {org} voor {kort}.",
    "Deze Kamerbrief heeft geen financiële gevolgen.",
    "Voor de jaren na {njaar} is nog geen dekking gevonden; dit punt komt terug bij de voorjaarsbesluitvorming.",
    "Van het beschikbare budget van {bedrag} is tot nu toe {pct} verplicht.",
    "De uitvoeringskosten bij {partner} worden geraamd op {bedrag2} per jaar en zijn in de raming opgenomen.",
]

JURIDISCH = [
    "De voorgestelde aanpak past binnen de bestaande wettelijke kaders.",
    "Voor het structureel maken van de regeling is een wijziging van de ministeriële regeling nodig.",
    "De maatregel is getoetst aan de Algemene verordening gegevensbescherming; er worden geen nieuwe "
    "persoonsgegevens verwerkt.",
    "Een staatssteuntoets is uitgevoerd; de regeling valt binnen de algemene groepsvrijstellingsverordening.",
    "Er is een uitvoeringstoets gevraagd aan {partner}; de uitkomst wordt in {maand} verwacht.",
]

COMMUNICATIE = [
    "Na verzending wordt de Kamerbrief met de rapportage gepubliceerd op rijksoverheid.nl.",
    "Uw woordvoerder, {woordvoerder}, heeft een woordvoeringslijn opgesteld.",
    "Er is geen actieve communicatie voorzien; de brief wordt op de gebruikelijke wijze gepubliceerd.",
    "{partner} {ontvangt|ontvangen} de brief op de dag van verzending, met een korte toelichting.",
    "Er wordt een nieuwsbericht voorbereid dat gelijktijdig met de brief verschijnt.",
]

TOEZEGGING = [
    "Met de Kamerbrief doet u de toezegging uit het commissiedebat van {datum_v} af.",
    "U zegt toe de Kamer in {kwartaal} opnieuw te informeren over de voortgang.",
    "Er worden geen nieuwe toezeggingen gedaan.",
    "De toezegging om de Kamer jaarlijks te rapporteren over {kort} blijft van kracht.",
]

UITVOERING = [
    "De uitvoering ligt bij {partner}, {dat|die} {heeft|hebben} aangegeven de maatregelen binnen de bestaande "
    "capaciteit te kunnen uitvoeren.",
    "De eerste fase start in {kwartaal}; de volledige uitrol is voorzien voor {njaar}.",
    "Een risico is dat {probleem}; daarom wordt de voortgang elk kwartaal gevolgd.",
    "Voor de uitvoering wordt een stuurgroep ingericht met vertegenwoordigers van {partner} en {partner2}.",
    "De monitoring loopt via een dashboard dat maandelijks wordt bijgewerkt.",
]

# Kamerbrief (first person singular: the bewindspersoon writes)
KB_OPENING = [
    "Met deze brief informeer ik u over de voortgang van {thema}.",
    "In het commissiedebat van {datum_v} heb ik u toegezegd u te informeren over {thema}. Met deze brief doe ik die "
    "toezegging af.",
    "Met deze brief stuur ik u de rapportage over {kort}, die in opdracht van mijn ministerie is opgesteld.",
    "Naar aanleiding van de motie van het lid {kamerlid} c.s. informeer ik u over de uitvoering van {instrument}.",
]
KB_BODY = [
    "Het kabinet heeft zich ten doel gesteld {doel}. Daarvoor is {instrument} het belangrijkste middel.",
    "Uit de rapportage blijkt dat {probleem}. Dat vind ik zorgelijk, en ik neem daarom aanvullende maatregelen.",
    "Sinds de vorige meting in {vjaar} is er vooruitgang geboekt: het aandeel steeg van {pct2} naar {pct}.",
    "Ik hecht eraan dat {doelgroep} snel merken dat er iets verandert.",
    "Samen met {partner} zet ik in op {maatregel}.",
    "Daarnaast werk ik met {partner2} aan {maatregel}.",
    "De kosten van deze aanpak bedragen {bedrag} per jaar en worden gedekt uit de begroting van mijn ministerie.",
    "De komende maanden volg ik de uitvoering nauwgezet, samen met {partner}.",
    "Tussen regio's zijn de verschillen groot; in {n} regio's blijft de uitvoering duidelijk achter.",
    "Ook de ervaringen van {doelgroep} zijn in de rapportage meegenomen.",
    "Ik ben {partner} en {partner2} erkentelijk voor hun inzet bij de uitvoering.",
    "De rapportage laat zien dat {instrument} werkt, maar dat het tempo omhoog moet.",
    "Vooral {doelgroep} hebben baat bij een snellere uitvoering.",
    "Ik heb met {partner} afgesproken dat de voortgang voortaan per kwartaal wordt gemeten.",
    "Daarbij is het van belang dat de administratieve lasten beperkt blijven.",
    "Voor {njaar} trek ik daarvoor {bedrag2} extra uit.",
    "Ik ben mij ervan bewust dat de uitvoering veel vraagt van {partner}.",
    "De eerste resultaten zijn bemoedigend: {pct} van de deelnemers is tevreden over de ondersteuning.",
    "Tegelijk constateer ik dat de uitvoering in een aantal regio's achterblijft.",
    "Waar nodig pas ik de regeling aan, zodat zij beter aansluit bij de praktijk.",
    "Ik wil voorkomen dat {doelgroep} tussen wal en schip raken.",
    "De uitkomsten van de evaluatie neem ik mee bij de herziening van {instrument}.",
    "Met {partner2} verken ik de mogelijkheden om de uitvoering te vereenvoudigen.",
]
KB_CLOSING = [
    "Over de resultaten van deze maatregelen informeer ik u in {kwartaal}.",
    "Ik verwacht u in {kwartaal} een volgende voortgangsrapportage te sturen.",
    "Bij de volgende begrotingsbehandeling kom ik op de financiering na {njaar} terug.",
]
KB_SLOT = [
    "Ik vertrouw erop u hiermee voldoende te hebben geïnformeerd.",
    "Ik vertrouw erop u met deze brief een goed beeld te hebben gegeven van de stand van zaken.",
    "Graag ga ik hierover met uw Kamer in gesprek.",
]

# Rapportage
R_INLEIDING = [
    "Deze rapportage beschrijft de uitkomsten van het onderzoek naar {thema}.",
    "Het onderzoek is uitgevoerd in opdracht van {ministerie} in de periode van {maand} {vjaar} tot en met {kwartaal}.",
    "Het doel van het onderzoek is na te gaan in hoeverre {instrument} bijdraagt aan de doelstelling om {doel}.",
    "Aanleiding voor het onderzoek is de zorg dat {probleem}.",
    "De rapportage is bedoeld voor het ministerie, de Tweede Kamer en de partijen die bij de uitvoering betrokken "
    "zijn.",
    "Het onderzoek bouwt voort op de eerdere meting uit {vjaar}, zodat de ontwikkeling over de tijd zichtbaar wordt.",
]
R_LEESWIJZER = [
    "De rapportage is als volgt opgebouwd. Na deze inleiding volgt een beschrijving van de achtergrond en de aanpak. "
    "Daarna komen de resultaten, de analyse en de conclusies aan bod.",
    "Hoofdstuk 2 schetst de achtergrond. De aanpak van het onderzoek staat in hoofdstuk 3, de resultaten in "
    "hoofdstuk 4. De rapportage sluit af met conclusies en aanbevelingen.",
]
R_ACHTERGROND = [
    "{instrument} is ingesteld om {doel}.",
    "De uitvoering ligt grotendeels bij {partner}, in samenwerking met {partner2}.",
    "De doelgroep bestaat uit {doelgroep}; naar schatting gaat het om {groot} organisaties.",
    "In {vjaar} is het budget verhoogd tot {bedrag} per jaar.",
    "Eerdere evaluaties lieten zien dat {probleem}.",
    "Sinds {vjaar} gelden aanvullende eisen voor de verantwoording over de besteding van de middelen.",
    "De beleidstheorie gaat ervan uit dat {maatregel} op termijn leidt tot betere resultaten voor {doelgroep}.",
    "Het Rijk stelt de kaders vast; de uitvoering en de keuzes per regio liggen bij {partner}.",
    "Op Europees niveau zijn vergelijkbare programma's gestart, waarmee kennis wordt uitgewisseld.",
]
R_AANPAK_INTRO = [
    "Het onderzoek combineert documentstudie, een enquête en verdiepende gesprekken. De uitvoering verliep in de "
    "volgende stappen:",
    "Voor het onderzoek is een gemengde aanpak gekozen, die in vier stappen is uitgevoerd:",
]
R_AANPAK_STAP = [
    "Een analyse van beleidsdocumenten, voortgangsrapportages en eerdere evaluaties.",
    "Een enquête onder {groot} organisaties uit de doelgroep, met een respons van {pct}.",
    "Verdiepende gesprekken met {n} betrokkenen bij {partner} en {partner2}.",
    "Een analyse van registratiegegevens over de periode {vjaar} tot en met {jaar}.",
    "Een validatiebijeenkomst waarin de voorlopige bevindingen zijn besproken met {partner}.",
    "Een vergelijking met de uitkomsten van de vorige meting.",
]
R_AANPAK_SLOT = [
    "De enquête is anoniem afgenomen; uitkomsten zijn alleen op geaggregeerd niveau gerapporteerd.",
    "Een begeleidingscommissie met vertegenwoordigers van {partner} en {partner2} heeft de opzet en het "
    "conceptrapport besproken.",
    "De gegevens zijn verzameld in de periode {maand} {vjaar} tot en met {maand} {jaar}.",
]
R_RESULTATEN = [
    "In totaal namen {groot} organisaties deel aan het onderzoek.",
    "Van de deelnemers geeft {pct} aan dat {instrument} bijdraagt aan hun doelen.",
    "Het aandeel dat de maatregelen volledig heeft uitgevoerd, steeg van {pct2} in {vjaar} naar {pct} in {jaar}.",
    "Tussen regio's lopen de uitkomsten sterk uiteen.",
    "Organisaties die vooraf een eigen plan opstelden, scoren gemiddeld hoger dan organisaties die dat niet deden.",
    "Opvallend is dat kleine organisaties niet stelselmatig slechter scoren dan grote.",
    "In {n} gevallen waren de gegevens onvolledig; deze zijn niet in de cijfers opgenomen.",
    "Het gemiddelde bedrag per deelnemer bedroeg {bedrag2}.",
    "Bij {pct2} van de deelnemers is de uitvoering vertraagd, meestal door een gebrek aan personeel.",
]
R_ANALYSE = [
    "De resultaten wijzen erop dat {maatregel} de grootste bijdrage levert.",
    "Tegelijk blijkt dat {probleem}.",
    "De verschillen tussen regio's hangen vooral samen met de beschikbare capaciteit bij {partner}.",
    "Deelnemers noemen de administratieve lasten het vaakst als belemmering.",
    "De effecten op langere termijn zijn nog niet goed te meten, omdat de regeling pas sinds {vjaar} loopt.",
    "In de gesprekken werd benadrukt dat continuïteit van financiering belangrijker is dan de hoogte ervan.",
    "Waar {partner} en {partner2} intensief samenwerken, verloopt de uitvoering merkbaar sneller.",
    "Een deel van de knelpunten ligt buiten de invloedssfeer van het Rijk, bijvoorbeeld op de arbeidsmarkt.",
]
R_KNELPUNT = [
    "een gebrek aan gekwalificeerd personeel bij de uitvoerders",
    "lange doorlooptijden van vergunningprocedures",
    "onduidelijkheid over de financiering na {njaar}",
    "beperkte beschikbaarheid van betrouwbare gegevens",
    "ingewikkelde aanvraagprocedures voor kleine organisaties",
    "gebrekkige afstemming tussen rijk en regio",
    "hoge uitvoeringskosten in verhouding tot de bijdrage",
]
R_CONCLUSIE = [
    "{instrument} draagt aantoonbaar bij aan de doelstelling om {doel}, maar het tempo is lager dan beoogd.",
    "De voortgang sinds {vjaar} is duidelijk, maar nog niet voldoende om de doelen voor {njaar} te halen.",
    "De meeste knelpunten zijn met gerichte maatregelen op te lossen.",
    "De samenwerking tussen {partner} en {partner2} is een belangrijke succesfactor gebleken.",
    "Zonder aanvullende maatregelen blijft het bereik onder {doelgroep} beperkt.",
]
R_AANBEVELING = [
    "Zet {maatregel} voort en breid deze aanpak uit naar alle regio's.",
    "Maak afspraken met {partner} over de capaciteit voor de uitvoering.",
    "Vereenvoudig de aanvraagprocedure voor kleine organisaties.",
    "Zorg voor meerjarige financiering tot ten minste {njaar}.",
    "Verbeter de monitoring, zodat de effecten per regio zichtbaar worden.",
    "Herhaal de meting in {njaar} met dezelfde methode.",
]
R_COLOFON = [
    "Deze rapportage is opgesteld door de {directie} van {ministerie}, in samenwerking met {partner}.",
    "Vragen over de inhoud kunt u richten aan {mailbox}.",
]

# Footnotes: Kamerstukken references in the exact citation format, and other sources.
FOOTNOTE = [
    "Kamerstukken II {vjaar}/{jaar2}, {kamerstuk}, nr. {stuknr}.",
    "Kamerstukken II {vjaar}/{jaar2}, {kamerstuk}, nr. {stuknr}.",
    "{partner_cap}, *Monitor {kort} {vjaar}*, {maand} {jaar}.",
    "Het gaat om de stand per 1 {maand} {jaar}; latere wijzigingen zijn niet meegenomen.",
    "De cijfers zijn afgerond; daardoor tellen de percentages niet altijd op tot honderd.",
    "Zie ook de voortgangsrapportage van {maand} {vjaar}, gepubliceerd op rijksoverheid.nl.",
    "Onder de doelgroep vallen in dit verband ook organisaties die zich na de peildatum hebben aangemeld.",
]

# Unique, one-line passages for woo.yaml `lakken` (document, text, grond, toelichting).
LAK_PASSAGES = {
    "nota": [
        ("{extern_org} heeft voor een vervolgonderzoek een offerte van {bedrag_exact} uitgebracht.", "5.1.2f",
         "concurrentiegevoelige bedrijfsgegevens (offertebedrag)"),
        ("Intern bestaat twijfel of de planning voor {njaar} haalbaar is; de directie adviseert die twijfel niet in "
         "de brief op te nemen.",
         "5.2", "persoonlijke beleidsopvatting in een document voor intern beraad"),
    ],
    "rapportage": [
        ("Het onderzoeksteam is van mening dat de regeling na {njaar} beter kan worden afgebouwd dan verlengd.",
         "5.2", "persoonlijke beleidsopvatting"),
    ],
}

# Sentences that fit in most sections of a nota.
NOTA_ALGEMEEN = [
    "De directie acht de voorgestelde aanpak haalbaar binnen de huidige planning.",
    "Een alternatief is om de uitvoering een jaar uit te stellen; dat wordt niet geadviseerd.",
    "De uitkomsten sluiten aan bij de signalen die {partner} eerder heeft afgegeven.",
    "Over de precieze uitwerking vindt nog overleg plaats met {partner2}.",
    "Het is de verwachting dat de Kamer schriftelijke vragen stelt over de regionale verschillen.",
    "De bijgevoegde rapportage bevat een uitgebreide toelichting op de cijfers.",
    "Het gaat om een eerste stap; een volledig beeld ontstaat pas na de eindevaluatie in {njaar}.",
    "De aanpak is in lijn met de eerdere toezeggingen aan de Kamer over {kort}.",
    "De ervaringen van {doelgroep} zijn in het onderzoek uitdrukkelijk meegenomen.",
    "Er zijn geen signalen dat de planning voor {njaar} in gevaar komt.",
    "Bij de uitwerking wordt zo veel mogelijk aangesloten bij bestaande werkwijzen.",
    "Het advies is de brief voor het zomerreces te versturen.",
]

TER = ["besluitvorming"] * 6 + ["beslissing"] * 2 + ["informatie"]
OORDEEL = {"besluitvorming": ["akkoord"] * 5 + ["besproken"], "beslissing": ["akkoord"], "informatie": ["gezien"]}
BESLUIT_OPMERKING = [
    "Akkoord. Graag de Kamer ook informeren over de regionale verschillen.",
    "Akkoord, met het verzoek de brief nog te laten meelezen door de Directie Communicatie.",
    "Besproken in het bewindspersonenoverleg; akkoord met de lijn.",
]

# Per-row paragraphs of the rapportage ("Uitkomsten per ..."): {regio} is a table row label,
# {in_regio} the same with its preposition ("in Fryslân", "bij Logius", "in de sector bouw").
R_REGIO = [
    "{in_regio} ligt het aandeel op {pct}, tegen {pct2} bij de vorige meting.",
    "De uitvoering {in_regio} verloopt voorspoedig, mede dankzij een vaste regionale coördinator.",
    "Betrokkenen {in_regio} noemen vooral {knelpunt} als belemmering.",
    "{in_regio} zijn {n} nieuwe deelnemers bijgekomen sinds {vjaar}.",
    "De samenwerking met {partner} is {in_regio} goed op gang gekomen.",
    "Wel blijft de capaciteit {in_regio} een aandachtspunt voor {njaar}.",
    "Voor {regio} is in {njaar} een extra bijdrage van {bedrag2} beschikbaar.",
    "De cijfers voor {regio} zijn gebaseerd op {n} waarnemingen en daarom met voorzichtigheid te interpreteren.",
    "Een opvallende uitkomst {in_regio} is dat kleine deelnemers beter scoren dan grote.",
]

# Sentences that fit in most chapters of a rapportage.
R_ALGEMEEN = [
    "Dit beeld komt overeen met de uitkomsten van eerdere metingen.",
    "De verschillen zijn statistisch niet in alle gevallen significant.",
    "Betrokkenen geven aan dat de informatievoorziening de afgelopen jaren is verbeterd.",
    "De uitvoering vraagt meer tijd dan bij de start werd aangenomen.",
    "Vooral in de eerste jaren was de belangstelling groter dan verwacht.",
    "De gegevens over {njaar} zijn nog voorlopig en worden in de volgende rapportage geactualiseerd.",
    "Deze ontwikkeling is in lijn met de landelijke trend.",
    "Hierbij speelt mee dat {doelgroep} sterk verschillen in omvang en ervaring.",
    "Een kwart van de deelnemers heeft de ondersteuning van {partner} als zeer nuttig beoordeeld.",
    "De administratieve lasten zijn volgens de deelnemers beperkt, maar niet verwaarloosbaar.",
    "Het gebruik van de digitale voorzieningen is sinds {vjaar} ruim verdubbeld.",
    "De resultaten geven geen aanleiding om de doelstellingen bij te stellen.",
]
