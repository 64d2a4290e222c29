"""Storing one graded learner for good (:func:`leg_vast`), as one step that Ctrl-C waits for.

The order is what makes a round safe to stop: first the grades, in one transaction, then the
autograded notebooks in ``autograded/`` (two renames), the trusted time of handing in in the
submission's ``timestamp.txt``, and last the learner's line in the journal. A learner whose
notebooks are in place always has their grades stored.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
from pathlib import Path

from wijkleren.nakijkronde.inlevering import TIJDSTEMPEL
from wijkleren.nakijkronde.journaal import Journaal
from wijkleren.nakijkronde.rijen import pas_toe
from wijkleren.nakijkronde.signalen import zonder_onderbreking

log = logging.getLogger(__name__)


def leg_vast(
    gb, opdracht: str, student: str, uitkomst: dict, klaar: Path, bron: Path, weg: Path, journaal: Journaal
) -> None:
    """Store a worker's result `uitkomst` for `student` in gradebook `gb` and the course folders.

    `klaar`: the learner's autograded folder; `bron`: their submission; `weg`: where replaced
    folders go before they are removed. Raises what writing raised (SQLAlchemyError, OSError);
    the grades are rolled back when storing them failed."""
    with zonder_onderbreking():
        try:
            pas_toe(
                gb,
                opdracht,
                student,
                uitkomst["voor"],
                uitkomst["na"],
                uitkomst["handwerk_klaar"],
                uitkomst["nieuw"],
            )
        except BaseException:
            gb.db.rollback()
            raise
        zet_op_zijn_plek(Path(uitkomst["uit"]), klaar, weg)
        leg_tijd_vast(bron, uitkomst["inlevering"].tijd)
        journaal.klaar(student, uitkomst["inlevering"])


def zet_op_zijn_plek(uit: Path, doel: Path, weg: Path) -> None:
    """Put the autograded folder `uit` at `doel`, replacing an older one, in two renames."""
    doel.parent.mkdir(parents=True, exist_ok=True)
    oud = weg / f"{len(list(weg.iterdir())) if weg.exists() else 0}-{doel.parent.name}"
    weg.mkdir(parents=True, exist_ok=True)
    if os.path.lexists(doel):
        try:
            os.replace(doel, oud)
        except OSError as fout:
            if fout.errno != errno.EXDEV:
                raise
            shutil.rmtree(doel)
    try:
        os.replace(uit, doel)
    except OSError as fout:
        if fout.errno != errno.EXDEV:
            raise
        tijdelijk = doel.with_name(doel.name + ".wijkleren-nieuw")
        shutil.rmtree(tijdelijk, ignore_errors=True)
        shutil.copytree(uit, tijdelijk)
        os.replace(tijdelijk, doel)
    shutil.rmtree(oud, ignore_errors=True)


def leg_tijd_vast(map_: Path, tijd: str) -> None:
    """Write the trusted submission time into the submission's own ``timestamp.txt``.

    nbgrader (its API and the Formgrader) counts a submission as graded only when the gradebook's
    time equals that file, so the learner's version is replaced by the time the round stored. The
    file is replaced, never written through: a link there is replaced, not followed. A folder the
    trainer may not write to only costs the Formgrader's view, never the grades."""
    try:
        fd = os.open(map_, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return
    try:
        tijdelijk = f".{TIJDSTEMPEL}.wijkleren"
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tijdelijk, dir_fd=fd)
        uit = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644, dir_fd=fd)
        with os.fdopen(uit, "w", encoding="utf-8") as f:
            f.write(tijd)
        os.replace(tijdelijk, TIJDSTEMPEL, src_dir_fd=fd, dst_dir_fd=fd)
    except OSError:
        log.warning("timestamp.txt in %s niet bijgewerkt", map_)
    finally:
        os.close(fd)
