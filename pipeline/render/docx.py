"""Render a model Document into a DOCX through its docxtpl template.

All text reaches the template as WordprocessingML runs that this module writes itself from
model Spans (escaped here, once); Jinja renders with autoescape in a sandbox with strict
undefined variables, so content is data and can never become template code.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from xml.sax.saxutils import escape, quoteattr

from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docxtpl import DocxTemplate
from jinja2 import TemplateError, UndefinedError
from lxml import etree
from markupsafe import Markup

from pipeline.errors import RenderError
from pipeline.model.document import Block, Contents, Document, FootnoteRef, Heading, Paragraph, Span, TableBlock, Text
from pipeline.render import jinja
from pipeline.render import logo as logos
from pipeline.render import package as docxpkg
from pipeline.render.cleanup import prune_unreferenced
from pipeline.render.logo import Logo
from pipeline.render.package import CT, PKG_REL, REL_FOOTNOTES, REL_HYPERLINK, R, W

log = logging.getLogger(__name__)

SIGNING, PUBLIC, REVIEW = "signing", "public", "review"
WATERMARK_TEXT = "LAKVOORSTEL – NIET OPENBAAR"
REVIEW_MARKER = "LAKVOORSTEL-NIET-OPENBAAR"
CONCEPT_TEXT = "CONCEPT – PARAFENROUTE NOG OPEN"  # a signing document whose route is not complete
BULLET_NUM_ID = 10
NUMBER_ABSTRACT_ID = 11
LETTER_ABSTRACT_ID = 12  # added to numbering.xml by the renderer when a document has a lettered list
FIRST_LIST_NUM_ID = 1000


@dataclass
class Meta:
    """Document properties set after rendering (never through the template)."""

    title: str
    author: str          # the organisation, never a person
    subject: str
    date: dt.date
    keywords: str = ""
    logo: Logo | None = None  # the organisation's, on templates that have a {{ logo }} (nota, Kamerbrief)


@dataclass
class _Ctx:
    """State collected while writing one document's XML."""

    mode: str
    footnotes: list[str] = field(default_factory=list)
    links: dict[str, dict[str, str]] = field(default_factory=lambda: {"document": {}, "footnotes": {}})
    lists: set[int] = field(default_factory=set)
    letter_lists: set[int] = field(default_factory=set)
    bookmark_id: int = 0
    part: str = "document"

    def link_id(self, url: str) -> str:
        table = self.links[self.part]
        if url not in table:
            table[url] = f"rIdLink{len(table) + 1}"
        return table[url]


# --- inline ------------------------------------------------------------------------------

def _rpr(span: Span, extra: str = "") -> str:
    props = ("<w:b/><w:bCs/>" if span.bold else "") + ("<w:i/><w:iCs/>" if span.italic else "") + extra
    return f"<w:rPr>{props}</w:rPr>" if props else ""


def _t(text: str) -> str:
    # Braces as character references: docxtpl rewrites "{_{" in rendered XML, and content must
    # print exactly as typed.
    safe = escape(text).replace("{", "&#123;").replace("}", "&#125;")
    return f'<w:t xml:space="preserve">{safe}</w:t>'


def _text_runs(text: str, rpr: str) -> str:
    """Runs for text; a newline becomes a line break."""
    parts = text.split("\n")
    out = []
    for i, part in enumerate(parts):
        if i:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        if part:
            out.append(f"<w:r>{rpr}{_t(part)}</w:r>")
    return "".join(out)


def _redaction_mark(span: Span) -> str:
    """The public mark: a filled box with the Woo code as real text, nothing of the original."""
    assert span.redaction is not None
    rpr = ('<w:rPr><w:b/><w:bCs/><w:i w:val="0"/><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" '
           'w:fill="000000"/><w:lang w:val="nl-NL"/></w:rPr>')
    return f"<w:r>{rpr}{_t(chr(0xA0) + span.redaction.ground + chr(0xA0))}</w:r>"


def _review_mark(span: Span) -> str:
    """The lakvoorstel: the text stays readable, highlighted, followed by its code."""
    assert span.redaction is not None
    text = _text_runs(span.text, _rpr(span, '<w:highlight w:val="yellow"/>'))
    code = ('<w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="C00000"/>'
            '<w:vertAlign w:val="superscript"/></w:rPr>')
    # A plain space first, so text extraction and screen readers get "S. Öztürk 5.1.2e", not "Öztürk5.1.2e".
    return text + '<w:r><w:t xml:space="preserve"> </w:t></w:r>' + f"<w:r>{code}{_t(span.redaction.ground)}</w:r>"


def runs(text: Text, ctx: _Ctx) -> str:
    out = []
    for k, inline in enumerate(text):
        if isinstance(inline, FootnoteRef):
            if k and isinstance(text[k - 1], FootnoteRef):
                out.append(FOOTNOTE_SEPARATOR)  # "1,2", never "12", which reads as footnote 12
            out.append(_footnote(inline, ctx))
        elif inline.redaction is not None and ctx.mode == PUBLIC:
            out.append(_redaction_mark(inline))
        elif inline.redaction is not None and ctx.mode == REVIEW:
            out.append(_review_mark(inline))
        elif inline.link:
            rid = ctx.link_id(inline.link)
            body = _text_runs(inline.text, _rpr(inline, '<w:rStyle w:val="Hyperlink"/>'))
            out.append(f'<w:hyperlink r:id="{rid}" w:history="1">{body}</w:hyperlink>')
        else:
            out.append(_text_runs(inline.text, _rpr(inline)))
    return "".join(out)


FOOTNOTE_SEPARATOR = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>,</w:t></w:r>'


def _footnote(ref: FootnoteRef, ctx: _Ctx) -> str:
    number = len(ctx.footnotes) + 1
    outer, ctx.part = ctx.part, "footnotes"
    paras = []
    for i, para in enumerate(ref.body):
        lead = ('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                '<w:r><w:t xml:space="preserve"> </w:t></w:r>') if i == 0 else ""
        paras.append(f'<w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>{lead}{runs(para.inlines, ctx)}</w:p>')
    ctx.part = outer
    ctx.footnotes.append(f'<w:footnote w:id="{number}">{"".join(paras)}</w:footnote>')
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{number}"/></w:r>'


# --- blocks ------------------------------------------------------------------------------

def _paragraph(p: Paragraph, ctx: _Ctx, default_style: str = "Tekst") -> str:
    style = p.style or {"bullet": "Opsomming", "number": "Nummering", "letter": "Nummering"}.get(p.kind, default_style)
    num = ""
    if p.kind in ("number", "letter"):
        num_id = FIRST_LIST_NUM_ID + p.list_id
        (ctx.lists if p.kind == "number" else ctx.letter_lists).add(num_id)
        num = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
    # The last item of a list gets the space after a paragraph, so the text after it does not stick to it.
    space = '<w:spacing w:after="264"/>' if p.list_end else ""
    jc = f'<w:jc w:val="{p.align}"/>' if p.align else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{num}{space}{jc}</w:pPr>{runs(p.inlines, ctx)}</w:p>'


def _heading(h: Heading, ctx: _Ctx) -> str:
    label = f"<w:r>{_t(h.label + ' ')}</w:r>" if h.label else ""
    inner = label + runs(h.text, ctx)
    if h.anchor:
        ctx.bookmark_id += 1
        bid = ctx.bookmark_id
        inner = (f'<w:bookmarkStart w:id="{bid}" w:name={quoteattr(h.anchor)}/>{inner}'
                 f'<w:bookmarkEnd w:id="{bid}"/>')
    spacing = '<w:spacing w:before="264"/>' if h.level == 1 else ""
    return f'<w:p><w:pPr><w:pStyle w:val="Heading{h.level}"/>{spacing}</w:pPr>{inner}</w:p>'


def _contents(c: Contents, ctx: _Ctx) -> str:
    out = [f'<w:p><w:pPr><w:pStyle w:val="TOCHeading"/></w:pPr><w:r>{_t("Inhoud")}</w:r></w:p>']
    for h in c.entries:
        # A PAGEREF field: LibreOffice computes the page at layout time, so no second pass is needed.
        label = f"<w:r>{_t(h.label)}</w:r><w:r><w:tab/></w:r>" if h.label else ""
        out.append(
            f'<w:p><w:pPr><w:pStyle w:val="TOC{min(h.level, 2)}"/></w:pPr>'
            f'<w:hyperlink w:anchor={quoteattr(h.anchor)} w:history="1">{label}{runs(h.text, ctx)}'
            '<w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> PAGEREF {h.anchor} \\h </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:hyperlink></w:p>')
    out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    return "".join(out)


def _table(tb: TableBlock, ctx: _Ctx) -> str:
    ncols = max(len(tb.header), max((len(r) for r in tb.rows), default=0), 1)
    width = 9000 // ncols

    def row(cells: list[list[Paragraph]], header: bool) -> str:
        trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
        tcs = []
        for cell in cells:
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>' if header else ""
            inner = "".join(_paragraph(p, ctx, "TabelTekst") for p in cell) or "<w:p/>"
            tcs.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>{inner}</w:tc>')
        return f"<w:tr>{trpr}{''.join(tcs)}</w:tr>"

    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(ncols))
    return ('<w:tbl><w:tblPr><w:tblStyle w:val="Tabel"/><w:tblW w:w="5000" w:type="pct"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{row(tb.header, True)}{''.join(row(r, False) for r in tb.rows)}"
            '</w:tbl><w:p><w:pPr><w:spacing w:after="120"/></w:pPr></w:p>')


def blocks(body: list[Block], ctx: _Ctx) -> str:
    out = []
    for block in body:
        if isinstance(block, Paragraph):
            out.append(_paragraph(block, ctx))
        elif isinstance(block, Heading):
            out.append(_heading(block, ctx))
        elif isinstance(block, TableBlock):
            out.append(_table(block, ctx))
        elif isinstance(block, Contents):
            out.append(_contents(block, ctx))
    return "".join(out)


# --- template + package ------------------------------------------------------------------

def _joined(rows: list[Text], ctx: _Ctx) -> Markup:
    """Several short texts on their own lines, as one run-level value."""
    parts = [runs(r, ctx) for r in rows]
    return Markup("<w:r><w:br/></w:r>".join(parts))


def context(doc: Document, ctx: _Ctx) -> dict[str, object]:
    values: dict[str, object] = {name: Markup(runs(text, ctx)) for name, text in doc.fields.items()}
    for name, rows in doc.rows.items():
        values[name] = [{k: Markup(runs(v, ctx)) for k, v in row.items()} for row in rows]
    if "kopie_aan" in doc.rows:
        values["kopie_aan"] = _joined([r["naam"] for r in doc.rows["kopie_aan"]], ctx)
    values.update(doc.flags)
    values["body"] = Markup(blocks(doc.body, ctx))
    mark = WATERMARK_TEXT if ctx.mode == REVIEW else CONCEPT_TEXT if doc.flags.get("concept") else ""
    values["watermerk"] = Markup(f"<w:r>{_t(mark)}</w:r>" if mark else "")
    return values


class _StrictTemplate(DocxTemplate):
    """docxtpl repairs broken XML silently (recover=True); we parse strictly first and fail."""

    def patch_xml(self, src_xml: str) -> str:
        return jinja.patched(src_xml, super().patch_xml)  # once per distinct template part (jinja.py)

    def build_xml(self, context: dict[str, Any], jinja_env: Any = None) -> str:
        xml = super().build_xml(context, jinja_env)
        docxpkg.parse_strict("word/document.xml", xml.encode("utf-8"))
        return xml

    def build_headers_footers_xml(self, context: dict[str, Any], uri: str, jinja_env: Any = None) -> Any:
        for rel_key, xml in super().build_headers_footers_xml(context, uri, jinja_env):
            docxpkg.parse_strict(f"kop-/voettekst {rel_key}", xml if isinstance(xml, bytes) else xml.encode("utf-8"))
            yield rel_key, xml


def render_docx(template: Path, doc: Document, meta: Meta, mode: str) -> bytes:
    """Fill the template with the document and return finished, validated DOCX bytes."""
    ctx = _Ctx(mode)
    values = context(doc, ctx)
    tpl = _StrictTemplate(str(template))
    values["logo"] = logos.inline(tpl, meta.logo)
    try:
        tpl.render(values, jinja.environment(), autoescape=True)
    except (TemplateError, UndefinedError) as exc:
        raise RenderError(f"de template {template.name} kan niet worden gevuld: {exc}") from exc
    parts = _saved_parts(tpl)
    logos.write_alt(parts, meta.logo)
    _finish(parts, ctx, meta, mode)
    docxpkg.validate_all(parts)
    return docxpkg.write_package(parts)


class _Members:
    """A PhysPkgWriter (python-docx's writer of a package's members) that keeps each member's bytes
    instead of zipping it."""

    def __init__(self) -> None:
        self.parts: dict[str, bytes] = {}

    def write(self, pack_uri: Any, blob: bytes | str) -> None:
        # (as ZipFile.writestr takes them: a text as UTF-8, a member written twice read back as its last)
        self.parts[pack_uri.membername] = blob.encode("utf-8") if isinstance(blob, str) else blob

    def close(self) -> None:
        pass


def _saved_parts(tpl: DocxTemplate) -> dict[str, bytes]:
    """The parts tpl.save() writes, by member name in the order written: what read_parts() read back from
    its ZIP, without deflating every part to inflate it again at once (a tenth of rendering a DOCX).

    As DocxTemplate.save, OpcPackage.save and PackageWriter.write do; docxtpl's post-processing (media,
    embedded files or members replaced) is not used here, and the ZIP is taken where it would be.
    """
    if tpl.crc_to_new_media or tpl.crc_to_new_embedded or tpl.zipname_to_replace:
        buf = io.BytesIO()
        tpl.save(buf)
        return docxpkg.read_parts(buf.getvalue())
    tpl.pre_processing()
    package = tpl.docx.part.package
    for part in package.parts:
        part.before_marshal()
    parts = package.parts  # (OpcPackage.save hands PackageWriter.write this second list)
    members = _Members()
    writer = cast(PhysPkgWriter, members)
    PackageWriter._write_content_types_stream(writer, parts)
    PackageWriter._write_pkg_rels(writer, package.rels)
    PackageWriter._write_parts(writer, parts)
    tpl.is_saved = True
    return members.parts


def _finish(parts: dict[str, bytes], ctx: _Ctx, meta: Meta, mode: str) -> None:
    _write_footnotes(parts, ctx)
    _write_lists(parts, ctx)
    _write_links(parts, ctx)
    prune_unreferenced(parts)
    _write_properties(parts, meta, mode)


def _write_footnotes(parts: dict[str, bytes], ctx: _Ctx) -> None:
    name = "word/footnotes.xml"
    if name not in parts:
        raise RenderError("de template heeft geen word/footnotes.xml; genereer de templates opnieuw")
    root = docxpkg.parse_strict(name, parts[name])
    for node in root.findall(f"{{{W}}}footnote"):
        if int(node.get(f"{{{W}}}id", "0")) > 0:
            root.remove(node)
    for xml in ctx.footnotes:
        root.append(_fragment(xml))
    parts[name] = docxpkg.serialize(root)


def _fragment(xml: str) -> etree._Element:
    wrapped = f'<root xmlns:w="{W}" xmlns:r="{R}">{xml}</root>'
    return docxpkg.parse_strict("voetnoot", wrapped.encode("utf-8"))[0]


def _write_lists(parts: dict[str, bytes], ctx: _Ctx) -> None:
    """One w:num per numbered list, so every list starts again at 1."""
    if not ctx.lists and not ctx.letter_lists:
        return
    name = "word/numbering.xml"
    root = docxpkg.parse_strict(name, parts[name])
    if ctx.letter_lists:
        _add_letter_abstract(root)
    for num_id in sorted(ctx.lists | ctx.letter_lists):
        abstract = NUMBER_ABSTRACT_ID if num_id in ctx.lists else LETTER_ABSTRACT_ID
        root.append(_fragment(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    parts[name] = docxpkg.serialize(root)


def _add_letter_abstract(root: etree._Element) -> None:
    """A copy of the template's numbered list with "a.", "b.", ... (abstractNums come before the nums)."""
    number = root.find(f"{{{W}}}abstractNum[@{{{W}}}abstractNumId='{NUMBER_ABSTRACT_ID}']")
    if number is None:
        raise RenderError("de template heeft geen genummerde lijst in word/numbering.xml; "
                          "genereer de templates opnieuw")
    letter = copy.deepcopy(number)
    letter.set(f"{{{W}}}abstractNumId", str(LETTER_ABSTRACT_ID))
    for fmt in letter.iter(f"{{{W}}}numFmt"):
        fmt.set(f"{{{W}}}val", "lowerLetter")
    number.addnext(letter)


def _write_links(parts: dict[str, bytes], ctx: _Ctx) -> None:
    for part, table in ctx.links.items():
        if not table:
            continue
        rels_name = f"word/_rels/{part}.xml.rels"
        if rels_name in parts:
            root = docxpkg.parse_strict(rels_name, parts[rels_name])
        else:
            root = etree.Element(f"{{{PKG_REL}}}Relationships", nsmap={None: PKG_REL})
        for url, rid in sorted(table.items(), key=lambda kv: kv[1]):
            rel = etree.SubElement(root, f"{{{PKG_REL}}}Relationship")
            rel.set("Id", rid)
            rel.set("Type", REL_HYPERLINK)
            rel.set("Target", url)
            rel.set("TargetMode", "External")
        parts[rels_name] = docxpkg.serialize(root)


def _write_properties(parts: dict[str, bytes], meta: Meta, mode: str) -> None:
    """Core and app properties written by us: title, organisation as author, fixed dates."""
    stamp = dt.datetime.combine(meta.date, dt.time(12, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")
    keywords = meta.keywords + (f" {REVIEW_MARKER}" if mode == REVIEW else "")
    parts["docProps/core.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(meta.title)}</dc:title><dc:subject>{escape(meta.subject)}</dc:subject>"
        f"<dc:creator>{escape(meta.author)}</dc:creator><cp:keywords>{escape(keywords.strip())}</cp:keywords>"
        f"<cp:lastModifiedBy>{escape(meta.author)}</cp:lastModifiedBy><dc:language>nl-NL</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>").encode()
    parts["docProps/app.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        f"<Application>pipeline</Application><Company>{escape(meta.author)}</Company></Properties>").encode()
    parts.pop("docProps/custom.xml", None)
    _ensure_content_type(parts, "/docProps/core.xml",
                         "application/vnd.openxmlformats-package.core-properties+xml")


def _ensure_content_type(parts: dict[str, bytes], part: str, ctype: str) -> None:
    name = "[Content_Types].xml"
    root = docxpkg.parse_strict(name, parts[name])
    if any(o.get("PartName") == part for o in root.findall(f"{{{CT}}}Override")):
        return
    node = etree.SubElement(root, f"{{{CT}}}Override")
    node.set("PartName", part)
    node.set("ContentType", ctype)
    parts[name] = docxpkg.serialize(root)


__all__ = ["PUBLIC", "REL_FOOTNOTES", "REVIEW", "SIGNING", "Meta", "render_docx"]
