"""Profile one clean build in-process with cProfile and say where the time goes.

    .venv/bin/python bench/profile_build.py [--dossiers 50 | --content DIR] [--command build|woo]
                                            [--top 25] [--save prof.out] [--cpu]

Runs `pipeline.cli.main(["build", "--content", C, "--out", O])` on an empty O under
cProfile and prints the top functions by cumulative and by own time, then every second of
the run attributed to one phase: a function's own time goes to the phase of the module it
lives in; time in the standard library, third-party packages and built-ins (e.g. waiting in
`select`/`poll` for soffice, lxml, pikepdf, ruamel) goes to the phase of whoever called it,
split over its callers in proportion. The phases add up to the profiled total.

(Not named profile.py: that would shadow the standard library module cProfile imports.)
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for p in (str(ROOT), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

# Functions of a module that belong to another phase than the module: pdf.py also reads PDFs
# back (text extraction with PDFium, pypdf and poppler, inspection) for the gate and the checks.
READING_BACK = "reading PDFs back (gate text extraction, inspection)"
FUNCTION_PHASES = {
    ("pipeline/finish/pdf/inspect.py", name): READING_BACK
    for name in ("inspect_pdf", "extract_text", "extract_text_pypdf", "extract_pages_pdfium", "extract_text_pdfium",
                 "without_output_intents", "_poppler", "_fonts_all_embedded",
                 "_revisions", "_outline_titles", "_struct_types", "_struct_elements", "_role_mapped",
                 "_page_size_mm", "_text_or_none")
}
# (phase, path fragments of the modules whose own time belongs to it); first match wins.
PHASES = [
    ("content loading (YAML, validation)", ["pipeline/content/load.py", "pipeline/content/yamlsource.py"]),
    ("modelling (document model, markup)", ["pipeline/kinds", "pipeline/model"]),
    ("redaction decisions (names, e-mail, phone)", ["redaction/apply.py", "redaction/matchers"]),
    ("rendering DOCX (docxtpl, lxml)", ["pipeline/render/docx.py", "pipeline/render/package.py"]),
    ("LibreOffice (waiting for soffice)", ["pipeline/convert/", "pipeline/convert/loserver/"]),
    ("PDF finalising / bundling (pikepdf)", ["pipeline/finish/pdf/"]),
    ("public version: staging + gate checks", ["pipeline/publication/publish.py", "pipeline/checks/gate",
                                               "pipeline/publication/records.py",
                                               "pipeline/publication/manifest.py", "pipeline/publication/diwoo"]),
    ("PDF accessibility repair", ["pipeline/finish/repair.py", "pipeline/finish/tagged"]),
    ("output staging / commit / manifest", ["pipeline/staging.py", "pipeline/publication/manifest.py"]),
    ("orchestration (cli, build recipe, other pipeline code)", ["pipeline/", "redaction/"]),
    ("imports", ["<frozen importlib"]),
]
OURS_NOT = {"LibreOffice (waiting for soffice)"}
OTHER = "other (unattributed)"


def _phase_of(func: tuple) -> str | None:
    if func[2].startswith("<") and func[2] != "<module>":
        return None  # <genexpr>, <listcomp>, <lambda>: the phase of whoever runs them
    f = func[0].replace("\\", "/")
    for (path, name), phase in FUNCTION_PHASES.items():
        if func[2] == name and f.endswith(path):
            return phase
    for phase, parts in PHASES:
        if any((str(ROOT / part) in f) if "/" in part and not part.startswith("<") else part in f for part in parts):
            return phase
    return None


def attribute(stats: pstats.Stats) -> dict[str, float]:
    """Own time of every function, attributed to a phase (through its callers when it has none).

    For a function outside the phase modules, share(f) = sum over callers c of
    share(c) * (time of f when called from c) / (time of f), solved by iteration so that
    recursion (ruamel's composer, jinja's visitor) converges instead of being cut off.
    """
    raw = stats.stats  # type: ignore[attr-defined]
    fixed = {f: {ph: 1.0} for f in raw if (ph := _phase_of(f))}
    callers: dict[tuple, list[tuple[tuple, float]]] = {}
    for f, (_cc, _nc, _tt, _ct, by) in raw.items():
        if f in fixed:
            continue
        edges = [(c, v[3] if isinstance(v, tuple) else 0.0) for c, v in by.items() if c != f]
        total = sum(w for _, w in edges)
        callers[f] = [(c, w / total) for c, w in edges if w > 0] if total > 0 else []
    share: dict[tuple, dict[str, float]] = {f: {} for f in callers}
    for _ in range(200):
        delta = 0.0
        for f, edges in callers.items():
            if not edges:
                new = {OTHER: 1.0}
            else:
                new = {}
                for c, w in edges:
                    for ph, x in (fixed.get(c) or share.get(c) or {OTHER: 1.0}).items():
                        new[ph] = new.get(ph, 0.0) + w * x
            old = share[f]
            delta = max(delta, max((abs(new.get(k, 0.0) - old.get(k, 0.0)) for k in new.keys() | old.keys()),
                                   default=0.0))
            share[f] = new
        if delta < 1e-6:
            break
    phases: dict[str, float] = {}
    for f, (_cc, _nc, tt, _ct, _by) in raw.items():
        if tt <= 0:
            continue
        dist = fixed.get(f) or share.get(f) or {OTHER: 1.0}
        rest = 1.0 - sum(dist.values())  # mass still circling in a cycle without a way out
        for ph, x in [*dist.items(), (OTHER, max(rest, 0.0))]:
            phases[ph] = phases.get(ph, 0.0) + tt * x
    return phases


def _top(stats: pstats.Stats, key: str, n: int) -> str:
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats(key).print_stats(n)
    text = buf.getvalue()
    # drop pstats' preamble up to the column header
    start = text.find("   ncalls")
    return text[start:].rstrip() if start >= 0 else text.rstrip()


def profile(content: Path, out: Path, command: str, top: int, save: Path | None, cpu: bool = False) -> dict:
    """cpu: every thread's CPU time (time.thread_time) instead of the main thread's wall time, so the work
    of the conversion, finishing and gate threads counts and waiting (for soffice, a lock) does not."""
    from pipeline.cli import main

    argv = [command, "--content", str(content), "--out", str(out)]
    prof = cProfile.Profile(time.thread_time) if cpu else cProfile.Profile()
    threads: list[cProfile.Profile] = []

    def start_thread(*_args: object) -> None:  # the first profile event of a new thread: its own profiler
        sys.setprofile(None)
        own = cProfile.Profile(time.thread_time)
        threads.append(own)
        own.enable()

    if cpu:
        threading.setprofile(start_thread)
    started, cpu_started = time.perf_counter(), time.process_time()
    prof.enable()
    try:
        code = main(argv)
    finally:
        prof.disable()
        threading.setprofile(None)  # type: ignore[arg-type]
    wall, cpu_s = time.perf_counter() - started, time.process_time() - cpu_started
    if code != 0:
        raise SystemExit(f"pipeline {command} failed with exit code {code}")
    stats = pstats.Stats(prof)
    for own in threads:
        with contextlib.suppress(TypeError):  # a thread that recorded nothing
            stats.add(own)
    if save:
        stats.dump_stats(str(save))
    what = f"CPU of all {1 + len(threads)} threads" if cpu else "main thread, wall"
    return analyze(stats, f"`pipeline {command}`, {wall:.1f} s wall, {cpu_s:.1f} s CPU ({what})", top)


def analyze(source: pstats.Stats | Path, title: str, top: int) -> dict:
    """Print the top functions and the time per phase of a profile (a live one or a saved file)."""
    stats = pstats.Stats(str(source)) if isinstance(source, Path) else source
    phases = attribute(stats)  # needs the full paths: before strip_dirs
    stats.strip_dirs()
    print(f"\n=== top {top} by cumulative time ===")
    print(_top(stats, "cumulative", top))
    print(f"\n=== top {top} by own time ===")
    print(_top(stats, "tottime", top))
    total = sum(phases.values())
    print(f"\n=== where the time goes: {title} (profiled total {total:.1f} s) ===")
    width = max(len(p) for p in phases)
    for phase in sorted(phases, key=lambda p: -phases[p]):
        if phases[phase] >= 0.005:
            print(f"  {phase.ljust(width)}  {phases[phase]:7.2f} s  {100 * phases[phase] / total:5.1f} %")
    lo = sum(v for p, v in phases.items() if p in OURS_NOT)
    ours = total - lo
    print(f"  {'-' * width}")
    print(f"  {'ours (everything but LibreOffice)'.ljust(width)}  {ours:7.2f} s  {100 * ours / total:5.1f} %")
    print(f"  {'LibreOffice (waiting for soffice)'.ljust(width)}  {lo:7.2f} s  {100 * lo / total:5.1f} %")
    print("  (cProfile adds overhead to Python code, so 'ours' is somewhat overstated.)")
    return {"profiled_s": total, "phases": phases}


def _stop_server() -> None:
    """Stop the warm LibreOffice this run may have started (only ours: the temp dir is private)."""
    try:
        from pipeline.convert import libreoffice
    except Exception:  # noqa: BLE001
        return
    stop = getattr(libreoffice, "stop_server", None)
    if stop is not None:
        with contextlib.suppress(Exception):
            stop()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Profile a clean build in-process (see bench/README.md).")
    src = ap.add_mutually_exclusive_group()
    src.add_argument("--content", type=Path, help="content folder to build (default: generate a corpus)")
    src.add_argument("--dossiers", type=int, default=50, help="generated dossiers when no --content (default 50)")
    ap.add_argument("--command", choices=["build", "woo"], default="build", help="what to profile (default build)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--save", type=Path, help="also write the raw profile (pstats format) here")
    ap.add_argument("--cpu", action="store_true",
                    help="CPU time of every thread (time.thread_time), not the main thread's wall time")
    src.add_argument("--load", type=Path, help="only analyse a profile written earlier with --save")
    args = ap.parse_args(argv)
    if args.load:
        analyze(args.load, str(args.load), args.top)
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    # A private temp dir, as in run.py: a warm LibreOffice server started by this build keeps
    # its state (and is found) under it, so the profile starts cold and stops only its own server.
    (work / "tmp").mkdir()
    os.environ["TMPDIR"] = str(work / "tmp")
    tempfile.tempdir = None
    try:
        content = args.content
        if content is None:
            import corpus

            content = work / "content"
            corpus.generate(content, args.dossiers)
            print(f"corpus: {args.dossiers} generated dossiers + {corpus.EXAMPLE}")
        profile(content.resolve(), work / "out", args.command, args.top, args.save, args.cpu)
    finally:
        _stop_server()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
