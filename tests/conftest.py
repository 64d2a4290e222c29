"""Shared fixtures (the strictly built book, a loopback server for it, headless Chromium) and the
test tiers. Shared test code that is not a fixture lives in the package tests/helpers/.

Tiers (markers registered in pyproject.toml); `make test-snel` runs what has none of them:
- ``traag``: builds the book, runs nbgrader on a class or starts servers: every test that uses
  a fixture in TRAGE_FIXTURES or is in a file of TRAGE_BESTANDEN (below); a slow test without
  such a fixture carries ``@pytest.mark.traag`` itself;
- ``browser``: drives headless Chromium (every test that uses the ``browser`` fixture);
- ``root``: needs root, to make Linux accounts or folders owned by a learner (test_hub.py, and
  ``@pytest.mark.root`` on a single test).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import threading
from pathlib import Path

import pytest
from helpers.boek import BOEK_HTML
from helpers.browser import CHROMIUM, CHROMIUM_ARGS, Bewaker
from helpers.paden import BIN, ROOT

# Files in which every test starts JupyterLab or a hub.
TRAGE_BESTANDEN = {"test_hub.py", "test_oefeningen_lab.py", "test_starten.py"}
# Fixtures that make every test using them slow (also through another fixture), in any file.
TRAGE_FIXTURES = {
    "boek": "the strict book build (minutes when cold)",
    "drukset": "prints the workshop set with Chromium",
    "dist": "make pakket on the built book",
    "leeg_cursus": "generates the final assignment with nbgrader",
    "klas": "a simulated class graded with nbgrader",
    "ronde": "a full grading round with nbgrader",
    "cursus": "a course with generated, submitted and graded work",
}
BROWSER_FIXTURES = {"browser"}
ROOT_BESTANDEN = {"test_hub.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        bestand = item.path.name
        fixtures = set(getattr(item, "fixturenames", ()))
        if bestand in TRAGE_BESTANDEN or fixtures & TRAGE_FIXTURES.keys():
            item.add_marker(pytest.mark.traag)
        if fixtures & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if bestand in ROOT_BESTANDEN:
            item.add_marker(pytest.mark.root)


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


@pytest.fixture
def pagina(browser):
    """A fresh page with its own context (empty localStorage) and a Bewaker on it."""
    ctx = browser.new_context()
    page = ctx.new_page()
    page.bewaker = Bewaker(page)
    yield page
    ctx.close()


os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
# The tests are about the packaged bank; a trainer's own files are added only where a test says so.
os.environ.pop("WIJKLEREN_EIGEN_CASUSSEN", None)
