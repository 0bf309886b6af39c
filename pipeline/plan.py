"""A dossier ready to render: its content, its document model and the redaction decisions made on it."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from pipeline.content.load import Content, Dossier
from pipeline.kinds import kind as document_kind
from pipeline.model.document import Document, Span, Text
from pipeline.render.docx import PUBLIC, SIGNING, Meta
from pipeline.render.logo import Logo
from redaction import apply as redaction


@dataclass
class Plan:
    """One dossier, validated and modelled, with its redaction decisions made."""

    content: Content
    dossier: Dossier
    docs: dict[str, Document]
    redaction: redaction.Result
    kinds: list[str] = field(init=False, compare=False)  # the documents, in order; kept after release()
    _metas: dict[tuple[str, str], Meta] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.kinds = list(self.docs)

    def release(self, modes: tuple[str, ...] = (SIGNING,)) -> None:
        """Drop the document models once they are rendered (a run holds thousands of dossiers);
        the metadata of each document in the given modes stays, for what is made after its PDF."""
        for kind in self.kinds:
            for mode in modes:
                self.meta(kind, mode)
        self.docs = {}

    def meta(self, kind: str, mode: str = SIGNING) -> Meta:
        known = self._metas.get((kind, mode))
        if known is None:
            known = self._metas[(kind, mode)] = self._meta(kind, mode)
        return known

    def _meta(self, kind: str, mode: str) -> Meta:
        org = self.content.organisaties[self.dossier.organisatie]
        doc = self.docs[kind]
        title = public_title(doc) if mode == PUBLIC else doc.title
        kenmerk = str(self.dossier.kenmerk)
        if mode == PUBLIC and "kenmerk" in self.docs["nota"].fields:  # a paraaf in it is redacted there
            kenmerk = public_plain(self.docs["nota"].fields["kenmerk"])
        logo = None
        if org.logo is not None and org.logo_alt is not None:
            logo = Logo(org.logo, str(org.logo_alt), hashlib.sha256(org.logo.read_bytes()).hexdigest())
        return Meta(title=title, author=str(org.naam),
                    subject=f"{document_kind(kind).label} {kenmerk}", date=self.dossier.datum, logo=logo)


def public_plain(text: Text) -> str:
    """The text as the public version prints it: every redacted span as its ground, footnotes left out."""
    out = []
    for item in text:
        if isinstance(item, Span):
            red = item.redaction
            if red is None:
                out.append(item.text)
            elif not out or out[-1] != f"[{red.ground}]":
                out.append(f"[{red.ground}]")
    return "".join(out)


def public_title(doc: Document) -> str:
    """The document's title as the public version may carry it: the redacted model field it was written in.

    The title is the text of one field (nota and rapportage `titel`, Kamerbrief `betreft`);
    that field passed through the redaction, so a name in the onderwerp is a ground here too.
    A title that is no field's text is not published at all but replaced by the kind's name.
    """
    for text in doc.fields.values():
        if "".join(i.text for i in text if isinstance(i, Span)) == doc.title:
            return public_plain(text)
    return document_kind(doc.kind).label


@contextlib.contextmanager
def content_kept() -> Iterator[None]:
    """For a run, after its content is read: everything alive now (the content of every dossier, the
    registers) is left out of the garbage collector's passes until the run ends (gc.freeze), as it
    lives that long anyway. Those passes went over every dossier's content again at each collection:
    in a run of 200 dossiers 14 % of the modelling, the cost per dossier growing with the run."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()  # (a long-running `watch` frees an earlier run's content as before)
