"""The worksheet "Mijn wijk, mijn plan": a learner judges a plan of their own municipality.

The data file (``data/mijn_plan.yaml``) holds the fields that describe the plan, one question per
kenmerk and three reflection questions. The threshold per kenmerk (what is enough, what is not) is
not in that file: it comes from :data:`wijkleren.casussen.domein.KENMERKEN` by code, so it has one source.
The rule's outcome is worked out in the component from the ticked kenmerken, by walking the same
path the beslisregel exercise walks (``regel`` and ``alle_ja``, made by :mod:`.regelpad`).
Nothing a learner types leaves the browser.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from wijkleren.casussen.domein import KENMERK, KENMERK_CODES, KENMERKEN
from wijkleren.oefeningen.leerdata import LeerdataFout, laad, plat
from wijkleren.oefeningen.regelpad import regeldata

BESTAND = Path(__file__).parent / "data" / "mijn_plan.yaml"
AANTAL_REFLECTIE = 3

# Every label and sentence the component shows, besides the worksheet's own texts.
TEKSTEN: dict[str, str] = {
    "plan_kop": "Je plan",
    "kenmerken_kop": "De kenmerken van je plan",
    "kenmerken_uitleg": (
        "Lees bij elk kenmerk de vraag en wat genoeg is. Vink het kenmerk aan als je plan het heeft, "
        "en schrijf erbij waar je dat ziet."
    ),
    "aanwezig": "Dit kenmerk heeft mijn plan",
    "toelichting": "Waar zie je dat in je plan?",
    "drempel": "Genoeg is: {genoeg}. Niet genoeg is: {niet_genoeg}.",
    "uitkomst_kop": "Wat zegt de beslisregel?",
    "uitkomst": "Met jouw antwoorden wijst de beslisregel naar: {naam}.",
    "beslissend": "Het kenmerk dat de doorslag geeft: {naam}.",
    "alle_negen": "Je plan heeft alle negen kenmerken.",
    "reflectie_kop": "Terugkijken op je plan",
    "afdrukken": "Druk af of bewaar als pdf",
    "opslaan": "Bewaar als bestand",
    "openen": "Open een bewaard werkblad",
    "openen_fout": "Dit bestand is geen bewaard werkblad. Kies het bestand dat je eerder hebt bewaard.",
    "wissen": "Maak het werkblad leeg",
    "wissen_vraag": "Wil je echt alles wissen wat je hebt ingevuld?",
    "wissen_ja": "Ja, wis alles",
    "wissen_nee": "Nee, ga verder",
    "privacy": "Wat je hier invult, blijft in deze browser. Er gaat niets naar internet.",
}


class Veld(BaseModel):
    """One field that describes the plan (its name, area, a short description)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    label: str = Field(min_length=3, max_length=80)
    hulp: str = Field(min_length=10, max_length=400)
    regels: int = Field(ge=1, le=12)


class Vraag(BaseModel):
    """The question per kenmerk, about the learner's own plan."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kenmerk: str
    vraag: str = Field(min_length=10, max_length=300)


class Reflectie(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    vraag: str = Field(min_length=10, max_length=600)


class Werkblad(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]{1,40}$")
    titel: str = Field(min_length=3, max_length=80)
    inleiding: str = Field(min_length=20, max_length=1500)
    velden: tuple[Veld, ...] = Field(min_length=1, max_length=8)
    kenmerken: tuple[Vraag, ...]
    reflectie: tuple[Reflectie, ...]

    @model_validator(mode="after")
    def _compleet(self):
        codes = [v.kenmerk for v in self.kenmerken]
        onbekend = [c for c in codes if c not in KENMERK_CODES]
        if onbekend:
            raise ValueError(f"onbekende kenmerken: {', '.join(onbekend)}")
        if codes != list(KENMERK_CODES):
            raise ValueError(
                "elk kenmerk staat er één keer in, in de volgorde van de beslisregel: "
                + ", ".join(KENMERK_CODES)
            )
        if len(self.reflectie) != AANTAL_REFLECTIE:
            raise ValueError(f"er horen {AANTAL_REFLECTIE} reflectievragen in, niet {len(self.reflectie)}")
        for wat, ids in (
            ("veld", [v.id for v in self.velden]),
            ("reflectievraag", [r.id for r in self.reflectie]),
        ):
            if len(set(ids)) != len(ids):
                raise ValueError(f"het id van een {wat} komt twee keer voor")
        return self


@functools.cache
def laad_werkblad(pad: Path = BESTAND) -> Werkblad:
    """The worksheet, validated; LeerdataFout (Dutch) when it is not usable."""
    return laad(pad, Werkblad)


def werkblad_data(pad: Path = BESTAND) -> dict:
    """The worksheet as JSON for the component.

    ``kenmerken`` holds per kenmerk (in the rule's order) its code, name, group, the question
    about the learner's plan, the threshold from domein (``genoeg``, ``niet_genoeg``) and the hint
    sentence made from it. ``regel`` and ``alle_ja`` are the rule's path as in the beslisregel
    exercise: walk the kenmerken in order; the first one not ticked ends the path at its ``nee``
    (category, name, sentence); all ticked ends at ``alle_ja``.
    """
    w = laad_werkblad(pad)
    vragen = {v.kenmerk: plat(v.vraag) for v in w.kenmerken}
    return {
        "id": w.id,
        "titel": w.titel,
        "inleiding": plat(w.inleiding),
        "velden": [
            {"id": v.id, "label": v.label, "hulp": plat(v.hulp), "regels": v.regels} for v in w.velden
        ],
        "kenmerken": [
            {
                "code": k.code,
                "naam": k.naam,
                "groep": k.groep,
                "vraag": vragen[k.code],
                "genoeg": KENMERK[k.code].genoeg,
                "niet_genoeg": KENMERK[k.code].niet_genoeg,
                "hint": TEKSTEN["drempel"].format(genoeg=k.genoeg, niet_genoeg=k.niet_genoeg),
            }
            for k in KENMERKEN
        ],
        **regeldata(),
        "reflectie": [{"id": r.id, "vraag": plat(r.vraag)} for r in w.reflectie],
        "teksten": dict(TEKSTEN),
    }


__all__ = ["LeerdataFout", "Werkblad", "laad_werkblad", "werkblad_data"]
