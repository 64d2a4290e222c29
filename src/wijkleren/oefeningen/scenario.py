"""The branching scenario "Advies aan de wethouder": schema, checks, paths and JSON.

The scenario is data (``data/scenario_wethouder.yaml``): decision points (punten) with two or
three options each. An option has a quality (goed, redelijk, zwak), consequences in the wijk, in
the council and with the partners, a short why (waarom) and where it leads: another punt, or
``einde``. The ending of a path follows from the quality of the whole advice: the points of the
options (goed 2, redelijk 1, zwak 0) divided by the most a path of that length can score; the
ending with the highest ``vanaf`` that this share reaches is the ending of the path.

The loader checks the graph: every option leads to a punt that exists or to the end, there are
no cycles, every punt can be reached, every path has 3 or 4 decisions, and every ending is the
ending of at least one path. :func:`scenario_data` gives the component the whole scenario with
every path's ending already worked out, so the component only looks it up.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wijkleren.oefeningen.leerdata import LeerdataFout, laad, plat

BESTAND = Path(__file__).parent / "data" / "scenario_wethouder.yaml"
EINDE = "einde"  # where the last option of a path leads
PUNTEN: dict[str, int] = {"goed": 2, "redelijk": 1, "zwak": 0}
MIN_BESLUITEN, MAX_BESLUITEN = 3, 4  # decisions on every path

Kwaliteit = Literal["goed", "redelijk", "zwak"]
Id = Field(pattern=r"^[a-z0-9-]{1,40}$")
Tekst = Field(min_length=20, max_length=1500)
Kort = Field(min_length=3, max_length=200)

# Every label and sentence the component shows, besides the scenario's own texts.
TEKSTEN: dict[str, str] = {
    "begin": "Begin het scenario",
    "teller": "Besluit {nr} van {totaal}",
    "kies": "Kies je advies",
    "gevolgen": "Wat er gebeurt",
    "wijk": "In de wijk",
    "raad": "In de raad",
    "partners": "Bij de partners",
    "verder": "Verder",
    "naar_einde": "Bekijk hoe het afloopt",
    "terugblik": "Terugblik op je advies",
    "jouw_keuze": "Jouw keuze",
    "waarom": "Waarom",
    "score": "Je advies haalde {punten} van de {max} punten.",
    "opnieuw": "Speel het scenario opnieuw",
    "goed": "Sterk advies",
    "redelijk": "Redelijk advies",
    "zwak": "Zwak advies",
    "bewaard": "Je keuzes blijven in deze browser bewaard. Er gaat niets naar internet.",
}


class Gevolg(BaseModel):
    """What an option sets going: in the wijk, in the council, with the partners."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    wijk: str = Tekst
    raad: str = Tekst
    partners: str = Tekst


class Optie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Id
    tekst: str = Tekst
    kwaliteit: Kwaliteit
    gevolg: Gevolg
    waarom: str = Tekst
    naar: str = Id

    @property
    def punten(self) -> int:
        return PUNTEN[self.kwaliteit]


class Punt(BaseModel):
    """One decision point: the situation, the question and its options."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Id
    titel: str = Kort
    situatie: str = Tekst
    vraag: str = Kort
    opties: tuple[Optie, ...] = Field(min_length=2, max_length=3)


class Einde(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Id
    titel: str = Kort
    vanaf: float = Field(ge=0, le=1)
    tekst: str = Tekst


class Scenario(BaseModel):
    """The whole scenario; the checks on the graph run when it is made."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Id
    titel: str = Kort
    rol: str = Tekst
    inleiding: str = Tekst
    start: str = Id
    punten: tuple[Punt, ...] = Field(min_length=MIN_BESLUITEN)
    einden: tuple[Einde, ...] = Field(min_length=2)

    @property
    def per_id(self) -> dict[str, Punt]:
        return {p.id: p for p in self.punten}

    @property
    def opties(self) -> dict[str, Optie]:
        return {o.id: o for p in self.punten for o in p.opties}

    @model_validator(mode="after")
    def _ids_en_verwijzingen(self):
        ids = [p.id for p in self.punten]
        _uniek(ids, "besluitpunt")
        _uniek([o.id for p in self.punten for o in p.opties], "optie")
        _uniek([e.id for e in self.einden], "einde")
        if EINDE in ids:
            raise ValueError(
                f"'{EINDE}' is geen naam voor een besluitpunt: het betekent dat het scenario stopt"
            )
        if self.start not in ids:
            raise ValueError(f"start '{self.start}' is geen besluitpunt; kies uit: {', '.join(ids)}")
        for p in self.punten:
            for o in p.opties:
                if o.naar != EINDE and o.naar not in ids:
                    raise ValueError(
                        f"optie '{o.id}' bij '{p.id}' gaat naar '{o.naar}', maar dat besluitpunt bestaat niet. "
                        f"Kies uit: {', '.join(ids)} of {EINDE}."
                    )
        vanaf = [e.vanaf for e in self.einden]
        if len(set(vanaf)) != len(vanaf):
            raise ValueError("twee einden hebben dezelfde 'vanaf'; geef elk einde een eigen grens")
        if 0 not in vanaf:
            raise ValueError("één einde moet 'vanaf: 0' hebben, zodat elk pad een einde heeft")
        return self

    @model_validator(mode="after")
    def _grafiek(self):
        cyclus = _cyclus(self)
        if cyclus:
            raise ValueError(f"het scenario loopt in een kring: {' → '.join(cyclus)}. Elk pad moet eindigen.")
        bereikt = {o.naar for _, o in _stappen(self)} | {self.start}
        los = [p.id for p in self.punten if p.id not in bereikt]
        if los:
            raise ValueError(f"deze besluitpunten zijn vanaf de start niet te bereiken: {', '.join(los)}")
        if _langste(self) > MAX_BESLUITEN:
            # Checked before the paths are listed, so a long file cannot make that list explode.
            raise ValueError(
                f"een pad heeft {_langste(self)} besluiten; elk pad heeft er hoogstens {MAX_BESLUITEN}"
            )
        for pad in self.paden():
            if not MIN_BESLUITEN <= len(pad) <= MAX_BESLUITEN:
                raise ValueError(
                    f"het pad {' → '.join(o.id for o in pad)} heeft {len(pad)} besluiten; "
                    f"elk pad heeft er {MIN_BESLUITEN} of {MAX_BESLUITEN}"
                )
        gehaald = {self._einde(pad).id for pad in self.paden()}
        nooit = [e.id for e in self.einden if e.id not in gehaald]
        if nooit:
            raise ValueError(f"geen enkel pad komt uit bij deze einden: {', '.join(nooit)}")
        return self

    def paden(self) -> list[tuple[Optie, ...]]:
        """Every path from the start to the end, as the options chosen on it."""
        per_id = self.per_id
        uit: list[tuple[Optie, ...]] = []

        def loop(punt: Punt, pad: tuple[Optie, ...]) -> None:
            for o in punt.opties:
                if o.naar == EINDE:
                    uit.append((*pad, o))
                else:
                    loop(per_id[o.naar], (*pad, o))

        loop(per_id[self.start], ())
        return uit

    def _einde(self, pad: Sequence[Optie]) -> Einde:
        aandeel = score(pad) / (PUNTEN["goed"] * len(pad))
        return max((e for e in self.einden if e.vanaf <= aandeel + 1e-9), key=lambda e: e.vanaf)

    def einde_voor(self, keuzes: Sequence[str]) -> Einde:
        """The ending of a path given as the chosen options' ids; ValueError (Dutch) if it is no path."""
        pad = self.pad(keuzes)
        if pad[-1].naar != EINDE:
            raise ValueError("dit pad is nog niet af: na de laatste keuze volgt nog een besluit")
        return self._einde(pad)

    def pad(self, keuzes: Sequence[str]) -> tuple[Optie, ...]:
        """The options of a path of ids, checked step by step from the start."""
        if not keuzes:
            raise ValueError("er is nog geen keuze gemaakt")
        per_id, opties = self.per_id, self.opties
        punt = self.start
        pad = []
        for nr, keuze in enumerate(keuzes, start=1):
            if punt == EINDE:
                raise ValueError(f"keuze {nr} ('{keuze}') komt na het einde van het scenario")
            if keuze not in {o.id for o in per_id[punt].opties}:
                raise ValueError(f"keuze {nr} ('{keuze}') is geen optie bij besluitpunt '{punt}'")
            pad.append(opties[keuze])
            punt = opties[keuze].naar
        return tuple(pad)


def score(pad: Sequence[Optie]) -> int:
    return sum(o.punten for o in pad)


def _uniek(ids: list[str], wat: str) -> None:
    dubbel = sorted({i for i in ids if ids.count(i) > 1})
    if dubbel:
        raise ValueError(f"dit id van een {wat} komt twee keer voor: {', '.join(dubbel)}")


def _stappen(s: Scenario):
    return [(p.id, o) for p in s.punten for o in p.opties if o.naar != EINDE]


def _langste(s: Scenario) -> int:
    """The most decisions on one path from the start (the graph has no cycles)."""
    per_id = s.per_id

    @functools.cache
    def diepte(punt: str) -> int:
        return 1 + max((0 if o.naar == EINDE else diepte(o.naar)) for o in per_id[punt].opties)

    return diepte(s.start)


def _cyclus(s: Scenario) -> list[str]:
    """A cycle in the graph of punten (as ids, the first repeated at the end), or []."""
    volgende = {p.id: [o.naar for o in p.opties if o.naar != EINDE] for p in s.punten}
    klaar: set[str] = set()

    def zoek(punt: str, pad: list[str]) -> list[str]:
        if punt in pad:
            return pad[pad.index(punt) :] + [punt]
        if punt in klaar:
            return []
        for n in volgende.get(punt, []):
            gevonden = zoek(n, pad + [punt])
            if gevonden:
                return gevonden
        klaar.add(punt)
        return []

    for p in volgende:
        gevonden = zoek(p, [])
        if gevonden:
            return gevonden
    return []


@functools.cache
def laad_scenario(pad: Path = BESTAND) -> Scenario:
    """The scenario, validated; LeerdataFout (Dutch) when it is not usable."""
    return laad(pad, Scenario)


def _optie(o: Optie) -> dict:
    return {
        "id": o.id,
        "tekst": plat(o.tekst),
        "kwaliteit": o.kwaliteit,
        "punten": o.punten,
        "gevolg": {k: plat(getattr(o.gevolg, k)) for k in ("wijk", "raad", "partners")},
        "waarom": plat(o.waarom),
        "naar": o.naar,
    }


def scenario_data(pad: Path = BESTAND) -> dict:
    """The scenario as JSON for the component, with every path's ending worked out.

    ``uitkomsten`` maps a path, the chosen options' ids joined by ',', to
    ``{"einde": id, "punten": n, "max": m}``.
    """
    s = laad_scenario(pad)
    return {
        "id": s.id,
        "titel": s.titel,
        "rol": plat(s.rol),
        "inleiding": plat(s.inleiding),
        "start": s.start,
        "einde": EINDE,
        "besluiten": max(len(p) for p in s.paden()),
        "punten": {
            p.id: {
                "id": p.id,
                "titel": p.titel,
                "situatie": plat(p.situatie),
                "vraag": plat(p.vraag),
                "opties": [_optie(o) for o in p.opties],
            }
            for p in s.punten
        },
        "einden": {
            e.id: {"id": e.id, "titel": e.titel, "vanaf": e.vanaf, "tekst": plat(e.tekst)} for e in s.einden
        },
        "uitkomsten": {
            ",".join(o.id for o in pad_): {
                "einde": s.einde_voor([o.id for o in pad_]).id,
                "punten": score(pad_),
                "max": PUNTEN["goed"] * len(pad_),
            }
            for pad_ in s.paden()
        },
        "teksten": dict(TEKSTEN),
    }


__all__ = ["EINDE", "LeerdataFout", "Scenario", "laad_scenario", "scenario_data"]
