"""Write redaction/matchers/publieke_personen.tsv: Dutch public office holders (ParlaMint-NL, Rijksoverheid.nl, Polder).

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

Cabinets outside those years come from Rijksoverheid.nl (licence CC0 1.0): the ministers and
staatssecretarissen of Balkenende IV, Rutte-Verhagen, Rutte IV, Schoof and Jetten, as its pages on each cabinet
list them (tools/data/rijksoverheid-kabinetten.tsv, a transcription; see its header). One line there names a
holder as "Mr. drs. M.C.G. (Mona) Keijzer (BBB), vanaf 19 juni 2025": titles and degrees are left out, the given
name is the one in brackets, or else the initials ("W.J."), unless ParlaMint or another line knows exactly one
holder of that surname whose given name fits them (then that given name: "H.G.J. Kamp" is Henk Kamp). A person
is one person across the sources (same tussenvoegsel, surname and given name); an office the list already has
for that person from the same day is not repeated.

Members of either chamber and cabinet members outside those sources come from Polder (anneschuth/polder, data licence
CC0 1.0): tools/data/polder-personen.tsv transcribes its records of every member of the Tweede Kamer in the Kamer's open
data (members who sat from 2008 on, complete from 2012), the members of the Eerste Kamer seated in 2026, and ministers
and staatssecretarissen from Wikidata and the Staatscourant (see its header). bron names Polder and its source
("Polder/TK OData"). A record's given name is its own; titles, initials and degrees are taken off the surname ("(b.d.)
drs. A.J.A. Beukering", "van Gasteren LLM"), and the full name decides over the family field, which may lack a
tussenvoegsel ("Hugo de Jonge" has family "Jonge"); a record whose given name is initials ("W.J.M.", "ir. J.F.") or
that has none takes the name from its full name ("Auke van der Goot", "drs. F.Q. Gräper-van Koolwijk"), else it is
known by its initials, resolved to a given name as a cabinet's line is. Polder's given names help resolve the cabinets'
initials too ("A. Aboutaleb" is Ahmed Aboutaleb). Its lines come after ParlaMint's and the cabinets', whose rows
stay as they were but for those names; a Polder line whose office they already have adds nothing.

    .venv/bin/python tools/publieke_personen.py
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redaction.matchers.names import TUSSENVOEGSELS  # noqa: E402

SOURCE = ROOT / "tools" / "data" / "parlamint-nl-personen.tsv"
KABINETTEN = ROOT / "tools" / "data" / "rijksoverheid-kabinetten.tsv"
POLDER = ROOT / "tools" / "data" / "polder-personen.tsv"
OUT = ROOT / "redaction" / "matchers" / "publieke_personen.tsv"
BRON = "ParlaMint-NL"
BRON_KABINETTEN = "Rijksoverheid.nl"
# Polder's source per mandate (its header) -> bron
BRON_POLDER = {
    "tk_odata": "Polder/TK OData",
    "ek_scrape": "Polder/eerstekamer.nl",
    "wikidata": "Polder/Wikidata",
    "staatscourant": "Polder/Staatscourant",
    "abd_nieuws": "Polder/ABD",
}
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


_MONTH_NAMES = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_DATE = r"(\d{1,2}) (" + "|".join(_MONTHS) + r")(?: (\d{4}))?"
_TITLES = re.compile(r"^(?:(?:prof|dr|mr|drs|ir|ing|ds)\.\s*)+", re.IGNORECASE)
_INITIALS = re.compile(r"^((?:[A-Z][a-z]?\.\s?)+)")
_CALLED = re.compile(r"^\(([^)]+)\)\s*")
_DEGREES = re.compile(r"(?:,?\s+(?:MSc|MPA|MA|MBA|MMC|MDR|LLM|LL\.M\.))+$")
_HONORIFIC = re.compile(r"^(?:\(b\.d\.\)\s*|(?:em|prof|dr|mr|drs|ir|ing|ds)\.\s*)+", re.IGNORECASE)
_ALSO_CALLED = re.compile(r"\s*\([^)]*\)")
_ALSO = re.compile(r"\.?\s*Ook viceminister-president(?: \([^)]*\))?")
_AWAY = re.compile(r",?\s*tijdelijk afwezig (?:van|vanaf) " + _DATE + r"(?: - " + _DATE + r")?")


def _iso(day: str, month: str, year: str) -> str:
    return f"{int(year):04d}-{_MONTHS[month]:02d}-{int(day):02d}"


def _period(rest: str, van: str, tot: str) -> tuple[str, str]:
    """(van, tot) of one holder line's remainder after the name and party: "vanaf 5 september 2025",
    "6 september - 3 oktober 2022", "afgetreden (op) 23 februari 2010", "tot 23 februari 2010"; the cabinet's own
    days where the line gives none. A temporary absence ("tijdelijk afwezig van ... - ...") is no end."""
    rest = _AWAY.sub("", _ALSO.sub("", rest))
    if m := re.search(_DATE + r" - " + _DATE, rest):
        d1, m1, y1, d2, m2, y2 = m.groups()
        return _iso(d1, m1, y1 or y2), _iso(d2, m2, y2)
    if m := re.search(r"vanaf " + _DATE, rest):
        van = _iso(*m.groups())
    if m := re.search(r"(?:afgetreden(?: op)?|tot) " + _DATE, rest):
        tot = _iso(*m.groups())
    return van, tot


def parse_holder(line: str) -> tuple[str, str, str, str]:
    """(initials, given name or "", surname as written, the rest of the line) of one holder line."""
    text = _TITLES.sub("", line.strip())
    m = _INITIALS.match(text)
    if not m:
        raise ValueError(f"no initials in {line!r}")
    initials = m.group(1).replace(" ", "")
    text = text[m.end() :]
    called = ""
    if c := _CALLED.match(text):
        called, text = c.group(1).strip(), text[c.end() :]
    cut = text.find(" (")
    if cut < 0:
        cut = text.find(",") if "," in text else len(text)
    name, rest = text[:cut], text[cut:]
    if rest.startswith(" ("):
        rest = rest[rest.index(")") + 1 :]
    return initials, called, _DEGREES.sub("", name.strip()).strip(), rest


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _fits(initials: str, voornaam: str) -> bool:
    """Does a given name fit the written initials: its first letter is theirs ("H.G.J." and Henk)."""
    return bool(voornaam) and "." not in voornaam and _fold(voornaam)[0] == _fold(initials)[0]


def cabinet_entries(source: Path) -> list[tuple[str, str, str, str, str, str, str]]:
    """(initials, given name or "", tussenvoegsel, achternaam, functie, van, tot) per holder line of the
    Rijksoverheid transcription; functie "minister" or "staatssecretaris" by the list the line is in."""
    found: list[tuple[str, str, str, str, str, str, str]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _kabinet, kab_van, kab_tot, lijst, _post, regel = line.split("\t")
        functie = {"Ministers": "minister", "Staatssecretarissen": "staatssecretaris"}[lijst]
        initials, called, surname, rest = parse_holder(regel)
        tussen, achternaam = split_surname(surname)
        van, tot = _period(rest, kab_van, kab_tot)
        found.append((initials, called, tussen, achternaam, functie, van, tot))
    return found


def polder_name(full: str, given: str, initials: str, family: str) -> tuple[str, str, str]:
    """(initials, given name or "", surname as written) of a Polder record's name fields (see the module's docstring).
    The full name decides over the family field, which may lack a tussenvoegsel or part of a double name (Wikidata's
    family name of "Hugo de Jonge" is "Jonge") or carry titles, initials and degrees: ("Toine Beukering", "", "",
    "(b.d.) drs. A.J.A. Beukering") is ("A.J.A.", "Toine", "Beukering")."""
    full = _HONORIFIC.sub("", full.replace("- ", "-")).strip()  # "Ankie Broekers- Knol"
    surname = _HONORIFIC.sub("", family.replace("- ", "-"))
    if m := _INITIALS.match(surname):  # "A.Sj. van der Goot"
        initials = initials or m.group(1).replace(" ", "")
        surname = surname[m.end() :]
    surname = _DEGREES.sub("", surname).strip()
    if m := _INITIALS.match(full):  # "drs. F.Q. Gräper-van Koolwijk": initials and the surname, no given name
        return m.group(1).replace(" ", ""), "", _DEGREES.sub("", full[m.end() :]).strip() or surname
    words = given.split()
    while words and words[-1].endswith("-"):  # "Ankie Broekers-", family "Knol": a part of a double surname
        surname = words.pop() + surname
    given = " ".join(words)
    if given and "." not in given:  # not initials ("W.J.M.")
        if full.startswith(given + " "):
            surname = _DEGREES.sub("", full[len(given) + 1 :]).strip() or surname
        return initials, _ALSO_CALLED.sub("", given).strip(), surname  # "Robert (Samuel)" is Robert
    if full.endswith(" " + surname):  # "Auke van der Goot"
        return initials, _ALSO_CALLED.sub("", full[: -len(surname) - 1]).strip(), surname
    return initials, "", surname


def polder_entries(source: Path) -> list[tuple[str, ...]]:
    """(initials, given name or "", tussenvoegsel, achternaam, functie, van, tot, bron) per line of the Polder
    transcription; a record with neither a given name nor initials names nobody and is left out."""
    found: list[tuple[str, ...]] = []
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        _person, full, given, initials, family, functie, van, tot, bron = line.split("\t")
        initials, called, surname = polder_name(full, given, initials, family)
        if not (called or initials):
            continue
        tussen, achternaam = split_surname(surname)
        found.append((initials, called, tussen, achternaam, functie, van, tot, BRON_POLDER[bron]))
    return found


def _covers(a: str, b: str, van: str, tot: str) -> bool:
    """Does a known period (a, b) of an office say all that (van, tot) says: the same days, a second post within
    it, or the same start where the new period gives no end. An end where the known one has none is news
    (ParlaMint leaves the end of an office open when it lasted beyond its last sitting day)."""
    if a == van:
        return b == tot or bool(b) or not tot
    return a <= van and bool(b) and bool(tot) and tot <= b


def all_rows(
    parlamint: Path = SOURCE, kabinetten: Path = KABINETTEN, polder: Path | None = POLDER
) -> list[tuple[str, ...]]:
    """ParlaMint's rows, then the cabinets' and Polder's rows, one person across all (see the module's docstring)."""
    out = rows(parlamint)
    people: dict[tuple[str, str], set[str]] = {}  # (folded tussenvoegsel, achternaam) -> given names
    for r in out:
        people.setdefault((_fold(r[2]), _fold(r[3])), set()).add(r[1])
    entries = [(*e, BRON_KABINETTEN) for e in cabinet_entries(kabinetten)]
    if polder is not None:
        entries += polder_entries(polder)
    for _initials, called, tussen, achternaam, *_ in entries:
        if called:
            people.setdefault((_fold(tussen), _fold(achternaam)), set()).add(called)
    held: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (naam, functie) -> periods
    for r in out:
        held.setdefault((r[0], r[4]), []).append((r[5], r[6]))
    for initials, called, tussen, achternaam, functie, van, tot, bron in entries:
        given = called
        if not given:
            fitting = [v for v in people.get((_fold(tussen), _fold(achternaam)), ()) if _fits(initials, v)]
            given = fitting[0] if len(fitting) == 1 else initials
        naam = " ".join(p for p in (given, tussen, achternaam) if p)
        periods = held.setdefault((naam, functie), [])
        if any(_covers(a, b, van, tot) for a, b in periods):
            continue
        periods.append((van, tot))
        out.append((naam, given, tussen, achternaam, functie, van, tot, bron))
    return sorted(out, key=lambda r: (r[3].casefold(), r[1].casefold(), r[5], r[4]))


def main() -> None:
    data = all_rows()
    header = (
        "# Dutch public office holders: members of the Tweede and Eerste Kamer, ministers and staatssecretarissen.\n"
        "# bron ParlaMint-NL: who spoke in either chamber 2014-04-16..2022-07-12, from ParlaMint-NL (CLARIN ERIC,\n"
        "# licence CC BY 4.0, https://github.com/clarin-eric/ParlaMint, ParlaMint-NL-listPerson.xml at commit\n"
        "# f2918caa). bron Rijksoverheid.nl: the ministers and staatssecretarissen of the cabinets Balkenende IV,\n"
        "# Rutte-Verhagen, Rutte IV, Schoof and Jetten (2007-2012, 2022-), from Rijksoverheid.nl's page on each\n"
        "# cabinet (licence CC0 1.0), transcribed in tools/data/rijksoverheid-kabinetten.tsv (see its header).\n"
        "# bron Polder/<its source>: from Polder (https://github.com/anneschuth/polder, data licence CC0 1.0,\n"
        "# data/personen at commit 82b2d3b0), transcribed in tools/data/polder-personen.tsv (see its header):\n"
        "# Polder/TK OData, every seat of the members of the Tweede Kamer in the Kamer's open data (CC0 1.0;\n"
        "# members who sat from 2008 on, complete from 2012); Polder/eerstekamer.nl, the members of the Eerste\n"
        "# Kamer seated in 2026; Polder/Wikidata (CC0 1.0) and Polder/Staatscourant, ministers and\n"
        "# staatssecretarissen in office on or after 2000-01-01. An office a source above already has for that\n"
        "# person is not repeated.\n"
        "# Written by tools/publieke_personen.py from tools/data/; do not edit by hand.\n"
    )
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.write(header)
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(data)
    print(f"{OUT}: {len(data)} rows, {len({r[0] for r in data})} people")


if __name__ == "__main__":
    main()
