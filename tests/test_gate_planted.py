"""Adversarial plants in a finished public PDF: every one must stop the gate (no LibreOffice needed).

The base PDF is written here with pikepdf (Helvetica, a text layer both readers read).
Each case plants one civil servant's data in one place a reader or a tool can find it;
the clean base must pass, so a failure is the plant and not the base.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks import gate
from redaction.matchers import PersonData, name_forms

OUWEHAND = PersonData("jouwehand", "J. Ouwehand", "Joost", "j.ouwehand@minezk.nl", "070 123 4567", "JOu")


def forbidden() -> list[gate.Forbidden]:
    p = OUWEHAND
    out = [gate.Forbidden(form, "naam", True) for form in name_forms(p)]
    out.append(gate.Forbidden(str(p.email), "e-mailadres", False))
    out.append(gate.Forbidden(str(p.telefoon), "telefoonnummer", True))
    out.append(gate.Forbidden(str(p.paraaf), "paraaf", True))
    return out


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))


def base_pdf(path: Path, text: bytes = b"(Het besluit is genomen door de minister.) Tj") -> Path:
    pdf = pikepdf.new()
    ops = b"BT /F1 11 Tf 50 780 Td " + text + b" ET"
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_font(pdf))),
                              Contents=pdf.make_stream(ops))
    pdf.pages.append(pikepdf.Page(page))
    pdf.Root.StructTreeRoot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    pdf.save(path)
    return path


def _edit(path: Path, change: Callable[[pikepdf.Pdf], None]) -> None:
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        change(pdf)
        pdf.save(path)


def _embed(data: bytes, name: str = "bijlage.txt") -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        stream = pdf.make_stream(data)
        stream.Type = pikepdf.Name.EmbeddedFile
        spec = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=name, UF=name,
                                                    EF=pikepdf.Dictionary(F=stream)))
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=[name, spec]))
    return change


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document><w:t>Opgesteld door Joost Ouwehand</w:t></w:document>")
    return buf.getvalue()


def _attachment_annot(pdf: pikepdf.Pdf) -> None:
    stream = pdf.make_stream(b"OPGESTELD DOOR J. OUWEHAND")
    spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F="a.txt", EF=pikepdf.Dictionary(F=stream))
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment,
                                                 Rect=[0, 0, 10, 10], FS=spec))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))


def _link(uri: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        annot = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[50, 770, 200, 790],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri))))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))
    return change


def _struct_type(name: str) -> Callable[[pikepdf.Pdf], None]:
    def change(pdf: pikepdf.Pdf) -> None:
        elem = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + name),
                                                    P=pdf.Root.StructTreeRoot))
        pdf.Root.StructTreeRoot.K = pikepdf.Array([elem])
    return change


def _remapped_tounicode(pdf: pikepdf.Pdf) -> None:
    """The glyphs show 'Ouwehand'; a ToUnicode map makes every reader extract 'Xxxxxxxx'."""
    page = pdf.pages[0].obj
    shown = b"Opgesteld door Ouwehand".hex().encode()  # hex: the name is in no stream as letters either
    page.Contents = pdf.make_stream(b"BT /F1 11 Tf 50 780 Td <" + shown + b"> Tj ET")
    pairs = "".join(f"<{ord(c):02X}> <{ord('X' if c.isupper() else 'x'):04X}>\n" for c in "Ouwehand")
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /R def "
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            f"{len(set('Ouwehand'))} beginbfchar\n{pairs}endbfchar endcmap CMapName currentdict /CMap "
            "defineresource pop end end")
    page.Resources.Font.F1.ToUnicode = pdf.make_stream(cmap.encode())


def _after_eof(extra: bytes) -> Callable[[Path], None]:
    def plant(path: Path) -> None:
        path.write_bytes(path.read_bytes() + extra)
    return plant


def _pdf_edit(change: Callable[[pikepdf.Pdf], None]) -> Callable[[Path], None]:
    return lambda path: _edit(path, change)


def _text(ops: bytes) -> Callable[[Path], None]:
    return lambda path: base_pdf(path, ops)


def _docinfo(pdf: pikepdf.Pdf) -> None:
    pdf.docinfo["/Subject"] = "Nota van J. Ouwehand"


def _xmp(pdf: pikepdf.Pdf) -> None:
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = ["Joost Ouwehand"]


def _actual_text(pdf: pikepdf.Pdf) -> None:
    pdf.pages[0].obj.Contents = pdf.make_stream(
        b"/Span <</ActualText (Joost Ouwehand)>> BDC BT /F1 11 Tf 50 780 Td (x) Tj ET EMC")


def _alt(pdf: pikepdf.Pdf) -> None:
    elem = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Figure,
                                                Alt=pikepdf.String("Foto van J. Ouwehand")))
    pdf.Root.StructTreeRoot.K = pikepdf.Array([elem])


def _annot_contents(pdf: pikepdf.Pdf) -> None:
    annot = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Text,
                                                 Rect=[0, 0, 10, 10], Contents=pikepdf.String("Vraag Ouwehand")))
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([annot]))


def _bookmark(pdf: pikepdf.Pdf) -> None:
    with pdf.open_outline() as outline:
        outline.root.append(pikepdf.OutlineItem("Reactie J. Ouwehand", 0))


def _form_field(pdf: pikepdf.Pdf) -> None:
    field = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx, T=pikepdf.String("opsteller"),
                                                 V=pikepdf.String("J. Ouwehand")))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field])


def _second_revision(path: Path) -> None:
    with pikepdf.open(path) as pdf:
        pdf.docinfo["/Title"] = "Nota"
        buf = io.BytesIO()
        pdf.save(buf)
    data = path.read_bytes()
    # an incremental update: a new Info object and a second xref section after the first %%EOF
    size = len(pikepdf.open(io.BytesIO(data)).objects) + 1
    start = len(data)
    obj = f"{size} 0 obj\n<< /Title (J. Ouwehand) >>\nendobj\n".encode()
    xref = f"xref\n{size} 1\n{start:010d} 00000 n \n".encode()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root.objgen[0]
    prev = data.rfind(b"startxref")
    prev_off = int(data[prev + 9:].split()[0])
    trailer = f"trailer\n<< /Size {size + 1} /Root {root} 0 R /Info {size} 0 R /Prev {prev_off} >>\n".encode()
    tail = obj + xref + trailer + f"startxref\n{start + len(obj)}\n%%EOF\n".encode()
    path.write_bytes(data + tail)


PLANTS: dict[str, Callable[[Path], None]] = {
    # the ones the gate did not see (issue 10)
    "embedded file, capitals": _pdf_edit(_embed(b"OPGESTELD DOOR J. OUWEHAND, JOOST.OUWEHAND@MINEZK.NL")),
    "embedded file, UTF-16": _pdf_edit(_embed("Opgesteld door Joost Ouwehand".encode("utf-16"))),
    "embedded file, UTF-16LE no BOM": _pdf_edit(_embed("Joost Ouwehand".encode("utf-16-le"))),
    "embedded file, zipped DOCX": _pdf_edit(_embed(_docx_bytes(), "notitie.docx")),
    "file attachment annotation": _pdf_edit(_attachment_annot),
    "link URI, lower case slug": _pdf_edit(_link("https://linkedin.com/in/joost-ouwehand")),
    "link URI, lower case surname in path": _pdf_edit(_link("https://example.org/in/ouwehand")),
    "link URI, file name": _pdf_edit(_link("file:///N:/notitie_ouwehand_v2.docx")),
    "link URI, percent-encoded e-mail": _pdf_edit(_link("mailto:j.ouwehand%40minezk.nl")),
    "link URI, percent-encoded name": _pdf_edit(_link("https://example.org/Joost%20Ouwehand")),
    "name object: structure type": _pdf_edit(_struct_type("Ouwehand")),
    "name object: lower case slug": _pdf_edit(_struct_type("joost-ouwehand")),
    "ToUnicode map remaps the glyphs": _pdf_edit(_remapped_tounicode),
    "bytes after %%EOF, name": _after_eof(b"\n% Joost Ouwehand\n"),
    "bytes after %%EOF, lower case": _after_eof(b"ouwehand"),
    "bytes after %%EOF, zipped": _after_eof(_docx_bytes()),
    "text layer, soft hyphen in surname": _text(b"(Opgesteld door Ouwe\xadhand) Tj"),
    "text layer, e-mail with [at]": _text(b"(Mail j.ouwehand[at]minezk.nl) Tj"),
    "text layer, e-mail with spaces round @": _text(b"(Mail j.ouwehand @ minezk.nl) Tj"),
    # the ones it already caught: they must stay caught
    "DocInfo": _pdf_edit(_docinfo),
    "XMP": _pdf_edit(_xmp),
    "ActualText": _pdf_edit(_actual_text),
    "Alt text": _pdf_edit(_alt),
    "annotation contents": _pdf_edit(_annot_contents),
    "bookmark": _pdf_edit(_bookmark),
    "form field": _pdf_edit(_form_field),
    "hidden text (render mode 3)": _text(b"3 Tr (Joost Ouwehand) Tj"),
    "white text": _text(b"1 1 1 rg (Joost Ouwehand) Tj"),
    "second revision": _second_revision,
}


def test_the_clean_base_passes(tmp_path: Path) -> None:
    assert gate.check_pdf(base_pdf(tmp_path / "schoon.pdf"), forbidden(), []) == []


@pytest.mark.parametrize("case", list(PLANTS))
def test_a_planted_leak_stops_the_gate(tmp_path: Path, case: str) -> None:
    path = base_pdf(tmp_path / "openbaar.pdf")
    PLANTS[case](path)
    assert gate.check_pdf(path, forbidden(), []), f"niet gevonden: {case}"


TEXT_PLANTS = {
    "zero-width space": "Opgesteld door Ouwe\u200bhand",
    "word joiner": "Opgesteld door Ouwe\u2060hand",
    "zero-width joiner": "Opgesteld door Ouwe\u200dhand",
    "right-to-left override": "Opgesteld door \u202eOuwehand\u202c",
    "Cyrillic look-alike": "Opgesteld door \u041euwehand",  # Cyrillic capital O
    "Greek look-alike": "Opgesteld door Ouweh\u03b1nd",
    "folder slug in a path": "bzk/joost-ouwehand/nota.pdf",
    "file name": "notitie_ouwehand_v2.docx",
    "percent-encoded name": "https://example.org/Joost%20Ouwehand",
    "genitive": "Ouwehands voorstel",
    "e-mail with [at] and [dot]": "j.ouwehand[at]minezk[dot]nl",
    "full-width digits": "bel \uff10\uff17\uff10 \uff11\uff12\uff13 \uff14\uff15\uff16\uff17",
    "phone with figure dashes": "bel 070\u2012123\u20124567",
}


@pytest.mark.parametrize("case", list(TEXT_PLANTS))
def test_a_planted_leak_in_a_text_file_stops_the_gate(tmp_path: Path, case: str) -> None:
    path = tmp_path / "inventarislijst.csv"
    path.write_text(f"ID;Document\n1;{TEXT_PLANTS[case]}\n", encoding="utf-8")
    assert gate.check_text(path, forbidden()), f"niet gevonden: {case}"


def test_a_clean_text_file_passes(tmp_path: Path) -> None:
    path = tmp_path / "inventarislijst.csv"
    path.write_text("ID;Document\n1;Den Haag, de visserij en het ouwe handwerk\n", encoding="utf-8")
    assert gate.check_text(path, forbidden()) == []


def test_a_stale_public_version_is_moved_aside_with_a_note(tmp_path: Path) -> None:
    from pipeline.publication import publish

    woo = tmp_path / "dossier" / "woo"
    woo.mkdir(parents=True)
    (woo / "nota.pdf").write_bytes(b"%PDF-oud")
    note = publish.retire_public(tmp_path, "dossier", "de route is niet (meer) compleet")
    assert not woo.exists()
    stale = tmp_path / "dossier" / publish.STALE_FOLDER
    assert (stale / "nota.pdf").read_bytes() == b"%PDF-oud"
    assert "VEROUDERD" in (stale / publish.STALE_README).read_text(encoding="utf-8")
    assert note and "niet meer actueel" in note and str(stale) in note
    assert publish.retire_public(tmp_path, "dossier", "x") is None  # nothing left to retire


def test_a_name_with_its_accents_dropped_in_a_slug_is_caught(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<loc>https://example.org/selin-ozturk/nota.pdf</loc>", encoding="utf-8")
    ozturk = [gate.Forbidden(f, "naam") for f in name_forms(PersonData("s", "S. Öztürk", "Selin"))]
    assert gate.check_text(path, ozturk)
    path.write_text("<loc>https://example.org/PSG-DB-26061157/nota.pdf</loc>", encoding="utf-8")
    assert gate.check_text(path, ozturk) == []


def test_a_pdftotext_timeout_is_a_dutch_stop_not_a_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.errors import VerificationError
    from pipeline.finish import pdf

    seen = {}

    def slow(path: Path, timeout: float = 120) -> str:
        seen["timeout"] = timeout
        raise pdf.PopplerTimeout("pdftotext las het niet")

    monkeypatch.setattr(pdf, "extract_text", slow)
    with pytest.raises(VerificationError, match="niet binnen .* s; de openbare versie is niet gecontroleerd"):
        gate.text_layers(base_pdf(tmp_path / "lang.pdf"), pages=1359)
    assert seen["timeout"] >= 1359  # the time scales with the pages: a long document is read, not refused


def test_a_finding_names_the_content_line_that_printed_it_and_the_rule(tmp_path: Path) -> None:
    """A form the matchers missed (here: a redaction undone on the model) is traced to its content line."""
    from pipeline import build
    from pipeline.model.document import Span
    from pipeline.publication import publish
    from redaction.apply import walk
    from tests.e2e_helpers import motie21_copy

    (plan,) = build.prepare(motie21_copy(tmp_path), ["motie-21-ezk"], [])
    missed = None
    for _section, text in walk(plan.docs["rapportage"]):
        for i, span in enumerate(text):
            if isinstance(span, Span) and span.redaction and span.text == "S. Öztürk":
                text[i] = Span(span.text, span.loc)  # printed as it was typed: what a missed match does
                missed = span.loc
                break
        if missed:
            break
    assert missed is not None
    path = tmp_path / "inventarislijst.csv"
    path.write_text("ID;Document\n1;Nota van S. Öztürk\n", encoding="utf-8")
    (problem,) = [p for p in gate.check_text(path, publish.forbidden_for(plan)) if "naam 'S. Öztürk'" in p]
    assert f"{missed} (niet gelakt)" in problem
    assert "regel: naam van een ambtenaar (rol ambtenaar, " in problem and "moet gelakt onder 5.1.2e" in problem


def _docx_with(text: str, path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document><w:body><w:p><w:r><w:t>" + text.replace(" ", "</w:t></w:r>"
                   "<w:r><w:t xml:space=\"preserve\"> ") + "</w:t></w:r></w:p></w:body></w:document>")
    return path


def test_controleer_reads_a_docx_and_a_csv_and_exits_6_or_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.cli import main
    from tests.e2e_helpers import CONTENT

    leak = _docx_with("Opgesteld door Selin Öztürk (CIO-office)", tmp_path / "notitie.docx")
    clean = _docx_with("Opgesteld door de CIO-office", tmp_path / "schoon.docx")
    csv_leak = tmp_path / "export.csv"
    csv_leak.write_text("naam;mail\nx;SELIN.OZTURK@MINEZK.NL\n", encoding="utf-8")
    assert main(["controleer", "--content", str(CONTENT), "motie-21-ezk", str(leak), str(clean), str(csv_leak)]) == 6
    err = capsys.readouterr().err
    assert "notitie.docx: naam 'Selin Öztürk' staat erin (word/document.xml)" in err
    assert "export.csv: e-mailadres 'selin.ozturk@minezk.nl' staat erin" in err
    assert "schoon.docx" not in err
    assert main(["controleer", "--content", str(CONTENT), "motie-21-ezk", str(clean)]) == 0
    assert "in orde" in capsys.readouterr().out
