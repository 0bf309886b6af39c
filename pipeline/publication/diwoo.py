"""DiWoo 0.9.8 publication metadata: records, sitemap XML and offline schema validation."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path, PurePosixPath
from typing import NamedTuple
from urllib.parse import quote

from lxml import etree

from pipeline.errors import MetadataError

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas" / "diwoo"
DIWOO_XSD = SCHEMA_DIR / "diwoo-metadata.xsd"
LIJSTEN_XSD = SCHEMA_DIR / "diwoo-metadata-lijsten.xsd"
MDTO_XSD = SCHEMA_DIR / "MDTO-XML1.0.1.xsd"
WAARDELIJSTEN_TSV = SCHEMA_DIR / "waardelijsten-0.9.8.tsv"

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
XS_NS = "http://www.w3.org/2001/XMLSchema"
DITA_NS = "http://dita.oasis-open.org/architecture/2005/"

# diwoo-metadata.xsd imports MDTO from this remote schemaLocation; we serve the local copy.
MDTO_URL = "https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"
_LOCAL_SCHEMAS = {MDTO_URL: MDTO_XSD}

# Our key -> TOOI label in ccw_plooi_documentsoorten (note TOOI's capital K in "Kamerbrief").
DOCUMENTSOORTEN = {"beslisnota": "beslisnota", "kamerbrief": "Kamerbrief", "rapport": "rapport"}

_DEFAULT_INFORMATIECATEGORIE = {
    "beslisnota": "inspanningsverplichting art 3.1 Woo",
    "kamerbrief": "bij vertegenwoordigende organen ingekomen stukken",
    "rapport": "onderzoeksrapporten",
}

_ORGANISATIELIJSTEN = ("ministerielijst", "oorglijst", "zbolijst")  # the ones the TSV carries
_HEEFT_BIJLAGE = "heeft bijlage"
_TOOI_PREFIX = "https://identifier.overheid.nl/tooi/"
_SITEMAP_URL_CHILDREN = ("loc", "lastmod", "changefreq", "priority")
_REMOTE = re.compile(r"^(?!file:)[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_LONG_SET = re.compile(r"\{('[^']*'(?:, '[^']*')*)\}")


@dataclass(frozen=True)
class DocumentRecord:
    """Public metadata of one published PDF; never holds a person's name.

    identifier: the kenmerk for the main document ("PSG-DB / 26061157"); its
    bijlagen get the kenmerk plus "-b<n>" in bijlage order ("PSG-DB / 26061157-b1"),
    see bijlage_identifier(). bijlagen / bijlage_van refer to these identifiers
    and must agree with each other.
    """

    identifier: str
    officiele_titel: str
    documentsoort: str  # a key of DOCUMENTSOORTEN, or a TOOI documentsoort label or URI
    informatiecategorie: str  # TOOI label or URI, see default_informatiecategorie()
    organisatie_tooi: str  # TOOI code ("mnre1045") or full TOOI URI
    organisatie_naam: str  # must equal the TOOI label of organisatie_tooi
    creatiedatum: date
    handeling: str  # TOOI documenthandeling: "ondertekening" | "vaststelling" | "ontvangst"
    handeling_datum: date
    loc: str  # path of the public PDF relative to base_url, e.g. "nota.pdf"
    bijlagen: tuple[str, ...] = ()
    bijlage_van: str | None = None
    language: str = "NLD"
    format: str = "PDF"


def bijlage_identifier(kenmerk: str, volgnummer: int) -> str:
    """Identifier of the volgnummer-th bijlage (1-based) of the document with this kenmerk."""
    if volgnummer < 1:
        raise MetadataError(f"bijlagevolgnummer moet 1 of hoger zijn, niet {volgnummer}")
    return f"{kenmerk}-b{volgnummer}"


def default_informatiecategorie(documentsoort: str) -> str:
    """The Woo informatiecategorie (TOOI label) a ministry normally uses for this documentsoort.

    - beslisnota -> "inspanningsverplichting art 3.1 Woo": beslisnota's bij Kamerstukken
      are published under cabinet policy, not under one of the art. 3.3 categories.
    - kamerbrief -> "bij vertegenwoordigende organen ingekomen stukken" (art. 3.3 lid 2
      sub a): a letter to the Kamers is a stuk sent to them for behandeling;
      "vergaderstukken Staten-Generaal" are the Kamers' own papers.
    - rapport -> "onderzoeksrapporten" (art. 3.3 lid 2 sub j): research commissioned
      by the ministry. Override per record when a rapport is e.g. an advies or jaarverslag.
    """
    _documentsoort_label(documentsoort)
    return _DEFAULT_INFORMATIECATEGORIE[documentsoort]


def organisatie_label(code: str) -> str:
    """TOOI's label of an organisation code or URI ("mnre1045" -> "ministerie van Economische Zaken")."""
    return _by_code(_ORGANISATIELIJSTEN, code, "organisatie").label


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


def validate(xml: bytes) -> None:
    """Check a sitemap (or one bare diwoo:Document) against the DiWoo XSD, offline.

    No sitemap XSD ships with DiWoo, so the <urlset>/<url> wrapper is checked by
    hand against the sitemaps.org 0.9 rules. Each diwoo:Document is validated on its
    own against diwoo-metadata.xsd; any naamOpsteller is refused because records
    must not name people. All problems are raised together in one MetadataError.
    """
    root = _parse(xml)
    problems: list[str]
    if root.tag == f"{{{DIWOO_NS}}}Document":
        documents, problems = [root], []
    else:
        documents, problems = _sitemap_documents(root)
    for number, document in enumerate(documents, start=1):
        problems += _document_problems(document, number)
    if problems:
        raise MetadataError("\n".join(problems))


# --- TOOI value lists ---------------------------------------------------------


class _Tooi(NamedTuple):
    uri: str
    label: str


@cache
def _xsd_labels() -> dict[tuple[str, str], str]:
    """(list type, URI) -> preferred label: the first dita:p of each xs:enumeration."""
    tree = etree.parse(str(LIJSTEN_XSD), _safe_parser())
    ns = {"xs": XS_NS, "dita": DITA_NS}
    labels = {}
    for simple_type in tree.iterfind("xs:simpleType[@name]", ns):
        for enum in simple_type.iterfind("xs:restriction/xs:enumeration", ns):
            first = enum.find("xs:annotation/xs:documentation//dita:p", ns)
            text = "".join(first.itertext()).strip() if first is not None else ""
            labels[(simple_type.get("name"), enum.get("value"))] = text
    return labels


@cache
def _waardelijsten() -> dict[str, dict[str, str]]:
    """The TSV as {list type: {URI: label}}, in file order.

    The TSV's label column joins all dita:p paragraphs (label plus definition) and
    cuts them at 200 characters, so the label itself is taken from the XSD it was
    extracted from; a row the XSD does not know means the two copies diverged.
    """
    labels = _xsd_labels()
    lists: dict[str, dict[str, str]] = {}
    with WAARDELIJSTEN_TSV.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (row["xsd_type"], row["uri"])
            if key not in labels or not row["label"].startswith(labels[key]):
                raise MetadataError(
                    f"{WAARDELIJSTEN_TSV.name}: {key} staat niet zo in {LIJSTEN_XSD.name}"
                )
            lists.setdefault(row["xsd_type"], {})[row["uri"]] = labels[key]
    return lists


def _values(*list_types: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for list_type in list_types:
        merged.update(_waardelijsten().get(list_type, {}))
    return merged


def _by_label(list_type: str, value: str, what: str) -> _Tooi:
    """Look a value up by URI or by label, ignoring case."""
    values = _values(list_type)
    for uri, label in values.items():
        if value == uri or value.casefold() == label.casefold():
            return _Tooi(uri, label)
    raise MetadataError(f"onbekende {what} {value!r}; toegestaan: {', '.join(values.values())}")


def _by_code(list_types: tuple[str, ...], value: str, what: str) -> _Tooi:
    """Look a value up by URI or by its last path segment (TOOI code, ISO/EU code)."""
    values = _values(*list_types)
    for uri, label in values.items():
        if value == uri or value.casefold() == uri.rsplit("/", 1)[-1].casefold():
            return _Tooi(uri, label)
    codes = [uri.rsplit("/", 1)[-1] for uri in values]
    raise MetadataError(f"onbekende {what} {value!r}; toegestaan: {', '.join(codes)}")


def _documentsoort_label(key: str) -> str:
    if key not in DOCUMENTSOORTEN:
        allowed = ", ".join(DOCUMENTSOORTEN)
        raise MetadataError(f"onbekende documentsoort {key!r}; toegestaan: {allowed}")
    return DOCUMENTSOORTEN[key]


def _documentsoort(value: str) -> _Tooi:
    """A key of DOCUMENTSOORTEN, or any label or URI of TOOI's documentsoortenlijst ("Kamervraag met antwoord")."""
    return _by_label("documentsoortlijst", DOCUMENTSOORTEN.get(value, value), "documentsoort")


def _organisatie(record: DocumentRecord) -> _Tooi:
    org = _by_code(_ORGANISATIELIJSTEN, record.organisatie_tooi, "organisatie")
    # TOOI labels are not unique (mnre1040 and mnre1045 are both "ministerie van
    # Economische Zaken"), so the code decides and the name only guards against typos.
    if " ".join(record.organisatie_naam.split()).casefold() != org.label.casefold():
        raise MetadataError(
            f"{record.identifier}: organisatie_naam {record.organisatie_naam!r} hoort niet bij "
            f"{record.organisatie_tooi}; TOOI noemt die {org.label!r}"
        )
    return org


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


# --- validation -----------------------------------------------------------------


class _LocalSchemas(etree.Resolver):
    """Serves remote schemaLocations from the local copies and refuses any other URL."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url in _LOCAL_SCHEMAS:
            return self.resolve_filename(str(_LOCAL_SCHEMAS[url]), context)
        if url and _REMOTE.match(url):
            raise MetadataError(f"schema wil {url} van het netwerk laden; leg een kopie lokaal")
        return None


def _safe_parser() -> etree.XMLParser:
    """No network, no entity expansion: input and schemas are read as plain local XML."""
    parser = etree.XMLParser(
        no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False
    )
    parser.resolvers.add(_LocalSchemas())
    return parser


@cache
def _schema() -> etree.XMLSchema:
    try:
        return etree.XMLSchema(etree.parse(str(DIWOO_XSD), _safe_parser()))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise MetadataError(f"DiWoo-schema {DIWOO_XSD} is niet te laden: {exc}") from exc


def _parse(xml: bytes) -> etree._Element:
    try:
        return etree.fromstring(xml, _safe_parser())
    except etree.XMLSyntaxError as exc:
        raise MetadataError(f"geen geldige XML: {exc}") from exc


def _sitemap_documents(root: etree._Element) -> tuple[list[etree._Element], list[str]]:
    """The diwoo:Documents in a <urlset>, plus what is wrong with the wrapper."""
    if root.tag != f"{{{SITEMAP_NS}}}urlset":
        expected = f"{{{SITEMAP_NS}}}urlset of {{{DIWOO_NS}}}Document"
        return [], [f"root is {root.tag}, verwacht {expected}"]
    documents: list[etree._Element] = []
    problems: list[str] = []
    urls = [child for child in root if isinstance(child.tag, str)]
    if not urls:
        problems.append("sitemap: <urlset> bevat geen <url>")
    for number, url in enumerate(urls, start=1):
        where = f"sitemap <url> {number} (regel {url.sourceline})"
        if url.tag != f"{{{SITEMAP_NS}}}url":
            problems.append(f"{where}: onverwacht element {url.tag}")
            continue
        problems += [f"{where}: {p}" for p in _url_problems(url)]
        documents += url.findall(f"{{{DIWOO_NS}}}Document")
    return documents, problems


def _url_problems(url: etree._Element) -> list[str]:
    """sitemaps.org 0.9: loc, then optional lastmod/changefreq/priority, then extensions."""
    children = [child for child in url if isinstance(child.tag, str)]
    own = [etree.QName(c).localname for c in children if etree.QName(c).namespace == SITEMAP_NS]
    problems = [f"onbekend sitemap-element <{n}>" for n in own if n not in _SITEMAP_URL_CHILDREN]
    order = [_SITEMAP_URL_CHILDREN.index(n) for n in own if n in _SITEMAP_URL_CHILDREN]
    own_first = all(etree.QName(c).namespace == SITEMAP_NS for c in children[: len(own)])
    if not own or own[0] != "loc" or order != sorted(set(order)) or not own_first:
        problems.append("verwacht <loc>, dan eventueel lastmod/changefreq/priority, dan extensies")
    loc = url.findtext(f"{{{SITEMAP_NS}}}loc", "").strip()
    if not loc.startswith("https://") or len(loc) > 2048:
        problems.append(f"<loc> moet een https-URL van hoogstens 2048 tekens zijn, niet {loc!r}")
    lastmod = url.findtext(f"{{{SITEMAP_NS}}}lastmod")
    if lastmod is not None and not _is_w3c_date(lastmod.strip()):
        problems.append(f"<lastmod> {lastmod!r} is geen W3C-datum")
    if len(url.findall(f"{{{DIWOO_NS}}}Document")) != 1:
        problems.append("bevat niet precies één diwoo:Document")
    return problems


def _is_w3c_date(text: str) -> bool:
    try:
        (date if len(text) == 10 else datetime).fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _document_problems(document: etree._Element, number: int) -> list[str]:
    """Schema errors plus the no-names rule for one diwoo:Document, tagged with its identifier."""
    name = _record_name(document, number)
    schema = _schema()
    problems = []
    if not schema.validate(document):
        problems = [
            f"{name} (regel {e.line}): {_shorten_sets(e.message)}" for e in schema.error_log
        ]
    for el in document.iter(f"{{{DIWOO_NS}}}naamOpsteller"):
        problems.append(
            f"{name} (regel {el.sourceline}): naamOpsteller is gevuld; records noemen geen personen"
        )
    return problems


def _record_name(document: etree._Element, number: int) -> str:
    """The record's identifier, else its sitemap loc, else its position."""
    path = "diwoo:DiWoo/diwoo:identifiers/diwoo:identifier"
    ident = document.findtext(path, namespaces={"diwoo": DIWOO_NS})
    parent = document.getparent()
    loc = parent.findtext(f"{{{SITEMAP_NS}}}loc") if parent is not None else None
    label = (ident or loc or "").strip() or f"nr. {number}"
    return f"DiWoo-record {label!r}"


def _shorten_sets(message: str) -> str:
    """libxml2 lists every allowed value of an enumeration (hundreds of URIs); keep three."""

    def shorten(match: re.Match[str]) -> str:
        values = match.group(1).split(", ")
        if len(values) <= 3:
            return match.group(0)
        return "{" + ", ".join(values[:3]) + f", … ({len(values) - 3} meer)}}"

    return _LONG_SET.sub(shorten, message)
