"""What the round says per learner: the status words, a learner's :class:`Status`, a refused
submission (:class:`Weigering`), and the Dutch lines and CSV file that show the statuses.

The statuses: ``nagekeken`` (with the hand grading still to do, if any), ``al nagekeken``,
``kapot``, ``ontbreekt``, ``geweigerd``, ``verkeerde plek``, ``fout`` and ``niet nagekeken``
(the round stopped), each with a Dutch explanation and the learner's score.
"""

from __future__ import annotations

import contextlib
import csv
from dataclasses import dataclass
from pathlib import Path

from wijkleren.fouten import WijklerenFout

NAGEKEKEN = "nagekeken"
AL_NAGEKEKEN = "al nagekeken"
KAPOT = "kapot"
ONTBREEKT = "ontbreekt"
GEWEIGERD = "geweigerd"
VERKEERDE_PLEK = "verkeerde plek"
FOUT = "fout"
NIET_NAGEKEKEN = "niet nagekeken"


@dataclass(frozen=True)
class Status:
    """The result for one learner."""

    deelnemer: str
    status: str
    bericht: str
    punten: float | None = None
    max_punten: float | None = None
    handwerk_open: int = 0  # answers the trainer still has to grade by hand


class Weigering(WijklerenFout):
    """A submission that is not graded: a status and a Dutch message (its line in the summary)."""

    def __init__(self, status: str, bericht: str):
        super().__init__(bericht)
        self.status, self.bericht = status, bericht


def handwerk_zin(open_: int) -> str:
    """The Dutch sentence for answers the trainer still has to grade by hand."""
    vragen = "1 antwoord" if open_ == 1 else f"{open_} antwoorden"
    return f"De computer is klaar. Nog met de hand na te kijken: {vragen}. Doe dat in de Formgrader."


def melding(s: Status) -> str | None:
    """A learner's line above the progress bar: only for a problem, None when graded."""
    if s.status in (NAGEKEKEN, AL_NAGEKEKEN):
        return None
    return f"{s.deelnemer}: {s.status}. {s.bericht}"


def schrijf_status(pad: Path, uitkomsten: list[Status]) -> None:
    """The statuses as a CSV file; a file that cannot be written costs only that file."""
    with contextlib.suppress(OSError), open(pad, "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["deelnemer", "status", "punten", "max_punten", "handwerk_open", "bericht"])
        for s in uitkomsten:
            schrijver.writerow([s.deelnemer, s.status, s.punten, s.max_punten, s.handwerk_open, s.bericht])


def score_tekst(s: Status) -> str:
    """A learner's score in Dutch, e.g. '7 van 10' or 'geen punten'."""
    if s.punten is None:
        return "geen punten"
    tekst = f"{s.punten:g} van {s.max_punten:g}"
    return f"{tekst}, handwerk nog open" if s.handwerk_open else tekst


def tabel(uitkomsten: list[Status]) -> str:
    """A short Dutch overview for the terminal: one line per learner, with their score."""
    if not uitkomsten:
        return "Er zijn geen inleveringen gevonden in submitted/."
    return "\n".join(f"{s.deelnemer}: {s.status} ({score_tekst(s)}). {s.bericht}" for s in uitkomsten)
