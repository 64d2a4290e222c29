"""The engine of the grading round: stock nbgrader ``Autograde`` on all cores, with a progress bar.

:mod:`wijkleren.nakijkronde.ronde` runs the round (checks, statuses, lock, backup, journal); this module
does the grading itself:

1. The parent takes a snapshot of the gradebook (SQLite's backup API) and forks N workers.
2. Each worker copies the snapshot to a scratch gradebook of its own and grades one learner per
   task with nbgrader's own ``Autograde`` converter, configured as ``nbgrader autograde --force``
   would be (same ``nbgrader_config.py``), except for three folders: the gradebook URL, the
   submission it reads (a checked copy, see :func:`wijkleren.nakijkronde.ronde.kopieer_inlevering`)
   and the folder it writes the autograded notebooks to. All three are in the round's scratch
   folder: nothing in the course changes in a worker.
3. A task returns the learner's gradebook rows before and after grading. The parent, the only
   process that writes to the real gradebook, applies the changed fields in one transaction
   (:func:`pas_toe`), and only then moves the autograded notebooks into place. So a learner
   whose notebooks are in ``autograded/`` always has their grades stored.

SQLite never sees two writers, every grade is computed by stock nbgrader code, and nothing else
in the gradebook is touched: fields nbgrader did not change (a manual grade given in formgrader
meanwhile) keep their value. Two steps of nbgrader are made faster without changing what they
compute: the cell metadata check (:mod:`.celcontrole`) and, in the workers only, the opening of
the scratch gradebook (:func:`_snel_cijferbestand`).

Workers die with the parent (``PR_SET_PDEATHSIG`` on Linux) and ignore Ctrl-C, which the
parent handles.
"""

from __future__ import annotations

import concurrent.futures as cf
import glob
import io
import logging
import multiprocessing
import os
import shutil
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from wijkleren.nakijkronde.cursus import maak_app

GELUKT = "gelukt"
MISLUKT = "mislukt"
GEWEIGERD = "geweigerd"  # the submission's files cannot be graded (status and message with it)


# --- progress bar ------------------------------------------------------------------------------


def _duur(seconden: float) -> str:
    seconden = max(0, int(round(seconden)))
    m, s = divmod(seconden, 60)
    u, m = divmod(m, 60)
    return f"{u}:{m:02d}:{s:02d}" if u else f"{m}:{s:02d}"


class Voortgang:
    """A plain-text progress bar on a stream: done/total, percentage, elapsed and time left.

    On a terminal the bar redraws itself on one line; elsewhere (a log file, CI) it prints a
    line at every tenth of the work, so logs stay short.
    """

    def __init__(
        self, totaal: int, stroom=None, breedte: int = 24, klok: Callable[[], float] = time.monotonic
    ):
        self.totaal = totaal
        self.stroom = stroom if stroom is not None else sys.stderr
        self.breedte = breedte
        self.klok = klok
        self.start = klok()
        self.gedaan = 0
        self._tty = bool(getattr(self.stroom, "isatty", lambda: False)())
        self._laatste_tiende = -1

    def regel(self) -> str:
        """The bar as text, e.g. '[######------------------] 10/40  25%  0:12 verstreken, nog ongeveer 0:36'."""
        verstreken = self.klok() - self.start
        deel = self.gedaan / self.totaal if self.totaal else 1.0
        vol = int(deel * self.breedte)
        tekst = f"[{'#' * vol}{'-' * (self.breedte - vol)}] {self.gedaan}/{self.totaal}  {deel:4.0%}"
        tekst += f"  {_duur(verstreken)} verstreken"
        if 0 < self.gedaan < self.totaal:
            tekst += f", nog ongeveer {_duur(verstreken / self.gedaan * (self.totaal - self.gedaan))}"
        return tekst

    def _schrijf(self, tekst: str, nieuwe_regel: bool) -> None:
        if self._tty:
            self.stroom.write("\r\033[K" + tekst + ("\n" if nieuwe_regel else ""))
        else:
            self.stroom.write(tekst + "\n")
        self.stroom.flush()

    def toon(self) -> None:
        tiende = int(10 * self.gedaan / self.totaal) if self.totaal else 10
        if self._tty or tiende != self._laatste_tiende or self.gedaan == self.totaal:
            self._laatste_tiende = tiende
            self._schrijf(self.regel(), nieuwe_regel=not self._tty)

    def stap(self, melding: str | None = None) -> None:
        """One more done; a message (such as a failure) goes on a line of its own above the bar."""
        self.gedaan += 1
        if melding:
            if self._tty:
                self.stroom.write("\r\033[K")
            self.stroom.write(melding + "\n")
        self.toon()

    def klaar(self) -> None:
        if self._tty:
            self.stroom.write("\n")
            self.stroom.flush()


# --- gradebook rows as plain data --------------------------------------------------------------
#
# A student's rows are read and written with a few SQL statements over nbgrader's own tables:
# the ORM's relationships cost a query per grade, and the parent, the only writer, must stay
# quick. Rows are keyed by names, as ids differ between gradebooks.


def _tabellen():
    from nbgrader import api

    return api


def _vijf_tabellen(api):
    """The gradebook tables a student's submission lives in: student, submission, notebooks, assignment."""
    return (
        api.Student.__table__,
        api.SubmittedAssignment.__table__,
        api.SubmittedNotebook.__table__,
        api.Notebook.__table__,
        api.Assignment.__table__,
    )


def _velden(tabel, rij) -> dict:
    """The columns of a row that nbgrader may change: everything but keys."""
    return {k.name: rij._mapping[k] for k in tabel.columns if not k.primary_key and not k.foreign_keys}


def lees_rijen(conn, opdracht: str, student: str) -> dict:
    """One student's rows for one assignment: student, submission, notebooks, grades, comments."""
    from sqlalchemy import select

    api = _tabellen()
    st, sa, sn, nb, a = _vijf_tabellen(api)
    rijen: dict = {"student": None, "inzending": None, "notitieboeken": {}}
    rij = conn.execute(select(st).where(st.c.id == student)).first()
    if rij is None:
        return rijen
    rijen["student"] = _velden(st, rij)
    rij = conn.execute(
        select(sa)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).first()
    if rij is None:
        return rijen
    rijen["inzending"] = _velden(sa, rij)
    for r in conn.execute(select(sn, nb.c.name.label("_nb")).join(nb).where(sn.c.assignment_id == rij.id)):
        rijen["notitieboeken"][r._nb] = {"velden": _velden(sn, r), "cijfers": {}, "opmerkingen": {}}
    for soort, klasse in (("cijfers", api.Grade), ("opmerkingen", api.Comment)):
        t, bc = klasse.__table__, api.BaseCell.__table__
        vraag = (
            select(t, nb.c.name.label("_nb"), bc.c.name.label("_cel"))
            .join(sn, sn.c.id == t.c.notebook_id)
            .join(nb, nb.c.id == sn.c.notebook_id)
            .join(bc, bc.c.id == t.c.cell_id)
            .where(sn.c.assignment_id == rij.id)
        )
        for r in conn.execute(vraag):
            rijen["notitieboeken"][r._nb][soort][r._cel] = _velden(t, r)
    return rijen


def lees_nieuwe_rijen(conn, opdracht: str, student: str) -> dict[str, list[dict]]:
    """A learner's rows for one assignment with every column, ids included, to insert as they are.

    A worker's gradebook is a copy of the real one, so the assignment's, notebooks' and cells' ids
    are the same in both, and the rows nbgrader made for a new submission (with new random ids)
    can go into the real gradebook unchanged: one transaction, no ORM."""
    from sqlalchemy import select

    api = _tabellen()
    st, sa, sn, _, a = _vijf_tabellen(api)
    cijfer, opmerking = api.Grade.__table__, api.Comment.__table__

    def alle(tabel, rijen) -> list[dict]:
        return [{k.name: r._mapping[k] for k in tabel.columns} for r in rijen]

    inzending = conn.execute(
        select(sa)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).all()
    notitieboeken = conn.execute(select(sn).where(sn.c.assignment_id.in_([r.id for r in inzending]))).all()
    ids = [r.id for r in notitieboeken]
    return {
        st.name: alle(st, conn.execute(select(st).where(st.c.id == student)).all()),
        sa.name: alle(sa, inzending),
        sn.name: alle(sn, notitieboeken),
        cijfer.name: alle(cijfer, conn.execute(select(cijfer).where(cijfer.c.notebook_id.in_(ids))).all()),
        opmerking.name: alle(
            opmerking, conn.execute(select(opmerking).where(opmerking.c.notebook_id.in_(ids))).all()
        ),
    }


def _voeg_in(db, opdracht: str, student: str, voor: dict, na: dict, nieuw: dict) -> bool:
    """Insert a new submission's rows as the worker made them; False if the real gradebook has one."""
    from sqlalchemy import insert, select, update

    api = _tabellen()
    st, sa, sn, _, a = _vijf_tabellen(api)
    bestaat = db.execute(
        select(sa.c.id)
        .join(a, a.c.id == sa.c.assignment_id)
        .where(a.c.name == opdracht, sa.c.student_id == student)
    ).first()
    if bestaat is not None:
        return False
    if db.execute(select(st.c.id).where(st.c.id == student)).first() is None:
        db.execute(insert(st), nieuw[st.name])
    else:
        velden = _verschil(voor["student"], na["student"])
        if velden:
            db.execute(update(st).where(st.c.id == student).values(**velden))
    for tabel in (sa, sn, api.Grade.__table__, api.Comment.__table__):
        if nieuw[tabel.name]:
            db.execute(insert(tabel), nieuw[tabel.name])
    return True


def _verschil(voor: dict | None, na: dict) -> dict:
    voor = voor or {}
    return {k: v for k, v in na.items() if k not in voor or voor[k] != v}


def pas_toe(
    gb,
    opdracht: str,
    student: str,
    voor: dict,
    na: dict,
    handwerk_klaar: frozenset = frozenset(),
    nieuw: dict | None = None,
) -> None:
    """Write into gradebook `gb` what grading changed for one student: the fields that differ
    from before, in one transaction. New rows are made by nbgrader's own Gradebook methods.

    `handwerk_klaar`: (notebook, cell) of hand-graded answers that did not change since the
    trainer graded them. nbgrader's ``--force`` marks them "needs manual grade" again; here
    they stay done, so a regrade does not reopen the trainer's work. `nieuw`: the rows of a new
    submission from :func:`lees_nieuwe_rijen`, inserted as they are."""
    import warnings

    from sqlalchemy import exc, select, update

    api = _tabellen()
    if na["student"] is None:
        return
    if (
        nieuw is not None
        and voor["inzending"] is None
        and _voeg_in(gb.db, opdracht, student, voor, na, nieuw)
    ):
        gb.db.commit()
        return
    with warnings.catch_warnings():
        # nbgrader's add_submission makes SQLAlchemy warn about autoflush; stock autograde too.
        warnings.simplefilter("ignore", exc.SAWarning)
        if voor["student"] is None and not gb.db.get(api.Student, student):
            gb.add_student(student)
        if na["inzending"] is not None and voor["inzending"] is None:
            try:
                gb.find_submission(opdracht, student)
            except api.MissingEntry:
                gb.add_submission(opdracht, student)  # with all its notebook, grade and comment rows
    db = gb.db

    def zet(tabel, sleutel, velden):
        if velden:
            db.execute(update(tabel).where(tabel.c.id == sleutel).values(**velden))

    st, sa, sn, nb, a = _vijf_tabellen(api)
    zet(st, student, _verschil(voor["student"], na["student"]))
    if na["inzending"] is not None:
        sub_id = db.execute(
            select(sa.c.id)
            .join(a, a.c.id == sa.c.assignment_id)
            .where(a.c.name == opdracht, sa.c.student_id == student)
        ).scalar_one()
        zet(sa, sub_id, _verschil(voor["inzending"], na["inzending"]))
        nb_ids = dict(
            db.execute(select(nb.c.name, sn.c.id).join(nb).where(sn.c.assignment_id == sub_id)).all()
        )
        for soort, klasse in (("cijfers", api.Grade), ("opmerkingen", api.Comment)):
            t, bc = klasse.__table__, api.BaseCell.__table__
            ids = {
                (r._nb, r._cel): r.id
                for r in db.execute(
                    select(t.c.id, nb.c.name.label("_nb"), bc.c.name.label("_cel"))
                    .join(sn, sn.c.id == t.c.notebook_id)
                    .join(nb, nb.c.id == sn.c.notebook_id)
                    .join(bc, bc.c.id == t.c.cell_id)
                    .where(sn.c.assignment_id == sub_id)
                )
            }
            for naam, nb_na in na["notitieboeken"].items():
                nb_voor = voor["notitieboeken"].get(naam, {})
                for cel, waarden in nb_na[soort].items():
                    oud = nb_voor.get(soort, {}).get(cel)
                    velden = _verschil(oud, waarden)
                    if soort == "cijfers" and (naam, cel) in handwerk_klaar and _handwerk_gedaan(oud):
                        velden.pop("needs_manual_grade", None)
                    zet(t, ids[(naam, cel)], velden)
        for naam, nb_na in na["notitieboeken"].items():
            nb_voor = voor["notitieboeken"].get(naam, {})
            zet(sn, nb_ids[naam], _verschil(nb_voor.get("velden"), nb_na["velden"]))
    db.commit()


def _handwerk_gedaan(cijfer: dict | None) -> bool:
    return bool(cijfer) and cijfer.get("manual_score") is not None and not cijfer.get("needs_manual_grade")


# --- the worker --------------------------------------------------------------------------------

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


def _start_werker(
    ouder: int, cursusmap: str, opdracht: str, momentopname: str, werkmap: str, snel: bool
) -> None:
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


def _kijk_na(student: str, bron: str, oud: str, namen: list[str]) -> dict:
    """Check and copy one learner's submission, autograde the copy with stock nbgrader.

    `bron`: the submission folder; `oud`: the learner's autograded folder of an earlier round (to
    see which hand-graded answers did not change). Returns status, log and gradebook rows."""
    from nbgrader.converters import NbGraderException

    from wijkleren.nakijkronde.celcontrole import vervang
    from wijkleren.nakijkronde.ronde import Weigering, handgraded_ongewijzigd, kopieer_inlevering

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


# --- the parent's side of the pool -------------------------------------------------------------


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
            initializer=_start_werker,
            initargs=(os.getpid(), str(cursusmap), opdracht, str(momentopname_pad), str(werkmap), snel),
        )
        self.taken: dict = {}

    def geef(self, student: str, bron: Path, oud: Path, namen: list[str]) -> None:
        self.taken[self.pool.submit(_kijk_na, student, str(bron), str(oud), namen)] = student

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
