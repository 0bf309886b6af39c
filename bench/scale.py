"""The scale curve: clean signing and public builds of 10, 50, 200 and 500 generated dossiers.

    .venv/bin/python bench/scale.py [--sizes 10,50,200,500] [--repeat 1] [--json bench/scale.json]

For every size a fresh corpus (bench/corpus.py, same seed: the smaller corpora are the first
dossiers of the bigger ones) is built clean and cold, as a user runs it, with bench/run.py's
measuring: wall-clock seconds and the peak of the summed RSS of the process tree, LibreOffice
and our warm server included (psutil, every 50 ms). The curve is seconds per document and peak
memory per size: the cost per document must stay flat as the corpus grows. No LibreOffice
baseline here (bench/run.py has it); the load average before each run is recorded instead.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for p in (str(BENCH.parent), str(BENCH)):
    if p not in sys.path:
        sys.path.insert(0, p)

import corpus  # noqa: E402
import run  # noqa: E402


def measure_size(bench: run.Bench, work: Path, n: int, seed: int, woo: bool = True) -> dict:
    content = work / f"content-{n}"
    info = corpus.generate(content, n, seed=seed, example=False)
    docs = info.stats["documents"]
    point: dict = {"dossiers": n, "documents": docs}
    for command in ("build", "woo") if woo else ("build",):
        out = work / f"out-{n}-{command}"
        runs = []
        for i in range(bench.args.repeat):
            bench.lo_stop()
            shutil.rmtree(out, ignore_errors=True)
            result = bench.run(bench.pipeline(command, "--content", content, "--out", out), label=f"{command} {n}")
            runs.append(result)
            run.log(f"  {command} {n} dossiers [{i + 1}/{bench.args.repeat}]: {result.seconds:.1f} s, "
                    f"peak {result.peak_rss_mb:.0f} MB (LibreOffice {result.peak_lo_mb:.0f} MB), "
                    f"load {result.load1_before:.1f}")
        seconds = run._median(runs, "seconds")
        point[command] = {"seconds": round(seconds, 2), "seconds_per_document": round(seconds / docs, 3),
                          "peak_rss_mb": round(run._median(runs, "peak_rss_mb"), 1),
                          "peak_lo_mb": round(run._median(runs, "peak_lo_mb"), 1),
                          "peak_python_mb": round(run._median(runs, "peak_python_mb"), 1),
                          "cpu_s": round(run._median(runs, "cpu_s"), 1),
                          "load1_before": [r.load1_before for r in runs],
                          "runs_s": [r.seconds for r in runs]}
        shutil.rmtree(out, ignore_errors=True)
    page_counts = run.page_stats(work / f"out-{n}-build") if (work / f"out-{n}-build").is_dir() else {}
    point["pages"] = page_counts
    shutil.rmtree(content, ignore_errors=True)
    return point


def curve(points: list[dict]) -> str:
    head = (f"{'dossiers':>8} {'docs':>5} | {'build s':>8} {'s/doc':>6} {'peak MB':>8} {'LO MB':>6} | "
            f"{'woo s':>8} {'s/doc':>6} {'peak MB':>8} {'LO MB':>6} | load")
    lines = [head, "-" * len(head)]
    for p in points:
        b, w = p["build"], p.get("woo")
        loads = b["load1_before"] + (w["load1_before"] if w else [])
        woo = (f"{w['seconds']:>8.1f} {w['seconds_per_document']:>6.3f} {w['peak_rss_mb']:>8.0f} "
               f"{w['peak_lo_mb']:>6.0f}"
               if w else f"{'-':>8} {'-':>6} {'-':>8} {'-':>6}")
        lines.append(f"{p['dossiers']:>8} {p['documents']:>5} | {b['seconds']:>8.1f} {b['seconds_per_document']:>6.3f} "
                     f"{b['peak_rss_mb']:>8.0f} {b['peak_lo_mb']:>6.0f} | {woo} | {min(loads):.1f}-{max(loads):.1f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Scale curve: seconds per document and peak memory per corpus size.")
    ap.add_argument("--sizes", default="10,50,200,500", help="comma-separated dossier counts (default 10,50,200,500)")
    ap.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    ap.add_argument("--repeat", type=int, default=1, help="runs per size and command; the median counts")
    ap.add_argument("--json", type=Path, default=BENCH / "scale.json")
    ap.add_argument("--woo-max", type=int, help="measure the public build only up to this many dossiers")
    ap.add_argument("--timeout", type=float, default=7200)
    ap.add_argument("--sample-interval", type=float, default=0.05)
    args = ap.parse_args(argv)
    args.shared_tmp = False
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    bench = run.Bench(args, work)
    points: list[dict] = []
    try:
        facts = run.machine_facts(bench)
        for n in sizes:
            run.log(f"scale: {n} dossiers")
            points.append(measure_size(bench, work, n, args.seed, woo=args.woo_max is None or n <= args.woo_max))
            text = curve(points)
            args.json.write_text(json.dumps({"schema": 1, "machine": facts, "sizes": sizes, "repeat": args.repeat,
                                             "env": {"PIPELINE_LO_WORKERS": os.environ.get("PIPELINE_LO_WORKERS")},
                                             "points": points, "curve": text}, indent=2, ensure_ascii=False) + "\n",
                                 encoding="utf-8")
        print(curve(points))
        print(f"\nresults: {args.json}")
    finally:
        bench.lo_stop()
        run._stop_our_server(work, args)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
