"""Staging folders, the output folder's lock, and the one step that moves finished files into place."""

from __future__ import annotations

import contextlib
import fcntl
import filecmp
import json
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_NAME = ".cache/lock"  # beside the PDF cache: nothing a user or compare_builds looks at
# (output folder, thread) -> depth: the thread that holds a folder's lock takes it again freely;
# another thread of the same process waits like another process (flock is per open file).
_held: dict[tuple[Path, int], int] = {}
_held_lock = threading.Lock()


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def output_lock(out: Path, command: str, *, say: Callable[[str], None] = _say) -> Iterator[None]:
    """One run at a time writes into `out` (build, woo and verify read-modify-write its manifests).

    A second run waits, says so once (in Dutch, naming the run it waits for), and goes on when
    the first is done; the lock is an flock on OUT/.cache/lock, so a crashed run never leaves it held.
    Re-entrant within one process (the CLI holds it around the build functions that take it too).
    """
    out.mkdir(parents=True, exist_ok=True)
    folder = out.resolve()
    key = (folder, threading.get_ident())
    with _held_lock:
        if key in _held:
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _held_lock:
                _held[key] -= 1
        return
    path = folder / LOCK_NAME
    path.parent.mkdir(exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            started = time.monotonic()
            say(f"{out}/ is in gebruik door een andere run ({_holder(path)}); deze run wacht tot die klaar is.")
            fcntl.flock(fd, fcntl.LOCK_EX)
            say(f"{out}/ is vrij na {time.monotonic() - started:.1f} s wachten; deze run gaat verder.")
            log.info("%s/ was bezet; %.1f s gewacht", out, time.monotonic() - started)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "command": command,
                                  "since": time.strftime("%H:%M:%S")}).encode() + b"\n", 0)
        with _held_lock:
            _held[key] = 1
        try:
            yield
        finally:
            with _held_lock:
                del _held[key]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the flock


def _holder(path: Path) -> str:
    """Who holds the lock, from what it wrote into the lock file; a guess at worst, never an error."""
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        info = json.loads(path.read_text(encoding="utf-8"))
        return f"{info['command']}, pid {int(info['pid'])}, sinds {info['since']}"
    return "onbekend welke"


class Staging:
    """A private work folder beside the output folder; nothing reaches `out` until commit().

    It holds the output folder's lock from its creation to cleanup(), so every caller of the
    build functions (the CLI, `watch`, the review application) reads and writes OUT's
    manifests one run at a time.
    """

    def __init__(self, out: Path, label: str):
        out.mkdir(parents=True, exist_ok=True)
        self._lock: contextlib.AbstractContextManager[None] | None = output_lock(out, label)
        self._lock.__enter__()
        self.out = out
        self.dir = Path(tempfile.mkdtemp(prefix=f".{label}-", dir=out))
        self.files: dict[Path, Path] = {}  # staged file -> final path

    def path(self, relative: str) -> Path:
        p = self.dir / relative
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    def keep(self, staged: Path, final: Path) -> None:
        self.files[staged] = final

    def commit(self) -> list[Path]:
        """Rename every kept file into place (same filesystem: each rename is atomic).

        A file whose bytes are already in place is left alone (its time stamp too, so a
        viewer that has it open does not reload); returns the files that changed.
        """
        done = []
        for staged, final in self.files.items():
            if _same_bytes(staged, final):
                continue
            final.parent.mkdir(parents=True, exist_ok=True)
            staged.replace(final)
            done.append(final)
            log.debug("geschreven: %s", final)
        return done

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.__exit__(None, None, None)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cleanup()


def _same_bytes(a: Path, b: Path) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
    except OSError:
        return False
    return filecmp.cmp(a, b, shallow=False)
