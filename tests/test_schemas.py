"""JSON Schemas in schemas/: made from the loader's field table, accept the examples, reject what the loader rejects."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from helpers import (  # noqa: F401  (cwd is a fixture)
    DOSSIER_YAML,
    KAMERBRIEF_YAML,
    NOTA_YAML,
    ORGANISATIES,
    PERSONEN,
    RAPPORTAGE_YAML,
    WOO_YAML,
    cwd,
    write_content,
)
from ruamel.yaml import YAML

from pipeline.content import fields as F
from pipeline.content.fields import Shape
from pipeline.content.skeleton import write_skeleton
from pipeline.content.yamlsource import Node, parse_yaml
from pipeline.errors import ContentError
from pipeline.kinds import BY_NAME, NAMES, load_content
from pipeline.kinds.schemas import render, schemas

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "schemas"
GENERATED = schemas()


def plain(node: Node | None) -> Any:
    """A Node tree as the loader sees it: every scalar the text as typed."""
    if node is None:
        return None
    if isinstance(node.value, dict):
        return {k: plain(v) for k, v in node.value.items()}
    if isinstance(node.value, list):
        return [plain(v) for v in node.value]
    return None if node.value is None else str(node.value)


def editor_view(text: str) -> Any:
    """The same file as an editor's YAML parser sees it: numbers, booleans, dates as strings."""
    def fix(value: Any) -> Any:
        if isinstance(value, dict):
            return {str(k): fix(v) for k, v in value.items()}
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        return value
    yaml = YAML(typ="safe")
    yaml.version = (1, 2)
    return fix(yaml.load(text))


def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(GENERATED[name])


def file_kind(path: Path) -> str:
    return path.stem


def example_files() -> list[Path]:
    return sorted((REPO / "content").glob("*.yaml")) + sorted((REPO / "content").glob("*/*.yaml"))


def test_published_schemas_are_the_generated_ones() -> None:
    """One source of truth: regenerate with `python -m pipeline.kinds.schemas` after changing the field table."""
    on_disk = {p.name.removesuffix(".schema.json"): p.read_text(encoding="utf-8") for p in SCHEMAS.glob("*.json")}
    assert on_disk == {name: render(s) for name, s in GENERATED.items()}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_each_schema_is_a_valid_draft_2020_12_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(GENERATED[name])


@pytest.mark.parametrize("path", example_files(), ids=lambda p: str(p.relative_to(REPO / "content")))
def test_every_example_file_is_accepted(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    node, diags = parse_yaml(text, str(path))
    assert not diags
    v = validator(file_kind(path))
    assert not list(v.iter_errors(plain(node))), [e.message for e in v.iter_errors(plain(node))]
    assert not list(v.iter_errors(editor_view(text))), [e.message for e in v.iter_errors(editor_view(text))]


def test_the_files_nieuw_writes_are_accepted_and_point_at_their_schema(cwd: Path) -> None:  # noqa: F811
    root = cwd / "content"
    write_content(root)
    for path in write_skeleton(root, "nieuw-dossier"):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema=")
        schema_path = (path.parent / first.split("=", 1)[1]).resolve()
        assert schema_path == SCHEMAS / f"{path.stem}.schema.json"
        node, _ = parse_yaml(text, str(path))
        assert not list(validator(path.stem).iter_errors(plain(node)))


# --- rejects what the loader rejects -----------------------------------------------------------

FIXTURE = {"personen": PERSONEN, "organisaties": ORGANISATIES, "dossier": DOSSIER_YAML, "nota": NOTA_YAML,
           "kamerbrief": KAMERBRIEF_YAML, "rapportage": RAPPORTAGE_YAML, "woo": WOO_YAML}
SHAPES: dict[str, Shape] = {"personen": F.PERSONEN, "organisaties": F.ORGANISATIES, "dossier": F.DOSSIER,
                            "woo": F.woo_shape(NAMES)}
for _name in ("nota", "kamerbrief", "rapportage"):
    _shape = BY_NAME[_name].fields
    assert _shape is not None
    SHAPES[_name] = _shape


def mutations() -> list[tuple[str, str, Any]]:
    """(file, description, mutated data) for each way a top-level field of each fixture file can be wrong."""
    out = []
    for name, text in FIXTURE.items():
        node, _ = parse_yaml(text, name)
        data = plain(node)
        out.append((name, "onbekend veld", {**data, "onbekendveld": "x"}))
        for f in SHAPES[name].fields:
            if f.required and f.name in data and not (SHAPES[name].any_of and any(f.name in g for g in
                                                                                  SHAPES[name].any_of)):
                out.append((name, f"{f.name} weg", {k: v for k, v in data.items() if k != f.name}))
            if f.type in ("text", "id", "date", "choice") and f.name in data:
                out.append((name, f"{f.name} een lijst", {**data, f.name: ["a", "b"]}))
            if f.type in ("date", "choice", "id") and f.name in data:
                out.append((name, f"{f.name} ongeldig", {**data, f.name: "niet goed!"}))
            if f.required and f.type in ("text", "id") and f.name in data:
                out.append((name, f"{f.name} leeg", {**data, f.name: ""}))
    return out


def dump(data: Any) -> str:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue()


@pytest.mark.parametrize(("name", "what", "data"), mutations(), ids=lambda x: x if isinstance(x, str) else "")
def test_schema_rejects_what_the_loader_rejects(cwd: Path, name: str, what: str, data: Any) -> None:  # noqa: F811
    root = cwd / "content"
    rel = f"{name}.yaml" if name in ("personen", "organisaties") else f"d1/{name}.yaml"
    docs = tuple(n for n in ("kamerbrief", "rapportage", "woo") if n == name)
    write_content(root, {rel: dump(data)}, with_docs=docs)
    with pytest.raises(ContentError):
        load_content(root)
    assert list(validator(name).iter_errors(json.loads(json.dumps(data)))), f"schema accepts: {what}"


NESTED = [
    ("personen", "rol: ambtenaar", "rol: ambtenar"),
    ("personen", "email: a.devries@minezk.nl", "email: geen-adres"),
    ("dossier", "    datum: 2023-12-20", "    datum: gisteren"),
    ("dossier", "oordeel: akkoord", "oordeel: akord"),
    ("nota", "  - kop: Aanleiding", "  - kopp: Aanleiding"),
    ("nota", "    tekst: |", "    nummering: romeins\n    tekst: |"),
    ("rapportage", "      kolommen: [A, B]", "      kolom: [A, B]"),
    ("woo", 'grond: "5.2"', 'grond: "5.3"'),
    ("woo", "    lakken: false", "    lakken: misschien"),
    ("woo", "document: nota", "document: notaa"),
]


@pytest.mark.parametrize(("name", "old", "new"), NESTED, ids=[f"{n}:{new.strip()}" for n, _, new in NESTED])
def test_schema_rejects_nested_mistakes_the_loader_rejects(cwd: Path, name: str, old: str,  # noqa: F811
                                                           new: str) -> None:
    root = cwd / "content"
    text = FIXTURE[name]
    assert old in text
    text = text.replace(old, new, 1)
    rel = f"{name}.yaml" if name in ("personen", "organisaties") else f"d1/{name}.yaml"
    write_content(root, {rel: text}, with_docs=tuple(n for n in ("rapportage", "woo") if n == name))
    with pytest.raises(ContentError):
        load_content(root)
    node, _ = parse_yaml(text, rel)
    assert list(validator(name).iter_errors(plain(node))), f"schema accepts {new!r}"
