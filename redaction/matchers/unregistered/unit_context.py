"""Names told by the unit a person works in or the role noun after them.

"Ter Haar van de afdeling Handhaving", "Jeroen en Fatma van het programmateam", "Hendrikx,
medewerker van de Dienst Toeslagen": ministry prose names its civil servants by their unit or
role as often as before them. The unit or role is the anchor; the names are read backwards from it,
so the rule costs one literal search per text.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.matchers.names import TUSSENVOEGSELS, _fold
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.counterparts import foreign_colleague
from redaction.matchers.unregistered.institutions import looks_like_institution as _looks_like_institution
from redaction.matchers.unregistered.name_keys import given_initial
from redaction.matchers.unregistered.offices import _ALWAYS, _EXTERNAL_ORG, _HEAD
from redaction.matchers.unregistered.person_names import (
    _LIST_NEXT,
    Candidate,
    _is_name,
    _known_surname,
    surname_key,
)
from redaction.matchers.unregistered.stopwords import STOPWORDS

_UNIT = (r"(?:directie|afdeling|programmateam|projectteam|team|directoraat|unit|cluster|werkgroep|stuurgroep"
         r"|projectgroep|programmadirectie)")
# "… van de afdeling X", "… bij de directie X", "… (directie X)", "…, senior medewerker van …", "… (jurist)"
# an agency or inspectorate of the state is a unit too ("Pauwels van de Belastingdienst"), and a ministry or
# directorate-general by its abbreviation in brackets ("Jansen (BZK), Pietersen (IenW)"; a party there is a
# politician's)
# the state's executive agencies and services by their abbreviation ("Tielen (NVWA)", "Bakker van de IND")
_AGENCY = rf"(?:Belastingdienst|Douane|Rijksdienst|Dienst|[A-Z]\w*[Ii]nspectie|Inspectie|{v.AGENCY_ABBR}(?![\w\-]))"
_MINISTRY_ABBR = (rf"\((?:BZK|OCW|VWS|EZK?|IenW|IenM|SZW|JenV|VenJ|LNV|LVVN|AZ|BZ|BuZa|KGG|VRO|Fin|Def|DG[A-Z]\w*|FEZ"
                  rf"|DJZ|{v.AGENCY_ABBR})\)")
_UNIT_ANCHOR = re.compile(rf"\s(?:van|bij)\s+(?:de|het)\s+(?:{_UNIT}|{_AGENCY})(?!\w)|\s\((?:directie|afdeling)\s"
                          rf"|\s{_MINISTRY_ABBR}")
_ROLE_ANCHOR = re.compile(  # a literal comma or bracket first: the role alternation is tried only there
    rf"(?:,|\s\()\s*(?:(?:de|een|onze|senior|junior|plaatsvervangend|waarnemend)\s+)*(?:{v._ROLE})(?!\w)"
    rf"(?!\s+(?:(?:{v._TITLE})\s*)*[A-ZÀ-Ý])"  # ", generaal Onno ...": the rank is the next name's
)
# what marks one mention as a civil servant's, whatever a title elsewhere says: the unit right after the name,
# or a role noun of the ministry's own work right before it
_UNIT_RIGHT_AFTER = re.compile(rf"\s+(?:van|bij)\s+(?:de|het)\s+(?:{_UNIT}|{_AGENCY})(?!\w)"
                               rf"|\s*\((?:directie|afdeling)\s|\s*{_MINISTRY_ABBR}"
                               # "de heer X, die bij de IND werkt", "X, werkzaam bij de directie Bestuur"
                               rf"|,\s+(?:die|dat|werkzaam|werkend|verbonden|in\s+dienst)\s+(?:bij|voor|op|aan)\s+"
                               rf"(?:de|het)\s+(?:{_UNIT}|{_AGENCY}|ministerie)(?!\w)")
_CIVIL_ROLES = (
    r"(?i:collega|afdelingshoofd|teamleider|\w*medewerker|\w*adviseur|contactpersoon|\w*behandelaar"
    r"|projectleider|programmamanager|projectmanager|\w*coördinator|\w*coordinator|\w*jurist|\w*analist"
    r"|raadadviseur|ambtenaar|controller|accountmanager|trainee|leidinggevende|notulist|stagiair"
    # an inspector (not the inspecteur-generaal), a budget holder, an attaché or a post's agricultural counsellor
    r"|\w*inspecteur(?![\w\-\u2010\u2011])|budgethouder|\w*attaché|\w*landbouwraad|ambassaderaad"
    r"|ambassadesecretaris|consul(?![\w\-\u2010\u2011])|kwartiermaker|secretaresse|dossierhouder|procesbegeleider"
    r"|functionaris|auditor|onderhandelaar|voorlichter|assistente?|medewerkster|adviseuse|vertrouwenspersoon|stagiaire)"
)
_CIVIL_ROLE_WORD = re.compile(_CIVIL_ROLES)
_TITLE_OR_INITIALS = re.compile(rf"(?:{v._TITLE}|(?:(?:IJ|Th|Chr|Ch|Ph|Fr|Joh|Jac|Wm|[A-Z])\.)+)")
# "Jan Bakker, beleidsmedewerker bij ...", "mevrouw Kuiper (teamleider)"
_CIVIL_ROLE_AFTER = re.compile(
    rf"\s*[,(]\s*(?:(?:de|een|onze|senior|junior|plaatsvervangend|waarnemend)\s+)*{_CIVIL_ROLES}(?!\w)"
)
# the director of a ministry's directorate, named by its fields without an article ("X, directeur Natuur en
# Biodiversiteit"; "directeur van het RIVM" heads an outside organisation, "directeur SCP" or "directeur Centraal
# Planbureau" one by its abbreviation or noun)
_DIRECTOR_OF_FIELDS = re.compile(
    r"\s*,\s*(?:plaatsvervangend\s+)?(?:directeur|directrice|afdelingshoofd)\s+(?P<unit>[A-ZÀ-Ý][a-zà-ÿ][^,.;:()\n]{0,60})"
)


def _directs_fields(text: str, end: int) -> bool:
    m = _DIRECTOR_OF_FIELDS.match(text, end)
    return m is not None and not (_EXTERNAL_ORG.search(m.group("unit")) or _ABBREVIATION.search(m.group("unit")))


_ABBREVIATION = re.compile(r"\b[A-Z]{2,}\b")


def civil_servant_mention(text: str, start: int, end: int) -> bool:
    """ "Jansen van de directie Wonen", "Ilse Bos (directie Wonen)", "projectleider Bos": this mention is a civil
    servant's, so its surname is no public person's in this text ("het rapport van mevrouw Jansen van de directie
    Wonen" is hers, "Commissie-Bos" next to "Ilse Bos (directie Wonen)" does not clear her)."""
    unit_after = _UNIT_RIGHT_AFTER.match(text, end)
    if unit_after and unit_after.group().lstrip().startswith("(") and _BEWINDSPERSOON_BEFORE.search(
            text, max(0, start - 40), start):
        unit_after = None  # "Minister Bruins (OCW)": the ministry in brackets is the minister's portfolio
    if unit_after or _CIVIL_ROLE_AFTER.match(text, end) or _directs_fields(text, end):
        return True
    before = text[max(0, start - 40) : start]
    words = before.split()
    while words and (_TITLE_OR_INITIALS.fullmatch(words[-1]) or _SALUTE_WORD.fullmatch(words[-1])
                     or words[-1] in ("heer", "de")):  # "projectleider drs. M. Bos", "(contactpersoon: mevrouw Bos"
        words.pop()
    if words:
        words[-1] = words[-1].strip("(:,")
    # a hyphenated compound with a civil role among its parts: "beleidsmedewerker-jurist", "oud-collega"
    civil = bool(words) and any(_CIVIL_ROLE_WORD.fullmatch(p) for p in _HYPHEN_SPLIT.split(words[-1])) and not (
        words[-1].casefold().endswith("generaal"))  # "inspecteur-generaal" is an office (offices.py)
    at_post = _role_at_post(text, start) or bool(_SECRETARY_OF_POST.search(before) or _BARE_HEAD.search(before))
    civil = civil and not _NATIONAL.search(before) and not foreign_colleague(text, start)  # "haar Duitse collega, X"
    return civil or at_post or _in_a_bodys_list(text, start) or _listed_after_plural_role(text, start)


_LIST_TOKEN = re.compile(r"[A-ZÀ-Ý][\w'’\-]*,?|en|,")
_PLURAL = (("aren", "aar"), ("ers", "er"), ("en", ""), ("s", ""))


def _listed_after_plural_role(text: str, start: int) -> bool:
    """A name in a list that a plural civil role noun heads: "de ambtenaren Vos, Janssen en Franken", "de
    medewerkers Vos en Brinkman": each is a civil servant's mention, whatever member of parliament or attendance list
    shares the surname. "collega's" is left out: in proceedings members call each other so ("mijn collega's X en Y")."""
    words = text[max(0, start - 160) : start].split()
    while words and (_LIST_TOKEN.fullmatch(words[-1]) or words[-1].casefold() in TUSSENVOEGSELS
                     or _TITLE_OR_INITIALS.fullmatch(words[-1]) or _SALUTE_WORD.fullmatch(words[-1])):
        words.pop()
    if not words:
        return False
    noun = words[-1].casefold()
    if noun.startswith("collega"):
        return False
    return any(noun.endswith(plural) and _CIVIL_ROLE_WORD.fullmatch(noun[: len(noun) - len(plural)] + singular)
               for plural, singular in _PLURAL)


# a head without an organisation, the name in apposition: "de plaatsvervangend directeur, mevrouw X", "de
# directeur-generaal, de heer X" (with an outside organisation before the comma the head may be public: offices.py)
_BARE_HEAD = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?i:de|het|onze|haar|zijn)\s+(?:(?i:plaatsvervangend|adjunct|waarnemend)[\s\-]+)?"
    rf"(?i:directeur(?:-generaal)?|directrice|hoofd|secretaris(?:-generaal)?|woordvoerder|woordvoerster)\s*[,(]\s*"
    rf"(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)
# the members of an internal body listed: "Het projectteam bestond uit Dekker, Yilmaz en Van Beek"
_BODY_LIST = re.compile(
    r"(?i:werkgroep|projectteam|projectgroep|stuurgroep|kerngroep|taskforce|team|programmateam)\w*\s+"
    r"(?:bestond|bestaat|bestonden|bestaan)\s+uit\s+"
)
_LIST_GAP = re.compile(r"[\w'’.\-\s,()]*")


def _in_a_bodys_list(text: str, start: int) -> bool:
    window = text[max(0, start - 150) : start]
    heads = list(_BODY_LIST.finditer(window))
    return bool(heads) and _LIST_GAP.fullmatch(window, heads[-1].end()) is not None


# a diplomatic rank: "de tweede secretaris, mevrouw X" (the secretaris-generaal is an office, offices.py)
_SECRETARY_OF_POST = re.compile(
    rf"(?i:eerste|tweede|derde)\s+(?:ambassade)?secretaris\s*[,(]?\s*(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


# a civil role, then its post or unit, then the name in apposition or in brackets: "de landbouwraad in Brasília (ir.
# H.C. X)", "de landbouwattaché in Rome, X", "de budgethouder bij de directie Politie, ing. H. (Hans) X"
_ROLE_AT_POST = re.compile(
    rf"(?<![\w\-\u2010\u2011]){_CIVIL_ROLES}\s+(?:(?:in|te|op)\s+[A-ZÀ-Ý][\w'’\-]*(?:\s+[A-ZÀ-Ý][\w'’\-]*)?"
    rf"|(?:bij|van)\s+(?:de|het)\s+(?:{_UNIT}|{_AGENCY})(?:\s+(?:en\s+)?[A-ZÀ-Ý][\w'’&\-]*){{0,3}})"
    rf"\s*[,(]\s*(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


def _role_at_post(text: str, start: int) -> bool:
    near = text[max(0, start - 40) : start]
    if "," not in near and "(" not in near:
        return False  # the name stands in apposition or in brackets, or this is no such mention
    return _ROLE_AT_POST.search(text, max(0, start - 120), start) is not None


_BEWINDSPERSOON_BEFORE = re.compile(rf"(?<![\w\-\u2010\u2011])(?:[Mm]inister|[Ss]taatssecretaris)\s+(?:{v.INITIALS})?$")
_HYPHEN_SPLIT = re.compile(r"[-\u2010\u2011]")
_RANK_BEFORE = re.compile(rf"(?<![\w\-\u2010\u2011])(?:{v.RANK})\s+(?:(?:{v._TITLE})\s*|{v.INITIALS})*$")


def rank_before(text: str, start: int) -> bool:
    """A military rank right before the name ("sergeant-majoor Kuipers", "kapitein ter zee ir. Bos"): an officer is a
    civil servant, so the mention is one unless an office makes this very mention public (the caller's check: "de
    Commandant der Strijdkrachten, generaal X" is public by the office, not by the rank)."""
    return bool(_RANK_BEFORE.search(text, max(0, start - 80), start))


_SALUTE_WORD = re.compile(rf"(?:{v._SALUTATION}|{v._TITLE})")
_NATIONAL = re.compile(r"(?i:nationa(?:al|le)|landelijke?|europe(?:es|se))\s+\w+\s+$")
_TOKEN = re.compile(r"[\w'’.\-\u2010\u2011()]+|,")
_INITIALS_ONLY = re.compile(r"(?:(?:IJ|Th|Chr|Ch|Ph|Fr|Joh|Jac|Wm|[A-Z])\.)+|\([A-ZÀ-Ý][a-zà-ÿ]+\)")
_TUSSEN_WORDS = frozenset(["van", "de", "den", "der", "het", "ter", "ten", "te", "in", "op", "uit", "'t", "’t",
                           "el", "al", "ben", "abou", "abu", "bou", "ait", "aït", "ould"])
_CAP_TUSSEN_START = re.compile(r"(?:Van|De|Den|Der|Ter|Ten|Te|In|Op|Uit)$")
_REACH = 90


def _names_before(text: str, end: int) -> list[tuple[int, int]]:
    """The list of names that ends at end, read backwards word by word ("Jeroen en Fatma", "Ter Haar")."""
    names: list[tuple[int, int]] = []
    span: list[int] = []
    for tok in reversed(list(_TOKEN.finditer(text, max(0, end - _REACH), end))):
        word = tok.group()
        if word in (",", "en"):
            if not span or len(names) >= 4:
                break
            names.append((span[0], span[1]))
            span = []
        elif (word[:1].isupper() and (not word.endswith(".") or _INITIALS_ONLY.fullmatch(word))) or (
                span and (word in _TUSSEN_WORDS or _INITIALS_ONLY.fullmatch(word))):
            span = [tok.start(), span[1] if span else tok.end()]
        else:
            break
    if span:
        names.append((span[0], span[1]))
    return names[::-1]


def _plausible(text: str, start: int, end: int, keep: set[str], *, listed: bool = False) -> bool:
    """One name of the list: a capitalised tussenvoegsel and a word, initials, a given name and a surname, or one
    known first name or surname; never an ordinary word, an institution or a word of the sentence."""
    words = [w for w in text[start:end].split() if not _INITIALS_ONLY.fullmatch(w)]
    if not words:
        return False
    core = words[-1]
    # a given name or initials before it, a unit or role noun after: a person, whatever the surname ends in ("Karel
    # Baasbank, senior beleidsmedewerker", "Eva van der Sluis van de directie Water")
    person = len(words) > 1 and (words[0] in data.first_names() or bool(_CAP_TUSSEN_START.match(words[0]))
                                 and core in data.surnames()) or bool(_INITIALS_ONLY.match(text[start:end]))
    # an item among names of a list ("Ramdin, Sluis en Verbeek") or before a unit or role ("Sluis (FEZ)"): a listed
    # surname is one even if it is also an institution's word
    listed = listed and core in data.surnames()
    if core in STOPWORDS or _fold(core) in keep or _looks_like_institution(
            text, start, end, core, person=person or listed, named=listed):
        return False
    if core.isupper() and len(core) > 1:
        return False  # an abbreviation: "De CEO van de Belastingdienst"
    if _INITIALS_ONLY.match(text[start:end]):
        return True
    if len(words) > 1 and _CAP_TUSSEN_START.match(words[0]):  # "Ter Haar van de afdeling", not "De Europese Unie"
        return all(w.casefold() in _TUSSEN_WORDS for w in words[1:-1]) and (
            core in data.surnames() or core.casefold() not in data.common_words())
    if len(words) > 1:
        return words[0] in data.first_names() or core in data.surnames()
    return _known_surname(core, data.surnames()) or core in data.first_names()  # also "Hoekstra-Bakker"


def unit_names(text: str, keep: set[str]) -> list[Candidate]:
    """The names just before a unit ("van de directie X") or a role noun after a comma ("X, jurist")."""
    out = []
    anchors = sorted([m.start() for rx in (_UNIT_ANCHOR, _ROLE_ANCHOR) for m in rx.finditer(text)])
    for at in anchors:
        for start, end in _names_before(text, at):
            words = text[start:end].split()
            while len(words) > 1 and (words[0] in STOPWORDS and not _CAP_TUSSEN_START.match(words[0])
                                      or _SALUTE_WORD.fullmatch(words[0])  # "Volgens", "Mevrouw", "Drs."
                                      or words[0] in _TUSSEN_WORDS and words[1] in data.first_names()):  # "van Jan"
                start += len(words.pop(0)) + 1
            if _AREA_BEFORE.search(text, max(0, start - 14), start):
                continue  # "de regio Oost van de NVWA": a region, no name
            if _plausible(text, start, end, keep, listed=True):  # "Sluis (FEZ)", "Hof van de directie Water"
                out.append(Candidate(start, end, "naam", surname_key(text[start:end])))
    return out


_AREA_BEFORE = re.compile(r"(?<!\w)(?:regio|district|landsdeel|provincie|gemeente|sector|cluster|eenheid)\s+$")


_GIVEN_OR_INITIALS_BEFORE = re.compile(rf"(?:(?P<init>{v.INITIALS})|(?P<given>[A-ZÀ-Ý][a-zà-ÿ]+)\s+)$")


def keep_namesakes(text: str, hits: Sequence[tuple[int, int]], keep_given: dict[str, set[str]]) -> list[Candidate]:
    """Mentions the register reads as a visible (public) person's that are a namesake's: another given name or
    initials before the surname ("beleidsmedewerker Ilse de Jonge" beside minister Hugo de Jonge), or a bare surname
    the text itself ties to the ministry's staff ("Beleidsmedewerker Bakker van de directie Wetgeving" beside the
    minister's spokesman T. Bakker: civil_servant_mention), which the register cannot tell from the visible person:
    a finding, so the public build stops until a Woo officer decides (`toegestaan` clears it, and so does registering
    "jurist De Graaf" by that bare name as the finding's snippet offers), never the visible person's name printed for
    a civil servant.
    A spokesman's own title is no such tie ("de woordvoerder, Bakker,"). `keep_given` holds the visible people's
    surname keys with the initials of their given names."""
    out = []
    for start, end in hits:
        key = surname_key(text[start:end])
        if key not in keep_given:
            continue
        m = _GIVEN_OR_INITIALS_BEFORE.search(text, max(0, start - 30), start)
        first, name_start = "", start
        if m and (m.group("init") or m.group("given") in data.first_names()):
            first, name_start = (m.group("init") or m.group("given"))[0], m.start()
        other = bool(first) and bool(keep_given[key] - {""}) and first not in keep_given[key]
        # (only for a visible person the register knows by given name or initials: one registered by the bare surname
        # was registered from such mentions, by the decision the finding's snippet offered)
        tied = (not first and not given_initial(text[start:end]) and bool(keep_given[key] - {""})
                and civil_servant_mention(text, start, end)
                and not _SPOKESMAN_BEFORE.search(text, max(0, start - 40), start))
        if other or tied:
            out.append(Candidate(name_start, end, "naam", key))
    return out


_SPOKESMAN_BEFORE = re.compile(r"(?i:woordvoer(?:der|ster)|persvoorlicht(?:er|ster)|voorlichter)\W+(?:\w+\W+){0,3}$")


_SALUTED_BEFORE = re.compile(rf"(?:{v._SALUTATION}|{v._TITLE})\s*$")
_DOUBLE_SURNAME = re.compile(rf"[A-ZÀ-Ý][\w'’]*[-\u2010\u2011](?:{v.TUSSEN})(?:\s+{v.TUSSEN})*\s+[A-ZÀ-Ý][\w'’]*$")
_PLACE_BEFORE = re.compile(r"(?<!\w)(?i:in|te|uit|naar|bij|gemeente|provincie|regio|station|omgeving)\s+$")
_CAP_TUSSEN_BEFORE = re.compile(r"(?:Van|De|Den|Ter|Ten|Te|Van\s+de[nr]?|Van\s+het)\s+$")


def later_mentions(text: str, names: Sequence[Candidate], keep: set[str]) -> list[Candidate]:
    """A bare later mention of a person found with a given name or initials: "projectleider Wilma Hoogeveen; Hoogeveen
    houdt ook ..." (the same person's finding; a place of that name, "in Hoogeveen", is none)."""
    cores = set()
    first_parts: dict[str, str] = {}  # "Hendriks" of "Marloes Hendriks-de Vries": that person's key
    known = data.surnames()
    for c in names:
        written = text[c.start : c.end]
        words = written.split()
        saluted = _SALUTED_BEFORE.search(text, max(0, c.start - 40), c.start) is not None
        while len(words) > 1 and (_SALUTE_WORD.fullmatch(words[0]) or words[0] in ("de", "heer")):
            words.pop(0)  # "de heer K. Nauta", "dr. Van Vliet"
            saluted = True
        if c.category != "naam" or len(words) < 2 or c.key in keep:
            continue
        double = _DOUBLE_SURNAME.search(written)
        if double:
            cores.add(double.group())  # "Marieke Sprenkels-de Haan; Sprenkels-de Haan coördineert ..."
            first = _HYPHEN_SPLIT.split(double.group())[0]
            if len(first) >= 4 and first in known and first.casefold() not in data.places():
                first_parts[first] = c.key  # "... Sprenkels coördineert ..."
            continue
        core = words[-1]
        if len(core) < 4 or not _known_surname(core, known):
            continue  # a listed surname only: "Priya Ramdin van Toeslagen" gives no "Toeslagen"
        # "dr. Van Vliet; Van Vliet heeft ...": a bare surname after a salutation only with its tussenvoegsel (a bare
        # "Groen" or "Bakker" is often a word or a namesake)
        if words[0] in data.first_names() or _INITIALS_ONLY.fullmatch(words[0]) or (
                saluted and _CAP_TUSSEN_START.match(words[0]) and core.casefold() not in data.common_words()):
            cores.add(core)
    cores |= set(first_parts)
    if not cores:
        return []
    alternatives = "|".join(re.escape(w) for w in sorted(cores, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w@.\-\u2010\u2011])(?:{alternatives})(?![\w@\-\u2010\u2011])")
    out = []
    for m in rx.finditer(text):
        place = m.group().casefold() in data.places() and _PLACE_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if place or _looks_like_institution(text, m.start(), m.end(), m.group()):
            continue  # "in Hoogeveen" (but "het secretariaat berust bij Nauta")
        tus = _CAP_TUSSEN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        start = tus.start() if tus else m.start()
        key = first_parts.get(m.group()) if not tus else None
        out.append(Candidate(start, m.end(), "naam", key or surname_key(text[start : m.end()])))
    return out


# "de leden van de werkgroep, te weten Hendriks, Van Dam en Pauw": people listed after a noun for people
_ENUMERATION = re.compile(
    r"(?i:leden|medewerkers|collega's|collega’s|ambtenaren|deelnemers|aanwezigen|vertegenwoordigers|personen)"
    r"(?:\s+[\w’'-]+){0,6}?,?\s+te\s+weten\s*:?\s+"
)
_NAME_AT = re.compile(rf"(?P<name>(?P<init>{v.INITIALS})?{v.SURNAME})(?!\w)")


def enumerated_names(text: str, keep: set[str]) -> list[Candidate]:
    """Listed surnames after "te weten" that lists people: "de leden van de werkgroep, te weten Hendriks, Van Dam en
    Pauw" (a public body's list is made public by public.py; an unlisted word ends the list)."""
    out = []
    known = data.surnames()
    for e in _ENUMERATION.finditer(text):
        m = _NAME_AT.match(text, e.end())
        while m and (m.group("init") or _known_surname(m.group("core"), known)) and _is_name(text, m, keep, False):
            if (m.group("tus") or " ")[0].islower() and not m.group("init"):
                break
            out.append(Candidate(m.start("name"), m.end("name"), "naam", surname_key(m.group("name"))))
            m = _LIST_NEXT.match(text, m.end())
    return out


# the join before a list's last item ("..., Van der Sluis en mr. Lotte Verbeek"); a comma and a salutation is an
# apposition more often than a list ("de gedeputeerde van Gelderland, de heer X")
_LIST_JOIN_BEFORE = re.compile(rf"(?:,|\s+en\s+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*)\s*$")


_OF_PLACE = re.compile(r"(?<!\w)(?:van|in|uit|te|bij|naar)\s+$")
_PLACE_IN = re.compile(r"\s(?:in|uit)\s+(?=[A-ZÀ-Ý])")  # ("te" and "op" start surnames: "Jan te Velde")
_OFFICE_WORD = re.compile(rf"{_ALWAYS}|{_HEAD}|(?i:{v._PUBLIC_TITLE})")


def _items(text: str, end: int, keep: set[str]) -> list[Candidate]:
    out = []
    for start, stop in _names_before(text, end):
        words = text[start:stop].split()
        while len(words) > 1 and not (words[0] in data.first_names() or _INITIALS_ONLY.fullmatch(words[0])
                                      or _CAP_TUSSEN_START.match(words[0])):
            start += len(words.pop(0)) + 1  # "Collega's Bakker", "Mevrouw Smit": the name is what follows
        place = _PLACE_IN.search(text, start, stop)
        stop = place.start() if place else stop  # "Ingrid Vos in Addis Abeba en ...": the name ends before its place
        written = text[start:stop]
        if not written[:1].isupper() or written.casefold() in data.places() and _OF_PLACE.search(
                text, max(0, start - 6), start) or _OFFICE_WORD.fullmatch(written.split()[-1]):
            continue  # "van Gelderland", "De burgemeester van Groningen, Koen X": a place; "De Rijksbouwmeester, X"
        if (written.casefold() not in data.places() or written in data.surnames()) and _plausible(
                text, start, stop, keep, listed=True):  # "Sluis" is a place and a surname
            out.append(Candidate(start, stop, "naam", surname_key(text[start:stop])))
    return out


# a list of three or more after a colon: "Aan de brief werkten mee: Ramdin, Sluis en Verbeek."
_COLON_LIST = re.compile(r":[ \t]+(?=[A-ZÀ-Ý])[^:;.?!\n]{5,200}")


def listed_before(text: str, names: Sequence[Candidate], keep: set[str]) -> list[Candidate]:
    """The earlier items of a list that ends in a found name: "werkten mee: Ramdin, Van der Sluis en mr. Lotte
    Verbeek" (the items after a found name are name_lists._list_continuations'); and a list after a colon of
    which every item is a plausible name and two are listed surnames: "werkten mee: Ramdin, Sluis en Verbeek". A
    place is no item."""
    out = []
    for c in names:
        join = _LIST_JOIN_BEFORE.search(text, max(0, c.start - 30), c.start) if c.category == "naam" else None
        if join:
            out += _items(text, join.start(), keep)
    for m in _COLON_LIST.finditer(text):
        if "," not in m.group() or " en " not in m.group():
            continue
        items = _items(text, m.end(), keep)
        if len(items) >= 3 and text[m.start() + 1 : items[0].start].strip() == "" and sum(
                (w := text[i.start : i.end].split()[-1]) in data.surnames() and w.casefold() not in data.places()
                for i in items) >= 2:
            out += items
    return out
