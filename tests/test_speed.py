"""The speed work's correctness: the render cache never serves stale bytes, the early gate rechecks changed PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.build import TEMPLATES, build_dossier, prepare
from pipeline.errors import VerificationError
from pipeline.publication import manifest, publish
from pipeline.render.docx import PUBLIC, SIGNING
from tests.test_gate import _pdf

CONTENT = Path(__file__).resolve().parent.parent / "content"
EXAMPLE = "motie-21-ezk"


def _key(plan, kind: str, mode: str) -> str:
    return manifest.render_key(TEMPLATES / f"{kind}.docx", plan.docs[kind], plan.meta(kind, mode), mode, "code")


def test_render_key_is_the_same_for_the_same_model_and_changes_with_one_word():
    first, again = prepare(CONTENT, [EXAMPLE], [])[0], prepare(CONTENT, [EXAMPLE], [])[0]
    for kind in first.docs:
        assert _key(first, kind, SIGNING) == _key(again, kind, SIGNING)  # no object ids in the model's repr
        assert _key(first, kind, SIGNING) != _key(first, kind, PUBLIC)
    span = next(s for text in again.docs["nota"].texts() for s in text if hasattr(s, "text") and s.text.strip())
    span.text += " anders"
    assert _key(first, "nota", SIGNING) != _key(again, "nota", SIGNING)
    assert _key(first, "kamerbrief", SIGNING) == _key(again, "kamerbrief", SIGNING)


def test_docx_cache_serves_bytes_only_for_their_own_key(tmp_path):
    cache = manifest.DocxCache(tmp_path)
    cache.put(EXAMPLE, SIGNING, "nota", "a" * 64, b"PK first")
    assert cache.get(EXAMPLE, SIGNING, "nota", "a" * 64) == b"PK first"
    assert cache.get(EXAMPLE, SIGNING, "nota", "b" * 64) is None
    assert cache.get(EXAMPLE, PUBLIC, "nota", "a" * 64) is None
    cache.put(EXAMPLE, SIGNING, "nota", "b" * 64, b"PK second")
    assert cache.get(EXAMPLE, SIGNING, "nota", "a" * 64) is None
    assert cache.get(EXAMPLE, SIGNING, "nota", "b" * 64) == b"PK second"
    (tmp_path / ".cache/docx" / f"{EXAMPLE}__{SIGNING}__nota.docx").write_bytes(b"broken")
    assert cache.get(EXAMPLE, SIGNING, "nota", "b" * 64) is None


def _gate_case(tmp_path):
    plan = prepare(CONTENT, [EXAMPLE], [])[0]
    gate = publish.Gate([plan])
    key = (EXAMPLE, "nota")
    required = gate.job(key, tmp_path / "x.pdf")[3]
    name = next(f.text for f in publish.forbidden_for(plan) if f.what == "naam" and " " in f.text)
    return plan, gate, key, required, name


def test_gate_started_early_checks_again_when_the_pdf_changed_after(tmp_path):
    plan, gate, key, required, name = _gate_case(tmp_path)
    path = _pdf(tmp_path / "nota.pdf", ["Het besluit van de minister.", *required])
    try:
        gate.submit(key, path)
        assert gate.started(key)
        assert gate._futures[key].result()[1] == []  # the clean PDF passed in the worker
        _pdf(path, ["Het besluit van de minister.", f"Opgesteld door {name}", *required])
        problems = gate.result(key, path)
    finally:
        gate.close()
    assert any(name in p for p in problems), problems


def test_gate_started_early_reports_what_it_found(tmp_path):
    plan, gate, key, required, name = _gate_case(tmp_path)
    path = _pdf(tmp_path / "nota.pdf", [f"Contact: {name}", *required])
    public = {(EXAMPLE, kind): _pdf(tmp_path / f"{kind}.pdf", ["Tekst.", *gate.job((EXAMPLE, kind), path)[3]])
              for kind in plan.docs if kind != "nota"}
    public[key] = path
    gate.submit(key, path)
    with pytest.raises(VerificationError, match=name.split()[-1]):
        publish.verify([plan], public, {}, gate)


def test_build_dossier_knows_two_modes(tmp_path):
    with pytest.raises(ValueError, match="build"):
        build_dossier(CONTENT, EXAMPLE, tmp_path, "publiek")


def test_needles_find_exactly_what_in_finds():
    import random

    from redaction.matchers.needles import Needles, literal_needle

    rng = random.Random(7)
    alphabet = "abcdé vries-'"
    needles = ["", "vries", "de vries", "ries", "a", "vries"] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(200)]
    index = Needles(needles)
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert index.present(text) == [i for i, n in enumerate(needles) if n in text]
    assert literal_needle("Afdelingshoofd Toetsing-en-Toezicht") == "Afdelingshoofd"
    assert literal_needle("CIO’s") == "CIO"
