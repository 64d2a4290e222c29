"""The answer key on the class server: the toets pool stays with the trainer, closed to learners.

The repository (with ``exercises/toetspool`` and the git history) is closed to other users while
it is used for a class (:func:`sluit_bron_af`, undone by :func:`open_bron`); the trainer gets a
copy of the toets pool in the course folder, readable by the trainer only (:func:`geef_toetspool`).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.klasserver.accounts import als
from wijkleren.klasserver.klas import TOETSMAP, Klas, KlasFout


def toetspool_bron(klas: Klas) -> Path:
    """The toets pool the class starts with: WIJKLEREN_TOETSPOOL, else exercises/toetspool."""
    eigen = os.environ.get(TOETS_VAR)
    return Path(eigen) if eigen else klas.bronmap / "exercises" / "toetspool"


def sluit_bron_af(klas: Klas, uitvoer=print) -> None:
    """Close the repository to everyone but its owner: it holds the toets pool and its history.

    Learners then cannot reach the course environment in it, so they get a copy without the
    toets pool (see :func:`wijkleren.klasserver.omgeving.kopieer_omgeving`). ``stop --opruimen`` puts
    the old mode back.
    """
    bron = klas.bronmap
    info = os.lstat(bron)
    modus = stat.S_IMODE(info.st_mode)
    if not modus & 0o077:
        return
    if klas.bron_modus is None:
        klas.bron_modus = modus
        klas.bewaar()
    os.chmod(bron, modus & ~0o077)
    uitvoer(
        f"De map van de cursus ({bron}) is nu alleen open voor de eigenaar. Daar staan de "
        "toetscasussen met de goede antwoorden. Deelnemers werken met een kopie zonder toetscasussen."
    )


def open_bron(klas: Klas) -> None:
    """Give the repository back the mode it had before `start` (for `stop --opruimen`)."""
    if klas.bron_modus is not None:
        os.chmod(klas.bronmap, klas.bron_modus)


_SCHRIJF_TOETSPOOL = """
import json, os, sys
map_ = sys.argv[1]
os.makedirs(map_, mode=0o700, exist_ok=True)
for naam, tekst in json.load(sys.stdin).items():
    fd = os.open(os.path.join(map_, naam), os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(tekst)
"""


def geef_toetspool(klas: Klas) -> None:
    """Put the toets pool in the trainer's course folder (only the trainer can read it), once.

    Root reads the pool; the files are written by the trainer's own process, so root never
    writes in a folder the trainer controls. A trainer's own pool there is left as it is.
    """
    doel = klas.cursusmap / TOETSMAP
    if als(klas, klas.trainer, "test", "-e", doel).returncode == 0:
        return
    bron = toetspool_bron(klas)
    bestanden = {p.name: p.read_text(encoding="utf-8") for p in sorted(bron.glob("*.yaml")) if p.is_file()}
    if not bestanden:
        raise KlasFout(
            f"Ik vind geen toetscasussen in {bron}. Zonder toetspool kan ik de opdracht niet maken."
        )
    res = als(klas, klas.trainer, klas.python, "-c", _SCHRIJF_TOETSPOOL, doel, input=json.dumps(bestanden))
    if res.returncode != 0:
        raise KlasFout(f"De toetspool in {doel} zetten lukte niet:\n{res.stderr[-2000:]}")
