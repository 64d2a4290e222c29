"""The pass mark (cesuur) of the final assignment: the one place that decides voldoende or onvoldoende.

The pass mark lies halfway between what guessing earns and the maximum. In deel 1 any blind
answer earns at most a third of the points (see :mod:`wijkleren.eindopdracht.beoordelen`), so the pass mark is
two thirds of the maximum. Deel 2 has no points for guessing, so it is half of the maximum:
the level "voldoende" on every question. The trainers' chapter (book/09b_beoordelen.md)
explains this. Everything that shows a result (the feedback page, the grading round's summary,
the class overview, the LMS export and the certificates) asks this module.
"""

from __future__ import annotations

import math

from wijkleren.eindopdracht.formaat import BEOORDELEN, TOEPASSEN

VOLDOENDE = "voldoende"
ONVOLDOENDE = "onvoldoende"
OPEN = "nog open"  # hand grading is not finished: no result yet

# What guessing (or one answer for every question) earns, as a share of the maximum.
GOKKANS: dict[str, float] = {BEOORDELEN: 1 / 3, TOEPASSEN: 0.0}


def grens(opdracht: str, max_punten: float) -> float:
    """The lowest score that is voldoende: halfway between guessing and the maximum, whole points."""
    gok = GOKKANS.get(opdracht, 0.0)
    midden = max_punten * (gok + (1 - gok) / 2)
    return float(math.ceil(round(midden, 6)))


def oordeel(opdracht: str, punten: float | None, max_punten: float, open_: bool = False) -> str | None:
    """VOLDOENDE, ONVOLDOENDE, OPEN (hand grading not done), or None (nothing graded)."""
    if punten is None:
        return None
    if open_:
        return OPEN
    return VOLDOENDE if float(punten) >= grens(opdracht, max_punten) else ONVOLDOENDE


def _getal(x: float) -> str:
    return str(int(x)) if float(x) == int(x) else f"{x:.2f}".rstrip("0").replace(".", ",")


def grens_tekst(opdracht: str, max_punten: float) -> str:
    """'voldoende vanaf 48 van de 72 punten'."""
    return f"voldoende vanaf {_getal(grens(opdracht, max_punten))} van de {_getal(max_punten)} punten"


def zin(opdracht: str, punten: float | None, max_punten: float, open_: bool = False) -> str:
    """One Dutch sentence for the learner's feedback page."""
    uit = oordeel(opdracht, punten, max_punten, open_)
    if uit is None:
        return "Je resultaat is nog niet bekend: dit deel is nog niet nagekeken."
    if uit == OPEN:
        return "Je resultaat is nog niet bekend: je trainer kijkt een deel nog met de hand na."
    return f"Je resultaat: {uit}. De grens is {_getal(grens(opdracht, max_punten))} van de {_getal(max_punten)} punten."


def kort(opdracht: str, punten: float | None, max_punten: float | None, open_: bool = False) -> str:
    """A short word for a status line or a table cell: 'voldoende', 'onvoldoende', 'nog open' or ''."""
    if max_punten is None:
        return ""
    return oordeel(opdracht, punten, max_punten, open_) or ""


def samenvatting(opdracht: str, standen: list[tuple[str, float | None, float | None, bool]]) -> str:
    """The pass-mark lines of a grading round's summary: who is voldoende, onvoldoende, still open.

    `standen`: per learner (id, points, maximum, hand grading still open)."""
    groepen: dict[str, list[str]] = {VOLDOENDE: [], ONVOLDOENDE: [], OPEN: []}
    maximum = None
    for deelnemer, punten, max_punten, open_ in standen:
        uit = kort(opdracht, punten, max_punten, open_)
        if uit:
            groepen[uit].append(deelnemer)
            maximum = max_punten
    if maximum is None:
        return ""
    regels = [f"Cesuur: {grens_tekst(opdracht, maximum)}."]
    for naam, wie in groepen.items():
        if wie:
            regels.append(f"{naam.capitalize()} ({len(wie)}): {', '.join(wie)}.")
    return "\n".join(regels)
