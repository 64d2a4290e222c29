"""The decision rule (beslisboom) of domein.md and the Dutch feedback made from its result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    GEBIEDSGERICHT,
    GEBIEDSGERICHT_KENMERKEN,
    KENMERK,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    SOORT_NAAM,
    SOORT_ZIN,
    WIJKAANPAK,
    WIJKAANPAK_KENMERKEN,
    soort,
)


@dataclass(frozen=True)
class Uitkomst:
    """What the rule concludes: the category, the first missing kenmerk on the path (or None),
    and for niet_gebiedsgericht its kind (sectoraal or in_gebied)."""

    categorie: str
    beslissend: str | None
    stappen: tuple[tuple[str, bool], ...]  # (kenmerk code, present) in the order the rule asks
    soort: str | None = None


def beslis(aanwezig: Iterable[str]) -> Uitkomst:
    """Apply the rule to the kenmerken present; unknown codes raise ValueError."""
    gezien = set(aanwezig)
    onbekend = sorted(gezien - set(KENMERK_CODES))
    if onbekend:
        raise ValueError(f"Onbekende kenmerken: {', '.join(onbekend)}")
    stappen: list[tuple[str, bool]] = []
    for code in GEBIEDSGERICHT_KENMERKEN:
        stappen.append((code, code in gezien))
        if code not in gezien:
            return Uitkomst(NIET_GEBIEDSGERICHT, code, tuple(stappen), soort(gezien))
    for code in WIJKAANPAK_KENMERKEN:
        stappen.append((code, code in gezien))
        if code not in gezien:
            return Uitkomst(GEBIEDSGERICHT, code, tuple(stappen))
    return Uitkomst(WIJKAANPAK, None, tuple(stappen))


def uitleg_uitkomst(uitkomst: Uitkomst) -> str:
    """One Dutch sentence that names the category (and kind) and the decisive kenmerk."""
    if uitkomst.categorie == WIJKAANPAK:
        return "Dit is een wijkaanpak: alle negen kenmerken zijn er."
    ontbreekt = KENMERK[uitkomst.beslissend].ontbreekt
    if uitkomst.categorie == GEBIEDSGERICHT:
        return f"Dit is gebiedsgericht werken, maar geen wijkaanpak: {ontbreekt}."
    return f"Dit {SOORT_ZIN[uitkomst.soort]}: {ontbreekt}."


def uitkomst_deel(uitkomst: Uitkomst) -> str:
    """The same outcome as a phrase inside a sentence ("De uitkomst is ..."), for the assignment."""
    if uitkomst.categorie == WIJKAANPAK:
        return "een wijkaanpak, want alle negen kenmerken zijn er"
    ontbreekt = KENMERK[uitkomst.beslissend].ontbreekt
    if uitkomst.categorie == GEBIEDSGERICHT:
        return f"gebiedsgericht werken, maar geen wijkaanpak: {ontbreekt}"
    return f"geen gebiedsgericht werken ({SOORT_NAAM[uitkomst.soort]}): {ontbreekt}"


def feedback_keuze(gekozen: str, uitkomst: Uitkomst) -> str:
    """Dutch feedback on a learner's chosen category, naming the decisive kenmerk."""
    goed = gekozen == uitkomst.categorie
    begin = "Goed." if goed else f"Niet goed. Je koos: {CATEGORIE_NAAM.get(gekozen, gekozen)}."
    return f"{begin} {uitleg_uitkomst(uitkomst)}"
