"""Accessibility checks of the finished PDFs (tagged PDF, PDF/UA-1 as far as it can be decided offline).

The checks are here; the repairs they motivate are in pipeline.finish.repair, and the
reading of a tagged PDF both use is in pipeline.finish.tagged. `make validate` runs
`python -m pipeline.checks.accessibility build`.
"""

from __future__ import annotations

from pipeline.checks.accessibility.checks import check_pdf, font_table
from pipeline.checks.accessibility.validate import (
    HEADED_STEMS,
    REVIEW_FOLDER,
    VERAPDF_NOT_CLAIMED,
    VeraResult,
    find_pdfs,
    main,
    parse_verapdf_report,
    pdfua_errors,
    run_verapdf,
    validate,
)
from pipeline.finish.repair import repair_pdf
from pipeline.finish.tagged import WOO_CODE_RX, read_facts, reading_blocks, reading_text

__all__ = ["HEADED_STEMS", "REVIEW_FOLDER", "VERAPDF_NOT_CLAIMED", "WOO_CODE_RX", "VeraResult", "check_pdf",
           "find_pdfs", "font_table", "main", "parse_verapdf_report", "pdfua_errors", "read_facts", "reading_blocks",
           "reading_text", "repair_pdf", "run_verapdf", "validate"]
