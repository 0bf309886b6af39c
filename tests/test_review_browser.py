"""End to end in a real browser (Debian's Chromium through Playwright): decide, redact, publish, read the PDF."""

from __future__ import annotations

import re
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from e2e_helpers import pdftotext
from helpers import nota_with, write_content

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [pytest.mark.soffice,
              pytest.mark.skipif(not CHROMIUM.exists() or not shutil.which("pdftotext"), reason="geen Chromium")]

TOKEN = "browser-test-token"
TEXT = ("Volgens Jan Pietersen van het projectbureau klopt de raming. Jan Pietersen belt morgen terug.\n\n"
        "Het kabinet wil dit liever niet vertellen aan de Kamer. De rest van de tekst blijft staan.")
WOO = """\
# Besluiten van de Woo-afdeling; dit commentaar blijft staan.
openbaarmaking:
  datum: 2024-01-15
toegestaan:
  - "info@rijksoverheid.nl"   # functionele mailbox
"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    import uvicorn

    from pipeline.review import create_app, free_port

    root = write_content(tmp_path / "content", {"d1/nota.yaml": nota_with(TEXT), "d1/woo.yaml": WOO})
    out = tmp_path / "out"
    app = create_app(root, out, token=TOKEN, door="W. Officier")
    port = free_port(0)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", root, out
    server.should_exit = True
    thread.join(10)


def test_decide_redact_publish_in_the_browser(served: tuple[str, Path, Path]) -> None:
    from playwright.sync_api import sync_playwright

    base, root, out = served
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        assert page.goto(base + "/").status == 403  # no token, no entry
        page.goto(f"{base}/?token={TOKEN}")
        assert "Dossiers" in page.inner_text("h1")
        assert "geblokkeerd" in page.inner_text("table.overview")
        page.click("text=d1")
        page.wait_for_selector(".item.current")
        assert "Jan Pietersen" in page.inner_text(".item.current .text")

        # Decide the finding with the keyboard: next, redact (ground 5.1.2e preselected), Enter.
        page.keyboard.press("j")
        page.keyboard.press("l")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "opgeslagen" in page.inner_text(".flash")
        assert page.locator(".item").count() == 0
        assert page.locator('article[data-doc="nota"] .lak[data-grond="5.1.2e"]').count() >= 2

        # Select a passage in the HTML view and redact it under 5.2.
        page.evaluate("""() => {
            const p = [...document.querySelectorAll('article[data-doc="nota"] p')]
                .find(el => el.textContent.includes('liever niet vertellen'));
            const node = [...p.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('liever'));
            const start = node.textContent.indexOf('wil dit');
            const end = node.textContent.indexOf(' aan de Kamer');
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, end);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        }""")
        page.keyboard.press("s")
        page.wait_for_selector("#passage-dialog[open]")
        page.select_option('#passage-dialog select[name="grond"]', "5.2")
        page.fill('#passage-dialog input[name="toelichting"]', "persoonlijke beleidsopvatting")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "opgeslagen" in page.inner_text(".flash")
        assert page.locator('article[data-doc="nota"] .lak[data-grond="5.2"]').count() == 1

        # Publish: release and build with the gate.
        with page.expect_navigation(timeout=300_000):
            page.click("#publish-form button")
        assert "door de controle (gate) gekomen" in page.inner_text("main"), page.inner_text("main")
        page.goto(f"{base}/d/d1")
        assert page.locator(".pages img").count() >= 2  # public and review page images
        browser.close()

    woo = (root / "d1" / "woo.yaml").read_text(encoding="utf-8")
    assert woo.startswith("# Besluiten van de Woo-afdeling; dit commentaar blijft staan.\n")
    assert '  - "info@rijksoverheid.nl"   # functionele mailbox\n' in woo
    assert re.search(r"personen:\n  - persoon: janpietersen\n    lakken: true\n    door: \"W. Officier\"\n"
                     r"    op: [\d: -]+\n    reden: \"persoonsgegeven van een niet-publiek persoon\"\n", woo)
    assert re.search(r'lakken:\n  - document: nota\n    passage: "wil dit liever niet vertellen"\n    grond: "5.2"\n'
                     r'    toelichting: "persoonlijke beleidsopvatting"\n    door: "W. Officier"\n', woo)
    assert woo.count("  - document:") == 1 and woo.count("  - persoon:") == 1
    assert re.search(r'vrijgave:\n  door: "W. Officier"\n  op: ', woo)
    assert '    naam: "Jan Pietersen"\n    rol: extern\n' in (root / "personen.yaml").read_text(encoding="utf-8")

    public = pdftotext(out / "d1" / "woo" / "nota.pdf")
    assert "Pietersen" not in public and "liever niet" not in public
    assert "5.1.2e" in public and "5.2" in public
    assert "De rest van de tekst blijft staan." in re.sub(r"\s+", " ", public)
    review = pdftotext(out / "d1" / "lakvoorstel" / "nota.pdf")
    assert "Pietersen" in review
