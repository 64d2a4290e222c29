"""The submissions of a round: which folders in ``submitted/`` hold one, and reading one safely.

- **No cheat with files**: a submission holding a link, a device, a pipe or anything but plain
  files and folders is refused (:func:`wijkleren.klasserver.uitwisseling.onveilige_inhoud`, the
  check that ``nbgrader collect`` on the class server uses too), and it is read without following
  links (``O_NOFOLLOW``, file by file, relative to its folder), so a link swapped in later is
  refused too. Size, number of files and depth are limited.
- Learner ids are folder names, used literally (nbgrader's own API would read ``*`` or ``a[b]``
  as a pattern). A notebook in a wrong place gets a status line that says where it belongs.
- The time of handing in is when the file arrived in the course folder (its ctime, set by the
  system when the trainer or ``nbgrader collect`` put it there), never a ``timestamp.txt`` the
  learner wrote.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import nbformat

from wijkleren.eindopdracht.formaat import NBGRADER
from wijkleren.nakijkronde.statussen import GEWEIGERD, KAPOT, ONTBREEKT, VERKEERDE_PLEK, Status, Weigering

TIJDSTEMPEL = "timestamp.txt"
_MAX_BESTAND = 50_000_000  # bytes per file in a submission
_MAX_TOTAAL = 200_000_000
_MAX_BESTANDEN = 500
_MAX_DIEPTE = 8

_OPNIEUW_INLEVEREN = "Vraag de deelnemer om het opnieuw in te leveren."


@dataclass(frozen=True)
class Inlevering:
    """A checked submission: a fingerprint of its files and the time it arrived (nbgrader's form)."""

    sha256: str
    tijd: str


def nbgrader_tijd(seconden: float) -> str:
    """A moment (seconds since the epoch) written as nbgrader writes times, in UTC."""
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
    inlevering = Inlevering(vingerafdruk.hexdigest(), nbgrader_tijd(max(tijden[n] for n in namen)))
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


def zoek_inleveringen(submitted: Path, opdracht: str, namen: list[str]) -> tuple[list[str], list[Status]]:
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
