"""The description of one class on this server (:class:`Klas`, saved as ``hub/klas.json``) and its error.

Every other module of the class server works from a :class:`Klas`: who the trainer and the
learners are, where the class folder is, and how users reach the course environment.

The class folder (default /srv/wijkleren-klas)::

    hub/           root only: klas.json, passwords, database, cookie secret, log
    omgeving/      the course environment, if it had to be copied (read-only for all)
    jupyter/       Jupyter and nbgrader settings per role (read-only for all)
    uitwisseling/  nbgrader's exchange (see wijkleren.klasserver.uitwisseling for who may read what)

The course's folder (:func:`cursusbron`) is the checkout the class is started from: it holds
``hub/jupyterhub_config.py``, which reads the class description with :meth:`Klas.lees`.
"""

from __future__ import annotations

import json
import os
import pwd
import socket
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.fouten import WijklerenFout

# In the course's folder (the checkout, see cursusbron): JupyterHub's settings and Dutch pages.
HUB_CONFIG = Path("hub") / "jupyterhub_config.py"
HUB_TEMPLATES = Path("hub") / "templates"
CURSUS = "wijkleren"  # nbgrader's course_id, as in exercises/nbgrader_config.py
CURSUSMAP = "wijkleren"  # the trainer's course folder, in the trainer's home
TOETSMAP = "toetspool"  # the toets pool, in the trainer's course folder
STANDAARD_MAP = Path("/srv/wijkleren-klas")


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
        schrijf_geheim(self.hubmap / "klas.json", json.dumps(data, indent=2))

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


def schrijf_geheim(pad: Path, tekst: str) -> None:
    """Write a file only root can read (created with mode 0600, never readable in between)."""
    pad.unlink(missing_ok=True)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(tekst)


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
