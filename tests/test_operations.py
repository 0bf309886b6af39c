"""Running it at a ministry: exit codes, the output lock, the run log, fonts, templates, state dirs, lock files."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import REPO, motie21_copy
from helpers import write_content

from pipeline import cli, errors
from pipeline.convert import statedir, warm
from pipeline.errors import EXIT_CODES, PipelineError, ToolMissing
from pipeline.publication.manifest import PdfCache
from pipeline.render import fonts

README = (REPO / "README.md").read_text(encoding="utf-8")


def run(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, **(env or {})})


@pytest.fixture
def no_libreoffice(tmp_path: Path) -> dict[str, str]:
    """A stand-in soffice that only reports a version: runs that fail early never start LibreOffice."""
    exe = tmp_path / "bin" / "soffice"
    exe.parent.mkdir()
    exe.write_text("#!/bin/sh\necho 'LibreOffice 7.6.0.0 test'\n", encoding="utf-8")
    exe.chmod(0o755)
    return {"PIPELINE_SOFFICE": str(exe), "PIPELINE_LO": "batch"}


# ---- exit codes


def _readme_codes() -> dict[int, str]:
    section = README.split("## Exitcodes", 1)[1].split("\n## ", 1)[0]
    return {int(m[1]): m[2].strip() for m in re.finditer(r"^\| `(\d+)` \| (.+?) \|$", section, re.M)}


def test_every_exit_code_is_in_the_readme_table_and_in_help() -> None:
    assert _readme_codes().keys() == EXIT_CODES.keys(), "README's Exitcodes table and errors.EXIT_CODES differ"
    helptext = run("--help").stdout
    for code, meaning in EXIT_CODES.items():
        assert re.search(rf"^\s+{code}\s+{re.escape(meaning[:40])}", helptext, re.M), (code, helptext)


def _error_classes() -> list[type[PipelineError]]:
    found, todo = [], [PipelineError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo += cls.__subclasses__()
    return found


def test_each_error_class_has_its_own_documented_code() -> None:
    classes = _error_classes()
    # A class that sets its own code owns it; a subclass that does not (PopplerTimeout, a
    # RenderError) shares its parent's meaning.
    own = {cls.__name__: cls.__dict__["exit_code"] for cls in classes if "exit_code" in cls.__dict__}
    assert len(own) == len(set(own.values())), own
    assert {cls.exit_code for cls in classes} <= EXIT_CODES.keys()
    assert errors.VerificationError.exit_code != errors.MismatchError.exit_code  # gate and verify apart


def test_wrong_use_of_the_command_line_is_not_a_content_error() -> None:
    proc = run("bouw")
    assert proc.returncode == cli.USAGE_ERROR == 64, proc.stderr
    assert "fout:" in proc.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_says_what_the_exit_code_means_and_still_fails(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", {"d1/nota.yaml": "onderwerp: [\n"})
    proc = subprocess.run(["make", "-s", "-o", ".venv/.installed", "check", f"ARGS=--content {content}"],
                          cwd=REPO, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 2, proc.stderr
    assert f"exitcode 2: {EXIT_CODES[2]}" in proc.stderr
    sentence = subprocess.run([sys.executable, "-m", "pipeline.errors", "6"], cwd=REPO, capture_output=True,
                              text=True, check=False).stderr
    assert sentence.strip() == f"exitcode 6: {EXIT_CODES[6]}"


# ---- the output folder's lock and the cache


HOLD = ("import sys, time; from pathlib import Path; from pipeline.staging import output_lock\n"
        "with output_lock(Path(sys.argv[1]), 'woo'):\n"
        "    print('held', flush=True); time.sleep(float(sys.argv[2]))\n")


def test_a_second_run_waits_for_the_first_and_says_so(tmp_path: Path, no_libreoffice: dict[str, str]) -> None:
    out = tmp_path / "build"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(out), "2"], cwd=REPO, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        content = write_content(tmp_path / "content", {"d1/nota.yaml": "onderwerp: [\n"})
        started = time.monotonic()
        proc = run("build", "--content", content, "--out", out, env=no_libreoffice)
        waited = time.monotonic() - started
    finally:
        holder.wait(timeout=30)
    assert proc.returncode == 2, proc.stderr
    assert f"{out}/ is in gebruik door een andere run (woo, pid {holder.pid}, sinds " in proc.stderr
    assert "deze run wacht tot die klaar is" in proc.stderr and "deze run gaat verder" in proc.stderr
    assert waited > 1.0  # it really waited for the holder's 2 s


def test_the_lock_is_reentrant_within_one_run(tmp_path: Path) -> None:
    from pipeline.staging import output_lock

    said: list[str] = []
    with output_lock(tmp_path, "build", say=said.append), output_lock(tmp_path, "build", say=said.append):
        pass
    assert said == []


def test_another_thread_of_the_same_process_waits_too(tmp_path: Path) -> None:
    import threading

    from pipeline.staging import output_lock

    said: list[str] = []
    inside = threading.Event()
    order: list[str] = []

    def second() -> None:
        inside.wait()
        with output_lock(tmp_path, "review", say=said.append):
            order.append("second")

    thread = threading.Thread(target=second)
    thread.start()
    with output_lock(tmp_path, "watch"):
        inside.set()
        time.sleep(0.5)
        order.append("first")
    thread.join(timeout=10)
    assert order == ["first", "second"]
    assert said and "in gebruik door een andere run (watch, pid" in said[0]


def test_prune_leaves_another_runs_temporary_file_alone(tmp_path: Path) -> None:
    cache = PdfCache(tmp_path)
    cache.dir.mkdir(parents=True)
    theirs = cache.dir / ".abc.1234.tmp"  # another run, writing right now
    theirs.write_bytes(b"%PDF-half")
    crashed = cache.dir / ".def.5678.tmp"
    crashed.write_bytes(b"%PDF-old")
    old = time.time() - 2 * 3600
    os.utime(crashed, (old, old))
    unused = cache.dir / "0123.pdf"
    unused.write_bytes(b"%PDF-unused")
    cache.prune(tmp_path)
    assert theirs.exists()
    assert not crashed.exists() and not unused.exists()


# ---- the run log


def test_a_failed_run_leaves_a_log_an_operator_can_read(tmp_path: Path, no_libreoffice: dict[str, str]) -> None:
    content = write_content(tmp_path / "content", {"d1/nota.yaml": "onderwerp: [\n"})
    out = tmp_path / "build"
    proc = run("build", "--content", content, "--out", out, env=no_libreoffice)
    assert proc.returncode == 2
    [log] = sorted((out / ".log").glob("*-build.log"))
    assert f"log van deze run: {log}" in proc.stderr
    text = log.read_text(encoding="utf-8")
    assert f"opdracht: python -m pipeline build --content {content} --out {out}" in text
    assert f"checkout: {REPO}" in text and "omgeving: PIPELINE_LO=batch" in text
    assert "mislukt met exitcode 2 (fouten in de content" in text
    assert f"{content}/d1/nota.yaml:2:1: ongeldige YAML" in text

    chosen = tmp_path / "mijn.log"
    again = run("build", "--content", content, "--out", out, "--log", chosen, env=no_libreoffice)
    assert again.returncode == 2 and "mislukt met exitcode 2" in chosen.read_text(encoding="utf-8")


# ---- fonts and templates


def _template_with_font(folder: Path, font: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    source = REPO / "templates" / "nota.docx"
    target = folder / "nota.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "word/styles.xml":
                data = data.replace(b'"Liberation Sans"', f'"{font}"'.encode())
            zout.writestr(item, data)
    return target


def test_the_repository_templates_use_an_installed_font() -> None:
    templates = sorted((REPO / "templates").glob("*.docx"))
    assert set(fonts.template_fonts(templates)) == {"Liberation Sans"}
    fonts.check_fonts(templates)  # raises when missing


def test_a_missing_font_stops_the_build_with_exit_3_and_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_libreoffice: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from pipeline import build

    templates = tmp_path / "templates"
    _template_with_font(templates, "Geen Bestaand Lettertype")
    with pytest.raises(ToolMissing) as caught:
        fonts.check_fonts([templates / "nota.docx"])
    message = str(caught.value)
    assert "lettertype 'Geen Bestaand Lettertype' (in nota.docx) is niet geïnstalleerd" in message
    assert "fc-cache -f" in message and "make templates FONT=" in message

    for key, value in no_libreoffice.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(build, "TEMPLATES", templates)
    out = tmp_path / "out"
    code = cli.main(["build", "--content", str(motie21_copy(tmp_path)), "--out", str(out)])
    assert code == 3
    assert "Geen Bestaand Lettertype" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == [".cache", ".log"]  # nothing built
    assert [p.name for p in (out / ".cache").iterdir()] == ["lock"]


def test_known_free_fonts_name_their_debian_package() -> None:
    assert "apt-get install -y fonts-crosextra-carlito" in fonts.install_hint("Carlito")


def test_generate_refuses_a_missing_font_and_keeps_hand_edits(tmp_path: Path) -> None:
    gen = [sys.executable, str(REPO / "templates" / "generate.py"), "--out", str(tmp_path)]
    missing = subprocess.run([*gen, "--font", "RijksoverheidSansText"], capture_output=True, text=True, check=False)
    assert missing.returncode == 3
    assert "lettertype 'RijksoverheidSansText' is niet geïnstalleerd" in missing.stderr
    assert not list(tmp_path.glob("*.docx"))

    assert subprocess.run(gen, capture_output=True, check=False).returncode == 0
    for name in ("nota", "kamerbrief", "rapportage"):  # the committed templates are exactly the generator's
        assert (tmp_path / f"{name}.docx").read_bytes() == (REPO / "templates" / f"{name}.docx").read_bytes()
    edited = tmp_path / "kamerbrief.docx"
    edited.write_bytes(edited.read_bytes() + b"\0")  # a designer's change
    refused = subprocess.run(gen, capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and "kamerbrief.docx" in refused.stderr and "met de hand bewerkt" in refused.stderr
    assert edited.read_bytes().endswith(b"\0")
    assert subprocess.run([*gen, "--overwrite"], capture_output=True, check=False).returncode == 0
    assert edited.read_bytes() == (REPO / "templates" / "kamerbrief.docx").read_bytes()


# ---- the warm LibreOffice's folders


@pytest.fixture
def short_tmp() -> Iterator[Path]:
    """A short temp dir: a state dir holds a unix socket (at most 107 bytes of path)."""
    folder = Path(tempfile.mkdtemp(prefix="ops-", dir="/tmp"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_state_dirs_are_per_checkout_and_old_ones_are_cleaned(short_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tmp_path = short_tmp
    monkeypatch.delenv(statedir.STATE_VAR, raising=False)
    monkeypatch.setattr(statedir.tempfile, "tempdir", str(tmp_path))
    exe = tmp_path / "soffice"
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    ours = statedir._state_dir(exe)
    assert ours is not None and statedir.checkout_of(ours) == str(statedir.CHECKOUT)
    other_checkout = tmp_path / "clone"
    other_checkout.mkdir()
    monkeypatch.setattr(statedir, "CHECKOUT", other_checkout)
    theirs = statedir._state_dir(exe)
    assert theirs is not None and theirs != ours  # a fresh clone never finds our server
    assert statedir._state_dirs() == [theirs]  # and `lo stop` there leaves ours alone

    base = statedir._state_base()
    legacy = base / "0123456789abcdef"  # made by the code before checkouts: no checkout file
    legacy.mkdir()
    shutil.rmtree(other_checkout)  # that clone was deleted
    for i in range(12):
        version = base / f"version-{i:02d}"
        version.write_text("LibreOffice 7.4\n", encoding="utf-8")
        os.utime(version, (time.time() - 100 + i, time.time() - 100 + i))
    removed = statedir.clean_old_state(ours)
    assert ours.is_dir()
    assert not theirs.exists() and not legacy.exists()
    left = sorted(p.name for p in base.glob("version-*"))
    assert left == [f"version-{i:02d}" for i in range(4, 12)]
    assert len(removed) == 2 + 4


def test_a_folder_with_a_live_server_is_never_cleaned(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(statedir.STATE_VAR, raising=False)
    monkeypatch.setattr(statedir.tempfile, "tempdir", str(tmp_path))
    live = statedir._state_base() / "feedfeedfeedfeed"
    live.mkdir(parents=True, mode=0o700)
    fake = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)", "loserver"])
    try:
        (live / "server.pid").write_text(f"{fake.pid}\n", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not statedir.server_pid(live) and time.monotonic() < deadline:  # until its exec is done
            time.sleep(0.02)
        assert statedir.clean_old_state() == []
        assert live.is_dir()
    finally:
        fake.kill()
        fake.wait()


def test_lo_status_for_people_and_for_scripts(tmp_path: Path) -> None:
    env = {"PIPELINE_LO_STATE": str(tmp_path / "state")}
    proc = run("lo", "status", "--json", env=env)
    assert proc.returncode == 0 and json.loads(proc.stdout) == {"running": False}
    assert "geen warme LibreOffice actief" in run("lo", "status", env=env).stdout
    text = warm.describe_status({"pid": 12, "version": "LibreOffice 7.4.7.2", "uptime": 75.2,
                                 "soffice": "/usr/bin/soffice", "checkout": "/srv/nota", "statedir": "/tmp/x",
                                 "log": "/tmp/x/server.log",
                                 "queued": 0, "idle": 900, "current": False,
                                 "workers": [{"index": 0, "state": "ready", "jobs": 3, "restarts": 1, "pid": 99}]})
    assert "pid 12, LibreOffice 7.4.7.2, draait 1 min 15 s" in text
    assert "checkout:  /srv/nota" in text and "log:       /tmp/x/server.log" in text
    assert "werker 0: klaar, 3 document(en), 1 herstart(s), soffice.bin pid 99" in text
    assert "andere versie van de code" in text


# ---- dependencies


def _locked(path: Path) -> dict[str, str]:
    """name -> the whole requirement (with its hashes) of a pip-compile lock file."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1] if text.startswith("#") else text)
    found = {}
    for entry in entries:
        m = re.match(r"([A-Za-z0-9._-]+)==", entry)
        if m:
            found[re.sub(r"[-_.]+", "-", m[1]).lower()] = entry
    return found


def test_lock_files_are_split_and_every_line_has_hashes() -> None:
    runtime, dev = _locked(REPO / "requirements.lock"), _locked(REPO / "requirements-dev.lock")
    for entry in [*runtime.values(), *dev.values()]:
        assert "--hash=sha256:" in entry, entry
    for name in ("pytest", "pdfua", "psutil", "ruff", "mypy", "import-linter", "pluggy", "iniconfig"):
        assert name not in runtime and name in dev, name
    for name in set(runtime) & set(dev):  # shared dependencies: the same version in both
        assert runtime[name].split()[0] == dev[name].split()[0], name


def test_everything_the_pipeline_imports_is_in_the_runtime_lock() -> None:
    runtime = _locked(REPO / "requirements.lock")
    dists = importlib.metadata.packages_distributions()
    imported = set()
    for path in [*(REPO / "pipeline").rglob("*.py"), *(REPO / "redaction").rglob("*.py")]:
        if "loserver" in path.parts:  # the system python3 with uno, not the venv
            continue
        for m in re.finditer(r"^\s*(?:from|import) ([a-zA-Z_]\w*)", path.read_text(encoding="utf-8"), re.M):
            imported.add(m[1])
    missing = []
    for module in sorted(imported):
        if module in sys.stdlib_module_names or module in ("pipeline", "redaction", "pdfua"):  # pdfua: optional
            continue
        names = [re.sub(r"[-_.]+", "-", d).lower() for d in dists.get(module, [module])]
        if not any(n in runtime for n in names):
            missing.append(f"{module} ({', '.join(names)})")
    assert not missing, f"imported by the pipeline but not in requirements.lock: {missing}"
