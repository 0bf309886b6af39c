"""Public offices told by their form: the head or public face of a named organisation, an office in
public law, the author of a published work. A person named with one is no civil servant's data.

Three kinds of function word, recognised by morphology and the words around them:

- always public: an office in public law or the head of an institution by definition
  ("korpschef", "inspecteur-generaal", "Kinderombudsvrouw", "Hoge Vertegenwoordiger", "ambassadeur",
  "fractievoorzitter"): compounds ending in -generaal, -ombudsman/-vrouw, -voorzitter count too;
- public only as the head of a named EXTERNAL organisation ("de directeur van het RIVM, ...",
  "de secretaris-generaal van de NAVO, ...", "de Commandant der Strijdkrachten, ..."): the same
  word for a unit of the ministry stays a civil servant ("de directeur van de directie X", "de
  secretaris-generaal van het ministerie", "werkgroepvoorzitter", "voorzitter van de stuurgroep");
- the author of a published work ("de scriptie van de heer X", "het proefschrift van dr. Y").

Internal role nouns (projectleider, beleidsmedewerker, jurist, coördinator, secretaris of a
werkgroep, analist) are never here: they are how ministry prose names its civil servants.
"""
from __future__ import annotations

import re

from redaction.matchers._text import _B, _E, _HYPHEN
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v

# offices in public law and heads of institutions by definition; an -generaal, -ombudsman/-vrouw and
# -voorzitter compound is one too (see _ALWAYS_COMPOUND), except the few below that head a ministry's unit
_ALWAYS_WORDS = (
    "korpschef", "hoge vertegenwoordiger", "hoge commissaris", "ambassadeur", "ambassadrice", "gezant",
    "eurocommissaris", "commissaris van de koningin",
    "europees commissaris", "europese commissaris", "eu-commissaris", "commissaris van de koning",
    "nationale ombudsman", "landsadvocaat",
    # (a consul without "-generaal" is often a career official of the ministry: no office here)
    "nationaal rapporteur", "nationale rapporteur", "nationaal coördinator", "nationale coördinator",
    "topman", "topvrouw", "hoofdredacteur", "rector magnificus", "fractieleider",
    "partijleider", "lijsttrekker", "staatsraad", "raadsheer", "kamervoorzitter", "gedeputeerde", "dijkgraaf",
    "bestuursvoorzitter", "president-directeur", "chef defensiestaf", "chef-defensiestaf",
    "rijksvertegenwoordiger", "gezaghebber",  # offices in public law for the Caribbean Netherlands
    "ceo", "rijksbouwmeester",  # a company's chief executive; the government architect, a public appointment
    # the kingdom's envoys to international organisations, and their offices written with its abbreviation
    "permanent vertegenwoordiger", "permanente vertegenwoordiger", "eu-ambassadeur", "vn-ambassadeur", "vn-gezant",
    "eu-gezant", "navo-ambassadeur", "vn-secretaris-generaal", "navo-secretaris-generaal", "eurogroepvoorzitter",
)
# a -generaal that heads a ministry's unit, or a military rank (an officer is a civil servant)
# and the bodies named so ("het directoraat-generaal, de heer ..." is a unit's civil servant)
_UNIT_GENERAAL = ("directeur", "secretaris", "thesaurier", "plaatsvervangend directeur", "plaatsvervangend secretaris",
                  "luitenant", "brigade", "majoor", "kolonel", "directoraat", "staten")
# (the chair of a staff council, a management team or a meeting is a civil servant: "OR-voorzitter", "dagvoorzitter")
_INTERNAL_CHAIR = (r"(?:werkgroep|stuurgroep|\w*groep|team|taskforce|project|programma|or\b|mt\b|ondernemingsraad|dag"
                   r"|sessie|gespreks|overleg|vergader|klankbord|begeleidings)")
_ALWAYS_COMPOUND = (
    rf"(?!(?i:{'|'.join(_UNIT_GENERAAL)}){_HYPHEN}[Gg]eneraal)[{v.LOWER}{v.UPPER}]+{_HYPHEN}[Gg]eneraal"
    rf"|[{v.LOWER}{v.UPPER}]*ombuds(?:man|vrouw)|(?!(?i:project|programma))[{v.LOWER}{v.UPPER}]+commissaris"
    rf"|(?!(?i:{_INTERNAL_CHAIR}))[{v.LOWER}{v.UPPER}]+{_HYPHEN}?voorzitter"
)
# public only with a named organisation that is not a unit of the ministry
_HEAD_WORDS = (
    "directeur", "directrice", "directeur-generaal", "secretaris-generaal", "thesaurier-generaal", "hoofd",
    "bestuurder", "commandant", "topambtenaar", "hoofdeconoom", "woordvoerder", "woordvoerster", "chef-staf", "deken",
    "leider",
    "algemeen deken",
    "chef staf",
)
# (a chef-staf heads the staff of a DG or a military unit as often as of an outside organisation)
_STAFF_HEADS = frozenset(
    ["hoofd", "woordvoerder", "woordvoerster", "bestuurder", "topambtenaar", "chef staf", "leider"]
)
# an internal body chaired or staffed by civil servants, said just before the office ("een ambtelijke werkgroep
# onder voorzitterschap van ...") or in its of-clause
_INTERNAL_BODY = re.compile(
    r"(?i:werkgroep|stuurgroep|projectgroep|programmagroep|\bteam|team\b|taskforce|kerngroep|regiegroep|ambtelijk"
    r"|interdepartementa|directie\b|ondernemingsraad|medezeggenschap|bestuursraad|directieraad|managementraad"
    r"|departementsleiding|klankbordgroep|begeleidingsgroep|begeleidingscommissie"
    # committees and councils of the staff: "de Selectiecommissie, onder voorzitterschap van mevrouw X"
    r"|selectiecommissie|sollicitatiecommissie|benoemingsadviescommissie|personeelsraad)"
    # a ministry's staff council and management team: "de voorzitter van de OR", "lid van het MT"
    r"|\b(?:OR|MT)\b"
)
# "van de directie X", "van het ministerie", "bij de Belastingdienst", "van de Defensie Vastgoeddienst",
# "van Toeslagen", "van de Rijksdienst ...": a unit, an agency or a service of the state
_INTERNAL = re.compile(
    r"(?i:ministerie|departement|directie|directoraat|afdeling|\bteam|team\b|werkgroep|stuurgroep|projectgroep"
    r"|programma|ambtelijk|interdepartementa|cluster|\bunit\b|\bstaf\b|sector|belastingdienst|toeslagen"
    r"|douane|agentschap|rijks(?!museum|universiteit|academie|akademie)|dienst\b|diensten\b|\bdienst|kabinet\b|griffie|\bbureau\b|secretariaat)"
    # a ministry or a directorate-general by its abbreviation: "directeur van DGBRW", "de SG van BZK"
    r"|\b(?:DG\w*|BZK|OCW|VWS|EZK?|IenW|IenM|SZW|JenV|VenJ|LNV|LVVN|AZ|BZ|BuZa|KGG|VRO|Fin|Def)\b"
)
# international organisations by their abbreviation, also as Dutch writes the pronounceable ones ("Navo", "Unesco"),
# and the EU's funds and agencies ("ESM", "EMA"); a head of one is public: "IMF-directeur X", "ESM-directeur X"
_INTERNATIONAL = (r"(?:VN|NAVO|Navo|OVSE|Ovse|OESO|Oeso|IMF|WHO|WTO|UNHCR|Unhcr|UNICEF|Unicef|UNESCO|Unesco|UNDP|IAEA"
                  r"|OPCW|ILO|FAO|ECB|EIB|ESM|EFSF|EBA|ESMA|EMA|EFSA|EBRD|OPEC|Europol|Eurojust|Frontex|Interpol)")
# what marks an organisation outside the ministry, for a head that could also head a unit ("directeur",
# "secretaris-generaal"): an abbreviation ("RIVM", "NAVO", "NZa") or the noun of an institution
# an abbreviation names an outside organisation too ("NAVO", "IMF", "NZa"), unless it is a ministry unit's:
# those start with D (directie, directoraat-generaal: "DJZ", "DGBRW") or are a service's ("FEZ", "ICT", "HRM")
_EXTERNAL_ABBREVIATION = re.compile(
    rf"\b(?!D|FEZ\b|ICT\b|HRM?\b|CIO\b|CDO\b|CISO\b|MT\b|BOA\b|P&O\b)[{v.UPPER}][{v.LOWER}]*[{v.UPPER}]\w*\b"
)
_EXTERNAL_ORG = re.compile(
    rf"[{v.UPPER}]\w*(?:bank|bureau|raad|autoriteit|instituut|universiteit"
    r"|organisatie|fonds|stichting|vereniging|unie|politie|hogeschool|ziekenhuis|museum|centrum|academie"
    r"|maatschappij|omroep|federatie|bond|tribunaal|hof|parlement|commissie|bibliotheek|archief|orkest"
    r"|theater|spoorwegen|luchthaven|haven)\b|\b(?:Koninklijk|Nationa)\w*"
    r"|\b(?:Bank|Bureau|Raad|Autoriteit|Instituut|Universiteit|Organisatie|Fonds|Stichting|Vereniging|Unie|Orde|Rekenkamer"
    r"|Politie|Hogeschool|Ziekenhuis|Museum|Academie|Hof|Commissie|Parlement|Maatschappij|College)\b"
    # an organisation named in English by these nouns is an international one (a ministry's own units named in
    # English use "Office", "Center", "Board", "Programme": those are not here)
    r"|\b(?:Authority|Agency|Institute|Council|Commission|Court|Organi[sz]ation|Foundation|University"
    r"|Association|Union|Fund)\b"
    # international organisations by their abbreviation: never a unit of the state
    rf"|\b{_INTERNATIONAL}\b"
    # or by its full name ("de Secretaris-Generaal van de Verenigde Naties, de heer X")
    r"|\bVerenigde\s+Naties\b"
)
# the head of an armed force is public; the commander of a unit is a civil servant
_FORCES = re.compile(r"(?i:\w*krachten|\w*macht|marine|marechaussee)\b")
_RANKS = v.RANK  # every rank form ("schout-bij-nacht", "kapitein ter zee"): the office makes public, not the rank
_OF = r"\s+(?:van|der|voor|bij|in|op)\s+[^,.;:()\n]{1,80}"
_PREPOSITION = re.compile(r"\s+(?:van|der|voor|bij|in|op)\s")
_ORG_WORD = rf"[{v.UPPER}][\w\-\u2010\u2011]*"
_CAPITALISED_ORG = rf"\s+(?:{_ORG_WORD}\s+){{0,3}}{_ORG_WORD}"
_SALUTE = (r"(?:[Mm]evrouw|[Mm]evr\.|[Mm]w\.|[Dd]e\s+[Hh]eer|[Dd]hr\.|[Hh]r\.|[Mm]r\.|[Dd]rs\.|[Dd]r\.|[Pp]rof\."
           r"|[Ii]r\.)")


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\-", _HYPHEN)
                    for w in sorted(words, key=len, reverse=True))


_ALWAYS = (rf"(?i:{_alternatives(_ALWAYS_WORDS)})|{_ALWAYS_COMPOUND}"
           rf"|{_INTERNATIONAL}{_HYPHEN}(?i:{_alternatives(_HEAD_WORDS)}|voorzitter|topman|topvrouw)")
_HEAD = rf"(?i:{_alternatives(_HEAD_WORDS)})"
_OFFICE = re.compile(rf"{_B}(?:(?P<always>{_ALWAYS})|(?P<head>{_HEAD})){_E}(?P<of>{_OF}|{_CAPITALISED_ORG})?")
# "De korpschef van de Nationale Politie, de heer ...", "de Commandant der Strijdkrachten, generaal ..."
_APPOSITION = re.compile(rf"\s*,\s*(?:(?:{_RANKS})\s+)?(?=[{v.UPPER}]|{_SALUTE})")
# "korpschef Van Essen", "Kinderombudsvrouw mevrouw Kalverboer": an office always public may stand straight before
_DIRECT = re.compile(rf"\s+(?=[{v.UPPER}]|{_SALUTE})")
_AUTHOR = re.compile(
    rf"{_B}(?i:\w*scriptie|proefschrift|dissertatie|boek|essay|column|opiniestuk|oratie|biografie|roman)"
    rf"\s+van\s+(?=(?:{_SALUTE}\s*)+|(?:[A-Z]\.\s?)+|[{v.UPPER}][{v.LOWER}]+\s+(?:(?:van|de|der|den|ter)\s+)*[{v.UPPER}])"
)
_GIVEN_IN = re.compile(rf"(?<!\w)([{v.UPPER}][{v.LOWER}]+)\s+(?=[{v.UPPER}]|(?:van|de|ter|ten|el)\s)")
# "hoogleraar bestuurskunde prof. dr. Mark Bovens", "lector publieke ethiek Jan de Wit"
_CHAIR_FIELD = re.compile(rf"{_B}(?i:hoogleraar|lector|professor)(?:\s+[{v.LOWER}]{{3,}}){{1,2}}"
                          rf"\s+(?={_SALUTE}|[{v.UPPER}])")


def sentence_before(text: str, start: int, reach: int, ends: str = ".;:!?\n") -> str:
    """The words of this sentence (or clause) before `start`, at most `reach` characters back."""
    before = text[max(0, start - reach) : start]
    return before[max(before.rfind(c) for c in ends) + 1 :]


def unit_or_internal(words: str) -> bool:
    """The words name a ministry's unit or service, or a body of civil servants."""
    return bool(_INTERNAL.search(words) or _INTERNAL_BODY.search(words))


def internal_clause(clause: str) -> bool:
    """ "voorzitter van de stuurgroep", "lid van het projectteam": the clause names a body of civil servants."""
    return bool(_INTERNAL_BODY.search(clause))


# a relative clause on the body that lists its members: "een klankbordgroep waarin naast de VNG ook de
# Kinderombudsvrouw, ...", "de werkgroep, waarin ook de burgemeester van Utrecht, ..." (a member, not its staff)
_MEMBERS_CLAUSE = re.compile(r"(?<!\w)(?:waarin|waaraan|waarbij)\s[^,.;:]*?(?<!\w)ook\s+(?:de|het)\s+[^.;:]*$")


_REST = re.compile(r"[^.;:!?\n]{0,120}")


def _unit_after(text: str, pos: int) -> bool:
    """A unit or an internal body in the rest of the clause ("de Franse kolonel X, liaison bij de directie Y")."""
    return unit_or_internal(_REST.match(text, pos).group())  # type: ignore[union-attr]


def member_of_body(text: str, start: int, of: str = "") -> bool:
    """The office is named as a member of the internal body before it, by an office of its own: no staff of it."""
    if _INTERNAL_BODY.search(of) or _unit_after(text, start):
        return False
    before = sentence_before(text, start, 60)
    bodies = list(_INTERNAL_BODY.finditer(before))
    if not bodies:
        return False
    last = bodies[-1].end()
    return bool(_MEMBERS_CLAUSE.search(before, last)) and not _INTERNAL.search(before, last)


def internal_body(text: str, start: int, of: str = "") -> bool:
    """The office is in a body of civil servants: said in its of-clause or just before ("een ambtelijke
    werkgroep onder voorzitterschap van ...", "de voorzitter van de stuurgroep")."""
    return bool(_INTERNAL_BODY.search(of) or _INTERNAL_BODY.search(sentence_before(text, start, 60)))


# a deputy holds no office of his own: "de plaatsvervangend ambassadeur" is a career official ("waarnemend" is acting
# in the office itself)
_DEPUTY = re.compile(r"(?i:plaatsvervangende?|adjunct|loco)[\s\-\u2010\u2011]+$")


def _public_office(m: re.Match[str], text: str) -> bool:
    of = m.group("of") or ""
    if _DEPUTY.search(text, max(0, m.start() - 20), m.start()):
        return False
    if internal_body(text, m.start(), of) and not (m.group("always") and member_of_body(text, m.start(), of)):
        return False
    if m.group("always"):  # (a chief executive of a state's unit or agency is its civil servant)
        return not (m.group("always").casefold() == "ceo" and _INTERNAL.search(of))
    return _heads_outside(m.group("head"), of)


def _heads_outside(head: str, of: str) -> bool:
    """The head word with its of-clause names the head of an outside organisation."""
    if not of.strip() or _INTERNAL.search(of):
        return False  # "de directeur, mevrouw X", "de directeur van de directie X": a civil servant
    if head.casefold() == "commandant":
        return bool(_FORCES.search(of))
    # "de directeur van het RIVM", not "de directeur Financiën" nor "de directeur van Wonen"
    if not _PREPOSITION.match(of):
        return False
    # "het hoofd van de AIVD" may be a unit's: a named institution only
    if re.sub(r"[\W_]+", " ", head.casefold()) in _STAFF_HEADS:
        return bool(_EXTERNAL_ORG.search(of))
    return bool(_EXTERNAL_ORG.search(of) or _EXTERNAL_ABBREVIATION.search(of))


# the head before the name, the organisation after it: "Secretaris-generaal X van de NAVO", "directeur X van het
# RIVM" ("directeur X van de directie Wonen" keeps a civil servant); the clause after it names no unit or role
_OF_AFTER_NAME = re.compile(r"\s+(?:van|bij)\s+(?:(?:de|het)\s+)?[^,.;:()\n]{1,60}")
# an officer of a foreign force by nationality and rank: "de Franse brigadegeneraal X" (a Dutch officer is a civil
# servant; "de Nederlandse kolonel X" stays a finding)
_FOREIGN = (r"Franse|Duitse|Britse|Engelse|Amerikaanse|Belgische|Italiaanse|Spaanse|Portugese|Poolse|Deense|Zweedse"
            r"|Noorse|Finse|Estse|Letse|Litouwse|Tsjechische|Slowaakse|Hongaarse|Roemeense|Bulgaarse|Griekse|Turkse"
            r"|Oostenrijkse|Zwitserse|Ierse|Canadese|Australische|Russische|Oekraïense|Chinese|Japanse|Malinese"
            r"|Afghaanse|Irakese|Israëlische|Egyptische|Libische|Syrische|Koreaanse|Indiase|Braziliaanse|Mexicaanse")
_FOREIGN_OFFICER = re.compile(rf"(?<!\w)(?:{_FOREIGN})\s+(?:{_RANKS})\s+(?:(?:{_SALUTE})\s*)*(?=[{v.UPPER}])")


_AGENCY_NAMED = re.compile(rf"\b{v.AGENCY_ABBR}\b")


def _head_then_name(text: str, m: re.Match[str]) -> int | None:
    """Where the name starts in "Secretaris-generaal X van de NAVO": the head's organisation after the name."""
    if _DEPUTY.search(text, max(0, m.start() - 20), m.start()) or internal_body(text, m.start()):
        return None
    direct = _DIRECT.match(text, m.end("head"))
    if not direct:
        return None
    from redaction.matchers.unregistered.public import _name_spans  # these modules build on this one

    names = _name_spans(text, direct.end())
    if not names:
        return None
    last = names[-1]  # "Rutte van de NAVO" reads as a name with a tussenvoegsel: the clause starts at "van"
    of = _OF_AFTER_NAME.match(text, last.end()) or (
        last.group("tus") and _OF_AFTER_NAME.match(text, last.start("tus") - 1))
    if not of or _AGENCY_NAMED.search(of.group()) or _unit_after(text, of.end()):
        return None  # "directeur X van DUO": a state agency's head is its civil servant
    return direct.end() if _heads_outside(m.group("head"), of.group()) else None


# a piece of every office, work and chair word above, case-sensitive and literal: one fast pass finds where
# to try the full patterns (their case-insensitive alternations are slow to run over a whole text)
_HINT = re.compile(
    r"orpschef|eneraal|mbuds|oorzitter|ommissaris|irect|ecretaris|oofd|estuurder|ommandant|oordvoer|ertegenwoordiger"
    r"|mbassad|ezant|onsul|andsadvocaat|apporteur|oördinator|opman|opvrouw|edacteur|agnificus|eider|ijsttrekker"
    r"|taatsraad|aadsheer|edeputeerde|ijkgraaf|hef|mbtenaar|criptie|roefschrift|issertatie|oek|ssay|olumn"
    r"|piniestuk|ratie|iografie|oman|oogleraar|ector|rofessor|ezaghebber|CEO|[Cc]eo|ouwmeester|[Dd]eken\b"
)
_WORD_BEFORE = re.compile(r"[\w\-\u2010\u2011]*$")
_PREVIOUS_WORD = re.compile(r"[\w\-\u2010\u2011]+\s+$")


def _word_starts(text: str, lo: int, hi: int) -> list[int]:
    """The start of each word holding a hint, and of the word before it ("Hoge Vertegenwoordiger")."""
    out: set[int] = set()
    for h in _HINT.finditer(text, lo, hi):
        word = _WORD_BEFORE.search(text, max(0, h.start() - 40), h.start())
        start = word.start() if word else h.start()
        out.add(start)
        part = text.rfind("-", start, h.start())  # "substituut-ombudsman": the office after the hyphen
        if part >= 0:
            out.add(part + 1)
        prev = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
        if prev:
            out.add(prev.start())
    return sorted(out)


def _bracket_after_org(text: str, m: re.Match[str]) -> bool:
    """A head in brackets right after the outside organisation it heads: "Het SCP (directeur Kim Putters)"; a
    ministry's unit there keeps a civil servant ("De directie Wonen (directeur Bos)")."""
    before = text[max(0, m.start() - 80) : m.start()].rstrip()
    if not before.endswith("("):
        return False
    org = before[:-1]
    org = org[max(org.rfind(c) for c in ".;:!?(\n") + 1 :]  # this sentence, before the bracket
    if unit_or_internal(org):
        return False
    staff = re.sub(r"[\W_]+", " ", m.group("head").casefold()) in _STAFF_HEADS
    return bool(_EXTERNAL_ORG.search(org) or (not staff and _EXTERNAL_ABBREVIATION.search(org)))


# a person's role noun before the office: the name in apposition is that person's ("de beleidsmedewerker van
# gedeputeerde Jansen, mevrouw De Wit", "de secretaresse van de korpschef, mevrouw X")
_PERSON_OF_OFFICE = re.compile(
    rf"(?<!\w)(?:{v._ROLE}|secretaresse|assistente?|woordvoerster|chauffeur)\s+(?:van|voor)\s+(?:(?:de|het|der)\s+)?$"
)


def _holder_in_apposition(text: str, m: re.Match[str]) -> bool:
    """The name after the comma is not the office's holder: a person of the office's holder ("de beleidsmedewerker
    van gedeputeerde Jansen, mevrouw De Wit"), or the holder already named before it ("gedeputeerde Jansen, mevrouw De
    Wit en ...": Jansen is a surname, no organisation)."""
    if _PERSON_OF_OFFICE.search(text, max(0, m.start() - 60), m.start()):
        return True
    of = (m.group("of") or "").split()
    return bool(of) and not _PREPOSITION.match(m.group("of")) and of[-1] in data.surnames() and (
        of[-1].casefold() not in data.places())


def office_name_starts(text: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Where the name of a public office holder begins: after the office and its organisation, after the comma
    of an apposition ("De inspecteur-generaal der Mijnen, de heer ..."), after an author's work ("de scriptie
    van de heer ..."), or straight after an office that is always public ("korpschef Van Essen")."""
    hi = len(text) if hi is None else hi
    starts = [f.end() for f in _FOREIGN_OFFICER.finditer(text, lo, hi) if not _unit_after(text, f.end())]
    for pos in _word_starts(text, lo, hi):
        work = _AUTHOR.match(text, pos) or _CHAIR_FIELD.match(text, pos)
        if work:
            starts.append(work.end())
        m = _OFFICE.match(text, pos)
        if m and m.group("head") and _bracket_after_org(text, m):
            direct = _DIRECT.match(text, m.end("head"))  # "Het Centraal Planbureau (directeur Pieter Hasekamp)"
            if direct:
                starts.append(direct.end())
            continue
        if m and m.group("head") and not _PREPOSITION.match(m.group("of") or ""):
            head_first = _head_then_name(text, m)  # "Secretaris-generaal X van de NAVO"
            if head_first is not None:
                starts.append(head_first)
                continue
        if not m or not _public_office(m, text):
            continue
        after = _APPOSITION.match(text, m.end())
        of = m.group("of") or ""
        given = next((g for g in _GIVEN_IN.finditer(text, m.start("of"), m.end("of"))
                      if g.group(1) in data.first_names()), None) if of else None
        if after and not _holder_in_apposition(text, m):
            starts.append(after.end())
        elif given:  # "De inspecteur-generaal van het Onderwijs Alida Oppers presenteerde ..."
            starts.append(given.start())
        elif m.group("always") and not _PREPOSITION.match(of):
            direct = _DIRECT.match(text, m.end("always"))  # "korpschef Van Essen", "Kinderombudsvrouw Kalverboer"
            if direct:
                starts.append(direct.end())
    return sorted(set(starts))


_AFTER_NAME = re.compile(r"\s*[,(]\s*(?:de\s+|het\s+|oud-|voormalig\s+|toenmalig\s+|destijds\s+|algemeen\s+)*")


def office_after(text: str, end: int) -> bool:
    """A name followed by its public office: "Henk van Essen, korpschef van de Nationale Politie", "Bakker
    (burgemeester van Zwolle)". A scholar is no office: "prof. dr. Van Leeuwen van de Universiteit Utrecht"
    stays a finding (personal data, if no civil servant's)."""
    after = _AFTER_NAME.match(text, end, min(len(text), end + 40))
    m = _OFFICE.match(text, after.end()) if after else None
    return bool(m and _public_office(m, text) and (m.group("always") or m.group("of")))


def body_named_before(text: str, start: int) -> bool:
    """The clause before a seat title names the outside organisation it is the seat of: "De Nederlandsche Bank,
    waarvan de president, de heer X", "namens de Onderzoeksraad was de voorzitter, de heer X"; a unit or an internal
    body there keeps a civil servant ("namens de werkgroep was de voorzitter, mevrouw X")."""
    before = sentence_before(text, start, 80)
    return bool(_EXTERNAL_ORG.search(before)) and not unit_or_internal(before)
