"""The exercises' data: cases, kenmerken and every text a learner reads, as JSON for one component.

The exercise itself (rounds, repetition, judging, feedback, saved progress) has one
implementation: ``static/oefeningen.js``. The book's pages run it on the data block that
``boek.py`` writes; JupyterLab runs the same file through anywidget (``widgets.py``).
Python only makes the data (:func:`oefendata`); the script holds no sentence of its own.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from . import beslisregel, casusbank, domein
from .beslisregel import beslis, feedback_keuze, uitleg_uitkomst
from .casusbank import Casus
from .domein import CATEGORIE_NAAM, CATEGORIEEN, GEBIEDSGERICHT, KENMERKEN, WIJKAANPAK

SPECTRUM_BESTAND = Path(__file__).parent / "data" / "spectrum.yaml"

RONDE = 5  # answers per practice round
TERUG = (3, 6)  # a missed item comes back after 3 others; answered right, once more after 6
MEEST_GEMIST = 3  # how many kenmerken a round summary names

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
        "soort": "kiezen",
        "titel": "Wijkaanpak of gebiedsgericht werken?",
        "categorieen": (WIJKAANPAK, GEBIEDSGERICHT),
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "kenmerken": {
        "soort": "kenmerken",
        "titel": "Welke kenmerken zie je?",
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "beslisregel": {
        "soort": "stappen",
        "titel": "De beslisregel stap voor stap",
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "indelen-drie": {
        "soort": "kiezen",
        "titel": "Wijkaanpak, gebiedsgericht werken of geen van beide?",
        "categorieen": CATEGORIEEN,
        "volgende": "Volgende casus",
        "uitleg": "Uitleg bij deze casus",
    },
    "spectrum": {
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
    pakket = Path(__file__).parent
    code = [pakket / f"{m.__name__.rsplit('.', 1)[-1]}.py" for m in (domein, beslisregel, casusbank)]
    return [*casusbank.bank_bestanden(), SPECTRUM_BESTAND, Path(__file__), *code]


def _volgorde(items: Iterable, zaad: str) -> list:
    """Easy cases first; within a level a fixed shuffle, the same on every build and in both places."""
    uit: list = []
    items = list(items)
    for niveau in sorted({getattr(i, "moeilijkheid", 1) for i in items}):
        groep = sorted((i for i in items if getattr(i, "moeilijkheid", 1) == niveau), key=lambda i: i.id)
        random.Random(f"{zaad}-{niveau}").shuffle(groep)
        uit.extend(groep)
    return uit


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
        }
        for k in KENMERKEN
    ]


def _casus_item(casus: Casus) -> dict:
    return {
        "id": casus.id,
        "titel": casus.titel,
        "tekst": casus.tekst.strip(),
        "uitleg": casus.uitleg.strip(),
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
            }
            for c in _volgorde((c for c in cases if c.label in cats and _hoort_bij(c, oefening)), oefening)
        ]
        return data
    data["kenmerken"] = _kenmerken_data(opzet["soort"])
    data["regel"] = _regel()
    data["alle_ja"] = _einde(beslis(k.code for k in KENMERKEN))
    data["items"] = [
        {**_casus_item(c), "aanwezig": list(c.kenmerken)}
        for c in _volgorde((c for c in cases if _hoort_bij(c, oefening)), oefening)
    ]
    return data


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
    }


def als_html_json(data: dict) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' left as such."""
    tekst = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return tekst.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
