"""Warm LibreOffice: a conversion server that keeps soffice processes running between builds.

Run by a Python that can `import uno` (on Debian the system python3 with python3-uno),
NOT by the project's venv; it imports only the standard library and uno, never the pipeline.
pipeline/convert/libreoffice.py starts it (detached) and talks to it; nobody needs to start it by hand:

    python3 -I pipeline/convert/server.py --socket DIR/server.sock --soffice /usr/bin/soffice \
        [--soffice-version TEXT] [--workers N] [--idle SECONDS] [--daemon] \
        [--import-filter "MS Word 2007 XML"] [--pdf-options JSON]

--daemon forks: the first process exits 0 once the socket is bound (1 if that failed),
so the starter knows when to connect and nobody has to reap the server.
Everything it owns lives in the socket's folder (the state dir, mode 0700): server.sock,
server.pid, server.log, and run-<pid>/ with one LibreOffice profile per worker (profile-<i>)
and jobs/, where soffice writes each PDF before it is moved to its destination.

Protocol: newline-delimited JSON over the unix socket, one request line, answered by
one or more lines; several requests may follow each other on one connection.

    {"op": "ping"}
        -> {"ok": true, "pid": ..., "protocol": 1, "build": "<hash of this file>",
            "soffice": "/usr/bin/soffice", "version": "LibreOffice 7.4.7.2 ...",
            "workers": [{"index": 0, "pid": <soffice.bin>, "pgid": ..., "state": "ready",
                         "jobs": 12, "restarts": 0}, ...],
            "queued": 0, "uptime": 12.5, "idle": 900, "statedir": "..."}
        worker states: starting, ready, busy, dead, stopped
    {"op": "stop"}  -> {"ok": true, "pid": ...}, then the server stops its soffices and exits
    {"op": "convert", "timeout": 120, "umask": 18, "import_filter": "MS Word 2007 XML",
     "pdf_options": {"SelectPdfVersion": {"type": "long", "value": "2"}, ...},
     "jobs": [{"src": "/abs/a.docx", "dst": "/abs/out/a.pdf"}, ...]}
        timeout is per document and attempt; umask sets the PDFs' permissions; import_filter
        and pdf_options (the --convert-to JSON syntax) default to the command line's.
        -> one line per finished job, as it finishes (streamed, so a client can show progress):
           {"event": "done", "index": 0, "src": ..., "dst": ..., "ok": true, "attempts": 1,
            "seconds": 0.12, "worker": 0}
           {"event": "done", "index": 1, ..., "ok": false, "kind": "load"|"export"|"crash"|
            "hang"|"unavailable", "error": "<Dutch message naming the file>", "attempts": 1|2}
           {"event": "alive"}    every 5 s while jobs are pending (a heartbeat)
           {"event": "end"}      after the last job
        or {"event": "error", "error": "..."} when the request itself is malformed.
        A client that disconnects cancels its jobs that have not started yet.

Jobs of all requests go into one queue; each worker (one soffice with its own profile)
takes the next job. soffice exports into run-<pid>/jobs/ and the PDF is then renamed (or
copied to a hidden name and renamed) to dst, so dst is either a complete PDF or absent,
and a killed soffice's lock and temp files never land next to it. A soffice that crashes (process gone,
bridge disposed) or hangs (a job exceeding its timeout: the watchdog kills the process
group) is restarted with a fresh profile and the job retried once, on whichever worker is
free first; a second crash or hang fails the job. A document that LibreOffice cannot load
or export fails at once: retrying a deterministic error is pointless.

The first worker starts alone (start-up is CPU-bound), the others once it is up. A new
soffice converts a tiny document first when no job is waiting, so the first real document
doesn't pay for loading Writer and the PDF export.

The server exits after --idle seconds without requests (pings count: a client pings first),
on SIGTERM/SIGINT, on the stop request, when no soffice can be started, and when its
socket file disappears or is replaced; it then kills its soffices and removes its socket,
pid file and run-<pid>/.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from lo_common import BUILD, log
from lo_server import Server

# --------------------------------------------------------------------------- main


def _daemonize() -> int:
    """Fork; the parent waits until the child reports ready (exit 0) or fails (exit 1).

    The child is then reparented to init, so nobody has to reap it, and whoever started
    us knows the socket is bound once we exit.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid:
        os.close(write_end)
        with os.fdopen(read_end, "rb") as reader:
            status = reader.read(1)
        os._exit(0 if status == b"1" else 1)
    os.close(read_end)
    return write_end


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--socket", required=True)
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--soffice-version", default="")
    parser.add_argument("--workers", type=int, default=min(os.cpu_count() or 1, 4))
    parser.add_argument("--idle", type=float, default=900)
    parser.add_argument("--import-filter", default="MS Word 2007 XML",
                        help="default import filter; a request's import_filter wins")
    parser.add_argument("--pdf-options", default="{}",
                        help="default FilterData for writer_pdf_Export as JSON in the --convert-to syntax; "
                             "a request's pdf_options win")
    parser.add_argument("--daemon", action="store_true", help="fork; exit when the socket is bound")
    args = parser.parse_args(argv)
    args.workers = max(1, min(args.workers, 32))

    os.umask(0o077)
    ready_fd = _daemonize() if args.daemon else None
    statedir = Path(args.socket).parent
    logging.basicConfig(
        filename=str(statedir / "server.log"), level=logging.INFO,
        format="%(asctime)s %(process)d %(threadName)s %(levelname)s %(message)s",
    )
    log.info("server start: %s (%s), %d worker(s), idle %g s, build %s", args.soffice,
             args.soffice_version, args.workers, args.idle, BUILD)
    try:
        server = Server(args)
        server.bind()
    except BaseException:
        log.exception("server kon niet starten")
        return 1
    if ready_fd is not None:
        os.write(ready_fd, b"1")
        os.close(ready_fd)
    if not server.version:
        threading.Thread(target=server.find_version, name="version", daemon=True).start()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signaal %d ontvangen", signum)
        server.stop()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        server.serve()
    except BaseException:
        log.exception("server faalde")
        raise
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
