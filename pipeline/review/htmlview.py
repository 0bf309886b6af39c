"""The redacted document model as HTML: the text as it will read in public, every decision marked."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from pipeline.kinds import BY_NAME
from pipeline.model.document import Block, Contents, Document, FootnoteRef, Heading, Paragraph, Span, TableBlock, Text
from pipeline.plan import Plan
from pipeline.review.decisions import GRONDEN
from pipeline.review.state import Item

FIELD_LABEL = {
    "ter_label": "Ter", "ter_colofon": "Ter (colofon)", "bijlagen": "Bijlagen", "opsteller_naam": "Opsteller",
    "opsteller_telefoon": "Telefoon opsteller", "opsteller_email": "E-mail opsteller", "besluit_oordeel": "Besluit",
    "besluit_datum": "Datum besluit", "besluit_naam": "Besloten door", "besluit_functie": "Functie",
    "besluit_opmerking": "Opmerking", "contact_naam": "Contactpersoon", "contact_telefoon": "Telefoon",
    "contact_email": "E-mail",
}


@dataclass
class Marks:
    """What to highlight in the unredacted text, and the anchors found while rendering."""

    items: dict[str, str]                     # text -> item key (open decisions)
    kept: dict[str, str]                      # text -> why it stays visible
    anchors: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    redactions: list[tuple[str, str, str, str]] = field(default_factory=list)  # (anchor, doc, grond, text)
    _pattern: re.Pattern[str] | None = None

    def pattern(self) -> re.Pattern[str] | None:
        if self._pattern is None:
            texts = sorted({*self.items, *self.kept}, key=len, reverse=True)
            texts = [t for t in texts if t.strip()]
            if not texts:
                return None
            self._pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in texts) + r")(?!\w)")
        return self._pattern


def kept_people(plan: Plan) -> dict[str, str]:
    """Names printed and kept visible (politicians, spokespeople, `publiek`), with their rol."""
    rol_of = {}
    for person in plan.content.personen.values():
        rol_of[str(person.naam)] = person.rol
    return {text: rol_of.get(text, "blijft zichtbaar") for text in plan.redaction.kept}


class _Renderer:
    def __init__(self, doc: Document, plan: Plan, marks: Marks):
        self.doc, self.plan, self.marks = doc, plan, marks
        self.footnotes: list[Markup] = []

    def text(self, text: Text) -> Markup:
        out: list[str] = []
        for inline in text:
            if isinstance(inline, FootnoteRef):
                body = Markup(" ").join(self.text(p.inlines) for p in inline.body)
                self.footnotes.append(body)
                n = len(self.footnotes)
                out.append(f'<sup class="fn"><a href="#{self.doc.kind}-fn{n}">{n}</a></sup>')
            else:
                out.append(self.span(inline))
        return Markup("".join(out))

    def span(self, span: Span) -> str:
        if span.redaction is not None:
            red = span.redaction
            anchor = f"lak-{len(self.marks.redactions)}"
            self.marks.redactions.append((anchor, self.doc.kind, red.ground, span.text))
            label = GRONDEN.get(red.ground, "")
            why = f"{red.ground} – {label}" + (f"; {red.reason}" if red.reason else "")
            return (f'<span class="lak" id="{anchor}" data-grond="{escape(red.ground)}" title="{escape(why)}">'
                    f'<span class="orig">{escape(span.text)}</span><span class="code">{escape(red.ground)}</span>'
                    "</span>")
        inner = self.plain(span.text)
        if span.bold:
            inner = f"<strong>{inner}</strong>"
        if span.italic:
            inner = f"<em>{inner}</em>"
        if span.person_id:
            person = self.plan.content.personen.get(span.person_id)
            if person is not None:
                inner = f'<span class="kept" title="blijft zichtbaar: {escape(person.rol)}">{inner}</span>'
        return inner

    def plain(self, text: str) -> str:
        pattern = self.marks.pattern()
        if pattern is None:
            return str(escape(text))
        out, pos = [], 0
        for m in pattern.finditer(text):
            out.append(str(escape(text[pos:m.start()])))
            found = m.group(1)
            key = self.marks.items.get(found)
            if key is not None:
                anchors = self.marks.anchors[key]
                anchor = f"{key}-{len(anchors)}"
                anchors.append((self.doc.kind, anchor))
                out.append(f'<mark class="open" id="{anchor}" data-item="{key}" tabindex="-1">{escape(found)}</mark>')
            else:
                rol = self.marks.kept.get(found, "")
                out.append(f'<span class="kept" title="blijft zichtbaar: {escape(rol)}">{escape(found)}</span>')
            pos = m.end()
        out.append(str(escape(text[pos:])))
        return "".join(out)

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            tag = "h3" if block.level <= 1 else "h4"
            label = f"{escape(block.label)} " if block.label else ""
            return f"<{tag}>{label}{self.text(block.text)}</{tag}>"
        if isinstance(block, Paragraph):
            return self.paragraph(block)
        if isinstance(block, TableBlock):
            head = "".join(f"<th>{self.cell(c)}</th>" for c in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{self.cell(c)}</td>" for c in row) + "</tr>" for row in block.rows)
            return f'<table class="doc-table"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        if isinstance(block, Contents):
            return '<p class="toc">[inhoudsopgave]</p>'
        return ""

    def cell(self, cell: list[Paragraph]) -> str:
        return "".join(str(self.text(p.inlines)) for p in cell)

    def paragraph(self, p: Paragraph) -> str:
        cls = {"bullet": "li bullet", "number": "li number"}.get(p.kind, "p")
        return f'<p class="{cls}">{self.text(p.inlines)}</p>'

    def render(self) -> Markup:
        parts = [f'<article class="doc" id="doc-{self.doc.kind}" data-doc="{self.doc.kind}">',
                 f"<h2>{escape(BY_NAME[self.doc.kind].label if self.doc.kind in BY_NAME else self.doc.kind)}</h2>"]
        fields = [(k, v) for k, v in self.doc.fields.items() if v and any(isinstance(i, Span) and i.text.strip()
                                                                           for i in v)]
        if fields:
            parts.append('<table class="colofon">')
            for key, text in fields:
                label = FIELD_LABEL.get(key, key.replace("_", " ").capitalize())
                parts.append(f"<tr><th>{escape(label)}</th><td>{self.text(text)}</td></tr>")
            parts.append("</table>")
        for name, rows in self.doc.rows.items():
            if not rows:
                continue
            parts.append(f'<table class="rows"><caption>{escape(name.replace("_", " ").capitalize())}</caption>')
            for row in rows:
                parts.append("<tr>" + "".join(f"<td>{self.text(v)}</td>" for v in row.values()) + "</tr>")
            parts.append("</table>")
        parts.append('<div class="body">')
        parts += [self.block(b) for b in self.doc.body]
        parts.append("</div>")
        if self.footnotes:
            parts.append('<ol class="footnotes">')
            parts += [f'<li id="{self.doc.kind}-fn{i}">{fn}</li>' for i, fn in enumerate(self.footnotes, 1)]
            parts.append("</ol>")
        parts.append("</article>")
        return Markup("".join(parts))


def render_plan(plan: Plan, items: list[Item]) -> tuple[dict[str, Markup], Marks]:
    """Every document of the dossier as HTML, and the anchors of every open decision and redaction."""
    marks = Marks({form: i.key for i in items for form in i.forms}, kept_people(plan))
    html = {kind: _Renderer(doc, plan, marks).render() for kind, doc in plan.docs.items()}
    return html, marks
