"""The build recipes: signing documents (`build`) and the public Woo version (`woo`)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path

from redaction import apply as redaction
from redaction import publish

from . import libreoffice, pdf
from .content import Content, Dossier, load_content
from .documents import add_woo_section, build_documents
from .errors import ContentError, Diagnostic
from .model import Document
from .outputs import Staging
from .render import PUBLIC, REVIEW, SIGNING, Meta, render_docx

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
DOC_LABEL = {"nota": "Nota", "kamerbrief": "Kamerbrief", "rapportage": "Rapportage"}


@dataclass
class Plan:
    """One dossier, validated and modelled, with its redaction decisions made."""

    content: Content
    dossier: Dossier
    docs: dict[str, Document]
    redaction: redaction.Result

    def meta(self, kind: str) -> Meta:
        org = self.content.organisaties[self.dossier.organisatie]
        doc = self.docs[kind]
        return Meta(title=doc.title, author=str(org.naam), subject=f"{DOC_LABEL[kind]} {self.dossier.kenmerk}",
                    date=self.dossier.datum)


@dataclass
class Report:
    """What a run did, for the CLI to print."""

    written: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def prepare(content_dir: Path, only: list[str] | None, warnings: list[Diagnostic]) -> list[Plan]:
    """Read, validate and model every dossier; report all problems of all dossiers together."""
    content = load_content(content_dir, only or None)
    plans, problems = [], []
    for dossier in content.dossiers:
        try:
            docs = build_documents(content, dossier, warnings)
        except ContentError as exc:
            problems += exc.diagnostics
            continue
        result = redaction.apply(content, dossier, docs)
        add_woo_section(docs["nota"], dossier, redaction.motivering(result, content, dossier))
        plans.append(Plan(content, dossier, docs, result))
    if problems:
        raise ContentError(problems)
    return plans


def render_all(plans: list[Plan], staging: Staging, mode: str, sub: str = "") -> dict[tuple[str, str], Path]:
    """Render every document to DOCX in staging and convert them all in one LibreOffice run."""
    docx: dict[tuple[str, str], Path] = {}
    for plan in plans:
        for kind, doc in plan.docs.items():
            path = staging.path(f"{mode}/{plan.dossier.id}__{kind}.docx")
            path.write_bytes(render_docx(TEMPLATES / f"{kind}.docx", doc, plan.meta(kind), mode))
            docx[(plan.dossier.id, kind)] = path
    if not docx:
        return {}
    outdir = staging.path(f"{mode}/pdf/.keep").parent
    pdfs = libreoffice.convert_to_pdf(list(docx.values()), outdir)
    by_stem = {p.stem: p for p in pdfs}
    result = {}
    for (dossier_id, kind), source in docx.items():
        target = by_stem[source.stem]
        plan = next(p for p in plans if p.dossier.id == dossier_id)
        meta = plan.meta(kind)
        pdf.finalize_pdf(target, title=meta.title, author=meta.author, subject=meta.subject,
                         creation_date=_noon(meta.date))
        result[(dossier_id, kind)] = target
    return result


def _noon(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12, 0), tzinfo=dt.UTC)


def build_signing(content_dir: Path, out: Path, only: list[str] | None = None) -> Report:
    """`make`: nota, Kamerbrief, rapportage (DOCX + PDF) and the parafeerbundel per dossier."""
    report = Report()
    plans = prepare(content_dir, only, report.warnings)
    with Staging(out, "build") as staging:
        pdfs = render_all(plans, staging, SIGNING)
        for plan in plans:
            d = plan.dossier
            target = out / d.id
            for kind in plan.docs:
                staging.keep(pdfs[(d.id, kind)], target / f"{kind}.pdf")
                staging.keep(staging.path(f"{SIGNING}/{d.id}__{kind}.docx"), target / f"{kind}.docx")
            parts = [(DOC_LABEL["nota"], pdfs[(d.id, "nota")])]
            parts += [(f"Bijlage {i}: {DOC_LABEL[b]}", pdfs[(d.id, b)]) for i, b in enumerate(d.bijlagen(), 1)]
            bundle = staging.path(f"{SIGNING}/{d.id}__parafeerbundel.pdf")
            meta = plan.meta("nota")
            pdf.bundle(parts, bundle, title=f"Parafeerbundel: {meta.title}", author=meta.author,
                       creation_date=_noon(d.datum))
            staging.keep(bundle, target / "parafeerbundel.pdf")
            if not d.route_complete:
                report.notes.append(f"{d.id}: de parafenroute is nog niet compleet.")
        report.written = staging.commit()
    return report


def build_public(content_dir: Path, out: Path, only: list[str] | None = None) -> Report:
    """`make woo`: lakvoorstel for review and, once the route is complete, the verified public version."""
    report = Report()
    plans = prepare(content_dir, only, report.warnings)
    publish.check_decisions(plans)  # stale passages, unregistered personal data: stop before rendering
    with Staging(out, "woo") as staging:
        review = render_all(plans, staging, REVIEW)
        complete = [p for p in plans if p.dossier.route_complete]
        public = render_all(complete, staging, PUBLIC)
        for plan in plans:
            publish.stage_review(plan, review, staging, out)
            if plan in complete:
                publish.stage_public(plan, public, staging, out)
            else:
                report.notes.append(f"{plan.dossier.id}: alleen een lakvoorstel; de route is niet compleet "
                                    "(parafen zonder datum of geen besluit), dus er is nog niets openbaar te maken.")
        publish.verify(complete, public, review, staging)  # the gate: raises, and nothing is committed
        report.written = staging.commit()
    return report
