"""Quality gates of the book: readability, spelling, own words, facts, structure, accessibility, links."""

import re
import statistics
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import yaml
from conftest import ROOT, axe_schendingen, html_paginas

from wijkleren.bankoverzicht import reeksen as woordreeksen
from wijkleren.leesbaarheid import meet, proza

BRON = ROOT / "docs" / "bron" / "wijkengids_1-7.txt"
FEITEN = ROOT / "docs" / "bron" / "feiten.md"


def hoofdstukken() -> list[Path]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    namen = [toc["root"]]

    def loop(items):
        for it in items:
            if "file" in it:
                namen.append(it["file"])
            loop(it.get("sections", []) + it.get("chapters", []))

    loop(toc["parts"])
    return [ROOT / f"{n}.md" for n in namen]


HOOFDSTUKKEN = hoofdstukken()
# Chapters with teaching content: objectives, a worked example, a self-check and a summary.
LESSEN = [p for p in HOOFDSTUKKEN if re.match(r"0[1-9]_", p.name) and p.stem != "07_oefenen"]


def test_readability_per_chapter():
    cijfers = [meet(p) for p in HOOFDSTUKKEN]
    for c in cijfers:
        assert c.flesch_douma >= 45, f"{c.naam}: Flesch-Douma {c.flesch_douma:.1f} < 45"
        assert c.zinslengte <= 15, f"{c.naam}: {c.zinslengte:.1f} words per sentence > 15"
    assert statistics.median(c.flesch_douma for c in cijfers) >= 50


def test_readability_measure_can_fail():
    moeilijk = (
        "De implementatie van gebiedsgerichte beleidsinstrumentaria vereist een integrale "
        "afstemming tussen verschillende organisatieonderdelen, maatschappelijke partners en "
        "vertegenwoordigers van belanghebbende bewonersorganisaties binnen de gemeentelijke context."
    )
    from wijkleren.leesbaarheid import textstat

    assert textstat.flesch_reading_ease(moeilijk) < 45


def _woordenlijst(tmp_path) -> Path:
    woorden = []
    for f in sorted((ROOT / "tests" / "woordenlijst").glob("*.txt")):
        woorden += [w.strip() for w in f.read_text(encoding="utf-8").splitlines() if w.strip()]
    pad = tmp_path / "woorden.dic"
    pad.write_text("\n".join(sorted(set(woorden))) + "\n", encoding="utf-8")
    return pad


def onbekende_woorden(tekst: str, woordenlijst: Path) -> set[str]:
    # Split on slashes too, and drop the hyphen of a shared compound part ("wijk- en gebiedsgericht").
    tekst = re.sub(r"https?://\S+", " ", tekst).replace("/", " ")
    tekst = re.sub(r"(\w)-(?=\s|$)", r"\1", tekst)
    res = subprocess.run(
        ["hunspell", "-d", "nl_NL", "-p", str(woordenlijst), "-l"],
        input=tekst,
        capture_output=True,
        text=True,
        check=True,
    )
    return set(res.stdout.split())


@pytest.mark.parametrize("pad", HOOFDSTUKKEN, ids=lambda p: p.stem)
def test_spelling(pad, tmp_path):
    fout = onbekende_woorden(proza(pad.read_text(encoding="utf-8")), _woordenlijst(tmp_path))
    assert not fout, f"{pad.name}: unknown words {sorted(fout)}"


def test_spelling_check_can_fail(tmp_path):
    assert onbekende_woorden("De gemeennte werkt samen.", _woordenlijst(tmp_path)) == {"gemeennte"}


def _zonder_citaten(markdown: str) -> str:
    """Drop marked quotations: blockquotes that name their source (a line with '—' and a title)."""
    blokken = re.split(r"\n(?=[^>])", markdown)
    return "\n".join(b for b in blokken if not (b.lstrip().startswith(">") and "—" in b))


def reeksen(tekst: str) -> set[tuple[str, ...]]:
    return woordreeksen(tekst, 10)


def test_no_ten_word_run_copied_from_the_source():
    bron = reeksen(BRON.read_text(encoding="utf-8"))
    for pad in HOOFDSTUKKEN:
        eigen = reeksen(proza(_zonder_citaten(pad.read_text(encoding="utf-8"))))
        gekopieerd = eigen & bron
        assert not gekopieerd, f"{pad.name} copies: {' '.join(sorted(gekopieerd)[0])}"


def test_copy_check_can_fail():
    bron = BRON.read_text(encoding="utf-8").split()
    stuk = " ".join(bron[40:52])
    assert reeksen(proza(_zonder_citaten(f"Tekst. {stuk}\n"))) & reeksen(" ".join(bron))
    assert not reeksen(proza(_zonder_citaten(f"> {stuk}\n> — Platform31\n"))) & reeksen(" ".join(bron))


# Statements feiten.md marks UNVERIFIED, as patterns that would state them.
ONGEVERIFIEERD = [
    r"\bCLIB\b",
    r"Eindevaluatie wijkenaanpak",
    r"aandachtsgebieden",
    r"actielijnen",
    r"uitdaagrecht",
]


def test_nothing_unverified_is_stated():
    for pad in HOOFDSTUKKEN:
        tekst = pad.read_text(encoding="utf-8")
        for patroon in ONGEVERIFIEERD:
            assert not re.search(patroon, tekst, re.I), f"{pad.name} states {patroon}"
        # No start year for Nationaal Programma Rotterdam Zuid.
        for zin in re.split(r"(?<=[.!?])\s", tekst):
            if "Rotterdam Zuid" in zin:
                assert not re.search(r"\b20(0\d|1\d)\b", zin), f"{pad.name}: {zin}"


def test_every_cited_source_is_on_the_sources_page():
    bronnen = (ROOT / "book" / "11_bronnen.md").read_text(encoding="utf-8")
    urls = re.findall(r"https?://[^\s)>]+", FEITEN.read_text(encoding="utf-8"))
    assert urls
    for url in urls:
        assert url.rstrip(".,") in bronnen, f"sources page lacks {url}"
    assert bronnen.find("platform31.nl/wijkengids/1-vooraf/1-7") < bronnen.find("wikipedia"), (
        "the seed comes first"
    )


def test_history_chapter_gives_sources_for_its_facts():
    tekst = (ROOT / "book" / "03_wijkaanpak.md").read_text(encoding="utf-8")
    for feit in ("2007", "40", "2,5 miljard", "SCP", "2022"):
        assert feit in tekst, feit
    voetnoten = re.findall(r"^\[\^\w+\]:\s*(.+)$", tekst, re.M)
    assert len(voetnoten) >= 4 and all("http" in v or "Wijkengids" in v for v in voetnoten)


@pytest.mark.parametrize("pad", LESSEN, ids=lambda p: p.stem)
def test_chapter_structure(pad):
    tekst = pad.read_text(encoding="utf-8")
    assert re.search(r"^## Wat leer je\?", tekst, re.M), "learning objectives"
    assert re.search(r"^## Kort gezegd", tekst, re.M), "summary"
    assert re.search(r"^:{3,}\{admonition\} Voorbeeld", tekst, re.M), "worked example"
    assert re.search(r"^:{3,}\{admonition\} Vraag", tekst, re.M), "self-check question"
    assert re.search(r"^:{3,}\{dropdown\} Bekijk het antwoord", tekst, re.M), "answer behind a toggle"


def test_three_diagrams_with_dutch_alt_text(boek):
    figuren = {}
    for p in html_paginas(boek):
        for img in re.findall(r"<img [^>]*>", (boek / p).read_text(encoding="utf-8")):
            src = re.search(r'src="[^"]*/([\w-]+)\.svg"', img)
            if src:
                figuren[src.group(1)] = re.search(r'alt="([^"]*)"', img).group(1)
    assert set(figuren) >= {"wijkaanpak_in_gebiedsgericht", "beslisregel", "spectrum"}
    for naam, alt in figuren.items():
        assert len(alt.split()) >= 8, f"{naam}: alt text too short"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "img", "script", "link"):
                self.links.append(a[key])


def test_all_internal_links_resolve(boek):
    kapot = []
    for p in html_paginas(boek):
        parser = _Links()
        parser.feed((boek / p).read_text(encoding="utf-8"))
        for link in parser.links:
            url = urlparse(link)
            if url.scheme or link.startswith(("#", "mailto:")):
                continue
            doel = (boek / p).parent / urldefrag(url.path)[0]
            if url.path and not doel.exists():
                kapot.append(f"{p} -> {link}")
    assert not kapot, kapot[:10]


def test_axe_finds_no_wcag_violations_on_any_page(boek, boekserver, pagina):
    fouten = {}
    for p in html_paginas(boek):
        pagina.goto(f"{boekserver}/{p}", wait_until="networkidle")
        v = axe_schendingen(pagina)
        if v:
            fouten[p] = v
    assert not fouten, fouten
    assert pagina.bewaker.extern == []
