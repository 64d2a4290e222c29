"""The source notebook of deel 2, "toepassen": written answers, graded by the trainer.

Two casussen judged with the three categories, an advice on which approach fits a problem, and an
analysis of the learner's own municipality. Each question carries its beoordelingsschema (levels,
:class:`Niveau`) and one anchor answer per level, in a mark-scheme region that nbgrader strips
for learners.
"""

from __future__ import annotations

from dataclasses import dataclass

from wijkleren.casussen.beslisregel import uitleg_uitkomst
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    GEBIEDSGERICHT,
    IN_GEBIED,
    KENMERK,
    KENMERKEN,
    NIET_GEBIEDSGERICHT,
    SECTORAAL,
    SOORT_NAAM,
    WIJKAANPAK,
    soort,
)
from wijkleren.casussen.schema import Casus
from wijkleren.eindopdracht.cellen import controlecellen, maak_leescel, maak_notitieboek, maak_schrijfcel
from wijkleren.eindopdracht.formaat import (
    ADVIES,
    BEGIN_SCHEMA,
    EIGEN_GEMEENTE,
    EINDE_SCHEMA,
    INTRO,
    PUNTEN_ADVIES,
    PUNTEN_EIGEN_GEMEENTE,
    PUNTEN_UITLEG,
    TEKST,
    TEKST_STUB,
    TOEPASSEN,
    schrijfcel,
    toepassen,
    vraagcel,
)
from wijkleren.eindopdracht.trekken import groep

# --- the beoordelingsschema: levels and anchor answers ---------------------------------------


@dataclass(frozen=True)
class Niveau:
    """One performance level of a written question: its name, its points and what it shows."""

    naam: str  # onvoldoende | voldoende | goed
    laagste: int
    hoogste: int
    beschrijving: str

    @property
    def punten(self) -> str:
        """'4', '0 of 1', '5 of 6', '0 tot en met 2'."""
        if self.laagste == self.hoogste:
            return str(self.laagste)
        if self.hoogste == self.laagste + 1:
            return f"{self.laagste} of {self.hoogste}"
        return f"{self.laagste} tot en met {self.hoogste}"


NIVEAUS = ("onvoldoende", "voldoende", "goed")

SCHEMA_CASUS: tuple[Niveau, ...] = (
    Niveau(
        "onvoldoende",
        0,
        1,
        "Je kiest een soort aanpak die niet past. Of je oordeelt op de naam van de aanpak, of op één "
        "los kenmerk, zonder de beslisregel.",
    ),
    Niveau(
        "voldoende",
        2,
        3,
        "Je kiest de goede soort aanpak, en bij geen gebiedsgericht werken ook de goede soort daarvan. "
        "Je noemt kenmerken die je ziet. Het kenmerk dat de doorslag geeft, noem je niet of je legt "
        "niet uit waarom het ontbreekt.",
    ),
    Niveau(
        "goed",
        4,
        4,
        "Je kiest de goede soort aanpak en onderbouwt die met de kenmerken, met woorden uit de tekst. "
        "Je noemt het kenmerk dat de doorslag geeft en legt uit waarom het ontbreekt of er is.",
    ),
)
SCHEMA_ADVIES: tuple[Niveau, ...] = (
    Niveau(
        "onvoldoende",
        0,
        1,
        "Je advies volgt niet uit het probleem, bijvoorbeeld 'gebiedsgericht werken is altijd beter'. "
        "Of je geeft geen reden.",
    ),
    Niveau(
        "voldoende",
        2,
        3,
        "Je zegt welke soort aanpak dit nu is en geeft een advies dat bij het probleem past, met één reden.",
    ),
    Niveau(
        "goed",
        4,
        4,
        "Je zegt welke soort aanpak dit nu is. Je advies past bij het probleem en heeft minstens twee "
        "redenen. Je zegt wanneer een sectorale aanpak beter past, en wanneer werken vanuit een gebied "
        "meer oplevert.",
    ),
)
SCHEMA_EIGEN: tuple[Niveau, ...] = (
    Niveau(
        "onvoldoende",
        0,
        2,
        "De soort aanpak volgt niet uit de kenmerken die je noemt, of je kijkt alleen naar de naam "
        "die de gemeente de aanpak geeft.",
    ),
    Niveau(
        "voldoende",
        3,
        4,
        "Je beschrijft de aanpak en kiest een soort die past bij de kenmerken die je noemt. "
        "Voorbeelden uit de praktijk of een verbeterpunt ontbreken deels.",
    ),
    Niveau(
        "goed",
        5,
        6,
        "Je beschrijft de aanpak: waar, wie en wat. Je noemt per kenmerk of het er is, met een voorbeeld. "
        "Je kiest met de beslisregel de soort, los van de naam. Je noemt een verbeterpunt dat past bij "
        "een kenmerk dat ontbreekt.",
    ),
)


def schema_tabel(schema: tuple[Niveau, ...], punten: int) -> str:
    """The beoordelingsschema as a Markdown table, for the learner and the trainer."""
    regels = [
        f"**Beoordelingsschema ({punten} punten)**",
        "",
        "| Niveau | Punten | Wat laat je zien? |",
        "|---|---|---|",
    ]
    regels += [f"| {n.naam} | {n.punten} | {n.beschrijving} |" for n in schema]
    return "\n".join(regels)


def _namen(codes) -> str:
    namen = [KENMERK[k].naam.lower() for k in codes]
    if len(namen) <= 1:
        return "".join(namen) or "geen"
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def _soortnaam(c: Casus) -> str:
    if c.label == NIET_GEBIEDSGERICHT:
        return f"geen gebiedsgericht werken ({SOORT_NAAM[soort(c.kenmerken)]})"
    return CATEGORIE_NAAM[c.label]


# The tempting wrong answer per group, for the "onvoldoende" anchor: judging by name or surface.
_VERKEERD: dict[str, tuple[str, str]] = {
    WIJKAANPAK: ("gebiedsgericht werken", "want bewoners doen mee en het gaat over één wijk"),
    GEBIEDSGERICHT: ("een wijkaanpak", "want het gaat over een wijk en er doen veel partners mee"),
    IN_GEBIED: ("gebiedsgericht werken", "want het gebeurt in één wijk"),
    SECTORAAL: ("een wijkaanpak", "want er is een budget, een einddatum en een doel"),
}


def ankers_casus(c: Casus) -> dict[str, str]:
    """One anchor answer per level for judging casus `c` (written from its data, for the trainer)."""
    uit = c.uitkomst
    aanwezig = [k for k in c.kenmerken]
    voorbeelden = [f'{KENMERK[k].naam.lower()} ("{c.bewijs[k]}")' for k in aanwezig if k in c.bewijs][:2]
    voorbeeld = f" In de tekst zie je bijvoorbeeld {' en '.join(voorbeelden)}." if voorbeelden else ""
    verkeerd, reden = _VERKEERD[groep(c)]
    goed = f"{uitleg_uitkomst(uit)} Ik zie deze kenmerken: {_namen(aanwezig)}.{voorbeeld} " + (
        f"Het kenmerk dat de doorslag geeft, is {KENMERK[uit.beslissend].naam.lower()}: "
        f"{KENMERK[uit.beslissend].ontbreekt}. Daarom is het {_soortnaam(c)}."
        if uit.beslissend
        else "Ook de vier extra afspraken van een wijkaanpak zijn er: een vaste periode, geld, "
        "meerdere organisaties en meetbare resultaten."
    )
    voldoende = f"Dit is {_soortnaam(c)}. Ik zie {_namen(aanwezig[:2])}."
    onvoldoende = f"Dit is {verkeerd}, {reden}."
    return {"onvoldoende": onvoldoende, "voldoende": voldoende, "goed": goed}


def ankers_advies(c: Casus) -> dict[str, str]:
    """Anchor answers for the advice question on a sectoral casus `c`."""
    ontbreekt = [k.code for k in KENMERKEN if k.groep == GEBIEDSGERICHT and k.code not in c.kenmerken]
    return {
        "onvoldoende": (
            "De gemeente moet hier een wijkaanpak van maken, want gebiedsgericht werken is altijd beter."
        ),
        "voldoende": (
            f"Dit is {_soortnaam(c)}, want de maatregel is voor iedereen hetzelfde. Dat past hier, "
            "want zo krijgt iedereen in de gemeente dezelfde hulp."
        ),
        "goed": (
            f"Dit is {_soortnaam(c)}: {_namen(ontbreekt)} ontbreken. Ik adviseer de gemeente om de "
            "aanpak zo te houden, want het probleem speelt overal in de gemeente en één regeling voor "
            "iedereen is eenvoudiger en goedkoper. De Wijkengids zegt ook dat sectorale aanpakken nodig "
            "blijven: aanvullend, of simpelweg efficiënter. Niet elk probleem los je op in een wijk. "
            "Stapelen de problemen zich op in één wijk, dan kan de gemeente daar extra gebiedsgericht "
            "werken: samen met bewoners en partners, vanuit wat de wijk zelf inbrengt."
        ),
    }


ANKERS_EIGEN: dict[str, str] = {
    "onvoldoende": (
        "In mijn gemeente hebben we de Wijkaanpak Centrum. Het heet een wijkaanpak, dus het is een "
        "wijkaanpak. Het gaat goed."
    ),
    "voldoende": (
        "Mijn gemeente heeft wijkteams in vier wijken. Ze werken samen met de corporatie en de "
        "welzijnsorganisatie, en bewoners denken mee in een wijkpanel dat ook een buurtbudget verdeelt. "
        "De gemeente noemt het 'onze wijkaanpak', maar er zijn geen afspraken over geld en geen einddatum. "
        "Het is dus gebiedsgericht werken, geen wijkaanpak."
    ),
    "goed": (
        "Mijn gemeente heeft het programma Sterk Zuid in de wijk Zuid. Het is gebonden aan een gebied. "
        "Het plan komt uit gesprekken met bewoners, dus van buiten naar binnen. Het verbindt wonen, "
        "werk en zorg. Bewoners beslissen mee over een buurtbudget, en de corporatie, de school en de "
        "GGD werken mee. Afspraken over geld en een einddatum zijn er niet: iedere partij betaalt zijn "
        "eigen werk. Volgens de beslisregel is het daarom gebiedsgericht werken en geen wijkaanpak, ook "
        "al noemt de gemeente het een wijkaanpak. Sterker wordt het met een convenant voor vier jaar "
        "met een gezamenlijk budget en meetbare doelen."
    ),
}


def _ankers_tekst(ankers: dict[str, str], schema: tuple[Niveau, ...]) -> str:
    regels = ["**Ankerantwoorden: bij elk niveau één voorbeeld**", ""]
    for n in schema:
        eenheid = "punt" if n.hoogste == 1 else "punten"
        regels += [f"*{n.naam.capitalize()} ({n.punten} {eenheid}):* {ankers[n.naam]}", ""]
    return "\n".join(regels).strip()


def _modeluitleg(c: Casus) -> str:
    """The mark scheme for one casus (shown to the learner only in the feedback)."""
    aanwezig = ", ".join(k.naam.lower() for k in KENMERKEN if k.code in c.kenmerken) or "geen"
    afwezig = ", ".join(k.naam.lower() for k in KENMERKEN if k.code not in c.kenmerken) or "geen"
    regels = [
        f"**Goed antwoord:** {uitleg_uitkomst(c.uitkomst)}",
        "",
        f"**Kenmerken in de casus:** {aanwezig}.",
        "",
        f"**Kenmerken die ontbreken:** {afwezig}.",
        "",
        f"**Uitleg:** {' '.join(c.uitleg.split())}",
    ]
    if c.valkuil:
        regels += ["", f"**Valkuil:** {' '.join(c.valkuil.split())}"]
    return "\n".join(regels)


def _markschema(*delen: str) -> str:
    return f"{BEGIN_SCHEMA}\n\n" + "\n\n".join(delen) + f"\n\n{EINDE_SCHEMA}"


def punten_toepassen(aantal: int) -> int:
    return aantal * PUNTEN_UITLEG + PUNTEN_ADVIES + PUNTEN_EIGEN_GEMEENTE


def notitieboek_toepassen(deel: tuple[Casus, ...], advies: Casus | None = None):
    """The source notebook of 'Toepassen': written answers, graded by the trainer with levels."""
    totaal = punten_toepassen(len(deel)) - (0 if advies else PUNTEN_ADVIES)
    vragen = len(deel) + (1 if advies else 0) + 1
    intro = (
        f"""# Eindopdracht deel 2: toepassen

In dit deel schrijf je zelf. Je beantwoordt {vragen} vragen:

- Bij {len(deel)} casussen beoordeel je welke soort aanpak het is. Je kiest uit drie soorten:
  wijkaanpak, gebiedsgericht werken of geen gebiedsgericht werken. Is het geen gebiedsgericht
  werken? Dan zeg je ook welke soort: een sectorale aanpak, of werk in een gebied dat toch niet
  gebiedsgericht is.
"""
        + (
            """- Bij één probleem geef je advies: welke aanpak past hier? Soms past een sectorale aanpak beter
  dan werken vanuit een wijk.
"""
            if advies
            else ""
        )
        + f"""- Je schrijft een korte analyse van een aanpak in je eigen gemeente.

De trainer beoordeelt je antwoorden met een beoordelingsschema. Bij elke vraag staat het schema:
wat je laat zien voor onvoldoende, voldoende en goed. Je kunt {totaal} punten halen.

## Zo vul je een antwoord in

- Klik twee keer op de cel met *{TEKST_STUB}*. Haal die zin weg en typ je antwoord.
- Druk daarna op **Shift + Enter**. Dan zie je je tekst netjes.
- Schrijf in gewone zinnen. Je hoeft geen code te schrijven.
- Verander de andere cellen niet.

Tips: noem de kenmerken die je ziet, en het kenmerk dat de doorslag geeft. Kijk niet naar de naam van
een aanpak, maar naar de kenmerken.
"""
    )
    cellen = [maak_leescel(INTRO, intro)]
    antwoordcellen: list[dict] = []
    for nr, c in enumerate(deel, start=1):
        vraag = (
            f"## Casus {nr}: {c.titel}\n\n{c.tekst.strip()}\n\n"
            f"**Vraag {nr}.** Welke soort aanpak is dit: een wijkaanpak, gebiedsgericht werken, of geen "
            "gebiedsgericht werken? Is het geen gebiedsgericht werken, zeg dan ook welke soort het is. "
            "Onderbouw je oordeel met de kenmerken en noem het kenmerk dat de doorslag geeft. "
            "Schrijf ongeveer 5 tot 10 zinnen.\n\n"
            f"{schema_tabel(SCHEMA_CASUS, PUNTEN_UITLEG)}\n\n"
            + _markschema(_modeluitleg(c), _ankers_tekst(ankers_casus(c), SCHEMA_CASUS))
        )
        cellen.append(maak_leescel(vraagcel(toepassen(nr)), vraag))
        antwoord_id = schrijfcel(toepassen(nr))
        cellen.append(maak_schrijfcel(antwoord_id, ankers_casus(c)["goed"], PUNTEN_UITLEG))
        antwoordcellen.append({"id": antwoord_id, "soort": TEKST, "naam": f"vraag {nr}"})
    nr = len(deel)
    if advies:
        nr += 1
        vraag = (
            f"## Vraag {nr}: advies\n\n"
            "Zo pakt een gemeente een probleem nu aan:\n\n"
            f"> **{advies.titel}.** {' '.join(advies.tekst.split())}\n\n"
            f"**Vraag {nr}.** De wethouder vraagt je om advies. Welke soort aanpak is dit nu? Past die "
            "soort bij dit probleem, of past een andere aanpak beter: gebiedsgericht werken, een "
            "wijkaanpak, of juist een sectorale aanpak? Geef je advies met redenen. Zeg ook wanneer "
            "een sectorale aanpak beter past, en wanneer werken vanuit een wijk meer oplevert. "
            "Schrijf ongeveer 5 tot 10 zinnen.\n\n"
            f"{schema_tabel(SCHEMA_ADVIES, PUNTEN_ADVIES)}\n\n"
            + _markschema(
                f"**De aanpak nu:** {uitleg_uitkomst(advies.uitkomst)}",
                "**Voor de trainer:** er is niet één goed advies. Een advies om gebiedsgericht te gaan "
                "werken kan ook goed zijn, als het volgt uit het probleem (het speelt vooral in één "
                "wijk) en de deelnemer zegt wat daarvoor nodig is. Een sectorale aanpak blijft volgens "
                "de Wijkengids nodig: aanvullend, of simpelweg efficiënter.",
                _ankers_tekst(ankers_advies(advies), SCHEMA_ADVIES),
            )
        )
        cellen.append(maak_leescel(vraagcel(ADVIES), vraag))
        cellen.append(maak_schrijfcel(schrijfcel(ADVIES), ankers_advies(advies)["goed"], PUNTEN_ADVIES))
        antwoordcellen.append({"id": schrijfcel(ADVIES), "soort": TEKST, "naam": f"vraag {nr}"})
    nr += 1
    eigen = (
        f"## Vraag {nr}: een aanpak in je eigen gemeente\n\n"
        "Kies een aanpak in je eigen gemeente. Bijvoorbeeld een plan voor een wijk, een dorp of een "
        "thema. Schrijf een korte analyse van ongeveer 10 tot 15 zinnen:\n\n"
        "- Wat is de aanpak? Waar is het, en wie doen er mee?\n"
        "- Welke kenmerken zie je? Welke ontbreken?\n"
        "- Welke soort aanpak is het dus: een wijkaanpak, gebiedsgericht werken of geen gebiedsgericht "
        "werken?\n"
        "- Wat zou de aanpak sterker maken?\n\n"
        f"{schema_tabel(SCHEMA_EIGEN, PUNTEN_EIGEN_GEMEENTE)}\n\n"
        + _markschema(
            "**Voor de trainer:** er is geen vast goed antwoord. Let erop dat de soort aanpak volgt uit "
            "de genoemde kenmerken, volgens de beslisregel. Een aanpak die de gemeente 'wijkaanpak' "
            "noemt, is alleen een wijkaanpak als ook de vier extra kenmerken er zijn.",
            _ankers_tekst(ANKERS_EIGEN, SCHEMA_EIGEN),
        )
    )
    cellen.append(maak_leescel(vraagcel(EIGEN_GEMEENTE), eigen))
    cellen.append(maak_schrijfcel(schrijfcel(EIGEN_GEMEENTE), ANKERS_EIGEN["goed"], PUNTEN_EIGEN_GEMEENTE))
    antwoordcellen.append({"id": schrijfcel(EIGEN_GEMEENTE), "soort": TEKST, "naam": f"vraag {nr}"})
    cellen += controlecellen(TOEPASSEN)
    return maak_notitieboek(TOEPASSEN, cellen, antwoordcellen)
