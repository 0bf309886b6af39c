"""Progress for long runs: a bar on a terminal, silence in CI, in pipes and in tests."""

from __future__ import annotations

import os
import shutil
import sys
from typing import Any


class Progress:
    """Counts converted documents; documents taken from the cache count as done at once."""

    def __init__(self, enabled: bool | None = None):
        if enabled is None:
            enabled = sys.stderr.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self.total = 0
        self.done = 0
        self._bar: Any = None

    def add(self, to_convert: int, cached: int) -> None:
        self.total += to_convert + cached
        self.done += cached
        if not self.enabled or not to_convert:
            return
        if self._bar is None:
            from tqdm import tqdm  # only on a terminal: keeps the import off the no-op path

            # A fixed size: a fresh pseudo-terminal reports 0 x 0 and tqdm would then draw nothing.
            size = shutil.get_terminal_size(fallback=(80, 24))
            self._bar = tqdm(total=self.total, initial=self.done, unit="doc", desc="PDF", file=sys.stderr,
                             leave=False, ncols=min(size.columns, 100), nrows=max(size.lines, 2))
        else:
            self._bar.total = self.total
            self._bar.refresh()

    def step(self, label: str) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.set_postfix_str(label, refresh=False)
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
