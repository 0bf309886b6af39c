"""`make watch`: rebuild a dossier's signing documents on every save, in one long-running process."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import ContentError, Diagnostic, Loc, PipelineError

REGISTERS = ("personen.yaml", "organisaties.yaml")


def _is_content(change: object, path: str) -> bool:
    """Only saved YAML files count; editors' swap and backup files do not."""
    name = Path(path).name
    return name.endswith(".yaml") and not name.startswith((".", "#")) and not name.endswith("~")


def changed_dossiers(paths: Iterable[str], content: Path, only: list[str]) -> list[str] | None:
    """The dossiers a batch of saved files touches; None means all of them (a register changed)."""
    root = content.resolve()
    ids: set[str] = set()
    for p in paths:
        try:
            rel = Path(p).resolve().relative_to(root)
        except ValueError:
            continue
        if len(rel.parts) == 1 and rel.name in REGISTERS:
            return only or None
        if len(rel.parts) == 2:
            ids.add(rel.parts[0])
    if only:
        ids &= set(only)
    return sorted(ids)


def rebuild(content: Path, out: Path, only: list[str] | None) -> bool:
    """One signing build, printed as the CLI prints it; content errors are printed, never raised.

    True when a warm LibreOffice should be started for the rebuilds after it.
    """
    from pipeline import build

    started = time.monotonic()
    stamp = time.strftime("%H:%M:%S")
    try:
        report = build.build_signing(content, out, only or None)
    except ContentError as exc:
        print(f"[{stamp}] " + exc.render().replace("er is niets geschreven", "niets opnieuw geschreven"),
              file=sys.stderr, flush=True)
        return False
    except PipelineError as exc:
        print(f"[{stamp}] {exc.render()}", file=sys.stderr, flush=True)
        return False
    for w in report.warnings:
        print(f"waarschuwing: {w}", file=sys.stderr)
    for d in report.failed:
        print(d, file=sys.stderr)
    for path in report.written:
        print(f"geschreven: {path}")
    if report.unchanged:
        print(f"ongewijzigd, de PDF's zijn al van deze inhoud: {', '.join(report.unchanged)}")
    print(f"[{stamp}] klaar in {time.monotonic() - started:.1f} s: {len(report.written)} bestanden.", flush=True)
    return report.start_server


def watch(content: Path, out: Path, only: list[str]) -> int:
    """Build once, then after every save of a content file rebuild the dossiers it touches."""
    from watchfiles import watch as watch_files

    if not content.is_dir():
        raise ContentError([Diagnostic(Loc(str(content)), "de contentmap bestaat niet",
                                       "geef een bestaande map op met --content")])
    if rebuild(content, out, only):
        from pipeline.convert import libreoffice

        libreoffice.start_server_detached()  # every rebuild after this one converts in a warm LibreOffice
    print(f"ik kijk naar {content}/ (stoppen met Ctrl-C); de PDF's staan in {out}/", flush=True)
    try:
        # step: a batch of changes is handed over once no new change came for 10 ms (a save is one
        # write or one rename; 20 ms cost 35 ms from the save to the rebuild's start, 10 ms about 15)
        for changes in watch_files(content, watch_filter=_is_content, debounce=150, step=10,
                                   raise_interrupt=False):
            ids = changed_dossiers((p for _, p in changes), content, only)
            if ids == []:
                continue
            rebuild(content, out, ids)
    except KeyboardInterrupt:
        pass
    print("gestopt.")
    return 0
