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


# --------------------------------------------------------------------------- Latin-1 text without NFKC
#
# normalise() maps a text of Latin-1 characters only (a stream read as latin-1) character by
# character instead of calling unicodedata.normalize: the same text as NFKC and the folding after it.

_LATIN1 = [chr(c) for c in range(0x100)]
_CHANGED = [ch for ch in _LATIN1 if unicodedata.normalize("NFKC", ch) != ch or forms._FOLDED.search(ch)]


def _nfkc_folded(text: str) -> str:
    """What normalise() did to a text that is not ASCII before the Latin-1 path: NFKC, then the folding."""
    return forms._FOLDED.sub(forms._fold_char, unicodedata.normalize("NFKC", text))


def _latin1_path(text: str) -> str:
    assert forms._BEYOND_LATIN1.search(text) is None
    return forms._LATIN1_FOLDED.sub(forms._latin1_char, text)


def test_the_latin1_map_holds_exactly_the_characters_nfkc_or_the_folding_change():
    assert sorted(forms._LATIN1_CHARS) == _CHANGED
    assert "\xa0" in _CHANGED and "\xbd" in _CHANGED and "\xad" in _CHANGED and "\xe9" not in _CHANGED


def test_latin1_path_equals_nfkc_for_every_character_and_every_pair():
    for a in _LATIN1:
        assert _latin1_path(a) == _nfkc_folded(a), repr(a)
        assert normalise(a) == _reference(a), repr(a)
        for b in _LATIN1:
            assert _latin1_path(a + b) == _nfkc_folded(a + b), repr(a + b)


def test_latin1_path_equals_nfkc_for_every_triple_round_a_changed_character():
    for b in _CHANGED:
        for a in _LATIN1:
            for c in _LATIN1:
                text = a + b + c
                assert _latin1_path(text) == _nfkc_folded(text), repr(text)


def test_normalise_of_long_latin1_texts_equals_the_reference():
    rnd = random.Random(15)
    # half of them drawn from all of Latin-1, half mostly from the characters NFKC changes
    dense = _CHANGED * 8 + _LATIN1
    for i in range(100_000):
        alphabet = _LATIN1 if i % 2 else dense
        text = "".join(rnd.choices(alphabet, k=rnd.randint(1, 200)))
        assert _latin1_path(text) == _nfkc_folded(text), repr(text)
        if i % 10 < 2:  # (and the whole of normalise() on a fifth of them)
            assert normalise(text) == _reference(text), repr(text)
