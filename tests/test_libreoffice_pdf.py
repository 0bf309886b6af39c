"""Tests for pipeline.libreoffice and pipeline.pdf, with the real LibreOffice and with fakes."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pikepdf
import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from pikepdf import Array, Dictionary, Name
from pikepdf.models.metadata import decode_pdf_date

from pipeline.convert import batch, libreoffice
from pipeline.convert.libreoffice import convert_to_pdf, find_soffice, soffice_version
from pipeline.errors import ConversionError, ToolMissing
from pipeline.finish.pdf import bundle, extract_text, extract_text_pypdf, finalize_pdf, inspect_pdf

PERSONAL_AUTHOR = "Jan de Schrijver"  # what Word puts in the docx core properties
# (file stem, title, a word found only in that document, body paragraphs)
DOCS = (
    ("nota", "Nota over de begroting", "kwartelkoning", 3),
    ("bijlage-1", "Bijlage 1: cijfers", "grutto", 12),
    ("bijlage-2", "Bijlage 2: planning", "ijsvogel", 1),
)
LABELS = ["Nota", "Bijlage 1 – cijfers", "Bijlage 2 – planning"]
WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
STRUCT_TYPES = {"Document", "P", "H1", "H2", "Table", "TR", "TH", "TD", "L", "LI"}


# --------------------------------------------------------------------------- helpers


def make_docx(path: Path, title: str, marker: str, paragraphs: int) -> Path:
    doc = Document()
    section = doc.sections[0]
    # python-docx's template is US Letter and en-US; a nota is A4 and Dutch.
    section.page_width, section.page_height = Mm(210), Mm(297)
    _set_default_language(doc, "nl-NL")
    doc.core_properties.author = PERSONAL_AUTHOR
    doc.core_properties.title = title
    doc.add_heading(title, level=1)
    for i in range(paragraphs):
        doc.add_paragraph(f"Alinea {i + 1} over de {marker}. " + "De minister besluit na overleg. " * 25)
    doc.add_heading("Overzicht", level=2)
    table = doc.add_table(rows=2, cols=2)
    _mark_header_row(table.rows[0])
    for cell, text in zip(table._cells, ["Onderdeel", "Bedrag", marker, "€ 1.000"], strict=True):
        cell.text = text
    doc.add_paragraph("Eerste punt", style="List Bullet")
    doc.add_paragraph("Tweede punt", style="List Bullet")
    doc.save(path)
    return path


def _set_default_language(doc: Document, lang: str) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.append(element)
    element.set(qn("w:val"), lang)


def _mark_header_row(row) -> None:
    # A repeated header row is what makes LibreOffice write TH instead of TD.
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy(src: Path, directory: Path, name: str | None = None) -> Path:
    target = directory / (name or src.name)
    shutil.copyfile(src, target)
    return target


def assert_claims_pdfa2b(path: Path, *, check_dates: bool = True) -> None:
    """Structural PDF/A-2b check (no veraPDF here): claim, output intent, XMP/DocInfo agree."""
    with pikepdf.open(path) as pdf:
        assert pdf.pdf_version in {"1.4", "1.5", "1.6", "1.7"}
        meta = pdf.open_metadata()
        assert meta.pdfa_status == "2B"
        stream = pdf.Root.Metadata
        assert stream.Type == Name.Metadata and stream.Subtype == Name.XML
        assert Name.Filter not in stream, "PDF/A forbids a filtered metadata stream"
        intents = pdf.Root.OutputIntents
        assert any(oi.S == Name.GTS_PDFA1 and Name.DestOutputProfile in oi for oi in intents)
        assert Name.ID in pdf.trailer and Name.Encrypt not in pdf.trailer
        info = pdf.docinfo
        assert str(info.Title) == meta["dc:title"]
        assert [str(info.Author)] == list(meta["dc:creator"])
        if check_dates:
            pairs = ((Name.CreationDate, "xmp:CreateDate"), (Name.ModDate, "xmp:ModifyDate"))
            for info_key, xmp_key in pairs:
                if info_key in info or xmp_key in meta:
                    xmp_date = datetime.fromisoformat(meta[xmp_key])
                    assert decode_pdf_date(str(info[info_key])) == xmp_date


def parent_tree(struct_root: Dictionary) -> dict[int, pikepdf.Object]:
    nums = struct_root.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def top_level_index(elem: Dictionary, struct_root: Dictionary) -> int:
    """Index in struct_root.K of the top-level element elem hangs under; fails if unreachable."""
    for _ in range(200):
        parent = elem.P
        if parent.objgen == struct_root.objgen:
            return [k.objgen for k in struct_root.K].index(elem.objgen)
        elem = parent
    raise AssertionError("structure element does not reach the StructTreeRoot")


def struct_elements(struct_root: Dictionary) -> list[Dictionary]:
    found, stack, seen = [], list(struct_root.K), set()
    while stack:
        elem = stack.pop()
        if not isinstance(elem, Dictionary) or elem.get(Name.Type) in (Name.MCR, Name.OBJR):
            continue
        if elem.is_indirect:
            if elem.objgen in seen:
                continue
            seen.add(elem.objgen)
        found.append(elem)
        kids = elem.get(Name.K)
        stack.extend(kids if isinstance(kids, Array) else [kids])
    return found


def pages_marked_by(elem: Dictionary) -> set[tuple[int, int]]:
    """Pages holding elem's own marked content: its /Pg for plain MCIDs, an MCR's /Pg otherwise."""
    kids = elem.K if isinstance(elem.K, Array) else [elem.K]
    pages = set()
    for kid in kids:
        if isinstance(kid, int):
            pages.add(elem.Pg.objgen)
        elif isinstance(kid, Dictionary) and kid.get(Name.Type) == Name.MCR:
            pages.add(kid.get(Name.Pg, elem.Pg).objgen)
    return pages


def add_link_annotation(src: Path, dst: Path) -> None:
    """Give src a tagged Link annotation on page 1 pointing at its last page (LibreOffice 7.4 wrote none)."""
    with pikepdf.open(src) as pdf:
        root = pdf.Root.StructTreeRoot
        key = max(parent_tree(root)) + 1
        page = pdf.pages[0].obj
        annot = pdf.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=[90, 90, 200, 110], F=4, Border=[0, 0, 0],
            Dest=Array([pdf.pages[-1].obj, Name.Fit]), StructParent=key,
        ))
        page.Annots = Array([annot])
        document = root.K[0]
        link = pdf.make_indirect(Dictionary(
            Type=Name.StructElem, S=Name.Link, P=document, Pg=page,
            K=Array([Dictionary(Type=Name.OBJR, Obj=annot, Pg=page)]),
        ))
        document.K.append(link)
        root.ParentTree.Nums.extend([key, link])
        root.ParentTreeNextKey = key + 1
        pdf.save(dst)


def append_incremental_update(path: Path, title: str) -> None:
    """Append a second revision (new /Info with title) the way an editor saving incrementally would."""
    data = path.read_bytes()
    previous_xref = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    with pikepdf.open(path) as pdf:
        size, root = int(pdf.trailer.Size), pdf.Root.objgen[0]
    body = f"\n{size} 0 obj\n<< /Title ({title}) >>\nendobj\n".encode()
    xref_at = len(data) + len(body)
    tail = (f"xref\n{size} 1\n{len(data) + 1:010d} 00000 n \ntrailer\n"
            f"<< /Size {size + 1} /Root {root} 0 R /Info {size} 0 R /Prev {previous_xref} >>\n"
            f"startxref\n{xref_at}\n%%EOF\n").encode()
    path.write_bytes(data + body + tail)


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie is dead, just not reaped


def processes_mentioning(text: str) -> list[int]:
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if text in cmdline.read_text(errors="replace"):
                pids.append(int(cmdline.parent.name))
        except OSError:
            continue  # the process ended while we looked
    return pids


# --------------------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class Converted:
    docx: list[Path]
    pdfs: list[Path]
    seconds: float


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """The three documents, converted once with the real LibreOffice in one batch."""
    base = tmp_path_factory.mktemp("lo")
    docx = [make_docx(base / f"{stem}.docx", title, marker, n) for stem, title, marker, n in DOCS]
    scratch = base / "scratch"
    scratch.mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tempfile, "tempdir", str(scratch))  # where the private profile goes
        start = time.perf_counter()
        pdfs = convert_to_pdf(docx, base / "pdf")
        seconds = time.perf_counter() - start
    print(f"\nLibreOffice batch of {len(docx)} docx: {seconds:.2f} s")
    assert list(scratch.iterdir()) == [], "temporary LibreOffice profile left behind"
    assert processes_mentioning(str(scratch)) == [], "soffice still running after conversion"
    return Converted(docx, pdfs, seconds)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private temp dir for convert_to_pdf's profile, to prove it is removed."""
    path = tmp_path / "scratch"
    path.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(path))
    return path


def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str,
                 version: str = "LibreOffice 7.4.7.2 40(Build:2)") -> Path:
    script = tmp_path / "fake-soffice"
    script.write_text(
        "#!/bin/sh\n"
        'for arg in "$@"; do\n'
        f'  if [ "$arg" = "--version" ]; then echo "{version}"; exit 0; fi\n'
        "done\n" + body
    )
    script.chmod(0o755)
    monkeypatch.setenv("PIPELINE_SOFFICE", str(script))
    return script


@pytest.fixture
def docx_pair(tmp_path: Path) -> list[Path]:
    sources = tmp_path / "src"
    sources.mkdir()
    return [make_docx(sources / f"{stem}.docx", title, marker, 1) for stem, title, marker, _ in DOCS[:2]]


# --------------------------------------------------------------------------- real LibreOffice


@pytest.mark.soffice
def test_prestarted_libreoffice_takes_the_batch_and_leaves_nothing(docx_pair: list[Path], tmp_path: Path) -> None:
    libreoffice.prestart_batch()  # what a small cold run does before it imports and renders
    early = batch._prestarted
    assert early is not None and early.proc.poll() is None
    pdfs = convert_to_pdf(docx_pair, tmp_path / "out")
    for pdf, (_, _, marker, _) in zip(pdfs, DOCS[:2], strict=True):
        facts = inspect_pdf(pdf)
        assert facts.pdfa == "2B" and facts.tagged
        assert marker in extract_text(pdf)
    assert early.proc.poll() is not None  # it exited after the handed-over conversion (or was stopped)
    assert not early.profile.exists()
    assert batch._prestarted is None


@pytest.mark.soffice
def test_soffice_is_found_and_recent() -> None:
    assert find_soffice().exists()
    assert soffice_version().startswith("LibreOffice ")


@pytest.mark.soffice
def test_batch_conversion_gives_tagged_pdfa2b_a4(converted: Converted) -> None:
    assert [p.name for p in converted.pdfs] == [f"{stem}.pdf" for stem, *_ in DOCS]
    for pdf, (_, title, marker, _) in zip(converted.pdfs, DOCS, strict=True):
        facts = inspect_pdf(pdf)
        assert facts.pdfa == "2B"
        assert facts.tagged
        assert facts.lang == "nl-NL"
        assert set(facts.page_sizes_mm) == {(210, 297)}
        assert facts.fonts_all_embedded
        assert facts.revisions == 1
        assert facts.struct_types >= STRUCT_TYPES
        assert facts.outline_titles == [title]  # ExportBookmarks: the H1
        assert marker in extract_text(pdf)
        assert marker in extract_text_pypdf(pdf)
        # LibreOffice's DocInfo dates ("D:...Z'") are not valid PDF dates; finalize_pdf fixes them.
        assert_claims_pdfa2b(pdf, check_dates=False)
    assert [inspect_pdf(p).page_count for p in converted.pdfs][1] > 1
    assert converted.seconds < 120


@pytest.mark.soffice
def test_libreoffice_takes_lang_and_author_from_the_docx(converted: Converted) -> None:
    facts = inspect_pdf(converted.pdfs[0])
    assert facts.lang == "nl-NL"  # from w:docDefaults w:lang
    assert facts.author == PERSONAL_AUTHOR  # from the docx core properties: personal data
    assert "Standard" in facts.struct_types_raw  # paragraph style names, RoleMapped to P
    with pikepdf.open(converted.pdfs[0]) as pdf:
        assert list(pdf.open_metadata()["dc:creator"]) == [PERSONAL_AUTHOR]


@pytest.mark.soffice
def test_broken_docx_in_a_batch_is_named(tmp_path: Path, docx_pair: list[Path], scratch: Path) -> None:
    broken = tmp_path / "src" / "kapot.docx"
    broken.write_text("dit is geen docx")  # without --infilter soffice would render this as text
    with pytest.raises(ConversionError, match=r"kapot\.docx") as caught:
        convert_to_pdf([docx_pair[0], broken, docx_pair[1]], tmp_path / "out")
    assert "could not be loaded" in str(caught.value)
    assert (tmp_path / "out" / "nota.pdf").stat().st_size > 0  # the rest was still converted
    assert list(scratch.iterdir()) == []


@pytest.mark.soffice
def test_finalize_is_byte_reproducible_and_keeps_pdfa(converted: Converted, tmp_path: Path) -> None:
    first = copy(converted.pdfs[0], tmp_path, "een.pdf")
    second = copy(converted.pdfs[0], tmp_path, "twee.pdf")
    args = dict(title="Nota over de begroting 2025", author="Ministerie van Financiën",
                subject="Begroting", creation_date=WHEN)
    finalize_pdf(first, **args)
    finalize_pdf(second, **args)
    assert sha256(first) == sha256(second)
    once = sha256(first)
    finalize_pdf(first, **args)
    assert sha256(first) == once, "finalising a finalised file must change nothing"

    facts = inspect_pdf(first)
    assert (facts.title, facts.author) == (args["title"], args["author"])
    assert facts.pdfa == "2B" and facts.tagged and facts.lang == "nl-NL"
    assert facts.revisions == 1
    assert_claims_pdfa2b(first)
    assert PERSONAL_AUTHOR.encode() not in first.read_bytes()
    with pikepdf.open(first) as pdf:
        meta = pdf.open_metadata()
        assert list(meta["dc:creator"]) == ["Ministerie van Financiën"]
        assert meta["dc:description"] == "Begroting"
        assert decode_pdf_date(str(pdf.docinfo.CreationDate)) == WHEN
        assert decode_pdf_date(str(pdf.docinfo.ModDate)) == WHEN
        assert Name.DocChecksum not in pdf.trailer
        assert Name.OpenAction not in pdf.Root  # LibreOffice's redundant "open at page 1"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


@pytest.mark.soffice
def test_finalize_collapses_incremental_updates(converted: Converted, tmp_path: Path) -> None:
    path = copy(converted.pdfs[0], tmp_path)
    append_incremental_update(path, "Bewerkt")
    facts = inspect_pdf(path)
    assert (facts.revisions, facts.title) == (2, "Bewerkt")
    finalize_pdf(path, title="Nota", author="BZK")
    assert inspect_pdf(path).revisions == 1
    assert_claims_pdfa2b(path)


@pytest.mark.soffice
def test_finalize_without_date_keeps_creation_date_and_sets_lang(
    converted: Converted, tmp_path: Path
) -> None:
    path = copy(converted.pdfs[2], tmp_path)
    with pikepdf.open(path) as pdf:
        created = datetime.fromisoformat(pdf.open_metadata()["xmp:CreateDate"])
    finalize_pdf(path, title="Planning", author="BZK", lang="en-GB")
    assert inspect_pdf(path).lang == "en-GB"
    assert_claims_pdfa2b(path)
    with pikepdf.open(path) as pdf:
        assert decode_pdf_date(str(pdf.docinfo.CreationDate)) == created


@pytest.mark.soffice
def test_bundle_of_three_parts(converted: Converted, tmp_path: Path) -> None:
    parts = list(zip(LABELS, converted.pdfs, strict=True))
    out = tmp_path / "bundel.pdf"
    bundle(parts, out, title="Nota met bijlagen", author="Ministerie van BZK", creation_date=WHEN)

    counts = [inspect_pdf(p).page_count for p in converted.pdfs]
    facts = inspect_pdf(out)
    assert facts.page_count == sum(counts)
    assert facts.outline_titles == LABELS
    assert facts.pdfa == "2B" and facts.tagged and facts.lang == "nl-NL"
    assert (facts.title, facts.author) == ("Nota met bijlagen", "Ministerie van BZK")
    assert facts.fonts_all_embedded and facts.revisions == 1
    assert facts.struct_types >= STRUCT_TYPES
    assert_claims_pdfa2b(out)
    text = extract_text(out)
    assert all(marker in text for _, _, marker, _ in DOCS)

    firsts = [sum(counts[:i]) for i in range(len(counts))]
    part_of_page = [i for i, n in enumerate(counts) for _ in range(n)]
    with pikepdf.open(out) as pdf:
        page_index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        _check_outline(pdf, page_index, firsts)
        _check_struct_tree(pdf, page_index, part_of_page)
        assert pdf.Root.MarkInfo.Marked is True
        assert len(pdf.Root.OutputIntents) == 1
        names = [str(obj.BaseFont) for obj in pdf.objects
                 if isinstance(obj, Dictionary) and Name.FontDescriptor in obj]
        assert len(names) == len(set(names)), "each embedded subset needs its own tag"

    again = tmp_path / "nogmaals.pdf"
    bundle(parts, again, title="Nota met bijlagen", author="Ministerie van BZK", creation_date=WHEN)
    assert sha256(again) == sha256(out)


def _check_outline(pdf: pikepdf.Pdf, page_index: dict, firsts: list[int]) -> None:
    item = pdf.Root.Outlines.First
    for first in firsts:
        assert page_index[item.Dest[0].objgen] == first
        child = item.First  # the part's own bookmarks, nested
        assert page_index[child.Dest[0].objgen] >= first
        assert child.Parent.objgen == item.objgen
        item = item.get(Name.Next)
    assert item is None


def _check_struct_tree(pdf: pikepdf.Pdf, page_index: dict, part_of_page: list[int]) -> None:
    root = pdf.Root.StructTreeRoot
    assert len(root.K) == 3
    assert all(elem.P.objgen == root.objgen and Name.Document == elem.S for elem in root.K)
    assert root.RoleMap.Standard == Name.P
    keys = [int(page.StructParents) for page in pdf.pages]
    assert len(set(keys)) == len(keys)
    tree = parent_tree(root)
    assert int(root.ParentTreeNextKey) > max(tree)
    # Every /Pg is one of the bundle's pages, not a stray copy of a part's page.
    assert {elem.Pg.objgen for elem in struct_elements(root) if Name.Pg in elem} <= set(page_index)
    for number, page in enumerate(pdf.pages):
        elems = [e for e in tree[int(page.StructParents)] if isinstance(e, Dictionary)]
        assert elems, f"page {number + 1} has no tagged content"
        for elem in elems:
            # Each page's marked content hangs under its own part's Document element.
            assert top_level_index(elem, root) == part_of_page[number]
            assert page.obj.objgen in pages_marked_by(elem)


@pytest.mark.soffice
def test_bundle_shifts_annotation_struct_parents(converted: Converted, tmp_path: Path) -> None:
    linked = tmp_path / "met-link.pdf"
    add_link_annotation(converted.pdfs[1], linked)
    out = tmp_path / "bundel.pdf"
    bundle([("Nota", converted.pdfs[0]), ("Bijlage A", linked), ("Bijlage B", linked)],
           out, title="t", author="a")
    counts = [inspect_pdf(p).page_count for p in (converted.pdfs[0], linked, linked)]
    with pikepdf.open(out) as pdf:
        root = pdf.Root.StructTreeRoot
        tree = parent_tree(root)
        page_index = {page.obj.objgen: i for i, page in enumerate(pdf.pages)}
        annots = [(i, a) for i, page in enumerate(pdf.pages) for a in page.obj.get(Name.Annots, [])]
        assert [i for i, _ in annots] == [counts[0], counts[0] + counts[1]]
        page_keys = {int(page.StructParents) for page in pdf.pages}
        annot_keys = [int(a.StructParent) for _, a in annots]
        assert len(set(annot_keys)) == 2 and not page_keys & set(annot_keys)
        for (_, annot), part in zip(annots, (1, 2), strict=True):
            link = tree[int(annot.StructParent)]
            assert Name.Link == link.S and link.K[0].Obj.objgen == annot.objgen
            assert top_level_index(link, root) == part
            # The link still points at its own part's last page.
            assert page_index[annot.Dest[0].objgen] == sum(counts[: part + 1]) - 1


def make_pdf_with_type0_font(path: Path) -> Path:
    """An untagged one-page PDF whose Type0 font is named like every other part's: ABCDEF+Noto."""
    pdf = pikepdf.new()
    desc = pdf.make_indirect(Dictionary(Type=Name.FontDescriptor, FontName=Name("/ABCDEF+Noto")))
    cid = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.CIDFontType2,
                                       BaseFont=Name("/ABCDEF+Noto"), FontDescriptor=desc))
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type0,
                                        BaseFont=Name("/ABCDEF+Noto-Identity-H"), DescendantFonts=Array([cid])))
    page = pdf.add_blank_page(page_size=(595.3, 841.9))
    page.obj.Resources = Dictionary(Font=Dictionary(F1=font))
    pdf.save(path)
    return path


def test_bundle_of_untagged_parts_gives_each_subset_its_own_tag(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    parts = [(f"Deel {i}", make_pdf_with_type0_font(tmp_path / f"deel{i}.pdf")) for i in (1, 2)]
    out = tmp_path / "bundel.pdf"
    bundle(parts, out, title="t", author="a")
    assert "niet getagd" in caplog.text and "claimt geen PDF/A-2b" in caplog.text
    with pikepdf.open(out) as pdf:
        assert Name.StructTreeRoot not in pdf.Root
        fonts = [page.obj.Resources.Font.F1 for page in pdf.pages]
        tags = [str(font.BaseFont)[1:7] for font in fonts]
        assert len(set(tags)) == 2
        for font, tag in zip(fonts, tags, strict=True):
            cid = font.DescendantFonts[0]
            assert str(cid.BaseFont) == str(cid.FontDescriptor.FontName) == f"/{tag}+Noto"
    assert inspect_pdf(out).outline_titles == ["Deel 1", "Deel 2"]


# --------------------------------------------------------------------------- fake soffice


def test_fake_soffice_gets_one_batch_call_with_pdfa_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx_pair: list[Path], scratch: Path
) -> None:
    calls = tmp_path / "calls"
    calls.mkdir()
    fake_soffice(tmp_path, monkeypatch, f"""
printf '%s\\n' "$@" > "{calls}/call.$$"
out=""; prev=""
for a in "$@"; do
  case "$a" in -env:UserInstallation=file://*) profile="${{a#-env:UserInstallation=file://}}";; esac
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
[ -d "$profile" ] || exit 3
for a in "$@"; do
  case "$a" in *.docx) echo "%PDF-1.7 nep" > "$out/$(basename "$a" .docx).pdf";; esac
done
""")
    result = convert_to_pdf(docx_pair, tmp_path / "out")
    assert result == [tmp_path / "out" / "nota.pdf", tmp_path / "out" / "bijlage-1.pdf"]
    [call] = list(calls.iterdir())  # one process for the whole batch
    args = call.read_text().splitlines()
    assert "--headless" in args
    assert all(str(src) in args for src in docx_pair)
    profile = next(a for a in args if a.startswith("-env:UserInstallation=file:///"))
    assert str(scratch) in profile and list(scratch.iterdir()) == []
    kind, name, options = args[args.index("--convert-to") + 1].split(":", 2)
    assert (kind, name) == ("pdf", "writer_pdf_Export")
    assert json.loads(options) == {
        "SelectPdfVersion": {"type": "long", "value": "2"},
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "ExportBookmarks": {"type": "boolean", "value": "true"},
        "ExportNotes": {"type": "boolean", "value": "false"},
        "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    }


def test_timeout_kills_the_whole_process_group(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx_pair: list[Path], scratch: Path
) -> None:
    pids = tmp_path / "pids"
    fake_soffice(tmp_path, monkeypatch, f"""
echo $$ > "{pids}"
sleep 300 &
echo $! >> "{pids}"
wait
""")
    start = time.monotonic()
    with pytest.raises(ConversionError, match="langer dan 1 s"):
        convert_to_pdf(docx_pair, tmp_path / "out", timeout=1)
    assert time.monotonic() - start < 15
    shell, child = (int(line) for line in pids.read_text().split())
    deadline = time.monotonic() + 5
    while (alive(shell) or alive(child)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(shell) and not alive(child), "soffice or its child survived the timeout"
    assert list(scratch.iterdir()) == []


def test_exit_zero_without_output_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, docx_pair: list[Path], scratch: Path
) -> None:
    fake_soffice(tmp_path, monkeypatch, 'echo "Error: source file could not be loaded" >&2\nexit 0\n')
    stale = tmp_path / "out" / "nota.pdf"
    stale.parent.mkdir()
    stale.write_bytes(b"%PDF- oud")  # an old result must not pass for a new one
    with pytest.raises(ConversionError) as caught:
        convert_to_pdf(docx_pair, tmp_path / "out")
    message = str(caught.value)
    assert "nota.docx" in message and "bijlage-1.docx" in message
    assert "could not be loaded" in message
    assert not stale.exists()
    assert list(scratch.iterdir()) == []


def test_old_soffice_is_rejected_with_install_advice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_soffice(tmp_path, monkeypatch, "exit 0\n", version="LibreOffice 7.3.7.2 30(Build:2)")
    with pytest.raises(ToolMissing, match="apt-get install -y libreoffice-writer-nogui"):
        find_soffice()


def test_missing_soffice_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIPELINE_SOFFICE", str(tmp_path / "bestaat-niet"))
    with pytest.raises(ToolMissing, match="libreoffice-writer-nogui"):
        find_soffice()
    monkeypatch.delenv("PIPELINE_SOFFICE")
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolMissing, match="niet gevonden op PATH"):
        find_soffice()


def test_nothing_to_convert_and_clashing_names(tmp_path: Path, docx_pair: list[Path]) -> None:
    assert convert_to_pdf([], tmp_path / "out") == []
    other = tmp_path / "elders"
    other.mkdir()
    clash = copy(docx_pair[0], other)
    with pytest.raises(ConversionError, match=r"nota\.pdf"):
        convert_to_pdf([docx_pair[0], clash], tmp_path / "out")


@pytest.mark.parametrize("version", ["Python 3.11.7", "7.6.4.1", "OpenOffice 8.0", ""])
def test_a_program_that_is_not_libreoffice_is_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       version: str) -> None:
    fake_soffice(tmp_path, monkeypatch, "exit 0\n", version=version)
    with pytest.raises(ToolMissing, match="minimaal LibreOffice 7.4 nodig"):
        find_soffice()


@pytest.mark.parametrize("version", ["LibreOffice 24.2.0.3 00(Build:3)", "LibreOfficeDev 25.8.0.0.alpha0",
                                     "Collabora Office 24.04.5.2 ab12"])
def test_libreoffice_builds_are_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, version: str) -> None:
    script = fake_soffice(tmp_path, monkeypatch, "exit 0\n", version=version)
    assert find_soffice() == script


def test_the_version_line_is_found_after_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = fake_soffice(tmp_path, monkeypatch, "exit 0\n",
                          version="javaldx: no Java Runtime Environment\nLibreOffice 7.5.9.2 50(Build:2)")
    assert find_soffice() == script
