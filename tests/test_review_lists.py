"""What Woo staff and Excel expect from the lists: pages in the lakverslag, an XLSX inventory with text
identifiers, one identifier per document everywhere, the nota's motivering in the decisions' own words,
and no public version before a release where the organisation requires one."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from e2e_helpers import normalise, pdftotext
from helpers import DOSSIER_YAML, KAMERBRIEF_YAML, ORGANISATIES, nota_with, write_content
from lxml import etree

from pipeline.build import build_public

pytestmark = pytest.mark.soffice

LONG = "\n\n".join(f"Alinea {i} met gewone tekst over de uitvoering van de regeling en de planning." for i in range(60))
TEXT = ("Het advies van A.B. de Vries staat vooraan.\n\n" + LONG
        + "\n\nHet kabinet wil dit liever niet vertellen aan de Kamer.\n\nA.B. de Vries sluit af.")
WOO = """\
openbaarmaking:
  datum: 2024-01-15
lakken:
  - document: nota
    passage: "wil dit liever niet vertellen"
    grond: "5.2"
    toelichting: "persoonlijke beleidsopvatting van de projectleider over de Kamer"
"""


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("lists")
    root = write_content(tmp / "content", {
        "d1/nota.yaml": nota_with(TEXT).replace("bijlagen: []", "bijlagen: [kamerbrief]"),
        "d1/kamerbrief.yaml": KAMERBRIEF_YAML,
        "d1/dossier.yaml": DOSSIER_YAML.replace('"PSG-DB / 26061157"', '"0045821"'),
        "d1/woo.yaml": WOO})
    out = tmp / "out"
    build_public(root, out, force=True)
    return out / "d1"


def test_lakverslag_gives_the_page_of_each_redaction(published: Path) -> None:
    rows = _rows(published / "lakvoorstel" / "lakverslag.csv")
    assert list(rows[0])[:2] == ["document", "pagina"]
    pages = [int(r["pagina"]) for r in rows if r["document"] == "nota" and r["tekst"] == "A.B. de Vries"]
    assert pages and pages[0] == 1 and max(pages) > 1, rows
    passage = next(r for r in rows if r["grond"] == "5.2")
    page = int(passage["pagina"])
    assert "liever niet vertellen" in normalise(pdftotext(published / "lakvoorstel" / "nota.pdf", first=page,
                                                          last=page))


def test_inventory_xlsx_keeps_leading_zeros_and_matches_the_csv(published: Path) -> None:
    from openpyxl import load_workbook

    csv_rows = _rows(published / "woo" / "inventarislijst.csv")
    ws = load_workbook(published / "woo" / "inventarislijst.xlsx").active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[0] == list(csv_rows[0])
    assert [[str(v or "") for v in row] for row in values[1:]] == [list(r.values()) for r in csv_rows]
    id_cell = ws["A2"]
    assert id_cell.value == "0045821" and id_cell.data_type == "s" and id_cell.number_format == "@"


def test_the_same_identifier_in_inventory_diwoo_and_file_names(published: Path) -> None:
    rows = _rows(published / "woo" / "inventarislijst.csv")
    inventory = {r["Bestand"]: r["ID"] for r in rows}
    assert inventory == {"nota.pdf": "0045821", "kamerbrief.pdf": "0045821-b1"}
    tree = etree.parse(str(published / "woo" / "sitemap.xml"))
    sitemap = {}
    for url in tree.iter("{*}url"):
        loc = url.findtext("{*}loc") or ""
        ident = next((e.text for e in url.iter("{*}identifier")), None)
        sitemap[loc.rsplit("/", 1)[-1]] = ident
    assert sitemap == inventory
    assert {p.name for p in (published / "woo").glob("*.pdf")} == set(inventory)


def test_motivering_uses_the_toelichting_of_the_decision(published: Path) -> None:
    nota = normalise(pdftotext(published / "woo" / "nota.pdf"))
    assert ("Op grond van artikel 5.2 Woo (persoonlijke beleidsopvattingen in intern beraad) is niet openbaar "
            "gemaakt: persoonlijke beleidsopvatting van de projectleider over de Kamer.") in nota


def test_vrijgave_verplicht_writes_only_the_lakvoorstel_until_a_newer_release(tmp_path: Path) -> None:
    orgs = ORGANISATIES.replace("    website: www.rijksoverheid.nl/ezk\n",
                                "    website: www.rijksoverheid.nl/ezk\n    vrijgave_verplicht: true\n")
    woo = WOO.replace('    toelichting: "persoonlijke beleidsopvatting van de projectleider over de Kamer"\n',
                      '    toelichting: "beleidsopvatting"\n    door: "W. Officier"\n    op: 2024-01-10 10:00:00\n')
    root = write_content(tmp_path / "content", {"organisaties.yaml": orgs, "d1/woo.yaml": woo,
                                                "d1/nota.yaml": nota_with("Het kabinet wil dit liever niet "
                                                                          "vertellen aan de Kamer.")})
    out = tmp_path / "out"
    report = build_public(root, out, force=True)
    assert not (out / "d1" / "woo").exists() and (out / "d1" / "lakvoorstel" / "nota.pdf").is_file()
    assert any("vereist een vrijgave" in n for n in report.notes)
    (root / "d1" / "woo.yaml").write_text(woo + 'vrijgave:\n  door: "W. Officier"\n  op: 2024-01-09 09:00:00\n',
                                          encoding="utf-8")
    report = build_public(root, out, force=True)
    assert not (out / "d1" / "woo").exists()
    assert any("ouder dan 1 besluit" in n for n in report.notes)
    (root / "d1" / "woo.yaml").write_text(woo + 'vrijgave:\n  door: "W. Officier"\n  op: 2024-01-10 10:05:00\n',
                                          encoding="utf-8")
    build_public(root, out, force=True)
    assert (out / "d1" / "woo" / "nota.pdf").is_file()
