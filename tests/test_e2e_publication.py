"""The publication package, end to end with the real LibreOffice: DiWoo metadata, reproducible
bytes, manifest.json and `verify`, and incremental rebuilds keyed on content hashes."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from e2e_helpers import (
    CONTENT,
    DOC_KINDS,
    build_once,
    edit_line,
    load_personen,
    motie21_copy,
    pdftotext,
    person_strings,
    run_cli,
    snapshot,
    stray_staging,
    word_rx,
)
from lxml import etree

from pipeline.publication import diwoo, manifest
from pipeline.publication import records as records_module

pytestmark = pytest.mark.soffice

COMPLETE = ("motie-21-ezk", "bzk-stemlokalen")
KENMERK = {"motie-21-ezk": "PSG-DB / 26061157", "bzk-stemlokalen": "2023-0000287415"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DW = {"d": diwoo.DIWOO_NS}
CIVIL_SERVANTS = [p for p in load_personen() if p.get("rol", "ambtenaar") == "ambtenaar"]


@pytest.fixture(scope="module")
def woo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One signing build and then one public build into the same folder, as a Woo officer would."""
    target = build_once(tmp_path_factory, "build")
    proc = run_cli("woo", "--content", CONTENT, "--out", target, "--base-url", "https://open.example.nl/woo/")
    assert proc.returncode == 0, proc.stderr
    return target


def _records(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    return {url.findtext(f"{SITEMAP}loc"): url.find("d:Document", DW) for url in root.iter(f"{SITEMAP}url")}


# --------------------------------------------------------------------------- DiWoo


@pytest.mark.parametrize("dossier", COMPLETE)
def test_every_public_document_has_a_valid_diwoo_record(woo_out: Path, dossier: str) -> None:
    sitemap = woo_out / dossier / "woo" / "sitemap.xml"
    diwoo.validate(sitemap.read_bytes())  # the XSD, offline, with the local MDTO copy
    records = _records(sitemap)
    public_pdfs = sorted(p.name for p in (woo_out / dossier / "woo").glob("*.pdf"))
    assert sorted(loc.rsplit("/", 1)[1] for loc in records) == public_pdfs
    # Public URLs name the dossier by its kenmerk, never by its folder (which may carry a name).
    folder = records_module.public_folder(KENMERK[dossier])
    assert all(loc.startswith(f"https://open.example.nl/woo/{folder}/") for loc in records)
    nota = records[f"https://open.example.nl/woo/{folder}/nota.pdf"]
    soort = nota.find(".//d:documentsoort", DW)
    resource = soort.get("resource")
    assert (soort.text, resource.startswith("https://identifier.overheid.nl/tooi/")) == ("beslisnota", True)
    assert nota.findtext(".//d:soortHandeling", namespaces=DW) == "vaststelling"
    # The nota "heeft bijlage" each bijlage, and each bijlage isPartOf the nota.
    related = [r.get("resource") for r in nota.iterfind(".//d:documentrelatie/d:relation", DW)]
    assert sorted(related) == sorted(loc for loc in records if not loc.endswith("/nota.pdf"))
    for loc, record in records.items():
        if not loc.endswith("/nota.pdf"):
            assert record.find(".//d:isPartOf", DW).get("resource").endswith(f"/{folder}/nota.pdf")
        assert record.find(".//d:naamOpsteller", DW) is None


def test_diwoo_record_fields_of_the_example(woo_out: Path) -> None:
    records = _records(woo_out / "motie-21-ezk" / "woo" / "sitemap.xml")
    by_file = {loc.rsplit("/", 1)[1]: r for loc, r in records.items()}
    nota = by_file["nota.pdf"]
    assert nota.findtext(".//d:identifier", namespaces=DW) == "PSG-DB / 26061157"
    assert by_file["kamerbrief.pdf"].findtext(".//d:identifier", namespaces=DW) == "PSG-DB / 26061157-b1"
    for role in ("publisher", "verantwoordelijke", "opsteller"):
        assert nota.find(f".//d:{role}", DW).get("resource") == "https://identifier.overheid.nl/tooi/id/ministerie/mnre1045"
    assert nota.findtext(".//d:creatiedatum", namespaces=DW) == "2023-12-23"
    assert nota.findtext(".//d:language", namespaces=DW) == "Nederlands"
    assert nota.findtext(".//d:format", namespaces=DW) == "PDF"
    assert by_file["kamerbrief.pdf"].findtext(".//d:soortHandeling", namespaces=DW) == "ondertekening"
    assert by_file["rapportage.pdf"].findtext(".//d:documentsoort", namespaces=DW) == "rapport"
    categories = {f: r.findtext(".//d:informatiecategorie", namespaces=DW) for f, r in by_file.items()}
    assert categories == {"nota.pdf": "inspanningsverplichting art 3.1 Woo",
                          "kamerbrief.pdf": "bij vertegenwoordigende organen ingekomen stukken",
                          "rapportage.pdf": "onderzoeksrapporten"}


@pytest.mark.parametrize("dossier", COMPLETE)
def test_public_metadata_files_name_no_civil_servant(woo_out: Path, dossier: str) -> None:
    for name in ("sitemap.xml", "manifest.json", "inventarislijst.csv"):
        text = (woo_out / dossier / "woo" / name).read_text(encoding="utf-8-sig")
        for person in CIVIL_SERVANTS:
            for form in person_strings(person):
                assert not word_rx(form).search(text), f"{name}: {form}"


def test_invalid_informatiecategorie_fails_woo_with_the_schema_message(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    woo_yaml = content / "motie-21-ezk" / "woo.yaml"
    bad = "https://identifier.overheid.nl/tooi/def/thes/kern/c_00000000"
    woo_yaml.write_text(woo_yaml.read_text(encoding="utf-8") + f"informatiecategorie:\n  nota: \"{bad}\"\n",
                        encoding="utf-8")
    line = len(woo_yaml.read_text(encoding="utf-8").splitlines())
    target = tmp_path / "out"
    proc = run_cli("woo", "--content", content, "--out", target)
    assert proc.returncode == 7, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "DiWoo" in proc.stderr and bad in proc.stderr
    assert "not an element of the set" in proc.stderr  # libxml2's XSD enumeration message
    assert re.search(rf"woo\.yaml:{line}:\d+", proc.stderr), proc.stderr
    assert not (target / "motie-21-ezk" / "woo").exists()
    assert stray_staging(target) == []


# --------------------------------------------------------------------------- reproducible bytes and the manifest


def test_two_builds_in_different_folders_are_byte_identical(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    outs = [tmp_path / "een", tmp_path / "twee" / "diep"]
    for target in outs:
        for command in ("build", "woo"):
            proc = run_cli(command, "--content", content, "--out", target, "--opnieuw")
            assert proc.returncode == 0, proc.stderr
    first, second = (snapshot(t / "motie-21-ezk") for t in outs)
    assert sorted(first) == sorted(second)
    assert len([f for f in first if f.endswith(".pdf")]) == 10  # 3 signing + bundle, 3 public, 3 review
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_manifest_lists_every_output_with_its_hash_kind_and_inputs(woo_out: Path) -> None:
    data = json.loads((woo_out / "motie-21-ezk" / "manifest.json").read_text(encoding="utf-8"))
    files = {f["path"]: f for f in data["files"]}
    folder = woo_out / "motie-21-ezk"
    on_disk = {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()} - {"manifest.json"}
    assert set(files) == on_disk
    for rel, f in files.items():
        path = woo_out / "motie-21-ezk" / rel
        assert f["sha256"] == manifest.sha256_file(path) and f["size"] == path.stat().st_size
        expected = "public" if rel.startswith("woo/") else "review" if rel.startswith("lakvoorstel/") else "signing"
        assert f["kind"] == expected
    nota = files["nota.pdf"]["inputs"]
    assert nota["motie-21-ezk/nota.yaml"] == manifest.sha256_file(CONTENT / "motie-21-ezk" / "nota.yaml")
    assert "templates/nota.docx" in nota and "motie-21-ezk/kamerbrief.yaml" not in nota
    assert data["runs"]["build"]["code"] == manifest.code_version()


def test_public_manifest_lists_only_public_files_and_the_signed_hashes(woo_out: Path) -> None:
    folder = woo_out / "motie-21-ezk"
    public = json.loads((folder / "woo" / "manifest.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in public["files"]] == sorted(p.name for p in (folder / "woo").iterdir()
                                                          if p.name != "manifest.json")
    for f in public["files"]:
        assert manifest.sha256_file(folder / "woo" / f["path"]) == f["sha256"]
    # The signing build came first from the same content, so the public version names what was signed.
    assert public["signed"]["nota.pdf"] == manifest.sha256_file(folder / "nota.pdf")
    assert "inputs" not in json.dumps(public)


def test_verify_passes_and_then_reports_a_file_changed_by_hand(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    target = tmp_path / "out"
    for command in ("build", "woo"):
        assert run_cli(command, "--content", content, "--out", target).returncode == 0
    ok = run_cli("verify", "--content", content, "--out", target)
    assert ok.returncode == 0, ok.stderr
    assert "in orde" in ok.stdout

    changed = target / "motie-21-ezk" / "woo" / "kamerbrief.pdf"
    data = bytearray(changed.read_bytes())
    data[-200] ^= 0x01  # one bit, somewhere in the last object
    changed.write_bytes(bytes(data))
    bad = run_cli("verify", "--content", content, "--out", target)
    assert bad.returncode == 8
    assert "Traceback" not in bad.stderr
    assert f"{changed} is gewijzigd" in bad.stderr
    assert bad.stderr.count("gewijzigd") == 1, bad.stderr  # only that one file; every rebuild matched

    # Content edited after the build: verify says which input changed and which outputs now differ.
    edit_line(content / "motie-21-ezk" / "kamerbrief.yaml", "Geachte", "Geachte", "Zeer geachte")
    stale = run_cli("verify", "--content", content, "--out", target)
    assert stale.returncode == 8
    assert "let op: motie-21-ezk (build): invoer motie-21-ezk/kamerbrief.yaml is gewijzigd" in stale.stdout
    assert f"{target / 'motie-21-ezk' / 'kamerbrief.pdf'}: de herbouw geeft andere bytes" in stale.stderr
    assert f"{target / 'motie-21-ezk' / 'nota.pdf'}: de herbouw" not in stale.stderr  # the nota did not change


# --------------------------------------------------------------------------- incremental builds


def _stamps(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_incremental_rebuilds_only_what_an_edit_affects(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    target = tmp_path / "out"
    assert run_cli("build", "--content", content, "--out", target).returncode == 0
    folder = target / "motie-21-ezk"
    before = _stamps(folder)

    noop = run_cli("build", "--content", content, "--out", target)
    assert noop.returncode == 0 and "ongewijzigd, niet opnieuw gebouwd: motie-21-ezk" in noop.stdout
    assert _stamps(folder) == before

    # Touched, copied and checked out files have new times but the same bytes: still nothing to do.
    for path in content.rglob("*.yaml"):
        os.utime(path, (1, 1))
    copy = tmp_path / "kopie"
    shutil.copytree(content, copy)
    shutil.copytree(target, tmp_path / "out-kopie")
    again = run_cli("build", "--content", copy, "--out", tmp_path / "out-kopie")
    assert "ongewijzigd" in again.stdout and "geschreven" not in again.stdout, again.stdout

    edit_line(content / "motie-21-ezk" / "nota.yaml", "In het debat van 19 januari 2021", "In het debat",
              "Zoals bekend: in het debat")
    proc = run_cli("build", "--content", content, "--out", target)
    assert proc.returncode == 0, proc.stderr
    after = _stamps(folder)
    rewritten = sorted(name for name in after if after[name] != before.get(name))
    assert rewritten == ["manifest.json", "nota.docx", "nota.pdf", "parafeerbundel.pdf"]
    assert "Zoals bekend" in pdftotext(folder / "nota.pdf")
    assert "Zoals bekend" in pdftotext(folder / "parafeerbundel.pdf")


def test_changed_register_or_hand_edited_output_rebuilds_the_dossier(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    target = tmp_path / "out"
    assert run_cli("build", "--content", content, "--out", target).returncode == 0
    bundle = target / "motie-21-ezk" / "parafeerbundel.pdf"
    good = bundle.read_bytes()
    bundle.write_bytes(b"kapot")
    proc = run_cli("build", "--content", content, "--out", target)
    assert proc.returncode == 0 and f"geschreven: {bundle}" in proc.stdout, proc.stdout
    assert bundle.read_bytes() == good  # rebuilt from the cached PDFs, to the same bytes

    with (content / "personen.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\n# een opmerking verandert de bytes, dus alles wordt opnieuw gecontroleerd\n")
    proc = run_cli("build", "--content", content, "--out", target)
    assert proc.returncode == 0 and "ongewijzigd" not in proc.stdout
    assert "geschreven: " in proc.stdout and "manifest.json" in proc.stdout
    assert set(DOC_KINDS) <= {p.stem for p in (target / "motie-21-ezk").glob("*.pdf")}


# --------------------------------------------------------------------------- progress


def _stderr_on_a_terminal(*args: str | Path) -> tuple[int, str]:
    """Run the CLI with stderr on a pseudo-terminal, as in a user's shell; return (exit code, what it showed)."""
    import pty
    import subprocess
    import sys

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", *map(str, args)], cwd=CONTENT.parent, env=env,
                            stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def test_progress_shows_on_a_terminal_and_not_in_a_pipe_or_ci(tmp_path: Path) -> None:
    content = motie21_copy(tmp_path)
    code, shown = _stderr_on_a_terminal("build", "--content", content, "--out", tmp_path / "tty")
    assert code == 0, shown
    assert re.search(r"PDF: +\d+%.*\d/3", shown), shown  # tqdm's bar: "PDF: 67%|... | 2/3"
    piped = run_cli("build", "--content", content, "--out", tmp_path / "pipe")
    assert piped.returncode == 0 and "PDF:" not in piped.stderr and "%|" not in piped.stderr
