"""A run's own log file (OUT/.log/<time>-<command>.log or --log FILE) for an operator to read afterwards."""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import sys
import time
from pathlib import Path

LOG_DIR = ".log"
KEEP = 30  # log files per output folder; older ones go when a new run starts
RUN_LOGGER = "pipeline.run"  # header, outcome and summary: for the file only
_FORMAT = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s: %(message)s"


class _Ours(logging.Filter):
    """Everything of the pipeline's own loggers; of the libraries only warnings and worse."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.split(".")[0] in ("pipeline", "redaction") or record.levelno >= logging.WARNING


def console(verbose: bool) -> None:
    """The terminal shows warnings (with -v also info), never the debug lines the log file gets."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.setLevel(logging.INFO if verbose else logging.WARNING)
    # RUN_LOGGER's lines are the log file's own account of the run; the terminal already shows it.
    handler.addFilter(lambda record: record.name != RUN_LOGGER)
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def open_log(out: Path, command: str, explicit: Path | None) -> Path | None:
    """Start the run's log file; returns its path, or None when it cannot be written (never fatal)."""
    if explicit is not None:
        path = explicit
    else:
        folder = out / LOG_DIR
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"{stamp}-{os.getpid()}-{command}.log"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if explicit is None:
            _prune(path.parent)
        handler = logging.FileHandler(path, encoding="utf-8")
    except OSError as exc:
        logging.getLogger(__name__).warning("kan geen log schrijven naar %s (%s)", path, exc)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT, "%Y-%m-%d %H:%M:%S"))
    handler.setLevel(logging.DEBUG)
    handler.addFilter(_Ours())
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)  # the console handler keeps its own, higher level
    return path


def header(argv: list[str]) -> None:
    """What ran, where and with what: the first lines of every log."""
    log = logging.getLogger(RUN_LOGGER)
    log.info("opdracht: python -m pipeline %s", " ".join(argv))
    log.info("map: %s; checkout: %s", Path.cwd(), Path(__file__).resolve().parents[1])
    log.info("python %s (%s), %s, pid %d", platform.python_version(), sys.executable, platform.platform(),
             os.getpid())
    for name in sorted(os.environ):
        if name.startswith("PIPELINE_") or name == "CI":
            log.info("omgeving: %s=%s", name, os.environ[name])


def close() -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            handler.close()
            root.removeHandler(handler)


def _prune(folder: Path) -> None:
    logs = sorted(folder.glob("*.log"))
    for old in logs[: max(0, len(logs) - KEEP + 1)]:
        with contextlib.suppress(OSError):
            old.unlink()
