"""End to end, real LibreOffice: content as advisers write it prints as typed (values, letters, lists, tables).

One content folder built in code, one `python -m pipeline build`, read back from DOCX and PDF.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from e2e_helpers import build_once, normalise, pdftotext, run_cli
from helpers import DOSSIER_YAML, NOTA_YAML, PERSONEN, write_content
from lxml import etree

from pipeline.render.package import W

pytestmark = pytest.mark.soffice

# Every value YAML would have typed differently from what the writer typed.
TYPED = ("1.420", "0,5", "1e3", "0123", "ja", "12:30", ".5", "-0")

PERSONEN_2 = PERSONEN + """\
  - id: hdejonge
    naam: H.M. de Jonge
    functie: Minister van Binnenlandse Zaken en Koninkrijksrelaties
    rol: bewindspersoon
"""

RAPPORTAGE = """\
titel: "Waarden zoals getypt"
secties:
  - kop: Cijfers
    tekst: |
      De tabel hieronder.
    tabel:
      kolommen: [Waarde, Toelichting]
      rijen:
""" + "".join(f"        - - {v}\n          - cel {i}\n" for i, v in enumerate(TYPED))

KAMERBRIEF = """\
betreft: "Mede namens de minister van BZK"
ondertekenaar: [madriaansens, hdejonge]
tekst: |
  Hierbij informeren wij u.
secties:
  - kop: Doorlichting
    tekst: |
      De doorlichting in cijfers.
    tabel:
      kolommen: [Jaar, Aantal]
      rijen:
        - [2022, 1.420]
        - [2023, 5.730]
  - kop: Vervolg
    tekst: |
      Wij houden u op de hoogte.
"""

NOTA = NOTA_YAML.replace("bijlagen: []", "bijlagen: [kamerbrief, rapportage]").replace(
    "      Eerste alinea.\n",
    "      Er zijn twee keuzes:\n\n      a. de eerste keuze\n      b. de tweede keuze\n\n      Daarna volgt tekst.\n")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("writers") / "content"
    write_content(content, {"personen.yaml": PERSONEN_2, "d1/dossier.yaml": DOSSIER_YAML, "d1/nota.yaml": NOTA,
                            "d1/kamerbrief.yaml": KAMERBRIEF, "d1/rapportage.yaml": RAPPORTAGE})
    return build_once(tmp_path_factory, "build", content) / "d1"


def cell_texts(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return ["".join(t.text or "" for t in tc.iter(f"{{{W}}}t")) for tc in root.iter(f"{{{W}}}tc")]


def test_table_cells_print_exactly_as_typed_in_docx_and_pdf(out: Path) -> None:
    cells = cell_texts(out / "rapportage.docx")
    for value in TYPED:
        assert value in cells, (value, cells)
    lines = [line.strip() for line in pdftotext(out / "rapportage.pdf", layout=True).splitlines()]
    for i, value in enumerate(TYPED):
        assert any(re.fullmatch(rf"{re.escape(value)}\s+cel {i}", line) for line in lines), (value, lines)


def test_co_signed_letter_has_both_signature_blocks_in_order(out: Path) -> None:
    text = normalise(pdftotext(out / "kamerbrief.pdf"))
    first = text.index("De Minister van Economische Zaken en Klimaat, M.A.M. Adriaansens")
    second = text.index("De Minister van Binnenlandse Zaken en Koninkrijksrelaties, H.M. de Jonge")
    assert first < second


def test_kamerbrief_sections_with_a_table(out: Path) -> None:
    text = normalise(pdftotext(out / "kamerbrief.pdf"))
    assert "Hierbij informeren wij u. Doorlichting De doorlichting in cijfers." in text
    assert "Vervolg Wij houden u op de hoogte." in text
    cells = cell_texts(out / "kamerbrief.docx")
    assert cells == ["Jaar", "Aantal", "2022", "1.420", "2023", "5.730"]
    layout = pdftotext(out / "kamerbrief.pdf", layout=True)
    assert re.search(r"2022\s+1\.420", layout) and re.search(r"2023\s+5\.730", layout)


def test_lettered_list_prints_a_and_b(out: Path) -> None:
    text = normalise(pdftotext(out / "nota.pdf"))
    assert "Er zijn twee keuzes: a. de eerste keuze b. de tweede keuze Daarna volgt tekst." in text


def test_signed_nota_has_no_concept_mark_and_counts_its_bijlagen(out: Path) -> None:
    text = normalise(pdftotext(out / "nota.pdf"))
    assert "CONCEPT" not in text
    assert "Bijlage(n) 2" in text


def test_a_broken_dossier_does_not_stop_the_others(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_content(content, {"d2/dossier.yaml": DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: morgen\n", 1),
                            "d2/nota.yaml": NOTA_YAML})
    target = tmp_path / "build"
    proc = run_cli("build", "--content", content, "--out", target)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert (target / "d1" / "nota.pdf").is_file() and (target / "d1" / "parafeerbundel.pdf").is_file()
    assert not (target / "d2").exists()
    assert f"{content}/d2/dossier.yaml:3:8: 'morgen' is geen geldige datum" in proc.stderr
    assert "niet gebouwd: d2 (de andere dossiers wel)" in proc.stderr
    assert "geschreven: " in proc.stdout


def test_watch_rebuilds_the_saved_dossier_and_reports_errors(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    content, out = tmp_path / "content", tmp_path / "build"
    write_content(content)
    log = tmp_path / "watch.log"
    with log.open("w") as sink:
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "watch", "--content", str(content), "--out",
                                 str(out)], cwd=Path(__file__).resolve().parent.parent, stdout=sink,
                                stderr=subprocess.STDOUT)
    try:
        def wait_for(text: str, times: int = 1) -> None:
            end = time.monotonic() + 120
            while log.read_text().count(text) < times and time.monotonic() < end:
                time.sleep(0.1)
            assert log.read_text().count(text) >= times, log.read_text()

        wait_for("ik kijk naar")
        pdf = out / "d1" / "nota.pdf"
        first = pdf.read_bytes()
        nota = content / "d1" / "nota.yaml"
        nota.write_text(NOTA_YAML.replace("Eerste alinea.", "Eerste **alinea."), encoding="utf-8")
        wait_for("'**' (vet) wordt niet gesloten")
        assert pdf.read_bytes() == first  # a save with an error keeps the last good PDF
        nota.write_text(NOTA_YAML.replace("Eerste alinea.", "Nieuwe alinea."), encoding="utf-8")
        wait_for(f"geschreven: {pdf}", times=2)  # the first build wrote it once
        assert "Nieuwe alinea." in normalise(pdftotext(pdf))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
