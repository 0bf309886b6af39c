"""Text as the glyphs show it: shown strings decoded by the font's encoding, not by its ToUnicode map.

Both text layers of the gate (pdftotext, PDFium) trust a font's /ToUnicode map. A map that
sends the glyphs of "Ouwehand" to "Xxxxxxxx" hides the name from both while every reader
sees it on the page. For a simple font with an encoding (a named base encoding and its
/Differences, the glyph names of the Adobe Glyph List) the code itself says which glyph is
drawn, so the page can be read without the map. Fonts without such an encoding
are read by their glyph outlines (outlines.py): LibreOffice's symbolic TrueType subsets.
Identity-H CID fonts are left to the two text layers.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import pikepdf

from pipeline.checks.gate import outlines
from pipeline.finish.tagged.fonts import _parse_tounicode

_BASE = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman", "/StandardEncoding": "latin-1",
         "/PDFDocEncoding": "latin-1"}
_STANDARD_14 = ("Helvetica", "Times", "Courier")
_POSITION = frozenset({"Td", "TD", "T*", "Tm", "'", '"', "BT", "ET"})


def _glyph_char(name: str) -> str:
    from pypdf._codecs import adobe_glyphs  # the Adobe Glyph List as pypdf ships it

    if name in adobe_glyphs:
        return str(adobe_glyphs[name])
    if name.startswith("/uni") and len(name) == 8:
        try:
            return chr(int(name[4:], 16))
        except ValueError:
            return ""
    return ""


def _claimed(font: pikepdf.Object) -> dict[int, str]:
    """What the font's ToUnicode map says each one-byte code is (to be checked, not trusted)."""
    stream = font.get("/ToUnicode")
    if not isinstance(stream, pikepdf.Stream):
        return {}
    try:
        mapping, width = _parse_tounicode(stream.read_bytes())
    except (pikepdf.PdfError, ValueError):
        return {}
    return {code[0]: text for code, text in mapping.items() if width == 1 and len(code) == 1}


class _Decoder:
    """Byte code -> character for one simple font, from its encoding alone (None: no encoding to trust)."""

    def __init__(self, font: pikepdf.Object):
        self.table: dict[int, str] | None = None
        self.claimed: dict[int, str] | None = None  # the font's ToUnicode, once read
        if font.get("/Subtype") not in ("/Type1", "/TrueType", "/MMType1"):
            return
        if font.get("/Subtype") == "/TrueType" and "/Encoding" not in font:
            self.claimed = _claimed(font)
            self.table = outlines.code_table(font, self.claimed)
            return
        enc = font.get("/Encoding")
        base = str(enc) if isinstance(enc, pikepdf.Name) else None
        diffs = None
        if isinstance(enc, pikepdf.Dictionary):
            base = str(enc.get("/BaseEncoding", "/StandardEncoding"))
            diffs = enc.get("/Differences")
        if base is None and not any(s in str(font.get("/BaseFont", "")) for s in _STANDARD_14):
            return
        codec = _BASE.get(base or "/StandardEncoding", "latin-1")
        table = {i: codecs.decode(bytes([i]), codec, errors="ignore") for i in range(256)}
        if isinstance(diffs, pikepdf.Array):
            code = 0
            for item in diffs:
                if isinstance(item, int | pikepdf.Object) and not isinstance(item, pikepdf.Name):
                    try:
                        code = int(item)
                        continue
                    except (TypeError, ValueError):
                        continue
                table[code % 256] = _glyph_char(str(item))
                code += 1
        self.table = table

    def text(self, data: bytes) -> str:
        assert self.table is not None
        return "".join(self.table.get(b, "") for b in data)

    def lies(self, font: pikepdf.Object) -> bool:
        """The ToUnicode map names another letter or digit than the glyph shows, for some code."""
        if self.table is None:
            return False
        claimed = self.claimed if self.claimed is not None else _claimed(font)  # (font: the one it was made of)
        return any(c.isalnum() and len(said) == 1 and said.isalnum() and said != c
                   for code, c in self.table.items() if (said := claimed.get(code, c)))


def glyph_text(doc: pikepdf.Pdf) -> Iterator[tuple[int, str]]:
    """Per page (1-based), the shown text where a font's ToUnicode map and its glyphs disagree.

    Where every font's map says what its glyphs show, the two text layers already read the
    page as it looks, and the content streams are not read a third time.
    """
    decoders: dict[tuple[int, int], _Decoder] = {}
    fonts = [obj for obj in doc.objects if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"]
    if not any(_decoder(font, decoders).lies(font) for font in fonts):
        return
    for number, page in enumerate(doc.pages, 1):
        parts: list[str] = []
        _read(page.obj, page.obj.get("/Resources"), parts, set(), decoders)
        text = "".join(parts)
        if text.strip():
            yield number, text


def _decoder(font: pikepdf.Object, cache: dict[tuple[int, int], _Decoder]) -> _Decoder:
    if not font.is_indirect:
        return _Decoder(font)
    if font.objgen not in cache:
        cache[font.objgen] = _Decoder(font)
    return cache[font.objgen]


def _read(owner: pikepdf.Object, resources: object, parts: list[str], seen: set[tuple[int, int]],
          cache: dict[tuple[int, int], _Decoder]) -> None:
    res = resources if isinstance(resources, pikepdf.Dictionary) else pikepdf.Dictionary()
    fonts: pikepdf.Object = res.get("/Font", pikepdf.Dictionary())
    xobjects: pikepdf.Object = res.get("/XObject", pikepdf.Dictionary())
    decoders: dict[str, _Decoder] = {}
    current: _Decoder | None = None
    try:
        instructions = pikepdf.parse_content_stream(owner)
    except pikepdf.PdfError:
        return
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        operands, op = instruction.operands, str(instruction.operator)
        if op == "Tf" and operands:
            key = str(operands[0])
            if key not in decoders and key in fonts:
                decoders[key] = _decoder(fonts[key], cache)
            current = decoders.get(key)
        elif op in _POSITION:
            parts.append(" ")
        if op in ("Tj", "'", '"', "TJ") and current is not None and current.table is not None:
            for operand in operands:
                items = list(operand) if isinstance(operand, pikepdf.Array) else [operand]
                for item in items:
                    if isinstance(item, pikepdf.String):
                        parts.append(current.text(bytes(item)))
        elif op == "Do" and operands and str(operands[0]) in xobjects:
            xobj = xobjects[str(operands[0])]
            if xobj.get("/Subtype") == "/Form" and xobj.objgen not in seen:
                seen.add(xobj.objgen)
                _read(xobj, xobj.get("/Resources", resources), parts, seen, cache)
