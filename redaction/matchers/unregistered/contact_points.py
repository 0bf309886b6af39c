"""Unregistered e-mail addresses and telephone numbers, without offices' mailboxes and service numbers."""
from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import lru_cache

from redaction.matchers._text import Hit, _Coverage
from redaction.matchers.contact import _EMAIL, _IBAN, _is_plausible_phone, _scan_phones, registered_phone_key
from redaction.matchers.names import _fold
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import surname_key
from redaction.matchers.unregistered.person_names import Candidate

# 0800 / 090x: free or paid service lines; 14 0xx: gemeenten; +800 / +808: international freephone (ITU UIFN)
_SERVICE_PREFIXES = ("800", "900", "906", "909", "14", "+800", "+808")
_LOCAL_PARTS = re.compile(r"[._\-+]")


def is_personal_mailbox(address: str) -> bool:
    """ "m.vanleeuwen@..." and "jan.jansen@..." are a person's; "info@", "postbus@", "woo-helpdesk@" an office's."""
    local = address.split("@", 1)[0].casefold()
    parts = [p for p in _LOCAL_PARTS.split(local) if p]
    if not parts or any(p in v.FUNCTIONAL_MAILBOX_WORDS for p in parts):
        return False
    if len(parts) > 1 and len(parts[0]) <= 3 and parts[0].isalpha():
        # initials and a surname: "m.vanleeuwen", "pw.jansen"; an abbreviation and a noun is an office's box:
        # "fsv-tegemoetkoming@", "nob-aanvragen@" (not "j.koning@")
        return not (local[len(parts[0])] == "-" and _NOUN_END.search(local) and parts[-1] not in _mailbox_names()[1])
    first_names, surnames = _mailbox_names()
    return any(p in first_names or p in surnames for p in parts) or (len(parts) == 1 and _initials_surname(local))


_NOUN_END = re.compile(r"[a-z]{4}(?:ing|ingen|heid|tie|ties|zaken|regeling|loket|punt|aanvragen|verzoeken|meldingen)$")
_TUSSEN_PREFIX = re.compile(r"^(?:van(?:de[nr]?|het)?|vd|de[nr]?|te[nr]?|op|in(?:t|het)?|uit)")


@lru_cache(maxsize=1)
def _mailbox_names() -> tuple[frozenset[str], frozenset[str]]:
    first = frozenset(n.casefold() for n in data.first_names())
    return first, frozenset(_fold(n).replace(" ", "").replace("'", "") for n in data.surnames())


def _initials_surname(local: str) -> bool:
    """ "rdewit", "pjansen", "jvanleeuwen": one to three initials, a tussenvoegsel, a surname."""
    surnames = _mailbox_names()[1]
    for n in range(1, 4):
        rest = local[n:]
        rest = _TUSSEN_PREFIX.sub("", rest) or rest
        if len(rest) >= 3 and local[:n].isalpha() and rest in surnames:
            return True
    return False


def mailbox_surname(address: str) -> str | None:
    """The surname a person's address spells: "j.peeters@…" → "peeters", "maarten.oosterhuis@…" → "oosterhuis"."""
    parts = [p for p in _LOCAL_PARTS.split(address.split("@", 1)[0].casefold()) if p]
    last = parts[-1] if len(parts) > 1 else ""
    return last if len(last) >= 3 and last.isalpha() and last in _mailbox_names()[1] else None


_CAP_TUSSEN_BEFORE = re.compile(rf"(?:{v.CAP_TUSSEN})\s+$")


def mailbox_name_candidates(text: str, mails: list[Candidate], keep: set[str]) -> list[Candidate]:
    """The surname of a found personal address, capitalised elsewhere in the text, is that person's name:
    "Vragen kunt u richten aan Peeters via j.peeters@…" (a bare surname no other rule can tell from a word)."""
    out = _spelled_names(text, mails, keep)
    surnames = sorted({s for c in mails if (s := mailbox_surname(c.key)) and s not in keep}, key=len, reverse=True)
    if not surnames:
        return out
    # one case-sensitive pass for all of them, capitalised as a name is written ("Peeters", "Oosterhuis")
    rx = re.compile(rf"(?<![\w@.])(?:{'|'.join(re.escape(s.capitalize()) for s in surnames)})(?![\w@])")
    out = []
    for m in rx.finditer(text):
        tus = _CAP_TUSSEN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        start = tus.start() if tus else m.start()
        out.append(Candidate(start, m.end(), "naam", surname_key(text[start : m.end()])))
    return out


_SPELLED_BEFORE = 200  # how far before its address the name is written ("X Y aangewezen als contactpersoon (x.y@")


_SPELLED = re.compile(rf"(?<![\w@.])(?P<before>[{v.UPPER}][a-zà-ÿ]+|{v._SALUTATION})\s+(?P<sur>[{v.UPPER}][a-zà-ÿ]+)"
                      rf"(?![\w@])")


def _spelled_person(text: str, start: int, address: str) -> re.Match[str] | None:
    """The mention of the person a two-part address no list reads spells, just before it: "Nurhayati Kartosen
    aangewezen als contactpersoon (n.kartosen@...)", "mevrouw Sastrowardoyo via wulan.sastrowardoyo@...". The
    address's last part is the capitalised surname; its first part is the initial of the word written before it, or
    that word as a listed given name, or a title stands there. A project's or an office's box spells no person so
    ("blauwe.golf@..." beside "het project Blauwe Golf", "team.europa@...": no "de heer Europa" before it)."""
    parts = [p for p in _LOCAL_PARTS.split(address.split("@", 1)[0].casefold()) if p]
    if len(parts) != 2 or not (parts[0].isalpha() and parts[1].isalpha() and len(parts[1]) >= 3):
        return None
    first, last = parts
    if any(p in v.FUNCTIONAL_MAILBOX_WORDS or p in data.common_words() or p in data.places() for p in parts):
        return None  # "regio.noord@..." beside "de Regio Noord", "den.haag@...": words and places, no name
    found = None
    for m in _SPELLED.finditer(text, max(0, start - _SPELLED_BEFORE), start):
        before = _fold(m.group("before")).replace(" ", "")
        if _fold(m.group("sur")) == last and (
            m.group("before")[0].islower()  # a title: "mevrouw X"
            or (len(first) <= 3 and before.startswith(first[0]))  # initials: "n.kartosen", "nk.kartosen"
            or (before == first and first in _mailbox_names()[0])  # a listed given name ("blauwe.golf" is none)
        ):
            found = m
    return found


def _spelled_names(text: str, mails: list[Candidate], keep: set[str]) -> list[Candidate]:
    """A given name and a surname no list holds, written just before a personal address that spells them (see
    _spelled_person): the two words are the name, a title before the surname leaves it to the other rules."""
    out = []
    for c in mails:
        if mailbox_surname(c.key):
            continue  # a listed surname: mailbox_name_candidates finds it
        m = _spelled_person(text, c.start, c.key)
        if m and m.group("before")[0].isupper() and surname_key(m.group("sur")) not in keep:
            out.append(Candidate(m.start(), m.end(), "naam", surname_key(m.group("sur"))))
    return out


def _is_service_number(text: str, start: int, end: int, key: str) -> bool:
    """0800/0900 numbers, 14 0xx, and numbers a sentence gives as an office's ("BelastingTelefoon 0800-0543")."""
    if key.startswith(_SERVICE_PREFIXES):
        return True
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start), text.rfind("\n", 0, start), 0)
    before = text[max(sentence_start, start - 80) : start]
    cues = list(v.SERVICE_NUMBER_CUES.finditer(before))
    cue = cues[-1] if cues else None
    if cue and _A_PERSON.search(before, cue.end()):
        return False  # "de helpdesk van DUO, de behandelaar, de heer Kok, is bereikbaar op ...": Kok's number
    if cue and _mobile_key(key):
        return False  # "het algemene nummer 06 ...": a mobile number is a person's
    return bool(cue or v.SERVICE_NUMBER_AFTER.match(text[end:]))


# an address the sentence calls an organisation's general or functional one: "het algemene adres ram@...", "het
# functionele adres commissie.x@...": one word of no name (an address that spells a name stays a person's: "het
# algemene adres devries@..." is still De Vries's)
_GENERAL_ADDRESS = re.compile(
    r"(?<!\w)(?i:algemene?|functionele?|centrale?|gezamenlijke?)\s+(?:e-?mail|mail)?(?:adres|mailbox|postbus)"
    r"(?:\s+(?:is|luidt))?\s*:?\s*$"
)


def _general_address(text: str, start: int, address: str) -> bool:
    """One word, no initials and a surname, and no name unless as short as an abbreviation ("ram", "cbs", "nvwa")."""
    local = address.split("@", 1)[0].casefold()
    first_names, surnames = _mailbox_names()
    named = len(local) > 4 and (local in surnames or local in first_names)
    if not local.isalpha() or _initials_surname(local) or named:
        return False  # (a short word may be an abbreviation and a name: "ram", the Vertegenwoordiging in Ramallah's)
    return bool(_GENERAL_ADDRESS.search(text, max(0, start - 40), start))


def contact_candidates(text: str, known_keys: AbstractSet[str], known_emails: AbstractSet[str]) -> list[Candidate]:
    """E-mail addresses of people and telephone numbers that are not a service line or an office's."""
    out = [
        Candidate(m.start(), m.end(), "email", _fold(m.group()))
        for m in _EMAIL.finditer(text)
        if _fold(m.group()) not in known_emails
        and (is_personal_mailbox(m.group()) or _spelled_person(text, m.start(), m.group()) is not None)
        and not _general_address(text, m.start(), m.group())
    ]
    iban = _Coverage([Hit(m.start(), m.end(), "iban", None) for m in _IBAN.finditer(text)])
    for ph in _scan_phones(text, lambda ph: _is_plausible_phone(text, ph)):
        if ph.key in known_keys or iban.overlaps(Hit(ph.start, ph.end, "telefoon", None)):
            continue
        if not _is_service_number(text, ph.start, ph.end, ph.key):
            out.append(Candidate(ph.start, ph.end, "telefoon", ph.key))
    return out


def _mobile_key(key: str) -> bool:
    return key.startswith(("6", "+316"))


def is_mobile(number: str) -> bool:
    """A Dutch mobile number ("06-51 87 30 42", "+31 6 1234 5678"): always a person's."""
    key = registered_phone_key(number)
    return bool(key) and _mobile_key(key)  # type: ignore[arg-type]


# an organisation by its article or abbreviation as the clause's addressee: "terecht bij de IND via", "bij het
# Voedingscentrum, telefoon", "Farmatec van het CIBG, telefoon" (a person takes no article: "bij mevrouw Smit")
# or a unit or service by its noun and name ("tot de afdeling Woordvoering via", "bij de directie Communicatie"), or an
# organisation named by its noun without an article ("terecht bij Rijksdienst Caribisch Nederland via")
_ORGANISATION_OWNER = re.compile(
    r"(?<!\w)(?:bij|van|met|aan|via|naar|tot)\s+(?:(?:de|het)\s+(?!heer\b)(?:[A-ZÀ-Ý]|(?:afdeling|directie|dienst"
    r"|sectie|eenheid|unit|team|bureau|divisie)\s+[A-ZÀ-Ý]|(?:secretariaat|persvoorlichting|voorlichting|woordvoering"
    r"|helpdesk|servicedesk|(?:klant)?contactcentrum|meldpunt|loket|steunpunt|informatiepunt)\b"
    r"|(?:[\w/]+\s+){0,3}(?:[Cc]ontact\s?[Cc]ent(?:er|re|rum)|[Cc]all\s?[Cc]ent(?:er|re))\b)|[A-Z]{2,}\b|[A-ZÀ-Ý]\w*(?:dienst|bureau|raad"
    r"|autoriteit|inspectie|instituut|centrum|loket|vereniging|stichting|fonds|bank)\b)"
)
# what makes the number a person's, whatever organisation the clause names
_PERSON_WORD = re.compile(
    rf"(?<![\w\-\u2010\u2011])(?:hij|zij|ze|haar|zijn|hem|bereikbaar|rechtstreeks|direct|mobiel|privé|doorkies\w*"
    rf"|{v._SALUTATION}"
    rf"|{v._ROLE})(?!\w)"
)
# a person named after a service's cue: a salutation or a role noun ("de helpdesk van DUO, de behandelaar, de heer X")
_A_PERSON = re.compile(rf"(?<![\w\-\u2010\u2011])(?:{v._SALUTATION}|{v._ROLE})(?!\w)")
# "de Nationale Coördinator Terrorismebestrijding en Veiligheid" is an organisation (the NCTV), not a person's role
_NATIONAL_OFFICE = re.compile(r"(?i:nationa(?:al|le)|landelijke?)\s+$")
_CLAUSE_END = re.compile(r"[.;:!?\n](?:\s|$)|\s{2,}")  # the matching form has a paragraph break as spaces
# the dot of an initial or a title ends no clause: "bij majoor drs. A.F. Tjon-A-Kiem van de directie X, telefoon ..."
_ABBREVIATION_DOT = re.compile(
    r"(?<![\w.])(?:(?:[A-Z]|IJ|Th|Ch|Chr|Ph|Fr|Joh|Jac|Wm)\.)+$|(?<!\w)(?i:drs|dr|mr|ir|ing|prof|dhr|mevr|mw|hr|ds|bc"
    r"|tel|tfn)\.$"
)


def organisation_contact(text: str, c: Candidate, name_starts: list[int]) -> bool:
    """A landline or a one-word mailbox a sentence gives as an organisation's, with no person in it before:
    "Telers kunnen terecht bij het Klantcontactcentrum van RVO via 088 042 42 42", "bij de Raad voor Rechtsbijstand
    via piket@rvr.org". A mobile number, or an address of initials or given name and surname, is always a person's;
    so is what follows a name, a salutation, a role noun or "bereikbaar" ("jurist X van de Dienst Y, bereikbaar op")."""
    if c.category == "telefoon" and _mobile_key(c.key):
        return False
    if c.category == "email" and _LOCAL_PARTS.search(c.key.split("@", 1)[0]):
        return False
    start = c.start
    lo = max(0, start - 160)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, lo, start)
            if not _ABBREVIATION_DOT.search(text, lo, m.start() + 1)]
    lo = ends[-1] if ends else lo
    if any(lo <= s < start for s in name_starts):
        return False
    before = text[lo:start]
    if any(w.group(1) in data.surnames() and not _ORG_NOUN.fullmatch(w.group(1))
           for w in _SURNAME_OF_ORG.finditer(before)):
        return False  # "Vragen? Bel Jansen van DUO, tel. ...": a person of the organisation, no candidate by itself
    asks = _SERVICE_SOUGHT.search(before)  # "die willen weten of zij ..., kunnen contact opnemen met DUO, telefoon"
    persons = {m.group() for m in _PERSON_WORD.finditer(before)
               if not _NATIONAL_OFFICE.search(before, max(0, m.start() - 12), m.start())
               and not (asks and m.start() < asks.start() and _ASKING_SUBJECT.search(before, 0, m.end()))}
    if persons <= {"bereikbaar", "haar", "zijn"} and (_PREMISES.search(before) or _organisation_subject(before)
                                                      or _organisation_then_reachable(before)):
        return True  # "het kantoor van de Rijksvertegenwoordiger is bereikbaar via ...": the office is
    if c.category == "telefoon" and beside_office_mailbox(text, c, lo):
        return True
    return bool(_ORGANISATION_OWNER.search(before)) and not persons


# the callers of a service line as the clause's subject: a pronoun after a conjunction ("Ondernemers die willen weten
# of zij in aanmerking komen, kunnen contact opnemen met de RVO, telefoon ..."); the number after the service they
# seek is the organisation's ("Hij werkt bij DUO, telefoon ..." has no such verb: the number stays his)
_ASKING_SUBJECT = re.compile(r"(?<!\w)(?:of|als|wanneer|indien|omdat|zodat|die|dat)\s+(?:zij|ze|hij)$")
_SERVICE_SOUGHT = re.compile(
    r"(?<!\w)(?:kunnen|kan|kunt)\s+(?:[a-zà-ÿ]+\s+){0,3}?(?:terecht|contact\s+opnemen|zich\s+(?:melden|wenden)|bellen)"
    r"\s+(?:bij|met|tot|naar)\s+(?:(?:de|het)\s+(?!heer\b)[A-ZÀ-Ý]|[A-Z]{2,}\b)"
)
# a capitalised word straight before the organisation it works for: "Bel Jansen van DUO, telefoon ..."
_SURNAME_OF_ORG = re.compile(
    r"(?<![\w\-])(?<![^\w]de\s)(?<![^\w]het\s)([A-ZÀ-Ý][a-zà-ÿ]+)\s+(?:van|bij)\s+(?:de\s+|het\s+)?[A-ZÀ-Ý]"
)
_CAPITALISED_WORD = re.compile(r"(?<!\S)[A-ZÀ-Ý][\w\-]*")
_FIRST_WORD = re.compile(r"\s*\S+")
_ABBREVIATED = re.compile(r"[A-Z]{2,}")


# an organisation's office or desk as the subject: what is "bereikbaar" there is the organisation, not a person
_PREMISES = re.compile(
    r"(?<!\w)(?i:kantoor|secretariaat|loket|servicepunt|informatiepunt)\s+van\s+(?:de|het)\s+[A-ZÀ-Ý]"
)


# an organisation as the clause's subject, "bereikbaar" at the number: "de Landelijke Huisartsen Vereniging is voor
# haar leden bereikbaar via", "Het Rode Kruis is bereikbaar op", "het ministerie van Defensie is bereikbaar via"; the
# clause starts with it, so "Bakker van de Nederlandse Loterij is bereikbaar" and "De Boer en De Wit zijn bereikbaar"
# are people's; a post or a service named by its noun in lower case: "De Nederlandse ambassade in Kyiv", "de regionale
# uitvoeringsdienst", "het consulaat-generaal in Istanbul"
_POST = (r"(?:ambassade|consulaat(?:-generaal)?|[a-zà-ÿ]*vertegenwoordiging|[a-zà-ÿ]+dienst|[a-zà-ÿ]*loket"
         r"|veiligheidsregio|[a-zà-ÿ]*meldpunt|[a-zà-ÿ]*servicepunt)(?!\w)")
_SUBJECT_REACHABLE = re.compile(
    r"\s*(?:(?:en|maar|ook|daarnaast)\s+)?(?P<art>[Dd]e|[Hh]et)\s+(?P<org>(?:[A-ZÀ-Ý]|(?:ministerie|gemeente|provincie"
    rf"|waterschap)(?=\s)|(?:[a-zà-ÿ]+e\s+)?{_POST})[^,;:()]{{0,80}}?)"
    r"\s+(?:is|zijn)\s+(?:[a-zà-ÿ]+\s+){0,5}(?:bereikbaar|te\s+bereiken)\s+(?:via|op|onder)"
    r"(?:\s+[\w.\-]+@[\w.\-]+\s+(?:of|en))?(?:\s+(?:het\s+)?(?:telefoon)?nummer)?\s*"
)
# the number in brackets after the organisation's name: "Het Centraal Bureau voor de Statistiek (088 570 70 70)"
# or after a comma, the clause's subject: "Het Nederlandse Rode Kruis, telefoon 070 ..., heeft een lijn geopend"
# (or an institution by its noun without an article: "Stichting Slachtofferhulp (tel. ...)"; its abbreviation may follow
# in brackets: "Het Landelijk Coördinatiecentrum Reizigersadvisering (LCR), telefoon ...")
_ORG_BRACKET = re.compile(
    r"\s*(?:(?P<art>[Dd]e|[Hh]et)\s+(?P<org>[A-ZÀ-Ý][^,;:()]{1,80}?)|(?P<bare>(?:Stichting|Vereniging|Fonds|Bureau"
    r"|Centrum|Instituut|Dienst|Autoriteit|Inspectie)\s+[A-ZÀ-Ý][^,;:()]{1,60}?))(?:\s*\([A-Z]{2,}\))?"
    r"\s*(?:\(\s*(?:tel(?:efoon)?\.?:?\s*)?|,\s*(?:tel(?:efoon)?\.?:?|telefoonnummer)\s*)"
)
_ORG_NOUN = re.compile(
    r"(?<!\w)(?:[A-ZÀ-Ý]\w*(?:dienst|bureau|raad|autoriteit|inspectie|instituut|centrum|loket|vereniging|stichting"
    r"|fonds|bank|bond|federatie|organisatie|groep|unie|commissie|college|planbureau|kamer)|[A-Z]{2,}"
    r"|Dienst|Bureau|Raad|Autoriteit|Inspectie|Instituut|Centrum|Loket|Vereniging|Stichting|Fonds|Bank|Bond|Federatie"
    r"|Organisatie|Unie|Commissie|College|Kamer)(?!\w)|^(?:ministerie|gemeente|provincie|waterschap)\s"
    rf"|^(?:[A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+e\s+)?{_POST}"
)
# an organisation's name may start with an inflected adjective, a person's never does: "Nederlandse Loterij"
_ADJECTIVE_FIRST = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:se|lijke|ische|nale|rale|mene|bare|iële)\s+[A-ZÀ-Ý]")


# or its object: "Patiënten kunnen de Nederlandse Zorgautoriteit bereiken via", "Bezoekers kunnen het Rijksmuseum
# bellen op" (the clause's first words are its subject, who calls)
_OBJECT_REACHED = re.compile(
    r"[^,;:()]{0,60}?\s(?:kan|kunnen|moet|moeten)\s+(?:(?P<art>de|het)\s+(?P<org>[A-ZÀ-Ý][^,;:()]{1,80}?)"
    r"|(?P<abbr>[A-Z]{2,}))\s+"
    r"(?:[a-zà-ÿ]+\s+){0,4}(?:bereiken|bellen)\s+(?:via|op|onder)(?:\s+(?:het\s+)?(?:telefoon)?nummer)?\s*"
)


def _organisation_subject(clause: str) -> bool:
    m = _SUBJECT_REACHABLE.fullmatch(clause) or _ORG_BRACKET.fullmatch(clause) or _OBJECT_REACHED.fullmatch(clause)
    if not m:
        return False
    if m.groupdict().get("abbr") or m.groupdict().get("bare"):
        return True  # "Studenten kunnen DUO bellen via ...", "Stichting X (tel. ...)": an organisation
    org = m.group("org")
    first = org.split()[0]
    if m.group("art").casefold() == "het":
        return True  # a person takes no "het": "Het Rode Kruis", "het UWV", "Het Juridisch Loket"
    return bool(_ORG_NOUN.search(org)) or (bool(_ADJECTIVE_FIRST.match(org)) and first not in data.surnames())


_MAILBOX = re.compile(r"[\w.\-+]+@[\w\-]+(?:\.[\w\-]+)+")


def beside_office_mailbox(text: str, c: Candidate, lo: int) -> bool:
    """A landline offered in one clause as the other way to an office's mailbox, no person in it: "aanmelden via
    aanmelden@minocw.nl of telefonisch via 070 ...". A personal address there makes it a person's, and so does a number
    before the mailbox with nothing to say whose ("Tel. 030 ... of secretariaat@...": perhaps the writer's own)."""
    end = _CLAUSE_END.search(text, c.end, min(len(text), c.end + 120))
    clause = text[lo : end.start() if end else min(len(text), c.end + 120)]
    before = _MAILBOX.findall(text[lo : c.start])
    mails = _MAILBOX.findall(clause)
    return bool(before) and not any(is_personal_mailbox(mail) for mail in mails) and not _PERSON_WORD.search(clause)


# the organisation named just before, in apposition or in a relative clause: "bij de Stichting Voedingscentrum
# Nederland, telefonisch bereikbaar via", "het steunpunt C-support, bereikbaar via", "het BZ Contact Center, dat
# bereikbaar is via" (an article before it: "Bakker (RVO), bereikbaar via" is a person's)
_ORG_THEN_REACHABLE = re.compile(
    r"(?<!\w)(?:(?P<art>de|het)\s+(?P<org>[^,;:()]{1,60}?)|(?:bij|met|tot|naar)\s+(?P<abbr>[A-Z]{2,}[\w.]*))\s*,\s*(?:(?P<rel>dat|die)\s+)?(?:[a-zà-ÿ]+\s+){0,4}?bereikbaar(?:\s+is)?"
    r"\s+(?:via|op|onder)(?:\s+(?P<mail>[\w.\-+]+@[\w.\-]+)\s+(?:en|of)(?:\s+(?:via|op|onder))?)?"
    r"(?:\s+(?:het\s+)?(?:telefoon)?nummer)?\s*$"
)
_DESK = re.compile(
    r"^(?i:steunpunt|loket|helpdesk|servicedesk|servicepunt|informatiepunt|meldpunt|(?:klant)?contactcentrum|secretariaat)\b"
)


_BODY_COMPOUND = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:commissie|raad|college|kamer|dienst|inspectie)")


def _inhabitants(word: str) -> bool:
    """ "Nederlanders", "Amsterdammers": a place's inhabitants, no person's name before the organisation."""
    folded = word.casefold()
    return folded.endswith("ers") and (folded[:-3] in data.places() or folded[:-4] in data.places())


def _organisation_then_reachable(clause: str) -> bool:
    m = _ORG_THEN_REACHABLE.search(clause)
    if not m or (m.group("org") or "").startswith(("heer", "Heer")):
        return False
    if m.group("mail") and is_personal_mailbox(m.group("mail")):
        return False  # "het secretariaat, bereikbaar via j.jansen@... en onder telefoonnummer ...": Jansen's line
    # a capitalised word before the organisation (not the clause's first) may be a person's name: "Vragen gaan naar
    # Bakker van de Stichting X, telefonisch bereikbaar via ..." is Bakker's number
    first = _FIRST_WORD.match(clause)
    # (a body's compound is no name: "Wie de Onderzoekscommissie wil spreken, kan terecht bij het secretariaat, ...")
    # (nor an abbreviation: "het meldpunt van de NCTV of het Huis voor X, dat bereikbaar is op")
    if any(not _inhabitants(w.group()) and not _BODY_COMPOUND.fullmatch(w.group())
           and not _ABBREVIATED.fullmatch(w.group())
           for w in _CAPITALISED_WORD.finditer(clause, first.end() if first else 0, m.start())):
        return False
    org = m.group("org") or m.group("abbr")  # "terecht bij DUO, telefonisch bereikbaar via": an abbreviation's
    if m.group("art") == "het" and m.group("rel") == "dat" and org[:1].isupper() and not _A_PERSON.search(org):
        return True  # "het Huis voor X, dat bereikbaar is op": a named body (a person takes no "het ..., dat")
    return bool(_DESK.match(org) or _ORG_NOUN.search(org) or re.search(r"\b(?:Center|Centre|Desk|Loket)\b", org))
