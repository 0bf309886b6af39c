"""The gate's checks of one public file: a PDF read as every outsider would, or a text, XML or DOCX file."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pikepdf

from pipeline.checks.gate import glyphs, objects, outlines
from pipeline.checks.gate.forms import (
    REVIEW_MARKERS,
    Forbidden,
    _pattern,
    anchor,
    exact_anchor,
    fold_accents,
    matcher,
    normalise,
    searchable,
)
from pipeline.errors import VerificationError
from pipeline.finish import pdf

# In streams nobody reads as text (fonts, ICC profiles, images, content operators) a form this
# short matches bytes by chance: a two-letter paraaf would stop every build. The two text
# layers and every readable string (DocInfo, XMP, annotations) still check every form.
_MIN_BINARY = 4
# pdftotext gets this much time per page on top of a fixed minute: a 1,400-page rapportage
# is read, a hung poppler is stopped.
SECONDS_PER_PAGE = 1.0


def explain(f: Forbidden) -> str:
    """The rule a form breaks and where its text was written, as the gate's message ends."""
    out = f"; regel: {f.rule}" if f.rule else ""
    if f.sources:
        more = f" (en {len(f.sources) - 3} plekken meer)" if len(f.sources) > 3 else ""
        out += "; in de content: " + ", ".join(f.sources[:3]) + more
    return out


def text_layers(path: Path, pages: int = 1) -> dict[str, str]:
    """The two independent text layers: poppler's pdftotext (a process of its own) and PDFium.

    Two PDF engines that share no code (poppler, C++ of xpdf's line; PDFium, Chrome's). Each reads
    every page once; pdftotext runs while PDFium reads in this process.
    """
    timeout = 60 + SECONDS_PER_PAGE * pages
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="pdftotext") as pool:
        poppler = pool.submit(pdf.extract_text, path, timeout=timeout)
        second = normalise(pdf.extract_text_pdfium(path))
        try:
            layer = poppler.result()
        except pdf.PopplerTimeout:
            layer = None
    if layer is None:
        raise VerificationError(
            f"{path.name}: pdftotext las de {pages} pagina's niet binnen {timeout:.0f} s; de openbare versie is "
            "niet gecontroleerd en er is niets naar woo/ geschreven. Splits het document (een stuk van meer "
            "dan 1.000 pagina's hoort als losse bijlagen in het dossier) of probeer het op een rustiger "
            "moment opnieuw.")
    return {"pdftotext": normalise(layer), "pdfium": second}


def check_pdf(path: Path, forbidden: Iterable[Forbidden], required: Iterable[str]) -> list[str]:
    """Problems found in one public PDF; empty means it passed."""
    problems: list[str] = []
    # (form, its matcher, the anchor of each): a text without the anchor cannot match; the matcher
    # compiles its patterns at its first call, the exact pattern is compiled where its anchor is found
    checks = [(f, matcher(f), anchor(f), exact_anchor(f)) for f in forbidden]
    data = path.read_bytes()
    with pikepdf.open(path) as doc:
        layers = text_layers(path, len(doc.pages))
        glyph_layer = normalise(" ".join(text for _, text in glyphs.glyph_text(doc)))
        raw_strings, embedded = objects.read_objects(doc)
    searchable_layers = {name: searchable(text) for name, text in layers.items()}
    searchable_glyphs = searchable(glyph_layer) if glyph_layer else ""
    for f, found, needle, _ in checks:
        readers = [name for name, text in layers.items() if needle in searchable_layers[name] and found(text)]
        if readers:
            problems.append(f"{path.name}: {f.describe()} staat in de tekstlaag ({', '.join(readers)}){explain(f)}")
        elif glyph_layer and needle in searchable_glyphs and found(glyph_layer):
            problems.append(f"{path.name}: {f.describe()} staat op de pagina (de glyphs), terwijl de tekstlaag "
                            f"iets anders zegt: een ToUnicode-tabel verbergt het{explain(f)}")
    compact = {name: "".join(text.split()) for name, text in layers.items()}  # (str.split: re's \s)
    for name in required:
        want = "".join(normalise(name).split())
        if not all(want in text for text in compact.values()):
            problems.append(f"{path.name}: de naam '{name}' (politicus, blijft zichtbaar) ontbreekt in de tekstlaag")
    problems += _object_problems(path.name, raw_strings, checks)
    for layer_text in layers.values():
        if "LAKVOORSTEL" in layer_text:
            problems.append(f"{path.name}: lakvoorstel-watermerk in de tekstlaag")
    for where in embedded:
        problems.append(f"{path.name}: de PDF bevat een ingebed bestand ({where}); een openbare PDF heeft "
                        "geen bijlagen in het bestand (publiceer een bijlage als eigen document)")
    problems += _trailing(path.name, data, checks)
    revisions = pdf.revision_count(data)
    if revisions != 1:
        problems.append(f"{path.name}: de PDF heeft {revisions} revisies; een openbare PDF heeft er één")
    return sorted(set(problems))


def _object_problems(name: str, raw: list[tuple[str, str, bool]], checks: list) -> list[str]:
    """The forms and review markers in the PDF's strings and streams (objects.read_objects).

    Each string is searched as before; a form whose anchor is in none of them (one search in
    all of them joined, the anchors hold no NUL) is not looked for string by string.
    """
    problems = []
    readable: list[tuple[str, str, str]] = []  # (where, normalised, folded)
    binary: list[tuple[str, str, str]] = []
    read: dict[tuple[str, bool], tuple[str, str]] = {}  # a stream of ASCII reads the same in utf-8 and latin-1
    for where, text, is_readable in raw:
        if (text, is_readable) not in read:
            norm = normalise(text)
            read[(text, is_readable)] = (norm, searchable(norm) if is_readable else fold_accents(norm).casefold())
        norm, folded = read[(text, is_readable)]
        (readable if is_readable else binary).append((where, norm, folded))
        problems += [f"{name}: lakvoorstel-markering '{marker}' staat in {where}"
                     for marker in REVIEW_MARKERS if marker in norm]
    all_readable = "\0".join(folded for _, _, folded in readable)
    all_binary = "\0".join(folded for _, _, folded in binary)
    in_binary: dict[str, bool] = {}  # forms of one person share their anchor ("Wolters", "M. Wolters")
    for f, found, needle, literal in checks:
        if needle in all_readable:
            problems += [f"{name}: {f.describe()} staat in {where}{explain(f)}"
                         for where, norm, folded in readable if needle in folded and found(norm)]
        if len(f.text.strip()) < _MIN_BINARY:
            continue
        if literal not in in_binary:
            in_binary[literal] = literal in all_binary
        if in_binary[literal]:
            # ("PO" or "JdV" in a font program or an ICC profile is bytes, not a paraaf)
            exact = _pattern(f)
            problems += [f"{name}: {f.describe()} staat in {where}{explain(f)}"
                         for where, norm, folded in binary if literal in folded and exact.search(norm)]
    return problems


def warm_up(families: Iterable[str] = ()) -> None:
    """Load ahead what the first check loads (PDFium, fontTools, the installed fonts of these font
    families), in a thread that has nothing else to do while LibreOffice converts."""
    import pypdfium2  # noqa: F401

    outlines.load_installed(families)


def check_pdf_job(job: tuple[str, Path, list[Forbidden], list[str]]) -> tuple[str, list[str]]:
    """check_pdf of one (dossier, PDF, forbidden, required) job: what a reading thread of the gate runs.

    Returns the SHA-256 of the file as it was before the check (a caller that finds other bytes
    later checks again) and the problems, prefixed with the dossier.
    """
    dossier_id, path, forbidden, required = job
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest, [f"{dossier_id}/{p}" for p in check_pdf(path, forbidden, required)]


def _trailing(name: str, data: bytes, checks: list) -> list[str]:
    tail = objects.after_last_eof(data)
    if not tail:
        return []
    problems = [f"{name}: er staan {len(tail)} bytes na de laatste %%EOF; een openbare PDF eindigt daar"]
    for enc, text in objects.readable_bytes(tail):
        norm = normalise(text)
        problems += [f"{name}: {f.describe()} staat na de laatste %%EOF ({enc}){explain(f)}"
                     for f, found, *_ in checks if found(norm)]
    return problems


def check_text(path: Path, forbidden: Iterable[Forbidden]) -> list[str]:
    """Problems in a public file that is text (CSV, XML, JSON): the same forbidden forms as in a PDF."""
    return _check_texts(path.name, [("", path.read_bytes().decode("utf-8-sig", errors="replace"))], forbidden)


def _check_texts(name: str, texts: list[tuple[str, str]], forbidden: Iterable[Forbidden]) -> list[str]:
    problems = []
    fs = list(forbidden)
    for where, raw in texts:
        text = normalise(raw)
        folded = searchable(text)
        at = f" ({where})" if where else ""
        problems += [f"{name}: {f.describe()} staat erin{at}{explain(f)}" for f in fs
                     if anchor(f) in folded and matcher(f)(text)]
        problems += [f"{name}: lakvoorstel-markering '{m}' staat erin{at}" for m in REVIEW_MARKERS if m in text]
    return sorted(set(problems))


def check_docx(path: Path, forbidden: Iterable[Forbidden]) -> list[str]:
    """Problems in a DOCX (or any zip of XML parts): every part's text, and its file names."""
    texts: list[tuple[str, str]] = []
    with zipfile.ZipFile(path) as z:
        texts.append(("bestandsnamen", "\n".join(z.namelist())))
        for info in z.infolist():
            raw = z.read(info).decode("utf-8", "ignore")
            # the text as Word shows it (runs joined) and the XML itself (attributes, hyperlinks)
            shown = re.sub(r"<w:p[ >].*?</w:p>", lambda m: re.sub(r"<[^>]+>", "", m.group()) + "\n", raw, flags=re.S)
            texts += [(info.filename, re.sub(r"<[^>]+>", " ", shown)), (f"{info.filename}, XML", raw)]
    return _check_texts(path.name, texts, forbidden)


def check_file(path: Path, forbidden: Iterable[Forbidden], required: Iterable[str] = ()) -> list[str]:
    """Any public file by its content: a PDF, a DOCX/XLSX (zip) or text (CSV, XML, JSON, ...)."""
    head = path.read_bytes()[:8]
    fs = list(forbidden)
    name_hits = _check_texts(path.name, [("bestandsnaam", path.name)], fs)
    if head.startswith(b"%PDF"):
        return sorted(set(name_hits + check_pdf(path, fs, required)))
    if head.startswith(b"PK\x03\x04"):
        return sorted(set(name_hits + check_docx(path, fs)))
    return sorted(set(name_hits + check_text(path, fs)))
