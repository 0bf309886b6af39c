"""The reviewer's actions on one dossier, checked against its current model before anything is written."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping

from pipeline.model.document import Document, Span, Text
from pipeline.review.decisions import GRONDEN, KEEP_REASONS, ROLLEN, Action, Conflict, Decisions
from pipeline.review.state import Item, Loaded
from redaction.apply import walk

_WS = re.compile(r"\s+")
PERSONAL = "5.1.2e"


def normalise(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _runs(text: Text) -> Iterator[str]:
    """The text of each run of consecutive spans (a footnote mark ends a run), as the lakken rules see it."""
    run: list[str] = []
    for inline in text:
        if isinstance(inline, Span):
            run.append(inline.text)
        else:
            if run:
                yield "".join(run)
            run = []
    if run:
        yield "".join(run)


def occurrences(doc: Document, passage: str) -> int:
    """How often a passage stands in a document, white space counted as one space (as `lakken` matches)."""
    needle = normalise(passage)
    if not needle:
        return 0
    count = 0
    for _section, text in walk(doc):
        for run in _runs(text):
            hay = normalise(run)
            start = hay.find(needle)
            while start >= 0:
                count += 1
                start = hay.find(needle, start + 1)
    return count


def looks_like_name(text: str) -> bool:
    return bool(text.strip()) and "@" not in text and not any(ch.isdigit() for ch in text)


def person_id_for(name: str, taken: set[str]) -> str:
    """A register id from a name: 'Van Leeuwen' -> 'vanleeuwen', made unique."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]", "", ascii_name.lower()) or "persoon"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}{n}", n + 1
    return candidate


def _item(loaded: Loaded, key: str) -> Item:
    for item in loaded.items:
        if item.key == key:
            return item
    raise Conflict("over dit punt is al besloten, of het bestaat niet meer; laad de pagina opnieuw")


def _field(form: Mapping[str, str], name: str, default: str = "") -> str:
    return str(form.get(name, default) or default).strip()


def perform(loaded: Loaded, decisions: Decisions, form: Mapping[str, str], door: str) -> Action:
    """Carry out one posted action; raise Conflict with a message for the reviewer when it cannot be."""
    if loaded.plan is None:
        raise Conflict("dit dossier heeft fouten in de content; los die eerst op")
    plan = loaded.plan
    expected = {"woo": _field(form, "versie_woo"), "personen": _field(form, "versie_personen")}
    action = _field(form, "actie")
    grond = _field(form, "grond", PERSONAL)
    if grond not in GRONDEN:
        raise Conflict(f"onbekende Woo-grond '{grond}'")
    if action == "behouden":
        item = _item(loaded, _field(form, "item"))
        reden = _field(form, "reden")
        if reden not in KEEP_REASONS:
            raise Conflict("kies een reden om de tekst te laten staan")
        return decisions.keep(expected, item.text, door, reden)
    if action == "registreren":
        item = _item(loaded, _field(form, "item"))
        if item.kind != "persoonsgegeven":
            raise Conflict("registreren kan alleen voor een onbekende persoon")
        naam = _field(form, "naam", item.text)
        rol = _field(form, "rol")
        if rol not in ROLLEN:
            raise Conflict("kies een rol voor deze persoon")
        pid = _field(form, "persoon_id") or person_id_for(naam, set(plan.content.personen))
        if pid in plan.content.personen:
            raise Conflict(f"het id '{pid}' bestaat al in personen.yaml; kies een ander id")
        return decisions.register(expected, pid, naam, rol, _field(form, "functie"), door,
                                  _field(form, "reden") or f"geregistreerd als {rol}", contact=item.contact)
    if action == "lakken":
        item = _item(loaded, _field(form, "item"))
        toelichting = _field(form, "toelichting")
        if grond == PERSONAL and item.kind == "persoonsgegeven" and looks_like_name(item.text):
            # A person: every form of the name, everywhere, checked by the gate; the register is how.
            pid = person_id_for(item.text, set(plan.content.personen))
            return decisions.register(expected, pid, item.text, "extern", "", door,
                                      toelichting or "persoonsgegeven van een niet-publiek persoon",
                                      contact=item.contact)
        places = []
        for kind, doc in plan.docs.items():
            n = occurrences(doc, item.text)
            if n > 1:
                raise Conflict(f'"{item.text}" staat {n} keer in de {kind}; een lakken-regel treft precies één plek. '
                               "Selecteer elke plek met wat tekst eromheen en lak die als passage.")
            if n == 1:
                places.append((kind, item.text))
        if not places:
            raise Conflict(f'"{item.text}" staat niet (meer) letterlijk in de documenten; selecteer de tekst zelf')
        return decisions.redact_passages(expected, places, grond, toelichting or GRONDEN[grond], door,
                                         _field(form, "reden"))
    if action == "passage":
        kind = _field(form, "document")
        passage = normalise(_field(form, "passage"))
        if kind not in plan.docs:
            raise Conflict("onbekend document")
        if len(passage) < 2:
            raise Conflict("selecteer eerst de tekst die gelakt moet worden")
        n = occurrences(plan.docs[kind], passage)
        if n != 1:
            what = "komt niet letterlijk voor" if n == 0 else f"komt {n} keer voor"
            raise Conflict(f'de selectie "{passage}" {what} in de {kind}; een passage moet precies één plek treffen '
                           "(selecteer binnen één alinea, zonder gelakte stukken, en neem meer tekst als ze vaker "
                           "voorkomt)")
        toelichting = _field(form, "toelichting")
        if not toelichting:
            raise Conflict("geef een toelichting: die komt in de inventarislijst en de motivering")
        return decisions.redact_passage(expected, kind, passage, grond, toelichting, door, _field(form, "reden"))
    raise Conflict(f"onbekende actie '{action}'")
