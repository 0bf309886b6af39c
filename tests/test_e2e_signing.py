"""End to end: `python -m pipeline build` on content/ with the real LibreOffice, read back as a reader would.

One build of content/ per module (module-scoped fixture); every test reads its output.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path

import pikepdf
import pytest
from e2e_helpers import (
    CONTENT,
    DOC_KINDS,
    MOTIE21_DIRECTIE,
    MOTIE21_KENMERK,
    REPO,
    build_once,
    docx_parts,
    field_instructions,
    load_organisaties,
    load_personen,
    load_seed,
    missing_sentences,
    normalise,
    nota_body_text,
    page_count,
    pdftotext,
    person_strings,
    run_cli,
    snapshot,
    stray_staging,
    word_rx,
)

from pipeline.finish.pdf import inspect_pdf

pytestmark = pytest.mark.soffice

DOSSIER_FILES = {
    "motie-21-ezk": [f"{k}.{ext}" for k in DOC_KINDS for ext in ("docx", "pdf")] + ["parafeerbundel.pdf"],
    "bzk-stemlokalen": [f"{k}.{ext}" for k in DOC_KINDS for ext in ("docx", "pdf")] + ["parafeerbundel.pdf"],
    "bzk-stemlokalen-concept": ["nota.docx", "nota.pdf", "parafeerbundel.pdf"],
    "ezk-kamervragen-afkomst": [f"{k}.{ext}" for k in ("nota", "kamervragen") for ext in ("docx", "pdf")]
    + ["parafeerbundel.pdf"],
}
ORGANISATIE = {"motie-21-ezk": "ezk", "bzk-stemlokalen": "bzk", "bzk-stemlokalen-concept": "bzk",
               "ezk-kamervragen-afkomst": "ezk"}
ALL_PDFS = [f"{d}/{f}" for d, files in DOSSIER_FILES.items() for f in files if f.endswith(".pdf")]
ALL_DOCX = [f"{d}/{f}" for d, files in DOSSIER_FILES.items() for f in files if f.endswith(".docx")]
PERSONEN = load_personen()
ORGS = load_organisaties()
SEED = load_seed()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ built once, through the CLI, into a fresh folder."""
    return build_once(tmp_path_factory, "build")


@pytest.fixture(scope="module")
def nota_pdf(out: Path) -> Path:
    return out / "motie-21-ezk" / "nota.pdf"


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


def _after(lines: list[str], label: str) -> str:
    """The line after the first line that is exactly label (colofon: label above value)."""
    return lines[lines.index(label) + 1]


# --------------------------------------------------------------------------- what is written


def test_build_writes_every_document_of_every_dossier_and_nothing_else(out: Path) -> None:
    expected = {f"{d}/{f}" for d, files in DOSSIER_FILES.items() for f in [*files, "manifest.json"]}
    assert set(snapshot(out)) == expected
    # One cached conversion per document (the bundles are made from them, not by LibreOffice).
    cache = [p for p in (out / ".cache" / "pdf").iterdir() if p.suffix == ".pdf"]
    assert len(cache) == len([f for f in ALL_PDFS if not f.endswith("parafeerbundel.pdf")])
    assert stray_staging(out) == []


# --------------------------------------------------------------------------- the motie 21 nota against the seed


def test_seed_resource_parses_into_sentences_footnotes_and_headings() -> None:
    # Guards the helper itself: if parsing the seed went wrong, the comparison below would prove nothing.
    assert len(SEED.sentences) >= 30
    assert len(SEED.footnotes) == 3
    assert SEED.footnotes[1] == "Kamerstukken II 2021/22, 26643, nr. 827."
    assert "Onder coördinatie van CIO EZK is in de periode Q3 2021 tot Q3 2022 door de organisatieonderdelen "\
           "van EZK gewerkt aan de uitvoering van motie 21." in SEED.sentences
    assert not any(re.search(r"Pagina \d|PSG-DB|Kamerstukken", s) for s in SEED.sentences)


def test_nota_pdf_reproduces_the_seed_sentence_by_sentence(nota_pdf: Path) -> None:
    body = nota_body_text(nota_pdf, MOTIE21_DIRECTIE, MOTIE21_KENMERK, SEED.footnotes)
    assert missing_sentences(SEED.sentences, body) == []


@pytest.mark.parametrize("heading", list(load_seed().headings))
def test_nota_pdf_has_the_seed_heading_as_its_own_line(nota_pdf: Path, heading: str) -> None:
    assert heading in _lines(pdftotext(nota_pdf))


def test_nota_pdf_has_the_three_footnote_texts(nota_pdf: Path) -> None:
    text = normalise(pdftotext(nota_pdf))
    for note in SEED.footnotes:
        assert note in text


def test_nota_colofon_and_first_page(nota_pdf: Path) -> None:
    n = page_count(nota_pdf)
    lines = _lines(pdftotext(nota_pdf, first=1, last=1))
    assert "TER BESLUITVORMING" in lines
    assert "Aan de Minister van Economische Zaken en Klimaat" in lines
    assert _after(lines, "Datum") == "23 december 2023"
    assert _after(lines, "Kenmerk") == MOTIE21_KENMERK
    assert _after(lines, "Bijlage(n)") == "2"
    assert f"Pagina 1 van {n}" in lines
    assert MOTIE21_DIRECTIE in lines


def test_nota_page_two_header_has_directie_and_kenmerk(nota_pdf: Path) -> None:
    assert page_count(nota_pdf) >= 2
    lines = _lines(pdftotext(nota_pdf, first=2, last=2))
    assert f"Pagina 2 van {page_count(nota_pdf)}" in lines
    assert MOTIE21_DIRECTIE in lines
    assert _after(lines, "Kenmerk") == MOTIE21_KENMERK


def test_second_dossier_in_another_directie_shows_its_own_directie_and_kenmerk(out: Path) -> None:
    nota = out / "bzk-stemlokalen" / "nota.pdf"
    first = _lines(pdftotext(nota, first=1, last=1))
    assert "Directie Democratie en Bestuur" in first
    assert _after(first, "Kenmerk") == "2023-0000287415"
    assert _after(first, "Datum") == "16 mei 2023"
    assert "Aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties" in first
    assert MOTIE21_DIRECTIE not in pdftotext(nota) and MOTIE21_KENMERK not in pdftotext(nota)
    if page_count(nota) >= 2:
        second = _lines(pdftotext(nota, first=2, last=2))
        assert "Directie Democratie en Bestuur" in second
        assert _after(second, "Kenmerk") == "2023-0000287415"


# --------------------------------------------------------------------------- every PDF


@pytest.mark.parametrize("rel", ALL_PDFS)
def test_every_pdf_is_pdfa_tagged_dutch_a4_embedded_single_revision(out: Path, rel: str) -> None:
    facts = inspect_pdf(out / rel)
    assert facts.pdfa == "2B"
    assert facts.tagged
    assert facts.lang == "nl-NL"
    assert facts.page_count >= 1
    assert set(facts.page_sizes_mm) == {(210, 297)}
    assert facts.fonts_all_embedded
    assert facts.revisions == 1


@pytest.mark.parametrize("rel", ALL_PDFS)
def test_every_pdf_has_a_title_and_the_organisation_as_author(out: Path, rel: str) -> None:
    facts = inspect_pdf(out / rel)
    assert facts.title and facts.title.strip()
    assert facts.author == ORGS[ORGANISATIE[rel.split("/")[0]]]
    for p in PERSONEN:
        assert not word_rx(p["naam"]).search(facts.author), p["naam"]


# --------------------------------------------------------------------------- parafeerbundel


@pytest.mark.parametrize("dossier", ["motie-21-ezk", "bzk-stemlokalen"])
def test_parafeerbundel_has_one_bookmark_per_document_and_all_pages(out: Path, dossier: str) -> None:
    bundle = out / dossier / "parafeerbundel.pdf"
    facts = inspect_pdf(bundle)
    assert facts.outline_titles == ["Nota", "Bijlage 1: Kamerbrief", "Bijlage 2: Rapportage"]
    assert facts.page_count == sum(page_count(out / dossier / f"{k}.pdf") for k in DOC_KINDS)


def test_parafeerbundel_bookmarks_point_at_the_first_page_of_each_part(out: Path) -> None:
    d = out / "motie-21-ezk"
    starts = [0]
    for k in DOC_KINDS[:-1]:
        starts.append(starts[-1] + page_count(d / f"{k}.pdf"))
    with pikepdf.open(d / "parafeerbundel.pdf") as pdf:
        pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
        item, found = pdf.Root.Outlines.First, []
        while item is not None:
            dest = item.get("/Dest")
            if dest is None:
                dest = item.A.D
            found.append(pages[dest[0].objgen])
            item = item.get("/Next")
    assert found == starts


def test_concept_dossier_bundle_has_only_the_nota(out: Path) -> None:
    facts = inspect_pdf(out / "bzk-stemlokalen-concept" / "parafeerbundel.pdf")
    assert facts.outline_titles == ["Nota"]
    assert facts.page_count == page_count(out / "bzk-stemlokalen-concept" / "nota.pdf")


# --------------------------------------------------------------------------- rapportage


def test_rapportage_table_has_header_cells(out: Path) -> None:
    for dossier in ("motie-21-ezk", "bzk-stemlokalen"):
        assert "TH" in inspect_pdf(out / dossier / "rapportage.pdf").struct_types


def test_rapportage_table_header_row_repeats_on_the_next_page(out: Path) -> None:
    pdf = out / "bzk-stemlokalen" / "rapportage.pdf"
    header = re.compile(r"^\s*Gemeente\s+Stemlokalen\s+Volledig toegankelijk\s+Aandeel\s*$", re.MULTILINE)
    pages_with_header = [n for n in range(1, page_count(pdf) + 1)
                         if header.search(pdftotext(pdf, first=n, last=n, layout=True))]
    assert len(pages_with_header) == 2
    assert pages_with_header[1] == pages_with_header[0] + 1
    # both halves of the 33 rows are there, on those two pages
    assert "Amsterdam" in pdftotext(pdf, first=pages_with_header[0], last=pages_with_header[0])
    assert "Schiermonnikoog" in pdftotext(pdf, first=pages_with_header[1], last=pages_with_header[1])


@pytest.mark.parametrize("dossier", ["motie-21-ezk", "bzk-stemlokalen"])
def test_rapportage_table_of_contents_lists_chapters_with_their_page_numbers(out: Path, dossier: str) -> None:
    pdf = out / dossier / "rapportage.pdf"
    facts = inspect_pdf(pdf)
    chapters = facts.outline_titles
    assert len(chapters) >= 3
    text = pdftotext(pdf, layout=True)
    assert re.search(r"^\s*Inhoud\s*$", text, re.MULTILINE)
    pages = text.split("\f")
    for chapter in chapters:
        m = re.search(rf"^\s*{re.escape(chapter)}\s*\.*\s*(\d+)\s*$", text, re.MULTILINE)
        assert m, f"{chapter} not in the table of contents"
        page_no = int(m.group(1))
        # the chapter heading really starts on that page
        assert re.search(rf"^\s*{re.escape(chapter)}\s*$", pages[page_no - 1], re.MULTILINE), (chapter, page_no)


# --------------------------------------------------------------------------- footnotes


def test_docx_footnotes_part_has_the_footnote_texts(out: Path) -> None:
    parts = docx_parts(out / "motie-21-ezk" / "nota.docx")
    notes = normalise(re.sub(r"<[^>]+>", "", parts["word/footnotes.xml"]))
    for note in SEED.footnotes:
        assert note in notes
    refs = re.findall(r"<w:footnoteReference w:id=\"(\d+)\"", parts["word/document.xml"])
    assert len(refs) == 3


def _footnote_block_start(lines: list[str], notes: list[str]) -> int | None:
    starts = [n[:40] for n in notes]
    for i, line in enumerate(lines):
        if any(line.startswith(s[:30]) for s in starts):
            return i - 1 if i and re.fullmatch(r"[1-9]", lines[i - 1]) else i
    return None


@pytest.mark.parametrize("dossier,kind", [("motie-21-ezk", "nota"), ("bzk-stemlokalen", "rapportage")])
def test_footnote_text_stands_at_the_foot_of_its_page(out: Path, dossier: str, kind: str) -> None:
    pdf = out / dossier / f"{kind}.pdf"
    parts = docx_parts(out / dossier / f"{kind}.docx")
    notes = [normalise(re.sub(r"<[^>]+>", "", m))
             for m in re.findall(r"<w:footnote (?:(?!w:type)[^>])*>(.*?)</w:footnote>", parts["word/footnotes.xml"],
                                 re.DOTALL)]
    notes = [n for n in notes if n]
    assert notes
    seen = 0
    for n in range(1, page_count(pdf) + 1):
        lines = _lines(pdftotext(pdf, first=n, last=n, layout=True))
        start = _footnote_block_start(lines, notes)
        if start is None:
            continue
        seen += 1
        assert start > 0, "footnote without body text above it"
        joined_notes = " ".join(notes)
        for line in lines[start:]:  # below the block start: only footnote markers and footnote text
            assert re.fullmatch(r"[1-9]", line) or normalise(re.sub(r"^[1-9]\s+", "", line)) in joined_notes, \
                f"page {n}: body text {line!r} below the footnotes"
    assert seen >= 1


# --------------------------------------------------------------------------- DOCX properties and fields


@pytest.mark.parametrize("rel", ALL_DOCX)
def test_docx_core_properties_name_the_organisation_and_no_person(out: Path, rel: str) -> None:
    parts = docx_parts(out / rel)
    core = parts["docProps/core.xml"]
    org = ORGS[ORGANISATIE[rel.split("/")[0]]]
    assert re.search(rf"<dc:creator>{re.escape(org)}</dc:creator>", core)
    props = " ".join(v for k, v in parts.items() if k.startswith("docProps/"))
    for p in PERSONEN:
        for s in person_strings(p):
            assert not word_rx(s).search(props), f"{s!r} in docProps of {rel}"


FORBIDDEN_FIELD = re.compile(r"\b(DATE|CREATEDATE|SAVEDATE|PRINTDATE|TIME|FILENAME|AUTHOR|USERNAME|LASTSAVEDBY)\b")
TEMPLATES = sorted((REPO / "templates").glob("*.docx"))


@pytest.mark.parametrize("docx", [*TEMPLATES, *ALL_DOCX], ids=lambda p: p.name if hasattr(p, "name") else str(p))
def test_no_date_or_filename_fields_in_templates_or_outputs(out: Path, docx: Path | str) -> None:
    path = docx if isinstance(docx, Path) else out / docx
    for name, xml in docx_parts(path).items():
        for instr in field_instructions(xml):
            assert not FORBIDDEN_FIELD.search(instr), f"{path.name}:{name}: field {instr!r}"


# --------------------------------------------------------------------------- atomic writes


def _mention_error_content(tmp_path: Path) -> tuple[Path, int, int]:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    nota = content / "motie-21-ezk" / "nota.yaml"
    lines = nota.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, ln in enumerate(lines) if "met het verzoek om een contactpersoon" in ln)
    lines[i] = lines[i].replace("verzoek om een", "verzoek om @onbekendepersoon een")
    nota.write_text("".join(lines), encoding="utf-8")
    return content, i + 1, lines[i].index("@") + 1


def test_failed_build_leaves_every_earlier_output_byte_for_byte(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "build"
    shutil.copytree(out, target)  # a finished build (copied, so the module's output stays untouched)
    before = snapshot(target)
    content, line, col = _mention_error_content(tmp_path)
    proc = run_cli("build", "--content", content, "--out", target)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    m = re.search(r"nota\.yaml:(\d+):(\d+)", proc.stderr)
    assert m, proc.stderr
    assert int(m.group(1)) == line
    assert int(m.group(2)) in (col, col + 1)  # the '@' or the id after it
    assert "onbekendepersoon" in proc.stderr
    assert snapshot(target) == before
    assert stray_staging(target) == []


def test_conversion_failure_mid_build_leaves_outputs_and_no_staging(out: Path, tmp_path: Path) -> None:
    """LibreOffice dies after staging has begun: nothing in OUT changes, no .build-* folder stays."""
    target = tmp_path / "build"
    shutil.copytree(out, target)
    before = snapshot(target)
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\ncase \"$*\" in *--version*) echo 'LibreOffice 24.2.0.3 00(Build:3)';; "
                    "*) echo 'crash' >&2; exit 81;; esac\n")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    env_before = os.environ.get("PIPELINE_SOFFICE")
    os.environ["PIPELINE_SOFFICE"] = str(fake)
    try:
        proc = run_cli("build", "--out", target, "motie-21-ezk")
    finally:
        if env_before is None:
            del os.environ["PIPELINE_SOFFICE"]
        else:
            os.environ["PIPELINE_SOFFICE"] = env_before
    assert proc.returncode == 4, proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot(target) == before
    assert stray_staging(target) == []
