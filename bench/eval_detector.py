"""Precision/recall of unregistered personal-data detection: old rules, new rules and deduce.

Two measurements:
- the sentence fixtures in tests/resources (short ministry-style sentences);
- the real corpus in bench/corpus_real: published Dutch government texts with civil
  servants' data planted in half and look-alikes in the other half (see its README). The
  held-out part ("achtergehouden") was never used to tune the rules.

Run: .venv/bin/python bench/eval_detector.py [-v] [--json PATH]
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from redaction.matchers import PersonData, find_person_data, find_unregistered  # noqa: E402

RESOURCES = ROOT / "tests" / "resources"
CORPUS = ROOT / "bench" / "corpus_real"
# the rules were tuned on the first set; the held-out set was written before the last
# changes and never tuned on, so its numbers are the fairer estimate
FIXTURES = {
    "afgestemd": RESOURCES / "detector_sentences.txt",
    "achtergehouden": RESOURCES / "detector_sentences_holdout.txt",
}
CATEGORIES = ("naam", "email", "telefoon")
KNOWN = [
    PersonData("avries", "A.B. de Vries", "Anne", "a.b.devries@minezk.nl", "06 12345678", "AdV"),
    PersonData("pvdberg", "dr. P. van den Berg", "Pieter", None, "070 - 456 78 90", "PvdB"),
    PersonData("kdejong", "K. de Jong", "Karin", "k.dejong@minezk.nl", None, "KdJ"),
    PersonData("sozturk", "S. Öztürk", None, None, None, None),
    PersonData("madriaansens", "M.A.M. Adriaansens", "Micky", None, None, None),
]
KEEP_NAMES = ["Marijnissen", "Klaver", "van Baarle", "Adriaansens", "Rutte", "Kaag", "Omtzigt"]
ALLOWED = ["info@rijksoverheid.nl", "0800-8051"]
DEDUCE_TAGS = {"persoon": "naam", "emailadres": "email", "telefoonnummer": "telefoon"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    category: str


def load_fixture(path: Path) -> list[tuple[str, list[Span]]]:
    """Sentences with their gold spans; [[cat:text]] marks are removed from the text."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, gold, pos = "", [], 0
        for m in re.finditer(r"\[\[(\w+):(.+?)\]\]", line):
            text += line[pos : m.start()]
            gold.append(Span(len(text), len(text) + len(m.group(2)), m.group(1)))
            text += m.group(2)
            pos = m.end()
        cases.append((text + line[pos:], gold))
    return cases


def rules(text: str) -> list[Span]:
    hits = find_unregistered(text, known=KNOWN, allowed=ALLOWED, keep_names=KEEP_NAMES)
    return [Span(h.start, h.end, h.category) for h in hits]


def make_deduce() -> Callable[[str], list[Span]] | str:
    """deduce as a detector, or the reason it cannot run here."""
    try:
        import deduce
    except ImportError:
        return "deduce is not installed (pip install deduce)"
    logging.getLogger().setLevel(logging.WARNING)
    try:
        model = deduce.Deduce()
    except Exception as exc:  # noqa: BLE001 - any load failure (lookup data, offline) is the finding
        return f"deduce failed to load: {exc}"

    def detect(text: str) -> list[Span]:
        anns = model.deidentify(text).annotations
        return [Span(a.start_char, a.end_char, DEDUCE_TAGS[a.tag]) for a in anns if a.tag in DEDUCE_TAGS]

    return detect


def with_register(detect: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    """The same post-filter the pipeline applies: register, keep_names, allowed."""

    def filtered(text: str) -> list[Span]:
        known = find_person_data(text, KNOWN)
        kept = []
        for s in detect(text):
            written = text[s.start : s.end]
            if any(s.start < k.end and k.start < s.end for k in known):
                continue
            if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", written, re.IGNORECASE) for n in KEEP_NAMES):
                continue
            if any(a.casefold() in written.casefold() for a in ALLOWED):
                continue
            kept.append(s)
        return kept

    return filtered


def union(a: Callable[[str], list[Span]], b: Callable[[str], list[Span]]) -> Callable[[str], list[Span]]:
    def both(text: str) -> list[Span]:
        first = a(text)
        extra = [s for s in b(text) if not any(s.start < f.end and f.start < s.end for f in first)]
        return first + extra

    return both


def score(
    cases: Sequence[tuple[str, list[Span]]], detect: Callable[[str], list[Span]]
) -> dict[str, tuple[int, int, int, int]]:
    """Per category: (predicted, predicted that hit gold, gold, gold that was hit); overlap counts."""
    counts = {c: [0, 0, 0, 0] for c in (*CATEGORIES, "alles")}
    for text, gold in cases:
        pred = detect(text)
        for cat in CATEGORIES:
            p = [s for s in pred if s.category == cat]
            g = [s for s in gold if s.category == cat]
            row = (
                len(p),
                sum(any(x.start < y.end and y.start < x.end for y in g) for x in p),
                len(g),
                sum(any(x.start < y.end and y.start < x.end for x in p) for y in g),
            )
            for key in (cat, "alles"):
                counts[key] = [a + b for a, b in zip(counts[key], row, strict=True)]
    return {k: tuple(v) for k, v in counts.items()}  # type: ignore[misc]


def fmt(row: tuple[int, int, int, int]) -> str:
    pred, tp_pred, gold, tp_gold = row
    p = tp_pred / pred if pred else 1.0
    r = tp_gold / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:4.2f} R {r:4.2f} F1 {f:4.2f} ({tp_pred}/{pred}, {tp_gold}/{gold})"


def misses(cases: Sequence[tuple[str, list[Span]]], detect: Callable[[str], list[Span]]) -> list[str]:
    out = []
    for text, gold in cases:
        pred = detect(text)
        for s in pred:
            if not any(s.start < g.end and g.start < s.end and g.category == s.category for g in gold):
                out.append(f"  FP {s.category:8} {text[s.start : s.end]!r}")
        for g in gold:
            if not any(s.start < g.end and g.start < s.end and g.category == s.category for s in pred):
                out.append(f"  FN {g.category:8} {text[g.start : g.end]!r}")
    return out


def report(
    title: str, cases: Sequence[tuple[str, list[Span]]], systems: dict[str, Callable[[str], list[Span]]]
) -> None:
    gold_n = sum(len(g) for _, g in cases)
    print(f"== {title}: {len(cases)} zinnen, {gold_n} gemarkeerde persoonsgegevens")
    print(f"{'systeem':22} {'categorie':9} resultaat")
    for name, detect in systems.items():
        t0 = time.perf_counter()
        rows = score(cases, detect)
        ms = (time.perf_counter() - t0) * 1000 / len(cases)
        for cat, row in rows.items():
            print(f"{name:22} {cat:9} {fmt(row)}")
        print(f"{name:22} {'tijd':9} {ms:.2f} ms per zin")
    print()
    if "-v" in sys.argv:
        for name, detect in systems.items():
            print(name)
            print("\n".join(misses(cases, detect)) or "  (geen fouten)")
        print()


def main() -> int:
    systems: dict[str, Callable[[str], list[Span]]] = {"regels (matchers)": rules}
    t0 = time.perf_counter()
    ded = make_deduce()
    load = time.perf_counter() - t0
    if isinstance(ded, str):
        print(ded)
    else:
        systems["deduce (rauw)"] = ded
        systems["deduce + register"] = with_register(ded)
        systems["regels ∪ deduce+reg"] = union(rules, with_register(ded))
        print(f"deduce {__import__('deduce').__version__} geladen in {load:.1f} s\n")
    print("P = precisie, R = recall; telling per overlap: (voorspeld raak/voorspeld, gevonden/goud)\n")
    for title, path in FIXTURES.items():
        report(title, load_fixture(path), systems)
    from eval_real import report_real  # bench/eval_real.py: the real published texts

    return report_real(None if isinstance(ded, str) else ded)


if __name__ == "__main__":
    raise SystemExit(main())
