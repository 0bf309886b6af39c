"""Write the body of tools/data/polder-personen.tsv from a checkout of Polder (anneschuth/polder, data CC0 1.0).

Only the offices the register of public office holders needs: every seat in the Tweede or Eerste Kamer, and the
minister's and staatssecretaris's posts since 2000, one line per mandate (Polder's person id, full name, given
name, initials, family name, office, start, end, Polder's source). Left out: symbolic posts, honorary titles
("Minister van Staat"), civil servants' posts Polder files under a minister's post, and offices ended before 2000.
The header of the TSV (source, commit, licence, coverage) is kept by hand above this body.

    .venv/bin/python tools/polder_personen.py /path/to/polder > /tmp/body.tsv
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

MINISTER = re.compile(r"post:minister(-|$)")
STAATSSECRETARIS = re.compile(r"post:staatssecretaris(-|$)")
BY_TITLE = re.compile(r"(?i)(nederlands )?(minister|staatssecretaris)")


def office(mandate: dict[str, Any]) -> str | None:
    org, post = mandate.get("organization_id") or "", mandate.get("post_id") or ""
    if org == "org:tweede-kamer" and post == "post:kamerlid":
        return "Tweede Kamerlid"
    if org == "org:eerste-kamer" and post == "post:senator":
        return "Eerste Kamerlid"
    role = mandate.get("role") or ""
    if not org.startswith("org:min-") or not BY_TITLE.match(role) or role.startswith("Minister van Staat"):
        return None  # "Secretaris van de ministerraad" filed under post:minister-president is a civil servant
    if MINISTER.match(post) and "symbolisch" not in post:
        return "minister"
    if STAATSSECRETARIS.match(post):
        return "staatssecretaris"
    return None


def rows(polder: Path) -> list[tuple[str, ...]]:
    yaml = YAML(typ="safe", pure=True)
    out = []
    for path in sorted((polder / "data" / "personen").glob("*.yaml")):
        person = yaml.load(path.read_text(encoding="utf-8"))
        name = person.get("name") or {}
        fields = [str(name.get(k) or "").strip() for k in ("full", "given", "initials", "family")]
        mandates = person.get("mandaten") or []
        symbolic = {m.get("id") for m in mandates if "symbolisch" in (m.get("post_id") or "")}
        for m in mandates:
            functie = None if m.get("id") in symbolic else office(m)  # (a symbolic post is also filed as a minister's)
            van, tot = str(m.get("start_date") or ""), str(m.get("end_date") or "")
            if functie is None or (tot and tot < "2000-01-01"):
                continue
            source = (m.get("sources") or [{}])[0].get("id", "")
            row = (person["id"].removeprefix("person:"), *fields, functie, van, tot, source)
            if any("\t" in x or "\n" in x for x in row):
                raise ValueError(f"{path}: a tab or newline in {row}")
            out.append(row)
    return out


if __name__ == "__main__":
    sys.stdout.write("".join("\t".join(r) + "\n" for r in rows(Path(sys.argv[1]))))
