"""Build small content folders in code, so each test can change exactly one thing.

Line numbers in the default files are fixed and tests rely on them; the comments on the
right are the 1-based line numbers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.content.load import Content
from pipeline.errors import ContentError, Diagnostic
from pipeline.kinds import build_documents, load_content
from pipeline.model.document import Document

DOSSIER = "d1"

PERSONEN = """\
personen:
  - id: avries
    naam: A.B. de Vries
    functie: Beleidsmedewerker
    email: a.devries@minezk.nl
    paraaf: AdV
    rol: ambtenaar
  - id: pvdberg
    naam: P. van den Berg
    functie: Directeur
    rol: ambtenaar
  - id: madriaansens
    naam: M.A.M. Adriaansens
    functie: Minister van Economische Zaken en Klimaat
    rol: bewindspersoon
"""
# lines: 1 personen / 2-7 avries (id on 2, rol on 7) / 8-11 pvdberg / 12-15 madriaansens

ORGANISATIES = """\
organisaties:
  - id: ezk
    naam: Ministerie van Economische Zaken en Klimaat
    tooi: mnre1045
    postadres: Postbus 20401, 2500 EK Den Haag
    bezoekadres: Bezuidenhoutseweg 73, 2594 AC Den Haag
    website: www.rijksoverheid.nl/ezk
"""

DOSSIER_YAML = """\
kenmerk: "PSG-DB / 26061157"
onderwerp: "Testonderwerp"
datum: 2023-12-23
organisatie: ezk
directie: Directie Bedrijfsvoering
opsteller: avries
parafenroute:
  - persoon: pvdberg
    datum: 2023-12-20
besluit:
  persoon: madriaansens
  oordeel: akkoord
  datum: 2023-12-23
"""

NOTA_YAML = """\
ter: besluitvorming
aan: madriaansens
kopie_aan: []
bijlagen: []
secties:
  - kop: Aanleiding
    tekst: |
      Eerste alinea.
"""

KAMERBRIEF_YAML = """\
betreft: "Uitvoering motie 21"
ondertekenaar: madriaansens
tekst: |
  Geachte tekst.
"""

RAPPORTAGE_YAML = """\
titel: "Rapportage"
secties:
  - kop: Resultaten
    tekst: |
      Tekst.
    tabel:
      kolommen: [A, B]
      rijen:
        - [x, y]
"""

WOO_YAML = """\
openbaarmaking:
  datum: 2024-01-15
personen:
  - persoon: avries
    lakken: false
lakken:
  - document: nota
    passage: "Eerste alinea."
    grond: "5.2"
toegestaan:
  - "info@rijksoverheid.nl"
"""

OPTIONAL = {"kamerbrief": KAMERBRIEF_YAML, "rapportage": RAPPORTAGE_YAML, "woo": WOO_YAML}


def nota_with(tekst: str, *, extra_sections: str = "") -> str:
    """A nota.yaml whose first section's `tekst: |` holds `tekst`; its first text line is line 8."""
    body = "".join(f"      {line}\n" if line else "\n" for line in tekst.split("\n"))
    return NOTA_YAML.replace("      Eerste alinea.\n", body) + extra_sections


def write_content(root: Path, files: dict[str, str | bytes | None] | None = None,
                  *, with_docs: tuple[str, ...] = ()) -> Path:
    """Write a valid content folder at `root`; `files` overrides (None deletes) relative paths.

    `with_docs` adds the default kamerbrief/rapportage/woo of dossier d1.
    """
    default: dict[str, str | bytes | None] = {
        "personen.yaml": PERSONEN,
        "organisaties.yaml": ORGANISATIES,
        f"{DOSSIER}/dossier.yaml": DOSSIER_YAML,
        f"{DOSSIER}/nota.yaml": NOTA_YAML,
    }
    for name in with_docs:
        default[f"{DOSSIER}/{name}.yaml"] = OPTIONAL[name]
    default.update(files or {})
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in default.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path so diagnostics show short paths like 'content/d1/nota.yaml'."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def content_errors(root: Path, only: list[str] | None = None) -> list[Diagnostic]:
    """The diagnostics of a folder that must not load."""
    with pytest.raises(ContentError) as info:
        load_content(root, only)
    assert info.value.diagnostics, "ContentError without diagnostics"
    return info.value.diagnostics


def only_error(root: Path, only: list[str] | None = None) -> str:
    """str() of the single diagnostic of a folder with exactly one problem."""
    diags = content_errors(root, only)
    assert len(diags) == 1, "\n".join(str(d) for d in diags)
    return str(diags[0])


def build(root: Path) -> tuple[Content, dict[str, Document], list[Diagnostic]]:
    """Load and model dossier d1; return content, documents and warnings."""
    content = load_content(root)
    warnings: list[Diagnostic] = []
    docs = build_documents(content, content.dossiers[0], warnings)
    return content, docs, warnings


def markup_errors(root: Path) -> list[str]:
    """The markup diagnostics of dossier d1 (the content itself must load)."""
    content = load_content(root)
    with pytest.raises(ContentError) as info:
        build_documents(content, content.dossiers[0], [])
    return [str(d) for d in info.value.diagnostics]
