"""Speed benchmark: our build versus a bare LibreOffice conversion of the same DOCX files.

    .venv/bin/python bench/run.py [--dossiers 50] [--repeat 1] [--json bench/results.json] [--keep]

One run generates a fresh corpus (bench/corpus.py) in a temporary folder and measures,
each as a separate process exactly as a user would run it:

  check           `pipeline check` (validation only)
  clean-cold      `pipeline build` of every dossier into an empty folder, no warm LibreOffice
  clean-warm      the same right after it (a warm LibreOffice server, if the pipeline keeps one)
  example-cold    `pipeline build ... motie-21-ezk` alone, cold
  example-warm    the same, warm
  woo             `pipeline woo` of every dossier into an empty folder, cold
  edit            `pipeline build` again after one sentence was appended to one nota paragraph, as a fresh
                  process: Python's start and imports are its floor
  edit-watch      the same edit saved while `pipeline watch` runs (what `make watch` does): from the save
                  to the new nota.pdf, parafeerbundel.pdf and manifest.json all replaced on disk
  noop            `pipeline build` again with nothing changed
  make-noop       `make build` (the Makefile target) with nothing changed, content/ and build/ pointed
                  at the bench folders

Each pipeline row is set against one cold `soffice --convert-to pdf` over the DOCX files
that row produced (in calls of at most 200 files: LibreOffice drops files beyond 241 per
call), with the command line, export options and import filter taken from
pipeline.libreoffice and a fresh -env:UserInstallation profile. Peak memory is the peak of
the summed RSS of the measured process, its descendants and any detached process of ours
whose command line contains `pipeline-lo` (a warm server), sampled every 50 ms.
See bench/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

from typing import Self  # noqa: E402

import corpus  # noqa: E402  (bench/ is put on the path just above)
import figures  # noqa: E402

EXAMPLE = corpus.EXAMPLE
DOC_KINDS = ("nota", "kamerbrief", "rapportage")
LO_NAMES = ("soffice", "soffice.bin", "oosplash", "soffice.sh")
LO_MARK = "pipeline-lo"
ROWS = ("check", "clean-cold", "clean-warm", "example-cold", "example-warm", "example-woo", "woo", "edit",
        "edit-watch", "noop", "make-noop")
MB = 1024 * 1024
# LibreOffice 7.4 converts at most 241 files per `soffice --convert-to` call (about 255
# command-line arguments); the rest are dropped silently with exit code 0. The baseline
# therefore converts in calls of at most this many files.
MAX_FILES_PER_CALL = 200


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- memory sampling

class Sampler:
    """Peak of the summed RSS of a process tree (plus our detached LibreOffice) while it runs."""

    def __init__(self, root_pid: int, *, workdir: Path, since: float, include_detached: bool,
                 private: bool, interval: float = 0.05):
        self.root_pid = root_pid
        self.workdir = str(workdir)
        self.private = private
        self.since = since
        self.include_detached = include_detached
        self.interval = interval
        self.peak = 0
        self.peak_python = 0  # the measured process itself
        self.peak_lo = 0  # LibreOffice processes (tree and detached)
        self.samples = 0
        self.seen_lo: dict[int, str] = {}  # pid -> command line, for the report
        self._classified: dict[int, bool] = {}
        self._young: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        try:
            self._root = psutil.Process(root_pid)
        except psutil.Error:
            self._root = None

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._tick()
            self._stop.wait(self.interval)

    def _foreign(self, proc: psutil.Process) -> bool:
        """True when the process hangs under someone else's Python (another person's test run)."""
        with contextlib.suppress(psutil.Error):
            for parent in proc.parents():
                if parent.pid in (1, self.root_pid, os.getpid()):
                    return False
                if "python" in parent.name() or "pytest" in parent.name():
                    return True
        return False

    def _detached(self) -> list[psutil.Process]:
        if not self.include_detached:
            return []
        out = []
        now = time.time()
        for pid in psutil.pids():
            known = self._classified.get(pid)
            if known is False and now - self._young.get(pid, 0) > 2:
                continue  # settled: not ours
            try:
                proc = psutil.Process(pid)
                if pid not in self._young:
                    self._young[pid] = proc.create_time()
                cmd = " ".join(proc.cmdline())
            except psutil.Error:
                self._classified[pid] = False
                continue
            ours = LO_MARK in cmd and _ours(cmd, proc, self.workdir, self.private, self.since, self._foreign)
            self._classified[pid] = ours
            if ours:
                out.append(proc)
                self.seen_lo.setdefault(pid, cmd[:300])
        return out

    def _tick(self) -> None:
        procs: dict[int, psutil.Process] = {}
        if self._root is not None:
            with contextlib.suppress(psutil.Error):
                procs[self._root.pid] = self._root
                for child in self._root.children(recursive=True):
                    procs[child.pid] = child
        for proc in self._detached():
            procs.setdefault(proc.pid, proc)
        total = py = lo = 0
        for pid, proc in procs.items():
            try:
                rss = proc.memory_info().rss
                name = proc.name()
            except psutil.Error:
                continue
            total += rss
            if pid == self.root_pid and name not in LO_NAMES:
                py = rss
            elif name in LO_NAMES or pid in self.seen_lo:
                lo += rss
                if pid not in self.seen_lo:
                    with contextlib.suppress(psutil.Error):
                        self.seen_lo[pid] = " ".join(proc.cmdline())[:300]
        self.samples += 1
        self.peak = max(self.peak, total)
        self.peak_python = max(self.peak_python, py)
        self.peak_lo = max(self.peak_lo, lo)


def _ours(cmd: str, proc: psutil.Process, workdir: str, private: bool, since: float, foreign) -> bool:
    """Is this `pipeline-lo` process ours? With a private TMPDIR its command line names our work
    folder; otherwise: started after the bench and not under someone else's Python."""
    if workdir in cmd:
        return True
    if private:
        return False
    try:
        return proc.create_time() >= since and not foreign(proc)
    except psutil.Error:
        return False


def lo_processes(workdir: Path, since: float, private: bool = True) -> list[dict]:
    """Our LibreOffice processes alive right now (a warm server between runs)."""
    found = []
    for proc in psutil.process_iter(["pid", "name", "cmdline", "create_time", "memory_info"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if LO_MARK in cmd and _ours(cmd, proc, str(workdir), private, since, lambda p: False):
            rss = proc.info["memory_info"].rss if proc.info["memory_info"] else 0
            found.append({"pid": proc.info["pid"], "name": proc.info["name"], "rss_mb": round(rss / MB, 1),
                          "cmdline": cmd[:200]})
    return found


# --------------------------------------------------------------------------- running things

class RowFailed(Exception):
    """A measured command failed; the row says so and the benchmark goes on."""


@dataclass
class Run:
    seconds: float
    returncode: int
    peak_rss_mb: float
    peak_python_mb: float
    peak_lo_mb: float
    cpu_s: float
    samples: int
    lo_pids: list[int] = field(default_factory=list)
    load1_before: float = 0.0  # 1-minute load average when the run started: others' work skews timings
    code_changed: bool = False  # pipeline/redaction/templates changed since the previous run or during this one
    output_tail: str = ""


class Bench:
    def __init__(self, args: argparse.Namespace, work: Path):
        self.args = args
        self.work = work
        self.since = time.time()
        self.py = sys.executable
        self.env = dict(os.environ)
        self.env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), self.env.get("PYTHONPATH", "")]))
        if not args.shared_tmp:
            # a private TMPDIR: LibreOffice profiles (and a warm server, if it lives under the
            # temp dir) are ours alone, and nothing is left behind in /tmp
            tmp = work / "tmp"
            tmp.mkdir()
            self.env["TMPDIR"] = str(tmp)
        self.lo_stop_available: bool | None = None
        self.notes: list[str] = []
        self.code = code_fingerprint()

    # -- processes

    def run(self, cmd: list[str], *, label: str, include_detached: bool = True, cwd: Path | None = None,
            env: dict | None = None, check: bool = True) -> Run:
        code_before = code_fingerprint()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd or self.work, env=env or self.env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                                start_new_session=True)
        load = os.getloadavg()[0]
        with Sampler(proc.pid, workdir=self.work, since=self.since, include_detached=include_detached,
                     private=not self.args.shared_tmp, interval=self.args.sample_interval) as sampler:
            try:
                out, _ = proc.communicate(timeout=self.args.timeout)
            except BaseException:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group only
                proc.communicate()
                raise
            seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        tail = "\n".join(out.strip().splitlines()[-15:])
        code_after = code_fingerprint()
        changed = not (self.code == code_before == code_after)
        self.code = code_after
        run = Run(round(seconds, 3), proc.returncode, round(sampler.peak / MB, 1), round(sampler.peak_python / MB, 1),
                  round(sampler.peak_lo / MB, 1), round(cpu, 2), sampler.samples, sorted(sampler.seen_lo),
                  round(load, 2), changed, tail)
        if check and proc.returncode != 0:
            raise RowFailed(f"{label} failed (exit {proc.returncode}):\n$ {' '.join(cmd)}\n{tail}")
        return run

    def pipeline(self, *args: str | Path) -> list[str]:
        return [self.py, "-m", "pipeline", *map(str, args)]

    def lo_stop(self) -> None:
        """`pipeline lo stop` when the pipeline has it: the next run starts LibreOffice cold.

        Retried while our LibreOffice processes remain: a build that converted nothing may still
        be starting its server in the background when it exits, and a stop during that start-up
        finds nothing to stop yet.
        """
        private = not self.args.shared_tmp
        for attempt in range(4):
            if self.lo_stop_available is False:
                return
            proc = subprocess.run(self.pipeline("lo", "stop"), check=False, cwd=self.work, env=self.env,
                                  capture_output=True, text=True, errors="replace", timeout=120)
            if self.lo_stop_available is None:
                unknown = proc.returncode == 2 and "invalid choice" in proc.stderr
                self.lo_stop_available = not unknown
                if unknown:
                    self.notes.append("`pipeline lo stop` does not exist (yet): no warm server to stop.")
                    return
            if proc.returncode != 0:
                self.notes.append(f"`pipeline lo stop` exited {proc.returncode}: {proc.stderr.strip()[:200]}")
            deadline = time.time() + 5
            while lo_processes(self.work, self.since, private) and time.time() < deadline:
                time.sleep(0.2)
            if not lo_processes(self.work, self.since, private):
                return
            log(f"  LibreOffice still running after `pipeline lo stop` (attempt {attempt + 1}); again")
        self.notes.append("our LibreOffice was still running after 4 x `pipeline lo stop`: "
                          "a 'cold' row may have started warm")

    # -- measurements

    def repeat(self, label: str, prepare, cmd_fn, **kw) -> list[Run]:
        runs = []
        for i in range(self.args.repeat):
            if prepare:
                prepare(i)
            cmd = cmd_fn(i) if callable(cmd_fn) else cmd_fn
            run = self.run(cmd, label=label, **kw)
            runs.append(run)
            log(f"  {label} [{i + 1}/{self.args.repeat}]: {run.seconds:.2f} s, peak {run.peak_rss_mb:.0f} MB")
        return runs

    def soffice(self, docx: list[Path], label: str) -> tuple[list[Run], dict]:
        """K cold soffice runs over copies of docx, with the pipeline's own command line."""
        from pipeline.convert import libreoffice

        base = self.work / "baseline" / re.sub(r"\W+", "-", label)
        src = base / "in"
        src.mkdir(parents=True)
        sources = []
        for f in docx:
            # soffice names each PDF after the file's stem: keep stems unique, like the pipeline does
            name = f.name if len(docx) == 1 else f"{f.parent.name}__{f.name}"
            target = src / name
            if target.exists():
                target = src / f"{f.parent.parent.name}__{name}"
            shutil.copyfile(f, target)
            sources.append(target)
        exe = libreoffice.find_soffice()
        chunks = [sources[i:i + MAX_FILES_PER_CALL] for i in range(0, len(sources), MAX_FILES_PER_CALL)]
        runs, info = [], {"files": len(sources), "calls": len(chunks), "command": None,
                          "command_source": "pipeline.convert.libreoffice._command", "failures": []}
        for i in range(self.args.repeat):
            out = base / f"out-{i}"
            out.mkdir()
            # one fresh profile per repeat; later chunks (more than MAX_FILES_PER_CALL files) reuse it
            profile = Path(tempfile.mkdtemp(prefix="bench-base-profile-", dir=self.env.get("TMPDIR")))
            parts = []
            try:
                for chunk in chunks:
                    try:
                        cmd = libreoffice._command(exe, profile, chunk, out)
                    except (AttributeError, TypeError) as exc:  # the pipeline changed: same options, built here
                        info["command_source"] = f"rebuilt from pipeline.libreoffice constants ({exc})"
                        cmd = _fallback_command(libreoffice, exe, profile, chunk, out)
                    parts.append(self.run(cmd, label=f"soffice {label}", include_detached=False, check=False))
                    info["command"] = _short_command(cmd, len(chunk))
            finally:
                shutil.rmtree(profile, ignore_errors=True)
            run = _combine(parts)
            made = [p for p in out.glob("*.pdf") if p.stat().st_size > 0]
            if len(made) != len(sources):
                info["failures"].append(f"run {i + 1}: {len(made)} of {len(sources)} PDFs made "
                                        f"(exit {run.returncode}): {run.output_tail[-300:]}")
                log(f"  soffice {label}: only {len(made)} of {len(sources)} PDFs made")
            runs.append(run)
            log(f"  soffice {label} [{i + 1}/{self.args.repeat}]: {run.seconds:.2f} s, peak {run.peak_rss_mb:.0f} MB"
                + (f" ({len(chunks)} calls)" if len(chunks) > 1 else ""))
        return runs, info


def code_fingerprint() -> str:
    """Size and mtime of the pipeline's code and templates: others may edit them while the bench runs."""
    h = hashlib.sha256()
    for folder in ("pipeline", "redaction", "templates"):
        for f in sorted((ROOT / folder).rglob("*")):
            if f.is_file() and "__pycache__" not in f.parts:
                with contextlib.suppress(OSError):
                    st = f.stat()
                    h.update(f"{f.relative_to(ROOT)}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def _combine(parts: list[Run]) -> Run:
    """Several sequential soffice calls as one measurement: times add up, peaks are the highest."""
    if len(parts) == 1:
        return parts[0]
    return Run(round(sum(p.seconds for p in parts), 3), max(p.returncode for p in parts),
               max(p.peak_rss_mb for p in parts), max(p.peak_python_mb for p in parts),
               max(p.peak_lo_mb for p in parts), round(sum(p.cpu_s for p in parts), 2),
               sum(p.samples for p in parts), sorted({x for p in parts for x in p.lo_pids}),
               parts[0].load1_before, any(p.code_changed for p in parts), parts[-1].output_tail)


def _fallback_command(libreoffice, exe: Path, profile: Path, sources: list[Path], out: Path) -> list[str]:
    options = json.dumps(libreoffice.PDF_EXPORT_OPTIONS, separators=(",", ":"))
    return [str(exe), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--norestore",
            "--nologo", "--nodefault", "--nolockcheck", f"--infilter={libreoffice.DOCX_IMPORT_FILTER}",
            "--convert-to", f"pdf:writer_pdf_Export:{options}", "--outdir", str(out), *map(str, sources)]


def _short_command(cmd: list[str], n: int) -> str:
    head = [c for c in cmd[:-n]] if n else cmd
    return " ".join(head) + f" <{n} docx>"


def _docx_of(out: Path, only: str | None = None) -> list[Path]:
    files = []
    for d in sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if only and d.name != only:
            continue
        files += [d / f"{k}.docx" for k in DOC_KINDS if (d / f"{k}.docx").is_file()]
    return files


def _fresh(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def _median(runs: list[Run], attr: str) -> float:
    return statistics.median(getattr(r, attr) for r in runs)


# --------------------------------------------------------------------------- the edit

EDIT_SENTENCE = "Deze toelichting is voor benchmarkronde {n} met een zin aangevuld."


def append_sentence(nota: Path, n: int) -> str:
    """Append one sentence to the first paragraph of the first `tekst: |` block of a nota.yaml."""
    lines = nota.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == "tekst: |")
    indent = len(lines[start]) - len(lines[start].lstrip())
    last = start
    for j in range(start + 1, len(lines)):
        line = lines[j]
        if not line.strip() or len(line) - len(line.lstrip()) <= indent:
            break
        last = j
    if last == start:
        raise SystemExit(f"{nota}: no paragraph found to edit")
    sentence = EDIT_SENTENCE.format(n=n)
    lines[last] = lines[last].rstrip("\n") + " " + sentence + "\n"
    nota.write_text("".join(lines), encoding="utf-8")
    return f"{nota.name}:{last + 1}"


# --------------------------------------------------------------------------- woo DOCX

def woo_docx(bench: Bench, content: Path, out_woo: Path, signing: list[Path]) -> tuple[list[Path], str]:
    """The DOCX files the public build converts, or the closest stand-in, and how they were got."""
    kept = sorted(p for p in out_woo.rglob("*.docx") if not any(part.startswith(".") for part in p.parts))
    if kept:
        return kept, f"the {len(kept)} DOCX files the woo build kept"
    dest = bench.work / "woo-docx"
    dest.mkdir()
    try:  # render them the way build_public does (review for all, public for complete routes)
        from pipeline import build as b
        from pipeline.render.docx import PUBLIC, REVIEW, render_docx

        plans = b.prepare(content, None, [])
        files = []
        for mode, selected in ((REVIEW, plans), (PUBLIC, [p for p in plans if p.dossier.route_complete])):
            for plan in selected:
                for kind, doc in plan.docs.items():
                    path = dest / f"{mode}__{plan.dossier.id}__{kind}.docx"
                    path.write_bytes(render_docx(b.TEMPLATES / f"{kind}.docx", doc, plan.meta(kind), mode))
                    files.append(path)
        return files, (f"the {len(files)} review + public DOCX the woo build renders (not kept by it; "
                       "rendered again by the bench with pipeline.render, untimed)")
    except Exception as exc:  # noqa: BLE001 - any API change: fall back as documented
        files = []
        for copy in ("a", "b"):
            for f in signing:
                target = dest / copy / f.parent.name / f.name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(f, target)
                files.append(target)
        return files, (f"the signing DOCX twice ({len(files)} files) as a stand-in: the woo build does not keep "
                       f"its review/public DOCX and rendering them failed ({type(exc).__name__}: {exc})")


# --------------------------------------------------------------------------- facts

def machine_facts(bench: Bench) -> dict:
    facts: dict = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpu_count_physical": psutil.cpu_count(logical=False),
        "cpu_model": _cpu_model(),
        "memory_gb": round(psutil.virtual_memory().total / 1024**3, 1),
        "python": sys.version.split()[0],
        "python_executable": sys.executable,
        "platform": platform.platform(),
        "PIPELINE_LO": os.environ.get("PIPELINE_LO"),
        "private_tmpdir": not bench.args.shared_tmp,
    }
    try:
        from pipeline.convert import libreoffice

        facts["libreoffice"] = libreoffice.soffice_version()
        facts["soffice"] = str(libreoffice.find_soffice())
    except Exception as exc:  # noqa: BLE001
        facts["libreoffice"] = f"unknown ({exc})"
    with contextlib.suppress(Exception):
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=False, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               check=False, capture_output=True, text=True, timeout=10).stdout.strip()
        facts["git_commit"] = head
        facts["git_dirty"] = bool(dirty)
    return facts


def precompile() -> str:
    """Our modules as bytecode before measuring, untimed, as `make setup` leaves them (Makefile: COMPILED).

    Where PYTHONDONTWRITEBYTECODE is set (this machine's sessions set it) Python never writes a
    .pyc, so without this every measured process would compile ~120 modules from source first:
    0.1-0.15 s CPU that no installed copy (pip compiles at install) and no second run pays.
    """
    stamp = ROOT / "pipeline" / "__pycache__" / ".compiled"
    make = shutil.which("make")
    how = f"PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE') or '(unset)'}; "
    try:
        if make:
            subprocess.run([make, "-s", "-f", str(ROOT / "Makefile"), str(stamp), f"PY={sys.executable}"],
                           check=True, capture_output=True, timeout=300)
            return how + ("pipeline/ and redaction/ precompiled (untimed) with `make` (the Makefile's COMPILED step: "
                          "bytecode, and the detector's pattern code kept, redaction/patterncache.py)")
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline"), str(ROOT / "redaction")],
                       check=True, capture_output=True, timeout=300)
        return how + "pipeline/ and redaction/ precompiled (untimed) with compileall"
    except (OSError, subprocess.SubprocessError) as exc:
        return how + f"not precompiled ({exc})"


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def page_stats(out: Path) -> dict:
    try:
        import pikepdf
    except ImportError:
        return {}
    pages: dict[str, list[int]] = {}
    for pdf in out.glob("*/*.pdf"):
        with contextlib.suppress(Exception), pikepdf.open(pdf) as doc:
            pages.setdefault(pdf.stem, []).append(len(doc.pages))
    return {k: {"files": len(v), "min": min(v), "median": statistics.median(v), "max": max(v), "total": sum(v)}
            for k, v in sorted(pages.items())}


# --------------------------------------------------------------------------- main flow

@dataclass
class Row:
    id: str
    label: str
    ours: list[Run]
    baseline: list[Run] | None = None
    baseline_label: str = ""
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    error: str = ""

    def summary(self) -> dict:
        if self.error or not self.ours:
            return {"id": self.id, "label": self.label, "notes": self.notes, "error": self.error or "no runs"}
        d = {"id": self.id, "label": self.label, "notes": self.notes, **self.extra,
             "ours": _runs_summary(self.ours)}
        if self.baseline:
            d["baseline"] = {"label": self.baseline_label, **_runs_summary(self.baseline)}
            d["ratio"] = round(_median(self.ours, "seconds") / _median(self.baseline, "seconds"), 2)
        return d


def _runs_summary(runs: list[Run]) -> dict:
    return {"seconds_median": round(_median(runs, "seconds"), 3),
            "seconds": [r.seconds for r in runs],
            "peak_rss_mb_median": round(_median(runs, "peak_rss_mb"), 1),
            "peak_lo_rss_mb_median": round(_median(runs, "peak_lo_mb"), 1),
            "peak_python_rss_mb_median": round(_median(runs, "peak_python_mb"), 1),
            "runs": [asdict(r) for r in runs]}


def measure(args: argparse.Namespace, work: Path) -> dict:
    bench = Bench(args, work)
    skip = set(args.skip)
    content = work / "content"
    if args.corpus:
        shutil.copytree(args.corpus, content)
        info = {"source": str(args.corpus), "dossiers": sorted(p.parent.name for p in content.glob("*/dossier.yaml"))}
        if not (content / EXAMPLE).is_dir():
            shutil.copytree(ROOT / "content" / EXAMPLE, content / EXAMPLE)
            info["dossiers"].append(EXAMPLE)
    else:
        log(f"generating corpus: {args.dossiers} dossiers + {EXAMPLE} (seed {args.seed}) in {content}")
        c = corpus.generate(content, args.dossiers, seed=args.seed, example=True)
        info = {"generated": c.generated, "seed": c.seed, "dossiers": c.dossiers, "documents": c.stats["documents"],
                "people_generated": c.stats["people_generated"]}
    n = len(info["dossiers"])
    facts = machine_facts(bench)
    facts["bytecode"] = precompile()
    log(f"{facts.get('libreoffice')}, Python {facts['python']}, {facts['cpu_count']} CPUs")
    rows: list[Row] = []
    out_all, out_warm = work / "out-clean", work / "out-warm"
    out_ex, out_ex_warm, out_woo = work / "out-example", work / "out-example-warm", work / "out-woo"
    private = not args.shared_tmp
    state: dict = {}

    @contextlib.contextmanager
    def row(row_id: str, label: str):
        """One row; a failure is recorded in the table and the next rows still run."""
        log(label)
        try:
            yield
        except (RowFailed, OSError, ValueError, LookupError, RuntimeError, ImportError) as exc:
            log(f"  FAILED: {exc}")
            rows.append(Row(row_id, label, [], error=f"{type(exc).__name__}: {exc}"[:2000]))

    def cold(out: Path) -> None:
        bench.lo_stop()
        _fresh(out)

    def warm(out: Path, seen: list) -> None:
        _fresh(out)
        seen.append(lo_processes(work, bench.since, private))

    def warm_note(seen: list) -> list[str]:
        return [] if any(seen) else [("no warm LibreOffice was running before this run (the pipeline keeps "
                                     "none, or it stopped): same as cold")]

    if "check" not in skip:
        with row("check", f"check (validate only), {n} dossiers"):
            rows.append(Row("check", f"check (validate only), {n} dossiers",
                            bench.repeat("check", None, bench.pipeline("check", "--content", content))))

    # ---- clean build of everything, cold then warm
    label = f"clean build, {n} dossiers, cold LO"
    with row("clean-cold", label):
        ours = bench.repeat("build cold", lambda i: cold(out_all),
                            bench.pipeline("build", "--content", content, "--out", out_all))
        state["code_out_all"] = bench.code  # the code the build in out_all was made with
        state["signing"] = signing = _docx_of(out_all)
        state["base_all"], base_info = bench.soffice(signing, "all")
        rows.append(Row("clean-cold", label, ours, state["base_all"], f"soffice, {len(signing)} docx",
                        notes=_base_notes(base_info), extra={"baseline_command": base_info}))

    if "clean-warm" not in skip:
        label = f"clean build, {n} dossiers, LO already warm"
        with row("clean-warm", label):
            seen: list = []
            ours = bench.repeat("build warm", lambda i: warm(out_warm, seen),
                                bench.pipeline("build", "--content", content, "--out", out_warm))
            signing = state.get("signing", [])
            rows.append(Row("clean-warm", label, ours, state.get("base_all"),
                            f"soffice, {len(signing)} docx (cold)", notes=warm_note(seen),
                            extra={"warm_server_seen": seen}))

    # ---- the example dossier alone
    if "example-cold" not in skip:
        label = f"example dossier ({EXAMPLE}), cold LO"
        with row("example-cold", label):
            ours = bench.repeat("example cold", lambda i: cold(out_ex),
                                bench.pipeline("build", "--content", content, "--out", out_ex, EXAMPLE))
            ex_docx = _docx_of(out_ex, EXAMPLE)
            state["base_ex"], info_ex = bench.soffice(ex_docx, "example")
            rows.append(Row("example-cold", label, ours, state["base_ex"], f"soffice, {len(ex_docx)} docx",
                            notes=_base_notes(info_ex), extra={"baseline_command": info_ex}))
    if "example-warm" not in skip and "example-cold" not in skip:
        label = f"example dossier ({EXAMPLE}), LO already warm"
        with row("example-warm", label):
            seen = []
            ours = bench.repeat("example warm", lambda i: warm(out_ex_warm, seen),
                                bench.pipeline("build", "--content", content, "--out", out_ex_warm, EXAMPLE))
            rows.append(Row("example-warm", label, ours, state.get("base_ex"), "soffice, 3 docx (cold)",
                            notes=warm_note(seen)))

    # ---- the public build of the example dossier alone: woo/build of one dossier
    if "example-woo" not in skip:
        label = f"public build (woo), example dossier ({EXAMPLE}), cold LO"
        with row("example-woo", label):
            out_ex_woo = work / "out-example-woo"
            ours = bench.repeat("example woo cold", lambda i: cold(out_ex_woo),
                                bench.pipeline("woo", "--content", content, "--out", out_ex_woo, EXAMPLE))
            rows.append(Row("example-woo", label, ours))

    # ---- public build
    if "woo" not in skip:
        label = f"public build (woo), {n} dossiers, cold LO"
        with row("woo", label):
            ours = bench.repeat("woo cold", lambda i: cold(out_woo),
                                bench.pipeline("woo", "--content", content, "--out", out_woo))
            files, how = woo_docx(bench, content, out_woo, state.get("signing", []))
            base_woo, info_woo = bench.soffice(files, "woo")
            rows.append(Row("woo", label, ours, base_woo, f"soffice, {len(files)} docx",
                            notes=[(f"baseline: {how}; converted together (the woo build converts review and "
                                   "public separately)")] + _base_notes(info_woo),
                            extra={"baseline_command": info_woo}))

    # ---- rebuild after an edit of one paragraph of one nota
    nota = content / EXAMPLE / "nota.yaml"
    if "edit" not in skip:
        label = "rebuild after 1 paragraph of 1 nota changed, fresh `pipeline build` process (floor: start + imports)"
        with row("edit", label):
            refresh = _refresh(bench, state, content, out_all)
            where: list[str] = []
            ours = bench.repeat("edit rebuild", lambda i: where.append(append_sentence(nota, i + 1)),
                                bench.pipeline("build", "--content", content, "--out", out_all))
            state["code_out_all"] = bench.code
            base_edit, info_edit = bench.soffice([out_all / EXAMPLE / "nota.docx"], "edit")
            state["base_edit"] = base_edit
            rows.append(Row("edit", label, ours, base_edit, "soffice, nota.docx alone",
                            notes=[f"edited {EXAMPLE}/{w}" for w in where[:1]] + refresh + _base_notes(info_edit),
                            extra={"baseline_command": info_edit}))

    if "edit-watch" not in skip:
        label = "rebuild after 1 paragraph of 1 nota changed, in the running `pipeline watch` (save -> PDFs + manifest)"
        with row("edit-watch", label):
            refresh = _refresh(bench, state, content, out_all)
            ours, watch_notes = watch_edits(bench, content, out_all, nota)
            state["code_out_all"] = bench.code
            if "base_edit" not in state:
                state["base_edit"], _info = bench.soffice([out_all / EXAMPLE / "nota.docx"], "edit-watch")
            rows.append(Row("edit-watch", label, ours, state["base_edit"], "soffice, nota.docx alone",
                            notes=watch_notes + refresh))

    # ---- no-op rebuilds
    if "noop" not in skip:
        label = "no-op rebuild (nothing changed)"
        with row("noop", label):
            refresh = _refresh(bench, state, content, out_all)
            noop = bench.pipeline("build", "--content", content, "--out", out_all)
            rows.append(Row("noop", label, bench.repeat("noop rebuild", None, noop), notes=refresh))
    if "make-noop" not in skip:
        label = "make build, no-op (incl. make's setup checks)"
        with row("make-noop", label):
            made = make_noop(bench, content, out_all, label)
            if made:
                rows.append(made)

    bench.lo_stop()
    leftover = lo_processes(work, bench.since, private)
    if leftover:
        bench.notes.append(f"LibreOffice processes of ours still running after the bench: {leftover}")
    return {
        "schema": 1,
        "machine": facts,
        "config": {"dossiers_generated": args.dossiers if not args.corpus else None, "dossiers": n,
                   "repeat": args.repeat, "seed": args.seed, "workdir": str(work), "kept": args.keep,
                   "sample_interval_s": args.sample_interval, "skipped": sorted(skip),
                   "private_tmpdir": private, "lo_stop_available": bench.lo_stop_available},
        "corpus": {**info, "pages": page_stats(out_all) if out_all.is_dir() else {}},
        "rows": [r.summary() for r in rows],
        "figures": figures.figures([r.summary() for r in rows]),
        "notes": bench.notes,
    }


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns, st.st_size


def watch_edits(bench: Bench, content: Path, out: Path, nota: Path) -> tuple[list[Run], list[str]]:
    """Edits saved while `pipeline watch` runs: seconds from the save to the moment the dossier's nota.pdf,
    parafeerbundel.pdf and manifest.json have all been replaced (the build moves new files into place).

    One untimed save first (the watcher's first rebuild after its own start); then --repeat timed saves,
    each after a pause. CPU = the watcher's own CPU seconds (and its children's) during the save.
    """
    dossier = nota.parent.name
    targets = [out / dossier / name for name in ("nota.pdf", "parafeerbundel.pdf", "manifest.json")]
    log_path = bench.work / "watch.log"
    with log_path.open("w") as log_file:
        proc = subprocess.Popen(bench.pipeline("watch", "--content", content, "--out", out), cwd=bench.work,
                                env=bench.env, stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
                                start_new_session=True)
    watcher = psutil.Process(proc.pid)

    def wait(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
        end = time.perf_counter() + timeout
        while not predicate():
            if proc.poll() is not None:
                raise RowFailed(f"pipeline watch stopped (exit {proc.returncode}):\n{log_path.read_text()[-2000:]}")
            if time.perf_counter() > end:
                raise RowFailed(f"pipeline watch: timeout waiting for {what}:\n{log_path.read_text()[-2000:]}")
            time.sleep(0.002)

    def cpu() -> float:
        with contextlib.suppress(psutil.Error):
            t = watcher.cpu_times()
            return t.user + t.system + t.children_user + t.children_system
        return 0.0

    runs: list[Run] = []
    try:
        wait(lambda: "ik kijk naar" in log_path.read_text(encoding="utf-8", errors="replace"), 600, "its first build")
        for i in range(bench.args.repeat + 1):
            before = [_stamp(t) for t in targets]
            time.sleep(1.0)  # a pause between saves, as between a person's edits
            load = os.getloadavg()[0]
            cpu0 = cpu()
            with Sampler(proc.pid, workdir=bench.work, since=bench.since, include_detached=True,
                         private=not bench.args.shared_tmp, interval=bench.args.sample_interval) as sampler:
                append_sentence(nota, 100 + i)
                t0 = time.perf_counter()
                wait(lambda before=before: all(_stamp(t) not in (None, b)
                                               for t, b in zip(targets, before, strict=True)), 120, f"save {i + 1}")
                seconds = time.perf_counter() - t0
            run = Run(round(seconds, 3), 0, round(sampler.peak / MB, 1), round(sampler.peak_python / MB, 1),
                      round(sampler.peak_lo / MB, 1), round(cpu() - cpu0, 2), sampler.samples, sorted(sampler.seen_lo),
                      round(load, 2), False, "")
            if i == 0:
                log(f"  watch edit (untimed first save): {run.seconds:.2f} s")
                continue
            runs.append(run)
            log(f"  watch edit [{i}/{bench.args.repeat}]: {run.seconds:.3f} s, cpu {run.cpu_s:.2f} s")
    finally:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(signal.SIGINT)  # Ctrl-C: the watcher's own way to stop
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)  # our own child's process group only
            proc.wait()
    tail = log_path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
    notes = [f"edited {dossier}/{nota.name} {len(runs) + 1} times (the first, untimed, after the watcher's start); "
             "timed from the save to nota.pdf, parafeerbundel.pdf and manifest.json all replaced; "
             "CPU = the watcher's CPU seconds during the save"]
    if any("fout" in line.lower() for line in tail):
        notes.append("watch log ends with: " + " | ".join(tail))
    return runs, notes


def _refresh(bench: Bench, state: dict, content: Path, out: Path) -> list[str]:
    """Bring out up to date, untimed, when the pipeline's code changed since it was built.

    An incremental build rightly redoes everything after a code change; the edit and no-op rows
    must measure only their own change, not someone's edit of pipeline/ in the meantime.
    """
    now = code_fingerprint()
    if state.get("code_out_all") in (None, now):
        return []
    run = bench.run(bench.pipeline("build", "--content", content, "--out", out), label="refresh build")
    state["code_out_all"] = bench.code
    log(f"  (pipeline code changed since the last build of {out.name}: rebuilt it first, untimed, {run.seconds:.1f} s)")
    return [(f"pipeline code changed since {out.name} was built (someone edited the working tree): rebuilt it "
            f"first, untimed ({run.seconds:.1f} s), so this row measures only its own change")]


def _base_notes(info: dict) -> list[str]:
    notes = list(info.get("failures", []))
    if info.get("calls", 1) > 1:
        notes.append(f"baseline: {info['files']} files in {info['calls']} soffice calls of at most "
                     f"{MAX_FILES_PER_CALL} (LibreOffice 7.4 silently drops files beyond 241 per call)")
    return notes


def make_noop(bench: Bench, content: Path, out: Path, label: str) -> Row | None:
    """`make build` with content/ and build/ pointed at the bench folders, when it would not install anything."""
    make = shutil.which("make")
    if not make:
        bench.notes.append("make-noop skipped: make not found")
        return None
    root = bench.work / "make-root"
    root.mkdir()
    out.mkdir(parents=True, exist_ok=True)
    (root / "content").symlink_to(content)
    (root / "build").symlink_to(out)
    for name in ("requirements.lock", "pyproject.toml"):
        (root / name).symlink_to(ROOT / name)
    venv = Path(sys.executable).parent.parent
    cmd = [make, "-s", "-C", str(root), "-f", str(ROOT / "Makefile"), "build", f"VENV={venv}", f"PY={sys.executable}"]
    # `make build` = setup (system: apt-get only when something is missing; venv: pip only when
    # .venv/.installed is stale) + `pipeline build`. The bench must never install anything into
    # the shared machine or venv: skip when the venv stamp is stale, and put a refusing
    # `apt-get` first on PATH, so a `system` step that wants to install fails instead.
    stale = subprocess.run([make, "-q", "-C", str(root), "-f", str(ROOT / "Makefile"), str(venv / ".installed"),
                            f"VENV={venv}", f"PY={sys.executable}"], check=False, env=bench.env,
                           capture_output=True, timeout=60)
    if stale.returncode != 0:
        bench.notes.append("make-noop skipped: `make build` would reinstall the venv (.venv/.installed is older "
                           "than requirements.lock or pyproject.toml)")
        return None
    guard = bench.work / "no-install-bin"
    guard.mkdir()
    fake = guard / "apt-get"
    fake.write_text("#!/bin/sh\necho 'bench: refusing to install anything' >&2\nexit 1\n")
    fake.chmod(0o755)
    env = {**bench.env, "PATH": f"{guard}{os.pathsep}{bench.env.get('PATH', '')}"}
    ours = bench.repeat("make build noop", None, cmd, env=env)
    return Row("make-noop", label, ours,
               notes=["make -C <bench>/make-root -f Makefile build, with content/ and build/ symlinked"])


# --------------------------------------------------------------------------- output

def table(result: dict) -> str:
    head = ["measurement", "ours s", "LO s", "ours/LO", "ours peak MB", "LO peak MB", "baseline"]
    lines = []
    for r in result["rows"]:
        if "error" in r:
            lines.append([r["label"], "FAILED", "-", "-", "-", "-", r["error"].splitlines()[0][:60]])
            continue
        b = r.get("baseline")
        lines.append([
            r["label"],
            f"{r['ours']['seconds_median']:.2f}",
            f"{b['seconds_median']:.2f}" if b else "-",
            f"{r['ratio']:.2f}x" if b else "-",
            f"{r['ours']['peak_rss_mb_median']:.0f}",
            f"{b['peak_rss_mb_median']:.0f}" if b else "-",
            b["label"] if b else "",
        ])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines, strict=True)]

    def fmt(row: list) -> str:
        return "  ".join(str(c).ljust(w) if i in (0, len(row) - 1) else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(row, widths, strict=True)))

    out = [fmt(head), "  ".join("-" * w for w in widths)] + [fmt(r) for r in lines]
    return "\n".join(out)


def report(result: dict) -> str:
    m, c = result["machine"], result["corpus"]
    pages = c.get("pages", {})
    page_text = ", ".join(f"{k} {v['min']}" + (f"-{v['max']}" if v["max"] != v["min"] else "") + " p."
                          for k, v in pages.items() if k in DOC_KINDS)
    parts = [
        (f"Benchmark {m['date']}: {m.get('libreoffice')}, Python {m['python']}, "
        f"{m['cpu_count']} CPUs ({m.get('cpu_model', '')}), {m['memory_gb']} GB, "
        f"PIPELINE_LO={m.get('PIPELINE_LO') or '(unset)'}"),
        f"Corpus: {len(c['dossiers'])} dossiers"
        + (f" ({c['generated']} generated + {EXAMPLE}), {c['documents']} documents" if "generated" in c else "")
        + (f"; {page_text}" if page_text else ""),
        f"Median of {result['config']['repeat']} run(s); peak = summed RSS of the process tree incl. LibreOffice.",
        "",
        table(result),
        "",
        "The issue's figures (ratios of medians measured in this run):",
        figures.table(result.get("figures", [])),
    ]
    notes = [f"- {r['id']}: {note}" for r in result["rows"] for note in r["notes"]]
    notes += [f"- {n}" for n in result["notes"]]
    loads = [run["load1_before"] for r in result["rows"] for side in ("ours", "baseline") if side in r
             for run in r[side]["runs"]]
    notes += [f"- {r['id']}: FAILED: {r['error']}" for r in result["rows"] if "error" in r]
    changed = [r["id"] for r in result["rows"] if "ours" in r and any(run["code_changed"] for run in r["ours"]["runs"])]
    if changed:
        notes.append(f"- pipeline code or templates changed just before or during: {', '.join(changed)} "
                     "(someone edited the working tree); those runs may have rebuilt more than usual and "
                     "are not comparable")
    if loads and max(loads) > 0.5 * (m["cpu_count"] or 1):
        notes.append(f"- the machine was busy: 1-minute load average up to {max(loads):.1f} on {m['cpu_count']} "
                     "CPUs before a run (other processes running); timings are noisy, use --repeat")
    if notes:
        parts += ["", "Notes:", *notes]
    return "\n".join(parts)


def _stop_our_server(work: Path, args: argparse.Namespace) -> None:
    """Best effort at the end (also of an interrupted run): stop the warm LibreOffice in our temp dir."""
    if args.shared_tmp or not (work / "tmp").is_dir():
        return
    env = {**os.environ, "TMPDIR": str(work / "tmp"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")]))}
    for _ in range(3):
        with contextlib.suppress(Exception):
            subprocess.run([sys.executable, "-m", "pipeline", "lo", "stop"], check=False, cwd=work, env=env,
                           capture_output=True, timeout=60)
        time.sleep(1)
        if not lo_processes(work, time.time(), True):
            return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Speed benchmark: pipeline versus bare LibreOffice (see bench/README.md).")
    ap.add_argument("--dossiers", type=int, default=50, help="generated dossiers (default 50; plus motie-21-ezk)")
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="corpus seed")
    ap.add_argument("--corpus", type=Path, help="use a copy of this content folder instead of generating one")
    ap.add_argument("--repeat", type=int, default=1, help="runs per measurement; the table shows the median")
    ap.add_argument("--json", type=Path, default=BENCH / "results.json", help="where to write the results")
    ap.add_argument("--keep", action="store_true", help="keep the work folder (corpus, outputs, baselines)")
    ap.add_argument("--skip", action="append", default=[], choices=[r for r in ROWS if r != "clean-cold"],
                    help="leave out a row (repeatable)")
    ap.add_argument("--profile", action="store_true",
                    help="also profile the clean build in-process (bench/profile_build.py)")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds before one measured command is stopped")
    ap.add_argument("--sample-interval", type=float, default=0.05, help="memory sampling interval in seconds")
    ap.add_argument("--shared-tmp", action="store_true",
                    help="do not give the measured commands a private TMPDIR inside the work folder")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        result = measure(args, work)
        text = report(result)
        print(text)
        args.json.parent.mkdir(parents=True, exist_ok=True)
        result["table"] = text
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"\nresults: {args.json}" + (f"; work folder kept: {work}" if args.keep else ""))
        if args.profile:
            print()
            sys.stdout.flush()
            subprocess.run([sys.executable, str(BENCH / "profile_build.py"), "--content", str(work / "content")],
                           check=False)
    finally:
        _stop_our_server(work, args)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
