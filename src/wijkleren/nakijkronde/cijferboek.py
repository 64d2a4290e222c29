"""A class's results, read from nbgrader's gradebook and the autograded notebooks, as plain data.

Scores come from the gradebook (what a trainer sees in formgrader, manual grades included).
What a learner *chose* is not in the gradebook: it is the text of the answer cell, read from the
autograded notebook (or the submitted one) and interpreted with :mod:`wijkleren.eindopdracht.beoordelen`, the
grader's own reading, so the overview and the grades never disagree about an answer.

Which grade cell belongs to which casus: the grading key (:class:`~wijkleren.eindopdracht.beoordelen.Sleutel`)
that :mod:`wijkleren.eindopdracht.maken` writes into each hidden test, and which nbgrader keeps in the
gradebook's copy of the source cell. Grade cells without a key (written answers) still count
in the scores.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from wijkleren.eindopdracht.beoordelen import Sleutel, sleutel_uit_bron
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE, grade_id
from wijkleren.nakijkronde.cursus import Cursus, controleer_opdracht


@dataclass(frozen=True)
class Vraag:
    """One grade cell of the assignment, with its grading key if it has one."""

    notitieboek: str
    naam: str  # grade_id of the grade cell
    max_punten: float
    sleutel: Sleutel | None = None


@dataclass(frozen=True)
class Leerling:
    """A learner as nbgrader's student record has it."""

    id: str
    voornaam: str = ""
    achternaam: str = ""
    email: str = ""
    lms_id: str = ""


@dataclass
class Inzending:
    """One learner's graded submission: scores per grade cell and the text of each answer cell."""

    student: str
    punten: dict[tuple[str, str], float | None] = field(default_factory=dict)  # (notebook, cell)
    totaal: float = 0.0
    max_totaal: float = 0.0
    boete: float = 0.0  # late submission penalty
    handwerk_open: bool = False  # a grade still needs manual grading
    antwoorden: dict[str, str | None] = field(default_factory=dict)  # answer cell id -> text


@dataclass
class Klasgegevens:
    """Everything the overview and the export need about one assignment."""

    opdracht: str
    vragen: list[Vraag]
    leerlingen: list[Leerling]
    inzendingen: list[Inzending]

    @property
    def max_totaal(self) -> float:
        return sum(v.max_punten for v in self.vragen)


def lees_vragen(gb, opdracht: str) -> list[Vraag]:
    """The grade cells of an assignment, in notebook order, each with its key (or None)."""
    vragen = []
    for nb in gb.find_assignment(opdracht).notebooks:
        bronnen = {sc.name: sc.source for sc in nb.source_cells}
        for cel in nb.grade_cells:
            sleutel = sleutel_uit_bron(bronnen.get(cel.name) or "")
            vragen.append(Vraag(nb.name, cel.name, float(cel.max_score), sleutel))
    return sorted(vragen, key=_volgorde)


def _volgorde(v: Vraag):
    """The order the learner sees: by casus number, category before kenmerken; others after."""
    if v.sleutel:
        return (v.notitieboek, 0, v.sleutel.nummer, v.sleutel.vraag != VRAAG_CATEGORIE, v.naam)
    return (v.notitieboek, 1, 0, False, v.naam)


def _tekst(waarde) -> str:
    return "" if waarde is None else str(waarde)


def _antwoorden(paden: list[Path], gezocht: set[str]) -> dict[str, str | None]:
    """The source of each answer cell (by nbgrader grade_id) in the first notebook that reads."""
    gevonden: dict[str, str | None] = {}
    for pad in paden:
        try:
            nb = nbformat.read(pad, as_version=4)
        except Exception:  # a broken notebook gives no answers, and no crash
            continue
        for cel in nb.cells:
            gid = grade_id(cel)
            if gid in gezocht and gid not in gevonden:
                gevonden[gid] = cel.get("source", "")
    return gevonden


def lees_klas(cursus: Cursus, opdracht: str) -> Klasgegevens:
    """The results of `opdracht`: learners, grade cells and the graded submissions."""
    from nbgrader.api import Gradebook

    controleer_opdracht(cursus, opdracht)
    cd = cursus.coursedir
    with Gradebook(cursus.db_url, cd.course_id) as gb:
        vragen = lees_vragen(gb, opdracht)
        leerlingen = [
            Leerling(s.id, _tekst(s.first_name), _tekst(s.last_name), _tekst(s.email), _tekst(s.lms_user_id))
            for s in sorted(gb.students, key=lambda s: s.id)
        ]
        antwoordcellen = {v.sleutel.antwoordcel for v in vragen if v.sleutel}
        inzendingen = []
        for sub in sorted(gb.assignment_submissions(opdracht), key=lambda s: s.student_id):
            punten: dict[tuple[str, str], float | None] = {}
            for snb in sub.notebooks:
                for g in snb.grades:
                    geen = g.auto_score is None and g.manual_score is None
                    punten[(snb.notebook.name, g.cell.name)] = None if geen else float(g.score)
            if all(p is None for p in punten.values()):
                continue  # submitted, but not (yet) graded
            paden = []
            for stap in (cd.autograded_directory, cd.submitted_directory):
                map_ = cursus.pad(stap, sub.student_id, opdracht)
                paden += [map_ / f"{nb.name}.ipynb" for nb in sub.assignment.notebooks]
            inzendingen.append(
                Inzending(
                    student=sub.student_id,
                    punten=punten,
                    totaal=float(sub.score),
                    max_totaal=float(sub.max_score),
                    boete=float(sub.late_submission_penalty or 0.0),
                    handwerk_open=bool(sub.needs_manual_grade),
                    antwoorden=_antwoorden([p for p in paden if p.exists()], antwoordcellen),
                )
            )
    return Klasgegevens(opdracht, vragen, leerlingen, inzendingen)
