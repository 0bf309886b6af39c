"""Every public text from the redacted model, and a stale public version moved aside (real LibreOffice).

One copy of motie-21-ezk, in a folder named after its opsteller (a civil servant), with her
name in the onderwerp: the public files carry neither the folder name nor the name. Then the
besluit is removed (the route reopened): `woo` moves the earlier woo/ aside and says so.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pikepdf
import pytest

from pipeline.publication import publish
from tests.e2e_helpers import edit_line, motie21_copy, pdftotext, run_cli

pytestmark = pytest.mark.soffice

FOLDER = "selin-ozturk"  # a dossier folder named after its opsteller, S. Öztürk (rol ambtenaar)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("publiek")
    content = motie21_copy(tmp)
    (content / "motie-21-ezk").rename(content / FOLDER)
    edit_line(content / FOLDER / "dossier.yaml", "onderwerp:", "onderwerp: \"", "onderwerp: \"Reactie S. Öztürk: ")
    out = tmp / "build"
    proc = run_cli("woo", "--content", content, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return content, out


def test_the_public_title_is_the_redacted_onderwerp(dossier: tuple[Path, Path]) -> None:
    _, out = dossier
    woo = out / FOLDER / "woo"
    with pikepdf.open(woo / "nota.pdf") as pdf:
        title = str(pdf.docinfo["/Title"])
    assert title.startswith("Reactie [5.1.2e]: Toelichting op Rapportage"), title
    inventory = (woo / "inventarislijst.csv").read_text(encoding="utf-8-sig")
    assert "Reactie [5.1.2e]: Toelichting" in inventory and "Öztürk" not in inventory
    assert "Öztürk" not in pdftotext(woo / "nota.pdf")


def test_no_public_file_names_the_dossier_folder(dossier: tuple[Path, Path]) -> None:
    _, out = dossier
    woo = out / FOLDER / "woo"
    for name in ("sitemap.xml", "manifest.json", "inventarislijst.csv"):
        text = (woo / name).read_text(encoding="utf-8-sig").lower()
        assert "ozturk" not in text and "öztürk" not in text and "selin" not in text, name
    assert "https://open.overheid.nl/documenten/PSG-DB-26061157/nota.pdf" in (woo / "sitemap.xml").read_text()
    assert json.loads((woo / "manifest.json").read_text())["kenmerk"] == "PSG-DB / 26061157"


def test_controleer_passes_the_public_files_and_stops_on_the_lakvoorstel(dossier: tuple[Path, Path]) -> None:
    content, out = dossier
    public = sorted((out / FOLDER / "woo").iterdir())
    ok = run_cli("controleer", "--content", content, FOLDER, *public)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    review = sorted((out / FOLDER / "lakvoorstel").iterdir())
    bad = run_cli("controleer", "--content", content, FOLDER, *review)
    assert bad.returncode == 6, bad.stdout + bad.stderr
    assert "regel: naam van een ambtenaar (rol ambtenaar" in bad.stderr
    assert f"{FOLDER}/dossier.yaml:" in bad.stderr  # where the name was written
    assert "Traceback" not in bad.stderr


def test_a_reopened_route_moves_the_old_public_version_aside(dossier: tuple[Path, Path], tmp_path: Path) -> None:
    content, out = dossier
    content2, out2 = tmp_path / "content", tmp_path / "build"
    shutil.copytree(content, content2)
    shutil.copytree(out, out2)
    path = content2 / FOLDER / "dossier.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index("besluit:")
    path.write_text("\n".join(lines[:start] + lines[start + 4:]), encoding="utf-8")
    proc = run_cli("woo", "--content", content2, "--out", out2)
    assert proc.returncode == 0, proc.stderr
    assert not (out2 / FOLDER / "woo").exists()
    stale = out2 / FOLDER / publish.STALE_FOLDER
    assert (stale / "nota.pdf").is_file()
    assert "VEROUDERD" in (stale / publish.STALE_README).read_text(encoding="utf-8")
    assert "niet meer actueel" in proc.stdout and publish.STALE_FOLDER in proc.stdout
    assert (out2 / FOLDER / "lakvoorstel" / "nota.pdf").is_file()


def test_personal_data_in_kenmerk_or_toelichting_stops_woo_at_its_line(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    kenmerk_line, _ = edit_line(content / "motie-21-ezk" / "dossier.yaml", "kenmerk:", "26061157", "26061157-SÖ")
    toelichting_line, _ = edit_line(content / "motie-21-ezk" / "woo.yaml", "toelichting:",
                                    "persoonlijke beleidsopvatting",
                                    "opvatting van selin.ozturk@minezk.nl, bel 070 123 4567")
    proc = run_cli("woo", "--content", content, "--out", tmp_path / "build")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"motie-21-ezk/dossier.yaml:{kenmerk_line}:" in proc.stderr and "SÖ" in proc.stderr
    assert f"motie-21-ezk/woo.yaml:{toelichting_line}:" in proc.stderr
    assert "selin.ozturk@minezk.nl" in proc.stderr and "070 123 4567" in proc.stderr
    assert not (tmp_path / "build" / "motie-21-ezk" / "woo").exists()
