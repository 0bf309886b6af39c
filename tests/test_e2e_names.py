"""End to end with the real LibreOffice: names as Dutch writes and pastes them, read back from the public PDF.

One dossier holds a paragraph per adversarial form (tests/test_adversarial_names.py has the
fast variants of each); `python -m pipeline woo` builds it and the public nota is read back
with pdftotext as a reader would. Two more dossiers must stop with the content line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_helpers import REPO, normalise, pdftotext

from tests.adversarial import ORGANISATIES, PERSONEN, _reader
from tests.helpers import DOSSIER_YAML, NOTA_YAML, write_content

pytestmark = pytest.mark.soffice

PARAGRAPHS = [
    "Ouwehands voorstel is aangenomen; *Ouwehand*s tweede voorstel ook.",
    "Joost belde gisteren over het Ouwehand-memo.",
    "Zie linkedin.com/in/joost-ouwehand en het bestand notitie_ouwehand_v2.docx.",
    "Mail j.ouwehand[at]minezk.nl of j.ouwehand @ minezk.nl.",
    "Ouwe\u200dhand en Ouwe\u00adhand en Ouwe\u2060hand belden.",
    "Bel \uff10\uff16 \uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18 of 06\u201412345678 of 0 6 1 2 3 4 5 6 7 8.",
    "Ouwe^[Zie bijlage.]hand belde gisteren.",
    "Het lid Bakker (VVD) vroeg hierom, en het lid @kbakker ook.",
    "De bijeenkomst is in Den Haag. De EU-subsidie wordt verhoogd.",
    "Koning Willem-Alexander opende de zitting. De visserij is belangrijk.",
    "Akkoord na overleg met JOu.",
]
SECRETS = ["ouwehand", "joost", "612345678", "jou"]
KEEPS = ["Het lid Bakker (VVD)", "het lid Bakker ook", "in Den Haag", "De EU-subsidie", "Koning Willem-Alexander",
         "De visserij"]


def _nota(paragraphs: list[str]) -> str:
    body = "\n\n".join(paragraphs).replace("\n", "\n      ")
    return NOTA_YAML.replace("      Eerste alinea.\n", "      " + body + "\n")


def _content(root: Path, nota: str, kenmerk: str = '"PSG-DB / 26061157"') -> Path:
    dossier = DOSSIER_YAML.replace("opsteller: avries", "opsteller: pvdberg").replace(
        'kenmerk: "PSG-DB / 26061157"', f"kenmerk: {kenmerk}")
    return write_content(root, {"personen.yaml": PERSONEN, "organisaties.yaml": ORGANISATIES,
                                "d1/dossier.yaml": dossier, "d1/nota.yaml": nota})


def _woo(content: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PIPELINE_LO_WORKERS="1")
    return subprocess.run([sys.executable, "-m", "pipeline", "woo", "--content", str(content), "--out", str(out)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def test_public_pdf_hides_every_form_and_keeps_the_politician_the_place_and_the_word(tmp_path: Path) -> None:
    content = _content(tmp_path / "content", _nota(PARAGRAPHS))
    done = _woo(content, tmp_path / "out")
    assert done.returncode == 0, done.stdout + done.stderr
    public = tmp_path / "out" / "d1" / "woo" / "nota.pdf"
    text = pdftotext(public)
    read = _reader(text)
    assert [s for s in SECRETS if s in read] == []
    plain = normalise(text)
    assert [k for k in KEEPS if k not in plain] == []
    review = normalise(pdftotext(tmp_path / "out" / "d1" / "lakvoorstel" / "nota.pdf"))
    assert "Ouwehands 5.1.2e voorstel" in review  # the review version shows what was typed, marked
    assert "Ouwehands 5.1.2e tweede" in review  # one mark for a name across markup


@pytest.mark.parametrize(("tekst", "line", "says"), [
    ("Post wordt dagelijks bezorgd.", 8, "ook een gewoon woord"),
    ("Bakker belde gisteren.", 8, "kan R. Bakker (gelakt) zijn of Bakker (blijft zichtbaar)"),
])
def test_an_ambiguous_name_stops_woo_at_its_content_line(tmp_path: Path, tekst: str, line: int, says: str) -> None:
    content = _content(tmp_path / "content", _nota([tekst]))
    done = _woo(content, tmp_path / "out")
    assert done.returncode != 0
    assert f"d1/nota.yaml:{line}:" in done.stderr and says in done.stderr, done.stderr
    assert not (tmp_path / "out" / "d1" / "woo").exists()
