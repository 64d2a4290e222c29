"""The class overview as one self-contained HTML page: open it offline, or project it.

Everything is in the one file: the style, and the plots as embedded SVG. The page loads
nothing from elsewhere and has no script. It shows no names: only figures about the class,
so a trainer can project it in the workshop. Every plot has alt text and a table with the
same numbers, for screen readers and for reading out.
"""

from __future__ import annotations

import base64
import html
from datetime import datetime

from wijkleren.casussen.domein import CATEGORIE_NAAM, CATEGORIEEN, KENMERK
from wijkleren.trainer.grafieken import Figuur, komma, procent
from wijkleren.trainer.overzicht import KEUZE_NAAM, KEUZES, Klasoverzicht

STIJL = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       background: #ffffff; margin: 0 auto; padding: 1.5rem; max-width: 62rem; line-height: 1.5;
       font-size: 1.125rem; }
h1 { font-size: 2rem; margin-bottom: .25rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 2px solid #0072B2; padding-bottom: .25rem; }
.kern { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
.kern li { border: 2px solid #0072B2; border-radius: .5rem; padding: .75rem 1rem; min-width: 10rem; }
.kern strong { display: block; font-size: 1.75rem; }
figure { margin: 1.5rem 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #cccccc; }
figcaption { font-size: 1rem; color: #333333; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 1rem; }
th, td { border: 1px solid #999999; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #e8f1f8; }
td.getal { text-align: right; font-variant-numeric: tabular-nums; }
.melding { border-left: 6px solid #D55E00; background: #fdf1e8; padding: .75rem 1rem; }
details { margin: .5rem 0 1.5rem; }
summary { cursor: pointer; font-weight: 600; }
footer { margin-top: 3rem; font-size: .9rem; color: #333333; }
@media print { body { max-width: none; } }
"""


def _e(tekst) -> str:
    return html.escape(str(tekst), quote=True)


def _tabel(
    kop: list[str], rijen: list[list], bijschrift: str, getallen: set[int] | frozenset = frozenset()
) -> str:
    delen = [f"<table><caption>{_e(bijschrift)}</caption><thead><tr>"]
    delen += [f'<th scope="col">{_e(k)}</th>' for k in kop]
    delen.append("</tr></thead><tbody>")
    for rij in rijen:
        cellen = [f'<th scope="row">{_e(rij[0])}</th>']
        cellen += [
            f'<td class="getal">{_e(w)}</td>' if i in getallen else f"<td>{_e(w)}</td>"
            for i, w in enumerate(rij[1:], 1)
        ]
        delen.append("<tr>" + "".join(cellen) + "</tr>")
    delen.append("</tbody></table>")
    return "".join(delen)


def _figuur(f: Figuur | None) -> str:
    if f is None:
        return ""
    data = base64.b64encode(f.svg.encode("utf-8")).decode("ascii")
    return (
        f'<figure><img src="data:image/svg+xml;base64,{data}" alt="{_e(f.alt)}">'
        f"<figcaption>{_e(f.titel)}.</figcaption></figure>"
    )


def _tijd(nu: datetime | None) -> str:
    return (nu or datetime.now()).strftime("%d-%m-%Y %H:%M")


def _pagina(titel: str, inhoud: str, nu: datetime | None) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{_e(titel)}</title>\n<style>{STIJL}</style>\n</head>\n<body>\n<main>\n"
        f"{inhoud}\n</main>\n<footer><p>Gemaakt met Wijkleren op {_tijd(nu)}. "
        "Dit overzicht toont geen namen. Het werkt zonder internet.</p></footer>\n</body>\n</html>\n"
    )


def geen_inzendingen_tekst(opdracht: str) -> str:
    return (
        f"Er zijn nog geen nagekeken inzendingen van de opdracht '{opdracht}'. "
        f"Kijk de inzendingen eerst na, bijvoorbeeld met: wijkleren opdracht nakijken {opdracht}"
    )


def cesuur_regel(o: Klasoverzicht) -> str:
    """Hook of the pass mark (wijkleren.eindopdracht.cesuur): how many submissions are voldoende."""
    from wijkleren.eindopdracht.cesuur import ONVOLDOENDE, OPEN, VOLDOENDE

    if o.cesuur is None:
        return ""
    tekst = (
        f"<li><strong>{o.aantal(VOLDOENDE)}</strong> voldoende en <strong>{o.aantal(ONVOLDOENDE)}</strong> "
        f"onvoldoende (voldoende vanaf {komma(o.cesuur, None)} van de {komma(o.max_totaal, None)} punten)"
    )
    if o.aantal(OPEN):
        tekst += f"; bij {o.aantal(OPEN)} is het resultaat nog open"
    return tekst + "</li>"


def maak_rapport(o: Klasoverzicht, figuren: list[Figuur], nu: datetime | None = None) -> str:
    """The HTML page of the class overview."""
    titel = f"Klasoverzicht: {o.opdracht}"
    if o.leeg:
        inhoud = f'<h1>{_e(titel)}</h1>\n<p class="melding">{_e(geen_inzendingen_tekst(o.opdracht))}</p>'
        return _pagina(titel, inhoud, nu)
    fig = {f.naam: f for f in figuren}
    delen = [f"<h1>{_e(titel)}</h1>"]
    delen.append(
        "<p>Waar gaat de klas de mist in? Gebruik dit overzicht om in de workshop de lastige "
        "casussen samen te bespreken. Namen van deelnemers staan er niet in.</p>"
    )
    if o.inzendingen == 1:
        delen.append(
            '<p class="melding">Er is één nagekeken inzending. De cijfers gaan dus over één deelnemer, '
            "niet over een klas.</p>"
        )
    if o.handwerk_open:
        delen.append(
            f'<p class="melding">Bij {o.handwerk_open} van de inzendingen moet je nog punten met de hand '
            "geven. Die punten tellen nog niet mee.</p>"
        )
    delen.append('<ul class="kern">')
    delen.append(f"<li><strong>{o.inzendingen}</strong> nagekeken inzendingen</li>")
    delen.append(f"<li><strong>{o.leerlingen}</strong> deelnemers in het cijferboek</li>")
    delen.append(
        f"<li><strong>{komma(o.gemiddelde)}</strong> gemiddelde score (van {komma(o.max_totaal, None)})</li>"
    )
    delen.append(f"<li><strong>{komma(o.mediaan)}</strong> mediaan</li>")
    delen.append(cesuur_regel(o))
    delen.append("</ul>")

    fout = o.meest_fout()
    if fout:
        delen.append("<h2>Bespreek deze casussen eerst</h2>")
        delen.append("<p>Bij deze casussen koos de klas het vaakst de verkeerde soort aanpak.</p><ol>")
        for c in fout:
            regel = f"<strong>{_e(c.naam)}</strong> ({_e(CATEGORIE_NAAM[c.label])}): {procent(c.aandeel_goed)} goed."
            vaakst = c.vaakste_fout
            if vaakst:
                regel += f" Vaakst gekozen in plaats daarvan: {_e(KEUZE_NAAM[vaakst[0]])} ({vaakst[1]} keer)."
            if c.beslissend:
                regel += f" Het kenmerk dat de doorslag geeft: {_e(KENMERK[c.beslissend].naam.lower())}."
            delen.append(f"<li>{regel}</li>")
        delen.append("</ol>")

    if any(c.antwoorden for c in o.casussen):
        delen.append("<h2>Per casus</h2>")
        delen.append(_figuur(fig.get("goed_per_casus")))
        rijen = [
            [
                c.naam,
                CATEGORIE_NAAM[c.label],
                procent(c.aandeel_goed),
                procent(c.aandeel_kenmerken),
                c.antwoorden,
            ]
            for c in o.casussen
        ]
        kop = ["Casus", "Goede antwoord", "Soort aanpak goed", "Kenmerken goed", "Antwoorden"]
        delen.append(_tabel(kop, rijen, "Goede antwoorden per casus", {2, 3, 4}))

        delen.append("<h2>Welke soorten aanpak worden verward?</h2>")
        delen.append(_figuur(fig.get("verwarring")))
        kop = ["Goede antwoord"] + [f"Gekozen: {KEUZE_NAAM[k]}" for k in KEUZES]
        rijen = [[CATEGORIE_NAAM[j]] + [o.verwarring[(j, g)] for g in KEUZES] for j in CATEGORIEEN]
        delen.append(_tabel(kop, rijen, "Aantal antwoorden per goed antwoord en keuze", {1, 2, 3, 4}))

    if any(k.oordelen for k in o.kenmerken):
        delen.append("<h2>Per kenmerk</h2>")
        delen.append(_figuur(fig.get("kenmerken")))
        rijen = [[k.naam, procent(k.aandeel_goed), k.gemist, k.te_veel, k.oordelen] for k in o.kenmerken]
        kop = ["Kenmerk", "Goed", "Gemist", "Te veel", "Oordelen"]
        delen.append(_tabel(kop, rijen, "Hoe vaak elk kenmerk goed werd beoordeeld", {1, 2, 3, 4}))

    delen.append("<h2>Totaalscores</h2>")
    delen.append(_figuur(fig.get("scores")))
    rijen = [
        [
            f"{v.vraag.notitieboek} / {v.vraag.naam}",
            komma(v.gemiddelde) if v.gemiddelde is not None else "geen",
            komma(v.vraag.max_punten, None),
            procent(v.aandeel_vol),
            v.open,
        ]
        for v in o.vragen
    ]
    kop = ["Vraag", "Gemiddeld", "Hoogstens", "Alle punten", "Nog geen punten"]
    delen.append(
        "<details><summary>Punten per vraag</summary>"
        + _tabel(kop, rijen, "Punten per vraag", {1, 2, 3, 4})
        + "</details>"
    )
    return _pagina(titel, "\n".join(delen), nu)


def schrijf_klasoverzicht(map_, opdracht: str, uit=None, nu: datetime | None = None):
    """Read the class from the gradebook, and write the HTML report and the plots (SVG and PNG).

    Returns (overview, figures, path of the report). Without submissions the report holds a
    Dutch message and there are no plots. `uit` defaults to ``<course>/klasoverzicht``.
    """
    from pathlib import Path

    from wijkleren.nakijkronde.cijferboek import lees_klas
    from wijkleren.nakijkronde.cursus import lees_cursus
    from wijkleren.trainer.grafieken import bewaar_figuren, maak_figuren
    from wijkleren.trainer.overzicht import maak_overzicht

    cursus = lees_cursus(map_)
    overzicht = maak_overzicht(lees_klas(cursus, opdracht))
    figuren = maak_figuren(overzicht)
    uit = Path(uit) if uit is not None else cursus.root / "klasoverzicht"
    bewaar_figuren(figuren, uit / opdracht)
    pad = uit / f"klasoverzicht-{opdracht}.html"
    pad.write_text(maak_rapport(overzicht, figuren, nu), encoding="utf-8")
    return overzicht, figuren, pad
