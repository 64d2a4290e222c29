"""PDF from HTML with Debian's Chromium, driven by Playwright (no browser is ever downloaded).

One place for the certificates (:mod:`.certificaat`) and the workshop sheets (:mod:`.drukwerk`):
finding Chromium, starting it, and printing a page with nothing loaded from another host.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wijkleren.fouten import WijklerenFout

CHROMIUM_VAR = "WIJKLEREN_CHROMIUM"  # another Chromium than the one on PATH or /usr/bin/chromium
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
ANDERE_HOST = re.compile(r"^(https?|wss?)://(?!127\.0\.0\.1|localhost)")


class PdfFout(WijklerenFout):
    """Chromium is missing or could not print; the message is Dutch."""


def chromium() -> str:
    pad = os.environ.get(CHROMIUM_VAR) or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(pad).exists():
        raise PdfFout(
            "Voor de PDF is Chromium nodig, maar ik vind het niet. Installeer het Debian-pakket chromium "
            f"(of draai: make test-deps), of geef het pad met {CHROMIUM_VAR}."
        )
    return pad


@contextmanager
def browser() -> Iterator:
    """A headless Chromium for printing; a failure of Chromium becomes a PdfFout."""
    from playwright.sync_api import Error, sync_playwright

    pad = chromium()
    try:
        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=pad, headless=True, args=CHROMIUM_ARGS)
            try:
                yield b
            finally:
                b.close()
    except Error as fout:
        raise PdfFout(f"Chromium kon de PDF niet maken ({str(fout).splitlines()[0]}).") from None


def naar_pdf(
    browser,
    doel: Path,
    *,
    html_tekst: str | None = None,
    url: str | None = None,
    formaat: str = "A4",
    marge: dict | None = None,
    stijl: str | None = None,
) -> Path:
    """Print one page (HTML text, or a file URL of the built book) to `doel`, as on paper."""
    page = browser.new_page()
    try:
        # A page given as text is whole: it loads nothing. A book page loads only its own files.
        page.route("**/*" if html_tekst is not None else ANDERE_HOST, lambda route: route.abort())
        if html_tekst is not None:
            page.set_content(html_tekst, wait_until="load")
        else:
            page.goto(url, wait_until="load")
        page.emulate_media(media="print")
        if stijl:
            page.add_style_tag(content=stijl)
        page.pdf(
            path=str(doel), format=formaat, prefer_css_page_size=True, print_background=True, margin=marge
        )
    finally:
        page.close()
    return doel
