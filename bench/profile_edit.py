"""Profile the edit path: one paragraph of one nota changed, rebuilt (a) by a fresh `pipeline build`
process and (b) by the long-running process `make watch` keeps (an in-process rebuild after earlier ones).

    .venv/bin/python bench/profile_edit.py [--dossiers 10 | --content DIR] [--src CHECKOUT] [--top 5]

--src profiles another checkout of the code (for example `git worktree add /tmp/before <commit>`, with
its .venv linked): the same edit, the same measurements, so before and after can be set side by side.
The content is copied; a warm LibreOffice is started first (as after any earlier build) in a private
TMPDIR and stopped at the end. (a) is `python -m cProfile -m pipeline build`, imports included;
(b) profiles build_signing() in a process that already ran it after an earlier edit, as watch.py does.
Prints for each the wall time, the top functions by own time and the time per phase (profile_build.py).
"""

from __future__ import annotations

import argparse
import cProfile  # noqa: F401  (run as `python -m cProfile` in the child)
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import profile_build  # noqa: E402  (bench/ is put on the path just above)
from run import append_sentence  # noqa: E402

EXAMPLE = "motie-21-ezk"

# (b): run by the checkout's own Python with its code on the path; argv: content, out, nota, profile path
_WATCH_DRIVER = """
import cProfile, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[5])
from run import append_sentence
from pipeline import build
content, out, nota, prof_path = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
append_sentence(nota, 901)
build.build_signing(content, out, [nota.parent.name])  # the watcher's previous rebuild
append_sentence(nota, 902)
prof = cProfile.Profile()
t = time.perf_counter()
prof.enable()
build.build_signing(content, out, [nota.parent.name])
prof.disable()
print(f"{time.perf_counter() - t:.3f}")
prof.dump_stats(prof_path)
"""


def _top(path: Path, n: int) -> str:
    stats = pstats.Stats(str(path))
    stats.strip_dirs()
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats("tottime").print_stats(n)
    text = buf.getvalue()
    return text[text.find("   ncalls"):].rstrip()


def _phases(path: Path, src: Path) -> str:
    profile_build.ROOT = src  # phases are matched on the profiled checkout's paths
    phases = profile_build.attribute(pstats.Stats(str(path)))
    total = sum(phases.values())
    rows = [f"  {p:<58} {v:6.3f} s {100 * v / total:5.1f} %" for p, v in sorted(phases.items(), key=lambda kv: -kv[1])
            if v >= 0.002]
    return "\n".join([*rows, f"  {'profiled total':<58} {total:6.3f} s"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src_group = ap.add_mutually_exclusive_group()
    src_group.add_argument("--content", type=Path, help="content folder (default: a generated corpus)")
    src_group.add_argument("--dossiers", type=int, default=10, help="generated dossiers when no --content")
    ap.add_argument("--src", type=Path, default=BENCH.parent, help="the checkout whose code is profiled")
    ap.add_argument("--top", type=int, default=5)
    args = ap.parse_args(argv)
    src = args.src.resolve()
    py = str(src / ".venv" / "bin" / "python")
    work = Path(tempfile.mkdtemp(prefix="bench-profile-edit-"))
    env = {**os.environ, "TMPDIR": str(work / "tmp"), "PYTHONPATH": str(src)}
    (work / "tmp").mkdir()
    content, out = work / "content", work / "out"
    try:
        if args.content:
            shutil.copytree(args.content, content)
        else:
            import corpus

            corpus.generate(content, args.dossiers, seed=corpus.DEFAULT_SEED, example=True)
        nota = content / EXAMPLE / "nota.yaml"

        def pipeline(*a: str | Path) -> None:
            subprocess.run([py, "-m", "pipeline", *map(str, a)], cwd=src, env=env, check=True, capture_output=True)

        pipeline("build", "--content", content, "--out", out)
        pipeline("lo", "start")
        append_sentence(nota, 900)
        pipeline("build", "--content", content, "--out", out)  # the server's first conversion is behind us
        fresh = work / "fresh.prof"
        append_sentence(nota, 1)
        t = time.perf_counter()
        subprocess.run([py, "-m", "cProfile", "-o", str(fresh), "-m", "pipeline", "build", "--content", str(content),
                        "--out", str(out)], cwd=src, env=env, check=True, capture_output=True)
        fresh_s = time.perf_counter() - t
        watch = work / "watch.prof"
        done = subprocess.run([py, "-c", _WATCH_DRIVER, str(content), str(out), str(nota), str(watch), str(BENCH)],
                              cwd=src, env=env, check=True, capture_output=True, text=True)
        watch_s = float(done.stdout.strip().splitlines()[-1])
        n = len(list(content.glob('*/dossier.yaml')))
        print(f"code: {src}; content: {n} dossiers; edit of {EXAMPLE}/nota.yaml")
        print(f"\n(a) fresh `pipeline build` process, profiled: {fresh_s:.2f} s wall (imports included)")
        print(_top(fresh, args.top))
        print(_phases(fresh, src))
        print(f"\n(b) rebuild in the long-running watch process, profiled: {watch_s:.3f} s wall")
        print(_top(watch, args.top))
        print(_phases(watch, src))
    finally:
        subprocess.run([py, "-m", "pipeline", "lo", "stop"], cwd=src, env=env, check=False, capture_output=True)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
