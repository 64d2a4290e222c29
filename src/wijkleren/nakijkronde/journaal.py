"""What makes a round safe to stop at any moment: the lock, the backup of the gradebook, the journal.

- **One round at a time**: a lock (``fcntl.flock``) on a file in the course folder. The kernel
  releases it when a round dies, so a killed round never blocks the next one.
- **A backup first**: before it writes, the round copies the gradebook to a new, writable file
  in ``autograded/`` (and keeps the copy of the round before).
- **The journal** says which learners are done, so the next run grades the rest and tells a new
  submission from one already graded.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from pathlib import Path

from wijkleren.nakijkronde.inlevering import Inlevering, nbgrader_tijd
from wijkleren.nakijkronde.oorzaken import RondeFout, oorzaak
from wijkleren.nakijkronde.parallel import momentopname

SLOT = ".wijkleren-nakijken.slot"
RESERVEKOPIE = "reservekopie-gradebook.db"
VORIGE_RESERVEKOPIE = "reservekopie-gradebook-vorige.db"


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
        self._schrijf(
            {"ronde": nbgrader_tijd(time.time()), "opnieuw": opnieuw, "deelnemers": deelnemers}, sync=True
        )

    def klaar(self, deelnemer: str, inlevering: Inlevering) -> None:
        item = {"klaar": deelnemer, "sha256": inlevering.sha256, "tijd": inlevering.tijd}
        self.klaar_met[deelnemer] = item
        self._schrijf(item)

    def einde(self) -> None:
        """The round ended normally: keep one line per learner and close."""
        self.sluit()
        tijdelijk = self.pad.with_name(self.pad.name + ".nieuw")
        regels = [json.dumps(i, ensure_ascii=False) for i in self.klaar_met.values()]
        regels.append(json.dumps({"einde": nbgrader_tijd(time.time())}))
        tijdelijk.write_text("\n".join(regels) + "\n", encoding="utf-8")
        os.replace(tijdelijk, self.pad)

    def sluit(self) -> None:
        if self._bestand is not None:
            self._bestand.close()
            self._bestand = None
