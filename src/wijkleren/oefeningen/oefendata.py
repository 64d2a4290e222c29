"""The five practice exercises and the "Herhaling" line: settings, every text a learner reads, their data.

The exercise itself (rounds, repetition, judging, feedback, saved progress) has one
implementation: ``static/oefeningen.js``. The book's pages run it on the data block that
``boek/extensie.py`` writes; JupyterLab runs the same file through anywidget (``widget.py``).
Python only makes the data (:func:`oefening_data`, for the component through
:func:`wijkleren.oefeningen.onderdelen.onderdeel`); the script holds no sentence of its own.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence

from wijkleren.casussen import bank as casusbank
from wijkleren.casussen.beslisregel import feedback_keuze
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    KENMERK_CODES,
    KENMERKEN,
    WIJKAANPAK,
)
from wijkleren.casussen.schema import Casus
from wijkleren.oefeningen.misvattingen import kenmerk_misvatting, misvattingen_voor
from wijkleren.oefeningen.regelpad import regeldata
from wijkleren.oefeningen.spectrum import POSITIES, spectrum_item, spectrum_items

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


def _volgorde(items: Iterable, zaad: str) -> list:
    """Easy cases first; within a level a fixed shuffle, the same on every build and in both places."""
    uit: list = []
    items = list(items)
    for niveau in sorted({getattr(i, "moeilijkheid", 1) for i in items}):
        groep = sorted((i for i in items if getattr(i, "moeilijkheid", 1) == niveau), key=lambda i: i.id)
        random.Random(f"{zaad}-{niveau}").shuffle(groep)
        uit.extend(groep)
    return uit


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

    The bank matches evidence with every run of whitespace as one space (schema.zonder_witruimte);
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


def oefening_data(oefening: str, bank: Sequence[Casus] | None = None) -> dict:
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
        data["items"] = [spectrum_item(i) for i in _volgorde(spectrum_items(), oefening)]
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
