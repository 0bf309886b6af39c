"""People an outside body or publication makes public (tuning round 6): chairs of outside councils, scholars named
with their university in public work, authors in a reference list or of a titled report with their public task,
members who filed a motion, a seat in an outside organisation said in a relative clause with its abbreviation, a
portfolio in an outside board; and bare words that name a unit of the text, no person (`unit_words`).

Each rule reads the words around one name candidate and stops at a ministry's unit, an internal body or a civil role
("een ambtelijke werkgroep onder leiding van drs. X", "dr. X van de directie Y", "X e.a. van de afdeling Z"): a Woo
officer's extra decision is cheap, a leak is not.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.matchers.names import _fold
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import given_initial, surname_key
from redaction.matchers.unregistered.offices import (
    _EXTERNAL_ABBREVIATION,
    _EXTERNAL_ORG,
    _INTERNAL,
    _INTERNAL_BODY,
    sentence_before,
    unit_or_internal,
)
from redaction.matchers.unregistered.person_names import Candidate
from redaction.matchers.unregistered.public import _name_spans

_TITLES = rf"(?:(?:{v._SALUTATION}|{v._TITLE}|[Pp]rofessor)(?:(?<=\.)|(?!\w))\s*)*"
# "onder (vice)voorzitterschap van X", "onder leiding van prof. X": the chair of the body just named
_CHAIRED_BY = re.compile(rf"(?<!\w)onder\s+(?:(?:vice|co)-?voorzitterschap|voorzitterschap|leiding)\s+van\s+{_TITLES}$")
# the outside bodies chaired so: councils, colleges, committees named after a person, an external reference group,
# institutes and universities; a ministry's unit, service or internal body in the same sentence keeps a finding
# (a committee only as an advisory, evaluation, inquiry or state committee: a selection or assessment committee may be
# the ministry's own; an institute or agency is often the state's, its researchers civil servants)
_OUTSIDE_BODY = re.compile(
    r"[A-ZÀ-Ý]\w*(?:raad|college)\b|\bRaad\b|[Cc]ommissie-[A-ZÀ-Ý]"
    r"|(?:Advies|Evaluatie|Onderzoeks|Staats|Visitatie|Enquête|Delta)\w*commissie\b"
    # the same named by its task after the noun: "de Commissie evaluatie Wiv 2002"
    r"|\bCommissie\s+(?:evaluatie|onderzoek|advies|toetsing|herziening)\b"
    r"|\bexterne\s+\w*(?:groep|commissie)\b"
    # a group of (outside) experts: "de groep van deskundigen onder leiding van X", "de expertgroep", "wijzen"
    r"|\b(?:groep|commissie|panel)\s+van\s+(?:\w+\s+)?(?:deskundigen|experts|wijzen)\b|(?:deskundigen|expert)groep\b"
)
_COUNCIL_SECTION = re.compile(r"Afdeling\s+(?:advisering|bestuursrechtspraak)")
_STAFFED = re.compile(
    r"(?i:ministerie|departement|directie|directoraat|afdeling|\bteam|team\b|programma|ambtelijk|interdepartementa"
    r"|secretariaat|bureau\b|\bstaf\b|griffie|dienst\b|\bdienst|agentschap|\bunit\b|cluster|sector|personeel"
    r"|rijks(?!museum|universiteit|academie|akademie))"
)
# "onder leiding van mevrouw X (secretaris van de raad)", "..., senior adviseur": the body's staff, civil servants
_ROLE_AFTER = re.compile(rf"\s*[,(]\s*(?:(?:senior|junior|plaatsvervangend|ambtelijk|algemeen)\s+)?(?:{v._ROLE})(?!\w)")
# a meeting with the body may be chaired by a civil servant: "het overleg met de Raad stond onder leiding van X"
_MEETING = re.compile(r"(?i:overleg|gesprek|bijeenkomst|vergadering|sessie|werkbezoek|consultatie|conferentie)")
# a scholar named with the university or academic hospital: "prof. dr. X van de Universiteit Utrecht"
# (or a scholar's discipline: "viroloog X van het Erasmus MC", "econoom X van de Universiteit Utrecht")
_DISCIPLINE = r"[a-z]{3,}lo(?:og|ge)|econoom|historicus|wetenschapper"
_ACADEMIC_TITLE = re.compile(
    rf"(?:(?<!\w)(?:[Pp]rof|[Dd]r)\.|(?<!\w)(?:[Pp]rofessor|[Hh]oogleraar|[Ll]ector|{_DISCIPLINE}))(?:\s*(?:[Dd]rs|[Dd]r|[Mm]r|[Ii]r|[Ii]ng)\.)*\s*$"
)
_UNIVERSITY = (
    r"(?:(?:Rijks|Technische\s+|Vrije\s+|Open\s+|Katholieke\s+|[A-ZÀ-Ý]\w+\s+)?[Uu]niversiteit"
    r"|Universitair\s+Medisch|[A-ZÀ-Ý]\w*\s+(?:MC|UMC)\b|(?:UMC|Amsterdam\s+UMC|LUMC|UMCG|Radboudumc)\b"
    r"|[A-ZÀ-Ý]\w*\s+University\b|Hogeschool|(?:TU|KU)\s+[A-ZÀ-Ý]\w+)"
)
# "van de Universiteit Utrecht", "van Wageningen University", or in brackets: "(Vrije Universiteit Amsterdam)"
_UNIVERSITY_AFTER = re.compile(
    rf"\s+(?:van|aan|bij)\s+(?:(?:de|het)\s+)?{_UNIVERSITY}|\s*\((?:[A-ZÀ-Ý]\w*\s+)?{_UNIVERSITY}[^()\n]{{0,40}}\)"
)
_PUBLIC_WORK = re.compile(
    rf"(?<!\w)(?:(?:publicaties?|onderzoek|studie|rapport|advies|analyse|artikel|oratie|proefschrift|werk|oordeel"
    rf"|berekeningen|bevindingen|conclusies)\s+van"
    rf"(?:\s+de(?:\s+[a-zà-ÿ]+){{0,3}}\s+(?:deskundigen|experts|hoogleraren|onderzoekers|wetenschappers)\s*,)?"
    rf"|(?:uitgevoerd|geschreven|opgesteld|begeleid|geleid)\s+door)\s+(?:(?:{_DISCIPLINE})\s+)?{_TITLES}$"
)
# the next scholar of the list: "prof. dr. X (Vrije Universiteit Amsterdam) en prof. dr. Y (Tilburg University)"
# or the published work the scholar's analysis stands in: "de analyse van prof. dr. X in het rapport dat het WODC ..."
_IN_WORK = re.compile(r"\s+in\s+(?:het|de|zijn|haar)\s+(?:rapport|studie|onderzoek|boek|artikel|publicatie|oratie)\b")
_NEXT_SCHOLAR = re.compile(rf"\s*(?:,|\ben\b)\s*{_TITLES}$")
# a reference list: "– <title>, A, B en C, Utrecht 2022 (Verwey-Jonker Instituut);", "– <title>, X e.a., d.d. ..."
# (the folded text has no line breaks: a paragraph break is two spaces, a dash "-")
_BULLET_LINE = re.compile(r"(?:^|\s\s|[;:]\s+)-\s(?:(?!\s\s)[^;])*$")
_OWN_PAPER = re.compile(r"(?i:intern|notitie|memo|nota\b|verslag|aantekening|e-mail)")
# "X e.a., Groningen 2021 (...)", "X e.a., d.d. 31 maart 2022": co-authors, then the imprint or date
_ET_AL = re.compile(r"\s+e\.a\.\s*,\s*(?:[A-ZÀ-Ý][a-zà-ÿ]+\s+)?(?:d\.d\.|(?:19|20)\d\d\b)")
_AUTHORS_TO_IMPRINT = re.compile(
    r"(?:\s*(?:,|\ben\b)\s*[A-ZÀ-Ý][\w'’\-]*(?:\s+[\w'’\-]+){0,3}?)*,\s+[A-ZÀ-Ý][a-zà-ÿ]+\s+(?:19|20)\d\d\s*"
    r"\((?P<org>[^()\n]{2,80})\)"
)
_LINE_REST = re.compile(r"(?:(?!\s\s)[^;\n])*")
# a seat in the outside organisation named with its abbreviation before the relative clause: "evofenedex en
# VNO-NCW, waarvan X voorzitter is"
_RELATIVE = re.compile(rf",\s+waarvan\s+{_TITLES}$")
# (or its head: "de evaluatie is uitgevoerd door het SCP, waarvan de heer X directeur is")
_SEAT_IS = re.compile(
    r"\s+(?i:voorzitter|president|bestuursvoorzitter|directeur|directrice|bestuurder|rector)\s+(?:is|was|werd|wordt)(?!\w)"
)
# motions in a list: "Kamerstuk 34 000 VIII, nr. 29 – Bergkamp en Van Meenen over ..."
_MOTION = re.compile(r"(?:Kamerstuk|[Mm]otie)[^\n–]{0,60}?nr\.\s*\d+\s*[–\-]\s*")
_OVER = re.compile(r"\s+over\s")


# a question or exclamation mark, or a full stop after a word (not an initial's or a title's), ends the sentence: "...
# onder leiding van de heer X? Antwoord: Het kabinet ..." (the unit or role after the name stands in its sentence)
_SENTENCE_END = re.compile(r"[?!]|(?<=[a-zà-ÿ]{5})\.\s")


def _sentence_rest(text: str, end: int) -> str:
    rest = _LINE_REST.match(text, end).group()  # type: ignore[union-attr]
    stop = _SENTENCE_END.search(rest)
    return rest[: stop.start()] if stop else rest


def _chaired_outside(text: str, c: Candidate) -> bool:
    chair = _CHAIRED_BY.search(text, max(0, c.start - 80), c.start)
    if not chair:
        return False
    # "de Afdeling advisering van de Raad van State" is the council's, no ministry's unit
    before = _COUNCIL_SECTION.sub("", sentence_before(text, chair.start(), 160, ".;!?\n"))
    after = _sentence_rest(text, c.end)[:60]
    if _STAFFED.search(before) or _INTERNAL_BODY.search(before) or _MEETING.search(before) or (
            _INTERNAL.search(after) or _ROLE_AFTER.match(after)):
        return False  # "een ambtelijke werkgroep onder leiding van drs. X", "het overleg met de Raad stond onder ..."
    return bool(_OUTSIDE_BODY.search(before[-90:]))  # the body chaired is named just before


_OF_INSIDE = re.compile(r"\s(?:van|aan|bij)\s+(?:de|het)\s+\S+$")


def _university_after(text: str, c: Candidate) -> re.Match[str] | None:
    """The university after the name, also when the name's span took its first word: "prof. dr. X van de Vrije"
    (Universiteit), "prof. dr. X van het Radboudumc"."""
    inside = _OF_INSIDE.search(text, c.start, c.end)
    return _UNIVERSITY_AFTER.match(text, c.end) or (_UNIVERSITY_AFTER.match(text, inside.start()) if inside else None)


def _scholar(text: str, c: Candidate, prior: int = -1) -> bool:
    """A scholar in public work: chairing, leading or writing ("de taskforce onder voorzitterschap van prof. X van de
    TU Delft", "de publicaties van prof. dr. X van het Erasmus MC"); a conversation with one stays a finding ("het
    gesprek met prof. dr. X van de Universiteit Utrecht": personal data, if no civil servant's)."""
    university = _university_after(text, c) or _IN_WORK.match(text, c.end)
    if not university or not _ACADEMIC_TITLE.search(text, max(0, c.start - 20), c.start):
        return False
    after = _LINE_REST.match(text, university.end()).group()[:80]  # type: ignore[union-attr]
    if unit_or_internal(after) or _OWN_PAPER.search(university.group()):
        return False  # "dr. X van de Universiteit Leiden, die ook bij de directie Kennis werkt"
    if university.re is _IN_WORK:  # no university named: the public work before the name must say so
        return bool(_PUBLIC_WORK.search(text, max(0, c.start - 80), c.start))
    return bool(_CHAIRED_BY.search(text, max(0, c.start - 80), c.start)
                or _PUBLIC_WORK.search(text, max(0, c.start - 80), c.start)
                or 0 <= prior < c.start and _NEXT_SCHOLAR.fullmatch(text, prior, c.start))


def _reference_author(text: str, c: Candidate) -> bool:
    dash = text.rfind("- ", max(0, c.start - 300), c.start)  # the list item's dash, before the costly check
    if dash < 0 or not _BULLET_LINE.search(text, max(0, dash - 3), c.start):
        return False
    item = text[dash : _LINE_REST.match(text, c.end).end()]  # type: ignore[union-attr]
    if unit_or_internal(item) or _OWN_PAPER.search(item) or (
            _SALUTED.search(text, max(0, c.start - 30), c.start)):
        return False  # the ministry's own writers ("- de notitie Planning, X e.a. (directie Wonen)"); a salutation is
        # no reference list's ("- de brief van mevrouw X e.a., d.d. ...")
    if _ET_AL.match(text, c.end):
        return True
    imprint = _AUTHORS_TO_IMPRINT.match(text, c.end)
    return bool(imprint) and bool(_EXTERNAL_ORG.search(imprint.group("org"))  # type: ignore[union-attr]
                                  or _EXTERNAL_ABBREVIATION.search(imprint.group("org")))  # type: ignore[union-attr]


def _seat_by_abbreviation(text: str, c: Candidate) -> bool:
    rel = _RELATIVE.search(text, max(0, c.start - 40), c.start)
    if not rel or not _SEAT_IS.match(text, c.end):
        return False
    before = sentence_before(text, rel.start(), 80, ".;!?\n")
    # (a state agency's head is its civil servant: "de IND, waarvan X directeur is")
    return bool(_EXTERNAL_ABBREVIATION.search(before)) and not unit_or_internal(before) and not _STATE_AGENCY.search(
        before)


_STATE_AGENCY = re.compile(rf"(?<!\w){v.AGENCY_ABBR}(?!\w)")


# "de heer X, als portefeuillehouder politie binnen de Kring van Commissarissen": a portfolio in an outside board
_PORTFOLIO_AFTER = re.compile(
    r"\s*,\s*als\s+portefeuillehouder\b(?P<clause>[^,.;:()]{0,40}?\s(?:binnen|van|bij|namens)\s+(?:de|het)\s+"
    r"[A-ZÀ-Ý][^,.;:()]{0,60})"
)
# "het rapport «Wat nu» van de heer X": the author of a published report with its title
_TITLED_WORK = re.compile(
    rf"(?<!\w)(?:rapport|essay|verkenning)\s+[«\"“][^»\"”]{{1,100}}[»\"”]\s+van\s+{_TITLES}$"
)

_TASK_AFTER = re.compile(r"\s*,\s*die\s+als\s+([a-zà-ÿ][\w\-]*)[^,.;:()]{0,60}")


def _portfolio_or_author(text: str, c: Candidate) -> bool:
    portfolio = _PORTFOLIO_AFTER.match(text, c.end)
    if portfolio:
        clause = portfolio.group("clause")
        return not unit_or_internal(clause)
    if not _TITLED_WORK.search(text, max(0, c.start - 160), c.start):
        return False
    # ", die als gespreksleider ... heeft gesproken": the author's public task is said; a civil role there is not one
    task = _TASK_AFTER.match(text, c.end)
    return bool(task) and not re.fullmatch(v._ROLE, task.group(1)) and not (  # type: ignore[union-attr]
        unit_or_internal(task.group()))  # type: ignore[union-attr]


def _motion_filers(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in _MOTION.finditer(text):
        names = _name_spans(text, m.end(), many=True)
        if names and _OVER.match(text, names[-1].end()):
            for name in names:
                core = name.group("core")
                for key in (_fold(core.split("-")[-1]), _fold(core)):
                    out.setdefault(key, set()).add(given_initial(name.group()))
    return out


# "Het rapport van het Rathenau Instituut, geschreven door dr. X": a titled researcher writing the outside
# organisation's published work ("Het rapport van de directie, geschreven door dr. X" keeps a civil servant)
_WRITTEN_BY = re.compile(
    rf",\s+(?:uitgevoerd|geschreven|opgesteld|verricht)\s+door\s+{_TITLES}$"
)


def _outside_researcher(text: str, c: Candidate) -> bool:
    written = _WRITTEN_BY.search(text, max(0, c.start - 60), c.start)
    if not written or not _ACADEMIC_TITLE.search(text, max(0, c.start - 20), c.start):
        return False
    before = sentence_before(text, written.start(), 120, ".;!?\n")
    after = _sentence_rest(text, c.end)[:80]
    return (bool(_STUDY.search(before)) and bool(_EXTERNAL_ORG.search(before)) and not _STAFFED.search(before)
            and not _INTERNAL_BODY.search(before) and not _OWN_PAPER.search(before) and not unit_or_internal(after)
            and not _ROLE_AFTER.match(after))


# a scholar's contribution to public work, the university named before it in the sentence or a hearing after it: "de
# analyses van het COELO aan de Rijksuniversiteit Groningen, in het bijzonder de bijdrage van prof. dr. X tijdens de
# deskundigenbijeenkomst" (a unit, internal body or role noun in the sentence keeps a civil servant)
_CONTRIBUTION = re.compile(
    r"(?<!\w)(?:bijdrage|bijdragen|inbreng|presentatie|betoog|lezing|analyses?|publicaties?|onderzoek|studie|rapport"
    r"|advies|artikel|oordeel|toelichting)\s+van\s+$"
)
_HEARING_AFTER = re.compile(
    r"\s+(?:tijdens|op|bij|in)\s+(?:de|het|een)\s+(?:\w*deskundigenbijeenkomst|\w*rondetafelgesprek|hoorzitting"
    r"|expertmeeting|expertbijeenkomst|\w*deskundigenbijeenkomst)(?!\w)"
)


def _scholar_contribution(text: str, c: Candidate) -> bool:
    title = _ACADEMIC_TITLE.search(text, max(0, c.start - 20), c.start)
    if not title:
        return False
    work = _CONTRIBUTION.search(text, max(0, title.start() - 30), title.start())
    if not work:
        return False
    before = sentence_before(text, work.start(), 240, ".;!?\n")
    after = _sentence_rest(text, c.end)[:120]
    if unit_or_internal(before + " " + after) or v.ROLE_WORD.search(before + " " + after) or _OWN_PAPER.search(before):
        return False
    return bool(re.search(_UNIVERSITY, before)) or bool(_HEARING_AFTER.match(text, c.end))


# the chairs of named bodies, some of them listed: "de voorzitters van de klimaattafels, onder wie de heer X (Gebouwde
# omgeving) en de heer Y (Landbouw)" (a unit's or an internal body's chairs, "de voorzitters van de werkgroepen", are
# civil servants; so is a name with a role noun, unit or ministry in its brackets)
_CHAIRS_AMONG = re.compile(
    r"(?<!\w)voorzitters\s+van\s+(?:de|het)\s+(?P<body>[^,.;:()\n]{1,60}),\s+(?:onder\s+wie|waaronder|te\s+weten"
    r"|namelijk)\s+"
)
_AMONG_GAP = re.compile(r"[\w'’.\-\s,()]*")


def _chair_among(text: str, c: Candidate) -> bool:
    window = text[max(0, c.start - 220) : c.start]
    heads = list(_CHAIRS_AMONG.finditer(window))
    if not heads or not _AMONG_GAP.fullmatch(window, heads[-1].end()):
        return False
    body = heads[-1].group("body")
    listed = window[heads[-1].end() :] + _sentence_rest(text, c.end)[:80]
    return not unit_or_internal(body) and not unit_or_internal(listed) and not v.ROLE_WORD.search(
        sentence_before(text, c.start, 240, ".;!?\n"))




# a report known by its author's name: "mijn reactie op het rapport Alders" makes "het rapport van de heer Alders" an
# outside author's (a unit after it keeps one: "het rapport Jansen van de directie Wonen")
_EPONYMOUS_WORK = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?:[Rr]apport|[Ee]indrapport|[Rr]apportage|[Aa]dvies)[ \-\u2010\u2011]"
    rf"(?P<name>(?:{v.CAP_TUSSEN}\s+)?[A-ZÀ-Ý][a-zà-ÿ]+(?:[\-\u2010\u2011][A-ZÀ-Ý][a-zà-ÿ]+)?)(?![\w\-\u2010\u2011])"
)


def _eponymous_authors(text: str, names: Sequence[Candidate]) -> dict[str, set[str]]:
    if "apport" not in text and "dvies" not in text:
        return {}
    keys = {c.key for c in names}
    found = {surname_key(m.group("name")) for m in _EPONYMOUS_WORK.finditer(text)
             if not unit_or_internal(_sentence_rest(text, m.end())[:60])} & keys
    out: dict[str, set[str]] = {}
    for key in found:
        initials = {given_initial(text[c.start : c.end]) for c in names if c.key == key}
        if len(initials - {""}) <= 1:  # one person: "de heer Alders", "Hans Alders" (not also "Piet Alders")
            out[key] = initials
    return out


def outside_surnames(text: str, names: Sequence[Candidate]) -> dict[str, set[str]]:
    """The name keys an outside body or a publication makes public here, with the given names' initials."""
    out = _motion_filers(text) if "nr." in text else {}
    for key, initials in _eponymous_authors(text, names).items():
        out.setdefault(key, set()).update(initials)
    prior = -1  # where the university of the scholar before ends
    for c in names:
        scholar = _scholar(text, c, prior)
        seat = (_university_after(text, c) or _IN_WORK.match(text, c.end)) if scholar else None
        prior = seat.end() if seat else -1
        if (scholar or _chaired_outside(text, c) or _reference_author(text, c)
                or _seat_by_abbreviation(text, c) or _portfolio_or_author(text, c) or _first_author(text, c)
                or _outside_researcher(text, c) or _chair_among(text, c) or _scholar_contribution(text, c)):
            out.setdefault(c.key, set()).add(given_initial(text[c.start : c.end]))
    return out


# "Het rapport is opgesteld door onderzoekers van ..., met X als eerste auteur": the author of a published study; the
# ministry's own paper ("de interne notitie, met X als eerste auteur"), a unit or a civil role there keeps a finding
_AS_AUTHOR = re.compile(r"\s+als\s+(?:eerste\s+|tweede\s+|laatste\s+|hoofd|co-?)?auteur(?!\w)")
_STUDY = re.compile(r"(?i:rapport|studie|publicatie|artikel|onderzoek)")


_ROLE_IN_SENTENCE = re.compile(rf"(?<!\w)(?:{v._ROLE})(?!\w)")


def _first_author(text: str, c: Candidate) -> bool:
    if not _AS_AUTHOR.match(text, c.end):
        return False
    sentence = sentence_before(text, c.start, 240, ".;!?\n") + " " + _sentence_rest(text, c.end)[:120]
    return (bool(_STUDY.search(sentence)) and bool(_EXTERNAL_ORG.search(sentence) or _EXTERNAL_ABBREVIATION.search(
        sentence)) and not _STAFFED.search(sentence) and not _INTERNAL_BODY.search(sentence)
        and not _OWN_PAPER.search(sentence) and not _ROLE_IN_SENTENCE.search(sentence))


_SALUTED = re.compile(rf"(?:{v._SALUTATION}|{v._TITLE})\.?\s+$")
_UNIT_WORD = re.compile(r"(?<!\w)(?:directie|afdeling|directoraat-generaal)\s+([A-ZÀ-Ý]\w*)(?!\w)")


def unit_words(text: str, names: Sequence[Candidate]) -> set[tuple[int, int]]:
    """Bare one-word candidates the text also uses as a unit's name ("plaatsvervangend directeur Pensioenen" beside
    "de directie Pensioenen"): no person."""
    # a known surname stays a name ("de heer Post" beside "de afdeling Post en Archief"), so does one after a salutation
    bare = [c for c in names if text[c.start : c.end].isalpha() and text[c.start : c.end] not in data.surnames()
            and not _SALUTED.search(text, max(0, c.start - 30), c.start)]
    if not bare:
        return set()
    units = set(_UNIT_WORD.findall(text))  # one pass per text
    return {(c.start, c.end) for c in bare if text[c.start : c.end] in units or _fields_after_role(text, c)}


# a pair of fields after a role noun names a unit: "plaatsvervangend directeur-generaal Agro en Natuur" (the second a
# common noun, neither word a known name: "directeur Bakker en Smit" or "teamleider Tjoa en Natuur" is no unit)
# (the field ends the phrase: "teamleider Tjoa en De Wit" is two people, "De" no field)
_AND_FIELD = re.compile(r"\s+en\s+([A-ZÀ-Ý][a-zà-ÿ]{3,})(?![\w\-\u2010\u2011])(?!\s+(?:[A-ZÀ-Ý]|van\b|de\b))")


_TUSSEN = frozenset(["van", "den", "der", "het", "ter", "ten", "uit", "von"])


def _fields_after_role(text: str, c: Candidate) -> bool:
    word = text[c.start : c.end]
    pair = _AND_FIELD.match(text, c.end)
    if not pair or word in data.first_names() or pair.group(1) in data.surnames() or (
            pair.group(1) in data.first_names()) or pair.group(1).casefold() in _TUSSEN:
        return False
    return pair.group(1).casefold() in data.common_words() and bool(
        v.ROLE_RIGHT_BEFORE.search(text, max(0, c.start - 60), c.start))
