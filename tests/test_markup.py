"""Text markup: paragraphs, lists, emphasis, footnotes, mentions, escapes, literal text, errors."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import docx
import pytest
from helpers import (
    RAPPORTAGE_YAML,
    build,
    cwd,  # noqa: F401  (fixture)
    markup_errors,
    nota_with,
    write_content,
)
from lxml import etree

from pipeline.content.yamlsource import LStr
from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import FootnoteRef, Heading, Paragraph, Span, TableBlock, plain
from pipeline.model.markup import MarkupParser
from pipeline.render.docx import SIGNING, Meta, render_docx

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
N = "d1/nota.yaml"
R = "d1/rapportage.yaml"
LITERAL = "R&D <b> {{ 7*7 }} {_{ x }_} {% if x %}ja{% endif %} \"dubbel\" 'enkel'"
LITERAL_SRC = LITERAL.replace("*", "\\*")  # a lone * is italic markup; the writer escapes it


@pytest.fixture
def root(cwd: Path) -> Path:  # noqa: F811
    return cwd / "content"


# --- direct parser helpers ------------------------------------------------------------------

PEOPLE = {"avries": "A.B. de Vries"}


def parse(text: str) -> tuple[list[Paragraph], list[str]]:
    diags: list[Diagnostic] = []
    parser = MarkupParser(PEOPLE.get, diags, [0])
    return parser.blocks(LStr(text, Loc("x.yaml", 1, 1))), [str(d) for d in diags]


def spans(p: Paragraph) -> list[Span]:
    return [i for i in p.inlines if isinstance(i, Span)]


def nota_body(root: Path, tekst: str, extra_sections: str = "") -> list[Paragraph]:
    """The paragraphs of the first nota section (the heading left out)."""
    write_content(root, {N: nota_with(tekst, extra_sections=extra_sections)})
    _, docs, _ = build(root)
    body = docs["nota"].body
    assert isinstance(body[0], Heading)
    out = []
    for block in body[1:]:
        if isinstance(block, Heading):
            break
        assert isinstance(block, Paragraph)
        out.append(block)
    return out


# --- block level ----------------------------------------------------------------------------

def test_paragraphs_are_separated_by_blank_lines(root: Path) -> None:
    paras = nota_body(root, "Een\n\nTwee\n\n\nDrie")
    assert [(plain(p.inlines), p.kind) for p in paras] == [("Een", "p"), ("Twee", "p"), ("Drie", "p")]


def test_wrapped_lines_join_with_one_space(root: Path) -> None:
    paras = nota_body(root, "Eerste regel   \nloopt door\n  en verder")
    assert len(paras) == 1
    assert plain(paras[0].inlines) == "Eerste regel loopt door en verder"


def test_bullets(root: Path) -> None:
    paras = nota_body(root, "Inleiding:\n\n- een\n- twee")
    assert [(p.kind, plain(p.inlines)) for p in paras] == [("p", "Inleiding:"), ("bullet", "een"), ("bullet", "twee")]


def test_numbered_lists_get_separate_ids(root: Path) -> None:
    paras = nota_body(root, "1. a\n2. b\n\n3. c\n\nTussen\n\n1. d\n2. e")
    kinds = [(p.kind, plain(p.inlines), p.list_id) for p in paras]
    assert [k[:2] for k in kinds] == [("number", "a"), ("number", "b"), ("number", "c"), ("p", "Tussen"),
                                      ("number", "d"), ("number", "e")]
    first, second = kinds[0][2], kinds[4][2]
    assert first == kinds[1][2] == kinds[2][2]  # a blank line inside a list keeps the list
    assert second == kinds[5][2]
    assert first != second and first > 0 and second > 0
    assert kinds[3][2] == 0


def test_numbered_lists_in_different_sections_differ(root: Path) -> None:
    extra = "  - kop: Tweede\n    tekst: |\n      1. x\n      2. y\n"
    write_content(root, {N: nota_with("1. a\n2. b", extra_sections=extra)})
    _, docs, _ = build(root)
    ids = [b.list_id for b in docs["nota"].body if isinstance(b, Paragraph) and b.kind == "number"]
    assert len(ids) == 4 and ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_indented_continuation_lines(root: Path) -> None:
    paras = nota_body(root, "- een item\n  dat doorloopt\n- twee\n\n1. genummerd\n   en verder")
    assert [(p.kind, plain(p.inlines)) for p in paras] == [
        ("bullet", "een item dat doorloopt"), ("bullet", "twee"), ("number", "genummerd en verder")]


# --- inline ---------------------------------------------------------------------------------

def test_bold_italic_and_mixing(root: Path) -> None:
    paras = nota_body(root, "**vet** en *schuin* en ***beide*** en **vet *schuin* vet**")
    got = [(s.text, s.bold, s.italic) for s in spans(paras[0])]
    assert got == [("vet", True, False), (" en ", False, False), ("schuin", False, True), (" en ", False, False),
                   ("beide", True, True), (" en ", False, False), ("vet ", True, False), ("schuin", True, True),
                   (" vet", True, False)]


def test_footnote_with_markup_and_nested_brackets(root: Path) -> None:
    paras = nota_body(root, "Tekst^[noot met **vet**, @avries en [haken [dubbel]] en \\] eind].")
    inl = paras[0].inlines
    assert isinstance(inl[0], Span) and inl[0].text == "Tekst"
    assert isinstance(inl[1], FootnoteRef)
    assert isinstance(inl[2], Span) and inl[2].text == "."
    body = inl[1].body
    assert len(body) == 1
    got = [(s.text, s.bold, s.person_id) for s in spans(body[0])]
    assert got == [("noot met ", False, None), ("vet", True, None), (", ", False, None),
                   ("A.B. de Vries", False, "avries"), (" en [haken [dubbel]] en ] eind", False, None)]
    assert inl[1].loc == Loc("content/d1/nota.yaml", 8, 12)


def test_mention_becomes_person_span(root: Path) -> None:
    paras = nota_body(root, "Zie @avries en (@pvdberg).")
    sp = spans(paras[0])
    assert [(s.text, s.person_id) for s in sp] == [
        ("Zie ", None), ("A.B. de Vries", "avries"), (" en (", None), ("P. van den Berg", "pvdberg"), (").", None)]
    assert sp[1].loc == Loc("content/d1/nota.yaml", 8, 11)


def test_email_is_not_a_mention(root: Path) -> None:
    paras = nota_body(root, "Mail a@b.nl of avries@minezk.nl.")
    sp = spans(paras[0])
    assert [(s.text, s.person_id) for s in sp] == [("Mail a@b.nl of avries@minezk.nl.", None)]


def test_escapes(root: Path) -> None:
    paras = nota_body(root, "\\@avries \\*x\\* \\*\\*y\\*\\* \\^[n] \\\\ klaar")
    sp = spans(paras[0])
    assert [(s.text, s.bold, s.italic, s.person_id) for s in sp] == [
        ("@avries *x* **y** ^[n] \\ klaar", False, False, None)]
    assert not any(isinstance(i, FootnoteRef) for i in paras[0].inlines)


def test_literal_characters_stay_in_the_model(root: Path) -> None:
    paras = nota_body(root, LITERAL_SRC)
    assert plain(paras[0].inlines) == LITERAL


def test_parser_directly_blocks_and_inlines() -> None:
    paras, errors = parse("Een\ntwee\n\n- a\n  b\n1. c\n\n**x** *y* @avries")
    assert errors == []
    assert [(p.kind, plain(p.inlines)) for p in paras] == [
        ("p", "Een twee"), ("bullet", "a b"), ("number", "c"), ("p", "x y A.B. de Vries")]


# --- errors ---------------------------------------------------------------------------------

# The first text line of the section is line 8 and starts at column 7; the faulty
# construct stands on line 9, after "regel " (column 13).
@pytest.mark.parametrize(("tekst", "expected"), [
    ("Regel een\nregel **twee",
     "content/d1/nota.yaml:9:13: '**' (vet) wordt niet gesloten in deze alinea"),
    ("Regel een\nregel *twee",
     "content/d1/nota.yaml:9:13: '*' (cursief) wordt niet gesloten in deze alinea"),
    ("Regel een\nregel ^[twee",
     "content/d1/nota.yaml:9:13: de voetnoot '^[' wordt niet afgesloten met ']'"),
    ("Regel een\nregel ^[twee ^[drie]]",
     "content/d1/nota.yaml:9:20: een voetnoot kan geen voetnoot bevatten"),
    ("Regel een\nregel @onbekend hier",
     "content/d1/nota.yaml:9:13: '@onbekend' staat niet in personen.yaml"),
    ("Regel een\nregel eind \\",
     "content/d1/nota.yaml:9:18: een backslash aan het eind van de tekst escapet niets"),
])
def test_markup_error_points_at_offending_character(root: Path, tekst: str, expected: str) -> None:
    write_content(root, {N: nota_with(tekst)})
    errors = markup_errors(root)
    assert len(errors) == 1, errors
    assert errors[0].startswith(expected + "; ")


def test_markup_error_in_more_indented_list_continuation(root: Path) -> None:
    write_content(root, {N: nota_with("- item\n  vervolg **open")})
    assert markup_errors(root) == [
        ("content/d1/nota.yaml:9:17: '**' (vet) wordt niet gesloten in deze alinea; "
        "sluit af met ** of schrijf \\*\\* voor letterlijke sterretjes")]


def test_unknown_mention_hint_suggests_the_close_id(root: Path) -> None:
    write_content(root, {N: nota_with("Zie @avris.")})
    assert markup_errors(root) == ["content/d1/nota.yaml:8:11: '@avris' staat niet in personen.yaml; "
                                   "bedoelde u '@avries'?"]


def test_unknown_mention_without_a_close_id(root: Path) -> None:
    write_content(root, {N: nota_with("Zie @qqq.")})
    assert markup_errors(root) == [
        ("content/d1/nota.yaml:8:11: '@qqq' staat niet in personen.yaml; "
        "voeg de persoon toe aan personen.yaml, of schrijf \\@ voor een letterlijk @")]


def test_markup_errors_of_all_sections_reported_together(root: Path) -> None:
    extra = "  - kop: Tweede\n    tekst: |\n      Ook *open\n"
    write_content(root, {N: nota_with("Eerst **open", extra_sections=extra)})
    errors = markup_errors(root)
    assert [e.split(": ")[0] for e in errors] == ["content/d1/nota.yaml:8:13", "content/d1/nota.yaml:11:11"]


def test_markup_error_in_table_cell(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- [x, '@wie']")}, with_docs=("rapportage",))
    errors = markup_errors(root)
    assert len(errors) == 1
    assert errors[0].startswith("content/d1/rapportage.yaml:9:16: '@wie' staat niet in personen.yaml")


def test_markup_error_in_heading(root: Path) -> None:
    write_content(root, {N: nota_with("Tekst.").replace("kop: Aanleiding", 'kop: "Aan *leiding"')})
    errors = markup_errors(root)
    assert len(errors) == 1
    assert errors[0].startswith("content/d1/nota.yaml:6:15: '*' (cursief) wordt niet gesloten")


# --- Kamerstukken citations -------------------------------------------------------------------

def test_kamerstukken_citation_in_footnote_gets_link(root: Path) -> None:
    write_content(root, {N: nota_with("Tekst^[Kamerstukken II 2021/22, 26643, nr. 827.]")})
    _, docs, warnings = build(root)
    assert warnings == []
    para = docs["nota"].body[1]
    assert isinstance(para, Paragraph)
    ref = para.inlines[1]
    assert isinstance(ref, FootnoteRef)
    sp = spans(ref.body[0])
    assert sp[0].text == "Kamerstukken II 2021/22, 26643, nr. 827"
    assert sp[0].link == "https://zoek.officielebekendmakingen.nl/kst-26643-827"
    assert [s.link for s in sp[1:]] == [None] and sp[1].text == "."


def test_kamerstukken_citation_wrapped_over_lines(root: Path) -> None:
    write_content(root, {N: nota_with("Tekst^[Kamerstukken II\n2021/22, 26643, nr. 827.]")})
    _, docs, warnings = build(root)
    para = docs["nota"].body[1]
    assert isinstance(para, Paragraph) and isinstance(para.inlines[1], FootnoteRef)
    assert spans(para.inlines[1].body[0])[0].link == "https://zoek.officielebekendmakingen.nl/kst-26643-827"
    assert warnings == []


def test_non_standard_kamerstukken_gives_warning_and_no_link(root: Path) -> None:
    write_content(root, {N: nota_with("Tekst^[Kamerstukken II 2021/22, 26643]")})
    _, docs, warnings = build(root)
    para = docs["nota"].body[1]
    assert isinstance(para, Paragraph) and isinstance(para.inlines[1], FootnoteRef)
    assert all(s.link is None for s in spans(para.inlines[1].body[0]))
    assert [str(w) for w in warnings] == [
        ("content/d1/nota.yaml:8:14: de verwijzing 'Kamerstukken II 2021/22, 26643' is niet in de standaardvorm "
        "en krijgt geen link; schrijf 'Kamerstukken II 2021/22, 26643, nr. 827'")]


def test_non_standard_citation_before_a_standard_one_still_warns(root: Path) -> None:
    write_content(root, {N: nota_with(
        "Zie Kamerstukken II 2021/22, 26643 en Kamerstukken II 2021/22, 26643, nr. 827.")})
    _, _, warnings = build(root)
    assert len(warnings) == 1


# --- rendering: footnotes and literal text in the DOCX ------------------------------------------

META = Meta(title="Test", author="Ministerie van Economische Zaken en Klimaat", subject="Nota test",
            date=dt.date(2023, 12, 23))


def _xml(data: bytes, part: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read(part))


def _text(el: etree._Element) -> str:
    return "".join(t.text or "" for t in el.iter(f"{{{W}}}t"))


def test_footnotes_numbered_across_sections_in_docx(root: Path) -> None:
    extra = ("  - kop: Tweede\n    tekst: |\n      Twee^[Noot *twee*.]\n"
             "  - kop: Derde\n    tekst: |\n      Drie^[Noot drie.]\n")
    write_content(root, {N: nota_with("Een^[Noot een.]", extra_sections=extra)})
    _, docs, _ = build(root)
    data = render_docx(TEMPLATES / "nota.docx", docs["nota"], META, SIGNING)
    document = _xml(data, "word/document.xml")
    refs = [e.get(f"{{{W}}}id") for e in document.iter(f"{{{W}}}footnoteReference")]
    assert refs == ["1", "2", "3"]
    notes = _xml(data, "word/footnotes.xml").findall("w:footnote", NS)
    ids = [int(n.get(f"{{{W}}}id")) for n in notes]
    assert sorted(ids) == [-1, 0, 1, 2, 3]
    bodies = {int(n.get(f"{{{W}}}id")): _text(n).strip() for n in notes}
    assert [bodies[1], bodies[2], bodies[3]] == ["Noot een.", "Noot twee.", "Noot drie."]
    assert [i for i in ids if i > 0] == [1, 2, 3]
    # the italic inside footnote 2 survives
    note2 = next(n for n in notes if n.get(f"{{{W}}}id") == "2")
    italic = [_text(r) for r in note2.iter(f"{{{W}}}r") if r.find("w:rPr/w:i", NS) is not None]
    assert italic == ["twee"]


def test_literal_text_in_body_footnote_and_cell_of_docx(root: Path) -> None:
    rapportage = (
        'titel: "Rapportage"\n'
        "secties:\n"
        "  - kop: Resultaten\n"
        "    tekst: |\n"
        f"      {LITERAL_SRC}^[{LITERAL_SRC}]\n"
        "    tabel:\n"
        "      kolommen: [A, B]\n"
        "      rijen:\n"
        f"        - ['{LITERAL_SRC.replace(chr(39), chr(39) * 2)}', y]\n")
    write_content(root, {R: rapportage}, with_docs=("rapportage",))
    _, docs, _ = build(root)
    rap = docs["rapportage"]
    assert any(isinstance(b, TableBlock) for b in rap.body)
    data = render_docx(TEMPLATES / "rapportage.docx", rap, META, SIGNING)

    document = _xml(data, "word/document.xml")
    body_paras = [_text(p) for p in document.iter(f"{{{W}}}p") if p.getparent().tag == f"{{{W}}}body"]
    assert LITERAL in body_paras
    cells = [_text(tc) for tc in document.iter(f"{{{W}}}tc")]
    assert LITERAL in cells
    notes = [_text(n).strip() for n in _xml(data, "word/footnotes.xml").findall("w:footnote", NS)
             if int(n.get(f"{{{W}}}id")) > 0]
    assert notes == [LITERAL]
    everything = _text(document) + " ".join(notes)
    assert "49" not in everything

    # python-docx reads the same text back
    d = docx.Document(io.BytesIO(data))
    assert LITERAL in [p.text for p in d.paragraphs]
    assert LITERAL in [c.text for t in d.tables for row in t.rows for c in row.cells]


def test_markup_error_position_in_folded_block_scalar(root: Path) -> None:
    write_content(root, {N: nota_with("Regel een\nregel **twee").replace("tekst: |", "tekst: >")})
    errors = markup_errors(root)
    assert len(errors) == 1 and errors[0].startswith("content/d1/nota.yaml:9:13: '**' (vet)")
