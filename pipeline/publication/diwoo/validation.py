"""Offline validation of a DiWoo sitemap: the XSD per document (schemas served locally) and the sitemap rules."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from lxml import etree

from pipeline.errors import MetadataError
from pipeline.publication.diwoo.lists import (
    _LONG_SET,
    _SITEMAP_URL_CHILDREN,
    DIWOO_NS,
    DIWOO_XSD,
    SITEMAP_NS,
    _safe_parser,
)


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




# --- validation -----------------------------------------------------------------


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
