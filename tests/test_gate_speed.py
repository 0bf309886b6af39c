"""The gate's fast paths read what the slow ones read: same text, same findings.

- pdftotext reads the bytes with the output intent renamed (poppler spends 93 % of its time on the
  ICC profile otherwise): the text is the same, and a leak is still found;
- PDFium is the second reader: a leak it alone sees (pdftotext shows none) is found, and it prints
  a word broken at a line end as pdftotext does;
- the prefilters (anchors) leave no stream unread: a name in a binary stream read as UTF-16 is found.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pikepdf
import pytest

from pipeline.checks import gate
from pipeline.checks.gate.forms import normalise
from pipeline.finish import pdf
from pipeline.finish.pdf.inspect import without_output_intents

ICC = b"\0" * 128 + b"acspAPPL" + b"\0" * 1000  # any bytes: poppler reads the profile, not the text


def _pdf(path: Path, text: bytes, intent: bool = True) -> Path:
    doc = pikepdf.new()
    font = doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica,
                                                Encoding=pikepdf.Name.WinAnsiEncoding))
    page = pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                              Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                              Contents=doc.make_stream(b"BT /F1 11 Tf 50 780 Td " + text + b" ET"))
    doc.pages.append(pikepdf.Page(page))
    if intent:
        profile = doc.make_stream(ICC)
        profile.N = 3
        doc.Root.OutputIntents = [doc.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1, OutputConditionIdentifier="sRGB",
            DestOutputProfile=profile))]
    doc.save(path, compress_streams=False, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    return path


def test_pdftotext_reads_the_same_text_with_the_output_intent_renamed(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", b"(Opgesteld door Joost Ouwehand, 06-12345678.) Tj")
    data = path.read_bytes()
    renamed = without_output_intents(data)
    assert len(renamed) == len(data) and renamed != data  # one letter, offsets unchanged
    assert b"/OutputIntents" not in renamed and renamed.replace(b"/OutputIntentX", b"/OutputIntents") == data
    plain = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    assert pdf.extract_text(path) == plain.decode("utf-8")
    assert "Joost Ouwehand" in pdf.extract_text(path)


def test_only_the_name_as_a_whole_is_renamed() -> None:
    assert without_output_intents(b"<</OutputIntents[1 0 R]>>") == b"<</OutputIntentX[1 0 R]>>"
    assert without_output_intents(b"/OutputIntents 5 0 R") == b"/OutputIntentX 5 0 R"
    assert without_output_intents(b"/OutputIntentsMore 1") == b"/OutputIntentsMore 1"


def test_a_leak_in_a_pdf_with_an_output_intent_stops_the_gate(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", b"(Opgesteld door Joost Ouwehand.) Tj")
    problems = gate.check_pdf(path, [gate.Forbidden("Joost Ouwehand", gate.NAME)], [])
    assert any("tekstlaag (pdftotext, pdfium)" in p for p in problems), problems


def test_pdfium_alone_seeing_a_name_stops_the_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _pdf(tmp_path / "a.pdf", b"(Opgesteld door Joost Ouwehand.) Tj")
    monkeypatch.setattr(pdf, "extract_text", lambda p, timeout=120: "Opgesteld door [gelakt].")
    problems = gate.check_pdf(path, [gate.Forbidden("Joost Ouwehand", gate.NAME)], [])
    assert any("tekstlaag (pdfium)" in p for p in problems), problems


def test_pdfium_gives_a_line_end_hyphen_back_as_pdftotext_prints_it(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", b"(Het MT-) Tj 0 -14 Td (niveau besluit.) Tj")
    pages = pdf.extract_pages_pdfium(path)
    assert len(pages) == 1 and "\x02" not in pages[0]
    assert normalise(pages[0]).split() == normalise(pdf.extract_text(path)).split()


def test_a_name_in_a_binary_stream_read_as_utf16_is_still_found(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "a.pdf", b"(Het besluit.) Tj")
    with pikepdf.open(path, allow_overwriting_input=True) as doc:
        junk = random.Random(1).randbytes(4000)
        doc.Root.Blob = doc.make_stream(junk[:2000] + " Joost Ouwehand ".encode("utf-16-be") + junk[2000:])
        doc.save(path)
    problems = gate.check_pdf(path, [gate.Forbidden("Joost Ouwehand", gate.NAME)], [])
    assert any("stream, utf-16-be" in p for p in problems), problems


def test_a_form_from_another_dossier_reuses_its_compiled_patterns_and_matches_the_same():
    """The patterns of a form depend on its text, kind and case rule, not on its rule text or sources:
    every dossier that names the same person shares them (they were compiled again per dossier)."""
    from pipeline.checks.gate import forms

    texts = ["Overleg met J. DE VRIES en jdevries@minezk.nl, paraaf JdV, tel. 06-1234 5678.",
             "devries", "Jan de Vries' nota", "de vries-boom", "niets"]
    kinds = [("J. de Vries", gate.NAME, False), ("de Vries", gate.NAME, False), ("JdV", gate.PARAAF, True),
             ("jdevries@minezk.nl", gate.EMAIL, False), ("06 12345678", gate.PHONE, True)]
    for text, what, case in kinds:
        first = gate.Forbidden(text, what, case, "naam van een ambtenaar", ("d1/nota.yaml:3:5",))
        other = gate.Forbidden(text, what, case, "een andere regel", ("d2/nota.yaml:9:1", "d2/woo.yaml:2:1"))
        bare = gate.Forbidden(text, what, case)
        assert gate.matcher(first) is gate.matcher(other) is gate.matcher(bare)
        assert forms._pattern(first) is forms._pattern(other)
        assert gate.anchor(first) == gate.anchor(other)
        assert [gate.matcher(other)(normalise(t)) for t in texts] == [forms._matcher_of.__wrapped__(bare)(
            normalise(t)) for t in texts]


def test_a_matcher_compiles_its_patterns_at_its_first_call_and_answers_as_one_built_at_once(tmp_path: Path):
    """A redacted name's anchor stands in no public file: its patterns are never compiled, and where
    they are needed they are the ones built before (the same answers, the leak still found)."""
    from pipeline.checks.gate import forms

    absent = gate.Forbidden("Wilhelmina Zwanenburg-Oostveen", gate.NAME)
    present = gate.Forbidden("Joost Ouwehand", gate.NAME)
    path = _pdf(tmp_path / "a.pdf", b"(Het besluit van Joost Ouwehand.) Tj")
    problems = gate.check_pdf(path, [absent, present], [])
    assert any("Joost Ouwehand" in p for p in problems) and not any("Zwanenburg" in p for p in problems)
    lazy = gate.matcher(absent)
    assert isinstance(lazy, forms._Lazy) and lazy._found is None
    texts = ["W. ZWANENBURG-OOSTVEEN", "wilhelmina zwanenburg oostveen", "zwanenburg", "niets", "Joost Ouwehand"]
    for f in (absent, present, gate.Forbidden("06 12345678", gate.PHONE), gate.Forbidden("JdV", gate.PARAAF),
              gate.Forbidden("j.ouwehand@minezk.nl", gate.EMAIL, False)):
        assert [gate.matcher(f)(normalise(t)) for t in texts] == [forms._build_matcher(f)(normalise(t))
                                                                   for t in texts]
    assert gate.matcher(absent)._found is not None
