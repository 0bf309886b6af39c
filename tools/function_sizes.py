"""Function sizes (lines) and module sizes of the project's code: median, p90, max.

    python tools/function_sizes.py [ROOT]
"""

from __future__ import annotations

import ast
import statistics
import sys
from pathlib import Path

PACKAGES = ("pipeline", "redaction")


def _functions(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.end_lineno - node.lineno + 1 for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno]


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path.cwd()
    files = sorted(p for pkg in PACKAGES for p in (root / pkg).rglob("*.py"))
    sizes = [n for f in files for n in _functions(f)]
    lines = {f.relative_to(root).as_posix(): len(f.read_text(encoding="utf-8").splitlines()) for f in files}
    p90 = statistics.quantiles(sizes, n=10)[-1]
    print(f"{len(files)} modules, {len(sizes)} functions: median {statistics.median(sizes):.0f}, "
          f"p90 {p90:.0f}, max {max(sizes)} lines")
    big = {k: v for k, v in lines.items() if v > 400}
    print(f"modules over 400 lines: {len(big)}" + "".join(f"\n  {k}: {v}" for k, v in sorted(big.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
