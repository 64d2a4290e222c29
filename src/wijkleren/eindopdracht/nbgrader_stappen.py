"""The nbgrader preprocessors of Wijkleren's grading, switched on in ``exercises/nbgrader_config.py``.

- :class:`HerstelCellen` (autograde, first sanitize step): every cell's nbgrader metadata is made
  equal to the gradebook's, so edited flags, points or ids in a submission count for nothing.
- :class:`BeoordeelAntwoorden` (autograde, instead of executing the notebook): scores each
  autograded question from the *text* of its answer cell with :mod:`wijkleren.eindopdracht.beoordelen`, and
  writes the score as the test cell's output, where nbgrader's ``SaveAutoGrades`` reads it.
  Learner code is never run, so nothing it could do (redefining helpers, ``sys.modules``,
  ``builtins``, exiting or killing the kernel, endless loops, writing files) changes a score.
- :class:`SchoonInlevering` (autograde, last step; and the Formgrader, before it renders): keeps
  only what the course put in a notebook and the computer's own outputs: no attachments, no
  learner metadata, no HTML or script outputs, no raw cells that render.

The trainer's Formgrader page is :mod:`wijkleren.eindopdracht.formgrader`; the learner's feedback
(``generate_feedback``) is :mod:`wijkleren.eindopdracht.feedback`, which reads the gradebook with
:class:`Bronnotitieboek` as these steps do.
"""

from __future__ import annotations

import re

from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output
from nbgrader.api import Gradebook
from nbgrader.preprocessors import NbGraderPreprocessor

from wijkleren.eindopdracht.antwoorden import gewone_tekst
from wijkleren.eindopdracht.beoordelen import Sleutel, beoordeel, sleutel_uit_bron
from wijkleren.eindopdracht.formaat import (
    HERSTELD,
    NBGRADER,
    NBGRADER_SCHEMA,
    WIJKLEREN,
    cel_id,
    nbgrader_gegevens,
)
from wijkleren.eindopdracht.formaat import grade_id as _grade_id


class Bronnotitieboek:
    """What the gradebook knows about one notebook of an assignment: the trusted cells."""

    def __init__(self, gb: Gradebook, notebook_id: str, assignment_id: str):
        notebook = gb.find_notebook(notebook_id, assignment_id)
        # nbgrader stores the cells in notebook order, and relies on that itself (add_missing_cells).
        self.volgorde = [c.name for c in notebook.source_cells]
        self.cellen = {
            c.name: (c.cell_type, bool(c.locked), c.source, c.checksum) for c in notebook.source_cells
        }
        self.punten = {c.name: float(c.max_score) for c in notebook.grade_cells}
        self.punten.update({c.name: float(c.max_score) for c in notebook.task_cells})
        self.grade = {c.name for c in notebook.grade_cells}
        self.solution = {c.name for c in notebook.solution_cells}
        self.task = {c.name for c in notebook.task_cells}

    def metadata(self, gid: str) -> dict:
        cell_type, locked, _, checksum = self.cellen[gid]
        meta = {
            "grade": gid in self.grade,
            "grade_id": gid,
            "locked": locked,
            "schema_version": NBGRADER_SCHEMA,
            "solution": gid in self.solution,
            "task": gid in self.task,
            "cell_type": cell_type,
            "checksum": checksum,
        }
        if gid in self.punten:
            meta["points"] = self.punten[gid]
        return meta

    def sleutels(self) -> dict[str, Sleutel | None]:
        """The autograded test cells, each with the key in its hidden test (None if unreadable)."""
        return {
            gid: sleutel_uit_bron(self.cellen[gid][2])
            for gid in self.grade
            if gid in self.cellen and gid not in self.solution and self.cellen[gid][0] == "code"
        }


def nbgrader_ids(resources) -> tuple[str, str, str]:
    """The notebook, the assignment and the gradebook's URL that nbgrader passes to a step."""
    info = resources["nbgrader"]
    return info["notebook"], info["assignment"], info["db_url"]


def _nieuwe_cel(nb: NotebookNode, gid: str, cell_type: str, tekst: str, meta: dict):
    maak = new_code_cell if cell_type == "code" else new_markdown_cell
    # HERSTELD in wijkleren's cell metadata: the cell was missing and was put back.
    cel = maak(tekst, metadata={NBGRADER: meta, WIJKLEREN: {HERSTELD: True}})
    if nb.get("nbformat", 4) == 4 and nb.get("nbformat_minor", 0) >= 5:
        bezet = {c.get("id") for c in nb.cells}
        cel["id"] = next(
            f"{cel_id(gid)}-{i}" for i in range(len(nb.cells) + 1) if f"{cel_id(gid)}-{i}" not in bezet
        )
    else:
        cel.pop("id", None)
    return cel


class HerstelCellen(NbGraderPreprocessor):
    """Make the submission's nbgrader cells match the gradebook.

    Metadata of known cells is replaced by the gradebook's; metadata with an unknown or repeated
    id is removed (the last copy counts, as in nbgrader and in Python); cells that are missing
    are put back from the gradebook, marked ``wijkleren.hersteld``. nbgrader's own
    ``add_missing_cells`` is not used: it fails when a cell's neighbour is gone too.
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        notebook_id, assignment_id, db_url = nbgrader_ids(resources)
        with Gradebook(db_url) as gb:
            bron = Bronnotitieboek(gb, notebook_id, assignment_id)
        gezien: set[str] = set()
        for cel in reversed(nb.cells):
            if not isinstance(cel.get("metadata"), dict):
                cel["metadata"] = NotebookNode()
            cel.metadata.pop(WIJKLEREN, None)
            if NBGRADER not in cel.metadata:
                continue
            gid = _grade_id(cel)
            if gid is None or gid not in bron.cellen or gid in gezien:
                self.log.warning(
                    "Cel met onbekende of dubbele nbgrader-gegevens (%r): gegevens verwijderd", gid
                )
                del cel.metadata[NBGRADER]
                continue
            gezien.add(gid)
            cel.metadata[NBGRADER] = NotebookNode(bron.metadata(gid))
        for i, gid in enumerate(bron.volgorde):
            if gid in gezien:
                continue
            self.log.warning("Cel %s ontbreekt in de inlevering: teruggezet", gid)
            cell_type, _, tekst, _ = bron.cellen[gid]
            vorige = next((v for v in reversed(bron.volgorde[:i]) if v in gezien), None)
            plek = 0
            if vorige is not None:
                plek = 1 + next(j for j, c in enumerate(nb.cells) if _grade_id(c) == vorige)
            nb.cells.insert(plek, _nieuwe_cel(nb, gid, cell_type, tekst, bron.metadata(gid)))
            gezien.add(gid)
        return nb, resources


def _uitvoer(tekst: str, punten: float) -> list:
    return [
        new_output("stream", name="stdout", text=tekst),
        new_output("execute_result", data={"text/plain": repr(float(punten))}, execution_count=None),
    ]


def antwoordbronnen(nb: NotebookNode) -> dict[str, str]:
    """The text of each answer cell (solution, not graded itself), by grade_id; first one wins."""
    bronnen: dict[str, str] = {}
    for cel in reversed(nb.cells):  # the last copy counts, as in HerstelCellen
        nbg = nbgrader_gegevens(cel)
        gid = _grade_id(cel)
        hersteld = isinstance(cel.metadata.get(WIJKLEREN), dict) and cel.metadata[WIJKLEREN].get(HERSTELD)
        if gid and nbg.get("solution") and gid not in bronnen and not hersteld:
            bronnen[gid] = gewone_tekst(cel.get("source", ""))
    return bronnen


def geschaald(punten: float, sleutel: Sleutel, max_score: float) -> float:
    """The score on the scale of the gradebook (a trainer may change a question's points)."""
    if sleutel.max_punten == max_score:
        return float(punten)
    return round(punten / sleutel.max_punten * max_score, 4)


class BeoordeelAntwoorden(NbGraderPreprocessor):
    """Score autograded questions from the answer cells' text, as test-cell outputs."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        notebook_id, assignment_id, db_url = nbgrader_ids(resources)
        with Gradebook(db_url) as gb:
            bron = Bronnotitieboek(gb, notebook_id, assignment_id)
        sleutels = bron.sleutels()
        antwoorden = antwoordbronnen(nb)
        gedaan: set[str] = set()
        for cel in nb.cells:
            gid = _grade_id(cel)
            if gid not in sleutels or gid in gedaan or cel.get("cell_type") != "code":
                continue
            gedaan.add(gid)
            sleutel = sleutels[gid]
            if sleutel is None:
                self.log.error("Nakijkcel %s heeft geen leesbare sleutel: 0 punten", gid)
                cel.outputs = [
                    new_output("error", ename="GeenSleutel", evalue="geen nakijksleutel", traceback=[])
                ]
                continue
            b = beoordeel(antwoorden.get(sleutel.antwoordcel), sleutel)
            punten = geschaald(b.punten, sleutel, bron.punten[gid])
            cel.outputs = _uitvoer("\n".join(b.vorm + b.uitleg) + "\n", punten)
            cel.execution_count = None
        ontbreekt = sorted(set(sleutels) - gedaan)
        if ontbreekt:
            # OverwriteCells.add_missing_cells puts deleted test cells back, so this means a broken setup.
            raise RuntimeError(f"Nakijkcellen ontbreken in het notitieboek: {', '.join(ontbreekt)}")
        return nb, resources


# Notebook and cell metadata nbconvert's templates may read; everything else a learner could add.
_NB_METADATA = ("kernelspec", "language_info")
_CEL_METADATA = (NBGRADER, WIJKLEREN)  # both set by HerstelCellen from the gradebook
_CEL_ID = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")
_VEILIGE_UITVOER = {"text/plain"}


class SchoonInlevering(NbGraderPreprocessor):
    """Keep only what the course put in a notebook and the computer's own outputs.

    Runs as the last autograde step (so the graded copy the Formgrader opens is clean) and in
    the Formgrader before it renders (so an older graded copy is clean too). The Markdown text
    itself stays as the learner wrote it: the feedback page shows it escaped, the Formgrader
    cleans it after rendering (:func:`schoon_html`).
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        meta = nb.get("metadata") if isinstance(nb.get("metadata"), dict) else {}
        nb["metadata"] = NotebookNode({k: meta[k] for k in _NB_METADATA if isinstance(meta.get(k), dict)})
        for k in _NB_METADATA:
            if k in nb.metadata:
                nb.metadata[k] = NotebookNode(
                    {n: w for n, w in nb.metadata[k].items() if isinstance(w, str | int | float)}
                )
        gezien: set[str] = set()
        for i, cel in enumerate(nb.cells):
            cel_meta = cel.get("metadata") if isinstance(cel.get("metadata"), dict) else {}
            cel["metadata"] = NotebookNode({k: cel_meta[k] for k in _CEL_METADATA if k in cel_meta})
            cel.pop("attachments", None)  # the Formgrader shows every attachment as an empty image
            if "id" in cel and (
                not isinstance(cel["id"], str) or not _CEL_ID.match(cel["id"]) or cel["id"] in gezien
            ):
                cel["id"] = f"cel-{i}"
            gezien.add(cel.get("id", ""))
            if not isinstance(cel.get("source"), str):
                bron = cel.get("source")
                cel["source"] = (
                    "".join(bron) if isinstance(bron, list) and all(isinstance(r, str) for r in bron) else ""
                )
            if cel.get("cell_type") == "code":
                cel["outputs"] = [_veilige_uitvoer(u) for u in cel.get("outputs", []) if _toegestaan(u)]
            elif cel.get("cell_type") not in ("markdown", "raw"):
                cel["cell_type"], cel["metadata"] = "raw", NotebookNode()
        return nb, resources


def _toegestaan(uitvoer) -> bool:
    return isinstance(uitvoer, dict) and uitvoer.get("output_type") in ("stream", "execute_result", "error")


def _veilige_uitvoer(uitvoer):
    if uitvoer.get("output_type") == "execute_result":
        data = uitvoer.get("data") if isinstance(uitvoer.get("data"), dict) else {}
        uitvoer["data"] = NotebookNode({k: v for k, v in data.items() if k in _VEILIGE_UITVOER})
        uitvoer["metadata"] = NotebookNode()
    return uitvoer
