"""Why something failed, in Dutch: the round's own error (:class:`RondeFout`), the cause of a
failed write (read-only, full, locked, no access), the checks that the round can write before it
starts, and the reason nbgrader gave for a submission it could not grade.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from wijkleren.fouten import WijklerenFout


class RondeFout(WijklerenFout):
    """The round cannot start or had to stop (no course, busy, read-only...); Dutch message."""

    code = 2


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


def schrijfbaar(map_: Path) -> None:
    """RondeFout (Dutch) unless a file can be made in `map_`."""
    try:
        map_.mkdir(parents=True, exist_ok=True)
        proef = map_ / f".wijkleren-proef-{os.getpid()}"
        with open(proef, "w", encoding="utf-8") as f:
            f.write("proef")
        proef.unlink()
    except OSError as fout:
        raise RondeFout(f"Ik kan niet schrijven in {map_}: {oorzaak(fout, map_)}") from None


def cijferbestand_schrijfbaar(db: Path) -> None:
    """RondeFout (Dutch) unless the gradebook file `db` can be opened for writing."""
    try:
        fd = os.open(db, os.O_RDWR | os.O_CLOEXEC)
        os.close(fd)
    except OSError as fout:
        if fout.errno in (errno.EACCES, errno.EPERM):  # the file's own mode: read-only
            fout = OSError(errno.EROFS, "read-only")
        raise RondeFout(f"Ik kan het cijferbestand niet bijwerken: {oorzaak(fout, db)}") from None


def reden_fout(uitkomst: dict) -> str:
    """Why nbgrader could not grade a submission, in Dutch, from a worker's result (its log)."""
    log = uitkomst.get("log", "") + uitkomst.get("fout", "")
    if "timeout" in log.lower() or "UnresponsiveKernelError" in log:
        return "De code in het notitieboek bleef te lang draaien."
    if "SchemaTooOld" in log or "SchemaTooNew" in log:
        return "Het notitieboek hoort bij een andere versie van nbgrader."
    regels = [r.strip() for r in log.splitlines() if r.strip() and not r.startswith(" ")]
    laatste = regels[-1] if regels else "onbekende fout"
    return f"nbgrader kon deze inlevering niet nakijken: {laatste[:300]}"
