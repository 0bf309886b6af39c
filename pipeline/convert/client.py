"""Talking to the warm LibreOffice over its unix socket: ping, convert, stop."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import signal
import socket
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from pipeline.convert.soffice import DOCX_IMPORT_FILTER, PDF_EXPORT_OPTIONS
from pipeline.convert.statedir import _alive, server_pid
from pipeline.errors import ConversionError

log = logging.getLogger(__name__)

SERVER_DIR = Path(__file__).resolve().with_name("loserver")  # run as `python3 -I SERVER_DIR`
_PROTOCOL = 1
_SILENCE = 60.0  # no line from the server for this long (it sends a heartbeat every 5 s): it is gone


def _is_current(info: dict | None) -> bool:
    return (
        info is not None
        and info.get("protocol") == _PROTOCOL
        and info.get("build") == _server_build()
        and any(w.get("state") != "dead" for w in info.get("workers", []))
    )



@lru_cache(maxsize=1)
def _server_build() -> str:
    """The same hash the server computes of itself (loserver/lo_common.py: build_hash)."""
    h = hashlib.sha256()
    for path in sorted(SERVER_DIR.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _umask() -> int:
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022


# ---- the state dir

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
        "jobs": [{"src": str(src), "dst": str(dst)} for src, dst in zip(sources, targets, strict=True)],
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
    pid = int(info["pid"]) if info else server_pid(statedir)
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
