"""The registry of document kinds: each kind is declared once, in its own module, and listed here.

Every stage that needs to know the kinds (loading, modelling, the bundle, DiWoo, the inventory)
iterates over KINDS; see docs/documentsoort-toevoegen.md for adding one.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.content.load import Content, Dossier
from pipeline.errors import ContentError, Diagnostic
from pipeline.kinds import kamerbrief, kamervragen, nota, rapportage
from pipeline.kinds.base import Kind
from pipeline.kinds.builder import Builder, dutch_date
from pipeline.kinds.lint import read_all as _read_all
from pipeline.kinds.nota import add_woo_section
from pipeline.model.document import Document

# In this order: files are read, documents built, bijlagen offered and the registry listed.
KINDS: tuple[Kind, ...] = (nota.KIND, kamerbrief.KIND, rapportage.KIND, kamervragen.KIND)
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
NAMES: tuple[str, ...] = tuple(BY_NAME)


def kind(name: str) -> Kind:
    return BY_NAME[name]


def read_all(root: Path, only: list[str] | None = None) -> tuple[Content, list[Diagnostic]]:
    """The dossiers that can be modelled, and every problem of the run (markup of broken dossiers included)."""
    return _read_all(root, only, KINDS)


def load_content(root: Path, only: list[str] | None = None) -> Content:
    """Read and validate a content folder with every registered document kind."""
    content, problems = _read_all(root, only, KINDS)
    if problems:
        raise ContentError(problems)
    return content


def build_documents(content: Content, dossier: Dossier, warnings: list[Diagnostic]) -> dict[str, Document]:
    """All documents of one dossier, in registry order; raises ContentError if any markup is wrong."""
    diagnostics: list[Diagnostic] = []
    b = Builder(content, dossier, diagnostics, warnings)
    docs = {k.name: k.build(b, dossier.documents[k.name]) for k in KINDS if k.name in dossier.documents}
    if diagnostics:
        raise ContentError(diagnostics)
    return docs


__all__ = ["BY_NAME", "KINDS", "NAMES", "Kind", "add_woo_section", "build_documents", "dutch_date", "kind",
           "load_content", "read_all"]
