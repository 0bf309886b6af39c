"""The verification gate: read finished public PDFs as an outsider would and look for what had to go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from pipeline.finish import pdf
from redaction.matchers import TUSSENVOEGSELS

REVIEW_MARKERS = ("LAKVOORSTEL", "NIET OPENBAAR")
NAME = "naam"
PARAAF = "paraaf"


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


def normalise(text: str) -> str:
    """NFKC, hyphenation at line ends undone, every run of white space one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text)


def _pattern(f: Forbidden) -> re.Pattern[str]:
    words = normalise(f.text).strip().split(" ")
    body = r"\s*".join(re.escape(w) for w in words)  # white space between words may vanish or change
    flags = 0 if f.case_sensitive else re.IGNORECASE
    return re.compile(rf"(?<!\w){body}(?!\w)", flags)


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
        rx = re.compile(r"(?<!\w)" + r"\s*".join(_caseless_word(w) for w in words) + r"(?!\w)", re.IGNORECASE)
        return lambda text: rx.search(text) is not None
    lead = "".join(_caseless_word(w) + (r"\s*" if i < len(tussen) - 1 else "") for i, w in enumerate(tussen))
    body = (lead + r"(?P<gap>\s*)" if tussen else "") + f"(?P<core>{_caseless_char(core[0])})"
    rx = re.compile(r"(?<!\w)" + body + _caseless_word(core[1:]) + r"(?!\w)", re.IGNORECASE)

    def found(text: str) -> bool:
        for m in rx.finditer(text):
            if not m.group("core").islower():
                return True  # "Visser", "VISSER", "de VRIES": the name, as the redaction reads it
            if tussen and not m.group("gap"):
                return True  # "devries"
            before = text[max(0, m.start() - 40) : m.start()]
            if _email_like(text, m.start(), m.end()) or _NAME_CONTEXT.search(before):
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
    if f.what == NAME:
        return _name_matcher(f.text)
    if f.what == PARAAF:
        return _paraaf_matcher(f.text)
    rx = _pattern(f)
    return lambda text: rx.search(text) is not None


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def text_layers(path: Path) -> dict[str, str]:
    return {"pdftotext": normalise(pdf.extract_text(path)), "pypdf": normalise(pdf.extract_text_pypdf(path))}


def _object_strings(path: Path) -> Iterator[tuple[str, str, bool]]:
    """Every string and every decompressed stream of every object, as text.

    The flag tells text a reader can see (strings, XMP metadata) from other streams:
    PDF syntax and binary data, where forms are compared in their exact case.
    """
    with pikepdf.open(path) as doc:
        for obj in doc.objects:
            yield from _strings_of(obj, f"object {obj.objgen[0]}")
        yield from _strings_of(doc.trailer, "trailer")


def _strings_of(obj: object, where: str, depth: int = 0) -> Iterator[tuple[str, str, bool]]:
    # Indirect objects are visited once by the loop over doc.objects; don't walk them again here.
    if depth > 0 and isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return
    if isinstance(obj, pikepdf.String):
        yield where, str(obj), True
    elif isinstance(obj, pikepdf.Stream):
        try:
            data = obj.read_bytes()
        except pikepdf.PdfError:
            data = b""
        xmp = obj.stream_dict.get("/Type") == pikepdf.Name.Metadata
        for enc in ("utf-8", "utf-16-be", "latin-1"):
            yield f"{where} (stream, {enc})", data.decode(enc, errors="ignore"), xmp
        yield from _strings_of(pikepdf.Dictionary(obj.stream_dict), where, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary):
        for key in obj.keys():  # noqa: SIM118 - pikepdf Dictionary
            yield from _strings_of(obj[key], f"{where} {key}", depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            yield from _strings_of(item, where, depth + 1)


# In streams nobody reads as text (fonts, ICC profiles, images, content operators) a form this
# short matches bytes by chance: a two-letter paraaf would stop every build. The two text
# layers and every readable string (DocInfo, XMP, annotations) still check every form.
_MIN_BINARY = 4


def anchor(f: Forbidden) -> str:
    """A text every match of f contains, casefolded: its longest run of letters ("" if none).

    Each pattern matches the letters of a run one after the other (in some case, never
    with anything in between), and casefolding maps every case variant of a letter to the
    same text; so a text whose casefolded form lacks the anchor cannot match, and the
    costly patterns run only where it is present.
    """
    runs = re.findall(r"[^\W\d_]+", normalise(f.text))
    return max(runs, key=len, default="").casefold()


def check_pdf(path: Path, forbidden: Iterable[Forbidden], required: Iterable[str]) -> list[str]:
    """Problems found in one public PDF; empty means it passed."""
    problems: list[str] = []
    checks = [(f, matcher(f), _pattern(f), anchor(f)) for f in forbidden]
    layers = text_layers(path)
    for f, found, _, _ in checks:
        for name, text in layers.items():
            if found(text):
                problems.append(f"{path.name}: {f.what} '{f.text}' staat in de tekstlaag ({name})")
        if f.what == "telefoonnummer" and len(_digits(f.text)) >= 9:
            tail = _digits(f.text)[-9:]
            if any(tail in _digits(text) for text in layers.values()):
                problems.append(f"{path.name}: telefoonnummer '{f.text}' staat in de tekstlaag (cijfers)")
    compact = {name: re.sub(r"\s+", "", text) for name, text in layers.items()}
    for name in required:
        want = re.sub(r"\s+", "", normalise(name))
        if not all(want in text for text in compact.values()):
            problems.append(f"{path.name}: de naam '{name}' (politicus, blijft zichtbaar) ontbreekt in de tekstlaag")
    for where, text, readable in _object_strings(path):
        norm = normalise(text)
        folded = norm.casefold()
        for f, found, exact, needle in checks:
            if needle not in folded:
                continue
            if not readable and len(f.text.strip()) < _MIN_BINARY:
                continue  # "PO" or "JdV" in a font program or an ICC profile is bytes, not a paraaf
            if found(norm) if readable else exact.search(norm):
                problems.append(f"{path.name}: {f.what} '{f.text}' staat in {where}")
        for marker in REVIEW_MARKERS:
            if marker in norm:
                problems.append(f"{path.name}: lakvoorstel-markering '{marker}' staat in {where}")
    for layer_text in layers.values():
        if "LAKVOORSTEL" in layer_text:
            problems.append(f"{path.name}: lakvoorstel-watermerk in de tekstlaag")
    facts = pdf.inspect_pdf(path)
    if facts.revisions != 1:
        problems.append(f"{path.name}: de PDF heeft {facts.revisions} revisies; een openbare PDF heeft er één")
    return sorted(set(problems))


def check_text(path: Path, forbidden: Iterable[Forbidden]) -> list[str]:
    """Problems in a public file that is text (CSV, XML, JSON): the same forbidden forms as in a PDF."""
    text = normalise(path.read_bytes().decode("utf-8-sig", errors="replace"))
    problems = [f"{path.name}: {f.what} '{f.text}' staat erin" for f in forbidden if matcher(f)(text)]
    problems += [f"{path.name}: lakvoorstel-markering '{m}' staat erin" for m in REVIEW_MARKERS if m in text]
    return sorted(set(problems))
