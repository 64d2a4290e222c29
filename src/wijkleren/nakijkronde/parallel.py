"""The engine of the grading round: stock nbgrader ``Autograde`` on all cores.

:mod:`wijkleren.nakijkronde.ronde` runs the round (checks, statuses, lock, backup, journal); this
module is the pool that does the grading itself:

1. The parent takes a snapshot of the gradebook (:func:`momentopname`, SQLite's backup API) and
   forks N workers (:class:`Werkers`).
2. Each worker (:mod:`.werker`) copies the snapshot to a scratch gradebook of its own and grades
   one learner per task with nbgrader's own ``Autograde`` converter, configured as
   ``nbgrader autograde --force`` would be (same ``nbgrader_config.py``), except for three
   folders: the gradebook URL, the submission it reads (a checked copy, see
   :func:`wijkleren.nakijkronde.inlevering.kopieer_inlevering`) and the folder it writes the
   autograded notebooks to. All three are in the round's scratch folder: nothing in the course
   changes in a worker.
3. A task returns the learner's gradebook rows before and after grading. The parent, the only
   process that writes to the real gradebook, applies the changed fields in one transaction
   (:func:`wijkleren.nakijkronde.rijen.pas_toe`), and only then moves the autograded notebooks
   into place (:mod:`.vastleggen`). So a learner whose notebooks are in ``autograded/`` always
   has their grades stored.

SQLite never sees two writers, every grade is computed by stock nbgrader code, and nothing else
in the gradebook is touched: fields nbgrader did not change (a manual grade given in formgrader
meanwhile) keep their value. Two steps of nbgrader are made faster without changing what they
compute: the cell metadata check (:mod:`.celcontrole`) and, in the workers only, the opening of
the scratch gradebook (in :mod:`.werker`).

Workers die with the parent (``PR_SET_PDEATHSIG`` on Linux) and ignore Ctrl-C, which the
parent handles.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import sqlite3
import traceback
from collections.abc import Iterator
from pathlib import Path

from wijkleren.nakijkronde.werker import MISLUKT, kijk_na, start_werker


def momentopname(bron: Path, doel: Path) -> None:
    """A consistent copy of an SQLite database, also while another program has it open."""
    van = sqlite3.connect(f"file:{bron}?mode=ro", uri=True, timeout=5)
    try:
        naar = sqlite3.connect(doel)
        try:
            van.backup(naar)
        finally:
            naar.close()
    finally:
        van.close()


def standaard_werkers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Werkers:
    """N forked workers that grade learners of one assignment; results come as they are ready."""

    def __init__(self, cursusmap: Path, opdracht: str, werkmap: Path, aantal: int, snel: bool = True):
        momentopname_pad = werkmap / "momentopname.db"
        # fork: the workers start with nbgrader already imported, which takes seconds otherwise.
        methode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        self.pool = cf.ProcessPoolExecutor(
            aantal,
            mp_context=multiprocessing.get_context(methode),
            initializer=start_werker,
            initargs=(os.getpid(), str(cursusmap), opdracht, str(momentopname_pad), str(werkmap), snel),
        )
        self.taken: dict = {}

    def geef(self, student: str, bron: Path, oud: Path, namen: list[str]) -> None:
        self.taken[self.pool.submit(kijk_na, student, str(bron), str(oud), namen)] = student

    def resultaten(self) -> Iterator[dict]:
        for taak in cf.as_completed(self.taken):
            student = self.taken[taak]
            try:
                yield taak.result()
            except Exception:  # the worker itself died (e.g. out of memory)
                yield {"student": student, "status": MISLUKT, "log": traceback.format_exc(), "fout": ""}

    def stop(self) -> None:
        """Stop now: cancel what has not started and kill the workers (after an error or Ctrl-C)."""
        processen = dict(getattr(self.pool, "_processes", None) or {})
        self.pool.shutdown(wait=False, cancel_futures=True)
        for proces in processen.values():
            try:
                proces.kill()
            except (OSError, AttributeError):
                pass
        for proces in processen.values():
            proces.join(timeout=10)

    def sluit(self) -> None:
        self.pool.shutdown(wait=True)
