"""Write redaction/matchers/publieke_personen.tsv: Dutch public office holders, from ParlaMint-NL.

The detector of unregistered personal data must not stop on people who appear in public by function.
Who held such an office comes from ParlaMint-NL (CLARIN ERIC, https://github.com/clarin-eric/ParlaMint,
licence CC BY 4.0): the metadata of every speaker in the Tweede and Eerste Kamer from 16 April 2014 to
12 July 2022, with the dates of their membership of either chamber and of their offices as minister or
staatssecretaris. tools/data/parlamint-nl-personen.tsv is a field-by-field transcription of its
ParlaMint-NL-listPerson.xml (see its header); this script turns it into one row per person and office:

    naam, voornaam, tussenvoegsel, achternaam, functie, van, tot, bron

functie is "minister", "staatssecretaris", "Tweede Kamerlid", "Eerste Kamerlid", or "politicus" for a
speaker with a party whose chamber the source does not record (mostly Kamerleden, a few members of the
European Parliament). Speakers without a party or an office (guests, experts) are left out.

    .venv/bin/python tools/publieke_personen.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redaction.matchers.names import TUSSENVOEGSELS  # noqa: E402

SOURCE = ROOT / "tools" / "data" / "parlamint-nl-personen.tsv"
OUT = ROOT / "redaction" / "matchers" / "publieke_personen.tsv"
BRON = "ParlaMint-NL"
COLUMNS = ("naam", "voornaam", "tussenvoegsel", "achternaam", "functie", "van", "tot", "bron")


def split_surname(surname: str) -> tuple[str, str]:
    """("van der", "Steur") from "van der Steur" or "Van der Steur" (lower case, as written
    after a given name); "Faber-van de Klashorst" has no leading tussenvoegsel."""
    words = surname.split()
    i = 0
    while i < len(words) - 1 and words[i].casefold().replace("’", "'") in TUSSENVOEGSELS:
        i += 1
    return " ".join(words[:i]).casefold(), " ".join(words[i:])


def offices(affiliations: str) -> list[tuple[str, str, str]]:
    """(functie, van, tot) for each office among "role:ref:from:to" affiliations."""
    found: list[tuple[str, str, str]] = []
    party = False
    for item in affiliations.split():
        role, ref, start, end = item.split(":")
        if ref.startswith("party."):
            party = True
            continue
        if role == "minister" and ref == "GOV":
            functie = "minister"
        elif role == "secretaryOfState":
            functie = "staatssecretaris"
        elif role in ("member", "head") and ref in ("TK", "EK"):
            functie = "Tweede Kamerlid" if ref == "TK" else "Eerste Kamerlid"
        else:
            raise ValueError(f"unknown affiliation {item!r}")
        if (functie, start, end) not in found:
            found.append((functie, start, end))
    if not found and party:
        found.append(("politicus", "", ""))
    return found


def rows(source: Path) -> list[tuple[str, ...]]:
    seen: set[tuple[str, ...]] = set()
    out: list[tuple[str, ...]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        forename, surname, affiliations = line.split("\t")
        tussen, achternaam = split_surname(surname)
        naam = " ".join(p for p in (forename, tussen, achternaam) if p)
        for functie, van, tot in offices(affiliations):
            row = (naam, forename, tussen, achternaam, functie, van, tot, BRON)
            if row not in seen:
                seen.add(row)
                out.append(row)
    return sorted(out, key=lambda r: (r[3].casefold(), r[1].casefold(), r[5], r[4]))


def main() -> None:
    data = rows(SOURCE)
    header = (
        "# Dutch public office holders: members of the Tweede and Eerste Kamer, ministers and staatssecretarissen\n"
        "# who spoke in either chamber 2014-04-16..2022-07-12, from ParlaMint-NL (CLARIN ERIC, licence CC BY 4.0,\n"
        "# https://github.com/clarin-eric/ParlaMint, ParlaMint-NL-listPerson.xml at commit f2918caa).\n"
        "# Written by tools/publieke_personen.py from tools/data/parlamint-nl-personen.tsv; do not edit by hand.\n"
    )
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(data)
    print(f"{OUT}: {len(data)} rows, {len({r[0] for r in data})} people")


if __name__ == "__main__":
    main()
