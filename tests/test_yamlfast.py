"""libyaml's parser gives the content loader exactly what the pure parser gives it, and leaves every
text it might read otherwise (and every problem) to the pure parser."""

from __future__ import annotations

import pytest

from pipeline.content import yamlfast, yamlsource

VALID = [
    "ter: besluitvorming\naan: madriaansens\nkopie_aan: []\n",
    "tekst: |\n  Eerste alinea met **vet**.\n\n  Tweede alinea,\n  over twee regels.\n",
    "tekst: >-\n  Gevouwen tekst\n  over regels.\n\n  Nieuwe alinea.\nverder: ja\n",
    "tekst: |+\n  behouden\n\n\nna: 1\n",
    "tekst: |2\n    ingesprongen\n  twee\n",
    "titel: Een gewone zin\n  die doorloopt op de volgende regel\n  en nog een.\nx: y\n",
    'a: "met \\"escapes\\" \\u00e9 en \\n regel"\nb: \'enkel \'\'quote\'\'\'\n',
    "rijen:\n  - [x, 12, 0,5, \"3,5\"]\n  - [Öztürk, é, ß]\n",
    "basis: &b\n  naam: A\nkopie: *b\nlijst: [*b, *b]\n",
    "dubbel: 1\ndubbel: 2\n",
    "leeg:\nook_leeg: ~\nnull_woord: null\n",
    "# commentaar\nsleutel: waarde  # achter\n# slot\n",
    "een: 1\n---\ntwee: 2\n",
    "diep:\n" + "".join("  " * i + f"- n{i}:\n" for i in range(1, 20)) + "  " * 20 + "- eind\n",
    "",
    "alleen tekst\n",
    "&a [*a]\n",  # an alias to an anchor still open: the builder's own message, either way
    "personen:\n  - id: sozturk\n    naam: S. Öztürk\n    telefoon: \"06 12345678\"\n    paraaf: SÖ\n",
]
LEFT_TO_THE_PURE_PARSER = [
    "a:\tb\n",  # a tab
    "a: b\r\nc: d\r\n",  # Windows line ends
    "a: een\u2028twee\n",  # LS: a line break in YAML 1.1, not in 1.2
    "a: een\x85twee\n",  # NEL
    "a: emoji \U0001F600\n",  # outside the BMP
    "a: [1, 2\n",  # a syntax error: the pure parser's message
    "a: b\n  c: d\n",  # bad indentation
]


def _dump(x: object) -> object:
    if isinstance(x, yamlsource.Node):
        return ("N", _dump(x.value), str(x.loc), str(x.key_loc))
    if isinstance(x, yamlsource.LStr):
        return ("S", str(x), str(x.loc), x._line_starts, x.style, x.source_lines)
    if isinstance(x, dict):
        return ("D", [(k, _dump(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("L", [_dump(v) for v in x])
    return ("O", repr(x))


def _pure(raw: str, monkeypatch: pytest.MonkeyPatch) -> tuple[object, list[str]]:
    with monkeypatch.context() as m:
        m.setattr(yamlfast, "feed", lambda raw, builder: False)
        node, diags = yamlsource.parse_yaml(raw, "t.yaml")
    return (_dump(node) if node is not None else None), [str(d) for d in diags]


def test_libyaml_is_there_as_the_lock_installs_it():
    assert yamlfast.CParser is not None  # requirements.lock: ruamel.yaml.clib


@pytest.mark.parametrize("raw", VALID)
def test_the_fast_parser_gives_what_the_pure_one_gives(raw, monkeypatch):
    builder = yamlsource._Builder("t.yaml", raw)
    assert yamlfast.feed(raw, builder)
    node, diags = yamlsource.parse_yaml(raw, "t.yaml")
    assert (_dump(node), [str(d) for d in diags]) == _pure(raw, monkeypatch)


@pytest.mark.parametrize("raw", LEFT_TO_THE_PURE_PARSER)
def test_what_libyaml_might_read_otherwise_goes_to_the_pure_parser(raw, monkeypatch):
    assert not yamlfast.feed(raw, yamlsource._Builder("t.yaml", raw))
    node, diags = yamlsource.parse_yaml(raw, "t.yaml")
    assert ((_dump(node) if node is not None else None), [str(d) for d in diags]) == _pure(raw, monkeypatch)
