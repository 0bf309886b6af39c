"""The build recipes: signing documents (`build`) and the public Woo version (`woo`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.content.load import Content, Dossier, dossier_of
from pipeline.convert import libreoffice
from pipeline.errors import ContentError, Diagnostic
from pipeline.finish import pdf, repair
from pipeline.kinds import add_woo_section, build_documents, read_all
from pipeline.kinds import kind as document_kind
from pipeline.model.document import Document
from pipeline.plan import Plan, content_kept
from pipeline.progress import Progress
from pipeline.publication import manifest
from pipeline.render import fonts
from pipeline.render.docx import PUBLIC, REVIEW, SIGNING, Meta, render_docx
from pipeline.staging import Staging
from redaction import apply as redaction

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@dataclass
class Report:
    """What a run did, for the CLI to print."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # dossiers that were up to date
    warnings: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    start_server: bool = False  # start a warm LibreOffice for the next run once this one is done
    failed: list[Diagnostic] = field(default_factory=list)  # problems of dossiers that were not built


def prepare(content_dir: Path, only: list[str] | None, warnings: list[Diagnostic]) -> list[Plan]:
    """Read, validate and model every dossier; report all problems of all dossiers together."""
    content, problems = read_all(content_dir, only or None)
    plans = list(iter_plans(content, warnings, problems))
    if problems:
        raise ContentError(problems)
    return plans


def iter_plans(content: Content, warnings: list[Diagnostic], problems: list[Diagnostic],
               findings: bool = True) -> Iterator[Plan]:
    """Model the dossiers one by one; a dossier's content errors go to problems and it is skipped.

    findings=False (the signing build): without the scan for unregistered data (only `check`, `woo`)."""
    for dossier in content.dossiers:
        try:
            docs = build_documents(content, dossier, warnings)
        except ContentError as exc:
            problems += exc.diagnostics
            continue
        yield redact_plan(content, dossier, docs, findings)


def redact_plan(content: Content, dossier: Dossier, docs: dict[str, Document], findings: bool = True) -> Plan:
    """Decide the redactions on freshly built documents (marked in place) and add the nota's Woo section."""
    result = redaction.apply(content, dossier, docs, findings=findings)
    add_woo_section(docs["nota"], dossier, redaction.motivering(result, content, dossier))
    return Plan(content, dossier, docs, result)


Finished = Callable[[tuple[str, str], Path], None]


@dataclass
class Converting:
    """Conversions of several render_all calls: pool, futures (the caller awaits), warm LibreOffice or not."""

    pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=4, thread_name_prefix="convert"))
    futures: list[Future[None]] = field(default_factory=list)
    streaming: bool | None = None


@dataclass
class _Job:
    plan: Plan
    kind: str
    docx: Path
    target: Path
    key: str
    meta: Meta
    on_final: Finished | None = None


def render_all(plans: Iterable[Plan], staging: Staging, mode: str, cache: manifest.PdfCache,
               progress: Progress | None = None, finished: Finished | None = None, defer: list[_Job] | None = None,
               plan_done: Callable[[Plan, dict[str, Path]], None] | None = None,
               converting: Converting | None = None,
               release: bool = False) -> tuple[list[Plan], dict[tuple[str, str], tuple[Path, str]]]:
    """Render every document to DOCX in staging; convert only those whose PDF is not in the cache.

    Returns the plans and (staged PDF, build key) per (dossier, kind). A DOCX that renders
    to the same bytes as before (same content, template and code) reuses its earlier PDF.
    With the warm LibreOffice, each document goes to it as soon as it is rendered, and is
    finished (metadata, repair) as soon as it comes back, so LibreOffice converts while we
    render the next document and finish the previous one.
    finished((dossier, kind), pdf) is called, from the conversion threads, as each PDF is final
    (finished, or from the cache): the woo build starts its gate there. plan_done(plan, {kind: pdf})
    likewise once all of a dossier's PDFs are final: the signing build makes its parafeerbundel
    there, while LibreOffice converts the next dossier. With defer, the jobs for a cold batch are
    left in it, for one batch with another mode's (_convert). With converting, the warm
    LibreOffice's conversions run in its pool and their futures go to its list, not awaited
    here: the woo build renders the next dossier while this one converts.
    release: drop each plan's document models once its DOCX are rendered (Plan.release).
    """
    code, lo = manifest.code_version(), manifest.libreoffice_version()
    rendered = manifest.DocxCache(staging.out)
    staged: dict[tuple[str, str], tuple[Path, str]] = {}
    done_plans: list[Plan] = []
    outdir = staging.path(f"{mode}/pdf/.keep").parent
    waiting: list[_Job] = [] if defer is None else defer
    shared = converting or Converting()  # .streaming decided at the first conversion: a warm LibreOffice?
    pool, futures = shared.pool, shared.futures
    lock = threading.Lock()
    try:
        for plan in plans:
            done_plans.append(plan)
            pending, targets = [len(plan.docs)], dict[str, Path]()  # documents not final yet; their PDFs

            def final(key: tuple[str, str], path: Path, plan: Plan = plan, pending: list[int] = pending,
                      targets: dict[str, Path] = targets) -> None:
                if finished:
                    finished(key, path)
                if plan_done:
                    with lock:
                        pending[0] -= 1
                        last = pending[0] == 0
                    if last:
                        plan_done(plan, targets)

            on_final = final if finished or plan_done else None
            for kind, doc in plan.docs.items():
                path = staging.path(f"{mode}/{plan.dossier.id}__{kind}.docx")
                meta = plan.meta(kind, mode)
                template = TEMPLATES / f"{kind}.docx"
                rkey = manifest.render_key(template, doc, meta, mode, code)
                data = rendered.get(plan.dossier.id, mode, kind, rkey)
                if data is None:  # the model changed (or no earlier run): render it
                    data = render_docx(template, doc, meta, mode)
                    rendered.put(plan.dossier.id, mode, kind, rkey, data)
                path.write_bytes(data)
                key = manifest.build_key(data, mode, _meta_json(meta), code, lo)
                target = targets[kind] = outdir / f"{path.stem}.pdf"
                hit = cache.get(key)
                if progress:
                    progress.add(0 if hit else 1, 1 if hit else 0)
                if hit:
                    shutil.copyfile(hit, target)
                    if on_final:
                        on_final((plan.dossier.id, kind), target)
                else:
                    job = _Job(plan, kind, path, target, key, meta, on_final)
                    if shared.streaming is None:
                        shared.streaming = libreoffice.uses_server()
                    if shared.streaming:
                        futures.append(pool.submit(_convert, [job], outdir, cache, progress))
                    else:
                        waiting.append(job)
                staged[(plan.dossier.id, kind)] = (target, key)
            if release:
                plan.release((mode,))
        if waiting and defer is None:
            _convert(waiting, outdir, cache, progress)  # one cold LibreOffice batch for all of them
        if converting is None:
            for future in futures:
                future.result()  # a ConversionError surfaces here
    finally:
        if converting is None:
            pool.shutdown(wait=True, cancel_futures=True)
    return done_plans, staged


def _convert(jobs: list[_Job], outdir: Path, cache: manifest.PdfCache, progress: Progress | None) -> None:
    def finished(pdf_path: Path) -> None:
        if progress:
            progress.step(pdf_path.stem.replace("__", "/"))

    sources = [j.docx for j in jobs]
    if len({j.target.parent for j in jobs}) > 1:  # review and public in one cold batch: names made unique
        sources = [outdir / "in" / f"{j.target.parent.parent.name}__{j.docx.name}" for j in jobs]
        outdir.joinpath("in").mkdir(parents=True, exist_ok=True)
        for job, src in zip(jobs, sources, strict=True):
            shutil.copyfile(job.docx, src)
    for job, made in zip(jobs, libreoffice.convert(sources, outdir, on_done=finished), strict=True):
        made.replace(job.target)  # (in place when the batch wrote it there)
        meta = job.meta
        pdf.finalize_pdf(job.target, title=meta.title, author=meta.author, subject=meta.subject,
                         creation_date=_noon(meta.date),
                         also=repair.repair)  # LibreOffice's untagged footnote back-links, /Tabs /S
        cache.put(job.key, job.target)
        if job.on_final:
            job.on_final((job.plan.dossier.id, job.kind), job.target)


def _meta_json(meta: Meta) -> dict[str, str]:
    return {"title": meta.title, "author": meta.author, "subject": meta.subject, "date": meta.date.isoformat()}


def _noon(d: dt.date) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12, 0), tzinfo=dt.UTC)


def _runs_to_do(content_dir: Path, out: Path, only: list[str] | None, name: str, force: bool,
                report: Report, settings: dict[str, str] | None = None) -> tuple[list[str], dict[str, manifest.Run]]:
    todo, runs, unchanged = manifest.stale_dossiers(content_dir, out, only, name, force=force,
                                                    lo=manifest.libreoffice_version(), settings=settings)
    report.unchanged += unchanged
    return todo, runs


def build_signing(content_dir: Path, out: Path, only: list[str] | None = None, *, force: bool = False,
                  progress: Progress | None = None) -> Report:
    """`make`: nota, Kamerbrief, rapportage (DOCX + PDF) and the parafeerbundel per dossier."""
    report = Report()
    todo, runs = _runs_to_do(content_dir, out, only, "build", force, report)
    if not todo and runs:
        return report
    report.start_server = libreoffice.choose_for_run(3 * len(todo))  # a warm LibreOffice starts while we read
    content, problems = read_all(content_dir, todo)
    if any(dossier_of(p, content_dir) is None for p in problems):
        raise ContentError(problems)  # the shared registers concern every dossier: nothing is built
    cache = manifest.PdfCache(out)
    with Staging(out, "build") as staging, content_kept():
        bundles: dict[str, Path] = {}

        def bundle(plan: Plan, parts: dict[str, Path]) -> None:
            bundles[plan.dossier.id] = _bundle(plan, parts, staging)

        plans, pdfs = render_all(iter_plans(content, report.warnings, problems, findings=False), staging, SIGNING,
                                 cache, progress, plan_done=bundle, release=True)
        if problems and not plans:
            raise ContentError(problems)  # every dossier's problems together; nothing is committed
        report.failed = problems  # the broken dossiers; the others are written
        for plan in plans:
            d = plan.dossier
            entries: list[manifest.Entry] = []

            def keep(staged: Path, rel: str, inputs: dict[str, str], key: str = "", d: Dossier = d,
                     entries: list[manifest.Entry] = entries) -> None:
                staging.keep(staged, out / d.id / rel)
                entries.append(manifest.entry(staged, rel, "signing", "build", inputs, key))

            for kind in plan.kinds:
                inputs = manifest.document_inputs(runs[d.id].inputs, d.id, kind)
                staged_pdf, key = pdfs[(d.id, kind)]
                keep(staged_pdf, f"{kind}.pdf", inputs, key)
                keep(staging.path(f"{SIGNING}/{d.id}__{kind}.docx"), f"{kind}.docx", inputs)
            bundled = bundles.get(d.id) or _bundle(plan, {k: pdfs[(d.id, k)][0] for k in plan.kinds}, staging)
            parts_sha = {e.path: e.sha256 for e in entries}  # the PDFs just recorded, not hashed again
            keep(bundled, "parafeerbundel.pdf", {f"{k}.pdf": parts_sha[f"{k}.pdf"] for k in ["nota", *d.bijlagen()]})
            manifest.stage_manifest(staging, out, d.id, "build", runs[d.id], entries)
            if not d.route_complete:
                report.notes.append(f"{d.id}: de parafenroute is nog niet compleet.")
        report.written = staging.commit()
    cache.prune(out)
    return report


def _bundle(plan: Plan, pdfs: dict[str, Path], staging: Staging) -> Path:
    """The parafeerbundel of one dossier from its final PDFs: nota first, then the bijlagen in their order."""
    d, meta = plan.dossier, plan.meta("nota")
    parts = [(document_kind("nota").label, pdfs["nota"])]
    parts += [(f"Bijlage {i}: {document_kind(b).label}", pdfs[b]) for i, b in enumerate(d.bijlagen(), 1)]
    path = staging.path(f"{SIGNING}/{d.id}__parafeerbundel.pdf")
    pdf.bundle(parts, path, title=f"Parafeerbundel: {meta.title}", author=meta.author, creation_date=_noon(d.datum))
    return path


def build_dossier(content_dir: Path, dossier_id: str, out: Path, mode: str = "build", *,
                  base_url: str | None = None, force: bool = False) -> Report:
    """One dossier as one job, what a worker of a job queue (Celery, RQ) calls (docs/scale.md). mode: "build"
    (signing) or "woo" (public + gate); raises what the CLI's runs raise; an unchanged dossier is a no-op."""
    if mode not in ("build", "woo"):
        raise ValueError(f"onbekende modus {mode!r}: kies 'build' of 'woo'")
    if mode == "build":
        return build_signing(content_dir, out, [dossier_id], force=force)
    return build_public(content_dir, out, [dossier_id], force=force, base_url=base_url)


def build_public(content_dir: Path, out: Path, only: list[str] | None = None, *, force: bool = False,
                 base_url: str | None = None, progress: Progress | None = None) -> Report:
    """`make woo`: lakvoorstel for review and, once the route is complete, the verified public version."""
    from pipeline.publication import lists, publish, records  # only here: a signing build does not import them (35 ms)
    report = Report()
    base = records.base_url(base_url)
    todo, runs = _runs_to_do(content_dir, out, only, "woo", force, report, {"base_url": base})
    if not todo and runs:
        return report
    report.start_server = libreoffice.choose_for_run(6 * len(todo))  # review + public
    content, problems = read_all(content_dir, todo or None)
    cache = manifest.PdfCache(out)
    # Each dossier is modelled, rendered and handed to LibreOffice before the next is modelled, and its
    # models are dropped once the lists and the gate's forms are made of them: a run of thousands of
    # dossiers holds a few models at a time. plans: those rendered; complete: of those, the public ones.
    plans, complete, stopped = list[Plan](), list[Plan](), list[tuple[Plan, list[Diagnostic]]]()
    gate = publish.Gate([])  # reads each public PDF back while LibreOffice converts the next ones
    # What waits for no PDF (the lists, the gate's forms) and what a finished lakvoorstel PDF needs
    # (its marker, its page texts) is done in one more thread, while LibreOffice converts.
    side = ThreadPoolExecutor(max_workers=1, thread_name_prefix="woo-side")
    texts: dict[tuple[str, str], Future[list[str]]] = {}
    made: dict[str, Future[lists.PublicLists]] = {}

    def review_ready(key: tuple[str, str], path: Path) -> None:
        texts[key] = side.submit(publish.review_ready, path)

    def rendered(plan: Plan) -> lists.PublicLists:  # (side thread) what is made of a public plan's models
        try:
            gate.forbidden(plan)  # (and what each document keeps visible)
            return lists.public_lists(plan, base)
        finally:
            plan.release((PUBLIC, REVIEW))

    converting = Converting()
    with Staging(out, "woo") as staging, content_kept(), contextlib.closing(gate), contextlib.ExitStack() as pools:
        pools.callback(side.shutdown, wait=True, cancel_futures=True)  # (last: the conversions call it)
        pools.callback(converting.pool.shutdown, wait=True, cancel_futures=True)
        cold: list[_Job] = []  # without a warm LibreOffice: review and public in one cold batch
        public, review = dict[tuple[str, str], tuple[Path, str]](), dict[tuple[str, str], tuple[Path, str]]()
        for plan in iter_plans(content, report.warnings, problems):
            if found := publish.open_decisions(plan):  # stale passages, unregistered personal data
                stopped.append((plan, found))
            if problems or stopped:  # the run stops: the other dossiers are modelled for their problems only
                plan.release(())
                continue
            plans.append(plan)
            review.update(render_all([plan], staging, REVIEW, cache, progress, review_ready, cold,
                                     converting=converting)[1])
            if plan.dossier.route_complete and not publish.release_missing(plan):
                complete.append(plan)
                gate.add(plan)
                public.update(render_all([plan], staging, PUBLIC, cache, progress, gate.submit, cold,
                                         converting=converting)[1])
                made[plan.dossier.id] = side.submit(rendered, plan)
                if len(complete) == 1:
                    gate.warm_up(fonts.template_fonts(sorted(TEMPLATES.glob("*.docx"))))
            else:
                side.submit(plan.release, (REVIEW,))
        if problems:
            raise ContentError(problems)  # every dossier's problems together; nothing is committed
        publish.stop_for_decisions(stopped, out)  # nothing is committed either
        if cold:
            _convert(cold, staging.path("batch/pdf/.keep").parent, cache, progress)
        for future in converting.futures:
            future.result()  # a ConversionError surfaces here
        review_pdfs = {k: path for k, (path, _) in review.items()}
        public_pdfs = {k: path for k, (path, _) in public.items()}
        others: dict[str, list[Path]] = {}
        for plan in plans:
            d = plan.dossier
            read = {kind: texts[(d.id, kind)].result() for kind in plan.kinds if (d.id, kind) in texts}
            publish.stage_review(plan, review_pdfs, staging, out, read)
            if d.id in made:
                others[d.id] = publish.stage_public(plan, public_pdfs, staging, out, base, made[d.id].result())
                others[d.id].append(manifest.stage_public_manifest(staging, out, plan, runs[d.id]))
            elif not d.route_complete:
                report.notes.append(f"{d.id}: alleen een lakvoorstel; de route is niet compleet "
                                    "(parafen zonder datum of geen besluit), dus er is nog niets openbaar te maken.")
            else:
                report.notes.append(f"{d.id}: alleen een lakvoorstel; {publish.release_missing(plan)}")
        # The gate: raises, and nothing is committed.
        publish.verify(complete, public_pdfs, others, gate)
        keys = {path: key for path, key in [*review.values(), *public.values()]}
        by_id = {p.dossier.id: p for p in plans}
        entries: dict[str, list[manifest.Entry]] = {dossier_id: [] for dossier_id in by_id}
        for staged, final in staging.files.items():  # so far, only files of woo/ and lakvoorstel/
            dossier_id, folder = final.parent.parent.name, final.parent.name
            doc_kind = final.stem if final.stem in by_id[dossier_id].kinds else ""
            inputs = manifest.document_inputs(runs[dossier_id].inputs, dossier_id, doc_kind) if doc_kind else {}
            entries[dossier_id].append(manifest.entry(staged, f"{folder}/{final.name}",
                                                      "public" if folder == "woo" else "review", "woo", inputs,
                                                      keys.get(staged, "")))
        for dossier_id, done in entries.items():
            manifest.stage_manifest(staging, out, dossier_id, "woo", runs[dossier_id], done)
        report.written = staging.commit()
    for plan in plans:
        if plan.dossier.id not in made:  # route reopened or release pending: an earlier woo/ is not current
            reason = publish.release_missing(plan) if plan.dossier.route_complete else \
                "de route is niet (meer) compleet: geen besluit of parafen zonder datum"
            note = publish.retire_public(out, plan.dossier.id, reason)
            report.notes += [note] if note else []
    cache.prune(out)
    if complete:
        report.notes.append(f"DiWoo-metadata (woo/{records.SITEMAP_NAME}) met basis-URL {base}")
    return report
