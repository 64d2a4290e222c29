"""The exercises' data: cases, kenmerken and every text a learner reads, as JSON for one component.

The exercise itself (rounds, repetition, judging, feedback, saved progress) has one
implementation: ``static/oefeningen.js``. The book's pages run it on the data block that
``boek.py`` writes; JupyterLab runs the same file through anywidget (``widgets.py``).
Python only makes the data (:func:`oefendata`); the script holds no sentence of its own.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, partial
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wijkleren.casussen import bank as casusbank
from wijkleren.casussen import beslisregel, domein
from wijkleren.casussen.bank import Casus
from wijkleren.casussen.beslisregel import beslis, feedback_keuze, uitleg_uitkomst
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    KENMERK_CODES,
    KENMERKEN,
    WIJKAANPAK,
)
from wijkleren.oefeningen import meting, misvattingen, scenario
from wijkleren.oefeningen.misvattingen import kenmerk_misvatting, misvattingen_voor

SPECTRUM_BESTAND = Path(__file__).parent / "data" / "spectrum.yaml"

RONDE = 5  # answers per practice round
TERUG = (3, 6)  # a missed item comes back after 3 others; answered right, once more after 6
MEEST_GEMIST = 3  # how many kenmerken a round summary names
# Review across days: a missed case is due 1 day after the miss, then 6 days after that review
# (about a week after the miss). Answered wrong at a review: it starts over at the first step.
HERHAAL_DAGEN = (1, 6)
# Mastery: the last MEESTER_RONDES finished rounds each have at least MEESTER_GOED right.
MEESTER_RONDES = 2
MEESTER_GOED = 4
# Ticking kenmerken: an answer with at most this many kenmerken wrong counts as right ("bijna").
KENMERKEN_MARGE = 1

# Every label and sentence the two layers show, besides those made from the rule below.
TEKSTEN: dict[str, str] = {
    "keuzes": "Jouw antwoord",
    "volgende": "Volgende",
    "controleer": "Controleer",
    "ja": "Ja",
    "nee": "Nee",
    "teller": "Ronde {ronde}, vraag {nr} van {totaal}",
    "kenmerken_vraag": "Welke kenmerken zie je in de tekst? Vink ze aan. Klik dan op Controleer.",
    "kenmerken_uitkomst": "Met jouw vinkjes wijst de beslisregel naar: {naam}.",
    "stappen_vraag": "Vraag {nr} van de beslisregel",
    "stappen_pad": "Jouw pad tot nu toe",
    "stappen_antwoord": "Jouw antwoord: {antwoord}.",
    "pad_einde": "Het pad eindigt bij: {naam}.",
    "voortgang": "Je voortgang",
    "ronde_leeg": "Ronde {ronde}: nog geen antwoorden.",
    "ronde_bezig": "Ronde {ronde}: {goed} van de {totaal} goed tot nu toe.",
    "ronde_klaar": "Ronde {ronde}: {goed} van de {totaal} goed.",
    "vaak_gemist": "Het vaakst gemist: {lijst}.",
    "niets_gemist": "Je hebt geen kenmerk gemist.",
    "gemist_aantal": "{naam} ({aantal} keer)",
    "scheiding": ", ",
    "nog_eens": "Oefen deze nog eens",
    "nog_eens_uitleg": "Deze komen later in de oefening terug.",
    "nog_eens_leeg": "Er staat nu niets klaar om nog eens te oefenen.",
    "klaar": "Je hebt alles gedaan. Klik op Opnieuw beginnen om nog eens te oefenen.",
    "opnieuw": "Opnieuw beginnen",
    "opnieuw_vraag": "Wil je echt opnieuw beginnen? Dan wis je je voortgang bij deze oefening.",
    "opnieuw_ja": "Ja, wis mijn voortgang",
    "opnieuw_nee": "Nee, ga verder",
    "nieuwer": (
        "Je voortgang is bewaard door een nieuwere versie van deze oefening. "
        "Kies in het menu Uitvoeren de opdracht ‘Run All Cells’, dan ga je verder waar je was."
    ),
    "beschadigd": "Je bewaarde voortgang kon niet worden gelezen. Daarom begin je opnieuw bij vraag 1.",
    "bewaard": "Je voortgang blijft in deze browser bewaard. Er gaat niets naar internet.",
    # The one instruction for a notebook that shows no exercise: the same in README, start page, chapter 7.
    "geen_oefening": "Zie je geen oefening? Kies dan bovenaan in het menu Uitvoeren de opdracht ‘Run All Cells’.",
    "geen_script": "Deze oefening werkt met JavaScript. Zet JavaScript aan in je browser.",
    # Feedback that points: the evidence in the case text, the pitfall, the misconception.
    "bewijs_legenda": "In de casus zijn nu de woorden gemarkeerd die een kenmerk laten zien.",
    "bewijs_gezien": "je zag: {naam}",
    "bewijs_gemist": "je miste: {naam}",
    "bewijs_kenmerk": "in de tekst: {naam}",
    "legenda_gezien": "Je zag: de woorden van een kenmerk dat je goed had.",
    "legenda_gemist": "Je miste: de woorden van een kenmerk dat je niet zag.",
    "legenda_kenmerk": "In de tekst: de woorden die laten zien dat een kenmerk er is.",
    "valkuil": "De valkuil",
    "misvatting": "Over jouw keuze",
    "kenmerken_alles": "Goed. Je hebt alle {totaal} kenmerken goed.",
    "kenmerken_bijna": "Bijna goed: {goed} van {totaal} kenmerken goed.",
    "kenmerken_fout": "Niet goed: {goed} van {totaal} kenmerken goed.",
    "stappen_goed": "Goed. Je hebt elke vraag van de beslisregel goed beantwoord.",
    "stappen_fout": "Niet goed bij vraag {nr}, {naam}. {zin}",
    "stap_mis": "Hier ging het mis",
    # Review across days, and mastery.
    "herhaling_start": "Herhaling: {aantal} casussen die je eerder miste, komen nu eerst.",
    "herhaling_start_een": "Herhaling: een casus die je eerder miste, komt nu eerst.",
    "herhaling_label": "Herhaling van een casus die je eerder miste",
    "herhaling_morgen": "Morgen komen {aantal} casussen terug, zodat je ze nog eens oefent.",
    "herhaling_later": "Over {dagen} dagen komen {aantal} casussen terug, zodat je ze nog eens oefent.",
    "herhaling_vandaag": "Er staan {aantal} casussen klaar om te herhalen. Ze komen als eerste.",
    "beheerst": (
        "Je beheerst deze oefening: twee rondes achter elkaar had je er {goed} of meer van de {ronde} "
        "goed. Je kunt door naar de volgende oefening."
    ),
    "beheerst_doel": (
        "Je kunt door naar de volgende oefening als je twee rondes achter elkaar {goed} of meer van "
        "de {ronde} goed hebt."
    ),
}

# The "Herhaling" line on the start page and in chapter 7: it reads the same saved progress.
HERHALING_TEKSTEN: dict[str, str] = {
    "titel": "Herhaling",
    "klaar": "Herhaling: {aantal} casussen staan klaar.",
    "klaar_een": "Herhaling: 1 casus staat klaar.",
    "leeg": "Herhaling: er staan nu geen casussen klaar.",
    "per_oefening": "{titel}: {aantal}",
    "uitleg": (
        "Een casus die je miste, komt na een dag terug en daarna nog eens na ongeveer een week. "
        "Zo onthoud je beter wat je leerde."
    ),
}

# Per kenmerk and per way an answer can be right or wrong; {naam} and {ontbreekt} from domein.py.
_KENMERK_ZINNEN: dict[str, dict[str, str]] = {
    "kenmerken": {  # the learner ticks kenmerken
        "wel_goed": "{naam}: goed. Dit kenmerk staat in de tekst.",
        "niet_goed": "{naam}: goed. Dit kenmerk staat niet in de tekst.",
        "gemist": "{naam}: gemist. Dit kenmerk staat wel in de tekst.",
        "onterecht": "{naam}: onterecht aangevinkt. Dit kenmerk staat niet in de tekst: {ontbreekt}.",
    },
    "stappen": {  # the learner answers the rule's question with ja or nee
        "wel_goed": "Goed. Het antwoord is ja: dit kenmerk staat in de tekst.",
        "niet_goed": "Goed. Het antwoord is nee: {ontbreekt}.",
        "gemist": "Niet goed. Het antwoord is ja: dit kenmerk staat wel in de tekst.",
        "onterecht": "Niet goed. Het antwoord is nee: {ontbreekt}.",
        # Without the verdict: for the line that names the step that went wrong.
        "kern_ja": "Het antwoord is ja: dit kenmerk staat wel in de tekst.",
        "kern_nee": "Het antwoord is nee: {ontbreekt}.",
    },
}

Positie = Literal["generiek", "tussenin", "specifiek"]
POSITIES: dict[str, dict[str, str]] = {
    "generiek": {"naam": "Generiek", "plek": "aan de generieke kant"},
    "tussenin": {"naam": "Tussenin", "plek": "tussen de twee uitersten in"},
    "specifiek": {"naam": "Specifiek", "plek": "aan de specifieke kant"},
}
_SPECTRUM_GOED = "Goed. Deze aanpak ligt {plek}."
_SPECTRUM_FOUT = "Niet goed. Je koos: {gekozen}. Deze aanpak ligt {plek}."

# The exercises. "kiezen": pick one answer; "kenmerken": tick kenmerken; "stappen": walk the rule.
OEFENINGEN: dict[str, dict] = {
    "indelen-twee": {
        "kort": "Wijkaanpak of gebiedsgericht",
        "soort": "kiezen",
        "titel": "Wijkaanpak of gebiedsgericht werken?",
        "categorieen": (WIJKAANPAK, GEBIEDSGERICHT),
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "kenmerken": {
        "kort": "Kenmerken herkennen",
        "soort": "kenmerken",
        "titel": "Welke kenmerken zie je?",
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "beslisregel": {
        "kort": "De beslisregel stap voor stap",
        "soort": "stappen",
        "titel": "De beslisregel stap voor stap",
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "indelen-drie": {
        "kort": "Drie uitkomsten",
        "soort": "kiezen",
        "titel": "Wijkaanpak, gebiedsgericht werken of geen van beide?",
        "categorieen": CATEGORIEEN,
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "spectrum": {
        "kort": "Van generiek naar specifiek",
        "soort": "kiezen",
        "titel": "Van generiek naar specifiek",
        "volgende": "Volgende aanpak",
        "uitleg": "Uitleg bij deze aanpak",
    },
}


class SpectrumItem(BaseModel):
    """One approach to place on the RMO spectrum, with its place and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")
    titel: str = Field(min_length=3, max_length=120)
    tekst: str = Field(min_length=40)
    positie: Positie
    uitleg: str = Field(min_length=20)


@cache
def spectrum_items(pad: Path = SPECTRUM_BESTAND) -> tuple[SpectrumItem, ...]:
    """The spectrum exercise's approaches; a file error names the file, the item and the field."""
    data, _ = casusbank.lees_yaml(pad)
    items = []
    for nr, ruw in enumerate(data or []):
        try:
            items.append(SpectrumItem.model_validate(ruw))
        except Exception as fout:
            wie = ruw.get("id") if isinstance(ruw, dict) else None
            raise ValueError(f"{pad}: aanpak '{wie or nr + 1}': {fout}") from None
    if len({i.id for i in items}) != len(items):
        raise ValueError(f"{pad}: een id komt twee keer voor")
    return tuple(items)


def bronbestanden() -> list[Path]:
    """Files the exercise data is made from: a book page with an exercise depends on them."""
    from wijkleren.oefeningen import werkblad

    modules = (domein, beslisregel, casusbank, misvattingen, meting, scenario, werkblad)
    code = [Path(m.__file__) for m in modules]
    data = [SPECTRUM_BESTAND, misvattingen.BESTAND, scenario.BESTAND, werkblad.BESTAND]
    data += [meting.vorm_bestand(v) for v in meting.VORMEN]
    return [*casusbank.bank_bestanden(), *data, Path(__file__), *code]


def _volgorde(items: Iterable, zaad: str) -> list:
    """Easy cases first; within a level a fixed shuffle, the same on every build and in both places."""
    uit: list = []
    items = list(items)
    for niveau in sorted({getattr(i, "moeilijkheid", 1) for i in items}):
        groep = sorted((i for i in items if getattr(i, "moeilijkheid", 1) == niveau), key=lambda i: i.id)
        random.Random(f"{zaad}-{niveau}").shuffle(groep)
        uit.extend(groep)
    return uit


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


def _einde(uit: beslisregel.Uitkomst) -> dict:
    return {"categorie": uit.categorie, "naam": CATEGORIE_NAAM[uit.categorie], "zin": uitleg_uitkomst(uit)}


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _kenmerken_data(soort: str) -> list[dict]:
    zinnen = _KENMERK_ZINNEN[soort]
    return [
        {
            "code": k.code,
            "naam": k.naam,
            "vraag": k.vraag,
            "zinnen": {s: z.format(naam=k.naam, ontbreekt=k.ontbreekt) for s, z in zinnen.items()},
            # What a miss and a wrong tick (or a wrong ja / nee) usually mean, by the thresholds.
            "misvatting": {f: kenmerk_misvatting(k.code, f) for f in ("gemist", "onterecht")},
        }
        for k in KENMERKEN
    ]


def bewijs_plekken(tekst: str, bewijs: dict[str, str]) -> list[list]:
    """Where each kenmerk's evidence is in the text: [begin, end, code], in order of begin.

    The bank matches evidence with every run of whitespace as one space (casusbank.zonder_witruimte);
    so does this, on the text exactly as the component shows it. Phrases may overlap.
    """
    plekken = []
    for code, woorden in bewijs.items():
        patroon = r"\s+".join(re.escape(w) for w in woorden.split())
        gevonden = re.search(patroon, tekst) if patroon else None
        if gevonden:  # as JavaScript counts: in UTF-16 code units
            begin, eind = (len(tekst[:i].encode("utf-16-le")) // 2 for i in gevonden.span())
            plekken.append([begin, eind, code])
    return sorted(plekken, key=lambda p: (p[0], p[1], KENMERK_CODES.index(p[2])))


def _casus_item(casus: Casus) -> dict:
    tekst = casus.tekst.strip()
    return {
        "id": casus.id,
        "titel": casus.titel,
        "tekst": tekst,
        "uitleg": casus.uitleg.strip(),
        "valkuil": casus.valkuil.strip() if casus.valkuil and casus.valkuil.strip() else None,
        "bewijs": bewijs_plekken(tekst, casus.bewijs),
    }


def _hoort_bij(casus: Casus, oefening: str) -> bool:
    """A bank case goes to its own exercise only; a trainer's case without 'oefening' goes everywhere."""
    return casus.oefening in (None, oefening)


def oefendata(oefening: str, bank: Sequence[Casus] | None = None) -> dict:
    """Everything one exercise shows, as a JSON-able dict. Only 'oefenen' cases ever go in."""
    if oefening not in OEFENINGEN:
        raise KeyError(f"Onbekende oefening '{oefening}'. Kies uit: {', '.join(OEFENINGEN)}.")
    opzet = OEFENINGEN[oefening]
    cases = casusbank.casussen(pool="oefenen") if bank is None else list(bank)
    lek = [c.id for c in cases if c.pool != "oefenen"]
    if lek:
        raise ValueError(f"Toetscasussen horen niet in een oefening: {', '.join(lek)}")
    data: dict = {
        "id": oefening,
        "soort": opzet["soort"],
        "titel": opzet["titel"],
        "ronde": RONDE,
        "terug": list(TERUG),
        "meest_gemist": MEEST_GEMIST,
        "herhaal": list(HERHAAL_DAGEN),
        "meester": {"rondes": MEESTER_RONDES, "goed": MEESTER_GOED},
        "teksten": {**TEKSTEN, "volgende": opzet["volgende"], "uitleg": opzet["uitleg"]},
    }
    if oefening == "spectrum":
        data["keuzes"] = [{"code": p, "naam": v["naam"]} for p, v in POSITIES.items()]
        data["items"] = [_spectrum_item(i) for i in _volgorde(spectrum_items(), oefening)]
        data["telt_kenmerken"] = False
        return data
    data["telt_kenmerken"] = True
    if opzet["soort"] == "kiezen":
        cats = opzet["categorieen"]
        data["keuzes"] = [{"code": c, "naam": _hoofdletter(CATEGORIE_NAAM[c])} for c in cats]
        data["kenmerken"] = [{"code": k.code, "naam": k.naam} for k in KENMERKEN]
        data["items"] = [
            {
                **_casus_item(c),
                "goed": c.label,
                "feedback": {cat: feedback_keuze(cat, c.uitkomst) for cat in cats},
                "gemist": [c.uitkomst.beslissend] if c.uitkomst.beslissend else [],
                "misvatting": misvattingen_voor(c, cats),  # per wrong choice its own sentence
            }
            for c in _volgorde((c for c in cases if c.label in cats and _hoort_bij(c, oefening)), oefening)
        ]
        return data
    data["kenmerken"] = _kenmerken_data(opzet["soort"])
    data["marge"] = KENMERKEN_MARGE if opzet["soort"] == "kenmerken" else 0
    data.update(regeldata())
    data["items"] = [
        {**_casus_item(c), "aanwezig": list(c.kenmerken)}
        for c in _volgorde((c for c in cases if _hoort_bij(c, oefening)), oefening)
    ]
    return data


def herhalingdata() -> dict:
    """The "Herhaling" line: which exercises to read from the saved progress, and its texts."""
    return {
        "id": "herhaling",
        "soort": "herhaling",
        "oefeningen": [
            {"id": n, "titel": o["kort"], "herhaal": list(HERHAAL_DAGEN)} for n, o in OEFENINGEN.items()
        ],
        "teksten": dict(HERHALING_TEKSTEN),
    }


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
    from wijkleren.oefeningen import werkblad  # it takes the rule's path from this module

    data = werkblad.werkblad_data()
    teksten = {**data["teksten"], **WERKBLAD_TEKSTEN}
    data.update(soort="werkblad", teksten=teksten, max=MAX_WERKBLAD_VELD)
    return data


# Everything the component can show, by the name a book page or a notebook uses.
ONDERDELEN: dict[str, Callable[[], dict]] = {
    **{n: partial(oefendata, n) for n in OEFENINGEN},
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


def _spectrum_item(item: SpectrumItem) -> dict:
    plek = POSITIES[item.positie]["plek"]
    feedback = {
        p: _SPECTRUM_GOED.format(plek=plek)
        if p == item.positie
        else _SPECTRUM_FOUT.format(gekozen=v["naam"].lower(), plek=plek)
        for p, v in POSITIES.items()
    }
    return {
        "id": item.id,
        "titel": item.titel,
        "tekst": item.tekst.strip(),
        "uitleg": item.uitleg.strip(),
        "goed": item.positie,
        "feedback": feedback,
        "gemist": [],
        "valkuil": None,
        "bewijs": [],
        "misvatting": {},
    }


def als_html_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' left as such."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
