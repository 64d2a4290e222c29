"""Grades as CSV for the organisation's learning platform: Moodle's grade import and Canvas's gradebook.

Learners come from nbgrader's student records (``nbgrader db student add`` or the formgrader);
the score of an assignment is what ``nbgrader export`` calls *score*: the points minus the late
penalty, at least 0. A learner without a graded submission gets an empty cell, so the platform
leaves that grade alone instead of entering a 0.

Column mapping (the README and the trainers' chapter explain it too):

Moodle (Cijfers > Importeren > CSV-bestand): ``Username`` = nbgrader student id,
``ID number`` = nbgrader's ``lms_user_id``, ``Email address`` = email, ``First name``,
``Last name``, then one column per assignment, headed by its name. On import, choose under
*Identify user by* which column to match ("Map from") with which Moodle field ("Map to":
username, ID number or email address), and map each assignment column to a grade item.

Canvas (Grades > Import): the header Canvas itself exports, ``Student`` ("Achternaam,
Voornaam"), ``ID`` = ``lms_user_id`` (the Canvas user id), ``SIS User ID`` (empty),
``SIS Login ID`` = nbgrader student id, ``Section`` (empty), then one column per assignment
and a ``Points Possible`` row with the maximum. Canvas matches a learner by ID, then SIS
Login ID, then name; an assignment by its name, or creates it.

After each assignment's score column comes its result column (the pass mark of
:mod:`wijkleren.eindopdracht.cesuur`), headed ``<opdracht> resultaat (voldoende vanaf 48 van 72)``, so the
maximum and the pass mark are in the file: ``voldoende``, ``onvoldoende``, ``nog open`` (hand
grading not done) or empty (nothing graded). Moodle: map it to the grade item's feedback, or
ignore it. Canvas: its ``Points Possible`` cell stays empty; in the import preview choose to
ignore the column, or make it a "Voldaan/Niet voldaan" assignment by hand.

Numbers use a decimal point; the files are UTF-8 with a comma between fields.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from wijkleren.eindopdracht.cesuur import OPEN, grens, kort
from wijkleren.nakijkronde.cursus import Cursus, CursusFout

MOODLE = "moodle"
CANVAS = "canvas"
FORMATEN = (MOODLE, CANVAS)

MOODLE_KOLOMMEN = ("Username", "ID number", "Email address", "First name", "Last name")
CANVAS_KOLOMMEN = ("Student", "ID", "SIS User ID", "SIS Login ID", "Section")
CANVAS_MAXIMUM = "Points Possible"


@dataclass
class Regel:
    """One learner with a score per assignment (None: no submission)."""

    id: str
    voornaam: str
    achternaam: str
    email: str
    lms_id: str
    scores: dict[str, float | None] = field(default_factory=dict)
    handwerk_open: set[str] = field(default_factory=set)  # assignments still to grade by hand
    niet_nagekeken: set[str] = field(default_factory=set)  # handed in, no grades at all


@dataclass
class Cijferlijst:
    opdrachten: list[str]
    maxima: dict[str, float]
    regels: list[Regel]

    @property
    def handwerk_open(self) -> int:
        return sum(1 for r in self.regels if r.handwerk_open)

    @property
    def niet_nagekeken(self) -> int:
        return sum(1 for r in self.regels if r.niet_nagekeken)


def lees_cijferlijst(cursus: Cursus, opdrachten: list[str] | None = None) -> Cijferlijst:
    """Learners and scores from the gradebook, for the given assignments (default: all)."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(cursus.db_url, cursus.coursedir.course_id) as gb:
        bekend = [a.name for a in gb.assignments]
        if opdrachten:
            onbekend = [o for o in opdrachten if o not in bekend]
            if onbekend:
                raise CursusFout(
                    f"Deze opdrachten staan niet in het cijferboek: {', '.join(onbekend)}. "
                    f"Bekend: {', '.join(bekend) or 'geen'}."
                )
        gekozen = opdrachten or bekend
        maxima = {o: float(gb.find_assignment(o).max_score) for o in gekozen}
        regels = []
        for s in sorted(gb.students, key=lambda s: s.id):
            r = Regel(s.id, s.first_name or "", s.last_name or "", s.email or "", s.lms_user_id or "")
            for o in gekozen:
                try:
                    sub = gb.find_submission(o, s.id)
                except MissingEntry:
                    r.scores[o] = None
                    continue
                cijfers = [g for nb in sub.notebooks for g in nb.grades]
                if all(g.auto_score is None and g.manual_score is None for g in cijfers):
                    r.scores[o] = None  # handed in, but not graded (yet): no grade for the platform
                    r.niet_nagekeken.add(o)
                    continue
                r.scores[o] = max(0.0, float(sub.score) - float(sub.late_submission_penalty or 0.0))
                if sub.needs_manual_grade:
                    r.handwerk_open.add(o)
            regels.append(r)
    return Cijferlijst(list(gekozen), maxima, regels)


def getal(waarde: float | None) -> str:
    """A score as the platforms read it: '12', '12.5', '' for none."""
    if waarde is None:
        return ""
    return f"{waarde:.2f}".rstrip("0").rstrip(".")


def _csv(rijen: list[list[str]]) -> str:
    uit = io.StringIO()
    csv.writer(uit, lineterminator="\r\n").writerows(rijen)
    return uit.getvalue()


def resultaat_kop(opdracht: str, maximum: float) -> str:
    """The header of an assignment's result column, with the pass mark and the maximum."""
    return f"{opdracht} resultaat (voldoende vanaf {getal(grens(opdracht, maximum))} van {getal(maximum)})"


def _koppen(lijst: Cijferlijst) -> list[str]:
    return [k for o in lijst.opdrachten for k in (o, resultaat_kop(o, lijst.maxima[o]))]


def resultaat(lijst: Cijferlijst, r: Regel, opdracht: str) -> str:
    """'voldoende', 'onvoldoende', 'nog open' (handed in, grading not finished) or '' (nothing)."""
    if opdracht in r.niet_nagekeken:
        return OPEN
    return kort(opdracht, r.scores[opdracht], lijst.maxima[opdracht], opdracht in r.handwerk_open)


def _cijfers(lijst: Cijferlijst, r: Regel) -> list[str]:
    return [w for o in lijst.opdrachten for w in (getal(r.scores[o]), resultaat(lijst, r, o))]


def moodle_csv(lijst: Cijferlijst) -> str:
    rijen = [[*MOODLE_KOLOMMEN, *_koppen(lijst)]]
    for r in lijst.regels:
        rijen.append([r.id, r.lms_id, r.email, r.voornaam, r.achternaam, *_cijfers(lijst, r)])
    return _csv(rijen)


def canvas_naam(r: Regel) -> str:
    """Canvas's sortable name, 'Achternaam, Voornaam'; the id when nbgrader has no name."""
    if r.achternaam and r.voornaam:
        return f"{r.achternaam}, {r.voornaam}"
    return r.achternaam or r.voornaam or r.id


def canvas_csv(lijst: Cijferlijst) -> str:
    rijen = [[*CANVAS_KOLOMMEN, *_koppen(lijst)]]
    rijen.append(
        [CANVAS_MAXIMUM, "", "", "", ""] + [w for o in lijst.opdrachten for w in (getal(lijst.maxima[o]), "")]
    )
    for r in lijst.regels:
        rijen.append([canvas_naam(r), r.lms_id, "", r.id, "", *_cijfers(lijst, r)])
    return _csv(rijen)


def exporteer(lijst: Cijferlijst, formaat: str) -> str:
    """The CSV text for `formaat` ('moodle' or 'canvas')."""
    if formaat == MOODLE:
        return moodle_csv(lijst)
    if formaat == CANVAS:
        return canvas_csv(lijst)
    raise ValueError(f"Onbekend formaat '{formaat}'. Kies uit: {', '.join(FORMATEN)}.")
