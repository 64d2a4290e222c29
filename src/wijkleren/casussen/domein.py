"""The domain model (version 2, docs/domein.md): categories, kinds and kenmerken with their codes.

All learner-facing words about a category or a kenmerk are defined here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

GEBIEDSGERICHT = "gebiedsgericht"
WIJKAANPAK = "wijkaanpak"
NIET_GEBIEDSGERICHT = "niet_gebiedsgericht"

CATEGORIEEN: tuple[str, ...] = (WIJKAANPAK, GEBIEDSGERICHT, NIET_GEBIEDSGERICHT)

CATEGORIE_NAAM: dict[str, str] = {
    WIJKAANPAK: "wijkaanpak",
    GEBIEDSGERICHT: "gebiedsgericht werken",
    NIET_GEBIEDSGERICHT: "geen gebiedsgericht werken",
}

# The two kinds of niet_gebiedsgericht. No case stores its kind: it follows from the kenmerken.
SECTORAAL = "sectoraal"
IN_GEBIED = "in_gebied"
SOORTEN: tuple[str, ...] = (SECTORAAL, IN_GEBIED)
SOORT_NAAM: dict[str, str] = {
    SECTORAAL: "sectorale, instrumentele of themagestuurde aanpak",
    IN_GEBIED: "in een gebied, maar niet gebiedsgericht",
}
# Completes "Dit ...": the feedback sentence that names the kind.
SOORT_ZIN: dict[str, str] = {
    SECTORAAL: "is een sectorale aanpak, geen gebiedsgericht werken",
    IN_GEBIED: "gebeurt in een gebied, maar het is geen gebiedsgericht werken",
}


def soort(kenmerken) -> str:
    """The kind of a niet_gebiedsgericht case: sectoraal without gebiedsgebonden, else in_gebied."""
    return IN_GEBIED if "gebiedsgebonden" in set(kenmerken) else SECTORAAL


@dataclass(frozen=True)
class Kenmerk:
    """One kenmerk: its code, a short Dutch name, the rule's question and the 'missing' phrase."""

    code: str
    groep: str  # GEBIEDSGERICHT or WIJKAANPAK: the step of the rule it belongs to
    naam: str
    vraag: str
    ontbreekt: str  # completes "Dit is geen ...: <ontbreekt>."
    genoeg: str  # the threshold: what counts as enough
    niet_genoeg: str  # and what does not


KENMERKEN: tuple[Kenmerk, ...] = (
    Kenmerk(
        "gebiedsgebonden",
        GEBIEDSGERICHT,
        "Gebonden aan een gebied",
        "Gaat de aanpak over één bepaalde wijk, buurt, dorp of regio?",
        "de aanpak is niet gebonden aan één gebied",
        "één wijk, een paar genoemde dorpen, of een regio als gebied",
        "dezelfde maatregel voor de hele gemeente",
    ),
    Kenmerk(
        "van_buiten_naar_binnen",
        GEBIEDSGERICHT,
        "Van buiten naar binnen",
        "Bepaalt wat het gebied en de mensen daar inbrengen het plan van de gemeente?",
        "het plan komt uit het stadhuis, niet uit het gebied",
        "wat het gebied inbrengt, bepaalt het plan; ook als de gemeente de wijk met cijfers koos",
        "het stadhuis kiest de wijk én bedenkt zelf de maatregel; wie het onderwerp het eerst noemde, beslist niet",
    ),
    Kenmerk(
        "samenhangende_aanpak",
        GEBIEDSGERICHT,
        "Samenhang tussen taken",
        "Pakt de aanpak sociale, economische en fysieke taken in samenhang aan?",
        "de aanpak gaat over één thema en legt geen verband met andere taken",
        "minstens twee van de drie (sociaal, economisch, fysiek) in één plan dat ze verbindt",
        "één domein, twee losse projecten naast elkaar, of een kleine toevoeging voor de vorm",
    ),
    Kenmerk(
        "ruimte_voor_bewoners",
        GEBIEDSGERICHT,
        "Ruimte voor bewoners",
        "Hebben bewoners echt ruimte om mee te denken, mee te beslissen of zelf uit te voeren?",
        "bewoners krijgen geen echte ruimte",
        "bewoners bepalen mee de agenda, beslissen mee, of voeren een deel uit met eigen verantwoordelijkheid",
        "alleen informeren, één inspraakavond, of een klankbordgroep zonder invloed",
    ),
    Kenmerk(
        "samenwerking_partijen",
        GEBIEDSGERICHT,
        "Samenwerking met partijen",
        "Werkt de gemeente samen met partijen binnen en buiten de gemeente?",
        "de gemeente werkt niet samen met andere partijen",
        "minstens twee organisaties naast de gemeente werken samen aan het plan",
        "de gemeente alleen, alleen bewoners, of één leverancier die een dienst levert",
    ),
    Kenmerk(
        "bepaalde_periode",
        WIJKAANPAK,
        "Afspraken voor een vaste periode",
        "Gelden de afspraken voor een vaste periode?",
        "de afspraken hebben geen vaste looptijd",
        "een einddatum of een looptijd in jaren staat in de afspraken",
        "'voorlopig', 'zolang het nodig is', of geen einde",
    ),
    Kenmerk(
        "financiele_afspraken",
        WIJKAANPAK,
        "Afspraken over geld",
        "Zijn er ook afspraken gemaakt over geld?",
        "er zijn geen afspraken over geld",
        "schriftelijke afspraken over wie welk geld inbrengt, of een gezamenlijk budget",
        "iedere partij betaalt zijn eigen werk zonder afspraak, of alleen het budget van de gemeente",
    ),
    Kenmerk(
        "meerdere_organisaties",
        WIJKAANPAK,
        "Afspraken met meerdere organisaties",
        "Zijn de afspraken gemaakt met een aantal publieke en private organisaties?",
        "de afspraken zijn niet gemaakt met meerdere organisaties",
        "minstens twee organisaties naast de gemeente zijn partij bij de afspraken",
        "één partner, of samenwerking zonder afspraken",
    ),
    Kenmerk(
        "meetbare_resultaten",
        WIJKAANPAK,
        "Meetbare resultaten",
        "Zijn er meetbare resultaten afgesproken die in de tijd worden gevolgd?",
        "er zijn geen meetbare resultaten afgesproken",
        "een doel met een getal of een meetbare toestand, en een moment of vaste manier van meten",
        "'de wijk moet prettiger worden', of 'we volgen de voortgang' zonder doel",
    ),
)

KENMERK: dict[str, Kenmerk] = {k.code: k for k in KENMERKEN}
KENMERK_CODES: tuple[str, ...] = tuple(k.code for k in KENMERKEN)
GEBIEDSGERICHT_KENMERKEN: tuple[str, ...] = tuple(k.code for k in KENMERKEN if k.groep == GEBIEDSGERICHT)
WIJKAANPAK_KENMERKEN: tuple[str, ...] = tuple(k.code for k in KENMERKEN if k.groep == WIJKAANPAK)
# The answer "no kenmerk", beside the nine codes: in a list of kenmerken none is present; as the
# decisive kenmerk (a wijkaanpak) none is missing.
GEEN_KENMERK = "geen"

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

# The exercises that take cases from the oefenen pool; each oefenen case of the bank belongs to one.
CASUS_OEFENINGEN: tuple[str, ...] = ("indelen-twee", "kenmerken", "beslisregel", "indelen-drie")
# Real document forms a case text can take.
VORMEN: tuple[str, ...] = (
    "beschrijving",
    "raadsvoorstel",
    "convenant",
    "wijkplan",
    "nieuwsbericht",
    "email",
    "notulen",
    "begroting",
    "subsidieregeling",
)
# Borderline types: the hard cases the bank must hold.
GRENSTYPEN: dict[str, str] = {
    "stadsbreed_met_focuswijken": "een stadsbreed programma met focuswijken",
    "groeit_naar_gebiedsgericht": "een aanpak die verandert: van sectoraal naar gebiedsgericht, of terug",
    "holle_participatie": "alleen een klankbordgroep of inspraak zonder invloed",
    "collegeperiode": "een looptijd die alleen 'deze collegeperiode' is",
    "rijk_cofinanciering": "het Rijk betaalt mee",
    "naamval": "de naam van het programma misleidt",
    "in_natura": "bijdragen in natura zonder afspraken over geld",
    "topdown_integraal": "een integraal gebiedsplan, bedacht in het stadhuis",
    "klein_project": "een klein, los project",
}
