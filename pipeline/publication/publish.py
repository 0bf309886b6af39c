"""Stage the public version and the lakvoorstel, and run the gate before anything is committed."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import threading
import zipfile
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import pikepdf

from pipeline.checks import gate
from pipeline.errors import ContentError, Diagnostic, RenderError, VerificationError
from pipeline.model.document import Span
from pipeline.publication import lists
from pipeline.publication import records as publication
from pipeline.render.docx import REVIEW_MARKER
from redaction.apply import PERSONAL_GROUND, person_data, redacted_people, walk
from redaction.matchers import find_person_data, find_unregistered, name_forms

if TYPE_CHECKING:
    from pipeline.plan import Plan
    from pipeline.staging import Staging

LOG_COLUMNS = ["document", "pagina", "sectie", "grond", "categorie", "tekst", "bron"]

ROLE_LABEL = {"ambtenaar": "een ambtenaar", "extern": "een externe"}
_WHAT = {"naam": "naam", "e-mailadres": "e-mailadres", "telefoonnummer": "telefoonnummer", "paraaf": "paraaf"}
# Raw content that reaches a public file as it was typed: it cannot be redacted in part
# (an identifier with a box in it identifies nothing), so personal data in it stops the build.
_EMAIL_RX = re.compile(r"[\w.+-]+\s*(?:@|\[at\]|\(at\))\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_PHONE_RX = re.compile(r"(?<!\d)(?:\+31|0031|0(?=[1-9]))[\s\-./()]*\d(?:[\s\-./()]*\d){7,}")

STALE_FOLDER = "woo-verouderd"
STALE_README = "LEESMIJ.txt"


def check_decisions(plans: list[Plan], out: Path | None = None, notes: list[str] | None = None) -> None:
    """Stale lakken entries, unregistered personal data and personal data in raw public texts
    (toelichting, kenmerk) stop the public build before rendering.

    A dossier stopped here has a decision pending: its earlier woo/ no longer matches the
    content, so it is moved aside (see retire_public) before the error is raised.
    """
    stop_for_decisions([(plan, found) for plan in plans if (found := open_decisions(plan))], out)


def open_decisions(plan: Plan) -> list[Diagnostic]:
    """What check_decisions stops on, of one dossier (the woo build asks as it models each)."""
    return plan.redaction.errors + plan.redaction.findings + raw_public_texts(plan)


def stop_for_decisions(stopped: list[tuple[Plan, list[Diagnostic]]], out: Path | None = None) -> None:
    """Raise the open decisions (open_decisions per dossier) together, each dossier's woo/ retired first."""
    problems = []
    for plan, found in stopped:
        if found and out is not None:
            note = retire_public(out, plan.dossier.id, "er staat een beslissing open (zie de fouten hierboven)")
            if note:
                found.append(Diagnostic(plan.dossier.loc, note))
        problems += found
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


def retire_public(out: Path, dossier_id: str, reason: str) -> str | None:
    """Move an earlier woo/ that can no longer be built aside to woo-verouderd/, with a LEESMIJ.txt.

    The files are kept (they may already be published, and the Woo officer needs them to
    withdraw or replace that publication), but nobody can take them for the current public
    version: woo/ no longer exists until the next successful `woo`. Returns the note to print.
    """
    current = out / dossier_id / "woo"
    if not current.is_dir():
        return None
    stale = out / dossier_id / STALE_FOLDER
    if stale.exists():
        shutil.rmtree(stale)
    current.rename(stale)
    (stale / STALE_README).write_text(
        "VEROUDERD: dit is niet de actuele openbare versie van dit dossier.\n"
        f"Reden: {reason}.\n"
        "Deze bestanden zijn gemaakt met een eerdere stand van de content en zijn door `woo` uit woo/ gehaald.\n"
        "Is deze versie al gepubliceerd, ga dan na of de publicatie moet worden ingetrokken of vervangen.\n"
        "Zodra de openbare versie weer gebouwd kan worden, schrijft `woo` een nieuwe woo/.\n", encoding="utf-8")
    return (f"{dossier_id}: de eerdere openbare versie is niet meer actueel ({reason}); "
            f"verplaatst naar {stale} (met {STALE_README})")


def raw_public_texts(plan: Plan) -> list[Diagnostic]:
    """Personal data in the content texts that go into woo/ unchanged: the kenmerk (inventory ID,
    DiWoo identifier, manifest) and a lakken entry's toelichting (inventory column Toelichting)."""
    d, content = plan.dossier, plan.content
    redact = [person_data(p) for p in redacted_people(content, d)]
    known = [person_data(p) for p in content.personen.values()]
    texts = [(d.kenmerk, "het kenmerk", "inventarislijst.csv, de DiWoo-identifier en woo/manifest.json",
              "kies een kenmerk zonder naam of paraaf")]
    for kind, document in d.documents.items():  # a bijlage's own kenmerk (the Kamerbrief's) is printed too
        own = getattr(document, "kenmerk", None)
        if own and str(own) != str(d.kenmerk):
            texts.append((own, f"het kenmerk van de {kind}", f"de openbare {kind} en zijn metadata",
                          "kies een kenmerk zonder naam of paraaf"))
    for entry in d.woo.lakken if d.woo else []:
        if entry.toelichting:
            texts.append((entry.toelichting, "de toelichting van deze lakken-regel",
                          "de kolom Toelichting van inventarislijst.csv",
                          "beschrijf waarom er gelakt is zonder de gelakte gegevens te noemen"))
    out = []
    for value, what, where, hint in texts:
        text = str(value)
        hits = [text[h.start:h.end] for h in find_person_data(text, redact)]
        hits += [m.group() for m in _EMAIL_RX.finditer(text)]
        if what.startswith("de toelichting"):  # a kenmerk is a number, and no sentence to find names in
            hits += [text[h.start:h.end] for h in find_unregistered(text, known=known)]
            hits += [m.group() for m in _PHONE_RX.finditer(text)]
        if hits:
            loc = getattr(value, "loc", d.loc)
            out.append(Diagnostic(loc, f"{what} bevat persoonsgegevens ({', '.join(dict.fromkeys(hits))}) en komt "
                                       f"ongelakt in {where}", hint))
    return out


def stage_review(plan: Plan, pdfs: dict[tuple[str, str], Path], staging: Staging, out: Path,
                 texts: dict[str, list[str]] | None = None) -> None:
    """Stage the lakvoorstel PDFs (marked) and the lakverslag with the page of each redaction.

    texts: per document the page texts of a PDF that review_ready() already marked and read.
    """
    d = plan.dossier
    target = out / d.id / "lakvoorstel"
    for kind in plan.kinds:
        path = pdfs[(d.id, kind)]
        if texts is None or kind not in texts:
            _mark_review(path)
        staging.keep(path, target / f"{kind}.pdf")
    pages = lists.redaction_pages(plan, {kind: pdfs[(d.id, kind)] for kind in plan.kinds}, texts)
    rows = [[e.document, page, e.section, e.ground, e.category, e.text, str(e.loc)]
            for e, page in zip(plan.redaction.log, pages, strict=True)]
    log_path = staging.path(f"review/{d.id}__lakverslag.csv")
    log_path.write_bytes(lists.csv_bytes(rows, LOG_COLUMNS))
    staging.keep(log_path, target / "lakverslag.csv")


def review_ready(path: Path) -> list[str]:
    """A finished lakvoorstel PDF marked, and its page texts for the lakverslag (see stage_review)."""
    _mark_review(path)
    return lists.page_texts(path)


def _mark_review(path: Path) -> None:
    """A marker in the metadata, so no tool can mistake a lakvoorstel for a public file."""
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        with doc.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = f"LAKVOORSTEL – NIET OPENBAAR: {meta.get('dc:title', '')}"
            meta["pdf:Keywords"] = REVIEW_MARKER
        doc.save(path, deterministic_id=True)


def stage_public(plan: Plan, pdfs: dict[tuple[str, str], Path], staging: Staging, out: Path,
                 base_url: str, made: lists.PublicLists | None = None) -> list[Path]:
    """Stage the public PDFs, the inventarislijst and the DiWoo sitemap; return the staged non-PDF files.

    made: the lists made beforehand (lists.public_lists), while LibreOffice converted.
    """
    d = plan.dossier
    target = out / d.id / "woo"
    for kind in plan.kinds:
        staging.keep(pdfs[(d.id, kind)], target / f"{kind}.pdf")
    made = made or lists.public_lists(plan, base_url)
    staged = []
    for name, data in (("inventarislijst.csv", made.inventory_csv), ("inventarislijst.xlsx", made.inventory_xlsx),
                       (publication.SITEMAP_NAME, made.sitemap)):
        path = staging.path(f"public/{d.id}__{name}")
        path.write_bytes(data)
        staging.keep(path, target / name)
        staged.append(path)
    return staged


def forbidden_for(plan: Plan, *, everyone: bool = False) -> list[gate.Forbidden]:
    """What must not be in any public file of this dossier: every redacted original and person's data.

    Each form carries the rule of the contract it breaks and the content lines where it was
    written (from the redaction log), so a gate failure says what to change and where.
    everyone: every person the dossier redacts, also those its texts never mention (controleer).
    """
    sources: dict[tuple[str | None, str], list[str]] = {}
    for e in plan.redaction.log:
        sources.setdefault((e.person_id, e.text if not e.person_id else ""), []).append(str(e.loc))
    out = {gate.Forbidden(e.text, "gelakte tekst", True,
                          f"passage gelakt onder {e.ground} (woo.yaml, lakken)", tuple(sources[(None, e.text)]))
           for e in plan.redaction.log if e.text.strip() and not e.person_id}
    out |= {gate.Forbidden(e.text, "gelakte tekst", True, f"gelakt onder {e.ground}",
                           tuple(dict.fromkeys(sources[(e.person_id, "")])))
            for e in plan.redaction.log if e.text.strip() and e.person_id}
    ids = {e.person_id for e in plan.redaction.log if e.person_id}
    if everyone:
        ids |= {p.id for p in redacted_people(plan.content, plan.dossier)}
    for pid in ids:
        person = plan.content.personen[pid]
        data = person_data(person)
        where = tuple(dict.fromkeys(sources.get((pid, ""), [])))
        who = ROLE_LABEL.get(person.rol, f"iemand met rol {person.rol}")
        forms = [(f, "naam", True) for f in name_forms(data)]
        forms += [(data.email, "e-mailadres", False)] if data.email else []
        forms += [(data.telefoon, "telefoonnummer", True)] if data.telefoon else []
        forms += [(data.paraaf, "paraaf", True)] if data.paraaf else []
        for text, what, case in forms:
            rule = f"{_WHAT[what]} van {who} (rol {person.rol}, {person.loc}): moet gelakt onder {PERSONAL_GROUND}"
            out.add(gate.Forbidden(text, what, case, rule, where))
    texts = _unredacted_texts(plan)
    everything = "\0".join(searchable for _, searchable, _ in texts)  # (no anchor holds a NUL)
    kept = (_with_misses(f, texts) if gate.anchor(f) in everything else f for f in out)
    return sorted(kept, key=lambda f: (f.what, f.text, f.rule))


def _unredacted_texts(plan: Plan) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Per model Text, what the public version prints of it (normalised, and gate.searchable for the
    forms' anchors) and (span text, loc) of each printed span."""
    out = []
    for doc in plan.docs.values():
        for _section, text in walk(doc):
            spans = [(s.text, str(s.loc)) for s in text if isinstance(s, Span) and s.redaction is None and s.text]
            if spans:
                joined = gate.normalise("".join(t for t, _ in spans))
                out.append((joined, gate.searchable(joined), spans))
    return out


def _with_misses(f: gate.Forbidden, texts: list[tuple[str, str, list[tuple[str, str]]]]) -> gate.Forbidden:
    """f with, first among its sources, the content lines whose printed text still holds it (a missed form).

    That is the line to change when the gate stops: the redaction log only knows where the
    form was taken out, not where it was missed.
    """
    found, needle = gate.matcher(f), gate.anchor(f)
    missed = []
    for joined, searchable, spans in texts:
        if needle in searchable and found(joined):
            own = [loc for t, loc in spans if found(gate.normalise(t))]
            missed.append(f"{(own or [spans[0][1]])[0]} (niet gelakt)")
    if not missed:
        return f
    return dataclasses.replace(f, sources=tuple(dict.fromkeys([*missed, *f.sources])))


class Gate:
    """The gate's reading of the public PDFs, started as each one is finished.

    A public PDF is final once converted and finished; its check (both text readers, every
    page once) runs in a thread of this process while LibreOffice converts the next documents:
    pdftotext is a process of its own and PDFium releases the GIL while it reads, so the threads
    cost no second Python (no start, no imports) and share what they load (the installed fonts).
    verify() collects the results, and checks again any PDF whose bytes changed since.
    """

    def __init__(self, plans: list[Plan]) -> None:
        self._plans = {p.dossier.id: p for p in plans}
        self._forbidden: dict[str, list[gate.Forbidden]] = {}
        self._kept: dict[tuple[str, str], list[str]] = {}
        self._futures: dict[tuple[str, str], Future[tuple[str, list[str]]]] = {}
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def warm_up(self, families: Iterable[str] = ()) -> None:
        """Start the reading threads, and load what the first check needs (see gate.warm_up)."""
        with self._lock:
            pool = self._start()
        if families:
            pool.submit(gate.warm_up, list(families))

    def _start(self) -> ThreadPoolExecutor:
        if self._pool is None:
            # two: one reads (PDFium, pdftotext: no GIL) while the other matches (Python)
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="gate")
        return self._pool

    def add(self, plan: Plan) -> None:
        """A dossier whose public PDFs this gate checks (besides those it was made with)."""
        with self._lock:
            self._plans[plan.dossier.id] = plan

    def forbidden(self, plan: Plan) -> list[gate.Forbidden]:
        """forbidden_for(plan), computed once per dossier and run, with what each document must keep
        visible: after that the gate needs no document model (Plan.release)."""
        dossier_id = plan.dossier.id
        with self._lock:
            if dossier_id not in self._forbidden:
                self._forbidden[dossier_id] = forbidden_for(plan)
                self._kept.update({(dossier_id, kind): _kept_in(plan, kind) for kind in plan.kinds})
            return self._forbidden[dossier_id]

    def job(self, key: tuple[str, str], path: Path) -> tuple[str, Path, list[gate.Forbidden], list[str]]:
        dossier_id, kind = key
        forbidden = self.forbidden(self._plans[dossier_id])
        return dossier_id, path, forbidden, self._kept[key]

    def submit(self, key: tuple[str, str], path: Path) -> None:
        """Start checking one finished public PDF (called from the conversion threads)."""
        if key[0] not in self._plans:
            return
        job = self.job(key, path)
        with self._lock:
            self._futures[key] = self._start().submit(gate.check_pdf_job, job)

    def started(self, key: tuple[str, str]) -> bool:
        return key in self._futures

    def result(self, key: tuple[str, str], path: Path) -> list[str]:
        future = self._futures.get(key)
        if future is not None:
            digest, problems = future.result()
            if digest == hashlib.sha256(path.read_bytes()).hexdigest():
                return problems
        return gate.check_pdf_job(self.job(key, path))[1]

    def close(self) -> None:
        """Stop the threads (after the running checks; those not begun are cancelled)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def verify(plans: list[Plan], public: dict[tuple[str, str], Path], others: dict[str, list[Path]],
           started: Gate | None = None) -> None:
    """The gate: any leak, missing politician, review marker or extra revision stops the build.

    others: per dossier the public files that are not PDFs (inventarislijst, sitemap, manifest).
    started: the checks begun while the PDFs were made (Gate.submit); the rest are run here.
    """
    problems: list[str] = []
    running = started or Gate(plans)
    try:
        keys = [(plan.dossier.id, kind) for plan in plans for kind in plan.kinds]
        for key in keys:
            if not running.started(key):  # not begun during the conversion: start it now
                running.submit(key, public[key])
        for plan in plans:
            forbidden = running.forbidden(plan)
            for path in others.get(plan.dossier.id, []):
                found = (lists.check_xlsx(path, forbidden) if path.suffix == ".xlsx"
                         else gate.check_text(path, forbidden))
                problems += [f"{plan.dossier.id}/{p}" for p in found]
        for key in keys:
            problems += running.result(key, public[key])
    finally:
        running.close()
    if problems:
        raise VerificationError(
            "De controle van de openbare versie is mislukt; er is niets naar woo/ geschreven:\n  - "
            + "\n  - ".join(problems))


def check_files(plan: Plan, files: list[Path]) -> list[str]:
    """`controleer`: any file (PDF, DOCX, CSV, XML, JSON, text) against every person the dossier redacts."""
    forbidden = forbidden_for(plan, everyone=True)
    problems = []
    for path in files:
        if not path.is_file():
            problems.append(f"{path}: bestaat niet of is geen bestand")
            continue
        try:
            problems += [f"{path.parent / p}" for p in gate.check_file(path, forbidden)]
        except (pikepdf.PdfError, zipfile.BadZipFile, RenderError) as exc:
            problems.append(f"{path}: niet te lezen ({exc}); wat de controle niet kan lezen, is niet in orde")
    return problems


def _kept_in(plan: Plan, kind: str) -> list[str]:
    """Politicians' names that the signing text of this document contains and must stay visible."""
    names: set[str] = set()
    for _section, text in walk(plan.docs[kind]):
        joined = "".join(s.text for s in text if isinstance(s, Span) and s.redaction is None)
        names.update(k for k in plan.redaction.kept if k in joined)
    return sorted(names)
