"""A worker process of the round: grades one learner per task with stock nbgrader ``Autograde``.

Each worker (:func:`start_werker`, run once in each forked process) copies the round's snapshot
to a scratch gradebook of its own, configures ``Autograde`` as ``nbgrader autograde --force``
would be (same ``nbgrader_config.py``) except for three folders in the round's scratch folder,
and then grades learners (:func:`kijk_na`): check and copy the submission
(:func:`wijkleren.nakijkronde.inlevering.kopieer_inlevering`), autograde the copy, and return the
learner's gradebook rows before and after. Nothing in the course changes in a worker.

The opening of the scratch gradebook is made faster without changing what nbgrader writes
(:func:`_snel_cijferbestand`). Workers die with the parent (``PR_SET_PDEATHSIG`` on Linux) and
ignore Ctrl-C, which the parent handles.
"""

from __future__ import annotations

import glob
import io
import logging
import os
import shutil
import signal
import sys
import time
import traceback
from pathlib import Path

from wijkleren.nakijkronde.cursus import maak_app
from wijkleren.nakijkronde.inlevering import handgraded_ongewijzigd, kopieer_inlevering
from wijkleren.nakijkronde.rijen import lees_nieuwe_rijen, lees_rijen
from wijkleren.nakijkronde.statussen import GEWEIGERD, Weigering

# What a task returns as its "status"; GEWEIGERD (the submission's files cannot be graded) comes
# with the status and message of the refusal.
GELUKT = "gelukt"
MISLUKT = "mislukt"

_WERKER: dict = {}
_KERNEL_START = ("Kernel died before replying to kernel_info", "Kernel didn't respond in")


class _Vanger(logging.Handler):
    """Collects nbgrader's log of one task, formatted as nbgrader's own lines."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.buffer = io.StringIO()
        self.setFormatter(logging.Formatter("[%(name)s | %(levelname)s] %(message)s"))

    def emit(self, record):
        self.buffer.write(self.format(record) + "\n")


def _sterf_met_ouder(ouder: int) -> None:
    """Let the kernel kill this worker when the parent dies (also by kill -9): no orphans."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the parent's cleanup still stops the workers
        pass
    if os.getppid() != ouder:  # the parent died before prctl
        os._exit(1)


def _snel_cijferbestand(url: str) -> None:
    """In a worker: open the scratch gradebook `url` once, not at each of nbgrader's dozen opens.

    nbgrader makes a new engine (and checks every table) each time it opens the gradebook, so
    SQLAlchemy compiles every query again. Here one engine per URL is kept, the table check runs
    once, and the scratch copy is written without waiting for the disk (it is thrown away after
    the round; the real gradebook is written by the parent, with SQLite's full safety).
    The queries and the values nbgrader writes are the same.
    """
    import sqlalchemy
    from nbgrader import api

    engines: dict = {}
    echte_create_engine, echte_inspect = api.create_engine, api.inspect
    metadata = api.Base.metadata
    echte_create_all = metadata.create_all
    gezien: set = set()

    def create_engine(db_url, **kwargs):
        if str(db_url) != url:
            return echte_create_engine(db_url, **kwargs)
        engine = engines.get(url)
        if engine is None:
            engine = engines[url] = echte_create_engine(db_url, **kwargs)

            @sqlalchemy.event.listens_for(engine, "connect")
            def _snel(dbapi_conn, _record):
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA synchronous=OFF")
                cur.execute("PRAGMA journal_mode=MEMORY")
                cur.close()

            engine.dispose = lambda *a, **k: None  # Gradebook.close() would drop the connection
        return engine

    def inspect(engine):
        if engine in gezien:
            return _Tabellen()
        return echte_inspect(engine)

    def create_all(bind=None, **kwargs):
        if bind not in gezien:
            echte_create_all(bind=bind, **kwargs)
            if str(getattr(bind, "url", "")) == url:
                gezien.add(bind)

    api.create_engine, api.inspect, metadata.create_all = create_engine, inspect, create_all


class _Tabellen:
    def get_table_names(self) -> list[str]:
        return ["student"]  # the scratch copy has nbgrader's tables: checked at the first open


def start_werker(
    ouder: int, cursusmap: str, opdracht: str, momentopname: str, werkmap: str, snel: bool
) -> None:
    """Set up this worker process once: its own scratch gradebook and nbgrader's autograde app."""
    _sterf_met_ouder(ouder)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the parent, which stops us
    os.chdir(cursusmap)
    # Warnings and kernel chatter would break the progress bar; nbgrader's log is kept per task.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 (lives as long as the worker)
    db = Path(werkmap) / f"werker-{os.getpid()}.db"
    shutil.copyfile(momentopname, db)
    url = f"sqlite:///{db}"
    if snel:
        _snel_cijferbestand(url)
    app = maak_app([opdracht, f"--db={url}", "--force"])
    app.coursedir.assignment_id = opdracht
    app.coursedir.submitted_directory = str(Path(werkmap) / "submitted")
    app.coursedir.autograded_directory = str(Path(werkmap) / "autograded")
    app.log.handlers.clear()  # the parent draws the progress; the log goes with each result
    app.log.propagate = False
    from sqlalchemy import create_engine

    _WERKER.update(
        app=app,
        opdracht=opdracht,
        engine=create_engine(url),
        snel=snel,
        cursusmap=Path(cursusmap),
        autograde=_letterlijk_autograde(),
        werkmap=Path(werkmap),
    )


def _letterlijk_autograde():
    """nbgrader's Autograde that finds the learner's notebooks by name, not by pattern.

    nbgrader globs the learner's folder and then globs again inside what it found, so a learner
    named ``a[b]`` or ``*`` is never graded or grades another learner's folder, even with the id
    escaped. Here the folder and notebooks are the ones the round checked and copied."""
    from nbgrader.converters import Autograde

    class LetterlijkAutograde(Autograde):
        notitieboeken: list[str] = []

        def init_notebooks(self) -> None:
            map_ = self._format_source(self.coursedir.assignment_id, _WERKER["student"])
            self.notebooks = []
            self.assignments = {map_: [os.path.join(map_, n) for n in self.notitieboeken]}

    return LetterlijkAutograde


def werkpaden(werkmap: Path, student: str, opdracht: str) -> tuple[Path, Path]:
    """Where a worker puts a learner's checked submission and their autograded notebooks."""
    return werkmap / "submitted" / student / opdracht, werkmap / "autograded" / student / opdracht


def kijk_na(student: str, bron: str, oud: str, namen: list[str]) -> dict:
    """Check and copy one learner's submission, autograde the copy with stock nbgrader.

    `bron`: the submission folder; `oud`: the learner's autograded folder of an earlier round (to
    see which hand-graded answers did not change). Returns status, log and gradebook rows."""
    from nbgrader.converters import NbGraderException

    from wijkleren.nakijkronde.celcontrole import vervang

    app, opdracht, engine = _WERKER["app"], _WERKER["opdracht"], _WERKER["engine"]
    kopie, uit = werkpaden(_WERKER["werkmap"], student, opdracht)
    for map_ in (kopie, uit):
        shutil.rmtree(map_, ignore_errors=True)
    begin = time.monotonic()
    try:
        inlevering = kopieer_inlevering(Path(bron), kopie, namen)
    except Weigering as w:
        return {"student": student, "status": GEWEIGERD, "weigering": (w.status, w.bericht), "log": ""}
    except OSError as fout:
        return {"student": student, "status": MISLUKT, "fout": "", "log": traceback.format_exc(), "os": fout}
    vanger = _Vanger()
    app.log.addHandler(vanger)
    try:
        with engine.connect() as conn:
            voor = lees_rijen(conn, opdracht, student)
        app.coursedir.student_id = glob.escape(student)  # the literal id, never a pattern
        _WERKER["student"] = student
        for poging in range(2):
            status, fout = GELUKT, ""
            converter = _WERKER["autograde"](coursedir=app.coursedir, parent=app)  # as AutogradeApp.start()
            converter.notitieboeken = namen
            if _WERKER["snel"]:
                converter.sanitize_preprocessors = vervang(converter.sanitize_preprocessors)
                converter.autograde_preprocessors = vervang(converter.autograde_preprocessors)
            try:
                converter.start()
            except NbGraderException as e:
                status, fout = MISLUKT, str(e)
            except Exception:  # nbgrader raises more than its own exception
                status, fout = MISLUKT, traceback.format_exc()
                app.log.error(fout)
            # A kernel can die at start when two workers start one at the same moment (seen in
            # the tests; jupyter_client finds free ports by binding and releasing them, so two
            # kernels can pick the same one). Nothing was graded and nbgrader has cleaned up, so
            # one more try is safe.
            if status == GELUKT or poging or not any(t in vanger.buffer.getvalue() for t in _KERNEL_START):
                break
            app.log.warning("De kernel startte niet; nog één poging.")
        with engine.connect() as conn:
            na = lees_rijen(conn, opdracht, student)
            nieuw = None
            if voor["inzending"] is None and na["inzending"] is not None:
                nieuw = lees_nieuwe_rijen(conn, opdracht, student)
    finally:
        app.log.removeHandler(vanger)
        shutil.rmtree(kopie.parent, ignore_errors=True)  # only this learner's copy is ever there
    handwerk = handgraded_ongewijzigd(Path(oud), uit, namen) if status == GELUKT else frozenset()
    return {
        "student": student,
        "status": status,
        "fout": fout,
        "omgeving": omgevingsfout(vanger.buffer.getvalue() + fout) if status == MISLUKT else None,
        "log": vanger.buffer.getvalue(),
        "voor": voor,
        "na": na,
        "handwerk_klaar": handwerk,
        "nieuw": nieuw,
        "inlevering": inlevering,
        "uit": str(uit),
        "seconden": time.monotonic() - begin,
    }


# Errors of the machine, not of the submission: nbgrader wraps them in its own exception.
_OMGEVING = (
    "attempt to write a readonly database",
    "database is locked",
    "database or disk is full",
    "disk I/O error",
    "unable to open database file",
    "File too large",
    "No space left on device",
    "Disk quota exceeded",
    "Read-only file system",
    "Permission denied",
)


def omgevingsfout(log: str) -> str | None:
    """The first sign in a log that the disk or the gradebook failed (not the submission), or None."""
    return next((m for m in _OMGEVING if m.lower() in log.lower()), None)
