"""Start the course: JupyterLab (Dutch) on the course's start page, plus the built book.

Used by ``make start``. Ctrl-C stops both. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START_NOTEBOOK = "notebooks/start.ipynb"


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


def lab_commando(poort: int, open_browser: bool) -> list[str]:
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--ip=127.0.0.1",
        f"--port={poort}",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.default_url=/lab/tree/{START_NOTEBOOK}",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--no-browser" if not open_browser else "--ServerApp.open_browser=True",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    return cmd


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="wijkleren-start", description="Start de cursus Wijkleren.")
    p.add_argument("--lab-poort", type=int, default=8888)
    p.add_argument("--boek-poort", type=int, default=8000)
    p.add_argument("--geen-browser", action="store_true", help="open geen browservenster")
    args = p.parse_args(argv)

    boek = ROOT / "_build" / "html"
    if not (boek / "index.html").exists():
        print("Het boek is nog niet gebouwd. Voer eerst 'make boek' uit.", file=sys.stderr)
        return 2
    try:
        boekserver = start_boekserver(boek, args.boek_poort)
    except OSError:
        print(f"Poort {args.boek_poort} is al in gebruik. Kies een andere met --boek-poort.", file=sys.stderr)
        return 2
    # Own session: the terminal's Ctrl-C reaches only us, so JupyterLab does not ask "Shutdown?".
    lab = subprocess.Popen(
        lab_commando(args.lab_poort, not args.geen_browser), cwd=ROOT, start_new_session=True
    )
    print(
        "\nWijkleren draait.\n"
        f"  JupyterLab (oefeningen): http://127.0.0.1:{args.lab_poort}/lab/tree/{START_NOTEBOOK}\n"
        f"  Het boek:                http://127.0.0.1:{args.boek_poort}/index.html\n"
        "Stoppen: druk op Ctrl-C.\n",
        flush=True,
    )

    def stop(*_):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
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


if __name__ == "__main__":
    raise SystemExit(main())
