"""The detector for personal data nobody registered: one scan per text, findings grouped per person."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from redaction.matchers._text import Hit, PersonData, _caseless, _Coverage, _lit, _resolve, _Text
from redaction.matchers.contact import registered_phone_key
from redaction.matchers.needles import Needles, literal_needle
from redaction.matchers.public_people import holder_named
from redaction.matchers.registered import _register, _registered_hits
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.attendance import attendance_surnames
from redaction.matchers.unregistered.contact_points import (
    contact_candidates,
    is_mobile,
    mailbox_name_candidates,
    organisation_contact,
)
from redaction.matchers.unregistered.counterparts import counterpart_starts
from redaction.matchers.unregistered.name_forms import bare_unit_names, vietnamese_names
from redaction.matchers.unregistered.name_keys import given_initial, surname_key
from redaction.matchers.unregistered.name_lists import name_candidates
from redaction.matchers.unregistered.offices import _FOREIGN, office_name_starts, unit_or_internal
from redaction.matchers.unregistered.outside import outside_surnames, unit_words
from redaction.matchers.unregistered.parliament import (
    debate_surnames,
    group_members,
    header_surnames,
    member_surnames,
    party_surnames,
    spokesman_surnames,
)
from redaction.matchers.unregistered.person_names import Candidate
from redaction.matchers.unregistered.public import (
    college_signature,
    office_before,
    public_after,
    public_surnames,
    relative_office,
)
from redaction.matchers.unregistered.unit_context import (
    civil_servant_mention,
    enumerated_names,
    keep_namesakes,
    later_mentions,
    listed_before,
    rank_before,
    unit_names,
)

_OFFICE_REACH = 200  # an office and its organisation stand this close before the name (public.office_before)
_NEAR = 150  # a number this close after a name is that person's ("Jansen (06 …)")
_NAME_ENTRY = re.compile(rf"^[^\d@]*[{v.UPPER}][^\d@]*$")


# a country's or people's adjective ends no name: "het bericht dat Israël Nederlandse projecten sloopt" ("Israël" is
# also a given name); the adjective before a lower-case noun
_ADJECTIVE_END = re.compile(
    rf"\s(?:{_FOREIGN}|Nederlandse|Europese|Palestijnse|Afrikaanse|Aziatische|Arabische|Surinaamse|Marokkaanse"
    r"|Antilliaanse|Arubaanse|Caribische|Iraanse|Jordaanse|Libanese|Saoedische|Somalische|Sudanese|Oegandese)"
    r"(?=\s+[a-zà-ÿ])"
)


def _adjective_end(text: str, c: Candidate) -> bool:
    """The name candidate's last word is such an adjective before a noun."""
    if c.category != "naam":
        return False
    m = _ADJECTIVE_END.search(text, c.start, min(len(text), c.end + 40))
    return m is not None and m.end() == c.end


# the staff of a parliament or a college, public by function in its documents but a civil servant: its griffier or
# secretary (a secretary-general is an office, offices.py)
_STAFF_SEAT = re.compile(
    r"(?<![\w\-])(?i:(?:adjunct-|plaatsvervangend\s+)?griffier|(?:ambtelijk\s+)?secretaris)(?![\w\-])"
)


_SENTENCE_STOP = re.compile(r"[.!?](?=\s)|\s\s")


def _staff_line(text: str, start: int) -> bool:
    """The sentence before the number at start names the person by such a staff seat."""
    return bool(_STAFF_SEAT.search(text, _stop_before(text, start, _SENTENCE_STOP, 240), start))


def _stop_before(text: str, start: int, stop: re.Pattern[str], reach: int) -> int:
    """Where the sentence or clause that `start` stands in begins: after the last `stop` within `reach` before it,
    a full stop after an initial or a title ("drs.", "J.") no stop."""
    lo = max(0, start - reach)
    stops = [m.end() for m in stop.finditer(text, lo, start) if not _INITIAL_DOT.search(text, lo, m.end())]
    return stops[-1] if stops else lo


# a firm's legal form after a capitalised word: "directeur Bracamonte B.V." ("B" is no surname)
_LEGAL_FORM = re.compile(r"\s[A-Z]$")
_LEGAL_FORM_AFTER = re.compile(r"\.\s?(?:V|A|O\.?\s?F)\.")


def _legal_form(text: str, c: Candidate) -> bool:
    return c.category == "naam" and bool(_LEGAL_FORM.search(text, c.start, c.end)) and bool(
        _LEGAL_FORM_AFTER.match(text, c.end))


# a member appointed to an outside commission, listed with residence and seat: "de heer drs. X te Leeuwarden (lid);"
# (a secretary so listed stays a finding: the secretariat is staff, often the ministry's own)
_SEAT = r"\s*\((?i:voorzitter|vicevoorzitter|vice-voorzitter|lid|plaatsvervangend\s+voorzitter)\)"
_RESIDENCE_SEAT = re.compile(rf"\s+te\s+(?P<place>(?:['’]s-)?[A-ZÀ-Ý][\w\-]*(?:\s[A-ZÀ-Ý][\w\-]*)?){_SEAT}")
_PLACE_TAIL = re.compile(r"\s+te\s+(?P<place>[A-ZÀ-Ý][\w\-]*)$")


def _residence_trimmed(text: str, c: Candidate) -> Candidate:
    """A name read on into its residence ("Miel Otto te Ubbergen (lid)", "te" as a tussenvoegsel) ends before it."""
    if c.category != "naam":
        return c
    tail = _PLACE_TAIL.search(text, c.start, c.end)
    if tail and tail.group("place").casefold() in data.places() and _SEAT_AFTER.match(text, c.end):
        return replace(c, end=tail.start(), key=surname_key(text[c.start : tail.start()]))
    return c


_SEAT_AFTER = re.compile(_SEAT)


def residence_seat(text: str, end: int) -> bool:
    """The name ending at end is a listed member's: its residence and seat in brackets follow, and no role noun or
    unit of a civil servant after them in the clause ("te Zwolle (lid), beleidsmedewerker van de directie X")."""
    m = _RESIDENCE_SEAT.match(text, end)
    if not m:
        return False
    stop = _CLAUSE_STOP.search(text, m.end(), min(len(text), m.end() + 120))
    rest = text[m.end() : stop.start() if stop else min(len(text), m.end() + 120)]
    return not (v.ROLE_WORD.search(rest) or unit_or_internal(rest))


@dataclass(frozen=True)
class Scan:
    """What one text holds: the candidates (each with its person's key) and the surnames shown to be public."""

    candidates: tuple[Candidate, ...]
    public: frozenset[str]
    # surnames this text shows to be a civil servant's, or shared with a public person of another given name:
    # no other text of the dossier makes them public
    private: frozenset[str] = frozenset()
    public_given: frozenset[tuple[str, str]] = frozenset()  # (surname, initial of the given name or "")


# the author or editor of a titled publication: "de studie «Titel» van J. Jansen", "de bundel «Titel» onder redactie
# van A. Bakker en B. de Wit"; only names, initials and academic titles between the work and the name (a role noun
# there, "«Titel» van beleidsmedewerker X", or a unit after the name keeps a civil servant: civil_servant_mention)
_WORK_BY = re.compile(r"(?:[»”]\s+(?:van|door)|(?<!\w)onder\s+redactie\s+van)\s+")
_AUTHOR_WORDS = re.compile(
    rf"(?:(?:{v._TITLE}|[A-Z][a-z]?\.|en|{v.TUSSEN}|[{v.UPPER}][\w'’\-]*)(?:\s+|(?=[A-Z])|,\s+))*")


_REST_OF_CLAUSE = re.compile(r"[^.;:«]{0,80}")
_STAFF_AFTER = re.compile(r"(?i:directie|afdeling|ministerie|\bteam\b|\bdienst\b|\(\s*[A-Z][A-Za-z]{1,5}\s*\))")
_CITED = re.compile(rf"(?<!\w)(?:{v._TITLE}|[A-Z][a-z]?\.)")


def _published_author(text: str, start: int, end: int) -> bool:
    """Cited as authors are, with initials or an academic title (a bare "«Memo» van Jansen" may be a colleague's)."""
    lo = max(0, start - 90)
    for m in _WORK_BY.finditer(text, lo, start):
        before = text[max(0, m.start() - 150) : m.start()]
        titled = "«" in before or "“" in before or m.group().startswith("onder")
        if titled and _AUTHOR_WORDS.fullmatch(text, m.end(), start) and _CITED.search(text, m.end(), end):
            rest = _REST_OF_CLAUSE.match(text, end).group()  # type: ignore[union-attr]
            return not (v.ROLE_WORD.search(rest) or _STAFF_AFTER.search(rest))  # "X, onderzoeker bij de afdeling"
    return False


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())


def mailbox_owner(address: str, name_keys: Sequence[str]) -> str | None:
    """The name key whose surname the address's local part holds ("m.vanleeuwen@…" → "leeuwen")."""
    local = _letters(address.split("@", 1)[0])
    found = [k for k in name_keys if len(_letters(k)) >= 4 and _letters(k) in local]
    return max(found, key=len) if found else None


def _person_keys(cands: list[Candidate]) -> list[Candidate]:
    """E-mail and telephone join the person they belong to; otherwise each is its own finding."""
    names = [c for c in cands if c.category == "naam"]
    name_keys = sorted({c.key for c in names})
    out = []
    for c in cands:
        if c.category == "email":
            c = replace(c, key=mailbox_owner(c.key, name_keys) or f"e-mail {c.key}")
        elif c.category == "telefoon":
            near = [n for n in names if n.end <= c.start <= n.end + _NEAR]
            c = replace(c, key=near[-1].key if near else f"telefoon {c.key}")
        out.append(c)
    return out


@lru_cache(maxsize=16)
def _keep_keys(keep_names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(surname_key(k) for k in keep_names if k.strip())


@lru_cache(maxsize=16)
def _keep_given(keep_names: tuple[str, ...]) -> dict[str, set[str]]:
    """The visible people's surname keys with the initials of their given names ("Hugo de Jonge": {"jonge": {"H"}})."""
    out: dict[str, set[str]] = {}
    for k in keep_names:
        if k.strip():
            out.setdefault(surname_key(k), set()).add(given_initial(k))
    return out


_INDEXES: dict[int, tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], ...], Needles]]] = {}


def _register_spans(text: str, register_texts: Sequence[str]) -> list[tuple[int, int]]:
    """Where texts printed from the register (functie, organisation) stand in text."""
    texts = tuple(register_texts)
    cached = _INDEXES.get(id(texts))
    if cached is not None and cached[0] is texts:  # by identity: hashing thousands of texts per text cost O(register)
        patterns, needles = cached[1]
    else:
        patterns, needles = _register_index(texts)
        if len(_INDEXES) >= 16:
            _INDEXES.clear()
        _INDEXES[id(texts)] = (texts, (patterns, needles))
    spans = []
    for i in needles.present(text):  # only the entries whose literal core is in the text at all
        spans += [(m.start(), m.end()) for m in patterns[i].finditer(text)]
    return spans


@lru_cache(maxsize=16)
def _register_index(register_texts: tuple[str, ...]) -> tuple[tuple[re.Pattern[str], ...], Needles]:
    """The register texts compiled once per run: a functie per person, so thousands in a big content folder."""
    entries = [e for e in dict.fromkeys(unicodedata.normalize("NFC", e.strip()) for e in register_texts) if e]
    return tuple(re.compile(_lit(e)) for e in entries), Needles([literal_needle(e) for e in entries])


def allowed_names(allowed: Sequence[str]) -> frozenset[str]:
    """The persons a toegestaan list allows: "Hans Alders" allows every form of Alders (v1.1)."""
    return frozenset(surname_key(a) for a in allowed if _NAME_ENTRY.match(a.strip()))


def _allowed_spans(text: str, allowed: Sequence[str]) -> tuple[list[Hit], set[str]]:
    """Where the allowed texts stand in text, and the numbers among them."""
    spans, keys = [], set()
    for entry in allowed:
        entry = unicodedata.normalize("NFC", entry.strip())
        if not entry:
            continue
        rx = _caseless(entry) if "@" in entry else _lit(entry)
        spans += [Hit(m.start(), m.end(), "allowed", None) for m in re.finditer(rx, text)]
        key = registered_phone_key(entry) if re.fullmatch(r"[\d\s()+\-./]+", entry) else None
        if key:
            keys.add(key)
    return spans, keys


def _is_allowed(text: str, c: Candidate, spans: Sequence[Hit], keys: set[str]) -> bool:
    if any(s.start <= c.start and c.end <= s.end for s in spans):
        return True
    return c.category == "telefoon" and registered_phone_key(text[c.start : c.end]) in keys


def _office_starts_near(text: str, names: Sequence[Candidate]) -> list[int]:
    """office_name_starts in the stretches of text before the names only (an office stands within reach)."""
    spans: list[list[int]] = []
    for c in sorted(names, key=lambda c: c.start):
        lo, hi = max(0, c.start - _OFFICE_REACH), c.end + 100
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return sorted({pos for lo, hi in spans for pos in (office_name_starts(text, lo, min(hi, len(text)))
                                                         + counterpart_starts(text, lo, min(hi, len(text))))})


_TITLED = re.compile(rf"(?:{v._PUBLIC_TITLE})[\s,:]+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*$")


_POLITICAL = re.compile(
    rf"(?<!\w)(?i:minister(?:-president)?|staatssecretaris|kamerlid|premier)\s+(?:(?:{v._SALUTATION}|{v._TITLE})\s*)*"
    rf"(?P<name>(?:{v.CAP_TUSSEN}\s+|{v.TUSSEN}\s+)*[{v.UPPER}][\w'’\-]*)"
)


def _political_keys(text: str) -> set[str]:
    """The surnames written after a political title ("Minister De Jong", "staatssecretaris Van Rij")."""
    return {surname_key(m.group("name")) for m in _POLITICAL.finditer(text)}


# a political office, or a seat in parliament or one of its committees, in the clause around a name
_POLITICAL_CLAUSE = re.compile(
    r"(?<![\w\-\u2010\u2011])(?i:minister(?:-president)?|staatssecretaris|bewindspersoon|ambtgenoot|premier"
    r"|kamerlid|kamerleden|fractievoorzitter|fractie|(?:vaste\s+)?commissie\s+voor\s+[A-ZÀ-Ý]\w*[^.;:\n]{0,40}?"
    r"voorzitterschap)(?!\w)"
)
_HOLDER_OFFICES = ("minister", "staatssecretaris", "Tweede Kamerlid", "Eerste Kamerlid")
_CLAUSE_STOP = re.compile(r"[.;:!?\n]|\s\s")  # (a paragraph break is two spaces in the folded text)


def _political_holder(text: str, start: int, end: int) -> bool:
    """A full name the register of office holders knows as a minister, staatssecretaris or member of parliament,
    with a political office in apposition to that very mention: "De Minister voor Armoedebeleid, Participatie en
    Pensioenen, Carola Schouten,", "mijn ambtgenoot van Verkeer en Waterstaat, de heer drs. C.M.P.S. Eurlings", "de
    commissie voor Financiën, onder voorzitterschap van Pieter Duisenberg". The register alone never decides ("Peter
    de Groot" is a civil servant's name as well), nor does a holder it lists only as "politicus"; a civil servant's
    cue on the mention still wins (civil_servant_mention)."""
    holder = holder_named(text[start:end], by_initials=True)
    if holder is None or not any(o.functie in _HOLDER_OFFICES for o in holder.offices):
        return False
    lo = _stop_before(text, start, _CLAUSE_STOP, 160)
    after = _CLAUSE_STOP.search(text, end, min(len(text), end + 80))
    hi = after.start() if after else min(len(text), end + 80)
    # the office must be the mention's own, in apposition: "De Minister van X, Voornaam Achternaam", "mijn ambtgenoot
    # van X, de heer Y", "onder voorzitterschap van Y", "Y, minister van X"; an office elsewhere in the clause is
    # another person's ("Namens de minister sprak Peter de Groot": a civil servant who shares a Kamerlid's name)
    if any(_APPOSED_BEFORE.fullmatch(text, m.end(), start) for m in _POLITICAL_CLAUSE.finditer(text, lo, start)):
        return True
    apposed = _APPOSED_AFTER.match(text, end, hi)
    return bool(apposed and _POLITICAL_CLAUSE.match(text, apposed.end(), hi))


_FIELD = r"(?:de\s+|het\s+)?[A-ZÀ-Ý][\w\-’']*"
# between an office and its holder's name: the office's portfolio, a comma, a salutation, titles
_APPOSED_BEFORE = re.compile(
    rf"(?:\s+(?:van|voor)\s+{_FIELD}(?:(?:\s*,\s*|\s+en\s+|\s+)(?:van\s+|voor\s+)?{_FIELD})*)?\s*,?\s*"
    r"(?:van\s+)?(?:(?:de\s+heer|mevrouw)\s+)?(?:(?:drs|dr|mr|ir|ing|prof|ds)\.\s*)*"
)
_APPOSED_AFTER = re.compile(r"\s*(?:,|\()\s*(?:de\s+|het\s+|oud-|voormalig\s+)?")


_INITIAL_DOT = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.)+$|(?<!\w)(?i:drs|dr|mr|ir|ing|prof|dhr|mevr|mw|hr|jl|nr)\.$")


def _contact_owners(text: str, cands: Sequence[Candidate]) -> list[Candidate]:
    """The name mentions a telephone number or e-mail address of the same person follows closely ("A. Kerkhof, 070
    ...", "Bos (b.bos@...)")."""
    names = [c for c in cands if c.category == "naam"]
    out = []
    for c in cands:
        if c.category in ("telefoon", "email"):
            near = [n for n in names if n.key == c.key and n.end <= c.start <= n.end + _NEAR]
            out += near[-1:]
    return out


def _public_keys(
    text: str, cands: Sequence[Candidate], public: dict[str, set[str]]
) -> tuple[set[str], set[str], set[tuple[str, str]]]:
    """The surnames text shows to be public, less those a civil servant with another given name shares: with
    "het lid Inge van Dijk" and "Lotte van Dijk" in one text, every Van Dijk stays a finding (a leak is worse);
    so does a surname one mention of which is plainly a civil servant's ("Jansen van de directie Wonen").
    Also those kept private, and the given names written with each public surname. `public` is what offices and
    titles make public (public_surnames(text), computed once by scan); the other rules add to it."""
    names = [c for c in cands if c.category == "naam"]
    # "mijn collega X" in proceedings, "VVD-woordvoerder X": a member, no civil servant (parliament.py)
    members, colleagues = member_surnames(text, names)
    groups, spokesmen = group_members(text, names)
    colleagues |= spokesmen
    for extra in (spokesman_surnames(text), members, groups, header_surnames(text), party_surnames(text, names),
                  debate_surnames(text, names), outside_surnames(text, names),  # parliament.py, outside.py
                  attendance_surnames(text)):  # "Tegenwoordig zijn 72 leden, te weten: ..."
        for key, initials in extra.items():
            public.setdefault(key, set()).update(initials)
    offices = _office_starts_near(text, names)
    # (a Kamerlid's or minister's given name and surname alone, public_people.holder_named, make no one public here:
    # "Peter de Groot" or "Peter van Dijk" is also a civil servant's name, and on r01-r72 the list never decided)
    # a rank before the name makes the mention a civil servant's (an officer is one: "minister Kuipers" does not make
    # "sergeant-majoor Kuipers" public), unless an office makes that surname public here ("de Commandant der
    # Strijdkrachten, generaal X, ... Generaal X"): only the office does, never the rank or a political title
    ranked, by_office = set(), set()
    for c in names:
        if (public_after(text, c.end) or office_before(text, c.start, c.end, offices)
                or relative_office(text, c.start, c.end) or _political_holder(text, c.start, c.end)
                or college_signature(text, c.start, c.end) or residence_seat(text, c.end)
                or _published_author(text, c.start, c.end)):
            public.setdefault(c.key, set()).add(given_initial(text[c.start : c.end]))
            by_office.add(c.key)
        elif rank_before(text, c.start):
            ranked.add(c.key)
    shared = {c.key for c in names if c.key in public and (g := given_initial(text[c.start : c.end]))
              and public[c.key] - {""} and g not in public[c.key]}
    # a bewindspersoon or member the text names without a given name, and a mention with one that no office holder of
    # the register bears and no office makes public: another person ("Minister De Jong ... Marieke de Jong")
    political = _political_keys(text) if public else set()
    shared |= {c.key for c in names if c.key in political and not public[c.key] - {""} and c.key not in by_office
               and given_initial(text[c.start : c.end]) and not holder_named(text[c.start : c.end], by_initials=True)}
    civil = {c.key for c in names if c.start not in colleagues and civil_servant_mention(text, c.start, c.end)}
    civil |= ranked - by_office
    # a person given with a number or an address of their own is a contact person, no namesake of a public person
    # elsewhere in the text ("Minister Kerkhof ... Inlichtingen bij: A. Kerkhof, 070 ..."), unless an office or a
    # title makes that very mention public ("mevrouw Jansen, voorzitter van de Raad van State, bereikbaar via ...")
    civil |= {c.key for c in _contact_owners(text, cands) if c.key in public and c.key not in by_office
              and not _TITLED.search(text, max(0, c.start - 40), c.start)}
    given = {(key, g) for key, initials in public.items() for g in initials}
    return set(public) - shared - civil, shared | civil, given


def scan(
    text: str,
    *,
    known: Sequence[PersonData],
    allowed: Sequence[str] = (),
    keep_names: Sequence[str] = (),
    register_texts: Sequence[str] = (),
) -> Scan:
    """Every candidate in text with its person's key, offsets into the caller's text."""
    t = _Text(text)
    keep = _keep_keys(tuple(keep_names))
    register = _register(known)
    hits = _registered_hits(t.norm, known)
    known_hits = _Coverage(hits)
    spans, keys = _allowed_spans(t.norm, allowed)
    found = name_candidates(t.norm, set(keep), _register_spans(t.norm, register_texts)) + unit_names(t.norm, set(keep))
    found += bare_unit_names(t.norm, set(keep)) + vietnamese_names(t.norm, set(keep))  # "Nguyen Thi Lan"
    found += enumerated_names(t.norm, set(keep))  # "de leden van de werkgroep, te weten Hendriks, Van Dam en Pauw"
    found += listed_before(t.norm, found, set(keep))  # "werkten mee: Ramdin, Van der Sluis en mr. Lotte Verbeek"
    found += later_mentions(t.norm, found, set(keep))  # "projectleider Wilma Hoogeveen; Hoogeveen houdt ..."
    contacts = contact_candidates(t.norm, register.owners.keys(), register.emails)  # no copy of the register per text
    found += contacts + mailbox_name_candidates(t.norm, [c for c in contacts if c.category == "email"], set(keep))
    kept = [
        c for c in found
        if not known_hits.overlaps(Hit(c.start, c.end, c.category, None)) and not _is_allowed(t.norm, c, spans, keys)
    ]
    resolved = _resolve(kept)
    name_starts = sorted(c.start for c in resolved if c.category in ("naam", "email"))
    resolved = [c for c in resolved if c.category == "naam" or not organisation_contact(t.norm, c, name_starts)]
    # a visible person's namesake the register reads as that person: a finding, its surname no public one here
    namesakes = keep_namesakes(t.norm, [(h.start, h.end) for h in hits], _keep_given(tuple(keep_names))) if keep else []
    namesakes = [c for c in namesakes if not _is_allowed(t.norm, c, spans, keys)]
    titled = public_surnames(t.norm)  # (the surnames offices and titles make public; _public_keys adds to them)
    if namesakes:  # the office before that very mention names the visible person ("De Minister van X, Karien van
        # Gennip," with "C.E.G. van Gennip" registered): no namesake, whatever initials the register wrote
        namesakes = [c for c in namesakes if not (given_initial(t.norm[c.start : c.end]) in titled.get(c.key, ())
                                                  or _political_holder(t.norm, c.start, c.end))]
    cands = _person_keys(_resolve(resolved + namesakes))
    units = unit_words(t.norm, [c for c in cands if c.category == "naam"])  # outside.py
    cands = [_residence_trimmed(t.norm, c) for c in cands
             if (c.start, c.end) not in units and not _adjective_end(t.norm, c) and not _legal_form(t.norm, c)]
    public, private, given = _public_keys(t.norm, cands, titled)
    public -= {c.key for c in namesakes}
    private |= {c.key for c in namesakes}
    raw = []
    for c in cands:
        if c.key in public and c.category == "telefoon" and (is_mobile(t.norm[c.start : c.end])
                                                              or _staff_line(t.norm, c.start)):
            # a public person's mobile number is still private, and so is the direct line of a body's staff public
            # by function ("de griffier van de commissie, mevrouw X, ... is bereikbaar op 070 ..."): its own finding
            # (an office holder's landline follows the person: "Mevrouw X, voorzitter van de Raad van State, is
            # bereikbaar via 070 ..."; an organisation's number was dropped before, organisation_contact)
            c = replace(c, key=f"telefoon {registered_phone_key(t.norm[c.start : c.end])}")
        h = t.to_raw(Hit(c.start, c.end, c.category, None))
        raw.append(replace(c, start=h.start, end=h.end))
    return Scan(tuple(raw), frozenset(public), frozenset(private), frozenset(given))


def find_unregistered(
    text: str,
    *,
    known: Sequence[PersonData],
    allowed: Sequence[str] = (),
    keep_names: Sequence[str] = (),
    register_texts: Sequence[str] = (),
) -> list[Hit]:
    """Personal data nobody registered in one text: e-mail addresses, telephone numbers and names.

    Names are found where the text can tell: after a salutation, title or role noun ("mevrouw
    Jansen", "projectleider Van Leeuwen", "de collega's Bakker en Smit"), after initials
    ("J.K. van Dam"), a Dutch first name before a known surname ("Jan de Boer") and a
    capitalised tussenvoegsel with a known surname mid-sentence ("met Van Leeuwen"); the name
    data are deduce's lists. Names of institutions, streets, prizes and ships, offices'
    mailboxes (info@, postbus@) and service numbers (0800, "BelastingTelefoon ...") are no
    personal data. A surname the text shows to be public ("minister Uitermark", "de heer
    Remkes, voorzitter van ...", "De korpschef van de Nationale Politie, de heer ...", see
    offices.py) is no finding anywhere in it, unless a mention of it is plainly a civil servant's
    ("Jansen van de directie Wonen") or carries another given name than the public person's. Data of `known` people,
    surnames in `keep_names`, texts in `allowed` and the persons `allowed` names are skipped.
    """
    result = scan(text, known=known, allowed=allowed, keep_names=keep_names, register_texts=register_texts)
    skip = result.public | allowed_names(allowed)
    return [Hit(c.start, c.end, c.category, None) for c in result.candidates if c.key not in skip]
