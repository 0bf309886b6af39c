"""render_docx takes the rendered template's parts as python-docx writes them, without its ZIP: the same
parts, in the same order, as DocxTemplate.save() zipped and read_parts() read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from pipeline.render import package as docxpkg
from pipeline.render.docx import _saved_parts

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _rendered(template: Path) -> DocxTemplate:
    tpl = DocxTemplate(str(template))
    tpl.render({"titel": "Een titel", "watermerk": ""})
    return tpl


@pytest.mark.parametrize("template", sorted(TEMPLATES.glob("*.docx")), ids=lambda p: p.name)
def test_the_parts_are_those_of_the_saved_zip(template: Path) -> None:
    buf = io.BytesIO()
    _rendered(template).save(buf)
    zipped = docxpkg.read_parts(buf.getvalue())
    parts = _saved_parts(_rendered(template))
    assert list(parts) == list(zipped)
    assert parts == zipped
    assert all(type(v) is bytes for v in parts.values())
