"""What ``start`` sets up for the class's users: the exchange's folders, the settings per role, the course folder.

- :func:`zet_uitwisseling_klaar`: the folders of nbgrader's exchange, with owners and modes set
  without following links (who may read a submission is :mod:`wijkleren.klasserver.uitwisseling`);
- :func:`schrijf_instellingen`: Jupyter and nbgrader settings, shared and per role (the trainer's
  tools are switched off for learners);
- :func:`zet_cursus_klaar`: the trainer's course folder with the toets pool and the final assignment.
"""

from __future__ import annotations

import errno
import json
import os
import pwd
import shutil
import stat
from pathlib import Path

from wijkleren.klasserver.accounts import als
from wijkleren.klasserver.klas import CURSUS, Klas, KlasFout
from wijkleren.klasserver.toetspool import geef_toetspool

# What learners do not see in JupyterLab: the trainer's tools.
TRAINER_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:create-assignment",
)
TRAINER_SERVEREXTENSIES = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)


def _link_fout(pad: Path) -> KlasFout:
    return KlasFout(
        f"In de uitwisseling is {pad} geen gewone map, maar een snelkoppeling (symlink) of een "
        "bestand. Daarmee kan iemand rechten krijgen op een map die niet van de klas is. Ik verander "
        "daarom niets. Haal het weg (als root: rm) en start de klas opnieuw."
    )


def _map_zonder_link(ouder_fd: int | None, pad: Path, uid: int, gid: int, modus: int) -> int:
    """Make (or keep) the folder `pad`, set its owner and mode, return an fd to it.

    Nothing is followed: the folder is opened relative to its parent's fd with O_NOFOLLOW and
    changed through its own fd, so a link put in its place, even during this call, is refused.
    """
    naam = str(pad) if ouder_fd is None else pad.name
    try:
        os.mkdir(naam, 0o700, dir_fd=ouder_fd)
    except FileExistsError:
        pass
    try:
        fd = os.open(naam, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=ouder_fd)
    except OSError as e:
        if e.errno in (errno.ELOOP, errno.ENOTDIR):  # a link, or a file
            raise _link_fout(pad) from None
        raise
    if not stat.S_ISDIR(os.fstat(fd).st_mode):
        os.close(fd)
        raise _link_fout(pad)
    os.fchown(fd, uid, gid)
    os.fchmod(fd, modus)
    return fd


def zet_uitwisseling_klaar(klas: Klas) -> None:
    """The exchange: root 1777 as nbgrader wants (sticky: nobody removes another's folder);
    the course folder belongs to the trainer, so no learner can claim it first.

    The trainer owns the course folder, so the trainer can put links in it. Owners and modes
    are therefore set through file descriptors, never through a path that could be a link;
    a link (say ``outbound`` pointing at a root-only folder) stops the start with a message.
    """
    trainer = pwd.getpwnam(klas.trainer)
    klas.uitwisseling.mkdir(parents=True, exist_ok=True)
    fds = [_map_zonder_link(None, klas.uitwisseling, 0, 0, 0o1777)]
    try:
        cursus = _map_zonder_link(fds[0], klas.uitwisseling / CURSUS, trainer.pw_uid, trainer.pw_gid, 0o755)
        fds.append(cursus)
        for naam, modus in (
            ("outbound", 0o755),
            ("inbound", 0o2733),  # others: write, not list; setgid: the trainer's group
        ):
            pad = klas.uitwisseling / CURSUS / naam
            fds.append(_map_zonder_link(cursus, pad, trainer.pw_uid, trainer.pw_gid, modus))
    finally:
        for fd in fds:
            os.close(fd)


def schrijf_instellingen(klas: Klas) -> None:
    """Jupyter and nbgrader settings: shared, for the trainer, and for learners."""
    if klas.jupytermap.exists():
        shutil.rmtree(klas.jupytermap)
    gedeeld, trainer, deelnemer = (klas.jupytermap / n for n in ("gedeeld", "trainer", "deelnemer"))
    for m in (gedeeld, trainer, deelnemer / "labconfig"):
        m.mkdir(parents=True)
    (gedeeld / "nbgrader_config.py").write_text(
        "# Written by `python -m wijkleren.klasserver.hub start`: the exchange of this class.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {CURSUS!r}\n"
        f"c.Exchange.root = {str(klas.uitwisseling)!r}\n"
        'c.ExchangeFactory.submit = "wijkleren.klasserver.uitwisseling.PriveInleveren"\n'
        'c.ExchangeFactory.collect = "wijkleren.klasserver.uitwisseling.EigenaarOphalen"\n',
        encoding="utf-8",
    )
    (trainer / "nbgrader_config.py").write_text(
        "# Written by `python -m wijkleren.klasserver.hub start`: the trainer's course folder and its settings.\n"
        "c = get_config()  # noqa: F821\n"
        f"load_subconfig({str(klas.cursusmap / 'nbgrader_config.py')!r})  # noqa: F821\n",
        encoding="utf-8",
    )
    uit = dict.fromkeys(TRAINER_SERVEREXTENSIES, False)
    (deelnemer / "jupyter_server_config.json").write_text(
        json.dumps({"ServerApp": {"jpserver_extensions": uit}}, indent=2), encoding="utf-8"
    )
    (deelnemer / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": dict.fromkeys(TRAINER_PLUGINS, True)}, indent=2), encoding="utf-8"
    )
    for pad in [klas.jupytermap, *klas.jupytermap.rglob("*")]:
        os.chmod(pad, 0o755 if pad.is_dir() else 0o644)


def zet_cursus_klaar(klas: Klas) -> None:
    """The trainer's course folder with the final assignment made from the case bank.

    A folder with released versions stays as it is: it holds the trainer's work and gradebook.
    """
    cursus = klas.cursusmap
    # As the trainer (a link there can only point at what the trainer owns): open to the
    # trainer only, whatever the home folder's mode; it holds the toets pool and the sources.
    for cwd, stap in ((None, ("mkdir", "-p", cursus)), (None, ("chmod", "700", cursus))):
        res = als(klas, klas.trainer, *stap, cwd=cwd)
        if res.returncode != 0:
            raise KlasFout(f"De map {cursus} klaarzetten lukte niet: {res.stderr.strip()}")
    geef_toetspool(klas)
    if (cursus / "release").is_dir() and any((cursus / "release").iterdir()):
        return
    # Root reads the settings file from the repository; the trainer copies it from here.
    tijdelijk = klas.map / "nbgrader_config.py"
    shutil.copy(klas.bronmap / "exercises" / "nbgrader_config.py", tijdelijk)
    os.chmod(tijdelijk, 0o644)
    stappen = [
        (cursus, ("cp", "--no-clobber", tijdelijk, cursus)),
        (cursus, (klas.python, "-m", "wijkleren.cli", "opdracht", "maak", "--cursus", cursus)),
        # One run for all: the folder is new, so "*" is exactly what `opdracht maak` wrote.
        (cursus, (klas.python, "-m", "nbgrader", "generate_assignment", "*")),
    ]
    try:
        for cwd, stap in stappen:
            res = als(klas, klas.trainer, *stap, cwd=cwd, timeout=600)
            if res.returncode != 0:
                raise KlasFout(
                    f"De opdracht klaarzetten lukte niet ({' '.join(map(str, stap))}):\n"
                    f"{res.stdout[-2000:]}{res.stderr[-3000:]}"
                )
    finally:
        tijdelijk.unlink(missing_ok=True)
