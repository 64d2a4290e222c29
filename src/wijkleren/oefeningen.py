"""The exercises' logic: their data (cases, kenmerken, every feedback text) and practice rounds.

One source for two places. ``widgets.py`` (ipywidgets in JupyterLab) and
``static/oefeningen.js`` (the book's pages, no kernel) both show what :func:`oefendata`
makes; neither holds a sentence of its own. The round and repetition rules below are
mirrored in the script; ``tests/test_oefeningen.py`` runs both on the same answers.
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
    "bewaard": "Je voortgang blijft in deze browser bewaard. Er gaat niets naar internet.",
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
        "titel": "Wijkaanpak, gebiedsgericht of sectoraal?",
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
            for c in _volgorde((c for c in cases if c.label in cats), oefening)
        ]
        return data
    data["kenmerken"] = _kenmerken_data(opzet["soort"])
    data["regel"] = _regel()
    data["alle_ja"] = _einde(beslis(k.code for k in KENMERKEN))
    data["items"] = [{**_casus_item(c), "aanwezig": list(c.kenmerken)} for c in _volgorde(cases, oefening)]
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


# --- Judging answers (mirrored in static/oefeningen.js) ---


def vul(sjabloon: str, **waarden) -> str:
    """Fill a text's {placeholders}; the script does the same with the same texts."""
    for naam, waarde in waarden.items():
        sjabloon = sjabloon.replace("{" + naam + "}", str(waarde))
    return sjabloon


def item(data: dict, item_id: str) -> dict:
    for i in data["items"]:
        if i["id"] == item_id:
            return i
    raise KeyError(item_id)


def pad(data: dict, ja: Iterable[str]) -> dict:
    """Where the rule's path ends when the kenmerken in ``ja`` are there: {categorie, naam, zin}."""
    ja = set(ja)
    for stap in data["regel"]:
        if stap["kenmerk"] not in ja:
            return stap["nee"]
    return data["alle_ja"]


def _status(gezegd: bool, waar: bool) -> str:
    if gezegd == waar:
        return "wel_goed" if waar else "niet_goed"
    return "gemist" if waar else "onterecht"


def beoordeel(data: dict, it: dict, antwoord) -> dict:
    """Judge a whole answer: {goed, zinnen, gemist}. 'kiezen': a code; 'kenmerken': the ticked codes."""
    if data["soort"] == "kiezen":
        goed = antwoord == it["goed"]
        zinnen = [it["feedback"][antwoord], it["uitleg"]]
        return {"goed": goed, "zinnen": zinnen, "gemist": [] if goed else list(it["gemist"])}
    if data["soort"] == "kenmerken":
        gevinkt = set(antwoord)
        zinnen, gemist = [], []
        for k in data["kenmerken"]:
            status = _status(k["code"] in gevinkt, k["code"] in it["aanwezig"])
            zinnen.append(k["zinnen"][status])
            if status in ("gemist", "onterecht"):
                gemist.append(k["code"])
        t = data["teksten"]
        zinnen.append(vul(t["kenmerken_uitkomst"], naam=pad(data, gevinkt)["naam"]))
        zinnen.append(pad(data, it["aanwezig"])["zin"])
        zinnen.append(it["uitleg"])
        return {"goed": not gemist, "zinnen": zinnen, "gemist": gemist}
    raise ValueError(f"beoordeel kent de soort '{data['soort']}' niet; gebruik stap()")


def stap(data: dict, it: dict, nr: int, ja: bool) -> dict:
    """Judge the answer to question ``nr`` (0-based) of the rule for a casus.

    The path goes on along the casus's real answer, so every walk ends where the casus belongs:
    {goed, zin, kenmerk, einde}; einde is None while there is a next question.
    """
    code = data["regel"][nr]["kenmerk"]
    waar = code in it["aanwezig"]
    status = _status(ja, waar)
    zin = next(k for k in data["kenmerken"] if k["code"] == code)["zinnen"][status]
    einde = None
    if not waar:
        einde = data["regel"][nr]["nee"]
    elif nr == len(data["regel"]) - 1:
        einde = data["alle_ja"]
    return {"goed": ja == waar, "zin": zin, "kenmerk": code, "einde": einde}


# --- Rounds and repetition (mirrored in static/oefeningen.js) ---


def nieuwe_stand(data: dict) -> dict:
    """The start of an exercise: all items in order, round 1, nothing missed."""
    return {
        "rij": [i["id"] for i in data["items"]],
        "nog_eens": [],  # [item id, step in TERUG], in the order they were missed
        "ronde": {"nr": 1, "goed": 0, "totaal": 0, "gemist": {}},
        "rondes": [],
    }


def huidig(stand: dict) -> str | None:
    """The item to show now, or None when everything is done."""
    return stand["rij"][0] if stand["rij"] else None


def verwerk(data: dict, stand: dict, item_id: str, goed: bool, gemist: Iterable[str]) -> dict:
    """The new stand after an answer (the old one is left as it was)."""
    stand = json.loads(json.dumps(stand))
    if item_id in stand["rij"]:
        stand["rij"].remove(item_id)
    ronde = stand["ronde"]
    ronde["totaal"] += 1
    ronde["goed"] += 1 if goed else 0
    for code in gemist:
        ronde["gemist"][code] = ronde["gemist"].get(code, 0) + 1
    terug = data["terug"]
    wacht = next((w for w in stand["nog_eens"] if w[0] == item_id), None)
    if not goed:
        if wacht:
            wacht[1] = 0
        else:
            stand["nog_eens"].append([item_id, 0])
        stand["rij"].insert(min(terug[0], len(stand["rij"])), item_id)
    elif wacht:
        wacht[1] += 1
        if wacht[1] < len(terug):
            stand["rij"].insert(min(terug[wacht[1]], len(stand["rij"])), item_id)
        else:
            stand["nog_eens"].remove(wacht)
    if ronde["totaal"] >= data["ronde"]:
        stand["rondes"].append(ronde)
        stand["ronde"] = {"nr": ronde["nr"] + 1, "goed": 0, "totaal": 0, "gemist": {}}
    return stand


def _stap_nr(waarde) -> int:
    try:
        return int(waarde) or 0
    except (TypeError, ValueError):
        return 0


def herstel(data: dict, stand) -> dict:
    """A stand read back from storage, without items the exercise no longer has; else a new one."""
    try:
        ids = {i["id"] for i in data["items"]}
        if not isinstance(stand["rondes"], list):
            raise TypeError
        schoon = {
            "rij": [i for i in stand["rij"] if i in ids],
            "nog_eens": [[w[0], _stap_nr(w[1])] for w in stand["nog_eens"] if w[0] in ids],
            "ronde": stand["ronde"],
            "rondes": list(stand["rondes"]),
        }
        r = schoon["ronde"]
        getallen = [r["nr"], r["goed"], r["totaal"]]
        if any(isinstance(g, bool) or not isinstance(g, int | float) for g in getallen):
            raise TypeError
        if not isinstance(r["gemist"], dict):
            raise TypeError
        return schoon
    except (KeyError, TypeError, IndexError):
        return nieuwe_stand(data)


def _samenvatting(data: dict, ronde: dict, bezig: bool) -> str:
    t = data["teksten"]
    if ronde["totaal"] == 0:
        return vul(t["ronde_leeg"], ronde=ronde["nr"])
    zin = vul(
        t["ronde_bezig"] if bezig else t["ronde_klaar"],
        ronde=ronde["nr"],
        goed=ronde["goed"],
        totaal=ronde["totaal"],
    )
    if not data["telt_kenmerken"]:
        return zin
    volgorde = [k["code"] for k in data["kenmerken"]]
    top = sorted(ronde["gemist"].items(), key=lambda kv: (-kv[1], volgorde.index(kv[0])))
    top = top[: data["meest_gemist"]]
    if not top:
        return f"{zin} {t['niets_gemist']}"
    namen = {k["code"]: k["naam"] for k in data["kenmerken"]}
    lijst = t["scheiding"].join(vul(t["gemist_aantal"], naam=namen[c], aantal=n) for c, n in top)
    return f"{zin} {vul(t['vaak_gemist'], lijst=lijst)}"


def voortgang(data: dict, stand: dict) -> dict:
    """The progress panel's texts: this round, earlier rounds (newest first), what comes back."""
    titels = {i["id"]: i["titel"] for i in data["items"]}
    return {
        "ronde": _samenvatting(data, stand["ronde"], True),
        "rondes": [_samenvatting(data, r, False) for r in reversed(stand["rondes"])],
        "nog_eens": [titels[w[0]] for w in stand["nog_eens"]],
        "klaar": huidig(stand) is None,
    }


def teller(data: dict, stand: dict) -> str:
    return vul(
        data["teksten"]["teller"],
        ronde=stand["ronde"]["nr"],
        nr=stand["ronde"]["totaal"] + 1,
        totaal=data["ronde"],
    )
