"""``nbgrader autograde`` for a whole class on all cores, with a progress bar.

Stock ``nbgrader autograde`` grades one submission after another and shows no progress
(nbgrader issues 174 and 1456). Here:

1. The parent takes a snapshot of the gradebook (SQLite's backup API) and forks N workers.
2. Each worker copies the snapshot to a scratch gradebook of its own, in memory where the
   system allows (``/dev/shm``), and grades one student per task with nbgrader's own
   ``Autograde`` converter, configured as ``nbgrader autograde`` would be (same
   ``nbgrader_config.py``, same flags) except for the gradebook URL. The autograded notebooks
   go straight to ``autograded/<student>/``: every student has a folder of their own.
3. A task returns the student's gradebook rows before and after grading. The parent, the only
   process that writes to the real gradebook, applies the changed fields, one student per
   transaction, and updates the progress bar.

So SQLite never sees two writers, every grade is computed by stock nbgrader code (one
preprocessor, nbgrader's cell metadata check, is replaced by an equal but faster one: see
:mod:`.celcontrole`), and nothing else in the gradebook is touched: fields nbgrader did not
change (a manual grade given in formgrader meanwhile) keep their value. A failing submission gets a Dutch status line, its log
goes to ``wijkleren-nakijken.log`` in the course folder, and the others go on.
"""

from __future__ import annotations

import concurrent.futures as cf
import glob
import io
import logging
import multiprocessing
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .cursus import Cursus, CursusFout, cijferboek_pad, controleer_opdracht, in_map, lees_cursus, maak_app

LOGBESTAND = "wijkleren-nakijken.log"
JOURNAAL = "wijkleren-nakijken.bezig"

GELUKT = "gelukt"
OVERGESLAGEN = "overgeslagen"
MISLUKT = "mislukt"


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


def _verschil(voor: dict | None, na: dict) -> dict:
    voor = voor or {}
    return {k: v for k, v in na.items() if k not in voor or voor[k] != v}


def pas_toe(gb, opdracht: str, student: str, voor: dict, na: dict) -> None:
    """Write into gradebook `gb` what grading changed for one student: the fields that differ
    from before, in one transaction. New rows are made by nbgrader's own Gradebook methods."""
    import warnings

    from sqlalchemy import exc, select, update

    api = _tabellen()
    if na["student"] is None:
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
                    zet(t, ids[(naam, cel)], _verschil(nb_voor.get(soort, {}).get(cel), waarden))
        for naam, nb_na in na["notitieboeken"].items():
            nb_voor = voor["notitieboeken"].get(naam, {})
            zet(sn, nb_ids[naam], _verschil(nb_voor.get("velden"), nb_na["velden"]))
    db.commit()


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


def _start_werker(
    cursusmap: str, opdracht: str, momentopname: str, werkmap: str, argv: list[str], snel: bool
) -> None:
    from sqlalchemy import create_engine

    os.chdir(cursusmap)
    # Warnings and kernel chatter would break the progress bar; nbgrader's log is kept per task.
    os.dup2(os.open(os.devnull, os.O_WRONLY), 2)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115 (lives as long as the worker)
    db = Path(werkmap) / f"werker-{os.getpid()}.db"
    shutil.copyfile(momentopname, db)
    app = maak_app([opdracht, f"--db=sqlite:///{db}", *argv])
    app.coursedir.assignment_id = opdracht
    app.log.handlers.clear()  # the parent draws the progress; the log goes with each result
    app.log.propagate = False
    _WERKER.update(app=app, opdracht=opdracht, engine=create_engine(f"sqlite:///{db}"), snel=snel)


def _kijk_na(student: str) -> dict:
    """Autograde one student with stock nbgrader; return the status, log and gradebook rows."""
    from nbgrader.converters import Autograde, NbGraderException

    from .celcontrole import vervang

    app, opdracht, engine = _WERKER["app"], _WERKER["opdracht"], _WERKER["engine"]
    vanger = _Vanger()
    app.log.addHandler(vanger)
    begin = time.monotonic()
    try:
        with engine.connect() as conn:
            voor = lees_rijen(conn, opdracht, student)
        app.coursedir.student_id = glob.escape(student)
        for poging in range(2):
            status, fout = GELUKT, ""
            converter = Autograde(coursedir=app.coursedir, parent=app)  # as AutogradeApp.start() does
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
        if status == GELUKT and "Skipping existing assignment" in vanger.buffer.getvalue():
            status = OVERGESLAGEN
        with engine.connect() as conn:
            na = lees_rijen(conn, opdracht, student)
    finally:
        app.log.removeHandler(vanger)
    return {
        "student": student,
        "status": status,
        "fout": fout,
        "log": vanger.buffer.getvalue(),
        "voor": voor,
        "na": na,
        "seconden": time.monotonic() - begin,
    }


# --- the parent --------------------------------------------------------------------------------


@dataclass
class Uitslag:
    """What one run did: per status the student ids, and the wall time."""

    opdracht: str
    gelukt: list[str] = field(default_factory=list)
    overgeslagen: list[str] = field(default_factory=list)
    mislukt: dict[str, str] = field(default_factory=dict)  # student -> short Dutch reason
    seconden: float = 0.0
    werkers: int = 1
    logbestand: Path | None = None

    @property
    def totaal(self) -> int:
        return len(self.gelukt) + len(self.overgeslagen) + len(self.mislukt)

    def samenvatting(self) -> str:
        delen = [f"{len(self.gelukt)} nagekeken"]
        if self.overgeslagen:
            delen.append(f"{len(self.overgeslagen)} overgeslagen (al nagekeken; gebruik --opnieuw)")
        if self.mislukt:
            delen.append(f"{len(self.mislukt)} mislukt")
        tekst = f"Klaar: {', '.join(delen)}. Tijd: {_duur(self.seconden)} met {self.werkers} werkers."
        if self.mislukt and self.logbestand:
            tekst += f"\nWat er misging, staat in {self.logbestand}."
        return tekst


def _reden(cursus: Cursus, opdracht: str, student: str, uitkomst: dict) -> str:
    """A short Dutch reason for a failed submission: a broken file, or else from nbgrader's log."""
    from ..nakijkronde import controleer_inlevering

    map_ = cursus.pad(cursus.coursedir.submitted_directory, student, opdracht)
    namen = sorted(p.name for p in map_.glob("*.ipynb"))
    probleem = controleer_inlevering(map_, namen) if namen else None
    if probleem:
        return probleem[1]
    log = uitkomst["log"] + uitkomst["fout"]
    if "timeout" in log.lower() or "UnresponsiveKernelError" in log:
        return "De code in het notitieboek bleef te lang draaien."
    if "SchemaTooOld" in log or "SchemaTooNew" in log:
        return "Het notitieboek hoort bij een andere versie van nbgrader."
    return "nbgrader kon deze inzending niet nakijken."


def _momentopname(bron: Path, doel: Path) -> None:
    """A consistent copy of an SQLite database, also while another program has it open."""
    with sqlite3.connect(bron) as van, sqlite3.connect(doel) as naar:
        van.backup(naar)
    van.close()
    naar.close()


def _geheugenmap() -> str | None:
    """A folder in memory (tmpfs) for the workers' scratch gradebooks, if the system has one.

    nbgrader commits after every grade cell; on a disk each commit waits until the data is
    safely written, which is most of the time stock autograde takes. The scratch copies need no
    such safety: the real gradebook gets one transaction per student, on disk as always.
    """
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK) else None


def standaard_werkers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def nakijken(
    map_: Path | str,
    opdracht: str,
    *,
    werkers: int | None = None,
    opnieuw: bool = False,
    studenten: list[str] | None = None,
    stroom=None,
    snelle_controle: bool = True,
) -> Uitslag:
    """Autograde all submissions of `opdracht` in the course folder `map_` on `werkers` cores.

    Same grades, files and gradebook as ``nbgrader autograde <opdracht>`` (``--force`` when
    `opnieuw`). Raises CursusFout (Dutch) when the course or assignment cannot be used.
    `snelle_controle`: nbgrader's cell metadata check with its schema checked once
    (:mod:`.celcontrole`); False runs nbgrader's own, which is slower, with the same outcome.
    """
    begin = time.monotonic()
    stroom = stroom if stroom is not None else sys.stderr
    cursus: Cursus = lees_cursus(map_)
    controleer_opdracht(cursus, opdracht)
    db = cijferboek_pad(cursus)
    if db is None:
        raise CursusFout("Parallel nakijken werkt alleen met een SQLite-cijferboek (gradebook.db).")
    alle = cursus.ingeleverd(opdracht)
    if studenten is not None:
        onbekend = sorted(set(studenten) - set(alle))
        if onbekend:
            raise CursusFout(f"Geen inzending van: {', '.join(onbekend)}.")
        alle = [s for s in alle if s in set(studenten)]
    werkers = max(1, min(werkers or standaard_werkers(), len(alle) or 1))
    uitslag = Uitslag(opdracht, werkers=werkers)
    if not alle:
        stroom.write(
            f"Er zijn geen inzendingen van '{opdracht}' in {cursus.pad('submitted', '*', opdracht)}.\n"
        )
        return uitslag
    argv = ["--force"] if opnieuw else []
    journaal = Journaal(cursus.root / JOURNAAL)
    hersteld = journaal.herstel(cursus)
    if hersteld:
        stroom.write(f"De vorige keer stopte het nakijken halverwege. Opnieuw: {', '.join(hersteld)}.\n")
    stroom.write(f"Nakijken: {len(alle)} inzendingen van '{opdracht}', {werkers} tegelijk.\n")
    voortgang = Voortgang(len(alle), stroom)
    voortgang.toon()
    logregels: list[str] = []
    with tempfile.TemporaryDirectory(prefix="wijkleren-nakijken-", dir=_geheugenmap()) as werkmap:
        momentopname = Path(werkmap) / "momentopname.db"
        _momentopname(db, momentopname)
        journaal.begin(opdracht, alle)
        # fork: the workers start with nbgrader already imported, which takes seconds otherwise.
        methode = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        pool = cf.ProcessPoolExecutor(
            werkers,
            mp_context=multiprocessing.get_context(methode),
            initializer=_start_werker,
            initargs=(str(cursus.map), opdracht, str(momentopname), werkmap, argv, snelle_controle),
        )
        taken = {pool.submit(_kijk_na, s): s for s in alle}
        try:
            with in_map(cursus.map):
                _verwerk(cursus, opdracht, taken, journaal, uitslag, voortgang, logregels)
        except BaseException:  # Ctrl-C: clean up as after a crash, then stop
            pool.shutdown(wait=True, cancel_futures=True)
            journaal.herstel(cursus)
            raise
        pool.shutdown(wait=True)
        journaal.sluit()
    voortgang.klaar()
    if logregels:
        uitslag.logbestand = cursus.map / LOGBESTAND
        uitslag.logbestand.write_text("".join(logregels), encoding="utf-8")
    uitslag.seconden = time.monotonic() - begin
    return uitslag


class Journaal:
    """The students a run grades, on disk, so that a run that stopped halfway can be repaired.

    A worker writes a student's autograded files before the parent stores the grades (stock
    nbgrader does it the other way round). Should the run stop in between (Ctrl-C, a crash, a
    power cut), those files would make the next run skip the student, who would then have no
    grades. So the next run, or the Ctrl-C handler, removes the files written since the run
    began for every student whose grades were not stored; that student is graded again.
    """

    def __init__(self, pad: Path):
        self.pad = pad
        self._bestand = None

    def begin(self, opdracht: str, studenten: list[str]) -> None:
        regels = [f"begin {time.time()!r} {opdracht}"] + [f"student {s}" for s in studenten]
        with open(self.pad, "w", encoding="utf-8") as f:
            f.write("\n".join(regels) + "\n")
            f.flush()
            os.fsync(f.fileno())  # on disk before any worker writes a file
        self._bestand = open(self.pad, "a", encoding="utf-8")  # noqa: SIM115 (closed in sluit)

    def klaar(self, student: str) -> None:
        """The student's grades are stored (or there was nothing to store)."""
        self._bestand.write(f"klaar {student}\n")
        self._bestand.flush()

    def sluit(self) -> None:
        if self._bestand:
            self._bestand.close()
            self._bestand = None
        self.pad.unlink(missing_ok=True)

    def herstel(self, cursus: Cursus) -> list[str]:
        """Clean up after a run that stopped halfway; return the students it concerned."""
        if self._bestand:
            self._bestand.close()
            self._bestand = None
        try:
            regels = self.pad.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []
        open_ = []
        if regels and regels[0].startswith("begin "):
            _, tijd, opdracht = regels[0].split(" ", 2)
            klaar = {r.removeprefix("klaar ") for r in regels if r.startswith("klaar ")}
            for r in regels[1:]:
                student = r.removeprefix("student ")
                if r.startswith("student ") and student not in klaar:
                    if _ruim_op(cursus, opdracht, student, float(tijd)):
                        open_.append(student)
        self.pad.unlink(missing_ok=True)
        return open_


def _ruim_op(cursus: Cursus, opdracht: str, student: str, sinds: float) -> bool:
    """Remove a student's autograded folder if it was written after `sinds` (epoch seconds)."""
    map_ = cursus.pad(cursus.coursedir.autograded_directory, student, opdracht)
    if map_.is_dir() and map_.stat().st_mtime >= sinds:
        shutil.rmtree(map_, ignore_errors=True)
        return True
    return False


def _verwerk(cursus, opdracht, taken, journaal, uitslag, voortgang, logregels) -> None:
    """Write each result into the real gradebook as it arrives, and move the progress bar."""
    from nbgrader.api import Gradebook

    with Gradebook(cursus.db_url, cursus.coursedir.course_id) as gb:
        for taak in cf.as_completed(taken):
            student = taken[taak]
            try:
                u = taak.result()
            except Exception:  # the worker itself died (e.g. out of memory)
                u = {"status": MISLUKT, "log": traceback.format_exc(), "fout": "", "na": None}
            if u["na"] is not None:
                try:
                    pas_toe(gb, opdracht, student, u["voor"], u["na"])
                except Exception:
                    gb.db.rollback()
                    u = {**u, "status": MISLUKT, "log": u["log"] + traceback.format_exc()}
            journaal.klaar(student)
            melding = None
            if u["status"] == GELUKT:
                uitslag.gelukt.append(student)
            elif u["status"] == OVERGESLAGEN:
                uitslag.overgeslagen.append(student)
            else:
                reden = _reden(cursus, opdracht, student, u)
                uitslag.mislukt[student] = reden
                melding = f"Mislukt: {student}. {reden} De andere inzendingen gaan door."
                logregels.append(f"===== {student} =====\n{u['log']}{u['fout']}\n")
            voortgang.stap(melding)
