"""The format of the final assignment's notebooks: the contract between its writer and its readers.

One writer, :mod:`wijkleren.eindopdracht.maken` (with ``trekken``, ``deel1``, ``deel2`` and ``cellen``),
makes the source notebooks; the readers are the grading steps
(:mod:`wijkleren.eindopdracht.nbgrader_stappen`, with ``antwoorden``, ``herkennen`` and ``beoordelen``),
the feedback (:mod:`wijkleren.eindopdracht.feedback`), the grading round's cell check
(:mod:`wijkleren.nakijkronde.celcontrole`), the learner's self-check
(:mod:`wijkleren.eindopdracht.zelfcontrole`), the class overview (:mod:`wijkleren.nakijkronde.cijferboek`,
:mod:`wijkleren.trainer.overzicht`) and the certificates. All of them take the names, patterns, markers
and points from here, and ``docs/formaat.md`` describes the same format in words (as nbgrader's
``metadata.rst`` does).
"""

from __future__ import annotations

import re

# --- the assignments and the kinds of question ------------------------------------------------

BEOORDELEN = "casussen_beoordelen"  # deel 1: per casus the category and the kenmerken
TOEPASSEN = "toepassen"  # deel 2: written answers, graded by the trainer
OPDRACHTEN = (BEOORDELEN, TOEPASSEN)
# Their titles, as the feedback page and the certificate name them.
TITELS = {BEOORDELEN: "Casussen beoordelen", TOEPASSEN: "Toepassen"}

# (VRAAG_KENMERKEN is a kind of question; domein.KENMERKEN are the nine kenmerken themselves.)
VRAAG_CATEGORIE = "categorie"  # vraag a of a casus in deel 1: graded as data
VRAAG_KENMERKEN = "kenmerken"  # vraag b of a casus in deel 1: graded as data
VRAAGSOORTEN = (VRAAG_CATEGORIE, VRAAG_KENMERKEN)
TEKST = "tekst"  # a written answer (deel 2), graded by hand

# --- points -----------------------------------------------------------------------------------

PUNTEN_CATEGORIE = 3
PUNTEN_KENMERKEN = 3
PUNTEN_UITLEG = 4  # each written question of deel 2 except the own municipality
PUNTEN_ADVIES = 4
PUNTEN_EIGEN_GEMEENTE = 6

# --- cell ids (nbgrader's grade_id; the nbformat cell id is the same with '-' for '_') ---------

INTRO = "intro"
CONTROLE_UITLEG, CONTROLE, INLEVEREN = "controle_uitleg", "controle", "inleveren"  # the self-check
ADVIES = "advies"  # deel 2: advies_vraag, advies_antwoord
EIGEN_GEMEENTE = "eigen_gemeente"  # deel 2: eigen_gemeente_vraag, eigen_gemeente_antwoord
VRAAG, ANTWOORD, PUNTEN = "_vraag", "_antwoord", "_punten"

# casus<n>_categorie and casus<n>_kenmerken: the answer cells of deel 1 (n from 1).
ANTWOORDCEL = re.compile(rf"^casus(?P<nummer>[1-9]\d*)_(?P<vraag>{VRAAG_CATEGORIE}|{VRAAG_KENMERKEN})$")


def casustekst(nummer: int) -> str:
    """The read-only cell with casus `nummer`'s title and text (deel 1)."""
    return f"casus{nummer}_tekst"


def antwoordcel(nummer: int, vraag: str) -> str:
    """The learner's answer cell of casus `nummer` for `vraag` (VRAAG_CATEGORIE or VRAAG_KENMERKEN)."""
    return f"casus{nummer}_{vraag}"


def vraagcel(basis: str) -> str:
    """The read-only question above an answer: casus1_categorie_vraag, toepassen1_vraag."""
    return f"{basis}{VRAAG}"


def nakijkcel(antwoord: str) -> str:
    """The grade cell (hidden test with the grading key) under answer cell `antwoord`."""
    return f"{antwoord}{PUNTEN}"


def schrijfcel(basis: str) -> str:
    """A written answer of deel 2: toepassen1_antwoord, advies_antwoord, eigen_gemeente_antwoord."""
    return f"{basis}{ANTWOORD}"


def toepassen(nummer: int) -> str:
    """The base name of written question `nummer` about a casus in deel 2."""
    return f"toepassen{nummer}"


def schrijfbasis(grade_id: str) -> str | None:
    """The base of a written answer's id (its question is ``vraagcel(base)``), else None."""
    return grade_id.removesuffix(ANTWOORD) if grade_id.endswith(ANTWOORD) else None


def cel_id(grade_id: str) -> str:
    """The nbformat cell id of a cell: its grade_id with '-' for '_'."""
    return grade_id.replace("_", "-")


# --- what the cells hold --------------------------------------------------------------------

# The first line of an answer cell: IPython shows the words as text when the learner runs the
# cell, so a plain-words answer never gives a Python error.
MAGIE = "%%markdown"
# What an answer cell holds under that line before the learner types (ClearSolutions.code_stub):
# running it shows the hint, and the reader treats it as no answer.
ANTWOORD_STUB = "(typ hier je antwoord)"
TEKST_STUB = "Schrijf hier je antwoord."  # a written answer's stub (ClearSolutions.text_stub)
MIN_WOORDEN = 40  # the self-check calls a written answer short below this

# nbgrader's own markers: the model answer, and the hidden test that holds the grading key.
BEGIN_OPLOSSING, EINDE_OPLOSSING = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_VERBORGEN, EINDE_VERBORGEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"
# The trainer's beoordelingsschema with anchors, in a question cell; nbgrader strips it for learners.
BEGIN_SCHEMA, EINDE_SCHEMA = "=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ==="
MARKSCHEMA = re.compile(rf"{re.escape(BEGIN_SCHEMA)}(.*?){re.escape(EINDE_SCHEMA)}", re.S)
# A paragraph of the mark scheme for the trainer only: never on a learner's feedback page.
VOOR_TRAINER = re.compile(r"^\W*voor de trainer\b", re.I)

# The grading key: one line ``WIJKLEREN_SLEUTEL = {...}`` (a dict literal with the fields of
# wijkleren.eindopdracht.beoordelen.Sleutel) in the hidden test of each grade cell of deel 1.
SLEUTEL_NAAM = "WIJKLEREN_SLEUTEL"

# --- metadata ---------------------------------------------------------------------------------

NBGRADER = "nbgrader"  # cell metadata of nbgrader
NBGRADER_SCHEMA = 3  # the schema_version of nbgrader 0.9
# Wijkleren's own metadata key: on the notebook {"opdracht": ..., "antwoordcellen": [{"id",
# "soort", "naam"}, ...]} for the self-check (it names cells, not answers); on a cell that the
# grading step put back from the gradebook {"hersteld": true}.
WIJKLEREN = "wijkleren"
HERSTELD = "hersteld"


def nbgrader_metadata(grade_id: str, *, grade=False, solution=False, locked=False, points=None) -> dict:
    """nbgrader's cell metadata (schema 3) for a cell of the source notebook."""
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": NBGRADER_SCHEMA,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return meta


def nbgrader_gegevens(cel) -> dict:
    """A cell's nbgrader metadata ({} if none), read without trusting the cell (a dict or NotebookNode)."""
    meta = cel.get("metadata") if isinstance(cel, dict) else None
    nbg = meta.get(NBGRADER) if isinstance(meta, dict) else None
    return nbg if isinstance(nbg, dict) else {}


def grade_id(cel) -> str | None:
    """The grade_id of a cell, or None."""
    gid = nbgrader_gegevens(cel).get("grade_id")
    return gid if isinstance(gid, str) else None
