"""The lists Woo staff and Excel expect: inventory rows and workbook, and the page of each redaction."""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import html
import io
import os
import re
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.checks import gate
from pipeline.errors import RenderError
from pipeline.finish import pdf
from pipeline.plan import public_title
from pipeline.publication import records as publication

if TYPE_CHECKING:
    from pipeline.plan import Plan

INVENTORY_COLUMNS = ["ID", "Document", "Datum", "Beoordeling", "Beoordelingsgrond", "Toelichting", "Bestand"]
INVENTORY_TEXT_COLUMNS = ("ID", "Bestand")  # identifiers: text in Excel, so 0045821 keeps its zeros


def csv_bytes(rows: list[list[str]], header: list[str]) -> bytes:
    """A semicolon CSV as Excel on a ministry laptop opens it: UTF-8 with a BOM, CRLF."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class PublicLists:
    """The public files of a dossier that are no PDF; they need the plan only, not LibreOffice."""

    inventory_csv: bytes
    inventory_xlsx: bytes
    sitemap: bytes


def public_lists(plan: Plan, base_url: str) -> PublicLists:
    """Made while LibreOffice converts (build_public), staged once the PDFs are there."""
    rows = inventory_rows(plan)
    return PublicLists(csv_bytes(rows, INVENTORY_COLUMNS), inventory_xlsx(rows, INVENTORY_COLUMNS, plan.dossier.datum),
                       publication.sitemap(plan, base_url))


def inventory_rows(plan: Plan) -> list[list[str]]:
    """One row per public document, with the identifier the DiWoo records give it and its file name."""
    d = plan.dossier
    ids = publication.identifiers(plan)
    rows = []
    for kind in plan.docs:
        entries = [e for e in plan.redaction.log if e.document == kind]
        grounds = sorted({e.ground for e in entries})
        beoordeling = "Deels openbaar" if entries else "Openbaar"
        toelichting = "; ".join(sorted({e.toelichting for e in entries if e.toelichting}))
        rows.append([ids.get(kind, f"{d.kenmerk}-{kind}"), public_title(plan.docs[kind]), d.datum.isoformat(),
                     beoordeling, "".join(f"{g}; " for g in grounds).strip(), toelichting, f"{kind}.pdf"])
    return rows


def inventory_xlsx(rows: list[list[str]], header: list[str], when: dt.date) -> bytes:
    """The inventory as an Excel workbook: identifiers typed as text; the same bytes for the same rows."""
    _import_openpyxl()
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Inventarislijst"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    text_columns = {i for i, name in enumerate(header) if name in INVENTORY_TEXT_COLUMNS}
    for row in rows:
        ws.append([str(v) for v in row])
        for i in text_columns:
            ws.cell(row=ws.max_row, column=i + 1).number_format = "@"
    for i, name in enumerate(header):
        width = max([len(name), *(len(str(r[i])) for r in rows)]) + 2
        ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width = min(width, 80)
    ws.freeze_panes = "A2"
    moment = dt.datetime.combine(when, dt.time(12, 0))
    wb.properties.creator = "nota-pipeline"
    wb.properties.created = wb.properties.modified = moment
    buf = io.BytesIO()
    wb.save(buf)
    return _stable_zip(buf.getvalue(), f"{moment:%Y-%m-%dT%H:%M:%S}Z")


def _import_openpyxl() -> None:
    """openpyxl without numpy: it imports numpy (0.16 s, half its import) only to recognise numpy's
    number types in cells, and we write text. When numpy is loaded already, it is left alone."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]


def _stable_zip(data: bytes, modified: str) -> bytes:
    """The same zip with fixed member times and modified date (openpyxl stamps the time of saving), so a
    rebuild gives the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            part = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                part = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + modified.encode() + rb"\g<2>", part)
            dst.writestr(fixed, part)
    return out.getvalue()


def check_xlsx(path: Path, forbidden: list[gate.Forbidden]) -> list[str]:
    """The gate's text check on what a workbook holds: every XML part, entities decoded."""
    with zipfile.ZipFile(path) as zf:
        text = "\n".join(html.unescape(zf.read(n).decode("utf-8", errors="replace")) for n in zf.namelist())
    with tempfile.TemporaryDirectory() as tmp:
        flat = Path(tmp) / path.name
        flat.write_text(text, encoding="utf-8")
        return gate.check_text(flat, forbidden)


def redaction_pages(plan: Plan, pdfs: dict[str, Path], texts: dict[str, list[str]] | None = None) -> list[str]:
    """The page of the lakvoorstel each log entry landed on ('' where the text cannot be found back).

    texts: the page texts (page_texts) of the documents already read, e.g. as each PDF was finished.
    """
    todo = {kind: path for kind, path in pdfs.items() if texts is None or kind not in texts}
    pages_of: dict[str, list[str]] = {k: v for k, v in (texts or {}).items() if k in pdfs}
    if todo:
        with ThreadPoolExecutor(max_workers=max(1, min(len(todo), os.cpu_count() or 1))) as pool:
            pages_of.update(zip(todo, pool.map(page_texts, todo.values()), strict=True))
    seen: dict[tuple[str, str], int] = {}
    out = []
    for entry in plan.redaction.log:
        needle = " ".join(entry.text.split())
        nth = seen.get((entry.document, needle), 0)
        seen[(entry.document, needle)] = nth + 1
        out.append(_nth_page(pages_of.get(entry.document, []), needle, nth))
    return out


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext reads it (pdf.extract_text: 0.004 s a page), white space collapsed."""
    try:
        text = pdf.extract_text(path)
    except RenderError:
        return []
    return [" ".join(page.split()) for page in text.split("\f")]


def _nth_page(pages: list[str], needle: str, nth: int) -> str:
    """The page (1-based) of the nth occurrence of needle, counted over the document; text may cross a page."""
    if not needle:
        return ""
    joined, starts, pos = [], [], 0
    for page in pages:
        starts.append(pos)
        joined.append(page)
        pos += len(page) + 1
    text = " ".join(joined)
    found, index = -1, -1
    for _ in range(nth + 1):
        index = text.find(needle, index + 1)
        if index < 0:
            break
        found = index
    if found < 0:
        return ""
    return str(bisect.bisect_right(starts, found))
