"""An organisation's logo (organisaties.yaml: logo, logo_alt): checked, on the nota and the Kamerbrief, tagged."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from e2e_helpers import REPO, motie21_copy
from helpers import ORGANISATIES, content_errors, write_content
from PIL import Image

from pipeline.kinds import load_content

ALT = "Logo van het Ministerie van Economische Zaken en Klimaat"


def png(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    Image.new("RGB", (300, 90), (21, 66, 115)).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    return path


def with_logo(logo: str, alt: str | None = ALT) -> str:
    text = ORGANISATIES + f"    logo: {logo}\n"
    return text + (f"    logo_alt: {alt}\n" if alt is not None else "")


def test_a_logo_inside_the_content_folder_is_read(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", {"organisaties.yaml": with_logo("huisstijl/logo.png")})
    png(root / "huisstijl" / "logo.png")
    org = load_content(root).organisaties["ezk"]
    assert org.logo == (root / "huisstijl" / "logo.png").resolve() and str(org.logo_alt) == ALT


@pytest.mark.parametrize(("logo", "alt", "message"), [
    ("../buiten.png", ALT, "ligt buiten de contentmap"),
    ("link.png", ALT, "ligt buiten de contentmap"),  # a symlink pointing out of the folder
    ("weg.png", ALT, "bestaat niet"),
    ("tekst.png", ALT, "is geen PNG- of JPEG-bestand"),
    ("logo.png", None, "een logo zonder logo_alt"),
])
def test_a_wrong_logo_is_a_content_error(tmp_path: Path, logo: str, alt: str | None, message: str) -> None:
    root = write_content(tmp_path / "c", {"organisaties.yaml": with_logo(logo, alt)})
    png(root / "logo.png")
    png(tmp_path / "buiten.png")
    (root / "link.png").symlink_to(tmp_path / "buiten.png")
    (root / "tekst.png").write_text("geen plaatje", encoding="utf-8")
    [error] = content_errors(root)
    assert message in error.message and error.loc.line == 8, error  # at the logo: line


def _figures(pdf_path: Path) -> list[str]:
    with pikepdf.open(pdf_path) as pdf:
        found = []
        todo = [pdf.Root.StructTreeRoot]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Array):
                todo += list(node)
            elif isinstance(node, pikepdf.Dictionary):
                if node.get("/S") == "/Figure":
                    found.append(str(node.get("/Alt", "")))
                if "/K" in node:
                    todo.append(node.K)
        return found


@pytest.mark.soffice
def test_the_logo_is_on_the_nota_and_the_kamerbrief_as_a_tagged_figure(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    png(content / "huisstijl" / "logo.png")
    orgs = content / "organisaties.yaml"
    text = orgs.read_text(encoding="utf-8")
    marker = "    website: www.rijksoverheid.nl/ezk\n"
    assert marker in text
    orgs.write_text(text.replace(marker, marker + f"    logo: huisstijl/logo.png\n    logo_alt: {ALT}\n", 1),
                    encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "build", "--content", str(content), "--out", str(out)],
                          cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr
    folder = out / "motie-21-ezk"
    assert _figures(folder / "nota.pdf") == [ALT]
    assert _figures(folder / "kamerbrief.pdf") == [ALT]
    assert _figures(folder / "rapportage.pdf") == []  # the rapportage has no logo
    with pikepdf.open(folder / "nota.pdf") as pdf:
        assert len(pdf.pages[0].Resources.get("/XObject", {})) > 0  # the image itself is on the first page


def test_a_new_logo_image_rebuilds_the_documents(tmp_path: Path) -> None:
    from pipeline.publication import manifest

    root = write_content(tmp_path / "c", {"organisaties.yaml": with_logo("logo.png")})
    png(root / "logo.png")
    before = manifest.document_inputs(manifest.dossier_inputs(root, "d1"), "d1", "nota")
    assert "logo.png" in before
    Image.new("RGB", (10, 10), "red").save(root / "logo.png")
    after = manifest.document_inputs(manifest.dossier_inputs(root, "d1"), "d1", "nota")
    assert before["logo.png"] != after["logo.png"]
