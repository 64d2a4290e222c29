"""A class on one server: JupyterHub with the nbgrader exchange, for a trainer and learners.

``python -m wijkleren.klasserver.hub start`` (as root; ``make klas-server``) prepares and starts a class:

- accounts: the server's own Linux accounts (PAM). Missing ones are made, with a random
  password and a home folder only the owner can open (0700);
- the course environment: this virtual environment, or a copy of it in the class folder when
  other users cannot reach it (for example when it lives under /root);
- the nbgrader exchange in the class folder, owned by the trainer, and the trainer's course
  folder ``~/wijkleren`` with the final assignment generated from the case bank;
- JupyterHub (``hub/jupyterhub_config.py``) in the background, on 127.0.0.1 unless told otherwise.

``python -m wijkleren.klasserver.hub stop`` stops the hub and every user's server; ``--opruimen`` also
removes the accounts that ``start`` made and the class folder.

The class folder (default /srv/wijkleren-klas)::

    hub/           root only: klas.json, passwords, database, cookie secret, log
    omgeving/      the course environment, if it had to be copied (read-only for all)
    jupyter/       Jupyter and nbgrader settings per role (read-only for all)
    uitwisseling/  nbgrader's exchange (see wijkleren.klasserver.uitwisseling for who may read what)

The answer key stays with the trainer: the repository (with ``exercises/toetspool`` and the git
history) is closed to other users while it is used for a class, learners run a copy of the
course environment without the toets pool, and the trainer's course folder (with its own copy
of the toets pool) is open to the trainer only. Owners and modes are set without following
links: a link in the exchange is refused.
"""

from __future__ import annotations

import argparse
import errno
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.fouten import WijklerenFout, meld
from wijkleren.klasserver.omgeving import kopieer_omgeving
from wijkleren.starten import vrije_poort

# In the course's folder (the checkout, see cursusbron): JupyterHub's settings and Dutch pages.
HUB_CONFIG = Path("hub") / "jupyterhub_config.py"
HUB_TEMPLATES = Path("hub") / "templates"
CURSUS = "wijkleren"  # nbgrader's course_id, as in exercises/nbgrader_config.py
CURSUSMAP = "wijkleren"  # the trainer's course folder, in the trainer's home
TOETSMAP = "toetspool"  # the toets pool, in the trainer's course folder
STANDAARD_MAP = Path("/srv/wijkleren-klas")
LOOPBACK = ("127.0.0.1", "localhost")
NAAM = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")

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


class KlasFout(WijklerenFout):
    """Something the person starting the class must fix; the message is Dutch."""

    code = 2


@dataclass
class Klas:
    """One class on this server: who, where, and how the hub reaches the course environment."""

    map: Path
    trainer: str
    deelnemers: list[str]
    adres: str = "127.0.0.1"
    poort: int = 8000
    hub_poort: int = 0
    api_poort: int = 0
    python: str = sys.executable  # the course environment's Python, as the users run it
    bin: str = str(Path(sys.executable).parent)
    ld_library_path: str = ""
    proxy: str = ""
    certificaat: str | None = None
    sleutel: str | None = None
    aangemaakt: list[str] = field(default_factory=list)  # accounts that `start` made
    bron_modus: int | None = None  # the repository's mode before `start` closed it
    bron: str = ""  # the course's folder the class was started from (see cursusbron)

    @property
    def bronmap(self) -> Path:
        """The course's folder: hub/, exercises/ (with the toets pool) and node_modules/."""
        return cursusbron(self.bron or None)

    @property
    def hubmap(self) -> Path:
        return self.map / "hub"

    @property
    def uitwisseling(self) -> Path:
        return self.map / "uitwisseling"

    @property
    def jupytermap(self) -> Path:
        return self.map / "jupyter"

    @property
    def omgeving(self) -> Path:
        return self.map / "omgeving"

    @property
    def cursusmap(self) -> Path:
        return Path(pwd.getpwnam(self.trainer).pw_dir) / CURSUSMAP

    @property
    def bind_url(self) -> str:
        """Where the proxy listens."""
        schema = "https" if self.certificaat else "http"
        return f"{schema}://{self.adres}:{self.poort}"

    @property
    def url(self) -> str:
        """The address people type: this server's name when the proxy listens on all addresses."""
        if self.adres in ("0.0.0.0", ""):
            return self.bind_url.replace(f"//{self.adres}:", f"//{socket.getfqdn()}:")
        return self.bind_url

    def gebruikers(self) -> list[str]:
        return [self.trainer, *self.deelnemers]

    def jupyter_config_path(self, gebruiker: str) -> str:
        """JUPYTER_CONFIG_PATH for a user: the settings of their role, then the shared ones."""
        rol = "trainer" if gebruiker == self.trainer else "deelnemer"
        return os.pathsep.join([str(self.jupytermap / rol), str(self.jupytermap / "gedeeld")])

    def omgevingsvariabelen(self, gebruiker: str) -> dict[str, str]:
        """The environment of a user's server and of commands run as that user."""
        env = {
            "PATH": os.pathsep.join([self.bin, "/usr/local/bin", "/usr/bin", "/bin"]),
            "JUPYTER_CONFIG_PATH": self.jupyter_config_path(gebruiker),
            "LANG": "C.UTF-8",
            # The trainer's tools find the toets pool in the course folder; a learner has none.
            TOETS_VAR: str(self.cursusmap / TOETSMAP) if gebruiker == self.trainer else "",
        }
        if self.ld_library_path:
            env["LD_LIBRARY_PATH"] = self.ld_library_path
        return env

    def beheer_token(self) -> str:
        """The token of the management service (start, stop, tests); only root can read it."""
        return (self.hubmap / "beheer.token").read_text(encoding="utf-8").strip()

    def wachtwoorden(self) -> dict[str, str]:
        """The passwords of the accounts that `start` made."""
        pad = self.hubmap / "wachtwoorden.json"
        return json.loads(pad.read_text(encoding="utf-8")) if pad.exists() else {}

    def bewaar(self) -> None:
        self.hubmap.mkdir(parents=True, exist_ok=True)
        os.chmod(self.hubmap, 0o700)
        data = {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
        _schrijf_geheim(self.hubmap / "klas.json", json.dumps(data, indent=2))

    @classmethod
    def lees(cls, map_: str | Path) -> Klas:
        pad = Path(map_) / "hub" / "klas.json"
        if not pad.exists():
            raise KlasFout(
                f"Er is geen klas in {map_}. Start er een met: python -m wijkleren.klasserver.hub start"
            )
        data = json.loads(pad.read_text(encoding="utf-8"))
        data["map"] = Path(data["map"])
        return cls(**data)


def _schrijf_geheim(pad: Path, tekst: str) -> None:
    """Write a file only root can read (created with mode 0600, never readable in between)."""
    pad.unlink(missing_ok=True)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(tekst)


# --- accounts ---------------------------------------------------------------------------------


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


# --- the course environment, reachable for every user ---------------------------------------


def werkt_voor(klas: Klas, gebruiker: str) -> str:
    """'' when `gebruiker` can run the course environment, else the error.

    A quick check (importing nbgrader takes seconds): the interpreter, the standard library,
    JupyterHub and the course code load, and nbgrader and JupyterLab are in reach.
    """
    code = (
        "import importlib.util as u, jupyterhub, wijkleren.klasserver.hub\n"
        "assert u.find_spec('nbgrader') and u.find_spec('jupyterlab'), 'nbgrader of jupyterlab ontbreekt'"
    )
    try:
        res = als(klas, gebruiker, klas.python, "-c", code, timeout=120)
    except OSError as e:  # the interpreter itself is out of reach
        return str(e)
    return "" if res.returncode == 0 else (res.stderr or res.stdout)[-2000:]


# --- exchange, settings per role, the trainer's course folder -------------------------------


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


# --- the answer key: closed to learners -------------------------------------------------------


def cursusbron(map_: Path | str | None = None) -> Path:
    """The course's folder (the checkout with hub/ and exercises/): `map_` (``start --bron``), else
    the current directory, where ``make klas-server`` runs. KlasFout when it is not that folder."""
    bron = Path(map_ if map_ is not None else Path.cwd()).resolve()
    if not (bron / HUB_CONFIG).is_file() or not (bron / "exercises" / "nbgrader_config.py").is_file():
        raise KlasFout(
            f"In {bron} staat de cursus Wijkleren niet: hub/ en exercises/ ontbreken. "
            "Start vanuit de hoofdmap van Wijkleren, of geef die map aan met --bron."
        )
    return bron


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


# --- the hub process --------------------------------------------------------------------------


def proxy_pad(bron: Path) -> str:
    """configurable-http-proxy: from the course's node_modules (npm ci), else from PATH."""
    eigen = bron / "node_modules" / ".bin" / "configurable-http-proxy"
    if eigen.exists():
        return str(eigen)
    gevonden = shutil.which("configurable-http-proxy")
    if gevonden:
        return gevonden
    raise KlasFout("configurable-http-proxy ontbreekt. Installeer het met: npm ci")


def _pid_van(pidbestand: Path, programma: bytes) -> int | None:
    """The id in a pid file, if that process still runs `programma`."""
    try:
        pid = int(pidbestand.read_text().strip())
        return pid if programma in Path(f"/proc/{pid}/cmdline").read_bytes() else None
    except (OSError, ValueError):
        return None


def draait(klas: Klas) -> int | None:
    """The process id of the running hub, or None."""
    return _pid_van(klas.hubmap / "hub.pid", b"jupyterhub")


def api(klas: Klas, pad: str, token: str | None = None, methode: str = "GET", data: dict | None = None):
    """Call the hub's REST API through the proxy; return (status, JSON body or None)."""
    verzoek = urllib.request.Request(
        f"{klas.bind_url}/hub/api/{pad.lstrip('/')}",
        method=methode,
        data=json.dumps(data).encode() if data is not None else None,
        headers={"Authorization": f"token {token}"} if token else {},
    )
    try:
        with urllib.request.urlopen(verzoek, timeout=30) as antwoord:
            tekst = antwoord.read()
            return antwoord.status, json.loads(tekst) if tekst else None
    except urllib.error.HTTPError as e:
        return e.code, None


def start_hub(klas: Klas, wachttijd: float = 90) -> int:
    """Start JupyterHub in the background (its own session); wait until it answers; return its id."""
    env = {
        **os.environ,
        "WIJKLEREN_KLASMAP": str(klas.map),
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "/usr/bin:/bin")]),
    }
    with open(klas.hubmap / "hub.log", "ab") as log:
        proces = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(klas.bronmap / HUB_CONFIG)],
            cwd=klas.hubmap,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    (klas.hubmap / "hub.pid").write_text(str(proces.pid))
    einde = time.monotonic() + wachttijd
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise KlasFout(f"JupyterHub stopte meteen. Het logboek:\n{log_staart(klas)}")
        if _antwoordt(klas):
            return proces.pid
        time.sleep(0.5)
    stop_hub(klas)
    raise KlasFout(f"JupyterHub antwoordt niet na {wachttijd:.0f} seconden. Het logboek:\n{log_staart(klas)}")


def _antwoordt(klas: Klas) -> bool:
    """The hub answers on loopback and the proxy accepts connections on the class's address."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{klas.hub_poort}/hub/api/", timeout=5) as antwoord:
            if antwoord.status != 200:
                return False
        adres = "127.0.0.1" if klas.adres in ("0.0.0.0", "") else klas.adres
        with socket.create_connection((adres, klas.poort), timeout=5):
            return True
    except OSError:
        return False


def log_staart(klas: Klas, regels: int = 40) -> str:
    pad = klas.hubmap / "hub.log"
    return "\n".join(pad.read_text(errors="replace").splitlines()[-regels:]) if pad.exists() else ""


def stop_hub(klas: Klas, wachttijd: float = 60) -> bool:
    """Stop the hub (SIGTERM: it stops every user's server and the proxy first). True if it ran."""
    pid = draait(klas)
    if pid is None:
        return False
    os.kill(pid, signal.SIGTERM)
    einde = time.monotonic() + wachttijd
    while time.monotonic() < einde and draait(klas) == pid:
        time.sleep(0.3)
    if draait(klas) == pid:
        os.kill(pid, signal.SIGKILL)
    (klas.hubmap / "hub.pid").unlink(missing_ok=True)
    # The hub stops its proxy; if the hub had to be killed, the proxy may still run.
    proxy = _pid_van(klas.hubmap / "proxy.pid", b"configurable-http-proxy")
    if proxy:
        os.kill(proxy, signal.SIGTERM)
    return True


# --- start and stop, as commands ------------------------------------------------------------


def start(
    map_: Path,
    trainer: str,
    deelnemers: list[str],
    poort: int = 8000,
    adres: str = "127.0.0.1",
    certificaat: str | None = None,
    sleutel: str | None = None,
    uitvoer=print,
    bron: Path | None = None,
) -> Klas:
    """Prepare and start a class from the course's folder `bron` (standard: the current one); return
    it. Raises KlasFout with a Dutch message."""
    if os.geteuid() != 0:
        raise KlasFout(
            "Start de klas als root (bijvoorbeeld met sudo). Alleen root kan accounts maken "
            "en JupyterLab starten als de trainer en de deelnemers."
        )
    bronmap = cursusbron(bron)
    for naam in (trainer, *deelnemers):
        if not NAAM.match(naam):
            raise KlasFout(f"'{naam}' kan geen accountnaam zijn: gebruik kleine letters en cijfers.")
    if len({trainer, *deelnemers}) != len(deelnemers) + 1:
        raise KlasFout("Elke naam mag maar één keer voorkomen.")
    if adres not in LOOPBACK and not (certificaat and sleutel):
        raise KlasFout(
            "Buiten deze computer alleen met HTTPS: geef --certificaat en --sleutel. "
            "Anders gaan wachtwoorden onversleuteld over het netwerk."
        )
    if (map_ / "hub" / "klas.json").exists():
        oud = Klas.lees(map_)
        if draait(oud):
            raise KlasFout(
                f"Deze klas draait al op {oud.url}. Stop hem eerst met: python -m wijkleren.klasserver.hub stop"
            )
        aangemaakt, bron_modus = oud.aangemaakt, oud.bron_modus
    elif map_.exists() and any(map_.iterdir()):
        # `stop --opruimen` removes the class folder: it must be one that only the class uses.
        raise KlasFout(f"De map {map_} is niet leeg en er staat geen klas in. Kies een nieuwe map met --map.")
    else:
        aangemaakt, bron_modus = [], None
    vrij_adres = "127.0.0.1" if adres in ("0.0.0.0", "") else adres
    with socket.socket() as s:
        if s.connect_ex((vrij_adres, poort)) == 0:
            raise KlasFout(f"Poort {poort} is al in gebruik. Kies een andere met --poort.")
    map_.mkdir(parents=True, exist_ok=True)
    os.chmod(map_, 0o755)
    klas = Klas(
        map=map_.resolve(),
        trainer=trainer,
        deelnemers=list(deelnemers),
        adres=adres,
        poort=poort,
        hub_poort=vrije_poort(),
        api_poort=vrije_poort(),
        proxy=proxy_pad(bronmap),
        certificaat=certificaat,
        sleutel=sleutel,
        aangemaakt=aangemaakt,
        bron_modus=bron_modus,
        bron=str(bronmap),
    )
    klas.bewaar()  # before anything else: `stop --opruimen` must know what was made
    wachtwoorden = klas.wachtwoorden()
    for naam in klas.gebruikers():
        if not bestaat(naam):
            wachtwoorden[naam] = maak_account(naam)
            klas.aangemaakt.append(naam)
            klas.bewaar()
    _schrijf_geheim(klas.hubmap / "wachtwoorden.json", json.dumps(wachtwoorden, indent=2))
    controleer_groepen(klas)
    sluit_bron_af(klas, uitvoer)

    fout = werkt_voor(klas, klas.deelnemers[0] if klas.deelnemers else klas.trainer)
    if fout:
        uitvoer("De cursusomgeving is niet voor iedereen bereikbaar. Ik maak een kopie in de klasmap.")
        try:
            klas.python, klas.bin, klas.ld_library_path = kopieer_omgeving(klas.omgeving)
        except ValueError as e:
            raise KlasFout(str(e)) from e
        fout = werkt_voor(klas, klas.deelnemers[0] if klas.deelnemers else klas.trainer)
        if fout:
            raise KlasFout(f"De deelnemers kunnen de cursusomgeving niet starten:\n{fout}")
    zet_uitwisseling_klaar(klas)
    schrijf_instellingen(klas)
    zet_cursus_klaar(klas)
    if not (klas.hubmap / "beheer.token").exists():
        _schrijf_geheim(klas.hubmap / "beheer.token", secrets.token_hex(32))
    klas.bewaar()
    start_hub(klas)
    return klas


def stop(map_: Path, opruimen: bool = False) -> Klas:
    """Stop the class's hub; with `opruimen` also remove the accounts `start` made and the folder."""
    klas = Klas.lees(map_)
    stop_hub(klas)
    if opruimen:
        for naam in klas.aangemaakt:
            if bestaat(naam):
                verwijder_account(naam)
        shutil.rmtree(klas.map, ignore_errors=True)
        open_bron(klas)
    return klas


def _welkom(klas: Klas) -> str:
    wachtwoorden = klas.wachtwoorden()
    regels = [f"\nDe klas draait op {klas.url}", ""]
    for rol, namen in (("Trainer", [klas.trainer]), ("Deelnemers", klas.deelnemers)):
        for i, naam in enumerate(namen):
            ww = (
                wachtwoorden.get(naam, "(eigen wachtwoord)")
                if naam in klas.aangemaakt
                else "(eigen wachtwoord)"
            )
            regels.append(f"  {rol if i == 0 else '':<11} {naam:<16} wachtwoord: {ww}")
    regels += [
        "",
        f"De wachtwoorden staan ook in {klas.hubmap / 'wachtwoorden.json'} (alleen voor root).",
        "Stoppen: make klas-stop (of: python -m wijkleren.klasserver.hub stop).",
    ]
    return "\n".join(regels)


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"Fout: {message}. Gebruik --help voor uitleg.", file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    p = _Parser(
        prog="python -m wijkleren.klasserver.hub",
        description="Een klas op één server: JupyterHub met nbgrader.",
    )
    sub = p.add_subparsers(dest="actie", metavar="ACTIE", parser_class=_Parser)
    s = sub.add_parser("start", help="maak de accounts en start de klas (als root)")
    s.add_argument("--map", type=Path, default=STANDAARD_MAP, help=f"de klasmap (standaard {STANDAARD_MAP})")
    s.add_argument("--trainer", default="trainer", help="account van de trainer (standaard: trainer)")
    s.add_argument(
        "--deelnemers",
        default="deelnemer1,deelnemer2,deelnemer3",
        help="accounts van de deelnemers, met komma's (standaard: deelnemer1,deelnemer2,deelnemer3)",
    )
    s.add_argument("--poort", type=int, default=8000, help="poort van de klas (standaard 8000)")
    s.add_argument("--adres", default="127.0.0.1", help="adres (standaard 127.0.0.1: alleen deze computer)")
    s.add_argument("--certificaat", help="HTTPS-certificaat (nodig voor een ander adres dan 127.0.0.1)")
    s.add_argument("--sleutel", help="sleutel bij het HTTPS-certificaat")
    s.add_argument("--bron", type=Path, help="de map van de cursus Wijkleren (standaard: deze map)")
    t = sub.add_parser("stop", help="stop de klas")
    t.add_argument("--map", type=Path, default=STANDAARD_MAP, help=f"de klasmap (standaard {STANDAARD_MAP})")
    t.add_argument(
        "--opruimen",
        action="store_true",
        help="verwijder ook de accounts die start maakte (met hun werk) en de klasmap",
    )
    args = p.parse_args(argv)
    try:
        if args.actie == "start":
            deelnemers = [d.strip() for d in args.deelnemers.split(",") if d.strip()]
            klas = start(
                args.map,
                args.trainer,
                deelnemers,
                args.poort,
                args.adres,
                args.certificaat,
                args.sleutel,
                bron=args.bron,
            )
            print(_welkom(klas))
            return 0
        if args.actie == "stop":
            klas = stop(args.map, args.opruimen)
            print("De klas is gestopt." + (" Accounts en klasmap zijn verwijderd." if args.opruimen else ""))
            return 0
    except WijklerenFout as fout:
        return meld(fout)
    p.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
