"""Reading a tagged PDF as assistive technology does: fonts, content streams, the structure tree."""

from __future__ import annotations

from pipeline.finish.tagged.content import (
    HEADING_RX,
    INLINE_TYPES,
    STANDARD_TYPES,
    WOO_CODE_RX,
    PageContent,
    read_pages,
)
from pipeline.finish.tagged.structure import (
    A11yFacts,
    Block,
    Element,
    Structure,
    read_facts,
    read_structure,
    reading_blocks,
    reading_text,
    role_map_target,
)

__all__ = ["HEADING_RX", "INLINE_TYPES", "STANDARD_TYPES", "WOO_CODE_RX", "A11yFacts", "Block", "Element",
           "PageContent", "Structure", "read_facts", "read_pages", "read_structure", "reading_blocks", "reading_text",
           "role_map_target"]
