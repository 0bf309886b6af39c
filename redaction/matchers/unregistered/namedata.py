"""Dutch first names, surnames and places as the `deduce` package ships them (Meertens, CBS, BAG)."""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pipeline.errors import ToolMissing

# deduce (LGPL) keeps its lookup lists as plain text files; we read them as data and never
# import deduce itself (its de-identification pipeline is not ours; see bench/eval_detector.py)
_LOOKUP = "deduce/data/lookup/src"
_INSTALL = "installeer de afhankelijkheden opnieuw: .venv/bin/pip install -r requirements.lock"


def _lookup_dir() -> Path:
    try:
        dist = metadata.distribution("deduce")
    except metadata.PackageNotFoundError:
        raise ToolMissing(f"het pakket 'deduce' (namenlijsten voor de Woo-controle) ontbreekt; {_INSTALL}") from None
    root = Path(str(dist.locate_file(_LOOKUP)))
    if not root.is_dir():
        raise ToolMissing(f"de namenlijsten van 'deduce' ontbreken in {root}; {_INSTALL}")
    return root


def _read(relative: str) -> list[str]:
    path = _lookup_dir() / relative
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


# letters NFKD does not take apart: Turkish dotless i, Polish l, Croatian d, Danish o
UNDECOMPOSED = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O"})


def latin_base(word: str) -> str:
    """A name's letters beyond Latin-1 without their marks, as the lists of deduce spell them ("Yıldırım" ->
    "Yildirim", "Szőke" -> "Szoke"); Latin-1 letters stay (the lists hold "Öztürk" as it is written)."""
    out = []
    for ch in word.translate(UNDECOMPOSED):
        if ch > "ÿ":
            ch = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(ch)
    return "".join(out)


class _Names(frozenset[str]):
    """A name list that also knows a name written with letters beyond Latin-1 ("Yıldırım") by its base letters."""

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        return isinstance(word, str) and bool(word) and max(word) > "ÿ" and frozenset.__contains__(
            self, latin_base(word))


def _items(folder: str) -> frozenset[str]:
    """A deduce list without its own exceptions (names that are also ordinary words)."""
    items = set(_read(f"{folder}/items.txt"))
    exceptions = _lookup_dir() / folder / "exceptions.txt"
    if exceptions.is_file():
        items -= set(_read(f"{folder}/exceptions.txt"))
    return frozenset(items)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case Dutch function and common words: a capitalised one starts a sentence, not a name."""
    return frozenset(w.casefold() for w in _read("whitelist/lst_stop_word/items.txt")) | frozenset(
        w.casefold() for w in _read("whitelist/lst_common_word/items.txt")
    )


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Dutch first names in their exact case, at least three letters, none an ordinary word."""
    words = common_words()
    return _Names(n for n in _items("names/lst_first_name") if len(n) >= 3 and n.casefold() not in words)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Dutch surnames, with and without a tussenvoegsel ("Jansen", "Leeuwen" of "van Leeuwen")."""
    return _Names(_items("names/lst_surname") | _items("names/lst_interfix_surname"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Dutch places and municipalities ("Den Haag", "De Bilt"), folded."""
    names = _read("locations/lst_placename/lst_residence/items.txt")
    names += _read("locations/lst_placename/lst_municipality/items.txt")
    return frozenset(n.casefold() for n in names) | _COLLOQUIAL_PLACES


# what Dutch writes for places whose official name the lists hold ("'s-Hertogenbosch")
_COLLOQUIAL_PLACES = frozenset(["den bosch", "den haag", "de bilt", "den helder", "ter apel", "de lier", "de meern"])
