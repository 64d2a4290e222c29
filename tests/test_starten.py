"""`make start`'s server part: JupyterLab and the book on free loopback ports, stopped by Ctrl-C."""

import json
import signal
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT

from wijkleren.starten import vrije_poort


def _wacht(url, timeout=90):
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.status, r.read().decode("utf-8", "replace")
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} answered not within {timeout} s")


def test_start_serves_lab_and_book_and_stops_on_ctrl_c(boek):
    lab, boekpoort = vrije_poort(), vrije_poort()
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
        status, html = _wacht(f"http://127.0.0.1:{lab}/lab")
        assert status == 200 and "JupyterLab" in html
        status, html = _wacht(f"http://127.0.0.1:{boekpoort}/index.html")
        assert status == 200 and "book/01_welkom.html" in html  # Jupyter Book's redirect to the first page
        status, html = _wacht(f"http://127.0.0.1:{boekpoort}/book/01_welkom.html")
        assert status == 200 and "Wijkleren" in html
        # The Dutch language pack is installed and offered to JupyterLab.
        status, talen = _wacht(f"http://127.0.0.1:{lab}/lab/api/translations")
        assert "nl_NL" in talen
        status, instelling = _wacht(
            f"http://127.0.0.1:{lab}/lab/api/settings/@jupyterlab/translation-extension:plugin"
        )
        instelling = json.loads(instelling)
        # The effective locale: the user's own setting if any, else the default that overrides.json sets.
        standaard = instelling["schema"]["properties"]["locale"]["default"]
        assert instelling.get("composite", {}).get("locale", standaard) == "nl_NL"
    finally:
        proc.send_signal(signal.SIGINT)
        uit, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, uit
    assert f"http://127.0.0.1:{lab}/lab/tree/notebooks/start.ipynb" in uit
    assert "Wijkleren stopt" in uit
