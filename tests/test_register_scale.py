"""The unregistered-data scan does not depend on register entries absent from the text, nor on their order,
and what it caches per register is the same for an equal register handed in as new objects."""

from __future__ import annotations

import random

from redaction.matchers import PersonData
from redaction.matchers.unregistered import scan
from redaction.matchers.unregistered.detect import _register_spans

TEXT = (
    "Op 12 maart sprak de directeur, mevrouw J. de Vries, met projectleider Van Leeuwen van de directie "
    "Wonen over de uitvoering. Zij is bereikbaar op 06 1234 5678 of via m.vanleeuwen@minbzk.nl. "
    "Collega Bakker (p.bakker@minezk.nl, 070 123 45 67) stuurde het concept aan de heer Ruud Kroonenberg; "
    "minister De Jonge reageerde. Zie rapport_vries_2024.pdf. Senior beleidsmedewerker, Directie Wonen."
)
IN_TEXT = (PersonData("jdevries", "J. de Vries", "Johanna", "j.devries@minbzk.nl", None, "JdV"),
           PersonData("pbakker", "P. Bakker", "Pieter", "p.bakker@minezk.nl", "070 123 45 67", "PBa"))
_SYL = ["qux", "zyl", "wox", "yfk", "xam", "qor", "zep"]  # letter runs no Dutch text of this test holds


def _absent(n: int, seed: int) -> list[PersonData]:
    rng = random.Random(seed)
    cores = sorted({"".join(rng.choice(_SYL) for _ in range(4)).capitalize() for _ in range(n * 2)})[:n]
    return [PersonData(f"x{i}", f"Q. {c}", "Quirijn", f"q.{c.lower()}@example.nl", f"06 9{i:07d}", f"Q{c[:3]}")
            for i, c in enumerate(cores)]


def _scan(people: list[PersonData], texts: list[str]):  # type: ignore[no-untyped-def]
    return scan(TEXT, known=tuple(people), register_texts=tuple(texts), keep_names=("De Jonge", "Jonge"))


def test_absent_people_change_nothing_whatever_the_size_or_order() -> None:
    texts = ["Directeur Wonen", "Senior beleidsmedewerker, Directie Wonen"]
    alone = _scan(list(IN_TEXT), texts)
    assert {c.category for c in alone.candidates} >= {"naam", "email", "telefoon"}  # the text has findings
    for n, seed in ((50, 1), (800, 2)):
        others = _absent(n, seed)
        extra = [f"Senior adviseur, Directie {p.naam.split()[-1]}" for p in others]
        for people in ([*IN_TEXT, *others], [*others, *IN_TEXT]):
            rng = random.Random(seed)
            shuffled = people[:]
            rng.shuffle(shuffled)
            # the two registered people keep their order (of two equal forms the first wins)
            shuffled = [*[p for p in shuffled if p in IN_TEXT], *[p for p in shuffled if p not in IN_TEXT]]
            for order in (people, shuffled):
                assert _scan(order, texts + extra) == alone
                assert _scan(order, extra[::-1] + texts) == alone


def test_an_equal_register_in_new_objects_gives_the_same_scan() -> None:
    people = [*IN_TEXT, *_absent(100, 3)]
    first = _scan(people, ["Directeur Wonen"])
    again = _scan([PersonData(p.id, p.naam, p.voornaam, p.email, p.telefoon, p.paraaf) for p in people],
                  ["Directeur Wonen"])
    assert again == first
    # a register that differs does not get the cached one: Bakker is registered no more, so his data are findings
    without = _scan([p for p in people if p.id != "pbakker"], ["Directeur Wonen"])
    assert without != first
    assert any(c.category == "email" and "bakker" in c.key for c in without.candidates)


def test_register_spans_follow_the_register_texts_not_a_stale_cache() -> None:
    texts = ("Directeur Wonen",)
    assert _register_spans("De Directeur Wonen tekent.", texts) == [(3, 18)]
    assert _register_spans("De Directeur Wonen tekent.", ("Directeur Zorg",)) == []
    assert _register_spans("De Directeur Wonen tekent.", ["Directeur Wonen"]) == [(3, 18)]


_PARAFEN = [PersonData("abe", "A. Beerens", None, None, None, "ABe"),
            PersonData("jou", "J. Oudshoorn", None, None, None, "JOu"),
            PersonData("pvdb", "P. van den Broek", None, None, None, "PvdB"),
            PersonData("so", "S. Özkan", None, None, None, "SÖ"),
            PersonData("ab", "A. Bos", None, None, None, "A-B"),  # not letters only: found by its anchor
            PersonData("jdv", "J. de Vos", None, None, None, "J.d.V")]
_PARAAF_TEXTS = ["Geparafeerd: ABe, 12 maart.", "Aberdeen en de ABeN", "kenmerk 26061157JOu", "het JOurnaal",
                 "PSG_PvdB_2023.docx", "pvdb en PVDB", "SÖ/JOu", "akkoord A-B, J.d.V en J.d.V.", "ABe-JOu"]


def test_parafen_are_found_by_their_run_of_letters_exactly_where_their_patterns_match():
    from redaction.matchers import registered
    from redaction.matchers._text import Hit
    from redaction.matchers.contact import _scan_phones

    people = tuple([*IN_TEXT, *_PARAFEN, *_absent(200, 5)])
    register = registered._register(people)
    for text in [TEXT, *_PARAAF_TEXTS]:
        every = [Hit(m.start(), m.end(), e[2], e[3], register.forms[i])
                 for i, e in enumerate(register.entries) for m in e[1].finditer(text)]  # every pattern, run
        phones = _scan_phones(text, lambda ph: ph.key in register.owners)
        expected = every + list(registered._token_hits(text, register)) + \
            [Hit(ph.start, ph.end, "telefoon", register.owners[ph.key]) for ph in phones]
        assert registered._raw_hits(text, people) == expected, text
    found = {h.person_id for t in _PARAAF_TEXTS for h in registered._raw_hits(t, people) if h.category == "paraaf"}
    assert found == {"abe", "jou", "pvdb", "so", "ab", "jdv"}


def test_a_paraaf_inside_a_word_runs_no_pattern_whatever_the_register():
    from redaction.matchers import registered

    for n in (10, 1000):
        people = tuple([*_PARAFEN[:4], *_absent(n, 6)])  # parafen of letters only
        register = registered._register(people)
        text = "Aberdeen, het JOurnaal en de pvdb-notitie"  # "abe", "jou", "pvdb" as anchors, no paraaf
        candidates = registered._anchors(register).present(text, text.casefold())
        assert [register.entries[i][3] for i in candidates if register.entries[i][2] == "paraaf"] == []
