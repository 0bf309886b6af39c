"""Text as read from content: checks at load time and the one normalisation every matcher uses."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Diagnostic

# --------------------------------------------------------------------------- the matching form
#
# What is printed is the text as the writer typed it. What the redaction matches on is the
# text as a reader takes it in, so that a name or number pasted from Word or e-mail is the
# same name or number: NFKC (composed diacritics, full-width letters and digits, ligatures),
# invisible characters removed (soft hyphen, zero-width space / joiner / non-joiner, word
# joiner, BOM, direction marks), every kind of space one space, every kind of dash "-",
# every kind of apostrophe "'", any decimal digit an ASCII digit, and Cyrillic or Greek
# letters that look like Latin ones read as those Latin letters. Each character of the
# matching form maps back to the characters of the typed text it came from, so a hit
# redacts exactly (and all of) what the writer typed.

_APOSTROPHES = "\u2019\u2018\u201b\u02bc\u02bb\u2032\u00b4`\uff07"
_DASHES = "\u2212\u2043\ufe63\uff0d"
# Cyrillic and Greek letters a reader cannot tell from Latin ones (Unicode confusables).
_LOOKALIKE_FROM = "АВЕЅІЈКМНОРСТХУаеіјорсухһԁԛԝѕΑΒΕΖΗΙΚΜΝΟΡΤΥΧοϲνρ"
_LOOKALIKE = str.maketrans(dict(zip(_LOOKALIKE_FROM, "ABESIJKMHOPCTXYaeijopcyxhdqwsABEZHIKMNOPTYXocvp", strict=True)))


_ASCII = {ord(c): " " for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"} | {ord("`"): "'"}


@dataclass(frozen=True)
class Folded:
    """The matching form of a text and, per character of it, the typed characters it stands for."""

    text: str
    starts: Sequence[int]
    ends: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The typed text's [start, end) for the matching form's [start, end)."""
        if not self.text:
            return start, end
        return self.starts[start], self.ends[max(end - 1, start)]


def _ignorable(ch: str) -> bool:
    # format characters (soft hyphen, zero-width characters, word joiner, BOM, bidi marks)
    # and the combining grapheme joiner are invisible: a reader reads across them
    return unicodedata.category(ch) == "Cf" or ch == "\u034f"


@cache
def _fold_char(ch: str) -> str:
    if _ignorable(ch):
        return ""
    if ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
        return " "
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES or unicodedata.category(ch) == "Pd":
        return "-"
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.digit(ch))
    out = unicodedata.normalize("NFKC", ch)
    return out.translate(_LOOKALIKE)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _is_mark(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or ch == "\u034f"


def _fold_slow(text: str, offset: int, out: list[str], starts: list[int], ends: list[int]) -> None:
    """Fold text (which starts at `offset` of the whole) cluster by cluster: a base letter and its marks."""
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and _is_mark(text[j]):
            j += 1
        if j == i + 1:
            piece = _fold_char(text[i])
        else:  # a base letter with its marks: compose them, then fold the result
            cluster = "".join(ch for ch in text[i:j] if not _ignorable(ch))
            piece = "".join(_fold_char(ch) for ch in unicodedata.normalize("NFC", cluster))
        out.append(piece)
        starts.extend([offset + i] * len(piece))
        ends.extend([offset + j] * len(piece))
        i = j


@lru_cache(maxsize=8192)
def fold(text: str) -> Folded:
    """The matching form of `text` with its map back (see above)."""
    if text.isascii():  # one character for one: only white space and the backquote change
        return Folded(text.translate(_ASCII), range(len(text)), range(1, len(text) + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        a = m.start()
        if a > pos and _is_mark(text[a]):
            a -= 1  # "e" + combining acute: the base letter belongs to the cluster
        if a > pos:  # plain ASCII: one character for one
            out.append(text[pos:a].translate(_ASCII))
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        _fold_slow(text[a : m.end()], a, out, starts, ends)
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:].translate(_ASCII))
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return Folded("".join(out), starts, ends)


# --------------------------------------------------------------------------- checks at load

# Characters that cannot be carried into a document: XML 1.0 refuses them, and docxtpl reads
# \a as a new paragraph and \f as a page break, so the document would not say what was typed.
_CONTROL_NAMES = {
    "\x07": "U+0007 (bel; docxtpl maakt er een nieuwe alinea van)",
    "\x0b": "U+000B (verticale tab)",
    "\x0c": "U+000C (pagina-einde; docxtpl maakt er een nieuwe pagina van)",
    "\x00": "U+0000 (nul-teken)",
}
_BIDI = {
    "\u202a": "links-naar-rechts-insluiting", "\u202b": "rechts-naar-links-insluiting",
    "\u202c": "einde richting", "\u202d": "links-naar-rechts-forcering", "\u202e": "rechts-naar-links-forcering",
    "\u2066": "links-naar-rechts-isolatie", "\u2067": "rechts-naar-links-isolatie",
    "\u2068": "eerst-sterke-isolatie", "\u2069": "einde isolatie",
}
_SCRIPTS = {"LATIN": "Latijnse", "CYRILLIC": "Cyrillische", "GREEK": "Griekse"}


_BAD_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_BIDI_CONTROL = re.compile("[" + "".join(_BIDI) + "]")
_LOOKALIKES = re.compile("[" + "".join(_LOOKALIKE_FROM) + "]")


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    first = name.split(" ", 1)[0]
    return first if first in _SCRIPTS else None


def _in_word(ch: str) -> bool:
    return ch.isalpha() or bool(unicodedata.combining(ch)) or _ignorable(ch)


def _mixed_script(s: LStr) -> Iterator[Diagnostic]:
    """Words that mix Latin letters with a Cyrillic or Greek letter that looks like a Latin one."""
    seen: set[int] = set()
    for m in _LOOKALIKES.finditer(s):
        a, b = m.start(), m.end()
        while a and _in_word(s[a - 1]):
            a -= 1
        while b < len(s) and _in_word(s[b]):
            b += 1
        if a in seen or not any(_script(ch) == "LATIN" for ch in s[a:b]):
            continue
        seen.add(a)
        at = m.start()
        other = _SCRIPTS[_script(s[at]) or "LATIN"]
        word = "".join(ch for ch in s[a:b] if not _ignorable(ch))
        yield Diagnostic(
            s.loc_at(at),
            f'het woord "{word}" mengt Latijnse en {other} letters: de "{s[at]}" (U+{ord(s[at]):04X}) lijkt op een '
            "Latijnse letter maar is het niet",
            "typ het woord opnieuw met Latijnse letters; een letter uit een ander schrift ontsnapt aan het lakken")


def check_text(s: LStr) -> list[Diagnostic]:
    """Problems in one text as read: characters a document cannot carry, reversed text, mixed scripts."""
    out: list[Diagnostic] = []
    for m in _BAD_CONTROL.finditer(s):
        ch = m.group()
        what = _CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}")
        out.append(Diagnostic(s.loc_at(m.start()), f"de tekst bevat het stuurteken {what}, dat niet in een document "
                              "kan", "haal het teken weg (het komt vaak mee bij plakken uit een ander programma)"))
    for m in _BIDI_CONTROL.finditer(s):
        ch = m.group()
        out.append(Diagnostic(
            s.loc_at(m.start()), f"de tekst bevat het onzichtbare teken U+{ord(ch):04X} ({_BIDI[ch]}), dat tekst in "
            "een andere volgorde laat zien dan ze er staat",
            "haal het teken weg en schrijf de tekst in de volgorde waarin ze gelezen wordt"))
    out += _mixed_script(s)
    return sorted(out, key=lambda d: (d.loc.line, d.loc.col))


def check_tree(node: Node | None) -> list[Diagnostic]:
    """check_text for every text value in a loaded YAML tree."""
    out: list[Diagnostic] = []
    stack = [node] if node is not None else []
    while stack:
        value = stack.pop().value
        if isinstance(value, dict):
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, LStr):
            out += check_text(value)
    return out
