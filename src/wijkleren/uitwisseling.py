"""The nbgrader exchange for a class on one server: a submission is for the learner and the trainer only.

nbgrader's own exchange makes every submission readable and writable for all users of the
server; only the unlistable ``inbound`` folder and a random name hide it (upstream issue 978).
And ``nbgrader collect`` only *warns* when a submission is not owned by the learner
it names, so one learner could hand in work in another's name.

The class server (:mod:`wijkleren.hub`) configures two small subclasses instead:

- :class:`PriveInleveren` (submit): after nbgrader's copy, the submitted folder is open to the
  learner and the trainer's group only (the ``inbound`` folder is setgid, so the new folder
  has the trainer's group); other learners cannot even enter it.
- :class:`EigenaarOphalen` (collect): takes only real folders owned by the learner they name.
"""

from __future__ import annotations

import glob
import os
import pwd
import stat
from collections import defaultdict

from nbgrader.exchange.default import ExchangeCollect, ExchangeSubmit

MAP_PRIVE = 0o770  # the learner and the trainer's group: everything; others: not even in


def maak_prive(pad: str) -> None:
    """Close a submitted folder to everyone but the learner and the trainer's group.

    Only the top folder changes: without the right to enter it, nobody else reaches the files,
    whatever their own mode. (nbgrader's copy resets the folder's setgid bit, so files written
    after it belong to the learner's group; they must stay readable for the trainer.)
    """
    os.chmod(pad, MAP_PRIVE)


class PriveInleveren(ExchangeSubmit):
    """nbgrader submit, then the submission is closed to other learners."""

    def copy_files(self):
        super().copy_files()
        # Until here the folder had nbgrader's mode, under a random name nobody else can list.
        maak_prive(os.path.join(self.inbound_path, self.assignment_filename))


def eigenaar(pad: str) -> str | None:
    """The owner of a real folder (no symlink), or None."""
    try:
        info = os.lstat(pad)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode):
        return None
    try:
        return pwd.getpwuid(info.st_uid).pw_name
    except KeyError:
        return None


class EigenaarOphalen(ExchangeCollect):
    """nbgrader collect that skips submissions handed in under someone else's name."""

    def init_src(self):
        super().init_src()  # checks the folders and reads the due date
        student = self.coursedir.student_id or "*"
        patroon = os.path.join(self.inbound_path, f"{student}+{self.coursedir.assignment_id}+*")
        per_deelnemer = defaultdict(list)
        for pad in glob.glob(patroon):
            record = self._path_to_record(pad)
            if eigenaar(pad) == record["username"]:
                per_deelnemer[record["username"]].append(record)
            else:
                self.log.warning(
                    "Overgeslagen: %s staat op naam van %s, maar is niet van die deelnemer.",
                    record["filename"],
                    record["username"],
                )
        self.src_records = [self._kies(records) for records in per_deelnemer.values()]

    def _kies(self, records: list[dict]) -> dict:
        """The newest submission, or the newest before the due date: nbgrader's own choice."""
        records = self._sort_by_timestamp(records)
        if self.duedate is not None and self.before_duedate:
            op_tijd = [r for r in records if r["timestamp"] <= self.duedate]
            if op_tijd:
                return op_tijd[0]
        return records[0]
