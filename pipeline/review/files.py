"""The real output beside the HTML: page images of the PDFs, the inventory, the publication zip."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import subprocess
import tempfile
import zipfile
from pathlib import Path

from pipeline.kinds import NAMES

WHICH = {"woo": "openbaar", "lakvoorstel": "lakvoorstel"}


def pdf_path(out: Path, dossier_id: str, which: str, kind: str) -> Path | None:
    """Only known folders and document names: never a path from the request."""
    if which not in WHICH or kind not in NAMES:
        return None
    path = out / dossier_id / which / f"{kind}.pdf"
    return path if path.is_file() else None


def page_count(path: Path) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(path).pages)
    except Exception:  # a broken or half-written PDF shows no pages, it does not break the page
        return 0


def page_image(path: Path, page: int, cache_dir: Path, dpi: int = 60) -> bytes | None:
    """One page as PNG, rendered with pdftoppm and cached by the PDF's hash."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"{digest}-{page}-{dpi}.png"
    if cached.is_file():
        return cached.read_bytes()
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "p"
        done = subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile",
                               str(path), str(prefix)], capture_output=True, timeout=60, check=False)
        png = prefix.with_suffix(".png")
        if done.returncode or not png.is_file():
            return None
        data = png.read_bytes()
    cached.write_bytes(data)
    return data


def inventory(out: Path, dossier_id: str) -> tuple[list[str], list[list[str]]]:
    path = out / dossier_id / "woo" / "inventarislijst.csv"
    if not path.is_file():
        return [], []
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    return (rows[0], rows[1:]) if rows else ([], [])


def redaction_log(out: Path, dossier_id: str) -> tuple[list[str], list[list[str]]]:
    path = out / dossier_id / "lakvoorstel" / "lakverslag.csv"
    if not path.is_file():
        return [], []
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))
    return (rows[0], rows[1:]) if rows else ([], [])


def zip_name(dossier_id: str, folder: str, when: dt.date | None = None) -> str:
    return f"{dossier_id}-{folder}-{(when or dt.date.today()).isoformat()}.zip"


def folder_zip(out: Path, dossier_id: str, folder: str) -> bytes | None:
    """One zip of woo/ (or lakvoorstel/): every file in it, under a folder named after the dossier."""
    root = out / dossier_id / folder
    if folder not in WHICH or not root.is_dir():
        return None
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            zf.write(path, f"{dossier_id}-{folder}/{path.relative_to(root).as_posix()}")
    return buf.getvalue()
