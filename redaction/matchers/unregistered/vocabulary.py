"""The words around a name that tell a civil servant from an institution, a ship or a politician."""
from __future__ import annotations

import re

from redaction.matchers._text import _B, _HYPHEN
from redaction.matchers.names import _INITIAL

# The letters of a name, for inside [...]: Latin-1 and Latin Extended-A, -B and Additional ("Aydın", "Wiśniewski",
# "Nguyễn"). The extended ranges hold both cases, so UPPER also takes a lower-case "ş" (hardly ever a word's first
# letter in Dutch text). Patterns written before round 8 still have [A-ZÀ-Ý] / [a-zà-ÿ] of their own.
UPPER = "A-ZÀ-ÝĀ-ɏḀ-ỿ"
LOWER = "a-zà-ÿĀ-ɏḀ-ỿ"

_SALUTATION = (
    r"[Mm]evrouw|[Mm]evr\.|[Mm]w\.?|[Mm]ej\.|[Mm]eneer|[Dd]e\s+[Hh]eer|[Gg]eachte\s+[Hh]eer"
    r"|[Dd]hr\.?|[Hh]r\."
)
_TITLE = r"(?:[Pp]rof|[Dd]rs|[Dd]r|[Mm]r|[Ii]r|[Ii]ng|[Dd]s)\.?"
# role and function nouns put straight before a surname in ministry prose ("collega Pieters",
# "projectleider Van Leeuwen", "jurist De Graaf"); the plurals may name a list ("Bakker en Smit")
_ROLE_WORDS = (
    "collega", "oud-collega", "afdelingshoofd", "teamleider", "beleidsmedewerker", "medewerker", "adviseur",
    "beleidsadviseur", "contactpersoon", "behandelaar", "woordvoerder", "projectleider", "programmamanager",
    "projectmanager", "coördinator", "coordinator", "jurist", "analist", "secretaris", "stafmedewerker",
    "raadadviseur", "directeur", "plaatsvervangend directeur", "hoofd", "manager", "ambtenaar", "specialist",
    "onderzoeker", "inspecteur", "controller", "accountmanager", "senior beleidsmedewerker", "trainee",
    "leidinggevende", "kapitein", "luitenant", "majoor", "kolonel", "commandant", "kapitein-luitenant ter zee",
    "sergeant", "kwartiermaker", "stagiair", "stagiaire", "voorlichter", "secretaresse", "assistent", "assistente",
    "medewerkster", "adviseuse", "consultant", "auditor", "onderhandelaar", "notulist", "dossierhouder", "functionaris",
    "vertrouwenspersoon", "procesbegeleider", "toezichthouder", "deskundige", "expert",
    # a post's staff and a budget holder ("de landbouwraad in Brasília", "budgethouder Jansen")
    "budgethouder", "landbouwraad", "ambassaderaad", "ambassadesecretaris", "attaché", "consul",
    # military ranks: an officer is a civil servant (the Commander of the armed forces is public by office)
    "generaal", "luitenant-generaal", "brigade-generaal", "brigadegeneraal", "generaal-majoor", "admiraal",
    "vice-admiraal", "luitenant-admiraal", "schout-bij-nacht", "commodore", "luitenant-kolonel", "kapitein-luitenant",
    "luitenant ter zee", "adjudant", "korporaal", "wachtmeester", "opperwachtmeester",
)
_PLURAL_ROLE_WORDS = ("collega's", "collega’s", "medewerkers", "beleidsmedewerkers", "juristen", "adviseurs",
                      "ambtenaren", "projectleiders", "analisten",
                      "teamleiders", "afdelingshoofden", "beleidsadviseurs", "coördinatoren", "coordinatoren")


def _alternatives(words: tuple[str, ...]) -> str:
    """Words longest first, the first letter in either case, spaces as any white space; grouped by their first letter
    ("[Mm](?:inister-president|inister|otie)"), so at each position of a text one branch is tried, not every word
    (the same matches, in a third of the time)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        parts = [re.escape(part) for part in re.split(r"([ -])", w[1:])]
        body = "".join(r"\s+" if part == r"\ " else _HYPHEN if part == r"\-" else part for part in parts)
        groups.setdefault(w[0].lower(), []).append(body)
    out = []
    for first, bodies in groups.items():
        first_letter = f"[{first.upper()}{first}]" if first.upper() != first else re.escape(first)  # "[Mm]", "1"
        out.append(f"{first_letter}(?:{'|'.join(bodies)})" if len(bodies) > 1 else f"{first_letter}{bodies[0]}")
    return "|".join(out)


# compounds of a civil servant's role noun name one too: "beleidscoördinator", "zaakbehandelaar",
# "programmadirecteur", "dossierjurist" (a political or public one is a PUBLIC_TITLE, never built like this)
_ROLE_HEADS = ("coördinator", "coordinator", "medewerker", "adviseur", "behandelaar", "jurist", "analist",
               "specialist", "ambtenaar", "onderzoeker", "controller", "manager", "directeur", "officer",
               "ondersteuner", "voorlichter", "auditor", "onderhandelaar", "begeleider", "expert", "officier",
               "attaché")
_ROLE_COMPOUND = rf"[A-Z{LOWER}][{LOWER}]{{2,}}?{_HYPHEN}?(?:{'|'.join(_ROLE_HEADS)})"
# an abbreviation and a hyphen before a civil servant's role noun name one too: "EU-coördinator", "ICT-adviseur",
# "HR-medewerker", "BIZA-jurist" (public offices built so, "EU-commissaris", "VN-gezant", have no role noun)
# and with a staff council's or management team's seat: "OR-voorzitter Bakker", "MT-lid Jansen"
_ABBREVIATED_ROLE = (rf"[A-Z][A-Z&]{{1,5}}{_HYPHEN}(?:{_alternatives(_ROLE_WORDS)}|{'|'.join(_ROLE_HEADS)}"
                     r"|voorzitter|lid|secretaris)")
# Military ranks as Defensie writes them (army, air force, navy, marechaussee): compounds of rank words joined by
# hyphens ("sergeant-majoor", "luitenant-kolonel", "adjudant-onderofficier", "sergeant-majoor-instructeur",
# "kapitein-luitenant ter zee"), "ter zee" and a class ("korporaal 1e klasse", "luitenant ter zee der 2e klasse
# oudste categorie", "eerste luitenant") and the abbreviations ("lkol", "sgt1", "KLTZ", "bgen"). An officer is a
# civil servant: a rank makes no one public (the Commander of the armed forces is public by office, offices.py).
_RANK_WORDS = (
    "soldaat", "korporaal", "sergeant", "wachtmeester", "opperwachtmeester", "adjudant", "onderofficier", "vaandrig",
    "kornet", "luitenant", "kapitein", "ritmeester", "majoor", "kolonel", "brigadegeneraal", "brigade", "generaal",
    "commodore", "commandeur", "admiraal", "schout-bij-nacht", "matroos", "marinier", "kwartiermeester", "vlieger",
    "instructeur", "titulair", "vice", "opper", "cadet", "adelborst",
)
_RANK_ABBREVIATIONS = (
    "lkol", "kol", "maj", "kap", "kapt", "ritm", "elnt", "tlnt", "sgt1", "sgtmaj", "sgt-maj", "sgt", "kpl1", "kpl",
    "sld1", "sld", "aoo", "owmr", "wmr", "ltz1", "ltz2oc", "ltz2", "ltz3", "ltz", "kltz", "ktz", "cdr", "cdre", "sbn",
    "vadm", "ltadm", "bgen", "genmaj", "gen-maj", "ltgen", "lt-gen", "gen\\.",
)
_RANK_WORD = _alternatives(_RANK_WORDS)
RANK = (
    rf"(?:(?:[Ee]erste|[Tt]weede|1e|2e)\s+)?(?:{_RANK_WORD})(?:{_HYPHEN}(?:{_RANK_WORD}))*(?:\s+ter\s+zee)?"
    r"(?:\s+(?:der\s+|de\s+)?(?:1e|2e|3e|eerste|tweede|derde)\s+klasse(?:\s+oudste\s+categorie)?)?"
    rf"|(?i:{'|'.join(w if w.endswith('.') else w.replace('-', _HYPHEN) for w in _RANK_ABBREVIATIONS)})\.?(?!\w)"
)
# any role noun written as a compound of hyphen-joined parts one of which is a role or rank word
# ("beleidsmedewerker-jurist", "oud-directeur", "adjunct-directeur", "directeur-generaal", "senior-adviseur"); the
# parts must all be role, rank or modifier words, so "Staten-Generaal" or "Zuid-Holland" are none (whether such a
# role is a public office, "inspecteur-generaal", offices.py decides)
_ROLE_MODIFIERS = ("senior", "junior", "adjunct", "plaatsvervangend", "waarnemend", "sous", "oud", "ex", "interim",
                   "co", "chef", "hoofd", "vice", "eerste", "tweede")
_PART = (rf"{_alternatives(tuple(w for w in _ROLE_WORDS if not re.search('[ -]', w)))}|{_RANK_WORD}"
         rf"|{_alternatives(_ROLE_MODIFIERS)}|[A-Z{LOWER}][{LOWER}]{{2,}}?(?:{'|'.join(_ROLE_HEADS)})")
_HYPHENATED_ROLE = (rf"(?:{_PART})(?:{_HYPHEN}(?:{_PART}))+(?!{_HYPHEN}?\w)")
_ROLE = rf"{RANK}|{_HYPHENATED_ROLE}|{_ABBREVIATED_ROLE}|{_alternatives(_ROLE_WORDS)}|{_ROLE_COMPOUND}"
_PLURAL_ROLE = _alternatives(_PLURAL_ROLE_WORDS)
# state agencies by their abbreviation: their staff are civil servants ("directeur X van DUO")
AGENCY_ABBR = r"(?:NVWA|nVWA|VWA|IND|RVO|DUO|CJIB|DJI|RWS|ILT|IGJ|NFI|FIOD|KMar|NCTV|Logius|DICTU|CIBG|COA)"
# a civil servant's role noun, singular or plural, anywhere in a stretch of text ("... met beleidsmedewerker X")
ROLE_WORD = re.compile(rf"(?<![\w\-])(?:{_ROLE}|{_PLURAL_ROLE})(?!\w)")
# a role noun right before a name ("jurist |De Graaf"): searched in the stretch before it
ROLE_RIGHT_BEFORE = re.compile(rf"(?<![\w\-\u2010\u2011])(?:{_ROLE})\s+$")
# after a role noun a capitalised word may name a unit instead ("medewerker Communicatie")
UNIT_SUFFIXES = ("heid", "schap", "atie", "itie", "zaken", "beleid", "voering", "zorg", "kunde", "wezen", "middelen",
                 "iteit", "staf",
                 # the fields a unit or a post is named by ("senior adviseur Budgetdiscipline", "hoofd Toezicht")
                 "discipline", "toezicht", "beheer", "strategie", "wetgeving", "analyse", "begroting", "financiering",
                 "management")
TUSSEN = r"(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Hh]et|[Tt]er|[Tt]en|[Tt]e|[Ii]n|[Oo]p|[Uu]it|[Vv]on|[Ll]a|[Ll]e|[Dd]u|['’]t)"
CAP_TUSSEN = r"(?:Van|De|Den|Ter|Ten|Te|In\s+['’]t|Op\s+de|Uit\s+de|Van\s+de[nr]?|Van\s+het|Van\s+['’]t|Von|La|Le|Du)"
CORE = rf"[^\W\d_]\w*(?:['’]\w+)*(?:{_HYPHEN}(?:{TUSSEN}\s+)*[^\W\d_]\w*)*"
# "P.J.M. (Paul) Verschoor", "J.W. (Jan-Willem) Roodenburg": a given name in brackets after the initials belongs to
# the name
INITIALS = (rf"(?:(?:{_INITIAL})\.\s?){{1,5}}\s*"
            rf"(?:\([{UPPER}][{LOWER}]+(?:{_HYPHEN}[{UPPER}][{LOWER}]+)?\)\s+)?")
# Arabic and Berber particles, written in lower case too: "S. el Idrissi", "jurist mevrouw al Amrani"
_LOWER_PARTICLE = r"(?:el|al|ben|ait|aït|abou|abu|bou|ould)"
SURNAME = rf"(?P<tus>{_LOWER_PARTICLE}\s+(?=[{UPPER}])|(?:{TUSSEN}\s+){{0,3}})(?P<core>{CORE})"
# a salutation may follow the role noun: "beleidsmedewerker mevrouw Bakker-Smit", "collega de heer Van Dam"
TRIGGER = rf"(?:(?P<role>{_ROLE})(?:\s+(?:{_SALUTATION}))?|{_SALUTATION}|{_TITLE})(?:\s+{_TITLE})*"
PLURAL_TRIGGER = rf"{_B}(?:de\s+)?(?:{_PLURAL_ROLE})\s+"
# Arabic and Berber surnames: "Fatima El Amrani", "Fatima el Khatib"
PARTICLE = r"(?:[Ee]l|[Aa]l|[Bb]en|[Aa]it|[Aa]ït|[Aa]bou|[Aa]bu|[Bb]ou|[Oo]uld)"

ORG_SUFFIXES = (
    "dienst", "ministerie", "raad", "bank", "bureau", "autoriteit", "inspectie", "staat", "zaken", "financiën",
    "instituut", "college", "kamer", "gemeente", "provincie", "universiteit",
)
# a capitalised word after or inside a name that makes the whole the name of a place, a prize,
# an institution or a fund ("Johan de Wittlaan", "Hugo de Grootlezing", "Prins Clausfonds");
# "-huis", "-dijk" and "-weg" are not here: Veldhuis, Van Dijk and Hogeweg are surnames
NOT_SURNAME_SUFFIXES = (
    *ORG_SUFFIXES,
    *("laan", "straat", "plein", "kade", "gracht", "singel", "dreef", "prijs", "fonds", "lezing", "museum"),
    *("stichting", "centrum", "ziekenhuis", "school", "akkoord", "regeling", "kanaal", "stadion", "arena"),
    *("kliniek", "zaal", "kazerne", "leerstoel", "beurs", "penning", "medaille", "lyceum", "gymnasium"),
    # plural and collective nouns name a body, never one person ("Commandant Landstrijdkrachten")
    *("krachten", "diensten", "machten", "troepen", "eenheden", "organisaties", "instellingen", "partijen"),
    *("korps", "politie", "marine", "marechaussee", "commando", "krijgsmacht", "zeemacht", "luchtmacht"),
)
INSTITUTION_WORDS = frozenset(
    [
        "Huis", "Museum", "Fonds", "Prijs", "Stichting", "Instituut", "Ziekenhuis", "Lezing", "School", "College",
        "Universiteit", "Gebouw", "Zaal", "Centrum", "Arena", "Stadion", "Plein", "Laan", "Straat", "Kazerne",
        "Academie", "Leerstoel", "Kanaal", "Kliniek", "Kinderkliniek", "Foundation", "Fund", "Award", "Lyceum",
        "Gymnasium", "Penning", "Medaille", "Beurs", "Brug", "Sluis", "Tunnel", "Haven", "Park", "Paleis",
        "Kerk", "Toren", "Hal", "Hall", "Theater", "Schouwburg", "Bibliotheek", "Vereniging", "Genootschap",
        "Comité", "Committee", "Forum", "Platform", "Netwerk", "Collectief", "Coalitie", "Alliantie", "Federatie",
        "Hospitaal", "Gasthuis", "Hospital", "Raad",
        # an armed force or a police force: "de Inspecteur-Generaal Der Krijgsmacht"
        "Krijgsmacht", "Zeemacht", "Luchtmacht", "Landmacht", "Marine", "Politie", "Marechaussee", "Kustwacht",
    ]
)
# a word straight before a name that makes it an institution, a ship, a prize or a street
INSTITUTION_BEFORE = re.compile(
    r"(?:(?i:stichting|fonds|vereniging|genootschap|instituut|prijs|leerstoel|school|college|ziekenhuis|museum"
    r"|centrum|kazerne|schip|fregat|fregatten|onderzeeboot|korvet|patrouilleschip|straat|laan|plein)"
    r"|Zr\.\s?Ms\.|Hr\.\s?Ms\.|Zr\.?Ms|Hr\.?Ms|[Kk]oning(?:in)?|[Pp]rins(?:es)?|Sint|St\.|(?<!\w)[Hh]et"
    # "het Dr. Sarphatihuis", "de Prof. Bronkhorststraat": an article before a title makes a building or a street
    r"|(?<!\w)(?:[Hh]et|[Dd]e)\s+(?:Dr|Prof|Mr|Ir)\."
    # a street abroad: "aan de Via Carlo Magno", "de Rue Philippe Le Bon", "Avenue Louise"
    r"|(?<!\w)(?:Via|Rue|Avenue|Boulevard|Piazza|Calle|Rua|Place|Platz)"
    # a company named after a person: "rederij Cornelis Vrolijk", "de firma Jan Jansen"
    r"|(?<!\w)(?i:rederij|firma|scheepswerf|kwekerij|brouwerij)"
    # an institution named after a place or a farm: "de Justitiële Jeugdinrichting Den Hey-Acker", "de Penitentiaire
    # Inrichting Veenhuizen", "het waterschap Rijn en IJssel", "het Hoogheemraadschap Hollands Noorderkwartier"
    r"|(?<![\w\-])(?i:(?:jeugd|justitiële\s+|penitentiaire\s+|forensische\s+)?inrichting|tbs-kliniek)"
    r"|(?<![\w\-])(?i:waterschap|hoogheemraadschap|wetterskip)(?:\s+[A-ZÀ-Ý][\w\-]*(?:\s+en)?)?"
    # "de Karel Doorman volgde": an article before a full name makes it a ship, a building or a prize
    r"|(?<!\w)de)\s*$"
)
# "Jan Modaal", "Jan Publiek" and "Jan Soldaat" are nobody
NOT_SURNAMES = frozenset(["Modaal", "Publiek", "Soldaat"])

# Public people by function: politicians, chairs, mayors, the ombudsman. A name in such a
# context is not a civil servant's personal data, and neither is any other mention of the
# same surname in the dossier ("de heer Remkes, voorzitter van het Adviescollege").
PUBLIC_TITLES = (
    "minister", "minister-president", "premier", "staatssecretaris", "staatssecretarissen", "ministers",
    "bewindspersoon", "bewindspersonen", "bewindslieden", "kamerlid", "kamerleden", "lid", "leden",
    "fractievoorzitter", "motie", "moties", "amendement", "voorzitter", "vicepresident", "vice-president",
    "president", "burgemeester", "wethouder", "gedeputeerde", "ombudsman", "kinderombudsman",
    "informateur", "formateur", "verkenner", "bondskanselier", "kanselier", "bondspresident",
    "koning", "koningin", "prinses", "prins", "senator", "europarlementariër",
    "eurocommissaris", "gouverneur", "hoogleraar", "commissie", "voorzitterschap", "advocaat",
    "advocate", "griffier", "adjunct-griffier", "rapporteur", "rapporteurs", "co-rapporteur", "kabinet", "oud-minister",
    "oud-staatssecretaris", "rector",
    # elected offices of islands, provinces, municipalities and water boards ("voormalig eilandgedeputeerde")
    "eilandgedeputeerde", "eilandsgedeputeerde", "statenlid", "raadslid", "gemeenteraadslid", "eilandsraadslid",
    "eilandraadslid", "locoburgemeester", "loco-burgemeester", "dijkgraaf",
    # the press, public in what it publishes ("journalist Peter Bakker zei in het NOS Journaal")
    "journalist", "journaliste", "verslaggever", "verslaggeefster", "columnist", "presentator", "presentatrice",
    "rector magnificus", "decaan", "bestuursvoorzitter", "directeur-bestuurder", "voorzitter van de raad van bestuur",
    # a bewindspersoon's predecessor or successor in office ("mijn ambtsvoorganger, de heer X"); a minister of another
    # country by portfolio ("de Duitse landbouwminister X")
    "ambtsvoorganger", "ambtsvoorgangster", "ambtsopvolger", "landbouwminister", "buitenlandminister",
    "financiënminister", "defensieminister", "justitieminister", "milieuminister", "handelsminister",
    # a former elected office or office of state is public as the office is ("oud-minister-president X", "oud-premier
    # X", "ex-burgemeester X"; not "oud-collega", "oud-directeur": no office of this list)
    *(f"{former}-{office}" for former in ("oud", "ex") for office in (
        "minister-president", "premier", "kamerlid", "burgemeester", "wethouder", "president", "eurocommissaris",
        "senator", "gouverneur", "bondskanselier", "kanselier", "europarlementariër", "fractievoorzitter")),
)
_PUBLIC_TITLE = _alternatives(PUBLIC_TITLES)
# "minister Uitermark", "het lid Omtzigt", "motie-Slob", "de Staatssecretaris dhr. Snel",
# "bewindspersonen Opstelten en Teeven", "de voorzitter van de commissie, Anne Mulder"
_NAME_WORD = rf"(?:{CAP_TUSSEN}\s+|{TUSSEN}\s+)*[{UPPER}]\w*(?:{_HYPHEN}[{UPPER}]\w*)*"
_OF_CLAUSE = r"(?:\s+(?:van|voor|der|de|het|den|en)(?:\s+[\w-]+){1,6}?)?"
PUBLIC_BEFORE = re.compile(
    rf"{_B}(?:{_PUBLIC_TITLE}){_HYPHEN}?{_OF_CLAUSE}\s*,?\s*(?:(?:{_SALUTATION}|{_TITLE})\s*)*"
    rf"(?P<names>(?:(?:{INITIALS})?(?:[{UPPER}]\w+\s+)?{_NAME_WORD}(?:\s*(?:,|/|\ben\b)\s*)?)+)"
)
PARTIES = (
    "VVD", "CDA", "D66", "PVV", "SP", "PvdA", "GroenLinks", "GL", "GL-PvdA", "GroenLinks-PvdA", "ChristenUnie", "CU",
    "SGP", "PvdD", "DENK", "FvD", "JA21", "BBB", "NSC", "Volt", "BIJ1", "50PLUS", "Groep Van Haga", "LPF", "GPV", "RPF",
)
# "Hans Alders, voorzitter van ...", "mevrouw Van Huffelen, Staatssecretaris van Financiën",
# "de heer Pechtold (D66)"
PUBLIC_AFTER = re.compile(
    rf"^\s*(?:(?:,|\s[\-\u2013\u2014](?=\s))\s*(?:als\s+|in\s+(?:zijn|haar)\s+functie\s+als\s+|de\s+|het\s+|oud-"
    rf"|[Oo]ud\s+|voormalig\s+|toenmalig\s+|algemeen\s+)*(?:{_PUBLIC_TITLE}|(?:Director|Dean|Chair)(?=\s+of\s))(?!\w)"
    rf"|\s*\((?:{'|'.join(re.escape(p) for p in PARTIES)})\)"
    rf"|\s*\(\s*(?:oud-|voormalig\s+|toenmalig\s+)?(?:{_PUBLIC_TITLE})(?!\w))"  # "Bakker (burgemeester van Zwolle)"
)

# e-mail local parts of mailboxes that belong to an office, not to a person
FUNCTIONAL_MAILBOX_WORDS = (
    "info", "informatie", "postbus", "post", "secretariaat", "helpdesk", "servicedesk", "service", "klantenservice",
    "contact", "communicatie", "pers", "persvoorlichting", "woo", "wob", "webmaster", "noreply", "no-reply", "admin",
    "receptie", "support", "team", "afdeling", "directie", "bureau", "griffie", "redactie", "vragen", "loket",
    "meldpunt", "klachten", "privacy", "fg", "cio", "facturen", "inkoop", "hr", "p-direkt", "vacatures",
    "commissie", "cie", "werkgroep", "stuurgroep", "projectbureau", "programmabureau", "taskforce", "kwartiermaker",
)
# a number preceded by one of these words is an office's number, not a person's
SERVICE_NUMBER_CUES = re.compile(
    r"(?i:\w+telefoon|servicelijn|servicenummer|publieksnummer|informatienummer|infolijn|hulplijn|helpdesk"
    r"|contactpunt|klantenservice|meldpunt|loket|algemene?\s+(?:telefoon)?nummer|centrale|receptie"
    r"|informatiepunt|gratis\s+(?:telefoon)?nummer|(?:info|informatie|hulp|service|meld|luister|advies|klanten|vragen)lijn)"
)
SERVICE_NUMBER_AFTER = re.compile(r"^\s*\((?i:algemeen|algemene|centraal|centrale|gratis|lokaal tarief|informatie)")
