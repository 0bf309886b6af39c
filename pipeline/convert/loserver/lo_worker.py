"""One worker of the warm LibreOffice: a soffice with its own profile, restarted when it crashes or hangs."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lo_common import MAX_JOBS, START_TIMEOUT, DocumentError, Job, StartError, _uno_message, log
from lo_files import _check_pdf, _ipc_pipe_name, _publish, _soffice_bin_pid, _write_tiny_docx

if TYPE_CHECKING:
    from lo_server import Server

class Worker:
    """One soffice process with its own profile, driven over its own UNO bridge."""

    def __init__(self, server: Server, index: int):
        self.server = server
        self.index = index
        self.proc: subprocess.Popen | None = None
        self.desktop: Any = None
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

    def _close(self, doc: Any) -> None:
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


