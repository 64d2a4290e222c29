"""Every part the exercise component can show, by the name a book page or a notebook uses.

``:::{oefening} naam`` in the book (:mod:`wijkleren.boek.extensie`) and ``toon("naam")`` in a
notebook (:mod:`.widget`) both ask :func:`onderdeel` for the part's JSON: one of the five exercises
and the "Herhaling" line (:mod:`.oefendata`), the pre- and post-test (:mod:`.meting`), the scenario
(:mod:`.scenario`) or the worksheet (:mod:`.werkblad`), each with the component's own words for it.
:func:`als_html_json` makes that JSON safe inside a page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import partial
from pathlib import Path

from wijkleren.casussen import bank as casusbank
from wijkleren.casussen import beslisregel, domein, schema
from wijkleren.oefeningen import meting, misvattingen, oefendata, regelpad, scenario, spectrum, werkblad
from wijkleren.oefeningen.oefendata import OEFENINGEN, TEKSTEN, bewijs_plekken, herhalingdata, oefening_data


def bronbestanden() -> list[Path]:
    """Files the exercise data is made from: a book page with an exercise depends on them."""
    modules = (domein, beslisregel, schema, casusbank, misvattingen, meting, scenario, werkblad)
    code = [Path(m.__file__) for m in (*modules, oefendata, spectrum, regelpad)]
    data = [spectrum.SPECTRUM_BESTAND, misvattingen.BESTAND, scenario.BESTAND, werkblad.BESTAND]
    data += [meting.vorm_bestand(v) for v in meting.TOETSVORMEN]
    return [*casusbank.bank_bestanden(), *data, Path(__file__), *code]


# The component's own words for the pre-/post-test, the scenario and the worksheet, besides
# those in the content modules (meting.TEKSTEN, scenario.TEKSTEN, werkblad.TEKSTEN).
TOETS_TEKSTEN: dict[str, str] = {
    "kies_eerst": "Kies eerst bij beide vragen een antwoord. Daarna ga je verder.",
    "overzicht": "Je antwoorden per casus",
    "item_punten": "Casus {nr}, {titel}: {punten} van de {max} punten",
    "opnieuw": "Maak de toets opnieuw",
    "opnieuw_vraag": "Wil je de toets echt opnieuw maken? Dan wis je je antwoorden bij deze toets.",
    "opnieuw_ja": "Ja, wis mijn antwoorden",
    "opnieuw_nee": "Nee, ga terug",
    "beschadigd": "Je bewaarde antwoorden konden niet worden gelezen. Daarom begin je opnieuw bij de eerste casus.",
}
# Shared with the exercises: the marks in a case text, and the note about corrupt saved state.
_GEDEELD = ("bewijs_kenmerk", "bewijs_legenda", "legenda_kenmerk", "scheiding")
SCENARIO_TEKSTEN: dict[str, str] = {
    "kwaliteit": "Je advies",
    "keuze_met_kwaliteit": "{keuze} ({kwaliteit})",
    "beschadigd": "Je bewaarde keuzes konden niet worden gelezen. Daarom begin je opnieuw bij het eerste besluit.",
}
WERKBLAD_TEKSTEN: dict[str, str] = {
    "bestandsnaam": "mijn-wijk-mijn-plan.html",
    "geopend": "Je bewaarde werkblad is geopend.",
    "beschadigd": "Je bewaarde werkblad kon niet worden gelezen. Daarom begin je met een leeg werkblad.",
}
MAX_WERKBLAD_VELD = 5000  # characters per field of the worksheet


def toetsdata(rol: str) -> dict:
    """The pre-test (form A) or the post-test (form B) for the component.

    The post-test carries the pre-test's answer key, so it can show the gain from what the
    learner answered in the pre-test (kept in the browser under the pre-test's own key).
    """
    vorm = meting.VOORTOETS if rol == "voortoets" else meting.NATOETS
    data = meting.metingdata(vorm)
    for item in data["items"]:
        item["bewijs"] = bewijs_plekken(item["tekst"], item["bewijs"])
    gedeeld = {k: TEKSTEN[k] for k in _GEDEELD}
    data.update(soort="toets", teksten={**data["teksten"], **gedeeld, **TOETS_TEKSTEN}, meld=rol == "natoets")
    if rol == "natoets":
        voor = meting.metingdata(meting.VOORTOETS)
        data["voor"] = {
            "id": voor["id"],
            "max": voor["max"],
            "sleutel": [[i["id"], i["goed"], i["beslissend"]] for i in voor["items"]],
        }
    return data


def scenariodata() -> dict:
    """The branching scenario "Advies aan de wethouder" for the component."""
    data = scenario.scenario_data()
    data.update(soort="scenario", teksten={**data["teksten"], **SCENARIO_TEKSTEN})
    return data


def werkbladdata() -> dict:
    """The worksheet "Mijn wijk, mijn plan" for the component; it stays in the browser."""
    data = werkblad.werkblad_data()
    teksten = {**data["teksten"], **WERKBLAD_TEKSTEN}
    data.update(soort="werkblad", teksten=teksten, max=MAX_WERKBLAD_VELD)
    return data


# Everything the component can show, by the name a book page or a notebook uses.
ONDERDELEN: dict[str, Callable[[], dict]] = {
    **{n: partial(oefening_data, n) for n in OEFENINGEN},
    "herhaling": herhalingdata,
    "voortoets": partial(toetsdata, "voortoets"),
    "natoets": partial(toetsdata, "natoets"),
    "scenario": scenariodata,
    "werkblad": werkbladdata,
}


def onderdeel(naam: str) -> dict:
    """The data of one part of the component: an exercise, a test, the scenario, the worksheet."""
    if naam not in ONDERDELEN:
        raise KeyError(f"Onbekende oefening '{naam}'. Kies uit: {', '.join(ONDERDELEN)}.")
    return ONDERDELEN[naam]()


def als_html_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' left as such."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
