"""Compare two build folders byte for byte, ignoring what must differ when only the code changed.

    python tools/compare_builds.py OLD NEW

The manifests record a hash of the code and the build keys derived from it; those fields are
blanked before comparing. Every other byte of every output must be identical. Exit 1 on a difference.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

VOLATILE = {"code", "build_key"}


def _normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.name != "manifest.json":
        return data

    def blank(value: object) -> object:
        if isinstance(value, dict):
            # the recorded hash of woo/manifest.json follows from the code hash inside it
            derived = str(value.get("path", "")).endswith("manifest.json")
            return {k: ("*" if k in VOLATILE or (derived and k == "sha256") else blank(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [blank(v) for v in value]
        return value

    return json.dumps(blank(json.loads(data)), sort_keys=True).encode()


def main(argv: list[str]) -> int:
    old, new = Path(argv[0]), Path(argv[1])
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*")
                if p.is_file() and ".cache" not in p.parts and ".log" not in p.parts}
    a, b = files(old), files(new)
    bad = sorted(a ^ b)
    for name in bad:
        print(f"alleen in {'OLD' if name in a else 'NEW'}: {name}")
    differ = [n for n in sorted(a & b) if _normalised(old / n) != _normalised(new / n)]
    for name in differ:
        print(f"verschilt: {name}")
    print(f"{len(a & b) - len(differ)} van {len(a | b)} bestanden gelijk")
    return 1 if bad or differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
