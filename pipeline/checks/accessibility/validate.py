"""`make validate`: our own checks, the pdfua package and veraPDF over every PDF in build/."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from pipeline.checks.accessibility.checks import check_pdf
from pipeline.finish.tagged.structure import collapse

# --------------------------------------------------------------------------- validate (make validate)


HEADED_STEMS = frozenset({"nota", "rapportage", "parafeerbundel"})  # documents that must have headings
# veraPDF PDF/UA-1 rule 5-1 asks for the pdfuaid claim in the XMP. The pipeline does not claim
# PDF/UA (LibreOffice 7.4 cannot produce it without the repairs above and veraPDF's verdict),
# so that one rule is reported as a note, not as a failure.
VERAPDF_NOT_CLAIMED = {"ua1": frozenset({"5-1"})}


@dataclass
class VeraResult:
    """veraPDF's verdict per file for one flavour; None when veraPDF is not installed."""

    flavour: str
    failed: dict[Path, list[str]]   # file -> failed rules ("7.1-3 omschrijving")
    notes: list[str]
    error: str | None = None


REVIEW_FOLDER = "lakvoorstel"


def find_pdfs(paths: list[Path], *, review: bool = False) -> list[Path]:
    """The PDFs in the given files and folders, skipping hidden folders (staging, cache).

    review: also the lakvoorstel/ folders (internal review copies, never published).
    """
    found: list[Path] = []
    for path in paths:
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            for pdf in sorted(path.rglob("*.pdf")):
                parts = pdf.relative_to(path).parts
                if any(part.startswith(".") for part in parts) or (not review and REVIEW_FOLDER in parts[:-1]):
                    continue
                found.append(pdf)
    return found


def run_verapdf(pdfs: list[Path], flavour: str, exe: str | None = None) -> VeraResult | None:
    """`verapdf --flavour FLAVOUR --format xml` over all files; None when verapdf is not on PATH."""
    exe = exe or shutil.which("verapdf")
    if exe is None:
        return None
    try:
        proc = subprocess.run([exe, "--flavour", flavour, "--format", "xml", *map(str, pdfs)],
                              capture_output=True, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return VeraResult(flavour, {}, [], f"veraPDF kon niet draaien: {exc}")
    if proc.returncode not in (0, 1):
        tail = proc.stderr.decode("utf-8", "replace").strip()[-500:]
        return VeraResult(flavour, {}, [], f"veraPDF stopte met exitcode {proc.returncode}: {tail}")
    return parse_verapdf_report(proc.stdout, flavour, pdfs)


def parse_verapdf_report(xml: bytes, flavour: str, pdfs: list[Path]) -> VeraResult:
    """Read veraPDF's machine-readable report (report/jobs/job/{item/name, validationReport/details/rule})."""
    from lxml import etree

    try:
        root = etree.fromstring(xml)
    except etree.XMLSyntaxError as exc:
        return VeraResult(flavour, {}, [], f"het rapport van veraPDF is geen XML: {exc}")
    by_name = {str(p): p for p in pdfs} | {str(p.resolve()): p for p in pdfs}
    result = VeraResult(flavour, {}, [])
    jobs = list(root.iter("job"))
    if len(jobs) != len(pdfs):
        result.error = f"veraPDF meldde {len(jobs)} van de {len(pdfs)} bestanden"
    for job in jobs:
        name = (job.findtext("item/name") or "").strip()
        path = by_name.get(name, Path(name))
        report = job.find("validationReport")
        if report is None:
            result.failed[path] = ["geen validatierapport (kon veraPDF het bestand lezen?)"]
            continue
        ignored = VERAPDF_NOT_CLAIMED.get(flavour, frozenset())
        failed = []
        for rule in report.iter("rule"):
            if rule.get("status") != "failed":
                continue
            rule_id = f"{rule.get('clause')}-{rule.get('testNumber')}"
            text = collapse(rule.findtext("description") or "")
            if rule_id in ignored:
                result.notes.append(f"{path}: {rule_id} (niet geclaimd) {text}".rstrip())
                continue
            failed.append(f"{rule_id} ({rule.get('failedChecks', '?')}×) {text}".rstrip())
        if failed or (report.get("isCompliant") == "false" and not ignored):
            result.failed[path] = failed or ["niet conform volgens veraPDF"]
    return result


def pdfua_errors(path: Path) -> list[str] | None:
    """Error findings of the `pdfua` package (an independent, smaller rule set); None when not installed.

    Its warnings are left out: UA-28-004 (no PDF/UA claim) is expected, and its heading rule
    crashes on LibreOffice's /K arrays in pdfua 0.1.3 (reported as skipped, not as a finding).
    """
    try:
        from pdfua import Severity, validate
    except ImportError:
        return None
    report = validate(str(path))
    return [f"pdfua {f.rule_id}: {f.message}" for f in report.findings if f.severity == Severity.ERROR]


def validate(paths: list[Path], *, use_verapdf: bool = True, review: bool = False,
             out: TextIO | None = None) -> int:
    """Run every check on the PDFs below paths and print a report; 0 when all pass, 1 otherwise."""
    out = out or sys.stdout
    pdfs = find_pdfs(paths, review=review)
    if not pdfs:
        print(f"geen PDF's gevonden in {', '.join(map(str, paths))}; bouw eerst (make / make woo)", file=out)
        return 2
    failures = 0
    for pdf in pdfs:
        problems = check_pdf(pdf, require_headings=pdf.stem in HEADED_STEMS)
        problems += pdfua_errors(pdf) or []
        failures += bool(problems)
        print(f"{'FOUT' if problems else 'OK  '} {pdf}", file=out)
        for problem in problems:
            print(f"       - {problem}", file=out)
    if use_verapdf:
        for flavour in ("ua1", "2b"):
            result = run_verapdf(pdfs, flavour)
            if result is None:
                print("veraPDF staat niet op PATH: alleen de eigen controles zijn gedaan "
                      "(installeer veraPDF voor PDF/UA-1 en PDF/A-2b volgens de referentie)", file=out)
                break
            if result.error:
                failures += 1
                print(f"veraPDF {flavour}: {result.error}", file=out)
            for pdf, rules in result.failed.items():
                failures += 1
                print(f"FOUT veraPDF {flavour} {pdf}", file=out)
                for rule in rules:
                    print(f"       - {rule}", file=out)
            for note in result.notes:
                print(f"noot veraPDF {flavour}: {note}", file=out)
            if not result.failed and not result.error:
                print(f"OK   veraPDF {flavour}: alle {len(pdfs)} bestanden", file=out)
    print(f"{len(pdfs)} PDF('s) gecontroleerd, {failures} met problemen", file=out)
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m pipeline.checks.accessibility",
                                 description="Toegankelijkheidscontroles (getagde PDF, PDF/UA-1) op de gebouwde PDF's.")
    ap.add_argument("paths", nargs="*", type=Path, default=[Path("build")],
                    help="PDF's of mappen (standaard: build/)")
    ap.add_argument("--zonder-verapdf", action="store_true", help="veraPDF niet draaien, ook als het er is")
    ap.add_argument("--met-lakvoorstel", action="store_true",
                    help="ook de lakvoorstellen controleren (intern, nooit openbaar; standaard overgeslagen)")
    ap.add_argument("--json", action="store_true", help="alleen de eigen controles, als JSON {pad: [problemen]}")
    args = ap.parse_args(argv)
    if args.json:
        pdfs = find_pdfs(args.paths, review=args.met_lakvoorstel)
        report = {str(p): check_pdf(p, require_headings=p.stem in HEADED_STEMS) for p in pdfs}
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 1 if any(report.values()) else 0
    return validate(args.paths, use_verapdf=not args.zonder_verapdf, review=args.met_lakvoorstel)

