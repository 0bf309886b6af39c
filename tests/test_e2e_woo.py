"""End to end: `python -m pipeline woo` with the real LibreOffice; the public PDFs read back as an outsider would.

Two LibreOffice builds per module: content/ and an adversarial dossier built in code.
The error scenarios stop before rendering and the gate tests work on finished files.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from e2e_helpers import (
    CONTENT,
    MOTIE21_DIRECTIE,
    MOTIE21_KENMERK,
    POLITICIANS_MOTIE21,
    build_once,
    copy_public_nota,
    digits,
    edit_line,
    example_plan,
    load_organisaties,
    load_personen,
    load_seed,
    metadata_text,
    missing_sentences,
    motie21_copy,
    normalise,
    nota_body_text,
    page_count,
    pdftotext,
    person_strings,
    run_cli,
    surname,
    word_rx,
)
from pypdf import PdfWriter

from pipeline import build
from pipeline.checks import gate
from pipeline.finish.pdf import extract_text, extract_text_pypdf, inspect_pdf
from pipeline.publication import publish

pytestmark = pytest.mark.soffice

PERSONEN = load_personen()
ORGS = load_organisaties()
SEED = load_seed()
KINDS = ("nota", "kamerbrief", "rapportage")


def _texts(path: Path) -> dict[str, str]:
    return {"pdftotext": normalise(extract_text(path)), "pypdf": normalise(extract_text_pypdf(path))}


def _phone_in(phone: str, text: str) -> bool:
    tail = digits(phone)[-9:]
    return any(tail in digits(run) for run in re.findall(r"[\d\s\-()+]{9,}", text))


def _leaks(person: dict[str, str], text: str) -> list[str]:
    found = []
    for s in person_strings(person):
        if s == person.get("telefoon"):
            if _phone_in(s, text):
                found.append(s)
        elif word_rx(s, case_sensitive=s != person.get("email")).search(text):
            found.append(s)
    return found


def _csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(raw), delimiter=";"))


# =========================================================================== content/


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, "woo")


def _motie21_people() -> list[dict[str, str]]:
    """Civil servants and externals that the motie-21-ezk dossier names (by id or by surname)."""
    text = " ".join(p.read_text(encoding="utf-8") for p in (CONTENT / "motie-21-ezk").glob("*.yaml"))
    return [p for p in PERSONEN if p["rol"] in ("ambtenaar", "extern")
            and (re.search(rf"\b{re.escape(p['id'])}\b", text) or word_rx(surname(p["naam"])).search(text))]


def test_motie21_people_list_is_the_expected_one() -> None:
    assert {p["id"] for p in _motie21_people()} == {"sozturk", "pvdberg", "hverbeek", "jwdijkstra", "lvisser"}


def test_public_nota_reads_like_the_seed_sentence_by_sentence(out: Path) -> None:
    nota = out / "motie-21-ezk" / "woo" / "nota.pdf"
    body = nota_body_text(nota, MOTIE21_DIRECTIE, MOTIE21_KENMERK, SEED.footnotes)
    assert missing_sentences(SEED.sentences, body) == []
    assert "5.1.2e" in pdftotext(nota)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_no_civil_servant_data_in_public_pdfs(out: Path, kind: str, extractor: str) -> None:
    text = _texts(out / "motie-21-ezk" / "woo" / f"{kind}.pdf")[extractor]
    leaks = {p["id"]: _leaks(p, text) for p in _motie21_people()}
    assert {k: v for k, v in leaks.items() if v} == {}


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_politicians_stay_visible_in_public_pdfs(out: Path, extractor: str) -> None:
    text = " ".join(_texts(out / "motie-21-ezk" / "woo" / f"{k}.pdf")[extractor] for k in KINDS)
    for name in POLITICIANS_MOTIE21:
        assert word_rx(name).search(text), name
    assert "visserij" in text  # "Visser" is redacted, "visserij" stays


@pytest.mark.parametrize("dossier", ["motie-21-ezk", "bzk-stemlokalen"])
@pytest.mark.parametrize("kind", KINDS)
def test_public_pdf_metadata_names_the_organisation_and_no_person(out: Path, dossier: str, kind: str) -> None:
    path = out / dossier / "woo" / f"{kind}.pdf"
    facts = inspect_pdf(path)
    org = {"motie-21-ezk": "ezk", "bzk-stemlokalen": "bzk"}[dossier]
    assert facts.author == ORGS[org]
    assert facts.pdfa == "2B" and facts.tagged and facts.revisions == 1
    meta = metadata_text(path)
    for p in PERSONEN:
        assert not word_rx(p["naam"]).search(meta), p["naam"]
        if p["rol"] in ("ambtenaar", "extern"):
            assert _leaks(p, meta) == [], p["id"]
    assert "LAKVOORSTEL" not in meta


def test_lakvoorstel_has_watermark_on_every_page_and_the_original_names(out: Path) -> None:
    folder = out / "motie-21-ezk" / "lakvoorstel"
    for kind in KINDS:
        pdf = folder / f"{kind}.pdf"
        for n in range(1, page_count(pdf) + 1):
            assert "LAKVOORSTEL" in pdftotext(pdf, first=n, last=n), f"{kind} page {n}"
    nota = normalise(pdftotext(folder / "nota.pdf"))
    for name in ("S. Öztürk", "P. van den Berg", "H.J. Verbeek-Schouten", "mr. J.W. Dijkstra", "PvdB"):
        assert name in nota
    assert "Lotte Visser" in normalise(pdftotext(folder / "rapportage.pdf"))


def test_lakverslag_lists_each_redaction(out: Path) -> None:
    rows = _csv(out / "motie-21-ezk" / "lakvoorstel" / "lakverslag.csv")
    assert rows and set(rows[0]) >= {"document", "sectie", "grond", "categorie", "tekst"}
    assert {"document": "nota", "sectie": "parafenroute", "grond": "5.1.2e", "categorie": "naam",
            "tekst": "P. van den Berg"}.items() <= next(r for r in rows if r["tekst"] == "P. van den Berg").items()
    passage = [r for r in rows if r["grond"] == "5.2"]
    assert len(passage) == 1 and passage[0]["document"] == "rapportage" and passage[0]["categorie"] == "passage"
    assert any(r["tekst"] == "Lotte Visser" and r["sectie"] == "3. Aanpak" for r in rows)
    assert all(r["document"] in KINDS and r["grond"] and r["categorie"] and r["tekst"] for r in rows)


def test_inventarislijst_columns_and_nota_row(out: Path) -> None:
    path = out / "motie-21-ezk" / "woo" / "inventarislijst.csv"
    header = path.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header == "ID;Document;Datum;Beoordeling;Beoordelingsgrond;Toelichting;Bestand"
    rows = _csv(path)
    nota = next(r for r in rows if r["ID"] == MOTIE21_KENMERK)
    assert nota["Beoordeling"] == "Deels openbaar"
    assert "5.1.2e;" in nota["Beoordelingsgrond"]
    assert len(rows) == 3


def test_concept_dossier_gets_only_a_lakvoorstel(out: Path) -> None:
    folder = out / "bzk-stemlokalen-concept"
    assert not (folder / "woo").exists()
    assert sorted(p.name for p in (folder / "lakvoorstel").iterdir()) == ["lakverslag.csv", "nota.pdf"]
    assert {p.name for p in folder.iterdir()} == {"lakvoorstel", "manifest.json"}


# --------------------------------------------------------------------------- the gate on finished files


@pytest.fixture(scope="module")
def plan() -> build.Plan:
    return example_plan()


@pytest.fixture()
def public_nota(out: Path, tmp_path: Path) -> Path:
    return copy_public_nota(out, tmp_path)


def test_gate_passes_a_clean_public_pdf(plan: build.Plan, public_nota: Path) -> None:
    forbidden = publish.forbidden_for(plan)
    assert any(f.text == "S. Öztürk" for f in forbidden)
    assert gate.check_pdf(public_nota, forbidden, ["Marijnissen", "Klaver", "M.A.M. Adriaansens"]) == []


def test_gate_catches_a_name_planted_in_docinfo_subject(plan: build.Plan, public_nota: Path) -> None:
    with pikepdf.open(public_nota, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Subject"] = "Nota van S. Öztürk"
        pdf.save(public_nota)
    problems = gate.check_pdf(public_nota, publish.forbidden_for(plan), [])
    assert any("S. Öztürk" in p for p in problems), problems


@pytest.mark.parametrize("planted, form", [("NOTA VAN S. ÖZTÜRK", "S. Öztürk"),
                                           ("Opgesteld door Pieter Van Den Berg", "Pieter van den Berg"),
                                           ("Vragen: lotte.visser@example.org", "Visser")])
def test_gate_catches_a_name_in_another_case(plan: build.Plan, public_nota: Path, planted: str, form: str) -> None:
    with pikepdf.open(public_nota, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Subject"] = planted
        pdf.save(public_nota)
    problems = gate.check_pdf(public_nota, publish.forbidden_for(plan), [])
    assert any(f"naam '{form}' staat in" in p and "/Subject" in p for p in problems), problems


def test_gate_catches_a_name_planted_in_the_xmp(plan: build.Plan, public_nota: Path) -> None:
    with pikepdf.open(public_nota, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:description"] = "opgesteld door P. van den Berg"
        pdf.save(public_nota)
    assert "van den Berg" in metadata_text(public_nota)
    problems = gate.check_pdf(public_nota, publish.forbidden_for(plan), [])
    assert any("van den Berg" in p for p in problems), problems


def test_gate_reports_an_incremental_save(plan: build.Plan, public_nota: Path, tmp_path: Path) -> None:
    writer = PdfWriter(public_nota, incremental=True)
    writer.add_metadata({"/Keywords": "bijgewerkt"})
    target = tmp_path / "incremental.pdf"
    with target.open("wb") as fh:
        writer.write(fh)
    assert inspect_pdf(target).revisions == 2
    problems = gate.check_pdf(target, publish.forbidden_for(plan), [])
    assert any("revisies" in p for p in problems), problems


# --------------------------------------------------------------------------- decisions that stop the public build


def test_stale_lakken_passage_stops_woo_naming_woo_yaml_and_line(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    line, _ = edit_line(content / "motie-21-ezk" / "woo.yaml", "passage:", "Het projectteam is van mening",
                         "Het projectteam vond")
    target = tmp_path / "out"
    proc = run_cli("woo", "--content", content, "--out", target)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert re.search(rf"woo\.yaml:{line}:\d+", proc.stderr), proc.stderr
    assert not list(target.glob("*/woo")) and not list(target.glob("*/lakvoorstel"))


def test_unregistered_email_stops_woo_with_its_location(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    address = "b.onbekend@example.org"
    line, text = edit_line(content / "motie-21-ezk" / "nota.yaml", "rapportage te verzenden aan de Tweede Kamer.",
                            "Tweede Kamer.", f"Tweede Kamer, via {address}.")
    col = text.index(address) + 1
    target = tmp_path / "out"
    proc = run_cli("woo", "--content", content, "--out", target)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"nota.yaml:{line}:{col}" in proc.stderr, proc.stderr
    assert address in proc.stderr
    assert not list(target.glob("*/woo"))


# =========================================================================== adversarial dossier

EXTRA_PERSONEN = """
  - id: kdevries
    naam: K. de Vries
    voornaam: Karin
    functie: Beleidsmedewerker, Directie Toetsing
    email: karin.devries@minezk.nl
    telefoon: "06 98765432"
    paraaf: KdV
    rol: ambtenaar

  - id: mjansen
    naam: M. Jansen-de Groot
    voornaam: Marloes
    functie: Afdelingshoofd Toetsing
    email: marloes.jansen-degroot@minezk.nl
    telefoon: "070 - 311 22 33"
    paraaf: MJdG
    rol: ambtenaar

  - id: rbruhl
    naam: R. Brühl
    voornaam: René
    functie: Adviseur, Bureau Zeewind
    email: rene.bruhl@zeewind-advies.nl
    rol: extern
"""

ADV_FILES = {
    "dossier.yaml": """\
kenmerk: "DT / 99887766"
onderwerp: "Testnota over de visserij"
datum: 2024-02-01
organisatie: ezk
directie: Directie Toetsing
opsteller: kdevries
parafenroute:
  - persoon: mjansen
    datum: 2024-01-29
  - persoon: lvisser
    datum: 2024-01-30
besluit:
  persoon: madriaansens
  oordeel: akkoord
  datum: 2024-02-01
""",
    "nota.yaml": """\
ter: besluitvorming
aan: madriaansens
kopie_aan: [rbruhl, "Directie Communicatie"]
bijlagen: [rapportage]
secties:
  - kop: Aanleiding
    tekst: |
      Het lid Marijnissen heeft gevraagd naar de visserij. @kdevries heeft dit uitgezocht
      samen met mevrouw Öztürk en met S. Öztürk van het CIO-office; ook Selin Öztürk was
      erbij^[Verslag van het overleg met Marloes Jansen-de Groot op 3 januari 2024.].
      Afdelingshoofd De Vries stemde in. Mevrouw Jansen-de Groot en René Brühl lazen mee.
  - kop: Geadviseerd besluit
    tekst: |
      Akkoord gaan met de bijgevoegde rapportage over het Visserijfonds en de visserij.
  - kop: Kernpunten
    tekst: |
      - Vragen kunnen naar karin.devries@minezk.nl.
      - Telefonisch: 06-12345678, 070 - 456 78 90 of +31 (0)6 4123 4567.
      - Volgens mevrouw Visser en Lotte Visser raakt dit de visserij niet; L. Visser tekende.
      - Minister M.A.M. Adriaansens en het lid Klaver zijn geïnformeerd.
""",
    "rapportage.yaml": """\
titel: "Rapportage visserij"
secties:
  - kop: 1. Inleiding
    tekst: |
      Deze rapportage gaat over de visserij^[Opgesteld door drs. De Vries en R. Brühl.].
  - kop: 2. Betrokkenen
    tekst: |
      De tabel noemt wie wat deed.
    tabel:
      kolommen: [Rol, Wie]
      rijen:
        - ["Opsteller", "Karin de Vries"]
        - ["Toetser", "M. Jansen-de Groot"]
        - ["Extern", "@rbruhl"]
        - ["Sector", "visserij"]
  - kop: 3. Conclusie
    tekst: |
      De visserij blijft; Visserijbeleid ook.
""",
}


@pytest.fixture(scope="module")
def adv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An adversarial dossier, built once: returns OUT/adv-ezk."""
    root = tmp_path_factory.mktemp("adv")
    content = root / "content"
    (content / "adv-ezk").mkdir(parents=True)
    shutil.copy(CONTENT / "organisaties.yaml", content / "organisaties.yaml")
    register = (CONTENT / "personen.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n" + EXTRA_PERSONEN
    (content / "personen.yaml").write_text(register, encoding="utf-8")
    for name, text in ADV_FILES.items():
        (content / "adv-ezk" / name).write_text(text, encoding="utf-8")
    proc = run_cli("woo", "--content", content, "--out", root / "out", "adv-ezk")
    assert proc.returncode == 0, proc.stderr
    return root / "out" / "adv-ezk"


def _adv_text(adv: Path, extractor: str, kind: str | None = None) -> str:
    kinds = [kind] if kind else ["nota", "rapportage"]
    return " ".join(_texts(adv / "woo" / f"{k}.pdf")[extractor] for k in kinds)


# (what, where, text that must be gone); case-sensitive whole words unless an e-mail address
ADV_GONE = [
    ("name in a footnote", "nota", "Marloes Jansen-de Groot"),
    ("surname with tussenvoegsel in a footnote", "rapportage", "De Vries"),
    ("extern in a footnote", "rapportage", "R. Brühl"),
    ("name in a table cell", "rapportage", "Karin de Vries"),
    ("initials + double surname in a table cell", "rapportage", "M. Jansen-de Groot"),
    ("@mention in a table cell", "rapportage", "Brühl"),
    ("kopie_aan colofon (extern)", "nota", "R. Brühl"),
    ("parafenroute name", "nota", "M. Jansen-de Groot"),
    ("parafenroute paraaf", "nota", "MJdG"),
    ("parafenroute paraaf (Visser)", "nota", "LV"),
    ("opsteller in the colofon", "nota", "K. de Vries"),
    ("@mention in text", "nota", "K. de Vries"),
    ("mevrouw + surname with diacritics", "nota", "Öztürk"),
    ("initials + surname", "nota", "S. Öztürk"),
    ("voornaam + surname", "nota", "Selin Öztürk"),
    ("capitalised tussenvoegsel", "nota", "De Vries"),
    ("double surname with tussenvoegsel", "nota", "Jansen-de Groot"),
    ("voornaam with diacritics", "nota", "René Brühl"),
    ("surname Visser", "nota", "Visser"),
    ("voornaam + Visser", "nota", "Lotte Visser"),
    ("e-mail before a full stop", "nota", "karin.devries@minezk.nl"),
    ("opsteller e-mail in the colofon", "nota", "karin.devries"),
]
ADV_PHONES = ["06-12345678", "070 - 456 78 90", "+31 (0)6 4123 4567", "06 98765432"]


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
@pytest.mark.parametrize("what,kind,gone", ADV_GONE, ids=[w for w, _, _ in ADV_GONE])
def test_adversarial_personal_data_is_redacted(adv: Path, extractor: str, what: str, kind: str, gone: str) -> None:
    text = _adv_text(adv, extractor, kind)
    assert not word_rx(gone, case_sensitive="@" not in gone).search(text), f"{what}: {gone!r} still in {kind}"


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
@pytest.mark.parametrize("phone", ADV_PHONES)
def test_adversarial_phone_numbers_are_redacted(adv: Path, extractor: str, phone: str) -> None:
    assert not _phone_in(phone, _adv_text(adv, extractor))


@pytest.mark.parametrize("extractor", ["pdftotext", "pypdf"])
def test_adversarial_kept_text_stays(adv: Path, extractor: str) -> None:
    nota, rapportage = _adv_text(adv, extractor, "nota"), _adv_text(adv, extractor, "rapportage")
    for kept in ("Marijnissen", "Klaver", "M.A.M. Adriaansens", "visserij", "Visserijfonds"):
        assert word_rx(kept).search(nota), kept
    assert word_rx("visserij").search(rapportage) and word_rx("Visserijbeleid").search(rapportage)
    assert "5.1.2e" in nota and "5.1.2e" in rapportage
    assert "Directie Communicatie" in nota  # free-text kopie_aan stays


def test_adversarial_lakvoorstel_keeps_the_originals_and_the_log_lists_them(adv: Path) -> None:
    nota = normalise(pdftotext(adv / "lakvoorstel" / "nota.pdf"))
    for original in ("Selin Öztürk", "Jansen-de Groot", "René Brühl", "karin.devries@minezk.nl", "06-12345678"):
        assert original in nota
    rows = _csv(adv / "lakvoorstel" / "lakverslag.csv")
    logged = {(r["document"], r["tekst"]) for r in rows}
    for entry in [("nota", "Selin Öztürk"), ("nota", "De Vries"), ("nota", "Marloes Jansen-de Groot"),
                  ("nota", "R. Brühl"), ("nota", "+31 (0)6 4123 4567"), ("rapportage", "Karin de Vries")]:
        assert entry in logged
    assert not any("visserij" in r["tekst"].lower() for r in rows)


def test_adversarial_public_metadata_has_no_person(adv: Path) -> None:
    extra = [{"naam": "K. de Vries", "voornaam": "Karin", "email": "karin.devries@minezk.nl"},
             {"naam": "M. Jansen-de Groot", "voornaam": "Marloes"}, {"naam": "R. Brühl", "voornaam": "René"}]
    for kind in ("nota", "rapportage"):
        path = adv / "woo" / f"{kind}.pdf"
        assert inspect_pdf(path).author == ORGS["ezk"]
        meta = metadata_text(path)
        for p in extra:
            assert _leaks(p, meta) == []
