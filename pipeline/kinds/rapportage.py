"""The rapportage: its content schema and its document model (chapters, tables, contents)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.content.fields import Field, Shape
from pipeline.content.load import Dossier, KindContext, Reader, References, Section, read_sections
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Loc
from pipeline.kinds.base import Kind
from pipeline.kinds.builder import Builder
from pipeline.model.document import Contents, Document, Heading

FIELDS = Shape((
    Field("titel", "text", "de titel op het voorblad", required=True),
    Field("ondertitel", "text", "de ondertitel"),
    Field("secties", "sections", "de hoofdstukken; een sectie kan een tabel hebben", required=True),
), extra={"tabel": "ja"})

NUMBERED_KOP_RE = re.compile(r"^\d+(\.\d+)*\.?\s")


@dataclass
class Rapportage:
    titel: LStr
    secties: list[Section]
    loc: Loc
    ondertitel: LStr | None = None


def read(r: Reader, node: Node, ctx: KindContext) -> Rapportage | None:
    m = r.mapping(node, "rapportage.yaml", FIELDS.names)
    if m is None:
        return None
    titel = r.text(m, "titel", node)
    secties = read_sections(r, m, node, allow_table=True)
    if titel is None:
        return None
    return Rapportage(titel, secties, node.loc, r.text(m, "ondertitel", node, required=False))


def check(refs: References, d: Dossier, rapportage: Rapportage) -> None:
    """A rapportage refers to nobody by id."""


def build(b: Builder, r: Rapportage) -> Document:
    d = b.dossier
    org = b.organisation()
    doc = Document("rapportage", str(r.titel))
    doc.fields["titel"] = b.field(r.titel)
    doc.fields["ondertitel"] = b.field(r.ondertitel) if r.ondertitel else []
    doc.fields["organisatie"] = b.field(org.naam)
    doc.fields["directie"] = b.field(d.directie)
    doc.fields["datum"] = b.date(d.datum, d.loc)
    doc.fields["kenmerk"] = b.field(d.kenmerk)
    typed = any(NUMBERED_KOP_RE.match(str(sec.kop)) for sec in r.secties)
    body = b.sections(r.secties, level=1, numbering=None if typed else "cijfers", numbered_chapters=not typed)
    headings = [h for h in body if isinstance(h, Heading) and h.level <= 2]
    doc.flags["has_contents"] = len([h for h in headings if h.level == 1]) >= 3
    doc.body = ([Contents(headings)] if doc.flags["has_contents"] else []) + body
    return doc


KIND = Kind(
    fields=FIELDS, name="rapportage", label="Rapportage", reader=read, builder=build, references=check,
    documentsoort="rapport", informatiecategorie="onderzoeksrapporten", handeling="vaststelling")
