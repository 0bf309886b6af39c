"""Finding LibreOffice and its version, and the options every conversion uses."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from pipeline.convert.statedir import _install_key, _make_private, _state_base, _Unavailable
from pipeline.errors import ToolMissing

ENV_VAR = "PIPELINE_SOFFICE"
MIN_VERSION = (7, 4)  # JSON filter options on --convert-to need 7.4
INSTALL_ADVICE = (
    "installeer LibreOffice 7.4 of nieuwer, bijvoorbeeld met "
    "`apt-get install -y libreoffice-writer-nogui` (Debian/Ubuntu) of "
    "`dnf install -y libreoffice-writer` (Fedora), "
    f"of wijs met {ENV_VAR}=/pad/naar/soffice een installatie aan"
)

# writer_pdf_Export options, typed as the 7.4+ JSON syntax wants them.
PDF_EXPORT_OPTIONS: dict[str, dict[str, str]] = {
    "SelectPdfVersion": {"type": "long", "value": "2"},  # 2 = PDF/A-2b
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "ExportNotes": {"type": "boolean", "value": "false"},
    "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
}

# Forced import filter: without it soffice "converts" a non-DOCX file named
# .docx as plain text and exits 0; with it such a file fails to load.
DOCX_IMPORT_FILTER = "MS Word 2007 XML"

# The product's name first: any program that prints a number >= 7.4 (a wrapper script, another
# office suite, `python3 --version`) is not LibreOffice. Collabora Office and LibreOfficeDev are.
_VERSION_RE = re.compile(r"\b(?:LibreOffice(?:Dev)?|Collabora Office)\S*\s+(\d+)\.(\d+)")



def find_soffice() -> Path:
    """Return a usable soffice (PIPELINE_SOFFICE wins over PATH); ToolMissing if absent or too old."""
    exe = _locate()
    _check_version(exe, _version_of(exe))
    return exe


def _check_version(exe: Path, version: str) -> None:
    if _parse_version(version) < MIN_VERSION:
        raise ToolMissing(
            f"{exe} is {version or 'een onbekende versie'}; "
            f"minimaal LibreOffice {'.'.join(map(str, MIN_VERSION))} nodig: {INSTALL_ADVICE}"
        )


def _locate() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        exe = Path(override)
        if not (exe.is_file() and os.access(exe, os.X_OK)):
            raise ToolMissing(f"{ENV_VAR}={override} is geen uitvoerbaar bestand: {INSTALL_ADVICE}")
        return exe
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ToolMissing(f"LibreOffice (soffice) niet gevonden op PATH: {INSTALL_ADVICE}")


def _version_of(exe: Path) -> str:
    """`soffice --version` (0.1-0.25 s), remembered per installation (path, sizes, mtimes) on disk."""
    key = _install_key(exe)
    if key in _VERSIONS:
        return _VERSIONS[key]
    cache = None
    with contextlib.suppress(OSError, _Unavailable):
        # In the per-user folder, not in a server's (PIPELINE_LO_STATE may name one folder for
        # several installations, and a batch-only user has no server folder at all).
        base = _state_base()  # made by the first server start; a batch-only user leaves nothing behind
        if not base.is_dir():
            raise _Unavailable("nog geen eigen map")
        _make_private(base)
        cache = base / f"version-{key}"
        if cache.is_file():
            _VERSIONS[key] = cache.read_text(encoding="utf-8").strip()
            return _VERSIONS[key]
    version = _run_version(exe)
    _VERSIONS[key] = version
    if cache and version:
        with contextlib.suppress(OSError):
            tmp = cache.with_name(f".{cache.name}.{os.getpid()}")
            tmp.write_text(version + "\n", encoding="utf-8")
            tmp.replace(cache)
    return version


_VERSIONS: dict[str, str] = {}


def _run_version(exe: Path) -> str:
    try:
        proc = subprocess.run(
            [str(exe), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolMissing(f"{exe} --version mislukte ({exc}): {INSTALL_ADVICE}") from exc
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    # the version line, even when a wrapper or a warning prints something before it
    return next((line for line in lines if _VERSION_RE.search(line)), lines[0] if lines else "")


def _parse_version(text: str) -> tuple[int, int]:
    match = _VERSION_RE.search(text)
    if not match:
        return (0, 0)
    return (int(match.group(1)), int(match.group(2)))


def _is_real_libreoffice(exe: Path) -> bool:
    """A LibreOffice program folder: soffice (or its symlink) next to soffice.bin or oosplash."""
    real = exe.resolve()
    return real.name == "soffice.bin" or any((real.parent / name).exists() for name in ("soffice.bin", "oosplash"))

