"""Accessibility smoke tests for the public PDFs: tagged PDF, PDF/UA-1 as far as it can be decided offline.

`check_pdf(path)` returns the problems of one PDF as Dutch sentences (empty: every check passed).
It reads the file as assistive technology does: the structure tree in logical order, the text
each structure element marks (decoded through the fonts' ToUnicode maps), the marked-content
sequences of every page, annotations, metadata, and `pdffonts` for the fonts.

What it decides (PDF/UA-1 clauses in brackets):

- tagged: /MarkInfo /Marked true, no /Suspects, a /StructTreeRoot (6.2, 7.1);
- title: a non-empty title in DocInfo and XMP dc:title, /DisplayDocTitle true (7.1);
- language: a well-formed /Lang on the catalog (7.2);
- every structure type is standard or role-mapped to one; no standard type remapped (7.1);
- every painting operator (text, paths, images, shadings) is tagged or an /Artifact (7.1);
- every tagged image belongs to a /Figure, every /Figure has /Alt or /ActualText and marks content (7.3);
- headings: H1..H6 not mixed with H, the first is H1, no level skipped, none empty, and
  no bookmarks without headings (7.4);
- tables: rows, a header row of TH cells with /Scope or /Headers, as many columns in every row (7.5);
- every annotation is tagged (a /Link for a link) and links have /Contents; pages with
  annotations have /Tabs /S (7.18);
- content and structure agree: every marked-content id is in the tree exactly once and the
  ParentTree points back at the element that holds it;
- fonts embedded and with a ToUnicode map (7.21.3, 7.21.7);
- Woo redaction codes ("5.1.2e") are real, tagged text, each a word of its own.

What it cannot decide: whether the reading order is *meaningful*, whether alt text and
headings are *good*, colour contrast, the 90-odd other PDF/UA rules; marked content inside
form XObjects with their own /StructParents (LibreOffice writes none) is not followed. `reading_blocks(path)`
gives the text in logical order so tests can assert the order of a known document; veraPDF
(`verapdf --flavour ua1`) is the reference for a conformance claim, see `main()`."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any, cast

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

from pipeline.errors import ToolMissing
from pipeline.finish.pdf import POPPLER_ADVICE, extract_text, flatten_tree, inspect_pdf
from pipeline.finish.tagged.content import (
    ANNOT_HIDDEN,
    BCP47_RX,
    HEADING_RX,
    NO_TAG_NEEDED,
    STANDARD_TYPES,
    WOO_CODE_GLUED_RX,
    WOO_CODE_RX,
)
from pipeline.finish.tagged.structure import A11yFacts, Element, Structure, collapse, read_facts

# --------------------------------------------------------------------------- checks


def check_pdf(path: Path, *, require_headings: bool = False) -> list[str]:
    """Every accessibility problem of one PDF, in Dutch; [] when all checks pass.

    require_headings: the document must have H1..H6 headings (a nota or rapportage has them,
    a Kamerbrief need not).
    """
    path = Path(path)
    with pikepdf.open(path) as pdf:
        facts = read_facts(pdf)
        problems = list(facts.problems)
        problems += _check_catalog(pdf)
        problems += _check_roles(facts.structure)
        problems += _check_content(facts)
        problems += _check_parent_tree(pdf, facts.structure)
        problems += _check_annotations(pdf, facts.structure)
        problems += _check_figures(facts)
        problems += _check_headings(facts.structure, _outline_titles(pdf), require_headings)
        problems += _check_tables(facts.structure)
        problems += _check_redaction_codes(facts, path)
    problems += _check_fonts(path)
    return problems


def _check_catalog(pdf: Pdf) -> list[str]:
    problems = []
    root = pdf.Root
    mark_info = root.get(Name.MarkInfo)
    if not (isinstance(mark_info, Dictionary) and bool(mark_info.get(Name.Marked, False))):
        problems.append("niet getagd: /MarkInfo /Marked ontbreekt of is niet true")
    elif bool(mark_info.get(Name.Suspects, False)):
        problems.append("/MarkInfo /Suspects is true: de tagging is onbetrouwbaar verklaard")
    if not isinstance(root.get(Name.StructTreeRoot), Dictionary):
        problems.append("niet getagd: er is geen structuurboom (/StructTreeRoot)")
    title = str(pdf.docinfo.get(Name.Title, "")).strip()
    if not title:
        problems.append("geen documenttitel (/Title in de documentinformatie)")
    xmp_title = str(pdf.open_metadata().get("dc:title", "") or "").strip()
    if not xmp_title:
        problems.append("geen documenttitel in de XMP-metadata (dc:title)")
    prefs = root.get(Name.ViewerPreferences)
    if not (isinstance(prefs, Dictionary) and bool(prefs.get(Name.DisplayDocTitle, False))):
        problems.append("/ViewerPreferences /DisplayDocTitle is niet true: de viewer toont de bestandsnaam")
    lang = str(root.get(Name.Lang, "")).strip()
    if not lang:
        problems.append("geen documenttaal (/Lang in de catalogus)")
    elif not BCP47_RX.fullmatch(lang):
        problems.append(f"documenttaal {lang!r} is geen geldige taalcode (BCP 47, zoals nl-NL)")
    return problems


def _check_roles(structure: Structure) -> list[str]:
    problems = []
    for key, value in structure.role_map.items():
        name, target = str(key)[1:], str(value)[1:]
        if name in STANDARD_TYPES and target != name:
            problems.append(f"de RoleMap zet het standaardtype {name} om naar {target}")
    unknown = sorted({e.raw for e in structure.elements if e.role not in STANDARD_TYPES})
    if unknown:
        problems.append("structuurtypen zonder standaardbetekenis (ook niet via de RoleMap): " + ", ".join(unknown))
    return problems


def _check_content(facts: A11yFacts) -> list[str]:
    problems = []
    referenced = Counter(key for e in facts.structure.elements for key in e.mcids)
    for page in facts.pages:
        if page.untagged:
            ops = ", ".join(f"{op} ×{n}" for op, n in sorted(page.untagged.items()))
            what = f" (tekst: {collapse(' '.join(page.untagged_text))[:60]!r})" if page.untagged_text else ""
            problems.append(f"pagina {page.number}: inhoud die niet getagd en geen artefact is: {ops}{what}")
        doubled = sorted(m for m, n in page.mcid_count.items() if n > 1)
        if doubled:
            problems.append(f"pagina {page.number}: marked-content-id's komen meer dan eens voor: {doubled}")
        orphans = sorted(m for m in page.mcid_count if (page.number, m) not in referenced)
        if orphans:
            text = collapse(" ".join(page.text.get(m, "") for m in orphans))[:60]
            problems.append(f"pagina {page.number}: getagde inhoud (MCID {orphans}) hangt niet in de structuurboom "
                            f"en is onzichtbaar voor hulpsoftware: {text!r}")
    counts = {p.number: p.mcid_count for p in facts.pages}
    missing = sorted(key for key in referenced if key[1] not in counts.get(key[0], {}))
    if missing:
        problems.append(f"de structuurboom verwijst naar inhoud die er niet is (pagina, MCID): {missing[:10]}")
    twice = sorted(key for key, n in referenced.items() if n > 1)
    if twice:
        problems.append(f"inhoud hangt meer dan eens in de structuurboom (pagina, MCID): {twice[:10]}")
    return problems


def _inside(elem: Element, role: str) -> bool:
    node: Element | None = elem
    while node is not None:
        if node.role == role:
            return True
        node = node.parent
    return False


def _check_figures(facts: A11yFacts) -> list[str]:
    problems = []
    owner = {key: e for e in facts.structure.elements for key in e.mcids}
    for page in facts.pages:
        for mcid in sorted(page.images):
            elem = owner.get((page.number, mcid))
            if elem is not None and not _inside(elem, "Figure"):
                problems.append(f"pagina {page.number}: een afbeelding is getagd als {elem.raw} in plaats van "
                                "/Figure (of als artefact)")
    for fig in facts.structure.with_role("Figure"):
        where = f"pagina {fig.page}" if fig.page else "ergens"
        alt = (fig.alt or "").strip() or (fig.actual_text or "").strip()
        if not alt:
            problems.append(f"{where}: /Figure ({fig.raw}) zonder alternatieve tekst (/Alt)")
        if not fig.mcids and not fig.children:
            problems.append(f"{where}: /Figure {alt!r} markeert niets; hulpsoftware meldt een afbeelding die er "
                            "niet is (markeer een decoratieve vorm als decoratief, dan wordt hij een artefact)")
    return problems


def _heading_level(elem: Element) -> int | None:
    match = HEADING_RX.fullmatch(elem.role)
    if not match:
        return None
    return int(match.group(1)) if match.group(1) else 0


def _check_headings(structure: Structure, outline: list[str], require: bool) -> list[str]:
    problems = []
    headings = [(e, lvl) for e in structure.elements if (lvl := _heading_level(e)) is not None]
    if require and not any(lvl for _, lvl in headings):
        problems.append("geen koppen (H1..H6) in de structuur; kopstijlen hebben een overzichtsniveau nodig")
    levels = {lvl for _, lvl in headings}
    if 0 in levels and levels - {0}:
        problems.append("genummerde koppen (H1..H6) en /H door elkaar")
    previous = 0
    for elem, level in headings:
        if not elem.text:
            problems.append(f"pagina {elem.page}: lege kop {elem.role}")
        if level == 0:
            continue
        if previous == 0 and level != 1:
            problems.append(f"de eerste kop is {elem.role} ({elem.text[:40]!r}), niet H1")
        elif level > previous + 1 and previous:
            problems.append(f"kopniveau overgeslagen: H{previous} gevolgd door {elem.role} ({elem.text[:40]!r})")
        previous = level
    if outline and not headings:
        # LibreOffice makes bookmarks from outline levels and tags those paragraphs H1..H6;
        # bookmarks without any heading mean the headings lost their tags.
        problems.append(f"{len(outline)} bladwijzer(s) maar geen enkele kop in de structuur")
    return problems


def _rows(table: Element) -> list[Element]:
    rows = []
    for child in table.children:
        if child.role == "TR":
            rows.append(child)
        elif child.role in ("THead", "TBody", "TFoot"):
            rows += [r for r in child.children if r.role == "TR"]
    return rows


def _span(cell: Element, key: str) -> int:
    value = cell.attribute(key)
    try:
        return max(1, int(cast(Any, value))) if value is not None else 1
    except (TypeError, ValueError):
        return 1


def _check_tables(structure: Structure) -> list[str]:
    problems = []
    for n, table in enumerate(structure.with_role("Table"), 1):
        where = f"tabel {n} (pagina {table.page})"
        rows = _rows(table)
        if not rows:
            problems.append(f"{where}: geen rijen (/TR)")
            continue
        cells = [[c for c in row.children if c.role in ("TH", "TD")] for row in rows]
        if any(c.role not in ("TH", "TD") for row in rows for c in row.children):
            problems.append(f"{where}: een rij bevat iets anders dan TH- of TD-cellen")
        headers = [c for row in cells for c in row if c.role == "TH"]
        data = [c for row in cells for c in row if c.role == "TD"]
        if data and not headers:
            problems.append(f"{where}: geen kopcellen (TH); markeer de kopregel als herhalende kopregel")
        elif cells[0] and any(c.role != "TH" for c in cells[0]) and not any(
                row and row[0].role == "TH" for row in cells):
            problems.append(f"{where}: de eerste rij is geen kopregel (TH)")
        if headers and not any(c.attribute("/Scope") is not None for c in headers) and not any(
                Name.Headers in c.obj or c.attribute("/Headers") is not None for c in data):
            problems.append(f"{where}: kopcellen zonder /Scope en datacellen zonder /Headers")
        widths = _grid_widths(cells)
        if len(set(widths)) > 1:
            problems.append(f"{where}: rijen met verschillend aantal kolommen {widths}")
    return problems


def _grid_widths(cells: list[list[Element]]) -> list[int]:
    """Columns per row, counting ColSpan and cells that reach down from earlier rows (RowSpan)."""
    carried: dict[int, int] = {}  # column -> rows it is still occupied
    widths = []
    for row in cells:
        col, occupied = 0, {c for c, n in carried.items() if n > 0}
        for cell in row:
            while col in occupied:
                col += 1
            span, down = _span(cell, "/ColSpan"), _span(cell, "/RowSpan")
            for c in range(col, col + span):
                if down > 1:
                    carried[c] = down
            col += span
        width = max([col, *[c + 1 for c in occupied]]) if row or occupied else 0
        widths.append(width)
        carried = {c: n - 1 for c, n in carried.items() if n - 1 > 0 or c not in occupied}
        carried = {c: n for c, n in carried.items() if n > 0}
    return widths


def _check_annotations(pdf: Pdf, structure: Structure) -> list[str]:
    problems = []
    tagged = {a.objgen: e for e in structure.elements for a in e.annotations if a.is_indirect}
    for number, page in enumerate(pdf.pages, 1):
        annots = [a for a in page.obj.get(Name.Annots, Array()) if isinstance(a, Dictionary)]
        relevant = [a for a in annots if str(a.get(Name.Subtype, "")) not in NO_TAG_NEEDED
                    and not int(a.get(Name.F, 0)) & ANNOT_HIDDEN]
        if relevant and page.obj.get(Name.Tabs) != Name.S:
            problems.append(f"pagina {number}: heeft annotaties maar geen /Tabs /S (tabvolgorde = structuur)")
        untagged = []
        for annot in relevant:
            subtype = str(annot.get(Name.Subtype, ""))[1:]
            elem = tagged.get(annot.objgen) if annot.is_indirect else None
            if elem is None or Name.StructParent not in annot:
                untagged.append(subtype + (f" {str(annot.get(Name.Contents, ''))!r}" if Name.Contents in annot else ""))
            elif subtype == "Link" and elem.role != "Link":
                problems.append(f"pagina {number}: een link hangt onder {elem.raw} in plaats van /Link")
            if subtype == "Link" and not str(annot.get(Name.Contents, "")).strip():
                problems.append(f"pagina {number}: een link zonder beschrijving (/Contents)")
        if untagged:
            problems.append(f"pagina {number}: {len(untagged)} annotatie(s) niet in de structuurboom: "
                            + ", ".join(untagged[:5]))
    return problems


def _number_tree(node: object) -> dict[int, pikepdf.Object]:
    return {int(key): value for key, value in flatten_tree(node, "/Nums")}


def _check_parent_tree(pdf: Pdf, structure: Structure) -> list[str]:
    """The ParentTree must name, for every MCID of a page, the element that marks it (hit-testing, reflow)."""
    root = pdf.Root.get(Name.StructTreeRoot)
    if not isinstance(root, Dictionary) or not structure.elements:
        return []
    tree = _number_tree(root.get(Name.ParentTree))
    wrong: list[tuple[int, int]] = []
    owner = {key: e for e in structure.elements for key in e.mcids}
    for number, page in enumerate(pdf.pages, 1):
        key = page.obj.get(Name.StructParents)
        mcids = [m for (p, m) in owner if p == number]
        if not mcids:
            continue
        parents = tree.get(int(key)) if key is not None else None
        if not isinstance(parents, Array):
            wrong += [(number, m) for m in mcids]
            continue
        for mcid in mcids:
            target = parents[mcid] if mcid < len(parents) else None
            if not (isinstance(target, Dictionary) and target.is_indirect
                    and target.objgen == owner[(number, mcid)].obj.objgen):
                wrong.append((number, mcid))
    if wrong:
        message = "de ParentTree wijst niet naar het element dat de inhoud markeert (pagina, MCID): "
        return [message + str(sorted(wrong)[:10])]
    return []


def _outline_titles(pdf: Pdf) -> list[str]:
    titles: list[str] = []
    outlines = pdf.Root.get(Name.Outlines)
    stack = [outlines.get(Name.First)] if isinstance(outlines, Dictionary) else []
    seen: set[tuple[int, int]] = set()
    while stack:
        item = stack.pop()
        while isinstance(item, Dictionary) and item.objgen not in seen:
            seen.add(item.objgen)
            titles.append(str(item.get(Name.Title, "")))
            if Name.First in item:
                stack.append(item.First)
            item = item.get(Name.Next)
    return titles


def font_table(path: Path) -> list[dict[str, str]]:
    """pdffonts as rows: name, type, encoding, emb, sub, uni."""
    exe = shutil.which("pdffonts")
    if exe is None:
        raise ToolMissing(f"pdffonts niet gevonden op PATH: {POPPLER_ADVICE}")
    proc = subprocess.run([exe, str(path)], capture_output=True, text=True, timeout=120, check=False)
    lines = proc.stdout.splitlines()
    ruler = next((i for i, line in enumerate(lines) if line.startswith("---")), None)
    if proc.returncode != 0 or ruler is None:
        raise ValueError(f"pdffonts faalde op {path}: {proc.stderr.strip()}")
    spans = [m.span() for m in re.finditer(r"-+", lines[ruler])]
    names = ["name", "type", "encoding", "emb", "sub", "uni"]
    return [{n: line[a:b].strip() for n, (a, b) in zip(names, spans, strict=False)}
            for line in lines[ruler + 1:] if line.strip()]


def _check_fonts(path: Path) -> list[str]:
    problems = []
    try:
        rows = font_table(path)
    except ValueError as exc:
        return [str(exc)]
    for row in rows:
        if row["emb"] != "yes":
            problems.append(f"lettertype {row['name']} is niet ingebed")
        if row["uni"] != "yes":
            problems.append(f"lettertype {row['name']} heeft geen ToUnicode-tabel: tekst is niet betrouwbaar te lezen")
    if not inspect_pdf(path).fonts_all_embedded and not any("niet ingebed" in p for p in problems):
        problems.append("niet alle lettertypen zijn ingebed")
    return problems


def _check_redaction_codes(facts: A11yFacts, path: Path) -> list[str]:
    """Every Woo code printed in a redaction box is tagged text, a word of its own."""
    problems = []
    tagged = "\n".join(b.text for b in facts.blocks)
    visible = collapse(extract_text(path))
    n_tagged, n_visible = len(WOO_CODE_RX.findall(tagged)), len(WOO_CODE_RX.findall(visible))
    if n_tagged != n_visible:
        problems.append(f"{n_visible} Woo-code(s) zichtbaar op de pagina's maar {n_tagged} in de getagde tekst: "
                        "een gelakte passage is voor hulpsoftware onzichtbaar of dubbel")
    for block in facts.blocks:
        for match in WOO_CODE_GLUED_RX.finditer(block.text):
            around = block.text[max(0, match.start() - 15):match.end() + 15]
            problems.append(f"pagina {block.page}: Woo-code plakt aan een woord vast: {around!r}")
    return problems


