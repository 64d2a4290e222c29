"""The class overview's plots (matplotlib): Dutch labels, colour-blind safe colours, alt text.

Each plot comes as SVG (sharp on a projector) and PNG, with its title and alt text also in the
file's own metadata. The alt text is written from the data, so it says what the plot shows.
Uses matplotlib's object API (no pyplot): no global state, no display needed.
"""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from wijkleren.casussen.domein import CATEGORIE_NAAM, CATEGORIEEN
from wijkleren.trainer.overzicht import KEUZE_NAAM, KEUZES, Klasoverzicht

# Okabe-Ito colours: distinguishable with every common form of colour blindness.
BLAUW, ORANJE, ROOD, GROEN, LICHTBLAUW = "#0072B2", "#E69F00", "#D55E00", "#009E73", "#56B4E9"
TEKSTKLEUR = "#1a1a1a"


@dataclass(frozen=True)
class Figuur:
    naam: str  # file name without extension
    titel: str
    alt: str
    svg: str
    png: bytes


def procent(deel: float | None) -> str:
    return "geen" if deel is None else f"{deel * 100:.0f}%"


def komma(getal: float, decimalen: int | None = 1) -> str:
    """A number the Dutch way: 82,5 (decimalen None: as many as it has, 12 or 37,5)."""
    tekst = f"{getal:g}" if decimalen is None else f"{getal:.{decimalen}f}"
    return tekst.replace(".", ",")


def _nieuw(breedte: float, hoogte: float) -> Figure:
    fig = Figure(figsize=(breedte, hoogte), dpi=100, layout="constrained")
    fig.set_facecolor("white")
    return fig


def _bewaar(naam: str, titel: str, alt: str, fig: Figure) -> Figuur:
    meta = {"Title": titel, "Description": alt}
    svg = io.StringIO()
    fig.savefig(svg, format="svg", metadata={**meta, "Date": None})
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=150, metadata=meta)
    return Figuur(naam, titel, alt, svg.getvalue(), png.getvalue())


def _kort(tekst: str, breedte: int = 46) -> str:
    return textwrap.shorten(tekst, breedte, placeholder="…")


def per_casus(o: Klasoverzicht) -> Figuur:
    cs = [c for c in o.casussen if c.antwoorden]
    titel = "Goede antwoorden per casus"
    fig = _nieuw(10, 1.6 + 0.55 * len(cs))
    ax = fig.add_subplot()
    y = list(range(len(cs)))[::-1]
    cat = [100 * (c.aandeel_goed or 0) for c in cs]
    ken = [100 * (c.aandeel_kenmerken or 0) for c in cs]
    ax.barh([v + 0.2 for v in y], cat, height=0.4, color=BLAUW, label="Soort aanpak goed")
    ax.barh([v - 0.2 for v in y], ken, height=0.4, color=ORANJE, label="Kenmerken goed (gemiddeld)")
    ax.set_yticks(y, [_kort(c.naam) for c in cs])
    ax.set_xlim(0, 100)
    ax.set_xlabel("Aandeel van de deelnemers (%)")
    ax.set_title(titel, loc="left", fontsize=13, color=TEKSTKLEUR)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1 - 0.3 / len(cs)), ncols=2, fontsize=9)
    ax.grid(axis="x", color="#dddddd")
    ax.set_axisbelow(True)
    laag = min(cs, key=lambda c: c.aandeel_goed)
    hoog = max(cs, key=lambda c: c.aandeel_goed)
    alt = (
        f"Staafdiagram: per casus het aandeel deelnemers dat de soort aanpak goed had, en het "
        f"gemiddelde aandeel goed beoordeelde kenmerken. Soort aanpak het minst goed: {laag.naam} "
        f"({procent(laag.aandeel_goed)}). Het best: {hoog.naam} ({procent(hoog.aandeel_goed)})."
    )
    return _bewaar("goed_per_casus", titel, alt, fig)


def per_kenmerk(o: Klasoverzicht) -> Figuur:
    ks = [k for k in o.kenmerken if k.oordelen]
    titel = "Kenmerken: goed, gemist en te veel genoemd"
    fig = _nieuw(9, 1.4 + 0.5 * len(ks))
    ax = fig.add_subplot()
    y = list(range(len(ks)))[::-1]
    links = [0.0] * len(ks)
    for veld, kleur, label in (
        ("goed", GROEN, "Goed beoordeeld"),
        ("gemist", ROOD, "Gemist (staat in de casus)"),
        ("te_veel", LICHTBLAUW, "Te veel (staat er niet in)"),
    ):
        waarden = [100 * getattr(k, veld) / k.oordelen for k in ks]
        ax.barh(y, waarden, left=links, color=kleur, label=label, height=0.6)
        links = [a + b for a, b in zip(links, waarden, strict=True)]
    ax.set_yticks(y, [k.naam for k in ks])
    ax.set_xlim(0, 100)
    ax.set_xlabel("Aandeel van alle oordelen over dit kenmerk (%)")
    ax.set_title(titel, loc="left", fontsize=13, color=TEKSTKLEUR)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.2 / len(ks)), ncols=3, fontsize=9)
    slechtst = min(ks, key=lambda k: k.aandeel_goed)
    alt = (
        "Gestapeld staafdiagram: per kenmerk hoe vaak deelnemers het goed beoordeelden, hoe vaak ze "
        f"het misten en hoe vaak ze het te veel noemden. Het minst vaak goed: {slechtst.naam} "
        f"({procent(slechtst.aandeel_goed)} goed, {slechtst.gemist} keer gemist, "
        f"{slechtst.te_veel} keer te veel)."
    )
    return _bewaar("kenmerken", titel, alt, fig)


def verwarring(o: Klasoverzicht) -> Figuur:
    titel = "Verwarring: gekozen soort aanpak tegen het goede antwoord"
    fig = _nieuw(8, 4.2)
    ax = fig.add_subplot()
    tabel = [[o.verwarring[(j, g)] for g in KEUZES] for j in CATEGORIEEN]
    hoogste = max(max(r) for r in tabel) or 1
    ax.imshow(tabel, cmap="Blues", vmin=0, vmax=hoogste, aspect="auto")
    for i, rij in enumerate(tabel):
        for j, n in enumerate(rij):
            kleur = "white" if n > hoogste * 0.55 else TEKSTKLEUR
            ax.text(j, i, str(n), ha="center", va="center", fontsize=14, color=kleur, fontweight="bold")
    ax.set_xticks(range(len(KEUZES)), [textwrap.fill(KEUZE_NAAM[k], 16) for k in KEUZES])
    ax.set_yticks(range(len(CATEGORIEEN)), [CATEGORIE_NAAM[c] for c in CATEGORIEEN])
    ax.set_xlabel("Gekozen door de deelnemer")
    ax.set_ylabel("Goede antwoord")
    ax.set_title(titel, loc="left", fontsize=13, color=TEKSTKLEUR)
    fout = sorted(((n, j, g) for (j, g), n in o.verwarring.items() if j != g and n), reverse=True)
    if fout:
        n, j, g = fout[0]
        vaakst = f"De vaakste vergissing: {KEUZE_NAAM[g]} gekozen bij {CATEGORIE_NAAM[j]} ({n} keer)."
    else:
        vaakst = "Er zijn geen vergissingen."
    goed = sum(o.verwarring[(c, c)] for c in CATEGORIEEN)
    totaal = sum(o.verwarring.values())
    alt = (
        "Verwarringstabel: in de rijen het goede antwoord, in de kolommen de gekozen soort aanpak, "
        f"in elk vak het aantal antwoorden. Goed: {goed} van de {totaal} antwoorden. {vaakst}"
    )
    return _bewaar("verwarring", titel, alt, fig)


def scores(o: Klasoverzicht) -> Figuur:
    titel = "Verdeling van de totaalscores"
    fig = _nieuw(8, 3.8)
    ax = fig.add_subplot()
    stappen = min(20, max(1, int(o.max_totaal)))
    grenzen = [o.max_totaal * i / stappen for i in range(stappen + 1)]
    ax.hist(o.totalen, bins=grenzen, color=BLAUW, edgecolor="white")
    ax.axvline(
        o.gemiddelde, color=ROOD, linestyle="--", linewidth=2, label=f"Gemiddelde: {komma(o.gemiddelde)}"
    )
    ax.set_xlim(0, o.max_totaal)
    ax.set_xlabel(f"Totaalscore (punten, hoogstens {komma(o.max_totaal, None)})")
    ax.set_ylabel("Aantal deelnemers")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_title(titel, loc="left", fontsize=13, color=TEKSTKLEUR)
    ax.legend(loc="upper left", fontsize=9)
    alt = (
        f"Histogram van de totaalscores van {o.inzendingen} deelnemers, van 0 tot {komma(o.max_totaal, None)} "
        f"punten. Gemiddelde {komma(o.gemiddelde)}, mediaan {komma(o.mediaan)}, "
        f"laagste {komma(min(o.totalen), None)}, hoogste {komma(max(o.totalen), None)}."
    )
    return _bewaar("scores", titel, alt, fig)


def maak_figuren(o: Klasoverzicht) -> list[Figuur]:
    """The plots that fit the data: none without submissions, no casus plots without grading keys."""
    if o.leeg:
        return []
    figuren = []
    if any(c.antwoorden for c in o.casussen):
        figuren += [per_casus(o), verwarring(o)]
    if any(k.oordelen for k in o.kenmerken):
        figuren.append(per_kenmerk(o))
    figuren.append(scores(o))
    return figuren


def bewaar_figuren(figuren: list[Figuur], map_: Path) -> list[Path]:
    """Write each plot as SVG and PNG into `map_`; return the paths."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for f in figuren:
        (map_ / f"{f.naam}.svg").write_text(f.svg, encoding="utf-8")
        (map_ / f"{f.naam}.png").write_bytes(f.png)
        paden += [map_ / f"{f.naam}.svg", map_ / f"{f.naam}.png"]
    return paden
