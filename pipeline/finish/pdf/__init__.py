"""pikepdf helpers: finalise metadata, bundle nota and bijlagen, inspect and extract text."""

from __future__ import annotations

from pipeline.finish.pdf.bundle import bundle
from pipeline.finish.pdf.finalize import POPPLER_ADVICE, finalize_pdf, flatten_tree, save_temp
from pipeline.finish.pdf.inspect import (
    PdfFacts,
    PopplerTimeout,
    extract_pages_pdfium,
    extract_text,
    extract_text_pdfium,
    extract_text_pypdf,
    inspect_pdf,
    revision_count,
)

__all__ = ["POPPLER_ADVICE", "PdfFacts", "PopplerTimeout", "bundle", "extract_pages_pdfium", "extract_text",
           "extract_text_pdfium", "extract_text_pypdf",
           "finalize_pdf", "flatten_tree", "inspect_pdf", "revision_count", "save_temp"]
