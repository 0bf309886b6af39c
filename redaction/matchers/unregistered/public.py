"""Surnames a text shows to be public by function: politicians, chairs, mayors, the ombudsman."""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from redaction.matchers._text import _B, _HYPHEN
from redaction.matchers.names import _fold
from redaction.matchers.public_people import holders_with_surname
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import given_initial, surname_key
from redaction.matchers.unregistered.offices import (
    _EXTERNAL_ABBREVIATION,
    _EXTERNAL_ORG,
    _INTERNAL,
    body_named_before,
    internal_body,
    internal_clause,
    member_of_body,
    office_after,
    sentence_before,
    unit_or_internal,
)
from redaction.matchers.unregistered.person_names import _names_a_unit

# the public titles, and the plural of elected offices that lists their holders ("de burgemeesters Aboutaleb
# (Rotterdam) en Halsema (Amsterdam)")
_ELECTED_PLURALS = ("burgemeesters", "wethouders", "gedeputeerden", "gouverneurs", "dijkgraven")
_TITLE_RX = re.compile(rf"{_B}(?:{v._PUBLIC_TITLE}|{'|'.join(_ELECTED_PLURALS)})(?!\w)")
_OF_SALUTATION = re.compile(rf"\s+(?:van|voor)\s+(?:{v._SALUTATION})\s+")
_CHAIR_OF = re.compile(r"\s+van\s+(?=[A-ZÀ-Ý])")
_OF_CLAUSE_TO_COMMA = re.compile(r"\s+(?:van|voor|der)\s+[^,.;:\n]{1,80}?,\s*")
# "motie-Slob", "de ombudsman, de heer Van Zutphen", "(voorzitter: de heer ...)"
_JOIN = re.compile(rf"{_HYPHEN}|\s*[,:]\s+|\s+")
# a title ends at its dot or at the end of a word: "Ing." is one, "Inge" is a name
_SKIP = re.compile(rf"(?:(?:{v._SALUTATION}|{v._TITLE})(?:(?<=\.)|(?!\w))\s*)+")
# titles of bodies that civil servants chair or sit in too: "lid van de werkgroep, ...", "een ambtelijke
# commissie onder voorzitterschap van ..." names a civil servant
_BODY_TITLES = frozenset(["voorzitter", "voorzitterschap", "lid", "leden", "commissie", "rapport"])
# a person's role noun before the title: the name in apposition is that person's ("de woordvoerder van de
# minister, mevrouw X", "de secretaresse van de voorzitter, ..."); a public office there keeps it public
_PERSON_OF = re.compile(
    rf"(?<!\w)(?:{v._ROLE}|secretaresse|assistente?|woordvoerster|chauffeur|adjudant)\s+(?:van|voor)\s+"
    rf"(?:de|het|der)\s+(?:[\w-]+\s+)?$"
)
_CLAUSE = re.compile(r"(?:(?!\s\s)[^,.;:\n]){0,80}")  # (to a paragraph break, two spaces in the folded text)
# one given name at most: a line break is a space in the folded text ("Anne Mulder Voor toelichting"), a paragraph
# break two ("De voorzitter van de commissie, Paulus Jansen  De leden ...": "De" is no surname)
_GAP = r"[^\S\n](?!\s)"
# a double surname's second part may start with a tussenvoegsel: "Blanksma-van den Heuvel"
_CORE = rf"[A-ZÀ-Ý][\w'’]*(?:{_HYPHEN}(?:{v.TUSSEN}{_GAP})*[A-ZÀ-Ý][\w'’]*)*"
_GIVEN = r"[A-ZÀ-Ý](?:(?![A-Z])[^\W\d_])+"  # "Koşer Kaya", "Dezentjé Hamming-Bluemink"
_NAME = re.compile(
    rf"(?:{v.INITIALS})?(?:{_GIVEN}(?:{_HYPHEN}{_GIVEN})?{_GAP})?"
    rf"(?P<tus>(?:{v.CAP_TUSSEN}{_GAP}|{v.TUSSEN}{_GAP})*)(?P<core>{_CORE})"
)
# two given names when the second is a listed first name ("prof. dr. Bart Jan Kullberg"), else _NAME's one
_NAME2 = re.compile(
    rf"(?:{v.INITIALS})?{_GIVEN}{_GAP}(?P<g2>[A-ZÀ-Ý][a-zà-ÿ]+){_GAP}"
    rf"(?P<tus>(?:{v.CAP_TUSSEN}{_GAP}|{v.TUSSEN}{_GAP})*)(?P<core>{_CORE})"
)
# a list's names may each carry their place or party in brackets: "Aboutaleb (Rotterdam), Cohen (Amsterdam) en ..."
_SEPARATOR = re.compile(r"\s*(?:,|/|\ben\b)\s*")
# (a unit or another word in the brackets ends the list: "minister X (VWS), Hendriks (directie Zorg) en Smit")
_PLACE_OR_PARTY = re.compile(r"\s*\((?P<what>[A-ZÀ-Ý0-9][^()\n]{0,29})\)")


def _place_or_party_after(text: str, end: int) -> int:
    """The end of a bracketed place or party after a listed name ("Cohen (Amsterdam)", "Klaver (GroenLinks)")."""
    m = _PLACE_OR_PARTY.match(text, end)
    if m and (m.group("what").casefold() in data.places() or m.group("what") in v.PARTIES):
        return m.end()
    return end


def _name_spans(text: str, pos: int, *, many: bool = False) -> list[re.Match[str]]:
    """The names of a list starting at pos ("Opstelten en Teeven", "Slob/De Rouwe", "de heer Mark Rutte"). After a
    singular title a salutation after a separator starts another person, no second holder: "de woordvoerder van
    minister Jansen, mevrouw De Wit" or "gedeputeerde Jansen en de heer Bakker" (`many`: a plural title, an attendance
    list, where the list goes on: "de leden Omtzigt, mevrouw Leijten en ..."); so does a given name or initials there
    ("minister De Vries en Marloes Hendriks")."""
    found: list[re.Match[str]] = []
    skip = _SKIP.match(text, pos)
    pos = skip.end() if skip else pos
    bare = False  # the name follows a separator without a salutation or title
    for _ in range(30 if many else 8):
        two = _NAME2.match(text, pos)
        m = two if two and two.group("g2") in data.first_names() else _NAME.match(text, pos)
        if not m or bare and not many and _given_first(m.group()) and not _an_area(found[-1]):
            break  # "minister De Vries en Marloes Hendriks": a given name after a singular title is another person
        found.append(m)
        sep = _SEPARATOR.match(text, _place_or_party_after(text, m.end()) if many else m.end())
        if not sep:
            break
        pos = sep.end()
        skip = _SKIP.match(text, pos)
        if skip and skip.end() > pos and not many and not _an_area(found[-1]):
            break
        bare = not (skip and skip.end() > pos)
        pos = skip.end() if skip else pos
    return found


_INITIAL_FIRST = re.compile(r"(?:[A-Z][a-z]?\.)+")


def _given_first(name: str) -> bool:
    """The name starts with a listed given name or initials ("Marloes Hendriks", "J. Hendriks"; not "Vervoer van")."""
    first = name.split()[0] if name.split() else ""
    return len(name.split()) > 1 and (first in data.first_names() or bool(_INITIAL_FIRST.fullmatch(first)))


def _an_area(m: re.Match[str]) -> bool:
    """What follows the title is its area, not a holder: "de Nationaal Coördinator Terrorismebestrijding en
    Veiligheid, de heer X", "de wethouder Verkeer en Vervoer van Amsterdam, de heer X" (the holder in apposition)."""
    core, tus = m.group("core"), m.group("tus").strip()
    place = core.casefold() in data.places()  # "voor de openbare lichamen Bonaire, Sint Eustatius en Saba, de heer X"
    return _names_a_unit(core) or place and (tus == "van" or not tus and core not in data.surnames())


# titles that name more than one holder, and what introduces the list ("leden der Kamer, te weten: Van Aalst, ...")
_PLURAL_TITLES = frozenset(["ministers", "staatssecretarissen", "bewindspersonen", "bewindslieden", "kamerleden",
                            "leden", "moties", "rapporteurs", *_ELECTED_PLURALS])
_ENUMERATION = re.compile(r"(?:te\s+weten|namelijk)\s*:?\s*")


# a title after a hyphen is a compound's: "OR-voorzitter", "MT-lid", "werkgroep-voorzitter" name a civil servant (the
# public compounds, "Kamer-voorzitter", are offices.py's); only these prefixes keep the title's own meaning
_TITLE_PREFIX = re.compile(rf"(\w+){_HYPHEN}$")
_KEEPS_TITLE = frozenset(["oud", "ex", "vice", "adjunct", "co"])
# the griffier of a parliament or council is public in its documents; a court's griffier is a civil servant
_GRIFFIER = frozenset(["griffier", "adjunct-griffier"])
_PARLIAMENT = re.compile(r"(?i:commissie|kamer|staten|senaat|\w*raad\b)")
_COURT = re.compile(r"(?i:rechtbank|gerechtshof|\bhof\b|raad van state|tribunaal|gerecht)")


# titles that name a chair or a seat of any body: without the body they may be a meeting's of civil servants
# ("Aanwezig: mevrouw Smit (voorzitter), de heer Bakker (lid)", "De voorzitter, mevrouw Smit, opende de vergadering")
_SEAT_TITLES = frozenset(["voorzitter", "voorzitterschap", "lid", "leden", "president", "vicepresident",
                          "vice-president", "kabinet", "commissie"])
_BARE_END = re.compile(r"\s\s|\s*(?:[),;:.]|en\s|$)")  # (a paragraph break is two spaces in the folded text)


def _bare_seat(title: str, text: str, after_title: int) -> bool:
    """A seat title with no body after it ("(voorzitter)", ", lid,")."""
    return title.casefold() in _SEAT_TITLES and bool(_BARE_END.match(text, after_title))


def _compound_title(text: str, start: int) -> bool:
    prefix = _TITLE_PREFIX.search(text, max(0, start - 30), start)
    return bool(prefix) and prefix.group(1).casefold() not in _KEEPS_TITLE  # type: ignore[union-attr]


def public_surnames(text: str) -> dict[str, set[str]]:
    """Folded surnames that follow a public title anywhere in text ("minister Uitermark", "het lid Omtzigt",
    "motie-Slob", "voormalig Staatssecretaris dhr. Snel", "de voorzitter van de commissie, Anne Mulder",
    "onder voorzitterschap van de heer Van der Steenhoven"), each with the initials of the given names written
    with it ("" for none: "Inge van Dijk" gives {"dijk": {"I"}})."""
    keys: dict[str, set[str]] = {}
    for m in _TITLE_RX.finditer(text):
        pos = m.end()
        title = m.group().casefold()
        # "De Raad voor X, onder voorzitterschap van Jet Bussemaker, ...": after the outside organisation it chairs,
        # what follows "van" is the chair ("Het overleg vond plaats onder voorzitterschap van Karin Bos": no one public)
        chaired = title == "voorzitterschap" and body_named_before(text, m.start())
        chair = _CHAIR_OF.match(text, pos) if chaired else None
        of = chair or _OF_SALUTATION.match(text, pos) or _OF_CLAUSE_TO_COMMA.match(text, pos)
        join = of or _JOIN.match(text, pos)
        if join and not of and "  " in join.group() and not join.group().strip():
            continue  # "Aanwezig: mevrouw Smit, voorzitter  de heer Bakker": a paragraph break ends the title
        after = join.end() if join else pos
        enum = _ENUMERATION.match(text, after) if join else None
        names = _name_spans(text, enum.end() if enum else after, many=title in _PLURAL_TITLES) if join else []
        if not names:
            continue  # most titles name nobody: the checks below only where they do
        if _compound_title(text, m.start()):
            continue  # "OR-voorzitter Bakker"
        if title in _GRIFFIER and not (of and _PARLIAMENT.search(of.group()) and not _COURT.search(of.group())):
            continue  # "de griffier van de commissie, X" is public; "de griffier van de rechtbank, X" is not
        body = title in _BODY_TITLES
        if (of or body) and internal_body(text, m.start() if body else pos, of.group() if of else "") and not (
                not body and title not in _SEAT_TITLES and member_of_body(text, m.start(), of.group() if of else "")):
            continue  # "de voorzitter van de stuurgroep, de heer ...", "de ambtelijke commissie, ...": civil servants
        if "," in join.group() and _PERSON_OF.search(text, max(0, m.start() - 60), m.start()):  # type: ignore[union-attr]
            continue  # "de woordvoerder van de minister, mevrouw X": X is the spokeswoman, not the minister
        bracketed = text[max(0, m.start() - 2) : m.start()].strip().endswith("(")  # "de Rob (voorzitter: X)"
        if (title in _SEAT_TITLES and not of and not bracketed and join.group().strip() in (",", ":")  # type: ignore[union-attr]
                and not body_named_before(text, m.start()) and not _seat_referred_back(text, m.start(), title)):
            continue  # "De voorzitter, mevrouw Smit, opende de vergadering", "Voorzitter: mevrouw Smit"
        if body and internal_clause(_CLAUSE.match(text, names[-1].end()).group()):  # type: ignore[union-attr]
            continue  # "onder voorzitterschap van mevrouw Smit kwam de projectgroep bijeen"
        for name in names:
            for key in _name_keys(name, many=title in _PLURAL_TITLES):
                keys.setdefault(key, set()).add(given_initial(name.group()))
    return keys


# a seat the clause refers back to the outside organisation named before: "De Nederlandsche Bank is uitgenodigd; haar
# president, de heer X", "de evaluatie van de NWO, waarvan de voorzitter, de heer X"; "Onze president, X" (a ministry
# and its bodies have no president); a unit or an internal body there keeps a civil servant ("De werkgroep kwam
# bijeen; haar voorzitter, mevrouw X")
_REFERS_BACK = re.compile(
    r"(?<!\w)(?:(?P<own>[Hh]aar|[Zz]ijn|[Hh]un)|(?P<we>[Oo]nze)|(?P<rel>waarvan\s+(?:de|het)))\s+$"
)


def _seat_referred_back(text: str, start: int, title: str) -> bool:
    ref = _REFERS_BACK.search(text, max(0, start - 16), start)
    if not ref:
        return False
    if ref.group("we"):
        return title == "president"
    before = sentence_before(text, ref.start(), 160, ".!?\n" if ref.group("own") else ".;:!?\n")
    if ref.group("own") and not before.strip():  # "De AFM heeft gereageerd. Haar voorzitter, de heer X, ...": the
        before = sentence_before(text, ref.start() - len(before) - 2, 160, ".!?\n")  # sentence before
    return bool(_EXTERNAL_ORG.search(before) or _EXTERNAL_ABBREVIATION.search(before)) and not unit_or_internal(before)


_TUSSEN_WORDS = frozenset(["van", "de", "den", "der", "het", "ter", "ten", "te", "in", "op", "uit", "von", "la", "le"])


def _name_keys(name: re.Match[str], *, many: bool = False) -> list[str]:
    """The keys a public name clears: the surname, its last part, the surname_key of a double one ("Blanksma-van den
    Heuvel"), and the first word of a surname with a tussenvoegsel inside ("Docters van Leeuwen": also "docters"); in a
    list of members (`many`) also the first word of a two-word surname that is no given name ("Bruins Slot")."""
    core = name.group("core")
    keys = [_fold(core.split("-")[-1]), _fold(core), surname_key(core)]
    words = name.group().split()
    first = words[0] if words else ""
    surname_first = first[:1].isupper() and first not in data.first_names() and not first.endswith(".")
    inside = len(words) > 2 and name.group("tus")[:1].islower() and _fold(first) not in _TUSSEN_WORDS
    two_words = many and len(words) == 2 and not name.group("tus")  # "te weten: Bruins Slot, ..."
    if surname_first and (inside or two_words):
        keys.append(_fold(first))
    return keys


_OFFICE_REACH = 200  # an office and its organisation stand this close before the name


def office_before(text: str, start: int, end: int, starts: Sequence[int]) -> bool:
    """A public office stands before the name at start-end: "De korpschef van de Nationale Politie, de heer
    Henk van Essen", "de Commandant der Strijdkrachten, generaal ...", "de scriptie van de heer ...";
    `starts` are office_name_starts(text), found once per text."""
    near = starts[bisect.bisect_left(starts, start - _OFFICE_REACH) : bisect.bisect_right(starts, start)]
    return any(m.start() < end and start < m.end() for pos in near for m in _name_spans(text, pos))


def public_after(text: str, end: int) -> bool:
    """A name followed by its public function or party: "Hans Alders, voorzitter van ...", "Pechtold (D66)"."""
    m = v.PUBLIC_AFTER.match(text[end : end + 60])
    title = _TITLE_RX.search(m.group()) if m else None
    if m and title and _bare_seat(title.group(), text, end + m.end()):
        return office_after(text, end)  # "mevrouw Smit (voorzitter)", "De heer Bakker, lid, ..."
    if m and not internal_clause(_CLAUSE.match(text, end + m.end()).group()):  # type: ignore[union-attr]
        return True
    return office_after(text, end)


# "de Raad voor Volksgezondheid & Samenleving, waarvan mevrouw X voorzitter is": the office in a relative clause on
# the outside organisation the clause before names ("de projectgroep, waarvan mevrouw X voorzitter is" keeps one)
_RELATIVE_BEFORE = re.compile(rf"(?:waarvan|van\s+wie)\s+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$")
_SEAT_IS = re.compile(
    r"\s+(?:de\s+|het\s+)?(?i:voorzitter|president|directeur|directrice|bestuursvoorzitter|bestuurder|lid|rector"
    r"|decaan|secretaris-generaal|ombudsman)\s+(?:is|was|werd|wordt|is\s+geworden)(?!\w)"
)


# the head of the outside organisation the clause before names: "Het Rathenau Instituut, onder leiding van directeur X"
_LED_BY = re.compile(
    rf"onder\s+leiding\s+van\s+(?:de\s+|haar\s+|zijn\s+)?(?:directeur|directrice|voorzitter|president|bestuurder)\s+"
    rf"(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


# the outside organisation the clause before names, speaking through its head: "de Nederlandse Aardolie Maatschappij,
# bij monde van directeur X" ("het ministerie, bij monde van directeur X" keeps a civil servant)
_SPOKEN_BY = re.compile(
    rf",?\s*bij\s+monde\s+van\s+(?:haar\s+|zijn\s+)?(?:(?:directeur|directrice|voorzitter|president|bestuurder"
    rf"|bestuursvoorzitter|topman|topvrouw)\s+)?(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


# "De Spinozapremie werd toegekend aan prof. dr. X", "de Erasmusprijs is uitgereikt aan X": a named prize's laureate
_LAUREATE = re.compile(
    rf"[A-ZÀ-Ý][\w\-]*(?:prijs|premie|penning|medaille|[Aa]ward|[Pp]rize)\b[^.;:\n]{{0,60}}?\b(?:toegekend|uitgereikt"
    rf"|verleend)\s+aan\s+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$"
)


def relative_office(text: str, start: int, end: int) -> bool:
    """A name in a relative clause that gives its seat in the outside organisation before: "het advies van de Raad
    voor Volksgezondheid & Samenleving, waarvan mevrouw X voorzitter is"; or the laureate of a named prize ("De
    Spinozapremie werd toegekend aan prof. dr. X"; a prize of the ministry's own, "de Rijksinnovatieprijs", or a role
    noun keeps a civil servant)."""
    rel = _RELATIVE_BEFORE.search(text, max(0, start - 40), start)
    if rel and _SEAT_IS.match(text, end) and body_named_before(text, rel.start()):
        return True
    led = _LED_BY.search(text, max(0, start - 60), start) or _SPOKEN_BY.search(text, max(0, start - 60), start)
    if led and body_named_before(text, led.start()):  # "Het Rathenau Instituut, onder leiding van directeur X"
        return True
    prize = _LAUREATE.search(text, max(0, start - 120), start)
    return bool(prize) and not _INTERNAL.search(prize.group())  # type: ignore[union-attr]


# the signature of a High College of State: the name alone on its line, the office on the next, the college named
# above ("Algemene Rekenkamer  Pieter Jansen, president  Karin de Wit, secretaris"); a secretary signing for any other
# body, or a secretary named in running text ("Jansen, secretaris van de werkgroep"), stays a finding
_SIGNED_SEAT = re.compile(
    r",?\s?(?i:secretaris|president|vicepresident|vice-president|ombudsman|voorzitter)(?=\s\s|\s*$)"
)
_LINE_START = re.compile(r"(?:\s\s|^)(?:(?:(?i:[a-z]{1,5})\.\s?)+)?$")
_HIGH_COLLEGE = re.compile(r"(?:Algemene\s+Rekenkamer|Raad\s+van\s+State|Nationale\s+[Oo]mbudsman)(?=\s\s|,)")
_SIGNATURE_REACH = 600


# a parliamentary committee's chair signing its report: "J.W.M. Engels  Voorzitter van de commissie voor Binnenlandse
# Zaken" (the chamber's committees are named after a ministry's portfolio; "de commissie voor de bezwaarschriften" or
# "de commissie voor Integriteit" is a ministry's own)
_PORTFOLIO = (r"Binnenlandse|Buitenlandse|Financi[eë]n|Justitie|Veiligheid|Sociale|Volksgezondheid|Economische|"
              r"Infrastructuur|Onderwijs|Defensie|Landbouw|Europese|Koninkrijksrelaties|Immigratie|Asiel|Digitale|"
              r"Klimaat|Wonen|Binnenlands|Verkeer|Algemene\s+Zaken")
_CHAIR_OF_COMMITTEE = re.compile(
    rf",?\s\s?(?:De\s+)?[Vv]oorzitter\s+van\s+de\s+(?:vaste\s+)?commissie\s+voor\s+(?:{_PORTFOLIO})\b"
)

# (the Eerste Kamer's committee for "Algemene Zaken en Huis van de Koning" names a portfolio, no organisation)
_OF_AN_ORGANISATION = re.compile(r"\b(?:van|bij)\s+(?:het|de|der)\b(?!\s+Koning\b)")


def _committee_chair_signature(text: str, start: int, end: int) -> bool:
    """A member signing as a Kamer committee's chair: a name at a line's start with initials, the chair's seat after
    it and a holder of that surname in the register (a ministry's committee chair, or a name no member bears, stays a
    finding)."""
    seat = _CHAIR_OF_COMMITTEE.match(text, end)
    if not seat or not _LINE_START.search(text, max(0, start - 12), start):
        return False
    line_end = min(i for i in (text.find("  ", seat.end()), text.find("\n", seat.end()), len(text)) if i >= 0)
    if _OF_AN_ORGANISATION.search(text, seat.end(), line_end):
        return False  # "Voorzitter van de commissie voor Financiën van de Belastingdienst": an organisation's own
    words = text[start:end].split()
    surname = " ".join(w for w in words if not w.endswith("."))
    return any(w.endswith(".") for w in words) and bool(holders_with_surname(surname))


def college_signature(text: str, start: int, end: int) -> bool:
    """A name signing for a High College of State (Algemene Rekenkamer, Raad van State, Nationale ombudsman) as its
    secretary or president: "Algemene Rekenkamer  ...  Karin de Wit, secretaris" in the folded text; or a member
    signing as a Kamer committee's chair."""
    if _committee_chair_signature(text, start, end):
        return True
    if not _SIGNED_SEAT.match(text, end) or not _LINE_START.search(text, max(0, start - 12), start):
        return False
    return bool(_HIGH_COLLEGE.search(text, max(0, start - _SIGNATURE_REACH), start))
