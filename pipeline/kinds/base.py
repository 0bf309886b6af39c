"""The declaration of one document kind: everything the stages need to know about it, in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.content.fields import Shape
from pipeline.content.load import Dossier, KindContext, Reader, References
from pipeline.content.yamlsource import Node
from pipeline.kinds.builder import Builder
from pipeline.model.document import Document


@dataclass(frozen=True)
class Kind:
    """A document kind (nota, Kamerbrief, ...), declared once; every stage iterates over the registry.

    Its content file is `<name>.yaml` and its template `templates/<name>.docx`.
    """

    name: str
    label: str                      # "Kamerbrief": bundle bookmarks, PDF subject, inventory
    reader: Callable[[Reader, Node, KindContext], Any | None]   # the content schema: YAML -> typed content
    builder: Callable[[Builder, Any], Document]                   # typed content -> document model
    references: Callable[[References, Dossier, Any], None]        # cross-file checks (person ids)
    documentsoort: str              # DiWoo documentsoort: a label of TOOI's ccw_plooi_documentsoorten
    informatiecategorie: str        # default Woo informatiecategorie (TOOI label); woo.yaml may override
    handeling: str                  # DiWoo documenthandeling on the besluit date: vaststelling | ondertekening
    required: bool = False          # every dossier has one (only the nota)
    fields: Shape | None = None     # the fields of its file (pipeline.content.fields): the reader and the JSON Schema

    def read(self, r: Reader, node: Node, ctx: KindContext) -> Any | None:
        return self.reader(r, node, ctx)

    def check(self, refs: References, dossier: Dossier, doc: Any) -> None:
        self.references(refs, dossier, doc)

    def build(self, b: Builder, doc: Any) -> Document:
        return self.builder(b, doc)

