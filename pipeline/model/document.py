"""The typed document model: every piece of printed text is a Span that remembers its source."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from pipeline.content.yamlsource import LStr
from pipeline.errors import Loc


@dataclass(frozen=True)
class Redaction:
    """Why a span is withheld from the public version."""

    ground: str          # Woo code, e.g. "5.1.2e"
    category: str        # naam | email | telefoon | paraaf | passage
    reason: str = ""     # toelichting for the log and the inventory
    person_id: str | None = None


@dataclass
class Span:
    """A run of text with its formatting, its origin and, once decided, its redaction."""

    text: str
    loc: Loc
    bold: bool = False
    italic: bool = False
    person_id: str | None = None      # set when the text came from an @mention or a person field
    link: str | None = None           # external hyperlink target
    redaction: Redaction | None = None
    src: LStr | None = field(default=None, repr=False, compare=False)      # the source string
    # per char, its offset in src: a packed array (4 bytes a character, not a list of int objects)
    offsets: array[int] | None = field(default=None, repr=False, compare=False)

    def with_text(self, text: str, **changes: object) -> Span:
        return replace(self, text=text, **changes)  # type: ignore[arg-type]

    def loc_at(self, index: int) -> Loc:
        """The file position of character `index` of this span."""
        if self.src is not None and self.offsets and 0 <= index < len(self.offsets):
            return self.src.loc_at(self.offsets[index])
        return self.loc

    def sub(self, start: int, end: int, **changes: object) -> Span:
        """The part [start:end) of this span, keeping formatting and source positions."""
        offsets = self.offsets[start:end] if self.offsets and len(self.offsets) == len(self.text) else None
        return replace(self, text=self.text[start:end], loc=self.loc_at(start),
                       offsets=offsets, **changes)  # type: ignore[arg-type]


@dataclass
class FootnoteRef:
    """A footnote anchored at this point in the text; its body is a list of paragraphs."""

    body: list[Paragraph]
    loc: Loc


Inline = Span | FootnoteRef
Text = list[Inline]


@dataclass
class Paragraph:
    """A paragraph, bullet, numbered or lettered item; list_id groups numbered and lettered items into one list."""

    inlines: Text
    kind: str = "p"          # p | bullet | number | letter
    list_id: int = 0
    style: str | None = None  # a template style to use instead of the default for the kind
    list_end: bool = False   # the last item of a list followed by more text: a paragraph's space after it
    align: str = ""          # "right" for the numbers of a table column


@dataclass
class Heading:
    text: Text
    level: int               # 1 = section, 2 = sub-section
    label: str = ""          # "a." or "2.1" printed before the text
    anchor: str = ""         # bookmark name for a table of contents


@dataclass
class TableBlock:
    """A table; the header row repeats across pages."""

    header: list[list[Paragraph]]
    rows: list[list[list[Paragraph]]]
    loc: Loc


@dataclass
class Contents:
    """A table of contents built from the document's level-1 and level-2 headings."""

    entries: list[Heading] = field(default_factory=list)


Block = Paragraph | Heading | TableBlock | Contents


@dataclass
class Document:
    """One document of a dossier, ready to render: fields, repeated rows and a body."""

    kind: str                                   # nota | kamerbrief | rapportage
    title: str                                  # document title for metadata (no personal data)
    fields: dict[str, Text] = field(default_factory=dict)
    rows: dict[str, list[dict[str, Text]]] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    flags: dict[str, bool] = field(default_factory=dict)   # template switches, e.g. has_besluit

    def texts(self) -> Iterator[Text]:
        """Every Text of the document, in reading order of the model (fields first)."""
        yield from self.fields.values()
        for rows in self.rows.values():
            for row in rows:
                yield from row.values()
        for block in self.body:
            yield from block_texts(block)


def block_texts(block: Block) -> Iterator[Text]:
    """The Texts of one block, footnote bodies included."""
    if isinstance(block, Paragraph):
        yield from _with_footnotes(block.inlines)
    elif isinstance(block, Heading):
        yield from _with_footnotes(block.text)
    elif isinstance(block, TableBlock):
        for row in [block.header, *block.rows]:
            for cell in row:
                for para in cell:
                    yield from _with_footnotes(para.inlines)
    # Contents entries share their Text with the headings, which are yielded themselves.


def _with_footnotes(text: Text) -> Iterator[Text]:
    yield text
    for inline in text:
        if isinstance(inline, FootnoteRef):
            for para in inline.body:
                yield from _with_footnotes(para.inlines)


def plain(text: Text) -> str:
    """The text as it reads, footnotes left out."""
    return "".join(i.text for i in text if isinstance(i, Span))


def span(text: str, loc: Loc, **kw: object) -> Text:
    """A one-span Text for a simple field."""
    return [Span(text, loc, **kw)]  # type: ignore[arg-type]
