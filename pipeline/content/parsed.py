"""Content files parsed once per distinct content: a long-running process (`make watch`, the review
app) reads every unchanged file of a dossier and both registers again at each rebuild.

Keyed on the file's bytes and its display name, so an edited file is parsed again and an unchanged
one costs one read. The Node trees handed out are shared: nothing changes a tree after the parser
built it (only yamlsource._Builder writes into one). Links out of the content folder and unreadable
files are never cached: load_yaml reports them at every read.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.content.text import check_tree
from pipeline.content.yamlsource import Node, _decode, _outside, load_yaml, parse_yaml
from pipeline.errors import Diagnostic

_PARSED: dict[tuple[str, bytes], tuple[Node | None, tuple[Diagnostic, ...]]] = {}
_MAX_FILES = 512  # about 15 MB of YAML text and trees; beyond it the cache starts again


def load_checked(path: Path, display: str, root: Path | None) -> tuple[Node | None, list[Diagnostic]]:
    """load_yaml plus the text checks of every scalar (text.check_tree), from the cache when the bytes are known."""
    if _outside(path, root):
        return load_yaml(path, display, root)
    try:
        data = path.read_bytes()
    except OSError:
        return load_yaml(path, display, root)  # its own message for what cannot be read
    key = (display, data)
    found = _PARSED.get(key)
    if found is None:
        raw, diags = _decode(data, display)
        node = None
        if raw is not None:
            node, diags = parse_yaml(raw, display)
        if len(_PARSED) >= _MAX_FILES:
            _PARSED.clear()
        found = _PARSED[key] = (node, (*diags, *check_tree(node)))
    return found[0], list(found[1])
