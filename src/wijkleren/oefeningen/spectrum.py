"""The spectrum exercise "Van generiek naar specifiek": the approaches to place, and their feedback.

The approaches are data (``data/spectrum.yaml``), each with its place on the RMO spectrum
(generiek, tussenin, specifiek) and why. :func:`spectrum_item` gives the component one of them
with its feedback per choice; the exercise's own settings are in :mod:`.oefendata`.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from wijkleren.casussen.bank import lees_yaml

SPECTRUM_BESTAND = Path(__file__).parent / "data" / "spectrum.yaml"

Positie = Literal["generiek", "tussenin", "specifiek"]
POSITIES: dict[str, dict[str, str]] = {
    "generiek": {"naam": "Generiek", "plek": "aan de generieke kant"},
    "tussenin": {"naam": "Tussenin", "plek": "tussen de twee uitersten in"},
    "specifiek": {"naam": "Specifiek", "plek": "aan de specifieke kant"},
}
_SPECTRUM_GOED = "Goed. Deze aanpak ligt {plek}."
_SPECTRUM_FOUT = "Niet goed. Je koos: {gekozen}. Deze aanpak ligt {plek}."


class SpectrumItem(BaseModel):
    """One approach to place on the RMO spectrum, with its place and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[A-Za-z0-9_-]{1,40}$")
    titel: str = Field(min_length=3, max_length=120)
    tekst: str = Field(min_length=40)
    positie: Positie
    uitleg: str = Field(min_length=20)


@cache
def spectrum_items(pad: Path = SPECTRUM_BESTAND) -> tuple[SpectrumItem, ...]:
    """The spectrum exercise's approaches; a file error names the file, the item and the field."""
    data, _ = lees_yaml(pad)
    items = []
    for nr, ruw in enumerate(data or []):
        try:
            items.append(SpectrumItem.model_validate(ruw))
        except Exception as fout:
            wie = ruw.get("id") if isinstance(ruw, dict) else None
            raise ValueError(f"{pad}: aanpak '{wie or nr + 1}': {fout}") from None
    if len({i.id for i in items}) != len(items):
        raise ValueError(f"{pad}: een id komt twee keer voor")
    return tuple(items)


def spectrum_item(item: SpectrumItem) -> dict:
    """One approach as the component shows it: its text, the right place and the feedback per choice."""
    plek = POSITIES[item.positie]["plek"]
    feedback = {
        p: _SPECTRUM_GOED.format(plek=plek)
        if p == item.positie
        else _SPECTRUM_FOUT.format(gekozen=v["naam"].lower(), plek=plek)
        for p, v in POSITIES.items()
    }
    return {
        "id": item.id,
        "titel": item.titel,
        "tekst": item.tekst.strip(),
        "uitleg": item.uitleg.strip(),
        "goed": item.positie,
        "feedback": feedback,
        "gemist": [],
        "valkuil": None,
        "bewijs": [],
        "misvatting": {},
    }
