"""The grading round: ``wijkleren opdracht nakijken OPDRACHT [--werkers N] [--opnieuw]``.

One round checks every submission of an assignment, grades the sound ones with stock nbgrader on
all cores (:mod:`wijkleren.nakijkronde.parallel`), and gives each learner a clear Dutch status line
(:mod:`.statussen`).

What the round guarantees:

- **Nothing is lost.** A learner counts as done (their notebooks in ``autograded/``, a line in the
  journal) only after their grades are stored in the gradebook, in one transaction
  (:mod:`.vastleggen`). Whatever stops the round (a read-only or locked gradebook, a full disk, a
  folder it cannot write, kill -9, Ctrl-C), the grades stored before stay, the cause is named in
  Dutch (:mod:`.oorzaken`), and the next run grades the rest. Before it writes, the round makes a
  backup of the gradebook (a new, writable file).
- **One round at a time**: a lock on a file in the course folder, which the kernel releases when
  a round dies (:mod:`.journaal`, with the backup and the journal of who is done).
- **No leftovers**: workers die with the round (``PR_SET_PDEATHSIG``); scratch files live in one
  folder in the course (:data:`WERKMAP`), which the next round empties first.
- **No cheat with files**: links, devices and pipes in a submission are refused, learner ids are
  used literally, and the time of handing in is when the file arrived (:mod:`.inlevering`).
- **Clear statuses**, each with a Dutch explanation and the learner's score (:mod:`.statussen`).

:func:`nakijken` runs in named steps: :func:`_bereid_voor` (checks, journal, submissions,
backup), :func:`_sorteer` (who is already graded, who is to grade) and
:func:`_kijk_na_met_werkers` (the pool; :func:`_verwerk` stores each result as it comes).

Test hook: with the environment variable ``WIJKLEREN_TEST_PAUZE`` (:data:`TEST_PAUZE`) set to a
number of seconds, the round waits that long after each learner it stored. Only the Ctrl-C test
(tests/test_nakijkronde_fouten.py) sets it, so that its SIGINT always falls between two learners;
a trainer never needs it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from wijkleren.nakijkronde import parallel
from wijkleren.nakijkronde.cursus import (
    Cursus,
    CursusFout,
    cijferboek_pad,
    controleer_opdracht,
    in_map,
    lees_cursus,
)
from wijkleren.nakijkronde.inlevering import kopieer_inlevering, zoek_inleveringen
from wijkleren.nakijkronde.journaal import SLOT, Journaal, Slot, maak_reservekopie
from wijkleren.nakijkronde.oorzaken import (
    RondeFout,
    cijferbestand_schrijfbaar,
    oorzaak,
    reden_fout,
    schrijfbaar,
)
from wijkleren.nakijkronde.rijen import lees_max_per_cel, lees_stand
from wijkleren.nakijkronde.signalen import herstel_term, term_als_ctrl_c
from wijkleren.nakijkronde.statussen import (
    AL_NAGEKEKEN,
    FOUT,
    GEWEIGERD,
    NAGEKEKEN,
    NIET_NAGEKEKEN,
    Status,
    Weigering,
    handwerk_zin,
    melding,
    schrijf_status,
)
from wijkleren.nakijkronde.vastleggen import leg_vast
from wijkleren.nakijkronde.voortgang import Voortgang, duur
from wijkleren.nakijkronde.werker import GELUKT

WERKMAP = ".wijkleren-nakijken-werk"
TEST_PAUZE = "WIJKLEREN_TEST_PAUZE"  # test hook: seconds to wait after each learner (see above)


@dataclass
class Ronde:
    """What one round did: a status per learner, and how it went."""

    opdracht: str
    uitkomsten: list[Status] = field(default_factory=list)
    werkers: int = 1
    seconden: float = 0.0
    gestopt: str | None = None  # the Dutch cause when the round had to stop
    reservekopie: Path | None = None
    vorige_gestopt: list[str] = field(default_factory=list)
    verslag: Path | None = None

    def status(self, deelnemer: str) -> Status:
        return next(s for s in self.uitkomsten if s.deelnemer == deelnemer)

    def per_status(self, status: str) -> list[str]:
        return [s.deelnemer for s in self.uitkomsten if s.status == status]

    @property
    def problemen(self) -> list[Status]:
        return [s for s in self.uitkomsten if s.status not in (NAGEKEKEN, AL_NAGEKEKEN)]

    def samenvatting(self) -> str:
        tellingen: dict[str, int] = {}
        for s in self.uitkomsten:
            tellingen[s.status] = tellingen.get(s.status, 0) + 1
        delen = [f"{n} {status}" for status, n in tellingen.items()] or ["geen inleveringen"]
        tekst = f"Klaar: {', '.join(delen)}. Tijd: {duur(self.seconden)} met {_werkers(self.werkers)}."
        tekst += cesuur_regels(self.opdracht, self.uitkomsten)
        handwerk = [s for s in self.uitkomsten if s.handwerk_open]
        if handwerk:
            tekst += f"\nBij {_deelnemers(len(handwerk))} moet je nog met de hand nakijken, in de Formgrader."
        if self.verslag:
            tekst += f"\nWat nbgrader meldde bij een fout, staat in {self.verslag}."
        if self.gestopt:
            tekst += f"\nDe ronde is gestopt: {self.gestopt}"
        return tekst


def cesuur_regels(opdracht: str, uitkomsten: list[Status]) -> str:
    """Hook of the pass mark (wijkleren.eindopdracht.cesuur): voldoende / onvoldoende per learner in the summary."""
    from wijkleren.eindopdracht.cesuur import samenvatting

    regels = samenvatting(
        opdracht, [(s.deelnemer, s.punten, s.max_punten, bool(s.handwerk_open)) for s in uitkomsten]
    )
    return f"\n{regels}" if regels else ""


def _werkers(n: int) -> str:
    return "1 werker" if n == 1 else f"{n} werkers"


def _deelnemers(n: int) -> str:
    return "1 deelnemer" if n == 1 else f"{n} deelnemers"


@dataclass
class _Werk:
    """What one round works with: settled before grading (:func:`_bereid_voor`), filled in as it grades."""

    cursus: Cursus
    opdracht: str
    db: Path  # the gradebook file
    namen: list[str]  # the assignment's notebooks, e.g. ["casussen_beoordelen.ipynb"]
    max_per_cel: dict
    werkmap: Path
    autograded: Path
    submitted: Path
    journaal: Journaal
    alle: list[str]  # the learners with a submission folder
    opnieuw_voor: set[str]  # learners to grade again, already graded or not
    uitkomsten: dict[str, Status] = field(default_factory=dict)
    te_doen: list[str] = field(default_factory=list)
    nieuw: set[str] = field(default_factory=set)  # graded before, handed in again since
    verslag: list[str] = field(default_factory=list)  # nbgrader's log of each failure

    def bron(self, s: str) -> Path:
        return self.cursus.pad(self.cursus.coursedir.submitted_directory, s, self.opdracht)

    def klaar(self, s: str) -> Path:
        return self.cursus.pad(self.cursus.coursedir.autograded_directory, s, self.opdracht)

    def met_stand(self, conn, s: str, status: str, bericht: str, eerder: bool = False) -> Status:
        """A status for `s` with their score as the gradebook (connection `conn`) has it now."""
        punten, maximum, open_ = lees_stand(conn, self.opdracht, s, self.max_per_cel)
        if eerder and punten is not None:
            bericht += " Eerdere punten in het cijferbestand blijven staan."
        return Status(s, status, bericht, punten, maximum, open_)


def nakijken(
    map_: Path | str,
    opdracht: str,
    *,
    werkers: int | None = None,
    opnieuw: bool = False,
    studenten: list[str] | None = None,
    stroom=None,
    snelle_controle: bool = True,
) -> Ronde:
    """Grade every submission of `opdracht` in the course folder `map_`; return the round.

    The grades are those of ``nbgrader autograde`` (``--force`` when `opnieuw`). Raises RondeFout
    (or CursusFout) with a Dutch message when the round cannot start; a round that had to stop
    halfway returns with ``gestopt`` set. Ctrl-C raises KeyboardInterrupt after cleaning up."""
    from nbgrader.api import Gradebook

    begin = time.monotonic()
    stroom = stroom if stroom is not None else sys.stderr
    cursus = lees_cursus(map_)
    db = cijferboek_pad(cursus)
    if db is None:
        raise CursusFout("Nakijken werkt alleen met een SQLite-cijferbestand (gradebook.db).")
    ronde = Ronde(opdracht)
    with Slot(cursus.root / SLOT):
        werk = _bereid_voor(cursus, db, opdracht, ronde, studenten, opnieuw, stroom)
        with Gradebook(cursus.db_url, cursus.coursedir.course_id) as gb:
            _sorteer(werk, gb.db)
            te_doen = werk.te_doen
            aantal = max(1, min(werkers or parallel.standaard_werkers(), len(te_doen) or 1))
            ronde.werkers = aantal
            totaal = len(werk.uitkomsten) + len(te_doen)
            if not totaal:
                stroom.write(f"Er zijn geen inleveringen van '{opdracht}' in {werk.submitted}.\n")
            elif te_doen:
                stroom.write(
                    f"Nakijken: {len(te_doen)} van {totaal} inleveringen van '{opdracht}', {aantal} tegelijk.\n"
                )
            voortgang = Voortgang(totaal, stroom)
            for s in sorted(werk.uitkomsten):
                voortgang.stap(melding(werk.uitkomsten[s]))
            if te_doen:
                _kijk_na_met_werkers(werk, gb, ronde, voortgang, aantal, opnieuw, snelle_controle)
            elif werk.journaal.gestopt:
                werk.journaal.einde()  # nothing was left to do: the stopped round is finished
            voortgang.klaar()
    ronde.uitkomsten = [werk.uitkomsten[s] for s in sorted(werk.uitkomsten)]
    if werk.verslag:
        ronde.verslag = werk.autograded / f"nakijkverslag-{opdracht}.txt"
        with contextlib.suppress(OSError):
            ronde.verslag.write_text("".join(werk.verslag), encoding="utf-8")
    schrijf_status(werk.autograded / f"nakijkstatus-{opdracht}.csv", ronde.uitkomsten)
    ronde.seconden = time.monotonic() - begin
    return ronde


def _bereid_voor(
    cursus: Cursus, db: Path, opdracht: str, ronde: Ronde, studenten: list[str] | None, opnieuw: bool, stroom
) -> _Werk:
    """Before grading: check the assignment and that the round can write, read the journal, find
    the submissions and back up the gradebook. RondeFout (Dutch) when the round cannot start."""
    from nbgrader.api import Gradebook
    from sqlalchemy.exc import SQLAlchemyError

    root, cd = cursus.root, cursus.coursedir
    try:
        controleer_opdracht(cursus, opdracht)
        with Gradebook(cursus.db_url, cd.course_id) as gb:
            max_per_cel = lees_max_per_cel(gb, opdracht)
            namen = [f"{nb.name}.ipynb" for nb in gb.find_assignment(opdracht).notebooks]
    except SQLAlchemyError as fout:
        raise RondeFout(f"Ik kan het cijferbestand niet lezen: {oorzaak(fout, db)}") from None
    werkmap = root / WERKMAP
    shutil.rmtree(werkmap, ignore_errors=True)  # what a killed round left behind
    autograded = Path(cursus.pad(cd.autograded_directory, ".", ".")).resolve()
    for plek in (root, autograded):
        schrijfbaar(plek)
    cijferbestand_schrijfbaar(db)
    journaal = Journaal(root, opdracht)
    ronde.vorige_gestopt = list(journaal.gestopt)
    if journaal.gestopt:
        stroom.write(
            f"De vorige ronde stopte halverwege. Nog niet klaar waren: {', '.join(journaal.gestopt)}.\n"
        )
    submitted = Path(cursus.pad(cd.submitted_directory, ".", ".")).resolve()
    alle, misplaatst = zoek_inleveringen(submitted, opdracht, namen)
    if studenten is not None:
        gevraagd = set(studenten)
        onbekend = sorted(gevraagd - set(alle))
        if onbekend:
            raise RondeFout(f"Geen inlevering van: {', '.join(onbekend)}.")
        alle = [s for s in alle if s in gevraagd]
        misplaatst = []
    opnieuw_voor = set(alle) if opnieuw else set(journaal.gestopt if journaal.gestopt_opnieuw else [])
    try:
        ronde.reservekopie = maak_reservekopie(db, autograded)
    except (OSError, sqlite3.Error) as fout:
        raise RondeFout(
            f"Ik kan geen reservekopie van het cijferbestand maken: {oorzaak(fout, db)}"
        ) from None
    return _Werk(
        cursus,
        opdracht,
        db,
        namen,
        max_per_cel,
        werkmap,
        autograded,
        submitted,
        journaal,
        alle,
        opnieuw_voor,
        uitkomsten={s.deelnemer: s for s in misplaatst},
    )


def _sorteer(werk: _Werk, conn) -> None:
    """Who is to grade (``werk.te_doen``); a status now for those already graded, or refused."""
    for s in werk.alle:
        bron, klaar = werk.bron(s), werk.klaar(s)
        al_klaar = all((klaar / n).is_file() for n in werk.namen)
        if not al_klaar or s in werk.opnieuw_voor:
            werk.te_doen.append(s)
            continue
        try:
            inlevering = kopieer_inlevering(bron, None, werk.namen)
        except Weigering as w:
            werk.uitkomsten[s] = werk.met_stand(conn, s, w.status, w.bericht, eerder=True)
            continue
        vorige = werk.journaal.klaar_met.get(s)
        if vorige is not None:
            veranderd = vorige.get("sha256") != inlevering.sha256
        else:  # graded by stock nbgrader: a file newer than its autograded version
            veranderd = any((bron / n).stat().st_mtime > (klaar / n).stat().st_mtime for n in werk.namen)
        if veranderd:
            werk.te_doen.append(s)
            werk.nieuw.add(s)
            continue
        bericht = "Deze inlevering was al nagekeken. Gebruik --opnieuw om opnieuw na te kijken."
        uitkomst = werk.met_stand(conn, s, AL_NAGEKEKEN, bericht)
        if uitkomst.handwerk_open:
            bericht += " " + handwerk_zin(uitkomst.handwerk_open)
            uitkomst = Status(
                s, AL_NAGEKEKEN, bericht, uitkomst.punten, uitkomst.max_punten, uitkomst.handwerk_open
            )
        werk.uitkomsten[s] = uitkomst


def _kijk_na_met_werkers(
    werk: _Werk, gb, ronde: Ronde, voortgang: Voortgang, aantal: int, opnieuw: bool, snelle_controle: bool
) -> None:
    """Grade ``werk.te_doen`` on `aantal` workers and store each result as it comes.

    When a write fails, the round stops: ``ronde.gestopt`` says why and the learners not done get
    "niet nagekeken". Ctrl-C and SIGTERM stop the workers and raise; the journal stays."""
    werkmap, journaal, te_doen = werk.werkmap, werk.journaal, werk.te_doen
    werkmap.mkdir()
    parallel.momentopname(werk.db, werkmap / "momentopname.db")
    journaal.begin(opnieuw or bool(werk.opnieuw_voor & set(te_doen)), te_doen)
    pool = parallel.Werkers(werk.cursus.map, werk.opdracht, werkmap, aantal, snelle_controle)
    pauze = _test_pauze()
    oude_term = term_als_ctrl_c()
    try:
        for s in te_doen:
            pool.geef(s, werk.bron(s), werk.klaar(s), werk.namen)
        with in_map(werk.cursus.map):
            for u in pool.resultaten():
                ronde.gestopt = _verwerk(werk, gb, u)
                if ronde.gestopt:
                    break
                s = u["student"]
                voortgang.stap(melding(werk.uitkomsten[s]) if s in werk.uitkomsten else None)
                if pauze:
                    time.sleep(pauze)  # the test hook: a Ctrl-C now falls between two learners
        if ronde.gestopt:
            pool.stop()
            for s in te_doen:
                if s not in werk.uitkomsten:
                    werk.uitkomsten[s] = werk.met_stand(
                        gb.db,
                        s,
                        NIET_NAGEKEKEN,
                        "Niet nagekeken: de ronde stopte. Los het probleem op en start opnieuw.",
                        eerder=True,
                    )
            journaal.sluit()
        else:
            pool.sluit()
            journaal.einde()
    except BaseException:  # Ctrl-C, SIGTERM: stop the workers, keep the journal
        pool.stop()
        journaal.sluit()
        shutil.rmtree(werkmap, ignore_errors=True)
        raise
    finally:
        herstel_term(oude_term)
    shutil.rmtree(werkmap, ignore_errors=True)


def _test_pauze() -> float:
    """The test hook's seconds; anything but a number of 0 to 600 is no pause."""
    try:
        pauze = float(os.environ.get(TEST_PAUZE) or 0)
    except ValueError:
        return 0.0
    return pauze if 0 < pauze <= 600 else 0.0


def _verwerk(werk: _Werk, gb, u: dict) -> str | None:
    """Store one worker's result `u` and give the learner a status; the Dutch cause if the round must stop."""
    from sqlalchemy.exc import SQLAlchemyError

    s = u["student"]
    if u["status"] == GEWEIGERD:
        status, bericht = u["weigering"]
        werk.uitkomsten[s] = werk.met_stand(gb.db, s, status, bericht, eerder=True)
    elif u["status"] == GELUKT:
        try:
            leg_vast(
                gb, werk.opdracht, s, u, werk.klaar(s), werk.bron(s), werk.werkmap / "weg", werk.journaal
            )
        except (SQLAlchemyError, OSError) as fout:
            waar = werk.db if isinstance(fout, SQLAlchemyError) else werk.autograded
            werk.verslag.append(f"===== {s} =====\n{fout}\n")
            return oorzaak(fout, waar)
        bericht = "Nieuwe inlevering: opnieuw nagekeken." if s in werk.nieuw else "In orde."
        uitkomst = werk.met_stand(gb.db, s, NAGEKEKEN, bericht)
        if uitkomst.handwerk_open:
            bericht = (
                f"{bericht} {handwerk_zin(uitkomst.handwerk_open)}"
                if s in werk.nieuw
                else handwerk_zin(uitkomst.handwerk_open)
            )
            uitkomst = Status(
                s, NAGEKEKEN, bericht, uitkomst.punten, uitkomst.max_punten, uitkomst.handwerk_open
            )
        werk.uitkomsten[s] = uitkomst
    elif isinstance(u.get("os"), OSError) or u.get("omgeving"):
        fout = u.get("os") or OSError(u["omgeving"])
        werk.verslag.append(f"===== {s} =====\n{u['log']}{u.get('fout', '')}\n")
        return oorzaak(fout, werk.werkmap)
    else:
        werk.verslag.append(f"===== {s} =====\n{u.get('log', '')}{u.get('fout', '')}\n")
        bericht = f"{reden_fout(u)}. Details staan in het nakijkverslag."
        werk.uitkomsten[s] = werk.met_stand(gb.db, s, FOUT, bericht, eerder=True)
    return None
