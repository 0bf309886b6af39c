"""Fonts of a tagged PDF as a reader decodes them: ToUnicode maps, code widths."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pikepdf
from pikepdf import Array, Dictionary, Name

# --------------------------------------------------------------------------- fonts


_HEX_RX = re.compile(rb"<([0-9A-Fa-f]*)>")
_BFRANGE_RX = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]*>)")


def _utf16(hexdigits: bytes) -> str:
    return bytes.fromhex(hexdigits.decode("ascii")).decode("utf-16-be", "replace")


def _parse_tounicode(data: bytes) -> tuple[dict[bytes, str], int]:
    """The bfchar/bfrange entries of a ToUnicode CMap, and its code length in bytes."""
    space = re.search(rb"begincodespacerange\s*<([0-9A-Fa-f]+)>", data)
    width = len(space.group(1)) // 2 if space else 1
    mapping: dict[bytes, str] = {}
    for block in re.finditer(rb"beginbfchar(.*?)endbfchar", data, re.DOTALL):
        codes = _HEX_RX.findall(block.group(1))
        for src, dst in zip(codes[::2], codes[1::2], strict=False):
            mapping[bytes.fromhex(src.decode("ascii"))] = _utf16(dst)
    for block in re.finditer(rb"beginbfrange(.*?)endbfrange", data, re.DOTALL):
        for match in _BFRANGE_RX.finditer(block.group(1)):
            low, high = int(match.group(1), 16), int(match.group(2), 16)
            size = len(match.group(1)) // 2
            target = match.group(3)
            if target.startswith(b"["):
                for i, dst in enumerate(_HEX_RX.findall(target)):
                    mapping[(low + i).to_bytes(size, "big")] = _utf16(dst)
            else:
                base_bytes = bytes.fromhex(target[1:-1].decode("ascii"))
                base = int.from_bytes(base_bytes, "big")
                for i in range(high - low + 1):
                    value = (base + i).to_bytes(len(base_bytes), "big")
                    mapping[(low + i).to_bytes(size, "big")] = value.decode("utf-16-be", "replace")
    return mapping, width


class _Font:
    """Decodes a font's codes to Unicode and knows each code's advance width."""

    def __init__(self, font: Dictionary):
        self.composite = font.get(Name.Subtype) == Name.Type0
        self.width = 2 if self.composite else 1
        self.map: dict[bytes, str] | None = None
        to_unicode = font.get(Name.ToUnicode)
        if isinstance(to_unicode, pikepdf.Stream):
            try:
                self.map, self.width = _parse_tounicode(to_unicode.read_bytes())
            except (pikepdf.PdfError, ValueError):
                self.map = None
        self.widths: dict[int, float] = {}
        self.default_width = 0.0
        if self.composite:
            kids = font.get(Name.DescendantFonts)
            cid = kids[0] if isinstance(kids, Array) and len(kids) else Dictionary()
            self.default_width = float(cid.get(Name.DW, 1000))
            self._read_cid_widths(cid.get(Name.W))
        else:
            first = int(font.get(Name.FirstChar, 0))
            for i, w in enumerate(font.get(Name.Widths, Array())):
                self.widths[first + i] = float(w)
            desc = font.get(Name.FontDescriptor)
            if isinstance(desc, Dictionary):
                self.default_width = float(desc.get(Name.MissingWidth, 0))

    def _read_cid_widths(self, w: object) -> None:
        if not isinstance(w, Array):
            return
        items, i = list(w), 0
        while i + 1 < len(items):
            start = int(items[i])
            if isinstance(items[i + 1], Array):
                for j, value in enumerate(items[i + 1]):
                    self.widths[start + j] = float(value)
                i += 2
            elif i + 2 < len(items):
                for code in range(start, int(items[i + 1]) + 1):
                    self.widths[code] = float(items[i + 2])
                i += 3
            else:
                break

    def codes(self, data: bytes) -> Iterator[tuple[bytes, int]]:
        for i in range(0, len(data) - self.width + 1, self.width):
            chunk = data[i:i + self.width]
            yield chunk, int.from_bytes(chunk, "big")

    def text(self, chunk: bytes) -> str:
        if self.map is not None and chunk in self.map:
            return self.map[chunk]
        if self.composite:
            return "\ufffd"
        return chunk.decode("cp1252", "replace")

    def advance(self, code: int) -> float:
        return self.widths.get(code, self.default_width) / 1000.0


