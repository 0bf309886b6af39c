"""DiWoo 0.9.8 publication metadata: records, sitemap XML and offline schema validation."""

from __future__ import annotations

from pipeline.publication.diwoo import lists
from pipeline.publication.diwoo.lists import (
    DIWOO_NS,
    DIWOO_XSD,
    DOCUMENTSOORTEN,
    LIJSTEN_XSD,
    MDTO_URL,
    MDTO_XSD,
    SCHEMA_DIR,
    SITEMAP_NS,
    WAARDELIJSTEN_TSV,
    DocumentRecord,
    _waardelijsten,
    bijlage_identifier,
    default_informatiecategorie,
    organisatie_label,
)
from pipeline.publication.diwoo.validation import _schema, validate
from pipeline.publication.diwoo.xml import sitemap_xml

__all__ = ["DIWOO_NS", "DIWOO_XSD", "DOCUMENTSOORTEN", "LIJSTEN_XSD", "MDTO_URL", "MDTO_XSD", "SCHEMA_DIR",
           "SITEMAP_NS", "WAARDELIJSTEN_TSV", "DocumentRecord", "_schema", "_waardelijsten", "bijlage_identifier",
           "default_informatiecategorie", "lists", "organisatie_label", "sitemap_xml", "validate"]
