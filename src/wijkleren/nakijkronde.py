"""A grading round for the trainer: check every submission, autograde the sound ones, report each.

``wijkleren opdracht nakijken <opdracht>`` runs this. Per learner it first checks the files
(present, valid JSON, a valid notebook). A broken submission is *not* given to nbgrader: it gets a
clear Dutch status, and whatever the gradebook already holds for that learner stays as it was.
The other submissions are graded one by one with nbgrader's own API, so one failure never stops
the batch. nbgrader itself keeps the trainer's manual scores and comments when it grades again.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

NAGEKEKEN = "nagekeken"
AL_NAGEKEKEN = "al nagekeken"
KAPOT = "kapot"
ONTBREEKT = "ontbreekt"
FOUT = "fout"


@dataclass(frozen=True)
class Status:
    """The result for one learner."""

    deelnemer: str
    status: str
    bericht: str
    punten: float | None = None
    max_punten: float | None = None


class RondeFout(Exception):
    """The round cannot start (no course folder, assignment not generated); Dutch message."""


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


def notebooknamen(cursus: Path, opdracht: str) -> list[str]:
    """The notebooks an assignment consists of, from its release (or source) folder."""
    for soort in ("release", "source"):
        namen = sorted(p.name for p in (cursus / soort / opdracht).glob("*.ipynb"))
        if namen:
            return namen
    raise RondeFout(
        f"De opdracht '{opdracht}' bestaat nog niet. Maak hem eerst: "
        f"wijkleren opdracht maak, en daarna nbgrader generate_assignment {opdracht}."
    )


def controleer_inlevering(map_: Path, namen: list[str]) -> tuple[str, str] | None:
    """(status, Dutch message) when a submission cannot be graded; None when the files are sound."""
    for naam in namen:
        pad = map_ / naam
        if not pad.is_file():
            andere = sorted(p.name for p in map_.iterdir() if p.is_file()) if map_.is_dir() else []
            extra = f" In de map staat wel: {', '.join(andere)}." if andere else " De map is leeg."
            return (
                ONTBREEKT,
                f"Het bestand {naam} ontbreekt.{extra} Vraag de deelnemer om het opnieuw in te leveren.",
            )
        try:
            tekst = pad.read_text(encoding="utf-8")
            data = json.loads(tekst)
        except UnicodeDecodeError:
            return KAPOT, f"{naam} is geen tekstbestand. Vraag de deelnemer om het opnieuw in te leveren."
        except json.JSONDecodeError as fout:
            return KAPOT, (
                f"{naam} is beschadigd: de inhoud is geen geldige JSON (regel {fout.lineno}). "
                "Vraag de deelnemer om het opnieuw in te leveren."
            )
        except OSError as fout:
            return KAPOT, f"{naam} kan niet worden gelezen ({fout.strerror})."
        try:
            if not isinstance(data, dict):
                raise ValueError("geen notitieboek")
            nb = nbformat.from_dict(data)
            nbformat.validate(nb)
        except Exception:  # nbformat raises several kinds; all mean the same to a trainer
            return KAPOT, (
                f"{naam} is geen geldig notitieboek (de opbouw van het bestand klopt niet). "
                "Vraag de deelnemer om het opnieuw in te leveren."
            )
    return None


def _api(cursus: Path):
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    # nbgrader starts the program `alembic` when it creates a gradebook: it must be on PATH.
    bin_map = str(Path(sys.executable).parent)
    if bin_map not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_map + os.pathsep + os.environ.get("PATH", "")
    config = PyFileConfigLoader("nbgrader_config.py", path=str(cursus)).load_config()
    config.CourseDirectory.root = str(cursus)
    return NbGraderAPI(config=config)


def _score(api, opdracht: str, deelnemer: str) -> tuple[float | None, float | None]:
    from nbgrader.api import MissingEntry

    with api.gradebook as gb:
        try:
            inlevering = gb.find_submission(opdracht, deelnemer)
        except MissingEntry:
            return None, None
        return float(inlevering.score), float(inlevering.max_score)


def _laatste_fout(resultaat: dict) -> str:
    regels = [r for r in (resultaat.get("error") or resultaat.get("log") or "").splitlines() if r.strip()]
    return regels[-1].strip() if regels else "onbekende fout"


def _nieuwer(ingeleverd: Path, klaar: Path, namen: list[str], api) -> bool:
    """Whether a submission changed since it was graded: by nbgrader's timestamp.txt, or file times."""
    nieuw_ts = api.coursedir.get_existing_timestamp(str(ingeleverd))
    oud_ts = api.coursedir.get_existing_timestamp(str(klaar))
    if nieuw_ts and oud_ts:
        return nieuw_ts > oud_ts
    for naam in namen:
        oud = klaar / naam
        if not oud.is_file() or (ingeleverd / naam).stat().st_mtime > oud.stat().st_mtime:
            return True
    return False


def nakijken(cursus: Path, opdracht: str, opnieuw: bool = False) -> list[Status]:
    """Grade every submission of `opdracht`; write and return one Status per learner."""
    namen = notebooknamen(cursus, opdracht)
    api = _api(cursus)
    with api.gradebook as gb:
        if opdracht not in {a.name for a in gb.assignments}:
            raise RondeFout(
                f"De opdracht '{opdracht}' staat niet in het cijferbestand. Voer eerst uit: "
                f"nbgrader generate_assignment {opdracht}"
            )
    verslagmap = cursus / "autograded"
    verslagmap.mkdir(exist_ok=True)
    if (cursus / "gradebook.db").is_file():
        # A copy before every round: whatever goes wrong, the trainer's grades are never lost.
        shutil.copy2(cursus / "gradebook.db", verslagmap / "reservekopie-gradebook.db")
    uitkomsten: list[Status] = []
    verslag: list[str] = []
    for map_ in sorted((cursus / "submitted").glob(f"*/{opdracht}")):
        deelnemer = map_.parent.name
        probleem = controleer_inlevering(map_, namen)
        if probleem:
            punten, max_punten = _score(api, opdracht, deelnemer)
            eerder = " Eerdere punten in het cijferbestand blijven staan." if punten is not None else ""
            uitkomsten.append(Status(deelnemer, probleem[0], probleem[1] + eerder, punten, max_punten))
            continue
        klaar = cursus / "autograded" / deelnemer / opdracht
        nieuw = klaar.is_dir() and _nieuwer(map_, klaar, namen, api)
        if klaar.is_dir() and not opnieuw and not nieuw:
            punten, max_punten = _score(api, opdracht, deelnemer)
            bericht = "Deze inlevering was al nagekeken. Gebruik --opnieuw om opnieuw na te kijken."
            uitkomsten.append(Status(deelnemer, AL_NAGEKEKEN, bericht, punten, max_punten))
            continue
        resultaat = api.autograde(opdracht, deelnemer, force=True)
        verslag.append(f"=== {deelnemer} ===\n{resultaat.get('log', '')}{resultaat.get('error', '')}")
        punten, max_punten = _score(api, opdracht, deelnemer)
        if resultaat.get("success"):
            bericht = "Nieuwe inlevering: opnieuw nagekeken." if nieuw else "In orde."
            uitkomsten.append(Status(deelnemer, NAGEKEKEN, bericht, punten, max_punten))
        else:
            bericht = (
                f"nbgrader kon deze inlevering niet nakijken: {_laatste_fout(resultaat)}. "
                f"Details staan in autograded/nakijkverslag-{opdracht}.txt."
            )
            uitkomsten.append(Status(deelnemer, FOUT, bericht, punten, max_punten))
    (verslagmap / f"nakijkverslag-{opdracht}.txt").write_text("\n".join(verslag), encoding="utf-8")
    with open(verslagmap / f"nakijkstatus-{opdracht}.csv", "w", newline="", encoding="utf-8") as f:
        schrijver = csv.writer(f)
        schrijver.writerow(["deelnemer", "status", "punten", "max_punten", "bericht"])
        for s in uitkomsten:
            schrijver.writerow([s.deelnemer, s.status, s.punten, s.max_punten, s.bericht])
    return uitkomsten


def tabel(uitkomsten: list[Status]) -> str:
    """A short Dutch overview for the terminal."""
    if not uitkomsten:
        return "Er zijn geen inleveringen gevonden in submitted/."
    regels = []
    for s in uitkomsten:
        score = f"{s.punten:g} van {s.max_punten:g}" if s.punten is not None else "geen punten"
        regels.append(f"{s.deelnemer}: {s.status} ({score}). {s.bericht}")
    return "\n".join(regels)
