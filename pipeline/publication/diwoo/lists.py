"""DiWoo 0.9.8 vocabulary: the schema files, the record of one document, and the TOOI value lists."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import NamedTuple

from lxml import etree

from pipeline.errors import MetadataError

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schemas" / "diwoo"
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


class _LocalSchemas(etree.Resolver):
    """Serves remote schemaLocations from the local copies and refuses any other URL."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url in _LOCAL_SCHEMAS:  # a global: a test may replace it
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
