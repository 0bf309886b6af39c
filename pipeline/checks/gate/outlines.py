"""Which character each glyph of an embedded TrueType subset draws, by its outline, not by ToUnicode.

LibreOffice embeds symbolic TrueType subsets: code n draws glyph n, and nothing in the
font says which letter that is; only the /ToUnicode map does, and the gate must not trust
that map alone. The subset's glyphs are copied from an installed font, so the outline of
each one (its points, composites resolved) is looked up among the outlines of that font
as fontconfig finds it by PostScript name. A glyph found there is the character the
installed font maps to it; a glyph not found (another font version) is left unknown.
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import subprocess
import threading
from collections.abc import Iterable
from pathlib import Path

import pikepdf

Key = tuple[object, ...]
logging.getLogger("fontTools").setLevel(logging.ERROR)  # subsets have a zero 'modified' date; that is no news
# fontTools expands glyphs lazily and is not made for threads; the gate reads PDFs in threads that
# share the installed fonts below, so one code table is made at a time (it is Python: no loss).
_FONTS = threading.Lock()


# Outline keys of simple glyphs by their bytes: a glyph is copied into every subset of a font as it
# is, so each letter is decompiled once per run, not once per PDF. (A composite glyph names its parts
# by glyph index, which differs per subset: it is decompiled every time.)
_SIMPLE: dict[bytes, Key | None] = {}


def _key(glyf: object, name: str) -> Key | None:
    raw = getattr(getattr(glyf, "glyphs", {}).get(name), "data", None)  # before glyf[name] expands it
    if isinstance(raw, bytes) and len(raw) >= 10 and int.from_bytes(raw[:2], "big", signed=True) >= 0:
        if raw not in _SIMPLE:
            _SIMPLE[raw] = _outline_key(glyf, name)
        return _SIMPLE[raw]
    return _outline_key(glyf, name)


def _outline_key(glyf: object, name: str) -> Key | None:
    try:
        coords, ends, flags = glyf[name].getCoordinates(glyf)  # type: ignore[index]
    except (KeyError, AttributeError, TypeError, ValueError):
        return None
    if not ends:
        return ("empty",)  # a glyph without contours: a space
    return (tuple(coords), tuple(ends), tuple(f & 1 for f in flags))


@functools.lru_cache(maxsize=32)
def _installed_font(postscript_name: str) -> tuple[object, dict[int, str]] | None:
    """The glyf table and cmap of the installed font with this PostScript name (None if none)."""
    exe = shutil.which("fc-match")
    if not exe:
        return None
    proc = subprocess.run([exe, "-f", "%{file}", f":postscriptname={postscript_name}"], capture_output=True,
                          text=True, timeout=30, check=False)
    path = Path(proc.stdout.strip())
    if proc.returncode != 0 or not path.is_file():
        return None
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, lazy=True)
        if font["name"].getDebugName(6) != postscript_name or "glyf" not in font:
            return None  # fontconfig's fallback, not the font the subset came from
        return font["glyf"], font.getBestCmap() or {}
    except Exception:  # noqa: BLE001 - an unreadable installed font only means: unknown
        return None


def load_installed(families: Iterable[str]) -> None:
    """Load the installed fonts of these families (every style fontconfig has), as code_table will."""
    exe = shutil.which("fc-list")
    if exe is None:
        return  # code_table will find no installed font either: nothing to load
    for family in families:
        proc = subprocess.run([exe, "-f", "%{postscriptname}\\n", f":family={family}"], capture_output=True,
                              text=True, timeout=30, check=False)
        for name in sorted(set(proc.stdout.split())):
            with _FONTS:
                _installed_font(name)


@functools.lru_cache(maxsize=8192)
def _installed_key(postscript_name: str, char: str) -> Key | None:
    """The outline of one character in the installed font: the cheap check of what ToUnicode claims."""
    font = _installed_font(postscript_name)
    if font is None or ord(char) not in font[1]:
        return None
    return _key(font[0], font[1][ord(char)])


@functools.lru_cache(maxsize=32)
def _installed(postscript_name: str) -> dict[Key, str]:
    """Outline -> character for every glyph of the installed font: for glyphs ToUnicode lies about."""
    font = _installed_font(postscript_name)
    if font is None:
        return {}
    glyf, best = font
    index: dict[Key, str] = {}
    for code in sorted(best, key=lambda c: (c > 0x24F, c)):  # Latin first: "A" wins over Greek Alpha
        key = _key(glyf, best[code])
        if key is not None and key != ("empty",) and key not in index:
            index[key] = chr(code)
    return index


def code_table(font: pikepdf.Object, claimed: dict[int, str] | None = None) -> dict[int, str] | None:
    """Byte code -> character for a simple TrueType font with an embedded program, or None.

    claimed: what the font's ToUnicode says per code. A claim whose outline is the installed
    font's outline for that character is confirmed at the cost of one glyph; only the other
    glyphs are looked up among all the installed font's outlines.
    """
    with _FONTS:
        return _code_table(font, claimed)


def _code_table(font: pikepdf.Object, claimed: dict[int, str] | None) -> dict[int, str] | None:
    if font.get("/Subtype") != "/TrueType" or "/Encoding" in font:
        return None
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if isinstance(descriptor, pikepdf.Dictionary) else None
    if not isinstance(program, pikepdf.Stream):
        return None
    name = str(font.get("/BaseFont", ""))[1:].split("+", 1)[-1]
    if _installed_font(name) is None:
        return None
    from fontTools.ttLib import TTFont

    try:
        sub = TTFont(io.BytesIO(program.read_bytes()))
        glyf = sub["glyf"]
        cmap = next((t.cmap for t in sub["cmap"].tables if (t.platformID, t.platEncID) in ((3, 0), (1, 0))), None)
    except Exception:  # noqa: BLE001 - a font program fontTools cannot read is left to the text layers
        return None
    if not cmap:
        return None
    table = {}
    claimed = claimed or {}
    for code, glyph in cmap.items():
        key = _key(glyf, glyph)
        said = claimed.get(code & 0xFF, "")
        if key is None:
            continue
        if key == ("empty",):
            table[code & 0xFF] = " "
        elif len(said) == 1 and _installed_key(name, said) == key:
            table[code & 0xFF] = said
        elif char := _installed(name).get(key):
            table[code & 0xFF] = char
    return table
