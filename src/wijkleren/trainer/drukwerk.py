"""The printed workshop set (`make drukwerk`): PDFs made by headless Chromium, in dist/drukwerk/.

- ``casuskaarten.pdf``: A6 cards, one case per card. The front has the card's number, the title
  and the text, and nothing else: no id (ids name the category), no outcome, no kenmerken.
- ``antwoordblad.pdf``: for the trainer. Per card the outcome, the kind (for "geen
  gebiedsgericht werken"), the kenmerk that decides it and the explanation.
- ``beslisregel.pdf``: the rule on one A4 page, with the thresholds of every kenmerk.
- ``draaiboek-<naam>.pdf``: every workshop script of the book (book/09*, the pages with a label
  ``(h-workshop-…)``), printed from the built book as it is.

Which cases: ``--casussen ID,ID,…`` (from the bank, the toets pool or a trainer's own file),
else twelve practice cases, every outcome (and both kinds of "geen gebiedsgericht werken") in
turn, borderline cases (``grenstype``) first. The order is mixed, so the cards do not come in
groups per outcome.
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
from pathlib import Path

from wijkleren.casussen import bank as casusbank
from wijkleren.casussen.bank import LeesFout
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    GEBIEDSGERICHT_KENMERKEN,
    KENMERK,
    NIET_GEBIEDSGERICHT,
    SOORT_NAAM,
    WIJKAANPAK_KENMERKEN,
    soort,
)
from wijkleren.casussen.schema import Casus, CasusFout
from wijkleren.fouten import Parser, WijklerenFout, voer_uit
from wijkleren.trainer import pdf

STANDAARD_AANTAL = 12
WORKSHOP_LABEL = re.compile(r"^\(h-workshop-[^)]*\)=\s*$")


class DrukFout(WijklerenFout):
    """Something is missing or wrong; the message says what to do, in Dutch."""

    voorvoegsel = "Niet gelukt: "


# --- which cases ---


def _gemengd(casussen: list[Casus]) -> list[Casus]:
    """A fixed order that mixes the outcomes: by a hash of the id, not by the id itself."""
    return sorted(casussen, key=lambda c: hashlib.sha256(c.id.encode()).hexdigest())


def kies_casussen(ids: list[str] | None = None, aantal: int = STANDAARD_AANTAL) -> list[Casus]:
    """The cases of the set: the ones named (in that order), or the default set (mixed)."""
    try:
        bank = casusbank.laad_bank()
    except (CasusFout, LeesFout) as fout:
        raise DrukFout(f"De casussen zijn niet in orde:\n{fout}") from None
    per_id = {c.id: c for c in bank}
    if ids:
        onbekend = [i for i in ids if i not in per_id]
        if onbekend:
            raise DrukFout(f"Deze casussen staan niet in de casusbank: {', '.join(onbekend)}.")
        if len(set(ids)) != len(ids):
            raise DrukFout("Je noemt een casus twee keer. Noem elke casus één keer.")
        return [per_id[i] for i in ids]
    # Every outcome in turn (geen gebiedsgericht werken: both kinds); borderline cases first.
    groepen: dict[str, list[Casus]] = {}
    for c in sorted((c for c in bank if c.pool == "oefenen"), key=lambda c: c.grenstype is None):
        sleutel = c.label + (f":{soort(c.kenmerken)}" if c.label == NIET_GEBIEDSGERICHT else "")
        groepen.setdefault(sleutel, []).append(c)
    gekozen: list[Casus] = []
    while len(gekozen) < aantal and any(groepen.values()):
        for sleutel in sorted(groepen):
            if groepen[sleutel] and len(gekozen) < aantal:
                gekozen.append(groepen[sleutel].pop(0))
    return _gemengd(gekozen)


# --- the pages (HTML for Chromium's print) ---

STIJL = """
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111; }
body { margin: 0; }
h1, h2, h3 { margin: 0 0 0.4em; line-height: 1.2; }
p { margin: 0 0 0.5em; }
.voet { color: #444; font-size: 7pt; }
"""

KAART_STIJL = """
@page { size: A6; margin: 8mm 8mm 7mm; }
.kaart { break-after: page; display: flex; flex-direction: column; height: 133mm; }
.kaart:last-child { break-after: auto; }
.nr { font-size: 8pt; color: #444; margin-bottom: 2mm; }
.kaart h1 { font-size: 11.5pt; }
.tekst { white-space: pre-line; font-size: 9pt; line-height: 1.35; flex: 1 1 auto; hyphens: none; }
.lang .tekst { font-size: 7.8pt; line-height: 1.3; }
.heel-lang .tekst { font-size: 6.8pt; line-height: 1.25; }
.kaart .voet { margin-top: 2mm; }
"""

A4_STIJL = """
@page { size: A4; margin: 14mm 14mm 12mm; }
h1 { font-size: 17pt; }
h2 { font-size: 12pt; margin-top: 0.8em; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #777; padding: 1.6mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
tr { break-inside: avoid; }
.uitleg { font-size: 8pt; color: #222; }
.regel td, .regel th { font-size: 8.6pt; padding: 1.3mm 1.8mm; }
.regel .vraag { display: block; font-weight: normal; }
.uitkomst { border: 2px solid #111; padding: 2mm 3mm; margin: 2mm 0; font-size: 9.5pt; }
"""


def _pagina(titel: str, stijl: str, inhoud: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(titel)}</title>'
        f"<style>{STIJL}{stijl}</style></head><body>{inhoud}</body></html>"
    )


def kaarten_html(casussen: list[Casus]) -> str:
    """The learners' cards: number, title and text. Nothing of the answer."""
    n = len(casussen)
    delen = []
    for nr, c in enumerate(casussen, 1):
        klasse = "heel-lang" if len(c.tekst) > 1700 else "lang" if len(c.tekst) > 1100 else ""
        delen.append(
            f'<section class="kaart {klasse}">'
            f'<p class="nr">Casuskaart {nr} van {n}</p>'
            f"<h1>{html.escape(c.titel)}</h1>"
            f'<div class="tekst">{html.escape(c.tekst.strip())}</div>'
            f'<p class="voet">Wijkleren · Welke aanpak is dit, en welk kenmerk beslist?</p>'
            "</section>"
        )
    return _pagina("Casuskaarten", KAART_STIJL, "".join(delen))


def beslissend(c: Casus) -> str:
    """The kenmerk that decides the outcome of a case, in words."""
    uit = beslis(c.kenmerken)
    return "alle negen kenmerken zijn er" if uit.beslissend is None else KENMERK[uit.beslissend].naam


def antwoordblad_html(casussen: list[Casus]) -> str:
    """The trainer's sheet: per card the outcome, the kind, the deciding kenmerk and the explanation."""
    rijen = []
    for nr, c in enumerate(casussen, 1):
        soortnaam = SOORT_NAAM[soort(c.kenmerken)] if c.label == NIET_GEBIEDSGERICHT else "–"
        rijen.append(
            f"<tr><td>{nr}</td><td>{html.escape(c.titel)}<br><span class='voet'>{html.escape(c.id)}</span></td>"
            f"<td>{html.escape(CATEGORIE_NAAM[c.label])}</td><td>{html.escape(soortnaam)}</td>"
            f"<td>{html.escape(beslissend(c))}</td></tr>"
            f"<tr><td></td><td colspan='4' class='uitleg'>{html.escape(c.uitleg)}</td></tr>"
        )
    inhoud = (
        "<h1>Antwoordblad bij de casuskaarten</h1>"
        "<p>Dit blad is voor de trainer. Leg het niet op tafel, want hier staan de antwoorden. "
        "Per kaart zie je de uitkomst, de soort en het kenmerk dat de doorslag geeft.</p>"
        "<table><thead><tr><th>Kaart</th><th>Titel</th><th>Uitkomst</th><th>Soort</th>"
        "<th>Kenmerk dat beslist</th></tr></thead><tbody>" + "".join(rijen) + "</tbody></table>"
    )
    return _pagina("Antwoordblad", A4_STIJL, inhoud)


def _regeltabel(codes: tuple[str, ...]) -> str:
    rijen = "".join(
        f"<tr><th>{html.escape(KENMERK[c].naam)}<span class='vraag'>{html.escape(KENMERK[c].vraag)}</span></th>"
        f"<td>{html.escape(KENMERK[c].genoeg)}</td><td>{html.escape(KENMERK[c].niet_genoeg)}</td></tr>"
        for c in codes
    )
    return (
        "<table class='regel'><thead><tr><th style='width:36%'>Kenmerk en vraag</th><th>Genoeg</th>"
        f"<th>Niet genoeg</th></tr></thead><tbody>{rijen}</tbody></table>"
    )


def beslisregel_html() -> str:
    """The rule on one page: the two steps, every kenmerk with its thresholds, and the outcomes."""
    inhoud = (
        "<h1>De beslisregel</h1>"
        "<p>Met deze regel beoordeel je een aanpak in twee stappen. Je stelt de vragen in deze volgorde. "
        "Het eerste kenmerk dat er niet genoeg is, geeft de doorslag.</p>"
        "<h2>Stap 1: is het gebiedsgericht werken?</h2>"
        + _regeltabel(GEBIEDSGERICHT_KENMERKEN)
        + "<p class='uitkomst'>Is één van deze vijf kenmerken er niet genoeg? Dan is het "
        f"<strong>{html.escape(CATEGORIE_NAAM[NIET_GEBIEDSGERICHT])}</strong>. Is de aanpak niet gebonden aan "
        f"een gebied, dan is het een {html.escape(SOORT_NAAM['sectoraal'])}. Is hij wel gebonden aan een gebied, "
        f"dan gebeurt hij {html.escape(SOORT_NAAM['in_gebied'])}. Zijn alle vijf er? Ga dan naar stap 2.</p>"
        "<h2>Stap 2: is het ook een wijkaanpak?</h2>"
        + _regeltabel(WIJKAANPAK_KENMERKEN)
        + "<p class='uitkomst'>Zijn alle vier de afspraken er? Dan is het een <strong>wijkaanpak</strong>. "
        "Mist er één, dan is het <strong>gebiedsgericht werken</strong>, maar geen wijkaanpak.</p>"
        "<p class='voet'>Wijkleren · De regel is een hulpmiddel om te leren, want echte plannen zijn vaak "
        "rommeliger. Bespreek twijfel daarom samen.</p>"
    )
    return _pagina("De beslisregel", A4_STIJL, inhoud)


# --- the workshop scripts of the book ---


def draaiboeken(toc: Path, bron: Path) -> list[str]:
    """The book's pages with a workshop script (label (h-workshop-…)), in the order of _toc.yml."""
    from wijkleren.lms.pakket import toc_paginas

    _, alle, _ = toc_paginas(toc)
    gevonden = []
    for pagina in alle:
        md = bron / (pagina.removesuffix(".html") + ".md")
        if md.is_file():
            eerste = md.read_text(encoding="utf-8").lstrip().splitlines()[:1]
            if eerste and WORKSHOP_LABEL.match(eerste[0]):
                gevonden.append(pagina)
    return gevonden


# --- PDF ---

BOEK_PRINT = "@media print { #jb-print-toc, .bd-sidebar-secondary { display: none !important; } }"


def maak(casussen: list[Casus], doel: Path, boek: Path, toc: Path, bron: Path) -> list[Path]:
    """Every PDF of the set in doel/. The workshop scripts come from the built book."""
    routes = draaiboeken(toc, bron)
    ontbreekt = [r for r in routes if not (boek / r).is_file()]
    if ontbreekt:
        raise DrukFout(
            f"Het boek is nog niet (helemaal) gebouwd: {', '.join(ontbreekt)} ontbreekt. Draai eerst: make boek"
        )
    doel.mkdir(parents=True, exist_ok=True)
    gemaakt = []
    rand = {"top": "14mm", "bottom": "12mm", "left": "14mm", "right": "14mm"}  # the book has no @page rule
    try:
        with pdf.browser() as browser:
            gemaakt.append(
                pdf.naar_pdf(
                    browser, doel / "casuskaarten.pdf", html_tekst=kaarten_html(casussen), formaat="A6"
                )
            )
            gemaakt.append(
                pdf.naar_pdf(browser, doel / "antwoordblad.pdf", html_tekst=antwoordblad_html(casussen))
            )
            gemaakt.append(pdf.naar_pdf(browser, doel / "beslisregel.pdf", html_tekst=beslisregel_html()))
            for route in routes:
                naam = Path(route).stem.split("_", 1)[-1]
                url = (boek / route).resolve().as_uri()
                # a book page: without the theme's page contents ("Inhoud") on paper
                gemaakt.append(
                    pdf.naar_pdf(
                        browser, doel / f"draaiboek-{naam}.pdf", url=url, marge=rand, stijl=BOEK_PRINT
                    )
                )
    except pdf.PdfFout as fout:
        raise DrukFout(str(fout)) from None
    return gemaakt


def main(argv: list[str] | None = None) -> int:
    p = Parser(
        prog="python -m wijkleren.trainer.drukwerk", description="Maak het drukwerk voor een workshop."
    )
    p.add_argument(
        "--casussen", help="de casussen voor de kaarten, met komma's: C003,C016 (standaard: 12 oefencasussen)"
    )
    p.add_argument(
        "--boek", type=Path, default=Path("_build/html"), help="het gebouwde boek (standaard: _build/html)"
    )
    p.add_argument(
        "--toc", type=Path, default=Path("_toc.yml"), help="de inhoudsopgave (standaard: _toc.yml)"
    )
    p.add_argument(
        "--doel",
        type=Path,
        default=Path("dist/drukwerk"),
        help="waar de PDF's komen (standaard: dist/drukwerk)",
    )
    args = p.parse_args(argv)
    ids = [i.strip() for i in args.casussen.split(",") if i.strip()] if args.casussen else None
    return voer_uit(lambda: _maak_en_meld(ids, args))


def _maak_en_meld(ids: list[str] | None, args) -> int:
    casussen = kies_casussen(ids)
    if not casussen:
        raise DrukFout("Er zijn geen casussen om af te drukken.")
    gemaakt = maak(casussen, args.doel, args.boek, args.toc, Path("."))
    print(f"Klaar: {len(casussen)} casuskaarten en {len(gemaakt) - 1} andere PDF's in {args.doel}/")
    for pad in gemaakt:
        print(f"  {pad}")
    print(
        "Druk de casuskaarten af op A6, of op A4 met vier kaarten per vel. Het antwoordblad is alleen voor jou."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
