"""Plants in a real public PDF (built by LibreOffice): the gate must stop on each, and pass the clean file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from pipeline import build
from pipeline.checks import gate
from pipeline.finish.pdf import extract_text, extract_text_pypdf
from pipeline.finish.tagged.fonts import _parse_tounicode
from pipeline.publication import publish
from tests.e2e_helpers import build_once, copy_public_nota, example_plan
from tests.test_gate_planted import _after_eof, _docx_bytes, _embed, _link, _struct_type

pytestmark = pytest.mark.soffice


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, "woo")


@pytest.fixture(scope="module")
def plan() -> build.Plan:
    return example_plan()


@pytest.fixture()
def nota(out: Path, tmp_path: Path) -> Path:
    return copy_public_nota(out, tmp_path)


def _hide_letters_in_tounicode(pdf: pikepdf.Pdf) -> None:
    """Rewrite every font's ToUnicode so that each letter reads as 'x': the glyphs still show the words."""
    for page in pdf.pages:
        for font in page.obj.Resources.Font.values():
            if "/ToUnicode" not in font:
                continue
            mapping, width = _parse_tounicode(font.ToUnicode.read_bytes())
            pairs = "".join(f"<{code.hex()}> <{('x' if text.isalpha() else text).encode('utf-16-be').hex()}>\n"
                            for code, text in mapping.items() if text)
            cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 "
                    f"begincodespacerange <{'00' * width}> <{'FF' * width}> endcodespacerange\n"
                    f"{len(mapping)} beginbfchar\n{pairs}endbfchar endcmap CMapName currentdict /CMap "
                    "defineresource pop end end")
            font.ToUnicode = pdf.make_stream(cmap.encode())


def _edit(path: Path, change: Callable[[pikepdf.Pdf], None]) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        change(pdf)
        pdf.save(path)


def test_the_clean_public_nota_passes(plan: build.Plan, nota: Path) -> None:
    assert gate.check_pdf(nota, publish.forbidden_for(plan), ["Marijnissen"]) == []


def test_a_tounicode_map_that_hides_a_name_is_seen_through(nota: Path) -> None:
    # "Marijnissen" stands readable in the public nota (a Kamerlid); here it plays the name to hide
    marijnissen = [gate.Forbidden("Marijnissen", "naam", True, "test")]
    _edit(nota, _hide_letters_in_tounicode)
    assert "Marijnissen" not in extract_text(nota) and "Marijnissen" not in extract_text_pypdf(nota)
    problems = gate.check_pdf(nota, marijnissen, [])
    assert any("de glyphs" in p and "ToUnicode" in p for p in problems), problems


PLANTS: dict[str, Callable[[Path], None]] = {
    "embedded DOCX": lambda p: _edit(p, _embed(_docx_bytes().replace(b"Joost Ouwehand", b"Selin Ozturk"), "n.docx")),
    "embedded text in capitals": lambda p: _edit(p, _embed("OPGESTELD DOOR S. ÖZTÜRK".encode())),
    "link URI, lower case slug": lambda p: _edit(p, _link("https://www.linkedin.com/in/selin-ozturk-12345")),
    "structure type named after her": lambda p: _edit(p, _struct_type("Öztürk")),
    "bytes after %%EOF": _after_eof("\n% opgesteld door S. Öztürk\n".encode()),
}


@pytest.mark.parametrize("case", list(PLANTS))
def test_a_plant_in_a_real_public_pdf_stops_the_gate(plan: build.Plan, nota: Path, case: str) -> None:
    PLANTS[case](nota)
    problems = gate.check_pdf(nota, publish.forbidden_for(plan), [])
    assert problems, case
