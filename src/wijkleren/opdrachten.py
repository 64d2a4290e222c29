"""The final assignment's nbgrader source notebooks, built from the case bank's toets pool.

The case bank is the one source: this module writes ``exercises/source/<opdracht>/<opdracht>.ipynb``
(not in git) with the answers in solution regions and the grading keys in hidden tests.
``nbgrader generate_assignment`` strips both for the learners' copy.

Two assignments:

- ``casussen_beoordelen``: per casus the category and the kenmerken, graded as data by
  :mod:`wijkleren.nakijken` (see :mod:`wijkleren.nbgrader_stappen`);
- ``toepassen``: two written explanations and an analysis of the learner's own municipality,
  graded by the trainer with a rubric (model answers in mark-scheme regions, trainer only).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .beslisregel import uitleg_uitkomst
from .casusbank import Casus, casussen
from .domein import CATEGORIEEN, GEBIEDSGERICHT, KENMERKEN, NIET_GEBIEDSGERICHT, WIJKAANPAK
from .nakijken import (
    CATEGORIE,
    GEEN,
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    PUNTEN_PER_KENMERK,
    SLEUTEL_NAAM,
    Sleutel,
)
from .nakijken import (
    KENMERKEN as VRAAG_KENMERKEN,
)

BEOORDELEN = "casussen_beoordelen"
TOEPASSEN = "toepassen"
OPDRACHTEN = (BEOORDELEN, TOEPASSEN)

AANTAL_PER_CATEGORIE = 3  # deel 1: 3 x 3 = 9 casussen
PUNTEN_UITLEG = 4
PUNTEN_EIGEN_GEMEENTE = 6
TEKST_STUB = "Schrijf hier je antwoord."  # ClearSolutions.text_stub in exercises/nbgrader_config.py
MIN_WOORDEN = 40  # the self-check calls a written answer short below this

TEKST = "tekst"  # kind of a written answer, next to nakijken.CATEGORIE and nakijken.KENMERKEN


@dataclass(frozen=True)
class Keuze:
    """Which toets-pool casussen go into which assignment, in the order the learner sees them."""

    beoordelen: tuple[Casus, ...]
    toepassen: tuple[Casus, ...]


def _per_moeilijkheid(kandidaten: list[Casus], aantal: int) -> list[Casus]:
    """Pick `aantal` casussen, taking turns over difficulty 1, 2, 3 so the set is varied."""
    rijen = {m: sorted((c for c in kandidaten if c.moeilijkheid == m), key=lambda c: c.id) for m in (1, 2, 3)}
    gekozen: list[Casus] = []
    while len(gekozen) < aantal and any(rijen.values()):
        for m in (1, 2, 3):
            if rijen[m] and len(gekozen) < aantal:
                gekozen.append(rijen[m].pop(0))
    return gekozen


def kies_casussen(beoordelen_ids: list[str] | None = None, toepassen_ids: list[str] | None = None) -> Keuze:
    """The default choice from the toets pool, or the trainer's ids. Raises ValueError in Dutch."""
    toets = casussen(pool="toets")
    per_id = {c.id: c for c in toets}
    for ids in (beoordelen_ids or [], toepassen_ids or []):
        onbekend = [i for i in ids if i not in per_id]
        if onbekend:
            raise ValueError(f"Deze casussen staan niet in de toetspool: {', '.join(onbekend)}.")
    if beoordelen_ids:
        deel1 = [per_id[i] for i in beoordelen_ids]
    else:
        deel1 = []
        for cat in CATEGORIEEN:
            gekozen = _per_moeilijkheid([c for c in toets if c.label == cat], AANTAL_PER_CATEGORIE)
            if len(gekozen) < AANTAL_PER_CATEGORIE:
                raise ValueError(
                    f"De toetspool heeft te weinig casussen met label '{cat}' "
                    f"(nodig: {AANTAL_PER_CATEGORIE}, gevonden: {len(gekozen)})."
                )
            deel1 += gekozen
        # A fixed shuffle: the order shows no pattern, and is the same every time.
        random.Random("wijkleren-eindopdracht").shuffle(deel1)
    if len(deel1) < 8:
        raise ValueError("Deel 1 heeft minstens 8 casussen nodig.")
    if len({c.id for c in deel1}) != len(deel1):
        raise ValueError("In deel 1 staat een casus twee keer.")
    if toepassen_ids:
        deel2 = [per_id[i] for i in toepassen_ids]
    else:
        # Borderline casussen (with a valkuil) teach most: one that is not a wijkaanpak, one that is.
        rest = sorted(
            (c for c in toets if c not in deel1),
            key=lambda c: (c.valkuil is None, -c.moeilijkheid, c.id),
        )
        deel2 = []
        for cat in (GEBIEDSGERICHT, WIJKAANPAK):
            kandidaten = [c for c in rest if c.label == cat] or [
                c for c in rest if c.label == NIET_GEBIEDSGERICHT
            ]
            kandidaten = [c for c in kandidaten if c not in deel2]
            if not kandidaten:
                raise ValueError("De toetspool heeft te weinig casussen voor deel 2.")
            deel2.append(kandidaten[0])
    if len(deel2) < 2:
        raise ValueError("Deel 2 heeft minstens 2 casussen nodig.")
    dubbel = {c.id for c in deel1} & {c.id for c in deel2}
    if dubbel:
        raise ValueError(f"Deze casussen staan in deel 1 én deel 2: {', '.join(sorted(dubbel))}.")
    return Keuze(tuple(deel1), tuple(deel2))


# --- cells -----------------------------------------------------------------------------------


def _meta(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    nb = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": 3,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        nb["points"] = points
    return {"nbgrader": nb}


def _alleen_lezen(grade_id: str, tekst: str, code: bool = False):
    maak = new_code_cell if code else new_markdown_cell
    cel = maak(tekst, metadata=_meta(grade_id, locked=True), id=grade_id.replace("_", "-"))
    return cel


def _antwoordcel(grade_id: str, tekst: str):
    return new_code_cell(tekst, metadata=_meta(grade_id, solution=True), id=grade_id.replace("_", "-"))


def _schrijfcel(grade_id: str, model: str, punten: int):
    meta = _meta(grade_id, grade=True, solution=True, points=punten)
    return new_markdown_cell(model, metadata=meta, id=grade_id.replace("_", "-"))


def _nakijkcel(grade_id: str, sleutel: Sleutel):
    bron = (
        f"# Deze cel gebruikt de computer bij het nakijken van vraag {sleutel.nummer}"
        f"{'a' if sleutel.vraag == CATEGORIE else 'b'}. Je hoeft hier niets te doen.\n"
        "### BEGIN HIDDEN TESTS\n"
        f"{SLEUTEL_NAAM} = {sleutel.als_dict()!r}\n"
        "# Wordt deze cel uitgevoerd, dan ontbreekt de nakijkstap van wijkleren: geen punten.\n"
        'raise AssertionError("Nakijken kan alleen met exercises/nbgrader_config.py van wijkleren.")\n'
        "### END HIDDEN TESTS"
    )
    meta = _meta(grade_id, grade=True, locked=True, points=sleutel.max_punten)
    return new_code_cell(bron, metadata=meta, id=grade_id.replace("_", "-"))


def _notitieboek(opdracht: str, cellen: list, antwoordcellen: list[dict]):
    nb = new_notebook(cells=cellen)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    # For the self-check: which answers to expect. Not secret: it names cells, not answers.
    nb.metadata["wijkleren"] = {"opdracht": opdracht, "antwoordcellen": antwoordcellen}
    return nb


def _kenmerken_tabel() -> str:
    regels = ["| Typ dit | Betekenis | Vraag die je jezelf stelt |", "|---|---|---|"]
    regels += [f"| `{k.code}` | {k.naam} | {k.vraag} |" for k in KENMERKEN]
    return "\n".join(regels)


def _controlecellen(opdracht: str) -> list:
    uitleg = (
        "## Controleer je antwoorden\n\n"
        "Ben je klaar? Sla eerst je werk op: druk op **Ctrl + S**. "
        "Klik dan op de grijze cel hieronder en druk op **Shift + Enter**.\n\n"
        "De controle kijkt alleen naar de **vorm** van je antwoorden. Ze zegt bijvoorbeeld dat je "
        "een antwoord vergeten bent, of dat we een woord niet kennen. "
        "Ze zegt **niet** of je antwoord goed is. Dat hoor je na het nakijken.\n\n"
        "Let op: de knop *Validate* van nbgrader kijkt niet naar je antwoorden. Gebruik deze controle."
    )
    code = f"from wijkleren.zelfcontrole import controleer\n\ncontroleer({opdracht + '.ipynb'!r})"
    inleveren = (
        "## Inleveren\n\n"
        "Sla je werk op. Lever het notitieboek in zoals je trainer heeft uitgelegd. "
        f"Verander de naam van het bestand niet: het heet `{opdracht}.ipynb`."
    )
    return [
        _alleen_lezen("controle_uitleg", uitleg),
        _alleen_lezen("controle", code, code=True),
        _alleen_lezen("inleveren", inleveren),
    ]


def _lijst_code(codes) -> str:
    return "[" + ", ".join(f'"{c}"' for c in (codes or (GEEN,))) + "]"


def notitieboek_beoordelen(deel: tuple[Casus, ...]):
    """The source notebook of 'Casussen beoordelen': per casus a category and the kenmerken."""
    n = len(deel)
    totaal = n * (PUNTEN_CATEGORIE + PUNTEN_KENMERKEN)
    intro = f"""# Eindopdracht deel 1: casussen beoordelen

In deze opdracht lees je {n} casussen. Bij elke casus beantwoord je twee vragen:

- **Vraag a.** Welke soort aanpak is dit? Je kiest uit `wijkaanpak`, `gebiedsgericht` of `sectoraal`.
- **Vraag b.** Welke kenmerken zie je in de tekst?

Je hoeft geen code te schrijven. Je typt alleen woorden op een vaste plek.

## Zo vul je een antwoord in

- Je typt alleen in de cellen die beginnen met `# Vraag`. Verander de andere cellen niet.
- In elke cel staat één antwoord.
- Bij **vraag a** typ je één woord tussen de aanhalingstekens. Zo ziet een ingevuld antwoord eruit:

  ```python
  categorie = "gebiedsgericht"
  ```

- Bij **vraag b** zet je de kenmerken tussen de blokhaken `[ ]`. Elk kenmerk staat tussen
  aanhalingstekens. Tussen twee kenmerken staat een komma. Zo ziet een ingevuld antwoord eruit:

  ```python
  kenmerken = ["gebiedsgebonden", "ruimte_voor_bewoners"]
  ```

- Zie je in een casus geen enkel kenmerk? Typ dan:

  ```python
  kenmerken = ["{GEEN}"]
  ```

- Hoofdletters, spaties en streepjes maken niet uit. `Gebiedsgericht werken` en `wijk-aanpak` zijn
  ook goed. Je mag ook de naam uit de tweede kolom gebruiken, zoals `"Ruimte voor bewoners"`.
- Heb je per ongeluk iets weggehaald? Druk op **Ctrl + Z**.

## De kenmerken

{_kenmerken_tabel()}

## Punten

Per casus kun je {PUNTEN_CATEGORIE + PUNTEN_KENMERKEN} punten halen. In totaal zijn het {totaal} punten.

- Vraag a: {PUNTEN_CATEGORIE} punten als je de goede soort aanpak kiest.
- Vraag b: {PUNTEN_PER_KENMERK} punt voor elk kenmerk dat je goed beoordeelt. Dat is goed als je een
  kenmerk noemt dat in de casus staat. Het is ook goed als je een kenmerk niet noemt dat er niet in
  staat. Alle negen kenmerken noemen geeft dus niet vanzelf alle punten.

Na het nakijken krijg je feedback. Per vraag lees je of je antwoord goed was, en waarom.
"""
    cellen = [_alleen_lezen("intro", intro)]
    antwoordcellen: list[dict] = []
    for nr, c in enumerate(deel, start=1):
        tekst = (
            f"## Casus {nr}: {c.titel}\n\n{c.tekst.strip()}\n\n"
            f"**Vraag {nr}a.** Welke soort aanpak is dit?\n\n"
            f"**Vraag {nr}b.** Welke kenmerken zie je in de tekst?"
        )
        cellen.append(_alleen_lezen(f"casus{nr}_tekst", tekst))
        for vraag in (CATEGORIE, VRAAG_KENMERKEN):
            letter = "a" if vraag == CATEGORIE else "b"
            antwoord_id = f"casus{nr}_{vraag}"
            if vraag == CATEGORIE:
                bron = (
                    f"# Vraag {nr}a. Typ één woord tussen de aanhalingstekens: "
                    "wijkaanpak, gebiedsgericht of sectoraal.\n"
                    'categorie = ""\n'
                    "### BEGIN SOLUTION\n"
                    f'categorie = "{c.label}"\n'
                    "### END SOLUTION"
                )
            else:
                bron = (
                    f"# Vraag {nr}b. Typ de kenmerken tussen de blokhaken, elk tussen aanhalingstekens,\n"
                    '# met komma\'s ertussen. Bijvoorbeeld: kenmerken = ["gebiedsgebonden", "ruimte_voor_bewoners"]\n'
                    "kenmerken = []\n"
                    "### BEGIN SOLUTION\n"
                    f"kenmerken = {_lijst_code(c.kenmerken)}\n"
                    "### END SOLUTION"
                )
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
            cellen.append(_antwoordcel(antwoord_id, bron))
            cellen.append(_nakijkcel(f"{antwoord_id}_punten", sleutel))
            antwoordcellen.append({"id": antwoord_id, "soort": vraag, "naam": f"vraag {nr}{letter}"})
    cellen += _controlecellen(BEOORDELEN)
    return _notitieboek(BEOORDELEN, cellen, antwoordcellen)


RUBRIC_UITLEG = f"""**Zo beoordeelt de trainer je antwoord ({PUNTEN_UITLEG} punten):**

- 1 punt: je zegt of dit een wijkaanpak is, en welke soort aanpak het dan wel is.
- 2 punten: je noemt de kenmerken die je in de tekst ziet, met een voorbeeld uit de tekst.
- 1 punt: je noemt het kenmerk dat de doorslag geeft. Bij een wijkaanpak leg je uit welke extra
  afspraken er zijn."""

RUBRIC_EIGEN = f"""**Zo beoordeelt de trainer je antwoord ({PUNTEN_EIGEN_GEMEENTE} punten):**

- 1 punt: je beschrijft de aanpak kort. Waar is het, wie doen er mee, en wat gebeurt er?
- 2 punten: je noemt welke kenmerken er wel zijn en welke niet, met een voorbeeld.
- 1 punt: je kiest een soort aanpak die past bij die kenmerken. Je gebruikt de beslisregel.
- 1 punt: je kijkt naar de kenmerken, niet naar de naam die de gemeente de aanpak geeft.
- 1 punt: je noemt één ding dat de aanpak sterker kan maken."""


def _modeluitleg(c: Casus) -> str:
    """The trainer's mark scheme for one casus (shown to the learner only in the feedback)."""
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


def notitieboek_toepassen(deel: tuple[Casus, ...]):
    """The source notebook of 'Toepassen': written answers, graded by the trainer with a rubric."""
    totaal = len(deel) * PUNTEN_UITLEG + PUNTEN_EIGEN_GEMEENTE
    intro = f"""# Eindopdracht deel 2: toepassen

In dit deel schrijf je zelf. Je beantwoordt {len(deel) + 1} vragen:

- Bij {len(deel)} casussen leg je uit waarom het wel of geen wijkaanpak is.
- Je schrijft een korte analyse van een aanpak in je eigen gemeente.

De trainer beoordeelt je antwoorden. Bij elke vraag staat hoe. Je kunt {totaal} punten halen.

## Zo vul je een antwoord in

- Klik twee keer op de cel met *{TEKST_STUB}*. Haal die zin weg en typ je antwoord.
- Druk daarna op **Shift + Enter**. Dan zie je je tekst netjes.
- Schrijf in gewone zinnen. Je hoeft geen code te schrijven.
- Verander de andere cellen niet.

Tips: noem de kenmerken die je ziet, en het kenmerk dat ontbreekt. Kijk niet naar de naam van een
aanpak, maar naar de kenmerken.
"""
    cellen = [_alleen_lezen("intro", intro)]
    antwoordcellen: list[dict] = []
    for nr, c in enumerate(deel, start=1):
        vraag = (
            f"## Casus {nr}: {c.titel}\n\n{c.tekst.strip()}\n\n"
            f"**Vraag {nr}.** Is dit een wijkaanpak? Leg in je eigen woorden uit waarom wel of niet. "
            "Schrijf ongeveer 5 tot 10 zinnen.\n\n"
            f"{RUBRIC_UITLEG}\n\n"
            "=== BEGIN MARK SCHEME ===\n\n"
            f"{_modeluitleg(c)}\n\n"
            "=== END MARK SCHEME ==="
        )
        cellen.append(_alleen_lezen(f"toepassen{nr}_vraag", vraag))
        antwoord_id = f"toepassen{nr}_antwoord"
        cellen.append(_schrijfcel(antwoord_id, " ".join(c.uitleg.split()), PUNTEN_UITLEG))
        antwoordcellen.append({"id": antwoord_id, "soort": TEKST, "naam": f"vraag {nr}"})
    nr = len(deel) + 1
    eigen = (
        f"## Vraag {nr}: een aanpak in je eigen gemeente\n\n"
        "Kies een aanpak in je eigen gemeente. Bijvoorbeeld een plan voor een wijk, een dorp of een "
        "thema. Schrijf een korte analyse van ongeveer 10 tot 15 zinnen:\n\n"
        "- Wat is de aanpak? Waar is het, en wie doen er mee?\n"
        "- Welke kenmerken zie je? Welke ontbreken?\n"
        "- Welke soort aanpak is het dus: wijkaanpak, gebiedsgericht of sectoraal?\n"
        "- Wat zou de aanpak sterker maken?\n\n"
        f"{RUBRIC_EIGEN}\n\n"
        "=== BEGIN MARK SCHEME ===\n\n"
        "**Voor de trainer:** er is geen vast goed antwoord. Let erop dat de soort aanpak volgt uit "
        "de genoemde kenmerken, volgens de beslisregel. Een aanpak die de gemeente 'wijkaanpak' noemt, "
        "is alleen een wijkaanpak als ook de vier extra kenmerken er zijn.\n\n"
        "=== END MARK SCHEME ==="
    )
    cellen.append(_alleen_lezen("eigen_gemeente_vraag", eigen))
    modelantwoord = (
        "Een goede analyse beschrijft de aanpak, noemt per kenmerk of het er is, "
        "kiest met de beslisregel een soort aanpak en noemt een verbeterpunt."
    )
    cellen.append(_schrijfcel("eigen_gemeente_antwoord", modelantwoord, PUNTEN_EIGEN_GEMEENTE))
    antwoordcellen.append({"id": "eigen_gemeente_antwoord", "soort": TEKST, "naam": f"vraag {nr}"})
    cellen += _controlecellen(TOEPASSEN)
    return _notitieboek(TOEPASSEN, cellen, antwoordcellen)


def _bronnen(cursusmap: Path | str, keuze: Keuze) -> list[tuple[Path, str]]:
    """Each source notebook's path and its text, as it would be written."""
    uit = []
    for opdracht, nb in (
        (BEOORDELEN, notitieboek_beoordelen(keuze.beoordelen)),
        (TOEPASSEN, notitieboek_toepassen(keuze.toepassen)),
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
