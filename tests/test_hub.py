"""A class on one server, for real: JupyterHub, PAM logins, each user's own JupyterLab and nbgrader.

`python -m wijkleren.klasserver.hub start` makes a trainer and two learners (fresh Linux accounts) and
starts the hub on 127.0.0.1. Then, only through HTTP on loopback: everyone logs in with their
password through the hub's API and starts their server; the trainer releases the final
assignment in the formgrader; each learner fetches it, answers through the contents API and
submits it through the server's nbgrader endpoints. Learner A also hands in work in B's name
with the nbgrader command, and B puts a link to the trainer's source notebook in an inbound
folder of B's own. The trainer collects, `wijkleren opdracht nakijken` grades, and the grades
are read back. Privacy is checked with real file reads as learner A, and the answer key (the
toets pool) with code in A's own kernel and a search through every file A can read. Then the
trainer replaces the exchange's `outbound` by a link to a root-only folder: the next start
refuses. `python -m wijkleren.klasserver.hub stop --opruimen` ends it all.

Needs root (to make accounts); skipped with the reason otherwise. Takes 1 to 2 minutes: run it
alone with `pytest tests/test_hub.py -s` to see the duration of each step.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import copy
import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers.paden import ROOT

from wijkleren.eindopdracht.beoordelen import sleutel_uit_bron
from wijkleren.eindopdracht.formaat import BEOORDELEN, PUNTEN_CATEGORIE, PUNTEN_KENMERKEN, VRAAG_CATEGORIE
from wijkleren.klasserver.accounts import als, bestaat, processen_van, verwijder_account
from wijkleren.klasserver.klas import CURSUS, TOETSMAP, Klas
from wijkleren.klasserver.proces import api
from wijkleren.starten import vrije_poort

pytestmark = pytest.mark.xdist_group("hub")


def _waarom_niet() -> str | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "needs root: only root can make the class's Linux accounts and start servers as them"
    for programma in ("useradd", "userdel", "chpasswd"):
        if not shutil.which(programma):
            return f"'{programma}' is missing: this machine cannot make user accounts"
    return None


if _waarom_niet():
    pytest.skip(_waarom_niet(), allow_module_level=True)


# --- HTTP on loopback ----------------------------------------------------------------------------


def http(url: str, token: str, methode: str = "GET", json_data=None, form=None, timeout: int = 300):
    """One request with a token; return (status, parsed JSON or raw text)."""
    assert urllib.parse.urlparse(url).hostname == "127.0.0.1", url
    headers = {"Authorization": f"token {token}"}
    body = None
    if json_data is not None:
        body, headers["Content-Type"] = json.dumps(json_data).encode(), "application/json"
    elif form is not None:
        body = urllib.parse.urlencode(form).encode()
    verzoek = urllib.request.Request(url, method=methode, data=body, headers=headers)
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:
            status, tekst = antwoord.status, antwoord.read().decode()
    except urllib.error.HTTPError as e:
        status, tekst = e.code, e.read().decode(errors="replace")
    try:
        return status, json.loads(tekst)
    except ValueError:
        return status, tekst


# --- answers -------------------------------------------------------------------------------------


def sleutels(klas: Klas) -> list:
    """The grading keys in the trainer's source notebook (root may read it; learners may not)."""
    bron = klas.cursusmap / "source" / BEOORDELEN / f"{BEOORDELEN}.ipynb"
    cellen = json.loads(bron.read_text(encoding="utf-8"))["cells"]
    return [s for s in (sleutel_uit_bron("".join(c["source"])) for c in cellen) if s]


def vul(nb: dict, grade_id: str, antwoord: str) -> None:
    """Type an answer as a learner would: keep the cell's comment lines, replace the rest."""
    cel = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)
    bron = "".join(cel["source"]) if isinstance(cel["source"], list) else cel["source"]
    cel["source"] = "\n".join([r for r in bron.splitlines() if r.startswith("#")] + [antwoord])


def alles_goed(nb: dict, keys) -> None:
    for s in keys:
        if s.vraag == VRAAG_CATEGORIE:
            vul(nb, s.antwoordcel, f'categorie = "{s.label}"')
        else:
            vul(nb, s.antwoordcel, f"kenmerken = {json.dumps(list(s.kenmerken) or ['geen'])}")


def alleen_categorieen(nb: dict, keys) -> None:
    for s in keys:
        if s.vraag == VRAAG_CATEGORIE:
            vul(nb, s.antwoordcel, f'categorie = "{s.label}"')


# --- the round -----------------------------------------------------------------------------------


@dataclass
class Ronde:
    klas: Klas
    a: str
    b: str
    tokens: dict[str, str] = field(default_factory=dict)
    verwacht: dict[str, float] = field(default_factory=dict)
    stappen: dict[str, float] = field(default_factory=dict)
    log: dict[str, object] = field(default_factory=dict)
    begin: float = field(default_factory=time.monotonic)
    geheim: Path = Path("/nonexistent")  # a root-only folder the trainer must never get

    def stap(self, naam: str, sinds: float) -> None:
        self.stappen[naam] = round(time.monotonic() - sinds, 1)
        print(f"{naam}: {self.stappen[naam]} s", flush=True)

    def server(self, gebruiker: str, pad: str, **kwargs):
        """A request to `gebruiker`'s server through the proxy, with the token of `als` (default: own)."""
        token = self.tokens[kwargs.pop("als", gebruiker)]
        return http(f"{self.klas.url}/user/{gebruiker}/{pad.lstrip('/')}", token, **kwargs)

    def opdracht(self, gebruiker: str, actie: str):
        return self.server(
            gebruiker,
            f"assignments/{actie}",
            methode="POST",
            form={"course_id": CURSUS, "assignment_id": BEOORDELEN},
        )


def in_kernel(r: Ronde, gebruiker: str, code: str, wachttijd: float = 120) -> str:
    """Run `code` in a new kernel of `gebruiker`'s own server (websocket, as JupyterLab does)."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    status, kernel = r.server(gebruiker, "api/kernels", methode="POST", json_data={"name": "python3"})
    assert status == 201, kernel
    url = f"{r.klas.url}/user/{gebruiker}/api/kernels/{kernel['id']}/channels".replace("http", "ws", 1)

    async def draai() -> str:
        ws = await websocket_connect(
            HTTPRequest(url, headers={"Authorization": f"token {r.tokens[gebruiker]}"})
        )
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": "execute_request", "username": gebruiker,
                  "session": uuid.uuid4().hex, "version": "5.3", "date": ""}  # fmt: skip
        inhoud = {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                  "allow_stdin": False, "stop_on_error": True}  # fmt: skip
        ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                     "content": inhoud, "channel": "shell", "buffers": []}))  # fmt: skip
        uit = []
        try:
            while True:
                tekst = await asyncio.wait_for(ws.read_message(), wachttijd)
                assert tekst is not None, "the kernel's websocket closed"
                bericht = json.loads(tekst)
                if bericht.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                soort, c = bericht["msg_type"], bericht["content"]
                if soort == "stream":
                    uit.append(c["text"])
                elif soort == "error":
                    uit.append(f"FOUT {c['ename']}: {c['evalue']}")
                elif soort == "status" and c["execution_state"] == "idle":
                    return "".join(uit)
        finally:
            ws.close()

    try:
        # Its own thread: a Playwright browser of another test may run an event loop in this one.
        with concurrent.futures.ThreadPoolExecutor(1) as draad:
            return draad.submit(asyncio.run, draai()).result()
    finally:
        r.server(gebruiker, f"api/kernels/{kernel['id']}", methode="DELETE")


def toets_teksten(aantal: int = 40) -> list[str]:
    """Pieces of the answer key: lines of the toets pool's uitleg and valkuil, in none of the
    package's files. (The case texts are in the released assignment: learners read those.)"""
    from wijkleren.casussen.bank import laad_bestanden, pakket_bestanden

    bestanden = sorted((ROOT / "exercises" / "toetspool").glob("*.yaml"))
    sleutel = [" ".join(t.split()) for c in laad_bestanden(bestanden) for t in (c.uitleg, c.valkuil or "")]
    pakket = "\n".join(p.read_text(encoding="utf-8") for p in pakket_bestanden())
    regels = [r.strip().strip("'\"") for p in bestanden for r in p.read_text(encoding="utf-8").splitlines()]
    uniek = [
        r
        for r in dict.fromkeys(regels)
        if len(r) >= 40 and r not in pakket and any(r in t for t in sleutel) and not r.endswith(":")
    ]
    assert len(uniek) >= aantal
    return uniek[:: max(1, len(uniek) // aantal)][:aantal]


LEK_CODE = """
import json, pathlib, wijkleren, wijkleren.casussen.bank as cb
lees = {}
for naam, pad in %s.items():
    try:
        open(pad, "rb").read(1)
        lees[naam] = True
    except OSError:
        lees[naam] = False
print(json.dumps({"toets": len(cb.casussen("toets")), "lees": lees,
                  "pakket": str(pathlib.Path(wijkleren.__file__).parent)}))
"""


def _wacht_op_servers(r: Ronde, namen: list[str], wachttijd: float = 240) -> None:
    einde = time.monotonic() + wachttijd
    klaar: set[str] = set()
    while time.monotonic() < einde and klaar != set(namen):
        for naam in set(namen) - klaar:
            status, gebruiker = api(r.klas, f"users/{naam}", r.tokens[naam])
            if status == 200 and gebruiker["servers"].get("", {}).get("ready"):
                klaar.add(naam)
        time.sleep(1)
    assert klaar == set(namen), f"servers not ready: {set(namen) - klaar}"


def _inlevering(r: Ronde, gebruiker: str) -> Path:
    """The real submission folder of a learner in the exchange (found as root)."""
    inbound = r.klas.uitwisseling / CURSUS / "inbound"
    return next(p for p in inbound.iterdir() if p.name.startswith(f"{gebruiker}+") and p.owner() == gebruiker)


@pytest.fixture(scope="module")
def ronde():
    achtervoegsel = os.urandom(2).hex()
    trainer, a, b = (f"wlt{achtervoegsel}{x}" for x in ("tr", "a", "b"))
    map_ = Path(
        tempfile.mkdtemp(prefix="wijkleren-hub-", dir="/var/tmp" if Path("/var/tmp").is_dir() else None)
    )
    poort = vrije_poort()
    begin = time.monotonic()
    try:
        res = subprocess.run(
            [sys.executable, "-m", "wijkleren.klasserver.hub", "start", "--map", map_, "--trainer", trainer]
            + ["--deelnemers", f"{a},{b}", "--poort", str(poort)],
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert res.returncode == 0, f"start failed:\n{res.stdout[-3000:]}\n{res.stderr[-5000:]}"
        assert f"De klas draait op http://127.0.0.1:{poort}" in res.stdout
        r = Ronde(Klas.lees(map_), a, b, begin=begin, geheim=map_.parent / f"{map_.name}-alleen-root")
        r.stap("start (accounts, environment, assignment, hub)", begin)
        yield _speel(r)
    finally:
        try:
            subprocess.run(
                [sys.executable, "-m", "wijkleren.klasserver.hub", "stop", "--map", map_, "--opruimen"],
                capture_output=True,
                timeout=300,
            )
        finally:  # whatever happened above: no accounts or folders stay behind
            for naam in (trainer, a, b):
                if bestaat(naam):
                    verwijder_account(naam)
            shutil.rmtree(map_, ignore_errors=True)
            shutil.rmtree(map_.parent / f"{map_.name}-alleen-root", ignore_errors=True)


def _speel(r: Ronde) -> Ronde:
    klas, a, b = r.klas, r.a, r.b
    wachtwoorden = klas.wachtwoorden()

    # Log in with the password (PAM) through the hub's API; start every server.
    t = time.monotonic()
    for naam in klas.gebruikers():
        status, body = api(
            klas,
            f"users/{naam}/tokens",
            methode="POST",
            data={"auth": {"username": naam, "password": wachtwoorden[naam]}},
        )
        assert status == 201, (naam, status)
        r.tokens[naam] = body["token"]
    r.log["fout wachtwoord"] = api(
        klas, f"users/{a}/tokens", methode="POST", data={"auth": {"username": a, "password": wachtwoorden[b]}}
    )[0]
    for naam in klas.gebruikers():
        assert api(klas, f"users/{naam}/server", r.tokens[naam], "POST", {})[0] in (201, 202)
    _wacht_op_servers(r, klas.gebruikers())
    r.stap("log in and start three servers", t)

    # The trainer releases the assignment in the formgrader.
    t = time.monotonic()
    status, vrijgegeven = r.server(
        klas.trainer, f"formgrader/api/assignment/{BEOORDELEN}/release", methode="POST"
    )
    assert status == 200 and vrijgegeven["success"], vrijgegeven
    r.stap("release", t)

    # Each learner fetches, answers (contents API) and submits (nbgrader's server endpoints).
    t = time.monotonic()
    keys = sleutels(klas)
    r.verwacht = {
        a: len(keys) // 2 * (PUNTEN_CATEGORIE + PUNTEN_KENMERKEN),
        b: len(keys) // 2 * PUNTEN_CATEGORIE,
    }
    for naam, invullen in ((a, alles_goed), (b, alleen_categorieen)):
        status, lijst = r.server(naam, f"assignments?course_id={CURSUS}")
        assert status == 200 and [x["assignment_id"] for x in lijst["value"]] == [BEOORDELEN], lijst
        status, lijst = r.opdracht(naam, "fetch")
        assert status == 200 and lijst["success"], lijst
        pad = f"api/contents/{BEOORDELEN}/{BEOORDELEN}.ipynb"
        status, model = r.server(naam, pad)
        assert status == 200, model
        nb = copy.deepcopy(model["content"])
        invullen(nb, keys)
        assert (
            r.server(
                naam, pad, methode="PUT", json_data={"type": "notebook", "format": "json", "content": nb}
            )[0]
            == 200
        )
        status, uit = r.opdracht(naam, "submit")
        assert status == 200 and uit["success"], uit
    r.stap("fetch, answer and submit, two learners", t)

    # Learner A hands in A's (perfect) answers in B's name, with the nbgrader command.
    t = time.monotonic()
    vals = als(klas, a, klas.python, "-m", "nbgrader", "submit", BEOORDELEN, "--student", b)
    r.log["vals inleveren"] = vals.returncode, vals.stdout + vals.stderr
    r.stap("a submission in another's name", t)

    # B makes an inbound folder of B's own, newer than B's real one, with a link to the trainer's
    # source (which B cannot read): collected by following the link, it would score full marks.
    bron = klas.cursusmap / "source" / BEOORDELEN / f"{BEOORDELEN}.ipynb"
    link_map = (
        klas.uitwisseling / CURSUS / "inbound" / f"{b}+{BEOORDELEN}+2099-01-01 00:00:00.000000 UTC+link"
    )
    link = als(
        klas, b, "sh", "-c", 'mkdir "$1" && ln -s "$2" "$1/$3"', "-", link_map, bron, f"{BEOORDELEN}.ipynb"
    )
    r.log["link inleveren"] = link.returncode, link.stderr

    # Privacy, with real file reads as learner A; each time a read that must work, first.
    bestand = f"{BEOORDELEN}.ipynb"
    r.log["lezen"] = {
        naam: als(klas, a, "cat", pad).returncode
        for naam, pad in {
            "eigen inlevering": _inlevering(r, a) / bestand,
            "inlevering van B": _inlevering(r, b) / bestand,
            "eigen map": Path(f"~{a}").expanduser() / BEOORDELEN / bestand,
            "map van B": Path(f"~{b}").expanduser() / BEOORDELEN / bestand,
            "vrijgegeven opdracht": klas.uitwisseling / CURSUS / "outbound" / BEOORDELEN / bestand,
            "bron van de trainer": klas.cursusmap / "source" / BEOORDELEN / bestand,
            "cijferlijst": klas.cursusmap / "gradebook.db",
            "wachtwoorden": klas.hubmap / "wachtwoorden.json",
            "toetspool van de trainer": next((klas.cursusmap / TOETSMAP).glob("*.yaml")),
            "toetspool in de cursusmap": next((ROOT / "exercises" / "toetspool").glob("*.yaml")),
            "git van de cursusmap": ROOT / ".git" / "HEAD",
        }.items()
    }
    r.log["trainer leest toetspool"] = als(
        klas, klas.trainer, "cat", next((klas.cursusmap / TOETSMAP).glob("*.yaml"))
    ).returncode
    r.log["trainer toetscasussen"] = als(
        klas,
        klas.trainer,
        klas.python,
        "-c",
        "import wijkleren.casussen.bank as cb; print(len(cb.casussen('toets')))",
    ).stdout.strip()

    # The answer key, from inside A's own kernel, and in every file A can read.
    t = time.monotonic()
    paden = {
        "toetspool van de trainer": str(next((klas.cursusmap / TOETSMAP).glob("*.yaml"))),
        "toetspool in de cursusmap": str(next((ROOT / "exercises" / "toetspool").glob("*.yaml"))),
        "bron van de trainer": str(bron),
    }
    uit = in_kernel(r, a, LEK_CODE % json.dumps(paden))
    r.log["kernel"] = json.loads(uit.strip().splitlines()[-1]) if uit.strip().startswith("{") else uit
    zoek = ["grep", "-rlF", "--include=*.yaml", "--include=*.yml", "--include=*.py", "--include=*.json",
            "--include=*.ipynb", "--include=*.html", "--include=*.txt", "--include=*.md"]  # fmt: skip
    for tekst in toets_teksten():
        zoek += ["-e", tekst]
    plekken = [klas.map, ROOT, Path(klas.python).parents[1]]
    if isinstance(r.log["kernel"], dict):
        plekken.append(r.log["kernel"]["pakket"])
    r.log["gevonden"] = als(klas, a, *zoek, *plekken, timeout=600).stdout.split()
    r.stap("the answer key, from a learner's kernel and files", t)
    r.log["inbound tonen"] = als(klas, a, "ls", klas.uitwisseling / CURSUS / "inbound").returncode
    r.log["server van B"] = r.server(b, "api/contents", als=a)[0]
    r.log["formgrader"] = {
        naam: r.server(naam, "formgrader/api/assignments")[0] for naam in klas.gebruikers()
    }

    # The trainer collects (formgrader) and grades (the course's grading round, as the trainer).
    t = time.monotonic()
    status, opgehaald = r.server(
        klas.trainer, f"formgrader/api/assignment/{BEOORDELEN}/collect", methode="POST"
    )
    assert status == 200 and opgehaald["success"], opgehaald
    r.log["ophalen"] = opgehaald["log"]
    nakijken = als(
        klas,
        klas.trainer,
        klas.python,
        "-m",
        "wijkleren.cli",
        "opdracht",
        "nakijken",
        BEOORDELEN,
        cwd=klas.cursusmap,
    )
    assert nakijken.returncode == 0, nakijken.stdout + nakijken.stderr
    r.stap("collect and grade", t)
    status, inleveringen = r.server(klas.trainer, f"formgrader/api/submissions/{BEOORDELEN}")
    assert status == 200, inleveringen
    r.log["formgrader cijfers"] = {x["student"]: x["score"] for x in inleveringen}

    # Dutch: the hub's login page and JupyterLab (from the course environment).
    with urllib.request.urlopen(f"{klas.url}/hub/login", timeout=30) as pagina:
        r.log["inlogpagina"] = pagina.read().decode()
    status, instelling = r.server(a, "lab/api/settings/@jupyterlab/translation-extension:plugin")
    standaard = instelling["schema"]["properties"]["locale"]["default"]
    r.log["taal"] = instelling.get("settings", {}).get("locale", standaard)
    r.log["talen"] = r.server(a, "lab/api/translations")[1]

    # The trainer replaces outbound by a link to a root-only folder: the next start must refuse.
    t = time.monotonic()
    assert subprocess.run([sys.executable, "-m", "wijkleren.klasserver.hub", "stop", "--map", klas.map],
                          capture_output=True, timeout=300).returncode == 0  # fmt: skip
    r.geheim.mkdir(mode=0o700)
    outbound = klas.uitwisseling / CURSUS / "outbound"
    r.log["link plaatsen"] = als(
        klas, klas.trainer, "sh", "-c", 'mv "$1" "$1.oud" && ln -s "$2" "$1"', "-", outbound, r.geheim
    ).returncode
    herstart = subprocess.run(
        [
            sys.executable,
            "-m",
            "wijkleren.klasserver.hub",
            "start",
            "--map",
            klas.map,
            "--trainer",
            klas.trainer,
            "--deelnemers",
            f"{a},{b}",
            "--poort",
            str(klas.poort),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=900,
    )
    r.log["herstart"] = herstart.returncode, herstart.stdout + herstart.stderr
    info = os.lstat(r.geheim)
    r.log["geheime map"] = (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode))
    r.stap("a restart with a link in the exchange", t)
    return r


def gradebook_cijfers(klas: Klas) -> dict[str, float]:
    from nbgrader.api import Gradebook

    url = f"sqlite:///file:{klas.cursusmap / 'gradebook.db'}?mode=ro&uri=true"
    with Gradebook(url, CURSUS) as gb:
        return {s.student.id: s.score for s in gb.assignment_submissions(BEOORDELEN)}


# --- what must hold ------------------------------------------------------------------------------


def test_everyone_logs_in_with_their_own_password(ronde):
    assert set(ronde.tokens) == set(ronde.klas.gebruikers())
    assert ronde.log["fout wachtwoord"] == 403  # B's password does not open A's account


def test_grades_in_the_gradebook_and_in_the_formgrader(ronde):
    verwacht = ronde.verwacht  # A: everything right; B: only the categories
    assert verwacht[ronde.a] > verwacht[ronde.b] > 0
    assert gradebook_cijfers(ronde.klas) == verwacht
    assert ronde.log["formgrader cijfers"] == verwacht


def test_a_submission_in_another_name_is_not_collected(ronde):
    code, uitvoer = ronde.log["vals inleveren"]
    assert code == 0, uitvoer  # nbgrader accepts it ...
    assert "Overgeslagen" in ronde.log["ophalen"]  # ... collecting skips it, so B keeps B's own grade
    assert gradebook_cijfers(ronde.klas)[ronde.b] == ronde.verwacht[ronde.b]


def test_learner_a_cannot_read_what_is_not_theirs(ronde):
    lezen = ronde.log["lezen"]
    assert lezen["eigen inlevering"] == lezen["eigen map"] == lezen["vrijgegeven opdracht"] == 0
    for geheim in ("inlevering van B", "map van B", "bron van de trainer", "cijferlijst", "wachtwoorden",
                   "toetspool van de trainer", "toetspool in de cursusmap", "git van de cursusmap"):  # fmt: skip
        assert lezen[geheim] != 0, f"learner A can read: {geheim}"
    assert ronde.log["inbound tonen"] != 0  # the list of submissions is closed too
    assert ronde.log["server van B"] == 403  # and through the hub: A's token does not open B's server


def test_a_link_to_the_trainers_source_is_not_collected(ronde):
    assert ronde.log["link inleveren"][0] == 0, ronde.log["link inleveren"]  # B could make it ...
    ophalen = ronde.log["ophalen"]
    assert "Overgeslagen" in ophalen and "snelkoppeling (symlink)" in ophalen, ophalen  # ... it is skipped
    assert gradebook_cijfers(ronde.klas)[ronde.b] == ronde.verwacht[ronde.b]  # B keeps B's own grade


def test_the_answer_key_is_not_in_a_learners_reach(ronde):
    kernel = ronde.log["kernel"]
    assert isinstance(kernel, dict), kernel
    assert kernel["toets"] == 0  # casussen("toets") in A's kernel: nothing
    assert kernel["lees"] == dict.fromkeys(kernel["lees"], False), kernel["lees"]
    assert ronde.log["gevonden"] == []  # no file A can read holds a toets case's uitleg
    # ... while the trainer has it all.
    assert ronde.log["trainer leest toetspool"] == 0
    assert int(ronde.log["trainer toetscasussen"]) > 0


def test_a_link_in_the_exchange_stops_the_start(ronde):
    assert ronde.log["link plaatsen"] == 0  # the trainer owns the course folder, so can do this
    code, uitvoer = ronde.log["herstart"]
    assert code == 2, uitvoer
    assert "geen gewone map, maar een snelkoppeling (symlink)" in uitvoer and "Traceback" not in uitvoer
    assert ronde.log["geheime map"] == (0, 0, 0o700)  # still root's, unchanged


def test_only_the_trainer_has_the_formgrader(ronde):
    formgrader = ronde.log["formgrader"]
    assert formgrader[ronde.klas.trainer] == 200
    assert formgrader[ronde.a] == formgrader[ronde.b] == 404


def test_the_login_page_and_jupyterlab_speak_dutch(ronde):
    assert "Inloggen bij Wijkleren" in ronde.log["inlogpagina"]
    assert ronde.log["taal"] == "nl_NL"
    assert "nl_NL" in json.dumps(ronde.log["talen"])


def _stop(klas: Klas, *extra: str) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "wijkleren.klasserver.hub", "stop", "--map", klas.map, *extra],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_stop_ends_everything_and_removes_what_start_made(ronde):
    klas = ronde.klas
    _stop(klas)  # stopping the hub stops every user's server and kernel, and the proxy
    assert {naam: processen_van(naam) for naam in klas.gebruikers()} == dict.fromkeys(klas.gebruikers(), [])
    _stop(klas, "--opruimen")
    for naam in klas.gebruikers():
        assert not bestaat(naam), f"account {naam} still exists"
    assert not klas.map.exists()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", klas.poort)) != 0, "the proxy still listens"
    duur = time.monotonic() - ronde.begin
    print(f"\nhub test: {duur:.0f} s in all; steps: {ronde.stappen}", flush=True)
    assert duur < 360
