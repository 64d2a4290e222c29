"""Writing the final assignment's nbgrader source notebooks (``wijkleren opdracht maak``).

The toets pool (``exercises/toetspool/*.yaml``, :func:`wijkleren.casussen.bank.toetspool`) is the one
source: this module writes ``exercises/source/<opdracht>/<opdracht>.ipynb`` (not in git) with the
answers in solution regions and the grading keys in hidden tests. ``nbgrader generate_assignment``
strips both for the learners' copy.

The parts, one module each:

- :mod:`wijkleren.eindopdracht.trekken`: which casussen go where (:func:`kies_casussen`, per round);
- :mod:`wijkleren.eindopdracht.deel1`: ``casussen_beoordelen``, per casus the category and the
  kenmerken, typed as plain words and graded as data (see :mod:`wijkleren.eindopdracht.beoordelen`);
- :mod:`wijkleren.eindopdracht.deel2`: ``toepassen``, written answers graded by the trainer with a
  beoordelingsschema with levels and one anchor answer per level;
- :mod:`wijkleren.eindopdracht.cellen`: the cells both are made of.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from wijkleren.eindopdracht.deel1 import notitieboek_beoordelen
from wijkleren.eindopdracht.deel2 import notitieboek_toepassen
from wijkleren.eindopdracht.formaat import BEOORDELEN, TOEPASSEN
from wijkleren.eindopdracht.trekken import Keuze, kies_casussen


def _bronnen(cursusmap: Path | str, keuze: Keuze) -> list[tuple[Path, str]]:
    """Each source notebook's path and its text, as it would be written."""
    uit = []
    for opdracht, nb in (
        (BEOORDELEN, notitieboek_beoordelen(keuze.beoordelen)),
        (TOEPASSEN, notitieboek_toepassen(keuze.toepassen, keuze.advies)),
    ):
        nbformat.validate(nb)
        uit.append((Path(cursusmap) / "source" / opdracht / f"{opdracht}.ipynb", nbformat.writes(nb) + "\n"))
    return uit


def zou_vervangen(cursusmap: Path | str, keuze: Keuze) -> list[Path]:
    """Source notebooks that exist with other content: writing would replace them."""
    return [
        pad
        for pad, tekst in _bronnen(cursusmap, keuze)
        if pad.exists() and pad.read_text(encoding="utf-8") != tekst
    ]


def schrijf_bronnen(cursusmap: Path | str, keuze: Keuze | None = None) -> list[Path]:
    """Write the two source notebooks into ``<cursusmap>/source/<opdracht>/``; return their paths."""
    keuze = keuze or kies_casussen()
    paden = []
    for pad, tekst in _bronnen(cursusmap, keuze):
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        paden.append(pad)
    return paden
