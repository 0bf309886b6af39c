"""Free Law Project's x-ray, the field's own bad-redaction finder, on our public PDFs.

A bad redaction is a box drawn over text that is still in the file. Our public version
never draws boxes over text (the redacted text is gone from the model before rendering),
so x-ray must find nothing in any public PDF of the example dossiers; the positive
control proves that it does find a box over text that is still present.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pikepdf
import pytest

xray = pytest.importorskip("xray")

from tests.e2e_helpers import CONTENT, build_once  # noqa: E402


def _bad_redactions(path: Path) -> dict[int, list[object]]:
    return dict(asyncio.run(xray.inspect(path)))


def _boxed_text(path: Path) -> Path:
    """A name set in Helvetica with a black rectangle painted over it: the text is still in the file."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    ops = (b"BT /F1 12 Tf 72 720 Td (Het voorstel van Joost Ouwehand is aangenomen.) Tj ET "
           b"0 0 0 rg 180 714 90 16 re f")
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(ops))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def test_xray_finds_a_box_drawn_over_text_that_is_still_there(tmp_path: Path) -> None:
    found = _bad_redactions(_boxed_text(tmp_path / "slecht-gelakt.pdf"))
    assert found, "x-ray vond de zwarte balk over nog aanwezige tekst niet: de controle zelf werkt niet"
    assert any("Ouwehand" in str(r) for rs in found.values() for r in rs), found


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, "woo")


@pytest.mark.soffice
def test_no_public_pdf_of_the_example_dossiers_has_a_bad_redaction(out: Path) -> None:
    public = sorted(out.glob("*/woo/*.pdf"))
    expected = {p.name for p in CONTENT.iterdir() if (p / "dossier.yaml").is_file()}
    assert public and {p.parent.parent.name for p in public} <= expected
    bad = {str(p.relative_to(out)): found for p in public if (found := _bad_redactions(p))}
    assert bad == {}, bad
