"""Unregistered personal data in a dossier: one finding per person, decisions that cover it, check shows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import PERSONEN, nota_with, write_content

from pipeline import build, cli
from pipeline.errors import ContentError
from pipeline.publication import publish
from redaction.apply import redacted_people
from redaction.matchers import find_unregistered

ALDERS = "\n\n".join(
    ["Volgens de heer Alders is het plan haalbaar."] * 6
    + ["Hans Alders (h.alders@adviesraad.nl) lichtte het toe; H. Alders sprak ook met de minister."] * 2
    + ["De heer Alders en mevrouw Alders waren er."]
)  # twelve mentions of one external person, in four forms, and his e-mail address twice


def _plan(tmp_path: Path, tekst: str, woo: str | None = None, personen: str = PERSONEN):  # type: ignore[no-untyped-def]
    files: dict[str, str | bytes | None] = {"d1/nota.yaml": nota_with(tekst), "personen.yaml": personen}
    if woo is not None:
        files["d1/woo.yaml"] = woo
    (plan,) = build.prepare(write_content(tmp_path / "content", files), None, [])
    return plan


def test_one_external_person_named_twelve_times_is_one_decision(tmp_path):
    plan = _plan(tmp_path, ALDERS)
    (finding,) = plan.redaction.groups
    assert len([o for o in finding.occurrences if o.category == "naam"]) == 12
    assert [o.text for o in finding.occurrences if o.category == "email"] == ["h.alders@adviesraad.nl"] * 2
    (message,) = plan.redaction.findings
    assert message.message == 'mogelijk persoonsgegeven "Hans Alders" (14 plekken, één besluit)'
    with pytest.raises(ContentError) as stop:
        publish.check_decisions([plan])
    assert len(stop.value.diagnostics) == 1


@pytest.mark.parametrize("entry", ['"Hans Alders"', '"Alders"', '{tekst: "H. Alders", door: woo-team, op: 2024-01-10, '
                                   'reden: "voorzitter van een adviesraad, treedt publiek op"}'])
def test_a_toegestaan_name_covers_every_form_of_the_person(tmp_path, entry):
    plan = _plan(tmp_path, ALDERS, f"toegestaan:\n  - {entry}\n")
    assert plan.redaction.findings == []
    publish.check_decisions([plan])


def test_toegestaan_keeps_plain_strings_beside_mappings_with_who_decided(tmp_path):
    woo = ('toegestaan:\n  - "info@rijksoverheid.nl"\n  - tekst: "Hans Alders"\n    door: woo-team\n'
           '    op: 2024-01-10\n    reden: "publiek"\n')
    plan = _plan(tmp_path, ALDERS, woo)
    assert [str(t) for t in plan.dossier.woo.toegestaan] == ["info@rijksoverheid.nl", "Hans Alders"]
    assert plan.redaction.findings == []


def test_a_lakken_passage_decides_the_findings_inside_it(tmp_path):
    tekst = "Het advies komt van projectleider Van Leeuwen (06 41 23 98 77) en is besproken."
    assert len(_plan(tmp_path / "a", tekst).redaction.findings) == 1
    woo = ('lakken:\n  - document: nota\n    passage: "projectleider Van Leeuwen (06 41 23 98 77)"\n'
           '    grond: "5.1.2e"\n    door: woo-team\n    op: 2024-01-10\n    reden: "ambtenaar"\n')
    plan = _plan(tmp_path / "b", tekst, woo)
    assert plan.redaction.findings == []
    passages = [e.text for e in plan.redaction.log if e.category == "passage"]
    assert passages == ["projectleider Van Leeuwen (06 41 23 98 77)"]


def test_each_message_carries_the_snippets_of_every_decision(tmp_path):
    plan = _plan(tmp_path, "Jurist De Graaf (j.degraaf@minezk.nl) schreef het advies.")
    (d,) = plan.redaction.findings
    assert d.message == 'mogelijk persoonsgegeven "De Graaf" (2 plekken, één besluit)'
    for snippet in ("personen.yaml onder personen:", "  - id: degraaf", '    naam: "De Graaf"',
                    "    email: j.degraaf@minezk.nl", "    rol: ambtenaar", "    rol: publiek",
                    "woo.yaml onder toegestaan:", '  - tekst: "De Graaf"', "woo.yaml onder lakken:",
                    '    grond: "5.1.2e"', "    door: <uw naam>"):
        assert snippet in d.hint, snippet


def _block(hint: str, header: str) -> str:
    """The YAML lines after the line that contains header, up to the next option."""
    lines = hint.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header)) + 1
    end = next((i for i in range(start, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return "\n".join(lines[start:end]) + "\n"


@pytest.mark.parametrize("option, redacted", [("a.", True), ("b.", False)])
def test_the_pasted_personen_snippet_registers_the_person(tmp_path, option, redacted):
    tekst = "Het advies is van jurist De Graaf (j.degraaf@minezk.nl); De Graaf belt u."
    (d,) = _plan(tmp_path / "a", tekst).redaction.findings
    plan = _plan(tmp_path / "b", tekst, personen=PERSONEN + _block(d.hint, option))
    assert plan.redaction.findings == []
    logged = sorted(e.text for e in plan.redaction.log if e.person_id == "degraaf")
    assert logged == (["De Graaf", "De Graaf", "j.degraaf@minezk.nl"] if redacted else [])


@pytest.mark.parametrize("written, person_id", [("Mehmet Aydın", "mehmetaydin"), ("Łukasz Wójcik", "lukaszwojcik"),
                                                ("Søren Ørsted", "sorenorsted"), ("Đorđe Petrović", "dordepetrovic")])
def test_the_snippet_id_keeps_every_letter_of_the_name(tmp_path, written, person_id):
    """Letters NFKD does not take apart (ı, ł, ø, đ) go to their base letter in the suggested id, not away."""
    tekst = f"De cijfers zijn aangeleverd door beleidsmedewerker {written} van de directie Wonen."
    (d,) = _plan(tmp_path / "a", tekst).redaction.findings
    assert f"  - id: {person_id}\n" in d.hint
    plan = _plan(tmp_path / "b", tekst, personen=PERSONEN + _block(d.hint, "a."))
    assert plan.redaction.findings == []


def test_the_pasted_toegestaan_snippet_clears_the_finding(tmp_path):
    tekst = "Het advies is van jurist De Graaf; De Graaf belt u."
    (d,) = _plan(tmp_path / "a", tekst).redaction.findings
    plan = _plan(tmp_path / "b", tekst, "toegestaan:\n" + _block(d.hint, "c."))
    assert plan.redaction.findings == []


def test_the_pasted_lakken_snippet_clears_the_finding(tmp_path):
    tekst = "Eerder schreef drs. H.J. Kramer de notitie. Het advies is van jurist De Graaf; zij is bereikbaar."
    (d,) = [d for d in _plan(tmp_path / "a", tekst).redaction.findings if "Graaf" in d.message]
    woo = "lakken:\n" + _block(d.hint, "d.")
    assert 'passage: "Het advies is van jurist De Graaf; zij is bereikbaar."' in woo
    plan = _plan(tmp_path / "b", tekst, woo)
    assert [d.message for d in plan.redaction.findings] == ['mogelijk persoonsgegeven "H.J. Kramer"']
    assert plan.redaction.errors == []


def test_check_shows_the_findings_as_warnings_and_exits_0(tmp_path, capsys):
    root = write_content(tmp_path / "content", {"d1/nota.yaml": nota_with("Collega's Bakker en Smit stemden in.")})
    assert cli.run(["check", "--content", str(root)]) == 0
    out = capsys.readouterr()
    assert 'waarschuwing: ' in out.err and 'mogelijk persoonsgegeven "Bakker"' in out.err
    assert 'mogelijk persoonsgegeven "Smit"' in out.err and "rol: publiek" in out.err
    assert "d1: in orde" in out.out and "2 open Woo-besluiten" in out.out


def test_registered_people_are_never_findings_and_publiek_stays_visible(tmp_path):
    personen = PERSONEN + ("  - id: halders\n    naam: H. Alders\n    voornaam: Hans\n"
                           "    email: h.alders@adviesraad.nl\n    rol: publiek\n")
    plan = _plan(tmp_path, ALDERS, personen=personen)
    assert plan.redaction.findings == []
    assert "halders" not in {p.id for p in redacted_people(plan.content, plan.dossier)}
    assert not [e for e in plan.redaction.log if e.person_id == "halders"]


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


@pytest.mark.parametrize(
    "text",
    [
        "De subsidie komt uit het fonds van de Stichting Willem Pompe.",
        "Zr.Ms. Karel Doorman voer uit; Hr.Ms. De Ruyter ook.",
        "Het kantoor staat aan de Johan de Wittlaan; de Hugo de Grootprijs en het Prins Clausfonds.",
        "Bel de BelastingTelefoon 0800-0543 of 0900-1234567, of mail info@rivm.nl of postbus@minvenj.nl.",
        "Vragen naar woo-helpdesk@minbzk.nl of digitaleoverheid@minbzk.nl.",
        "Minister Uitermark, het lid Omtzigt (NSC) en de motie-Slob; Staatssecretaris dhr. Snel.",
        "De heer Remkes, voorzitter van het Adviescollege, sprak. Later sprak de heer Remkes opnieuw.",
        "Het Antoni van Leeuwenhoek en het Anne Frank Huis in Den Haag en De Bilt.",
        "De bewindspersonen Opstelten en Teeven traden af; de heer Teeven sprak in het Parool.",
        "Het overleg was in Den Bosch en Ter Apel; de Van Nelle Fabriek en het Van Gogh Museum.",
        "De voorzitter van de commissie, Anne Mulder, en de Nationale ombudsman, de heer Van Zutphen.",
        "Uitlatingen van de heer Teeven in het Parool; de bewindspersonen Opstelten en Teeven traden af.",
        "Samen met de heer J.W. Remkes, als informateur, onderzocht ik dat.",
        "De rector magnificus, mevrouw Karen Maex, sprak. Bel DUO op 050-5997755 (Informatie DUO).",
    ],
)
def test_look_alikes_are_no_personal_data(text):
    assert _found(text) == []


@pytest.mark.parametrize(
    "text, names",
    [
        ("Het aanspreekpunt is projectleider Van Leeuwen.", ["Van Leeuwen"]),
        ("Het advies is van jurist De Graaf.", ["De Graaf"]),
        ("De collega's Bakker en Smit stemden in.", ["Bakker", "Smit"]),
        ("Dat regelt coördinator Meijer met drs. H.J. Kramer.", ["Meijer", "H.J. Kramer"]),
        ("De notitie is opgesteld door Karin de Boer en besproken met Van Dijk.", ["Karin de Boer", "Van Dijk"]),
        ("Contact: kapitein-luitenant ter zee Van den Broek.", ["Van den Broek"]),
        ("Hij gaf de aantekening aan zijn leidinggevende Hendriks.", ["Hendriks"]),
        ("Een mail van mevrouw González Pérez aan de griffie.", ["González Pérez"]),
    ],
)
def test_civil_servants_by_role_title_initials_first_name_or_tussenvoegsel_are_found(text, names):
    assert _found(text) == names
