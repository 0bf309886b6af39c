"""Members of parliament told by parliamentary texts: who speaks for the Kamer, and members in a committee's report.

"heeft de Kamer bij monde van de heer X verzocht": X speaks for the Kamer, a member. In a report of the Kamer's own
proceedings ("VERSLAG VAN EEN ALGEMEEN OVERLEG", "Aanwezig zijn acht leden der Kamer, te weten: ...", or Handelingen
and transcripts told by their speaker turns: "De voorzitter:", "Minister Koolmees:", "De heer X (CDA):") "De heer X
heeft zich afgemeld" names a member when the register of public office holders (public_people, ParlaMint) knows a
member of that surname; so does "mevrouw Agnes Mulder" when the register knows her by that given name, and "mijn collega
Joost Sneller", "collega Omtzigt", "de collega's X en Y" (members call each other so; in a letter "collega" names a
civil servant, and an organisation after the name, "collega X van de NVWA", keeps one). A civil servant named there
is the minister's support ("bijgestaan door de heer X"), a civil-servant cue in the sentence keeps the colleague one,
and a role noun or unit anywhere in the dossier keeps the surname a civil servant's (the caller's check). A party
label names a politician: "SP, Van Dijk, J.J." heading a question in written answers, and a surname of two words
before the label ("de heer Van Haersma Buma (CDA)", the candidate cut at "Van Haersma"). In any text, a member the
register knows is public when named by an act in a debate ("Tijdens het commissiedebat vroeg de heer X"), as "Tweede
Kamerlid", or as a parliamentary group's spokesman ("VVD-woordvoerder X", "de woordvoerder van de CDA-fractie, de heer
X"), unless the sentence holds a civil-servant cue or a contact line.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from redaction.matchers.names import _fold
from redaction.matchers.public_people import holder_named, holders_with_surname
from redaction.matchers.unregistered import vocabulary as v
from redaction.matchers.unregistered.name_keys import given_initial, surname_key
from redaction.matchers.unregistered.offices import internal_body, sentence_before, unit_or_internal
from redaction.matchers.unregistered.person_names import Candidate
from redaction.matchers.unregistered.public import _name_spans

_BY_MOUTH = re.compile(r"(?<!\w)bij\s+monde\s+van\s+")
# who the speaker speaks for: the Kamer, a chamber, a parliamentary group or committee (not "het ministerie")
_PARLIAMENT = re.compile(
    r"(?<![\w-])(?:(?:Tweede|Eerste)\s+)?Kamer(?!\w)|Senaat|Staten-Generaal|\w*[Ff]ractie|Kamercommissie"
    rf"|vaste\s+commissie|commissie\s+voor\s+[{v.UPPER}]"
)
# (a committee debate's report, since 2021: "VERSLAG VAN EEN COMMISSIEDEBAT", "Verslag van een commissiedebat")
_PROCEEDINGS = re.compile(
    r"VERSLAG VAN EEN [A-Z]*\s?OVERLEG|leden der Kamer, te weten|(?i:verslag\s+van\s+een\s+commissiedebat)"
)
_SALUTED = re.compile(rf"(?:{v._SALUTATION})\s+$")
_PARTY = "|".join(re.escape(p) for p in sorted(v.PARTIES, key=len, reverse=True))
_SPEAKER = rf"(?:(?:{v.CAP_TUSSEN}|{v.TUSSEN})\s+)*[{v.UPPER}][\w'’\-]*(?:\s+[{v.UPPER}][\w'’\-]*)?"
# a speaker turn opens a paragraph (the folded text has two spaces for a paragraph break): "De voorzitter:",
# "Minister Koolmees:", "Staatssecretaris Van Rijn:", "De heer Snels (GroenLinks): Kan de minister ...", "Mevrouw Van
# Brenk (50PLUS):"; a member's turn carries the party label
# (the two spaces lead the pattern: a literal prefix the regex engine skips to, the text's start is matched apart)
_TURN = re.compile(
    rf"\s\s(?:(?P<chair>De\s+voorzitter)|(?:Minister(?:-president)?|Staatssecretaris)\s+{_SPEAKER}"
    rf"|(?P<member>(?:De\s+heer|Mevrouw)\s+(?:[{v.UPPER}][\w'’\-]*\s+)?{_SPEAKER}\s+\((?:{_PARTY})\)))\s*:(?=\s)"
)


@lru_cache(maxsize=4)  # the header and member checks ask about the same text in turn
def in_proceedings(text: str) -> bool:
    """A report of the Kamer's proceedings: its heading or members' list, or two speakers' turns one of which is the
    chair's or a member's (Handelingen, the transcript of a committee debate; a letter listing what two ministers
    said, "Minister X: ... Minister Y: ...", is none, nor are minutes where only a chair speaks)."""
    return bool(_PROCEEDINGS.search(text)) or _two_turns(text) or _member_speaks(text)


# one member's turn with the marks only the Handelingen print: a speech that opens by addressing the chair, or the
# heading of the item ("Aan de orde is het debat ...  De heer Slob (ChristenUnie):  Voorzitter. Wij spreken ...")
_MEMBER_TURN = re.compile(
    rf"\s\s(?:De\s+heer|Mevrouw)\s+(?:[{v.UPPER}][\w'’\-]*\s+)?{_SPEAKER}\s+\((?:{_PARTY})\)\s*:\s"
)
_HANDELINGEN_MARK = re.compile(r"\s\s(?:Voorzitter[.,!]\s|Aan\s+de\s+orde\s+(?:is|zijn)\s)")


def _member_speaks(text: str) -> bool:
    return bool(_MEMBER_TURN.search("  " + text)) and bool(_HANDELINGEN_MARK.search("  " + text))


def _two_turns(text: str) -> bool:
    speakers: set[str] = set()
    chamber = False
    for m in _TURN.finditer("  " + text):
        speakers.add(" ".join(m.group().split()))
        chamber = chamber or bool(m.group("chair") or m.group("member"))
        if chamber and len(speakers) > 1:
            return True
    return False


# "ter ondersteuning van mevrouw X" backs a member's argument: no support by staff ("ter ondersteuning van de minister"
# is)
_BACKING = r"ter\s+ondersteuning(?!\s+van\s+(?:mevrouw|de\s+heer|het\s+lid)\s)"
# the minister's support in the proceedings are civil servants
_ASSISTED = re.compile(
    r"(?i:bijgestaan|ondersteund|vergezeld|(?<!ter\s)ondersteuning|ambtena|ambtelijk|toelicht|technisch"
    rf"|{_BACKING}"
    r"|(?:namens|van|bij)\s+(?:het|de)\s+(?:ministerie|departement|directie|dienst|afdeling))"
)


_SENTENCE_END = re.compile(r"[.;:!?\n]")


def _sentence_of(text: str, start: int, end: int) -> str:
    after = _SENTENCE_END.search(text, end, min(len(text), end + 160))
    return sentence_before(text, start, 120) + text[start : after.start() if after else min(len(text), end + 160)]


def spokesman_surnames(text: str) -> dict[str, set[str]]:
    """ "de Kamer bij monde van de heer Asscher", "de VVD-fractie bij monde van mevrouw X": the speaker's surname."""
    out: dict[str, set[str]] = {}
    for m in _BY_MOUTH.finditer(text):
        before = sentence_before(text, m.start(), 80)
        if not _PARLIAMENT.search(before) or internal_body(text, m.start()):
            continue
        for name in _name_spans(text, m.end()):
            core = name.group("core")
            for key in (_fold(core.split("-")[-1]), _fold(core)):
                out.setdefault(key, set()).add(given_initial(name.group()))
    return out


# the committee's chair and clerk in the header of a report of proceedings: "Voorzitter: Van Gent  Griffier: Post"
_HEADER = re.compile(r"(?<![\w-])(?:Voorzitter|Ondervoorzitter|Griffier|Adjunct-griffier)\s*:\s*")


def header_surnames(text: str) -> dict[str, set[str]]:
    """In a report of parliamentary proceedings, the names in its header lines "Voorzitter: X" and "Griffier: Y"."""
    if not in_proceedings(text):
        return {}
    out: dict[str, set[str]] = {}
    for m in _HEADER.finditer(text):
        for name in _name_spans(text, m.end())[:1]:
            core = name.group("core")
            for key in (_fold(core.split("-")[-1]), _fold(core)):
                out.setdefault(key, set()).add(given_initial(name.group()))
    return out


# the speaker's colleague, as members call each other in a debate: "mijn collega Joost Sneller", "collega Omtzigt",
# "onze gewaardeerde collega de heer X", "de collega's Omtzigt en Van Dijk" (not "oud-collega": a former colleague)
_COLLEAGUE = re.compile(
    rf"(?<![\w\-])(?:(?:[Mm]ijn|[Oo]nze|[Dd]e)\s+(?:[{v.LOWER}]+\s+)?)?[Cc]ollega(?P<many>['’]s)?\s+"
    rf"(?:(?:{v._SALUTATION})\s+)?$"
)
_NEXT_IN_LIST = re.compile(rf"\s*(?:,|\ben\b)\s*(?:(?:{v._SALUTATION})\s+)?")
# what ties a colleague to the ministry in the sentence: a role noun, a unit or an internal body, contact data
_CONTACT = re.compile(r"@|\d{2,}[\s\-]?\d{2,}")
# a contact line: someone to turn to is no member ("Voor vragen kunt u terecht bij collega X", "contactpersoon")
_CONTACT_LINE = re.compile(
    r"(?i:terecht\s+bij|contact\s+op|contact\s+opnemen|bereikbaar|inlichtingen|contactpersoon|aanspreekpunt"
    r"|e-?mail|telefo|bellen|mailen)"
)
# a colleague's organisation or post after the name: "mijn collega X van de NVWA / van Financiën / (BZK) / bij DGBK"
# (the party label is a member's: "mijn collega X (D66)")
_TIED_AFTER = re.compile(rf"\s*(?:\((?!(?:{_PARTY})\))|(?:van|bij|uit|namens|binnen)\s)")


# the speaker's own staff and the minister's support: "de heer X van mijn ministerie", "mevrouw X van mijn staf",
# "namens mij voorbereid", "X, die de minister ondersteunt", "De heer X licht de cijfers toe", "geeft een presentatie"
_OWN_STAFF = re.compile(
    r"(?i:(?<!\w)(?:mijn|ons|onze)\s+(?:ministerie|departement|staf|team|directie|dienst|afdeling|medewerkers?"
    rf"|mensen|ambtenaren|organisatie)(?!\w)|namens\s+mij(?!\w)|(?<!ter\s)ondersteun|{_BACKING}|bijsta(?:at|an)(?!\w)"
    r"|(?<!\w)licht\w*\s+(?:[\w\-]+\s+){0,4}toe(?!\w)|presentatie)"
)


def _civil_cue(sentence: str) -> bool:
    return bool(_ASSISTED.search(sentence) or v.ROLE_WORD.search(sentence) or unit_or_internal(sentence)
                or _CONTACT.search(sentence) or _OWN_STAFF.search(sentence))


def _registered_initials(written: str) -> set[str]:
    """The initials of the register's holders a mention may name: a full name the register knows so ("Agnes Mulder"),
    or every holder of a bare surname ("Van Dijk"); none when the register knows nobody so."""
    initial = given_initial(written)
    if initial:
        return {initial} if holder_named(written, by_initials=True) else set()
    return {h.voornaam[:1] for h in holders_with_surname(written) if h.voornaam}


def member_surnames(text: str, names: Sequence[Candidate]) -> tuple[dict[str, set[str]], frozenset[int]]:
    """In a report of parliamentary proceedings, a salutation and a bare surname ("De heer Van Otterloo heeft zich
    afgemeld") that the register of office holders knows, with the initial of the holder's given name (so a namesake
    with another given name stays a finding); a salutation and a full name the register knows so ("mevrouw Agnes
    Mulder"); the speaker's colleague ("mijn collega Joost Sneller"). Also the starts of the colleague mentions: their
    "collega" is no civil servant's role noun (the caller's check)."""
    if not in_proceedings(text):
        return {}, frozenset()
    out: dict[str, set[str]] = {}
    colleagues: set[int] = set()
    listed: re.Match[str] | None = None  # "de collega's X en Y": Y is a colleague too
    prev_end = -1
    for c in sorted(names, key=lambda c: c.start):
        colleague = _COLLEAGUE.search(text, max(0, c.start - 50), c.start) if text.find(
            "ollega", max(0, c.start - 50), c.start) >= 0 else None
        if colleague is None and listed and _NEXT_IN_LIST.fullmatch(text, prev_end, c.start):
            colleague = listed
        listed = colleague if colleague and colleague.group("many") else None
        prev_end = c.end
        if not colleague and not _SALUTED.search(text, max(0, c.start - 20), c.start):
            continue
        sentence = _sentence_of(text, c.start, c.end)
        if _CONTACT_LINE.search(sentence) or not colleague and _civil_cue(sentence):
            continue  # "De Minister wordt bijgestaan door de heer X", "de heer X, die namens het ministerie toelicht",
            # "Ik dank de heer X, mijn adviseur", "Voor vragen kunt u terecht bij collega X"
        after = _SENTENCE_END.search(text, c.end, min(len(text), c.end + 160))
        if colleague and (_TIED_AFTER.match(text, c.end) or _civil_cue(
                sentence_before(text, colleague.start(), 120) + text[c.end : after.start() if after else c.end + 160])):
            continue  # "mijn collega Van Dijk van de directie Begrotingszaken", "onze collega, beleidsmedewerker ..."
        found = _registered_initials(text[c.start : c.end])
        bare = not given_initial(text[c.start : c.end])
        if not found and not colleague and bare and _SPEECH_AFTER.match(text, c.end):
            found = {""}  # "Ik dacht dat de heer Aptroot zei: ...": in the proceedings only members and ministers speak
        if found:
            out.setdefault(c.key, set()).update(found)
            if colleague:
                colleagues.add(c.start)
    return out, frozenset(colleagues)


# what a member did in the debate, said right after the saluted surname ("de heer X zei", "mevrouw X vroeg", "de heer X
# heeft terecht gezegd"; the minister's support is said otherwise: "bijgestaan door", "licht toe")
_SPEECH_AFTER = re.compile(
    r"\s+(?:zei|zegt|zeggen|sprak|vroeg|vraagt|betoogde|betoogt|merkte|pleitte|pleit|suggereerde|opperde|verwees"
    r"|interrumpeerde|heeft\s+(?:net\s+|zojuist\s+|al\s+|terecht\s+|eerder\s+)?(?:gezegd|gevraagd|betoogd|opgemerkt"
    r"|aangegeven|gepleit))(?!\w)"
)


# "50PLUS, Klein, N.P.M." / "SP, Van Dijk, J.J. Vraag: ...": the member who asked, heading the answer
_PARTY_LIST = re.compile(
    rf"\s(?=\s(?:{_PARTY}) ?, ?(?P<name>(?:{v.CAP_TUSSEN} )?[{v.UPPER}][\w'’\-]*"
    rf"(?: [{v.UPPER}][\w'’\-]*)?) ?, ?(?P<init>{v.INITIALS}))"  # a lookahead: the next item's break stays
)
# the rest of a two-word surname and the party label: "Van Haersma| Buma (CDA)"
_PARTY_AFTER = re.compile(rf" [{v.UPPER}][\w'’\-]* ?\((?:{_PARTY})\)")  # one space: no paragraph break between


def party_surnames(text: str, names: Sequence[Candidate]) -> dict[str, set[str]]:
    """Members named with their party label: "SP, Van Dijk, J.J." in a list of questions by party, and a surname of
    two words cut short before the label ("de heer Van Haersma Buma (CDA)"; "Jansen (CDA)" itself is public.py's)."""
    out: dict[str, set[str]] = {}
    for m in _PARTY_LIST.finditer("  " + text):  # offsets are not used
        name = m.group("name")
        for key in (surname_key(name), _fold(name.split()[-1])):
            out.setdefault(key, set()).add(m.group("init")[:1])
    for c in names:
        if _PARTY_AFTER.match(text, c.end):
            out.setdefault(c.key, set()).add(given_initial(text[c.start : c.end]))
    return out


# a member named in a letter by a parliamentary act in a debate: "Tijdens het commissiedebat van 12 maart vroeg de heer
# X naar ...", "de toezegging aan mevrouw X in het notaoverleg"; both the debate and the act, so that "het debat werd
# voorbereid door mevrouw X" (a civil servant) stays a finding
_DEBATE = re.compile(
    r"(?i:(?<!\w)(?:commissie|plenair|plenaire\s+|kamer)?debat(?:ten)?\b|algemeen\s+overleg|notaoverleg"
    r"|wetgevingsoverleg|vragenuur|begrotingsbehandeling|plenaire\s+behandeling|(?:eerste|tweede)\s+termijn)"
)
_ACT = re.compile(
    r"(?i:(?<!\w)(?:vroeg|vroegen|vraagt|gevraagd|vragen\s+van|stelde|gesteld\s+door|diende|ingediend|toegezegd"
    r"|toezegging|zegde|verzoek\s+van|inbreng\s+van|interruptie|betoogde|opmerking\s+van)(?!\w))"
)
# "de heer X, Tweede Kamerlid voor het CDA", "mevrouw X, lid van de Eerste Kamer" (the title "lid van" is public.py's)
_MEMBER_AFTER = re.compile(r",\s+(?:oud-|voormalig\s+)?(?:Tweede|Eerste)[\s\-]+[Kk]amerlid(?![\w\-])")


def debate_surnames(text: str, names: Sequence[Candidate]) -> dict[str, set[str]]:
    """Members a letter names by what they did in a debate, with a salutation, and those called "Tweede Kamerlid"
    after the name; the register of office holders must know the surname (and the given name, when one is written),
    and no civil-servant cue may stand in the sentence (support, a role noun, unit, internal body or contact line)."""
    out: dict[str, set[str]] = {}
    for c in names:
        member = _MEMBER_AFTER.match(text, c.end)
        if not member and not _SALUTED.search(text, max(0, c.start - 20), c.start):
            continue
        sentence = _sentence_of(text, c.start, c.end)
        if not member and not (_DEBATE.search(sentence) and _ACT.search(sentence)):
            continue
        if _CONTACT_LINE.search(sentence) or _civil_cue(sentence):
            continue  # "Tijdens het debat vroeg mijn beleidsmedewerker, de heer X, ...", "de heer X van de directie"
        found = _registered_initials(text[c.start : c.end])
        if found:
            out.setdefault(c.key, set()).update(found)
    return out


# a parliamentary group's spokesman or member by its label: "VVD-woordvoerder Tielen", "CDA-Kamerlid X", "de
# woordvoerder van de VVD-fractie, mevrouw X", "mevrouw X, woordvoerder namens de SP" (a ministry's, "BZK-woordvoerder",
# or the minister's, "de woordvoerder van de minister", stays a civil servant)
_GROUP = (rf"(?:de\s+|het\s+)?(?:(?:{_PARTY})[\-\u2010\u2011]?fractie|fractie\s+van\s+(?:de\s+|het\s+)?(?:{_PARTY})"
          rf"|(?:{_PARTY})(?![\w\-]))")
_SPOKESMAN = r"(?:woordvoerder|woordvoerster)"
_GROUP_BEFORE = re.compile(
    rf"(?<![\w\-])(?:(?:{_PARTY})[\-\u2010\u2011](?:{_SPOKESMAN}|[Kk]amerlid|fractievoorzitter|senator)"
    rf"|{_SPOKESMAN}\s+(?:van|namens)\s+{_GROUP})\s*,?\s*(?:(?:{v._SALUTATION})\s+)?$"
)
_GROUP_AFTER = re.compile(rf",\s+(?:de\s+)?{_SPOKESMAN}\s+(?:van|namens)\s+{_GROUP}")


def group_members(text: str, names: Sequence[Candidate]) -> tuple[dict[str, set[str]], frozenset[int]]:
    """Members named as their parliamentary group's spokesman or member, when the register of office holders knows
    them and the sentence holds no other civil-servant cue; also the starts of these mentions, whose "woordvoerder" is
    no civil servant's role noun (the caller's check)."""
    out: dict[str, set[str]] = {}
    starts: set[int] = set()
    for c in names:
        before = _GROUP_BEFORE.search(text, max(0, c.start - 80), c.start)
        after = None if before else _GROUP_AFTER.match(text, c.end)
        if not before and not after or before and _TIED_AFTER.match(text, c.end):
            continue  # "VVD-woordvoerder X (BZK)", "... X van de NVWA"
        end = _SENTENCE_END.search(text, c.end, min(len(text), c.end + 160))
        rest = text[after.end() if after else c.end : end.start() if end else c.end + 160]
        if _CONTACT_LINE.search(rest) or _civil_cue(sentence_before(text, before.start() if before else c.start, 120)
                                                    + rest):
            continue  # "VVD-woordvoerder Tielen, beleidsmedewerker van ...", "... is bereikbaar via"
        found = _registered_initials(text[c.start : c.end])
        if found:
            out.setdefault(c.key, set()).update(found)
            starts.add(c.start)
    return out, frozenset(starts)
