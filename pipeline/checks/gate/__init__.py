"""The verification gate: read finished public files as an outsider would and look for what had to go."""

from __future__ import annotations

from pipeline.checks.gate.check import (
    check_docx,
    check_file,
    check_pdf,
    check_pdf_job,
    check_text,
    explain,
    text_layers,
    warm_up,
)
from pipeline.checks.gate.forms import (
    EMAIL,
    NAME,
    PARAAF,
    PHONE,
    REVIEW_MARKERS,
    Forbidden,
    anchor,
    digits,
    matcher,
    normalise,
    searchable,
    variants,
)

__all__ = ["EMAIL", "NAME", "PARAAF", "PHONE", "REVIEW_MARKERS", "Forbidden", "anchor", "check_docx", "check_file",
           "check_pdf", "check_pdf_job", "check_text",
           "digits", "explain", "matcher", "normalise", "searchable", "text_layers", "variants",
           "warm_up"]
