"""The verification gate: read finished public PDFs as an outsider would and look for what had to go."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from pipeline import pdf

REVIEW_MARKERS = ("LAKVOORSTEL", "NIET OPENBAAR")


@dataclass(frozen=True)
class Forbidden:
    """A text that must not appear: the original of a redaction, or a form of a redacted person's data."""

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


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def text_layers(path: Path) -> dict[str, str]:
    return {"pdftotext": normalise(pdf.extract_text(path)), "pypdf": normalise(pdf.extract_text_pypdf(path))}


def _object_strings(path: Path) -> Iterator[tuple[str, str]]:
    """Every string and every decompressed stream of every object, as text."""
    with pikepdf.open(path) as doc:
        for obj in doc.objects:
            yield from _strings_of(obj, f"object {obj.objgen[0]}")
        yield from _strings_of(doc.trailer, "trailer")


def _strings_of(obj: object, where: str, depth: int = 0) -> Iterator[tuple[str, str]]:
    # Indirect objects are visited once by the loop over doc.objects; don't walk them again here.
    if depth > 0 and isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return
    if isinstance(obj, pikepdf.String):
        yield where, str(obj)
    elif isinstance(obj, pikepdf.Stream):
        try:
            data = obj.read_bytes()
        except pikepdf.PdfError:
            data = b""
        for enc in ("utf-8", "utf-16-be", "latin-1"):
            yield f"{where} (stream, {enc})", data.decode(enc, errors="ignore")
        yield from _strings_of(pikepdf.Dictionary(obj.stream_dict), where, depth + 1)
    elif isinstance(obj, pikepdf.Dictionary):
        for key in obj.keys():  # noqa: SIM118 - pikepdf Dictionary
            yield from _strings_of(obj[key], f"{where} {key}", depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for item in obj:
            yield from _strings_of(item, where, depth + 1)


def check_pdf(path: Path, forbidden: Iterable[Forbidden], required: Iterable[str]) -> list[str]:
    """Problems found in one public PDF; empty means it passed."""
    problems: list[str] = []
    patterns = [(f, _pattern(f)) for f in forbidden]
    layers = text_layers(path)
    for f, pat in patterns:
        for name, text in layers.items():
            if pat.search(text):
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
    for where, text in _object_strings(path):
        norm = normalise(text)
        for f, pat in patterns:
            if pat.search(norm):
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
