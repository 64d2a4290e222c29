"""The book: strict build, and every page loads offline in Chromium without console errors."""

import json
import re

import yaml
from helpers.boek import html_paginas
from helpers.paden import ROOT


def _toc_bestanden(knoop) -> list[str]:
    if isinstance(knoop, dict):
        eigen = [knoop[s] for s in ("root", "file") if s in knoop]
        return eigen + [f for w in knoop.values() for f in _toc_bestanden(w)]
    if isinstance(knoop, list):
        return [f for w in knoop for f in _toc_bestanden(w)]
    return []


def test_book_builds_strictly_with_every_chapter_and_nothing_else(boek):
    paginas = html_paginas(boek)
    assert "index.html" in paginas
    hoofdstukken = [p for p in paginas if p.startswith("book/")]
    assert len(hoofdstukken) >= 11, hoofdstukken
    # Exactly the pages of _toc.yml (plus the start, index and search pages Sphinx adds): no README,
    # docs page or notebook text from elsewhere in the checkout (the book builds from its root).
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    verwacht = {f"{f}.html" for f in _toc_bestanden(toc)} | {"index.html", "genindex.html", "search.html"}
    assert set(paginas) == verwacht


def test_no_page_names_a_cdn(boek):
    # sphinx-thebe would point at unpkg; the extension removes it. No page may name a CDN host.
    for p in html_paginas(boek):
        html = (boek / p).read_text(encoding="utf-8")
        for host in ("unpkg.com", "cdn.jsdelivr.net", "cdnjs.cloudflare.com", "fonts.googleapis.com"):
            assert host not in html, f"{p} names {host}"


def test_the_start_page_has_the_courses_icon(boek):
    # Without it the browser asks the server's root for /favicon.ico: a 404 (seen as a flaky
    # console error), and a request outside the course's folder on an intranet.
    start = (boek / "index.html").read_text(encoding="utf-8")
    assert 'rel="icon" href="_static/favicon.svg"' in start and "book/01_welkom.html" in start


def test_every_page_loads_offline_without_errors(boek, boekserver, pagina):
    for p in html_paginas(boek):
        pagina.goto(f"{boekserver}/{p}", wait_until="networkidle")
    assert pagina.bewaker.extern == []
    assert pagina.bewaker.fouten == []


ENGELS = (
    "Skip to main content",
    "Back to top",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    'aria-label="Main"',
    "Link to this heading",
    "previous page",
    "next page",
    "Site navigation",
    "Version warning",
)


def test_the_themes_words_are_dutch(boek):
    # The pages of this build (an old page of a dropped chapter may still lie in _build).
    docnames = re.search(r'"docnames":\s*\[(.*?)\]', (boek / "searchindex.js").read_text(encoding="utf-8"))
    paginas = [f"{json.loads(d)}.html" for d in re.findall(r'"(?:[^"\\]|\\.)*"', docnames.group(1))]
    assert "book/07_oefenen.html" in paginas
    for p in [*paginas, "search.html", "genindex.html"]:
        html = (boek / p).read_text(encoding="utf-8")
        for woord in ENGELS:
            assert woord not in html, f"{p}: {woord}"


def test_at_320_pixels_wide_no_page_scrolls_sideways(boek, boekserver, browser):
    # WCAG 1.4.10 (reflow, level AA): content fits 320 CSS pixels without scrolling in two
    # directions. Wide tables scroll inside their own box (the theme's), not the page.
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    page = ctx.new_page()
    te_breed = {}
    for p in html_paginas(boek):
        if p == "index.html":  # only a redirect to the first chapter
            continue
        page.goto(f"{boekserver}/{p}", wait_until="load")
        breedte = page.evaluate("() => document.documentElement.scrollWidth")
        if breedte > 320:
            te_breed[p] = breedte
    ctx.close()
    assert te_breed == {}
