"""The warm LibreOffice's server: the socket, the shared job queue, the workers' life cycle."""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import queue
import select
import shutil
import socket
import threading
import time
from pathlib import Path

from lo_common import (
    BUILD,
    HEARTBEAT,
    PROTOCOL,
    START_TIMEOUT,
    TICK,
    Job,
    Request,
    _properties,
    _send,
    _version,
    log,
)
from lo_files import _remove_leftovers
from lo_worker import Worker


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
            readable, _, _ = select.select([self.listener.fileno(), self.wake_read], [], [], TICK)
            if self.listener.fileno() in readable:
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


