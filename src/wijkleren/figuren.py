"""The book's diagrams, drawn with matplotlib at build time (offline, no diagram service).

The texts come from the domain model, so a diagram cannot drift from the rule.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch  # noqa: E402

from .domein import CATEGORIE_NAAM, GEBIEDSGERICHT, SECTORAAL, WIJKAANPAK  # noqa: E402

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


def wijkaanpak_in_gebiedsgericht() -> bytes:
    fig, ax = plt.subplots(figsize=(7, 5))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 7)
    ax.axis("off")
    ax.add_patch(FancyBboxPatch((0.2, 0.2), 9.6, 6.6, boxstyle="round,pad=0.05", fc=GEEL, ec=RAND))
    ax.text(0.5, 6.3, f"Buiten de cirkel: {CATEGORIE_NAAM[SECTORAAL]}", color=DONKER, fontsize=12)
    ax.text(0.5, 5.9, "(één sector, instrument of thema)", color=DONKER, fontsize=10)
    ax.add_patch(Circle((5.6, 3.1), 2.7, fc=BLAUW, ec=RAND, lw=2))
    ax.text(5.6, 5.0, "Gebiedsgericht werken", ha="center", color=DONKER, fontsize=13, weight="bold")
    ax.text(5.6, 4.6, "alle 5 kenmerken", ha="center", color=DONKER, fontsize=10)
    ax.add_patch(Circle((5.6, 2.6), 1.45, fc=GROEN, ec=RAND, lw=2))
    ax.text(5.6, 2.8, "Wijkaanpak", ha="center", color=DONKER, fontsize=13, weight="bold")
    ax.text(5.6, 2.3, "5 kenmerken\n+ 4 extra", ha="center", va="top", color=DONKER, fontsize=10)
    return _svg(fig)


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
    fig, ax = plt.subplots(figsize=(8, 6))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 8)
    ax.axis("off")
    _doos(ax, 4, 7, "Vraag 1: zijn alle vijf kenmerken\nvan gebiedsgericht werken er?", BLAUW, breed=5.6)
    _doos(ax, 8.2, 4.6, CATEGORIE_NAAM[SECTORAAL].capitalize(), GEEL, breed=3.2, vet=True)
    _doos(ax, 4, 4.2, "Vraag 2: zijn ook alle vier\nextra kenmerken er?", BLAUW, breed=5.0)
    _doos(ax, 2, 1.2, CATEGORIE_NAAM[WIJKAANPAK].capitalize(), GROEN, breed=3.2, vet=True)
    _doos(ax, 6.8, 1.2, CATEGORIE_NAAM[GEBIEDSGERICHT].capitalize(), BLAUW, breed=3.6, vet=True)
    _pijl(ax, (6.8, 6.4), (8.2, 5.2), "nee")
    _pijl(ax, (4, 6.4), (4, 4.8), "ja")
    _pijl(ax, (3.2, 3.6), (2.2, 1.8), "ja")
    _pijl(ax, (4.8, 3.6), (6.4, 1.8), "nee")
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
