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
import collections
import contextlib
import errno
import hashlib
import json
import logging
import os
import queue
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
import zipfile
from pathlib import Path

PROTOCOL = 1
BUILD = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
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


class Worker:
    """One soffice process with its own profile, driven over its own UNO bridge."""

    def __init__(self, server: Server, index: int):
        self.server = server
        self.index = index
        self.proc: subprocess.Popen | None = None
        self.desktop = None
        self.pid = 0  # soffice.bin
        self.pipe = ""
        self.state = "starting"
        self.jobs = 0
        self.restarts = 0
        self.lock = threading.Lock()  # guards deadline/hung against the watchdog
        self.deadline: float | None = None
        self.hung = False
        self.thread = threading.Thread(target=self.run, name=f"worker-{index}", daemon=True)

    @property
    def profile(self) -> Path:
        return self.server.rundir / f"profile-{self.index}"

    def info(self) -> dict:
        proc = self.proc  # the worker thread may replace it meanwhile
        return {"index": self.index, "pid": self.pid, "pgid": proc.pid if proc else 0,
                "state": self.state, "jobs": self.jobs, "restarts": self.restarts}

    # ---- process

    def start(self) -> None:
        import uno  # noqa: F401 - installs the import hook for the com.sun.star names
        from com.sun.star.connection import NoConnectException

        self.kill()
        shutil.rmtree(self.profile, ignore_errors=True)  # a fresh profile costs nothing measurable
        self.pipe = f"pipeline-lo-{os.getpid()}-{self.index}-{uuid.uuid4().hex[:8]}"
        cmd = [
            self.server.soffice,
            f"-env:UserInstallation={self.profile.as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
        ]
        began = time.monotonic()
        try:
            # Own process group: a hang is killed including oosplash's soffice.bin child.
            # stdout/stderr are inherited: the server's log file.
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise StartError(f"{self.server.soffice} kon niet worden gestart: {exc}") from exc
        local = self.server.uno_context
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        url = f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
        while True:
            code = self.proc.poll()
            if code is not None:
                self.kill()
                raise StartError(f"soffice stopte tijdens het opstarten (exitcode {code})")
            try:
                context = resolver.resolve(url)
                break
            except NoConnectException:
                if time.monotonic() - began > START_TIMEOUT or self.server.stopping.is_set():
                    self.kill()
                    raise StartError(f"soffice reageerde niet binnen {START_TIMEOUT:g} s") from None
                time.sleep(0.05)
            except Exception as exc:  # any UNO failure means: not started
                self.kill()
                raise StartError(f"verbinden met soffice mislukte: {exc}") from exc
        try:
            self.desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        except Exception as exc:
            self.kill()
            raise StartError(f"soffice gaf geen Desktop: {exc}") from exc
        self.pid = _soffice_bin_pid(self.proc.pid) or self.proc.pid
        log.info("worker %d: soffice gestart in %.2f s (pid %d, groep %d)",
                 self.index, time.monotonic() - began, self.pid, self.proc.pid)

    def kill(self) -> None:
        """SIGKILL the whole process group, reap it, remove what the process leaves behind."""
        self.desktop = None
        proc, self.proc = self.proc, None
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                log.warning("worker %d: soffice (pid %d) reageert niet op SIGKILL", self.index, proc.pid)
        for name in (self.pipe, _ipc_pipe_name(self.profile.as_uri())) if proc is not None else ():
            with contextlib.suppress(OSError):
                os.unlink(f"/tmp/OSL_PIPE_{os.getuid()}_{name}")
        self.pid = 0

    def restart(self) -> bool:
        """Fresh soffice; True when it runs. Two tries, then the worker is dead."""
        self.restarts += 1
        self.state = "starting"
        for attempt in (1, 2):
            if self.server.stopping.is_set():
                break
            with self.lock:  # the watchdog also guards start-up: a UNO call can hang there too
                self.hung = False
                self.deadline = time.monotonic() + 2 * START_TIMEOUT
            try:
                self.start()
                if self.server.queue_empty():  # with a job waiting, the job itself warms up faster
                    self.warm_up()
                self.state = "ready"
                return True
            except StartError as exc:
                log.error("worker %d: herstart %d mislukte: %s", self.index, attempt, exc)
            finally:
                with self.lock:
                    self.deadline = None
        self.state = "dead"
        return False

    # ---- main loop

    def run(self) -> None:
        if self.index > 0:
            # Start-up is CPU-bound: on a small machine, soffices starting side by side each take
            # longer than one alone, so the first worker starts alone and serves the first jobs.
            while not self.server.first_up.wait(0.2):
                if self.server.stopping.is_set():
                    self.state = "stopped"
                    return
        started = self.restart()
        if self.index == 0:
            self.server.first_up.set()
        if not started:
            self.server.worker_gone(self)
            return
        self.restarts = 0
        self.server.worker_ready()
        while True:
            job = self.server.next_job(self)
            if job is None:
                break
            if not self.alive():
                # Died since its last job (that job may even have finished: a kill during close()
                # leaves a complete PDF). Not this job's fault, so no attempt is counted.
                log.warning("worker %d: soffice was gestopt terwijl hij niets deed; opnieuw starten", self.index)
                if not self.restart():
                    self.server.requeue(job)
                    self.server.worker_gone(self)
                    return
            self.process(job)
            if self.state == "dead":
                self.server.worker_gone(self)
                return
            if self.jobs >= MAX_JOBS and self.server.queue_empty():
                log.info("worker %d: %d documenten gedaan; verse soffice", self.index, self.jobs)
                self.jobs = 0
                if not self.restart():
                    self.server.worker_gone(self)
                    return
        self.state = "stopped"

    def process(self, job: Job) -> None:
        job.attempts += 1
        job.started = time.monotonic()
        self.state = "busy"
        try:
            self.convert(job)
        except DocumentError as exc:
            log.info("worker %d: %s mislukt: %s", self.index, job.name, exc)
            job.finish(False, worker=self.index, kind=exc.kind, error=str(exc))
            self.state = "ready"
            return
        except Exception as exc:  # noqa: BLE001 - classified below
            kind = "hang" if self.hung else "crash"
            log.warning("worker %d: soffice %s bij %s (poging %d): %s", self.index,
                        "hing" if kind == "hang" else "crashte", job.name, job.attempts, exc)
            if job.request.cancelled or self.server.stopping.is_set():
                job.finish(False, worker=self.index, kind="unavailable", error="de LibreOffice-server stopt")
            elif job.attempts < 2:
                self.server.requeue(job)  # first, so a free worker can retry it while this one restarts
            elif kind == "hang":
                job.finish(False, worker=self.index, kind=kind, error=(
                    f"LibreOffice liep vast bij het omzetten van {job.src} (langer dan "
                    f"{job.request.timeout:g} s), ook bij de tweede poging na een herstart van LibreOffice"))
            else:
                job.finish(False, worker=self.index, kind=kind, error=(
                    f"LibreOffice crashte bij het omzetten van {job.src}, ook bij de tweede poging "
                    f"na een herstart van LibreOffice ({_uno_message(exc)})"))
            if not self.restart():
                self.state = "dead"
            return
        self.jobs += 1
        self.state = "ready"
        log.info("worker %d: %s -> %s in %.2f s (poging %d)", self.index, job.name,
                 os.path.basename(job.dst), time.monotonic() - job.started, job.attempts)
        job.finish(True, worker=self.index)

    def convert(self, job: Job) -> None:
        import uno

        # soffice writes into a private folder of the state dir, never into dst's folder:
        # a killed soffice leaves lock and lu*.tmp files next to what it was writing.
        scratch = self.server.rundir / "jobs" / uuid.uuid4().hex
        scratch.mkdir(parents=True)
        temp = scratch / os.path.basename(job.dst)
        with self.lock:
            self.hung = False
            self.deadline = time.monotonic() + job.request.timeout
        doc = None
        try:
            try:
                doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(job.src), "_blank", 0,
                                                        job.request.load_props)
            except Exception as exc:  # noqa: BLE001 - UNO exceptions share no useful base class
                self._raise_if_broken(exc)
                raise DocumentError("load", (
                    f"{job.src} kon niet worden geladen; is het een geldig Word-document (.docx)? "
                    f"(LibreOffice: {_uno_message(exc)})")) from None
            if doc is None:
                self._raise_if_broken(None)
                raise DocumentError("load", f"{job.src} kon niet worden geladen; is het een geldig "
                                            "Word-document (.docx)?")
            try:
                doc.storeToURL(temp.as_uri(), job.request.store_props)
            except Exception as exc:  # noqa: BLE001 - as above
                self._raise_if_broken(exc)
                raise DocumentError("export", (f"LibreOffice kon {job.src} niet als PDF opslaan "
                                               f"({_uno_message(exc)})")) from None
            self._close(doc)
            doc = None
            with self.lock:
                self.deadline = None
                if self.hung:
                    raise RuntimeError("te laat klaar")
            _check_pdf(temp, job.src)
            _publish(temp, job.dst, job.request.mode)
        finally:
            with self.lock:
                self.deadline = None
            if doc is not None:
                self._close(doc)
            shutil.rmtree(scratch, ignore_errors=True)

    def warm_up(self) -> None:
        """Convert a tiny document once, so the first real one doesn't pay for loading Writer."""
        import uno

        scratch = self.server.rundir / "jobs" / f"warmup-{self.index}"
        shutil.rmtree(scratch, ignore_errors=True)
        scratch.mkdir(parents=True)
        began = time.monotonic()
        try:
            src = scratch / "warmup.docx"
            _write_tiny_docx(src)
            request = self.server.warmup_request
            doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(src)), "_blank", 0,
                                                    request.load_props)
            try:
                doc.storeToURL((scratch / "warmup.pdf").as_uri(), request.store_props)
            finally:
                self._close(doc)
            log.info("worker %d: opgewarmd in %.2f s", self.index, time.monotonic() - began)
        except Exception as exc:  # noqa: BLE001 - a failed warm-up is only slower, the real job decides
            log.warning("worker %d: opwarmen mislukte: %s", self.index, _uno_message(exc))
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def _raise_if_broken(self, exc: Exception | None) -> None:
        """Re-raise exc (or a RuntimeError) when soffice itself is gone or hung, not the document."""
        from com.sun.star.lang import DisposedException

        if self.hung or isinstance(exc, DisposedException) or not self.alive():
            raise exc or RuntimeError("soffice is weg")

    def alive(self) -> bool:
        """oosplash still running and its soffice.bin neither gone nor a zombie."""
        if self.proc is None or self.proc.poll() is not None or self.desktop is None:
            return False
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except OSError:
            return False
        return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")

    def _close(self, doc: object) -> None:
        try:
            doc.close(True)
        except Exception:  # noqa: BLE001 - a veto or a dead bridge; dispose is the last resort
            with contextlib.suppress(Exception):
                doc.dispose()

    def check_deadline(self, now: float) -> None:
        """Watchdog: kill the process group of a worker whose job ran past its timeout."""
        with self.lock:
            if self.deadline is None or now < self.deadline or self.hung:
                return
            self.hung = True
            proc = self.proc
        log.warning("worker %d: document duurt langer dan toegestaan; soffice wordt gestopt", self.index)
        if proc is not None:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)


def _uno_message(exc: BaseException | None) -> str:
    if exc is None:
        return "onbekende fout"
    message = getattr(exc, "Message", "") or str(exc)
    return f"{type(exc).__name__}: {message.strip()}" if message else type(exc).__name__


def _publish(temp: Path, dst: str, mode: int) -> None:
    """Put temp at dst atomically: rename, or copy to a hidden name in dst's folder and rename."""
    os.chmod(temp, mode)
    try:
        try:
            os.replace(temp, dst)
            return
        except OSError as exc:
            if exc.errno != errno.EXDEV:
                raise
        part = os.path.join(os.path.dirname(dst), f".{os.path.basename(dst)}.{uuid.uuid4().hex[:8]}.part")
        try:
            shutil.copyfile(temp, part)
            os.chmod(part, mode)
            os.replace(part, dst)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(part)
    except OSError as exc:
        raise DocumentError("export", f"de PDF kon niet naar {dst}: {exc}") from None


def _write_tiny_docx(path: Path) -> None:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>'
            '<w:p><w:r><w:t>Opwarmen</w:t></w:r></w:p>'
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'
            '<w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr=" PAGE ">'
            '<w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:body></w:document>'),
    }
    with zipfile.ZipFile(path, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text)


def _ipc_pipe_name(profile_url: str) -> str:
    """The single-instance pipe soffice creates for a profile (left behind when it is killed).

    LibreOffice names it after the MD5 of the UTF-16 profile URL, each byte in hex without
    zero padding (desktop/source/app/officeipcthread.cxx); a mismatch only leaves a stale file.
    """
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    return "SingleOfficeIPC_" + "".join(f"{b:x}" for b in digest)


def _remove_leftovers(statedir: Path) -> None:
    """What servers that were killed left: their run-<pid> folders and their soffices' pipes in /tmp."""
    pipes = []
    for rundir in statedir.glob("run-*"):
        pid = rundir.name[4:]
        if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
            pipes += [_ipc_pipe_name(profile.as_uri()) for profile in rundir.glob("profile-*")]
            shutil.rmtree(rundir, ignore_errors=True)
    prefix = f"OSL_PIPE_{os.getuid()}_"
    with contextlib.suppress(OSError):
        for entry in os.scandir("/tmp"):
            name = entry.name[len(prefix):] if entry.name.startswith(prefix) else ""
            if name.startswith("pipeline-lo-"):  # pipeline-lo-<server pid>-<worker>-<random>
                pid = name.split("-")[2]
                if pid.isdigit() and not os.path.exists(f"/proc/{pid}"):
                    pipes.append(name)
    for name in pipes:
        with contextlib.suppress(OSError):
            os.unlink(f"/tmp/{prefix}{name}")


def _check_pdf(path: Path, src: str) -> None:
    try:
        with open(path, "rb") as f:
            head = f.read(5)
    except OSError:
        head = b""
    if head != b"%PDF-":
        raise DocumentError("export", f"LibreOffice schreef geen (geldige) PDF voor {src}")


def _soffice_bin_pid(pgid: int) -> int:
    """The soffice.bin in process group pgid (oosplash starts it as a child); 0 if none found."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name = text[text.find("(") + 1:text.rfind(")")]
        fields = text[text.rfind(")") + 2:].split()
        if name == "soffice.bin" and int(fields[2]) == pgid:
            return int(stat.parent.name)
    return 0


# --------------------------------------------------------------------------- server


class Server:
    def __init__(self, args: argparse.Namespace):
        import uno

        self.socket_path = Path(args.socket)
        self.statedir = self.socket_path.parent
        # Profiles and job folders of this server only: a server that is still shutting down
        # must not clean up under a successor that already started in the same state dir.
        self.rundir = self.statedir / f"run-{os.getpid()}"
        self.soffice = args.soffice
        self.version = args.soffice_version
        self.idle = args.idle
        self.uno_context = uno.getComponentContext()
        self.workers = [Worker(self, i) for i in range(args.workers)]
        self.jobs: collections.deque[Job] = collections.deque()
        self.cond = threading.Condition()
        self.stopping = threading.Event()
        self.first_up = threading.Event()
        self.wake_read, self.wake_write = os.pipe()
        os.set_blocking(self.wake_write, False)
        self.started = time.monotonic()
        self.last_activity = time.monotonic()
        self.active = 0
        self.activity_lock = threading.Lock()
        self.listener: socket.socket | None = None
        self.socket_inode = 0
        self.import_filter = args.import_filter
        self.pdf_options = json.loads(args.pdf_options)
        self.warmup_request = Request(START_TIMEOUT, *_properties(self.import_filter, self.pdf_options))

    # ---- queue

    def submit(self, jobs: list[Job]) -> None:
        with self.cond:
            if not self.usable():
                for job in jobs:
                    job.finish(False, kind="unavailable", error="de LibreOffice-server heeft geen werkende soffice")
                return
            self.jobs.extend(jobs)
            self.cond.notify_all()

    def requeue(self, job: Job) -> None:
        with self.cond:
            if not self.usable() or self.stopping.is_set():
                job.finish(False, kind="unavailable", error="de LibreOffice-server stopt")
                return
            self.jobs.appendleft(job)
            self.cond.notify_all()

    def next_job(self, worker: Worker) -> Job | None:
        with self.cond:
            while True:
                if self.stopping.is_set():
                    return None
                while self.jobs:
                    job = self.jobs.popleft()
                    if job.request.cancelled:
                        continue
                    return job
                self.cond.wait(timeout=1.0)

    def queue_empty(self) -> bool:
        with self.cond:
            return not self.jobs

    def usable(self) -> bool:
        return any(w.state != "dead" for w in self.workers)

    def worker_ready(self) -> None:
        with self.cond:
            self.cond.notify_all()

    def worker_gone(self, worker: Worker) -> None:
        worker.state = "dead"
        worker.kill()
        if self.stopping.is_set():
            return
        with self.cond:
            if self.usable():
                return
            log.error("geen enkele soffice draait meer; de server stopt")
            while self.jobs:
                self.jobs.popleft().finish(False, kind="unavailable",
                                           error="LibreOffice kon niet worden gestart (zie server.log)")
        self.stop()

    # ---- requests

    def handle(self, conn: socket.socket) -> None:
        with conn:
            reader = conn.makefile("rb")
            try:
                for line in reader:
                    if not line.strip():
                        continue
                    try:
                        request = json.loads(line)
                        op = request.get("op") if isinstance(request, dict) else None
                    except ValueError:
                        op, request = None, {}
                    # Every request counts as activity, pings too: a client pings just before
                    # it converts, and the server must not time out in between.
                    self.touch(+1)
                    try:
                        if not self.dispatch(conn, op, request):
                            return
                    finally:
                        self.touch(-1)
            except OSError:
                return  # the client went away

    def touch(self, delta: int) -> None:
        with self.activity_lock:
            self.active += delta
            self.last_activity = time.monotonic()

    def dispatch(self, conn: socket.socket, op: str | None, request: dict) -> bool:
        if op == "ping":
            _send(conn, self.info())
        elif op == "stop":
            log.info("stopverzoek ontvangen")
            _send(conn, {"ok": True, "pid": os.getpid()})
            self.stop()
            return False
        elif op == "convert":
            self.convert(conn, request)
        else:
            _send(conn, {"event": "error", "ok": False, "error": f"onbekende opdracht {op!r}"})
        return True

    def info(self) -> dict:
        with self.cond:
            queued = len(self.jobs)
        return {"ok": True, "pid": os.getpid(), "protocol": PROTOCOL, "build": BUILD,
                "soffice": self.soffice, "version": self.version,
                "workers": [w.info() for w in self.workers], "queued": queued,
                "uptime": round(time.monotonic() - self.started, 1), "idle": self.idle,
                "statedir": str(self.statedir)}

    def convert(self, conn: socket.socket, request: dict) -> None:
        try:
            parsed = self.parse(request)
        except (ValueError, TypeError, KeyError) as exc:
            _send(conn, {"event": "error", "ok": False, "error": f"ongeldig verzoek: {exc}"})
            return
        req, jobs = parsed
        log.info("verzoek: %d document(en)", len(jobs))
        self.submit(jobs)
        pending = len(jobs)
        try:
            while pending:
                try:
                    result = req.results.get(timeout=HEARTBEAT)
                except queue.Empty:
                    _send(conn, {"event": "alive"})
                    continue
                _send(conn, result)
                pending -= 1
            _send(conn, {"event": "end"})
        except OSError:
            log.info("client verdween; de rest van zijn verzoek vervalt")
            req.cancelled = True
            raise

    def parse(self, request: dict) -> tuple[Request, list[Job]]:
        timeout = float(request.get("timeout", 120))
        if timeout <= 0:
            raise ValueError("timeout moet positief zijn")
        load, store = _properties(request.get("import_filter", self.import_filter),
                                  request.get("pdf_options", self.pdf_options))
        umask = int(request.get("umask", 0o022)) & 0o777
        req = Request(timeout, load, store, 0o666 & ~umask)
        jobs = []
        for i, item in enumerate(request["jobs"]):
            src, dst = str(item["src"]), str(item["dst"])
            if not (os.path.isabs(src) and os.path.isabs(dst)):
                raise ValueError(f"paden moeten absoluut zijn: {src}, {dst}")
            jobs.append(Job(req, i, src, dst))
        return req, jobs

    # ---- lifetime

    def bind(self) -> None:
        path = str(self.socket_path)
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
        except OSError:
            pass
        else:
            raise SystemExit(f"er draait al een server op {path}")
        finally:
            probe.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        _remove_leftovers(self.statedir)  # of servers that were killed
        self.rundir.mkdir()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(path)
        os.chmod(path, 0o600)
        listener.listen(16)
        listener.setblocking(False)
        self.listener = listener
        self.socket_inode = os.stat(path).st_ino
        (self.statedir / "server.pid").write_text(f"{os.getpid()}\n")

    def socket_is_ours(self) -> bool:
        try:
            return os.stat(self.socket_path).st_ino == self.socket_inode
        except OSError:
            return False

    def serve(self) -> None:
        for worker in self.workers:
            worker.thread.start()  # the workers start their soffices in parallel
        threading.Thread(target=self.watchdog, name="watchdog", daemon=True).start()
        assert self.listener is not None
        while not self.stopping.is_set():
            readable, _, _ = select.select([self.listener, self.wake_read], [], [], TICK)
            if self.listener in readable:
                try:
                    conn, _ = self.listener.accept()
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError as exc:
                    log.error("accept mislukte: %s", exc)
                    break
                else:
                    conn.setblocking(True)
                    threading.Thread(target=self.handle, args=(conn,), name="conn", daemon=True).start()
            with self.activity_lock:
                idle_for = time.monotonic() - self.last_activity
                active = self.active
            if active == 0 and idle_for > self.idle:
                log.info("%.0f s niets te doen; de server stopt", idle_for)
                break
            if not self.socket_is_ours():
                log.info("%s is verdwenen of vervangen; de server stopt", self.socket_path)
                break
        self.stopping.set()

    def stop(self) -> None:
        """Ask the main loop to stop (safe from any thread and from a signal handler)."""
        self.stopping.set()
        with contextlib.suppress(OSError):
            os.write(self.wake_write, b"x")

    def find_version(self) -> None:
        self.version = _version(self.soffice)

    def watchdog(self) -> None:
        while not self.stopping.wait(0.2):
            now = time.monotonic()
            for worker in self.workers:
                worker.check_deadline(now)

    def shutdown(self) -> None:
        self.stopping.set()
        if self.listener is not None:
            self.listener.close()
        if self.socket_is_ours():
            with contextlib.suppress(OSError):
                os.unlink(self.socket_path)
        with self.cond:
            while self.jobs:
                self.jobs.popleft().finish(False, kind="unavailable", error="de LibreOffice-server stopt")
            self.cond.notify_all()
        for worker in self.workers:
            worker.kill()
        for worker in self.workers:
            worker.thread.join(timeout=5)
            worker.kill()  # a worker that was restarting may have started a new one
            shutil.rmtree(worker.profile, ignore_errors=True)
        shutil.rmtree(self.rundir, ignore_errors=True)
        pidfile = self.statedir / "server.pid"  # last: stop_server waits for this pid to end
        with contextlib.suppress(OSError):
            if pidfile.read_text().strip() == str(os.getpid()):
                pidfile.unlink()
        log.info("server gestopt")


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
        return int(value)
    if kind == "boolean":
        return str(value).lower() == "true"
    if kind in ("double", "float"):
        return float(value)
    return str(value)


def _send(conn: socket.socket, message: dict) -> None:
    conn.sendall(json.dumps(message, ensure_ascii=False).encode() + b"\n")


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


def _version(soffice: str) -> str:
    try:
        proc = subprocess.run([soffice, "--version"], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    return lines[0] if lines else ""


if __name__ == "__main__":
    sys.exit(main())
