"""What every part of the warm LibreOffice server shares: constants, the job types, uno property helpers."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import queue
import socket
import subprocess
import time
from pathlib import Path

PROTOCOL = 1
# The pipeline computes the same hash of this folder (pipeline/convert/client.py: _server_build).
BUILD = hashlib.sha256(b"".join(
    p.name.encode() + b"\0" + p.read_bytes() + b"\0" for p in sorted(Path(__file__).parent.glob("*.py"))
)).hexdigest()[:16]
START_TIMEOUT = 60.0  # seconds for one soffice to accept connections
HEARTBEAT = 5.0  # seconds between "alive" lines while a request waits
MAX_JOBS = 200  # a worker is recycled (when idle) after this many documents
TICK = 1.0  # seconds between idle checks of the main loop

log = logging.getLogger("loserver")


class StartError(Exception):
    """A soffice did not start or did not accept a UNO connection."""


class DocumentError(Exception):
    """LibreOffice is fine but this document cannot be loaded or exported (no retry)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


# --------------------------------------------------------------------------- jobs


class Request:
    """One convert request: its results go back to the connection that sent it."""

    def __init__(self, timeout: float, load_props: tuple, store_props: tuple, mode: int = 0o644):
        self.timeout = timeout
        self.mode = mode  # permissions of the PDFs: what the client's umask would give
        self.load_props = load_props
        self.store_props = store_props
        self.results: queue.Queue[dict] = queue.Queue()
        self.cancelled = False


class Job:
    def __init__(self, request: Request, index: int, src: str, dst: str):
        self.request = request
        self.index = index
        self.src = src
        self.dst = dst
        self.attempts = 0
        self.started = 0.0

    @property
    def name(self) -> str:
        return os.path.basename(self.src)

    def finish(self, ok: bool, *, worker: int | None = None, kind: str = "", error: str = "") -> None:
        result = {"event": "done", "index": self.index, "src": self.src, "dst": self.dst, "ok": ok,
                  "attempts": self.attempts}
        if worker is not None:
            result["worker"] = worker
        if ok:
            result["seconds"] = round(time.monotonic() - self.started, 3)
        else:
            result["kind"] = kind
            result["error"] = error
        self.request.results.put(result)


# --------------------------------------------------------------------------- workers


def _properties(import_filter: str, pdf_options: dict) -> tuple[tuple, tuple]:
    """Load and store arguments: the forced DOCX import filter; writer_pdf_Export with its FilterData."""
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name: str, value: object) -> PropertyValue:
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    filter_data = tuple(prop(name, _typed(spec)) for name, spec in dict(pdf_options).items())
    load = (prop("Hidden", True), prop("ReadOnly", True), prop("FilterName", str(import_filter)))
    store = (prop("FilterName", "writer_pdf_Export"),
             prop("FilterData", uno.Any("[]com.sun.star.beans.PropertyValue", filter_data)))
    return load, store


def _typed(spec: object) -> object:
    """{"type": "long", "value": "2"} (the --convert-to JSON syntax) -> 2."""
    if not isinstance(spec, dict):
        return spec
    kind, value = spec.get("type"), spec.get("value")
    if kind in ("long", "short", "hyper"):
        return int(str(value))
    if kind == "boolean":
        return str(value).lower() == "true"
    if kind in ("double", "float"):
        return float(str(value))
    return str(value)


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall(json.dumps(message, ensure_ascii=False).encode() + b"\n")


def _uno_message(exc: BaseException | None) -> str:
    if exc is None:
        return "onbekende fout"
    message = getattr(exc, "Message", "") or str(exc)
    return f"{type(exc).__name__}: {message.strip()}" if message else type(exc).__name__


def _version(soffice: str) -> str:
    try:
        proc = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    return lines[0] if lines else ""
