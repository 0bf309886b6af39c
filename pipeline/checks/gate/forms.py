"""The gate's forms: what must not be published, and how each form is recognised in extracted text."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from redaction.matchers import TUSSENVOEGSELS

REVIEW_MARKERS = ("LAKVOORSTEL", "NIET OPENBAAR")
NAME = "naam"
PARAAF = "paraaf"
EMAIL = "e-mailadres"
PHONE = "telefoonnummer"


@dataclass(frozen=True)
class Forbidden:
    """A text that must not appear: the original of a redaction, or a form of a redacted person's data.

    `case_sensitive` applies to the originals, e-mail addresses and numbers. Names and
    parafen follow their own case rules (see `_name_matcher` and `_paraaf_matcher`): a
    leak in capitals ("DE VRIES", set in a heading style) must not pass the gate.
    """

    text: str
    what: str
    case_sensitive: bool = True
    rule: str = ""                  # the contract's rule it breaks, in Dutch ("naam van een ambtenaar ...")
    sources: tuple[str, ...] = ()   # content file:line:col where the form was written, when known

    def describe(self) -> str:
        return f"{self.what} '{self.text}'"


# Characters Word and the web put inside words, and that no reader shows: soft hyphen,
# zero-width space / (non-)joiner, word joiner, BOM, and the bidi controls.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff"
                                    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Cyrillic and Greek letters that look like Latin ones: folded for matching, so "Оuwehand"
# with a Cyrillic O is the name a reader sees.
_LOOKALIKE = str.maketrans(
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0405\u0406\u0408"
    "\u0430\u0435\u043e\u0440\u0441\u0445\u0443\u0455\u0456\u0458\u0501\u04bb\u0432\u043a\u043c"
    "\u043d\u0442\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7"
    "\u03b1\u03bf\u03c1\u03bd\u03b9\u03ba\u03c4\u03c5\u03c7",
    "ABEKMHOPCTXYSIJaeopcxysijdhBKMHTABEZHIKMNOPTYXaopvikTuX",
)
_DASHES = str.maketrans(dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"), "-"))
_FOLD = {**_INVISIBLE, **_LOOKALIKE, **_DASHES}


def normalise(text: str) -> str:
    """NFKC, invisible characters out, look-alike letters and dashes folded, hyphenation at line
    ends undone, every run of white space one space: the text as a reader reads it."""
    if not text.isascii():
        if _BEYOND_LATIN1.search(text) is None:
            # Latin-1 only (a stream read as latin-1): NFKC and the folding in one pass, character by
            # character, as both are there (tests/test_gate_normalise.py); three times faster
            text = _LATIN1_FOLDED.sub(_latin1_char, text)
        else:
            if not unicodedata.is_normalized("NFKC", text):  # (the check is a hundred times faster)
                text = unicodedata.normalize("NFKC", text)
            text = _FOLDED.sub(_fold_char, text)  # str.translate looks up every character: ten times slower
    if _LINE_END_HYPHEN.search(text):
        text = _HYPHENATED.sub(r"\1\2", text)
    # every run of white space one space, as re.sub(r"\s+", " ", text) but four times faster on a long
    # text: str.split's white space is re's \s (str.isspace, tests/test_gate_normalise.py)
    out = " ".join(text.split())
    if not out:
        return " " if text else text
    return (" " if text[0].isspace() else "") + out + (" " if text[-1].isspace() else "")


_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_FOLD_CHARS = {chr(c): chr(v) if isinstance(v, int) else (v or "") for c, v in _FOLD.items()}


def _fold_char(m: re.Match[str]) -> str:
    return _FOLD_CHARS[m.group()]


# NFKC of a text of Latin-1 characters is that of each character: none of them is a combining mark
# and none composes with a neighbour (NBSP -> " ", "\u00b4" -> " \u0301", "\u00bd" -> "1\u20442", ...;
# proved over every character, pair and triple in tests/test_gate_normalise.py). Each followed by
# the folding above (the soft hyphen out), as normalise() does to any text.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
_LATIN1_CHARS = {ch: out for ch in map(chr, range(0x100))
                 if (out := _FOLDED.sub(_fold_char, unicodedata.normalize("NFKC", ch))) != ch}
_LATIN1_FOLDED = re.compile("[" + "".join(re.escape(ch) for ch in _LATIN1_CHARS) + "]")


def _latin1_char(m: re.Match[str]) -> str:
    return _LATIN1_CHARS[m.group()]

_LINE_END_HYPHEN = re.compile(r"-\s*\n")
_HYPHENATED = re.compile(r"(\w)-\s*\n\s*(\w)")


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


@functools.lru_cache(maxsize=64)  # every form of a dossier is matched against the same few long texts
def fold_accents(text: str) -> str:
    """Letters without their diacritics ("Öztürk" -> "Ozturk"), as slugs, URLs and file names write them."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


_AT = re.compile(r"\s*(?:\[at\]|\(at\)|\{at\}|\s@\s|@)\s*", re.IGNORECASE)
_DOT = re.compile(r"\s*(?:\[dot\]|\(dot\)|\{dot\})\s*", re.IGNORECASE)


@functools.lru_cache(maxsize=64)  # (the texts are immutable, the result a tuple)
def variants(text: str) -> tuple[str, ...]:
    """The text, and its percent-decoded and e-mail-unmasked readings ("%40", "[at]", " @ ")."""
    out = [text]
    if "%" in text:
        out.append(normalise(unquote(text)))
    unmasked = _DOT.sub(".", _AT.sub("@", text))
    if unmasked != text:
        out.append(unmasked)
    return tuple(out)


def searchable(text: str) -> str:
    """Every reading of text (variants) without accents and casefolded: where an anchor() is looked for.

    A form that matches any reading of text has its anchor in this, so a form whose anchor is
    not in it cannot match text and its patterns need not run.
    """
    return "\n".join(fold_accents(v).casefold() for v in variants(text))


def _key(f: Forbidden) -> Forbidden:
    """f without its rule and sources, which no pattern looks at: the key of the caches below. Every
    dossier naming the same people brings the same forms with its own sources; keyed on the whole
    form, each dossier compiled them again and the caches filled with copies."""
    return Forbidden(f.text, f.what, f.case_sensitive) if f.rule or f.sources else f


def _pattern(f: Forbidden) -> re.Pattern[str]:
    return _pattern_of(_key(f))


@functools.lru_cache(maxsize=8192)
def _pattern_of(f: Forbidden) -> re.Pattern[str]:
    words = normalise(f.text).strip().split(" ")
    body = r"\s*".join(re.escape(w) for w in words)  # white space between words may vanish or change
    flags = 0 if f.case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


def _email_matcher(f: Forbidden) -> Matcher:
    """An e-mail address in any case, with white space round "@" and "." ("j.x @ minezk.nl")."""
    local, _, domain = normalise(f.text).strip().partition("@")
    parts = [re.escape(p) for p in local.split(".")]
    body = r"\s*\.\s*".join(parts) + r"\s*@\s*" + r"\s*\.\s*".join(re.escape(p) for p in domain.split("."))
    rx = re.compile(rf"(?<![\w.]){body}(?!\w)", re.IGNORECASE)
    return lambda text: any(rx.search(v) for v in variants(text))


# --------------------------------------------------------------------------- names and parafen in any case
#
# Names. Every form of a name is matched in any case, as whole words, with any white
# space (or none) between words, hyphen and apostrophe variants, and ß = ss: "DE VRIES",
# "J. DE VRIES", "Van Den Berg", "jansen-de groot" and "a.b.devries" (an e-mail-like
# form) all stop the build. One exception, the reading the redaction itself makes: a
# surname on its own (tussenvoegsels + one word: "Visser", "de Lange", "Groen") whose
# first letter stands in lower case is the ordinary Dutch word ("een visser", "op de
# lange termijn", "groen gas"); the redaction leaves it, so reporting it would stop
# every build that redacts a Groen and mentions green gas, with nothing anybody could
# fix. It is still reported where it can only be the name: glued to its tussenvoegsel
# ("devries"), in an e-mail-like token ("l.visser", "visser@..."), or after a salutation,
# title, "collega" or an initial ("mevrouw groen", "dr. de lange", "k. visser").
#
# Parafen, always as a whole word. One of four or more letters in mixed case ("PvdB",
# "MJdG") is matched in any case: "PVDB" in a capitals style is the paraaf and no word
# or acronym looks like it. Shorter or single-case parafen are matched in their exact
# case: in any case "LV", "DE", "EN", "AAN" would be "de", "en", "aan", and three-letter
# ones would be the acronyms every nota uses ("RvO" = RVO, "AvG" = AVG, "MvT" = MVT).
# The redaction itself takes a paraaf in its exact case only.
#
# Both rules apply to the text layers and to text a reader can see in the file
# (strings, XMP). In other streams (content operators such as BDC, font programs, ICC
# profiles) every form is compared in its exact case, as before: there a short form in
# any case hits operator names and random bytes.

_HYPHENS = "-\u2010\u2011\u2012\u2013"
_APOSTROPHES = "'\u2019\u2018`\u00b4"
_NAME_CONTEXT = re.compile(
    r"(?:(?<!\w)(?:mevrouw|mevr|mw|mej|meneer|heer|dhr|hr|prof|drs|dr|mr|ir|ing|ds|collega)\.?"
    r"|(?<![\w.])[^\W\d_]\.)\s*$",
    re.IGNORECASE,
)

Matcher = Callable[[str], bool]


def _fold(word: str) -> str:
    for ch in _APOSTROPHES[1:]:
        word = word.replace(ch, "'")
    return word.casefold()


def _caseless_char(ch: str) -> str:
    if ch in _HYPHENS:
        return f"[{_HYPHENS}]?\\s*"  # a line-end hyphen may have been joined away
    if ch in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    if ch == ".":
        return r"\.\s*"  # "A.B." or "A. B."
    variants = dict.fromkeys([ch, ch.lower(), ch.upper(), ch.casefold()])
    return "(?:" + "|".join(re.escape(v) for v in variants) + ")" if len(variants) > 1 else re.escape(ch)


def _caseless_word(word: str) -> str:
    return "".join(_caseless_char(c) for c in word)


# Word boundaries that are letters only: "_", digits and "." separate a name as well
# ("notitie_ouwehand_v2.docx"). Between the words of a name any separator a slug, an
# e-mail local part or a file name uses, or none ("joost-ouwehand", "joost.ouwehand").
_B = r"(?<![^\W\d_])"
_E = r"(?![^\W\d_])"
_SEP = r"[\s\-_.+]*"
_PATHLIKE = re.compile(r"[/\\_@%=]|\.[^\W\d_]|://")


def _in_path(text: str, start: int, end: int) -> bool:
    """The match stands in a URL, a path, a file name or an e-mail address: there a name has no case."""
    left = re.compile(r"\S*$").search(text, 0, start)
    right = re.compile(r"\S*").match(text, end)
    token = (left.group() if left else "") + (right.group() if right else "")
    return _PATHLIKE.search(token) is not None


def _email_like(text: str, start: int, end: int) -> bool:
    """The match stands in an e-mail local part, or after "l." / "a.b." / "anne_" glued to it."""
    token_end = re.compile(r"\S*").match(text, end)
    if token_end and "@" in token_end.group():
        return True
    return start >= 2 and text[start - 1] in "._" and text[start - 2].isalpha()


def _name_matcher(form: str) -> Matcher:
    words = normalise(form).strip().split(" ")
    tussen, core = words[:-1], words[-1]
    if not (core.isalpha() and all(_fold(w) in TUSSENVOEGSELS for w in tussen)):
        # initials, a given name, a title or a double surname: a name in any case
        rx = re.compile(_B + _SEP.join(_caseless_word(w) for w in words) + _E, re.IGNORECASE)
        return lambda text: rx.search(text) is not None
    lead = "".join(_caseless_word(w) + (_SEP if i < len(tussen) - 1 else "") for i, w in enumerate(tussen))
    body = (lead + r"(?P<gap>[\s\-_.]*)" if tussen else "") + f"(?P<core>{_caseless_char(core[0])})"
    # the genitive and possessive ("Ouwehands voorstel", "De Vries' nota") of the capitalised name
    rx = re.compile(_B + body + _caseless_word(core[1:]) + r"(?P<gen>'?s|')?" + _E, re.IGNORECASE)

    def found(text: str) -> bool:
        for m in rx.finditer(text):
            if not m.group("core").islower():
                return True  # "Visser", "VISSER", "de VRIES": the name, as the redaction reads it
            if m.group("gen"):
                continue  # "vissers": a lower-case word with an s, not a genitive
            if tussen and not m.group("gap"):
                return True  # "devries"
            before = text[max(0, m.start() - 40) : m.start()]
            if _email_like(text, m.start(), m.end()) or _NAME_CONTEXT.search(before) \
                    or _in_path(text, m.start(), m.end()):
                return True
        return False

    return found


def _paraaf_matcher(paraaf: str) -> Matcher:
    text = normalise(paraaf).strip()
    letters = [c for c in text if c.isalpha()]
    mixed = any(c.isupper() for c in letters) and any(c.islower() for c in letters)
    flags = re.IGNORECASE if mixed and len(letters) >= 4 else 0
    rx = re.compile(r"(?<!\w)" + r"\s*".join(re.escape(w) for w in text.split(" ")) + r"(?!\w)", flags)
    return lambda t: rx.search(t) is not None


def matcher(f: Forbidden) -> Matcher:
    """Whether f occurs in a (normalised) text a reader can see: the rules above for names and parafen."""
    return _matcher_of(_key(f))


@functools.lru_cache(maxsize=8192)  # a dossier's forms, matched in each of its PDFs and files
def _matcher_of(f: Forbidden) -> Matcher:
    return _Lazy(functools.partial(_build_matcher, f))


class _Lazy:
    """A matcher whose patterns are compiled at its first call: most forms are looked for only where
    their anchor stands, and a redacted name's anchor is in no public file, so their patterns never
    ran and compiling them was most of the gate's cost of regular expressions."""

    __slots__ = ("_build", "_found")

    def __init__(self, build: Callable[[], Matcher]) -> None:
        self._build = build
        self._found: Matcher | None = None

    def __call__(self, text: str) -> bool:
        found = self._found
        if found is None:  # (two threads may both build it: the same matcher, one of them kept)
            found = self._found = self._build()
        return found(text)


def _build_matcher(f: Forbidden) -> Matcher:
    if f.what == NAME:
        name = _name_matcher(f.text)
        folded = fold_accents(f.text)
        if folded == f.text:
            return lambda text: any(name(v) for v in variants(text))
        # "selin-ozturk" in a folder name or URL is Öztürk with its accents dropped
        bare = _name_matcher(folded)
        return lambda text: any(name(v) or bare(fold_accents(v)) for v in variants(text))
    if f.what == PARAAF:
        return _paraaf_matcher(f.text)
    if f.what == EMAIL and "@" in f.text:
        return _email_matcher(f)
    rx = _pattern(f)
    if f.what == PHONE and len(digits(f.text)) >= 9:
        tail = digits(f.text)[-9:]
        return lambda text: rx.search(text) is not None or tail in digits(text)
    return lambda text: rx.search(text) is not None


_NOT_DIGIT = re.compile(r"\D+")


def digits(text: str) -> str:
    """Every decimal digit of text, full-width and other scripts' digits as 0-9."""
    found = _NOT_DIGIT.sub("", text)
    return found if found.isascii() else "".join(str(unicodedata.digit(c)) for c in found)


def anchor(f: Forbidden) -> str:
    """A text every match of f contains, casefolded: its longest run of letters ("" if none).

    Each pattern matches the letters of a run one after the other (in some case, never
    with anything in between), and casefolding maps every case variant of a letter to the
    same text; so a text whose casefolded form lacks the anchor cannot match, and the
    costly patterns run only where it is present.
    """
    return _anchor_of(f.text)


@functools.lru_cache(maxsize=8192)
def _anchor_of(text: str) -> str:
    runs = re.findall(r"[^\W\d_]+", fold_accents(normalise(text)))
    return max(runs, key=len, default="").casefold()


def exact_anchor(f: Forbidden) -> str:
    """anchor(f) for its exact pattern (_pattern, in streams that are not text): for a form without
    letters (a phone number) its longest run of digits, which that pattern matches as written."""
    return anchor(f) or max(re.findall(r"\d+", normalise(f.text)), key=len, default="")
