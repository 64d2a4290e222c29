"""Where a course lives: nbgrader's own configuration decides, exactly as for the ``nbgrader`` command.

A trainer runs ``nbgrader`` in the course folder (the one with ``nbgrader_config.py``);
:func:`cursusmap` finds it (the given folder, the current one or ./exercises). The
tools here do the same: :func:`lees_cursus` starts nbgrader's ``autograde`` application in that
folder without running it, so the course root, the gradebook and every other setting come from
the same files, with the same precedence, as for ``nbgrader autograde``.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from wijkleren.fouten import WijklerenFout
from wijkleren.nakijkronde.oorzaken import RondeFout


class CursusFout(WijklerenFout):
    """The course folder, gradebook or assignment is not usable; the message is Dutch."""

    code = 2


@contextlib.contextmanager
def in_map(map_: Path | str):
    """Work in `map_` for a while, as nbgrader reads its configuration from the working folder."""
    oud = os.getcwd()
    os.chdir(map_)
    try:
        yield
    finally:
        os.chdir(oud)


def maak_app(argv: list[str]):
    """nbgrader's autograde application, configured as on the command line, in the current folder."""
    from nbgrader.apps.autogradeapp import AutogradeApp

    app = AutogradeApp()  # a fresh instance, not the process-wide singleton
    app.initialize(argv)
    return app


@dataclass
class Cursus:
    """A course folder with its nbgrader settings."""

    map: Path  # where `nbgrader` runs: the folder with nbgrader_config.py
    coursedir: object  # nbgrader.coursedir.CourseDirectory

    @property
    def root(self) -> Path:
        return Path(self.coursedir.root)

    @property
    def db_url(self) -> str:
        return self.coursedir.db_url

    def pad(self, stap: str, student: str, opdracht: str) -> Path:
        """The folder of one step (e.g. 'submitted' or 'autograded') for a student and assignment."""
        return Path(self.coursedir.format_path(stap, student, opdracht))


def cursusmap(gegeven: str | Path | None = None) -> Path:
    """The nbgrader course folder: the given one, the current folder, or ./exercises."""
    kandidaten = [Path(gegeven)] if gegeven else [Path.cwd(), Path.cwd() / "exercises"]
    for map_ in kandidaten:
        if (map_ / "nbgrader_config.py").is_file():
            return map_.resolve()
    raise RondeFout(
        "Ik vind de nbgrader-cursus niet (de map met nbgrader_config.py). "
        "Ga naar de hoofdmap van Wijkleren, of geef de map aan met --cursus."
    )


def lees_cursus(map_: Path | str = ".") -> Cursus:
    """The course in `map_`, with nbgrader's settings; CursusFout (Dutch) if the folder is missing."""
    map_ = Path(map_).resolve()
    if not map_.is_dir():
        raise CursusFout(f"De map {map_} bestaat niet. Geef de map van de cursus, met nbgrader_config.py.")
    with in_map(map_):
        app = maak_app(["--log-level=ERROR"])
    logging.getLogger(app.log.name).handlers.clear()
    return Cursus(map_, app.coursedir)


def cijferboek_pad(cursus: Cursus) -> Path | None:
    """The file of an SQLite gradebook, or None for another database."""
    if cursus.db_url.startswith("sqlite:///"):
        return Path(cursus.db_url.removeprefix("sqlite:///"))
    return None


def controleer_opdracht(cursus: Cursus, opdracht: str) -> None:
    """CursusFout (Dutch) unless the gradebook exists and holds `opdracht`."""
    pad = cijferboek_pad(cursus)
    if pad is not None and not pad.exists():
        raise CursusFout(
            f"Er is nog geen cijferboek ({pad}). Maak eerst de opdracht aan met "
            f"`nbgrader generate_assignment {opdracht}` in {cursus.map}."
        )
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(cursus.db_url, cursus.coursedir.course_id) as gb:
        try:
            gb.find_assignment(opdracht)
        except MissingEntry:
            bekend = ", ".join(a.name for a in gb.assignments) or "geen"
            raise CursusFout(
                f"De opdracht '{opdracht}' staat niet in het cijferboek. Bekende opdrachten: {bekend}. "
                f"Maak de opdracht aan met `nbgrader generate_assignment {opdracht}`."
            ) from None
