"""The organisation's logo on the nota and the Kamerbrief: an inline image with its alt text for the tagged PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from pipeline.render import package as docxpkg

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
HEIGHT_MM = 15  # the logo's printed height; its width follows its aspect ratio (the frame is 8 cm wide)


@dataclass(frozen=True)
class Logo:
    """organisaties.yaml: logo (checked: a PNG or JPEG inside the content folder) and logo_alt."""

    path: Path
    alt: str
    sha256: str  # of the image bytes: part of the render key, so a new image renders again


def inline(tpl: DocxTemplate, logo: Logo | None) -> Any:
    """The template's `logo` value: an InlineImage, or None (the template then leaves the logo out)."""
    if logo is None:
        return None
    return InlineImage(tpl, str(logo.path), height=Mm(HEIGHT_MM))


def write_alt(parts: dict[str, bytes], logo: Logo | None) -> None:
    """Give the logo's drawing its alt text (wp:docPr descr): LibreOffice tags it /Figure with that /Alt."""
    if logo is None:
        return
    name = "word/document.xml"
    root = docxpkg.parse_strict(name, parts[name])
    found = list(root.iter(f"{{{WP}}}docPr"))
    for pr in found:
        pr.set("descr", logo.alt)
        pr.set("name", "Logo")
    if found:
        parts[name] = docxpkg.serialize(root)
