"""`make start`: a private JupyterLab and the book on loopback, the banner last, Ctrl-C stops both;
notebooks are made when missing and never overwritten."""

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from helpers.paden import ROOT

from wijkleren.starten import leerling_notebooks, maak_notebooks

pytestmark = pytest.mark.xdist_group("lab")


def _wacht(url, timeout=90):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError:
            raise
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} answered not within {timeout} s")


def _regels_tot(proc, einde: str, timeout=120) -> list[str]:
    regels = []
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        regel = proc.stdout.readline()
        if not regel:
            break
        regels.append(regel.rstrip("\n"))
        if einde in regel:
            return regels
    raise AssertionError("\n".join(regels))


def test_start_is_private_quiet_and_says_the_real_address(boek, tmp_path):
    bezet_lab, bezet_boek = socket.socket(), socket.socket()
    bezet_lab.bind(("127.0.0.1", 0))
    bezet_lab.listen()
    bezet_boek.bind(("127.0.0.1", 0))
    bezet_boek.listen()
    lab, boekpoort = bezet_lab.getsockname()[1], bezet_boek.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "wijkleren.starten",
            f"--lab-poort={lab}",
            f"--boek-poort={boekpoort}",
            "--geen-browser",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        regels = _regels_tot(proc, "Stoppen:")
        tekst = "\n".join(regels)
        # Quiet: the banner is all the learner sees (no JupyterLab log lines above it).
        assert regels[0] == "" and regels[1] == "Wijkleren draait.", tekst
        assert not any(r.startswith("[") for r in regels), tekst
        adres = next(
            r.split(": ", 1)[1].strip() for r in regels if r.startswith("  JupyterLab (oefeningen):")
        )
        boekadres = next(r.split(": ", 1)[1].strip() for r in regels if r.startswith("  Het boek:"))
        assert f"Poort {lab} was al in gebruik" in tekst and f"Poort {boekpoort} was al in gebruik" in tekst
        assert f":{lab}/" not in adres and f":{boekpoort}/" not in boekadres
        assert "/lab/tree/start.ipynb?token=" in adres
        # The printed address opens JupyterLab; without the token the server says no.
        status, html = _wacht(adres)
        assert status == 200 and "JupyterLab" in html
        basis = adres.split("/lab/")[0]
        with pytest.raises(urllib.error.HTTPError) as fout:
            urllib.request.urlopen(f"{basis}/api/contents", timeout=10)
        assert fout.value.code == 403
        token = adres.split("token=")[1]
        assert token not in " ".join(_cmdline(proc.pid))  # not visible to other users in `ps`
        status, html = _wacht(boekadres)
        assert status == 200 and "book/01_welkom.html" in html
        # Dutch: the language pack is offered and is the effective locale.
        status, talen = _wacht(f"{basis}/lab/api/translations?token={token}")
        assert "nl_NL" in talen
        status, instelling = _wacht(
            f"{basis}/lab/api/settings/@jupyterlab/translation-extension:plugin?token={token}"
        )
        instelling = json.loads(instelling)
        standaard = instelling["schema"]["properties"]["locale"]["default"]
        assert instelling.get("composite", {}).get("locale", standaard) == "nl_NL"
    finally:
        proc.send_signal(signal.SIGINT)
        uit, _ = proc.communicate(timeout=30)
        bezet_lab.close()
        bezet_boek.close()
    assert proc.returncode == 0, uit
    assert "Wijkleren stopt" in uit


def _cmdline(pid) -> list[str]:
    import psutil

    p = psutil.Process(pid)
    return [a for c in [p, *p.children(recursive=True)] for a in c.cmdline()]


def test_notebooks_are_made_when_missing_and_never_overwritten(tmp_path):
    for tekst in leerling_notebooks():
        shutil.copy(tekst, tmp_path)
    eigen = tmp_path / "oefening_1_twee_soorten.ipynb"
    eigen.write_text('{"mijn": "werk"}', encoding="utf-8")
    gemaakt = maak_notebooks(tmp_path)
    assert eigen not in gemaakt and eigen.read_text(encoding="utf-8") == '{"mijn": "werk"}'
    assert {p.name for p in gemaakt} == {t.with_suffix(".ipynb").name for t in leerling_notebooks()} - {
        eigen.name
    }
    nb = json.loads((tmp_path / "oefening_2_kenmerken.ipynb").read_text(encoding="utf-8"))
    uitvoer = nb["cells"][0]["outputs"][0]["data"]
    assert "application/vnd.jupyter.widget-view+json" in uitvoer  # opens with the exercise drawn
    staat = nb["metadata"]["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]
    assert any(m["state"].get("data", {}).get("id") == "kenmerken" for m in staat.values())
    assert maak_notebooks(tmp_path) == []
