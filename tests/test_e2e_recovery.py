"""LibreOffice killed in the middle of a build: the run recovers, or fails cleanly with earlier outputs intact.

Real LibreOffice, through the warm server (PIPELINE_LO=server); conftest.py gives the session
its own server, which these tests share with the build subprocesses through the environment.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from e2e_helpers import CONTENT, REPO, pdftotext, snapshot, stray_staging

from pipeline.convert import libreoffice
from pipeline.finish.pdf import inspect_pdf

pytestmark = pytest.mark.soffice

DOCS = 9  # nota, kamerbrief, rapportage of two dossiers, the concept's nota, nota and kamervragen of one


def _content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    return content


def _start_build(content: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PIPELINE_LO="server", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen([sys.executable, "-m", "pipeline", "build", "--content", str(content), "--out", str(out),
                             *extra], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _kill_workers() -> list[int]:
    """SIGKILL every soffice of the warm server (the whole process group); return their pids."""
    status = libreoffice.server_status() or {}
    killed = []
    for worker in status.get("workers", []):
        if worker.get("pid") and worker.get("pgid"):
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(int(worker["pgid"]), signal.SIGKILL)
                killed.append(int(worker["pid"]))
    return killed


def _staged_pdfs(out: Path) -> list[Path]:
    return list(out.glob(".build-*/signing/pdf/*.pdf"))


def _warm(tmp_path: Path, content: Path) -> None:
    warm = _start_build(content, tmp_path / "warm")
    _, err = warm.communicate(timeout=300)
    assert warm.returncode == 0, err
    assert (libreoffice.server_status() or {}).get("workers"), "no warm server to test with"


def test_build_recovers_when_libreoffice_is_killed_mid_batch(tmp_path: Path) -> None:
    content = _content(tmp_path)
    _warm(tmp_path, content)
    out = tmp_path / "out"
    proc = _start_build(content, out)
    seen_before_kill = -1
    killed: list[int] = []
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        staged = _staged_pdfs(out)
        if staged:
            seen_before_kill = len(staged)
            killed = _kill_workers()
            break
        time.sleep(0.005)
    _, err = proc.communicate(timeout=300)
    assert killed, "the build ended before LibreOffice could be killed"
    assert 0 < seen_before_kill < DOCS, "killed too late to be in the middle of the batch"
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    pdfs = sorted(p for p in out.glob("*/*.pdf") if p.name != "parafeerbundel.pdf")
    assert len(pdfs) == DOCS
    for pdf in pdfs:
        facts = inspect_pdf(pdf)
        assert facts.pdfa == "2B" and facts.tagged and facts.page_count >= 1
        assert pdftotext(pdf).strip()
    status = libreoffice.server_status() or {}
    assert sum(w.get("restarts", 0) for w in status.get("workers", [])) >= 1
    assert stray_staging(out) == []


def test_build_that_keeps_losing_libreoffice_fails_cleanly_and_keeps_earlier_outputs(tmp_path: Path) -> None:
    content = _content(tmp_path)
    out = tmp_path / "out"
    _warm(tmp_path, content)
    shutil.copytree(tmp_path / "warm", out)  # the earlier, good outputs
    shutil.rmtree(out / ".cache")  # and no converted PDFs to reuse: with --opnieuw, all goes to LibreOffice
    before = snapshot(out)

    stop = threading.Event()

    def killer() -> None:  # every soffice the server starts dies at once, for as long as the build runs
        while not stop.is_set():
            _kill_workers()
            time.sleep(0.02)

    thread = threading.Thread(target=killer, daemon=True)
    proc = _start_build(content, out, "--opnieuw")
    thread.start()
    try:
        _, err = proc.communicate(timeout=600)
    finally:
        stop.set()
        thread.join()
    print(f"exit {proc.returncode}; stderr: {err[-600:]}")
    assert "Traceback" not in err
    if proc.returncode == 0:
        # Recovered: the server gave up and the client converted in a separate batch LibreOffice.
        assert "losse LibreOffice-batch" in err
        assert snapshot(out) != before
    else:
        assert proc.returncode == 4, err  # ConversionError
        assert "LibreOffice" in err
        assert snapshot(out) == before, "a failed run changed earlier outputs"
    assert stray_staging(out) == []
