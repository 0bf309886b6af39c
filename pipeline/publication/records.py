"""DiWoo publication metadata for one dossier's public version: records and the sitemap file."""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from pipeline.errors import MetadataError
from pipeline.kinds import kind as document_kind
from pipeline.plan import public_title
from pipeline.publication import diwoo

if TYPE_CHECKING:
    from pipeline.plan import Plan

BASE_URL_ENV = "PIPELINE_BASE_URL"
DEFAULT_BASE_URL = "https://open.overheid.nl/documenten"
SITEMAP_NAME = "sitemap.xml"



def base_url(option: str | None = None) -> str:
    """The URL under which the publication platform will serve woo/: --base-url, then the environment."""
    return (option or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def public_folder(kenmerk: str) -> str:
    """The dossier's folder in public URLs: its kenmerk, made safe for a path ("PSG-DB / 123" -> "PSG-DB-123").

    Never the content folder's name: that is the writer's working title and may hold a
    person's name ("notitie-joost-ouwehand"); the kenmerk is what a Woo officer and the
    platform identify the dossier by, and it is checked for personal data before rendering.
    """
    return re.sub(r"[^A-Za-z0-9.]+", "-", kenmerk).strip("-.") or "dossier"


def identifiers(plan: Plan) -> dict[str, str]:
    """Each public document's identifier, the same in the DiWoo records and the inventory: the nota has
    the kenmerk, its bijlagen the kenmerk with -b1, -b2, ... in the order of the nota's bijlagen."""
    kenmerk = str(plan.dossier.kenmerk)
    bijlagen = [k for k in plan.dossier.bijlagen() if k in plan.docs]
    return {"nota": kenmerk} | {k: diwoo.bijlage_identifier(kenmerk, i) for i, k in enumerate(bijlagen, 1)}


def records(plan: Plan) -> list[diwoo.DocumentRecord]:
    """One record per public document: the nota first, then its bijlagen in their order."""
    d, content = plan.dossier, plan.content
    org = content.organisaties[d.organisatie]
    if not org.tooi:
        raise MetadataError(f"{org.loc}: organisatie '{org.id}' heeft geen tooi-code; de DiWoo-metadata "
                            "heeft die nodig (bijvoorbeeld tooi: mnre1045, zie de TOOI-ministerielijst)")
    if d.besluit is None:  # stage_public only runs for a complete route; this is a programming error
        raise MetadataError(f"{d.loc}: geen besluit, dus geen openbare versie")
    org_code = str(org.tooi)
    try:
        org_label = diwoo.organisatie_label(org_code)
    except MetadataError as exc:
        raise MetadataError(f"{org.tooi.loc}: {exc}") from None
    kenmerk = str(d.kenmerk)
    bijlagen = [k for k in d.bijlagen() if k in plan.docs]
    ids = identifiers(plan)
    categories = d.woo.informatiecategorie if d.woo else {}
    out = []
    for kind in ["nota", *bijlagen]:
        # Documentsoort, informatiecategorie and handeling are declared per kind (pipeline.kinds): the
        # nota is decided on (vaststelling), the Kamerbrief signed (ondertekening), and so on.
        spec = document_kind(kind)
        # A document with a date of its own (a Kamerbrief sent later) is signed on that date.
        datum = getattr(d.documents[kind], "datum", None) or d.besluit.datum
        out.append(diwoo.DocumentRecord(
            identifier=ids[kind],
            officiele_titel=public_title(plan.docs[kind]),
            documentsoort=spec.documentsoort,
            informatiecategorie=str(categories.get(kind) or spec.informatiecategorie),
            organisatie_tooi=org_code,
            organisatie_naam=org_label,
            creatiedatum=d.datum,
            handeling=spec.handeling,
            handeling_datum=datum,
            loc=f"{public_folder(kenmerk)}/{kind}.pdf",
            bijlagen=tuple(ids[b] for b in bijlagen) if kind == "nota" else (),
            bijlage_van=kenmerk if kind != "nota" else None,
        ))
    return out


def sitemap(plan: Plan, base: str) -> bytes:
    """The validated DiWoo sitemap of the dossier's public documents; MetadataError names what is wrong."""
    d = plan.dossier
    lastmod = (d.woo.openbaarmaking if d.woo and d.woo.openbaarmaking else None) or d.besluit.datum  # type: ignore[union-attr]
    try:
        xml = diwoo.sitemap_xml(records(plan), base_url=base, lastmod=lastmod)
        diwoo.validate(xml)
    except MetadataError as exc:
        where = _category_sources(plan)
        raise MetadataError(f"{d.id}: de DiWoo-metadata is ongeldig; er is niets naar woo/ geschreven:\n"
                            f"{exc}{where}") from None
    return xml


def _category_sources(plan: Plan) -> str:
    woo = plan.dossier.woo
    if not woo or not woo.informatiecategorie:
        return ""
    lines = [f"\n  {value.loc}: informatiecategorie van {kind} is {str(value)!r}"
             for kind, value in woo.informatiecategorie.items() if hasattr(value, "loc")]
    return "".join(lines)
