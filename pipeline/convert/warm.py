"""The warm LibreOffice from the pipeline's side: choosing it for a run, starting, status and stopping."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from pipeline.convert import statedir as state
from pipeline.convert.batch import prestart_batch
from pipeline.convert.client import SERVER_DIR, _is_current, _ping, _stop_in
from pipeline.convert.soffice import (
    DOCX_IMPORT_FILTER,
    PDF_EXPORT_OPTIONS,
    _check_version,
    _is_real_libreoffice,
    _locate,
    _version_of,
)
from pipeline.convert.statedir import STATE_VAR, _flock, _state_dir, _state_dirs, _Unavailable
from pipeline.errors import ToolMissing

log = logging.getLogger(__name__)

MODE_VAR = "PIPELINE_LO"  # auto (default) | server | batch
WORKERS_VAR = "PIPELINE_LO_WORKERS"  # soffice processes of a new server; default min(cores, 4)
IDLE_VAR = "PIPELINE_LO_IDLE"  # seconds without requests before a new server stops; default 900
PYTHON_VAR = "PIPELINE_LO_PYTHON"  # a Python that can `import uno`; default: found by probing
DEFAULT_IDLE = 900.0
UNO_ADVICE = (
    "installeer de Python-brug van LibreOffice voor de systeem-Python, bijvoorbeeld met "
    f"`apt-get install -y python3-uno`, of wijs met {PYTHON_VAR}=/pad/naar/python3 een Python aan "
    f"die `import uno` kan; {MODE_VAR}=batch werkt ook zonder"
)
_SPAWN_TIMEOUT = 30.0  # until the server's socket is bound (its soffices start after that)
_LOG_MAX = 1_000_000

_warmup_lock = threading.Lock()
_warmup: threading.Thread | None = None
_warmup_failure: _Unavailable | None = None


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
            "checkout": state.checkout_of(statedir), "current": _is_current(info)}


_STATES = {"starting": "start op", "ready": "klaar", "busy": "bezig", "dead": "gestopt na fouten",
           "stopped": "gestopt"}


def describe_status(status: dict | None) -> str:
    """`lo status` for a person: what runs, for which checkout, and where its log is."""
    if status is None:
        return f"geen warme LibreOffice actief voor deze checkout ({state.CHECKOUT})"
    uptime = int(float(status.get("uptime", 0)))
    lines = [f"warme LibreOffice actief: pid {status.get('pid')}, {status.get('version') or 'versie onbekend'}, "
             f"draait {uptime // 60} min {uptime % 60} s",
             f"  soffice:   {status.get('soffice')}",
             f"  checkout:  {status.get('checkout') or 'onbekend'}",
             f"  map:       {status.get('statedir')}",
             f"  log:       {status.get('log')}",
             f"  wachtrij:  {status.get('queued', 0)} document(en); stopt na {float(status.get('idle', 0)):g} s "
             "zonder werk"]
    for w in status.get("workers", []):
        lines.append(f"  werker {w.get('index')}: {_STATES.get(w.get('state'), w.get('state'))}, "
                     f"{w.get('jobs', 0)} document(en), {w.get('restarts', 0)} herstart(s), "
                     f"soffice.bin pid {w.get('pid') or '-'}")
    if not status.get("current"):
        lines.append("  let op: gestart door een andere versie van de code; de volgende build vervangt hem")
    return "\n".join(lines)


def stop_server() -> bool:
    """Stop the user's LibreOffice server(s) and their soffices; True when one was running.

    With PIPELINE_LO_STATE only that one; otherwise every server of this checkout (one per
    LibreOffice installation), so an old one left by an upgrade goes too; other checkouts'
    servers are left alone. Then old state (see statedir.clean_old_state) is cleaned up.
    """
    stopped = False
    for statedir in _state_dirs():
        stopped |= _stop_in(statedir)
    if not os.environ.get(STATE_VAR):
        state.clean_old_state()
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
            thread.join(timeout=_SPAWN_TIMEOUT + state._LOCK_TIMEOUT)
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
        if not os.environ.get(STATE_VAR):
            state.clean_old_state(statedir)
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
            log_path.replace(statedir / "server.log.1")
    cmd = [
        python, "-I", str(SERVER_DIR), "--daemon",
        "--socket", str(sock), "--soffice", str(exe),
        "--workers", str(_workers()), "--idle", f"{_idle():g}",
        "--import-filter", DOCX_IMPORT_FILTER,
        "--pdf-options", json.dumps(PDF_EXPORT_OPTIONS, separators=(",", ":")),
    ]
    log.debug("LibreOffice-server starten: %s", cmd)
    # Never our pipes: the server outlives us, and a CI step waits for every holder of its pipes.
    with log_path.open("ab") as log_file:
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

