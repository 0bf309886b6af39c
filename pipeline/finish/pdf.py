"""pikepdf helpers: finalise metadata, bundle nota and bijlagen, inspect and extract text."""

from __future__ import annotations

import itertools
import logging
import os
import re
import shutil
import subprocess
import uuid
import zlib
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

from pipeline.errors import RenderError, ToolMissing

log = logging.getLogger(__name__)

POPPLER_ADVICE = "installeer poppler-utils, bijvoorbeeld met `apt-get install -y poppler-utils`"
_MM_PER_PT = 25.4 / 72

_NS_PDFAID = "http://www.aiim.org/pdfa/ns/id/"
_NS_PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
_NS_DC = "http://purl.org/dc/elements/1.1/"
_NS_PDF = "http://ns.adobe.com/pdf/1.3/"
_NS_XMP = "http://ns.adobe.com/xap/1.0/"
_NS_PDFA_EXT = "http://www.aiim.org/pdfa/ns/extension/"

# XMP properties that are about the file, not about a person, in the order they
# are written; everything else (keywords, rights, custom docx properties...) is dropped.
_XMP_KEEP = (
    f"{{{_NS_PDFAID}}}part",
    f"{{{_NS_PDFAID}}}conformance",
    f"{{{_NS_PDFAID}}}amd",
    f"{{{_NS_PDFAID}}}corr",
    f"{{{_NS_PDFUAID}}}part",
    f"{{{_NS_PDFA_EXT}}}schemas",
    f"{{{_NS_PDF}}}Producer",
    f"{{{_NS_PDF}}}PDFVersion",
    f"{{{_NS_XMP}}}CreatorTool",
    f"{{{_NS_XMP}}}CreateDate",
    f"{{{_NS_XMP}}}ModifyDate",
    f"{{{_NS_XMP}}}MetadataDate",
)
# DocInfo keys that have an XMP twin pikepdf keeps in sync; others are dropped.
_DOCINFO_KEEP = frozenset({
    "/Title", "/Author", "/Subject", "/Creator", "/Producer", "/CreationDate", "/ModDate",
})
# LibreOffice writes an MD5 of the document into the trailer; not standard, not needed.
_TRAILER_DROP = ("/DocChecksum",)

_EOF_RE = re.compile(rb"%%EOF")
_STARTXREF_RE = re.compile(rb"startxref\s+(\d+)\s+%%EOF")
_SUBSET_RE = re.compile(r"([A-Z]{6})\+(.+)")


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


# --------------------------------------------------------------------------- finalize


def finalize_pdf(
    path: Path,
    *,
    title: str,
    author: str,
    subject: str = "",
    lang: str = "nl-NL",
    creation_date: datetime | None = None,
) -> None:
    """Set DocInfo, XMP and /Lang consistently and rewrite path reproducibly, in place."""
    path = Path(path)
    with pikepdf.open(path) as pdf:
        _set_metadata(pdf, title=title, author=author, subject=subject, lang=lang,
                      creation_date=creation_date, claim_pdfa=False)
        _drop_default_open_action(pdf)
        _stamp_icc_profiles(pdf, creation_date)
        tmp = save_temp(pdf, path)
    os.replace(tmp, path)


_ICC_DATE = slice(24, 36)  # ICC.1 header: dateTimeNumber, six big-endian uint16
_ICC_ID = slice(84, 100)  # profile ID: an MD5 over the header *including* the date


def _stamp_icc_profiles(pdf: Pdf, when: datetime | None) -> None:
    """Give the output intents' ICC profiles a fixed date instead of the conversion time.

    LibreOffice has lcms build its sRGB profile at export time and the profile
    header records that moment, which made every build's bytes (and /ID) differ.
    """
    stamp = _normalise_date(when or datetime(1980, 1, 1, tzinfo=UTC)).astimezone(UTC)
    date = b"".join(n.to_bytes(2, "big") for n in (stamp.year, stamp.month, stamp.day,
                                                   stamp.hour, stamp.minute, stamp.second))
    for intent in _as_list(pdf.Root.get(Name.OutputIntents)):
        profile = intent.get(Name.DestOutputProfile) if isinstance(intent, Dictionary) else None
        if not isinstance(profile, pikepdf.Stream):
            continue
        data = bytearray(profile.read_bytes())
        if len(data) < 128 or data[36:40] != b"acsp" or data[_ICC_DATE] == date:
            continue
        data[_ICC_DATE] = date
        data[_ICC_ID] = bytes(16)  # all zeros = "not calculated", which ICC.1 allows
        # Compressed here, not by the writer: then the stream dictionary is the same
        # on every later pass and finalising a finalised file changes no byte.
        profile.write(zlib.compress(bytes(data), 9), filter=Name.FlateDecode)


def _set_metadata(
    pdf: Pdf,
    *,
    title: str,
    author: str,
    subject: str,
    lang: str,
    creation_date: datetime | None,
    claim_pdfa: bool,
) -> None:
    for key in list(pdf.docinfo.keys()):
        if str(key) not in _DOCINFO_KEEP:
            del pdf.docinfo[key]
    values = _xmp_values(title, author, subject, creation_date, claim_pdfa)
    _rewrite_xmp(pdf, values)
    # Leaving the metadata block made pikepdf rewrite DocInfo from the XMP, dates
    # included: both agree, and LibreOffice's malformed "D:...Z'" becomes a proper date.
    pdf.Root.Lang = String(lang)
    pdf.Root.ViewerPreferences = _viewer_preferences(pdf)
    for key in _TRAILER_DROP:
        if key in pdf.trailer:
            del pdf.trailer[key]


def _xmp_values(
    title: str, author: str, subject: str, creation_date: datetime | None, claim_pdfa: bool
) -> dict[str, object]:
    values: dict[str, object] = {}
    if claim_pdfa:
        values.update({f"{{{_NS_PDFAID}}}part": "2", f"{{{_NS_PDFAID}}}conformance": "B"})
    values.update({f"{{{_NS_DC}}}title": title, f"{{{_NS_DC}}}creator": [author]})
    if subject:
        values[f"{{{_NS_DC}}}description"] = subject
    if creation_date:
        stamp = _normalise_date(creation_date).isoformat()
        for name in ("CreateDate", "ModifyDate", "MetadataDate"):
            values[f"{{{_NS_XMP}}}{name}"] = stamp
    return values


def _rewrite_xmp(pdf: Pdf, values: dict[str, object]) -> None:
    """Replace the XMP by a fresh packet: the kept properties, then values, in a fixed order.

    The bytes then depend only on the kept values and the arguments, so
    finalising an already finalised file changes nothing.
    """
    previous = pdf.open_metadata()
    keep = [key for key in _XMP_KEEP if key in previous and key not in values]
    dropped = sorted(set(previous) - set(_XMP_KEEP) - set(values))
    if dropped:
        log.debug("removing XMP properties %s", dropped)
    if Name.Metadata in pdf.Root:
        del pdf.Root.Metadata
    # Not pikepdf as editor: that would stamp the current time (and pikepdf
    # as producer) into the XMP and break byte-reproducibility.
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.copy_properties(previous, keep)
        for key, value in values.items():
            meta[key] = value


def _drop_default_open_action(pdf: Pdf) -> None:
    # LibreOffice adds "open at page 1", which viewers do anyway; without it
    # strict allowlist PDF/A checkers (pikepdf.pdfa) have nothing left to doubt.
    action = pdf.Root.get(Name.OpenAction)
    if (isinstance(action, Array) and len(action) and len(pdf.pages)
            and action[0].objgen == pdf.pages[0].obj.objgen):
        del pdf.Root.OpenAction


def _normalise_date(value: datetime) -> datetime:
    # Naive means UTC, so the result does not depend on the machine's time zone;
    # PDF dates have whole seconds.
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.replace(microsecond=0)


def _viewer_preferences(pdf: Pdf) -> Dictionary:
    prefs = pdf.Root.get(Name.ViewerPreferences)
    prefs = Dictionary(prefs) if isinstance(prefs, Dictionary) else Dictionary()
    prefs[Name.DisplayDocTitle] = True
    return prefs


def save_temp(pdf: Pdf, target: Path, min_version: str = "") -> Path:
    """Save next to target (same file system, so os.replace is atomic) and return the temp path."""
    # Not mkstemp: its 0600 mode would end up on the published PDF.
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        # deterministic_id: /ID from the content, not from time and path. qpdf
        # keeps an existing first /ID element, and LibreOffice's is random: drop it.
        if Name.ID in pdf.trailer:
            del pdf.trailer[Name.ID]
        pdf.save(tmp, deterministic_id=True, min_version=min_version)
    except Exception:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


# --------------------------------------------------------------------------- bundle


def bundle(
    parts: list[tuple[str, Path]],
    out: Path,
    *,
    title: str,
    author: str,
    lang: str = "nl-NL",
    creation_date: datetime | None = None,
) -> None:
    """Concatenate nota and bijlagen into one tagged PDF with a bookmark per part.

    creation_date as in finalize_pdf; without it the first part's dates are kept.
    """
    if not parts:
        raise RenderError("bundle: geen delen om samen te voegen")
    out = Path(out)
    with ExitStack() as stack:
        sources = [(label, stack.enter_context(pikepdf.open(path))) for label, path in parts]
        merged = pikepdf.new()
        stack.enter_context(merged)
        _check_parts(parts, [src for _, src in sources])
        first_pages = _merge_pages_and_structure(merged, sources)
        _build_outline(merged, sources, first_pages)
        _retag_font_subsets(merged)
        _copy_document_level(merged, sources[0][1])
        _set_metadata(merged, title=title, author=author, subject="", lang=lang,
                      creation_date=creation_date, claim_pdfa=True)
        version = max((src.pdf_version for _, src in sources), key=_version_key)
        tmp = save_temp(merged, out, min_version=version)
    os.replace(tmp, out)


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _check_parts(parts: list[tuple[str, Path]], sources: list[Pdf]) -> None:
    for (label, path), src in zip(parts, sources):
        status = src.open_metadata().pdfa_status
        if status != "2B":
            # The bundle claims PDF/A-2b; a part that is not makes that claim false.
            log.warning("%s (%s) claimt geen PDF/A-2b maar %r", label, path, status or "niets")
        names = src.Root.get(Name.Names)
        if Name.Dests in src.Root or (isinstance(names, Dictionary) and Name.Dests in names):
            # Not merged: bookmarks or links using named destinations would dangle.
            log.warning("%s (%s) gebruikt benoemde bestemmingen; die werken niet in de bundel", label, path)


def _merge_pages_and_structure(merged: Pdf, sources: list[tuple[str, Pdf]]) -> list[int]:
    """Append every part's pages and graft its structure tree; return each part's first page index."""
    tree = _TreeMerge(merged)
    first_pages: list[int] = []
    for label, src in sources:
        start = len(merged.pages)
        first_pages.append(start)
        # Pages first: copy_foreign then maps the struct tree's /Pg (and the
        # outline's /Dest) onto these copies instead of duplicating pages.
        merged.pages.extend(src.pages)
        pages = [merged.pages[i] for i in range(start, len(merged.pages))]
        src_root = src.Root.get(Name.StructTreeRoot)
        if isinstance(src_root, Dictionary):
            tree.add(label, merged.copy_foreign(src_root), pages)
        else:
            log.warning("%s is niet getagd; de inhoud komt buiten de structuurboom", label)
            _shift_struct_parents(pages, None)
    tree.install()
    return first_pages


class _TreeMerge:
    """One StructTreeRoot over several parts, with their ParentTree keys made disjoint."""

    def __init__(self, pdf: Pdf):
        self.pdf = pdf
        self.root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array()))
        self.nums: list[tuple[int, pikepdf.Object]] = []
        self.ids: dict[str, pikepdf.Object] = {}
        self.role_map, self.class_map = Dictionary(), Dictionary()
        self.next_key = 0

    def add(self, label: str, part_root: Dictionary, pages: list[pikepdf.Page]) -> None:
        offset = self.next_key
        entries = flatten_tree(part_root.get(Name.ParentTree), "/Nums")
        self.nums.extend((int(key) + offset, value) for key, value in entries)
        used = _shift_struct_parents(pages, offset)
        # The part's own next key may be missing (LibreOffice omits it) or too
        # small; never hand out a key a page or annotation of this part still uses.
        declared = int(part_root.get(Name.ParentTreeNextKey, 0))
        self.next_key += max([declared, *(int(k) + 1 for k, _ in entries), *(k + 1 for k in used)])
        for elem in _as_list(part_root.get(Name.K)):
            elem.P = self.root
            self.root.K.append(elem)
        for key, value in flatten_tree(part_root.get(Name.IDTree), "/Names"):
            if str(key) in self.ids:
                log.warning("%s: structuur-ID %s bestaat al in een eerder deel", label, key)
                continue
            self.ids[str(key)] = value
        _merge_map(self.role_map, part_root.get(Name.RoleMap), label, "RoleMap")
        _merge_map(self.class_map, part_root.get(Name.ClassMap), label, "ClassMap")

    def install(self) -> None:
        if not len(self.root.K):
            return
        # One flat /Nums array is a valid number tree; keys ascend because offsets do.
        nums = Array()
        for key, value in sorted(self.nums, key=lambda pair: pair[0]):
            nums.extend([key, value])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        self.root.ParentTreeNextKey = self.next_key
        if self.ids:
            names = Array()
            for key in sorted(self.ids, key=lambda k: k.encode("utf-8")):
                names.extend([String(key), self.ids[key]])
            self.root.IDTree = self.pdf.make_indirect(Dictionary(Names=names))
        if self.role_map:
            self.root.RoleMap = self.role_map
        if self.class_map:
            self.root.ClassMap = self.class_map
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)


def _shift_struct_parents(pages: list[pikepdf.Page], offset: int | None) -> list[int]:
    """Add offset to every /StructParent(s) key of these pages; None removes them. Returns old keys."""
    seen: set[tuple[int, int]] = set()
    old: list[int] = []
    for holder, key in _struct_parent_holders(pages):
        if holder.is_indirect:
            if holder.objgen in seen:
                continue  # shared annotation or form XObject: shift once
            seen.add(holder.objgen)
        old.append(int(holder[key]))
        if offset is None:
            del holder[key]
        else:
            holder[key] = int(holder[key]) + offset
    return old


def _struct_parent_holders(pages: list[pikepdf.Page]) -> Iterator[tuple[pikepdf.Object, str]]:
    for page in pages:
        obj = page.obj
        if Name.StructParents in obj:
            yield obj, "/StructParents"
        for annot in obj.get(Name.Annots, Array()):
            if isinstance(annot, Dictionary) and Name.StructParent in annot:
                yield annot, "/StructParent"
        yield from _form_holders(obj.get(Name.Resources), set())


def _form_holders(resources: object, seen: set[tuple[int, int]]) -> Iterator[tuple[pikepdf.Object, str]]:
    if not isinstance(resources, Dictionary):
        return
    for xobj in resources.get(Name.XObject, Dictionary()).values():
        if not isinstance(xobj, pikepdf.Stream) or xobj.get(Name.Subtype) != Name.Form:
            continue
        if xobj.objgen in seen:
            continue
        seen.add(xobj.objgen)
        if Name.StructParents in xobj:
            yield xobj, "/StructParents"
        yield from _form_holders(xobj.get(Name.Resources), seen)


def flatten_tree(node: object, leaf_key: str) -> list[tuple[object, pikepdf.Object]]:
    """All (key, value) pairs of a number tree ("/Nums") or name tree ("/Names")."""
    pairs: list[tuple[object, pikepdf.Object]] = []
    stack, seen = [node], set()
    while stack:
        current = stack.pop()
        if not isinstance(current, Dictionary):
            continue
        if current.is_indirect:
            if current.objgen in seen:
                continue
            seen.add(current.objgen)
        leaves = current.get(leaf_key, Array())
        for i in range(0, len(leaves) - 1, 2):
            key = leaves[i]
            pairs.append((int(key) if leaf_key == "/Nums" else str(key), leaves[i + 1]))
        stack.extend(reversed(list(current.get(Name.Kids, Array()))))
    return pairs


def _as_list(value: object) -> list[pikepdf.Object]:
    if isinstance(value, Array):
        return list(value)
    return [value] if isinstance(value, Dictionary) else []


def _merge_map(target: Dictionary, source: object, label: str, what: str) -> None:
    if not isinstance(source, Dictionary):
        return
    for key, value in source.items():
        if key in target and target[key] != value:
            log.warning("%s: %s %s botst met een eerder deel; de eerste wint", label, what, key)
            continue
        target[key] = value


def _build_outline(merged: Pdf, sources: list[tuple[str, Pdf]], first_pages: list[int]) -> None:
    outlines = merged.make_indirect(Dictionary(Type=Name.Outlines))
    items: list[pikepdf.Object] = []
    for (label, src), first in zip(sources, first_pages):
        item = merged.make_indirect(Dictionary(
            Title=String(label),
            Parent=outlines,
            Dest=Array([merged.pages[first].obj, Name.Fit]),
        ))
        _adopt_outline_children(merged, src, item)
        items.append(item)
    _link_siblings(outlines, items)
    outlines.Count = sum(1 + max(int(item.get(Name.Count, 0)), 0) for item in items)
    merged.Root.Outlines = outlines
    merged.Root.PageMode = Name.UseOutlines


def _adopt_outline_children(merged: Pdf, src: Pdf, item: Dictionary) -> None:
    """Hang src's own bookmarks under item, open, with their destinations mapped to merged pages."""
    src_outlines = src.Root.get(Name.Outlines)
    if not isinstance(src_outlines, Dictionary) or Name.First not in src_outlines:
        return
    copied = merged.copy_foreign(src_outlines)
    visible = 0
    child = copied.First
    while isinstance(child, Dictionary):
        child.Parent = item
        visible += 1 + max(int(child.get(Name.Count, 0)), 0)
        child = child.get(Name.Next)
    item.First, item.Last, item.Count = copied.First, copied.Last, visible


def _link_siblings(parent: Dictionary, items: list[pikepdf.Object]) -> None:
    for before, after in itertools.pairwise(items):
        before.Next, after.Prev = after, before
    parent.First, parent.Last = items[0], items[-1]


def _retag_font_subsets(pdf: Pdf) -> None:
    """Give each embedded subset its own tag, as ISO 32000-1 9.6.4 requires.

    LibreOffice numbers subsets BAAAAA, CAAAAA, ... per document, so every part
    brings its own "BAAAAA+Carlito"; readers that cache fonts by name would mix them up.
    """
    fonts = [obj for obj in pdf.objects
             if isinstance(obj, Dictionary) and obj.get(Name.Type) == Name.Font]
    in_use = {m.group(1) for font in fonts if (m := _subset_match(font))}
    fresh = _fresh_tags(in_use)
    owner: dict[str, tuple[int, int]] = {}  # subset name -> descriptor that holds it
    new_tag: dict[tuple[int, int], str] = {}  # descriptor -> its new tag
    for font in fonts:
        match, desc = _subset_match(font), font.get(Name.FontDescriptor)
        if match is None or not isinstance(desc, Dictionary):
            continue
        first_holder = owner.setdefault(match.group(0), desc.objgen)
        if first_holder == desc.objgen and desc.objgen not in new_tag:
            continue  # the first subset seen under a name keeps it
        tag = new_tag.setdefault(desc.objgen, next(fresh))
        font.BaseFont = desc.FontName = Name(f"/{tag}+{match.group(2)}")
    for font in fonts:  # a Type0 font carries the tag of its CIDFont
        kids = font.get(Name.DescendantFonts)
        match = _subset_match(font)
        if match and isinstance(kids, Array) and len(kids):
            desc = kids[0].get(Name.FontDescriptor)
            if isinstance(desc, Dictionary) and desc.objgen in new_tag:
                font.BaseFont = Name(f"/{new_tag[desc.objgen]}+{match.group(2)}")


def _subset_match(font: Dictionary) -> re.Match[str] | None:
    return _SUBSET_RE.fullmatch(str(font.get(Name.BaseFont, ""))[1:])


def _fresh_tags(in_use: set[str]) -> Iterator[str]:
    for n in itertools.count():
        tag = "".join(chr(ord("A") + (n // 26**i) % 26) for i in range(6))
        if tag not in in_use:
            in_use.add(tag)
            yield tag


def _copy_document_level(merged: Pdf, first: Pdf) -> None:
    # The first part (the nota) defines the colour space claim and the XMP we start from.
    for key in (Name.OutputIntents, Name.Metadata):
        if key in first.Root:
            obj = first.Root[key]
            # copy_foreign wants an indirect object; LibreOffice writes OutputIntents direct.
            merged.Root[key] = merged.copy_foreign(obj if obj.is_indirect else first.make_indirect(obj))


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
            revisions=_revisions(path.read_bytes()),
            struct_types=frozenset(std_types),
            struct_types_raw=frozenset(raw_types),
        )


def _revisions(data: bytes) -> int:
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


def _outline_titles(root: Dictionary) -> list[str]:
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


def _role_mapped(name: str, role_map: Dictionary) -> str:
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
    """Text in reading order as poppler's pdftotext sees it (no -layout), UTF-8."""
    return _poppler("pdftotext", path, "-enc", "UTF-8", path, "-", timeout=timeout)


def extract_text_pypdf(path: Path) -> str:
    """Text as pypdf extracts it, pages separated by newlines; a second opinion on pdftotext."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _poppler(tool: str, path: Path, *args: object, timeout: float = 120) -> str:
    exe = shutil.which(tool)
    if exe is None:
        raise ToolMissing(f"{tool} niet gevonden op PATH: {POPPLER_ADVICE}")
    try:
        proc = subprocess.run([exe, *map(str, args)], capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise PopplerTimeout(f"{tool} las {path} niet binnen {timeout:.0f} s") from None
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"{tool} faalde (exitcode {proc.returncode}) op {path}: {err}")
    return proc.stdout.decode("utf-8", "replace")
