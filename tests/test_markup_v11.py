"""Markup of contract v1.1 for writers: lettered lists, adjacent footnotes, space after a list, `tekst` without `|`."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from helpers import (
    NOTA_YAML,
    build,
    cwd,  # noqa: F401  (fixture)
    nota_with,
    write_content,
)
from lxml import etree

from pipeline.content.yamlsource import LStr
from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import Paragraph, plain
from pipeline.model.markup import MarkupParser
from pipeline.render.docx import SIGNING, Meta, render_docx
from pipeline.render.package import W

N = "d1/nota.yaml"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
META = Meta(title="Test", author="Ministerie", subject="Nota test", date=dt.date(2023, 12, 23))


@pytest.fixture
def root(cwd: Path) -> Path:  # noqa: F811
    return cwd / "content"


def parse(text: str) -> list[Paragraph]:
    diags: list[Diagnostic] = []
    paras = MarkupParser({"avries": "A.B. de Vries"}.get, diags, [0]).blocks(LStr(text, Loc("x.yaml", 1, 1)))
    assert not diags, diags
    return paras


def docx_of(root: Path, tekst: str) -> bytes:
    write_content(root, {N: nota_with(tekst)})
    _, docs, _ = build(root)
    return render_docx(TEMPLATES / "nota.docx", docs["nota"], META, SIGNING)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(name))


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def test_lettered_items_are_a_list_of_their_own() -> None:
    paras = parse("Twee keuzes:\n\na. de eerste\nb) de tweede\n   loopt door\n\n1. nummer")
    assert [(p.kind, plain(p.inlines)) for p in paras] == [
        ("p", "Twee keuzes:"), ("letter", "de eerste"), ("letter", "de tweede loopt door"), ("number", "nummer")]
    assert paras[1].list_id == paras[2].list_id != paras[3].list_id


def test_the_last_list_item_before_text_gets_a_paragraphs_space() -> None:
    paras = parse("- een\n- twee\n\nDaarna.\n\n1. x")
    assert [p.list_end for p in paras] == [False, True, False, False]


def test_lettered_list_renders_as_lower_letters(root: Path) -> None:
    data = docx_of(root, "a. de eerste\nb. de tweede\n\n1. een nummer")
    numbering = part(data, "word/numbering.xml")
    document = part(data, "word/document.xml")
    num_ids = [p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
               for p in document.iter(w("p")) if p.find(f"{w('pPr')}/{w('numPr')}") is not None]
    assert len(num_ids) == 3 and num_ids[0] == num_ids[1] != num_ids[2]

    def fmt(num_id: str) -> str:
        num = numbering.find(f"{w('num')}[@{w('numId')}='{num_id}']")
        abstract = num.find(w("abstractNumId")).get(w("val"))
        defn = numbering.find(f"{w('abstractNum')}[@{w('abstractNumId')}='{abstract}']")
        return defn.find(f"{w('lvl')}/{w('numFmt')}").get(w("val"))

    assert (fmt(num_ids[0]), fmt(num_ids[2])) == ("lowerLetter", "decimal")
    # the schema wants every abstractNum before the first num
    tags = [etree.QName(e).localname for e in numbering]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")


def test_adjacent_footnotes_are_separated(root: Path) -> None:
    data = docx_of(root, "Zo staat het in de wet.^[Eerste bron.]^[Tweede bron.] En verder^[Derde.].")
    body = part(data, "word/document.xml").find(w("body"))
    runs = []
    for r in body.iter(w("r")):
        if r.find(w("footnoteReference")) is not None:
            runs.append("REF")
        elif r.find(w("t")) is not None:
            runs.append(r.find(w("t")).text)
    i = runs.index("REF")
    assert runs[i:i + 3] == ["REF", ",", "REF"]
    assert runs.count(",") == 1  # a lone footnote gets no separator


@pytest.mark.parametrize(("tekst", "line", "col", "what"), [
    ("Eerste alinea.\n      - punt een\n      - punt twee", 8, 7, "een opsommingsteken"),
    ("Eerste alinea.\n\n      Tweede alinea.", 8, 1, "een witregel"),
    ("De keuzes\n      a. de eerste", 8, 7, "een opsommingsteken"),
])
def test_tekst_meant_as_a_block_without_bar_is_an_error(root: Path, tekst: str, line: int, col: int,
                                                        what: str) -> None:
    nota = NOTA_YAML.replace("    tekst: |\n      Eerste alinea.\n", f"    tekst: {tekst}\n")
    write_content(root, {N: nota})
    errors = [str(d) for d in content_errors_of_build(root)]
    assert errors == [f"content/d1/nota.yaml:{line}:{col}: deze tekst heeft {what}, maar staat niet als blok: "
                      "YAML voegt de regels samen tot één regel, zodat alinea's en opsommingen verdwijnen; "
                      "zet '|' achter de dubbele punt (bijvoorbeeld 'tekst: |') en de tekst ingesprongen op de "
                      "regels eronder"]


def test_plain_text_over_two_lines_without_structure_is_fine(root: Path) -> None:
    nota = NOTA_YAML.replace("    tekst: |\n      Eerste alinea.\n", "    tekst: Een zin die\n      doorloopt.\n")
    write_content(root, {N: nota})
    _, docs, _ = build(root)
    assert "Een zin die doorloopt." in [plain(b.inlines) for b in docs["nota"].body if isinstance(b, Paragraph)]


def content_errors_of_build(root: Path) -> list[Diagnostic]:
    from pipeline.errors import ContentError

    with pytest.raises(ContentError) as info:
        build(root)
    return info.value.diagnostics
