"""Batch conversion: one cold `soffice --convert-to` run for all files, optionally booted early."""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from pipeline.convert.soffice import DOCX_IMPORT_FILTER, PDF_EXPORT_OPTIONS, _is_real_libreoffice, _locate, find_soffice
from pipeline.errors import ConversionError, ToolMissing

log = logging.getLogger(__name__)

_TAIL_LINES = 20


def convert_to_pdf(docx_files: list[Path], outdir: Path, *, timeout: float = 180) -> list[Path]:
    """Convert all files with ONE soffice run to PDF/A-2b in outdir; return the PDFs in input order."""
    if not docx_files:
        return []
    sources, targets = _prepare(docx_files, outdir)
    outdir = targets[0].parent
    exe = find_soffice()
    # A private profile: a running LibreOffice (or a parallel build) sharing
    # the default profile would otherwise receive our job and we'd exit at once.
    # With a LibreOffice pre-started on such a profile (prestart_batch), the first call
    # hands its files to that already booted instance instead of booting one itself.
    early = _take_prestarted(exe)
    profile = early.profile if early else Path(tempfile.mkdtemp(prefix="pipeline-lo-profile-"))
    try:
        # soffice 7.4 converts at most 241 files of one --convert-to call, silently drops the
        # rest and exits 0; so a big batch is several calls (the profile is set up once).
        for start in range(0, len(sources), BATCH_LIMIT):
            chunk = sources[start:start + BATCH_LIMIT]
            cmd = _command(exe, profile, chunk, outdir)
            log.debug("running %s", cmd)
            returncode, stderr = _run(cmd, timeout, chunk)
            _check_outputs(targets[start:start + BATCH_LIMIT], chunk, returncode, stderr)
    finally:
        if early:
            early.stop()
        shutil.rmtree(profile, ignore_errors=True)
    return targets


class _Prestarted:
    """A headless soffice booting on a private profile while the run still renders its DOCX.

    A later `soffice --convert-to` with the same profile passes its files to this instance
    over LibreOffice's own single-instance pipe, and the instance exits when done: the
    conversion then costs no start-up (measured 1.3-1.6 s for the example's three documents
    including 0.7 s of overlap, against 1.35-1.5 s for a plain cold batch after rendering).
    """

    def __init__(self, exe: Path):
        self.exe = exe
        self.profile = Path(tempfile.mkdtemp(prefix="pipeline-lo-profile-"))
        self.proc = subprocess.Popen(
            [str(exe), f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible",
             "--norestore", "--nologo", "--nodefault", "--nolockcheck"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def stop(self) -> None:
        """Make sure it is gone (it normally exits after the handed-over conversion)."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)

    def discard(self) -> None:
        self.stop()
        shutil.rmtree(self.profile, ignore_errors=True)


_prestarted: _Prestarted | None = None


def prestart_batch() -> None:
    """Boot the cold LibreOffice of this run now, so it starts while we load and render."""
    global _prestarted
    if _prestarted is not None:
        return
    with contextlib.suppress(OSError, ToolMissing):
        exe = _locate()
        if _is_real_libreoffice(exe):  # a stand-in soffice (tests) has no single-instance pipe
            _prestarted = _Prestarted(exe)
            atexit.register(_discard_prestarted)  # a run that fails before converting


def _take_prestarted(exe: Path) -> _Prestarted | None:
    global _prestarted
    early, _prestarted = _prestarted, None
    if early and (early.exe != exe or early.proc.poll() is not None):
        early.discard()  # another soffice now, or it died: boot one the usual way
        return None
    return early


def _discard_prestarted() -> None:
    global _prestarted
    early, _prestarted = _prestarted, None
    if early:
        early.discard()


BATCH_LIMIT = 200


def _prepare(docx_files: list[Path], outdir: Path) -> tuple[list[Path], list[Path]]:
    """Checked absolute sources and their target PDFs in outdir, with any stale target removed."""
    sources = [Path(f).resolve() for f in docx_files]
    _check_sources(sources)
    outdir = Path(outdir).resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    targets = [outdir / f"{src.stem}.pdf" for src in sources]
    for target in targets:
        # A stale PDF from an earlier run must not pass for fresh output.
        target.unlink(missing_ok=True)
    return sources, targets



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
        src for src, target in zip(sources, targets, strict=True)
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


