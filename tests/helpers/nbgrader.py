"""What the nbgrader tests share: the trainer's environment, running a command, submitting a
notebook, and a Formgrader on 127.0.0.1."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.starten import vrije_poort

from .paden import BIN, ROOT

# The trainer's environment: the venv's programs first, and the repository's toets pool.
OMGEVING = {
    **os.environ,
    "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    TOETS_VAR: str(ROOT / "exercises" / "toetspool"),
}


def draai(*args, cwd: Path, ok: bool = True, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run a command as the trainer would; with ok, fail the test (with its output) if it fails."""
    res = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=OMGEVING, capture_output=True, text=True, timeout=timeout
    )
    if ok:
        assert res.returncode == 0, f"{args} faalde:\n{res.stdout[-4000:]}\n{res.stderr[-4000:]}"
    return res


def cel(nb: dict, gid: str) -> dict:
    """The cell of a notebook (as JSON) with this nbgrader grade_id."""
    return next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == gid)


def lever_in(cursus: Path, opdracht: str, deelnemer: str, nb: dict) -> Path:
    """Put a notebook where the trainer's collect step puts it: submitted/<who>/<assignment>/."""
    map_ = cursus / "submitted" / deelnemer / opdracht
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{opdracht}.ipynb"
    pad.write_text(json.dumps(nb), encoding="utf-8")
    return pad


@contextlib.contextmanager
def formgrader(cursus: Path, token: str = "proef", app: str = "server") -> Iterator[tuple[str, Callable]]:
    """A Jupyter server with nbgrader's Formgrader for the course folder; yields (base URL, get)."""
    poort = vrije_poort()
    server = subprocess.Popen(
        [
            BIN / "jupyter",
            app,
            "--no-browser",
            f"--port={poort}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            "--ServerApp.password=",
            "--allow-root",
        ],  # fmt: skip
        cwd=cursus,
        env=OMGEVING,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    basis = f"http://127.0.0.1:{poort}"

    def haal(pad: str) -> str:
        verzoek = urllib.request.Request(basis + pad, headers={"Authorization": f"token {token}"})
        with urllib.request.urlopen(verzoek, timeout=20) as antwoord:
            return antwoord.read().decode()

    try:
        for _ in range(360):  # a busy machine: up to three minutes
            try:
                haal("/formgrader/api/assignments")
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("de Formgrader kwam niet op")
        yield basis, haal
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
