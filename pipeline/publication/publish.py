"""Stage the public version and the lakvoorstel, and run the gate before anything is committed."""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from pipeline.checks import gate
from pipeline.errors import ContentError, VerificationError
from pipeline.model.document import Span
from pipeline.publication import records as publication
from pipeline.render.docx import REVIEW_MARKER
from redaction.apply import person_data, walk
from redaction.matchers import name_forms

if TYPE_CHECKING:
    from pipeline.plan import Plan
    from pipeline.staging import Staging

INVENTORY_COLUMNS = ["ID", "Document", "Datum", "Beoordeling", "Beoordelingsgrond", "Toelichting"]
LOG_COLUMNS = ["document", "sectie", "grond", "categorie", "tekst", "bron"]


def check_decisions(plans: list[Plan]) -> None:
    """Stale lakken entries and unregistered personal data stop the public build before rendering."""
    problems = []
    for plan in plans:
        problems += plan.redaction.errors + plan.redaction.findings
    if problems:
        raise ContentError(problems)


def release_missing(plan: Plan) -> str:
    """Why the public version may not be written yet under `vrijgave_verplicht` ('' when it may)."""
    d = plan.dossier
    org = plan.content.organisaties.get(d.organisatie)
    if org is None or not org.vrijgave_verplicht:
        return ""
    release = d.woo.vrijgave if d.woo else None
    if release is None:
        return (f"{org.naam} vereist een vrijgave (vrijgave_verplicht in organisaties.yaml) en woo.yaml heeft er "
                "geen; geef de openbare versie vrij in `python -m pipeline review`, of schrijf "
                "vrijgave: {door: ..., op: ...} in woo.yaml")
    later = [m for m in (d.woo.besluit_momenten if d.woo else []) if m > release.op]
    if later:
        return (f"de vrijgave van {release.op:%d-%m-%Y %H:%M} door {release.door} is ouder dan "
                f"{len(later)} besluit(en) in woo.yaml; geef de openbare versie opnieuw vrij")
    return ""


def _csv(rows: list[list[str]], header: list[str]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")  # BOM: Excel on a ministry laptop opens it as UTF-8


def stage_review(plan: Plan, pdfs: dict[tuple[str, str], Path], staging: Staging, out: Path) -> None:
    d = plan.dossier
    target = out / d.id / "lakvoorstel"
    for kind in plan.docs:
        path = pdfs[(d.id, kind)]
        _mark_review(path)
        staging.keep(path, target / f"{kind}.pdf")
    rows = [[e.document, e.section, e.ground, e.category, e.text, str(e.loc)] for e in plan.redaction.log]
    log_path = staging.path(f"review/{d.id}__lakverslag.csv")
    log_path.write_bytes(_csv(rows, LOG_COLUMNS))
    staging.keep(log_path, target / "lakverslag.csv")


def _mark_review(path: Path) -> None:
    """A marker in the metadata, so no tool can mistake a lakvoorstel for a public file."""
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = f"LAKVOORSTEL – NIET OPENBAAR: {meta.get('dc:title', '')}"
            meta["pdf:Keywords"] = REVIEW_MARKER
        doc.save(path, deterministic_id=True)


def stage_public(plan: Plan, pdfs: dict[tuple[str, str], Path], staging: Staging, out: Path,
                 base_url: str) -> list[Path]:
    """Stage the public PDFs, the inventarislijst and the DiWoo sitemap; return the staged non-PDF files."""
    d = plan.dossier
    target = out / d.id / "woo"
    rows = []
    for index, kind in enumerate(plan.docs):
        staging.keep(pdfs[(d.id, kind)], target / f"{kind}.pdf")
        entries = [e for e in plan.redaction.log if e.document == kind]
        grounds = sorted({e.ground for e in entries})
        beoordeling = "Deels openbaar" if entries else "Openbaar"
        toelichting = "; ".join(sorted({e.toelichting for e in entries if e.toelichting}))
        rows.append([f"{d.kenmerk}-{index}" if index else str(d.kenmerk), plan.docs[kind].title,
                     d.datum.isoformat(), beoordeling, "".join(f"{g}; " for g in grounds).strip(), toelichting])
    inv = staging.path(f"public/{d.id}__inventarislijst.csv")
    inv.write_bytes(_csv(rows, INVENTORY_COLUMNS))
    staging.keep(inv, target / "inventarislijst.csv")
    sitemap = staging.path(f"public/{d.id}__{publication.SITEMAP_NAME}")
    sitemap.write_bytes(publication.sitemap(plan, base_url))
    staging.keep(sitemap, target / publication.SITEMAP_NAME)
    return [inv, sitemap]


def forbidden_for(plan: Plan) -> list[gate.Forbidden]:
    """What must not be in any public file of this dossier: every redacted original and person's data."""
    out = {gate.Forbidden(e.text, "gelakte tekst", True) for e in plan.redaction.log if e.text.strip()}
    for pid in {e.person_id for e in plan.redaction.log if e.person_id}:
        person = plan.content.personen[pid]
        data = person_data(person)
        for form in name_forms(data):
            out.add(gate.Forbidden(form, "naam", True))
        if data.email:
            out.add(gate.Forbidden(data.email, "e-mailadres", False))
        if data.telefoon:
            out.add(gate.Forbidden(data.telefoon, "telefoonnummer", True))
        if data.paraaf:
            out.add(gate.Forbidden(data.paraaf, "paraaf", True))
    return sorted(out, key=lambda f: (f.what, f.text))


def verify(plans: list[Plan], public: dict[tuple[str, str], Path], others: dict[str, list[Path]]) -> None:
    """The gate: any leak, missing politician, review marker or extra revision stops the build.

    others: per dossier the public files that are not PDFs (inventarislijst, sitemap, manifest).
    """
    problems: list[str] = []
    checks = []
    for plan in plans:
        forbidden = forbidden_for(plan)
        for kind in plan.docs:
            checks.append((plan.dossier.id, public[(plan.dossier.id, kind)], forbidden, _kept_in(plan, kind)))
        for path in others.get(plan.dossier.id, []):
            problems += [f"{plan.dossier.id}/{p}" for p in gate.check_text(path, forbidden)]
    # Reading a PDF back twice (pdftotext, pypdf) is the gate's cost: spread it over the cores.
    workers = min(len(checks), os.cpu_count() or 1)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            found = pool.map(_check_one, checks)
            problems += [p for batch in found for p in batch]
    else:
        problems += [p for check in checks for p in _check_one(check)]
    if problems:
        raise VerificationError(
            "De controle van de openbare versie is mislukt; er is niets naar woo/ geschreven:\n  - "
            + "\n  - ".join(problems))


def _check_one(check: tuple[str, Path, list[gate.Forbidden], list[str]]) -> list[str]:
    dossier_id, path, forbidden, required = check
    return [f"{dossier_id}/{p}" for p in gate.check_pdf(path, forbidden, required)]


def _kept_in(plan: Plan, kind: str) -> list[str]:
    """Politicians' names that the signing text of this document contains and must stay visible."""
    names = set()
    for _section, text in walk(plan.docs[kind]):
        joined = "".join(s.text for s in text if isinstance(s, Span) and s.redaction is None)
        names.update(k for k in plan.redaction.kept if k in joined)
    return sorted(names)
