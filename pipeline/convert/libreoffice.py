"""The one wrapper around LibreOffice: find it, check its version, convert DOCX to PDF/A-2b.

Two ways to convert, behind convert():
- batch: convert_to_pdf(), one cold `soffice --convert-to` run for all files (about 1 s start-up);
- server: a warm LibreOffice (pipeline/convert/server.py) that keeps one soffice per core running
  between documents and between runs, and stops itself when idle.
PIPELINE_LO=auto|server|batch chooses; see convert().
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from functools import lru_cache
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
    _check_version(exe, _version_of(exe))
    return exe


def _check_version(exe: Path, version: str) -> None:
    if _parse_version(version) < MIN_VERSION:
        raise ToolMissing(
            f"{exe} is {version or 'een onbekende versie'}; "
            f"minimaal LibreOffice {'.'.join(map(str, MIN_VERSION))} nodig: {INSTALL_ADVICE}"
        )


def soffice_version() -> str:
    """The version line of the soffice find_soffice() would use, e.g. 'LibreOffice 7.4.7.2 40(Build:2)'.

    A running server for this very installation already knows it (it ran `soffice --version`
    of the same file); asking it takes a millisecond instead of a quarter of a second.
    """
    exe = _locate()
    if _mode() != "batch":
        with contextlib.suppress(_Unavailable, OSError):
            statedir = _state_dir(exe, create=False)
            info = _ping(statedir / "server.sock") if statedir else None
            if info and _is_current(info) and info.get("soffice") == str(exe) and info.get("version"):
                return str(info["version"])
    return _version_of(exe)


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
            os.replace(tmp, cache)
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


# --------------------------------------------------------------------------- warm LibreOffice (server)

MODE_VAR = "PIPELINE_LO"  # auto (default) | server | batch
WORKERS_VAR = "PIPELINE_LO_WORKERS"  # soffice processes of a new server; default min(cores, 4)
IDLE_VAR = "PIPELINE_LO_IDLE"  # seconds without requests before a new server stops; default 900
STATE_VAR = "PIPELINE_LO_STATE"  # the server's folder (socket, log, profiles); default below
PYTHON_VAR = "PIPELINE_LO_PYTHON"  # a Python that can `import uno`; default: found by probing
SERVER_SCRIPT = Path(__file__).resolve().with_name("server.py")
DEFAULT_IDLE = 900.0
UNO_ADVICE = (
    "installeer de Python-brug van LibreOffice voor de systeem-Python, bijvoorbeeld met "
    f"`apt-get install -y python3-uno`, of wijs met {PYTHON_VAR}=/pad/naar/python3 een Python aan "
    f"die `import uno` kan; {MODE_VAR}=batch werkt ook zonder"
)

_PROTOCOL = 1
_SPAWN_TIMEOUT = 30.0  # until the server's socket is bound (its soffices start after that)
_SILENCE = 60.0  # no line from the server for this long (it sends a heartbeat every 5 s): it is gone
_LOCK_TIMEOUT = 120.0
_LOG_MAX = 1_000_000
_SOCKET_MAX = 100  # sun_path holds 108 bytes

_warmup_lock = threading.Lock()
_warmup: threading.Thread | None = None
_warmup_failure: _Unavailable | None = None


class _Unavailable(Exception):
    """The server can't be used for this run; convert() converts in batch instead."""

    def __init__(self, reason: str, *, expected: bool = False):
        super().__init__(reason)
        self.expected = expected  # a normal situation (auto mode without uno): debug, not a warning


def convert(
    docx_files: list[Path],
    outdir: Path,
    *,
    timeout: float = 180,
    on_done: Callable[[Path], None] | None = None,
) -> list[Path]:
    """Convert all files to PDF/A-2b in outdir; return the PDFs in input order.

    The contract of convert_to_pdf: stale PDFs are removed first, a failure raises
    ConversionError (or ToolMissing) naming the documents, and a PDF is either complete or absent.
    PIPELINE_LO chooses how:
    - `batch`: convert_to_pdf, one cold soffice run;
    - `server`: the warm LibreOffice server (started when needed);
    - `auto` (default): the server when a Python with uno exists and soffice is a real
      LibreOffice installation, else batch.
    When the server cannot be started or dies mid-run, the rest goes through batch with a warning.
    timeout: the limit for one LibreOffice run: per document (and attempt) on the server,
    for the whole batch in batch mode. on_done(pdf) is called as each PDF is finished.
    """
    if not docx_files:
        return []
    sources, targets = _prepare(docx_files, outdir)
    outdir = targets[0].parent
    todo = list(range(len(sources)))
    mode = _mode()
    if mode != "batch":
        try:
            server = _server_for_run(mode)
        except OSError as exc:  # e.g. no writable temp dir: not worth losing the run over
            log.warning("LibreOffice-server niet beschikbaar (%s); omzetten in een losse LibreOffice-batch", exc)
        except _Unavailable as exc:
            if exc.expected:
                log.debug("geen LibreOffice-server: %s; omzetten in een losse LibreOffice-batch", exc)
            else:
                log.warning("LibreOffice-server niet beschikbaar (%s); omzetten in een losse LibreOffice-batch", exc)
        else:
            todo = _convert_on_server(server, sources, targets, timeout, on_done)
    if todo:
        pdfs = convert_to_pdf([sources[i] for i in todo], outdir, timeout=timeout)
        for pdf in pdfs:
            if on_done is not None:
                on_done(pdf)
    return targets


def server_running() -> bool:
    """Whether a current warm server for this soffice answers (a millisecond); starts nothing."""
    if _mode() == "batch":
        return False
    with contextlib.suppress(_Unavailable, OSError, ToolMissing):
        statedir = _state_dir(_locate(), create=False)
        return bool(statedir and _is_current(_ping(statedir / "server.sock")))
    return False


def use_batch_for_this_run() -> None:
    """This process converts in one cold batch (cheaper than a server start for a few documents)."""
    global _run_mode
    _run_mode = "batch"


_run_mode: str | None = None


_SMALL_RUN = 6  # documents: fewer convert faster in one cold batch than through a server's cold start


_choice: bool | None = None


def choose_for_run(documents: int) -> bool:
    """Once per process (the CLI decides early, the build asks again); see _choose_for_run."""
    global _choice
    if _choice is None:
        _choice = _choose_for_run(documents)
    return _choice


def _choose_for_run(documents: int) -> bool:
    """Pick how this run converts, at its start; True when a server should be started after it.

    A running server is used (and a big run starts one: its start-up overlaps our own work
    and two workers make up for it). A small run with no server running converts in one cold
    batch, which is faster than a server's first start, and leaves starting the server for
    the runs after it (see start_server_detached).
    """
    mode = _mode()
    if mode == "batch":
        return False
    if mode == "server" or documents > _SMALL_RUN or server_running():
        start_server_async()
        return False
    use_batch_for_this_run()
    prestart_batch()
    return not os.environ.get("CI")  # in CI no one edits and rebuilds: nothing to keep warm for


def start_server_detached() -> None:
    """Start the warm LibreOffice for the next run in a process of its own; this one need not wait."""
    global _run_mode
    _run_mode = None
    env = dict(os.environ)
    env.pop(MODE_VAR, None)
    with contextlib.suppress(OSError):
        subprocess.Popen([sys.executable, "-m", "pipeline", "lo", "start"], env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                         cwd=Path(__file__).resolve().parents[2])


def uses_server() -> bool:
    """Whether convert() goes through the warm server in this run; starts it (or waits for the start).

    Callers use it to choose between sending documents as they come (server) and collecting
    them for one cold batch run. ToolMissing (PIPELINE_LO=server without uno) propagates.
    """
    mode = _mode()
    if mode == "batch":
        return False
    try:
        _server_for_run(mode)
    except (_Unavailable, OSError) as exc:
        log.debug("geen LibreOffice-server: %s", exc)
        return False
    return True


def start_server_async() -> None:
    """Start the warm LibreOffice in the background, so its start-up overlaps with rendering.

    Returns at once; a no-op with PIPELINE_LO=batch or when a server already runs. A later
    convert() waits for this start to finish. Failures are only logged (debug): convert()
    decides what to do about them.
    """
    global _warmup
    mode = _mode()
    if mode == "batch":
        return
    with _warmup_lock:
        if _warmup is not None and _warmup.is_alive():
            return
        _warmup = threading.Thread(target=_warm_up, args=(mode,), name="pipeline-lo-start", daemon=True)
        _warmup.start()


def server_status() -> dict | None:
    """What the running server for the current soffice reports (its ping), or None when none runs.

    Keys: pid, version, soffice, workers (index, pid of soffice.bin, pgid, state, jobs, restarts),
    queued, uptime, idle, statedir, plus socket, log and current (False: started by another
    version of loserver.py; the next convert replaces it).
    """
    try:
        statedir = _state_dir(_locate(), create=False)
    except (ToolMissing, _Unavailable):
        return None
    if statedir is None:
        return None
    info = _ping(statedir / "server.sock")
    if info is None:
        return None
    return {**info, "socket": str(statedir / "server.sock"), "log": str(statedir / "server.log"),
            "current": _is_current(info)}


def stop_server() -> bool:
    """Stop the user's LibreOffice server(s) and their soffices; True when one was running.

    With PIPELINE_LO_STATE only that one; otherwise every server of this user (one per
    LibreOffice installation), so an old one left by an upgrade goes too.
    """
    stopped = False
    for statedir in _state_dirs():
        stopped |= _stop_in(statedir)
    return stopped


# ---- choosing and starting


def _mode() -> str:
    if _run_mode:
        return _run_mode
    value = os.environ.get(MODE_VAR, "").strip().lower() or "auto"
    if value not in ("auto", "server", "batch"):
        log.warning("%s=%s is onbekend (kies auto, server of batch); ik gebruik auto", MODE_VAR, value)
        return "auto"
    return value


def _warm_up(mode: str) -> None:
    global _warmup_failure
    try:
        _server_for_run(mode, wait_for_warmup=False)
    except _Unavailable as exc:
        _warmup_failure = exc
        log.debug("LibreOffice-server voorstarten: %s", exc)
    except Exception as exc:  # noqa: BLE001 - convert() runs into it again and reports it properly
        log.debug("LibreOffice-server voorstarten: %s", exc)


def _server_for_run(mode: str, *, wait_for_warmup: bool = True) -> Path:
    """The socket of a running, current server for this soffice; starts one when needed."""
    global _warmup_failure
    if wait_for_warmup:
        thread = _warmup
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=_SPAWN_TIMEOUT + _LOCK_TIMEOUT)
        failure, _warmup_failure = _warmup_failure, None
        if failure is not None:
            raise failure  # don't spend the start-up time twice in one run
    exe = _locate()
    if mode == "auto" and not _is_real_libreoffice(exe):
        raise _Unavailable(f"{exe} is geen LibreOffice-installatie (geen soffice.bin ernaast)", expected=True)
    statedir = _state_dir(exe)
    assert statedir is not None
    sock = statedir / "server.sock"
    if _is_current(_ping(sock)):
        return sock
    with _flock(statedir / "lock"):
        info = _ping(sock)  # another build may have started one while we waited
        if _is_current(info):
            return sock
        if info is not None:
            log.info("LibreOffice-server (pid %s) is van een andere versie; ik vervang hem", info.get("pid"))
            _stop_in(statedir)
        python = _uno_python(exe)
        if python is None:
            if mode == "server":
                raise ToolMissing(f"{MODE_VAR}=server, maar geen Python gevonden die `import uno` kan: {UNO_ADVICE}")
            # Expected in auto mode without python3-uno; not when someone pointed at a Python.
            raise _Unavailable("geen Python met `import uno` (python3-uno)",
                               expected=not os.environ.get(PYTHON_VAR))
        _spawn(python, exe, statedir, sock)
        # The version check (0.25 s) runs while the server starts its first soffice.
        try:
            _check_version(exe, _version_of(exe))
        except ToolMissing:
            _stop_in(statedir)
            raise
        if _ping(sock) is None:
            raise _Unavailable(f"de LibreOffice-server reageert niet; zie {statedir / 'server.log'}")
    return sock


def _is_current(info: dict | None) -> bool:
    return (
        info is not None
        and info.get("protocol") == _PROTOCOL
        and info.get("build") == _server_build()
        and any(w.get("state") != "dead" for w in info.get("workers", []))
    )


@lru_cache(maxsize=1)
def _server_build() -> str:
    return hashlib.sha256(SERVER_SCRIPT.read_bytes()).hexdigest()[:16]


def _is_real_libreoffice(exe: Path) -> bool:
    """A LibreOffice program folder: soffice (or its symlink) next to soffice.bin or oosplash."""
    real = exe.resolve()
    return real.name == "soffice.bin" or any((real.parent / name).exists() for name in ("soffice.bin", "oosplash"))


def _uno_python(exe: Path) -> str | None:
    """A Python that can `import uno`: PIPELINE_LO_PYTHON, else the venv's base, /usr/bin/python3, LO's own."""
    override = os.environ.get(PYTHON_VAR)
    if override:
        candidates = [override]
    else:
        candidates = [getattr(sys, "_base_executable", ""), "/usr/bin/python3", str(exe.resolve().parent / "python")]
    seen = set()
    for candidate in candidates:
        if not candidate or not os.access(candidate, os.X_OK) or os.path.realpath(candidate) in seen:
            continue
        seen.add(os.path.realpath(candidate))
        try:
            probe = subprocess.run([candidate, "-I", "-c", "import uno"], stdin=subprocess.DEVNULL,
                                   capture_output=True, timeout=30, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return candidate
        log.debug("%s kan uno niet importeren", candidate)
    return None


def _spawn(python: str, exe: Path, statedir: Path, sock: Path) -> None:
    """Start loserver.py detached; it forks and its first process exits once the socket is bound."""
    log_path = statedir / "server.log"
    with contextlib.suppress(OSError):
        if log_path.stat().st_size > _LOG_MAX:
            os.replace(log_path, statedir / "server.log.1")
    cmd = [
        python, "-I", str(SERVER_SCRIPT), "--daemon",
        "--socket", str(sock), "--soffice", str(exe),
        "--workers", str(_workers()), "--idle", f"{_idle():g}",
        "--import-filter", DOCX_IMPORT_FILTER,
        "--pdf-options", json.dumps(PDF_EXPORT_OPTIONS, separators=(",", ":")),
    ]
    log.debug("LibreOffice-server starten: %s", cmd)
    # Never our pipes: the server outlives us, and a CI step waits for every holder of its pipes.
    with open(log_path, "ab") as log_file:
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                    cwd=statedir, start_new_session=True, close_fds=True)
        except OSError as exc:
            raise _Unavailable(f"{python} kon niet worden gestart: {exc}") from exc
    try:
        code = proc.wait(timeout=_SPAWN_TIMEOUT)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        raise _Unavailable(f"de LibreOffice-server startte niet binnen {_SPAWN_TIMEOUT:g} s; zie {log_path}") from None
    if code != 0:
        raise _Unavailable(f"de LibreOffice-server startte niet (exitcode {code}); zie {log_path}")


def _workers() -> int:
    default = min(os.cpu_count() or 1, 4)
    value = os.environ.get(WORKERS_VAR, "").strip()
    if not value:
        return default
    try:
        return max(1, min(int(value), 32))
    except ValueError:
        log.warning("%s=%s is geen getal; ik gebruik %d", WORKERS_VAR, value, default)
        return default


def _idle() -> float:
    value = os.environ.get(IDLE_VAR, "").strip()
    if not value:
        return DEFAULT_IDLE
    try:
        seconds = float(value)
    except ValueError:
        seconds = 0
    if seconds <= 0:
        log.warning("%s=%s is geen positief aantal seconden; ik gebruik %g", IDLE_VAR, value, DEFAULT_IDLE)
        return DEFAULT_IDLE
    return seconds


def _umask() -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


# ---- the state dir


def _state_base() -> Path:
    return Path(tempfile.gettempdir()) / f"pipeline-lo-{os.getuid()}"


def _state_dir(exe: Path, *, create: bool = True) -> Path | None:
    """The server's private folder: PIPELINE_LO_STATE, or one per LibreOffice installation in /tmp."""
    override = os.environ.get(STATE_VAR)
    if override:
        path = Path(override).absolute()
        dirs = [path]
    else:
        base = _state_base()
        path = base / _install_key(exe)
        dirs = [base, path]
    for folder in dirs:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        elif not folder.is_dir():
            return None
        _make_private(folder)
    if len(os.fsencode(path / "server.sock")) > _SOCKET_MAX:
        raise _Unavailable(f"het pad {path} is te lang voor een unix-socket; zet {STATE_VAR} op een korter pad")
    return path


def _install_key(exe: Path) -> str:
    """Identifies the installation without running `soffice --version` (0.25 s): path, sizes, mtimes."""
    real = exe.resolve()
    parts = [str(real)]
    for path in (real, real.parent / "soffice.bin", real.parent / "versionrc"):
        with contextlib.suppress(OSError):
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _make_private(folder: Path) -> None:
    """Refuse a folder someone else owns or can enter (it is in /tmp); tighten our own."""
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise _Unavailable(f"{folder} is geen eigen map van deze gebruiker")
    if st.st_mode & 0o077:
        os.chmod(folder, 0o700)


def _state_dirs() -> list[Path]:
    override = os.environ.get(STATE_VAR)
    if override:
        return [Path(override).absolute()]
    base = _state_base()
    try:
        _make_private(base)
        return sorted(p for p in base.iterdir() if p.is_dir() and not p.is_symlink())
    except (OSError, _Unavailable):
        return []


@contextlib.contextmanager
def _flock(path: Path):  # type: ignore[no-untyped-def]
    """One builder at a time starts the server; the others wait, then find it running."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + _LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise _Unavailable(f"{path} bleef langer dan {_LOCK_TIMEOUT:g} s vergrendeld") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


# ---- talking to it


def _ping(sock: Path, timeout: float = 5) -> dict | None:
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(sock))
            conn.sendall(b'{"op": "ping"}\n')
            line = conn.makefile("rb").readline()
        info = json.loads(line)
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) and info.get("ok") else None


def _convert_on_server(
    sock: Path,
    sources: list[Path],
    targets: list[Path],
    timeout: float,
    on_done: Callable[[Path], None] | None,
) -> list[int]:
    """Convert on the server; return the indices the server could not do (for batch). Raises on bad documents."""
    request = {
        "op": "convert", "protocol": _PROTOCOL, "timeout": timeout, "umask": _umask(),
        "import_filter": DOCX_IMPORT_FILTER, "pdf_options": PDF_EXPORT_OPTIONS,
        "jobs": [{"src": str(src), "dst": str(dst)} for src, dst in zip(sources, targets)],
    }
    results: dict[int, dict] = {}
    started = time.perf_counter()
    # Last resort against a server that keeps sending heartbeats but makes no progress:
    # more than two attempts and two soffice start-ups of one document may take.
    stall_limit = 2 * timeout + 180
    progress = time.monotonic()
    lost = ""
    in_callback = False
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.settimeout(_SILENCE)
        conn.connect(str(sock))
        conn.sendall(json.dumps(request).encode() + b"\n")
        reader = conn.makefile("rb")
        while True:
            line = reader.readline()
            if not line:
                raise ConnectionError("de verbinding werd verbroken")
            message = json.loads(line)
            event = message.get("event")
            if event == "end":
                break
            if event == "error":
                raise ConnectionError(message.get("error", "onbekende fout"))
            if event != "done":  # "alive": a heartbeat
                if time.monotonic() - progress > stall_limit:
                    raise TimeoutError(f"geen voortgang in {stall_limit:g} s")
                continue
            progress = time.monotonic()
            index = int(message["index"])
            target = targets[index]
            if message.get("ok") and not (target.is_file() and target.stat().st_size > 0):
                message.update(ok=False, kind="unavailable", error=f"{target} ontbreekt na de conversie")
            results[index] = message
            if message.get("ok"):
                if message.get("attempts", 1) > 1:
                    log.info("LibreOffice liep vast of crashte bij %s; opnieuw gestart, en gelukt",
                             sources[index].name)
                if on_done is not None:
                    in_callback = True
                    on_done(target)
                    in_callback = False
    except (OSError, ValueError, KeyError) as exc:
        if in_callback:
            raise  # the caller's own error, not a lost server
        lost = str(exc) or type(exc).__name__
    finally:
        conn.close()  # on any exit, including Ctrl-C: the server drops what is left of this request

    failed = [(i, r) for i, r in sorted(results.items()) if not r.get("ok") and r.get("kind") != "unavailable"]
    if failed:
        names = ", ".join(str(sources[i]) for i, _ in failed)
        details = "\n".join(f"  {r.get('error') or 'onbekende fout'}" for _, r in failed)
        raise ConversionError(f"LibreOffice maakte geen PDF van {names}:\n{details}")
    todo = [i for i in range(len(sources)) if not results.get(i, {}).get("ok")]
    if todo:
        reason = lost or next((r.get("error") for r in results.values() if not r.get("ok")), "onbekend")
        log.warning("de LibreOffice-server zette %d van de %d documenten niet om (%s); die gaan nu via een "
                    "losse LibreOffice-batch", len(todo), len(sources), reason)
    else:
        log.debug("LibreOffice-server: %d document(en) in %.2f s", len(sources), time.perf_counter() - started)
    return todo


def _stop_in(statedir: Path) -> bool:
    sock = statedir / "server.sock"
    info = _ping(sock)
    pid = int(info["pid"]) if info else _server_pid(statedir)
    if not pid:
        return False
    if info is not None:
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(10)
            conn.connect(str(sock))
            conn.sendall(b'{"op": "stop"}\n')
            conn.makefile("rb").readline()
    else:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)  # it no longer answers, but it is ours (checked in _server_pid)
    deadline = time.monotonic() + 15
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _alive(pid):
        log.warning("LibreOffice-server (pid %d) stopte niet; ik beëindig hem en zijn soffices", pid)
        groups = [w.get("pgid") for w in (info or {}).get("workers", []) if w.get("pgid")]
        for target in groups:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(int(target), signal.SIGKILL)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return True


def _server_pid(statedir: Path) -> int:
    """The pid in server.pid when that process is still a loserver.py of ours, else 0."""
    try:
        pid = int((statedir / "server.pid").read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return 0
    return pid if SERVER_SCRIPT.name.encode() in cmdline and _alive(pid) else 0


def _alive(pid: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text.rsplit(")", 1)[1].split()[0] != "Z"
