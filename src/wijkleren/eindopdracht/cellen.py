"""The cells of a source notebook, with nbgrader's metadata: the building blocks of both parts.

A read-only cell (question or text), an answer cell of deel 1, a written answer of deel 2, a grade
cell with the grading key in its hidden test, the self-check cells at the end, and the notebook
with Wijkleren's own metadata. The names and markers come from :mod:`wijkleren.eindopdracht.formaat`.
"""

from __future__ import annotations

from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from wijkleren.eindopdracht.beoordelen import Sleutel
from wijkleren.eindopdracht.formaat import (
    BEGIN_VERBORGEN,
    CONTROLE,
    CONTROLE_UITLEG,
    EINDE_VERBORGEN,
    INLEVEREN,
    NBGRADER,
    SLEUTEL_NAAM,
    VRAAG_CATEGORIE,
    WIJKLEREN,
    cel_id,
    nbgrader_metadata,
)


def _meta(grade_id: str, **soort) -> dict:
    return {NBGRADER: nbgrader_metadata(grade_id, **soort)}


def maak_leescel(grade_id: str, tekst: str, code: bool = False):
    """A read-only cell (Markdown, or code with `code`): an intro, a casus, a question."""
    maak = new_code_cell if code else new_markdown_cell
    cel = maak(tekst, metadata=_meta(grade_id, locked=True), id=cel_id(grade_id))
    return cel


def maak_antwoordcel(grade_id: str, tekst: str):
    """An answer cell of deel 1: a code cell with the model answer in a solution region."""
    return new_code_cell(tekst, metadata=_meta(grade_id, solution=True), id=cel_id(grade_id))


def maak_schrijfcel(grade_id: str, model: str, punten: int):
    """A written answer of deel 2: a Markdown cell, graded by hand, with the model answer."""
    meta = _meta(grade_id, grade=True, solution=True, points=punten)
    return new_markdown_cell(model, metadata=meta, id=cel_id(grade_id))


def maak_nakijkcel(grade_id: str, sleutel: Sleutel):
    """The grade cell under an answer of deel 1: the grading key in a hidden test."""
    bron = (
        f"# Deze cel gebruikt de computer bij het nakijken van vraag {sleutel.nummer}"
        f"{'a' if sleutel.vraag == VRAAG_CATEGORIE else 'b'}. Je hoeft hier niets te doen.\n"
        f"{BEGIN_VERBORGEN}\n"
        f"{SLEUTEL_NAAM} = {sleutel.als_dict()!r}\n"
        "# Wordt deze cel uitgevoerd, dan ontbreekt de nakijkstap van wijkleren: geen punten.\n"
        'raise AssertionError("Nakijken kan alleen met exercises/nbgrader_config.py van wijkleren.")\n'
        f"{EINDE_VERBORGEN}"
    )
    meta = _meta(grade_id, grade=True, locked=True, points=sleutel.max_punten)
    return new_code_cell(bron, metadata=meta, id=cel_id(grade_id))


def maak_notitieboek(opdracht: str, cellen: list, antwoordcellen: list[dict]):
    """The source notebook of `opdracht`, with the list of answer cells for the self-check."""
    nb = new_notebook(cells=cellen)
    nb.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    nb.metadata["language_info"] = {"name": "python"}
    # For the self-check: which answers to expect. Not secret: it names cells, not answers.
    nb.metadata[WIJKLEREN] = {"opdracht": opdracht, "antwoordcellen": antwoordcellen}
    return nb


def controlecellen(opdracht: str) -> list:
    """The last cells of both parts: how to check, the check itself, how to hand in."""
    uitleg = (
        "## Controleer je antwoorden\n\n"
        "Ben je klaar? Sla eerst je werk op: druk op **Ctrl + S**. "
        "Klik dan op de grijze cel hieronder en druk op **Shift + Enter**.\n\n"
        "De controle kijkt alleen naar de **vorm** van je antwoorden. Ze zegt bijvoorbeeld dat je "
        "een antwoord vergeten bent, of dat de computer een woord niet kent. "
        "Ze zegt **niet** of je antwoord goed is. Dat hoor je na het nakijken.\n\n"
        "Let op: de knop *Validate* van nbgrader kijkt niet naar je antwoorden. Gebruik deze controle."
    )
    code = (
        f"from wijkleren.eindopdracht.zelfcontrole import controleer\n\ncontroleer({opdracht + '.ipynb'!r})"
    )
    inleveren = (
        "## Inleveren\n\n"
        "Sla je werk op. Lever het notitieboek in zoals je trainer heeft uitgelegd. "
        f"Verander de naam van het bestand niet: het heet `{opdracht}.ipynb`."
    )
    return [
        maak_leescel(CONTROLE_UITLEG, uitleg),
        maak_leescel(CONTROLE, code, code=True),
        maak_leescel(INLEVEREN, inleveren),
    ]
