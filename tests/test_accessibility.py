"""Accessibility of the PDFs: the checks in pipeline/checks/accessibility/, and the public PDFs passing them.

Two halves. The unit half builds a small tagged PDF by hand that passes every check, then
breaks one property at a time: each check must notice exactly that (a check that cannot fail
proves nothing). The end-to-end half (`soffice`) runs one real public build and holds every
public PDF of both complete dossiers to the checks, plus what is known about these documents:
headings from the content, the table header rows, the colofon's place in the reading order,
the nota read in the seed's order, the Woo codes as words.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest
from e2e_helpers import CONTENT, SEED_HEADINGS, build_once, load_seed, normalise, tolerant
from pikepdf import Array, Dictionary, Name, String
from ruamel.yaml import YAML

from pipeline.checks import accessibility as a11y
from pipeline.checks.accessibility import (
    WOO_CODE_RX,
    check_pdf,
    find_pdfs,
    font_table,
    parse_verapdf_report,
    read_facts,
    reading_blocks,
    repair_pdf,
    validate,
)
from pipeline.checks.accessibility import checks as a11y_checks
from pipeline.finish.pdf import extract_text, inspect_pdf

FONT_FILE = next((p for p in (Path("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
                              Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
                              Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) if p.is_file()), None)
needs_font = pytest.mark.skipif(FONT_FILE is None, reason="geen TrueType-lettertype om in te bedden")
needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils ontbreekt")


# =========================================================================== a tagged PDF by hand


_UNDER_DOCUMENT = Dictionary()  # sentinel: hang the element under the Document element


class TaggedPdf:
    """A one-page tagged PDF with everything check_pdf asks for; tests break one thing at a time.

    Structure elements are indirect dictionaries; their /K lists are kept here and written
    by save(), together with the ParentTree, so a test can still change them before saving.
    """

    def __init__(self, *, embed_font: bool = True) -> None:
        self.pdf = pikepdf.new()
        self.pdf.add_blank_page(page_size=(595, 842))
        self.page = self.pdf.pages[0]
        self.page.obj.Resources = Dictionary(Font=Dictionary(F1=self._font(embed_font)))
        self.ops: list[bytes] = []
        self.kids: dict[tuple[int, int], list[object]] = {}
        self.by_mcid: list[Dictionary] = []
        self.root = self.pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        self.role_map = Dictionary(Tekst=Name.P)
        self.document = self.element("Document", None)
        self.y = 800.0
        self.annots: list[Dictionary] = []
        self.annot_parents: list[Dictionary] = []
        self.tabs: object = Name.S  # LibreOffice 7.4 writes String("S")
        self.title = "Toegankelijke testnota"

    def _font(self, embed: bool) -> Dictionary:
        if not embed:
            return Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica,
                              Encoding=Name.WinAnsiEncoding)
        assert FONT_FILE is not None
        data = FONT_FILE.read_bytes()
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /T def /CMapType 2 def\n"
                b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
                b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
        descriptor = Dictionary(Type=Name.FontDescriptor, FontName=Name("/LiberationSans"), Flags=32,
                                FontBBox=Array([-200, -300, 1200, 1000]), ItalicAngle=0, Ascent=900,
                                Descent=-200, CapHeight=700, StemV=80,
                                FontFile2=self.pdf.make_stream(data, Length1=len(data)))
        return self.pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.TrueType, BaseFont=Name("/LiberationSans"), FirstChar=32, LastChar=126,
            Widths=Array([556] * 95), Encoding=Name.WinAnsiEncoding, FontDescriptor=descriptor,
            ToUnicode=self.pdf.make_stream(cmap)))

    # --- structure -----------------------------------------------------------------------

    def element(self, role: str, parent: Dictionary | None = _UNDER_DOCUMENT, **entries: object) -> Dictionary:
        parent = self.document if parent is _UNDER_DOCUMENT else parent
        elem = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name(f"/{role}"), Pg=self.page.obj,
                                                 P=parent if parent is not None else self.root, **entries))
        self.kids[elem.objgen] = []
        if parent is not None:
            self.kids[parent.objgen].append(elem)
        return elem

    def text(self, role: str, text: str, parent: Dictionary | None = _UNDER_DOCUMENT, **entries: object) -> Dictionary:
        elem = self.element(role, parent, **entries)
        self.mark(elem, self.show(text))
        return elem

    def mark(self, elem: Dictionary, content: bytes) -> int:
        mcid = len(self.by_mcid)
        self.by_mcid.append(elem)
        self.kids[elem.objgen].append(mcid)
        self.ops.append(b"/%s <</MCID %d>> BDC\n" % (str(elem.S)[1:].encode(), mcid) + content + b"EMC\n")
        return mcid

    def show(self, text: str, x: float = 72) -> bytes:
        self.y -= 20
        string = pikepdf.unparse_content_stream([([String(text.encode("cp1252"))], pikepdf.Operator("Tj"))])
        return b"BT /F1 10 Tf %.2f %.2f Td %s ET\n" % (x, self.y, string.strip())

    def table(self, rows: list[list[tuple[str, str]]], parent: Dictionary | None = _UNDER_DOCUMENT,
              scope: bool = True) -> Dictionary:
        table = self.element("Table", parent)
        for row in rows:
            tr = self.element("TR", table)
            for role, text in row:
                attrs = {"A": Dictionary(O=Name.Table, Scope=Name.Column)} if role == "TH" and scope else {}
                cell = self.element(role, tr, **attrs)
                self.text("P", text, cell)
        return table

    def image(self, elem: Dictionary) -> None:
        img = self.pdf.make_stream(b"\x80", Type=Name.XObject, Subtype=Name.Image, Width=1, Height=1,
                                   ColorSpace=Name.DeviceGray, BitsPerComponent=8)
        self.page.obj.Resources.XObject = Dictionary(Im1=img)
        self.mark(elem, b"q 20 0 0 20 300 300 cm /Im1 Do Q\n")

    def link(self, rect: list[float], contents: str = "1", tagged: bool = True, under: Dictionary | None = None,
             mcid: int | None = None) -> Dictionary:
        annot = self.pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array(rect), Border=Array([0, 0, 0]), F=4,
            Contents=String(contents), A=Dictionary(S=Name.URI, URI=String("https://example.org"))))
        self.annots.append(annot)
        if tagged:
            link = self.element("Link", under or self.document)
            if mcid is not None:
                self.kids[link.objgen].append(mcid)
            self.kids[link.objgen].append(Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.page.obj))
            self.annot_parents.append(link)
            annot.StructParent = len(self.annot_parents)
        return annot

    # --- writing -------------------------------------------------------------------------

    def save(self, path: Path, *, before_save: Callable[[TaggedPdf], None] | None = None) -> Path:
        for objgen, kids in self.kids.items():
            elem = self.pdf.get_object(objgen)
            elem.K = Array(kids)
        self.root.K = Array([self.document])
        self.root.RoleMap = self.role_map
        nums = Array([0, Array(self.by_mcid)])
        for key, link in enumerate(self.annot_parents, 1):
            nums.extend([key, link])
        self.root.ParentTree = self.pdf.make_indirect(Dictionary(Nums=nums))
        self.root.ParentTreeNextKey = len(self.annot_parents) + 1
        self.page.obj.StructParents = 0
        if self.annots:
            self.page.obj.Annots = Array(self.annots)
            self.page.obj.Tabs = self.tabs
        self.page.obj.Contents = self.pdf.make_stream(b"".join(self.ops))
        self.pdf.Root.StructTreeRoot = self.root
        self.pdf.Root.MarkInfo = Dictionary(Marked=True)
        self.pdf.Root.Lang = String("nl-NL")
        self.pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        self.pdf.docinfo[Name.Title] = String(self.title)
        with self.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = self.title
        if before_save:
            before_save(self)
        self.pdf.save(path)
        return path


def good_pdf(doc: TaggedPdf | None = None) -> TaggedPdf:
    """Headings, paragraphs, a list, a table with a header row, a figure with alt text, an artifact."""
    doc = doc or TaggedPdf()
    doc.text("H1", "Aanleiding")
    doc.text("Tekst", "Dit is de eerste alinea.")
    doc.text("H2", "Proces")
    doc.text("P", "Opgesteld door 5.1.2e en verzonden.")
    doc.table([[("TH", "Functie"), ("TH", "Naam")], [("TD", "Directeur"), ("TD", "5.1.2e")]])
    fig = doc.element("Figure", Alt=String("Grafiek van de verwerkingen per jaar"))
    doc.image(fig)
    doc.ops.append(b"/Artifact BMC 0 0 0 rg 70 60 450 1 re f EMC\n")  # a rule, as decoration
    doc.ops.append(b"/Artifact BMC " + doc.show("Pagina 1 van 1") + b"EMC\n")
    return doc


@pytest.fixture
def make(tmp_path: Path) -> Callable[..., Path]:
    """make(change) -> path: the good PDF with change(doc) applied before or at saving."""
    def build(change: Callable[[TaggedPdf], None] | None = None, *, at_save: bool = False,
              doc: TaggedPdf | None = None) -> Path:
        doc = good_pdf(doc)
        if change and not at_save:
            change(doc)
        return doc.save(tmp_path / "test.pdf", before_save=change if at_save else None)
    return build


# =========================================================================== unit: the checks


@needs_font
@needs_poppler
def test_the_hand_built_pdf_passes_every_check(make: Callable[..., Path]) -> None:
    path = make()
    assert check_pdf(path, require_headings=True) == []
    blocks = [b.text for b in reading_blocks(path)]
    assert blocks == ["Aanleiding", "Dit is de eerste alinea.", "Proces", "Opgesteld door 5.1.2e en verzonden.",
                      "Functie", "Naam", "Directeur", "5.1.2e"]


def _del(key: str) -> Callable[[TaggedPdf], None]:
    return lambda d: d.pdf.Root.__delattr__(key[1:])


def _ragged(d: TaggedPdf) -> None:
    d.table([[("TH", "A"), ("TH", "B")], [("TD", "1")]])


def _orphan(d: TaggedPdf) -> None:
    d.ops.append(b"/P <</MCID 99>> BDC " + d.show("Zwevende tekst") + b"EMC\n")


def _wrong_parent_tree(d: TaggedPdf) -> None:
    d.root.ParentTree.Nums[1][0] = d.document


def _no_title(d: TaggedPdf) -> None:
    d.pdf.docinfo[Name.Title] = String("")
    with d.pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        del meta["dc:title"]


def _tabs_as_string(d: TaggedPdf) -> None:
    d.link([300, 100, 320, 110])
    d.tabs = String("S")


def _heading_text(level: int, text: str) -> Callable[[TaggedPdf], None]:
    return lambda d: d.text(f"H{level}", text)


# (name, change, applied at save time?, require headings, a phrase the problem must contain)
BREAKAGES: list[tuple[str, Callable[[TaggedPdf], None], bool, bool, str]] = [
    ("niet getagd", _del("/MarkInfo"), True, False, "niet getagd: /MarkInfo"),
    ("verdachte tags", lambda d: d.pdf.Root.MarkInfo.__setattr__("Suspects", True), True, False, "/Suspects"),
    ("geen structuurboom", _del("/StructTreeRoot"), True, False, "geen structuurboom"),
    ("geen titel", _no_title, True, False, "geen documenttitel"),
    ("titel niet getoond", lambda d: d.pdf.Root.ViewerPreferences.__setattr__("DisplayDocTitle", False), True,
     False, "DisplayDocTitle"),
    ("geen taal", _del("/Lang"), True, False, "geen documenttaal"),
    ("ongeldige taal", lambda d: d.pdf.Root.__setattr__("Lang", String("nl_NL!")), True, False,
     "geen geldige taalcode"),
    ("tabel zonder TH", lambda d: d.table([[("TD", "Functie"), ("TD", "Naam")], [("TD", "a"), ("TD", "b")]]),
     False, False, "geen kopcellen"),
    ("TH zonder Scope", lambda d: d.table([[("TH", "A")], [("TD", "1")]], scope=False), False, False,
     "zonder /Scope"),
    ("tabel zonder rijen", lambda d: d.element("Table"), False, False, "geen rijen"),
    ("rafelige tabel", _ragged, False, False, "verschillend aantal kolommen"),
    ("figuur zonder Alt", lambda d: d.image(d.element("Figure")), False, False, "zonder alternatieve tekst"),
    ("lege figuur", lambda d: d.element("Figure", Alt=String("Colofon")), False, False, "markeert niets"),
    ("afbeelding als tekst getagd", lambda d: d.image(d.element("P")), False, False, "afbeelding is getagd als P"),
    ("lijn niet getagd", lambda d: d.ops.append(b"0 0 0 RG 72 50 m 500 50 l S\n"), False, False,
     "niet getagd en geen artefact is: S ×1"),
    ("tekst niet getagd", lambda d: d.ops.append(d.show("Losse tekst")), False, False, "'Losse tekst'"),
    ("tekst buiten MCID", lambda d: d.ops.append(b"/P BMC " + d.show("Zonder id") + b"EMC\n"), False, False,
     "niet getagd en geen artefact"),
    ("geen koppen", lambda d: [d.by_mcid[i].__setattr__("S", Name.P) for i in (0, 2)], True, True,
     "geen koppen"),
    ("kopniveau overgeslagen", _heading_text(4, "Te diep"), False, False, "kopniveau overgeslagen: H2 gevolgd door H4"),
    ("eerste kop geen H1", lambda d: d.by_mcid[0].__setattr__("S", Name.H2), True, False, "niet H1"),
    ("lege kop", lambda d: d.element("H2"), False, False, "lege kop"),
    ("H en H1 door elkaar", lambda d: d.text("H", "Kop"), False, False, "door elkaar"),
    ("inhoud buiten de boom", _orphan, False, False, "hangt niet in de structuurboom"),
    ("ParentTree fout", _wrong_parent_tree, True, False, "ParentTree"),
    ("standaardtype omgezet", lambda d: d.role_map.__setattr__("P", Name.H1), False, False,
     "zet het standaardtype P om naar H1"),
    ("onbekend type", lambda d: d.text("Kader", "Tekst in een kader"), False, False, "zonder standaardbetekenis"),
    ("link niet getagd", lambda d: d.link([300, 100, 320, 110], tagged=False), False, False,
     "niet in de structuurboom: Link"),
    ("link zonder beschrijving", lambda d: d.link([300, 100, 320, 110], contents=""), False, False,
     "link zonder beschrijving"),
    ("Tabs als tekst", _tabs_as_string, False, False, "/Tabs /S"),
    ("Woo-code vastgeplakt", lambda d: d.text("P", "Naam5.1.2e en verder"), False, False, "plakt aan een woord"),
    ("Woo-code alleen als artefact", lambda d: d.ops.append(b"/Artifact BMC " + d.show("5.1.2e") + b"EMC\n"),
     False, False, "zichtbaar op de pagina's maar"),
]


@needs_font
@needs_poppler
@pytest.mark.parametrize(("name", "change", "at_save", "require", "phrase"), BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_each_check_fails_on_a_pdf_without_its_property(make: Callable[..., Path], name: str,
                                                        change: Callable[[TaggedPdf], None], at_save: bool,
                                                        require: bool, phrase: str) -> None:
    problems = check_pdf(make(change, at_save=at_save), require_headings=require)
    assert any(phrase in p for p in problems), problems


@needs_poppler
def test_fonts_not_embedded_and_without_tounicode_are_reported(make: Callable[..., Path]) -> None:
    problems = check_pdf(make(doc=TaggedPdf(embed_font=False)))
    assert any("Helvetica is niet ingebed" in p for p in problems), problems
    assert any("Helvetica heeft geen ToUnicode" in p for p in problems), problems


@needs_font
@needs_poppler
def test_repair_tags_a_footnote_back_link_and_sets_tabs(tmp_path: Path) -> None:
    """The two LibreOffice 7.4 defects, reproduced: /Tabs (S) as a string, an untagged link on a footnote number."""
    doc = good_pdf()
    note = doc.element("Note")
    footnote = doc.element("Footnote", note)
    doc.role_map.Footnote = Name.P
    doc.mark(footnote, doc.show("1", x=72))
    doc.mark(footnote, b"BT /F1 10 Tf 80 %.2f Td (Zie de bijlage.) Tj ET\n" % doc.y)
    annot = doc.link([71, doc.y - 2, 78, doc.y + 9], tagged=False)
    doc.tabs = String("S")
    path = doc.save(tmp_path / "voetnoot.pdf")
    before = check_pdf(path)
    assert any("/Tabs /S" in p for p in before) and any("niet in de structuurboom: Link '1'" in p for p in before)
    text = extract_text(path)

    done = repair_pdf(path)
    assert done == ["/Tabs /S gezet op pagina 1", "link '1' op pagina 1 in de structuurboom gezet (onder Footnote)"]
    assert check_pdf(path) == []
    assert repair_pdf(path) == []  # idempotent, the file is not rewritten
    assert extract_text(path) == text
    with pikepdf.open(path) as pdf:
        facts = read_facts(pdf)
        link = next(e for e in facts.structure.elements if e.role == "Link" and e.parent and e.parent.raw == "Footnote")
        assert link.text == "1" and [str(a.Contents) for a in link.annotations] == [str(annot.Contents)]
    assert [b.text for b in reading_blocks(path)][-1] == "1 Zie de bijlage."


def test_table_grid_counts_colspan_and_rowspan() -> None:
    class Cell:
        def __init__(self, col: int = 1, row: int = 1) -> None:
            self.spans = {"/ColSpan": col, "/RowSpan": row}

        def attribute(self, key: str) -> int:
            return self.spans[key]

    grid = a11y_checks._grid_widths  # the rule behind "rijen met verschillend aantal kolommen"
    assert grid([[Cell(), Cell(), Cell()], [Cell(col=2), Cell()]]) == [3, 3]  # type: ignore[list-item]
    assert grid([[Cell(row=2), Cell(), Cell()], [Cell(), Cell()]]) == [3, 3]  # type: ignore[list-item]
    assert grid([[Cell(), Cell()], [Cell()]]) == [2, 1]  # type: ignore[list-item]


def test_woo_code_pattern() -> None:
    assert WOO_CODE_RX.findall("Opgesteld door \u00a05.1.2e\u00a0 en (5.1.1c).") == ["5.1.2e", "5.1.1c"]
    assert WOO_CODE_RX.findall("5.1.2 5.1.25 125.1.2e Naam5.1.2e 5.1.2eJansen") == ["5.1.2"]
    assert a11y_checks.WOO_CODE_GLUED_RX.findall("Naam5.1.2e en 5.1.2eJansen, maar 5.1.2e. en 5.1.2e,") == [
        "5.1.2e", "5.1.2e"]


# =========================================================================== unit: make validate


VERAPDF_REPORT = """<?xml version="1.0" encoding="utf-8"?>
<report><jobs>
  <job><item size="1"><name>{good}</name></item>
    <validationReport profileName="PDF/UA-1 validation profile" statement="..." isCompliant="false">
      <details passedRules="105" failedRules="1" passedChecks="900" failedChecks="1">
        <rule specification="ISO 14289-1:2014" clause="5" testNumber="1" status="failed" failedChecks="1">
          <description>The PDF/UA version and conformance level of a file shall be specified</description>
        </rule>
      </details></validationReport></job>
  <job><item size="1"><name>{bad}</name></item>
    <validationReport profileName="PDF/UA-1 validation profile" statement="..." isCompliant="false">
      <details passedRules="104" failedRules="2" passedChecks="800" failedChecks="13">
        <rule specification="ISO 14289-1:2014" clause="5" testNumber="1" status="failed" failedChecks="1">
          <description>PDF/UA identification</description></rule>
        <rule specification="ISO 14289-1:2014" clause="7.1" testNumber="3" status="failed" failedChecks="12">
          <description>Content shall be marked as Artifact or tagged as real content</description></rule>
        <rule specification="ISO 14289-1:2014" clause="7.1" testNumber="1" status="passed" passedChecks="4"/>
      </details></validationReport></job>
</jobs></report>"""


def test_verapdf_report_is_read_per_file_and_the_pdfua_claim_is_only_a_note(tmp_path: Path) -> None:
    good, bad = tmp_path / "goed.pdf", tmp_path / "fout.pdf"
    result = parse_verapdf_report(VERAPDF_REPORT.format(good=good, bad=bad).encode(), "ua1", [good, bad])
    assert result.error is None
    assert result.failed == {bad: ["7.1-3 (12×) Content shall be marked as Artifact or tagged as real content"]}
    assert len(result.notes) == 2 and all("5-1 (niet geclaimd)" in n for n in result.notes)
    # For PDF/A-2b nothing is excused.
    result = parse_verapdf_report(VERAPDF_REPORT.format(good=good, bad=bad).encode(), "2b", [good, bad])
    assert set(result.failed) == {good, bad}
    assert parse_verapdf_report(b"<report", "2b", [good]).error


def _fake_verapdf(folder: Path, report: str, code: int) -> Path:
    exe = folder / "verapdf"
    exe.write_text(f"#!/bin/sh\ncat <<'EOF'\n{report}\nEOF\nexit {code}\n", encoding="utf-8")
    exe.chmod(0o755)
    return exe


@needs_font
@needs_poppler
def test_validate_runs_the_checks_and_verapdf_when_it_is_there(make: Callable[..., Path], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    build = tmp_path / "build"
    (build / "d" / "woo").mkdir(parents=True)
    (build / ".woo-staging").mkdir()
    (build / "d" / "lakvoorstel").mkdir()
    nota = build / "d" / "woo" / "nota.pdf"
    shutil.copyfile(make(), nota)
    shutil.copyfile(nota, build / ".woo-staging" / "nota.pdf")
    shutil.copyfile(nota, build / "d" / "lakvoorstel" / "nota.pdf")
    assert find_pdfs([build]) == [nota]  # hidden staging folders are not outputs; review copies only on request
    assert find_pdfs([build], review=True) == [build / "d" / "lakvoorstel" / "nota.pdf", nota]

    real_which = shutil.which
    with monkeypatch.context() as patch:
        patch.setattr(shutil, "which", lambda name, *a, **k: None if name == "verapdf" else real_which(name, *a, **k))
        out = io.StringIO()
        assert validate([build], out=out) == 0
        assert f"OK   {nota}" in out.getvalue() and "veraPDF staat niet op PATH" in out.getvalue()

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    one_job = VERAPDF_REPORT.format(good=nota, bad=nota)
    one_job = one_job[:one_job.index("<job>")] + one_job[one_job.index("</job>") + len("</job>"):]
    _fake_verapdf(bin_dir, one_job, 1)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    out = io.StringIO()
    assert validate([build], out=out) == 1
    assert f"FOUT veraPDF ua1 {nota}" in out.getvalue() and "7.1-3 (12×)" in out.getvalue()
    assert "noot veraPDF ua1" in out.getvalue()

    broken = make(_del("/Lang"), at_save=True)
    shutil.copyfile(broken, nota)
    out = io.StringIO()
    assert validate([build], use_verapdf=False, out=out) == 1
    assert "geen documenttaal" in out.getvalue()
    assert validate([tmp_path / "bestaat-niet"], out=io.StringIO()) == 2


@needs_font
@needs_poppler
def test_validate_cli_json(make: Callable[..., Path]) -> None:
    path = make()
    proc = subprocess.run([sys.executable, "-m", "pipeline.checks.accessibility", "--json", str(path)],
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent, check=False)
    assert proc.returncode == 0, proc.stderr
    assert '": []' in proc.stdout


@needs_font
def test_pdfua_package_agrees_on_the_hand_built_pdf(make: Callable[..., Path]) -> None:
    errors = a11y.pdfua_errors(make())
    if errors is None:
        pytest.skip("pdfua niet geïnstalleerd")
    assert errors == []
    assert any("UA-13-004" in e for e in a11y.pdfua_errors(make(lambda d: d.image(d.element("Figure")))) or [])


# =========================================================================== end to end: the public PDFs


DOSSIERS = ("motie-21-ezk", "bzk-stemlokalen")
KINDS = ("nota", "kamerbrief", "rapportage")
PUBLIC = [(d, k) for d in DOSSIERS for k in KINDS]


def _yaml(path: Path) -> dict:  # type: ignore[type-arg]
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _content_headings(sections: list[dict], level: int = 1) -> list[tuple[int, str]]:  # type: ignore[type-arg]
    out = []
    for section in sections or []:
        if "kop" in section:
            out.append((level, str(section["kop"])))
        out += _content_headings(section.get("secties", []), level + 1)
    return out


def _content_tables(node: object) -> list[dict]:  # type: ignore[type-arg]
    if isinstance(node, dict):
        found = [node["tabel"]] if "tabel" in node else []
        return found + [t for v in node.values() for t in _content_tables(v)]
    if isinstance(node, list):
        return [t for v in node for t in _content_tables(v)]
    return []


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, "woo")


@pytest.fixture(scope="module")
def repaired(out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The public PDFs after accessibility.repair_pdf (a copy; the build's own files stay as built)."""
    target = tmp_path_factory.mktemp("repaired")
    for dossier, kind in PUBLIC:
        dest = target / dossier / f"{kind}.pdf"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out / dossier / "woo" / f"{kind}.pdf", dest)
        repair_pdf(dest)
    return target


def _facts(path: Path):  # type: ignore[no-untyped-def]
    """(open Pdf, A11yFacts) for tests that need structure elements; use `with pdf:`."""
    pdf = pikepdf.open(path)
    return pdf, read_facts(pdf)


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_public_pdfs_pass_every_check_after_repair(repaired: Path, out: Path, dossier: str, kind: str) -> None:
    path = repaired / dossier / f"{kind}.pdf"
    assert check_pdf(path, require_headings=kind != "kamerbrief") == []
    # The repair touches structure only: same text, still PDF/A-2b in one revision.
    built = out / dossier / "woo" / f"{kind}.pdf"
    assert extract_text(path) == extract_text(built)
    after, before = inspect_pdf(path), inspect_pdf(built)
    assert (after.pdfa, after.tagged, after.lang, after.title, after.page_count, after.revisions) == (
        before.pdfa, before.tagged, before.lang, before.title, before.page_count, 1)


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_public_pdfs_as_built_have_no_problems(out: Path, dossier: str, kind: str) -> None:
    # The build runs accessibility.repair_pdf on every conversion (LibreOffice 7.4's /Tabs and
    # untagged footnote links): nothing may be left.
    assert check_pdf(out / dossier / "woo" / f"{kind}.pdf", require_headings=kind != "kamerbrief") == []


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_public_pdfs_are_tagged_titled_dutch_and_embedded(out: Path, dossier: str, kind: str) -> None:
    path = out / dossier / "woo" / f"{kind}.pdf"
    facts = inspect_pdf(path)
    assert facts.tagged and facts.lang == "nl-NL" and facts.fonts_all_embedded
    assert facts.title and facts.title.strip()
    with pikepdf.open(path) as pdf:
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.open_metadata().get("dc:title", "")).strip() == facts.title
    assert all(row["emb"] == "yes" and row["uni"] == "yes" for row in font_table(path))


@pytest.mark.soffice
@pytest.mark.parametrize("dossier", DOSSIERS)
@pytest.mark.parametrize("kind", ["nota", "rapportage"])
def test_headings_are_the_contents_headings_at_their_levels(out: Path, dossier: str, kind: str) -> None:
    expected = _content_headings(_yaml(CONTENT / dossier / f"{kind}.yaml")["secties"])
    pdf, facts = _facts(out / dossier / "woo" / f"{kind}.pdf")
    with pdf:
        headings = [(int(e.role[1]), e.text) for e in facts.structure.elements if re.fullmatch(r"H[1-6]", e.role)]
    assert len(headings) >= len(expected)
    for (level, text), (want_level, want) in zip(headings, expected, strict=False):
        # The nota's sub-headings carry a label ("a. Draagvlak politiek").
        assert level == want_level and normalise(text).endswith(normalise(want)), (level, text, want_level, want)
    if dossier == "motie-21-ezk" and kind == "nota":
        assert [t for _, t in headings] == list(SEED_HEADINGS)


@pytest.mark.soffice
@pytest.mark.parametrize("dossier", DOSSIERS)
def test_nota_route_table_has_a_header_row_and_a_row_per_step(out: Path, dossier: str) -> None:
    steps = _yaml(CONTENT / dossier / "dossier.yaml")["parafenroute"]
    pdf, facts = _facts(out / dossier / "woo" / "nota.pdf")
    with pdf:
        table = facts.structure.with_role("Table")[0]
        rows = a11y_checks._rows(table)
        header = [c for c in rows[0].children]
        assert [(c.role, c.text) for c in header] == [("TH", "Functie"), ("TH", "Naam"), ("TH", "Paraaf"),
                                                       ("TH", "Datum")]
        assert all(str(c.attribute("/Scope")) == "/Column" for c in header)
        assert len(rows) - 1 == len(steps)
        for row in rows[1:]:
            assert [c.role for c in row.children] == ["TD"] * 4
            # A redacted name reads as the Woo code alone, nothing glued to it.
            name = row.children[1].text
            assert name == "5.1.2e" or not WOO_CODE_RX.search(name), name


@pytest.mark.soffice
@pytest.mark.parametrize("dossier", DOSSIERS)
def test_rapportage_tables_have_their_columns_as_header_row(out: Path, dossier: str) -> None:
    tables = _content_tables(_yaml(CONTENT / dossier / "rapportage.yaml"))
    path = out / dossier / "woo" / "rapportage.pdf"
    pdf, facts = _facts(path)
    with pdf:
        found = facts.structure.with_role("Table")
        assert len(found) == len(tables) > 0
        spans = []
        blocks = [b.text for b in facts.blocks]
        for table, content in zip(found, tables, strict=True):
            rows = a11y_checks._rows(table)
            assert [(c.role, c.text) for c in rows[0].children] == [("TH", str(k)) for k in content["kolommen"]]
            assert all(str(c.attribute("/Scope")) == "/Column" for c in rows[0].children)
            assert len(rows) - 1 == len(content["rijen"])
            assert all(c.role == "TD" for row in rows[1:] for c in row.children)
            pages = sorted({r.page for r in rows})
            spans.append(len(pages))
            for page in pages[1:]:
                # The header row repeats on the next page as an artifact: seen on every page, read once.
                artifacts = normalise(" ".join(facts.pages[page - 1].artifact_text))
                assert all(str(k) in artifacts for k in content["kolommen"]), (page, artifacts)
            assert all(blocks.count(str(k)) == 1 for k in content["kolommen"])
    if dossier == "bzk-stemlokalen":
        assert spans == [2], "de tabel van bzk-stemlokalen loopt over een paginagrens (zie rapportage.yaml)"


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_no_figures_and_no_untagged_drawing(out: Path, dossier: str, kind: str) -> None:
    """The documents have no images: the colofon frame is a Div, rules and redaction boxes are artifacts."""
    pdf, facts = _facts(out / dossier / "woo" / f"{kind}.pdf")
    with pdf:
        assert facts.structure.with_role("Figure") == []
        assert [dict(p.untagged) for p in facts.pages if p.untagged] == []
        assert all(not p.images for p in facts.pages)


@pytest.mark.soffice
@pytest.mark.parametrize("dossier", DOSSIERS)
@pytest.mark.parametrize("kind", ["nota", "kamerbrief"])
def test_colofon_is_one_block_in_the_reading_order_before_the_letter(out: Path, dossier: str, kind: str) -> None:
    pdf, facts = _facts(out / dossier / "woo" / f"{kind}.pdf")
    with pdf:
        colofon = [e for e in facts.structure.elements if e.raw in ("Colofon", "Colofon kop")]
        divs = {id(e.parent) for e in colofon}
        assert len(divs) == 1 and colofon[0].parent and colofon[0].parent.role == "Div"
        raws = [b.raw for b in facts.blocks]
    at = [i for i, r in enumerate(raws) if r in ("Colofon", "Colofon kop")]
    first, last = at[0], at[-1]
    assert all(r in ("Colofon", "Colofon kop") for r in raws[first:last + 1]), raws[first:last + 1]
    texts = [b.text for b in facts.blocks]
    assert "Datum" in texts[first:last + 1] or "Ons kenmerk" in texts[first:last + 1]
    if kind == "nota":
        # Label, colofon, addressee, route, decision, title, body.
        assert raws[0] == "Label (TER ...)" and first == 1
        order = [raws.index(r) for r in ("Aan", "Blokkop (Parafenroute, Besluit)", "Title")]
        assert last < order[0] < order[1] < order[2] < raws.index("H1")
    else:
        assert raws[0] == "Retouradres" and first == 1
        assert last < raws.index("Tekst")  # the colofon before the letter's first paragraph (aanhef)


@pytest.mark.soffice
def test_motie21_nota_reads_in_the_seeds_order(out: Path) -> None:
    """The tagged text, in logical order, has every sentence of the published nota in its order."""
    seed = load_seed()
    blocks = reading_blocks(out / "motie-21-ezk" / "woo" / "nota.pdf")
    text = normalise(" ".join(b.text for b in blocks))
    text = text[text.index("Aanleiding"):]
    pos, missing, out_of_order = 0, [], []
    for sentence in seed.sentences:
        rx = tolerant(sentence)
        found = rx.search(text, pos)
        if found:
            pos = found.end()
        elif rx.search(text):
            out_of_order.append(sentence)
        else:
            missing.append(sentence)
    assert missing == [] and out_of_order == []


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_redaction_codes_are_tagged_words_on_artifact_boxes(out: Path, dossier: str, kind: str) -> None:
    path = out / dossier / "woo" / f"{kind}.pdf"
    pdf, facts = _facts(path)
    with pdf:
        tagged = [b.text for b in facts.blocks]
        artifacts = " ".join(t for p in facts.pages for t in p.artifact_text)
    visible = WOO_CODE_RX.findall(normalise(extract_text(path)))
    codes = [c for t in tagged for c in WOO_CODE_RX.findall(t)]
    assert sorted(codes) == sorted(visible)  # every box is read, once, by assistive technology too
    assert not WOO_CODE_RX.search(artifacts)
    assert not any(a11y_checks.WOO_CODE_GLUED_RX.search(t) for t in tagged)
    if (dossier, kind) == ("motie-21-ezk", "nota"):
        assert len(codes) >= 6  # the route table's names and parafen
        assert "Opgesteld door" in tagged and tagged[tagged.index("Opgesteld door") + 1] == "5.1.2e"


@pytest.mark.soffice
@pytest.mark.parametrize(("dossier", "kind"), PUBLIC)
def test_pdfua_package_finds_no_errors(repaired: Path, dossier: str, kind: str) -> None:
    errors = a11y.pdfua_errors(repaired / dossier / f"{kind}.pdf")
    if errors is None:
        pytest.skip("pdfua niet geïnstalleerd")
    assert errors == []


@pytest.mark.soffice
def test_validate_on_the_build(out: Path, repaired: Path) -> None:
    report = io.StringIO()
    assert validate([repaired], use_verapdf=False, out=report) == 0, report.getvalue()
    assert find_pdfs([out]) and all(not any(p.startswith(".") for p in f.relative_to(out).parts)
                                    for f in find_pdfs([out]))
