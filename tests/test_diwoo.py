"""Tests for the DiWoo sitemap metadata: content, determinism and offline validation."""

from __future__ import annotations

import dataclasses
import hashlib
import socket
from collections.abc import Iterator
from datetime import date

import pytest
from lxml import etree

from pipeline.errors import MetadataError
from pipeline.publication import diwoo
from pipeline.publication.diwoo import (
    DocumentRecord,
    bijlage_identifier,
    default_informatiecategorie,
    sitemap_xml,
    validate,
)

KENMERK = "PSG-DB / 26061157"
BASE_URL = "https://open.example.nl/woo/2024/"
NS = {"sm": diwoo.SITEMAP_NS, "diwoo": diwoo.DIWOO_NS}
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
MNRE1045 = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1045"

# The copies must stay byte-identical to the DiWoo 0.9.8 reference files.
SCHEMA_SHA256 = {
    "MDTO-XML1.0.1.xsd": "048d745a17f479995f14c938d342b2f13382072d0fdf1f1b28113126df715648",
    "diwoo-metadata-lijsten.xsd": "c17fd0daa9eb37c44c774ac73271679a8fc2189805823dcfba6a86c2fd42b308",
    "diwoo-metadata.xsd": "0a332f65c98f5bb2b4fb64c52c2f72867966a6e5bf1a5a5ea3870716fc6ea212",
    "waardelijsten-0.9.8.tsv": "6ab7bf9332bf3b6fce2f4be8eee9c2262bdfb579d809ec3c39708f5d28ea21bc",
}


def _record(
    identifier: str, soort: str, handeling: str, loc: str, **extra: object
) -> DocumentRecord:
    fields: dict[str, object] = dict(
        identifier=identifier,
        officiele_titel=f"{soort.capitalize()} over de aanpak van netcongestie",
        documentsoort=soort,
        informatiecategorie=default_informatiecategorie(soort),
        organisatie_tooi="mnre1045",
        organisatie_naam="Ministerie van Economische Zaken",
        creatiedatum=date(2024, 5, 13),
        handeling=handeling,
        handeling_datum=date(2024, 5, 14),
        loc=loc,
    )
    fields.update(extra)
    return DocumentRecord(**fields)  # type: ignore[arg-type]


@pytest.fixture
def records() -> list[DocumentRecord]:
    nota, brief, rapport = KENMERK, bijlage_identifier(KENMERK, 1), bijlage_identifier(KENMERK, 2)
    return [
        _record(nota, "beslisnota", "vaststelling", "nota.pdf", bijlagen=(brief, rapport)),
        _record(brief, "kamerbrief", "ondertekening", "bijlagen/kamerbrief.pdf", bijlage_van=nota),
        _record(rapport, "rapport", "vaststelling", "bijlagen/rapport 2024.pdf", bijlage_van=nota),
    ]


@pytest.fixture
def xml(records: list[DocumentRecord]) -> bytes:
    return sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any socket use fails, and the schema is compiled afresh under that rule."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    diwoo._schema.cache_clear()
    yield
    diwoo._schema.cache_clear()


def _document(xml: bytes, identifier: str) -> etree._Element:
    root = etree.fromstring(xml)
    path = f"//diwoo:Document[diwoo:DiWoo/diwoo:identifiers/diwoo:identifier='{identifier}']"
    (document,) = root.xpath(path, namespaces=NS)
    return document


def _resources(document: etree._Element, path: str) -> list[str]:
    return [el.get("resource") for el in document.xpath(path, namespaces=NS)]


def test_sitemap_validates_offline(xml: bytes, no_network: None) -> None:
    validate(xml)


def test_mdto_import_is_served_locally(monkeypatch: pytest.MonkeyPatch) -> None:
    # The XSD still names the remote location; only our resolver makes it local.
    assert diwoo.MDTO_URL in diwoo.DIWOO_XSD.read_text(encoding="utf-8")
    monkeypatch.setattr(diwoo.lists, "_LOCAL_SCHEMAS", {})
    diwoo._schema.cache_clear()
    try:
        with pytest.raises(MetadataError, match="niet te laden"):
            diwoo._schema()
    finally:
        diwoo._schema.cache_clear()


def test_schema_copies_unchanged() -> None:
    for name, digest in SCHEMA_SHA256.items():
        data = (diwoo.SCHEMA_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, name


def test_one_url_per_document_with_record_after_lastmod(xml: bytes) -> None:
    root = etree.fromstring(xml)
    assert root.tag == f"{{{diwoo.SITEMAP_NS}}}urlset"
    urls = root.findall("sm:url", NS)
    assert [u.findtext("sm:loc", namespaces=NS) for u in urls] == [
        BASE_URL + "nota.pdf",
        BASE_URL + "bijlagen/kamerbrief.pdf",
        BASE_URL + "bijlagen/rapport%202024.pdf",
    ]
    for url in urls:
        assert [etree.QName(c).localname for c in url] == ["loc", "lastmod", "Document"]
        assert url.findtext("sm:lastmod", namespaces=NS) == "2024-06-01"
        assert url.find("diwoo:Document/diwoo:DiWoo", NS) is not None


def test_tooi_values(xml: bytes) -> None:
    nota = _document(xml, KENMERK)
    brief = _document(xml, bijlage_identifier(KENMERK, 1))
    rapport = _document(xml, bijlage_identifier(KENMERK, 2))
    soort = ".//diwoo:documentsoort"
    assert _resources(nota, soort) == [KERN + "c_2977c34f"]
    assert _resources(brief, soort) == [KERN + "c_49599e6c"]
    assert _resources(rapport, soort) == [KERN + "c_3300f29a"]
    categorie = ".//diwoo:informatiecategorie"
    assert _resources(nota, categorie) == [KERN + "c_816e508d"]
    assert _resources(brief, categorie) == [KERN + "c_8c840238"]
    assert _resources(rapport, categorie) == [KERN + "c_fdaee95e"]
    assert _resources(nota, ".//diwoo:soortHandeling") == [KERN + "c_641ecd76"]
    assert _resources(brief, ".//diwoo:soortHandeling") == [KERN + "c_e1ec050e"]
    for role in ("publisher", "verantwoordelijke", "opsteller", "wasAssociatedWith"):
        (el,) = nota.xpath(f".//diwoo:{role}", namespaces=NS)
        assert (el.get("resource"), el.text) == (MNRE1045, "ministerie van Economische Zaken")
    language = "http://publications.europa.eu/resource/authority/language/NLD"
    assert _resources(nota, ".//diwoo:language") == [language]
    pdf = "http://publications.europa.eu/resource/authority/file-type/PDF"
    assert _resources(nota, ".//diwoo:format") == [pdf]
    assert nota.findtext(".//diwoo:creatiedatum", namespaces=NS) == "2024-05-13"
    assert nota.findtext(".//diwoo:atTime", namespaces=NS) == "2024-05-14T00:00:00"
    assert nota.findtext(".//diwoo:officieleTitel", namespaces=NS).startswith("Beslisnota")


def test_bijlage_relations(xml: bytes) -> None:
    nota = _document(xml, KENMERK)
    assert _resources(nota, ".//diwoo:role") == [KERN + "c_05f4a5f3"] * 2
    assert _resources(nota, ".//diwoo:relation") == [
        BASE_URL + "bijlagen/kamerbrief.pdf",
        BASE_URL + "bijlagen/rapport%202024.pdf",
    ]
    assert _resources(nota, ".//diwoo:isPartOf") == []
    for n in (1, 2):
        bijlage = _document(xml, bijlage_identifier(KENMERK, n))
        assert _resources(bijlage, ".//diwoo:isPartOf") == [BASE_URL + "nota.pdf"]
        assert _resources(bijlage, ".//diwoo:documentrelatie") == []


def test_no_personal_name(xml: bytes) -> None:
    assert b"naamOpsteller" not in xml
    # The only name a record can carry is the organisation's.
    names = [f.name for f in dataclasses.fields(DocumentRecord) if "naam" in f.name]
    assert names == ["organisatie_naam"]


def test_filled_naam_opsteller_is_refused(xml: bytes) -> None:
    root = etree.fromstring(xml)
    diwoo_el = root.find(".//diwoo:DiWoo", NS)
    etree.SubElement(diwoo_el, f"{{{diwoo.DIWOO_NS}}}naamOpsteller").text = "J. Jansen"
    with pytest.raises(MetadataError, match="naamOpsteller is gevuld") as info:
        validate(etree.tostring(root))
    assert KENMERK in str(info.value)


def test_deterministic(records: list[DocumentRecord]) -> None:
    first = sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))
    second = sitemap_xml(list(records), base_url=BASE_URL, lastmod=date(2024, 6, 1))
    assert first == second
    assert first.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset')


def test_bogus_documentsoort_uri_carries_schema_message(xml: bytes) -> None:
    brief = bijlage_identifier(KENMERK, 1)
    root = etree.fromstring(xml)
    path = f"//diwoo:DiWoo[diwoo:identifiers/diwoo:identifier='{brief}']//diwoo:documentsoort"
    (soort,) = root.xpath(path, namespaces=NS)
    soort.set("resource", KERN + "c_deadbeef")
    with pytest.raises(MetadataError) as info:
        validate(etree.tostring(root))
    message = str(info.value)
    assert f"DiWoo-record '{brief}'" in message
    assert "[facet 'enumeration']" in message
    assert f"The value '{KERN}c_deadbeef' is not an element of the set" in message
    assert "meer)" in message  # the 91-value set is shortened
    assert KENMERK + "'" not in message  # the other records are fine


def test_bad_date_carries_schema_message(xml: bytes) -> None:
    bad = xml.replace(b"<diwoo:creatiedatum>2024-05-13<", b"<diwoo:creatiedatum>2024-02-30<", 1)
    with pytest.raises(MetadataError) as info:
        validate(bad)
    assert f"DiWoo-record '{KENMERK}'" in str(info.value)
    assert "'2024-02-30' is not a valid value of the atomic type 'xs:date'" in str(info.value)


def test_missing_required_element_is_reported(xml: bytes) -> None:
    root = etree.fromstring(xml)
    for handelingen in root.iterfind(".//diwoo:documenthandelingen", NS):
        handelingen.getparent().remove(handelingen)
    with pytest.raises(MetadataError, match="documenthandelingen") as info:
        validate(etree.tostring(root))
    assert str(info.value).count("DiWoo-record") == 3


def test_sitemap_wrapper_is_checked(xml: bytes) -> None:
    root = etree.fromstring(xml)
    root.find("sm:url/sm:loc", NS).text = "http://open.example.nl/nota.pdf"
    with pytest.raises(MetadataError, match="https-URL"):
        validate(etree.tostring(root))
    with pytest.raises(MetadataError, match="urlset"):
        validate(b"<sitemapindex/>")
    with pytest.raises(MetadataError, match="geen geldige XML"):
        validate(b"<urlset")


def test_bare_document_validates(xml: bytes) -> None:
    validate(etree.tostring(_document(xml, KENMERK)))


@pytest.mark.parametrize(
    ("field", "value", "allowed"),
    [
        ("documentsoort", "memo", "Kamervraag met antwoord"),  # any TOOI documentsoort is allowed
        ("informatiecategorie", "geheime stukken", "onderzoeksrapporten"),
        ("organisatie_tooi", "mnre9999", "mnre1045"),
        ("handeling", "ontwerp", "ondertekening, ontvangst, vaststelling"),
        ("language", "XXX", "NLD"),
        ("format", "WPD", "PDF"),
    ],
)
def test_unknown_key_lists_allowed_values(
    records: list[DocumentRecord], field: str, value: str, allowed: str
) -> None:
    records[1] = dataclasses.replace(records[1], **{field: value})
    with pytest.raises(MetadataError, match="toegestaan") as info:
        sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))
    assert allowed in str(info.value)


def test_default_informatiecategorie_unknown_soort() -> None:
    with pytest.raises(MetadataError, match="beslisnota, kamerbrief, rapport"):
        default_informatiecategorie("memo")


def test_organisatie_naam_must_match_tooi(records: list[DocumentRecord]) -> None:
    records[0] = dataclasses.replace(records[0], organisatie_naam="ministerie van Financiën")
    with pytest.raises(MetadataError, match="ministerie van Economische Zaken"):
        sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))


def test_inconsistent_bijlage_relation_is_refused(records: list[DocumentRecord]) -> None:
    records[2] = dataclasses.replace(records[2], bijlage_van=None)
    with pytest.raises(MetadataError, match="bijlage_van"):
        sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))


@pytest.mark.parametrize("loc", ["/etc/passwd", "../nota.pdf", "https://elders.nl/x.pdf", ""])
def test_loc_must_be_relative(records: list[DocumentRecord], loc: str) -> None:
    records[0] = dataclasses.replace(records[0], loc=loc)
    with pytest.raises(MetadataError, match="relatief pad"):
        sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))


def test_duplicate_loc_is_refused(records: list[DocumentRecord]) -> None:
    records[2] = dataclasses.replace(records[2], loc=records[1].loc)
    with pytest.raises(MetadataError, match="dezelfde loc"):
        sitemap_xml(records, base_url=BASE_URL, lastmod=date(2024, 6, 1))


def test_base_url_must_be_https(records: list[DocumentRecord]) -> None:
    with pytest.raises(MetadataError, match="https://"):
        sitemap_xml(records, base_url="http://open.example.nl/", lastmod=date(2024, 6, 1))


def test_tsv_labels_come_from_the_xsd() -> None:
    # The TSV label column glues the definition to the label; we must not publish that.
    soorten = diwoo._waardelijsten()["documentsoortlijst"]
    assert soorten[KERN + "c_3300f29a"] == "rapport"
    formats = diwoo._waardelijsten()["formatlijst"]
    assert formats["http://publications.europa.eu/resource/authority/file-type/PDF"] == "PDF"
