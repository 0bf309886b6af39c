"""Command line: `python -m pipeline build|check|woo|review`; the one place errors become exit codes."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from typing import NoReturn

from pipeline import runlog
from pipeline.errors import EXIT_CODES, Diagnostic, MismatchError, PipelineError, VerificationError
from pipeline.staging import output_lock

log = logging.getLogger(runlog.RUN_LOGGER)
USAGE_ERROR = 64


def exit_code_table() -> str:
    return "exitcodes:\n" + "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """Wrong use of the command line exits 64, so that 2 keeps meaning "errors in the content"."""
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"{self.prog}: fout: {message}\n")


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m pipeline", formatter_class=argparse.RawDescriptionHelpFormatter,
                 description="Nota's, Kamerbrieven en rapportages uit YAML-content, en hun Woo-versie.",
                 epilog=exit_code_table())
    ap.add_argument("-v", "--verbose", action="store_true", help="meer uitvoer")
    sub = ap.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(p: argparse.ArgumentParser, out: bool = True) -> None:
        p.add_argument("--content", type=Path, default=Path("content"), help="contentmap (standaard: content/)")
        if out:
            p.add_argument("--out", type=Path, default=Path("build"), help="uitvoermap (standaard: build/)")
            p.add_argument("--log", type=Path, metavar="BESTAND",
                           help="schrijf de log van deze run hierheen (standaard: OUT/.log/<tijd>-<opdracht>.log)")
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
    lo = sub.add_parser("lo", help="de warme LibreOffice: status, start of stop")
    lo.add_argument("action", choices=["status", "start", "stop"])
    lo.add_argument("--json", action="store_true", help="status als JSON (voor scripts en monitoring)")
    return ap


def _print_warnings(warnings: list[Diagnostic]) -> None:
    for w in warnings:
        print(f"waarschuwing: {w}", file=sys.stderr)


def run(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if hasattr(args, "dossier_opt"):
        args.dossiers = [*args.dossiers, *args.dossier_opt]
    runlog.console(args.verbose)
    if args.command == "lo":
        return _lo(args.action, args.json)
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

        return watch(args.content, args.out, args.dossiers)  # each rebuild takes the output lock itself
    if args.command == "check":
        return _run(args)
    # build, woo and verify read and write OUT's manifests: one run at a time per output folder.
    with output_lock(args.out, args.command):
        log_path = runlog.open_log(args.out, args.command, args.log)
        runlog.header(sys.argv[1:] if argv is None else argv)
        try:
            code = _run(args)
        except PipelineError as exc:
            log.error("mislukt met exitcode %d (%s):\n%s", exc.exit_code, EXIT_CODES[exc.exit_code], exc.render())
            _point_to(log_path)
            raise
        except KeyboardInterrupt:
            log.error("afgebroken (Ctrl-C)")
            raise
        except Exception:
            log.error("onverwachte fout (exitcode 1):\n%s", traceback.format_exc())
            _point_to(log_path)
            raise
        else:
            log.info("klaar, exitcode %d", code)
        finally:
            runlog.close()
    return code


_failed_log: list[Path] = []  # the log of a failed run, named after its error message


def _point_to(path: Path | None) -> None:
    if path is not None:
        _failed_log.append(path)


def _run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    if args.command in ("build", "woo") and not args.force and _nothing_to_do(args, started):
        return 0
    from pipeline import build
    from pipeline.convert import libreoffice
    from pipeline.progress import Progress
    from pipeline.render import fonts

    if args.command != "check":
        fonts.check_fonts(sorted(build.TEMPLATES.glob("*.docx")))  # before anything is built: no substitutes
        from pipeline.publication import manifest

        log.info("LibreOffice: %s (%s=%s)", manifest.libreoffice_version(), libreoffice.MODE_VAR,
                 os.environ.get(libreoffice.MODE_VAR, "auto"))

    if args.command == "check":
        warnings: list[Diagnostic] = []
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
        from pipeline.verify import verify

        problems, notes, checked = verify(args.content, args.out, args.dossiers)
        for note in notes:
            print(f"let op: {note}")
        if problems:
            raise MismatchError("verify vond verschillen met het manifest:\n  - " + "\n  - ".join(problems))
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
    for w in report.warnings:
        log.warning("waarschuwing: %s", w)
    for note in report.notes:
        print(note)
        log.info("%s", note)
    for path in report.written:
        print(f"geschreven: {path}")
    if report.unchanged:
        print(f"ongewijzigd, niet opnieuw gebouwd: {', '.join(report.unchanged)}")
        log.info("ongewijzigd, niet opnieuw gebouwd: %s", ", ".join(report.unchanged))
    print(f"klaar in {time.monotonic() - started:.1f} s: {len(report.written)} bestanden.")
    log.info("%d bestanden geschreven in %.1f s", len(report.written), time.monotonic() - started)
    if report.failed:
        from pipeline.content.load import dossier_of

        broken = sorted({dossier_of(d, args.content) or "?" for d in report.failed})
        for d in report.failed:
            print(d, file=sys.stderr)
            log.error("niet gebouwd: %s", d)
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
    log.info("niets te doen; ongewijzigd: %s", ", ".join(unchanged))
    return True


def _controleer(content: Path, dossier: str, files: list[Path]) -> int:
    from pipeline import build
    from pipeline.publication import publish

    warnings: list[Diagnostic] = []
    plans = build.prepare(content, [dossier], warnings)
    problems = publish.check_files(plans[0], files)
    if problems:
        raise VerificationError(f"controleer vond persoonsgegevens die in {dossier} gelakt worden:\n  - "
                                + "\n  - ".join(problems))
    print(f"in orde: {len(files)} bestand(en) bevatten geen gegevens van de gelakte personen van {dossier}.")
    return 0


def _lo(action: str, as_json: bool = False) -> int:
    from pipeline.convert import libreoffice

    if action == "start":
        ok = libreoffice.uses_server()
        print("warme LibreOffice actief" if ok else "geen warme LibreOffice mogelijk (python3-uno ontbreekt?)")
        return 0 if ok else 3
    if action == "status":
        status = libreoffice.server_status()
        if as_json:
            print(json.dumps({"running": status is not None, **(status or {})}, indent=2, sort_keys=True))
        else:
            print(libreoffice.describe_status(status))
        return 0
    stopped = libreoffice.stop_server()
    print("warme LibreOffice gestopt" if stopped else "geen warme LibreOffice actief")
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(argv)
    except PipelineError as exc:
        print(exc.render(), file=sys.stderr)
        for path in _failed_log:
            print(f"log van deze run: {path}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("afgebroken; eerdere uitvoer is ongewijzigd.", file=sys.stderr)
        return 130
    except Exception:
        for path in _failed_log:
            print(f"log van deze run: {path}", file=sys.stderr)
        raise
