"""The shared registers: personen.yaml (people and their rol) and organisaties.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.content import fields as F
from pipeline.content.fields import ROLLEN
from pipeline.content.reader import Reader
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc


@dataclass
class Person:
    """One entry of personen.yaml."""

    id: str
    naam: LStr
    functie: LStr | None
    rol: str
    loc: Loc
    voornaam: LStr | None = None
    email: LStr | None = None
    telefoon: LStr | None = None
    paraaf: LStr | None = None

    @property
    def public(self) -> bool:
        """Politicians and spokespeople stay visible in the public version."""
        return self.rol in ("bewindspersoon", "kamerlid", "woordvoerder", "publiek")


@dataclass
class Organisation:
    """One entry of organisaties.yaml."""

    id: str
    naam: LStr
    loc: Loc
    tooi: LStr | None = None
    postadres: LStr | None = None
    bezoekadres: LStr | None = None
    website: LStr | None = None
    vrijgave_verplicht: bool = False  # v1.1: woo/ only after a release newer than every decision
    logo: Path | None = None  # checked: a PNG or JPEG inside the content folder (see _logo)
    logo_alt: LStr | None = None


def _read_personen(r: Reader, node: Node) -> dict[str, Person]:
    people: dict[str, Person] = {}
    top = r.mapping(node, "personen.yaml", F.PERSONEN.names)
    if top is None:
        return people
    for item in r.seq(top, "personen", node, required=True):
        m = r.mapping(item, "een persoon", F.PERSON.names)
        if m is None:
            continue
        pid = r.ident(m, "id", item)
        naam = r.text(m, "naam", item)
        rol = r.choice(m, "rol", item, ROLLEN)
        email = _email(r, m, item)  # checked even when the entry has other errors: every error in one run
        if pid and pid in people:
            r.error(m["id"].loc, f"de id '{pid}' komt twee keer voor",
                    f"eerder op regel {people[pid].loc.line}; kies een unieke id")
            continue
        if pid is None or naam is None or rol is None:
            if pid is not None:
                r.invalid_people.add(pid)  # its own error is reported; references to it are not errors too
            continue
        people[pid] = Person(
            id=pid, naam=naam, functie=r.text(m, "functie", item, required=False), rol=rol, loc=item.loc,
            voornaam=r.text(m, "voornaam", item, required=False),
            email=email, telefoon=r.text(m, "telefoon", item, required=False),
            paraaf=r.text(m, "paraaf", item, required=False))
    return people


def _email(r: Reader, m: dict[str, Node], parent: Node) -> LStr | None:
    value = r.text(m, "email", parent, required=False)
    if value is not None and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
        r.error(value.loc, f"'{value}' is geen geldig e-mailadres")
    return value


def _read_organisaties(r: Reader, node: Node) -> dict[str, Organisation]:
    orgs: dict[str, Organisation] = {}
    top = r.mapping(node, "organisaties.yaml", F.ORGANISATIES.names)
    if top is None:
        return orgs
    for item in r.seq(top, "organisaties", node, required=True):
        m = r.mapping(item, "een organisatie", F.ORGANISATION.names)
        if m is None:
            continue
        oid = r.ident(m, "id", item)
        naam = r.text(m, "naam", item)
        if oid and oid in orgs:
            r.error(m["id"].loc, f"de id '{oid}' komt twee keer voor", "kies een unieke id")
            continue
        if oid is None or naam is None:
            continue
        orgs[oid] = Organisation(
            id=oid, naam=naam, loc=item.loc, tooi=r.text(m, "tooi", item, required=False),
            postadres=r.text(m, "postadres", item, required=False),
            bezoekadres=r.text(m, "bezoekadres", item, required=False),
            website=r.text(m, "website", item, required=False),
            vrijgave_verplicht=bool("vrijgave_verplicht" in m and r.boolean(m, "vrijgave_verplicht", item)),
            **_logo(r, m, item))
    return orgs


def _logo(r: Reader, m: dict[str, Node], item: Node) -> dict[str, Any]:
    """logo: an image path relative to the content folder, never leaving it (symlinks neither); logo_alt with it."""
    path_text = r.text(m, "logo", item, required=False)
    alt = r.text(m, "logo_alt", item, required=False)
    if path_text is None:
        if alt is not None:
            r.error(m["logo_alt"].loc, "logo_alt zonder logo", "voeg logo: toe of haal logo_alt weg")
        return {}
    where = m["logo"].loc
    root = Path(item.loc.file).parent.resolve()
    path = (root / str(path_text)).resolve()
    if not path.is_relative_to(root):
        r.error(where, f"het logo '{path_text}' ligt buiten de contentmap", "zet het bestand in de contentmap "
                "(een symbolische koppeling naar buiten telt niet)")
    elif not path.is_file():
        r.error(where, f"het logo '{path_text}' bestaat niet", "geef het pad vanaf de contentmap, bijvoorbeeld "
                "logo: huisstijl/logo.png")
    elif path.read_bytes()[:8] not in (b"\x89PNG\r\n\x1a\n",) and path.read_bytes()[:3] != b"\xff\xd8\xff":
        r.error(where, f"het logo '{path_text}' is geen PNG- of JPEG-bestand", "sla het logo op als PNG")
    elif alt is None or not str(alt).strip():
        r.error(where, "een logo zonder logo_alt", "voeg logo_alt: toe met wat het logo laat zien, bijvoorbeeld "
                "'Logo van het Ministerie van Economische Zaken en Klimaat'")
    else:
        return {"logo": path, "logo_alt": alt}
    return {}
