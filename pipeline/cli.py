"""Command line: `python -m pipeline build|check|woo|review`; the one place errors become exit codes."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from pipeline.errors import PipelineError, VerificationError

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
        p.add_argument("--dossier", dest="dossier_opt", action="append", default=[], metavar="DOSSIER",
                       help="alleen dit dossier (mag vaker; hetzelfde als DOSSIER)")

    build = sub.add_parser("build", help="bouw de stukken voor de parafenroute (DOCX, PDF, parafeerbundel)")
    common(build)
    build.add_argument("--opnieuw", "--force", dest="force", action="store_true",
                       help="bouw alles opnieuw, ook wat niet gewijzigd is")
    common(sub.add_parser("check", help="controleer alleen de content; schrijf niets"), out=False)
    woo = sub.add_parser("woo", help="bouw de openbare Woo-versie en het lakvoorstel")
    common(woo)
    woo.add_argument("--opnieuw", "--force", dest="force", action="store_true",
                     help="bouw alles opnieuw, ook wat niet gewijzigd is")
    woo.add_argument("--base-url", help="URL waaronder woo/ gepubliceerd wordt, voor de DiWoo-metadata "
                                        "(standaard: $PIPELINE_BASE_URL of https://open.overheid.nl/documenten)")
    common(sub.add_parser("verify", help="bouw opnieuw in een tijdelijke map en vergelijk met manifest.json"))
    review = sub.add_parser("review", help="open de Woo-beoordeling in de browser (alleen op deze computer)")
    common(review)
    review.add_argument("--port", type=int, default=8765, help="poort op 127.0.0.1 (standaard: 8765, of een vrije)")
    review.add_argument("--geen-browser", dest="browser", action="store_false", help="open geen browser")
    review.add_argument("--door", help="naam van de beoordelaar in de besluiten (standaard: de gebruikersnaam)")
    ctl = sub.add_parser("controleer", help="controleer bestanden (PDF, CSV, XML, DOCX) op de gelakte personen "
                                            "van een dossier; exitcode 6 als er iets in staat")
    ctl.add_argument("--content", type=Path, default=Path("content"), help="contentmap (standaard: content/)")
    ctl.add_argument("dossier", metavar="DOSSIER", help="het dossier waarvan de gelakte personen gelden")
    ctl.add_argument("files", nargs="+", type=Path, metavar="FILE", help="de te controleren bestanden")
    nieuw = sub.add_parser("nieuw", help="maak een nieuw dossier: een volledig skelet met uitleg bij elk veld")
    nieuw.add_argument("--content", type=Path, default=Path("content"), help="contentmap (standaard: content/)")
    nieuw.add_argument("dossier", metavar="DOSSIER", help="de naam van de nieuwe dossiermap, bijvoorbeeld motie-12-bzk")
    watch = sub.add_parser("watch", help="bouw de stukken van een dossier opnieuw bij elke opgeslagen wijziging")
    common(watch)
    lo = sub.add_parser("lo", help="de warme LibreOffice: status of stop")
    lo.add_argument("action", choices=["status", "start", "stop"])
    return ap


def _print_warnings(warnings: list) -> None:  # type: ignore[type-arg]
    for w in warnings:
        print(f"waarschuwing: {w}", file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if hasattr(args, "dossier_opt"):
        args.dossiers = [*args.dossiers, *args.dossier_opt]
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    started = time.monotonic()
    if args.command == "lo":
        return _lo(args.action)
    if args.command == "review":
        from pipeline.review import serve

        serve(args.content, args.out, port=args.port, open_browser=args.browser, door=args.door)
        return 0
    if args.command == "controleer":
        return _controleer(args.content, args.dossier, args.files)
    if args.command == "nieuw":
        from pipeline.content.skeleton import write_skeleton

        for path in write_skeleton(args.content, args.dossier):
            print(f"geschreven: {path}")
        print(f"vul de velden in en controleer met: make check (of python -m pipeline check {args.dossier})")
        return 0
    if args.command == "watch":
        from pipeline.watch import watch

        return watch(args.content, args.out, args.dossiers)
    if args.command in ("build", "woo") and not args.force and _nothing_to_do(args, started):
        return 0
    from pipeline import build
    from pipeline.convert import libreoffice
    from pipeline.progress import Progress

    if args.command == "check":
        warnings: list = []  # type: ignore[type-arg]
        plans = build.prepare(args.content, args.dossiers, warnings)
        _print_warnings(warnings)
        for plan in plans:
            # findings stop `woo`, not `check`: the adviser sees them while writing (exit 0)
            _print_warnings(plan.redaction.findings)
            open_ = len(plan.redaction.findings)
            todo = f"; {open_} open Woo-besluit{'en' if open_ != 1 else ''} (zie de waarschuwingen)" if open_ else ""
            print(f"{plan.dossier.id}: in orde ({', '.join(plan.docs)}){todo}")
        return 0
    if args.command == "verify":
        problems, notes, checked = build.verify(args.content, args.out, args.dossiers)
        for note in notes:
            print(f"let op: {note}")
        if problems:
            raise VerificationError("verify vond verschillen met het manifest:\n  - " + "\n  - ".join(problems))
        print(f"in orde: {len(checked)} bestanden zijn byte voor byte gelijk aan hun herbouw "
              f"({time.monotonic() - started:.1f} s).")
        return 0
    progress = Progress()
    try:
        if args.command == "build":
            report = build.build_signing(args.content, args.out, args.dossiers, force=args.force, progress=progress)
        else:
            report = build.build_public(args.content, args.out, args.dossiers, force=args.force,
                                        base_url=args.base_url, progress=progress)
    finally:
        progress.close()
    if report.start_server:
        libreoffice.start_server_detached()  # the next run, after the user's next edit, is warm
    _print_warnings(report.warnings)
    for note in report.notes:
        print(note)
    for path in report.written:
        print(f"geschreven: {path}")
    if report.unchanged:
        print(f"ongewijzigd, niet opnieuw gebouwd: {', '.join(report.unchanged)}")
    print(f"klaar in {time.monotonic() - started:.1f} s: {len(report.written)} bestanden.")
    if report.failed:
        from pipeline.content.load import dossier_of

        broken = sorted({dossier_of(d, args.content) or "?" for d in report.failed})
        for d in report.failed:
            print(d, file=sys.stderr)
        n = len(report.failed)
        print(f"{n} fout{'en' if n != 1 else ''} gevonden; niet gebouwd: {', '.join(broken)} "
              "(de andere dossiers wel).", file=sys.stderr)
        return 2
    return 0


def _nothing_to_do(args: argparse.Namespace, started: float) -> bool:
    """The no-op check on hashes alone, before the heavy imports: True when every dossier is up to date."""
    from pipeline.publication import manifest

    settings = None
    if args.command == "woo":
        from pipeline.publication.records import base_url

        settings = {"base_url": base_url(args.base_url)}
    todo, runs, unchanged = manifest.stale_dossiers(args.content, args.out, args.dossiers, args.command,
                                                    force=False, lo=manifest.libreoffice_version(), settings=settings)
    if todo or not runs:
        from pipeline.convert import libreoffice

        # Decided now, before the heavy imports: LibreOffice boots while Python imports and renders.
        libreoffice.choose_for_run((3 if args.command == "build" else 6) * len(todo))
        return False
    print(f"ongewijzigd, niet opnieuw gebouwd: {', '.join(unchanged)}")
    print(f"klaar in {time.monotonic() - started:.1f} s: 0 bestanden.")
    return True


def _controleer(content: Path, dossier: str, files: list[Path]) -> int:
    from pipeline import build
    from pipeline.errors import Diagnostic
    from pipeline.publication import publish

    warnings: list[Diagnostic] = []
    plans = build.prepare(content, [dossier], warnings)
    problems = publish.check_files(plans[0], files)
    if problems:
        raise VerificationError(f"controleer vond persoonsgegevens die in {dossier} gelakt worden:\n  - "
                                + "\n  - ".join(problems))
    print(f"in orde: {len(files)} bestand(en) bevatten geen gegevens van de gelakte personen van {dossier}.")
    return 0


def _lo(action: str) -> int:
    from pipeline.convert import libreoffice

    status = libreoffice.server_status()
    if action == "start":
        ok = libreoffice.uses_server()
        print("warme LibreOffice actief" if ok else "geen warme LibreOffice mogelijk (python3-uno ontbreekt?)")
        return 0 if ok else 1
    if action == "status":
        if not status:
            print("geen warme LibreOffice actief")
        else:
            print("warme LibreOffice actief: " + ", ".join(f"{k}={v}" for k, v in status.items()))
        return 0
    stopped = libreoffice.stop_server()
    print("warme LibreOffice gestopt" if stopped else "geen warme LibreOffice actief")
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
