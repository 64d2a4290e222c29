"""The book's diagrams, drawn with matplotlib at build time (offline, no diagram service).

The texts come from the domain model, so a diagram cannot drift from the rule.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch  # noqa: E402

from wijkleren.casussen.domein import (  # noqa: E402
    CATEGORIE_NAAM,
    GEBIEDSGERICHT,
    IN_GEBIED,
    KENMERK,
    NIET_GEBIEDSGERICHT,
    SECTORAAL,
    SOORT_NAAM,
    WIJKAANPAK,
)

# Colours with at least 4.5:1 contrast against the text drawn on them.
DONKER = "#1b1b1b"
BLAUW = "#dbe9f6"
GROEN = "#d9f0dc"
GEEL = "#fff1c2"
RAND = "#35506b"

plt.rcParams.update(
    {"svg.fonttype": "none", "svg.hashsalt": "wijkleren", "font.family": "DejaVu Sans", "font.size": 12}
)


def _svg(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(fig)
    return buf.getvalue()


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _soort(code: str, breedte: int = 22) -> str:
    """A kind's name broken over lines, e.g. 'sectorale, instrumentele\nof themagestuurde aanpak'."""
    return textwrap.fill(_hoofdletter(SOORT_NAAM[code]), breedte)


def wijkaanpak_in_gebiedsgericht() -> bytes:
    """The circles: wijkaanpak inside gebiedsgericht, inside the area; outside them what is neither."""
    fig, ax = plt.subplots(figsize=(9, 6))
    ax.set_xlim(0, 12)
    ax.set_ylim(0, 8)
    ax.axis("off")
    ax.add_patch(FancyBboxPatch((0.2, 0.2), 11.6, 7.6, boxstyle="round,pad=0.05", fc=GEEL, ec=RAND))
    ax.text(
        0.5,
        7.25,
        f"Buiten de cirkel: {CATEGORIE_NAAM[NIET_GEBIEDSGERICHT]}",
        color=DONKER,
        fontsize=13,
        weight="bold",
    )
    ax.text(
        0.5, 5.9, _soort(SECTORAAL) + ":\nniet gebonden\naan een gebied", va="top", color=DONKER, fontsize=10
    )
    # The dashed box is the kenmerk gebiedsgebonden: inside it, but outside the circle, is in_gebied.
    ax.add_patch(
        FancyBboxPatch((4.1, 0.6), 7.3, 6.2, boxstyle="round,pad=0.05", fc="none", ec=RAND, lw=1.6, ls="--")
    )
    ax.text(
        4.3,
        6.35,
        _hoofdletter(KENMERK["gebiedsgebonden"].naam.lower()),
        color=DONKER,
        fontsize=11,
        weight="bold",
    )
    ax.text(4.3, 5.95, "(een wijk, buurt, dorp of regio)", color=DONKER, fontsize=10)
    ax.text(4.3, 1.0, _soort(IN_GEBIED), va="bottom", color=DONKER, fontsize=10)
    _cirkel(ax, (3.3, 2.55), BLAUW, GEBIEDSGERICHT, (5.05, 4.55), "alle 5 kenmerken")
    _cirkel(ax, (2.6, 1.4), GROEN, WIJKAANPAK, (2.85, 2.4), "5 kenmerken\n+ 4 extra", va="top")
    return _svg(fig)


def _cirkel(
    ax,
    plek: tuple[float, float],
    kleur: str,
    categorie: str,
    regels: tuple[float, float],
    uitleg: str,
    **opmaak,
):
    """A circle of the figure: its height and radius, the category's name and a line below it."""
    (y, straal), (y_naam, y_uitleg) = plek, regels
    ax.add_patch(Circle((8.75, y), straal, fc=kleur, ec=RAND, lw=2))
    naam = _hoofdletter(CATEGORIE_NAAM[categorie])
    ax.text(8.75, y_naam, naam, ha="center", color=DONKER, fontsize=12, weight="bold")
    ax.text(8.75, y_uitleg, uitleg, ha="center", color=DONKER, fontsize=10, **opmaak)


def _doos(ax, x, y, tekst, kleur, breed=3.6, hoog=1.1, vet=False):
    ax.add_patch(
        FancyBboxPatch(
            (x - breed / 2, y - hoog / 2), breed, hoog, boxstyle="round,pad=0.08", fc=kleur, ec=RAND
        )
    )
    ax.text(x, y, tekst, ha="center", va="center", color=DONKER, fontsize=11, weight="bold" if vet else None)


def _pijl(ax, van, naar, label):
    ax.add_patch(FancyArrowPatch(van, naar, arrowstyle="-|>", mutation_scale=18, color=RAND, lw=1.6))
    mx, my = (van[0] + naar[0]) / 2, (van[1] + naar[1]) / 2
    ax.text(mx + 0.15, my + 0.1, label, color=DONKER, fontsize=11, weight="bold")


def beslisregel() -> bytes:
    """The decision tree; it ends in a category, and for what is not gebiedsgericht in its kind."""
    fig, ax = plt.subplots(figsize=(10, 6.5))
    ax.set_xlim(0, 12.6)
    ax.set_ylim(0, 8.4)
    ax.axis("off")
    _doos(ax, 4.4, 7.6, "Vraag 1: zijn alle vijf kenmerken\nvan gebiedsgericht werken er?", BLAUW, breed=5.6)
    _doos(ax, 2.9, 4.7, "Vraag 2: zijn ook alle vier\nextra kenmerken er?", BLAUW, breed=4.4)
    _doos(
        ax,
        9.4,
        4.7,
        f"{_hoofdletter(CATEGORIE_NAAM[NIET_GEBIEDSGERICHT])}.\nIs de aanpak gebonden\naan een gebied?",
        GEEL,
        breed=4.4,
        hoog=1.5,
    )
    _doos(ax, 1.45, 1.2, _hoofdletter(CATEGORIE_NAAM[WIJKAANPAK]), GROEN, breed=2.7, hoog=1.5, vet=True)
    _doos(ax, 4.55, 1.2, "Gebiedsgericht\nwerken", BLAUW, breed=2.7, hoog=1.5, vet=True)
    _doos(ax, 7.75, 1.2, _soort(SECTORAAL, 17), GEEL, breed=2.9, hoog=1.5)
    _doos(ax, 10.95, 1.2, _soort(IN_GEBIED, 17), GEEL, breed=2.9, hoog=1.5)
    _pijl(ax, (3.4, 6.95), (2.9, 5.35), "ja")
    _pijl(ax, (6.2, 6.95), (8.6, 5.55), "nee")
    _pijl(ax, (2.2, 4.05), (1.5, 2.05), "ja")
    _pijl(ax, (3.6, 4.05), (4.4, 2.05), "nee")
    _pijl(ax, (8.6, 3.85), (7.9, 2.05), "nee")
    _pijl(ax, (10.2, 3.85), (10.9, 2.05), "ja")
    return _svg(fig)


def spectrum() -> bytes:
    fig, ax = plt.subplots(figsize=(9, 2.6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 3)
    ax.axis("off")
    ax.add_patch(
        FancyArrowPatch((0.5, 1.5), (9.5, 1.5), arrowstyle="<|-|>", mutation_scale=22, color=RAND, lw=2.5)
    )
    ax.text(0.5, 2.1, "Generiek\nwijkgericht werken", ha="left", va="bottom", color=DONKER, weight="bold")
    ax.text(9.5, 2.1, "Specifiek\nwijkgericht werken", ha="right", va="bottom", color=DONKER, weight="bold")
    ax.text(
        0.5,
        0.9,
        # Only the generic end is described: the source quotes the RMO on that end alone.
        "problemen voorkomen, signaleren\nen aanpakken, in wijken met\nweinig of veel problemen",
        ha="left",
        va="top",
        color=DONKER,
        fontsize=10,
    )
    ax.text(9.5, 0.9, "het andere uiterste", ha="right", va="top", color=DONKER, fontsize=10)
    return _svg(fig)


FIGUREN = {
    "wijkaanpak_in_gebiedsgericht.svg": wijkaanpak_in_gebiedsgericht,
    "beslisregel.svg": beslisregel,
    "spectrum.svg": spectrum,
}


def schrijf_figuren(map_: Path) -> list[Path]:
    """Write all diagrams into map_, touching a file only when its content changed."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, maak in FIGUREN.items():
        pad = map_ / naam
        inhoud = maak()
        if not pad.exists() or pad.read_bytes() != inhoud:
            pad.write_bytes(inhoud)
        paden.append(pad)
    return paden
