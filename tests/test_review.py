"""The review application through Starlette's test client: access, decisions in the files, conflicts, escaping."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from helpers import PERSONEN, WOO_YAML, nota_with, write_content

from pipeline.kinds import load_content
from pipeline.review.app import create_app
from pipeline.review.security import csrf_token

TOKEN = "test-token"
TEXT = ("Volgens de heer Jan Pietersen klopt het. Mail k.bakker@minezk.nl of bel Jan Pietersen.\n\n"
        "Het kabinet wil dit liever niet vertellen aan de Kamer.")
WOO_WITH_COMMENT = WOO_YAML.replace('  - "info@rijksoverheid.nl"',
                                   '  - "info@rijksoverheid.nl"   # functionele mailbox')


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_content(tmp_path / "content", {"d1/nota.yaml": nota_with(TEXT), "d1/woo.yaml": WOO_WITH_COMMENT})


@pytest.fixture
def client(root: Path, tmp_path: Path) -> TestClient:
    c = TestClient(create_app(root, tmp_path / "out", token=TOKEN, door="W. Officier"))
    assert c.get(f"/?token={TOKEN}").status_code == 200  # sets the cookie
    return c


def form_values(html: str, action: str, item: str | None = None) -> dict[str, str]:
    """The hidden fields of the first form with this action (and this item) on a page."""
    for form in re.findall(r"<form[^>]*>.*?</form>", html, re.S):
        if f'value="{action}"' in form and (item is None or f'value="{item}"' in form):
            return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    raise AssertionError(f"no form for {action}")


def item_key(html: str, text: str) -> str:
    m = re.search(r'data-key="([^"]+)"[^>]*>\s*<p class="what"><span class="kind">[^<]*</span> <strong class="text">'
                  + re.escape(text), html)
    assert m, f"no open item for {text}"
    return m.group(1)


def test_every_request_needs_the_token(root: Path, tmp_path: Path) -> None:
    c = TestClient(create_app(root, tmp_path / "out", token=TOKEN))
    assert c.get("/").status_code == 403
    assert c.get("/d/d1").status_code == 403
    assert c.get("/?token=wrong").status_code == 403
    assert c.get("/static/review.js").status_code == 403
    r = c.get(f"/?token={TOKEN}", follow_redirects=False)
    assert r.status_code == 303 and "token" not in r.headers["location"]
    assert c.get("/d/d1").status_code == 200


def test_only_known_dossiers_and_documents(client: TestClient) -> None:
    assert client.get("/d/..%2Fetc").status_code == 404
    assert client.get("/d/../etc").status_code == 404
    assert client.get("/d/onbekend").status_code == 404
    assert client.get("/d/d1/pdf/woo/..%2F..%2Fpersonen.pdf").status_code == 404
    assert client.get("/d/d1/pdf/woo/passwd.pdf").status_code == 404
    assert client.get("/d/d1/pagina/..%2Fwoo/nota/1.png").status_code == 404
    assert client.get("/d/d1/download/..%2F..%2Fetc.zip").status_code == 404


def test_writes_need_the_csrf_value_and_the_same_origin(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    values = form_values(page, "behouden", key) | {"reden": "publiek functionaris"}
    before = (root / "d1" / "woo.yaml").read_bytes()
    no_csrf = {k: v for k, v in values.items() if k != "csrf"}
    assert client.post("/d/d1/besluit", data=no_csrf).status_code == 403
    assert client.post("/d/d1/besluit", data=values, headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post("/d/d1/besluit", data=values, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert (root / "d1" / "woo.yaml").read_bytes() == before
    assert values["csrf"] == csrf_token(TOKEN)


def test_keep_writes_toegestaan_with_door_op_reden_and_keeps_comments(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    values = form_values(page, "behouden", key) | {"reden": "publiek functionaris"}
    r = client.post("/d/d1/besluit", data=values)
    assert r.status_code == 200 and "opgeslagen" in r.text
    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert '  - "info@rijksoverheid.nl"   # functionele mailbox\n' in woo  # comment and quoting kept
    assert woo.startswith(WOO_YAML.split("toegestaan:")[0])                # order and formatting kept
    assert re.search(r'- tekst: "Jan Pietersen"\n    door: "W. Officier"\n    op: \d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\n'
                     r'    reden: "publiek functionaris"\n', woo)
    assert "Jan Pietersen" not in _open_items(r.text)  # decided: both places, one decision
    assert "k.bakker@minezk.nl" in _open_items(r.text)
    woo_loaded = load_content(root).dossiers[0].woo
    assert woo_loaded is not None and "Jan Pietersen" in woo_loaded.toegestaan


def _open_items(html: str) -> str:
    section = html.split('<section class="open">', 1)[1].split("</section>", 1)[0]
    return section


def test_redact_a_name_registers_the_person_and_the_view_shows_the_box(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    r = client.post("/d/d1/besluit", data=form_values(page, "lakken", key) | {"grond": "5.1.2e"})
    assert r.status_code == 200
    personen = (root / "personen.yaml").read_text(encoding="utf-8")
    assert personen.startswith(PERSONEN)
    assert '  - id: janpietersen\n    naam: "Jan Pietersen"\n    rol: extern\n' in personen
    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert "  - persoon: janpietersen\n    lakken: true\n    door:" in woo
    assert "Jan Pietersen" not in _open_items(r.text)
    body = r.text.split('<section class="docs">', 1)[1]
    assert len(re.findall(r'data-grond="5.1.2e" title="[^"]*"><span class="orig">Jan Pietersen<', body)) == 2


def test_redact_an_email_as_a_passage_with_its_ground(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "k.bakker@minezk.nl")
    r = client.post("/d/d1/besluit", data=form_values(page, "lakken", key) | {"grond": "5.1.2e"})
    assert r.status_code == 200
    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert '  - document: nota\n    passage: "k.bakker@minezk.nl"\n    grond: "5.1.2e"\n' in woo


def test_selected_passage_is_redacted_only_when_it_matches_once(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    values = form_values(page, "passage") | {"document": "nota", "grond": "5.2", "toelichting": "intern beraad"}
    missing = client.post("/d/d1/besluit", data=values | {"passage": "dit staat er niet"})
    assert missing.status_code == 409 and "komt niet letterlijk voor" in missing.text
    twice = client.post("/d/d1/besluit", data=values | {"passage": "Jan Pietersen"})
    assert twice.status_code == 409 and "komt 2 keer voor" in twice.text
    ok = client.post("/d/d1/besluit", data=values | {"passage": "wil dit liever niet\n vertellen"})
    assert ok.status_code == 200
    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert 'passage: "wil dit liever niet vertellen"\n    grond: "5.2"\n    toelichting: "intern beraad"' in woo
    assert re.search(r'data-grond="5.2" title="5.2 – [^"]*; intern beraad"><span class="orig">wil dit liever niet '
                     r'vertellen<', ok.text)


def test_a_write_after_a_hand_edit_is_refused(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    woo = root / "d1" / "woo.yaml"
    edited = woo.read_text(encoding="utf-8") + "  - \"met de hand toegevoegd\"\n"
    woo.write_text(edited, encoding="utf-8")  # a colleague, or a second tab
    r = client.post("/d/d1/besluit", data=form_values(page, "behouden", key) | {"reden": "woordvoerder"})
    assert r.status_code == 409
    assert "woo.yaml is gewijzigd sinds u deze pagina opende" in r.text
    assert woo.read_text(encoding="utf-8") == edited
    # The page shown with the refusal has the new version: deciding again works, and the hand edit stays.
    r = client.post("/d/d1/besluit", data=form_values(r.text, "behouden", key) | {"reden": "woordvoerder"})
    assert r.status_code == 200
    assert "met de hand toegevoegd" in woo.read_text(encoding="utf-8")


def test_registration_refused_when_personen_changed(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    (root / "personen.yaml").write_text(PERSONEN + "  # een collega was hier\n", encoding="utf-8")
    woo_before = (root / "d1" / "woo.yaml").read_bytes()
    r = client.post("/d/d1/besluit", data=form_values(page, "registreren", key) | {"rol": "publiek"})
    assert r.status_code == 409 and "personen.yaml is gewijzigd" in r.text
    assert (root / "d1" / "woo.yaml").read_bytes() == woo_before


def test_register_publiek_keeps_the_name_visible(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    r = client.post("/d/d1/besluit", data=form_values(page, "registreren", key)
                    | {"rol": "publiek", "functie": "voorzitter van het adviescollege"})
    assert r.status_code == 200
    person = load_content(root).personen["janpietersen"]
    assert person.rol == "publiek" and person.public
    assert '<span class="kept" title="blijft zichtbaar: publiek">Jan Pietersen</span>' in r.text


def test_undo_puts_back_the_exact_bytes(client: TestClient, root: Path) -> None:
    woo = root / "d1" / "woo.yaml"
    personen = root / "personen.yaml"
    before = woo.read_bytes(), personen.read_bytes()
    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    page = client.post("/d/d1/besluit", data=form_values(page, "lakken", key)).text
    assert woo.read_bytes() != before[0]
    r = client.post("/d/d1/besluit", data=form_values(page, "ongedaan"))
    assert r.status_code == 200 and "ongedaan gemaakt" in r.text
    assert (woo.read_bytes(), personen.read_bytes()) == before
    assert "Jan Pietersen" in _open_items(r.text)


def test_undo_refused_after_a_later_hand_edit(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    key = item_key(page, "k.bakker@minezk.nl")
    page = client.post("/d/d1/besluit", data=form_values(page, "behouden", key)
                       | {"reden": "functionele mailbox"}).text
    woo = root / "d1" / "woo.yaml"
    woo.write_text(woo.read_text(encoding="utf-8") + "# later\n", encoding="utf-8")
    r = client.post("/d/d1/besluit", data=form_values(page, "ongedaan"))
    assert r.status_code == 409 and "na dit besluit nog gewijzigd" in r.text
    assert woo.read_text(encoding="utf-8").endswith("# later\n")


def test_content_text_is_escaped(tmp_path: Path) -> None:
    root = write_content(tmp_path / "content", {
        "d1/nota.yaml": nota_with("Zie <script>alert(1)</script> & <b>vet</b> en mail x.y@minezk.nl."),
        "d1/dossier.yaml": None})
    from helpers import DOSSIER_YAML

    (root / "d1" / "dossier.yaml").write_text(DOSSIER_YAML.replace("Testonderwerp", "<img src=x onerror=alert(1)>"),
                                             encoding="utf-8")
    c = TestClient(create_app(root, tmp_path / "out", token=TOKEN))
    c.get(f"/?token={TOKEN}")
    for html in (c.get("/").text, c.get("/d/d1").text):
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>vet" not in html
    page = c.get("/d/d1").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page


def test_overview_lists_state(client: TestClient) -> None:
    html = client.get("/").text
    assert '<a href="/d/d1">d1</a>' in html
    row = html.split('<a href="/d/d1">d1</a>', 1)[1].split("</tr>", 1)[0]
    # two people and the stale passage of the default woo.yaml
    assert "compleet" in row and "geblokkeerd" in row and '<span class="badge bad">3</span>' in row


def test_one_decision_per_person_covers_their_email_too(tmp_path: Path) -> None:
    text = "Volgens Jan Pietersen klopt het. Jan Pietersen is bereikbaar via j.pietersen@minezk.nl."
    root = write_content(tmp_path / "content", {"d1/nota.yaml": nota_with(text)})
    c = TestClient(create_app(root, tmp_path / "out", token=TOKEN, door="W. Officier"))
    c.get(f"/?token={TOKEN}")
    page = c.get("/d/d1").text
    assert _open_items(page).count('class="item"') == 1  # name twice and the address: one person
    key = item_key(page, "Jan Pietersen")
    r = c.post("/d/d1/besluit", data=form_values(page, "lakken", key) | {"grond": "5.1.2e"})
    assert r.status_code == 200 and 'class="item"' not in _open_items(r.text)
    person = load_content(root).personen["janpietersen"]
    assert str(person.email) == "j.pietersen@minezk.nl" and person.rol == "extern"


def test_a_doubted_name_is_kept_or_redacted_as_a_passage(tmp_path: Path) -> None:
    personen = PERSONEN + "  - id: chaag\n    naam: C. Haag\n    functie: Jurist\n    rol: ambtenaar\n"
    root = write_content(tmp_path / "content", {"personen.yaml": personen,
                                                "d1/nota.yaml": nota_with("Haag schreef dat het klopt.")})
    c = TestClient(create_app(root, tmp_path / "out", token=TOKEN, door="W. Officier"))
    c.get(f"/?token={TOKEN}")
    page = c.get("/d/d1").text
    key = item_key(page, "Haag")
    assert 'data-act="registreren"' not in page.split(f'id="item-{key}"', 1)[1].split('class="item"', 1)[0]
    r = c.post("/d/d1/besluit", data=form_values(page, "lakken", key) | {"grond": "5.1.2e"})
    assert r.status_code == 200 and 'class="item"' not in _open_items(r.text)
    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert 'passage: "Haag"\n    grond: "5.1.2e"' in woo
    assert "chaag" not in woo and (root / "personen.yaml").read_text(encoding="utf-8") == personen


def test_publish_with_open_decisions_stops_and_records_no_release(client: TestClient, root: Path) -> None:
    page = client.get("/d/d1").text
    before = (root / "d1" / "woo.yaml").read_bytes()
    r = client.post("/d/d1/publiceer", data=form_values(page, "ja") | {"vrijgeven": "ja"})
    assert r.status_code == 422
    assert "Niet vrijgegeven: er staan nog beslissingen open." in r.text
    assert "er is niets naar woo/ geschreven" in r.text.lower() or "Er is niets naar woo/ geschreven" in r.text
    assert "Jan Pietersen" in r.text and (root / "d1" / "woo.yaml").read_bytes() == before


def test_after_a_decision_the_quick_reload_gives_the_same_view_as_a_full_one(client: TestClient, root: Path,
                                                                           tmp_path: Path) -> None:
    from pipeline.review.htmlview import render_plan
    from pipeline.review.state import Workspace

    page = client.get("/d/d1").text
    key = item_key(page, "Jan Pietersen")
    page = client.post("/d/d1/besluit", data=form_values(page, "lakken", key) | {"grond": "5.1.2e"}).text
    values = form_values(page, "passage") | {"document": "nota", "grond": "5.2", "toelichting": "intern beraad"}
    client.post("/d/d1/besluit", data=values | {"passage": "wil dit liever niet vertellen"})
    ws = client.app.state.review.ws  # type: ignore[attr-defined]
    quick = ws.load("d1")
    assert quick.pristine is not None and not quick.problems
    full = Workspace(root, tmp_path / "out").load("d1")
    assert quick.plan is not None and full.plan is not None
    assert [(e.document, e.text, e.ground) for e in quick.plan.redaction.log] == \
        [(e.document, e.text, e.ground) for e in full.plan.redaction.log]
    assert render_plan(quick.plan, quick.items)[0] == render_plan(full.plan, full.items)[0]


def test_the_unredacted_copy_stays_unredacted(client: TestClient) -> None:
    page = client.get("/d/d1").text
    values = form_values(page, "passage") | {"document": "nota", "grond": "5.2", "toelichting": "intern beraad"}
    page = client.post("/d/d1/besluit", data=values | {"passage": "wil dit liever niet vertellen"}).text
    assert 'data-grond="5.2"' in page
    page = client.post("/d/d1/besluit", data=form_values(page, "ongedaan")).text  # quick path again
    assert 'data-grond="5.2"' not in page and "wil dit liever niet vertellen" in page
