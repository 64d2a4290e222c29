"""The schema of a casus: the pydantic model :class:`Casus` with its checks, and its errors in Dutch.

The schema lives here and only here. A casus's label must follow from its kenmerken by the
beslisregel, and its evidence must stand in its text word for word. A file with invalid casussen
raises :class:`CasusFout`, one :class:`Probleem` per field; :func:`veldmelding` turns one pydantic
error into the Dutch words a trainer reads. Loading the files is :mod:`wijkleren.casussen.bank`.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from wijkleren.casussen.beslisregel import Uitkomst, beslis
from wijkleren.casussen.domein import (
    CASUS_OEFENINGEN,
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GRENSTYPEN,
    KENMERK_CODES,
    POOLS,
    SCHALEN,
    SOORT_NAAM,
    THEMAS,
    VORMEN,
    WIJKAANPAK,
)
from wijkleren.fouten import WijklerenFout

# A bound for hostile or mistaken input, beside the file's bounds in bank.py.
MAX_TEKST = 2500  # characters of one case text (the bank's texts have 95-140 words)

Categorie = Literal["wijkaanpak", "gebiedsgericht", "niet_gebiedsgericht"]
Thema = Literal[THEMAS]  # type: ignore[valid-type]
Schaal = Literal[SCHALEN]  # type: ignore[valid-type]
Pool = Literal[POOLS]  # type: ignore[valid-type]
Vorm = Literal[VORMEN]  # type: ignore[valid-type]
Grenstype = Literal[tuple(GRENSTYPEN)]  # type: ignore[valid-type]
Oefening = Literal[CASUS_OEFENINGEN]  # type: ignore[valid-type]
assert set(Categorie.__args__) == set(CATEGORIEEN)

OUDE_LABELS = {
    "sectoraal": (
        "'sectoraal' is een label uit de vorige versie van de cursus. Schrijf nu "
        "'niet_gebiedsgericht' (geen gebiedsgericht werken). De soort (sectoraal of in een gebied) "
        "volgt vanzelf uit de kenmerken: zonder 'gebiedsgebonden' is het een sectorale aanpak."
    )
}


def zonder_witruimte(tekst: str) -> str:
    """Text with every run of whitespace as one space: how evidence phrases are matched."""
    return " ".join(str(tekst).split())


def _suggestie(woord: str, opties: tuple[str, ...]) -> str:
    gok = difflib.get_close_matches(str(woord), opties, n=1, cutoff=0.6)
    return f" Bedoelde je '{gok[0]}'?" if gok else ""


class Casus(BaseModel):
    """One casus: a short case description with its kenmerken, label and explanation."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")
    titel: str = Field(min_length=3, max_length=120)
    tekst: str = Field(min_length=40, max_length=MAX_TEKST)
    label: Categorie
    kenmerken: tuple[str, ...]
    uitleg: str = Field(min_length=20, max_length=2000)
    thema: Thema
    schaal: Schaal
    moeilijkheid: int = Field(ge=1, le=3)
    pool: Pool = "oefenen"
    valkuil: str | None = Field(default=None, max_length=2000)
    vorm: Vorm = "beschrijving"
    # Per kenmerk present: the exact words of the text that show it (required in the bank).
    bewijs: dict[str, str] = Field(default_factory=dict)
    grenstype: Grenstype | None = None
    # The one exercise an oefenen case belongs to (the bank sets it; trainers may leave it out).
    oefening: Oefening | None = None

    @field_validator("label", mode="before")
    @classmethod
    def _oud_label(cls, waarde):
        if isinstance(waarde, str) and waarde in OUDE_LABELS:
            raise ValueError(OUDE_LABELS[waarde])
        return waarde

    @field_validator("kenmerken", mode="before")
    @classmethod
    def _kenmerken_bekend(cls, waarde):
        if waarde is None:
            return ()
        if not isinstance(waarde, (list, tuple)):
            raise ValueError("moet een lijst van kenmerken zijn, zoals [gebiedsgebonden, ...]")
        for code in waarde:
            if code not in KENMERK_CODES:
                raise ValueError(f"onbekend kenmerk '{code}'.{_suggestie(code, KENMERK_CODES)}")
        dubbel = sorted({c for c in waarde if list(waarde).count(c) > 1})
        if dubbel:
            raise ValueError(f"kenmerk staat er twee keer in: {', '.join(dubbel)}")
        return tuple(waarde)

    @model_validator(mode="after")
    def _label_volgt_uit_kenmerken(self):
        uit = beslis(self.kenmerken)
        if uit.categorie != self.label:
            soort = f", {SOORT_NAAM[uit.soort]}" if uit.soort else ""
            raise ValueError(
                f"label '{self.label}' past niet bij de kenmerken: volgens de beslisregel is dit "
                f"'{uit.categorie}' ({CATEGORIE_NAAM[uit.categorie]}{soort})"
            )
        return self

    @model_validator(mode="after")
    def _bewijs_staat_in_de_tekst(self):
        tekst = zonder_witruimte(self.tekst)
        for code, woorden in self.bewijs.items():
            if code not in self.kenmerken:
                raise ValueError(f"bewijs voor '{code}', maar dat kenmerk staat niet bij de kenmerken")
            if not zonder_witruimte(woorden) or zonder_witruimte(woorden) not in tekst:
                raise ValueError(
                    f"het bewijs voor '{code}' staat niet letterlijk in de tekst: '{woorden}'. "
                    "Kopieer de woorden precies uit de tekst."
                )
        return self

    @model_validator(mode="after")
    def _oefening_past(self):
        if self.oefening is None:
            return self
        if self.pool != "oefenen":
            raise ValueError("een toetscasus hoort bij geen oefening: laat het veld 'oefening' weg")
        if self.oefening == "indelen-twee" and self.label not in (WIJKAANPAK, GEBIEDSGERICHT):
            raise ValueError(
                "de oefening 'indelen-twee' kent alleen wijkaanpak en gebiedsgericht werken; "
                "kies een andere oefening voor deze casus"
            )
        return self

    @property
    def uitkomst(self) -> Uitkomst:
        return beslis(self.kenmerken)


@dataclass(frozen=True)
class Probleem:
    """One problem in a casus file, with where it is."""

    bestand: str
    casus_id: str | None
    veld: str | None
    bericht: str
    regel: int | None = None

    def __str__(self) -> str:
        plek = self.bestand + (f", regel {self.regel}" if self.regel else "")
        wie = [f"casus '{self.casus_id}'"] if self.casus_id else []
        wie += [f"veld '{self.veld}'"] if self.veld else []
        return f"{plek}: {', '.join(wie + [self.bericht])}"


class CasusFout(WijklerenFout):
    """The file was read, but one or more casussen are invalid (exit code 1)."""

    def __init__(self, problemen: list[Probleem]):
        self.problemen = problemen
        super().__init__("\n".join(str(p) for p in problemen))

    def melding(self) -> str:
        n = len(self.problemen)
        regels = [f"{n} {'probleem' if n == 1 else 'problemen'} gevonden:"]
        return "\n".join(regels + [f"- {p}" for p in self.problemen])


_BERICHTEN = {
    "missing": "verplicht veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "moet tekst zijn",
    "int_type": "moet een heel getal zijn",
    "int_parsing": "moet een heel getal zijn",
    "int_from_float": "moet een heel getal zijn",
    "string_pattern_mismatch": "mag alleen letters, cijfers, - en _ bevatten (hoogstens 40 tekens)",
    "tuple_type": "moet een lijst zijn",
    "model_type": "moet een casus zijn met velden als id, titel en tekst",
}


def veldmelding(err: dict) -> str:
    """One pydantic error of a casus field in Dutch words, with the allowed values where that helps."""
    soort = err["type"]
    ctx = err.get("ctx", {})
    if soort in _BERICHTEN:
        return _BERICHTEN[soort]
    if soort == "literal_error":
        opties = tuple(a.strip("'") for a in ctx.get("expected", "").replace(" or ", ", ").split(", "))
        return (
            f"ongeldige waarde '{err.get('input')}'; kies uit: {', '.join(opties)}."
            f"{_suggestie(err.get('input'), opties)}"
        )
    if soort == "string_too_short":
        return f"is te kort (minstens {ctx.get('min_length')} tekens)"
    if soort == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if soort in ("greater_than_equal", "less_than_equal"):
        return "moet 1, 2 of 3 zijn"
    if soort == "value_error":
        return str(ctx.get("error", err["msg"]))
    if soort == "dict_type":
        return "moet een lijst zijn van kenmerk: woorden uit de tekst"
    return f"ongeldige waarde ({err['msg']})"
