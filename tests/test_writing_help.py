"""Help while writing: `nieuw`, one dossier at a time, a broken dossier that does not block the others, watch."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DOSSIER_YAML, NOTA_YAML, cwd, write_content  # noqa: F401  (cwd is a fixture)

from pipeline.content.skeleton import write_skeleton
from pipeline.errors import ContentError
from pipeline.kinds import load_content, read_all
from pipeline.watch import changed_dossiers

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def root(cwd: Path) -> Path:  # noqa: F811
    return cwd / "content"


def cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


def test_nieuw_writes_a_skeleton_that_checks(root: Path) -> None:
    write_content(root)
    written = write_skeleton(root, "motie-12-bzk")
    assert [p.name for p in written] == ["dossier.yaml", "nota.yaml", "kamerbrief.yaml", "rapportage.yaml"]
    content = load_content(root, ["motie-12-bzk"])
    d = content.dossiers[0]
    assert set(d.documents) == {"nota", "kamerbrief", "rapportage"}
    assert d.opsteller == "avries" and d.nota.aan == "madriaansens" and d.organisatie == "ezk"
    assert not d.route_complete  # a new nota is a concept


def test_nieuw_comments_every_field(root: Path) -> None:
    write_content(root)
    for path in write_skeleton(root, "d2"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if ":" in line and not line.lstrip().startswith(("#", "- kop", "kop")) and not line.startswith(" " * 6):
                assert " # " in line, f"{path.name}: {line!r} has no comment"


def test_nieuw_refuses_an_existing_folder_and_a_bad_name(root: Path) -> None:
    write_content(root)
    with pytest.raises(ContentError) as exists:
        write_skeleton(root, "d1")
    assert "deze dossiermap bestaat al; kies een andere naam; er is niets overschreven" in exists.value.render()
    with pytest.raises(ContentError) as bad:
        write_skeleton(root, "../buiten")
    assert "'../buiten' is geen geldige dossiernaam" in bad.value.render()


def test_nieuw_through_the_cli(root: Path) -> None:
    write_content(root)
    proc = cli("nieuw", "--content", root, "nieuw-dossier")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("geschreven: ") == 4
    check = cli("check", "--content", root, "--dossier", "nieuw-dossier")
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip() == "nieuw-dossier: in orde (nota, kamerbrief, rapportage)"


def test_check_one_dossier_with_dossier_option(root: Path) -> None:
    write_content(root, {"d2/dossier.yaml": DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: morgen\n", 1),
                         "d2/nota.yaml": NOTA_YAML})
    ok = cli("check", "--content", root, "--dossier", "d1")
    assert ok.returncode == 0 and ok.stdout.strip().startswith("d1: in orde"), ok.stderr
    bad = cli("check", "--content", root, "--dossier", "d2")
    assert bad.returncode == 2 and "'morgen' is geen geldige datum" in bad.stderr


def test_a_broken_dossier_does_not_stop_the_others(root: Path) -> None:
    """Loading only: the good dossiers load, the problems of the broken one are kept (no LibreOffice needed)."""
    write_content(root, {"d2/dossier.yaml": DOSSIER_YAML.replace("datum: 2023-12-23\n", "datum: morgen\n", 1),
                         "d2/nota.yaml": NOTA_YAML})
    content, problems = read_all(root, None)
    assert [d.id for d in content.dossiers] == ["d1"]
    assert [str(p) for p in problems] == [
        "content/d2/dossier.yaml:3:8: 'morgen' is geen geldige datum voor 'datum'; "
        "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2023-12-23"]


def test_a_broken_register_still_stops_everything(root: Path) -> None:
    write_content(root, {"organisaties.yaml": "organisaties: [\n"})
    content, problems = read_all(root, None)
    assert content.dossiers == [] and problems


def test_watch_rebuilds_only_the_dossier_that_was_saved(root: Path) -> None:
    write_content(root)
    assert changed_dossiers([str(root / "d1" / "nota.yaml")], root, []) == ["d1"]
    assert changed_dossiers([str(root / "personen.yaml")], root, []) is None
    assert changed_dossiers([str(root / "personen.yaml")], root, ["d1"]) == ["d1"]
    assert changed_dossiers([str(root / "d2" / "nota.yaml")], root, ["d1"]) == []
