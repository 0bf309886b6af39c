"""Names that are part of an institution, a street, a prize, a ship or a building, not a person's."""
from __future__ import annotations

import re

from redaction.matchers._text import _HYPHENS
from redaction.matchers.unregistered import namedata as data
from redaction.matchers.unregistered import vocabulary as v

# a work or building named after a titled person: "het ir. D.F. Woudagemaal"; only endings no surname has
_ARTICLE_TITLE_BEFORE = re.compile(r"(?<!\w)[Hh]et\s+(?:dr|prof|mr|ir|ing)\.\s*$")
_WORK = re.compile(r"\w(?:gemaal|gemalen|tunnel|gebouw|paviljoen|ziekenhuis|lyceum|gymnasium|laboratorium|kazerne)$")
_NEXT_WORD = re.compile(r"(?:\s+|-)(\w+)")
_INSTITUTION_SUFFIX = re.compile(rf"(?s:.)(?:{'|'.join(v.NOT_SURNAME_SUFFIXES)})$")  # with a letter before it
_LOWER_TUSSEN_BEFORE = re.compile(r"(?<!\w)(?:van|de|den|der|ter|ten|te|het)\s+$")
_DOUBLE_WITH_TUSSEN = re.compile(rf"[\w'’][\-\u2010\u2011](?:{v.TUSSEN})\s")
_TUSSEN_OF_NAME = re.compile(r"(?:\b[Vv]an\s+(?:de[nr]?\s+|het\s+)?|\b[Tt]e[rn]\s+|\b[Vv]an\s+'t\s+)$")
_NAME_TAIL = re.compile(r"\.?(?:\s+(?:[A-Z]\.|[A-ZÀ-Ý][a-zà-ÿ]+)){1,3}\s+([A-ZÀ-Ý][a-zà-ÿ]+)")


# English nouns of an institution as the last word: "Wageningen Marine Research", "Erasmus Medical Centre" (no surname)
_ENGLISH_INSTITUTION = frozenset(["Research", "Institute", "Centre", "Center", "University", "Laboratory", "Labs",
                                  "Consultancy", "Partners", "Services", "Solutions", "Agency", "Authority", "Council"])
# a name and then more of the name with a building's or a street's ending: "de Generaal-majoor De Ruyter van
# Steveninckkazerne", "de Koningin Wilhelmina van Nassaulaan" (not "kapitein X van de Marinekazerne": an article there
# makes the building the person's post)
_REST_OF_A_NAME = re.compile(
    r"\s+(?:van|von|ter|ten)\s+[A-ZÀ-Ý]\w*(?:laan|straat|plein|kade|gracht|singel|dreef|kazerne|school|lyceum"
    r"|gymnasium|ziekenhuis|kliniek|zaal|museum|stadion|kanaal|sluizen|sluis|brug|tunnel|gemaal)(?!\w)"
)
# a work or a place named after a person: "dragen de naam van Hendrik Lorentz", "vernoemd naar Aletta Jacobs"
_NAMED_AFTER = re.compile(
    r"(?<!\w)(?:(?:draagt|dragen|droeg|droegen|kreeg|kregen|krijgt|krijgen)\s+(?:de|zijn|haar|hun)\s+naam\s+van"
    r"|(?:vernoemd|genoemd)\s+naar)(?:\s+(?:de|het))?(?:\s+(?P<noun>[a-zà-ÿ][\w\-]*))?\s+$"
)
# a noun between may describe the figure ("vernoemd naar sportpionier X", "naar de verzetsstrijder X"), a ministry's
# role noun never does ("vernoemd naar collega X": a civil servant)
_STAFF_ROLE = re.compile(rf"(?:{v._ROLE})")
# a historical figure's legacy or likeness, the full name written: "het kroonjuweel van Willem Drees", "het standbeeld
# van Johan de Witt", "het gedachtegoed van Aletta Jacobs" (no role noun or salutation between)
_LEGACY_OF = re.compile(
    r"(?<!\w)(?:standbeeld|borstbeeld|monument|graf|geboortehuis|portret|erfenis|nalatenschap|gedachtegoed"
    r"|kroonjuweel|ideeën|geest|traditie|voetspoor|voetsporen)\s+van\s+$"
)
# a numbered heading at a paragraph's start: "I. Onderwerpen op de Landbouw- en Visserijraad" (one line, no full stop,
# a preposition after the noun; not "I. Bouzerda" nor "I. Smit van de directie Wonen")
_HEADING_NUMBER = re.compile(r"(?:I|V|X)\.\s")
_HEADING_REST = re.compile(r"\s+(?:op|over|van|voor|in|bij|met|en|rond|inzake)\s+[^.;:,()\n]*(?=\s\s|\n|$)")
# or a heading line of its own, a lower-case word after the noun: "I. Geannoteerde agenda", "I. Verslag informele
# Raad" (a signature "I. Bouzerda" has none; a role noun or unit there stays a civil servant's: "I. Smit
# beleidsmedewerker")
_HEADING_LINE = re.compile(r" [a-zà-ÿ][^.;:,()\n]{0,80}?(?=\s\s|\n|$)")
# a finite verb makes the line a sentence whose stop is missing: "I. Bouzerda heeft de nota opgesteld"
_VERB = re.compile(r"(?<!\w)(?:heeft|hebben|had|is|zijn|was|waren|wordt|werd|worden|kan|kunnen|zal|zullen|moet|gaat"
                   r"|stelt|stelde|schreef|deed|meldt|meldde|zegt|zei|licht|lichtte|coördineert|leidt|leidde)(?!\w)")

_STAFF_WORD = re.compile(rf"(?:{v._ROLE})|(?i:directie|afdeling|ministerie|team|dienst|werkgroep|programma)")


def _numbered_heading(text: str, start: int, end: int, core: str) -> bool:
    if not _HEADING_NUMBER.match(text, start) or core in data.surnames() or core in data.first_names():
        return False
    if start > 0 and text[start - 1] != "\n" and text[max(0, start - 2) : start] != "  ":
        return False
    rest = _HEADING_REST.match(text, end) or _HEADING_LINE.match(text, end)
    return rest is not None and not _STAFF_WORD.search(rest.group()) and not _VERB.search(rest.group())


def looks_like_institution(
    text: str, start: int, end: int, core: str, *, person: bool = False, named: bool = False
) -> bool:
    """ "Stichting Willem Pompe", "Zr.Ms. Karel Doorman", "Johan de Wittlaan", "Anne Frank Huis". With `person` the
    form or the words around say a person ("Karel Baasbank, senior beleidsmedewerker"): the surname's ending makes no
    institution; nor does an institution word that is the surname itself after a lowercase tussenvoegsel ("Ruud van
    der Sluis") or, with `named`, after a given name or salutation ("Kees Sluis", "de heer Hof"). An institution word
    after the name, or one before it, still does."""
    if v.INSTITUTION_BEFORE.search(text[max(0, start - 30) : start]):
        return True
    if core in _ENGLISH_INSTITUTION or _REST_OF_A_NAME.match(text, end):
        return True
    named_after = _NAMED_AFTER.search(text, max(0, start - 40), start)
    if named_after and named_after.group("noun") and _STAFF_ROLE.fullmatch(named_after.group("noun")):
        named_after = None
    if (named_after or " " in text[start:end].strip() and _LEGACY_OF.search(
            text, max(0, start - 20), start)) and not _STAFF_WORD.search(text[end : end + 80].split(".")[0]):
        return True  # ("vernoemd naar X van de afdeling Y", "in de geest van X, onze projectleider": a civil servant)
    if _numbered_heading(text, start, end, core):
        return True
    if _WORK.search(core) and _ARTICLE_TITLE_BEFORE.search(text, max(0, start - 12), start):
        return True  # "het ir. D.F. Woudagemaal" ("Ik heb het ir. Wagenvoort gevraagd": "het" may be the pronoun)
    if _DOUBLE_WITH_TUSSEN.search(core):
        person = named = True  # "Schoonhoven-van der Laan": the word after the tussenvoegsel is a surname
    suffix = _INSTITUTION_SUFFIX.search(core.casefold()) is not None
    if suffix and not person:
        return True
    # after a tussenvoegsel the word is a surname: "Ilse van der Laan", "Van der Brug", "Ter Horst" (not "de Laan")
    of_name = _TUSSEN_OF_NAME.search(text, max(0, start), end - len(core)) or person and _LOWER_TUSSEN_BEFORE.search(
        text, max(0, end - len(core) - 12), end - len(core))
    if core in v.INSTITUTION_WORDS and not (named or of_name):
        return True  # "Louis Bolk Instituut"
    tail = _NAME_TAIL.match(text, end)  # "het Dr. Horacio E. Oduber Hospitaal": the name cut at an initial
    if tail and tail.group(1) in v.INSTITUTION_WORDS:
        return True
    after = _NEXT_WORD.match(text, end)
    if not after:
        return False
    word = after.group(1)
    compound = text[end : end + 1] in _HYPHENS and word.casefold().endswith(("lezing", "zaal", "prijs", "fonds"))
    return compound or word in v.INSTITUTION_WORDS or (word[:1].isupper() and word.casefold().endswith(
        (*v.NOT_SURNAME_SUFFIXES, "weg")))
