"""The public build models, renders and releases one dossier after another (no LibreOffice here):
a dossier's document models are gone before the next but one is rendered, modelling is interleaved
with rendering, and an open decision or a content error anywhere still stops the run with every
dossier's problems together and nothing rendered after it."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from helpers import DOSSIER_YAML, NOTA_YAML, nota_with, write_content

from pipeline import build
from pipeline.errors import ContentError
from pipeline.plan import Plan

IDS = ["d1", "d2", "d3", "d4"]


class _Stop(Exception):
    """Ends the run after the loop over the dossiers (the fake renders no PDF to stage)."""


def _content(tmp_path: Path, notas: dict[str, str] | None = None, broken: str | None = None) -> Path:
    files: dict[str, str | bytes | None] = {"d1/dossier.yaml": None, "d1/nota.yaml": None}
    for i, d in enumerate(IDS, 1):
        files[f"{d}/dossier.yaml"] = DOSSIER_YAML.replace("26061157", f"2606115{i}")
        files[f"{d}/nota.yaml"] = (notas or {}).get(d, NOTA_YAML)
    if broken:
        files[f"{broken}/dossier.yaml"] = DOSSIER_YAML.replace("organisatie: ezk", "organisatie: onbekend")
    return write_content(tmp_path / "content", files)


def _run(monkeypatch: pytest.MonkeyPatch, root: Path, out: Path) -> list[tuple[str, str, str]]:
    """build_public with render_all replaced: returns the events (what, dossier, detail) in order."""
    events: list[tuple[str, str, str]] = []
    lock = threading.Lock()
    real_redact = build.redact_plan
    seen: dict[str, Plan] = {}

    def redact_plan(content, dossier, docs, findings=True):  # type: ignore[no-untyped-def]
        plan = real_redact(content, dossier, docs, findings)
        seen[dossier.id] = plan
        with lock:
            events.append(("model", dossier.id, ""))
        return plan

    def render_all(plans, staging, mode, cache, progress=None, finished=None, defer=None, plan_done=None,  # type: ignore[no-untyped-def]
                   converting=None, release=False):
        (plan,) = plans
        assert plan.docs, "rendered without its models"
        # the dossier before the previous one has let go of its models by now (the side thread does it)
        earlier = IDS[: IDS.index(plan.dossier.id)][:-1]
        for d in earlier:
            released = threading.Event()
            for _ in range(200):
                if not seen[d].docs:
                    released.set()
                    break
                threading.Event().wait(0.05)
            with lock:
                events.append(("released" if released.is_set() else "still-held", d, plan.dossier.id))
        for kind in plan.docs:
            plan.meta(kind, mode)
        with lock:
            events.append(("render", plan.dossier.id, mode))
        return plans, {}

    def stop(*_args: object, **_kwargs: object) -> None:
        raise _Stop

    monkeypatch.setattr(build, "redact_plan", redact_plan)  # (iter_plans calls it by name)
    monkeypatch.setattr(build, "render_all", render_all)
    monkeypatch.setattr("pipeline.publication.publish.stage_review", stop)
    monkeypatch.setattr(build.libreoffice, "choose_for_run", lambda n: False)
    with pytest.raises(_Stop):
        build.build_public(root, out)
    return events


def test_each_dossier_is_rendered_before_the_next_is_modelled_and_released_after(tmp_path, monkeypatch):
    events = _run(monkeypatch, _content(tmp_path), tmp_path / "out")
    order = [(what, d) for what, d, _ in events if what in ("model", "render")]
    expected = []
    for d in IDS:
        expected += [("model", d), ("render", d), ("render", d)]  # review, then public
    assert order == expected
    assert [detail for what, d, detail in events if what == "render" and d == "d1"] == ["review", "public"]
    checked = [(what, d) for what, d, _ in events if what in ("released", "still-held")]
    assert checked and all(what == "released" for what, _ in checked), checked
    assert {d for _, d in checked} == {"d1", "d2"}


def _failed_public_run(root, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """Run `woo` that must stop: its messages, and the dossiers it sent to rendering."""
    monkeypatch.setattr(build.libreoffice, "choose_for_run", lambda n: False)
    rendered: list[str] = []

    def render_all(plans, *args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.extend(p.dossier.id for p in plans)
        return plans, {}

    monkeypatch.setattr(build, "render_all", render_all)
    with pytest.raises(ContentError) as err:
        build.build_public(root, tmp_path / "out")
    return [str(d) for d in err.value.diagnostics], rendered


def test_an_open_decision_stops_the_run_with_every_dossiers_findings_and_renders_nothing_after_it(
        tmp_path, monkeypatch):
    leak = nota_with("Het overleg met mevrouw Pietersma van de gemeente verliep goed.")
    leak2 = nota_with("Collega Hendrikx stuurde het concept.")
    root = _content(tmp_path, {"d2": leak, "d4": leak2})
    messages, rendered = _failed_public_run(root, tmp_path, monkeypatch)
    assert any("Pietersma" in m and "d2" in m for m in messages), messages
    assert any("Hendrikx" in m and "d4" in m for m in messages), messages
    assert not set(rendered) & {"d2", "d3", "d4"}  # d3 and d4 are modelled for their problems only


def test_a_content_error_in_a_later_dossier_is_reported_with_the_open_decisions_left_out(tmp_path, monkeypatch):
    """As before streaming: content errors come first and alone (the decisions are asked again once they are fixed)."""
    leak = nota_with("Het overleg met mevrouw Pietersma van de gemeente verliep goed.")
    root = _content(tmp_path, {"d1": leak}, broken="d3")
    messages, rendered = _failed_public_run(root, tmp_path, monkeypatch)
    assert any("onbekend" in m for m in messages), messages
    assert not any("Pietersma" in m for m in messages), messages
    assert rendered == []
