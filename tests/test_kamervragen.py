"""The fourth document kind: answers to written Kamervragen (contract v1.1, kamervragen.yaml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline import kinds
from pipeline.model.document import Heading, Span, plain
from redaction import apply as redaction
from tests.e2e_helpers import CONTENT, build_once, pdftotext
from tests.helpers import NOTA_YAML, PERSONEN, build, content_errors, cwd, write_content  # noqa: F401

KAMERLEDEN = """\
  - id: jklaver
    naam: Klaver
    functie: Lid van de Tweede Kamer (GroenLinks)
    rol: kamerlid
  - id: lmarijnissen
    naam: Marijnissen
    functie: Lid van de Tweede Kamer (SP)
    rol: kamerlid
  - id: svanbaarle
    naam: van Baarle
    functie: Lid van de Tweede Kamer (DENK)
    rol: kamerlid
  - id: kvdwal
    naam: K. van der Wal
    functie: Staatssecretaris van Economische Zaken en Klimaat
    rol: bewindspersoon
"""

KAMERVRAGEN = """\
nummer: "2024Z00512"
vragensteller: [svanbaarle]
aan: madriaansens
onderwerp: "over de evaluatie van de MIT-regeling"
ingezonden: 2024-02-01
vragen:
  - vraag: |
      Bent u bekend met het bericht?
    antwoord: |
      Ja.
  - vraag: |
      Wie deed het onderzoek?
    antwoord: |
      Mevrouw De Vries van de directie, samen met @avries.
"""


def _content(root: Path, kamervragen: str = KAMERVRAGEN) -> Path:
    return write_content(root, {
        "personen.yaml": PERSONEN + KAMERLEDEN,
        "d1/nota.yaml": NOTA_YAML.replace("bijlagen: []", "bijlagen: [kamervragen]"),
        "d1/kamervragen.yaml": kamervragen,
    })


def _text(doc, field: str) -> str:  # type: ignore[no-untyped-def]
    return plain(doc.fields[field])


def test_kamervragen_is_a_registered_bijlage() -> None:
    kind = kinds.kind("kamervragen")
    assert kind.documentsoort == "Kamervraag met antwoord"
    assert kinds.NAMES.index("kamervragen") > kinds.NAMES.index("nota")


def test_heading_lines_read_like_the_aanhangsel(tmp_path: Path) -> None:
    _content_, docs, _ = build(_content(tmp_path / "c"))
    doc = docs["kamervragen"]
    assert _text(doc, "vragen") == (
        "Vragen van het lid Van Baarle (DENK) aan de minister van Economische Zaken en Klimaat over de "
        "evaluatie van de MIT-regeling (ingezonden 1 februari 2024).")
    assert _text(doc, "antwoord") == (
        "Antwoord van minister Adriaansens (Economische Zaken en Klimaat) (ontvangen 23 december 2023).")
    assert _text(doc, "titel") == "Antwoord op vragen van het lid Van Baarle over de evaluatie van de MIT-regeling"
    headings = [plain(b.text) for b in doc.body if isinstance(b, Heading)]
    assert headings == ["Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"]


def test_several_askers_and_a_co_signed_answer(tmp_path: Path) -> None:
    text = KAMERVRAGEN.replace("vragensteller: [svanbaarle]", "vragensteller: [jklaver, lmarijnissen]")
    text = text.replace("aan: madriaansens\n", "aan: madriaansens\nondertekenaar: [kvdwal, madriaansens]\n")
    _c, docs, _ = build(_content(tmp_path / "c", text))
    doc = docs["kamervragen"]
    assert _text(doc, "vragen").startswith("Vragen van de leden Klaver (GroenLinks) en Marijnissen (SP) aan de ")
    assert _text(doc, "antwoord").startswith(
        "Antwoord van staatssecretaris Van der Wal (Economische Zaken en Klimaat), mede namens de minister van "
        "Economische Zaken en Klimaat (ontvangen")


def test_askers_of_one_party_are_named_once(tmp_path: Path) -> None:
    personen = PERSONEN + KAMERLEDEN.replace("(SP)", "(GroenLinks)")
    root = _content(tmp_path / "c", KAMERVRAGEN.replace("[svanbaarle]", "[jklaver, lmarijnissen]"))
    (root / "personen.yaml").write_text(personen, encoding="utf-8")
    _c, docs, _ = build(root)
    assert "Klaver en Marijnissen (beiden GroenLinks)" in _text(docs["kamervragen"], "vragen")


@pytest.mark.usefixtures("cwd")
def test_a_civil_servant_cannot_ask_and_unknown_ids_are_reported() -> None:
    text = KAMERVRAGEN.replace("[svanbaarle]", "[avries, onbekend]")
    messages = [str(d) for d in content_errors(_content(Path("content"), text))]
    assert any("kamervragen.yaml:2:" in m and "heeft rol 'ambtenaar'" in m for m in messages), messages
    assert any("'onbekend' staat niet in personen.yaml" in m for m in messages), messages


@pytest.mark.usefixtures("cwd")
def test_missing_fields_are_reported_at_their_file() -> None:
    text = "nummer: \"2024Z1\"\nvragensteller: [svanbaarle]\naan: madriaansens\nvragen: []\n"
    messages = [str(d) for d in content_errors(_content(Path("content"), text))]
    assert any(m.startswith("content/d1/kamervragen.yaml") and "'onderwerp'" in m for m in messages), messages
    assert any("'ingezonden'" in m for m in messages), messages


def test_redaction_keeps_the_kamerleden_and_redacts_the_civil_servant(tmp_path: Path) -> None:
    content, docs, _ = build(_content(tmp_path / "c"))
    dossier = content.dossiers[0]
    result = redaction.apply(content, dossier, docs)
    spans = [s for _section, text in redaction.walk(docs["kamervragen"]) for s in text if isinstance(s, Span)]
    redacted = {s.text for s in spans if s.redaction}
    assert {"De Vries", "A.B. de Vries"} <= redacted, redacted
    assert all(s.redaction is None for s in spans if "Baarle" in s.text or "Adriaansens" in s.text)
    assert not result.errors


def test_lakken_can_name_the_kamervragen_document(tmp_path: Path) -> None:
    root = _content(tmp_path / "c")
    (root / "d1/woo.yaml").write_text(
        'lakken:\n  - document: kamervragen\n    passage: "Wie deed het onderzoek?"\n    grond: "5.2"\n',
        encoding="utf-8")
    content, docs, _ = build(root)
    result = redaction.apply(content, content.dossiers[0], docs)
    assert any(e.document == "kamervragen" and e.ground == "5.2" for e in result.log)


@pytest.fixture(scope="module")
def woo_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, "woo")


@pytest.mark.soffice
def test_the_public_answers_keep_the_kamerleden_and_redact_the_civil_servant(woo_build: Path) -> None:
    folder = woo_build / "ezk-kamervragen-afkomst"
    public = pdftotext(folder / "woo" / "kamervragen.pdf")
    assert "Vragen van de leden Klaver (GroenLinks) en Marijnissen (SP)" in re.sub(r"\s+", " ", public)
    assert re.search(r"Antwoord van minister Adriaansens", public)
    for n in (1, 2, 3, 4):
        assert f"Vraag {n}" in public and f"Antwoord {n}" in public
    assert "Visser" not in public and "5.1.2e" in public
    review = pdftotext(folder / "lakvoorstel" / "kamervragen.pdf")
    assert "Visser" in review
    sitemap = (folder / "woo" / "sitemap.xml").read_text(encoding="utf-8")
    assert "Kamervraag met antwoord" in sitemap and "kamervragen.pdf" in sitemap
    inventory = (folder / "woo" / "inventarislijst.csv").read_text(encoding="utf-8-sig")
    assert "Antwoord op Kamervragen 2024Z00512 over het gebruik" in inventory
    assert "Klaver" not in inventory and "Klaver" not in sitemap  # metadata names nobody


@pytest.mark.soffice
def test_the_answers_are_a_bijlage_in_the_parafeerbundel(tmp_path_factory: pytest.TempPathFactory) -> None:
    import pikepdf

    out = build_once(tmp_path_factory, "build", CONTENT)
    with pikepdf.open(out / "ezk-kamervragen-afkomst" / "parafeerbundel.pdf") as pdf:
        titles = [item.title for item in pdf.open_outline().root]
    assert titles == ["Nota", "Bijlage 1: Antwoorden op Kamervragen"]
