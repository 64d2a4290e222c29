"""Shared fixtures: the strictly built book, a loopback server for it, and headless Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
BOEK_HTML = ROOT / "_build" / "html"
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


@pytest.fixture(scope="session")
def boek() -> Path:
    """Build the book strictly (-W -n --keep-going), as `make boek` does; fail on any warning.

    Under pytest-xdist each worker has this fixture; a file lock makes the first one build and
    the others reuse that build.
    """
    import fcntl

    BOEK_HTML.parent.mkdir(exist_ok=True)
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))
    klaar = BOEK_HTML.parent / f".gebouwd-{run}"
    with open(BOEK_HTML.parent / ".bouwslot", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if not klaar.exists():
            for oud in BOEK_HTML.parent.glob(".gebouwd-*"):
                oud.unlink()
            res = subprocess.run(
                [str(BIN / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=900,
            )
            assert res.returncode == 0, (
                f"strict book build failed:\n{res.stdout[-6000:]}\n{res.stderr[-6000:]}"
            )
            klaar.touch()
    return BOEK_HTML


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def boekserver(boek):
    """The built book on 127.0.0.1, on a free port."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Stil, directory=str(boek)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: run `make test`, which installs it")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


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


@pytest.fixture
def pagina(browser):
    """A fresh page with its own context (empty localStorage) and a Bewaker on it."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.bewaker = Bewaker(page)
    yield page
    ctx.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


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


def html_paginas(boek: Path) -> list[str]:
    """All pages of the built book, as paths relative to its root."""
    return sorted(
        str(p.relative_to(boek))
        for p in boek.rglob("*.html")
        if not p.relative_to(boek).parts[0].startswith(("_", "."))
    )


os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
# The tests are about the packaged bank; a trainer's own files are added only where a test says so.
os.environ.pop("WIJKLEREN_EIGEN_CASUSSEN", None)
