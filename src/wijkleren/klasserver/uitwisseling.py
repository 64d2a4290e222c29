"""The nbgrader exchange for a class on one server: a submission is for the learner and the trainer only.

nbgrader's own exchange makes every submission readable and writable for all users of the
server; only the unlistable ``inbound`` folder and a random name hide it (upstream issue 978).
``nbgrader collect`` only *warns* when a submission is not owned by the learner it names, so
one learner could hand in work in another's name. And it copies with ``shutil.copytree``, which
follows links: a learner's link to the trainer's source notebook would be collected as the
trainer, with the trainer's right to read it.

The class server (:mod:`wijkleren.klasserver.hub`) configures two small subclasses instead:

- :class:`PriveInleveren` (submit): after nbgrader's copy, the submitted folder is open to the
  learner and the trainer's group only (the ``inbound`` folder is setgid, so the new folder
  has the trainer's group); other learners cannot even enter it.
- :class:`EigenaarOphalen` (collect): takes only real folders owned by the learner they name,
  holding only regular files and folders (:func:`onveilige_inhoud`), and copies them without
  following links.

:func:`onveilige_inhoud` is the one check for "only regular files and folders"; the grading
round uses it too, on ``submitted/``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import stat
from collections import defaultdict
from pathlib import Path

from nbgrader.exchange.default import ExchangeCollect, ExchangeSubmit

MAP_PRIVE = 0o770  # the learner and the trainer's group: everything; others: not even in
MAX_INHOUD = 1000  # files and folders in one submission; more is not a notebook hand-in

_SOORT = (
    (stat.S_ISLNK, "een snelkoppeling (symlink)"),
    (stat.S_ISFIFO, "een pijp (fifo)"),
    (stat.S_ISSOCK, "een socket"),
    (stat.S_ISCHR, "een apparaatbestand"),
    (stat.S_ISBLK, "een apparaatbestand"),
)


def _soort(modus: int) -> str:
    for toets, naam in _SOORT:
        if toets(modus):
            return naam
    return "geen gewoon bestand"


def onveilige_inhoud(map_: str | os.PathLike, eigenaar: int | None = None) -> list[str]:
    """What makes a submission folder unsafe to copy or grade, in Dutch; [] when it is safe.

    Safe means: `map_` itself and everything in it is a regular file or a real folder (checked
    with lstat, no link is ever followed), at most MAX_INHOUD entries, and, when `eigenaar`
    (a uid) is given, all of it belongs to that user. A link (to the trainer's source, or one
    that a zip restored), a fifo, a socket or a device is named with its path in the folder.
    """
    map_ = Path(map_)
    try:
        info = os.lstat(map_)
    except OSError as e:
        return [f"De map {map_.name} is niet te lezen ({e.strerror})."]
    if not stat.S_ISDIR(info.st_mode):
        return [f"{map_.name} is {_soort(info.st_mode)}, geen gewone map."]
    problemen: list[str] = []
    if eigenaar is not None and info.st_uid != eigenaar:
        problemen.append(f"De map {map_.name} is niet van de deelnemer.")
    te_doen, gezien = [map_], 0
    while te_doen:
        huidige = te_doen.pop()
        try:
            with os.scandir(huidige) as items:
                lijst = list(items)
        except OSError as e:
            problemen.append(f"De map {huidige.relative_to(map_)} is niet te lezen ({e.strerror}).")
            continue
        for item in lijst:
            gezien += 1
            if gezien > MAX_INHOUD:
                return [*problemen, f"Er staan meer dan {MAX_INHOUD} bestanden in de inlevering."]
            pad = Path(item.path)
            naam = pad.relative_to(map_).as_posix()
            try:
                info = item.stat(follow_symlinks=False)
            except OSError as e:
                problemen.append(f"{naam} is niet te lezen ({e.strerror}).")
                continue
            if stat.S_ISDIR(info.st_mode):
                te_doen.append(pad)
            elif not stat.S_ISREG(info.st_mode):
                problemen.append(f"{naam} is {_soort(info.st_mode)}, geen gewoon bestand.")
                continue
            if eigenaar is not None and info.st_uid != eigenaar:
                problemen.append(f"{naam} is niet van de deelnemer.")
    return problemen


def _kopieer_bestand(bron: str, doel: str) -> str:
    """Copy one regular file; a link, fifo or device in its place is refused, never opened."""
    fd = os.open(bron, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{os.path.basename(bron)} is {_soort(info.st_mode)}, geen gewoon bestand")
        with os.fdopen(os.dup(fd), "rb") as lees, open(doel, "xb") as schrijf:
            shutil.copyfileobj(lees, schrijf)
        os.utime(doel, ns=(info.st_atime_ns, info.st_mtime_ns))
        os.chmod(doel, stat.S_IMODE(info.st_mode))
    finally:
        os.close(fd)
    return doel


def kopieer_zonder_links(bron: str | os.PathLike, doel: str | os.PathLike, negeer=None) -> None:
    """Copy a folder without following any link: a link is copied as a link (so that
    :func:`onveilige_inhoud` on the copy finds it), a fifo or device is refused."""
    shutil.copytree(bron, doel, symlinks=True, ignore=negeer, copy_function=_kopieer_bestand)


def _chmod_zonder_link(pad: str, modus: int) -> None:
    """chmod a real folder; a link in its place is refused (Linux has no lchmod)."""
    fd = os.open(pad, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        os.fchmod(fd, modus)
    finally:
        os.close(fd)


def maak_prive(pad: str) -> None:
    """Close a submitted folder to everyone but the learner and the trainer's group.

    Only the top folder changes: without the right to enter it, nobody else reaches the files,
    whatever their own mode. (nbgrader's copy resets the folder's setgid bit, so files written
    after it belong to the learner's group; they must stay readable for the trainer.)
    """
    _chmod_zonder_link(pad, MAP_PRIVE)


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
    """nbgrader collect that takes only a learner's own, plain submissions, copied without links."""

    def init_src(self):
        super().init_src()  # checks the folders and reads the due date
        student = self.coursedir.student_id or "*"
        patroon = os.path.join(self.inbound_path, f"{student}+{self.coursedir.assignment_id}+*")
        per_deelnemer = defaultdict(list)
        for pad in glob.glob(patroon):
            record = self._path_to_record(pad)
            naam = record["username"]
            if eigenaar(pad) != naam:
                self.log.warning(
                    "Overgeslagen: %s staat op naam van %s, maar is niet van die deelnemer.",
                    record["filename"],
                    naam,
                )
                continue
            problemen = onveilige_inhoud(pad, pwd.getpwnam(naam).pw_uid)
            if problemen:
                self.log.warning(
                    "Overgeslagen: %s van %s bevat iets anders dan gewone bestanden. %s",
                    record["filename"],
                    naam,
                    " ".join(problemen[:5]),
                )
                continue
            per_deelnemer[naam].append(record)
        self.src_records = [self._kies(records) for records in per_deelnemer.values()]

    def _kies(self, records: list[dict]) -> dict:
        """The newest submission, or the newest before the due date: nbgrader's own choice."""
        records = self._sort_by_timestamp(records)
        if self.duedate is not None and self.before_duedate:
            op_tijd = [r for r in records if r["timestamp"] <= self.duedate]
            if op_tijd:
                return op_tijd[0]
        return records[0]

    def do_copy(self, src, dest, log=None):
        """Copy without following links, then check the copy, which only the trainer can change:
        a learner who swaps a file for a link during the copy gets nothing collected."""
        from nbgrader.utils import ignore_patterns

        grootte = self.get_size(src)
        if grootte > 1000 * self.coursedir.max_dir_size:
            raise RuntimeError(f"De inlevering {os.path.basename(src)} is te groot ({grootte} bytes).")
        negeer = ignore_patterns(
            exclude=self.coursedir.ignore,
            include=self.coursedir.include,
            max_file_size=self.coursedir.max_file_size,
            log=self.log,
        )
        try:
            kopieer_zonder_links(src, dest, negeer)
            problemen = onveilige_inhoud(dest)
        except (OSError, shutil.Error) as e:
            problemen = [f"Kopiëren lukte niet: {e}"]
        if problemen:
            shutil.rmtree(dest, ignore_errors=True)
            self.log.warning(
                "Overgeslagen: %s veranderde tijdens het ophalen. %s",
                os.path.basename(src),
                " ".join(problemen[:5]),
            )
