"""Headless Chromium (Debian's, driven by Playwright), a guard on each page, and axe-core."""

from __future__ import annotations

import shutil
from urllib.parse import urlparse

from .paden import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class Bewaker:
    """Records requests to other hosts and console errors of a page."""

    def __init__(self, page):
        self.extern: list[str] = []
        self.fouten: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.fouten.append(m.text))
        page.on("pageerror", lambda e: self.fouten.append(str(e)))

    def _request(self, req):
        url = urlparse(req.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.hostname not in ("127.0.0.1", "localhost"):
            self.extern.append(req.url)


def axe_schendingen(page) -> list[dict]:
    """Run axe-core (WCAG 2.1 A and AA rules) on the page; return the violations."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
