"""Loading the learning data files (misconceptions, scenario, worksheet) with Dutch errors.

One loader for the YAML data behind issue 15: the file is read with the case bank's reader
(size limit, no YAML aliases, line numbers), then validated with a pydantic model; every problem
becomes a Dutch line that names the place in the file ("opties.2.naar: ...").
"""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from wijkleren.casussen.bank import LeesFout, lees_yaml
from wijkleren.casussen.schema import veldmelding
from wijkleren.fouten import WijklerenFout

M = TypeVar("M", bound=BaseModel)


class LeerdataFout(WijklerenFout, ValueError):
    """A learning data file cannot be used; the message is Dutch and names the file and place."""


def _bericht(err: dict) -> str:
    soort, ctx = err["type"], err.get("ctx", {})
    if soort in ("greater_than_equal", "greater_than"):
        return f"moet minstens {ctx.get('ge', ctx.get('gt'))} zijn"
    if soort in ("less_than_equal", "less_than"):
        return f"mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn"
    if soort == "too_short":
        return f"heeft te weinig onderdelen (minstens {ctx.get('min_length')})"
    if soort == "too_long":
        return f"heeft te veel onderdelen (hoogstens {ctx.get('max_length')})"
    if soort in ("float_type", "float_parsing"):
        return "moet een getal zijn, zoals 0.5"
    if soort in ("list_type", "tuple_type"):
        return "moet een lijst zijn (elk onderdeel begint met '- ')"
    if soort in ("model_type", "dict_type", "model_attributes_type"):
        return "moet een onderdeel met velden zijn (veld: waarde)"
    return veldmelding(err)


def fouttekst(pad: Path | str, fout: ValidationError) -> str:
    """A pydantic error as Dutch lines: one per problem, with where it is in the file."""
    regels = []
    for err in fout.errors():
        plek = ".".join(str(x) for x in err["loc"]) or "bestand"
        regels.append(f"{pad}: {plek}: {_bericht(err)}")
    return "\n".join(regels)


def laad(pad: Path | str, model: type[M]) -> M:
    """Read one YAML file and validate it as `model`; LeerdataFout (Dutch) when that fails."""
    try:
        data, _ = lees_yaml(pad)
    except LeesFout as fout:
        raise LeerdataFout(str(fout)) from None
    if data is None:
        raise LeerdataFout(f"{pad}: het bestand is leeg")
    try:
        return model.model_validate(data)
    except ValidationError as fout:
        raise LeerdataFout(fouttekst(pad, fout)) from None


def plat(tekst: str | None) -> str:
    """Text as a learner reads it: every run of whitespace one space (YAML '>' keeps a newline)."""
    return " ".join(str(tekst or "").split())
