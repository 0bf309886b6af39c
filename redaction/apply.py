"""Decide redactions on the document model: mark every span that must not be published."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from pipeline.content.load import Content, Dossier, Lakken, Person
from pipeline.content.text import fold
from pipeline.errors import Diagnostic, Loc
from pipeline.model.document import Document, FootnoteRef, Heading, Inline, Redaction, Span, Text, block_texts, plain
from redaction import memo
from redaction.doubts import Doubts, allowed_at, doubt_findings, redacted_at
from redaction.findings import Collector, Finding, diagnostics
from redaction.grounds import LABELS
from redaction.matchers import Hit, PersonData, find_person_data, match_people

PERSONAL_GROUND = "5.1.2e"
MOTIVERING = {
    "5.1.2e": ("In de openbaar gemaakte versie van deze nota zijn alle persoonsgegevens van {wie} "
               "geanonimiseerd ter bescherming van de persoonlijke levenssfeer."),
    "5.2": ("Passages met persoonlijke beleidsopvattingen, bedoeld voor intern beraad, zijn niet openbaar "
            "gemaakt (artikel 5.2 Woo)."),
    "5.1.2i": ("Informatie is niet openbaar gemaakt om het goed functioneren van de Staat te beschermen "
               "(artikel 5.1, tweede lid, onder i, Woo)."),
    "5.1.1c": ("Bedrijfs- en fabricagegegevens die vertrouwelijk aan de overheid zijn meegedeeld, zijn niet "
               "openbaar gemaakt (artikel 5.1, eerste lid, onder c, Woo)."),
}
CATEGORY_LABEL = {"naam": "naam", "email": "e-mailadres", "telefoon": "telefoonnummer", "paraaf": "paraaf",
                  "passage": "passage"}


@dataclass
class LogEntry:
    """One redaction, for the lakvoorstel log and the gate."""

    document: str
    section: str
    ground: str
    category: str
    text: str
    loc: Loc
    toelichting: str = ""
    person_id: str | None = None


@dataclass
class Result:
    log: list[LogEntry] = field(default_factory=list)
    kept: set[str] = field(default_factory=set)          # politicians' names printed and kept visible
    findings: list[Diagnostic] = field(default_factory=list)  # unregistered data (one per person) and doubts
    groups: list[Finding] = field(default_factory=list)       # the unregistered people with every place they occur
    errors: list[Diagnostic] = field(default_factory=list)    # stale or ambiguous lakken entries

    def grounds(self, document: str | None = None) -> list[str]:
        return sorted({e.ground for e in self.log if document is None or e.document == document})


def person_data(p: Person) -> PersonData:
    def s(v: object) -> str | None:
        return str(v) if v else None
    return PersonData(p.id, str(p.naam), s(p.voornaam), s(p.email), s(p.telefoon), s(p.paraaf))


def redacted_people(content: Content, dossier: Dossier) -> list[Person]:
    """Civil servants and externals, unless woo.yaml keeps them; anyone woo.yaml marks."""
    override = {wp.persoon: wp.lakken for wp in (dossier.woo.personen if dossier.woo else [])}
    out = []
    for p in content.personen.values():
        redact = override.get(p.id, not p.public)
        if redact:
            out.append(p)
    return out


def motivering(result: Result, content: Content, dossier: Dossier) -> list[tuple[str, str]]:
    """The nota's own Woo paragraph, generated from the grounds actually applied in it."""
    out = []
    externals = any(e.person_id and content.personen[e.person_id].rol == "extern"
                    for e in result.log if e.document == "nota")
    for ground in result.grounds("nota"):
        reasons = _toelichtingen(result, ground)
        if reasons and ground != PERSONAL_GROUND:
            # The decisions' own words, not a generic sentence per ground.
            label = f" ({LABELS[ground]})" if ground in LABELS else ""
            out.append((ground, f"Op grond van artikel {ground} Woo{label} is niet openbaar gemaakt: "
                                f"{'; '.join(reasons)}."))
            continue
        template = MOTIVERING.get(ground, "Informatie is niet openbaar gemaakt op grond van artikel {ground} Woo.")
        wie = "ambtenaren en derden" if externals else "ambtenaren"
        out.append((ground, template.format(wie=wie, ground=ground)))
    return out


def _toelichtingen(result: Result, ground: str) -> list[str]:
    """The toelichting of each decision taken in the nota under this ground, in order, once each."""
    seen: dict[str, None] = {}
    for e in result.log:
        text = " ".join(e.toelichting.split()).rstrip(".;")
        if e.document == "nota" and e.ground == ground and e.category == "passage" and text:
            seen.setdefault(text, None)
    return list(seen)


def apply(content: Content, dossier: Dossier, docs: dict[str, Document], *, findings: bool = True) -> Result:
    """Mark redactions in place on `docs` and return the log, findings and errors.

    findings=False leaves out the scan for unregistered personal data (result.groups and its
    findings stay empty): the signing build shows no findings (`check` and `woo` do) and the
    marks and the log, from which the nota's Woo section is written, do not depend on it.
    """
    redact = redacted_people(content, dossier)
    redact_ids = {p.id for p in redact}
    # Tuples: the matchers index an immutable register once and reuse it for every text.
    data = tuple(person_data(p) for p in redact)
    public = tuple(person_data(p) for p in content.personen.values() if p.id not in redact_ids)
    woo = dossier.woo
    allowed = [str(t) for t in woo.toegestaan] if woo else []
    known = tuple(person_data(p) for p in content.personen.values())
    keep = tuple(n for p in public for n in (p.naam, p.naam.split()[-1]))
    register = register_texts(content)
    result = Result()
    doubts: Doubts = []
    for name, doc in docs.items():
        for section, text in walk(doc):
            _mark_people(text, redact_ids, content, data, public, allowed, doubts)
            _record_kept(text, public, result)
            for span in text:
                if isinstance(span, Span) and span.redaction and not _logged(span):
                    _log(result, name, section, span)
    for entry in (woo.lakken if woo else []):
        if entry.document not in docs:
            result.errors.append(Diagnostic(entry.loc, f"het document '{entry.document}' bestaat niet in dit dossier",
                                            "verwijder deze lakken-regel of corrigeer 'document'"))
            continue
        _lakken(docs[entry.document], entry, result)
    # a doubt inside a lakken passage is decided by it, as a finding is
    result.findings += doubt_findings([(loc, reason) for text, loc, reason in doubts if not redacted_at(text, loc)])
    # after the passages: a finding inside a lakken passage is decided by it (content format v1.1)
    if not findings:
        return result
    collector = Collector(known, allowed, keep, register)
    for name, doc in docs.items():
        for _section, text in walk(doc):
            _scan_unregistered(name, text, collector)
    result.groups = collector.findings()
    result.findings += diagnostics(result.groups)
    return result


def _logged(span: Span) -> bool:
    return getattr(span, "_logged", False)


def _log(result: Result, document: str, section: str, span: Span, toelichting: str = "") -> None:
    assert span.redaction is not None
    object.__setattr__(span, "_logged", True)
    red = span.redaction
    result.log.append(LogEntry(document, section, red.ground, red.category, span.text, span.loc,
                               toelichting or red.reason, red.person_id))


def walk(doc: Document) -> Iterator[tuple[str, Text]]:
    """Every Text with the name of the section it stands in, footnotes included."""
    for name, text in doc.fields.items():
        yield f"kop/colofon ({name})", text
    for rows_name, rows in doc.rows.items():
        for row in rows:
            for text in row.values():
                yield rows_name, text
    section = "begin"
    for block in doc.body:
        if isinstance(block, Heading):
            section = (block.label + " " + plain(block.text)).strip()
        yield from ((section, t) for t in block_texts(block))


def _runs(text: Text, *, through_notes: bool = False) -> Iterator[list[int]]:
    """Indexes of consecutive Spans; a footnote mark ends a run unless `through_notes`.

    Read through the notes, "Ouwe^[Zie bijlage.]hand" is one word, as a reader takes it in.
    """
    run: list[int] = []
    for i, inline in enumerate(text):
        if isinstance(inline, Span) or (through_notes and run and isinstance(inline, FootnoteRef)):
            run.append(i)
        elif run:
            yield run
            run = []
    if run:
        yield run


def _category(span: Span, person: Person) -> str:
    for attr in ("email", "telefoon", "paraaf"):
        if getattr(person, attr) and span.text == str(getattr(person, attr)):
            return attr
    return "naam"





def _mark_people(text: Text, redact_ids: set[str], content: Content, data: tuple[PersonData, ...],
                 public: tuple[PersonData, ...], allowed: list[str], doubts: Doubts) -> None:
    for inline in text:
        if isinstance(inline, Span) and inline.person_id in redact_ids and inline.redaction is None:
            person = content.personen[inline.person_id]
            inline.redaction = Redaction(PERSONAL_GROUND, _category(inline, person), "persoonsgegevens",
                                         inline.person_id)

    def finder(joined: str, items: list[Inline]) -> list[tuple[int, int, Redaction]]:
        found = memo.remembered(("people", joined, memo.group(data), memo.group(public)),
                                lambda: match_people(joined, data, public))
        for d in found.doubts:
            if not allowed_at(joined, d.start, d.end, allowed):
                span, offset = _locate(items, d.start)
                doubts.append((text, span.loc_at(offset), d.reason))
        return [(h.start, h.end, Redaction(PERSONAL_GROUND, h.category, "persoonsgegevens", h.person_id))
                for h in found.hits]

    # a mention of a person whose name stays visible is that person, whoever shares the name
    _mark_hits(text, finder, masked=lambda s: s.person_id is not None and s.person_id not in redact_ids)


Finder = Callable[[str, list[Inline]], list[tuple[int, int, Redaction]]]


def _mark_hits(text: Text, finder: Finder, masked: Callable[[Span], bool] = lambda s: False) -> None:
    """Run `finder` over each run of spans and split spans so every hit is its own redacted span.

    Runs go through footnote marks; redacted and `masked` spans are hidden from the finder.
    """
    for run in reversed(list(_runs(text, through_notes=True))):
        items = [text[i] for i in run]
        joined = "".join(
            "" if isinstance(s, FootnoteRef) else s.text if s.redaction is None and not masked(s)
            else "\x00" * len(s.text) for s in items)
        hits = finder(joined, items)
        if not hits:
            continue
        text[run[0]:run[-1] + 1] = _split(items, hits)


def _split(items: list[Inline], hits: list[tuple[int, int, Redaction]]) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    for span in items:
        if isinstance(span, FootnoteRef):
            out.append(span)
            continue
        start, end = pos, pos + len(span.text)
        pos = end
        if span.redaction is not None:
            out.append(span)
            continue
        cursor = start
        for hs, he, red in hits:
            if he <= start or hs >= end:
                continue
            a, b = max(hs, start), min(he, end)
            if a > cursor:
                out.append(span.sub(cursor - start, a - start))
            out.append(span.sub(a - start, b - start, redaction=red, link=None))
            cursor = b
        if cursor < end:
            out.append(span.sub(cursor - start, end - start) if cursor > start else span)
    return _join_hits(out)


def _join_hits(items: list[Inline]) -> list[Inline]:
    """One span per hit: "*Ouwehand*s" is one redaction, not two boxes (the first part's formatting)."""
    out: list[Inline] = []
    for item in items:
        prev = out[-1] if out else None
        if (isinstance(item, Span) and isinstance(prev, Span) and item.redaction is not None
                and item.redaction is prev.redaction and not _logged(prev)):
            offsets = prev.offsets + item.offsets if prev.offsets and item.offsets else None
            out[-1] = prev.with_text(prev.text + item.text, offsets=offsets)
        else:
            out.append(item)
    return out


def _record_kept(text: Text, public: Sequence[PersonData], result: Result) -> None:
    for inline in text:
        if (isinstance(inline, Span) and inline.redaction is None and inline.person_id
                and any(p.id == inline.person_id for p in public)):
            result.kept.add(inline.text)
    joined = "".join(s.text for s in text if isinstance(s, Span) and s.redaction is None)
    for hit in memo.remembered(("kept", joined, memo.group(tuple(public))), lambda: find_person_data(joined, public)):
        if hit.category == "naam":
            result.kept.add(joined[hit.start:hit.end])


def register_texts(content: Content) -> list[str]:
    """Texts the documents print from the register as they stand: functies and organisation names.

    A functie reaches the nota as plain text (parafenroute, "Aan de ...", besluit), not as
    the writer's prose; "Afdelingshoofd Toetsing" there is a functie, not "afdelingshoofd
    <surname>" (see find_unregistered).
    """
    texts = [str(p.functie) for p in content.personen.values() if p.functie]
    return texts + [str(o.naam) for o in content.organisaties.values() if o.naam]


def _scan_unregistered(document: str, text: Text, collector: Collector) -> None:
    for run in _runs(text):
        spans = [s for i in run if isinstance(s := text[i], Span)]
        joined = "".join(s.text if s.redaction is None else " " * len(s.text) for s in spans)

        def loc_at(index: int, spans: list[Span] = spans) -> Loc:
            span, offset = _locate(list(spans), index)
            return span.loc_at(offset)

        collector.add(document, joined, loc_at)


def _locate(items: Sequence[Inline], index: int) -> tuple[Span, int]:
    spans = [s for s in items if isinstance(s, Span)]
    pos = 0
    for span in spans:
        if index < pos + len(span.text):
            return span, index - pos
        pos += len(span.text)
    return spans[-1], 0


_WS = re.compile(r"\s+")


def _normalise(text: str) -> tuple[str, list[int], list[int]]:
    """The matching form (pipeline.content.text.fold) with every run of white space one space.

    Returns the text and, per character of it, the start and end of what it stands for in `text`:
    a passage copied without the soft hyphen or zero-width space Word put in still matches.
    """
    folded = fold(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(folded.text):
        if ch == " " and out and out[-1] == " ":
            ends[-1] = folded.ends[i]
            continue
        out.append(ch)
        starts.append(folded.starts[i])
        ends.append(folded.ends[i])
    return "".join(out), starts, ends


def _lakken(doc: Document, entry: Lakken, result: Result) -> None:
    needle = _normalise(str(entry.passage).strip())[0].strip()
    places = []
    for section, text in walk(doc):
        for run in _runs(text):
            joined = "".join(s.text for i in run if isinstance(s := text[i], Span))
            norm, starts, ends = _normalise(joined)
            start = norm.find(needle) if needle else -1
            while start >= 0:
                places.append((section, text, run, starts[start], ends[start + len(needle) - 1]))
                start = norm.find(needle, start + 1)
    if len(places) != 1:
        what = "komt niet voor" if not places else f"komt {len(places)} keer voor"
        result.errors.append(Diagnostic(
            entry.passage.loc, f"de passage {what} in {entry.document}; een lakken-regel moet precies één plek treffen",
            "neem de tekst letterlijk over uit de content (markering weggelaten) en maak haar langer als ze vaker "
            "voorkomt"))
        return
    section, text, run, a, b = places[0]
    red = Redaction(str(entry.grond), "passage", str(entry.toelichting or ""))
    new = _split([text[i] for i in run], [(a, b, red)])
    text[run[0]:run[-1] + 1] = new
    for span in new:
        if isinstance(span, Span) and span.redaction is red:
            _log(result, doc.kind, section, span, str(entry.toelichting or ""))


__all__ = ["Hit", "LogEntry", "Result", "apply", "motivering", "redacted_people"]
