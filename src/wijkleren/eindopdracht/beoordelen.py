"""Scoring the final assignment's answers against the grading key, with a Dutch explanation.

Nothing here executes learner code: the answer is read as text by
:mod:`wijkleren.eindopdracht.antwoorden` and its words recognised by
:mod:`wijkleren.eindopdracht.herkennen`. The grading key of a question (:class:`Sleutel`) is written
into the hidden test of the assignment's source notebook by :mod:`wijkleren.eindopdracht.deel1`;
nbgrader keeps it in the gradebook and strips it from the learner's copy.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

from wijkleren.casussen.beslisregel import beslis, uitkomst_deel, uitleg_uitkomst
from wijkleren.casussen.domein import CATEGORIE_NAAM, KENMERK, KENMERK_CODES
from wijkleren.eindopdracht.antwoorden import Antwoord, gewone_tekst, lees_antwoord
from wijkleren.eindopdracht.formaat import (
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    SLEUTEL_NAAM,
    VRAAG_CATEGORIE,
    VRAAG_KENMERKEN,
)
from wijkleren.eindopdracht.herkennen import herken_codes, kenmerknamen, vormmeldingen

# Scoring that rewards judgement (book/08_eindopdracht.md explains it to learners):
# - vraag a, the category: PUNTEN_CATEGORIE when it is right;
# - vraag b, the kenmerken: PUNTEN_KENMERKEN when the learner's kenmerken lead, through the
#   decision rule, to the same decisive kenmerk as the casus (and so to the same category and
#   kind). Kenmerken after the decisive one do not change the outcome and do not count.
# Any fixed answer (one category, and always the same kenmerken: all, none, the five
# gebiedsgericht ones) leads to one outcome, and each outcome belongs to one category; on a
# set with as many casussen of each category it earns at most a third of the points.
# (PUNTEN_CATEGORIE and PUNTEN_KENMERKEN are in wijkleren.eindopdracht.formaat.)


# --- the grading key and the result of one question ------------------------------------------


@dataclass(frozen=True)
class Sleutel:
    """The grading key of one autograded question, kept in the hidden test of the source notebook."""

    casus: str
    vraag: str  # VRAAG_CATEGORIE or VRAAG_KENMERKEN
    antwoordcel: str  # grade_id of the cell with the learner's answer
    nummer: int  # the casus number the learner sees
    titel: str
    label: str
    kenmerken: tuple[str, ...]
    uitleg: str = ""

    def als_dict(self) -> dict:
        return {
            "casus": self.casus,
            "vraag": self.vraag,
            "antwoordcel": self.antwoordcel,
            "nummer": self.nummer,
            "titel": self.titel,
            "label": self.label,
            "kenmerken": list(self.kenmerken),
            "uitleg": self.uitleg,
        }

    @property
    def max_punten(self) -> int:
        return PUNTEN_CATEGORIE if self.vraag == VRAAG_CATEGORIE else PUNTEN_KENMERKEN


def sleutel_uit_bron(bron) -> Sleutel | None:
    """The key in a (trusted) grade cell's source: the line ``WIJKLEREN_SLEUTEL = {...}``."""
    for regel in gewone_tekst(bron).splitlines():
        if not regel.startswith(SLEUTEL_NAAM):
            continue
        try:
            d = ast.literal_eval(regel.split("=", 1)[1].strip())
            return Sleutel(
                casus=str(d["casus"]),
                vraag=str(d["vraag"]),
                antwoordcel=str(d["antwoordcel"]),
                nummer=int(d["nummer"]),
                titel=str(d["titel"]),
                label=str(d["label"]),
                kenmerken=tuple(str(k) for k in d["kenmerken"]),
                uitleg=str(d.get("uitleg", "")),
            )
        except (ValueError, SyntaxError, KeyError, TypeError, IndexError):
            return None
    return None


@dataclass(frozen=True)
class Beoordeling:
    """The score and the Dutch explanation of one autograded question."""

    sleutel: Sleutel
    punten: float
    gegeven: tuple[str, ...]  # recognised codes, in the order given
    onbekend: tuple[str, ...]  # words we do not know
    vorm: tuple[str, ...]  # notes on the form (also shown by the self-check)
    uitleg: tuple[str, ...]  # sentences on content: right or wrong, and why
    per_kenmerk: tuple[tuple[str, bool, bool], ...] = field(default=())  # (code, in casus, ticked)

    @property
    def max_punten(self) -> int:
        return self.sleutel.max_punten

    @property
    def goed(self) -> bool:
        return self.punten == self.max_punten


def _geen_antwoord(antwoord: Antwoord | None) -> str | None:
    if antwoord is None:
        return "De cel met je antwoord ontbreekt. Je kreeg voor deze vraag geen punten."
    if antwoord.leeg:
        return "Je hebt hier geen antwoord gegeven."
    if not antwoord.leesbaar:
        return "Je antwoord was niet te lezen als woorden. Je kreeg voor deze vraag geen punten."
    return None


def _uitleg_casus(sleutel: Sleutel) -> str:
    return uitleg_uitkomst(beslis(sleutel.kenmerken))


def beoordeel(bron, sleutel: Sleutel) -> Beoordeling:
    """Score one answer (the text of its cell, or None if the cell is missing) against its key."""
    antwoord = None if bron is None else lees_antwoord(bron)
    if sleutel.vraag == VRAAG_CATEGORIE:
        return _beoordeel_categorie(antwoord, sleutel)
    return _beoordeel_kenmerken(antwoord, sleutel)


def _beoordeel_categorie(antwoord: Antwoord | None, sleutel: Sleutel) -> Beoordeling:
    vorm = tuple(vormmeldingen(antwoord, VRAAG_CATEGORIE)) if antwoord and not antwoord.leeg else ()
    reden = _geen_antwoord(antwoord)
    codes, onbekend, _ = herken_codes(antwoord, VRAAG_CATEGORIE) if reden is None else ([], [], False)
    juist = CATEGORIE_NAAM[sleutel.label]
    if reden is None and len(codes) == 1 and not onbekend:
        gekozen = codes[0]
        if gekozen == sleutel.label:
            uitleg = (f"Goed. {_uitleg_casus(sleutel)}",)
            return Beoordeling(sleutel, float(PUNTEN_CATEGORIE), tuple(codes), (), vorm, uitleg)
        uitleg = (
            f"Niet goed. Je koos: {CATEGORIE_NAAM[gekozen]}. Het goede antwoord is: {juist}.",
            _uitleg_casus(sleutel),
        )
        return Beoordeling(sleutel, 0.0, tuple(codes), (), vorm, uitleg)
    if reden is None:
        reden = (
            "Je gaf meer dan één antwoord. Daarvoor krijg je geen punten."
            if len(codes) > 1 or (codes and onbekend)
            else "We konden je antwoord niet herkennen. Daarvoor krijg je geen punten."
        )
    uitleg = (reden, f"Het goede antwoord is: {juist}.", _uitleg_casus(sleutel))
    return Beoordeling(sleutel, 0.0, tuple(codes), tuple(onbekend), vorm, uitleg)


def _beoordeel_kenmerken(antwoord: Antwoord | None, sleutel: Sleutel) -> Beoordeling:
    """Vraag b: the points go to the judgement that decides. The learner's kenmerken are run
    through the decision rule; they score when they reach the casus' own decisive kenmerk."""
    reden = _geen_antwoord(antwoord)
    in_casus = set(sleutel.kenmerken)
    juist = beslis(sleutel.kenmerken)
    if reden is not None:
        per = tuple((k, k in in_casus, False) for k in KENMERK_CODES)
        aanwezig = kenmerknamen([k for k in KENMERK_CODES if k in in_casus]) or "geen enkel kenmerk"
        uitleg = (reden, f"In deze casus staan deze kenmerken: {aanwezig}.", _uitleg_casus(sleutel))
        return Beoordeling(sleutel, 0.0, (), (), (), uitleg, per)
    codes, onbekend, _ = herken_codes(antwoord, VRAAG_KENMERKEN)
    vorm = tuple(vormmeldingen(antwoord, VRAAG_KENMERKEN))
    gekozen = set(codes)
    per = tuple((k, k in in_casus, k in gekozen) for k in KENMERK_CODES)
    jouw = beslis(gekozen)
    goed = jouw.beslissend == juist.beslissend and jouw.categorie == juist.categorie
    if goed:
        zinnen = [
            "Goed. Met jouw kenmerken komt de beslisregel uit bij hetzelfde kenmerk als bij deze "
            f"casus. De uitkomst is {uitkomst_deel(juist)}."
        ]
    else:
        zinnen = [
            f"Niet goed. Met jouw kenmerken is de uitkomst van de beslisregel {uitkomst_deel(jouw)}.",
            f"Bij deze casus is de uitkomst {uitkomst_deel(juist)}.",
        ]
    # Which judgements the rule used: the steps up to and including the decisive kenmerk.
    stappen = [code for code, _ in juist.stappen]
    gemist = [k for k in stappen if k in in_casus and k not in gekozen]
    teveel = [k for k in stappen if k not in in_casus and k in gekozen]
    if gemist:
        zinnen.append(
            f"Deze kenmerken staan wel in de casus, maar je noemde ze niet: {kenmerknamen(gemist)}."
        )
    if teveel:
        zinnen.append(f"Dit kenmerk noemde je, maar het staat niet in de casus: {kenmerknamen(teveel)}.")
    if juist.beslissend:
        zinnen.append(
            f"Het kenmerk dat de doorslag geeft: {KENMERK[juist.beslissend].naam.lower()}. "
            "Kenmerken die de beslisregel daarna nog zou vragen, tellen niet mee."
        )
    else:
        zinnen.append("Alle negen kenmerken staan in deze casus. Daarom is het een wijkaanpak.")
    punten = float(PUNTEN_KENMERKEN) if goed else 0.0
    return Beoordeling(sleutel, punten, tuple(codes), tuple(onbekend), vorm, tuple(zinnen), per)
