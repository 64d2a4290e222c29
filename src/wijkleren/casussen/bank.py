"""The case bank: the casus schema, loading YAML files with Dutch errors, and the packaged bank.

The schema lives here and only here. A casus file is a YAML list of casussen; see
``data/casussen/`` for the bank's oefenen pool and ``voorbeelden/eigen_casussen.yaml`` for a
trainer's file. The toets pool is not in the package (a learner's kernel imports the package): it
lives in the trainer's nbgrader folder, ``toetspool/`` (in this repository ``exercises/toetspool``),
and is found through :func:`toets_bestanden`.
"""

from __future__ import annotations

import difflib
import functools
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

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

BANK_MAP = Path(__file__).parent / "data"
# A trainer's own case files, added to the bank everywhere (book, notebooks, assignments):
# WIJKLEREN_EIGEN_CASUSSEN=mijn.yaml (several files: separated by ':').
EIGEN_VAR = "WIJKLEREN_EIGEN_CASUSSEN"
# The toets pool's folder; without it, the folder toetspool/ (or exercises/toetspool/) of the
# current directory, which is where the trainer's tools run.
TOETS_VAR = "WIJKLEREN_TOETSPOOL"

# Bounds for hostile or mistaken input: a casus file is small text.
MAX_BESTAND = 2_000_000  # bytes
MAX_CASUSSEN = 2000
MAX_TEKST = 2500  # characters of one case text (the bank's texts have 95-140 words)
KOPIE_GRENS = 0.5  # word-trigram overlap with a bank case above which a trainer's case is a copy

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


class LeesFout(WijklerenFout):
    """The file could not be read or parsed as YAML (exit code 2)."""

    code = 2
    voorvoegsel = "Kan niet lezen: "


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


def _dutch(err: dict) -> str:
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


def _regels(node) -> tuple[list[int], list[dict[str, int]]]:
    """Line numbers per casus and per field, from the YAML node tree."""
    starts: list[int] = []
    velden: list[dict[str, int]] = []
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            starts.append(item.start_mark.line + 1)
            if isinstance(item, yaml.MappingNode):
                velden.append({k.value: k.start_mark.line + 1 for k, _ in item.value})
            else:
                velden.append({})
    return starts, velden


def _geen_verwijzingen(pad: Path, tekst: str) -> None:
    """Refuse YAML aliases (``*naam``): a casus never needs them, and they make "YAML bombs"."""
    for event in yaml.parse(tekst, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            regel = event.start_mark.line + 1
            raise LeesFout(
                f"{pad}, regel {regel}: dit bestand gebruikt een verwijzing (een * met een naam). "
                "Dat kan in een casusbestand niet: schrijf elke casus helemaal uit."
            )


def lees_yaml(pad: Path | str):
    """Read a YAML file; LeesFout (Dutch, with the line number) when that is not possible."""
    pad = Path(pad)
    try:
        if pad.stat().st_size > MAX_BESTAND:
            raise LeesFout(
                f"{pad}: dit bestand is te groot ({pad.stat().st_size // 1000} kB). Een casusbestand "
                f"is hoogstens {MAX_BESTAND // 1_000_000} MB. Splits het, of kijk of het wel het goede bestand is."
            )
        tekst = pad.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LeesFout(f"{pad}: dit bestand bestaat niet.") from None
    except IsADirectoryError:
        raise LeesFout(f"{pad}: dit is een map, geen bestand.") from None
    except UnicodeDecodeError:
        raise LeesFout(f"{pad}: dit bestand is geen tekst in UTF-8.") from None
    except OSError as fout:
        raise LeesFout(f"{pad}: kan dit bestand niet lezen ({fout.strerror}).") from None
    try:
        _geen_verwijzingen(pad, tekst)
        node = yaml.compose(tekst, Loader=yaml.SafeLoader)
        data = yaml.safe_load(tekst)
    except yaml.YAMLError as fout:
        mark = getattr(fout, "problem_mark", None) or getattr(fout, "context_mark", None)
        regel = f", regel {mark.line + 1}" if mark else ""
        technisch = getattr(fout, "problem", None) or ""
        raise LeesFout(
            f"{pad}{regel}: dit is geen geldige YAML. Kijk op deze regel of de regel erboven naar "
            f"inspringen, dubbele punten en aanhalingstekens. (Technische melding: {technisch}.)"
        ) from None
    return data, node


def laad_bestand(pad: Path | str) -> list[Casus]:
    """Load and validate one casus file. Raises LeesFout or CasusFout with Dutch messages."""
    pad = Path(pad)
    data, node = lees_yaml(pad)
    naam = str(pad)
    if data is None:
        raise CasusFout([Probleem(naam, None, None, "het bestand is leeg: er staan geen casussen in")])
    if not isinstance(data, list):
        raise CasusFout(
            [
                Probleem(
                    naam,
                    None,
                    None,
                    "het bestand moet een lijst van casussen zijn (elke casus begint met '- id:')",
                    1,
                )
            ]
        )
    if len(data) > MAX_CASUSSEN:
        raise CasusFout(
            [
                Probleem(
                    naam, None, None, f"het bestand heeft {len(data)} casussen; hoogstens {MAX_CASUSSEN}", 1
                )
            ]
        )
    starts, velden = _regels(node)
    casussen: list[Casus] = []
    problemen: list[Probleem] = []
    gezien: dict[str, int] = {}
    for nr, item in enumerate(data):
        cid = str(item.get("id")) if isinstance(item, dict) and item.get("id") is not None else None
        wie = cid or f"nummer {nr + 1}"
        try:
            casus = Casus.model_validate(item)
        except ValidationError as fout:
            for err in fout.errors():
                # The only model-level check (empty loc) is the label against the rule.
                veld = ".".join(str(x) for x in err["loc"]) or "label"
                veldnaam = str(err["loc"][0]) if err["loc"] else "label"
                regel = velden[nr].get(veldnaam) if veldnaam else None
                problemen.append(Probleem(naam, wie, veld, _dutch(err), regel or starts[nr]))
            continue
        if casus.id in gezien:
            problemen.append(
                Probleem(naam, casus.id, "id", f"dit id komt al voor (regel {gezien[casus.id]})", starts[nr])
            )
            continue
        gezien[casus.id] = starts[nr]
        casussen.append(casus)
    if problemen:
        raise CasusFout(problemen)
    return casussen


def laad_bestanden(paden) -> list[Casus]:
    """Load several files as one set: ids must be unique across all of them."""
    alles: list[Casus] = []
    problemen: list[Probleem] = []
    waar: dict[str, str] = {}
    for pad in paden:
        try:
            casussen = laad_bestand(pad)
        except CasusFout as fout:
            problemen.extend(fout.problemen)
            continue
        for c in casussen:
            if c.id in waar:
                problemen.append(Probleem(str(pad), c.id, "id", f"dit id komt al voor in {waar[c.id]}"))
            else:
                waar[c.id] = str(pad)
                alles.append(c)
    if problemen:
        raise CasusFout(problemen)
    return alles


def eigen_bestanden() -> list[Path]:
    """The trainer's own case files named in WIJKLEREN_EIGEN_CASUSSEN (none when it is not set)."""
    return [Path(p) for p in os.environ.get(EIGEN_VAR, "").split(os.pathsep) if p.strip()]


def toets_map() -> Path | None:
    """The toets pool's folder: WIJKLEREN_TOETSPOOL, else toetspool/ or exercises/toetspool/ here."""
    if os.environ.get(TOETS_VAR):
        return Path(os.environ[TOETS_VAR])
    for kandidaat in (Path("toetspool"), Path("exercises") / "toetspool"):
        try:
            if kandidaat.is_dir():
                return kandidaat.resolve()
        except OSError:  # a folder a learner may not read
            continue
    return None


def toets_bestanden() -> list[Path]:
    """The toets pool's files, or none where the toets pool is not (a learner's environment)."""
    map_ = toets_map()
    try:
        return sorted(map_.glob("*.yaml")) if map_ else []
    except OSError:
        return []


def pakket_bestanden() -> list[Path]:
    """The packaged bank's files: the oefenen pool only."""
    return sorted(BANK_MAP.glob("*.yaml"))


def bank_bestanden() -> list[Path]:
    """The packaged bank's files, the toets pool where it can be found, then the trainer's own."""
    return pakket_bestanden() + toets_bestanden() + eigen_bestanden()


def laad_bank() -> tuple[Casus, ...]:
    """All casussen of the bank (with the trainer's own files, if named), in file order."""
    return _laad(tuple(bank_bestanden()))


@functools.cache
def _laad(paden: tuple[Path, ...]) -> tuple[Casus, ...]:
    return tuple(laad_bestanden(paden))


def casussen(pool: str | None = None) -> list[Casus]:
    """The bank's casussen, optionally of one pool only ('oefenen' or 'toets')."""
    return [c for c in laad_bank() if pool is None or c.pool == pool]


def casus(casus_id: str) -> Casus:
    for c in laad_bank():
        if c.id == casus_id:
            return c
    raise KeyError(f"Casus '{casus_id}' staat niet in de casusbank.")


def botsingen(bestand: str, eigen: list[Casus], bank: list[Casus] | None = None) -> list[Probleem]:
    """A trainer's cases that reuse a bank id or copy a bank case's text."""
    from wijkleren.casussen.overzicht import overlap

    bank = list(laad_bestanden(pakket_bestanden() + toets_bestanden()) if bank is None else bank)
    per_id = {c.id: c for c in bank}
    problemen = []
    for c in eigen:
        if c.id in per_id and per_id[c.id] is not c:
            problemen.append(
                Probleem(bestand, c.id, "id", "dit id is al van een casus in de casusbank; kies een ander id")
            )
            continue
        for b in bank:
            if b.id != c.id and overlap(c.tekst, b.tekst) > KOPIE_GRENS:
                problemen.append(
                    Probleem(
                        bestand,
                        c.id,
                        "tekst",
                        f"deze tekst is bijna gelijk aan casus '{b.id}' uit de casusbank. "
                        "Schrijf een eigen casus over je eigen gemeente.",
                    )
                )
                break
    return problemen
