"""The detectors on real published government texts with planted data (bench/corpus_real); see eval_detector."""

from __future__ import annotations

import csv
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from baseline import unregistered_before_issue11 as old  # noqa: E402  (BASELINE ONLY)

from redaction.matchers import PersonData, find_person_data, find_unregistered  # noqa: E402
from redaction.matchers.unregistered import mailbox_owner, scan, surname_key  # noqa: E402

CORPUS = ROOT / "bench" / "corpus_real"
MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    category: str


@dataclass(frozen=True)
class Doc:
    id: str
    split: str  # afgestemd | achtergehouden | achtergehouden-2 .. achtergehouden-6
    planted: bool  # civil servants' data planted (else look-alikes only)
    text: str
    gold: tuple[Gold, ...]
    register: tuple[PersonData, ...]


def _unmark(paragraph: str, offset: int) -> tuple[str, list[Gold]]:
    out, gold, pos = "", [], 0
    for m in MARK.finditer(paragraph):
        out += paragraph[pos : m.start()]
        gold.append(Gold(offset + len(out), offset + len(out) + len(m.group(2)), m.group(1)))
        out += m.group(2)
        pos = m.end()
    return out + paragraph[pos:], gold


def load_corpus() -> list[Doc]:
    """Each text with its planted paragraphs inserted evenly between its own paragraphs."""
    plants: dict[str, list[str]] = {}
    for line in (CORPUS / "plants.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            doc, paragraph = line.split("\t", 1)
            plants.setdefault(doc, []).append(paragraph)
    docs = []
    with (CORPUS / "meta.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            paras = (CORPUS / "texts" / f"{row['doc']}.txt").read_text(encoding="utf-8").strip().split("\n\n")
            mine = plants.get(row["doc"], [])
            step = max(1, len(paras) // (len(mine) + 1))
            text, gold = "", []
            inserted = 0
            for i, para in enumerate(paras):
                text += para + "\n\n"
                if inserted < len(mine) and (i + 1) % step == 0 and i + 1 < len(paras):
                    plain, g = _unmark(mine[inserted], len(text))
                    text += plain + "\n\n"
                    gold += g
                    inserted += 1
            for extra in mine[inserted:]:
                plain, g = _unmark(extra, len(text))
                text += plain + "\n\n"
                gold += g
            register = tuple(PersonData(f"p{i}", n) for i, n in enumerate(filter(None, row["register"].split("|"))))
            docs.append(Doc(row["doc"], row["deel"], bool(gold), text, tuple(gold), register))
    return docs


Detector = Callable[[Doc], list[tuple[int, int, str, str]]]  # (start, end, category, finding key)


def new_detector(doc: Doc) -> list[tuple[int, int, str, str]]:
    keep = [p.naam for p in doc.register]
    hits = find_unregistered(doc.text, known=doc.register, keep_names=keep)
    keys = {(c.start, c.end): c.key for c in scan(doc.text, known=doc.register, keep_names=keep).candidates}
    return [(h.start, h.end, h.category, keys.get((h.start, h.end), str(h.start))) for h in hits]


def old_detector(doc: Doc) -> list[tuple[int, int, str, str]]:
    keep = [p.naam for p in doc.register]
    hits = old.find_unregistered(doc.text, known=doc.register, keep_names=keep)
    return [(h.start, h.end, h.category, doc.text[h.start : h.end]) for h in hits]  # one decision per spelling


def deduce_detector(detect: Callable[[str], list]) -> Detector:  # type: ignore[type-arg]
    def run(doc: Doc) -> list[tuple[int, int, str, str]]:
        known = find_person_data(doc.text, doc.register)
        out = []
        for s in detect(doc.text):
            if not any(s.start < k.end and k.start < s.end for k in known):
                out.append((s.start, s.end, s.category, doc.text[s.start : s.end]))
        return out

    return run


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def measure(docs: Sequence[Doc], detect: Detector) -> dict[str, float]:
    """Occurrence precision/recall, decisions, leaks, clean documents that stop, time per 100,000 chars.

    A leak is a planted item that is neither found nor redacted once the real findings are
    decided: registering a found person redacts every other form of their name and their
    e-mail address; a telephone number must be found itself.
    """
    pred_n = pred_ok = gold_n = gold_found = 0
    decisions = real_decisions = clean = clean_stops = 0
    leaks: list[str] = []
    chars, seconds = 0, 0.0
    for doc in docs:
        t0 = time.perf_counter()
        pred = detect(doc)
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        pred_n += len(pred)
        pred_ok += sum(any(_overlap((p[0], p[1]), (g.start, g.end)) for g in doc.gold) for p in pred)
        gold_n += len(doc.gold)
        # a real finding, once decided (registered), redacts every form of that person's name
        decided = {surname_key(doc.text[p[0]:p[1]]) for p in pred if p[2] == "naam"
                   and any(_overlap((p[0], p[1]), (g.start, g.end)) for g in doc.gold)}
        for g in doc.gold:
            written = doc.text[g.start : g.end]
            if any(_overlap((p[0], p[1]), (g.start, g.end)) for p in pred):
                gold_found += 1
            elif not ((g.category == "naam" and surname_key(written) in decided)
                      or (g.category == "email" and mailbox_owner(written, sorted(decided)))):
                leaks.append(f"{doc.id}: {written!r}")
        groups: dict[str, bool] = {}
        for p in pred:
            real = any(_overlap((p[0], p[1]), (g.start, g.end)) for g in doc.gold)
            groups[p[3]] = groups.get(p[3], False) or real
        decisions += len(groups)
        real_decisions += sum(groups.values())
        if not doc.planted:
            clean += 1
            clean_stops += bool(pred)
    return {
        "precisie": pred_ok / pred_n if pred_n else 1.0,
        "recall": gold_found / gold_n if gold_n else 1.0,
        "voorspeld": pred_n,
        "goud": gold_n,
        "besluiten": decisions,
        "besluiten_echt": real_decisions,
        "precisie_besluiten": real_decisions / decisions if decisions else 1.0,
        "lekken": len(leaks),
        "lekken_lijst": leaks,  # type: ignore[dict-item]
        "schone_docs": clean,
        "schone_docs_stoppen": clean_stops,
        "ms_per_100k": seconds * 1000 * 100_000 / chars if chars else 0.0,
    }


def misses(docs: Sequence[Doc], detect: Detector) -> list[str]:
    out = []
    for doc in docs:
        for p in detect(doc):
            if not any(_overlap((p[0], p[1]), (g.start, g.end)) for g in doc.gold):
                out.append(f"  FP {doc.id} {p[2]:8} {doc.text[p[0]:p[1]]!r}")
        for g in doc.gold:
            if not any(_overlap((p[0], p[1]), (g.start, g.end)) for p in detect(doc)):
                out.append(f"  FN {doc.id} {g.category:8} {doc.text[g.start:g.end]!r}")
    return out


def _part_order(split: str) -> tuple[bool, int]:
    """afgestemd, achtergehouden, achtergehouden-2, ... achtergehouden-10 (by number, not as text)."""
    number = split.rsplit("-", 1)[1] if split[-1].isdigit() else "1"
    return split != "afgestemd", int(number)


def report_real(deduce_detect: Callable[[str], list] | None) -> int:  # type: ignore[type-arg]
    docs = load_corpus()
    systems: dict[str, Detector] = {"oud (a573841)": old_detector, "nieuw": new_detector}
    if deduce_detect is not None:
        systems["deduce"] = deduce_detector(deduce_detect)
    results: dict[str, dict[str, dict[str, float]]] = {}
    parts = sorted({d.split for d in docs}, key=_part_order)  # every part meta.tsv names
    for split in parts:
        part = [d for d in docs if d.split == split]
        planted = sum(d.planted for d in part)
        print(f"== echte teksten, {split}: {len(part)} documenten ({planted} met geplante gegevens, "
              f"{len(part) - planted} met look-alikes), {sum(len(d.text) for d in part)} tekens")
        print(f"{'systeem':16} {'P(plek)':>7} {'R':>5} {'besluiten':>9} {'P(besl.)':>8} {'lekken':>6} "
              f"{'schoon stopt':>12} {'ms/100k':>8}")
        for name, detect in systems.items():
            detect(part[0])  # warm caches (name lists, regexes) outside the timing
            r = measure(part, detect)
            results.setdefault(split, {})[name] = r
            print(f"{name:16} {r['precisie']:7.2f} {r['recall']:5.2f} {r['besluiten']:9.0f} "
                  f"{r['precisie_besluiten']:8.2f} {r['lekken']:6.0f} "
                  f"{r['schone_docs_stoppen']:5.0f} van {r['schone_docs']:<3.0f} {r['ms_per_100k']:8.1f}")
            if "-v" in sys.argv and (split == "afgestemd" or f"--ook-{split}" in sys.argv):
                print("\n".join(misses(part, detect)) or "  (geen fouten)")
        print()
    if "--json" in sys.argv:
        Path(sys.argv[sys.argv.index("--json") + 1]).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0
