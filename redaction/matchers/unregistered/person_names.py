"""Names nobody registered: after a title, role noun or initials; a first name; a capitalised tussenvoegsel."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from redaction.matchers._text import _E, _HYPHENS
from redaction.matchers.names import _INITIAL, _fold
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.institutions import looks_like_institution as _looks_like_institution
from redaction.matchers.unregistered.name_keys import surname_key
from redaction.matchers.unregistered.stopwords import STOPWORDS
from redaction.matchers.unregistered.unlisted import ORGANISATION_ENDINGS, unlisted_given, unlisted_surname


@dataclass(frozen=True)
class Candidate:
    """A possible piece of personal data: offsets, kind and the surname it belongs to."""

    start: int
    end: int
    category: str  # "naam" | "email" | "telefoon"
    key: str  # the folded surname ("leeuwen"), or the address / number itself


_AFTER_TRIGGER = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?P<trig>{v.TRIGGER})\s+(?P<name>(?P<init>{v.INITIALS})?{v.SURNAME}){_E}"
)
# a role noun, its unit and the name in apposition: "de secretaris van de werkgroep, Marco Rossi, ..." (with a
# salutation the salutation triggers already; a public office in the same form is made public by offices.py)
_ROLE_APPOSITION = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?P<role>{v._ROLE})\s+(?:van|bij|voor|in|te)\s+[^,.;:()\n]{{1,60}}?,\s+"
    rf"(?P<name>(?P<init>{v.INITIALS})?(?:[{v.UPPER}][{v.LOWER}]+(?:-[{v.UPPER}][{v.LOWER}]+)?\s+)?{v.SURNAME}){_E}"
)
# a griffier named straight after the bare title, no body of a parliament before the name ("wenden tot
# adjunct-griffier X"): staff, as a court's griffier is (public.py makes "de griffier van de commissie, X" public)
_BARE_GRIFFIER = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?P<role>(?:[Aa]djunct-)?griffier) (?!\s)"
    rf"(?P<name>(?P<init>{v.INITIALS})?(?:[{v.UPPER}][{v.LOWER}]+(?:-[{v.UPPER}][{v.LOWER}]+)? (?!\s))?{v.SURNAME}){_E}"
)
# a given name and a surname no list holds, then a comma and the post with its unit ("begeleid door X Y,
# plaatsvervangend directeur Zorg en Welzijn"): found from the two capitalised words and the comma, the role noun then
# matched at that spot only; the capitalised word after the role is the unit, no name
_TWO_WORDS_COMMA = re.compile(
    rf"(?<![\w.\-\u2010\u2011])(?P<name>(?P<init>)(?P<given>[{v.UPPER}][{v.LOWER}]+) (?P<tus>(?:{v.TUSSEN} ){{0,3}})"
    rf"(?P<core>[{v.UPPER}][{v.LOWER}]+(?:-[{v.UPPER}][{v.LOWER}]+)?)), (?=[a-z])")
_POST_HERE = re.compile(
    rf"(?:(?:plaatsvervangend|waarnemend|senior|adjunct-)\s*)?(?P<role>{v._ROLE}) "
    rf"(?P<unit>[{v.UPPER}][{v.LOWER}]+)(?!\w)")

_UNIT_BEFORE = re.compile(r"(?i:directie|afdeling|team|cluster|dienst|programma|project|werkgroep|eenheid|sector|"
                          r"directoraat(?:-generaal)?|DG|unit|bureau|ministerie|inspectie)\s+$")


def _names_before_post(text: str, keep: set[str]) -> tuple[list[Candidate], set[int]]:
    """The name in apposition before its post and the start of that post's unit."""
    out, units = [], set()
    words, places = data.common_words(), data.places()
    for m in _TWO_WORDS_COMMA.finditer(text):
        post = _POST_HERE.match(text, m.end())
        if not post:
            continue
        given, core, unit = m.group("given"), m.group("core"), post.group("unit")
        if unit in data.first_names() or unit in data.surnames() or _UNIT_BEFORE.search(
                text, max(0, m.start() - 25), m.start()):
            continue  # "de directie Integratie Europa, contactpersoon Jan ...": the name follows the role
        if (given in STOPWORDS or given.casefold() in words or given.casefold() in places or core in STOPWORDS
                or core.casefold() in words or core.casefold() in places or _fold(core) in keep):
            continue  # "Directie Wonen, directeur ...", "Den Haag, adviseur ..."
        if _looks_like_institution(text, m.start("name"), m.end("name"), core, person=False, named=False):
            continue
        out.append(Candidate(m.start("name"), m.end("name"), "naam", surname_key(m.group("name"))))
        units.add(post.start("unit"))
    return out, units


# found from the literal of-clause and comma first, the role noun then looked for in the few words before it (one
# pass of the role alternation over the whole text costs a fifth of the scan)
_APPOSITION_TAIL = re.compile(
    rf"(?<!\w)(?:van|bij|voor|in|te)\s+[^,.;:()\n]{{1,60}}?,\s+(?=[{v.UPPER}]|[a-z]{{1,4}}\.)")
# after initials also an Arabic or Berber particle: "A. el Idrissi", "M. Ben Ali"
_AFTER_INITIALS = re.compile(
    rf"(?<![\w.])(?P<name>(?P<init>{v.INITIALS})(?P<tus>{v.PARTICLE}\s+|(?:{v.TUSSEN}\s+){{0,3}})(?P<core>{v.CORE})){_E}"
)
_LIST_NEXT = re.compile(rf"\s*(?:,|\ben\b)\s*(?P<name>(?P<init>{v.INITIALS})?{v.SURNAME}){_E}")
_MORE_NAME = re.compile(rf"\s+(?:{v.TUSSEN}\s+){{0,3}}(?P<core>{v.CORE}){_E}")
# (one space between the given name and the rest: a paragraph break, two spaces in the folded text, ends the name,
# "Voorzitter: Jacobi  Griffier: ...")
_GIVEN = re.compile(
    rf"(?<![\w.{re.escape(_HYPHENS)}])(?P<given>[{v.UPPER}][{v.LOWER}]+(?:-[{v.UPPER}][{v.LOWER}]+)?)\s(?!\s)"
    rf"(?P<name>(?P<tus>{v.PARTICLE}\s+|(?:{v.TUSSEN}\s+){{0,3}})(?P<core>{v.CORE})){_E}"
)
_AFTER_TUSSEN = re.compile(r"(?<!\w)(?:Van|De|Den|Ter|Ten|Te)\s+$")
_CAPITALISED = re.compile(rf"[{v.UPPER}][{v.LOWER}]+(?:-[{v.UPPER}][{v.LOWER}]+)?")
# the core is no tussenvoegsel itself: "Van den Akker" is tussenvoegsel "Van den" and core "Akker", never "Van" + "den"
_CAP_TUSSEN = re.compile(
    rf"(?<![\w{re.escape(_HYPHENS)}])(?P<name>(?P<tus>{v.CAP_TUSSEN})\s+(?!{v.TUSSEN}\s)(?P<core>{v.CORE})){_E}")
# a letter and a dot after these words labels an item ("bijlage B. Daarnaast …")
_ITEM_WORDS = re.compile(
    r"(?:bijlage|punt|optie|variant|scenario|artikel|onderdeel|fase|categorie|lid|deel"
    r"|paragraaf|hoofdstuk|tabel|figuur|model|type|klasse|route|sub|ad|plan|stap|versie|vak|blok|thema|spoor"
    r"|module|bijl\.)\s*$",
    re.IGNORECASE,
)
# letter-dot abbreviations that are not initials: notes, royalty, company forms
_NOT_INITIALS = frozenset(
    {"N.B.", "P.S.", "A.U.B.", "S.V.P.", "Z.K.H.", "H.M.", "H.K.H.", "N.V.", "B.V.", "C.V.", "V.O.F.", "U.A.", "W.A."}
)
_NATIONAL_OFFICE = re.compile(r"(?i:nationa(?:al|le)|landelijke?|europe(?:es|se))\s+$")
_PARTICLES = frozenset(["el", "al", "ben", "ait", "aït", "abou", "abu", "bou", "ould"])


def _capitalised_word(word: str) -> bool:
    return word[:1].isupper() and not (word.isupper() and len(word) > 1) and word not in STOPWORDS


# an inflected adjective starts a unit's name, never a surname: "directeur Ruimtelijke Ordening", "afdeling Juridische
# Zaken", "coördinator Europese Samenwerking", "directeur Internationale Betrekkingen"
_ADJECTIVE_ENDINGS = ("lijke", "ische", "nale", "iële", "iele", "ieve", "opese", "gemene")


def _names_a_unit(core: str) -> bool:
    """ "medewerker Communicatie", "coördinator Terrorismebestrijding": a unit or a task, not a surname."""
    folded = core.casefold()
    unit_like = len(core) >= 10 and folded.endswith(("ing", "ingen")) or folded.endswith(_ADJECTIVE_ENDINGS)
    return folded.endswith(v.UNIT_SUFFIXES) or (unit_like or core in _UNIT_ADJECTIVES) and core not in data.surnames()


# adjectives that start the name of a region or a field: "coördinator Grote Meren", "directeur Nieuwe Markten"
_UNIT_ADJECTIVES = frozenset(["Grote", "Kleine", "Nieuwe", "Oude", "Hoge", "Lage", "Brede", "Verre", "Midden"])


# a unit is named by a list of its fields: "directeur Klimaat, Lucht en Geluid", "afdeling Bestuur, Democratie en
# Financiën"; one person after a singular role noun is never a list of three
_FIELD_LIST = re.compile(
    rf",\s*[{v.UPPER}][{v.LOWER}]+(?:,\s*[{v.UPPER}][{v.LOWER}]+)*\s+en\s+[{v.UPPER}][{v.LOWER}]+"
    # or by two, the second a unit's own ("directeur Wetgeving en Juridische Zaken", "team Toezicht en Handhaving")
    rf"|\s+en\s+(?:[{v.UPPER}][{v.LOWER}]+(?:{'|'.join(_ADJECTIVE_ENDINGS)})\s+[{v.UPPER}]"
    rf"|[{v.UPPER}][{v.LOWER}]*(?:{'|'.join(v.UNIT_SUFFIXES)}|[{v.LOWER}]{{4}}ing)(?!\w))"
)


def _a_unit_list(text: str, m: re.Match[str]) -> bool:
    core = m.group("core")
    if core in data.surnames() or core in data.first_names():
        return False
    if _FIELD_LIST.match(text, m.end("name")):
        return True
    # a unit named by two capitalised nouns, the second a unit's: "afdelingshoofd Beheer Deelnemingen", "coördinator
    # Toezicht Vergunningverlening" (a given name and a surname are known names: "teamleider Karin Verheijen")
    nxt = _NEXT_CAPITALISED.match(text, m.end("name"))
    return bool(nxt) and nxt.group(1) not in data.surnames() and _names_a_unit(nxt.group(1))  # type: ignore[union-attr]


_NEXT_CAPITALISED = re.compile(rf" ([{v.UPPER}][{v.LOWER}]+)(?!\w)")
# a double surname's parts are capitalised or start with a tussenvoegsel ("Verhagen-Ruis", "Blanksma-van den Heuvel");
# a compound with another lowercase part is a word: "coördinator EU-milieudossiers", "adviseur ICT-beleid"
_LOWER_PART = re.compile(rf"[{re.escape(_HYPHENS)}](?!(?:{v.TUSSEN})\s)[{v.LOWER}]")


def _a_word_of_the_text(text: str, core: str) -> bool:
    """ "directeur Mobiliteit" in a letter that writes "mobiliteit" too: a unit's field, no surname (a surname is not
    written in lower case; the listed ones, "Bakker", "Visser", never count)."""
    if core in data.surnames() or core in data.first_names() or not core[1:].islower():
        return False
    # (an e-mail address is no prose: "d.kowalczyk@..." does not make "Kowalczyk" a word)
    return re.search(rf"(?<![\w.@{re.escape(_HYPHENS)}]){re.escape(core.lower())}(?![\w@]|\.\w)", text) is not None


# "de projectleider Slotwet, dr. Van Vliet": the word is the project, the name in apposition after it
_APPOSED_NAME = re.compile(rf",\s+(?:{v._SALUTATION}|{v._TITLE})\s")


def _project_then_name(text: str, m: re.Match[str]) -> bool:
    core = m.group("core")
    return core not in data.surnames() and core not in data.first_names() and bool(
        _APPOSED_NAME.match(text, m.end("name")))


def _a_place(core: str, tus: str) -> bool:
    return not tus and core.casefold() in data.places() and core not in data.surnames()


def _bare_role(m: re.Match[str]) -> bool:
    """A role noun straight before the name ("medewerker Communicatie" may be a unit; "medewerker mevrouw X" not)."""
    role = m.groupdict().get("role") or ""
    trig = m.groupdict().get("trig") or role
    return bool(role) and trig.rstrip().endswith(role)


def _is_name(text: str, m: re.Match[str], keep: set[str], via_initials: bool) -> bool:
    """The rules that tell a surname from an ordinary capitalised word."""
    init, tus, core = m.group("init") or "", m.group("tus") or "", m.group("core")
    if not _capitalised_word(core) or len(core) == 1 or _LOWER_PART.search(core):
        return False  # one letter is an initial ("d.d. 22 juni", "VERSLAG D.D."), no surname
    # "mevrouw de Vries" is common; "collega van Financiën", "mevrouw in Den Haag" are not names
    lower_tussen = bool(tus) and tus[0].islower() and not init and _fold(tus.split()[0]) not in _PARTICLES
    role = _bare_role(m)
    if lower_tussen and (role or _fold(tus.split()[0]) in {"in", "op", "uit", "het"}):
        return False
    if role and not init and (_names_a_unit(core) or _a_place(core, tus) or _a_unit_list(text, m)
                              or not tus and (_a_word_of_the_text(text, core) or _project_then_name(text, m))):
        return False  # "medewerker Communicatie", "coördinator Groningen" (but "teamleider Dijkhuizen")
    if _fold(core) in keep:
        return False
    if via_initials:
        if init.replace(" ", "") in _NOT_INITIALS:
            return False
        single = len(re.findall(_INITIAL, init)) == 1
        if single and _ITEM_WORDS.search(text[max(0, m.start() - 40) : m.start()]):
            return False
    saluted = bool(m.groupdict().get("trig")) and not role
    person = bool(tus.strip() or init or saluted) and core in data.surnames()  # "Van der Sluis", "de heer Sluis"
    person = person or bool(init) and core.casefold().endswith(ORGANISATION_ENDINGS)  # "J.P. Hofbank"
    return not _looks_like_institution(text, m.start("name"), m.end("name"), core, person=person, named=person)


# the second word of a surname of two after a capitalised tussenvoegsel: "De Hoop Scheffer", "Van Haersma Buma" (a
# listed surname, one space on, no ordinary word or place, and the phrase ends there)
_SECOND_PART = re.compile(rf" ([{v.UPPER}][{v.LOWER}]{{2,}})(?![\w\-\u2010\u2011])(?! [{v.UPPER}])")


def _second_part(text: str, end: int, keep: set[str]) -> int:
    more = _SECOND_PART.match(text, end)
    if not more:
        return end
    word = more.group(1)
    if (word not in data.surnames() or word in STOPWORDS or word in data.first_names() or _fold(word) in keep
            or word.casefold() in data.common_words() or word.casefold() in data.places()):
        return end
    return more.end()


_INSTITUTION_NEXT = re.compile(r" (?:University|Universiteit|UMC|MC|Hogeschool|Research|Institute|Instituut)(?!\w)")


def _name_end(text: str, m: re.Match[str], keep: set[str]) -> int:
    """Where the name ends: up to two more capitalised words after a bare given name."""
    end = m.end("name")
    if m.group("tus") and m.group("tus")[:1].isupper() and not m.group("init"):
        return _second_part(text, end, keep)  # "Secretaris-generaal De Hoop Scheffer"
    if m.group("init") or m.group("tus"):
        return end
    first = m.group("core")
    given = first in data.first_names()
    for _ in range(2):
        more = _MORE_NAME.match(text, end)
        core = more.group("core") if more else ""
        if not _capitalised_word(core) or _fold(core) in keep or core.casefold().endswith(v.ORG_SUFFIXES):
            break  # "de heer Bakker van de Belastingdienst"
        if more and not given and more.start("core") - end > 1 and not unlisted_given(first, text, end, more):
            break  # after a surname only a second surname follows: "González Pérez", not "Teeven in het Parool"
        gap = text[end : more.start("core")] if more else ""
        if "\n" in gap or "  " in gap or end > m.end("name") and "het" in gap.split():
            break  # a paragraph ends the name ("Griffier: Maas  Aanwezig"); "Michèle van Vugt van het Amsterdam UMC"
        if more and gap.strip() and _INSTITUTION_NEXT.match(text, more.end()):
            break  # "Cathelijne Stoof van Wageningen University & Research": "van" names her university
        end = more.end() if more else end
    return end


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in spans)


_UNIT_WORD = re.compile(rf"\s+(?:en\s+)?(?P<word>[{v.UPPER}][\w'’{re.escape(_HYPHENS)}]*)")
_NAME_HERE = re.compile(rf"\s+(?:en\s+)?(?P<name>(?P<init>)(?P<tus>(?:{v.CAP_TUSSEN}\s+)?)(?P<core>{v.CORE})){_E}")


def _name_after_unit(text: str, pos: int, keep: set[str]) -> list[Candidate]:
    """The name after the unit a role noun names: "afdelingshoofd Beheer Deelnemingen Dekker", "adviseur ICT-beleid
    Van Dam", "medewerker Communicatie Jorritsma" (a listed surname, at most three words on)."""
    known = data.surnames()
    for _ in range(3):
        here = _NAME_HERE.match(text, pos)
        if here and (here.group("core") in known or here.group("core") in data.first_names()) and (
                _is_name(text, here, keep, False)):
            end = _name_end(text, here, keep)
            if here.group("core") in known or end > here.end("name"):  # a given name only with a surname after it
                return [Candidate(here.start("name"), end, "naam", surname_key(text[here.start("name") : end]))]
        word = _UNIT_WORD.match(text, pos)
        if not word:
            break
        pos = word.end()
    return []


def _trigger_names(text: str, keep: set[str], register: Sequence[tuple[int, int]]) -> list[Candidate]:
    out = []
    for m in _AFTER_TRIGGER.finditer(text):
        if not _is_name(text, m, keep, False):
            if _bare_role(m) and not m.group("init") and not m.group("tus") and not _NATIONAL_OFFICE.search(
                    text, max(0, m.start() - 12), m.start()):  # "afdelingshoofd Beheer Deelnemingen Dekker"
                out += [c for c in _name_after_unit(text, m.end("name"), keep) if not _inside(register, c.start, c.end)]
        else:
            end = _name_end(text, m, keep)
            # "Afdelingshoofd Toetsing" printed from the register is a functie, not a name
            if m.group("trig") == m.group("role") and _inside(register, m.start(), end):
                continue
            if m.group("role") and _NATIONAL_OFFICE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "de Nationaal Coördinator Groningen" is an office, what follows its area
            out.append(Candidate(m.start("name"), end, "naam", surname_key(text[m.start("name") : end])))
    for tail in _APPOSITION_TAIL.finditer(text):
        role = v.ROLE_RIGHT_BEFORE.search(text, max(0, tail.start() - 45), tail.start())
        ap = _ROLE_APPOSITION.match(text, role.start()) if role else None
        if ap and _is_name(text, ap, keep, False) and not _inside(register, ap.start(), ap.end()):
            out.append(Candidate(ap.start("name"), ap.end("name"), "naam", surname_key(ap.group("name"))))
    for m in _BARE_GRIFFIER.finditer(text):
        if _is_name(text, m, keep, False) and not _inside(register, m.start(), m.end()):
            out.append(Candidate(m.start("name"), m.end("name"), "naam", surname_key(m.group("name"))))
    before_post, units = _names_before_post(text, keep)
    out = [c for c in out if c.start not in units] + before_post
    for m in _AFTER_INITIALS.finditer(text):
        gap = text[m.start("name") : m.start("core")]
        if "\n" in gap or "  " in gap or text[max(0, m.start() - 1) : m.start()] == "&":
            continue  # "I&M.  Motie van de leden ...": no initial
        if _is_name(text, m, keep, True):
            start = m.start("name")
            before = _GIVEN_BEFORE.search(text, max(0, start - 25), start)  # "Pieter J. Kramer": the given name too
            if before and before.group(1) in data.first_names():
                start = before.start(1)
            out.append(Candidate(start, m.end("name"), "naam", surname_key(m.group("name"))))
    return out


_HYPHEN_SPLIT = re.compile(f"[{re.escape(_HYPHENS)}]")


def _known_surname(core: str, known: frozenset[str]) -> bool:
    """A surname of the list, or a double surname of capitalised parts one of which is ("Oudejans-Brink")."""
    if core in known:
        return True
    parts = [_LEADING_TUSSEN.sub("", p) for p in _HYPHEN_SPLIT.split(core)]  # "Hendriks-de Vries"
    return len(parts) > 1 and all(_capitalised_word(p) for p in parts) and any(p in known for p in parts)


_LEADING_TUSSEN = re.compile(rf"^(?:{v.TUSSEN}\s+)+")


_GIVEN_BEFORE = re.compile(rf"(?<![\w.\-])([{v.UPPER}][{v.LOWER}]+) $")
def _given_names(text: str, keep: set[str]) -> list[Candidate]:
    """A Dutch first name and a known surname: "Jan de Boer", "Fatima El Amrani", "Joost Verhoeven"."""
    out = []
    given_names, known_surnames = data.first_names(), data.surnames()
    for word in _CAPITALISED.finditer(text):
        m = _GIVEN.match(text, word.start()) if word.group() in given_names else None
        if m is None:
            continue  # each capitalised word is tried: "Zoals Pieter Hendriks" holds "Pieter Hendriks"
        if _AFTER_TUSSEN.search(text, max(0, word.start() - 5), word.start()):
            continue  # "Van Nelle Fabriek": the "given name" is part of a surname
        tus, core = m.group("tus"), m.group("core")
        if len(core) < 2 or not _capitalised_word(core) or core in v.NOT_SURNAMES:
            continue
        if tus and tus[0].islower() and _fold(tus.split()[0]) in {"in", "op", "uit", "het"}:
            continue  # "Sanne op Schiphol"
        end = m.end()
        if core in given_names and not tus.strip():  # "Jan Willem de Boer": the surname follows the second name
            more = _MORE_NAME.match(text, end)
            if more and _capitalised_word(more.group("core")) and "  " not in text[end : more.start("core")]:
                core, end = more.group("core"), more.end()  # (not across a paragraph: "Paulus Jansen  Beleids...")
                tus = text[m.end() : more.start("core")]
        listed = _known_surname(core, known_surnames)
        unlisted = not listed and not tus.strip() and unlisted_surname(text, core, end)
        if not listed and not tus.strip() and not unlisted:
            continue  # "Willem Alexander" is one person's two given names; unknown words are no surname
        start = m.start("given")
        before = _GIVEN_BEFORE.search(text, max(0, start - 25), start)  # "Fatima Zahra El Idrissi": two given names
        two = bool(before) and before.group(1) in given_names  # type: ignore[union-attr]
        # "Ruud van der Sluis", "Kees Sluis" (not "Anne Frank Huis": a given name before the word's given name)
        person = core in known_surnames or unlisted  # "Karel Baasbank" (unlisted_surname: no street, prize or building)
        named = person and (tus[:1].islower() or end == m.end() and not two)
        if _fold(core) in keep or _looks_like_institution(text, start, end, core, person=person, named=named):
            continue
        if two:
            start = before.start(1)  # type: ignore[union-attr]
        out.append(Candidate(start, end, "naam", surname_key(text[start:end])))
    return out


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start].rstrip(" \t")  # a window: the whole text before is O(n) a call
    if not before and start > 40:
        before = text[:start].rstrip(" \t")
    return not before or before[-1] in ".!?:;\n\u2022-–*" or before.endswith("\n")


def _tussen_names(text: str, keep: set[str]) -> list[Candidate]:
    """A capitalised tussenvoegsel and a known surname mid-sentence: "met Van Leeuwen", "door De Graaf"."""
    out = []
    known = data.surnames()
    for m in _CAP_TUSSEN.finditer(text):
        tus, core = m.group("tus"), m.group("core")
        if _sentence_start(text, m.start()) or not _known_surname(core, known) or not _capitalised_word(core):
            continue
        if f"{tus} {core}".casefold() in data.places() or _fold(core) in keep:
            continue  # "Den Haag", "De Bilt"
        if _looks_like_institution(text, m.start(), m.end(), core):
            continue
        end = _second_part(text, m.end(), keep)  # "met De Hoop Scheffer"
        key = _fold(core) if end == m.end() else surname_key(text[m.start() : end])
        out.append(Candidate(m.start(), end, "naam", key))
    return out
