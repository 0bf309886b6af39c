"""Staging folders and the one step that moves finished files to where users look."""

from __future__ import annotations

import filecmp
import os
import shutil
import tempfile
from pathlib import Path


class Staging:
    """A private work folder beside the output folder; nothing reaches `out` until commit()."""

    def __init__(self, out: Path, label: str):
        out.mkdir(parents=True, exist_ok=True)
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
            os.replace(staged, final)
            done.append(final)
        return done

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

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
