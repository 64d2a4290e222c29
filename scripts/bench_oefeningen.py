"""Benchmark the exercises on the static book in headless Chromium, next to a plain chapter page.

    .venv/bin/python scripts/bench_oefeningen.py [--boek _build/html] [--keer 5]

Per page: bytes transferred on a cold load (empty cache), time from navigation to the
exercise being usable, and click-to-feedback latency. Targets: at most 200 KB more than a
plain page, usable within 1 s, feedback within 50 ms. A figure report, not a test.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import shutil
import statistics
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEWOON = "book/02_gebiedsgericht.html"
OEFENPAGINAS = {
    "indelen-twee": "book/07a_twee_soorten.html",
    "kenmerken": "book/07b_kenmerken.html",
    "beslisregel": "book/07c_beslisregel.html",
    "indelen-drie": "book/07d_drie_soorten.html",
    "spectrum": "book/07e_spectrum.html",
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

# Per click: ms from the click event to the feedback in the DOM, and to the next frame after it.
MEET_KLIK = """
() => {
  window.__wl = [];
  const fb = document.querySelector('.wl-feedback');
  let klik = null;
  document.addEventListener('click', e => {
    if (e.target.closest('[data-keuze], .wl-controleer, .wl-keuzes .wl-knop')) klik = e.timeStamp;
  }, true);
  new MutationObserver(() => {
    if (klik === null || !fb.querySelector('.wl-oordeel')) return;
    const begin = klik;
    klik = null;
    const dom = performance.now() - begin;
    requestAnimationFrame(() => window.__wl.push([dom, performance.now() - begin]));
  }).observe(fb, {childList: true, subtree: true});
}
"""


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def koude_lading(browser, url: str) -> dict:
    """A fresh context (empty cache): bytes over the wire and timings."""
    ctx = browser.new_context()
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    grootte: dict[str, float] = {}
    cdp.on("Network.loadingFinished", lambda e: grootte.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="networkidle")
    tijden = page.evaluate(
        """() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const klaar = performance.getEntriesByName('wijkleren-oefening-klaar')[0];
            return {dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
                    klaar: klaar ? klaar.startTime : null};
        }"""
    )
    ctx.close()
    return {"bytes": sum(grootte.values()), "verzoeken": len(grootte), **tijden}


def klik_latentie(browser, url: str, keer: int) -> list[tuple[float, float]]:
    """Answer `keer` items with real mouse clicks; per click (ms to feedback in the DOM, ms to next frame)."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_selector("[data-oefening][data-klaar]")
    page.evaluate(MEET_KLIK)
    klikken = 0
    for _ in range(keer):
        while not page.locator(".wl-volgende").is_visible():
            if page.locator(".wl-vinkjes").count():
                page.locator(".wl-vinkjes input").first.click()
                page.locator(".wl-controleer").click()
            else:
                page.locator(".wl-keuzes .wl-knop").first.click()
            klikken += 1
            page.wait_for_function("n => window.__wl.length >= n", arg=klikken)
        page.locator(".wl-volgende").click()
    metingen = [tuple(m) for m in page.evaluate("window.__wl")]
    ctx.close()
    return metingen


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--boek", type=Path, default=ROOT / "_build" / "html")
    p.add_argument("--keer", type=int, default=5, help="cold loads and clicks per page")
    args = p.parse_args(argv)
    if not (args.boek / GEWOON).exists():
        print(f"Geen gebouwd boek in {args.boek}. Voer eerst 'make boek' uit.", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Stil, directory=str(args.boek))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    basis = f"http://127.0.0.1:{server.server_address[1]}"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    rijen = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        for naam, pad in [("gewone pagina", GEWOON), *OEFENPAGINAS.items()]:
            ladingen = [koude_lading(browser, f"{basis}/{pad}") for _ in range(args.keer)]
            klikken = [] if pad == GEWOON else klik_latentie(browser, f"{basis}/{pad}", args.keer)
            rijen.append((naam, pad, ladingen, klikken))
        browser.close()
    server.shutdown()

    basis_bytes = statistics.median(lading["bytes"] for lading in rijen[0][2])
    print(f"Chromium headless, {args.keer} koude ladingen per pagina (mediaan), boek: {args.boek}")
    print(
        f"{'pagina':15} {'KB':>7} {'+KB':>7} {'verz.':>5} {'DCL ms':>7} {'load ms':>8} {'bruikbaar ms':>13}"
        " klik→feedback ms, mediaan / max"
    )
    for naam, _, ladingen, klikken in rijen:
        kb = statistics.median(lading["bytes"] for lading in ladingen) / 1024
        extra = kb - basis_bytes / 1024
        klaar = [lading["klaar"] for lading in ladingen if lading["klaar"] is not None]
        bruikbaar = f"{statistics.median(klaar):13.0f}" if klaar else f"{'-':>13}"
        if klikken:
            dom = [k[0] for k in klikken]
            frame = [k[1] for k in klikken]
            klik = f"{statistics.median(dom):6.1f} / {max(dom):5.1f} (frame {statistics.median(frame):5.1f} / {max(frame):5.1f})"
        else:
            klik = "-"
        print(
            f"{naam:15} {kb:7.1f} {extra:+7.1f} {statistics.median(lading['verzoeken'] for lading in ladingen):5.0f}"
            f" {statistics.median(lading['dcl'] for lading in ladingen):7.0f}"
            f" {statistics.median(lading['load'] for lading in ladingen):8.0f} {bruikbaar}  {klik}"
        )
    print("Doelen: hoogstens +200 KB, bruikbaar binnen 1000 ms, feedback binnen 50 ms.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
