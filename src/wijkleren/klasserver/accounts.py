"""The class's Linux accounts: make, find and remove them, and run a command as one of them.

Accounts are the server's own (PAM logs them in). ``start`` makes the missing ones, with a random
password and a home only the owner can open; ``stop --opruimen`` removes the ones it made.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import signal
import subprocess
import time
from pathlib import Path

from wijkleren.klasserver.klas import Klas, KlasFout


def bestaat(naam: str) -> bool:
    try:
        pwd.getpwnam(naam)
    except KeyError:
        return False
    return True


def maak_account(naam: str) -> str:
    """Make a Linux account with its own group, a private home and a random password."""
    wachtwoord = secrets.token_urlsafe(9)
    try:
        subprocess.run(
            ["useradd", "--create-home", "--user-group", "--shell", "/bin/bash", naam],
            check=True,
            capture_output=True,
            text=True,
        )
        subprocess.run(
            ["chpasswd"], input=f"{naam}:{wachtwoord}\n", text=True, check=True, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError) as e:
        uitleg = getattr(e, "stderr", "") or str(e)
        raise KlasFout(f"Het account {naam} maken lukte niet: {uitleg.strip()}") from e
    os.chmod(pwd.getpwnam(naam).pw_dir, 0o700)
    return wachtwoord


def processen_van(naam: str) -> list[int]:
    """The ids of the running processes of a user."""
    uid = pwd.getpwnam(naam).pw_uid
    pids = []
    for pad in Path("/proc").iterdir():
        if pad.name.isdigit():
            try:
                if pad.stat().st_uid == uid:
                    pids.append(int(pad.name))
            except FileNotFoundError:
                continue
    return pids


def verwijder_account(naam: str) -> None:
    """Stop what is left of a user's processes (by id), then remove the account and its home."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in processen_van(naam):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        einde = time.monotonic() + 10
        while processen_van(naam) and time.monotonic() < einde:
            time.sleep(0.2)
        if not processen_van(naam):
            break
    subprocess.run(["userdel", "--remove", naam], check=False, capture_output=True)


def controleer_groepen(klas: Klas) -> None:
    """Submissions are shared with the trainer's main group: no learner may be in that group."""
    gid = pwd.getpwnam(klas.trainer).pw_gid
    groep = grp.getgrgid(gid)
    for naam in klas.deelnemers:
        if pwd.getpwnam(naam).pw_gid == gid or naam in groep.gr_mem:
            raise KlasFout(
                f"Deelnemer {naam} zit in de groep {groep.gr_name} van de trainer. Dan kan {naam} "
                "het werk van anderen lezen. Geef de trainer een eigen groep."
            )


# --- running something as a user --------------------------------------------------------------


def als(klas: Klas, gebruiker: str, *cmd, cwd: Path | None = None, timeout: int = 300, **kwargs):
    """Run a command as `gebruiker`, with that user's groups and the course environment."""
    info = pwd.getpwnam(gebruiker)
    env = {
        **klas.omgevingsvariabelen(gebruiker),
        "HOME": info.pw_dir,
        "USER": gebruiker,
        "LOGNAME": gebruiker,
    }
    return subprocess.run(
        [str(c) for c in cmd],
        user=info.pw_uid,
        group=info.pw_gid,
        extra_groups=os.getgrouplist(gebruiker, info.pw_gid),
        env=env,
        cwd=cwd or info.pw_dir,
        timeout=timeout,
        capture_output=True,
        text=True,
        **kwargs,
    )
