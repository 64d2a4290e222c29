"""The JupyterHub process of a class: start it in the background, see if it runs, call its API, stop it.

JupyterHub runs ``hub/jupyterhub_config.py`` from the course's folder, in its own session, with
its log in ``hub/hub.log`` of the class folder; its proxy is configurable-http-proxy from npm.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from wijkleren.klasserver.klas import HUB_CONFIG, Klas, KlasFout


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
