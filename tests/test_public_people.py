"""Public office holders by name (redaction/matchers/public_people.py) and the generator of their list."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

from redaction.matchers import public_people as pp

ROOT = Path(__file__).resolve().parents[1]

# own fixture rows, in the shipped file's format (the names are invented)
_FIXTURE = """\
# a comment line, as the shipped file's attribution header
naam\tvoornaam\ttussenvoegsel\tachternaam\tfunctie\tvan\ttot\tbron
Gerda van der Brink\tGerda\tvan der\tBrink\tminister\t2017-10-26\t2022-01-10\ttest
Gerda van der Brink\tGerda\tvan der\tBrink\tTweede Kamerlid\t2012-09-20\t2017-10-26\ttest
Gert-Jan Ouwerkerk\tGert-Jan\t\tOuwerkerk\tstaatssecretaris\t2020-01-29\t\ttest
Zeynep Koşer-Mulder\tZeynep\t\tKoşer-Mulder\tEerste Kamerlid\t2019-06-11\t2023-06-13\ttest
Hanna Brink\tHanna\t\tBrink\tpoliticus\t\t\ttest
"""


@pytest.fixture()
def fixture_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    data = tmp_path / "publieke_personen.tsv"
    data.write_text(_FIXTURE, encoding="utf-8")
    monkeypatch.setattr(pp, "_DATA", data)
    pp.holders.cache_clear()
    yield
    pp.holders.cache_clear()


def _naam(found: pp.PublicOfficeHolder | None) -> str | None:
    return found.naam if found else None


def test_full_name_matches_with_its_offices(fixture_list: None) -> None:
    found = pp.lookup("Gerda", None, "van der", "Brink")
    assert found is not None and found.naam == "Gerda van der Brink"
    assert [(o.functie, o.van, o.tot) for o in found.offices] == [
        ("minister", "2017-10-26", "2022-01-10"),
        ("Tweede Kamerlid", "2012-09-20", "2017-10-26"),
    ]


def test_initials_match(fixture_list: None) -> None:
    assert _naam(pp.lookup(None, "G.", "van der", "Brink")) == "Gerda van der Brink"
    assert _naam(pp.lookup(None, "G.J.", None, "Ouwerkerk")) == "Gert-Jan Ouwerkerk"
    assert _naam(pp.lookup(None, "G.J.M.", None, "Ouwerkerk")) == "Gert-Jan Ouwerkerk"  # more initials than known
    assert pp.lookup(None, "G.", None, "Ouwerkerk") is None  # Gert-Jan is G.J.
    assert pp.lookup(None, "P.", "van der", "Brink") is None


def test_tussenvoegsel_variants(fixture_list: None) -> None:
    assert _naam(pp.lookup("Gerda", None, "Van der", "Brink")) == "Gerda van der Brink"
    assert _naam(pp.lookup("Gerda", None, None, "Van der Brink")) == "Gerda van der Brink"
    assert _naam(pp.lookup("Gerda", None, "van", "der Brink")) == "Gerda van der Brink"
    assert pp.lookup("Gerda", None, "van", "Brink") is None  # another name
    assert pp.lookup("Gerda", None, None, "Brink") is None
    # the tussenvoegsel separates two people of one surname
    assert _naam(pp.lookup("Hanna", None, None, "Brink")) == "Hanna Brink"
    assert pp.lookup("Hanna", None, "van der", "Brink") is None


def test_surname_alone_is_no_match(fixture_list: None) -> None:
    assert pp.lookup(None, None, "van der", "Brink") is None
    assert pp.lookup("", "", None, "Ouwerkerk") is None
    assert pp.lookup(" ", None, None, "Ouwerkerk") is None


def test_other_given_name_is_no_match(fixture_list: None) -> None:
    assert pp.lookup("Gerard", None, "van der", "Brink") is None
    assert pp.lookup("Ger", None, "van der", "Brink") is None  # a prefix of a name is another name
    assert pp.lookup("Gert", None, None, "Ouwerkerk") is None
    assert pp.lookup("Gerda", "P.", "van der", "Brink") is None  # given name and initials disagree


def test_case_accents_and_hyphens_are_ignored(fixture_list: None) -> None:
    assert _naam(pp.lookup("GERDA", None, "VAN DER", "BRINK")) == "Gerda van der Brink"
    assert _naam(pp.lookup("Zeynep", None, None, "Koser-Mulder")) == "Zeynep Koşer-Mulder"
    assert _naam(pp.lookup("Zeynep", None, None, "koşer mulder")) == "Zeynep Koşer-Mulder"
    assert _naam(pp.lookup("Gert Jan", None, None, "Ouwerkerk")) == "Gert-Jan Ouwerkerk"
    # the own part of a double surname is the name too: "Zeynep Koşer"
    assert _naam(pp.lookup("Zeynep", None, None, "Koşer")) == "Zeynep Koşer-Mulder"
    assert pp.lookup("Zeynep", None, None, "Mulder") is None


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("publieke_personen", ROOT / "tools" / "publieke_personen.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generator_splits_names_and_offices(tmp_path: Path) -> None:
    gen = _generator()
    assert gen.split_surname("Van der Steur") == ("van der", "Steur")
    assert gen.split_surname("Faber-van de Klashorst") == ("", "Faber-van de Klashorst")
    assert gen.split_surname("in 't Veld") == ("in 't", "Veld")
    source = tmp_path / "source.tsv"
    source.write_text(
        "# header\n"
        "Gerda\tVan der Brink\tmember:party.X:: minister:GOV:2017-10-26:2022-01-10 member:TK:2012-09-20:2017-10-26"
        " head:TK:2012-09-20:2017-10-26\n"
        "Hanna\tBrink\tmember:party.Y::\n"
        "Guest\tSpeaker\t\n",
        encoding="utf-8",
    )
    assert gen.rows(source) == [
        (
            "Gerda van der Brink",
            "Gerda",
            "van der",
            "Brink",
            "Tweede Kamerlid",
            "2012-09-20",
            "2017-10-26",
            "ParlaMint-NL",
        ),
        ("Gerda van der Brink", "Gerda", "van der", "Brink", "minister", "2017-10-26", "2022-01-10", "ParlaMint-NL"),
        ("Hanna Brink", "Hanna", "", "Brink", "politicus", "", "", "ParlaMint-NL"),
    ]


def test_generator_reads_a_cabinets_holder_lines() -> None:
    gen = _generator()
    assert gen.parse_holder("Mr. drs. M.C.G. (Mona) Keijzer (BBB), vanaf 19 juni 2025") == (
        "M.C.G.",
        "Mona",
        "Keijzer",
        ", vanaf 19 juni 2025",
    )
    assert gen.parse_holder("V.P.G. (Vincent) Karremans LL.M., MSc (VVD)")[:3] == ("V.P.G.", "Vincent", "Karremans")
    assert gen.parse_holder("dr. E. J. (Ernst) Kuipers (D66)")[:3] == ("E.J.", "Ernst", "Kuipers")
    teun = "Dr. mr. Th.H.D. (Teun) Struycken (op voordracht van NSC; partijloos), 2 juli 2024"
    assert gen.parse_holder(teun)[:3] == ("Th.H.D.", "Teun", "Struycken")
    assert gen.parse_holder("J.C. Huizinga-Heringa, vanaf 23 februari 2010") == (
        "J.C.",
        "",
        "Huizinga-Heringa",
        ", vanaf 23 februari 2010",
    )
    assert gen.parse_holder("Mr.drs. J.C. de Jager (CDA)")[:3] == ("J.C.", "", "de Jager")
    cab = ("2022-01-10", "2024-07-02")
    assert gen._period(", vanaf 5 september 2023", *cab) == ("2023-09-05", "2024-07-02")
    assert gen._period(", 6 september - 3 oktober 2022", *cab) == ("2022-09-06", "2022-10-03")
    assert gen._period(", vanaf 14 november 2008, afgetreden 23 februari 2010", *cab) == ("2008-11-14", "2010-02-23")
    assert gen._period(", afgetreden op 16 december 2011", *cab) == ("2022-01-10", "2011-12-16")
    # a deputy's days and a temporary absence are not the days of the office
    assert gen._period(". Ook viceminister-president (vanaf 12 januari 2024)", *cab) == cab
    assert gen._period(", tijdelijk afwezig van 30 oktober 2023 - 23 november 2023", *cab) == cab
    assert gen._period(". Ook viceminister-president, 10 januari 2022 - 1 september 2023", *cab) == (
        "2022-01-10",
        "2023-09-01",
    )


def test_generator_merges_cabinets_with_parlamint_per_person(tmp_path: Path) -> None:
    gen = _generator()
    parlamint = tmp_path / "parlamint.tsv"
    parlamint.write_text(
        "Gerda\tVan der Brink\tmember:party.X:: minister:GOV:2022-01-10:2024-07-02\n"
        "Piet\tPost\tminister:GOV:2022-01-10:\n"
        "Henk\tKamp\tmember:party.Y::\n"
        "Albert\tde Wit\tmember:party.Y::\nAnna\tde Wit\tmember:party.Y::\n",
        encoding="utf-8",
    )
    cabinets = tmp_path / "kabinetten.tsv"
    line = "Kabinet-X\t2022-01-10\t2024-07-02\t{}\tpost\t{}\n"
    cabinets.write_text(
        "# header\n"
        + line.format("Ministers", "drs. G. (Gerda) van der Brink (X)")  # ParlaMint has this office from that day
        + line.format("Ministers", "H.G.J. Kamp (Y), vanaf 5 september 2023")  # initials fit one given name
        + line.format("Staatssecretarissen", "A. de Wit (Y)")  # two given names fit: initials stay
        + line.format("Ministers", "P. (Piet) Post (Q), 10 januari 2022 - 1 september 2023")  # ParlaMint has no end
        + line.format("Staatssecretarissen", "Drs. W.J. Bos (Z), afgetreden 23 februari 2023")
        + line.format("Staatssecretarissen", "Drs. W.J. Bos (Z), 1 maart 2022 - 2 maart 2022"),  # a second post in it
        encoding="utf-8",
    )
    new = [r for r in gen.all_rows(parlamint, cabinets, None) if r[7] == "Rijksoverheid.nl"]  # no Polder lines
    assert new == [
        ("W.J. Bos", "W.J.", "", "Bos", "staatssecretaris", "2022-01-10", "2023-02-23", "Rijksoverheid.nl"),
        ("Henk Kamp", "Henk", "", "Kamp", "minister", "2023-09-05", "2024-07-02", "Rijksoverheid.nl"),
        ("Piet Post", "Piet", "", "Post", "minister", "2022-01-10", "2023-09-01", "Rijksoverheid.nl"),
        ("A. de Wit", "A.", "de", "Wit", "staatssecretaris", "2022-01-10", "2024-07-02", "Rijksoverheid.nl"),
    ]


def test_shipped_list_is_the_generators_output_and_attributed() -> None:
    shipped = (ROOT / "redaction" / "matchers" / "publieke_personen.tsv").read_text(encoding="utf-8")
    assert "CC BY 4.0" in shipped and "ParlaMint" in shipped
    gen = _generator()
    assert "CC0" in shipped and "Rijksoverheid" in shipped
    body = [line.split("\t") for line in shipped.splitlines() if not line.startswith("#")][1:]
    assert [tuple(r) for r in body] == gen.all_rows()
    pp.holders.cache_clear()
    found = pp.lookup("Sigrid", None, None, "Kaag")
    assert found is not None and "minister" in {o.functie for o in found.offices}
    assert pp.lookup(None, None, None, "Kaag") is None
    # a cabinet after ParlaMint's years, and one before it known by initials only
    found = pp.lookup("Eddy", None, None, "van Hijum")
    assert found is not None and "Rijksoverheid.nl" in {o.bron for o in found.offices}
    assert pp.holder_named("W.J. Bos", by_initials=True) is not None
    assert "Polder" in shipped and "tools/data/polder-personen.tsv" in shipped


def test_written_names(fixture_list: None) -> None:
    assert _naam(pp.holder_named("Gerda van der Brink")) == "Gerda van der Brink"
    assert _naam(pp.holder_named("drs. Gerda Van der Brink")) == "Gerda van der Brink"
    assert _naam(pp.holder_named("mr. drs. Zeynep Koşer")) == "Zeynep Koşer-Mulder"
    assert pp.holder_named("Van der Brink") is None
    assert pp.holder_named("mevrouw Van der Brink") is None
    assert pp.holder_named("G. van der Brink") is None  # initials only when asked for
    assert _naam(pp.holder_named("G. van der Brink", by_initials=True)) == "Gerda van der Brink"
    assert pp.holder_named("Lotte van der Brink") is None


def test_detector_needs_a_title_not_the_list_to_make_a_holder_public() -> None:
    from redaction.matchers import find_unregistered

    pp.holders.cache_clear()

    def found(text: str) -> list[str]:
        return [text[h.start : h.end] for h in find_unregistered(text, known=[])]

    # the shipped list names Sigrid Kaag a minister, but a name on it is also a civil servant's ("Peter de Groot",
    # "Peter van Dijk" are on it): only a title or party in the text makes her public
    assert found("Zoals Sigrid Kaag in haar brief schreef, volgt het besluit later.") == ["Sigrid Kaag"]
    assert found("Zoals minister Sigrid Kaag in haar brief schreef, volgt het besluit later.") == []
    assert found("Het overleg met minister Kaag en later met mevrouw Kaag verliep goed.") == []
    # a civil servant of the same surname keeps every Kaag a finding (a leak is worse)
    text = "Sigrid Kaag sprak met projectleider Lotte Kaag over de planning."
    assert found(text) == ["Sigrid Kaag", "Lotte Kaag"]
    # initials or a surname alone do not make a politician of a civil servant
    assert found("Volgens projectleider S. Kaag is de planning haalbaar.") == ["S. Kaag"]
    assert found("Volgens mevrouw Kaag is de planning haalbaar.") == ["Kaag"]


def test_generator_reads_polders_names() -> None:
    gen = _generator()
    # a given name of its own; a second given name in brackets is no part of it
    assert gen.polder_name("Robert (Samuel) Croll", "Robert (Samuel)", "R.S.", "Croll") == ("R.S.", "Robert", "Croll")
    # titles, initials and degrees on the surname; the given name from the full name
    assert gen.polder_name("Auke van der Goot", "", "", "A.Sj. van der Goot") == ("A.Sj.", "Auke", "van der Goot")
    beukering = gen.polder_name("Toine Beukering", "", "", "(b.d.) drs. A.J.A. Beukering")
    assert beukering == ("A.J.A.", "Toine", "Beukering")
    assert gen.polder_name("Frans van Knapen", "", "", "Em. prof. dr. F. van Knapen") == ("F.", "Frans", "van Knapen")
    assert gen.polder_name("Eric Kemperman", "", "E.", "Kemperman MBA") == ("E.", "Eric", "Kemperman")
    assert gen.polder_name("Cees van de Sanden", "", "C.A.H.", "van de Sanden LL.M.")[1:] == ("Cees", "van de Sanden")
    # the full name holds the surname the family field lacks part of
    assert gen.polder_name("Hugo de Jonge", "Hugo", "H.M.", "Jonge") == ("H.M.", "Hugo", "de Jonge")
    assert gen.polder_name("Ankie Broekers-Knol", "Ankie Broekers-", "", "Knol") == ("", "Ankie", "Broekers-Knol")
    # initials for a given name: the full name's initials and surname, no given name
    assert gen.polder_name("ir. J.F. Rummenie", "", "J.F.", "Rummenie") == ("J.F.", "", "Rummenie")
    assert gen.polder_name("S.Th.M. Hermans", "", "S.T.H.M.", "Hermans") == ("S.Th.M.", "", "Hermans")
    assert gen.polder_name("drs. F.Q. Gräper-van Koolwijk", "F.Q. Gräper-van", "F.G.", "Koolwijk") == (
        "F.Q.",
        "",
        "Gräper-van Koolwijk",
    )


def test_generator_merges_polder_per_person(tmp_path: Path) -> None:
    gen = _generator()
    parlamint = tmp_path / "parlamint.tsv"
    parlamint.write_text(
        "Gerda\tVan der Brink\tmember:party.X:: member:TK:2017-03-23:2021-03-31\n"
        "Albert\tde Wit\tmember:party.Y::\nAnna\tde Wit\tmember:party.Y::\n",
        encoding="utf-8",
    )
    cabinets = tmp_path / "kabinetten.tsv"
    cabinets.write_text(
        "# header\nKabinet-X\t2007-02-22\t2010-02-23\tMinisters\tpost\tDrs. H.J. Valk (Z)\n", encoding="utf-8"
    )
    polder = tmp_path / "polder.tsv"
    line = "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n"
    polder.write_text(
        "# header\n"
        # the same seat as ParlaMint's, a day earlier at its end: ParlaMint has that office from that day
        + line.format("brink-g", "Gerda van der Brink", "Gerda", "G.", "van der Brink", "Tweede Kamerlid",
                      "2017-03-23", "2021-03-30", "tk_odata")
        # an earlier seat is news
        + line.format("brink-g", "Gerda van der Brink", "Gerda", "G.", "van der Brink", "Tweede Kamerlid",
                      "2008-06-20", "2010-06-16", "tk_odata")
        + line.format("zon-h", "Hidde Zon", "", "H.", "Zon MBA", "Eerste Kamerlid", "2023-06-13", "", "ek_scrape")
        # initials that fit one given name the sources know: that name; two (Albert, Anna): the initials stay
        + line.format("wit-a", "A. de Wit", "A.", "A.", "de Wit", "staatssecretaris", "2026-02-23", "", "staatscourant")
        + line.format("valk-h", "Hanneke Valk", "Hanneke", "H.J.", "Valk", "minister", "2007-02-22", "2010-02-23",
                      "wikidata")
        + line.format("nobody", "", "", "", "Naamloos", "minister", "2001-01-01", "", "wikidata"),
        encoding="utf-8",
    )
    out = gen.all_rows(parlamint, cabinets, polder)
    assert [r for r in out if r[7].startswith("Polder")] == [
        ("Gerda van der Brink", "Gerda", "van der", "Brink", "Tweede Kamerlid", "2008-06-20", "2010-06-16",
         "Polder/TK OData"),
        ("A. de Wit", "A.", "de", "Wit", "staatssecretaris", "2026-02-23", "", "Polder/Staatscourant"),
        ("Hidde Zon", "Hidde", "", "Zon", "Eerste Kamerlid", "2023-06-13", "", "Polder/eerstekamer.nl"),
    ]
    # Polder's given name resolves the cabinet's initials, and then that office is the cabinet's, not repeated
    assert [r for r in out if r[3] == "Valk"] == [
        ("Hanneke Valk", "Hanneke", "", "Valk", "minister", "2007-02-22", "2010-02-23", "Rijksoverheid.nl")
    ]


def test_generator_output_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gen = _generator()
    written = []
    for name in ("first.tsv", "second.tsv"):
        monkeypatch.setattr(gen, "OUT", tmp_path / name)
        gen.main()
        written.append((tmp_path / name).read_bytes())
    assert written[0] == written[1]
    assert written[0] == (ROOT / "redaction" / "matchers" / "publieke_personen.tsv").read_bytes()


def _findings(text: str) -> list[str]:
    from redaction.matchers import find_unregistered

    pp.holders.cache_clear()
    return [text[h.start : h.end] for h in find_unregistered(text, known=[])]


def test_kamerlid_of_2008_2013_in_the_shipped_list() -> None:
    # Mariko Peters sat in the Tweede Kamer 2006-2012 (Polder, from the Kamer's open data); ParlaMint (2014-2022)
    # never heard her speak, so before Polder the list did not know her
    found = pp.lookup("Mariko", None, None, "Peters")
    assert found is not None
    assert ("Tweede Kamerlid", "2008-12-22", "2010-11-18", "Polder/TK OData") in {
        (o.functie, o.van, o.tot, o.bron) for o in found.offices
    }
    assert _findings("GroenLinks-woordvoerder Mariko Peters vroeg in het debat naar de planning.") == []
    # the same surname with another given name is no member: still a finding
    assert _findings("GroenLinks-woordvoerder Sanne Peters vroeg in het debat naar de planning.") == ["Sanne Peters"]
    assert pp.lookup(None, None, None, "Peters") is None  # a surname alone names nobody


def test_eerste_kamerlid_in_the_shipped_list() -> None:
    found = pp.lookup("Andrea", None, None, "van Langen-Visbeek")
    assert found is not None and {o.functie for o in found.offices} == {"Eerste Kamerlid"}
    text = "De woordvoerder van de VVD-fractie, mevrouw {}, vroeg naar de planning."
    assert _findings(text.format("Andrea van Langen-Visbeek")) == []
    assert _findings(text.format("Lotte van Langen-Visbeek")) == ["Lotte van Langen-Visbeek"]
    # a senator known by Polder's name cleaned of its degree ("Kemperman MBA")
    assert _findings("BBB-woordvoerder Eric Kemperman vroeg naar de planning.") == []
    assert _findings("BBB-woordvoerder Anna Kemperman vroeg naar de planning.") == ["Anna Kemperman"]
