"""Read and write DOCX packages (ZIP files of XML parts) deterministically."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

from pipeline.errors import RenderError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_HYPERLINK = R + "/hyperlink"
REL_FOOTNOTES = R + "/footnotes"
CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Word expects these first; the rest follows in name order so output never depends on dict order.
FIRST_PARTS = ("[Content_Types].xml", "_rels/.rels")


def read_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def write_package(parts: Mapping[str, bytes]) -> bytes:
    """A ZIP with fixed timestamps and a fixed member order: same parts, same bytes."""
    buf = io.BytesIO()
    names = [n for n in FIRST_PARTS if n in parts] + sorted(n for n in parts if n not in FIRST_PARTS)
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, parts[name], compresslevel=6)
    return buf.getvalue()


def parse_strict(name: str, data: bytes) -> etree._Element:
    """Parse one part with a strict XML parser; a broken part is a RenderError, never repaired."""
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"{name} is geen geldige XML na het vullen van de template: {exc}") from exc


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def validate_all(parts: Mapping[str, bytes]) -> None:
    for name, data in parts.items():
        if name.endswith((".xml", ".rels")):
            parse_strict(name, data)


def save_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
