"""A dossier ready to render: its content, its document model and the redaction decisions made on it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.content.load import Content, Dossier
from pipeline.kinds import kind as document_kind
from pipeline.model.document import Document
from pipeline.render.docx import Meta
from redaction import apply as redaction


@dataclass
class Plan:
    """One dossier, validated and modelled, with its redaction decisions made."""

    content: Content
    dossier: Dossier
    docs: dict[str, Document]
    redaction: redaction.Result

    def meta(self, kind: str) -> Meta:
        org = self.content.organisaties[self.dossier.organisatie]
        doc = self.docs[kind]
        return Meta(title=doc.title, author=str(org.naam),
                    subject=f"{document_kind(kind).label} {self.dossier.kenmerk}", date=self.dossier.datum)
