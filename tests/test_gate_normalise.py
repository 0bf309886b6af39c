"""The gate's normalise() collapses white space with str.split, not a regular expression: the same text."""

from __future__ import annotations

import random
import re
import unicodedata

from pipeline.checks.gate import forms, normalise


def _reference(text: str) -> str:
    """normalise() as it was written first, with re.sub for the white space."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
        text = forms._FOLDED.sub(forms._fold_char, text)
    if forms._LINE_END_HYPHEN.search(text):
        text = forms._HYPHENATED.sub(r"\1\2", text)
    return re.sub(r"\s+", " ", text)


def test_white_space_of_str_split_is_that_of_re():
    spaces = [c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c)]
    assert spaces == [c for c in map(chr, range(0x110000)) if c.isspace()]


def test_normalise_equals_the_regular_expression_version():
    rnd = random.Random(20261202)
    alphabet = [" ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "\u200b",
                "\u00ad", "a", "B", "é", "-", "\u2013", "\ufb01", "\u0301", "\x00", "1", "\u0410"]
    for _ in range(50_000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 10)))
        assert normalise(text) == _reference(text), repr(text)


def test_normalise_of_binary_readings_equals_the_regular_expression_version():
    rnd = random.Random(7)
    for _ in range(200):
        data = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 3000)))
        for enc in ("utf-8", "utf-16-be", "utf-16-le", "latin-1"):
            text = data.decode(enc, errors="ignore")
            assert normalise(text) == _reference(text)


def test_white_space_at_the_ends_and_only_white_space():
    assert normalise("") == ""
    assert normalise(" \n\t") == " "
    assert normalise("\u3000a  b\n") == " a b "
    assert normalise("a\u2028\u2029b") == "a b"
