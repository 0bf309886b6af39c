"""Per-text cost of the unregistered-data scan against the register's size.

    .venv/bin/python bench/scan_register.py [--sizes 100,1000,5000] [--repeat 20]

One fixed text (a nota paragraph with two registered and two unregistered people, an address
and a number) is scanned with registers of generated people (none of whom but the first two
stand in the text), a fresh tuple per size as a build holds it. The first scan of a register
builds what is cached per register; the figure is the median of the scans after it, which is
what every further text of the run costs. It must not grow with the register.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from redaction.matchers import PersonData  # noqa: E402
from redaction.matchers.unregistered import scan  # noqa: E402

TEXT = (
    "Op 12 maart sprak de directeur, mevrouw J. de Vries, met projectleider Van Leeuwen van de directie "
    "Wonen over de uitvoering. Zij is bereikbaar op 06 1234 5678 of via m.vanleeuwen@minbzk.nl. "
    "Collega Bakker (p.bakker@minezk.nl) stuurde het concept door aan de heer Ruud Kroonenberg; "
    "minister De Jonge reageerde op 3 april. Zie ook rapport_vries_2024.pdf en het advies van de "
    "Raad van State. Beleidsmedewerker, Directie Wonen en Bouwen."
)
_SYL = ["ber", "dan", "ker", "lo", "man", "ste", "ven", "wa", "hof", "gel", "rik", "mo", "tel", "zan", "dor"]


def people(n: int, seed: int = 7) -> tuple[tuple[PersonData, ...], tuple[str, ...]]:
    rng = random.Random(seed)
    out = [PersonData("jdevries", "J. de Vries", "Johanna", "j.devries@minbzk.nl", "070 123 45 67", "JdV"),
           PersonData("pbakker", "P. Bakker", "Pieter", "p.bakker@minezk.nl", None, "PBa")]
    texts = ["Directeur Wonen", "Beleidsmedewerker, Directie Wonen en Bouwen"]
    seen = set()
    while len(out) < n:
        core = "".join(rng.choice(_SYL) for _ in range(4)).capitalize()
        if core in seen:
            continue
        seen.add(core)
        i = len(out)
        given = rng.choice(["Anouk", "Bram", "Cees", "Daan", "Eva", "Floor", "Gert", "Hanna"])
        out.append(PersonData(f"p{i}", f"{given[0]}. {core}", given, f"{given.lower()}.{core.lower()}@minfin.nl",
                              f"06 {rng.randrange(10**7, 10**8):08d}", f"{given[0]}{core[:2]}"))
        texts.append(f"Senior beleidsmedewerker, Directie {core}")
    return tuple(out), tuple(texts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000,5000")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    for n in (int(s) for s in args.sizes.split(",")):
        known, register = people(n)
        t0 = time.perf_counter()
        first = scan(TEXT, known=known, register_texts=register, keep_names=("De Jonge", "Jonge"))
        first_s = time.perf_counter() - t0
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            again = scan(TEXT, known=known, register_texts=register, keep_names=("De Jonge", "Jonge"))
            times.append(time.perf_counter() - t0)
            assert again == first
        # the next dossier of a build: a register of the same value, in new tuples of new objects
        fresh = []
        for _ in range(3):
            k2, r2 = people(n)
            t0 = time.perf_counter()
            assert scan(TEXT, known=k2, register_texts=r2, keep_names=("De Jonge", "Jonge")) == first
            fresh.append(time.perf_counter() - t0)
        per_text = statistics.median(times) * 1000
        print(f"{n:5d} people: first scan {first_s * 1000:7.1f} ms, then {per_text:6.2f} ms/text,"
              f" an equal register anew {statistics.median(fresh) * 1000:7.1f} ms ({len(first.candidates)} candidates)",
              flush=True)


if __name__ == "__main__":
    main()
