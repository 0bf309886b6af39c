"""The warm LibreOffice's private folders in /tmp: one per user, installation and checkout; locks and clean-up."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

STATE_VAR = "PIPELINE_LO_STATE"  # the server's folder (socket, log, profiles); default below
CHECKOUT = Path(__file__).resolve().parents[2]  # the checkout (or installation) whose code runs
CHECKOUT_FILE = "checkout"  # in each state dir: the CHECKOUT that made it
_LOCK_TIMEOUT = 120.0
_SOCKET_MAX = 100  # sun_path holds 108 bytes
_STALE_AFTER = 7 * 24 * 3600.0  # seconds: an unused state dir or version file this old goes
_KEEP_VERSIONS = 8  # version-* files in the per-user folder (one per installation seen)


class _Unavailable(Exception):
    """The server can't be used for this run; convert() converts in batch instead."""

    def __init__(self, reason: str, *, expected: bool = False):
        super().__init__(reason)
        self.expected = expected  # a normal situation (auto mode without uno): debug, not a warning


def _state_base() -> Path:
    return Path(tempfile.gettempdir()) / f"pipeline-lo-{os.getuid()}"


def _state_dir(exe: Path, *, create: bool = True) -> Path | None:
    """The server's private folder: PIPELINE_LO_STATE, or one per LibreOffice installation and checkout in /tmp.

    Keyed by checkout too: a fresh clone never talks to a server another checkout started
    (that one runs the other checkout's code and may convert with other options).
    """
    override = os.environ.get(STATE_VAR)
    if override:
        path = Path(override).absolute()
        dirs = [path]
    else:
        base = _state_base()
        key = hashlib.sha256(f"{_install_key(exe)}\0{CHECKOUT}".encode()).hexdigest()[:16]
        path = base / key
        dirs = [base, path]
    for folder in dirs:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        elif not folder.is_dir():
            return None
        _make_private(folder)
    if len(os.fsencode(path / "server.sock")) > _SOCKET_MAX:
        raise _Unavailable(f"het pad {path} is te lang voor een unix-socket; zet {STATE_VAR} op een korter pad")
    if create and checkout_of(path) != str(CHECKOUT):
        (path / CHECKOUT_FILE).write_text(f"{CHECKOUT}\n", encoding="utf-8")
    return path


def checkout_of(statedir: Path) -> str:
    """The checkout that made this state dir ('' when unknown: made by an older version)."""
    try:
        return (statedir / CHECKOUT_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def _install_key(exe: Path) -> str:
    """Identifies the installation without running `soffice --version` (0.25 s): path, sizes, mtimes."""
    real = exe.resolve()
    parts = [str(real)]
    for path in (real, real.parent / "soffice.bin", real.parent / "versionrc"):
        with contextlib.suppress(OSError):
            st = path.stat()
            parts.append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _make_private(folder: Path) -> None:
    """Refuse a folder someone else owns or can enter (it is in /tmp); tighten our own."""
    st = os.lstat(folder)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise _Unavailable(f"{folder} is geen eigen map van deze gebruiker")
    if st.st_mode & 0o077:
        folder.chmod(0o700)


def _state_dirs() -> list[Path]:
    """PIPELINE_LO_STATE, or this checkout's state dirs (one per LibreOffice installation)."""
    override = os.environ.get(STATE_VAR)
    if override:
        return [Path(override).absolute()]
    return [p for p in _all_state_dirs() if checkout_of(p) == str(CHECKOUT)]


def _all_state_dirs() -> list[Path]:
    base = _state_base()
    try:
        _make_private(base)
        return sorted(p for p in base.iterdir() if p.is_dir() and not p.is_symlink())
    except (OSError, _Unavailable):
        return []


def server_pid(statedir: Path) -> int:
    """The pid in server.pid when that process is still a warm-LibreOffice server, else 0."""
    try:
        pid = int((statedir / "server.pid").read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return 0
    # "server.py": a server of the code before the split into loserver/ (still running elsewhere)
    return pid if (b"loserver" in cmdline or b"server.py" in cmdline) and _alive(pid) else 0


def _alive(pid: int) -> bool:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return text.rsplit(")", 1)[1].split()[0] != "Z"


def clean_old_state(current: Path | None = None) -> list[Path]:
    """Remove what no server uses any more; returns what went.

    In /tmp/pipeline-lo-<uid>/: state dirs without a live server whose checkout is gone, is
    unknown (made by an older version) or was last used more than 7 days ago; version-* files
    older than 7 days, and all but the newest few. Never a folder with a live server in it.
    """
    removed: list[Path] = []
    now = time.time()
    for folder in _all_state_dirs():
        if folder == current or server_pid(folder):
            continue
        checkout = checkout_of(folder)
        with contextlib.suppress(OSError):
            old = now - folder.stat().st_mtime > _STALE_AFTER
            if not checkout or not Path(checkout).is_dir() or old:
                shutil.rmtree(folder)
                removed.append(folder)
    with contextlib.suppress(OSError):
        versions = sorted(_state_base().glob("version-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for i, path in enumerate(versions):
            if i >= _KEEP_VERSIONS or now - path.stat().st_mtime > _STALE_AFTER:
                path.unlink(missing_ok=True)
                removed.append(path)
    for path in removed:
        log.debug("oude LibreOffice-staat opgeruimd: %s", path)
    return removed


@contextlib.contextmanager
def _flock(path: Path) -> Iterator[None]:
    """One builder at a time starts the server; the others wait, then find it running."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + _LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise _Unavailable(f"{path} bleef langer dan {_LOCK_TIMEOUT:g} s vergrendeld") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


# ---- talking to it

