"""The domain model of ../shared/domein.md: categories and kenmerken with their stable codes.

All learner-facing words about a category or a kenmerk are defined here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

GEBIEDSGERICHT = "gebiedsgericht"
WIJKAANPAK = "wijkaanpak"
SECTORAAL = "sectoraal"

CATEGORIEEN: tuple[str, ...] = (WIJKAANPAK, GEBIEDSGERICHT, SECTORAAL)

CATEGORIE_NAAM: dict[str, str] = {
    WIJKAANPAK: "wijkaanpak",
    GEBIEDSGERICHT: "gebiedsgericht werken",
    SECTORAAL: "sectorale aanpak",
}


@dataclass(frozen=True)
class Kenmerk:
    """One kenmerk: its code, a short Dutch name, the rule's question and the 'missing' phrase."""

    code: str
    groep: str  # GEBIEDSGERICHT or WIJKAANPAK: the step of the rule it belongs to
    naam: str
    vraag: str
    ontbreekt: str  # completes "Dit is geen ...: <ontbreekt>."


KENMERKEN: tuple[Kenmerk, ...] = (
    Kenmerk(
        "gebiedsgebonden",
        GEBIEDSGERICHT,
        "Gebonden aan een gebied",
        "Gaat de aanpak over één bepaalde wijk, buurt, dorp of regio?",
        "de aanpak is niet gebonden aan één gebied",
    ),
    Kenmerk(
        "van_buiten_naar_binnen",
        GEBIEDSGERICHT,
        "Van buiten naar binnen",
        "Begint de aanpak bij het gebied en de mensen daar, en volgt de gemeente?",
        "de aanpak begint in het gemeentehuis, niet bij het gebied en de mensen daar",
    ),
    Kenmerk(
        "samenhangende_aanpak",
        GEBIEDSGERICHT,
        "Samenhang tussen taken",
        "Pakt de aanpak sociale, economische en fysieke taken in samenhang aan?",
        "de aanpak gaat over één thema en legt geen verband met andere taken",
    ),
    Kenmerk(
        "ruimte_voor_bewoners",
        GEBIEDSGERICHT,
        "Ruimte voor bewoners",
        "Hebben bewoners echt ruimte om mee te denken, mee te beslissen of zelf uit te voeren?",
        "bewoners krijgen geen echte ruimte",
    ),
    Kenmerk(
        "samenwerking_partijen",
        GEBIEDSGERICHT,
        "Samenwerking met partijen",
        "Werkt de gemeente samen met partijen binnen en buiten de gemeente?",
        "de gemeente werkt niet samen met andere partijen",
    ),
    Kenmerk(
        "bepaalde_periode",
        WIJKAANPAK,
        "Afspraken voor een vaste periode",
        "Gelden de afspraken voor een vaste periode?",
        "de afspraken hebben geen vaste looptijd",
    ),
    Kenmerk(
        "financiele_afspraken",
        WIJKAANPAK,
        "Afspraken over geld",
        "Zijn er ook afspraken gemaakt over geld?",
        "er zijn geen afspraken over geld",
    ),
    Kenmerk(
        "meerdere_organisaties",
        WIJKAANPAK,
        "Afspraken met meerdere organisaties",
        "Zijn de afspraken gemaakt met een aantal publieke en private organisaties?",
        "de afspraken zijn niet gemaakt met meerdere organisaties",
    ),
    Kenmerk(
        "meetbare_resultaten",
        WIJKAANPAK,
        "Meetbare resultaten",
        "Zijn er meetbare resultaten afgesproken die in de tijd worden gevolgd?",
        "er zijn geen meetbare resultaten afgesproken",
    ),
)

KENMERK: dict[str, Kenmerk] = {k.code: k for k in KENMERKEN}
KENMERK_CODES: tuple[str, ...] = tuple(k.code for k in KENMERKEN)
GEBIEDSGERICHT_KENMERKEN: tuple[str, ...] = tuple(k.code for k in KENMERKEN if k.groep == GEBIEDSGERICHT)
WIJKAANPAK_KENMERKEN: tuple[str, ...] = tuple(k.code for k in KENMERKEN if k.groep == WIJKAANPAK)

THEMAS: tuple[str, ...] = (
    "wonen",
    "zorg",
    "veiligheid",
    "onderwijs",
    "werk",
    "armoede",
    "economie",
    "groen",
    "mobiliteit",
    "jeugd",
    "leefbaarheid",
)
SCHALEN: tuple[str, ...] = ("buurt", "wijk", "dorp", "stad", "regio")
POOLS: tuple[str, ...] = ("oefenen", "toets")
