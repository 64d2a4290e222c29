"""Drawing the final assignment's casussen from the toets pool: which casus goes into which part.

:func:`kies_casussen` with ``ronde=N`` draws a balanced set (the same mix of categories, kinds and
difficulty every round, :data:`MIX`), so two cohorts share few casussen; a trainer may name the
ids instead. :func:`overlap` is the share two draws have in common.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    GEBIEDSGERICHT,
    IN_GEBIED,
    NIET_GEBIEDSGERICHT,
    SECTORAAL,
    SOORT_NAAM,
    WIJKAANPAK,
    soort,
)
from wijkleren.casussen.schema import Casus
from wijkleren.fouten import WijklerenFout


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
