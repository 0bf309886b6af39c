"""Shared helpers for the end-to-end tests (tests/test_e2e_signing.py, tests/test_e2e_woo.py).

Everything here reads finished files as an outsider would: the CLI as a subprocess,
PDFs through poppler (pdftotext) and pypdf, DOCX packages as zip files.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
RESOURCES = Path(__file__).resolve().parent / "resources"
SEED_NOTA = RESOURCES / "seed-nota-motie21-woo.txt"
DOC_KINDS = ("nota", "kamerbrief", "rapportage")

# The motie 21 nota, as the published seed shows it.
SEED_HEADINGS = (
    "Aanleiding", "Geadviseerd besluit", "Kernpunten", "Proces", "Ontwikkelingen", "Toelichting",
    "a. Draagvlak politiek", "b. Afstemming (intern en interdepartementaal)", "c. Toezeggingen",
    "Informatie die niet openbaar gemaakt kan worden", "Motivering",
)
MOTIE21_KENMERK = "PSG-DB / 26061157"
MOTIE21_DIRECTIE = "Directie Bedrijfsvoering"
POLITICIANS_MOTIE21 = ("Marijnissen", "Klaver", "van Baarle", "M.A.M. Adriaansens")


# --------------------------------------------------------------------------- running the CLI


def run_cli(*args: str | Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """`python -m pipeline ARGS` with cwd = the repository, as a user would run it."""
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout)


# Below an output folder but not outputs: the caches (keyed by content, safe to write in any run)
# and the run logs (a failed run writes its log by design, so an operator can read what happened).
NOT_OUTPUTS = (".cache", ".log")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every output below folder (hidden ones included, caches and run logs not), with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] not in NOT_OUTPUTS}


def stray_staging(folder: Path) -> list[str]:
    """Hidden staging folders (.build-*, .woo-*) left anywhere below folder."""
    return [str(p) for p in folder.rglob(".*") if p.is_dir() and p.name.startswith((".build-", ".woo-"))]


# --------------------------------------------------------------------------- text


def normalise(text: str) -> str:
    """NFKC, soft hyphens dropped, hyphenated line ends joined, every run of white space one space."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


_MARK = r"(?:\s?[1-9])?"  # a footnote reference: a superscript digit, maybe split off by a space
_TRAIL = ".,;:!?)”’"


def tolerant(sentence: str) -> re.Pattern[str]:
    """A pattern for a sentence as the PDF's text layer may read it.

    Tolerated: any white space between words (line breaks, layout), a footnote
    reference digit after a word or its punctuation ("motie 21 1.", "voeren2.",
    "Rijk.3"), and a word hyphen that vanished when a line-end hyphen was joined
    ("MT-\\nniveau" reads "MTniveau"). Nothing else: every letter must be there.
    """
    parts = []
    for word in normalise(sentence).split(" "):
        core = word.rstrip(_TRAIL)
        punct = word[len(core):]
        core_rx = "-?".join(re.escape(piece) for piece in core.split("-"))
        parts.append(core_rx + _MARK + re.escape(punct) + (_MARK if punct else ""))
    return re.compile(r"\s*".join(parts))


def split_sentences(chunk: str) -> list[str]:
    """Sentences of one paragraph or bullet: split after . ! ? before a capital or opening quote."""
    chunk = normalise(chunk)
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“‘])", chunk) if s]


@dataclass(frozen=True)
class Seed:
    sentences: list[str]
    footnotes: list[str]
    headings: list[str]


_FURNITURE = (
    re.compile(r"^Pagina \d+ van \d+$"),
    re.compile(rf"^{re.escape(MOTIE21_DIRECTIE)}$"),
    re.compile(r"^Kenmerk$"),
    re.compile(rf"^{re.escape(MOTIE21_KENMERK)}$"),
)


def load_seed(path: Path = SEED_NOTA) -> Seed:
    """The seed nota's body, from "Aanleiding" to the end, as sentences, plus its footnotes.

    Page furniture (page numbers, the repeated header with directie and kenmerk) is
    dropped; the footnote block at the foot of page 2 is taken out of the body; the
    footnote reference digits that pdftotext glued to words are removed: "voeren2."
    and "Rijk.3" are "voeren." and "Rijk." (a digit after a lower-case letter or a full
    stop, before white space, punctuation or the end), and "motie 211." is "motie 21."
    plus footnote 1 (the text's running name is "motie 21", so a third digit glued to
    it can only be a reference).
    """
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    start = lines.index("Aanleiding")
    body_lines: list[str] = []
    footnotes: list[str] = []
    in_notes = False
    for line in lines[start:]:
        if any(rx.match(line) for rx in _FURNITURE):
            in_notes = False
            continue
        note = re.match(r"^([1-9]) (\S.*)$", line)
        if note and int(note.group(1)) == len(footnotes) + 1:
            in_notes = True
            footnotes.append(note.group(2))
            continue
        if in_notes:
            if line:
                footnotes[-1] += " " + line
            continue
        body_lines.append(line)
    headings = [line for line in body_lines if line in SEED_HEADINGS]
    # Chunks: paragraphs split at headings, bullets and blank lines (page furniture is gone).
    chunks: list[list[str]] = [[]]
    for line in body_lines:
        if not line:
            continue  # blank lines also fall inside sentences that run across a page break
        if line in SEED_HEADINGS or line.startswith("- "):
            chunks.append([])
            if line.startswith("- "):
                chunks[-1].append(line[2:])
            continue
        chunks[-1].append(line)
    sentences = []
    for chunk in chunks:
        text = " ".join(chunk)
        text = re.sub(r"\bmotie\s+21([1-9])(?=[\s.,;:]|$)", "motie 21", text)
        text = re.sub(r"(?<=[a-z.])[1-9](?=[\s.,;:]|$)", "", text)
        sentences += split_sentences(text)
    return Seed(sentences=sentences, footnotes=[normalise(f) for f in footnotes], headings=headings)


def pdftotext(path: Path, *, first: int | None = None, last: int | None = None, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        args.append("-layout")
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run([*args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def nota_body_text(path: Path, directie: str, kenmerk: str, footnotes: list[str]) -> str:
    """The nota's running text from "Aanleiding" on, pages joined, furniture and footnotes removed.

    Furniture: "Pagina x van y", the header lines (directie, "Kenmerk", kenmerk) and the
    colofon column of page 1 ("Opgesteld door" ... "Bijlage(n) N").
    """
    pages = []
    furniture = (re.compile(r"^Pagina \d+ van \d+$"), re.compile(rf"^{re.escape(directie)}$"),
                 re.compile(r"^Kenmerk$"), re.compile(rf"^{re.escape(kenmerk)}$"))
    for n in range(1, page_count(path) + 1):
        lines = [ln.strip() for ln in pdftotext(path, first=n, last=n).splitlines()]
        text = normalise("\n".join(ln for ln in lines if not any(rx.match(ln) for rx in furniture)))
        # The colofon column of page 1 (labels and their values) follows page 1's body in reading order.
        text = re.sub(r"\bOpgesteld door\b.*?\bBijlage\(n\) \d+", " ", text)
        for note in footnotes:
            text = re.sub(r"(?:(?<!\S)[1-9] ?)*" + tolerant(note).pattern, " ", text)
        pages.append(text)
    joined = normalise(" ".join(pages))
    return joined[joined.index("Aanleiding"):]


def missing_sentences(sentences: list[str], text: str) -> list[str]:
    return [s for s in sentences if not tolerant(s).search(text)]


# --------------------------------------------------------------------------- registers


def load_personen(path: Path = CONTENT / "personen.yaml") -> list[dict[str, str]]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return [{k: str(v) for k, v in p.items()} for p in data["personen"]]


def load_organisaties(path: Path = CONTENT / "organisaties.yaml") -> dict[str, str]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {o["id"]: o["naam"] for o in data["organisaties"]}


TITLES = {"dr.", "mr.", "drs.", "ir.", "ing.", "prof."}


def surname(naam: str) -> str:
    """`naam` without titles and initials: "mr. J.W. Dijkstra" -> "Dijkstra", "P. van den Berg" -> "van den Berg"."""
    tokens = [t for t in naam.split() if t.lower() not in TITLES]
    while tokens and re.fullmatch(r"(?:[A-ZÀ-Ý][a-z]?\.)+", tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)


def person_strings(p: dict[str, str]) -> list[str]:
    """The recognisable pieces of one person's data: naam, surname, voornaam + surname, email, telefoon, paraaf."""
    out = [p["naam"], surname(p["naam"])]
    if p.get("voornaam"):
        out.append(f"{p['voornaam']} {surname(p['naam'])}")
    out += [p[k] for k in ("email", "telefoon", "paraaf") if p.get(k)]
    return out


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def word_rx(text: str, case_sensitive: bool = True) -> re.Pattern[str]:
    """text as a whole word (any white space between its words)."""
    body = r"\s*".join(re.escape(w) for w in normalise(text).split(" "))
    return re.compile(rf"(?<!\w){body}(?!\w)", 0 if case_sensitive else re.IGNORECASE)


# --------------------------------------------------------------------------- PDF and DOCX metadata


def metadata_text(path: Path) -> str:
    """DocInfo values and the XMP packet of a PDF, as one string."""
    with pikepdf.open(path) as pdf:
        info = " | ".join(f"{k}={v}" for k, v in pdf.docinfo.items())
        xmp = pdf.Root.Metadata.read_bytes().decode("utf-8", "replace") if "/Metadata" in pdf.Root else ""
    return info + "\n" + xmp


def docx_parts(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith((".xml", ".rels"))}


_INSTR_RX = re.compile(r"<w:instrText[^>]*>([^<]*)</w:instrText>|w:instr=\"([^\"]*)\"")


def field_instructions(xml: str) -> list[str]:
    """Field codes of one part: complex fields (instrText runs joined per part) and fldSimple."""
    simple = [m.group(2) for m in _INSTR_RX.finditer(xml) if m.group(2) is not None]
    complex_ = "".join(m.group(1) for m in _INSTR_RX.finditer(xml) if m.group(1) is not None)
    return simple + ([complex_] if complex_ else [])


def build_once(tmp_path_factory, command: str, content=None):  # type: ignore[no-untyped-def]
    """Run one CLI build (`build` or `woo`) into a fresh folder; assert it succeeded cleanly."""
    target = tmp_path_factory.mktemp(command) / "build"
    proc = run_cli(command, "--content", content if content is not None else CONTENT, "--out", target)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return target


def motie21_copy(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for name in ("personen.yaml", "organisaties.yaml"):
        shutil.copy(CONTENT / name, content / name)
    shutil.copytree(CONTENT / "motie-21-ezk", content / "motie-21-ezk")
    return content


def edit_line(path: Path, needle: str, old: str, new: str) -> tuple[int, str]:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, ln in enumerate(lines) if needle in ln)
    lines[i] = lines[i].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")
    return i + 1, lines[i]


def example_plan():  # type: ignore[no-untyped-def]
    """The example dossier (motie-21-ezk) read, modelled and redacted, as the gate tests check it."""
    from pipeline import build

    (plan,) = build.prepare(CONTENT, ["motie-21-ezk"], [])
    return plan


def copy_public_nota(out: Path, tmp_path: Path) -> Path:
    """A copy of the example's public nota from a woo build in out, for a test to tamper with."""
    copy = tmp_path / "nota.pdf"
    shutil.copy(out / "motie-21-ezk" / "woo" / "nota.pdf", copy)
    return copy
