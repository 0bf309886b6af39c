"""Screenshots of every page of the review application in headless Chromium, to look at.

    .venv/bin/python bench/review_screenshots.py [--plant] CONTENT OUT SHOTS [DOSSIER...]

Starts the application on 127.0.0.1 for CONTENT/OUT, and writes to SHOTS: the overview, each
DOSSIER's review (top and, scrolled, the side panel with the page images), the help, the
passage dialog, a refused write, and (for the first dossier) the outcome of publishing.
Publishing really runs `woo` for that dossier, so use a copy of the content.

With --plant, the first DOSSIER's nota first gets a sentence naming a civil servant nobody
registered ("projectleider Van Leeuwen"), so the review has an open finding to decide: the
example content has none, and without one the decision steps have nothing to show.
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


PLANTED = "Dit is afgestemd met projectleider Van Leeuwen van de directie Digitale Economie."


def plant_finding(nota: Path) -> None:
    """Open the first `tekst: |` block of a nota with PLANTED as a paragraph of its own."""
    lines = nota.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.strip() == "tekst: |" and i + 1 < len(lines):
            indent = lines[i + 1][: len(lines[i + 1]) - len(lines[i + 1].lstrip())]
            lines[i + 1:i + 1] = [f"{indent}{PLANTED}\n", "\n"]
            nota.write_text("".join(lines), encoding="utf-8")
            return
    raise SystemExit(f"{nota}: geen tekstblok gevonden om een bevinding in te zetten")


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from pipeline.review import create_app, free_port

    args = [a for a in sys.argv[1:] if a != "--plant"]
    content, out, shots = Path(args[0]), Path(args[1]), Path(args[2])
    dossiers = args[3:]
    if "--plant" in sys.argv and dossiers:
        plant_finding(content / dossiers[0] / "nota.yaml")
    shots.mkdir(parents=True, exist_ok=True)
    app = create_app(content, out, token="shots", door="W. Officier")
    port = free_port(0)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1500, "height": 950})
        page.goto(base + "/?token=shots")
        page.screenshot(path=str(shots / "1-overzicht.png"), full_page=True)
        for d in dossiers:
            page.goto(f"{base}/d/{d}")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(shots / f"2-{d}.png"))
            page.check("#show-orig")
            page.screenshot(path=str(shots / f"3-{d}-gelakte-tekst.png"))
            page.uncheck("#show-orig")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.screenshot(path=str(shots / f"4-{d}-onderaan.png"))
        if dossiers:
            d = dossiers[0]
            page.goto(f"{base}/d/{d}")
            page.keyboard.press("?")
            page.screenshot(path=str(shots / "5-hulp.png"))
            page.keyboard.press("Escape")
            page.keyboard.press("l")
            page.screenshot(path=str(shots / "6-lakken-gekozen.png"))
            page.keyboard.press("Escape")
            page.evaluate("""() => {
                const node = [...document.querySelectorAll('article[data-doc="nota"] .body p')]
                    .flatMap(p => [...p.childNodes])
                    .find(n => n.nodeType === 3 && n.textContent.length > 40);
                const range = document.createRange();
                range.setStart(node, 0); range.setEnd(node, 40);
                const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            }""")
            page.keyboard.press("s")
            page.screenshot(path=str(shots / "7-passage.png"))
            page.keyboard.press("Escape")
            woo = content / d / "woo.yaml"
            woo.write_text(woo.read_text(encoding="utf-8") + "# met de hand\n", encoding="utf-8")
            page.keyboard.press("j")
            page.keyboard.press("b")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            page.screenshot(path=str(shots / "8-geweigerd.png"))
            with page.expect_navigation(timeout=600_000):
                page.click("#publish-form button")
            page.screenshot(path=str(shots / "9-publicatie.png"), full_page=True)
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
