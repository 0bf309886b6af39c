"""The one wrapper around LibreOffice: find it, check its version, batch-convert DOCX to PDF/A-2b."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.errors import ConversionError, ToolMissing

log = logging.getLogger(__name__)

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

_VERSION_RE = re.compile(r"(\d+)\.(\d+)")
_TAIL_LINES = 20


def find_soffice() -> Path:
    """Return a usable soffice (PIPELINE_SOFFICE wins over PATH); ToolMissing if absent or too old."""
    exe = _locate()
    version = _version_of(exe)
    if _parse_version(version) < MIN_VERSION:
        raise ToolMissing(
            f"{exe} is {version or 'een onbekende versie'}; "
            f"minimaal LibreOffice {'.'.join(map(str, MIN_VERSION))} nodig: {INSTALL_ADVICE}"
        )
    return exe


def soffice_version() -> str:
    """The version line of the soffice find_soffice() would use, e.g. 'LibreOffice 7.4.7.2 40(Build:2)'."""
    return _version_of(_locate())


def convert_to_pdf(docx_files: list[Path], outdir: Path, *, timeout: float = 180) -> list[Path]:
    """Convert all files with ONE soffice run to PDF/A-2b in outdir; return the PDFs in input order."""
    if not docx_files:
        return []
    sources = [Path(f).resolve() for f in docx_files]
    _check_sources(sources)
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    targets = [outdir / f"{src.stem}.pdf" for src in sources]
    for target in targets:
        # A stale PDF from an earlier run must not pass for fresh output.
        target.unlink(missing_ok=True)

    exe = find_soffice()
    # A private profile: a running LibreOffice (or a parallel build) sharing
    # the default profile would otherwise receive our job and we'd exit at once.
    profile = Path(tempfile.mkdtemp(prefix="pipeline-lo-profile-"))
    try:
        cmd = _command(exe, profile, sources, outdir)
        log.debug("running %s", cmd)
        returncode, stderr = _run(cmd, timeout, sources)
    finally:
        shutil.rmtree(profile, ignore_errors=True)

    _check_outputs(targets, sources, returncode, stderr)
    return targets


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
    try:
        proc = subprocess.run(
            [str(exe), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolMissing(f"{exe} --version mislukte ({exc}): {INSTALL_ADVICE}") from exc
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    return lines[0] if lines else ""


def _parse_version(text: str) -> tuple[int, int]:
    match = _VERSION_RE.search(text)
    if not match:
        return (0, 0)
    return (int(match.group(1)), int(match.group(2)))


def _check_sources(sources: list[Path]) -> None:
    missing = [str(src) for src in sources if not src.is_file()]
    if missing:
        raise ConversionError(f"bronbestand(en) niet gevonden: {', '.join(missing)}")
    stems: dict[str, Path] = {}
    for src in sources:
        # soffice names output after the stem only; two equal stems overwrite each other.
        if src.stem in stems:
            raise ConversionError(
                f"{stems[src.stem]} en {src} geven allebei {src.stem}.pdf; geef ze verschillende namen"
            )
        stems[src.stem] = src


def _command(exe: Path, profile: Path, sources: list[Path], outdir: Path) -> list[str]:
    filter_options = json.dumps(PDF_EXPORT_OPTIONS, separators=(",", ":"))
    return [
        str(exe),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        f"--infilter={DOCX_IMPORT_FILTER}",
        "--convert-to",
        f"pdf:writer_pdf_Export:{filter_options}",
        "--outdir",
        str(outdir),
        *[str(src) for src in sources],
    ]


def _run(cmd: list[str], timeout: float, sources: list[Path]) -> tuple[int, str]:
    # Own session = own process group, so a hang can be killed including
    # oosplash's soffice.bin child and anything else it started.
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        names = ", ".join(src.name for src in sources)
        raise ConversionError(
            f"LibreOffice hing langer dan {timeout:g} s bij het omzetten van {names}; "
            "het proces is gestopt"
        ) from None
    except BaseException:
        _kill_group(proc)  # Ctrl-C and the like must not leave soffice running
        raise
    log.debug("soffice stdout: %s", stdout.strip())
    return proc.returncode, stderr


def _kill_group(proc: subprocess.Popen[str]) -> None:
    with contextlib.suppress(ProcessLookupError):  # the whole group already ended
        os.killpg(proc.pid, signal.SIGKILL)
    try:
        # Bounded: a grandchild that escaped the group could keep the pipes open.
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        log.warning("soffice (pid %d) sloot zijn uitvoer niet na SIGKILL", proc.pid)
        proc.wait(timeout=10)


def _check_outputs(targets: list[Path], sources: list[Path], returncode: int, stderr: str) -> None:
    failed = [
        src for src, target in zip(sources, targets)
        if not target.is_file() or target.stat().st_size == 0
    ]
    if failed:
        tail = "\n".join(stderr.strip().splitlines()[-_TAIL_LINES:]) or "(geen stderr)"
        names = ", ".join(str(src) for src in failed)
        raise ConversionError(
            f"LibreOffice maakte geen (of een lege) PDF van {names} "
            f"(exitcode {returncode}); stderr van soffice:\n{tail}"
        )
    if returncode != 0:
        # The files are there; soffice's exit code is not reliable enough to reject them.
        log.warning("soffice gaf exitcode %d maar alle PDF's zijn gemaakt", returncode)
