"""JSON Schemas of the content files, generated from the loader's own field table (pipeline.content.fields).

    python -m pipeline.kinds.schemas [FOLDER]     (writes FOLDER/<file>.schema.json; default: schemas/)

An editor with the YAML language server reads them (the files `nieuw` writes point at them) to
complete field names and flag mistakes while typing. The loader stays the judge: a schema is
as strict as it can be about fields, types and choices, and never stricter than the loader.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

from pipeline.content import fields as F
from pipeline.content.fields import Field, Shape
from pipeline.content.load import ID_RE
from pipeline.kinds import KINDS, NAMES

ROOT = Path(__file__).resolve().parent.parent.parent
BASE_URI = "https://example.invalid/nota-pipeline/schemas/"

# Every scalar is text as typed; an editor's YAML parser may still see 0123 as a number or ja as a string.
_SCALAR = {"type": ["string", "number", "integer", "boolean"]}
_DATE = r"^\d{4}-\d{1,2}-\d{1,2}$"
_MOMENT = r"^\d{4}-\d{1,2}-\d{1,2}([ T]\d{1,2}:\d{2}(:\d{2})?)?$"
_BOOLS = ["ja", "nee", "Ja", "Nee", "JA", "NEE", "true", "false", "yes", "no", "waar", "onwaar", "aan", "uit"]


def _text(required: bool, pattern: str | None = None) -> dict[str, Any]:
    string: dict[str, Any] = {"type": "string", "pattern": pattern or r"\S"} if required or pattern else {
        "type": "string"}
    options: list[dict[str, Any]] = [string]
    if pattern is None:
        options.append({"type": ["number", "integer", "boolean"]})
    if not required:
        options.append({"type": "null"})
    return {"anyOf": options}


def _choice(options: tuple[str, ...], required: bool) -> dict[str, Any]:
    values: list[Any] = list(options)
    for o in options:  # `grond: 5.2` is a number to the editor's YAML parser, text to the loader
        with contextlib.suppress(ValueError):
            values.append(float(o))
    return {"enum": values + ([None] if not required else [])}


def _field(f: Field, tables: bool) -> dict[str, Any]:
    out = _type(f, tables)
    out["description"] = f.doc
    return out


def _type(f: Field, tables: bool) -> dict[str, Any]:
    t = f.type
    if t == "text":
        return _text(f.required)
    if t == "email":
        return _text(f.required, r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    if t == "id":
        return _text(f.required, ID_RE.pattern)
    if t == "date":
        return _text(f.required, _DATE)
    if t == "moment":
        return _text(f.required, _MOMENT)
    if t == "bool":
        return {"enum": [True, False, *_BOOLS]}
    if t == "choice":
        return _choice(f.options, f.required)
    if t == "texts":
        return {"anyOf": [{"type": "array", "items": _text(True)}, {"type": "null"}]}
    if t == "ids":
        one = _text(True, ID_RE.pattern)
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}
    if t == "object":
        assert f.shape is not None
        return {"anyOf": [object_schema(f.shape, tables), {"type": "null"}]} if not f.required \
            else object_schema(f.shape, tables)
    if t == "objects":
        assert f.shape is not None
        items = {"type": "array", "items": object_schema(f.shape, tables)}
        return items if f.required else {"anyOf": [items, {"type": "null"}]}
    if t == "text_or_object":
        assert f.shape is not None
        return {"anyOf": [{"type": "array", "items": {"anyOf": [_text(True), object_schema(f.shape, tables)]}},
                          {"type": "null"}]}
    if t == "sections":
        ref = {"$ref": "#/$defs/sectie_met_tabel" if tables else "#/$defs/sectie"}
        items = {"type": "array", "items": ref}
        return items if f.required else {"anyOf": [items, {"type": "null"}]}
    if t == "rows":
        return {"type": "array", "items": {"type": "array", "items": _text(False)}}
    if t == "map":
        return {"type": "object", "additionalProperties": False,
                "properties": {name: _text(True) for name in f.options}}
    raise ValueError(f"unknown field type {t!r} of {f.name}")


def object_schema(shape: Shape, tables: bool = False) -> dict[str, Any]:
    """A mapping with exactly these fields; the required ones must be there."""
    out: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": {f.name: _field(f, tables) for f in shape.fields},
    }
    required = [f.name for f in shape.fields if f.required]
    if required:
        out["required"] = required
    if shape.any_of:
        out["anyOf"] = [{"required": list(group)} for group in shape.any_of]
    return out


def file_schema(name: str, shape: Shape, title: str) -> dict[str, Any]:
    tables = shape.extra.get("tabel") == "ja"
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{BASE_URI}{name}.schema.json",
              "title": title, **object_schema(shape, tables)}
    schema["$defs"] = {
        "sectie": object_schema(F.SECTION, False),
        "sectie_met_tabel": object_schema(F.SECTION_WITH_TABLE, True),
    }
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """Every content file's schema, by file name without .yaml."""
    out = {
        "personen": file_schema("personen", F.PERSONEN, "personen.yaml: iedereen die in een stuk voorkomt"),
        "organisaties": file_schema("organisaties", F.ORGANISATIES, "organisaties.yaml: de organisaties"),
        "dossier": file_schema("dossier", F.DOSSIER, "dossier.yaml: gegevens en parafenroute van een dossier"),
        "woo": file_schema("woo", F.woo_shape(NAMES), "woo.yaml: besluiten voor de openbare versie"),
    }
    for kind in KINDS:
        if kind.fields is not None:
            out[kind.name] = file_schema(kind.name, kind.fields, f"{kind.name}.yaml: {kind.label}")
    return out


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = folder / f"{name}.schema.json"
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "schemas"):
        print(f"geschreven: {p}")
