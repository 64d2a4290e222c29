"""The final assignment's nbgrader source notebooks, built from the toets pool.

The toets pool (``exercises/toetspool/*.yaml``, :func:`wijkleren.casussen.bank.toetspool`) is the one
source: this module writes ``exercises/source/<opdracht>/<opdracht>.ipynb`` (not in git) with the
answers in solution regions and the grading keys in hidden tests. ``nbgrader generate_assignment``
strips both for the learners' copy.

Two assignments:

- ``casussen_beoordelen``: per casus the category and the kenmerken, typed as plain words and
  graded as data by :mod:`wijkleren.eindopdracht.beoordelen` (see :mod:`wijkleren.eindopdracht.nbgrader_stappen`);
- ``toepassen``: two casussen judged with the three categories, an advice on which approach fits
  a problem, and an analysis of the learner's own municipality, graded by the trainer with a
  beoordelingsschema with levels and one anchor answer per level (in mark-scheme regions).

Rotation: :func:`kies_casussen` with ``ronde=N`` draws a balanced set (the same mix of
categories, kinds and difficulty every round), so two cohorts share few casussen.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from wijkleren.casussen.bank import Casus, casussen
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
from wijkleren.eindopdracht.beoordelen import GEEN, Sleutel
from wijkleren.eindopdracht.formaat import (  # noqa: F401 (the format's names stay importable from here too)
    ADVIES,
    ANTWOORD_STUB,
    BEGIN_OPLOSSING,
    BEGIN_SCHEMA,
    BEGIN_VERBORGEN,
    BEOORDELEN,
    CONTROLE,
    CONTROLE_UITLEG,
    EIGEN_GEMEENTE,
    EINDE_OPLOSSING,
    EINDE_SCHEMA,
    EINDE_VERBORGEN,
    INLEVEREN,
    INTRO,
    MAGIE,
    MIN_WOORDEN,
    NBGRADER,
    OPDRACHTEN,
    PUNTEN_ADVIES,
    PUNTEN_CATEGORIE,
    PUNTEN_EIGEN_GEMEENTE,
    PUNTEN_KENMERKEN,
    PUNTEN_UITLEG,
    SLEUTEL_NAAM,
    TEKST,
    TEKST_STUB,
    TOEPASSEN,
    VRAAG_CATEGORIE,
    VRAAG_KENMERKEN,
    WIJKLEREN,
    antwoordcel,
    casustekst,
    cel_id,
    nakijkcel,
    nbgrader_metadata,
    schrijfcel,
    toepassen,
    vraagcel,
)
from wijkleren.fouten import WijklerenFout

CATEGORIE = VRAAG_CATEGORIE


class OpdrachtFout(WijklerenFout, ValueError):
    """The choice of casussen cannot make an assignment (too few, unknown or twice); Dutch message."""

    code = 2


# Deel 1: per group (a category, or a kind of niet_gebiedsgericht) the difficulty of each casus.
# Every round has this same mix: 4 wijkaanpak, 4 gebiedsgericht, 4 niet_gebiedsgericht (2 + 2),
# each group with easy and hard casussen.
MIX: dict[str, tuple[int, ...]] = {
    WIJKAANPAK: (1, 2, 2, 3),
    GEBIEDSGERICHT: (1, 2, 2, 3),
    SECTORAAL: (1, 3),
    IN_GEBIED: (1, 3),
}
# Deel 2: the two casussen to judge come from these groups, the advice question from a sectoral one.
TOEPASSEN_GROEPEN: tuple[str, ...] = (GEBIEDSGERICHT, IN_GEBIED)
ADVIES_GROEP = SECTORAAL


def groep(c: Casus) -> str:
    """The group a casus is drawn from: its category, or for niet_gebiedsgericht its kind."""
    return soort(c.kenmerken) if c.label == NIET_GEBIEDSGERICHT else c.label


@dataclass(frozen=True)
class Keuze:
    """Which toets-pool casussen go into which assignment, in the order the learner sees them."""

    beoordelen: tuple[Casus, ...]
    toepassen: tuple[Casus, ...]
    advies: Casus | None = None
    ronde: int | None = None

    @property
    def ids(self) -> set[str]:
        return {c.id for c in (*self.beoordelen, *self.toepassen, *([self.advies] if self.advies else []))}


def _volgorde(kandidaten, sleutel: str) -> list[Casus]:
    """A fixed shuffle of `kandidaten` (the same for every round, so rounds can take turns)."""
    rij = sorted(kandidaten, key=lambda c: c.id)
    random.Random(f"wijkleren-rotatie-{sleutel}").shuffle(rij)
    return rij


def _beurt(rij: list[Casus], ronde: int, aantal: int, bezet: set[str]) -> list[Casus]:
    """`aantal` casussen of `rij` for round `ronde`: each round takes the next block, cyclically."""
    if not rij:
        return []
    gekozen: list[Casus] = []
    start = (ronde - 1) * aantal
    for i in range(len(rij)):
        c = rij[(start + i) % len(rij)]
        if c.id not in bezet and c not in gekozen:
            gekozen.append(c)
        if len(gekozen) == aantal:
            break
    return gekozen


def _deel2_aantal(naam: str) -> int:
    """How many casussen of group `naam` deel 2 takes (the two to judge and the advice)."""
    return sum(1 for g in TOEPASSEN_GROEPEN if g == naam) + (ADVIES_GROEP == naam)


def trek(pool: list[Casus], ronde: int = 1) -> tuple[list[Casus], dict[str, list[Casus]]]:
    """The balanced draw of round `ronde`: deel 1, and per group the casussen for deel 2.

    Per group and difficulty the casussen stand in a fixed order; each round takes the next block
    of that order, so consecutive rounds share nothing while the pool lasts. Deel 2 takes its
    casussen from the same block (from the difficulty with the most casussen to spare), so it
    never uses a casus of another round's deel 1 before the pool runs out. When a difficulty has
    too few casussen, the nearest difficulty of the same group fills in. Raises OpdrachtFout (Dutch).
    """
    deel1: list[Casus] = []
    deel2: dict[str, list[Casus]] = {}
    for naam in dict.fromkeys([*MIX, *TOEPASSEN_GROEPEN, ADVIES_GROEP]):
        mix = MIX.get(naam, ())
        extra = _deel2_aantal(naam)
        kandidaten = [c for c in pool if groep(c) == naam]
        if len(kandidaten) < len(mix) + extra:
            raise OpdrachtFout(
                f"De toetspool heeft te weinig casussen van de soort '{_groepnaam(naam)}' "
                f"(nodig: {len(mix) + extra}, gevonden: {len(kandidaten)})."
            )
        rijen = {
            m: _volgorde((c for c in kandidaten if c.moeilijkheid == m), f"{naam}-{m}") for m in (1, 2, 3)
        }
        nodig = {m: mix.count(m) for m in (1, 2, 3)}
        # Deel 2 takes its extra casussen from the difficulty with the most to spare.
        ruim = max((1, 2, 3), key=lambda m: (len(rijen[m]) / (nodig[m] + extra), -m)) if extra else None
        eigen: list[Casus] = []
        voor2: list[Casus] = []
        for m in (1, 2, 3):
            blok = nodig[m] + (extra if m == ruim else 0)
            if not blok:
                continue
            gekozen = _beurt(rijen[m], ronde, blok, set())
            eigen += gekozen[: nodig[m]]
            voor2 += gekozen[nodig[m] :]
        # Too few of one difficulty: fill with the nearest difficulty, in rotation order.
        for doel in mix:
            while sum(1 for c in eigen if c.moeilijkheid == doel) < mix.count(doel) and len(eigen) < len(mix):
                rest = [c for c in kandidaten if c not in eigen and c not in voor2]
                rest.sort(key=lambda c: (abs(c.moeilijkheid - doel), c.moeilijkheid))
                dichtst = [c for c in rest if c.moeilijkheid == rest[0].moeilijkheid]
                eigen += _beurt(_volgorde(dichtst, f"{naam}-vul"), ronde, 1, set())
                break
        while len(eigen) < len(mix):
            rest = _volgorde((c for c in kandidaten if c not in eigen and c not in voor2), f"{naam}-rest")
            eigen += _beurt(rest, ronde, 1, set())
        while len(voor2) < extra:
            rest = _volgorde((c for c in kandidaten if c not in eigen and c not in voor2), f"{naam}-deel2")
            voor2 += _beurt(rest, ronde, 1, set())
        deel1 += eigen
        deel2[naam] = voor2
    # A fixed shuffle per round: the order shows no pattern, and is the same every time.
    random.Random(f"wijkleren-eindopdracht-{ronde}").shuffle(deel1)
    return deel1, deel2


def trek_deel1(pool: list[Casus], ronde: int = 1) -> list[Casus]:
    """Deel 1 of the balanced draw of round `ronde` (see :func:`trek`)."""
    return trek(pool, ronde)[0]


def _groepnaam(naam: str) -> str:
    return SOORT_NAAM.get(naam) or CATEGORIE_NAAM[naam]


def _trek_een(pool: list[Casus], naam: str, ronde: int, bezet: set[str]) -> Casus:
    rij = _volgorde((c for c in pool if groep(c) == naam), f"deel2-{naam}")
    gekozen = _beurt(rij, ronde, 1, bezet)
    if not gekozen:
        raise OpdrachtFout(
            f"De toetspool heeft te weinig casussen van de soort '{_groepnaam(naam)}' voor deel 2."
        )
    return gekozen[0]


def kies_casussen(
    beoordelen_ids: list[str] | None = None,
    toepassen_ids: list[str] | None = None,
    ronde: int = 1,
    advies_id: str | None = None,
) -> Keuze:
    """The balanced draw of round `ronde` from the toets pool, or the trainer's own ids.

    Raises OpdrachtFout with a Dutch message.
    """
    if not isinstance(ronde, int) or ronde < 1:
        raise OpdrachtFout("Het rondenummer moet een heel getal van 1 of meer zijn.")
    toets = casussen(pool="toets")
    if not toets:
        raise OpdrachtFout(
            "Ik vind de toetspool niet. Werk vanuit de hoofdmap van Wijkleren of de map exercises, "
            "of geef de map aan met WIJKLEREN_TOETSPOOL."
        )
    per_id = {c.id: c for c in toets}
    for ids in (beoordelen_ids or [], toepassen_ids or [], [advies_id] if advies_id else []):
        onbekend = [i for i in ids if i not in per_id]
        if onbekend:
            raise OpdrachtFout(f"Deze casussen staan niet in de toetspool: {', '.join(onbekend)}.")
    if beoordelen_ids:
        deel1, reserve = [per_id[i] for i in beoordelen_ids], {}
    else:
        deel1, reserve = trek(toets, ronde)
    if len(deel1) < 8:
        raise OpdrachtFout("Deel 1 heeft minstens 8 casussen nodig.")
    if len({c.id for c in deel1}) != len(deel1):
        raise OpdrachtFout("In deel 1 staat een casus twee keer.")
    bezet = {c.id for c in deel1}
    if toepassen_ids:
        deel2 = [per_id[i] for i in toepassen_ids]
    else:
        deel2 = []
        for naam in TOEPASSEN_GROEPEN:
            klaar = [c for c in reserve.get(naam, []) if c.id not in bezet and c not in deel2]
            deel2.append(klaar[0] if klaar else _trek_een(toets, naam, ronde, bezet | {c.id for c in deel2}))
    if len(deel2) < 2:
        raise OpdrachtFout("Deel 2 heeft minstens 2 casussen nodig.")
    if len({c.id for c in deel2}) != len(deel2):
        raise OpdrachtFout("In deel 2 staat een casus twee keer.")
    dubbel = bezet & {c.id for c in deel2}
    if dubbel:
        raise OpdrachtFout(f"Deze casussen staan in deel 1 én deel 2: {', '.join(sorted(dubbel))}.")
    bezet |= {c.id for c in deel2}
    if advies_id:
        advies = per_id[advies_id]
        if advies.id in bezet:
            raise OpdrachtFout(f"De adviesvraag gebruikt casus {advies.id}, die al in de opdracht staat.")
    else:
        klaar = [c for c in reserve.get(ADVIES_GROEP, []) if c.id not in bezet]
        advies = klaar[0] if klaar else _trek_een(toets, ADVIES_GROEP, ronde, bezet)
    return Keuze(tuple(deel1), tuple(deel2), advies, None if beoordelen_ids else ronde)


def overlap(a: Keuze, b: Keuze) -> float:
    """The share of casussen of `a` that `b` uses too (0: none in common, 1: the same)."""
    return len(a.ids & b.ids) / len(a.ids) if a.ids else 0.0


# --- cells -----------------------------------------------------------------------------------


def _meta(grade_id: str, **soort) -> dict:
    return {NBGRADER: nbgrader_metadata(grade_id, **soort)}


def _alleen_lezen(grade_id: str, tekst: str, code: bool = False):
    maak = new_code_cell if code else new_markdown_cell
    cel = maak(tekst, metadata=_meta(grade_id, locked=True), id=cel_id(grade_id))
    return cel


def _antwoordcel(grade_id: str, tekst: str):
    return new_code_cell(tekst, metadata=_meta(grade_id, solution=True), id=cel_id(grade_id))


def _schrijfcel(grade_id: str, model: str, punten: int):
    meta = _meta(grade_id, grade=True, solution=True, points=punten)
    return new_markdown_cell(model, metadata=meta, id=cel_id(grade_id))


def _nakijkcel(grade_id: str, sleutel: Sleutel):
    bron = (
        f"# Deze cel gebruikt de computer bij het nakijken van vraag {sleutel.nummer}"
        f"{'a' if sleutel.vraag == CATEGORIE else 'b'}. Je hoeft hier niets te doen.\n"
        f"{BEGIN_VERBORGEN}\n"
        f"{SLEUTEL_NAAM} = {sleutel.als_dict()!r}\n"
        "# Wordt deze cel uitgevoerd, dan ontbreekt de nakijkstap van wijkleren: geen punten.\n"
        'raise AssertionError("Nakijken kan alleen met exercises/nbgrader_config.py van wijkleren.")\n'
        f"{EINDE_VERBORGEN}"
    )
    meta = _meta(grade_id, grade=True, locked=True, points=sleutel.max_punten)
    return new_code_cell(bron, metadata=meta, id=cel_id(grade_id))


def _notitieboek(opdracht: str, cellen: list, antwoordcellen: list[dict]):
    nb = new_notebook(cells=cellen)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    # For the self-check: which answers to expect. Not secret: it names cells, not answers.
    nb.metadata[WIJKLEREN] = {"opdracht": opdracht, "antwoordcellen": antwoordcellen}
    return nb


def _kenmerken_tabel() -> str:
    regels = ["| Kenmerk | Vraag die je jezelf stelt |", "|---|---|"]
    regels += [f"| {k.naam} | {k.vraag} |" for k in KENMERKEN]
    return "\n".join(regels)


def _controlecellen(opdracht: str) -> list:
    uitleg = (
        "## Controleer je antwoorden\n\n"
        "Ben je klaar? Sla eerst je werk op: druk op **Ctrl + S**. "
        "Klik dan op de grijze cel hieronder en druk op **Shift + Enter**.\n\n"
        "De controle kijkt alleen naar de **vorm** van je antwoorden. Ze zegt bijvoorbeeld dat je "
        "een antwoord vergeten bent, of dat de computer een woord niet kent. "
        "Ze zegt **niet** of je antwoord goed is. Dat hoor je na het nakijken.\n\n"
        "Let op: de knop *Validate* van nbgrader kijkt niet naar je antwoorden. Gebruik deze controle."
    )
    code = (
        f"from wijkleren.eindopdracht.zelfcontrole import controleer\n\ncontroleer({opdracht + '.ipynb'!r})"
    )
    inleveren = (
        "## Inleveren\n\n"
        "Sla je werk op. Lever het notitieboek in zoals je trainer heeft uitgelegd. "
        f"Verander de naam van het bestand niet: het heet `{opdracht}.ipynb`."
    )
    return [
        _alleen_lezen(CONTROLE_UITLEG, uitleg),
        _alleen_lezen(CONTROLE, code, code=True),
        _alleen_lezen(INLEVEREN, inleveren),
    ]


def modelantwoord(c: Casus, vraag: str) -> str:
    """The right answer in the words a learner types: the category's name, or one kenmerk a line."""
    if vraag == CATEGORIE:
        return CATEGORIE_NAAM[c.label]
    return "\n".join(KENMERK[k].naam for k in c.kenmerken) or GEEN


def punten_beoordelen(aantal: int) -> int:
    return aantal * (PUNTEN_CATEGORIE + PUNTEN_KENMERKEN)


def notitieboek_beoordelen(deel: tuple[Casus, ...]):
    """The source notebook of 'Casussen beoordelen': per casus a category and the kenmerken."""
    n = len(deel)
    totaal = punten_beoordelen(n)
    intro = f"""# Eindopdracht deel 1: casussen beoordelen

In deze opdracht lees je {n} casussen. Bij elke casus beantwoord je twee vragen:

- **Vraag a.** Welke soort aanpak is dit? Je kiest uit: wijkaanpak, gebiedsgericht werken of
  geen gebiedsgericht werken.
- **Vraag b.** Welke kenmerken zie je in de tekst?

Je hoeft geen code te schrijven. Je typt gewone woorden.

## Zo vul je een antwoord in

- Onder elke vraag staat een grijze cel. Daarin typ je je antwoord. Verander de andere cellen niet.
- In de grijze cel staat al de regel `{MAGIE}`, met daaronder `{ANTWOORD_STUB}`. Laat de eerste regel
  staan en typ je antwoord in plaats van de tweede.
  Druk je op **Shift + Enter**, dan zie je je antwoord als gewone tekst.
- Bij **vraag a** typ je de soort aanpak, bijvoorbeeld:

  ```text
  gebiedsgericht werken
  ```

- Bij **vraag b** typ je de kenmerken die je ziet, elk op een eigen regel. Komma's ertussen mag
  ook. Bijvoorbeeld:

  ```text
  gebonden aan een gebied
  ruimte voor bewoners
  ```

- Zie je in een casus geen enkel kenmerk? Typ dan `{GEEN}`. Zie je ze alle negen? Typ dan `alle negen`.
- Hoofdletters en streepjes maken niet uit. Je mag ook de korte namen gebruiken, zoals
  `wijkaanpak` of `samenhang`. Aanhalingstekens of haken zijn niet nodig.
- Heb je per ongeluk iets weggehaald? Druk op **Ctrl + Z**.

## De kenmerken

{_kenmerken_tabel()}

## Punten

Per casus kun je {PUNTEN_CATEGORIE + PUNTEN_KENMERKEN} punten halen. In totaal zijn het {totaal} punten.

- Vraag a: {PUNTEN_CATEGORIE} punten als je de goede soort aanpak kiest.
- Vraag b: {PUNTEN_KENMERKEN} punten als jouw kenmerken met de beslisregel uitkomen bij het kenmerk
  dat de doorslag geeft. De computer loopt de beslisregel door met de kenmerken die jij noemt.
  Kenmerken die na het beslissende kenmerk komen, tellen niet mee.

Alle kenmerken noemen, of geen enkel, levert dus niet vanzelf punten op. Gokken ook niet: wie steeds
hetzelfde antwoord geeft, haalt hoogstens een derde van de punten.

Na het nakijken krijg je feedback. Per vraag lees je of je antwoord goed was, en waarom.
"""
    cellen = [_alleen_lezen(INTRO, intro)]
    antwoordcellen: list[dict] = []
    for nr, c in enumerate(deel, start=1):
        tekst = f"## Casus {nr}: {c.titel}\n\n{c.tekst.strip()}"
        cellen.append(_alleen_lezen(casustekst(nr), tekst))
        for vraag in (CATEGORIE, VRAAG_KENMERKEN):
            letter = "a" if vraag == CATEGORIE else "b"
            antwoord_id = antwoordcel(nr, vraag)
            if vraag == CATEGORIE:
                opdracht = (
                    f"**Vraag {nr}a.** Welke soort aanpak is dit? Typ in de grijze cel: wijkaanpak, "
                    "gebiedsgericht werken of geen gebiedsgericht werken."
                )
            else:
                opdracht = (
                    f"**Vraag {nr}b.** Welke kenmerken zie je in de tekst? Typ elk kenmerk op een "
                    "eigen regel. Zie je er geen? Typ dan: geen."
                )
            bron = f"{MAGIE}\n{BEGIN_OPLOSSING}\n{modelantwoord(c, vraag)}\n{EINDE_OPLOSSING}"
            sleutel = Sleutel(
                casus=c.id,
                vraag=vraag,
                antwoordcel=antwoord_id,
                nummer=nr,
                titel=c.titel,
                label=c.label,
                kenmerken=tuple(c.kenmerken),
                uitleg=" ".join(c.uitleg.split()),
            )
            cellen.append(_alleen_lezen(vraagcel(antwoord_id), opdracht))
            cellen.append(_antwoordcel(antwoord_id, bron))
            cellen.append(_nakijkcel(nakijkcel(antwoord_id), sleutel))
            antwoordcellen.append({"id": antwoord_id, "soort": vraag, "naam": f"vraag {nr}{letter}"})
    cellen += _controlecellen(BEOORDELEN)
    return _notitieboek(BEOORDELEN, cellen, antwoordcellen)


# --- deel 2: the beoordelingsschema with levels and anchor answers ------------------------------


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
    cellen = [_alleen_lezen(INTRO, intro)]
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
        cellen.append(_alleen_lezen(vraagcel(toepassen(nr)), vraag))
        antwoord_id = schrijfcel(toepassen(nr))
        cellen.append(_schrijfcel(antwoord_id, ankers_casus(c)["goed"], PUNTEN_UITLEG))
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
        cellen.append(_alleen_lezen(vraagcel(ADVIES), vraag))
        cellen.append(_schrijfcel(schrijfcel(ADVIES), ankers_advies(advies)["goed"], PUNTEN_ADVIES))
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
    cellen.append(_alleen_lezen(vraagcel(EIGEN_GEMEENTE), eigen))
    cellen.append(_schrijfcel(schrijfcel(EIGEN_GEMEENTE), ANKERS_EIGEN["goed"], PUNTEN_EIGEN_GEMEENTE))
    antwoordcellen.append({"id": schrijfcel(EIGEN_GEMEENTE), "soort": TEKST, "naam": f"vraag {nr}"})
    cellen += _controlecellen(TOEPASSEN)
    return _notitieboek(TOEPASSEN, cellen, antwoordcellen)


def _bronnen(cursusmap: Path | str, keuze: Keuze) -> list[tuple[Path, str]]:
    """Each source notebook's path and its text, as it would be written."""
    uit = []
    for opdracht, nb in (
        (BEOORDELEN, notitieboek_beoordelen(keuze.beoordelen)),
        (TOEPASSEN, notitieboek_toepassen(keuze.toepassen, keuze.advies)),
    ):
        nbformat.validate(nb)
        uit.append((Path(cursusmap) / "source" / opdracht / f"{opdracht}.ipynb", nbformat.writes(nb) + "\n"))
    return uit


def zou_vervangen(cursusmap: Path | str, keuze: Keuze) -> list[Path]:
    """Source notebooks that exist with other content: writing would replace them."""
    return [
        pad
        for pad, tekst in _bronnen(cursusmap, keuze)
        if pad.exists() and pad.read_text(encoding="utf-8") != tekst
    ]


def schrijf_bronnen(cursusmap: Path | str, keuze: Keuze | None = None) -> list[Path]:
    """Write the two source notebooks into ``<cursusmap>/source/<opdracht>/``; return their paths."""
    keuze = keuze or kies_casussen()
    paden = []
    for pad, tekst in _bronnen(cursusmap, keuze):
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_text(tekst, encoding="utf-8")
        paden.append(pad)
    return paden
