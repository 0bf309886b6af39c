"""Time from saving a content file to the new PDF with `python -m pipeline watch` (median of N saves).

    .venv/bin/python bench/watch_latency.py [--saves 5]

Copies the example dossier motie-21-ezk to a temporary folder, starts the watcher on it, waits
for its first build, then N times changes one word in nota.yaml and measures until nota.pdf
has been replaced (its inode changes: the build moves the new file into place).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOSSIER = "motie-21-ezk"


def _wait_for(predicate, timeout: float, what: str) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.01)
    raise SystemExit(f"timeout: {what}")


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--saves", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="watch-bench-"))
    content, out = work / "content", work / "build"
    content.mkdir()
    for name in ("personen.yaml", "organisaties.yaml"):
        shutil.copy(REPO / "content" / name, content / name)
    shutil.copytree(REPO / "content" / DOSSIER, content / DOSSIER)
    nota_yaml, nota_pdf = content / DOSSIER / "nota.yaml", out / DOSSIER / "nota.pdf"
    log = (work / "watch.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "watch", "--content", str(content), "--out", str(out),
                             DOSSIER], cwd=REPO, stdout=log, stderr=subprocess.STDOUT,
                            env=dict(os.environ, PIPELINE_LO_WORKERS=os.environ.get("PIPELINE_LO_WORKERS", "1")))
    times = []
    try:
        _wait_for(lambda: "ik kijk naar" in (work / "watch.log").read_text(), 300, "first build")
        original = nota_yaml.read_text(encoding="utf-8")
        for i in range(args.saves):
            before = _stamp(nota_pdf)
            time.sleep(0.5)  # let the watcher settle between saves
            nota_yaml.write_text(original.replace("Aanleiding", f"Aanleiding {i + 1}", 1), encoding="utf-8")
            t0 = time.monotonic()
            _wait_for(lambda before=before: _stamp(nota_pdf) not in (None, before), 120, f"save {i + 1}")
            times.append(time.monotonic() - t0)
            print(f"opslaan {i + 1}: nieuwe nota.pdf na {times[-1]:.2f} s", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()
    result = {"saves": len(times), "median_s": round(statistics.median(times), 3),
              "min_s": round(min(times), 3), "max_s": round(max(times), 3), "times_s": [round(t, 3) for t in times]}
    print(json.dumps(result))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
