"""The decision rule as a path the component walks: per kenmerk its question, and where 'nee' ends.

The beslisregel exercise walks it with the learner, and the worksheet "Mijn wijk, mijn plan"
(:mod:`.werkblad`) walks it over the kenmerken a learner ticks for a plan; both take it from
:func:`regeldata`, made by asking :func:`wijkleren.casussen.beslisregel.beslis`.
"""

from __future__ import annotations

from wijkleren.casussen.beslisregel import Uitkomst, beslis, uitleg_uitkomst
from wijkleren.casussen.domein import CATEGORIE_NAAM, KENMERKEN


def regeldata() -> dict:
    """The rule as the component walks it (the beslisregel exercise and the worksheet): ``regel``,
    per kenmerk where 'nee' ends the path, and ``alle_ja``, where the path ends with all nine."""
    return {"regel": _regel(), "alle_ja": _einde(beslis(k.code for k in KENMERKEN))}


def _regel() -> list[dict]:
    """The rule as a path: per kenmerk its question and, for 'nee', where the path ends.

    Made by asking beslisregel.beslis, so the path cannot drift from the rule.
    """
    stappen = []
    for nr, kenmerk in enumerate(KENMERKEN):
        eerder = [k.code for k in KENMERKEN[:nr]]
        uit = beslis(eerder)
        assert uit.beslissend == kenmerk.code, "de beslisregel vraagt de kenmerken in domein-volgorde"
        stappen.append({"kenmerk": kenmerk.code, "nee": _einde(uit)})
    return stappen


def _einde(uit: Uitkomst) -> dict:
    return {"categorie": uit.categorie, "naam": CATEGORIE_NAAM[uit.categorie], "zin": uitleg_uitkomst(uit)}
