"""Finish one PDF from LibreOffice: metadata without people, fixed dates and IDs, a deterministic save."""

from __future__ import annotations

import logging
import re
import uuid
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, String

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



# --------------------------------------------------------------------------- finalize


def finalize_pdf(
    path: Path,
    *,
    title: str,
    author: str,
    subject: str = "",
    lang: str = "nl-NL",
    creation_date: datetime | None = None,
    also: Callable[[Pdf], object] | None = None,
) -> None:
    """Set DocInfo, XMP and /Lang consistently and rewrite path reproducibly, in place.

    also: more changes to the open PDF before its one save (the build passes repair.repair: the same
    bytes as finalising and then repairing the file, one parse and one write fewer per document)."""
    path = Path(path)
    with pikepdf.open(path) as pdf:
        _set_metadata(pdf, title=title, author=author, subject=subject, lang=lang,
                      creation_date=creation_date, claim_pdfa=False)
        _drop_default_open_action(pdf)
        _stamp_icc_profiles(pdf, creation_date)
        if also is not None:
            also(pdf)
        tmp = save_temp(pdf, path)
    tmp.replace(path)


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
    prefs = Dictionary(cast("dict[str, Any]", prefs)) if isinstance(prefs, Dictionary) else Dictionary()
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


def flatten_tree(node: object, leaf_key: str) -> list[tuple[Any, pikepdf.Object]]:
    """All (key, value) pairs of a number tree ("/Nums") or name tree ("/Names")."""
    pairs: list[tuple[Any, pikepdf.Object]] = []
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
