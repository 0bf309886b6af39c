"""Broken and hostile input: every case ends in a located Dutch message, never a hang or a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import (
    NOTA_YAML,
    RAPPORTAGE_YAML,
    content_errors,
    cwd,  # noqa: F401  (fixture)
    write_content,
)

from pipeline.content.yamlsource import MAX_DEPTH, parse_yaml
from pipeline.kinds import load_content

N = "d1/nota.yaml"
R = "d1/rapportage.yaml"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(cwd: Path) -> Path:  # noqa: F811
    return cwd / "content"


def texts(root: Path) -> list[str]:
    return [str(d) for d in content_errors(root)]


def alias_bomb() -> str:
    """The billion laughs: nine levels of nine aliases each, 9**9 strings once expanded."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_with_its_location(root: Path) -> None:
    write_content(root, {N: NOTA_YAML + "x: " + alias_bomb().replace("\n", "\n  ", 0)[3:]})
    msgs = texts(root)
    assert len(msgs) == 1, msgs
    assert msgs[0].startswith("content/d1/nota.yaml:")
    assert "te veel of te vaak herhaalde verwijzingen" in msgs[0]


def test_a_few_aliases_still_work() -> None:
    node, diags = parse_yaml("a: &x hallo\nb: *x\n", "f.yaml")
    assert not diags and node is not None
    assert node.value["b"].value == "hallo"


def test_deep_nesting_is_refused_not_a_recursion_error(root: Path) -> None:
    deep = "ter: besluitvorming\naan: madriaansens\nsecties:\n"
    indent = ""
    for i in range(400):
        deep += f"{indent}  - kop: Kop {i}\n{indent}    secties:\n"
        indent += "    "
    write_content(root, {N: deep})
    msgs = texts(root)
    assert len(msgs) == 1, msgs
    assert msgs[0].startswith("content/d1/nota.yaml:")
    assert f"te diep genest (meer dan {MAX_DEPTH} niveaus)" in msgs[0]


def test_reasonable_nesting_loads(root: Path) -> None:
    nested = "ter: besluitvorming\naan: madriaansens\nsecties:\n"
    indent = ""
    for i in range(10):
        nested += f"{indent}  - kop: Kop {i}\n{indent}    tekst: Tekst {i}.\n{indent}    secties:\n"
        indent += "    "
    nested += f"{indent}  - kop: Laatste\n"
    write_content(root, {N: nested})
    assert load_content(root).dossiers[0].nota.secties[0].kop == "Kop 0"


def test_symlink_out_of_the_content_folder_is_refused(root: Path, tmp_path: Path) -> None:
    write_content(root)
    outside = tmp_path / "elders.yaml"
    outside.write_text(NOTA_YAML, encoding="utf-8")
    (root / N).unlink()
    (root / N).symlink_to(outside)
    assert texts(root) == ["content/d1/nota.yaml: dit bestand is een koppeling (symlink) naar een bestand buiten "
                           "de contentmap; kopieer het bestand in de contentmap, in plaats van te verwijzen"]


def test_symlinked_dossier_folder_out_of_the_content_folder_is_refused(root: Path, tmp_path: Path) -> None:
    write_content(root)
    elsewhere = tmp_path / "elders"
    (root / "d1").rename(elsewhere)
    (root / "d1").symlink_to(elsewhere)
    msgs = texts(root)
    assert any(m.startswith("content/d1/dossier.yaml: dit bestand is een koppeling (symlink)") for m in msgs), msgs


def test_symlink_inside_the_content_folder_is_fine(root: Path) -> None:
    write_content(root)
    (root / "gedeeld.yaml").write_text(NOTA_YAML, encoding="utf-8")
    (root / N).unlink()
    (root / N).symlink_to(root / "gedeeld.yaml")
    assert load_content(root).dossiers[0].nota.ter == "besluitvorming"


def test_lone_surrogate_is_reported_at_its_escape(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("kop: Aanleiding", 'kop: "Aan\\ud800leiding"')})
    msgs = texts(root)
    assert msgs == ["content/d1/nota.yaml:6:14: deze tekst bevat een losse surrogaat-code (\\ud800-\\udfff), "
                    "geen geldig teken; schrijf het teken zelf, of \\U0001F600 voor een teken buiten het basisbereik"]


def test_decimal_comma_in_a_flow_row_is_an_error_not_two_cells(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- [x, 0,5]")}, with_docs=("rapportage",))
    msgs = texts(root)
    assert msgs[0] == ("content/d1/rapportage.yaml:9:15: in een lijst tussen [ ] scheidt de komma in '0,5' twee "
                       "waarden; zet het getal tussen aanhalingstekens (\"0,5\"), of schrijf elke waarde op een "
                       "eigen regel met '- '")


def test_decimal_comma_in_a_block_row_is_one_cell(root: Path) -> None:
    write_content(root, {R: RAPPORTAGE_YAML.replace("- [x, y]", "- - x\n          - 0,5")},
                  with_docs=("rapportage",))
    tabel = load_content(root).dossiers[0].documents["rapportage"].secties[0].tabel
    assert tabel is not None and tabel.rijen == [["x", "0,5"]]


def test_second_document_in_a_file_is_an_error(root: Path) -> None:
    write_content(root, {N: NOTA_YAML + "---\nter: informatie\n"})
    assert any("meer dan één YAML-document" in m for m in texts(root))


@pytest.mark.parametrize("content", [
    pytest.param(alias_bomb(), id="alias-bomb"),
    pytest.param("secties:\n" + "".join("  " * i + "- secties:\n" for i in range(400)), id="deep"),
    pytest.param('ter: "\\ud800"\n', id="surrogate"),
    pytest.param(b"ter: caf\xe9\n", id="latin-1"),
    pytest.param("ter:\n\t- x\n", id="tab"),
    pytest.param("ter: [a, b\n", id="unclosed"),
    pytest.param("ter: *nergens\n", id="undefined-alias"),
    pytest.param("? [a, b]\n: c\n", id="complex-key"),
    pytest.param("- a\n- b\n", id="list-at-top"),
    pytest.param("ter: x\x00y\n", id="nul-byte"),
    pytest.param("ter: [\n", id="open-list"),
])
def test_no_input_ends_in_a_traceback(root: Path, content: str | bytes) -> None:
    write_content(root, {N: content})
    proc = subprocess.run([sys.executable, "-m", "pipeline", "check", "--content", str(root)],
                          capture_output=True, text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert f"{root}/d1/nota.yaml:" in proc.stderr


def test_a_control_character_yaml_refuses_is_reported_at_its_place(root: Path) -> None:
    write_content(root, {N: NOTA_YAML.replace("kop: Aanleiding", "kop: Aan\x00leiding")})
    assert texts(root) == ["content/d1/nota.yaml:6:13: het stuurteken U+0000 kan niet in een document staan; "
                           "haal het onzichtbare teken weg (het komt vaak mee bij plakken uit Word of e-mail)"]
