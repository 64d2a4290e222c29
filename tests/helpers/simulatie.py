"""A simulated class: submissions with realistic mistakes, for the tests and the benchmark.

The answers follow the grading keys in the gradebook, so a simulated class fits any assignment
built by :mod:`wijkleren.eindopdracht.maken`. Learners differ in skill; borderline casussen and the
decisive kenmerk go wrong more often, and wrong categories are mostly the neighbouring ones
(a wijkaanpak taken for gebiedsgericht werken, and the other way round). Everything depends on
the seed only, so two runs give the same class.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import nbformat

from wijkleren.casussen.bank import casus as bankcasus
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import (
    GEBIEDSGERICHT,
    GEEN_KENMERK,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    WIJKAANPAK,
)
from wijkleren.eindopdracht.beoordelen import Sleutel
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE
from wijkleren.nakijkronde.cijferboek import lees_vragen
from wijkleren.nakijkronde.cursus import Cursus

VOORNAMEN = (
    "Anna", "Mohamed", "Sanne", "Özlem", "Jan-Willem", "Fatima", "Bas", "Priya", "Kees", "Lotte",
    "Youssef", "Marieke", "Dewi", "Thijs", "Chantal", "Ahmet", "Ilse", "Rachid", "Noor", "Pieter",
)  # fmt: skip
ACHTERNAMEN = (
    "de Vries", "El Amrani", "Jansen", "Yılmaz", "van den Berg", "Bakker", "Visser", "Ramdin",
    "Smit", "Meijer", "Mulder", "de Boer", "Wijaya", "Bos", "Vos", "Kaya", "Peters", "Hendriks",
    "van Dijk", "O'Neill",
)  # fmt: skip

# A wrong category is mostly the neighbouring one.
_VERWARRING = {
    WIJKAANPAK: ((GEBIEDSGERICHT, 0.75), (NIET_GEBIEDSGERICHT, 0.25)),
    GEBIEDSGERICHT: ((WIJKAANPAK, 0.6), (NIET_GEBIEDSGERICHT, 0.4)),
    NIET_GEBIEDSGERICHT: ((GEBIEDSGERICHT, 0.75), (WIJKAANPAK, 0.25)),
}
# Ways learners write a category that the grader accepts.
_SCHRIJFWIJZEN = {
    WIJKAANPAK: ("wijkaanpak", "Wijkaanpak", "wijk-aanpak"),
    GEBIEDSGERICHT: ("gebiedsgericht", "Gebiedsgericht werken", "gebiedsgericht"),
    NIET_GEBIEDSGERICHT: ("niet gebiedsgericht", "Geen gebiedsgericht werken", "sectoraal"),
}


@dataclass(frozen=True)
class Deelnemer:
    id: str
    voornaam: str
    achternaam: str
    email: str
    lms_id: str


def deelnemers(aantal: int) -> list[Deelnemer]:
    """`aantal` made-up learners with nbgrader-friendly ids (deelnemer001, ...)."""
    uit = []
    for i in range(aantal):
        sid = f"deelnemer{i + 1:03d}"
        uit.append(
            Deelnemer(
                sid,
                VOORNAMEN[i % len(VOORNAMEN)],
                ACHTERNAMEN[(i * 7) % len(ACHTERNAMEN)],
                f"{sid}@gemeente.example",
                str(5000 + i),
            )
        )
    return uit


def _moeilijkheid(sleutel: Sleutel) -> tuple[int, bool]:
    try:
        c = bankcasus(sleutel.casus)
    except KeyError:
        return 2, False
    return c.moeilijkheid, c.valkuil is not None


def antwoord_categorie(sleutel: Sleutel, kunde: float, rng: random.Random) -> str:
    """The text of a simulated answer cell for the category question."""
    if rng.random() < 0.02:
        return 'categorie = ""'
    moeilijk, valkuil = _moeilijkheid(sleutel)
    kans = kunde - 0.12 * (moeilijk - 1) - (0.1 if valkuil else 0.0)
    if rng.random() < kans:
        gekozen = sleutel.label
    else:
        opties, gewichten = zip(*_VERWARRING[sleutel.label], strict=True)
        gekozen = rng.choices(opties, gewichten)[0]
    return f'categorie = "{rng.choice(_SCHRIJFWIJZEN[gekozen])}"'


def antwoord_kenmerken(sleutel: Sleutel, kunde: float, rng: random.Random) -> str:
    """The text of a simulated answer cell for the kenmerken question."""
    if rng.random() < 0.02:
        return "kenmerken = []"
    aanwezig = set(sleutel.kenmerken)
    beslissend = beslis(sleutel.kenmerken).beslissend
    gekozen = []
    for code in KENMERK_CODES:
        kans_fout = (1 - kunde) * (0.9 if code == beslissend else 0.35)
        wel = code in aanwezig
        if rng.random() < kans_fout:
            wel = not wel
        if wel:
            gekozen.append(code)
    return "kenmerken = [" + ", ".join(f'"{c}"' for c in gekozen or [GEEN_KENMERK]) + "]"


def simuleer_klas(
    cursus: Cursus,
    opdracht: str,
    aantal: int,
    *,
    zaad: int = 7,
    kapot: int = 0,
    start: datetime | None = None,
) -> list[str]:
    """Write `aantal` simulated submissions of `opdracht` into ``submitted/`` and the learners into
    the gradebook. The last `kapot` submissions are broken files, which autograde cannot read.
    Returns the student ids.
    """
    from nbgrader.api import Gradebook

    cd = cursus.coursedir
    release = cursus.pad(cd.release_directory, ".", opdracht)
    notitieboeken = sorted(release.glob("*.ipynb"))
    if not notitieboeken:
        raise FileNotFoundError(f"Geen vrijgegeven notitieboeken in {release}.")
    rng = random.Random(zaad)
    start = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    mensen = deelnemers(aantal)
    with Gradebook(cursus.db_url, cd.course_id) as gb:
        vragen = [v for v in lees_vragen(gb, opdracht) if v.sleutel]
        for d in mensen:
            gb.update_or_create_student(
                d.id, first_name=d.voornaam, last_name=d.achternaam, email=d.email, lms_user_id=d.lms_id
            )
    sleutels = {v.sleutel.antwoordcel: v.sleutel for v in vragen}
    for nr, d in enumerate(mensen):
        kunde = rng.uniform(0.45, 0.97)
        doel = cursus.pad(cd.submitted_directory, d.id, opdracht)
        doel.mkdir(parents=True, exist_ok=True)
        for pad in notitieboeken:
            if nr >= aantal - kapot:
                (doel / pad.name).write_text('{"cells": [ dit is geen notitieboek', encoding="utf-8")
                continue
            nb = nbformat.read(pad, as_version=4)
            for cel in nb.cells:
                gid = cel.get("metadata", {}).get("nbgrader", {}).get("grade_id")
                sleutel = sleutels.get(gid)
                if sleutel is None:
                    continue
                maak = antwoord_categorie if sleutel.vraag == VRAAG_CATEGORIE else antwoord_kenmerken
                cel.source = f"# Mijn antwoord\n{maak(sleutel, kunde, rng)}"
            nbformat.write(nb, doel / pad.name)
        moment = start + timedelta(minutes=3 * nr)
        (doel / "timestamp.txt").write_text(moment.strftime("%Y-%m-%d %H:%M:%S.%f %Z"), encoding="utf-8")
    return [d.id for d in mensen]
