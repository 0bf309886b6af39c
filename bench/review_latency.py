"""How long a decision takes to show in the review's HTML view, for a dossier of about 20 pages.

    .venv/bin/python bench/review_latency.py [--repeat 20] [--pages] [--browser] [--json bench/review_latency.json]

A content folder is generated in a temporary folder: a nota of about 20 pages (checked with
--pages, which builds its PDF once with LibreOffice) that names one unregistered person on
every page. Each round posts a decision (keep the person, reason "publiek functionaris") and
follows the redirect to the review page, which reloads woo.yaml, re-models the dossier,
re-applies the redaction and renders the HTML; then the decision is undone the same way.
Measured in process through Starlette's test client (no network), and with --browser also in
headless Chromium from the key press until the new page's DOM is loaded. The goal is < 300 ms.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from helpers import DOSSIER_YAML, nota_with, write_content  # noqa: E402

SENTENCE = ("De uitvoering van de regeling vraagt om een zorgvuldige afstemming tussen de betrokken "
            "uitvoeringsorganisaties, de gemeenten en het ministerie, zodat de planning haalbaar blijft. ")


def make_content(root: Path, paragraphs: int = 130) -> Path:
    parts = []
    for i in range(paragraphs):
        extra = " Volgens Jan Pietersen is dit haalbaar." if i % 6 == 0 else ""
        parts.append(f"Alinea {i + 1}. " + SENTENCE * 3 + extra)
    return write_content(root, {"d1/nota.yaml": nota_with("\n\n".join(parts)), "d1/dossier.yaml": DOSSIER_YAML})


def _hidden(html: str, action: str) -> dict[str, str]:
    for form in re.findall(r"<form[^>]*>.*?</form>", html, re.S):
        if f'value="{action}"' in form:
            return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    raise SystemExit(f"no form for {action}")


def in_process(root: Path, out: Path, repeat: int) -> dict[str, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient
    from pipeline.review.app import create_app

    client = TestClient(create_app(root, out, token="bench"))
    client.get("/?token=bench")
    page = client.get("/d/d1").text
    times, undo_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        r = client.post("/d/d1/besluit", data=_hidden(page, "behouden") | {"reden": "publiek functionaris"})
        times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200 and "opgeslagen" in r.text and 'class="item"' not in r.text, r.text[:500]
        start = time.perf_counter()
        r = client.post("/d/d1/besluit", data=_hidden(r.text, "ongedaan"))
        undo_times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200 and 'class="item"' in r.text
        page = r.text
    start = time.perf_counter()
    client.get("/d/d1")
    cached = (time.perf_counter() - start) * 1000
    return {"decision_median_ms": statistics.median(times), "decision_max_ms": max(times),
            "undo_median_ms": statistics.median(undo_times), "view_cached_ms": cached,
            "html_bytes": len(page)}


def in_browser(root: Path, out: Path, repeat: int) -> dict[str, float]:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from pipeline.review import create_app, free_port

    app = create_app(root, out, token="bench")
    port = free_port(0)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/d/d1?token=bench")
        for _ in range(repeat):
            page.wait_for_selector(".item.current")
            page.keyboard.press("b")
            start = time.perf_counter()
            with page.expect_navigation(wait_until="domcontentloaded"):  # the HTML is there; images may follow
                page.keyboard.press("Enter")
            times.append((time.perf_counter() - start) * 1000)
            with page.expect_navigation(wait_until="load"):
                page.keyboard.press("u")
        browser.close()
    server.should_exit = True
    return {"browser_decision_median_ms": statistics.median(times), "browser_decision_max_ms": max(times)}


def pdf_pages(root: Path, out: Path) -> int:
    from pypdf import PdfReader

    from pipeline.build import build_signing

    build_signing(root, out, ["d1"], force=True)
    return len(PdfReader(out / "d1" / "nota.pdf").pages)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--pages", action="store_true", help="build the nota's PDF once to count its pages")
    ap.add_argument("--browser", action="store_true", help="also measure in headless Chromium")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root, out = make_content(Path(tmp) / "content"), Path(tmp) / "out"
        result: dict[str, float] = {}
        if args.pages:
            result["nota_pages"] = pdf_pages(root, out)
        result |= in_process(root, out, args.repeat)
        if args.browser:
            result |= in_browser(root, out, args.repeat)
    for key, value in result.items():
        print(f"{key:28} {value:10.1f}" if isinstance(value, float) else f"{key:28} {value:10}")
    verdict = "ok" if result["decision_median_ms"] < 300 else "TE TRAAG"
    print(f"doel < 300 ms: {verdict}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
