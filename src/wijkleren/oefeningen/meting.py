"""The pre-test and post-test: two parallel forms of click items, their checks and their JSON.

Each form (``data/meting/vorm_a.yaml``, ``vorm_b.yaml``) is a casus file with the bank's schema
(:class:`wijkleren.casussen.schema.Casus`), but the bank does not load it: the forms are new cases that
no exercise and no assignment shows. An item asks what the toets asks: read the case, choose the
category out of three, and name the decisive kenmerk (or "geen" when all nine are there).

The two forms are parallel: item N of form A and item N of form B have the same category, kind,
decisive kenmerk and difficulty, so the gain from the pre-test to the post-test is a fair figure.
"""

from __future__ import annotations

import functools
import random
from collections import Counter
from pathlib import Path

from wijkleren.casussen.bank import LeesFout, laad_bestand
from wijkleren.casussen.beslisregel import feedback_keuze
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GEEN_KENMERK,
    IN_GEBIED,
    KENMERK,
    KENMERK_CODES,
    KENMERKEN,
    NIET_GEBIEDSGERICHT,
    SECTORAAL,
    SOORT_NAAM,
    WIJKAANPAK,
)
from wijkleren.casussen.overzicht import meldt_afwezigheid, verteller_noemt_label, woorden
from wijkleren.casussen.schema import Casus, CasusFout
from wijkleren.fouten import WijklerenFout
from wijkleren.oefeningen.misvattingen import kenmerk_misvatting, misvattingen_voor

METING_MAP = Path(__file__).parent / "data" / "meting"
TOETSVORMEN: tuple[str, ...] = ("a", "b")
VOORTOETS, NATOETS = "a", "b"  # the pre-test is form A, the post-test form B
ROL: dict[str, str] = {VOORTOETS: "voortoets", NATOETS: "natoets"}

AANTAL = 7  # items per form
# Per form: how many items of each category, and of each kind of niet_gebiedsgericht at least.
PER_VORM: dict[str, int] = {WIJKAANPAK: 2, GEBIEDSGERICHT: 2, NIET_GEBIEDSGERICHT: 3}
SOORT_MINSTENS: dict[str, int] = {SECTORAAL: 1, IN_GEBIED: 1}
WOORDEN_MIN, WOORDEN_MAX = 100, 135
PUNTEN_ITEM = {"categorie": 1, "kenmerk": 1}  # per item of a form: its category, its decisive kenmerk

# Every label and sentence the component shows for the test, besides those of the items.
TEKSTEN: dict[str, str] = {
    "titel_voortoets": "Voortoets: wat weet je al?",
    "titel_natoets": "Natoets: wat heb je geleerd?",
    "inleiding_voortoets": (
        "Deze korte toets laat zien wat je nu al weet. Je leest zeven casussen en kiest bij elke "
        "casus de soort aanpak en het kenmerk dat de doorslag geeft. Je krijgt geen cijfer, en na "
        "afloop lees je bij elke casus de uitleg."
    ),
    "inleiding_natoets": (
        "Deze toets lijkt op de voortoets, maar de casussen zijn nieuw. Zo zie je wat je in de cursus "
        "hebt geleerd. Na afloop vergelijk je je score met die van de voortoets."
    ),
    "vraag_categorie": "Welke soort aanpak is dit?",
    "vraag_kenmerk": "Welk kenmerk geeft de doorslag? Kies het eerste kenmerk dat ontbreekt.",
    "teller": "Casus {nr} van {totaal}",
    "volgende": "Volgende casus",
    "afronden": "Bekijk je score",
    "score": "Je hebt {punten} van de {max} punten gehaald.",
    "groei": "Bij de voortoets had je {voor} van de {max} punten, en bij de natoets {na}.",
    "groei_meer": "Je bent {verschil} punten vooruitgegaan.",
    "groei_gelijk": "Je score is gelijk gebleven. Lees de uitleg bij de casussen die je miste.",
    "groei_minder": "Je score is {verschil} punten lager. Lees de uitleg en oefen nog eens in hoofdstuk 7.",
    "geen_voortoets": "Je hebt de voortoets nog niet gemaakt, dus je groei is nog niet te zien.",
    "jouw_antwoord": "Jouw antwoord: {antwoord}.",
    "goede_antwoord": "Het goede antwoord: {antwoord}.",
    "uitleg": "Uitleg bij deze casus",
    "valkuil": "Let op",
    "misvatting": "Waarom je dit misschien koos",
    "bewijs": "Hier zie je het in de tekst",
    "bewaard": "Je antwoorden blijven in deze browser bewaard. Er gaat niets naar internet.",
}


class MetingFout(WijklerenFout, ValueError):
    """A form of the pre-/post-test breaks a rule; the message is Dutch and names the item."""


def vorm_bestand(vorm: str) -> Path:
    if vorm not in TOETSVORMEN:
        raise MetingFout(f"Onbekende vorm '{vorm}' van de toets. Kies uit: {', '.join(TOETSVORMEN)}.")
    return METING_MAP / f"vorm_{vorm}.yaml"


def soort_van(c: Casus) -> str | None:
    """The kind of a niet_gebiedsgericht case (sectoraal or in_gebied), else None."""
    return c.uitkomst.soort


def beslissend(c: Casus) -> str:
    """The decisive kenmerk of a case, or GEEN_KENMERK for a wijkaanpak."""
    return c.uitkomst.beslissend or GEEN_KENMERK


def problemen_vorm(vorm: str, items: list[Casus]) -> list[str]:
    """What is wrong with one form by itself (Dutch, one line per problem; empty when all is well)."""
    fout: list[str] = []
    naam = f"vorm {vorm.upper()}"
    if len(items) != AANTAL:
        fout.append(f"{naam} heeft {len(items)} casussen; het moeten er {AANTAL} zijn")
    labels = Counter(c.label for c in items)
    for label, aantal in PER_VORM.items():
        if labels[label] != aantal:
            fout.append(
                f"{naam} heeft {labels[label]} casussen met label '{label}'; het moeten er {aantal} zijn"
            )
    soorten = Counter(soort_van(c) for c in items if c.label == NIET_GEBIEDSGERICHT)
    for s, minstens in SOORT_MINSTENS.items():
        if soorten[s] < minstens:
            fout.append(
                f"{naam} heeft te weinig casussen van de soort '{SOORT_NAAM[s]}' (minstens {minstens})"
            )
    if {c.moeilijkheid for c in items} != {1, 2, 3}:
        fout.append(f"{naam} moet casussen van moeilijkheid 1, 2 en 3 hebben")
    for c in items:
        wie = f"{naam}, casus '{c.id}'"
        n = len(woorden(c.tekst))
        if not WOORDEN_MIN <= n <= WOORDEN_MAX:
            fout.append(
                f"{wie}: de tekst heeft {n} woorden; het moeten er {WOORDEN_MIN} tot {WOORDEN_MAX} zijn"
            )
        if set(c.bewijs) != set(c.kenmerken):
            mist = ", ".join(sorted(set(c.kenmerken) - set(c.bewijs)))
            fout.append(f"{wie}: bij elk kenmerk hoort bewijs uit de tekst; het ontbreekt bij: {mist}")
        if not c.valkuil:
            fout.append(f"{wie}: een toetsvraag heeft een valkuil nodig")
        if c.oefening is not None or c.pool != "oefenen":
            fout.append(f"{wie}: een toetsvraag hoort bij geen oefening en staat in de pool 'oefenen'")
        if verteller_noemt_label(c):
            fout.append(f"{wie}: de verteller noemt de categorie; laat de lezer zelf oordelen")
        if meldt_afwezigheid(c):
            fout.append(f"{wie}: de laatste zin meldt wat ontbreekt; laat het gewoon weg")
        if soort_van(c) == SECTORAAL and "sectora" not in c.uitleg.lower():
            fout.append(f"{wie}: de uitleg noemt de soort niet ('Dit is een sectorale aanpak')")
        if soort_van(c) == IN_GEBIED and "geen gebiedsgericht werken" not in c.uitleg.lower():
            fout.append(
                f"{wie}: de uitleg noemt de soort niet ('..., maar het is geen gebiedsgericht werken')"
            )
    return fout


def problemen_paar(a: list[Casus], b: list[Casus]) -> list[str]:
    """Where forms A and B are not parallel: item N of both must test the same thing."""
    fout: list[str] = []
    ids_a, ids_b = {c.id for c in a}, {c.id for c in b}
    if ids_a & ids_b:
        fout.append(f"deze id's staan in beide vormen: {', '.join(sorted(ids_a & ids_b))}")
    for nr, (x, y) in enumerate(zip(a, b, strict=False), start=1):
        for wat, f in (
            ("label", lambda c: c.label),
            ("soort", soort_van),
            ("beslissend kenmerk", beslissend),
            ("moeilijkheid", lambda c: c.moeilijkheid),
        ):
            if f(x) != f(y):
                fout.append(
                    f"casus {nr} ('{x.id}' en '{y.id}') is niet parallel: {wat} '{f(x)}' tegen '{f(y)}'"
                )
    return fout


def laad_vorm(pad: Path | str, vorm: str) -> tuple[Casus, ...]:
    """A form's file, validated with the bank's schema and the form's own rules (MetingFout)."""
    try:
        items = tuple(laad_bestand(pad))
    except (CasusFout, LeesFout) as fout:
        raise MetingFout(str(fout)) from None
    fout = problemen_vorm(vorm, list(items))
    if fout:
        raise MetingFout(f"{pad}:\n" + "\n".join(fout))
    return items


@functools.cache
def meting(vorm: str) -> tuple[Casus, ...]:
    """One form ('a' or 'b') of the package, validated."""
    return laad_vorm(vorm_bestand(vorm), vorm)


def metingen() -> dict[str, tuple[Casus, ...]]:
    """Both forms, each valid and the two parallel; MetingFout (Dutch) when not."""
    vormen = {v: meting(v) for v in TOETSVORMEN}
    fout = problemen_paar(list(vormen["a"]), list(vormen["b"]))
    if fout:
        raise MetingFout("De vormen A en B zijn niet parallel:\n" + "\n".join(fout))
    return vormen


def kenmerk_feedback(c: Casus, gekozen: str) -> str:
    """Dutch feedback on the kenmerk a learner named as decisive, with what the mistake usually means."""
    goed = beslissend(c)
    if gekozen != GEEN_KENMERK and gekozen not in KENMERK:
        raise MetingFout(f"Onbekend kenmerk '{gekozen}'.")
    if gekozen == goed:
        if goed == GEEN_KENMERK:
            return "Goed. Er ontbreekt geen kenmerk: alle negen zijn er."
        return f"Goed. Het kenmerk dat de doorslag geeft, is {KENMERK[goed].naam.lower()}: {KENMERK[goed].ontbreekt}."
    if gekozen == GEEN_KENMERK:
        naam = KENMERK[goed].naam.lower()
        return f"Niet goed. Er ontbreekt wel een kenmerk: {naam}. {kenmerk_misvatting(goed, 'onterecht')}"
    if gekozen in c.kenmerken:
        naam = KENMERK[gekozen].naam.lower()
        return f"Niet goed. Dit kenmerk is er wel: {naam}. {kenmerk_misvatting(gekozen, 'gemist')}"
    # Missing as well, but later on the rule's path than the decisive kenmerk.
    return (
        f"Niet goed. Ook dit kenmerk ontbreekt: {KENMERK[gekozen].naam.lower()}. Maar de beslisregel "
        f"stopt eerder, bij {KENMERK[goed].naam.lower()}: {KENMERK[goed].ontbreekt}."
    )


def volgorde(vorm: str, items: tuple[Casus, ...]) -> list[tuple[int, Casus]]:
    """The order a form is shown in, with each item's pair number (its place in the file).

    The files keep the pairs in the same place; shown in that order, item 1 would be a wijkaanpak
    in both tests. So each form is shown in its own fixed shuffle, the same on every build.
    """
    genummerd = list(enumerate(items, start=1))
    random.Random(f"meting-{vorm}").shuffle(genummerd)
    return genummerd


def _item(c: Casus, paar: int) -> dict:
    uit = c.uitkomst
    return {
        "id": c.id,
        "paar": paar,
        "titel": c.titel,
        "tekst": c.tekst.strip(),
        "goed": c.label,
        "soort": uit.soort,
        "beslissend": beslissend(c),
        "kenmerken": list(c.kenmerken),
        "bewijs": {k: " ".join(v.split()) for k, v in c.bewijs.items()},
        "feedback": {cat: feedback_keuze(cat, uit) for cat in CATEGORIEEN},
        "misvatting": misvattingen_voor(c),
        "kenmerk_feedback": {k: kenmerk_feedback(c, k) for k in (*KENMERK_CODES, GEEN_KENMERK)},
        "uitleg": " ".join(c.uitleg.split()),
        "valkuil": " ".join((c.valkuil or "").split()),
    }


def metingdata(vorm: str) -> dict:
    """Everything the component shows for one form, as a JSON-able dict.

    Keys: id ("meting-a"), vorm, rol ("voortoets" or "natoets"), titel, inleiding, keuzes (the
    three categories: code, naam), kenmerk_keuzes (the nine kenmerken and "geen": code, naam),
    punten (per item: categorie 1, kenmerk 1), max, teksten, and items in the order to show them.
    An item: id, paar (its place in the file; item N of A and of B test the same thing), titel,
    tekst, goed (category), soort (kind or None), beslissend (kenmerk code or "geen"), kenmerken,
    bewijs (kenmerk: exact phrase of tekst), feedback (per category), misvatting (per wrong
    category), kenmerk_feedback (per answer to the kenmerk question), uitleg, valkuil.
    """
    vorm_bestand(vorm)  # an unknown form: a Dutch MetingFout
    items = metingen()[vorm]
    rol = ROL[vorm]
    return {
        "id": f"meting-{vorm}",
        "vorm": vorm,
        "rol": rol,
        "titel": TEKSTEN[f"titel_{rol}"],
        "inleiding": TEKSTEN[f"inleiding_{rol}"],
        "keuzes": [
            {"code": c, "naam": CATEGORIE_NAAM[c][:1].upper() + CATEGORIE_NAAM[c][1:]} for c in CATEGORIEEN
        ],
        "kenmerk_keuzes": [{"code": k.code, "naam": k.naam} for k in KENMERKEN]
        + [{"code": GEEN_KENMERK, "naam": "Er ontbreekt geen kenmerk: alle negen zijn er"}],
        "punten": PUNTEN_ITEM,
        "max": len(items) * sum(PUNTEN_ITEM.values()),
        "items": [_item(c, paar) for paar, c in volgorde(vorm, items)],
        "teksten": dict(TEKSTEN),
    }
