"""Content loader: every validation error names file:line:col, says what is wrong and hints a fix."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    DOSSIER_YAML,
    KAMERBRIEF_YAML,
    NOTA_YAML,
    PERSONEN,
    RAPPORTAGE_YAML,
    WOO_YAML,
    content_errors,
    cwd,  # noqa: F401  (fixture)
    only_error,
    write_content,
)

from pipeline.kinds import load_content

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

D = "d1/dossier.yaml"
N = "d1/nota.yaml"
K = "d1/kamerbrief.yaml"
R = "d1/rapportage.yaml"
W = "d1/woo.yaml"


@pytest.fixture
def root(cwd: Path) -> Path:  # noqa: F811
    return cwd / "content"


def texts(root: Path, only: list[str] | None = None) -> list[str]:
    return [str(d) for d in content_errors(root, only)]


# --- the fixture itself is valid -----------------------------------------------------------

def test_minimal_fixture_loads(root: Path) -> None:
    write_content(root)
    content = load_content(root)
    assert [d.id for d in content.dossiers] == ["d1"]
    assert set(content.personen) == {"avries", "pvdberg", "madriaansens"}
    assert content.dossiers[0].route_complete


def test_full_fixture_with_all_optional_files_loads(root: Path) -> None:
    write_content(root, with_docs=("kamerbrief", "rapportage", "woo"))
    d = load_content(root).dossiers[0]
    assert "kamerbrief" in d.documents and "rapportage" in d.documents and d.woo is not None
    assert d.woo.openbaarmaking == dt.date(2024, 1, 15)


# --- YAML level ---------------------------------------------------------------------------

def test_yaml_syntax_error(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("directie: Directie Bedrijfsvoering",
                                                 "directie: Directie: Bedrijfsvoering")})
    msg = only_error(root)
    assert msg.startswith("content/d1/dossier.yaml:5:19: ongeldige YAML: een dubbele punt met een spatie erachter")
    assert "zet de hele waarde tussen aanhalingstekens" in msg


def test_yaml_tab_indentation(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("directie:", "\tdirectie:")})
    msg = only_error(root)
    assert msg == ("content/d1/dossier.yaml:5:1: ongeldige YAML: een tab op deze plaats is in YAML niet toegestaan; "
                   "spring in met spaties, niet met tabs (stel de editor in op 'tabs als spaties')")


def test_non_utf8_file_is_reported(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("Eerste alinea.", "Eerste caf\xe9.").encode("latin-1")})
    msgs = texts(root)
    assert msgs[0].startswith("content/d1/nota.yaml:")
    assert "het bestand is geen UTF-8" in msgs[0] and "sla het bestand op als UTF-8" in msgs[0]


def test_non_utf8_position_points_at_the_bad_byte(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("Eerste alinea.", "Eerste caf\xe9.").encode("latin-1")})
    msgs = texts(root)
    # the é (0xE9) stands on line 8, column 17 (six spaces, then "Eerste caf"; the old xfail said 18)
    assert msgs == ["content/d1/nota.yaml:8:17: het bestand is geen UTF-8 (byte 0xE9 hier); "
                    "sla het bestand op als UTF-8 (in de editor: 'Opslaan als', codering UTF-8)"]


def test_unparsable_nota_is_not_also_reported_as_missing(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("ter: besluitvorming", "ter: [besluitvorming")})
    msgs = texts(root)
    assert len(msgs) == 1, msgs
    assert "ongeldige YAML" in msgs[0]


def test_duplicate_key(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML + "kenmerk: nog een\n"})
    msg = only_error(root)
    assert msg == ("content/d1/dossier.yaml:14:1: het veld 'kenmerk' staat hier twee keer; "
                   "eerder op regel 1; laat er één staan")


def test_empty_file_reports_required_fields(root: Path) -> None:
    write_content(root, {N: ""})
    msgs = texts(root)
    assert "content/d1/nota.yaml:1:1: het veld 'ter' ontbreekt of is leeg; vul 'ter: ...' in" in msgs
    assert any(m.startswith("content/d1/nota.yaml:1:1: de lijst 'secties' ontbreekt") for m in msgs)


def test_file_that_is_not_a_mapping(root: Path) -> None:
    write_content(root, {N: "- a\n- b\n"})
    msg = only_error(root)
    assert msg.startswith("content/d1/nota.yaml:1:1: nota.yaml moet een verzameling velden zijn")


# --- fields -------------------------------------------------------------------------------

def test_unknown_field_with_did_you_mean(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("directie:", "directe:")})
    msgs = texts(root)
    assert ("content/d1/dossier.yaml:5:1: onbekend veld 'directe' in dossier.yaml; bedoelde u 'directie'?"
            in msgs)


def test_unknown_field_nested_points_at_key(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("  oordeel: akkoord", "  oordeel: akkoord\n  opmerkin: ja")})
    msg = only_error(root)
    assert msg == "content/d1/dossier.yaml:13:3: onbekend veld 'opmerkin' in besluit; bedoelde u 'opmerking'?"


def test_unknown_field_without_close_match_lists_allowed(root: Path) -> None:
    write_content(root, {N: NOTA_YAML + "zzz: 1\n"})
    msg = only_error(root)
    assert msg.startswith("content/d1/nota.yaml:9:1: onbekend veld 'zzz' in nota.yaml; toegestane velden: ter, aan,")


def test_missing_required_field(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("directie: Directie Bedrijfsvoering\n", "")})
    assert only_error(root) == ("content/d1/dossier.yaml:1:1: het veld 'directie' ontbreekt of is leeg; "
                                "vul 'directie: ...' in")


def test_missing_required_field_in_list_item(root: Path) -> None:
    write_content(root, {"personen.yaml": PERSONEN.replace("    naam: P. van den Berg\n", "")})
    msgs = texts(root)
    # the item starts at line 8, column 5 ("id: pvdberg")
    assert msgs[0] == "content/personen.yaml:8:5: het veld 'naam' ontbreekt of is leeg; vul 'naam: ...' in"


def test_missing_required_date(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "", 1)})
    assert only_error(root) == ("content/d1/dossier.yaml:1:1: het veld 'datum' ontbreekt; "
                                "vul 'datum: JJJJ-MM-DD' in")


def test_empty_quoted_field(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace('onderwerp: "Testonderwerp"', 'onderwerp: ""')})
    assert only_error(root) == ("content/d1/dossier.yaml:2:12: het veld 'onderwerp' ontbreekt of is leeg; "
                                "vul 'onderwerp: ...' in")


def test_empty_field_whitespace_only(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace('onderwerp: "Testonderwerp"', 'onderwerp: "   "')})
    assert only_error(root).startswith("content/d1/dossier.yaml:2:12: het veld 'onderwerp' ontbreekt of is leeg")


def test_empty_field_without_value_points_at_its_own_line(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace('onderwerp: "Testonderwerp"', "onderwerp:")})
    msg = only_error(root)
    assert msg.startswith("content/d1/dossier.yaml:2:"), msg
    assert "het veld 'onderwerp' ontbreekt of is leeg" in msg


@pytest.mark.parametrize("typed", ["0123", "0045821", "1.420", "12:30", "1e3", "-0", ".5", "ja", "2023-12-01"])
def test_values_are_text_as_typed(root: Path, typed: str) -> None:
    """Contract v1.1: YAML's own typing never changes a value (kenmerk 0045821 keeps its zeros)."""
    write_content(root, {D: DOSSIER_YAML.replace('kenmerk: "PSG-DB / 26061157"', f"kenmerk: {typed}"),
                         N: NOTA_YAML.replace("kop: Aanleiding", f"kop: {typed}")})
    d = load_content(root).dossiers[0]
    assert d.kenmerk == typed and type(d.kenmerk).__name__ == "LStr"
    assert d.nota.secties[0].kop == typed


def test_number_hint_keeps_leading_zero(root: Path) -> None:
    """The old hint told the writer to quote "123"; now nothing needs quoting and the zeros stay."""
    write_content(root, {D: DOSSIER_YAML.replace('kenmerk: "PSG-DB / 26061157"', "kenmerk: 0123")})
    assert load_content(root).dossiers[0].kenmerk == "0123"


def test_list_where_text_expected(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace('onderwerp: "Testonderwerp"', "onderwerp: [a, b]")})
    assert only_error(root) == "content/d1/dossier.yaml:2:12: 'onderwerp' moet tekst zijn, geen lijst of verzameling"


def test_invalid_id(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("opsteller: avries", "opsteller: a vries")})
    assert only_error(root) == ("content/d1/dossier.yaml:6:12: 'a vries' is geen geldige id; "
                                "gebruik letters, cijfers, '-' en '_' zonder spaties")


def test_scalar_where_list_expected(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("bijlagen: []", "bijlagen: kamerbrief")})
    assert only_error(root) == ("content/d1/nota.yaml:4:11: 'bijlagen' moet een lijst zijn; "
                                "zet elk item op een eigen regel met '- '")


def test_mapping_in_list_of_texts(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("bijlagen: []", "bijlagen: [{a: b}]")})
    assert only_error(root) == "content/d1/nota.yaml:4:12: een bijlage moet tekst zijn"


def test_empty_register_list(root: Path) -> None:
    write_content(root, {"personen.yaml": "personen:\n"})
    msgs = texts(root)
    assert msgs[0] == ("content/personen.yaml:1:1: de lijst 'personen' ontbreekt; "
                       "voeg 'personen:' met items '- ...' toe")


# --- enums --------------------------------------------------------------------------------

@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    ("personen.yaml", "rol: ambtenaar", "rol: ambtenar",
     "content/personen.yaml:7:10: 'ambtenar' is geen geldige waarde voor 'rol'; bedoelde u 'ambtenaar'?"),
    (N, "ter: besluitvorming", "ter: besluitvoming",
     "content/d1/nota.yaml:1:6: 'besluitvoming' is geen geldige waarde voor 'ter'; bedoelde u 'besluitvorming'?"),
    (D, "oordeel: akkoord", "oordeel: akord",
     "content/d1/dossier.yaml:12:12: 'akord' is geen geldige waarde voor 'oordeel'; bedoelde u 'akkoord'?"),
    (W, 'grond: "5.2"', 'grond: "5.1.2x"',
     "content/d1/woo.yaml:9:13: '5.1.2x' is geen geldige waarde voor 'grond'; bedoelde u '5.1.2i'?"),
    (W, "document: nota", "document: kamerbrieff",
     "content/d1/woo.yaml:7:15: 'kamerbrieff' is geen geldige waarde voor 'document'; bedoelde u 'kamerbrief'?"),
    (N, "      Eerste alinea.\n", "      Eerste alinea.\n    nummering: letter\n",
     "content/d1/nota.yaml:9:16: 'letter' is geen geldige waarde voor 'nummering'; bedoelde u 'letters'?"),
])
def test_wrong_enum_value_with_suggestion(root: Path, rel: str, old: str, new: str, expected: str) -> None:
    base = {"personen.yaml": PERSONEN, N: NOTA_YAML, D: DOSSIER_YAML, W: WOO_YAML}[rel]
    assert old in base
    write_content(root, {rel: base.replace(old, new, 1)}, with_docs=("woo",))
    assert expected in texts(root)


def test_wrong_enum_value_without_close_match_lists_choices(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("ter: besluitvorming", "ter: x")})
    assert only_error(root) == ("content/d1/nota.yaml:1:6: 'x' is geen geldige waarde voor 'ter'; "
                                "kies uit: besluitvorming | beslissing | informatie")


def test_unquoted_woo_ground_is_read_as_typed(root: Path) -> None:
    write_content(root, {W: WOO_YAML.replace('grond: "5.2"', "grond: 5.2")}, with_docs=("woo",))
    woo = load_content(root).dossiers[0].woo
    assert woo is not None and woo.lakken[0].grond == "5.2"


def test_invalid_rol_does_not_cascade_into_unknown_person(root: Path) -> None:
    write_content(root, {"personen.yaml": PERSONEN.replace("rol: ambtenaar", "rol: ambtenar", 1)})
    msgs = texts(root)
    assert len(msgs) == 1, msgs


# --- dates, e-mail, booleans --------------------------------------------------------------

def test_yaml_12_date_loads_as_date(root: Path) -> None:
    write_content(root)
    d = load_content(root).dossiers[0]
    assert d.datum == dt.date(2023, 12, 23)
    assert d.parafenroute[0].datum == dt.date(2023, 12, 20)
    assert d.besluit is not None and d.besluit.datum == dt.date(2023, 12, 23)


def test_quoted_iso_date_is_accepted(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", 'datum: "2023-12-23"\n', 1)})
    assert load_content(root).dossiers[0].datum == dt.date(2023, 12, 23)


def test_bad_date_format(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 23-12-2023\n", 1)})
    assert only_error(root) == ("content/d1/dossier.yaml:3:8: '23-12-2023' is geen geldige datum voor 'datum'; "
                                "schrijf de datum als JJJJ-MM-DD: datum: 2023-12-23")


def test_bad_quoted_calendar_date(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", 'datum: "2023-02-30"\n', 1)})
    assert only_error(root) == ("content/d1/dossier.yaml:3:8: de datum '2023-02-30' in 'datum' bestaat niet: "
                                "februari 2023 heeft 28 dagen; controleer de dag")


def test_impossible_leap_day_says_the_date_does_not_exist(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 2024-02-30\n", 1)})
    assert only_error(root) == ("content/d1/dossier.yaml:3:8: de datum '2024-02-30' in 'datum' bestaat niet: "
                                "februari 2024 heeft 29 dagen; controleer de dag")


def test_dutch_date_order_gets_the_iso_form_as_hint(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 3-12-2023\n", 1)})
    assert only_error(root) == ("content/d1/dossier.yaml:3:8: '3-12-2023' is geen geldige datum voor 'datum'; "
                                "schrijf de datum als JJJJ-MM-DD: datum: 2023-12-03")


def test_bad_unquoted_calendar_date_is_a_diagnostic(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 2023-02-30\n", 1)})
    msg = only_error(root)
    assert msg.startswith("content/d1/dossier.yaml:3:8: ")
    assert "bestaat niet: februari 2023 heeft 28 dagen" in msg


def test_bad_date_in_route_step(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("    datum: 2023-12-20", "    datum: gisteren")})
    assert texts(root)[0].startswith("content/d1/dossier.yaml:9:12: 'gisteren' is geen geldige datum voor 'datum'")


def test_bad_email(root: Path) -> None:
    write_content(root, {"personen.yaml": PERSONEN.replace("email: a.devries@minezk.nl",
                                                           "email: a.devries-minezk.nl")})
    assert only_error(root) == "content/personen.yaml:5:12: 'a.devries-minezk.nl' is geen geldig e-mailadres"


@pytest.mark.parametrize(("typed", "expected"), [("nee", False), ("ja", True), ("Nee", False), ("true", True),
                                                  ("false", False)])
def test_woo_lakken_flag_accepts_dutch_yes_no(root: Path, typed: str, expected: bool) -> None:
    write_content(root, {W: WOO_YAML.replace("lakken: false", f"lakken: {typed}")}, with_docs=("woo",))
    woo = load_content(root).dossiers[0].woo
    assert woo is not None and woo.personen[0].lakken is expected


def test_woo_lakken_flag_must_be_yes_or_no(root: Path) -> None:
    write_content(root, {W: WOO_YAML.replace("lakken: false", "lakken: misschien")}, with_docs=("woo",))
    assert only_error(root) == ("content/d1/woo.yaml:5:13: 'lakken' moet ja of nee zijn (of true / false), "
                                "niet 'misschien'")


def test_woo_lakken_flag_missing(root: Path) -> None:
    write_content(root, {W: WOO_YAML.replace("    lakken: false\n", "")}, with_docs=("woo",))
    assert only_error(root) == ("content/d1/woo.yaml:4:5: het veld 'lakken' ontbreekt; "
                                "vul 'lakken: true' of 'lakken: false' in")


def test_woo_informatiecategorie_must_be_text(root: Path) -> None:
    write_content(root, {W: WOO_YAML + "informatiecategorie:\n  nota: [a]\n"}, with_docs=("woo",))
    assert only_error(root) == "content/d1/woo.yaml:13:9: informatiecategorie van nota moet tekst zijn"


# --- registers and references ---------------------------------------------------------------

def test_duplicate_person_id(root: Path) -> None:
    personen = PERSONEN + "  - id: avries\n    naam: Iemand Anders\n    rol: extern\n"
    write_content(root, {"personen.yaml": personen})
    assert only_error(root) == ("content/personen.yaml:16:9: de id 'avries' komt twee keer voor; "
                                "eerder op regel 2; kies een unieke id")


def test_duplicate_organisation_id(root: Path) -> None:
    from helpers import ORGANISATIES
    write_content(root, {"organisaties.yaml": ORGANISATIES + "  - id: ezk\n    naam: Nog een\n"})
    assert only_error(root) == "content/organisaties.yaml:8:9: de id 'ezk' komt twee keer voor; kies een unieke id"


@pytest.mark.parametrize(("rel", "old", "new", "expected"), [
    (D, "persoon: pvdberg", "persoon: pvdbergg",
     "content/d1/dossier.yaml:8:14: de persoon 'pvdbergg' staat niet in personen.yaml; bedoelde u 'pvdberg'?"),
    (D, "opsteller: avries", "opsteller: avriess",
     "content/d1/dossier.yaml:6:12: de opsteller 'avriess' staat niet in personen.yaml; bedoelde u 'avries'?"),
    (N, "aan: madriaansens", "aan: madriaansen",
     ("content/d1/nota.yaml:2:6: de geadresseerde (aan) 'madriaansen' staat niet in personen.yaml; "
     "bedoelde u 'madriaansens'?")),
    (D, "persoon: madriaansens", "persoon: madriaanssens",
     ("content/d1/dossier.yaml:11:12: de persoon van het besluit 'madriaanssens' staat niet in personen.yaml; "
     "bedoelde u 'madriaansens'?")),
    (K, "ondertekenaar: madriaansens", "ondertekenaar: madriaansen",
     ("content/d1/kamerbrief.yaml:2:16: de ondertekenaar 'madriaansen' staat niet in personen.yaml; "
     "bedoelde u 'madriaansens'?")),
    (K, "tekst: |", "contactpersoon: avris\ntekst: |",
     "content/d1/kamerbrief.yaml:3:17: de contactpersoon 'avris' staat niet in personen.yaml; bedoelde u 'avries'?"),
    (W, "persoon: avries", "persoon: avrie",
     "content/d1/woo.yaml:4:14: de persoon 'avrie' staat niet in personen.yaml; bedoelde u 'avries'?"),
])
def test_unknown_person_id_with_did_you_mean(root: Path, rel: str, old: str, new: str, expected: str) -> None:
    base = {D: DOSSIER_YAML, N: NOTA_YAML, K: KAMERBRIEF_YAML, W: WOO_YAML}[rel]
    assert old in base
    write_content(root, {rel: base.replace(old, new, 1)}, with_docs=("kamerbrief", "woo"))
    assert only_error(root) == expected


def test_unknown_person_without_close_match(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("opsteller: avries", "opsteller: zzzz")})
    assert only_error(root) == ("content/d1/dossier.yaml:6:12: de opsteller 'zzzz' staat niet in personen.yaml; "
                                "voeg de persoon toe aan personen.yaml")


def test_kopie_aan_that_looks_like_an_unknown_id(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("kopie_aan: []", "kopie_aan: [avrie, Directie Communicatie]")})
    assert only_error(root).startswith(
        "content/d1/nota.yaml:3:13: kopie_aan 'avrie' lijkt een id maar staat niet in personen.yaml")


def test_unknown_organisation_is_reported(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("organisatie: ezk", "organisatie: ezkk")})
    msg = only_error(root)
    assert msg.startswith("content/d1/dossier.yaml:")
    assert "de organisatie 'ezkk' staat niet in organisaties.yaml" in msg


def test_unknown_organisation_points_at_value_with_did_you_mean(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("organisatie: ezk", "organisatie: ezkk")})
    assert only_error(root) == ("content/d1/dossier.yaml:4:14: de organisatie 'ezkk' staat niet in "
                                "organisaties.yaml; bedoelde u 'ezk'?")


def test_bijlage_without_its_file(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("bijlagen: []", "bijlagen: [kamerbrief]")})
    assert only_error(root) == ("content/d1/nota.yaml:4:12: de bijlage 'kamerbrief' heeft geen kamerbrief.yaml in d1/; "
                                "maak kamerbrief.yaml aan of haal 'kamerbrief' uit bijlagen")


def test_bijlage_that_is_not_a_document(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("bijlagen: []", "bijlagen: [notulen]")})
    assert only_error(root) == ("content/d1/nota.yaml:4:12: 'notulen' is geen document van dit dossier; "
                                "kies uit: kamerbrief, rapportage, kamervragen")


def test_bijlagen_present_with_files(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("bijlagen: []", "bijlagen: [kamerbrief, rapportage]")},
                  with_docs=("kamerbrief", "rapportage"))
    assert load_content(root).dossiers[0].bijlagen() == ["kamerbrief", "rapportage"]


# --- route and decision -------------------------------------------------------------------

def test_besluit_while_route_open(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("    datum: 2023-12-20\n", "")})
    # besluit: is now line 9; its mapping starts at line 10, column 3
    assert only_error(root) == ("content/d1/dossier.yaml:10:3: er is een besluit terwijl de parafenroute nog open "
                                "staat; geef elke paraaf een datum of verwijder het besluit")


def test_open_route_without_besluit_is_valid(root: Path) -> None:
    dossier = DOSSIER_YAML.replace("    datum: 2023-12-20\n", "").split("besluit:")[0]
    write_content(root, {D: dossier})
    d = load_content(root).dossiers[0]
    assert d.besluit is None and not d.route_complete


def test_besluit_by_non_bewindspersoon(root: Path) -> None:
    write_content(root, {D: DOSSIER_YAML.replace("persoon: madriaansens", "persoon: avries")})
    assert only_error(root) == ("content/d1/dossier.yaml:11:3: 'avries' besluit, maar heeft rol 'ambtenaar'; "
                                "een besluit wordt genomen door een bewindspersoon")


def test_nota_aan_non_bewindspersoon_is_reported(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("aan: madriaansens", "aan: avries")})
    msg = only_error(root)
    assert msg.startswith("content/d1/nota.yaml:")
    assert "de nota is gericht aan 'avries' met rol 'ambtenaar'; een nota is gericht aan een bewindspersoon" in msg


def test_nota_aan_non_bewindspersoon_points_at_aan(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("aan: madriaansens", "aan: avries")})
    assert only_error(root).startswith("content/d1/nota.yaml:2:6: ")


def test_route_step_without_datum_before_dated_step(root: Path) -> None:
    dossier = DOSSIER_YAML.replace("parafenroute:\n", "parafenroute:\n  - persoon: avries\n").split("besluit:")[0]
    write_content(root, {D: dossier})
    assert only_error(root) == (
        "content/d1/dossier.yaml:8:5: deze stap heeft geen datum, maar een latere stap wel; parafen worden in "
        "volgorde gezet; vul de datum in of verwijder de latere datum")


# --- tables -------------------------------------------------------------------------------

def test_table_row_with_wrong_cell_count(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- [x, y]\n        - [x]")},
                  with_docs=("rapportage",))
    assert only_error(root) == ("content/d1/rapportage.yaml:10:11: deze rij heeft 1 cellen, de tabel heeft "
                                "2 kolommen; geef elke rij evenveel cellen als er kolommen zijn")


def test_table_row_that_is_not_a_list(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- x")}, with_docs=("rapportage",))
    assert only_error(root).startswith("content/d1/rapportage.yaml:9:11: een rij moet een lijst van cellen zijn")


def test_table_cells_numbers_and_empty_are_text(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- [120, ~]")}, with_docs=("rapportage",))
    tabel = load_content(root).dossiers[0].documents["rapportage"].secties[0].tabel
    assert tabel is not None and tabel.rijen == [["120", ""]]


# --- missing files and folders --------------------------------------------------------------

def test_missing_personen_yaml(root: Path) -> None:
    write_content(root, {"personen.yaml": None})
    msgs = texts(root)
    assert msgs[0].startswith("content/personen.yaml: personen.yaml ontbreekt; maak ")
    assert msgs[0].endswith("personen.yaml aan (zie docs/content-format.md)")


def test_missing_organisaties_yaml(root: Path) -> None:
    write_content(root, {"organisaties.yaml": None})
    msgs = texts(root)
    assert msgs[0].startswith("content/organisaties.yaml: organisaties.yaml ontbreekt")


def test_missing_nota_yaml(root: Path) -> None:
    write_content(root, {N: None})
    assert only_error(root) == ("content/d1/nota.yaml: het dossier heeft geen nota.yaml; "
                                "maak nota.yaml aan; elke dossiermap heeft een nota")


def test_unknown_dossier_on_command_line(root: Path) -> None:
    write_content(root)
    assert only_error(root, ["d2"]) == "content/d2: het dossier 'd2' bestaat niet; beschikbaar: d1"


def test_only_selects_dossiers(root: Path) -> None:
    write_content(root, {"d2/dossier.yaml": DOSSIER_YAML, "d2/nota.yaml": NOTA_YAML})
    assert [d.id for d in load_content(root).dossiers] == ["d1", "d2"]
    assert [d.id for d in load_content(root, ["d2"]).dossiers] == ["d2"]


def test_table_cell_true_is_text_as_typed(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- [x, true]")}, with_docs=("rapportage",))
    tabel = load_content(root).dossiers[0].documents["rapportage"].secties[0].tabel
    assert tabel is not None and tabel.rijen == [["x", "true"]]


def test_content_folder_does_not_exist(root: Path) -> None:
    msg = only_error(root)
    assert msg == f"{root}: de contentmap bestaat niet; geef een bestaande map op met --content"


# --- all errors together ----------------------------------------------------------------------

def test_all_errors_of_a_run_are_reported_together(root: Path) -> None:
    write_content(root, {
        "personen.yaml": PERSONEN.replace("rol: bewindspersoon", "rol: bewindspersoo"),
        N: NOTA_YAML.replace("ter: besluitvorming", "ter: informatiee"),
        "d2/dossier.yaml": DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: morgen\n", 1),
        "d2/nota.yaml": NOTA_YAML,
    })
    msgs = texts(root)
    assert any(m.startswith("content/personen.yaml:15:10: 'bewindspersoo' is geen geldige waarde") for m in msgs)
    assert any(m.startswith("content/d1/nota.yaml:1:6: 'informatiee' is geen geldige waarde") for m in msgs)
    assert any(m.startswith("content/d2/dossier.yaml:3:8: 'morgen' is geen geldige datum") for m in msgs), msgs


def test_two_errors_in_two_files_both_listed(root: Path) -> None:
    write_content(root, {
        D: DOSSIER_YAML.replace("oordeel: akkoord", "oordeel: akord"),
        N: NOTA_YAML.replace("ter: besluitvorming", "ter: besluitvoming"),
    })
    msgs = texts(root)
    assert msgs == [
        "content/d1/dossier.yaml:12:12: 'akord' is geen geldige waarde voor 'oordeel'; bedoelde u 'akkoord'?",
        "content/d1/nota.yaml:1:6: 'besluitvoming' is geen geldige waarde voor 'ter'; bedoelde u 'besluitvorming'?",
    ]


# --- the CLI --------------------------------------------------------------------------------

def _check(content_dir: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, "-m", "pipeline", "check", "--content", str(content_dir), *extra],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)


def test_cli_check_broken_folder_exits_2_without_traceback(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content", {
        D: DOSSIER_YAML.replace("oordeel: akkoord", "oordeel: akord"),
        N: NOTA_YAML.replace("ter: besluitvorming", "ter: besluitvoming"),
    })
    proc = _check(root)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert (f"{root}/d1/dossier.yaml:12:12: 'akord' is geen geldige waarde voor 'oordeel'; "
            "bedoelde u 'akkoord'?") in lines
    assert any(line.startswith(f"{root}/d1/nota.yaml:1:6: ") for line in lines)
    assert lines[-1] == "2 fouten gevonden; er is niets geschreven."
    assert proc.stdout == ""


def test_cli_check_markup_error_exits_2(tmp_path: Path) -> None:
    from helpers import nota_with
    root = write_content(tmp_path / "content", {N: nota_with("Regel een\nregel **twee")})
    proc = _check(root)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"{root}/d1/nota.yaml:9:13: '**' (vet) wordt niet gesloten" in proc.stderr


def test_cli_check_unknown_dossier_exits_2(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content")
    proc = _check(root, "bestaatniet")
    assert proc.returncode == 2
    assert "het dossier 'bestaatniet' bestaat niet" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_cli_check_impossible_date_has_no_traceback(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content",
                         {D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 2023-02-30\n", 1)})
    proc = _check(root)
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2


def test_cli_check_real_content_exits_0() -> None:
    proc = _check(REPO / "content")
    assert proc.returncode == 0, proc.stderr
    assert "motie-21-ezk: in orde" in proc.stdout


def test_cli_check_minimal_fixture_exits_0(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content", with_docs=("kamerbrief", "rapportage", "woo"))
    proc = _check(root)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "d1: in orde (nota, kamerbrief, rapportage)"


# --- every error of every file in one run ----------------------------------------------------

def test_ten_mistakes_in_five_files_come_in_one_run_and_nothing_else(root: Path) -> None:
    write_content(root, {
        "personen.yaml": PERSONEN.replace("rol: ambtenaar", "rol: ambtenar", 1)
                                 .replace("email: a.devries@minezk.nl", "email: a.devries-minezk.nl"),
        D: DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: 2024-02-30\n", 1)
                       .replace("oordeel: akkoord", "oordeel: akord"),
        N: NOTA_YAML.replace("ter: besluitvorming", "ter: besluitvoming")
                    .replace("bijlagen: []", "bijlagen: [kamerbrief, rapportage]")
                    .replace("Eerste alinea.", "Eerste **alinea. Met @madriaansen."),
        K: KAMERBRIEF_YAML.replace("Geachte tekst.", "Geachte *tekst."),
        R: RAPPORTAGE_YAML.replace("- [x, y]", "- [x, y, z]").replace("titel:", "tittel:"),
    })
    assert texts(root) == [
        "content/personen.yaml:5:12: 'a.devries-minezk.nl' is geen geldig e-mailadres",
        "content/personen.yaml:7:10: 'ambtenar' is geen geldige waarde voor 'rol'; bedoelde u 'ambtenaar'?",
        "content/d1/dossier.yaml:3:8: de datum '2024-02-30' in 'datum' bestaat niet: februari 2024 heeft 29 dagen; "
        "controleer de dag",
        "content/d1/dossier.yaml:12:12: 'akord' is geen geldige waarde voor 'oordeel'; bedoelde u 'akkoord'?",
        "content/d1/nota.yaml:1:6: 'besluitvoming' is geen geldige waarde voor 'ter'; bedoelde u 'besluitvorming'?",
        "content/d1/nota.yaml:8:14: '**' (vet) wordt niet gesloten in deze alinea; "
        "sluit af met ** of schrijf \\*\\* voor letterlijke sterretjes",
        "content/d1/nota.yaml:8:28: '@madriaansen' staat niet in personen.yaml; bedoelde u '@madriaansens'?",
        "content/d1/kamerbrief.yaml:4:11: '*' (cursief) wordt niet gesloten in deze alinea; "
        "sluit af met * of schrijf \\* voor een letterlijk sterretje",
        "content/d1/rapportage.yaml:1:1: onbekend veld 'tittel' in rapportage.yaml; bedoelde u 'titel'?",
        "content/d1/rapportage.yaml:9:11: deze rij heeft 3 cellen, de tabel heeft 2 kolommen; "
        "geef elke rij evenveel cellen als er kolommen zijn",
    ]
