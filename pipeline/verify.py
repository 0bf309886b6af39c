"""`python -m pipeline verify`: rebuild every recorded run into a temporary folder and compare the bytes."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from pipeline.build import build_public, build_signing
from pipeline.publication import manifest


def verify(content_dir: Path, out: Path, only: list[str] | None = None) -> tuple[list[str], list[str], list[str]]:
    """Rebuild every run a manifest records into a temporary folder and compare bytes.

    Returns (problems, notes, what was checked). A problem is a file that is missing or
    was changed after the build, or a rebuild with other bytes. A note is an input, the
    code or LibreOffice that changed since the build: it explains a problem, and is
    harmless when every rebuild still gives the same bytes.
    """
    ids = list(dict.fromkeys(only)) if only else sorted(p.parent.name for p in out.glob(f"*/{manifest.MANIFEST}"))
    problems: list[str] = []
    notes: list[str] = []
    checked: list[str] = []
    if not ids:
        problems.append(f"{out}: geen {manifest.MANIFEST} gevonden; bouw eerst (make of make woo)")
    code, lo = manifest.code_version(), manifest.libreoffice_version()
    for dossier_id in ids:
        recorded = manifest.Manifest.load(out, dossier_id)
        if recorded is None:
            problems.append(f"{out / dossier_id / manifest.MANIFEST}: ontbreekt of is onleesbaar")
            continue
        for e, what in recorded.changed_files(out):
            problems.append(f"{out / dossier_id / e.path} {what}")
        current_inputs = manifest.dossier_inputs(content_dir, dossier_id)
        with tempfile.TemporaryDirectory(prefix="pipeline-verify-") as tmp:
            rebuilt_out = Path(tmp)
            for name, run in sorted(recorded.runs.items(), key=lambda item: _rebuild_order(out, dossier_id, item[0])):
                now = manifest.Run(code, lo, current_inputs, run.settings)
                notes += [f"{dossier_id} ({name}): {d}" for d in run.differences(now)]
                if name == "build":
                    build_signing(content_dir, rebuilt_out, [dossier_id], force=True)
                else:
                    build_public(content_dir, rebuilt_out, [dossier_id], force=True,
                                 base_url=run.settings.get("base_url"))
            rebuilt = manifest.Manifest.load(rebuilt_out, dossier_id)
            again = {e.path: e for e in rebuilt.files} if rebuilt else {}
            for e in sorted(recorded.files, key=lambda e: e.path):
                other = again.get(e.path)
                if other is None:
                    problems.append(f"{out / dossier_id / e.path}: de herbouw maakt dit bestand niet meer")
                elif other.sha256 != e.sha256:
                    problems.append(f"{out / dossier_id / e.path}: de herbouw geeft andere bytes "
                                    f"(manifest {e.sha256[:12]}…, herbouw {other.sha256[:12]}…)")
                else:
                    checked.append(f"{dossier_id}/{e.path}")
    return problems, notes, checked


def _rebuild_order(out: Path, dossier_id: str, name: str) -> int:
    """Rebuild in the order the runs happened where it shows: woo/manifest.json names the signed
    PDFs only when the signing build came first."""
    if name == "build":
        return 1
    try:
        public = json.loads((out / dossier_id / "woo" / manifest.MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return 2 if isinstance(public, dict) and "signed" in public else 0
