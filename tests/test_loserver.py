"""The warm LibreOffice server (pipeline/convert/loserver/) and its client, libreoffice.convert().

Every test gets its own server (own state dir and socket through PIPELINE_LO_STATE) and the
fixture stops it afterwards, so no soffice outlives the test. Server-level facts (attempts,
per-job errors) are read through the socket protocol itself; the rest through convert().
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from e2e_helpers import REPO, run_cli
from test_libreoffice_pdf import alive, fake_soffice, make_docx, processes_mentioning

from pipeline.convert import libreoffice as lo
from pipeline.errors import ConversionError, ToolMissing
from pipeline.finish.pdf import inspect_pdf

KINDS = ("nota", "kamerbrief", "rapportage")


# --------------------------------------------------------------------------- helpers


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def status() -> dict:
    info = lo.server_status()
    assert info is not None, "no server running"
    return info


def worker_pids(info: dict) -> list[int]:
    return [w["pid"] for w in info["workers"] if w["pid"]]


def wait_until(condition, timeout: float, what: str, tick: float = 0.02):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(tick)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def workers_up(n: int) -> dict:
    """The server's status once all n workers have a soffice up and are idle."""
    def check() -> dict | None:
        info = status()
        ready = len(worker_pids(info)) == n and all(w["state"] == "ready" for w in info["workers"])
        return info if ready else None
    return wait_until(check, 30, f"{n} workers up")


def ready_server(docx: Path, outdir: Path, workers: int) -> dict:
    """A running server whose workers all have a soffice up (convert once, then wait)."""
    lo.convert([docx], outdir)
    return workers_up(workers)


def raw_convert(sock: str, jobs: list[tuple[Path, Path]], timeout: float,
                on_line=None) -> list[dict]:  # type: ignore[no-untyped-def]
    """Talk the protocol directly: the per-job results (index order), as the server reports them."""
    request = {"op": "convert", "timeout": timeout, "import_filter": lo.DOCX_IMPORT_FILTER,
               "pdf_options": lo.PDF_EXPORT_OPTIONS,
               "jobs": [{"src": str(src), "dst": str(dst)} for src, dst in jobs]}
    results: dict[int, dict] = {}
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(120)
        conn.connect(sock)
        conn.sendall(json.dumps(request).encode() + b"\n")
        for line in conn.makefile("rb"):
            message = json.loads(line)
            if message["event"] == "end":
                break
            if message["event"] == "done":
                results[message["index"]] = message
                if on_line is not None:
                    on_line(message)
    return [results[i] for i in range(len(jobs))]


def copies(src: Path, folder: Path, n: int, stem: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = [folder / f"{stem}-{i}.docx" for i in range(n)]
    for path in paths:
        shutil.copyfile(src, path)
    return paths


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """content/ built once through the CLI in batch mode: real DOCX, and batch PDFs to compare with."""
    out = tmp_path_factory.mktemp("built") / "build"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PIPELINE_LO", "batch")
        proc = run_cli("build", "--out", out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A document that takes LibreOffice most of a second, so a kill lands in the middle of it."""
    return make_docx(tmp_path_factory.mktemp("big") / "groot.docx", "Groot stuk", "roerdomp", 120)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A private state dir (short: it holds a unix socket) in server mode; stops the server afterwards.

    The server's log is kept as tmp_path/server.log, to read after a failure.
    """
    state = Path(tempfile.mkdtemp(prefix="plo-", dir="/tmp"))
    monkeypatch.setenv("PIPELINE_LO_STATE", str(state))
    monkeypatch.setenv("PIPELINE_LO", "server")
    monkeypatch.setenv("PIPELINE_LO_WORKERS", "1")  # tests that need two say so
    monkeypatch.setenv("PIPELINE_LO_IDLE", "300")
    monkeypatch.delenv("PIPELINE_SOFFICE", raising=False)
    yield state
    lo.stop_server()
    with contextlib.suppress(AssertionError):  # a server that is stopping by itself may need a moment
        wait_until(lambda: not processes_mentioning(str(state)), 10, "the server to end", tick=0.1)
    leftovers = processes_mentioning(str(state))
    with contextlib.suppress(OSError):
        shutil.copyfile(state / "server.log", tmp_path / "server.log")
    for pid in leftovers:
        os.kill(pid, signal.SIGKILL)
    shutil.rmtree(state, ignore_errors=True)
    assert not leftovers, "soffice or the server outlived the test"


# --------------------------------------------------------------------------- real LibreOffice


@pytest.mark.soffice
def test_server_converts_like_batch_and_is_reused(
    built: Path, server: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_LO_WORKERS", "2")
    docx = sorted(built.glob("*/*.docx"))
    assert len(docx) >= 6
    sources = [shutil.copyfile(p, tmp_path / f"{p.parent.name}__{p.name}") for p in docx]
    done: list[Path] = []
    start = time.perf_counter()
    pdfs = lo.convert(sources, tmp_path / "pdf", on_done=done.append)
    first = time.perf_counter() - start
    assert pdfs == [tmp_path / "pdf" / f"{Path(s).stem}.pdf" for s in sources]
    assert sorted(done) == sorted(pdfs)
    for pdf, original in zip(pdfs, docx, strict=True):
        facts = inspect_pdf(pdf)
        assert facts.pdfa == "2B" and facts.tagged and facts.lang == "nl-NL"
        assert facts.fonts_all_embedded
        # Same text as the batch path, so fields (the rapportage's PAGEREF table of contents,
        # "Pagina x van y") come out the same.
        assert pdftotext(pdf) == pdftotext(original.with_suffix(".pdf")), pdf.name
    assert not [p for p in (tmp_path / "pdf").iterdir() if p not in pdfs], "stray files next to the PDFs"

    info = workers_up(2)
    assert info["current"] and info["version"].startswith("LibreOffice")
    direct = subprocess.run(["soffice", "--version"], capture_output=True, text=True, check=True).stdout
    assert lo.soffice_version() == info["version"] == direct.strip().splitlines()[0]  # asked the server
    start = time.perf_counter()
    again = lo.convert(sources, tmp_path / "pdf")
    second = time.perf_counter() - start
    after = status()
    assert again == pdfs
    assert (after["pid"], worker_pids(after)) == (info["pid"], worker_pids(info)), "the server was not reused"
    assert second < first
    print(f"\nserver: {len(sources)} docx first call {first:.2f} s (with start-up), warm {second:.2f} s")


@pytest.mark.soffice
def test_killed_soffice_is_restarted_and_its_document_retried(
    server: Path, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_LO_WORKERS", "2")
    sources = copies(big, tmp_path / "src", 6, "groot")
    info = ready_server(sources[0], tmp_path / "warm", 2)
    victims = worker_pids(info)
    out = tmp_path / "out"
    out.mkdir()

    killed: list[int] = []

    def kill_on_first(_message: dict) -> None:
        if not killed:  # both workers are in the middle of their next document now
            for pid in victims:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

    results = raw_convert(info["socket"], [(s, out / f"{s.stem}.pdf") for s in sources], 60, kill_on_first)
    assert all(r["ok"] for r in results), json.dumps(results, indent=1)
    assert any(r["attempts"] == 2 for r in results), results
    assert all(inspect_pdf(out / f"{s.stem}.pdf").pdfa == "2B" for s in sources)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{s.stem}.pdf" for s in sources)
    after = status()
    assert after["pid"] == info["pid"]
    assert not set(worker_pids(after)) & set(victims), (after, victims)
    assert all(not alive(pid) for pid in victims), [(pid, alive(pid)) for pid in victims]


@pytest.mark.soffice
def test_hung_soffice_is_killed_after_the_timeout_and_the_document_retried(
    server: Path, built: Path, tmp_path: Path
) -> None:
    sources = [built / "motie-21-ezk" / f"{kind}.docx" for kind in KINDS[:2]]
    info = ready_server(sources[0], tmp_path / "warm", 1)
    victims = worker_pids(info)
    for pid in victims:
        os.kill(pid, signal.SIGSTOP)  # a hang: alive, but never answering
    out = tmp_path / "out"
    out.mkdir()
    start = time.monotonic()
    results = raw_convert(info["socket"], [(s, out / f"{s.stem}.pdf") for s in sources], 3)  # seconds per document
    elapsed = time.monotonic() - start
    assert all(r["ok"] for r in results), results
    # The first document hit the stopped soffice; the second ran on the fresh one.
    assert [r["attempts"] for r in results] == [2, 1], results
    assert 3 <= elapsed < 30
    assert all(not alive(pid) for pid in victims), "the hung soffice was not killed"
    assert sorted(p.name for p in out.iterdir()) == ["kamerbrief.pdf", "nota.pdf"]


@pytest.mark.soffice
def test_a_document_that_hangs_twice_fails_with_a_clear_message(
    server: Path, big: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    info = ready_server(big, tmp_path / "warm", 1)
    first = worker_pids(info)
    os.kill(first[0], signal.SIGSTOP)
    stopped = set(first)

    def stop_the_restarted_soffice() -> None:
        # The retry runs on a fresh soffice: stop that one too as soon as it appears.
        pid = wait_until(lambda: next((p for p in worker_pids(status()) if p not in stopped), None),
                         30, "a restarted soffice", tick=0.005)
        os.kill(pid, signal.SIGSTOP)
        stopped.add(pid)

    stopper = threading.Thread(target=stop_the_restarted_soffice)
    stopper.start()
    out = tmp_path / "out"
    out.mkdir()
    [result] = raw_convert(info["socket"], [(big, out / "groot.pdf")], 3)
    stopper.join()
    assert not result["ok"] and result["attempts"] == 2 and result["kind"] == "hang", result
    assert str(big) in result["error"] and "liep vast" in result["error"] and "tweede poging" in result["error"]
    assert list(out.iterdir()) == [], "no (half) PDF at the destination"
    # The server is still usable: the worker was restarted once more.
    assert lo.convert([big], tmp_path / "daarna") == [tmp_path / "daarna" / "groot.pdf"]


@pytest.mark.soffice
def test_broken_docx_fails_alone_and_is_named(server: Path, built: Path, tmp_path: Path) -> None:
    good = [built / "motie-21-ezk" / f"{kind}.docx" for kind in KINDS[:2]]
    broken = tmp_path / "kapot.docx"
    broken.write_text("dit is geen docx")
    out = tmp_path / "out"
    with pytest.raises(ConversionError) as caught:
        lo.convert([good[0], broken, good[1]], out)
    message = str(caught.value)
    assert "kapot.docx" in message and "kon niet worden geladen" in message
    assert "nota.docx" not in message
    assert sorted(p.name for p in out.iterdir()) == ["kamerbrief.pdf", "nota.pdf"]  # nothing at kapot.pdf
    [result] = raw_convert(status()["socket"], [(broken, out / "kapot.pdf")], 30)
    assert (result["ok"], result["attempts"], result["kind"]) == (False, 1, "load")


@pytest.mark.soffice
def test_idle_server_stops_itself_and_cleans_up(
    server: Path, built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIPELINE_LO_IDLE", "2")
    info = ready_server(built / "motie-21-ezk" / "nota.docx", tmp_path, 1)
    pids = [info["pid"], *worker_pids(info)]
    wait_until(lambda: not any(alive(pid) for pid in pids), 20, "the idle server to stop", tick=0.2)
    assert lo.server_status() is None
    assert sorted(p.name for p in server.iterdir() if not p.name.startswith("server.log")) == ["checkout", "lock"]
    assert lo.stop_server() is False


@pytest.mark.soffice
def test_server_that_dies_mid_run_falls_back_to_batch(
    server: Path, big: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sources = copies(big, tmp_path / "src", 4, "groot")
    info = ready_server(sources[0], tmp_path / "warm", 1)

    def kill_server(_pdf: Path) -> None:
        if alive(info["pid"]):
            os.kill(info["pid"], signal.SIGKILL)
            for worker in info["workers"]:  # its orphaned soffices
                os.killpg(worker["pgid"], signal.SIGKILL)

    with caplog.at_level(logging.WARNING, logger="pipeline.convert.libreoffice"):
        pdfs = lo.convert(sources, tmp_path / "out", on_done=kill_server)
    assert "losse LibreOffice-batch" in caplog.text
    assert all(inspect_pdf(pdf).pdfa == "2B" for pdf in pdfs)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(p.name for p in pdfs)
    # The next run finds the dead server's socket, and starts a new server over it.
    lo.convert(sources[:1], tmp_path / "daarna")
    assert status()["pid"] != info["pid"]


@pytest.mark.soffice
def test_simultaneous_first_runs_start_one_server(server: Path, built: Path, tmp_path: Path) -> None:
    sources = [built / "motie-21-ezk" / f"{kind}.docx" for kind in KINDS]
    results: dict[int, list[Path]] = {}
    lo.start_server_async()  # a third contender, the way a build warms up
    threads = [threading.Thread(target=lambda i=i: results.update({i: lo.convert(sources, tmp_path / str(i))}))
               for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]
    log = (server / "server.log").read_text()
    assert log.count("server start") == 1, log


@pytest.mark.soffice
def test_the_server_never_holds_its_starters_pipes(server: Path, built: Path, tmp_path: Path) -> None:
    # A CI step (or subprocess.run with capture_output) waits until every holder of the pipes
    # has closed them; a server holding them would make the build hang for its idle time.
    code = ("import sys; from pathlib import Path; from pipeline.convert import libreoffice as lo; "
            "lo.convert([Path(sys.argv[1])], Path(sys.argv[2]))")
    source = built / "motie-21-ezk" / "nota.docx"
    proc = subprocess.run([sys.executable, "-c", code, str(source), str(tmp_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "nota.pdf").is_file()
    assert status()["pid"]  # and it lives on after its starter exited


@pytest.mark.soffice
def test_batch_mode_starts_no_server(built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = Path(tempfile.mkdtemp(prefix="plo-", dir="/tmp"))
    try:
        monkeypatch.setenv("PIPELINE_LO_STATE", str(state))
        monkeypatch.setenv("PIPELINE_LO", "batch")
        lo.start_server_async()
        sources = [built / "motie-21-ezk" / f"{kind}.docx" for kind in KINDS]
        done: list[Path] = []
        pdfs = lo.convert(sources, tmp_path, on_done=done.append)
        assert done == pdfs == [tmp_path / f"{kind}.pdf" for kind in KINDS]
        assert inspect_pdf(pdfs[2]).pdfa == "2B"
        assert list(state.iterdir()) == [] and lo.server_status() is None
    finally:
        shutil.rmtree(state, ignore_errors=True)


# A stand-in soffice for the batch path: writes a small "PDF" for every .docx into --outdir.
FAKE_BATCH = """out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
for a in "$@"; do
  case "$a" in *.docx) echo "%PDF-1.7 nep" > "$out/$(basename "$a" .docx).pdf";; esac
done
"""


def _fake_sources(tmp_path: Path) -> list[Path]:
    sources = [tmp_path / f"{name}.docx" for name in ("een", "twee")]
    for source in sources:
        source.write_bytes(b"PK nep")
    return sources


@pytest.mark.soffice  # needs the Python with uno that comes with LibreOffice, not LibreOffice itself
def test_server_whose_soffice_cannot_start_stops_and_the_run_goes_batch(
    server: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    fake_soffice(tmp_path, monkeypatch, """
case "$*" in *--accept=*) echo "kapot" >&2; exit 1;; esac
""" + FAKE_BATCH)
    sources = _fake_sources(tmp_path)
    with caplog.at_level(logging.WARNING, logger="pipeline.convert.libreoffice"):
        pdfs = lo.convert(sources, tmp_path / "out")
    assert [p.read_text() for p in pdfs] == ["%PDF-1.7 nep\n"] * 2
    assert "losse LibreOffice-batch" in caplog.text
    wait_until(lambda: lo.server_status() is None, 10, "the server to give up")
    assert "soffice stopte tijdens het opstarten" in (server / "server.log").read_text()


# --------------------------------------------------------------------------- without LibreOffice


def test_auto_mode_with_a_fake_soffice_uses_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = tmp_path / "state"
    monkeypatch.setenv("PIPELINE_LO_STATE", str(state))
    monkeypatch.setenv("PIPELINE_LO", "auto")
    calls = tmp_path / "calls"
    fake_soffice(tmp_path, monkeypatch, f'echo call >> "{calls}"\n' + FAKE_BATCH)
    sources = _fake_sources(tmp_path)
    pdfs = lo.convert(sources, tmp_path / "out")
    assert [p.name for p in pdfs] == ["een.pdf", "twee.pdf"]
    assert calls.read_text() == "call\n"  # one batch run
    assert not state.exists()


def test_server_mode_without_uno_python_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_python = tmp_path / "python-zonder-uno"
    fake_python.write_text("#!/bin/sh\nexit 1\n")
    fake_python.chmod(0o755)
    monkeypatch.setenv("PIPELINE_LO_PYTHON", str(fake_python))
    monkeypatch.setenv("PIPELINE_LO_STATE", str(tmp_path / "s"))
    monkeypatch.setenv("PIPELINE_LO", "server")
    fake_soffice(tmp_path, monkeypatch, "exit 0\n")
    docx = tmp_path / "een.docx"
    docx.write_bytes(b"PK nep")
    with pytest.raises(ToolMissing, match="python3-uno"):
        lo.convert([docx], tmp_path / "out")
