"""The gate's matching on extracted text, and check_pdf on small PDFs written here (no LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from pipeline.checks import gate
from redaction.matchers import PersonData, find_person_data, name_forms

VRIES = PersonData("jdvries", "J. de Vries", "Jan", "j.devries@minezk.nl", None, "JdV")
BERG = PersonData("pvdberg", "dr. P. van den Berg", "Pieter", None, None, "PvdB")
JANSEN = PersonData("mjansen", "M. Jansen-de Groot", "Marloes", None, None, "MJdG")
OZTURK = PersonData("sozturk", "S. Öztürk", "Selin", None, None, None)
VISSER = PersonData("lvisser", "L. Visser", "Lotte", None, None, "LV")
LANGE = PersonData("kdlange", "K. de Lange", None, None, None, None)
GROEN = PersonData("egroen", "E. Groen", None, None, None, "DE")
WEISS = PersonData("tweiss", "T. Weiß", None, None, None, None)
PEOPLE = [VRIES, BERG, JANSEN, OZTURK, VISSER, LANGE, GROEN, WEISS]


def forbidden(p: PersonData) -> list[gate.Forbidden]:
    """As publish.forbidden_for writes them."""
    out = [gate.Forbidden(form, "naam", True) for form in name_forms(p)]
    if p.email:
        out.append(gate.Forbidden(p.email, "e-mailadres", False))
    if p.paraaf:
        out.append(gate.Forbidden(p.paraaf, "paraaf", True))
    return out


def flagged(text: str, people: list[PersonData] = PEOPLE) -> list[str]:
    norm = gate.normalise(text)
    return [f.text for p in people for f in forbidden(p) if gate.matcher(f)(norm)]


# --------------------------------------------------------------------------- names in any case


@pytest.mark.parametrize(
    "text, person",
    [
        ("OPGESTELD DOOR DE VRIES", VRIES),
        ("Paraaf: J. DE VRIES", VRIES),
        ("JAN DE VRIES belde", VRIES),
        ("Mevrouw De VRIES", VRIES),
        ("De Heer Van Den Berg", BERG),
        ("DR. P. VAN DEN BERG", BERG),
        ("M. JANSEN-DE GROOT", JANSEN),
        ("Jansen\u2011De Groot", JANSEN),  # non-breaking hyphen
        ("jansen-de groot", JANSEN),  # a double surname is no ordinary word in any case
        ("Jansen-\nde Groot", JANSEN),  # line-end hyphen joined by normalise()
        ("S. ÖZTÜRK", OZTURK),
        ("s. öztürk", OZTURK),
        ("LOTTE VISSER", VISSER),
        ("VISSER", VISSER),
        ("lotte visser", VISSER),
        ("T. WEISS", WEISS),  # ß in capitals
        ("P. van den Berg", BERG),
        ("A.B. de Vries of J.  de   Vries", VRIES),
    ],
)
def test_name_in_any_case_is_caught(text, person):
    assert flagged(text, [person]), text


@pytest.mark.parametrize(
    "text, person",
    [
        ("j.devries@example.org", VRIES),  # all lower case, e-mail-like
        ("jan.devries", VRIES),
        ("devries", VRIES),  # tussenvoegsel glued to the surname
        ("l.visser@minezk.nl", VISSER),
        ("visser@minezk.nl", VISSER),
        ("mevrouw de vries", VRIES),
        ("de heer visser", VISSER),
        ("dhr. van den berg", BERG),
        ("collega groen", GROEN),
        ("k. de lange", LANGE),
    ],
)
def test_lower_case_surname_is_caught_where_only_a_name_can_stand(text, person):
    assert flagged(text, [person]), text


@pytest.mark.parametrize(
    "text, person",
    [
        ("Het Visserijfonds en de visserij; VISSERIJ; Visserij-nota.", VISSER),
        ("een visser uit Urk", VISSER),
        ("op de lange termijn", LANGE),
        ("OP DE LANGETERMIJN", LANGE),
        ("groen gas en de groene economie", GROEN),
        ("De Vriesland-regeling", VRIES),
        ("zie info@minezk.nl of www.visserij.nl", VISSER),
    ],
)
def test_ordinary_words_do_not_stop_the_build(text, person):
    assert flagged(text, [person]) == []


def test_capitalised_common_word_is_what_the_redaction_takes_too():
    # "Groen" at the start of a sentence is read as the name by both: the redaction
    # blacks it out, so the gate never sees it in a public PDF
    text = "Groen gas is duurzaam."
    assert flagged(text, [GROEN]) == ["Groen"]
    assert [text[h.start : h.end] for h in find_person_data(text, [GROEN])] == ["Groen"]


def redacted(text: str, people: list[PersonData] = PEOPLE) -> str:
    out, pos = "", 0
    for h in find_person_data(text, people):
        out += text[pos : h.start] + "█" * (h.end - h.start)
        pos = h.end
    return out + text[pos:]


@pytest.mark.parametrize("text", ["DE VRIES", "J. DE VRIES", "JAN DE VRIES", "VAN DEN BERG", "S. ÖZTÜRK",
                                  "M. JANSEN-DE GROOT", "LOTTE VISSER", "Van Den Berg", "Jansen-De Groot"])
def test_the_redaction_takes_the_forms_the_gate_stops_on(text):
    """Otherwise a name in capitals would stop every build instead of being redacted."""
    rest = redacted(text)
    assert rest != text and flagged(rest) == [], rest


# --------------------------------------------------------------------------- parafen


@pytest.mark.parametrize(
    "paraaf, text, hit",
    [
        ("PvdB", "Paraaf PvdB", True),
        ("PvdB", "PARAAF PVDB", True),  # four letters, mixed case: any case
        ("PvdB", "pvdb", True),
        ("PvdB", "PvdBx", False),
        ("MJdG", "MJDG", True),
        ("JdV", "JdV", True),
        ("JdV", "JDV", False),  # three letters: exact, like RVO for "RvO"
        ("LV", "LV", True),
        ("LV", "lv", False),
        ("DE", "DE", True),
        ("DE", "de visserij en de rest", False),  # a two-letter paraaf in any case would be every "de"
    ],
)
def test_paraaf_case_rule(paraaf, text, hit):
    f = gate.Forbidden(paraaf, "paraaf", True)
    assert gate.matcher(f)(gate.normalise(text)) is hit


def test_other_kinds_keep_their_case_flag():
    passage = gate.Forbidden("Het projectteam is van mening", "gelakte tekst", True)
    assert gate.matcher(passage)("Het projectteam is van mening dat")
    assert not gate.matcher(passage)("het projectteam is van mening dat")
    email = gate.Forbidden("j.devries@minezk.nl", "e-mailadres", False)
    assert gate.matcher(email)("mail J.DeVries@MinEZK.nl")


# --------------------------------------------------------------------------- check_pdf on a small PDF


def _pdf(path: Path, lines: list[str], subject: str = "") -> Path:
    """One page with Helvetica text lines, as a text layer pdftotext and pypdf read back."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    ops = b"BT /F1 11 Tf 50 780 Td 14 TL "
    for line in lines:
        escaped = line.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        ops += b"(" + escaped + b") Tj T* "
    ops += b"ET"
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=pdf.make_stream(ops))
    pdf.pages.append(pikepdf.Page(page))
    if subject:
        pdf.docinfo["/Subject"] = subject
    pdf.save(path)
    return path


def _all_forbidden() -> list[gate.Forbidden]:
    return [f for p in PEOPLE for f in forbidden(p)]


def test_check_pdf_passes_ordinary_text(tmp_path):
    path = _pdf(tmp_path / "schoon.pdf", ["Het Visserijfonds en de visserij.", "VISSERIJ EN groen gas",
                                          "Op de lange termijn: de rest.", "Minister Adriaansens besloot."])
    assert gate.check_pdf(path, _all_forbidden(), ["Adriaansens"]) == []


@pytest.mark.parametrize("line, form", [("OPGESTELD DOOR J. DE VRIES", "J. de Vries"),
                                        ("TER INFORMATIE: LOTTE VISSER", "Lotte Visser"),
                                        ("Paraaf PVDB", "PvdB"),
                                        ("Vragen: j.devries@example.org", "de Vries")])
def test_check_pdf_catches_a_name_in_capitals_in_the_text_layer(tmp_path, line, form):
    path = _pdf(tmp_path / "lek.pdf", ["Het Visserijfonds.", line])
    problems = gate.check_pdf(path, _all_forbidden(), [])
    assert any(f"'{form}' staat in de tekstlaag (pdftotext, pdfium)" in p for p in problems), problems


def test_check_pdf_catches_capitals_in_the_docinfo(tmp_path):
    path = _pdf(tmp_path / "info.pdf", ["Tekst."], subject="Nota van S. ÖZTÜRK")
    problems = gate.check_pdf(path, _all_forbidden(), [])
    assert any("'S. Öztürk' staat in" in p and "/Subject" in p for p in problems), problems


def test_pdf_syntax_is_compared_in_exact_case(tmp_path):
    # content streams are PDF syntax, not text anybody reads: "McId" in any case would be
    # the MCID key of every tagged PDF's marked content
    path = _pdf(tmp_path / "ops.pdf", ["Tekst."])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        page.obj.Contents = pdf.make_stream(b"/P <</MCID 0>> BDC " + page.obj.Contents.read_bytes() + b" EMC")
        pdf.save(path)
    assert gate.check_pdf(path, [gate.Forbidden("McId", "paraaf", True)], []) == []
    assert gate.check_pdf(path, [gate.Forbidden("MCID", "paraaf", True)], []) != []
