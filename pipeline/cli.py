"""Command line: `python -m pipeline build|check|woo`; the one place errors become exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from .errors import PipelineError

log = logging.getLogger("pipeline")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m pipeline",
                                 description="Nota's, Kamerbrieven en rapportages uit YAML-content, en hun Woo-versie.")
    ap.add_argument("-v", "--verbose", action="store_true", help="meer uitvoer")
    sub = ap.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, out: bool = True) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), help="contentmap (standaard: content/)")
        if out:
            p.add_argument("--out", type=Path, default=Path("build"), help="uitvoermap (standaard: build/)")
        p.add_argument("dossiers", nargs="*", metavar="DOSSIER", help="alleen deze dossiers (standaard: alle)")

    common(sub.add_parser("build", help="bouw de stukken voor de parafenroute (DOCX, PDF, parafeerbundel)"))
    common(sub.add_parser("check", help="controleer alleen de content; schrijf niets"), out=False)
    common(sub.add_parser("woo", help="bouw de openbare Woo-versie en het lakvoorstel"))
    return ap


def _print_warnings(warnings: list) -> None:  # type: ignore[type-arg]
    for w in warnings:
        print(f"waarschuwing: {w}", file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    started = time.monotonic()
    from . import build  # imported late so `--help` stays fast

    if args.command == "check":
        warnings: list = []  # type: ignore[type-arg]
        plans = build.prepare(args.content, args.dossiers, warnings)
        _print_warnings(warnings)
        for plan in plans:
            print(f"{plan.dossier.id}: in orde ({', '.join(plan.docs)})")
        return 0
    recipe = build.build_signing if args.command == "build" else build.build_public
    report = recipe(args.content, args.out, args.dossiers)
    _print_warnings(report.warnings)
    for note in report.notes:
        print(note)
    for path in report.written:
        print(f"geschreven: {path}")
    print(f"klaar in {time.monotonic() - started:.1f} s: {len(report.written)} bestanden.")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except PipelineError as exc:
        print(exc.render(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("afgebroken; eerdere uitvoer is ongewijzigd.", file=sys.stderr)
        return 130
