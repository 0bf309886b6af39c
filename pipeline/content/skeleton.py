"""`python -m pipeline nieuw DOSSIER`: a complete dossier skeleton with a Dutch comment on every field."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pipeline.content.load import ID_RE
from pipeline.content.yamlsource import load_yaml
from pipeline.errors import ContentError, Diagnostic, Loc

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "schemas"

DOSSIER = """\
# dossier.yaml: de gegevens en de parafenroute van het dossier. Zie docs/content-format.md.
kenmerk: "{kenmerk}"                 # het kenmerk van de nota; tussen aanhalingstekens mag, hoeft niet
onderwerp: "Onderwerp van de nota"   # de titel van de nota, ook het onderwerp in de Woo-metadata
datum: {datum}                       # de datum van de nota, als JJJJ-MM-DD; gedrukt als "{datum_nl}"
organisatie: {organisatie}           # id uit organisaties.yaml
directie: Directie ...               # de directie van de opsteller, zoals gedrukt
opsteller: {ambtenaar}               # persoon-id uit personen.yaml: de behandelaar / contactpersoon
parafenroute:                        # de parafen in volgorde van de route
  - persoon: {ambtenaar}             # persoon-id; zet 'datum: JJJJ-MM-DD' eronder zodra de paraaf gezet is
# besluit:                           # het besluit van de bewindspersoon; weglaten zolang de route open is
#   persoon: {bewindspersoon}        # persoon-id van de bewindspersoon
#   oordeel: akkoord                 # akkoord | niet akkoord | besproken | gezien
#   datum: {datum}                   # de datum van het besluit
#   opmerking: "..."                 # mag weg: een opmerking bij het besluit
"""

NOTA = """\
# nota.yaml: de nota aan de bewindspersoon. Opmaak in 'tekst': zie docs/content-format.md.
ter: besluitvorming                  # besluitvorming | beslissing | informatie
aan: {bewindspersoon}                # persoon-id van de bewindspersoon aan wie de nota gericht is
kopie_aan: []                        # persoon-id's of vrije tekst, bijvoorbeeld [pvdberg, "DG Bedrijfsleven"]
bijlagen: [kamerbrief, rapportage]   # de documenten van dit dossier die bij de nota horen; weglaten mag
secties:                             # de hoofdstukken van de nota, in volgorde
  - kop: Aanleiding                  # de kop van het hoofdstuk
    tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel; laat hem staan
      Schrijf hier de aanleiding. Een witregel begint een nieuwe alinea.
  - kop: Geadviseerd besluit
    tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel
      U wordt geadviseerd:

      - in te stemmen met ...;
      - kennis te nemen van ....
  - kop: Toelichting  # de kop van het hoofdstuk
    nummering: letters               # mag weg: de subkoppen krijgen dan a., b., c.
    secties:                         # subhoofdstukken, met dezelfde velden
      - kop: Draagvlak  # de kop van het hoofdstuk
        tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel
          ...
"""

KAMERBRIEF = """\
# kamerbrief.yaml: de brief aan de Tweede Kamer (een bijlage van de nota).
betreft: "Onderwerp van de brief"    # de regel 'Betreft'
ondertekenaar: {bewindspersoon}      # persoon-id; een lijst [id1, id2] voor een brief van meer bewindspersonen
# aan: "..."                         # mag weg: standaard de Voorzitter van de Tweede Kamer
# aanhef: "Geachte voorzitter,"      # mag weg: dit is de standaard
tekst: |                             # de eerste alinea's van de brief, vóór de koppen
  Hierbij informeer ik u over ...
secties:                             # mag weg: koppen in de brief, elk met tekst en eventueel een tabel
  - kop: Achtergrond  # de kop van het hoofdstuk
    tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel
      ...
# slot: "..."                        # mag weg: een slotalinea boven de ondertekening
# contactpersoon: {ambtenaar}        # mag weg: persoon-id die in de colofon als contact staat
"""

RAPPORTAGE = """\
# rapportage.yaml: de rapportage (een bijlage van de nota).
titel: "Titel van de rapportage"     # de titel op het voorblad
# ondertitel: "..."                  # mag weg
secties:                             # de hoofdstukken; met drie of meer komt er een inhoudsopgave
  - kop: Inleiding  # de kop van het hoofdstuk
    tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel
      ...
  - kop: Resultaten  # de kop van het hoofdstuk
    tekst: |  # de tekst; de '|' houdt alinea's en opsommingen heel
      ...
    tabel:                           # mag weg: een tabel onder de tekst
      kolommen: [Onderdeel, Aantal, Aandeel]   # de kolomkoppen
      rijen:                         # elke rij evenveel cellen als kolommen; getallen blijven zoals getypt
        - [Voorbeeld, 1.420, "12,5%"]          # een komma in een cel: zet de cel tussen aanhalingstekens
"""

FILES = {"dossier": DOSSIER, "nota": NOTA, "kamerbrief": KAMERBRIEF, "rapportage": RAPPORTAGE}


def write_skeleton(content: Path, dossier_id: str, today: dt.date | None = None) -> list[Path]:
    """Write content/<dossier_id>/ with every file of a dossier; refuse an existing folder or a bad name."""
    folder = content / dossier_id
    if not ID_RE.match(dossier_id):
        raise ContentError([Diagnostic(Loc(str(folder)), f"'{dossier_id}' is geen geldige dossiernaam",
                                       "gebruik letters, cijfers, '-' en '_', bijvoorbeeld motie-12-bzk")])
    if folder.exists():
        raise ContentError([Diagnostic(Loc(str(folder)), "deze dossiermap bestaat al",
                                       "kies een andere naam; er is niets overschreven")])
    today = today or dt.date.today()
    values = {"kenmerk": f"{dossier_id.upper()} / 1", "datum": today.isoformat(), "datum_nl": _dutch(today),
              **_register_ids(content)}
    folder.mkdir(parents=True)
    written = []
    for name, text in FILES.items():
        path = folder / f"{name}.yaml"
        path.write_text(_schema_line(name, folder) + _align(text.format(**values)), encoding="utf-8")
        written.append(path)
    return written


def _align(text: str, column: int = 38) -> str:
    """Put every comment after a value in one column, as a hand-written file would have it."""
    out = []
    for line in text.splitlines():
        value, sep, comment = line.partition("  # ")
        if sep and value.strip() and not value.lstrip().startswith("#"):
            line = f"{value.rstrip():<{column - 1}} # {comment.strip()}"
        out.append(line)
    return "\n".join(out) + "\n"


def _schema_line(name: str, folder: Path) -> str:
    """The line that lets an editor with the YAML language server complete and check the file."""
    schema = SCHEMAS / f"{name}.schema.json"
    if not schema.is_file():
        return ""
    return f"# yaml-language-server: $schema={os.path.relpath(schema, folder.resolve())}\n"


def _register_ids(content: Path) -> dict[str, str]:
    """The first civil servant, bewindspersoon and organisation of the registers, so the skeleton checks."""
    ids = {"ambtenaar": "...", "bewindspersoon": "...", "organisatie": "..."}
    people, _ = load_yaml(content / "personen.yaml")
    for person in _items(people, "personen"):
        rol, pid = person.get("rol"), person.get("id")
        if rol is not None and pid is not None and ids.get(str(rol.value)) == "...":
            ids[str(rol.value)] = str(pid.value)
    orgs, _ = load_yaml(content / "organisaties.yaml")
    for org in _items(orgs, "organisaties")[:1]:
        if org.get("id") is not None:
            ids["organisatie"] = str(org["id"].value)
    return ids


def _items(node: object, key: str) -> list[dict]:
    value = getattr(node, "value", None)
    if not isinstance(value, dict) or key not in value or not isinstance(value[key].value, list):
        return []
    return [item.value for item in value[key].value if isinstance(item.value, dict)]


_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def _dutch(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
