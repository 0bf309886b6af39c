"""Generate the docxtpl templates (nota, kamerbrief, rapportage): this script is their one source of truth.

The DOCX files are committed next to it, with their SHA-256 in generated.json. Change the design
here (or through the options: --font, `make templates FONT=...`), not in Word: a DOCX whose bytes
differ from what this script last wrote was edited by hand, and is never overwritten without
--overwrite (then the hand edit is gone; copy it into this script first).
The font must be installed (fontconfig): a missing one stops with exit 3, never a substitute.
Usage: python templates/generate.py [--font "Liberation Sans"] [--out templates/] [--overwrite]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from pipeline.errors import ToolMissing  # noqa: E402
from pipeline.render.fonts import install_hint, installed, substitute  # noqa: E402
from pipeline.render.package import write_package  # noqa: E402

RECORD = "generated.json"  # file name -> SHA-256 of the bytes this script last wrote

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
TWIP_PER_CM = 567
A4_W, A4_H = 11906, 16838  # twips
FONT = "Liberation Sans"
BODY_SIZE = 19      # half-points: 9.5 pt, the Rijkshuisstijl body size
COLOFON_SIZE = 13   # 6.5 pt
LOGO_BOX_W = 8.0    # cm: the frame of the logo, centred at the top of the first page
# Later pages: the colofon column sits in the header, indented into the wide right margin
# (LibreOffice does not position text boxes anchored in headers reliably).
HEADER_COL_LEFT = int((15.9 - 2.4) * TWIP_PER_CM)
HEADER_COL_RIGHT = int((5.9 - 0.8) * TWIP_PER_CM)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- building blocks ---------------------------------------------------------------------

def t(text: str) -> str:
    return f'<w:t xml:space="preserve">{escape(text)}</w:t>'


def run(text: str, rpr: str = "") -> str:
    return f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}{t(text)}</w:r>"


def para(content: str = "", style: str | None = None, ppr: str = "") -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ppr
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def tag_para(tag: str, style: str | None = None) -> str:
    """A paragraph holding one docxtpl tag ({{r x}}, {%p if %} ...)."""
    return para(run(tag), style)


def field_runs(instr: str, placeholder: str, rpr: str = "") -> str:
    rp = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return (f'<w:r>{rp}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rp}<w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            f'<w:r>{rp}<w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r>{rp}{t(placeholder)}</w:r>"
            f'<w:r>{rp}<w:fldChar w:fldCharType="end"/></w:r>')


def page_x_of_y(style: str) -> str:
    return para(run("Pagina ") + field_runs("PAGE", "1") + run(" van ") + field_runs("NUMPAGES", "1"), style)


_PARA_START = re.compile(r'<w:p>(?:<w:pPr>(<w:pStyle w:val="[^"]*"/>)?</w:pPr>)?')


def framed(paragraphs: str, *, x_cm: float, y_cm: float, w_cm: float, h_cm: float) -> str:
    """Paragraphs in one frame at a fixed place on the page (w:framePr on each, as Word's frames).

    Not a DrawingML text box: LibreOffice exports a text box as an empty /Figure (the shape)
    next to the text, which screen readers announce as an image, and LibreOffice 7.4 ignores
    Word's "decorative" flag that would make the shape an artifact. A frame becomes one
    tagged /Div holding the paragraphs, at the same place on the page. The frame lies in the
    right margin, so wrapping never touches the body text.
    """
    frame = (f'<w:framePr w:w="{int(w_cm * TWIP_PER_CM)}" w:h="{int(h_cm * TWIP_PER_CM)}" w:hRule="exact" '
             'w:hSpace="0" w:wrap="around" w:vAnchor="page" w:hAnchor="page" '
             f'w:x="{int(x_cm * TWIP_PER_CM)}" w:y="{int(y_cm * TWIP_PER_CM)}"/>')
    out, count = _PARA_START.subn(lambda m: f"<w:p><w:pPr>{m.group(1) or ''}{frame}</w:pPr>", paragraphs)
    if count != paragraphs.count("<w:p>") or out.count("<w:framePr ") != count:
        raise ValueError("framed(): only paragraphs with at most a pStyle can be framed")
    return out


def header_rule_table(paragraph: str) -> str:
    """One paragraph in a borderless one-cell table with a grey rule under it.

    Not a paragraph border: LibreOffice paints paragraph borders in headers outside any
    marked content (untagged, PDF/UA 7.1), while table borders become artifacts. The cell
    margins put the rule where the paragraph border (4 pt below the text) used to be.
    """
    width = A4_W - 2 * int(2.5 * TWIP_PER_CM)
    return ('<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>'
            '<w:tblBorders><w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/></w:tblBorders>'
            '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
            '<w:bottom w:w="51" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
            f'<w:tr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraph}</w:tc></w:tr></w:tbl>'
            # A header must end with a paragraph; this one takes no room.
            + para("", ppr='<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                   '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>'))


def colofon_item(label: str, tag: str) -> str:
    return para(run(label), "ColofonKop") + tag_para(tag, "Colofon") + para("", "Colofon")


def sect_pr(*, left_cm: float, right_cm: float, top_cm: float, bottom_cm: float, title_pg: bool) -> str:
    refs = ('<w:headerReference w:type="default" r:id="rIdHeaderDefault"/>'
            '<w:footerReference w:type="default" r:id="rIdFooterDefault"/>')
    if title_pg:
        refs += ('<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
                 '<w:footerReference w:type="first" r:id="rIdFooterFirst"/>')
    return (f"<w:sectPr>{refs}"
            '<w:footnotePr><w:numFmt w:val="decimal"/></w:footnotePr>'
            f'<w:pgSz w:w="{A4_W}" w:h="{A4_H}"/>'
            f'<w:pgMar w:top="{int(top_cm * TWIP_PER_CM)}" w:right="{int(right_cm * TWIP_PER_CM)}" '
            f'w:bottom="{int(bottom_cm * TWIP_PER_CM)}" w:left="{int(left_cm * TWIP_PER_CM)}" '
            'w:header="567" w:footer="397" w:gutter="0"/>'
            f"{'<w:titlePg/>' if title_pg else ''}</w:sectPr>")


def document(body: str) -> str:
    return f"{DECL}<w:document {NS}><w:body>{body}</w:body></w:document>"


def hdr(kind: str, body: str) -> str:
    tagname = "w:hdr" if kind == "header" else "w:ftr"
    return f"{DECL}<{tagname} {NS}>{body or para()}</{tagname}>"


# --- shared parts -------------------------------------------------------------------------

def styles_xml(font: str) -> str:
    def pstyle(sid: str, name: str, ppr: str = "", rpr: str = "", based: str = "Normal", extra: str = "") -> str:
        return (f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{based}"/>{extra}<w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')

    def heading(level: int, rpr: str, before: int) -> str:
        return (f'<w:style w:type="paragraph" w:styleId="Heading{level}"><w:name w:val="heading {level}"/>'
                '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="0"/>'
                f'<w:outlineLvl w:val="{level - 1}"/></w:pPr><w:rPr>{rpr}</w:rPr></w:style>')

    colofon_r = f'<w:sz w:val="{COLOFON_SIZE}"/><w:szCs w:val="{COLOFON_SIZE}"/>'
    small = '<w:sz w:val="15"/><w:szCs w:val="15"/>'
    return (
        f'{DECL}<w:styles {NS}>'
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
        f'<w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/>'
        '<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault>'
        "</w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        '<w:pPr><w:widowControl/><w:spacing w:after="0"/></w:pPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>"
        + pstyle("Tekst", "Tekst", '<w:spacing w:after="264"/>')
        + heading(1, "<w:b/><w:bCs/>", 0)
        + heading(2, "<w:i/><w:iCs/>", 0)
        + heading(3, "<w:i/><w:iCs/>", 0)
        + pstyle("Title", "Title", '<w:spacing w:before="480" w:after="480"/><w:outlineLvl w:val="9"/>',
                 '<w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/>')
        + pstyle("Label", "Label (TER ...)", '<w:spacing w:after="264"/>', "<w:b/><w:bCs/><w:caps/>")
        + pstyle("Aan", "Aan", '<w:spacing w:after="480"/>')
        + pstyle("BlokKop", "Blokkop (Parafenroute, Besluit)", '<w:spacing w:before="120" w:after="60"/>',
                 "<w:b/><w:bCs/>" + small)
        + pstyle("Klein", "Klein", "", small)
        + pstyle("Colofon", "Colofon", '<w:spacing w:after="0" w:line="220" w:lineRule="auto"/>', colofon_r)
        + pstyle("ColofonKop", "Colofon kop", '<w:spacing w:after="0" w:line="220" w:lineRule="auto"/>',
                 "<w:b/><w:bCs/>" + colofon_r, based="Colofon")
        + pstyle("KopColofon", "Kop colofon (vervolgpagina's)", f'<w:ind w:left="{HEADER_COL_LEFT}" '
                 f'w:right="-{HEADER_COL_RIGHT}"/>', "", based="Colofon")
        + pstyle("KopColofonKop", "Kop colofon kop",
                 f'<w:ind w:left="{HEADER_COL_LEFT}" w:right="-{HEADER_COL_RIGHT}"/>',
                 "<w:b/><w:bCs/>", based="ColofonKop")
        + pstyle("Retouradres", "Retouradres", '<w:spacing w:after="120"/>', colofon_r)
        + pstyle("Watermerk", "Watermerk (lakvoorstel)", '<w:jc w:val="center"/>',
                 '<w:b/><w:bCs/><w:color w:val="C00000"/><w:sz w:val="28"/><w:szCs w:val="28"/>')
        + pstyle("ListParagraph", "List Paragraph", '<w:spacing w:after="120"/><w:ind w:left="284" w:hanging="284"/>')
        + pstyle("Opsomming", "Opsomming", '<w:numPr><w:numId w:val="10"/></w:numPr>'
                 '<w:spacing w:after="120"/><w:ind w:left="284" w:hanging="284"/>', based="ListParagraph")
        + pstyle("Nummering", "Nummering", '<w:numPr><w:numId w:val="11"/></w:numPr>'
                 '<w:spacing w:after="120"/><w:ind w:left="284" w:hanging="284"/>', based="ListParagraph")
        + pstyle("FootnoteText", "footnote text", '<w:spacing w:after="0" w:line="220" w:lineRule="auto"/>'
                 '<w:ind w:left="170" w:hanging="170"/>', '<w:sz w:val="14"/><w:szCs w:val="14"/>')
        + '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>'
        '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>'
        '<w:rPr><w:color w:val="154273"/></w:rPr></w:style>'
        + pstyle("Header", "header", "", colofon_r) + pstyle("Footer", "footer", "", colofon_r)
        + pstyle("TabelKop", "Tabel kop", "", "<w:b/><w:bCs/>" + small)
        + pstyle("TabelTekst", "Tabel tekst", "", small)
        + pstyle("TOCHeading", "TOC Heading", '<w:spacing w:after="240"/><w:outlineLvl w:val="9"/>',
                 '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/>')
        + pstyle("TOC1", "toc 1", '<w:tabs><w:tab w:val="left" w:pos="567"/><w:tab w:val="right" w:leader="dot" '
                 'w:pos="8930"/></w:tabs><w:spacing w:before="120"/>', "<w:b/><w:bCs/>")
        + pstyle("TOC2", "toc 2", '<w:tabs><w:tab w:val="left" w:pos="1134"/><w:tab w:val="right" w:leader="dot" '
                 'w:pos="8930"/></w:tabs><w:ind w:left="567"/>')
        + pstyle("RapportTitel", "Rapport titel", '<w:spacing w:before="3400" w:after="240"/><w:outlineLvl w:val="9"/>',
                 '<w:b/><w:bCs/><w:sz w:val="48"/><w:szCs w:val="48"/>')
        + pstyle("RapportOndertitel", "Rapport ondertitel", '<w:spacing w:after="960"/>',
                 '<w:sz w:val="28"/><w:szCs w:val="28"/>')
        + pstyle("Ondertekening", "Ondertekening", '<w:keepNext/><w:keepLines/>')
        + '<w:style w:type="table" w:customStyle="1" w:styleId="Tabel"><w:name w:val="Tabel"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>'
        '<w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="table" w:customStyle="1" w:styleId="Route"><w:name w:val="Parafenroute"/>'
        '<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideH w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"/></w:tblBorders>'
        '<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
        '<w:bottom w:w="20" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        "</w:styles>")


def numbering_xml() -> str:
    bullet = ('<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="hybridMultilevel"/>'
              '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/>'
              '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:lvl>'
              "</w:abstractNum>")
    decimal = ('<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="hybridMultilevel"/>'
               '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
               '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr></w:lvl>'
               "</w:abstractNum>")
    return (f"{DECL}<w:numbering {NS}>{bullet}{decimal}"
            '<w:num w:numId="10"><w:abstractNumId w:val="10"/></w:num>'
            '<w:num w:numId="11"><w:abstractNumId w:val="11"/></w:num></w:numbering>')


def footnotes_xml() -> str:
    return (f"{DECL}<w:footnotes {NS}>"
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            "<w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0"/></w:pPr>'
            "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>")


def settings_xml() -> str:
    return (f'{DECL}<w:settings {NS}><w:defaultTabStop w:val="709"/>'
            '<w:autoHyphenation w:val="false"/><w:characterSpacingControl w:val="doNotCompress"/>'
            '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
            '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
            'w:val="15"/></w:compat><w:themeFontLang w:val="nl-NL"/></w:settings>')


def font_table_xml(font: str) -> str:
    return f'{DECL}<w:fonts {NS}><w:font w:name="{font}"><w:family w:val="swiss"/></w:font></w:fonts>'


def package(document_xml: str, headers: dict[str, str], font: str, title: str) -> bytes:
    """Assemble a DOCX: document, styles, numbering, footnotes, headers/footers."""
    rels = [("rIdStyles", "styles", "styles.xml"), ("rIdNumbering", "numbering", "numbering.xml"),
            ("rIdSettings", "settings", "settings.xml"), ("rIdFonts", "fontTable", "fontTable.xml"),
            ("rIdFootnotes", "footnotes", "footnotes.xml")]
    overrides = {
        "/word/document.xml": "document.main", "/word/styles.xml": "styles",
        "/word/numbering.xml": "numbering", "/word/settings.xml": "settings",
        "/word/fontTable.xml": "fontTable", "/word/footnotes.xml": "footnotes"}
    parts = {"word/document.xml": document_xml, "word/styles.xml": styles_xml(font),
             "word/numbering.xml": numbering_xml(), "word/settings.xml": settings_xml(),
             "word/fontTable.xml": font_table_xml(font), "word/footnotes.xml": footnotes_xml()}
    for rid, (kind, xml) in headers.items():
        fname = f"{rid[3:].lower()}.xml"
        parts[f"word/{fname}"] = xml
        rels.append((rid, kind, fname))
        overrides[f"/word/{fname}"] = kind
    rel_xml = "".join(f'<Relationship Id="{rid}" Type="{REL}/{kind}" Target="{target}"/>' for rid, kind, target in rels)
    parts["word/_rels/document.xml.rels"] = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}'
        "</Relationships>")
    ct = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    over = "".join(f'<Override PartName="{p}" ContentType="{ct}.{k}+xml"/>' for p, k in sorted(overrides.items()))
    parts["[Content_Types].xml"] = (
        f'{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'{over}<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    parts["_rels/.rels"] = (
        f'{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>')
    parts["docProps/core.xml"] = (
        f'{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:language>nl-NL</dc:language></cp:coreProperties>")
    parts["docProps/app.xml"] = (
        f'{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>pipeline templates/generate.py</Application></Properties>")
    return write_package({k: v.encode("utf-8") for k, v in parts.items()})


# --- the three templates -----------------------------------------------------------------

WATERMARK = tag_para("{{r watermerk}}", "Watermerk")


def logo_block() -> str:
    """The organisation's logo (organisaties.yaml: logo, logo_alt), centred in the top margin of the first page.

    In the body, not in the header: LibreOffice tags a header's content as an artifact, and
    the logo must be a /Figure with its alt text. A frame, so the body text does not move;
    without a logo the {%p if %} removes the paragraph and the document is as before.
    """
    framed_logo = framed(para(run("{{ logo }}")), x_cm=(21.0 - LOGO_BOX_W) / 2, y_cm=0.8, w_cm=LOGO_BOX_W, h_cm=3.0)
    centred = framed_logo.replace("/></w:pPr>", '/><w:jc w:val="center"/></w:pPr>', 1)
    return tag_para("{%p if logo %}") + centred + tag_para("{%p endif %}")


def nota() -> tuple[str, dict[str, tuple[str, str]]]:
    colofon = (
        page_x_of_y("Colofon") + para("", "Colofon")
        + tag_para("{{r directie}}", "ColofonKop") + para("", "Colofon")
        + tag_para("{{r ter_colofon}}", "ColofonKop") + para("", "Colofon")
        + colofon_item("Datum", "{{r datum}}")
        + colofon_item("Kenmerk", "{{r kenmerk}}")
        + para(run("Opgesteld door"), "ColofonKop") + tag_para("{{r opsteller_naam}}", "Colofon")
        + tag_para("{%p if has_opsteller_telefoon %}") + tag_para("{{r opsteller_telefoon}}", "Colofon")
        + tag_para("{%p endif %}")
        + tag_para("{%p if has_opsteller_email %}") + tag_para("{{r opsteller_email}}", "Colofon")
        + tag_para("{%p endif %}") + para("", "Colofon")
        + colofon_item("Kopie aan", "{{r kopie_aan}}")
        + colofon_item("Bijlage(n)", "{{r bijlagen}}"))
    box = framed(colofon, x_cm=15.9, y_cm=4.2, w_cm=4.3, h_cm=16.0)
    route_table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="Route"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="3400"/><w:gridCol w:w="2500"/><w:gridCol w:w="900"/>'
        '<w:gridCol w:w="1600"/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>'
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{para(run(h), "TabelKop")}</w:tc>'
                  for h, w in (("Functie", 3400), ("Naam", 2500), ("Paraaf", 900), ("Datum", 1600)))
        + "</w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr>'
        + para(run("{%tr for stap in parafenroute %}")) + "</w:tc></w:tr><w:tr>"
        + "".join(f"<w:tc>{tag_para('{{r stap.' + k + '}}', 'TabelTekst')}</w:tc>"
                  for k in ("functie", "naam", "paraaf", "datum"))
        + "</w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="4"/></w:tcPr>'
        + para(run("{%tr endfor %}")) + "</w:tc></w:tr></w:tbl>")
    besluit = (
        tag_para("{%p if has_besluit %}")
        + para(run("Besluit"), "BlokKop")
        + para(run("Oordeel: ", "<w:b/>") + run("{{r besluit_oordeel}}"), "Klein")
        + para(run("Datum: ", "<w:b/>") + run("{{r besluit_datum}}"), "Klein")
        + para(run("{{r besluit_functie}}") + run(", ") + run("{{r besluit_naam}}"), "Klein")
        + tag_para("{%p if has_besluit_opmerking %}")
        + para(run("Opmerking: ", "<w:b/>") + run("{{r besluit_opmerking}}"), "Klein")
        + tag_para("{%p endif %}")
        + tag_para("{%p endif %}"))
    body = (
        logo_block() + box + tag_para("{{r ter_label}}", "Label")
        + tag_para("{{r aan}}", "Aan")
        + para(run("Parafenroute"), "BlokKop") + route_table
        + besluit
        + tag_para("{{r titel}}", "Title")
        + tag_para("{{p body}}")
        + sect_pr(left_cm=2.4, right_cm=5.9, top_cm=4.2, bottom_cm=2.2, title_pg=True))
    later_header = (page_x_of_y("KopColofon") + para("", "KopColofon") + tag_para("{{r directie}}", "KopColofonKop")
                    + para("", "KopColofon") + para(run("Kenmerk"), "KopColofonKop")
                    + tag_para("{{r kenmerk}}", "KopColofon"))
    headers = {
        "rIdHeaderDefault": ("header", hdr("header", WATERMARK + later_header)),
        "rIdHeaderFirst": ("header", hdr("header", WATERMARK)),
        "rIdFooterDefault": ("footer", hdr("footer", para())),
        "rIdFooterFirst": ("footer", hdr("footer", para())),
    }
    return document(body), headers


def kamerbrief() -> tuple[str, dict[str, tuple[str, str]]]:
    colofon = (
        tag_para("{{r organisatie}}", "ColofonKop") + para("", "Colofon")
        + tag_para("{%p for a in adres %}") + tag_para("{{r a.regel}}", "Colofon") + tag_para("{%p endfor %}")
        + para("", "Colofon") + tag_para("{{r website}}", "Colofon") + para("", "Colofon")
        + tag_para("{%p if has_contactpersoon %}")
        + para(run("Contactpersoon"), "ColofonKop") + tag_para("{{r contact_naam}}", "Colofon")
        + tag_para("{{r contact_telefoon}}", "Colofon") + tag_para("{{r contact_email}}", "Colofon")
        + para("", "Colofon") + tag_para("{%p endif %}")
        + colofon_item("Ons kenmerk", "{{r kenmerk}}")
        + colofon_item("Bijlage(n)", "{{r bijlagen}}"))
    box = framed(colofon, x_cm=15.9, y_cm=5.9, w_cm=4.3, h_cm=14.0)
    body = (
        logo_block() + box + tag_para("{{r retouradres}}", "Retouradres")
        + tag_para("{%p for a in aan %}") + tag_para("{{r a.regel}}") + tag_para("{%p endfor %}")
        + para("", ppr='<w:spacing w:after="1000"/>')
        + para(run("Datum", "<w:b/>") + run("\t") + run("{{r datum}}"),
               ppr='<w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs>')
        + para(run("Betreft", "<w:b/>") + run("\t") + run("{{r betreft}}"),
               ppr='<w:tabs><w:tab w:val="left" w:pos="1134"/></w:tabs><w:ind w:left="1134" w:hanging="1134"/>'
                   '<w:spacing w:after="600"/>')
        + tag_para("{{r aanhef}}", "Tekst")
        + tag_para("{{p body}}")
        + tag_para("{%p for s in slot %}") + tag_para("{{r s.p}}", "Tekst") + tag_para("{%p endfor %}")
        # One signature block per ondertekenaar, in order (a co-signed letter has several).
        + tag_para("{%p for o in ondertekenaars %}")
        + para("", "Ondertekening")
        + tag_para("{{r o.functie}}", "Ondertekening")
        + para("", "Ondertekening") + para("", "Ondertekening") + para("", "Ondertekening")
        + tag_para("{{r o.naam}}")
        + tag_para("{%p endfor %}")
        + sect_pr(left_cm=2.4, right_cm=5.9, top_cm=4.2, bottom_cm=2.2, title_pg=True))
    first = WATERMARK + tag_para("{{r organisatie}}", "KopColofonKop")
    later_header = (page_x_of_y("KopColofon") + para("", "KopColofon") + para(run("Datum"), "KopColofonKop")
                    + tag_para("{{r datum}}", "KopColofon") + para("", "KopColofon")
                    + para(run("Ons kenmerk"), "KopColofonKop") + tag_para("{{r kenmerk}}", "KopColofon"))
    headers = {
        "rIdHeaderDefault": ("header", hdr("header", WATERMARK + later_header)),
        "rIdHeaderFirst": ("header", hdr("header", first)),
        "rIdFooterDefault": ("footer", hdr("footer", para())),
        "rIdFooterFirst": ("footer", hdr("footer", page_x_of_y("Footer"))),
    }
    return document(body), headers


def rapportage() -> tuple[str, dict[str, tuple[str, str]]]:
    body = (
        WATERMARK
        + tag_para("{{r titel}}", "RapportTitel")
        + tag_para("{{r ondertitel}}", "RapportOndertitel")
        + tag_para("{{r organisatie}}")
        + tag_para("{{r directie}}")
        + tag_para("{{r datum}}")
        + para(run("Kenmerk ") + run("{{r kenmerk}}"))
        + para('<w:r><w:br w:type="page"/></w:r>')
        + tag_para("{{p body}}")
        + sect_pr(left_cm=2.5, right_cm=2.5, top_cm=2.5, bottom_cm=2.5, title_pg=True))
    later = header_rule_table(para(run("{{r titel}}") + run("\t") + run("Pagina ") + field_runs("PAGE", "1")
                                   + run(" van ") + field_runs("NUMPAGES", "1"), "Header",
                                   '<w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs>'))
    headers = {
        "rIdHeaderDefault": ("header", hdr("header", WATERMARK + later)),
        "rIdHeaderFirst": ("header", hdr("header", WATERMARK)),
        "rIdFooterDefault": ("footer", hdr("footer", para())),
        "rIdFooterFirst": ("footer", hdr("footer", para())),
    }
    return document(body), headers


def kamervragen() -> tuple[str, dict[str, tuple[str, str]]]:
    """Answers to Kamervragen as the Aanhangsel van de Handelingen prints them, on the ministry's paper."""
    meta = (para(run("Zaaknummer", "<w:b/>") + run("\t") + run("{{r nummer}}"),
                 "Klein", '<w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs>')
            + para(run("Ons kenmerk", "<w:b/>") + run("\t") + run("{{r kenmerk}}"),
                   "Klein", '<w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs>')
            + para(run("Datum", "<w:b/>") + run("\t") + run("{{r datum}}"),
                   "Klein", '<w:tabs><w:tab w:val="left" w:pos="1701"/></w:tabs><w:spacing w:after="480"/>'))
    body = (
        WATERMARK
        + tag_para("{{r organisatie}}", "ColofonKop")
        + tag_para("{{r titel}}", "Title")
        + meta
        + tag_para("{{r vragen}}", "Tekst")
        + tag_para("{{r antwoord}}", "Tekst")
        + tag_para("{{p body}}")
        + sect_pr(left_cm=2.5, right_cm=2.5, top_cm=2.5, bottom_cm=2.5, title_pg=False))
    headers = {
        "rIdHeaderDefault": ("header", hdr("header", WATERMARK)),
        "rIdHeaderFirst": ("header", hdr("header", WATERMARK)),
        "rIdFooterDefault": ("footer", hdr("footer", page_x_of_y("Footer"))),
        "rIdFooterFirst": ("footer", hdr("footer", page_x_of_y("Footer"))),
    }
    return document(body), headers


TEMPLATES = {"nota": (nota, "Nota"), "kamerbrief": (kamerbrief, "Kamerbrief"), "rapportage": (rapportage, "Rapportage"),
             "kamervragen": (kamervragen, "Antwoorden op Kamervragen")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--font", default=FONT, help="font family for every style; must be installed (fc-list). "
                                                   "Free: Liberation Sans, DejaVu Sans, Carlito")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    ap.add_argument("--overwrite", action="store_true", help="overwrite DOCX files that were edited by hand")
    args = ap.parse_args(argv)
    try:
        if not installed(args.font):
            instead = substitute(args.font)
            print(f"lettertype '{args.font}' is niet geïnstalleerd"
                  + (f" (fontconfig zou '{instead}' gebruiken)" if instead else "")
                  + f"; er is niets geschreven: {install_hint(args.font)}", file=sys.stderr)
            return ToolMissing.exit_code
    except ToolMissing as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    args.out.mkdir(parents=True, exist_ok=True)
    record_path = args.out / RECORD
    record = json.loads(record_path.read_text(encoding="utf-8")) if record_path.is_file() else {}
    built = {}
    for name, (make, title) in TEMPLATES.items():
        doc, headers = make()
        built[f"{name}.docx"] = package(doc, headers, args.font, title)
    edited = [n for n, data in built.items() if (args.out / n).is_file()
              and _sha256((args.out / n).read_bytes()) not in (record.get(n), _sha256(data))]
    if edited and not args.overwrite:
        print(f"{', '.join(edited)} in {args.out} is met de hand bewerkt (anders dan wat dit script het laatst "
              "schreef); er is niets geschreven. Neem de wijziging over in templates/generate.py, of gebruik "
              "--overwrite om haar weg te gooien.", file=sys.stderr)
        return 1
    for name, data in built.items():
        (args.out / name).write_bytes(data)
        record[name] = _sha256(data)
        print(args.out / name)
    record_path.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 0


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
