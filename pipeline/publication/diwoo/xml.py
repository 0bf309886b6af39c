"""The DiWoo sitemap XML: one diwoo:Document per public document, with its classification and relations."""

from __future__ import annotations

from datetime import date
from pathlib import PurePosixPath
from urllib.parse import quote

from lxml import etree

from pipeline.errors import MetadataError
from pipeline.publication.diwoo.lists import (
    _HEEFT_BIJLAGE,
    _TOOI_PREFIX,
    DIWOO_NS,
    SITEMAP_NS,
    DocumentRecord,
    _by_code,
    _by_label,
    _documentsoort,
    _organisatie,
    _Tooi,
    _values,
)


def sitemap_xml(records: list[DocumentRecord], *, base_url: str, lastmod: date) -> bytes:
    """A DiWoo sitemap: one <url> per record, in the given order, with its diwoo:Document.

    The bytes depend only on the arguments: no clock is read, <url>s follow the order
    of records and relations the order of each record's bijlagen.
    """
    if not records:
        raise MetadataError("een sitemap moet minstens één record bevatten")
    by_id = _index(records)
    _check_relations(records, by_id)
    urls = {r.identifier: _url(base_url, r.loc) for r in records}
    if len(set(urls.values())) != len(urls):
        # The harvester identifies a document by its URL, so two records cannot share one.
        raise MetadataError("twee records hebben dezelfde loc")
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "diwoo": DIWOO_NS})
    for record in records:
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urls[record.identifier]
        etree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod.isoformat()
        url.append(_document(record, by_id, urls))
    body = etree.tostring(urlset, encoding="UTF-8", xml_declaration=False, pretty_print=True)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body




# --- building the XML ---------------------------------------------------------


def _index(records: list[DocumentRecord]) -> dict[str, DocumentRecord]:
    by_id: dict[str, DocumentRecord] = {}
    for record in records:
        if not record.identifier.strip() or not record.officiele_titel.strip():
            raise MetadataError(
                f"record {record.identifier!r}: identifier en officiele_titel zijn verplicht"
            )
        if record.identifier in by_id:
            raise MetadataError(f"identifier {record.identifier!r} komt meer dan eens voor")
        by_id[record.identifier] = record
    return by_id


def _check_relations(records: list[DocumentRecord], by_id: dict[str, DocumentRecord]) -> None:
    """Both ends of every bijlage relation must be present and agree."""
    for record in records:
        for child_id in record.bijlagen:
            child = by_id.get(child_id)
            if child is None or child.bijlage_van != record.identifier:
                raise MetadataError(
                    f"{record.identifier}: bijlage {child_id!r} ontbreekt of heeft niet "
                    f"bijlage_van={record.identifier!r}"
                )
        parent = by_id.get(record.bijlage_van) if record.bijlage_van else None
        if record.bijlage_van and (parent is None or record.identifier not in parent.bijlagen):
            raise MetadataError(
                f"{record.identifier}: bijlage_van {record.bijlage_van!r} ontbreekt of "
                f"noemt deze bijlage niet"
            )


def _url(base_url: str, loc: str) -> str:
    """Absolute https URL of a public file; the harvester only accepts https."""
    if not base_url.startswith("https://"):
        raise MetadataError(f"base_url moet met https:// beginnen, niet {base_url!r}")
    path = PurePosixPath(loc)
    if not loc or path.is_absolute() or ".." in path.parts or "\\" in loc or ":" in loc:
        raise MetadataError(f"loc moet een relatief pad zonder '..' zijn, niet {loc!r}")
    return f"{base_url.rstrip('/')}/{quote(loc)}"


def _el(
    parent: etree._Element, name: str, text: str | None = None, resource: str | None = None
) -> etree._Element:
    el = etree.SubElement(parent, f"{{{DIWOO_NS}}}{name}")
    if resource is not None:
        el.set("resource", resource)
    el.text = text
    return el


def _tooi_el(parent: etree._Element, name: str, value: _Tooi) -> etree._Element:
    return _el(parent, name, value.label, value.uri)


def _document(
    record: DocumentRecord, by_id: dict[str, DocumentRecord], urls: dict[str, str]
) -> etree._Element:
    """diwoo:Document for one record, children in the XSD's declaration order."""
    org = _organisatie(record)
    document = etree.Element(f"{{{DIWOO_NS}}}Document")
    diwoo = _el(document, "DiWoo")
    _el(_el(diwoo, "identifiers"), "identifier", record.identifier)
    # publisher, verantwoordelijke and opsteller are the organisation; naamOpsteller
    # stays out on purpose: published metadata must not name civil servants.
    for role in ("publisher", "verantwoordelijke", "opsteller"):
        _tooi_el(diwoo, role, org)
    _el(_el(diwoo, "titelcollectie"), "officieleTitel", record.officiele_titel)
    _classificatie(diwoo, record)
    _el(diwoo, "creatiedatum", record.creatiedatum.isoformat())
    _tooi_el(diwoo, "language", _by_code(("taallijst",), record.language, "taal"))
    _tooi_el(diwoo, "format", _by_code(("formatlijst",), record.format, "formaat"))
    if record.bijlage_van:
        # TOOI's scw_documentrelatie has no "is bijlage van"; isPartOf is the schema's
        # inverse of the parent's "heeft bijlage".
        parent = by_id[record.bijlage_van]
        _el(diwoo, "isPartOf", parent.officiele_titel, urls[parent.identifier])
    _handelingen(diwoo, record, org)
    _relaties(diwoo, record, by_id, urls)
    return document


def _classificatie(diwoo: etree._Element, record: DocumentRecord) -> None:
    collectie = _el(diwoo, "classificatiecollectie")
    value = record.informatiecategorie
    if value.startswith(_TOOI_PREFIX) and value not in _values("informatiecategorielijst"):
        # A URI is passed on as given: the schema's enumeration is the authority and
        # its message says which value is wrong (a label is looked up, see _by_label).
        categorie = _Tooi(value, value)
    else:
        categorie = _by_label("informatiecategorielijst", value, "informatiecategorie")
    _tooi_el(_el(collectie, "informatiecategorieen"), "informatiecategorie", categorie)
    soort = _documentsoort(record.documentsoort)
    _tooi_el(_el(collectie, "documentsoorten"), "documentsoort", soort)


def _handelingen(diwoo: etree._Element, record: DocumentRecord, org: _Tooi) -> None:
    handeling = _el(_el(diwoo, "documenthandelingen"), "documenthandeling")
    soort = _by_label("soorthandelinglijst", record.handeling, "handeling")
    _tooi_el(handeling, "soortHandeling", soort)
    # atTime is xs:dateTime, not xs:date: the besluit date at the start of the day,
    # without a zone so the output never depends on the machine's clock or tz data.
    _el(handeling, "atTime", f"{record.handeling_datum.isoformat()}T00:00:00")
    _tooi_el(handeling, "wasAssociatedWith", org)


def _relaties(
    diwoo: etree._Element,
    record: DocumentRecord,
    by_id: dict[str, DocumentRecord],
    urls: dict[str, str],
) -> None:
    if not record.bijlagen:
        return
    role = _by_label("documentrelatielijst", _HEEFT_BIJLAGE, "documentrelatie")
    relaties = _el(diwoo, "documentrelaties")
    for child_id in record.bijlagen:
        relatie = _el(relaties, "documentrelatie")
        _tooi_el(relatie, "role", role)
        # The harvester identifies documents by their sitemap URL, so that is the resource.
        _el(relatie, "relation", by_id[child_id].officiele_titel, urls[child_id])


