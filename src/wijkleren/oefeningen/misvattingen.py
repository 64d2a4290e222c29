"""Misconceptions: what a wrong choice usually means, per choice and per kenmerk.

The sentences live in one data file, ``data/misvattingen.yaml``. Everyone who picks the same
wrong answer used to read the same text; now the feedback names the misconception behind THAT
choice (a gebiedsgericht case called a wijkaanpak: "Je ziet samenwerking en geld, maar ...").

- :func:`misvatting` gives the sentence for one (right group, chosen category) pair; the right
  group is the category, or for niet_gebiedsgericht its kind (sectoraal or in_gebied).
- :func:`kenmerk_misvatting` gives what a wrong tick or a miss of one kenmerk usually means.
- :func:`misvattingen_data` is everything as JSON for the exercise component.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GEBIEDSGERICHT_KENMERKEN,
    IN_GEBIED,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    SECTORAAL,
    SOORTEN,
    WIJKAANPAK,
    WIJKAANPAK_KENMERKEN,
)
from wijkleren.casussen.schema import Casus
from wijkleren.oefeningen.leerdata import LeerdataFout, laad, plat

BESTAND = Path(__file__).parent / "data" / "misvattingen.yaml"

# The groups a right answer can be in: the categories, with niet_gebiedsgericht split by kind.
GROEPEN: tuple[str, ...] = (WIJKAANPAK, GEBIEDSGERICHT, SECTORAAL, IN_GEBIED)
# The category that is right for each group.
GOEDE_CATEGORIE: dict[str, str] = {
    WIJKAANPAK: WIJKAANPAK,
    GEBIEDSGERICHT: GEBIEDSGERICHT,
    SECTORAAL: NIET_GEBIEDSGERICHT,
    IN_GEBIED: NIET_GEBIEDSGERICHT,
}
# Which kenmerk can decide a case of each group (the rule's first missing kenmerk).
KAN_BESLISSEN: dict[str, tuple[str, ...]] = {
    WIJKAANPAK: (),
    GEBIEDSGERICHT: WIJKAANPAK_KENMERKEN,
    SECTORAAL: ("gebiedsgebonden",),
    IN_GEBIED: GEBIEDSGERICHT_KENMERKEN[1:],
}
# Every wrong (group, chosen category) pair: each needs a sentence.
FOUTE_PAREN: tuple[tuple[str, str], ...] = tuple(
    (g, c) for g in GROEPEN for c in CATEGORIEEN if c != GOEDE_CATEGORIE[g]
)
FOUTEN: tuple[str, ...] = ("onterecht", "gemist")  # a wrong tick, a missed kenmerk

Groep = Literal[GROEPEN]  # type: ignore[valid-type]
Categorie = Literal[CATEGORIEEN]  # type: ignore[valid-type]
Zin = Field(min_length=20, max_length=400)


class Keuze(BaseModel):
    """The misconception behind one wrong choice, optionally sharper per decisive kenmerk."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    juist: Groep
    gekozen: Categorie
    zin: str = Zin
    per_kenmerk: dict[str, str] = Field(default_factory=dict)

    @field_validator("zin")
    @classmethod
    def _plat(cls, waarde: str) -> str:
        return plat(waarde)

    @field_validator("per_kenmerk")
    @classmethod
    def _plat_per_kenmerk(cls, waarde: dict[str, str]) -> dict[str, str]:
        return {k: plat(v) for k, v in waarde.items()}

    @model_validator(mode="after")
    def _past(self):
        if self.gekozen == GOEDE_CATEGORIE[self.juist]:
            raise ValueError(
                f"'{self.gekozen}' is het goede antwoord bij '{self.juist}'; een misvatting hoort bij een fout antwoord"
            )
        for code, zin in self.per_kenmerk.items():
            if code not in KAN_BESLISSEN[self.juist]:
                mag = ", ".join(KAN_BESLISSEN[self.juist]) or "geen enkel kenmerk"
                raise ValueError(
                    f"per_kenmerk '{code}' kan bij '{self.juist}' niet de doorslag geven; dat kan alleen: {mag}"
                )
            if len(zin) < 20:
                raise ValueError(f"de zin bij per_kenmerk '{code}' is te kort")
        return self


class KenmerkFout(BaseModel):
    """What a wrong tick and a miss of one kenmerk usually mean."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    onterecht: str = Zin
    gemist: str = Zin

    @field_validator("onterecht", "gemist")
    @classmethod
    def _plat(cls, waarde: str) -> str:
        return plat(waarde)


class Misvattingen(BaseModel):
    """The whole file: every wrong pair once, every kenmerk once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    keuze: tuple[Keuze, ...]
    kenmerken: dict[str, KenmerkFout]

    @model_validator(mode="after")
    def _alles_gedekt(self):
        paren = [(k.juist, k.gekozen) for k in self.keuze]
        dubbel = sorted({p for p in paren if paren.count(p) > 1})
        if dubbel:
            raise ValueError(
                "deze combinaties staan er twee keer in: " + ", ".join(f"{j} → {g}" for j, g in dubbel)
            )
        mist = [p for p in FOUTE_PAREN if p not in paren]
        if mist:
            raise ValueError(
                "voor deze foute keuzes ontbreekt een zin: " + ", ".join(f"{j} → {g}" for j, g in mist)
            )
        onbekend = sorted(set(self.kenmerken) - set(KENMERK_CODES))
        if onbekend:
            raise ValueError(f"onbekende kenmerken: {', '.join(onbekend)}")
        zonder = [k for k in KENMERK_CODES if k not in self.kenmerken]
        if zonder:
            raise ValueError(f"deze kenmerken hebben geen zinnen: {', '.join(zonder)}")
        return self


@functools.cache
def laad_misvattingen(pad: Path = BESTAND) -> Misvattingen:
    """The misconceptions file, validated; LeerdataFout (Dutch) when it is not usable."""
    return laad(pad, Misvattingen)


def groep(juist_label: str, juiste_soort: str | None) -> str:
    """The group of a right answer: the category, or the kind for niet_gebiedsgericht."""
    if juist_label not in CATEGORIEEN:
        raise ValueError(f"Onbekende categorie '{juist_label}'. Kies uit: {', '.join(CATEGORIEEN)}.")
    if juist_label == NIET_GEBIEDSGERICHT:
        if juiste_soort not in SOORTEN:
            raise ValueError(
                f"Bij geen gebiedsgericht werken hoort een soort: {', '.join(SOORTEN)} (niet '{juiste_soort}')."
            )
        return juiste_soort
    if juiste_soort is not None:
        raise ValueError(
            f"Alleen geen gebiedsgericht werken heeft een soort, {CATEGORIE_NAAM[juist_label]} niet."
        )
    return juist_label


def misvatting(
    juist_label: str, juiste_soort: str | None, gekozen: str, beslissend: str | None = None
) -> str:
    """The misconception behind choosing `gekozen` for a case of this label (and kind).

    With `beslissend` (the case's decisive kenmerk) the sentence is the sharper one for that
    kenmerk when the file has it. A right choice has no misconception: the empty string.
    """
    g = groep(juist_label, juiste_soort)
    if gekozen not in CATEGORIEEN:
        raise ValueError(f"Onbekende keuze '{gekozen}'. Kies uit: {', '.join(CATEGORIEEN)}.")
    if gekozen == GOEDE_CATEGORIE[g]:
        return ""
    keuze = next(k for k in laad_misvattingen().keuze if (k.juist, k.gekozen) == (g, gekozen))
    return keuze.per_kenmerk.get(beslissend or "", keuze.zin)


def misvattingen_voor(casus: Casus, keuzes=CATEGORIEEN) -> dict[str, str]:
    """Per wrong category among `keuzes`: the misconception behind choosing it for this case."""
    uit = casus.uitkomst
    return {c: misvatting(casus.label, uit.soort, c, uit.beslissend) for c in keuzes if c != casus.label}


def kenmerk_misvatting(code: str, fout: str) -> str:
    """What a wrong tick ('onterecht') or a miss ('gemist') of kenmerk `code` usually means."""
    if fout not in FOUTEN:
        raise ValueError(f"Onbekende fout '{fout}'. Kies uit: {', '.join(FOUTEN)}.")
    zinnen = laad_misvattingen().kenmerken.get(code)
    if zinnen is None:
        raise ValueError(f"Onbekend kenmerk '{code}'.")
    return getattr(zinnen, fout)


def misvattingen_data() -> dict:
    """Everything as JSON for the component.

    ``{"keuze": {groep: {gekozen: {"zin": str, "per_kenmerk": {kenmerk: str}}}},
    "kenmerken": {kenmerk: {"onterecht": str, "gemist": str}}}``; groep is wijkaanpak,
    gebiedsgericht, sectoraal or in_gebied, and only wrong choices appear under it.
    """
    m = laad_misvattingen()
    keuze: dict[str, dict[str, dict]] = {g: {} for g in GROEPEN}
    for k in m.keuze:
        keuze[k.juist][k.gekozen] = {"zin": k.zin, "per_kenmerk": dict(k.per_kenmerk)}
    return {
        "keuze": keuze,
        "kenmerken": {code: {f: getattr(m.kenmerken[code], f) for f in FOUTEN} for code in KENMERK_CODES},
    }


__all__ = [
    "FOUTE_PAREN",
    "GROEPEN",
    "LeerdataFout",
    "kenmerk_misvatting",
    "laad_misvattingen",
    "misvatting",
    "misvattingen_data",
    "misvattingen_voor",
]
