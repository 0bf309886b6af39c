"""Four runs of build and woo at once into one output folder, several rounds, with the real LibreOffice."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_helpers import REPO, motie21_copy, stray_staging

ROUNDS = 3


def _start(command: str, content: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.Popen([sys.executable, "-m", "pipeline", command, "--content", str(content), "--out", str(out),
                             *extra], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.soffice
def test_four_runs_at_once_never_crash_or_mix_outputs(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    out = tmp_path / "build"
    waited = 0
    for round_ in range(ROUNDS):
        # Each round rebuilds (--opnieuw), so every run really converts, prunes the cache and
        # rewrites the manifests the others read: the race of the bug report.
        runs = [_start(command, content, out, "--opnieuw") for command in ("build", "woo", "build", "woo")]
        for proc in runs:
            stdout, stderr = proc.communicate(timeout=600)
            assert proc.returncode == 0, f"round {round_}: {proc.args[3]} failed:\n{stderr}"
            assert "Traceback" not in stderr, stderr
            waited += "deze run wacht tot die klaar is" in stderr
        assert not stray_staging(out), stray_staging(out)
        assert not list((out / ".cache" / "pdf").glob("*.tmp"))
    assert waited >= ROUNDS  # the runs did overlap: at least one waited (and said so) in each round
    logs = sorted((out / ".log").glob("*.log"))
    assert len(logs) == 4 * ROUNDS
    verify = subprocess.run([sys.executable, "-m", "pipeline", "verify", "--content", str(content), "--out", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert verify.returncode == 0, verify.stderr  # every output matches its manifest and its rebuild
