"""`make watch` rebuilds incrementally: unchanged files are not parsed again, only the changed document is
converted, and what it leaves on disk is byte for byte what a clean build of the same content makes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import KAMERBRIEF_YAML, NOTA_YAML, RAPPORTAGE_YAML, write_content

from pipeline.content import parsed
from pipeline.content.parsed import load_checked

ROOT = Path(__file__).resolve().parent.parent
NOTA_WITH_BIJLAGEN = NOTA_YAML.replace("bijlagen: []", "bijlagen: [kamerbrief, rapportage]")


def test_an_unchanged_file_is_parsed_once_and_an_edited_one_again(tmp_path: Path) -> None:
    path = tmp_path / "nota.yaml"
    path.write_text(NOTA_YAML, encoding="utf-8")
    first, _ = load_checked(path, "d1/nota.yaml", tmp_path)
    again, _ = load_checked(path, "d1/nota.yaml", tmp_path)
    assert first is not None and again is first  # the same tree: not parsed again
    path.write_text(NOTA_YAML.replace("Eerste alinea.", "Andere alinea."), encoding="utf-8")
    edited, _ = load_checked(path, "d1/nota.yaml", tmp_path)
    assert edited is not first
    text = edited.value["secties"].value[0].value["tekst"].value
    assert "Andere alinea." in text and "Eerste" not in text
    path.write_text(NOTA_YAML, encoding="utf-8")  # back to the first bytes: the first tree again
    assert load_checked(path, "d1/nota.yaml", tmp_path)[0] is first
    # the same bytes under another name are another file: its locations name that file
    other, _ = load_checked(path, "d2/nota.yaml", tmp_path)
    assert other is not first and other.loc.file == "d2/nota.yaml"


def test_problems_of_a_cached_file_are_reported_at_every_read(tmp_path: Path) -> None:
    path = tmp_path / "nota.yaml"
    path.write_text(NOTA_YAML.replace("Eerste alinea.", "Eerste \u202ealinea."), encoding="utf-8")
    for _ in range(2):
        node, diags = load_checked(path, "d1/nota.yaml", tmp_path)
        assert node is not None and any("U+202E" in d.message for d in diags)
    path.write_text("secties: [\n", encoding="utf-8")
    for _ in range(2):
        node, diags = load_checked(path, "d1/nota.yaml", tmp_path)
        assert node is None and diags


def test_a_cached_file_replaced_by_a_link_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "content"
    root.mkdir()
    path = root / "nota.yaml"
    path.write_text(NOTA_YAML, encoding="utf-8")
    assert load_checked(path, "nota.yaml", root)[0] is not None
    outside = tmp_path / "elders.yaml"
    outside.write_text(NOTA_YAML, encoding="utf-8")  # the very same bytes
    path.unlink()
    path.symlink_to(outside)
    node, diags = load_checked(path, "nota.yaml", root)
    assert node is None and "koppeling (symlink)" in diags[0].message


def test_the_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsed, "_MAX_FILES", 3)
    monkeypatch.setattr(parsed, "_PARSED", {})
    path = tmp_path / "x.yaml"
    for i in range(10):
        path.write_text(f"a: {i}\n", encoding="utf-8")
        load_checked(path, "x.yaml", tmp_path)
        assert len(parsed._PARSED) <= 3


def _tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)}


@pytest.mark.soffice
def test_watch_rebuild_converts_only_the_edited_document_and_equals_a_clean_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline import watch
    from pipeline.convert import libreoffice
    from pipeline.publication import manifest

    # the code hash and the LibreOffice version are cached per process: an earlier test (a fake soffice,
    # a file written under pipeline/) must not leave them different from what the fresh process below sees
    manifest.code_version.cache_clear()
    manifest.libreoffice_version.cache_clear()
    monkeypatch.setenv("PIPELINE_LO", "batch")  # what is converted is the point, not how
    content, out = tmp_path / "content", tmp_path / "build"
    write_content(content, {"d1/nota.yaml": NOTA_WITH_BIJLAGEN, "d1/kamerbrief.yaml": KAMERBRIEF_YAML,
                            "d1/rapportage.yaml": RAPPORTAGE_YAML})
    converted: list[str] = []
    real_convert = libreoffice.convert

    def spy(files: list[Path], outdir: Path, **kw):  # type: ignore[no-untyped-def]
        converted.extend(Path(f).name for f in files)
        return real_convert(files, outdir, **kw)

    monkeypatch.setattr(libreoffice, "convert", spy)
    watch.rebuild(content, out, None)
    assert sorted(converted) == ["d1__kamerbrief.docx", "d1__nota.docx", "d1__rapportage.docx"]
    d1 = out / "d1"
    before = {name: (d1 / name).stat().st_ino for name in ("kamerbrief.pdf", "rapportage.pdf", "nota.pdf",
                                                            "parafeerbundel.pdf", "manifest.json")}

    # an edit of the nota: only the nota goes to LibreOffice; the bijlagen stay as they are on disk
    converted.clear()
    nota = content / "d1" / "nota.yaml"
    nota.write_text(NOTA_WITH_BIJLAGEN.replace("Eerste alinea.", "Eerste alinea, nu langer."), encoding="utf-8")
    watch.rebuild(content, out, ["d1"])
    assert converted == ["d1__nota.docx"]
    for name in ("kamerbrief.pdf", "rapportage.pdf"):
        assert (d1 / name).stat().st_ino == before[name], f"{name} was rewritten"
    for name in ("nota.pdf", "parafeerbundel.pdf", "manifest.json"):
        assert (d1 / name).stat().st_ino != before[name], f"{name} was not rewritten"
    after_edit = _tree(out)

    # a broken save: the Dutch message, nothing converted, nothing written; the watcher goes on
    converted.clear()
    capsys.readouterr()
    nota.write_text(NOTA_WITH_BIJLAGEN.replace("Eerste alinea.", "Eerste **alinea."), encoding="utf-8")
    watch.rebuild(content, out, ["d1"])
    assert "'**' (vet) wordt niet gesloten" in capsys.readouterr().err
    assert converted == [] and _tree(out) == after_edit

    # saved again as before the mistake: the last good content, from the caches, gives the same files
    nota.write_text(NOTA_WITH_BIJLAGEN.replace("Eerste alinea.", "Eerste alinea, nu langer."), encoding="utf-8")
    watch.rebuild(content, out, ["d1"])
    assert converted == [] and _tree(out) == after_edit

    # a clean build of the same content in a fresh process (no caches of ours) makes the same bytes
    clean = tmp_path / "clean"
    env = {**os.environ, "PIPELINE_LO": "batch"}
    subprocess.run([sys.executable, "-m", "pipeline", "build", "--content", str(content), "--out", str(clean)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    assert _tree(clean) == after_edit
    verify = subprocess.run([sys.executable, "-m", "pipeline", "verify", "--content", str(content), "--out", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_the_signing_build_skips_only_the_unregistered_scan(tmp_path: Path) -> None:
    from helpers import nota_with

    from pipeline.build import prepare
    from pipeline.kinds import build_documents, read_all
    from redaction import apply as redaction

    content_dir = write_content(tmp_path / "c", {"d1/nota.yaml": nota_with(
        "Afgestemd met projectleider Van Leeuwen (06-12345678) en met Piet van den Berg.")})
    full = prepare(content_dir, None, [])[0].redaction
    assert full.groups and full.log, "the fixture must hold unregistered and registered personal data"
    content, _ = read_all(content_dir, None)
    dossier = content.dossiers[0]
    docs = build_documents(content, dossier, [])
    signing = redaction.apply(content, dossier, docs, findings=False)
    assert signing.groups == [] and not any("Van Leeuwen" in str(f) for f in signing.findings)
    assert signing.log == full.log and signing.kept == full.kept  # what the nota's Woo section is written from
    assert redaction.motivering(signing, content, dossier) == redaction.motivering(full, content, dossier)


@pytest.mark.soffice
@pytest.mark.parametrize("mode", ["batch", "server"])
def test_a_dossier_is_handed_on_once_all_its_pdfs_are_final(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           mode: str) -> None:
    """render_all's plan_done (where the signing build makes the parafeerbundel while LibreOffice converts the
    next dossier): once per dossier, after every one of its PDFs is finished, also when some come from the cache."""
    from pipeline.build import iter_plans, render_all
    from pipeline.kinds import read_all
    from pipeline.publication import manifest
    from pipeline.render.docx import SIGNING
    from pipeline.staging import Staging

    monkeypatch.setenv("PIPELINE_LO", mode)
    content_dir = write_content(tmp_path / "c", {"d1/nota.yaml": NOTA_WITH_BIJLAGEN, "d1/kamerbrief.yaml":
                                                 KAMERBRIEF_YAML, "d1/rapportage.yaml": RAPPORTAGE_YAML})
    shutil.copytree(content_dir / "d1", content_dir / "d2")
    out = tmp_path / "out"
    for round_ in range(2):  # the second round: every PDF from the cache
        seen: list[tuple[str, list[str]]] = []
        at_hand_on: dict[Path, bytes] = {}

        def done(plan, pdfs, seen=seen, at_hand_on=at_hand_on) -> None:  # type: ignore[no-untyped-def]
            at_hand_on.update({path: path.read_bytes() for path in pdfs.values()})
            seen.append((plan.dossier.id, sorted(pdfs)))

        content, _ = read_all(content_dir, None)
        cache = manifest.PdfCache(out)
        with Staging(out, "build") as staging:
            _, staged = render_all(iter_plans(content, [], [], findings=False), staging, SIGNING, cache,
                                   plan_done=done)
            assert sorted(seen) == [(d, ["kamerbrief", "nota", "rapportage"]) for d in ("d1", "d2")], round_
            # handed on finished: not one byte changes after (metadata and repairs were already done)
            assert {path: path.read_bytes() for path, _ in staged.values()} == at_hand_on
