"""Start the course for a learner: a private, Dutch JupyterLab on the exercises, plus the book.

Used by ``make start`` (``make start LAB_POORT=9000 BOEK_POORT=9001`` picks the ports).
Everything listens on 127.0.0.1 only. JupyterLab asks for a token, which is in the printed
address, so the learner types nothing and another user of the computer cannot get in.
JupyterLab's own messages go to a log file; the terminal shows the Dutch banner last.
Ctrl-C stops both servers.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from wijkleren.fouten import Parser

# In the course's folder: the current directory (``make start`` runs in the checkout), or --map.
NOTEBOOKS = Path("notebooks")
START_NOTEBOOK = "start.ipynb"
LOG = Path("_build") / "jupyterlab.log"
BOEK = Path("_build") / "html"
# Settings of the learner's JupyterLab only (the trainers' labs keep nbgrader): see deelnemer_config.
DEELNEMER_CONFIG = Path(sys.prefix) / "etc" / "wijkleren-deelnemer"
# What the learner's file browser does not show: the notebooks' text versions and the trainer's.
VERBORGEN = ["*.md", "klasoverzicht*", "__pycache__", "*.pyc", ".ipynb_checkpoints", "*~"]
NBGRADER_LAB = "@jupyter/nbgrader"


def notebookmap(map_: Path | None = None) -> Path:
    """The learner's notebooks: `map_`, else notebooks/ in the current directory."""
    return Path(map_) if map_ is not None else Path.cwd() / NOTEBOOKS


def leerling_notebooks(map_: Path | None = None) -> list[Path]:
    """The text versions of the learner's notebooks: the start page and the exercises."""
    map_ = notebookmap(map_)
    return [map_ / "start.md", *sorted(map_.glob("oefening_*.md"))]


def maak_notebooks(map_: Path | None = None) -> list[Path]:
    """Create each learner notebook that is missing; an existing one (the learner's) stays as it is.

    A new notebook is run once, so it opens with the exercise already drawn (the widget's state
    is stored in the file), and it is signed as trusted, so JupyterLab shows that output.
    Returns the notebooks made.
    """
    import jupytext
    import nbformat
    from jupyter_client.kernelspec import KernelSpecManager
    from nbclient import NotebookClient
    from nbformat.sign import NotebookNotary

    map_ = notebookmap(map_)
    gemaakt = []
    notaris = NotebookNotary()
    for tekst in leerling_notebooks(map_):
        doel = tekst.with_suffix(".ipynb")
        if doel.exists():
            continue
        nb = jupytext.read(tekst)
        nb.metadata.pop("jupytext", None)
        # The kernel's own spec: JupyterLab rewrites a different one on open, and the tab shows "modified".
        spec = KernelSpecManager().get_kernel_spec("python3")
        nb.metadata["kernelspec"] = {
            "display_name": spec.display_name,
            "language": spec.language,
            "name": "python3",
        }
        if any(c.cell_type == "code" for c in nb.cells):
            klant = NotebookClient(
                nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(map_)}}
            )
            klant.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # a quiet terminal
        for cel in nb.cells:
            cel.metadata.pop("execution", None)  # timestamps only
        notaris.sign(nb)
        tijdelijk = doel.with_name(f".{doel.name}.nieuw")
        nbformat.write(nb, tijdelijk)
        os.replace(tijdelijk, doel)  # never a half-written notebook
        gemaakt.append(doel)
    return gemaakt


def deelnemer_config(map_: Path = DEELNEMER_CONFIG) -> Path:
    """Jupyter settings for the learner's lab alone: no nbgrader menus, buttons or server parts."""
    (map_ / "labconfig").mkdir(parents=True, exist_ok=True)
    pagina = {"disabledExtensions": {NBGRADER_LAB: True}}
    (map_ / "labconfig" / "page_config.json").write_text(json.dumps(pagina, indent=2), encoding="utf-8")
    server = {"ServerApp": {"jpserver_extensions": {e: False for e in _nbgrader_serverdelen()}}}
    (map_ / "jupyter_server_config.json").write_text(json.dumps(server, indent=2), encoding="utf-8")
    return map_


def _nbgrader_serverdelen() -> list[str]:
    namen = {"nbgrader"}
    for pad in (Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d").glob("nbgrader*.json"):
        try:
            namen |= set(json.loads(pad.read_text(encoding="utf-8"))["ServerApp"]["jpserver_extensions"])
        except (OSError, ValueError, KeyError, TypeError):
            pass
    return sorted(namen)


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the terminal readable for the learner
        pass


def start_boekserver(map_: Path, poort: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_StilleHandler, directory=str(map_))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", poort), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lab_commando(poort: int, open_browser: bool, map_: Path | None = None) -> list[str]:
    """JupyterLab for a learner. The token is not here (a command line is visible to every user):
    lab_omgeving puts it in the environment."""
    map_ = notebookmap(map_)
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={poort}",
        "--ServerApp.port_retries=50",
        f"--ServerApp.root_dir={map_}",
        f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}",
        "--ServerApp.password=",
        f"--ContentsManager.hide_globs={json.dumps(VERBORGEN)}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ServerApp.open_browser=True" if open_browser else "--no-browser",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


def lab_omgeving(token: str, config: Path = DEELNEMER_CONFIG) -> dict[str, str]:
    omgeving = dict(os.environ)
    omgeving["JUPYTER_TOKEN"] = token
    eerder = omgeving.get("JUPYTER_CONFIG_PATH")
    omgeving["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(config), *([eerder] if eerder else [])])
    return omgeving


def lab_adres(pid: int, wacht: float = 120.0, proces: subprocess.Popen | None = None) -> dict | None:
    """The address the server really uses (it moves on when a port is taken): from its runtime file."""
    from jupyter_server.serverapp import list_running_servers

    eind = time.monotonic() + wacht
    while time.monotonic() < eind:
        for info in list_running_servers():
            if info.get("pid") == pid:
                return info
        if proces is not None and proces.poll() is not None:
            return None
        time.sleep(0.3)
    return None


def banner(lab_url: str, boek_url: str, meldingen: list[str]) -> str:
    regels = ["", "Wijkleren draait.", *meldingen]
    regels += [
        f"  JupyterLab (oefeningen): {lab_url}",
        f"  Het boek:                {boek_url}",
        "Open de adressen in je browser. Stoppen: druk hier op Ctrl-C.",
        "",
    ]
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    p = Parser(prog="wijkleren-start", description="Start de cursus Wijkleren.")
    p.add_argument("--lab-poort", type=int, default=8888)
    p.add_argument("--boek-poort", type=int, default=8000)
    p.add_argument("--geen-browser", action="store_true", help="open geen browservenster")
    p.add_argument("--alleen-notebooks", action="store_true", help="maak ontbrekende notitieboeken en stop")
    p.add_argument("--map", type=Path, help="de map van de cursus Wijkleren (standaard: deze map)")
    args = p.parse_args(argv)
    cursus = (args.map or Path.cwd()).resolve()
    notebooks, log_pad, boek = cursus / NOTEBOOKS, cursus / LOG, cursus / BOEK
    if not (notebooks / "start.md").is_file():
        print(
            f"Ik vind de oefeningen niet in {notebooks}. Start vanuit de hoofdmap van Wijkleren "
            "(make start), of geef die map aan met --map.",
            file=sys.stderr,
        )
        return 2
    if args.alleen_notebooks:
        for nb in maak_notebooks(notebooks):
            print(f"Gemaakt: {nb.relative_to(cursus)}")
        return 0

    if not (boek / "index.html").exists():
        print("Het boek is nog niet gebouwd. Voer eerst 'make boek' uit.", file=sys.stderr)
        return 2
    meldingen = []
    try:
        boekserver = start_boekserver(boek, args.boek_poort)
    except OSError:
        boekserver = start_boekserver(boek, 0)
        meldingen.append(
            f"Poort {args.boek_poort} was al in gebruik. Het boek staat daarom op poort "
            f"{boekserver.server_address[1]}."
        )
    boek_url = f"http://127.0.0.1:{boekserver.server_address[1]}/index.html"

    maak_notebooks(notebooks)
    token = secrets.token_urlsafe(24)
    log_pad.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_pad, "w", encoding="utf-8")  # noqa: SIM115 - open while the lab runs
    # Own session: the terminal's Ctrl-C reaches only us, so JupyterLab does not ask "Shutdown?".
    lab = subprocess.Popen(
        lab_commando(args.lab_poort, not args.geen_browser, notebooks),
        cwd=notebooks,
        env=lab_omgeving(token, deelnemer_config()),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        info = lab_adres(lab.pid, proces=lab)
        if info is None:
            print(
                f"JupyterLab is niet gestart. Kijk in {log_pad} wat er misging.", file=sys.stderr, flush=True
            )
            return 1
        if info["port"] != args.lab_poort:
            meldingen.append(
                f"Poort {args.lab_poort} was al in gebruik. JupyterLab staat daarom op poort {info['port']}."
            )
        lab_url = f"http://127.0.0.1:{info['port']}/lab/tree/{START_NOTEBOOK}?token={token}"
        print(banner(lab_url, boek_url, meldingen), flush=True)
        return lab.wait()
    except KeyboardInterrupt:
        print("\nWijkleren stopt...", flush=True)
        lab.send_signal(signal.SIGTERM)
        try:
            lab.wait(timeout=15)
        except subprocess.TimeoutExpired:
            lab.kill()
        return 0
    finally:
        boekserver.shutdown()
        log.close()


if __name__ == "__main__":
    raise SystemExit(main())
