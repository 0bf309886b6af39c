"""The one wrapper around LibreOffice: find it, check its version, convert DOCX to PDF/A-2b.

Two ways to convert, behind convert():
- batch (batch.py): convert_to_pdf(), one cold `soffice --convert-to` run for all files (about 1 s start-up);
- server (warm.py, client.py): a warm LibreOffice (pipeline/convert/loserver/, run by the system
  python3 with uno) that keeps one soffice per core running between documents and between runs,
  and stops itself when idle; its folders are in statedir.py.
PIPELINE_LO=auto|server|batch chooses; see convert().
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from pathlib import Path

from pipeline.convert import warm
from pipeline.convert.batch import BATCH_LIMIT, _command, _prepare, convert_to_pdf, prestart_batch
from pipeline.convert.client import SERVER_DIR, _convert_on_server, _is_current, _ping
from pipeline.convert.soffice import (
    DOCX_IMPORT_FILTER,
    ENV_VAR,
    INSTALL_ADVICE,
    MIN_VERSION,
    PDF_EXPORT_OPTIONS,
    _locate,
    _version_of,
    find_soffice,
)
from pipeline.convert.statedir import STATE_VAR, _state_dir, _Unavailable
from pipeline.convert.warm import (
    IDLE_VAR,
    MODE_VAR,
    PYTHON_VAR,
    WORKERS_VAR,
    choose_for_run,
    describe_status,
    server_running,
    server_status,
    start_server_async,
    start_server_detached,
    stop_server,
    use_batch_for_this_run,
    uses_server,
)

__all__ = [
    "BATCH_LIMIT", "DOCX_IMPORT_FILTER", "ENV_VAR", "IDLE_VAR", "INSTALL_ADVICE", "MIN_VERSION", "MODE_VAR",
    "PDF_EXPORT_OPTIONS", "PYTHON_VAR", "SERVER_DIR", "STATE_VAR", "WORKERS_VAR", "_command", "choose_for_run",
    "convert", "convert_to_pdf", "describe_status", "find_soffice", "prestart_batch", "server_running",
    "server_status", "soffice_version", "start_server_async", "start_server_detached", "stop_server",
    "use_batch_for_this_run", "uses_server",
]

log = logging.getLogger(__name__)


def soffice_version() -> str:
    """The version line of the soffice find_soffice() would use, e.g. 'LibreOffice 7.4.7.2 40(Build:2)'.

    A running server for this very installation already knows it (it ran `soffice --version`
    of the same file); asking it takes a millisecond instead of a quarter of a second.
    """
    exe = _locate()
    if warm._mode() != "batch":
        with contextlib.suppress(_Unavailable, OSError):
            statedir = _state_dir(exe, create=False)
            info = _ping(statedir / "server.sock") if statedir else None
            if info and _is_current(info) and info.get("soffice") == str(exe) and info.get("version"):
                return str(info["version"])
    return _version_of(exe)


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
    mode = warm._mode()
    if mode != "batch":
        try:
            server = warm._server_for_run(mode)
        except OSError as exc:  # e.g. no writable temp dir: not worth losing the run over
            log.warning("LibreOffice-server niet beschikbaar (%s); omzetten in een losse LibreOffice-batch", exc)
        except _Unavailable as exc:
            if exc.expected:
                log.debug("geen LibreOffice-server: %s; omzetten in een losse LibreOffice-batch", exc)
            else:
                log.warning("LibreOffice-server niet beschikbaar (%s); omzetten in een losse LibreOffice-batch", exc)
        else:
            log.info("omzetten met de warme LibreOffice (%s): %s", server.parent, ", ".join(map(str, sources)))
            todo = _convert_on_server(server, sources, targets, timeout, on_done)
    if todo:
        log.info("omzetten met een losse LibreOffice-batch (%s): %s", _locate(),
                 ", ".join(str(sources[i]) for i in todo))
        pdfs = convert_to_pdf([sources[i] for i in todo], outdir, timeout=timeout)
        for pdf in pdfs:
            if on_done is not None:
                on_done(pdf)
    return targets
