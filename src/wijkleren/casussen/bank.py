"""The case bank: loading casus files (YAML) with Dutch errors, and the bank with its pools.

A casus file is a YAML list of casussen with the schema of :mod:`wijkleren.casussen.schema`; see
``data/casussen/`` for the bank's oefenen pool and ``voorbeelden/eigen_casussen.yaml`` for a
trainer's file. The toets pool is not in the package (a learner's kernel imports the package): it
lives in the trainer's nbgrader folder, ``toetspool/`` (in this repository ``exercises/toetspool``),
and is found through :func:`toets_bestanden`.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import yaml
from pydantic import ValidationError

from wijkleren.casussen.schema import Casus, CasusFout, Probleem, veldmelding
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
KOPIE_GRENS = 0.5  # word-trigram overlap with a bank case above which a trainer's case is a copy


class LeesFout(WijklerenFout):
    """The file could not be read or parsed as YAML (exit code 2)."""

    code = 2
    voorvoegsel = "Kan niet lezen: "


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
                problemen.append(Probleem(naam, wie, veld, veldmelding(err), regel or starts[nr]))
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
