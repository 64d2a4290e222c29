"""Quality gates of the book: readability, spelling, own words, facts, structure, accessibility, links.

Also the domain model v2 in the book (thresholds, the two kinds), the source deviations of issue 15,
the form of address, and the routes with their timings.
"""

import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlparse

import pytest
import yaml
from helpers.boek import html_paginas
from helpers.browser import axe_schendingen
from helpers.paden import ROOT
from helpers.spelling import hunspell, woordenlijst

from wijkleren.boek.figuren import beslisregel, wijkaanpak_in_gebiedsgericht
from wijkleren.boek.leesbaarheid import KORT_AANDEEL_MAX, meet, meet_tekst, proza, zinnen
from wijkleren.casussen.domein import CATEGORIE_NAAM, KENMERKEN, SOORT_NAAM
from wijkleren.casussen.overzicht import reeksen as woordreeksen

# The project stands alone: the source text and the facts list are in docs/bron/.
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


@pytest.mark.parametrize("pad", HOOFDSTUKKEN, ids=lambda p: p.stem)
def test_readability_per_chapter(pad):
    """B1 for professionals: 11-15 words per sentence, few very short sentences, Flesch-Douma > 55."""
    c = meet(pad)
    assert c.zinnen >= 5, f"{c.naam}: too little running text to measure"
    assert not c.buiten_de_band(), f"{c.naam}: " + "; ".join(c.buiten_de_band())


VERBINDINGSWOORDEN = re.compile(r"\b(omdat|zodat|terwijl|want|daarom|doordat|dus)\b", re.I)


@pytest.mark.parametrize("pad", LESSEN, ids=lambda p: p.stem)
def test_reasoning_keeps_its_connectives(pad):
    """Professionals read reasons: at least 8% of sentences of a lesson carry omdat, zodat, terwijl, ..."""
    lijst = zinnen(proza(pad.read_text(encoding="utf-8"), alleen_lopende_tekst=True))
    aandeel = sum(1 for z in lijst if VERBINDINGSWOORDEN.search(z)) / len(lijst)
    assert aandeel >= 0.08, f"{pad.name}: only {aandeel:.0%} of sentences link a reason or a contrast"


STACCATO = (
    "Dit is een wijk. De gemeente werkt hier. Bewoners praten mee. Er is een plan. "
    "Het plan is goed. De school doet mee. Dat helpt. Iedereen is blij."
)
LANG = (
    "De implementatie van gebiedsgerichte beleidsinstrumentaria vereist een integrale afstemming "
    "tussen verschillende organisatieonderdelen, maatschappelijke partners en vertegenwoordigers van "
    "belanghebbende bewonersorganisaties binnen de gemeentelijke context, waarbij de verantwoordelijke "
    "portefeuillehouders periodiek worden geïnformeerd over de voortgang van de uitvoeringsagenda."
)
GOED = (
    "In de wijk Oost maken bewoners samen met de gemeente een plan voor hun straat. "
    "De school en de woningcorporatie doen mee, omdat zij de buurt goed kennen. "
    "Bewoners kiezen zelf waaraan ze een deel van het budget uitgeven, zodat het plan van hen is. "
    "Elke maand zitten de partners aan tafel, terwijl het wijkteam de afspraken bijhoudt."
)


def test_readability_band_fails_both_ways():
    staccato = meet_tekst(STACCATO)
    assert staccato.zinslengte < 11 and staccato.kort_aandeel > KORT_AANDEEL_MAX
    assert any("te kort" in f for f in staccato.buiten_de_band())
    assert any("korte zinnen" in f for f in staccato.buiten_de_band())
    lang = meet_tekst(LANG)
    assert any("te lang" in f for f in lang.buiten_de_band())
    assert any("Flesch-Douma" in f for f in lang.buiten_de_band())
    assert meet_tekst(GOED).buiten_de_band() == []


def test_sentences_are_counted_as_a_reader_sees_them():
    tekst = proza(
        "# Kop\n\nEen zin met 2,5 miljoen euro en §1.7 erin. Nog een zin.\n\n"
        "- een item dat over\n  twee regels loopt\n- nog een item\n\n| a | b |\n|---|---|\n| c | d |\n",
        alleen_lopende_tekst=True,
    )
    assert zinnen(tekst) == [
        "Een zin met 2,5 miljoen euro en §1.7 erin.",
        "Nog een zin.",
        "een item dat over twee regels loopt.",
        "nog een item.",
    ]
    gemeten = meet_tekst(tekst)
    assert gemeten.zinnen == 4 and gemeten.kort_aandeel == 0.5


def test_readability_figures_are_printed_per_chapter():
    res = subprocess.run(
        [sys.executable, "-m", "wijkleren.boek.leesbaarheid", *map(str, HOOFDSTUKKEN[:2])],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    assert "woorden/zin" in res.stdout and "korte zinnen" in res.stdout and "Flesch-Douma" in res.stdout
    for pad in HOOFDSTUKKEN[:2]:
        assert pad.stem in res.stdout


def onbekende_woorden(tekst: str, woordenlijst: Path) -> set[str]:
    # Split on slashes too, and drop the hyphen of a shared compound part ("wijk- en gebiedsgericht").
    tekst = re.sub(r"https?://\S+", " ", tekst).replace("/", " ")
    tekst = re.sub(r"(\w)-(?=\s|$)", r"\1", tekst)
    # Single quotes around a phrase ('voorlopig') are no part of a word; 's and collega's are.
    tekst = re.sub(r"(?<!\w)'(?!s\b)|(?<=\w)'(?!\w)", " ", tekst).replace("‘", " ").replace("’", " ")
    return {
        w for w in hunspell(tekst, woordenlijst) if re.search(r"[^\W\d_]", w)
    }  # a token without letters is no word


@pytest.mark.parametrize("pad", HOOFDSTUKKEN, ids=lambda p: p.stem)
def test_spelling(pad, tmp_path):
    # Inline code (a command, a file name) is no Dutch prose to spell.
    tekst = proza(pad.read_text(encoding="utf-8"), met_code=False)
    fout = onbekende_woorden(tekst, woordenlijst(tmp_path))
    assert not fout, f"{pad.name}: unknown words {sorted(fout)}"


def test_spelling_check_can_fail(tmp_path):
    assert onbekende_woorden("De gemeennte werkt samen.", woordenlijst(tmp_path)) == {"gemeennte"}


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


# --- Language: one form of address, no known errors and anglicisms (issue 15 item 7) ---

# Pages a learner or trainer reads; the assessment pages have the same standard.
AANSPREKING = re.compile(r"\b(we|wij|ons|onze|u|uw)\b", re.I)
# Known errors and anglicisms, with what to write instead (the message says it).
FOUTEN = {
    r"\bvoel(t|en) (zich )?onveilig": "'vinden het onveilig' of 'is onveilig'",
    r"\bmaakt? (een paar|enkele|drie) punten\b": "'geeft een paar boodschappen' of 'zegt'",
    r"\bzit(ten)? in de weg\b": "'staat in de weg'",
    r"\baanpassen op\b|\bpast\b[^.]{0,40}\baan op\b": "'aanpassen aan'",
    r"\bDaar horen\b[^.]*\berbij\b": "'Daarin zijn ... nodig'",
    r"\brubric": "'beoordelingsschema'",
    r"\bmaakt sense\b|\bin de lead\b|\bop dezelfde pagina\b": "Nederlands zonder anglicisme",
}


def _zonder_aanhalingen(tekst: str) -> str:
    """Quoted words are someone else's (a wethouder, a programme name): drop them."""
    tekst = re.sub(r'"[^"]{0,400}"|“[^”]{0,400}”', " ", tekst)
    return re.sub(r"(?<!\w)'[^'\n]+'(?!\w)", " ", tekst)


@pytest.mark.parametrize("pad", HOOFDSTUKKEN, ids=lambda p: p.stem)
def test_one_form_of_address_and_no_known_errors(pad):
    tekst = proza(_zonder_citaten(pad.read_text(encoding="utf-8")))
    eigen = _zonder_aanhalingen(tekst)
    gevonden = sorted({m.group(0) for m in AANSPREKING.finditer(eigen)})
    assert not gevonden, f"{pad.name}: address the reader as 'je', not {gevonden}"
    for patroon, beter in FOUTEN.items():
        m = re.search(patroon, tekst, re.I)
        assert not m, f"{pad.name}: '{m.group(0)}', write {beter}"


def test_address_and_error_checks_can_fail(tmp_path):
    eigen = _zonder_aanhalingen('Daarom doen we dit. De wethouder zegt: "Wij doen mee." Kent u dit?')
    assert sorted({m.group(0) for m in AANSPREKING.finditer(eigen)}) == ["u", "we"]
    assert re.search(list(FOUTEN)[0], "bewoners zeggen dat het park 's avonds onveilig voelt", re.I) is None
    assert re.search(list(FOUTEN)[0], "het park voelt onveilig", re.I)
    assert re.search(list(FOUTEN)[4], "Daar horen alle vijf kenmerken erbij.", re.I)


# --- Statements about the source (issue 15 item 7): only what the source and feiten.md say ---


def _boek(naam: str) -> str:
    return (ROOT / "book" / f"{naam}.md").read_text(encoding="utf-8")


def test_scp_finding_is_not_sharpened_and_both_views_are_given():
    tekst = re.sub(r"\s+", " ", _boek("03_wijkaanpak"))
    assert "geen onderscheidend gunstig effect" in tekst
    assert not re.search(r"geen (duidelijk|enkel|aantoonbaar) (gunstig|positief) effect", tekst)
    assert "Hooimeijer" in tekst and "11 procent" in tekst and "5 procent" in tekst


def test_reasons_for_a_sectoral_approach_are_the_sources_own():
    tekst = re.sub(r"\s+", " ", _boek("05_sectoraal"))
    assert "blijvend noodzakelijk, aanvullend of simpelweg efficiënter" in tekst
    for pad in HOOFDSTUKKEN:
        eigen = re.sub(r"\s+", " ", pad.read_text(encoding="utf-8"))
        assert not re.search(r"\bdrie redenen\b", eigen, re.I), f"{pad.name}: 'drie redenen'"
        # The equal-treatment argument is in neither source.
        assert not re.search(r"voor iedereen gelijk|gelijke behandeling", eigen, re.I), pad.name


def test_rmo_spectrum_is_another_axis_and_advantages_are_not_listed():
    assert "RMO" not in _boek("04_verschil"), "the RMO spectrum does not draw the line of the rule"
    assert re.search(r"andere (as|indeling)", _boek("06_maatwerk"))
    for pad in HOOFDSTUKKEN:
        eigen = re.sub(r"\s+", " ", pad.read_text(encoding="utf-8"))
        assert not re.search(r"noemt (er )?(verschillende |een aantal |een paar )?voordelen", eigen), pad.name


# --- Domain model v2 in the book ---


def test_the_book_teaches_the_two_kinds_and_the_thresholds():
    for naam in ("04_verschil", "05_sectoraal", "10_begrippen"):
        tekst = re.sub(r"\s+", " ", _boek(naam))
        assert "geen gebiedsgericht werken" in tekst, naam
        assert "in een gebied, maar niet gebiedsgericht" in tekst, naam
        assert re.search(r"sectorale[^.]{0,40}aanpak", tekst), naam
    # The thresholds table of chapter 4 says what the domain model says, word for word.
    tabel = re.sub(r"\s+", " ", _boek("04_verschil"))
    for k in KENMERKEN:
        rij = f"| {k.naam} | {k.genoeg} | {k.niet_genoeg} |"
        assert rij in tabel, f"chapter 4 lacks the thresholds of {k.code}: {rij}"
    # Working in a wijk is not working from the wijk.
    assert re.search(r"\*in\* een wijk[^.]*\*vanuit\* de wijk", re.sub(r"\s+", " ", _boek("05_sectoraal")))


def _svg_tekst(svg: bytes) -> str:
    return " ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg.decode()))


def test_the_decision_tree_ends_in_the_kind_and_the_circles_show_both_kinds():
    for maak in (beslisregel, wijkaanpak_in_gebiedsgericht):
        tekst = _svg_tekst(maak()).lower()
        for naam in [*SOORT_NAAM.values(), *CATEGORIE_NAAM.values()]:
            assert naam.lower() in tekst, f"{maak.__name__} lacks '{naam}'"
    # The tree asks the kind's question after a no on question 1.
    assert "is de aanpak gebonden aan een gebied?" in _svg_tekst(beslisregel()).lower()


def test_the_book_says_what_the_course_does_with_the_source():
    tekst = re.sub(r"\s+", " ", _boek("04_verschil"))
    deel = tekst[tekst.index("(h-cursus-en-bron)=") :]
    deel = deel[: deel.index("## Een model, geen wet")]
    assert "geen lijst" in deel and "model" in deel and "rommeliger" in deel
    assert "Nationaal Programma Leefbaarheid en Veiligheid" in deel and "focusgebieden" in deel
    # Only what feiten.md states about the NPLV.
    feiten = FEITEN.read_text(encoding="utf-8")
    for getal in re.findall(r"\b\d+(?:,\d+)?\b", deel):
        assert getal.replace(",", ".") in feiten, f"the NPLV example states {getal}, not in feiten.md"


def test_glossary_defines_every_term_the_book_uses():
    """A {term} role without a glossary entry fails the strict build; this says which, without building."""
    termen = set()
    for pad in HOOFDSTUKKEN:
        termen |= {
            (m.group(2) or m.group(1)).strip().lower()
            for m in re.finditer(r"\{term\}`([^`<]+?)(?:\s*<([^>]+)>)?`", pad.read_text(encoding="utf-8"))
        }
    begrippen = _boek("10_begrippen")
    gedefinieerd = {
        r.strip().lower() for r in re.findall(r"^(\S[^\n]*)$", begrippen.split(":::{glossary}")[1], re.M)
    }
    assert termen <= gedefinieerd, sorted(termen - gedefinieerd)


# --- Routes and time (issue 15 item 6) ---

TIJD = re.compile(r"ongeveer (\d+) minuten|kost (\d+) minuten")


def eigen_minuten(pad: Path) -> int | None:
    """The minutes a page says it takes, from its first paragraph after the title."""
    tekst = pad.read_text(encoding="utf-8")
    kop = tekst.index("\n# ")
    eerste = tekst[kop:].split("\n\n")[1]
    m = TIJD.search(eerste)
    return int(m.group(1) or m.group(2)) if m else None


@pytest.mark.parametrize("pad", HOOFDSTUKKEN, ids=lambda p: p.stem)
def test_every_chapter_shows_its_minutes(pad):
    assert eigen_minuten(pad), f"{pad.name}: say how many minutes the page takes, right under the title"


def _label(pad: Path) -> str:
    return re.match(r"\((h-[\w-]+)\)=", pad.read_text(encoding="utf-8")).group(1)


def test_the_welcome_table_agrees_with_the_chapters():
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    secties = {
        it["file"]: [s["file"] for s in it.get("sections", [])] for d in toc["parts"] for it in d["chapters"]
    }
    per_label = {_label(p): p for p in HOOFDSTUKKEN}
    rijen = re.findall(
        r"^\| \{ref\}`[^<]+<(h-[\w-]+)>` \| [^|]+ \| (\d+) minuten \|$", _boek("01_welkom"), re.M
    )
    assert len(rijen) >= 6
    for label, minuten in rijen:
        pad = per_label[label]
        naam = str(pad.relative_to(ROOT).with_suffix(""))
        verwacht = eigen_minuten(pad) + sum(eigen_minuten(ROOT / f"{s}.md") for s in secties.get(naam, []))
        assert int(minuten) == verwacht, (
            f"welcome says {minuten} minutes for {label}, the pages say {verwacht}"
        )


def schema(tekst: str) -> list[tuple[int, int]]:
    """The (begin, minutes) rows of a timed table: | Begin | Duur | ... with 0:15 and '15 minuten'."""
    rijen = re.findall(r"^\| (\d+):(\d\d) \| (\d+) minuten \|", tekst, re.M)
    return [(60 * int(u) + int(m), int(d)) for u, m, d in rijen]


@pytest.mark.parametrize(
    ("naam", "totaal"), [("01a_route_45", 45), ("09c_workshop_2uur", 120), ("09d_workshop_3uur", 180)]
)
def test_route_timings_add_up(naam, totaal):
    rijen = schema(_boek(naam))
    assert len(rijen) >= 5, f"{naam}: a timed table"
    assert rijen[0][0] == 0
    for (begin, duur), (volgende, _) in zip(rijen, rijen[1:], strict=False):
        assert begin + duur == volgende, (
            f"{naam}: a part starting at {begin} min lasts {duur}, next starts at {volgende}"
        )
    assert rijen[-1][0] + rijen[-1][1] == totaal, f"{naam}: the route takes {totaal} minutes"


def test_route_timing_check_can_fail():
    fout = "| 0:00 | 10 minuten | a |\n| 0:15 | 5 minuten | b |\n"
    (b1, d1), (b2, _) = schema(fout)
    assert b1 + d1 != b2


def test_workshop_scripts_are_in_the_trainers_chapter_and_the_kubernetes_page_is_not():
    toc = (ROOT / "_toc.yml").read_text()
    trainers = yaml.safe_load(toc)["parts"]
    secties = [
        s["file"]
        for d in trainers
        for it in d["chapters"]
        if it["file"] == "book/09_trainers"
        for s in it.get("sections", [])
    ]
    assert {"book/09c_workshop_2uur", "book/09d_workshop_3uur"} <= set(secties)
    assert "grootschalig" not in toc and not (ROOT / "book" / "09a_grootschalig.md").exists()
    assert (ROOT / "docs" / "grootschalig.md").exists()


def test_a_route_prints_without_the_navigation(boek, boekserver, pagina):
    """Printable per route: each route is its own page, and print hides the sidebars and header."""
    for p in ("book/01a_route_45.html", "book/09c_workshop_2uur.html", "book/09d_workshop_3uur.html"):
        pagina.goto(f"{boekserver}/{p}", wait_until="networkidle")
        pagina.emulate_media(media="print")
        assert pagina.locator("article table").first.is_visible(), p
        for kader in (".bd-sidebar-primary", ".bd-header", ".bd-sidebar-secondary"):
            elementen = pagina.locator(kader)
            for i in range(elementen.count()):
                assert not elementen.nth(i).is_visible(), f"{p}: {kader} is printed"
        pagina.emulate_media(media="screen")
    assert pagina.bewaker.extern == []
