"""The grading round: ``wijkleren opdracht nakijken OPDRACHT [--werkers N] [--opnieuw]``.

One round checks every submission of an assignment, grades the sound ones with stock nbgrader on
all cores (:mod:`wijkleren.nakijkronde.parallel`), and gives each learner a clear Dutch status line.

What the round guarantees:

- **Nothing is lost.** A learner counts as done (their notebooks in ``autograded/``, a line in the
  journal) only after their grades are stored in the gradebook, in one transaction. Whatever
  stops the round (a read-only or locked gradebook, a full disk, a folder it cannot write, kill -9,
  Ctrl-C), the grades stored before stay, the cause is named in Dutch, and the next run grades
  the rest. Before it writes, the round makes a backup of the gradebook (a new, writable file).
- **One round at a time**: a lock (``fcntl.flock``) on a file in the course folder. The kernel
  releases it when a round dies, so a killed round never blocks the next one.
- **No leftovers**: workers die with the round (``PR_SET_PDEATHSIG``); scratch files live in one
  folder in the course (:data:`WERKMAP`), which the next round empties first.
- **No cheat with files**: a submission holding a link, a device, a pipe or anything but plain
  files and folders is refused (:func:`wijkleren.klasserver.uitwisseling.onveilige_inhoud`, the check that
  ``nbgrader collect`` on the class server uses too), and it is read without following links
  (``O_NOFOLLOW``, file by file, relative to its folder), so a link swapped in later is refused too. Learner ids are folder names, used literally (nbgrader's own API would read
  ``*`` or ``a[b]`` as a pattern). The time of handing in is when the file arrived in the course
  folder (its ctime, set by the system when the trainer or ``nbgrader collect`` put it there),
  never a ``timestamp.txt`` the learner wrote.
- **Clear statuses**: ``nagekeken`` (with the hand grading still to do, if any), ``al nagekeken``,
  ``kapot``, ``ontbreekt``, ``geweigerd``, ``verkeerde plek``, ``fout`` and ``niet nagekeken``
  (the round stopped), each with a Dutch explanation and the learner's score.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import fcntl
import hashlib
import json
import logging
import os
import shutil
import signal
import sqlite3
import stat
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import nbformat

from wijkleren.eindopdracht.formaat import NBGRADER
from wijkleren.fouten import WijklerenFout

log = logging.getLogger(__name__)

NAGEKEKEN = "nagekeken"
AL_NAGEKEKEN = "al nagekeken"
KAPOT = "kapot"
ONTBREEKT = "ontbreekt"
GEWEIGERD = "geweigerd"
VERKEERDE_PLEK = "verkeerde plek"
FOUT = "fout"
NIET_NAGEKEKEN = "niet nagekeken"

SLOT = ".wijkleren-nakijken.slot"
WERKMAP = ".wijkleren-nakijken-werk"
RESERVEKOPIE = "reservekopie-gradebook.db"
VORIGE_RESERVEKOPIE = "reservekopie-gradebook-vorige.db"

TIJDSTEMPEL = "timestamp.txt"
_MAX_BESTAND = 50_000_000  # bytes per file in a submission
_MAX_TOTAAL = 200_000_000
_MAX_BESTANDEN = 500
_MAX_DIEPTE = 8

_OPNIEUW_INLEVEREN = "Vraag de deelnemer om het opnieuw in te leveren."


@dataclass(frozen=True)
class Status:
    """The result for one learner."""

    deelnemer: str
    status: str
    bericht: str
    punten: float | None = None
    max_punten: float | None = None
    handwerk_open: int = 0  # answers the trainer still has to grade by hand


class RondeFout(WijklerenFout):
    """The round cannot start or had to stop (no course, busy, read-only...); Dutch message."""

    code = 2


class Weigering(WijklerenFout):
    """A submission that is not graded: a status and a Dutch message (its line in the summary)."""

    def __init__(self, status: str, bericht: str):
        super().__init__(bericht)
        self.status, self.bericht = status, bericht


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


# --- reading a submission safely ----------------------------------------------------------------


@dataclass(frozen=True)
class Inlevering:
    """A checked submission: a fingerprint of its files and the time it arrived (nbgrader's form)."""

    sha256: str
    tijd: str


def _tijd(seconden: float) -> str:
    return datetime.fromtimestamp(seconden, UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def _open_map(naam: str, dir_fd: int | None) -> int:
    return os.open(naam, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=dir_fd)


def _lees_bestanden(map_: Path) -> tuple[dict[str, bytes], dict[str, float]]:
    """Every file under `map_` (relative path -> bytes, and -> ctime), read without following a link.

    Each step opens a name relative to the folder already opened, with O_NOFOLLOW, and looks at
    what it opened (fstat): a link swapped in halfway cannot lead elsewhere."""
    bestanden: dict[str, bytes] = {}
    tijden: dict[str, float] = {}
    totaal = 0

    def weiger(rel: str, wat: str) -> Weigering:
        return Weigering(
            GEWEIGERD,
            f"In de inlevering staat {wat}: {rel}. Zo'n inlevering kijk ik niet na, want hij kan "
            f"naar andermans bestand wijzen. {_OPNIEUW_INLEVEREN} Alleen gewone bestanden tellen.",
        )

    def loop(fd: int, voor: str, diepte: int) -> None:
        nonlocal totaal
        if diepte > _MAX_DIEPTE:
            raise Weigering(GEWEIGERD, f"De inlevering heeft te veel mappen in mappen. {_OPNIEUW_INLEVEREN}")
        for naam in sorted(os.listdir(fd)):
            rel = f"{voor}{naam}"
            info = os.stat(naam, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                raise weiger(rel, "een snelkoppeling (symlink)")
            if stat.S_ISDIR(info.st_mode):
                sub = _open_map(naam, fd)
                try:
                    loop(sub, rel + "/", diepte + 1)
                finally:
                    os.close(sub)
                continue
            if not stat.S_ISREG(info.st_mode):
                raise weiger(rel, "iets dat geen gewoon bestand is")
            try:
                bfd = os.open(naam, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, dir_fd=fd)
            except OSError as fout:
                if fout.errno == errno.ELOOP:
                    raise weiger(rel, "een snelkoppeling (symlink)") from None
                raise
            try:
                info = os.fstat(bfd)
                if not stat.S_ISREG(info.st_mode):
                    raise weiger(rel, "iets dat geen gewoon bestand is")
                totaal += info.st_size
                if info.st_size > _MAX_BESTAND or totaal > _MAX_TOTAAL or len(bestanden) >= _MAX_BESTANDEN:
                    raise Weigering(GEWEIGERD, f"De inlevering is te groot (bij {rel}). {_OPNIEUW_INLEVEREN}")
                with os.fdopen(bfd, "rb", closefd=False) as f:
                    bestanden[rel] = f.read(_MAX_BESTAND + 1)
                tijden[rel] = info.st_ctime
            finally:
                os.close(bfd)

    ouder = map_.parent
    info = os.lstat(map_)  # FileNotFoundError for the caller
    if stat.S_ISLNK(info.st_mode) or stat.S_ISLNK(os.lstat(ouder).st_mode):
        raise Weigering(
            GEWEIGERD,
            f"De map {map_.parent.name}/{map_.name} is een snelkoppeling (symlink) naar een andere map. "
            f"Die kijk ik niet na. {_OPNIEUW_INLEVEREN}",
        )
    if not stat.S_ISDIR(info.st_mode):
        raise Weigering(GEWEIGERD, f"{map_.name} is geen map. Zet het notitieboek in een map {map_.name}/.")
    ofd = _open_map(str(ouder), None)
    try:
        fd = _open_map(map_.name, ofd)
    finally:
        os.close(ofd)
    try:
        loop(fd, "", 0)
    finally:
        os.close(fd)
    return bestanden, tijden


def _controleer_notitieboek(naam: str, inhoud: bytes) -> None:
    try:
        data = json.loads(inhoud.decode("utf-8"))
    except UnicodeDecodeError:
        raise Weigering(KAPOT, f"{naam} is geen tekstbestand. {_OPNIEUW_INLEVEREN}") from None
    except json.JSONDecodeError as fout:
        raise Weigering(
            KAPOT,
            f"{naam} is beschadigd: de inhoud is geen geldige JSON (regel {fout.lineno}). {_OPNIEUW_INLEVEREN}",
        ) from None
    except RecursionError:
        data = None
    try:
        if not isinstance(data, dict):
            raise ValueError("geen notitieboek")
        nbformat.validate(nbformat.from_dict(data))
    except Exception:  # nbformat raises several kinds; all mean the same to a trainer
        raise Weigering(
            KAPOT,
            f"{naam} is geen geldig notitieboek (de opbouw van het bestand klopt niet). {_OPNIEUW_INLEVEREN}",
        ) from None


def kopieer_inlevering(bron: Path, doel: Path | None, namen: list[str]) -> Inlevering:
    """Check the submission in `bron` and, if `doel` is given, copy it there for grading.

    Raises :class:`Weigering` for a submission that cannot be graded. The copy holds plain files
    only, and a ``timestamp.txt`` with the time the notebooks arrived in the course folder: the
    learner's own ``timestamp.txt`` is left out."""
    from wijkleren.klasserver.uitwisseling import (
        onveilige_inhoud,  # the one check for "only regular files and folders"
    )

    if os.path.lexists(bron):
        problemen = onveilige_inhoud(bron)
        if problemen:
            raise Weigering(
                GEWEIGERD,
                f"{' '.join(problemen[:3])} Zo'n inlevering kijk ik niet na, want hij kan naar andermans "
                f"bestand wijzen. {_OPNIEUW_INLEVEREN} Alleen gewone bestanden tellen.",
            )
    try:  # read without following links, also if something changed since the check
        bestanden, tijden = _lees_bestanden(bron)
    except FileNotFoundError:
        raise Weigering(ONTBREEKT, f"De map {bron.name} ontbreekt. {_OPNIEUW_INLEVEREN}") from None
    except OSError as fout:  # e.g. a file the trainer may not read: this submission, not the round
        raise Weigering(
            KAPOT, f"De inlevering kan niet worden gelezen ({fout.strerror or fout}). {_OPNIEUW_INLEVEREN}"
        ) from None
    bestanden.pop(TIJDSTEMPEL, None)
    for naam in namen:
        if naam in bestanden:
            continue
        dieper = [r for r in bestanden if r.endswith("/" + naam)]
        if dieper:
            raise Weigering(
                VERKEERDE_PLEK,
                f"Het bestand {naam} staat in een submap: {dieper[0]}. Zet het direct in de map "
                f"{bron.parent.name}/{bron.name}/ en kijk opnieuw na.",
            )
        andere = sorted(r for r in bestanden if "/" not in r)
        extra = f" In de map staat wel: {', '.join(andere)}." if andere else " De map is leeg."
        raise Weigering(ONTBREEKT, f"Het bestand {naam} ontbreekt.{extra} {_OPNIEUW_INLEVEREN}")
    for naam in namen:
        _controleer_notitieboek(naam, bestanden[naam])
    vingerafdruk = hashlib.sha256()
    for rel in sorted(bestanden):
        vingerafdruk.update(f"{len(rel)}:{rel}:{len(bestanden[rel])}:".encode())
        vingerafdruk.update(bestanden[rel])
    inlevering = Inlevering(vingerafdruk.hexdigest(), _tijd(max(tijden[n] for n in namen)))
    if doel is not None:
        for rel, inhoud in bestanden.items():
            pad = doel / rel
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(inhoud)
        doel.mkdir(parents=True, exist_ok=True)
        (doel / TIJDSTEMPEL).write_text(inlevering.tijd, encoding="utf-8")
    return inlevering


def handgraded_ongewijzigd(oud: Path, nieuw: Path, namen: list[str]) -> frozenset:
    """(notebook, cell) of the answers graded by hand whose text is the same in both folders."""
    uit = set()
    for naam in namen:
        try:
            cellen = []
            for map_ in (oud, nieuw):
                pad = map_ / naam
                if pad.is_symlink() or not pad.is_file():
                    raise FileNotFoundError(pad)
                cellen.append(json.loads(pad.read_text(encoding="utf-8"))["cells"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        bronnen = []
        for lijst in cellen:
            per_id = {}
            for cel in lijst if isinstance(lijst, list) else []:
                meta = (cel.get("metadata") or {}).get(NBGRADER) or {}
                if meta.get("task") or (meta.get("grade") and meta.get("solution")):
                    bron = cel.get("source", "")
                    per_id[meta.get("grade_id")] = "".join(bron) if isinstance(bron, list) else bron
            bronnen.append(per_id)
        for gid, tekst in bronnen[1].items():
            if gid in bronnen[0] and bronnen[0][gid] == tekst:
                uit.add((Path(naam).stem, gid))
    return frozenset(uit)


# --- the lock, the backup and the journal --------------------------------------------------------


class Slot:
    """One round per course at a time: an flock on a file; the kernel frees it when a round dies."""

    def __init__(self, pad: Path):
        self.pad = pad
        self.fd: int | None = None

    def __enter__(self) -> Slot:
        try:
            self.fd = os.open(self.pad, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        except OSError as fout:
            raise RondeFout(f"Ik kan de cursusmap niet gebruiken: {oorzaak(fout, self.pad.parent)}") from None
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = None
            raise RondeFout(
                "Er loopt al een nakijkronde in deze cursus. Wacht tot die klaar is, en start dan "
                "opnieuw. Twee rondes tegelijk zouden hetzelfde cijferbestand veranderen."
            ) from None
        return self

    def __exit__(self, *_):
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None


def maak_reservekopie(db: Path, map_: Path) -> Path:
    """A copy of the gradebook before the round writes: a new file, writable for the trainer.

    The copy of the round before is kept as well. A read-only gradebook (or an old read-only
    copy) never leaves a read-only backup: each copy is a file this round makes."""
    from wijkleren.nakijkronde.parallel import momentopname

    map_.mkdir(parents=True, exist_ok=True)
    tijdelijk = map_ / f".{RESERVEKOPIE}.{os.getpid()}"
    tijdelijk.unlink(missing_ok=True)
    momentopname(db, tijdelijk)
    os.chmod(tijdelijk, 0o600)
    nieuw = map_ / RESERVEKOPIE
    if nieuw.exists():
        os.replace(nieuw, map_ / VORIGE_RESERVEKOPIE)
        with contextlib.suppress(OSError):
            os.chmod(map_ / VORIGE_RESERVEKOPIE, 0o600)
    os.replace(tijdelijk, nieuw)
    return nieuw


class Journaal:
    """Per assignment, in the course folder: which rounds ran and which learners are done.

    One JSON line per event: ``{"ronde": ..., "opnieuw": ..., "deelnemers": [...]}`` when a round
    begins, ``{"klaar": id, "sha256": ..., "tijd": ...}`` once a learner's grades are stored and
    their notebooks are in place, ``{"einde": ...}`` when the round ends normally. A round without
    an end stopped halfway; with ``--opnieuw``, the next round grades its open learners again.
    The fingerprint tells a new submission from one already graded.
    """

    def __init__(self, map_: Path, opdracht: str):
        self.pad = map_ / f"wijkleren-nakijken-{opdracht}.journaal"
        self._bestand = None
        self.klaar_met: dict[str, dict] = {}  # learner -> last "klaar" line
        self.gestopt: list[str] = []  # open learners of a round that stopped halfway
        self.gestopt_opnieuw = False
        self._lees()

    def _lees(self) -> None:
        try:
            regels = self.pad.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        ronde = None
        for regel in regels:
            try:
                item = json.loads(regel)
            except ValueError:
                continue  # a line cut off by a crash
            if not isinstance(item, dict):
                continue
            if "ronde" in item:
                ronde = {"opnieuw": bool(item.get("opnieuw")), "open": list(item.get("deelnemers", []))}
            elif "klaar" in item:
                self.klaar_met[str(item["klaar"])] = item
                if ronde is not None and item["klaar"] in ronde["open"]:
                    ronde["open"].remove(item["klaar"])
            elif "einde" in item:
                ronde = None
        if ronde is not None:
            self.gestopt, self.gestopt_opnieuw = ronde["open"], ronde["opnieuw"]

    def _schrijf(self, item: dict, sync: bool = False) -> None:
        if self._bestand is None:
            self._bestand = open(self.pad, "a", encoding="utf-8")  # noqa: SIM115 (closed in sluit)
        self._bestand.write(json.dumps(item, ensure_ascii=False) + "\n")
        self._bestand.flush()
        if sync:
            os.fsync(self._bestand.fileno())

    def begin(self, opnieuw: bool, deelnemers: list[str]) -> None:
        self._schrijf({"ronde": _tijd(time.time()), "opnieuw": opnieuw, "deelnemers": deelnemers}, sync=True)

    def klaar(self, deelnemer: str, inlevering: Inlevering) -> None:
        item = {"klaar": deelnemer, "sha256": inlevering.sha256, "tijd": inlevering.tijd}
        self.klaar_met[deelnemer] = item
        self._schrijf(item)

    def einde(self) -> None:
        """The round ended normally: keep one line per learner and close."""
        self.sluit()
        tijdelijk = self.pad.with_name(self.pad.name + ".nieuw")
        regels = [json.dumps(i, ensure_ascii=False) for i in self.klaar_met.values()]
        regels.append(json.dumps({"einde": _tijd(time.time())}))
        tijdelijk.write_text("\n".join(regels) + "\n", encoding="utf-8")
        os.replace(tijdelijk, self.pad)

    def sluit(self) -> None:
        if self._bestand is not None:
            self._bestand.close()
            self._bestand = None


# --- Dutch causes --------------------------------------------------------------------------------


def oorzaak(fout: BaseException, waar: Path | None = None) -> str:
    """A Dutch sentence for what went wrong when writing: read-only, full, locked, no access."""
    tekst = str(getattr(fout, "orig", None) or fout).lower()
    plek = f" ({waar})" if waar else ""
    nummer = getattr(fout, "errno", None)
    if "readonly" in tekst or "read-only" in tekst or nummer == errno.EROFS:
        return (
            f"het cijferbestand{plek} is alleen-lezen. Maak het weer schrijfbaar "
            "(bijvoorbeeld met chmod u+w) en start de ronde opnieuw."
        )
    if "locked" in tekst or "busy" in tekst:
        return (
            f"het cijferbestand{plek} is in gebruik door een ander programma, bijvoorbeeld de "
            "Formgrader of een ander nbgrader-commando. Wacht even en start de ronde opnieuw."
        )
    vol = ("full", "disk i/o", "too large", "no space", "quota")
    if nummer in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or any(v in tekst for v in vol):
        return (
            f"de schijf is vol, of het bestand mag niet groter worden{plek}. Maak ruimte vrij en "
            "start de ronde opnieuw."
        )
    if nummer in (errno.EACCES, errno.EPERM) or "unable to open" in tekst or "permission" in tekst:
        return f"ik mag hier niet schrijven{plek}. Geef jezelf schrijfrechten op die map en start opnieuw."
    kort = (
        str(getattr(fout, "orig", None) or fout).splitlines()[0][:200] if str(fout) else type(fout).__name__
    )
    return f"schrijven lukte niet{plek}: {kort}."


def _schrijfbaar(map_: Path) -> None:
    """RondeFout (Dutch) unless a file can be made in `map_`."""
    try:
        map_.mkdir(parents=True, exist_ok=True)
        proef = map_ / f".wijkleren-proef-{os.getpid()}"
        with open(proef, "w", encoding="utf-8") as f:
            f.write("proef")
        proef.unlink()
    except OSError as fout:
        raise RondeFout(f"Ik kan niet schrijven in {map_}: {oorzaak(fout, map_)}") from None


def _cijferbestand_schrijfbaar(db: Path) -> None:
    try:
        fd = os.open(db, os.O_RDWR | os.O_CLOEXEC)
        os.close(fd)
    except OSError as fout:
        if fout.errno in (errno.EACCES, errno.EPERM):  # the file's own mode: read-only
            fout = OSError(errno.EROFS, "read-only")
        raise RondeFout(f"Ik kan het cijferbestand niet bijwerken: {oorzaak(fout, db)}") from None


# --- the round -----------------------------------------------------------------------------------


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
        tekst = f"Klaar: {', '.join(delen)}. Tijd: {_duur(self.seconden)} met {_werkers(self.werkers)}."
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


def _duur(seconden: float) -> str:
    from wijkleren.nakijkronde.parallel import _duur as duur

    return duur(seconden)


def _werkers(n: int) -> str:
    return "1 werker" if n == 1 else f"{n} werkers"


def _deelnemers(n: int) -> str:
    return "1 deelnemer" if n == 1 else f"{n} deelnemers"


def _stand(conn, opdracht: str, deelnemer: str, max_per_cel: dict) -> tuple[float | None, float | None, int]:
    """(points, maximum, answers still to grade by hand) from the gradebook, as nbgrader counts."""
    from wijkleren.nakijkronde.parallel import lees_rijen

    rijen = lees_rijen(conn, opdracht, deelnemer)
    if rijen["inzending"] is None:
        return None, None, 0
    punten, maximum, open_ = 0.0, 0.0, 0
    for nb, data in rijen["notitieboeken"].items():
        for cel, g in data["cijfers"].items():
            extra = g["extra_credit"] or 0.0
            if g["manual_score"] is not None:
                punten += g["manual_score"] + extra
            elif g["auto_score"] is not None:
                punten += g["auto_score"] + extra
            maximum += max_per_cel.get((nb, cel), 0.0)
            open_ += bool(g["needs_manual_grade"])
    return punten, maximum, open_


def _max_per_cel(gb, opdracht: str) -> dict:
    return {
        (nb.name, cel.name): float(cel.max_score)
        for nb in gb.find_assignment(opdracht).notebooks
        for cel in [*nb.grade_cells, *nb.task_cells]
    }


def _handwerk_zin(open_: int) -> str:
    vragen = "1 antwoord" if open_ == 1 else f"{open_} antwoorden"
    return f"De computer is klaar. Nog met de hand na te kijken: {vragen}. Doe dat in de Formgrader."


def _inleveringen(submitted: Path, opdracht: str, namen: list[str]) -> tuple[list[str], list[Status]]:
    """The learners with a folder for `opdracht` (ids literally, as folder names), and a status
    line for each notebook found in a wrong place."""
    deelnemers: list[str] = []
    misplaatst: list[Status] = []
    try:
        items = sorted(os.scandir(submitted), key=lambda e: e.name)
    except FileNotFoundError:
        return [], []
    for item in items:
        if item.is_file(follow_symlinks=False) and item.name in namen:
            misplaatst.append(
                Status(
                    f"submitted/{item.name}",
                    VERKEERDE_PLEK,
                    f"Dit bestand staat los in submitted/. Zet het in submitted/<deelnemer>/{opdracht}/ "
                    "en kijk opnieuw na.",
                )
            )
            continue
        if item.is_symlink():
            misplaatst.append(
                Status(
                    item.name,
                    GEWEIGERD,
                    "De map van deze deelnemer is een snelkoppeling (symlink). Die kijk ik niet na. "
                    + _OPNIEUW_INLEVEREN,
                )
            )
            continue
        if not item.is_dir(follow_symlinks=False):
            continue
        map_ = Path(item.path)
        if item.name == opdracht and not (map_ / opdracht).exists():
            for sub in sorted(p for p in map_.iterdir() if p.is_dir() and not p.is_symlink()):
                if any((sub / n).exists() for n in namen):
                    misplaatst.append(
                        Status(
                            sub.name,
                            VERKEERDE_PLEK,
                            f"De mappen staan omgekeerd: submitted/{opdracht}/{sub.name}/. "
                            f"Zet het in submitted/{sub.name}/{opdracht}/ en kijk opnieuw na.",
                        )
                    )
            continue
        if os.path.lexists(map_ / opdracht):
            deelnemers.append(item.name)
        elif any((map_ / n).is_file() for n in namen):
            misplaatst.append(
                Status(
                    item.name,
                    VERKEERDE_PLEK,
                    f"Het notitieboek staat een map te hoog: submitted/{item.name}/. Zet het in "
                    f"submitted/{item.name}/{opdracht}/ en kijk opnieuw na.",
                )
            )
    return deelnemers, misplaatst


def _zet_op_zijn_plek(uit: Path, doel: Path, weg: Path) -> None:
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


def _leg_tijd_vast(map_: Path, tijd: str) -> None:
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


@contextlib.contextmanager
def _zonder_onderbreking():
    """Ctrl-C (and SIGTERM) wait until the block is done: grades and files move together.

    The handlers are swapped, not the signal mask: a signal may arrive in another thread (the
    pool's), and Python runs every handler in the main thread, here."""
    gekregen: list[int] = []
    oud = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            oud[sig] = signal.signal(sig, lambda nummer, _: gekregen.append(nummer))
        except ValueError:  # not the main thread: nothing to defer
            pass
    try:
        yield
    finally:
        for sig, handler in oud.items():
            signal.signal(sig, handler)
        if gekregen:
            raise KeyboardInterrupt


def _reden_fout(uitkomst: dict) -> str:
    log = uitkomst.get("log", "") + uitkomst.get("fout", "")
    if "timeout" in log.lower() or "UnresponsiveKernelError" in log:
        return "De code in het notitieboek bleef te lang draaien."
    if "SchemaTooOld" in log or "SchemaTooNew" in log:
        return "Het notitieboek hoort bij een andere versie van nbgrader."
    regels = [r.strip() for r in log.splitlines() if r.strip() and not r.startswith(" ")]
    laatste = regels[-1] if regels else "onbekende fout"
    return f"nbgrader kon deze inlevering niet nakijken: {laatste[:300]}"


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
    from sqlalchemy.exc import SQLAlchemyError

    from wijkleren.nakijkronde import parallel
    from wijkleren.nakijkronde.cursus import (
        CursusFout,
        cijferboek_pad,
        controleer_opdracht,
        in_map,
        lees_cursus,
    )

    begin = time.monotonic()
    stroom = stroom if stroom is not None else sys.stderr
    cursus = lees_cursus(map_)
    db = cijferboek_pad(cursus)
    if db is None:
        raise CursusFout("Nakijken werkt alleen met een SQLite-cijferbestand (gradebook.db).")
    root, cd = cursus.root, cursus.coursedir
    ronde = Ronde(opdracht)
    with Slot(root / SLOT):
        try:
            controleer_opdracht(cursus, opdracht)
            with Gradebook(cursus.db_url, cd.course_id) as gb:
                max_per_cel = _max_per_cel(gb, opdracht)
                namen = [f"{nb.name}.ipynb" for nb in gb.find_assignment(opdracht).notebooks]
        except SQLAlchemyError as fout:
            raise RondeFout(f"Ik kan het cijferbestand niet lezen: {oorzaak(fout, db)}") from None
        werkmap = root / WERKMAP
        shutil.rmtree(werkmap, ignore_errors=True)  # what a killed round left behind
        autograded = Path(cursus.pad(cd.autograded_directory, ".", ".")).resolve()
        for plek in (root, autograded):
            _schrijfbaar(plek)
        _cijferbestand_schrijfbaar(db)
        journaal = Journaal(root, opdracht)
        ronde.vorige_gestopt = list(journaal.gestopt)
        if journaal.gestopt:
            stroom.write(
                f"De vorige ronde stopte halverwege. Nog niet klaar waren: {', '.join(journaal.gestopt)}.\n"
            )
        submitted = Path(cursus.pad(cd.submitted_directory, ".", ".")).resolve()
        alle, misplaatst = _inleveringen(submitted, opdracht, namen)
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

        uitkomsten: dict[str, Status] = {s.deelnemer: s for s in misplaatst}
        te_doen: list[str] = []
        nieuw: set[str] = set()
        verslag: list[str] = []
        with Gradebook(cursus.db_url, cd.course_id) as gb:
            conn = gb.db

            def met_stand(s: str, status: str, bericht: str, eerder: bool = False) -> Status:
                punten, maximum, open_ = _stand(conn, opdracht, s, max_per_cel)
                if eerder and punten is not None:
                    bericht += " Eerdere punten in het cijferbestand blijven staan."
                return Status(s, status, bericht, punten, maximum, open_)

            for s in alle:
                bron = cursus.pad(cd.submitted_directory, s, opdracht)
                klaar = cursus.pad(cd.autograded_directory, s, opdracht)
                al_klaar = all((klaar / n).is_file() for n in namen)
                if not al_klaar or s in opnieuw_voor:
                    te_doen.append(s)
                    continue
                try:
                    inlevering = kopieer_inlevering(bron, None, namen)
                except Weigering as w:
                    uitkomsten[s] = met_stand(s, w.status, w.bericht, eerder=True)
                    continue
                vorige = journaal.klaar_met.get(s)
                if vorige is not None:
                    veranderd = vorige.get("sha256") != inlevering.sha256
                else:  # graded by stock nbgrader: a file newer than its autograded version
                    veranderd = any((bron / n).stat().st_mtime > (klaar / n).stat().st_mtime for n in namen)
                if veranderd:
                    te_doen.append(s)
                    nieuw.add(s)
                    continue
                bericht = "Deze inlevering was al nagekeken. Gebruik --opnieuw om opnieuw na te kijken."
                uitkomst = met_stand(s, AL_NAGEKEKEN, bericht)
                if uitkomst.handwerk_open:
                    bericht += " " + _handwerk_zin(uitkomst.handwerk_open)
                    uitkomst = Status(
                        s, AL_NAGEKEKEN, bericht, uitkomst.punten, uitkomst.max_punten, uitkomst.handwerk_open
                    )
                uitkomsten[s] = uitkomst
            aantal = max(1, min(werkers or parallel.standaard_werkers(), len(te_doen) or 1))
            ronde.werkers = aantal
            totaal = len(uitkomsten) + len(te_doen)
            if not totaal:
                stroom.write(f"Er zijn geen inleveringen van '{opdracht}' in {submitted}.\n")
            elif te_doen:
                stroom.write(
                    f"Nakijken: {len(te_doen)} van {totaal} inleveringen van '{opdracht}', {aantal} tegelijk.\n"
                )
            voortgang = parallel.Voortgang(totaal, stroom)
            for s in sorted(uitkomsten):
                voortgang.stap(_melding(uitkomsten[s]))
            if te_doen:
                werkmap.mkdir()
                parallel.momentopname(db, werkmap / "momentopname.db")
                journaal.begin(opnieuw or bool(opnieuw_voor & set(te_doen)), te_doen)
                pool = parallel.Werkers(cursus.map, opdracht, werkmap, aantal, snelle_controle)
                oude_term = _term_als_ctrl_c()
                try:
                    for s in te_doen:
                        pool.geef(
                            s,
                            cursus.pad(cd.submitted_directory, s, opdracht),
                            cursus.pad(cd.autograded_directory, s, opdracht),
                            namen,
                        )
                    with in_map(cursus.map):
                        for u in pool.resultaten():
                            s = u["student"]
                            if u["status"] == parallel.GEWEIGERD:
                                status, bericht = u["weigering"]
                                uitkomsten[s] = met_stand(s, status, bericht, eerder=True)
                            elif u["status"] == parallel.GELUKT:
                                try:
                                    with _zonder_onderbreking():
                                        try:
                                            parallel.pas_toe(
                                                gb,
                                                opdracht,
                                                s,
                                                u["voor"],
                                                u["na"],
                                                u["handwerk_klaar"],
                                                u["nieuw"],
                                            )
                                        except BaseException:
                                            gb.db.rollback()
                                            raise
                                        _zet_op_zijn_plek(
                                            Path(u["uit"]),
                                            cursus.pad(cd.autograded_directory, s, opdracht),
                                            werkmap / "weg",
                                        )
                                        _leg_tijd_vast(
                                            cursus.pad(cd.submitted_directory, s, opdracht),
                                            u["inlevering"].tijd,
                                        )
                                        journaal.klaar(s, u["inlevering"])
                                except (SQLAlchemyError, OSError) as fout:
                                    waar = db if isinstance(fout, SQLAlchemyError) else autograded
                                    ronde.gestopt = oorzaak(fout, waar)
                                    verslag.append(f"===== {s} =====\n{fout}\n")
                                    break
                                bericht = (
                                    "Nieuwe inlevering: opnieuw nagekeken." if s in nieuw else "In orde."
                                )
                                uitkomst = met_stand(s, NAGEKEKEN, bericht)
                                if uitkomst.handwerk_open:
                                    bericht = (
                                        f"{bericht} {_handwerk_zin(uitkomst.handwerk_open)}"
                                        if s in nieuw
                                        else _handwerk_zin(uitkomst.handwerk_open)
                                    )
                                    uitkomst = Status(
                                        s,
                                        NAGEKEKEN,
                                        bericht,
                                        uitkomst.punten,
                                        uitkomst.max_punten,
                                        uitkomst.handwerk_open,
                                    )
                                uitkomsten[s] = uitkomst
                            elif isinstance(u.get("os"), OSError) or u.get("omgeving"):
                                fout = u.get("os") or OSError(u["omgeving"])
                                ronde.gestopt = oorzaak(fout, werkmap)
                                verslag.append(f"===== {s} =====\n{u['log']}{u.get('fout', '')}\n")
                                break
                            else:
                                verslag.append(f"===== {s} =====\n{u.get('log', '')}{u.get('fout', '')}\n")
                                bericht = f"{_reden_fout(u)}. Details staan in het nakijkverslag."
                                uitkomsten[s] = met_stand(s, FOUT, bericht, eerder=True)
                            voortgang.stap(_melding(uitkomsten[s]) if s in uitkomsten else None)
                    if ronde.gestopt:
                        pool.stop()
                        for s in te_doen:
                            if s not in uitkomsten:
                                uitkomsten[s] = met_stand(
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
                    _herstel_term(oude_term)
                shutil.rmtree(werkmap, ignore_errors=True)
            elif journaal.gestopt:
                journaal.einde()  # nothing was left to do: the stopped round is finished
            voortgang.klaar()
    ronde.uitkomsten = [uitkomsten[s] for s in sorted(uitkomsten)]
    if verslag:
        ronde.verslag = autograded / f"nakijkverslag-{opdracht}.txt"
        with contextlib.suppress(OSError):
            ronde.verslag.write_text("".join(verslag), encoding="utf-8")
    _schrijf_status(autograded / f"nakijkstatus-{opdracht}.csv", ronde.uitkomsten)
    ronde.seconden = time.monotonic() - begin
    return ronde


def _melding(s: Status) -> str | None:
    if s.status in (NAGEKEKEN, AL_NAGEKEKEN):
        return None
    return f"{s.deelnemer}: {s.status}. {s.bericht}"


def _term_als_ctrl_c():
    """SIGTERM stops the round as Ctrl-C does (only possible in the main thread)."""

    def stop(*_):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        return None


def _herstel_term(oud) -> None:
    if oud is not None:
        signal.signal(signal.SIGTERM, oud)


def _schrijf_status(pad: Path, uitkomsten: list[Status]) -> None:
    with contextlib.suppress(OSError), open(pad, "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["deelnemer", "status", "punten", "max_punten", "handwerk_open", "bericht"])
        for s in uitkomsten:
            schrijver.writerow([s.deelnemer, s.status, s.punten, s.max_punten, s.handwerk_open, s.bericht])


def score_tekst(s: Status) -> str:
    if s.punten is None:
        return "geen punten"
    tekst = f"{s.punten:g} van {s.max_punten:g}"
    return f"{tekst}, handwerk nog open" if s.handwerk_open else tekst


def tabel(uitkomsten: list[Status]) -> str:
    """A short Dutch overview for the terminal: one line per learner, with their score."""
    if not uitkomsten:
        return "Er zijn geen inleveringen gevonden in submitted/."
    return "\n".join(f"{s.deelnemer}: {s.status} ({score_tekst(s)}). {s.bericht}" for s in uitkomsten)
