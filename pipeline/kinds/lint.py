"""Every error in one run: the markup of documents whose dossier cannot be modelled is checked on its own."""

from __future__ import annotations

from pathlib import Path

from pipeline.content.load import Content, DocumentKind, dossier_of, read_content
from pipeline.content.yamlsource import LStr, Node
from pipeline.errors import Diagnostic
from pipeline.model.markup import MarkupParser

# Fields whose text is a block (paragraphs, lists); every other text field takes inline markup only.
BLOCK_FIELDS = ("tekst", "slot", "vraag", "antwoord")
INLINE_FIELDS = ("kop", "kolommen", "rijen", "betreft", "titel", "ondertitel")


def read_all(root: Path, only: list[str] | None, kinds: tuple[DocumentKind, ...]) -> tuple[Content, list[Diagnostic]]:
    """The content with only the dossiers that can be modelled, and every problem of the run.

    A dossier with a problem of its own is left out of `content.dossiers`; the markup of its
    documents is checked here, so its markup errors come in the same run as its other errors.
    A problem in the shared registers leaves every dossier out.
    """
    content, problems = read_content(root, only, kinds)
    if not problems:
        return content, []
    broken = {dossier_of(p, root) for p in problems}
    everything = None in broken
    for did, documents in content.partial.items():
        if everything or did in broken:
            problems += check_markup(content, documents)
    content.dossiers = [d for d in content.dossiers if not everything and d.id not in broken]
    return content, in_file_order(list(dict.fromkeys(problems)))  # one message once


def in_file_order(problems: list[Diagnostic]) -> list[Diagnostic]:
    """In reading order: the registers, then per dossier its files in registry order; by line within a file."""
    order = ("dossier", *(k.name for k in _kinds()), "woo")
    first: dict[str, int] = {}
    for p in problems:
        first.setdefault(p.loc.file, len(first))

    def key(p: Diagnostic) -> tuple[object, ...]:
        path = Path(p.loc.file)
        if path.name in ("personen.yaml", "organisaties.yaml"):
            rank: tuple[object, ...] = (0, path.name != "personen.yaml")
        elif path.stem in order:
            rank = (1, path.parent.name, order.index(path.stem))
        else:
            rank = (2, first[p.loc.file])
        return (*rank, p.loc.line, p.loc.col)

    return sorted(problems, key=key)


def _kinds() -> tuple[DocumentKind, ...]:
    from pipeline.kinds import KINDS

    return KINDS


def check_markup(content: Content, documents: dict[str, Node]) -> list[Diagnostic]:
    """The markup errors in the texts of these parsed document files, as the builder would find them."""
    diagnostics: list[Diagnostic] = []

    def resolve(pid: str) -> str | None:
        if pid in content.personen:
            return str(content.personen[pid].naam)
        return pid if pid in content.invalid_people else None  # its register entry has its own error

    parser = MarkupParser(resolve, diagnostics, [0], tuple(content.personen))
    for node in documents.values():
        _walk(parser, node, "")
    return diagnostics


def _walk(parser: MarkupParser, node: Node, name: str) -> None:
    value = node.value
    if isinstance(value, dict):
        for key, child in value.items():
            _walk(parser, child, key)
    elif isinstance(value, list):
        for child in value:
            _walk(parser, child, name)
    elif isinstance(value, LStr):
        if name in BLOCK_FIELDS:
            parser.blocks(value)
        elif name in INLINE_FIELDS:
            parser.text(value)
