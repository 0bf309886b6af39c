"""Read facts and text back from a finished PDF (pikepdf, pdffonts, pdftotext, PDFium, pypdf)."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name

from pipeline.errors import RenderError, ToolMissing
from pipeline.finish.pdf.finalize import _EOF_RE, _MM_PER_PT, _STARTXREF_RE, POPPLER_ADVICE, _as_list


@dataclass(frozen=True)
class PdfFacts:
    """What a PDF claims about itself, as far as the pipeline's checks care."""

    page_count: int
    page_sizes_mm: list[tuple[int, int]]
    pdfa: str | None
    tagged: bool
    lang: str | None
    title: str | None
    author: str | None
    outline_titles: list[str]
    fonts_all_embedded: bool
    revisions: int
    struct_types: frozenset[str]  # standard types, after the RoleMap
    struct_types_raw: frozenset[str]  # /S as written, e.g. LibreOffice's "Standard"



# --------------------------------------------------------------------------- inspect


def inspect_pdf(path: Path) -> PdfFacts:
    """Read the facts the pipeline's checks need from a PDF."""
    path = Path(path)
    fonts_embedded = _fonts_all_embedded(path)
    with pikepdf.open(path) as pdf:
        root = pdf.Root
        struct_root = root.get(Name.StructTreeRoot)
        raw_types, std_types = _struct_types(struct_root)
        mark_info = root.get(Name.MarkInfo)
        marked = isinstance(mark_info, Dictionary) and bool(mark_info.get(Name.Marked, False))
        return PdfFacts(
            page_count=len(pdf.pages),
            page_sizes_mm=[_page_size_mm(page) for page in pdf.pages],
            pdfa=pdf.open_metadata().pdfa_status or None,
            tagged=marked and isinstance(struct_root, Dictionary),
            lang=_text_or_none(root.get(Name.Lang)),
            title=_text_or_none(pdf.docinfo.get(Name.Title)),
            author=_text_or_none(pdf.docinfo.get(Name.Author)),
            outline_titles=_outline_titles(root),
            fonts_all_embedded=fonts_embedded,
            revisions=revision_count(path.read_bytes()),
            struct_types=frozenset(std_types),
            struct_types_raw=frozenset(raw_types),
        )


def revision_count(data: bytes) -> int:
    """Number of saves: one per xref section ending in %%EOF (2+ means incremental updates).

    A linearized file has an extra first-page section with "startxref 0";
    it is not a revision, so it is not counted.
    """
    offsets = [int(m.group(1)) for m in _STARTXREF_RE.finditer(data)]
    if not offsets:
        return len(_EOF_RE.findall(data))  # malformed tail: fall back to bare markers
    return sum(1 for offset in offsets if offset != 0)


def _text_or_none(value: object) -> str | None:
    return str(value) if value is not None else None


def _page_size_mm(page: pikepdf.Page) -> tuple[int, int]:
    box = [float(v) for v in page.mediabox]
    width, height = abs(box[2] - box[0]) * _MM_PER_PT, abs(box[3] - box[1]) * _MM_PER_PT
    if int(page.obj.get(Name.Rotate, 0)) % 180:
        width, height = height, width
    return round(width), round(height)


def _outline_titles(root: pikepdf.Object) -> list[str]:
    outlines = root.get(Name.Outlines)
    titles: list[str] = []
    item = outlines.get(Name.First) if isinstance(outlines, Dictionary) else None
    seen: set[tuple[int, int]] = set()
    while isinstance(item, Dictionary) and item.objgen not in seen:
        seen.add(item.objgen)
        titles.append(str(item.get(Name.Title, "")))
        item = item.get(Name.Next)
    return titles


def _struct_types(struct_root: object) -> tuple[set[str], set[str]]:
    if not isinstance(struct_root, Dictionary):
        return set(), set()
    role_map = struct_root.get(Name.RoleMap, Dictionary())
    raw: set[str] = set()
    for elem in _struct_elements(struct_root):
        raw.add(str(elem.S)[1:])
    return raw, {_role_mapped(name, role_map) for name in raw}


def _struct_elements(struct_root: Dictionary) -> Iterator[Dictionary]:
    stack, seen = list(_as_list(struct_root.get(Name.K))), set()
    while stack:
        elem = stack.pop()
        if not isinstance(elem, Dictionary) or Name.S not in elem:
            continue  # MCIDs, marked-content and object references
        if elem.get(Name.Type) in (Name.MCR, Name.OBJR):
            continue
        if elem.is_indirect:
            if elem.objgen in seen:
                continue
            seen.add(elem.objgen)
        yield elem
        stack.extend(_as_list(elem.get(Name.K)))


def _role_mapped(name: str, role_map: pikepdf.Object) -> str:
    seen = {name}
    while f"/{name}" in role_map:
        name = str(role_map[f"/{name}"])[1:]
        if name in seen:
            break  # a cyclic RoleMap is broken; stop rather than loop
        seen.add(name)
    return name


def _fonts_all_embedded(path: Path) -> bool:
    output = _poppler("pdffonts", path, path)
    lines = output.splitlines()
    ruler = next((i for i, line in enumerate(lines) if line.startswith("---")), None)
    if ruler is None:
        raise RenderError(f"pdffonts gaf onverwachte uitvoer voor {path}")
    # Column bounds from the dashes: names and types may contain spaces.
    spans = [m.span() for m in re.finditer(r"-+", lines[ruler])]
    emb_start, emb_end = spans[3]
    return all(line[emb_start:emb_end].strip() == "yes" for line in lines[ruler + 1:] if line.strip())


# --------------------------------------------------------------------------- text


class PopplerTimeout(RenderError):
    """A poppler tool did not finish in the time it was given."""


def extract_text(path: Path, timeout: float = 120) -> str:
    """Text in reading order as poppler's pdftotext sees it (no -layout), UTF-8; pages end in a form feed.

    pdftotext reads the file's bytes from stdin with one change of the same length: the catalog's
    key /OutputIntents renamed (see without_output_intents), so every offset stays where it was.
    Poppler 22 builds colour transforms for a PDF/A output intent's ICC profile on every page:
    93 % of its time on our PDFs (0.07 s a page; 0.004 s without). Colour is not text: the output
    is the same text, character for character.
    """
    data = without_output_intents(Path(path).read_bytes())
    return _poppler("pdftotext", path, "-enc", "UTF-8", "-", "-", timeout=timeout, stdin=data)


# /OutputIntents as a dictionary key or value name: followed by white space or a delimiter
_OUTPUT_INTENTS = re.compile(rb"/OutputIntents(?=[\s()<>\[\]{}/%])")


def without_output_intents(data: bytes) -> bytes:
    """The same bytes with each name /OutputIntents spelt /OutputIntentX: one letter, same length.

    Only for reading the text (pdftotext): nothing is written. Where the name is not in the bytes
    as such (a catalog inside a compressed object stream), nothing changes and poppler is only slower.
    """
    return _OUTPUT_INTENTS.sub(b"/OutputIntentX", data)


def extract_text_pypdf(path: Path) -> str:
    """Text as pypdf extracts it, pages separated by newlines (the tests' third reader)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


# PDFium is not thread-safe: no two calls at once in one process, not even on other documents
# (pypdfium2's documentation). Every use goes through this lock, and closes what it opened.
_PDFIUM = threading.Lock()
_FAR = 1e6  # bounds in points beyond any page: text placed outside the page box is read too


def extract_pages_pdfium(path: Path) -> list[str]:
    """The text of each page as PDFium (the PDF engine of Chrome) extracts it: the gate's second reader.

    A word broken with a hyphen at a line end is joined by PDFium and marked with U+0002; it is
    given back as a hyphen and a line break, the way pdftotext prints it, so both layers are read alike.
    """
    import pypdfium2 as pdfium

    data = Path(path).read_bytes()
    pages = []
    with _PDFIUM:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise RenderError(f"PDFium kon {path} niet lezen: {exc}") from None
        try:
            for index in range(len(doc)):
                page = doc.get_page(index)
                try:
                    textpage = page.get_textpage()
                    try:
                        pages.append(textpage.get_text_bounded(-_FAR, -_FAR, _FAR, _FAR))
                    finally:
                        textpage.close()
                finally:
                    page.close()
        finally:
            doc.close()
    return [text.replace("\x02", "-\n") for text in pages]


def extract_text_pdfium(path: Path) -> str:
    """extract_pages_pdfium, pages separated by form feeds."""
    return "\f".join(extract_pages_pdfium(path))


def _poppler(tool: str, path: Path, *args: object, timeout: float = 120, stdin: bytes | None = None) -> str:
    exe = shutil.which(tool)
    if exe is None:
        raise ToolMissing(f"{tool} niet gevonden op PATH: {POPPLER_ADVICE}")
    try:
        proc = subprocess.run([exe, *map(str, args)], input=stdin, capture_output=True, timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        raise PopplerTimeout(f"{tool} las {path} niet binnen {timeout:.0f} s") from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"{tool} faalde (exitcode {proc.returncode}) op {path}: {err}")
    return proc.stdout.decode("utf-8", "replace")
