"""What a public PDF holds beside its text layers: strings, names, streams, attachments, trailing bytes."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import pikepdf

# Names our own PDFs use (the PDF vocabulary, LibreOffice's and our templates' style names):
# a surname that is one of these ("Klein", "Link") is not flagged in a name object, as it
# is in every PDF. Any other name object (a structure type "/Ouwehand") is read as text.
_PDF_WORDS = """
A Aan Action Annot Annots Ascent Author BBox BaseFont
BaselineShift Block Border Catalog Center Colofon Column Contents Count CreationDate Creator Descent Dest
DestOutputProfile DisplayDocTitle Div Document F Filter First FirstChar Fit Flags FlateDecode Font FontBBox
FontDescriptor FontFile2 FontName Footnote GTS_PDFA1 H1 H2 H3 H4 H5 H6 Height ID Info Inline ItalicAngle K
Keywords Kids Klein L LBody LI Lang Last LastChar Layout Length Length1 Link MCID MCR MarkInfo Marked MediaBox
Metadata ModDate N Next Note Nummering Nums O OBJR Obj Ondertekening Opsomming Outlines
OutputConditionIdentifier OutputIntent OutputIntents P PDF Page PageMode Pages Parent ParentTree
ParentTreeNextKey Pg Placement Prev ProcSet Producer Retouradres RoleMap Root S Scope Size SpaceAfter
SpaceBefore Span Standard StemV StructElem StructParent StructParents StructTreeRoot Subject Subtype TD TH TR
Table Tabs Tekst Text TextAlign TextIndent Title ToUnicode TrueType Type URI UseOutlines ViewerPreferences
Width Widths XML XYZ Figure Alt ActualText Caption Form Part Sect Art BlockQuote TOC TOCI Index NonStruct
Private Quote Reference BibEntry Code Formula THead TBody TFoot Lbl Ruby Warichu Annotation Sub Type0 Type1
Type3 CIDFontType2 Identity-H Encoding WinAnsiEncoding DescendantFonts CIDSystemInfo CIDToGIDMap Helvetica
XObject Image ColorSpace DeviceRGB DeviceGray ExtGState Pattern Shading Group Transparency BitsPerComponent
Decode DecodeParms Matrix Resources W DW Ordering Registry Supplement Differences Rect Encrypt Names Dests
JavaScript OpenAction AA AcroForm
"""
PDF_NAMES = frozenset(_PDF_WORDS.split())
_SUBSET_OR_STYLE = re.compile(r"^[A-Z]{6}\+|\s")  # font subsets ("BAAAAA+...") and style names with spaces
_EMBEDDED_KEYS = (pikepdf.Name.EF, pikepdf.Name.EmbeddedFiles, pikepdf.Name.RF)


# pikepdf's type codes (Object._type_code_int): a fraction of the cost of isinstance on its classes
_STRING = pikepdf.ObjectType.string.value
_NAME = pikepdf.ObjectType.name_.value
_ARRAY = pikepdf.ObjectType.array.value
_DICTIONARY = pikepdf.ObjectType.dictionary.value
_STREAM = pikepdf.ObjectType.stream.value
_ENCODINGS = ("utf-8", "utf-16-be", "utf-16-le", "latin-1")


def read_objects(doc: pikepdf.Pdf) -> tuple[list[tuple[str, str, bool]], list[str]]:
    """In one pass over doc's objects: every string, name and decompressed stream as text, and where the PDF
    carries a file inside it (attachments, file specifications with an /EF).

    Each text comes with where it stands and a flag that tells text a reader can see (strings, names, XMP
    metadata) from other streams: PDF syntax and binary data, where forms are compared in their exact case.
    """
    strings: list[tuple[str, str, bool]] = []
    found = []
    names = doc.Root.get(pikepdf.Name.Names)
    if isinstance(names, pikepdf.Dictionary) and pikepdf.Name.EmbeddedFiles in names:
        found.append("de catalogus (/Names /EmbeddedFiles)")
    for obj in doc.objects:
        code = obj._type_code_int if isinstance(obj, pikepdf.Object) else -1
        if code in (_DICTIONARY, _STREAM):
            d = obj.stream_dict if code == _STREAM else obj
            if d.get(pikepdf.Name.Type) == pikepdf.Name.EmbeddedFile or any(k in d for k in _EMBEDDED_KEYS):
                found.append(f"object {obj.objgen[0]}")
            elif d.get(pikepdf.Name.Subtype) == pikepdf.Name.FileAttachment:
                found.append(f"object {obj.objgen[0]} (bijlage-annotatie)")
        _strings_of(obj, f"object {obj.objgen[0]}", strings, top=True)
    _strings_of(doc.trailer, "trailer", strings, top=True)
    return strings, sorted(set(found))


def _name_text(name: str) -> str | None:
    bare = name[1:]
    if bare in PDF_NAMES or _SUBSET_OR_STYLE.search(bare):
        return None
    return bare


def _strings_of(obj: object, where: str, out: list[tuple[str, str, bool]], top: bool = False) -> None:
    if not isinstance(obj, pikepdf.Object):
        return  # an integer, a real, a boolean or null
    # Indirect objects are visited once by the loop over doc.objects; don't walk them again here.
    if not top and obj.is_indirect:
        return
    code = obj._type_code_int
    if code == _STRING:
        out.append((where, str(obj), True))
    elif code == _NAME:
        text = _name_text(str(obj))
        if text:
            out.append((f"{where} (naamobject)", text, True))
    elif code == _STREAM:
        try:
            data = obj.read_bytes()
        except pikepdf.PdfError:
            data = b""
        xmp = obj.stream_dict.get("/Type") == pikepdf.Name.Metadata
        out += [(f"{where} (stream, {enc})", data.decode(enc, errors="ignore"), xmp) for enc in _ENCODINGS]
        _strings_of(obj.stream_dict, where, out)
    elif code == _DICTIONARY:
        for key in obj.keys():  # noqa: SIM118 - pikepdf Dictionary
            text = _name_text(key)
            if text:
                out.append((f"{where} (naamobject)", text, True))
            value = obj[key]
            if isinstance(value, pikepdf.Object):  # (not a number, boolean or null: nothing to read)
                _strings_of(value, f"{where} {key}", out)
    elif code == _ARRAY:
        for item in obj:
            if isinstance(item, pikepdf.Object):
                _strings_of(item, where, out)


def after_last_eof(data: bytes) -> bytes:
    """The bytes after the file's last %%EOF marker (white space aside): no reader shows them."""
    end = data.rfind(b"%%EOF")
    return data[end + 5:].strip() if end >= 0 else data


def readable_bytes(data: bytes) -> Iterator[tuple[str, str]]:
    """Bytes nobody should find in a PDF (trailing data, an attachment) as every text they may hold."""
    for enc in ("utf-8", "utf-16-be", "utf-16-le", "latin-1"):
        yield enc, data.decode(enc, errors="ignore")
    try:
        with zipfile.ZipFile(io.BytesIO(data[data.find(b"PK\x03\x04"):])) as z:
            for info in z.infolist()[:200]:
                if info.file_size < 20_000_000:
                    yield f"zip {info.filename}", re.sub(r"<[^>]+>", " ", z.read(info).decode("utf-8", "ignore"))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        pass
