"""The text checks at load and the matching form (pipeline/content/text.py)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.content.text import _fold_slow, check_text, fold
from pipeline.content.yamlsource import LStr
from pipeline.errors import Loc
from tests.helpers import content_errors, nota_with, write_content


def _typed(text: str, start: int, end: int) -> str:
    f = fold(text)
    a, b = f.span(start, end)
    return text[a:b]


@pytest.mark.parametrize(("typed", "form"), [
    ("Ouwe\u00adhand", "Ouwehand"),  # soft hyphen
    ("Ouwe\u200bhand", "Ouwehand"),  # zero-width space
    ("Ouwe\u200dhand", "Ouwehand"),  # zero-width joiner
    ("Ouwe\u2060hand", "Ouwehand"),  # word joiner
    ("O\u0308zturk", "Özturk"),  # decomposed diacritic
    ("\uff10\uff16\u00a0\u0661\u0662", "06 12"),  # full-width and Arabic-Indic digits, no-break space
    ("06\u201412\u2012345\u2212", "06-12-345-"),  # em dash, figure dash, minus
    ("Ouwehand\u2019s", "Ouwehand's"),
    ("\u041euw\u0435hand", "Ouwehand"),  # Cyrillic look-alikes read as Latin
    ("\ufb01ets", "fiets"),  # ligature
])
def test_matching_form(typed: str, form: str) -> None:
    assert fold(typed).text == form


def test_a_hit_maps_back_to_every_typed_character_including_the_invisible_ones() -> None:
    text = "Gisteren belde Ouwe\u00ad\u200bhand."
    start = fold(text).text.index("Ouwehand")
    assert _typed(text, start, start + len("Ouwehand")) == "Ouwe\u00ad\u200bhand"
    nfd = "mevrouw O\u0308zturk"
    start = fold(nfd).text.index("Öz")
    assert _typed(nfd, start, start + 2) == "O\u0308z"


def test_the_fast_paths_fold_as_the_character_by_character_rule() -> None:
    alphabet = "abc e\u0301\u00ad\u200b\u00a0\u2014\u2013\uff10\u0435\u2019`.\u00d6\u034f\n\t"
    rng = random.Random(10)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25)))
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        _fold_slow(text, 0, out, starts, ends)
        f = fold(text)
        assert (f.text, list(f.starts), list(f.ends)) == ("".join(out), starts, ends), repr(text)


def _checked(text: str) -> list[tuple[int, str]]:
    return [(d.loc.col, d.message) for d in check_text(LStr(text, Loc("f.yaml", 3, 1)))]


@pytest.mark.parametrize(("text", "col", "says"), [
    ("Ouwe\x0chand", 5, "U+000C (pagina-einde"),
    ("Ouwe\x07hand", 5, "U+0007 (bel"),
    ("een\x0bregel", 4, "U+000B"),
    ("een\x00regel", 4, "U+0000"),
    ("een\x1bregel", 4, "U+001B"),
    ("belde \u202ednahewuO", 7, "U+202E (rechts-naar-links-forcering)"),
    ("\u041euwehand", 1, 'mengt Latijnse en Cyrillische letters: de "\u041e"'),
    ("Jo\u03bfst", 3, "Griekse"),
])
def test_what_a_document_cannot_carry_is_an_error_at_its_column(text: str, col: int, says: str) -> None:
    ((at, message),) = _checked(text)
    assert at == col and says in message


@pytest.mark.parametrize("text", ["10 k\u03a9 weerstand", "5 \u00b5g", "\u03bb\u03cc\u03b3\u03bf\u03c2 en logos",
                                  "\u0420\u043e\u0441\u0441\u0438\u044f", "tab\tna", "CO\u2082", "caf\u00e9"])
def test_ordinary_text_passes(text: str) -> None:
    assert _checked(text) == []


def test_the_loader_reports_a_look_alike_letter_at_its_line_and_column(tmp_path: Path) -> None:
    root = write_content(tmp_path / "c", {"d1/nota.yaml": nota_with("Eerste regel.\nOver Ouw\u0435hand.")})
    (diag,) = content_errors(root)
    assert (diag.loc.line, diag.loc.col) == (9, 15)
    assert "Cyrillische" in diag.message and diag.hint
