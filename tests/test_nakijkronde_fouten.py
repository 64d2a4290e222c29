"""The grading round under real faults, and against cheats with files: nothing is lost, nothing leaks.

Every fault is real: a read-only gradebook or folder (as root, the round runs without the
capability that ignores file modes), a size limit on files (RLIMIT_FSIZE, as a full disk), a
gradebook locked by another program, kill -9 at random moments of a real run, Ctrl-C (SIGINT to
the process group, as a terminal sends it) and a second round at the same time. After each
fault the next run must finish the job: the final gradebook equals that of a clean run.

The class is 12 simulated learners (tests/helpers/simulatie.py) in a copy of the course's own
final assignment.
"""

from __future__ import annotations

import copy
import fcntl
import io
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from helpers import cursussen
from helpers.simulatie import simuleer_klas
from nbgrader.api import Gradebook

from wijkleren.nakijkronde import journaal, statussen
from wijkleren.nakijkronde import ronde as nr
from wijkleren.nakijkronde.cursus import lees_cursus
from wijkleren.trainer.export import lees_cijferlijst

pytestmark = pytest.mark.xdist_group("nakijkronde")  # one worker builds and shares the class

OPDRACHT = cursussen.ECHTE_OPDRACHT
TOEPASSEN = "toepassen"
BIN = Path(sys.executable).parent
AANTAL = 12
ZAAD = int(os.environ.get("WIJKLEREN_ZAAD", "20261201"))


def kopie(bron: Path, doel: Path) -> Path:
    shutil.copytree(bron, doel, symlinks=True)
    return doel


dump = cursussen.gradebook_rijen


def gewone_rechten() -> list[str]:
    """As root, run without the capabilities that ignore file modes: then a read-only file is one."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner", "--inh-caps=-all", "--"]


def start(map_: Path, *extra: str, limiet: int | None = None, pauze: float = 0) -> subprocess.Popen:
    """`wijkleren opdracht nakijken` as a trainer would start it, in a session of its own.

    `pauze`: seconds the round waits after each learner it stored (its test hook, nr.TEST_PAUZE)."""

    def grens():
        # As in a terminal: Ctrl-C reaches the round. A test run started in the background (a
        # shell without job control) ignores SIGINT, and a child inherits that; Python then never
        # raises KeyboardInterrupt, and the round goes on as `nohup` would.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        if limiet is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limiet, limiet))

    args = [*gewone_rechten(), str(BIN / "wijkleren"), "opdracht", "nakijken", OPDRACHT]
    args += ["--cursus", str(map_), "--werkers", "2", *extra]
    omgeving = cursussen.omgeving()
    omgeving["PYTHONFAULTHANDLER"] = "1"  # a hung round shows its threads' stacks on SIGABRT
    if pauze:
        omgeving[nr.TEST_PAUZE] = str(pauze)
    return subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=omgeving,
        start_new_session=True,
        preexec_fn=grens,
    )


def draai(map_: Path, *extra: str, limiet: int | None = None) -> subprocess.CompletedProcess:
    p = start(map_, *extra, limiet=limiet)
    out, err = p.communicate(timeout=600)
    return subprocess.CompletedProcess(p.args, p.returncode, out, err)


def levend_in_sessie(sid: int) -> list[int]:
    """Processes (not zombies) of session `sid`: the round and its workers."""
    uit = []
    for naam in os.listdir("/proc"):
        if not naam.isdigit():
            continue
        try:
            if os.getsid(int(naam)) != sid:
                continue
            toestand = Path(f"/proc/{naam}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if toestand != "Z":
            uit.append(int(naam))
    return uit


def geen_wezen(sid: int) -> None:
    for _ in range(50):
        if not levend_in_sessie(sid):
            return
        time.sleep(0.1)
    raise AssertionError(f"processen leven nog na het stoppen: {levend_in_sessie(sid)}")


def kladbestanden() -> set[str]:
    """Scratch of ours (or of multiprocessing) in /dev/shm and the temp folder."""
    uit = set()
    for map_ in {"/dev/shm", tempfile.gettempdir()}:
        with_names = os.listdir(map_) if os.path.isdir(map_) else []
        uit |= {f"{map_}/{n}" for n in with_names if "wijkleren" in n or n.startswith(("sem.mp", "pym-"))}
    return uit


def klaar_in_journaal(map_: Path) -> set[str]:
    pad = map_ / f"wijkleren-nakijken-{OPDRACHT}.journaal"
    if not pad.exists():
        return set()
    uit = set()
    for regel in pad.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(regel)
        except ValueError:
            continue
        if "klaar" in item:
            uit.add(item["klaar"])
    return uit


def afgerond(map_: Path, s: str) -> bool:
    return (map_ / "autograded" / s / OPDRACHT / f"{OPDRACHT}.ipynb").is_file()


def controleer_na_fout(map_: Path, schoon: dict, voor: dict | None = None) -> None:
    """Whoever counts as done has the grades of a clean run; everyone else kept what they had."""
    nu = dump(map_)
    for s, rijen in schoon.items():
        if afgerond(map_, s) or s in klaar_in_journaal(map_):
            assert nu.get(s) == rijen, f"{s} staat als klaar, maar de cijfers kloppen niet"
        elif voor is not None and voor.get(s, {}).get("inzending"):
            assert nu[s] == voor[s], f"de eerdere cijfers van {s} zijn veranderd"


def geen_traceback(res) -> None:
    assert "Traceback" not in res.stdout + res.stderr, res.stderr[-3000:]


@pytest.fixture(scope="module")
def klas(tmp_path_factory) -> Path:
    """The final assignment with 12 simulated submissions, not graded."""
    map_ = cursussen.maak_echte_cursus(tmp_path_factory.mktemp("fouten") / "cursus")
    simuleer_klas(lees_cursus(map_), OPDRACHT, AANTAL)
    return map_


@pytest.fixture(scope="module")
def schoon(klas, tmp_path_factory) -> tuple[dict, float]:
    """The gradebook of a clean run, and how long that run took."""
    map_ = kopie(klas, tmp_path_factory.mktemp("schoon") / "cursus")
    begin = time.monotonic()
    res = draai(map_)
    duur = time.monotonic() - begin
    assert res.returncode == 0, res.stderr[-3000:]
    rijen = dump(map_)
    assert len(rijen) == AANTAL and all(r["inzending"] for r in rijen.values())
    return rijen, duur


# --- faults ------------------------------------------------------------------------------------


def test_kill_9_at_random_moments_loses_nothing(klas, schoon, tmp_path):
    rijen, duur = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    rng = random.Random(ZAAD)
    klad_voor = kladbestanden()
    momenten = []
    for ronde, extra in enumerate([(), (), ("--opnieuw",), ("--opnieuw",)]):
        voor = dump(map_)
        p = start(map_, *extra)
        moment = rng.uniform(0.3, 1.0) * duur
        momenten.append(round(moment, 2))
        time.sleep(moment)
        os.kill(p.pid, signal.SIGKILL)
        p.communicate(timeout=60)
        geen_wezen(p.pid)  # the workers died with the round
        assert kladbestanden() <= klad_voor, f"kladbestanden na kill -9 (momenten {momenten}, zaad {ZAAD})"
        controleer_na_fout(map_, rijen, voor)
        if ronde >= 2:  # everyone was graded before: regrading changes nothing, also when killed
            assert dump(map_) == rijen, f"momenten {momenten}, zaad {ZAAD}"
        if ronde == 0:
            res = draai(map_)  # the next run finishes the job (and takes over the dead round's lock)
            assert res.returncode == 0, res.stderr[-3000:]
            assert dump(map_) == rijen
    res = draai(map_)
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen
    assert all(afgerond(map_, s) for s in rijen)
    assert not (map_ / nr.WERKMAP).exists()  # the scratch a killed round left is gone


def test_ctrl_c_stops_cleanly_and_the_next_run_finishes(klas, schoon, tmp_path):
    rijen, _ = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    # The round waits a minute after each learner it stored (its test hook), so once the journal
    # holds a first learner the Ctrl-C falls between two learners, however busy the machine is:
    # some are done, others not. (The progress bar rewrites one line, so reading it would only
    # give its last state.)
    p = start(map_, "--werkers", "1", pauze=60)
    tot = time.monotonic() + 300
    while not klaar_in_journaal(map_) and p.poll() is None and time.monotonic() < tot:
        time.sleep(0.02)
    assert p.poll() is None, "de ronde stopte voor Ctrl-C: " + p.communicate()[1][-3000:]
    assert klaar_in_journaal(map_), "na 300 s nog geen deelnemer klaar"
    os.killpg(p.pid, signal.SIGINT)  # what a terminal does on Ctrl-C: the whole group
    try:
        out, err = p.communicate(timeout=180)
    except subprocess.TimeoutExpired:  # hung: let faulthandler show where each thread is
        os.kill(p.pid, signal.SIGABRT)
        out, err = p.communicate(timeout=60)
        pytest.fail("de ronde stopte niet binnen 180 s na Ctrl-C:\n" + err[-6000:])
    geen_wezen(p.pid)
    assert p.returncode == 130, err[-3000:]
    assert 0 < len(klaar_in_journaal(map_)) < AANTAL  # stopped halfway
    assert "Afgebroken. Wat al klaar was, staat in het cijferbestand." in err
    assert "Traceback" not in out + err
    assert not (map_ / nr.WERKMAP).exists()
    controleer_na_fout(map_, rijen)
    res = draai(map_)
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen


def test_read_only_gradebook_stops_in_dutch_and_leaves_a_usable_backup(klas, schoon, tmp_path):
    rijen, _ = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    res = draai(map_, "--werkers", "1")  # graded once, so there are earlier grades to keep
    assert res.returncode == 0, res.stderr[-3000:]
    voor = dump(map_)
    # An old read-only backup (as the old round left one) must not break later rounds.
    oud = map_ / "autograded" / journaal.RESERVEKOPIE
    os.chmod(oud, 0o444)
    db = map_ / "gradebook.db"
    os.chmod(db, 0o444)
    res = draai(map_, "--opnieuw")
    assert res.returncode == 2
    assert "alleen-lezen" in res.stderr and str(db) in res.stderr
    geen_traceback(res)
    assert dump(map_) == voor
    os.chmod(db, 0o644)
    res = draai(map_, "--opnieuw")
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen
    for naam in (journaal.RESERVEKOPIE, journaal.VORIGE_RESERVEKOPIE):
        kopie_ = map_ / "autograded" / naam
        assert kopie_.stat().st_mode & 0o200, f"{naam} is alleen-lezen"
    with Gradebook(f"sqlite:///{map_ / 'autograded' / journaal.RESERVEKOPIE}") as gb:
        assert len(gb.students) == AANTAL  # a real copy of the gradebook before the round


def test_full_disk_keeps_every_stored_grade_and_the_next_run_finishes(klas, schoon, tmp_path):
    rijen, _ = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    grens = (map_ / "gradebook.db").stat().st_size + 40_000  # room for a few learners
    res = draai(map_, limiet=grens)
    assert res.returncode == 1, res.stdout[-2000:] + res.stderr[-3000:]
    assert "de schijf is vol" in res.stderr
    geen_traceback(res)
    controleer_na_fout(map_, rijen)
    assert not (map_ / nr.WERKMAP).exists()
    res = draai(map_)
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen


def test_locked_gradebook_and_unwritable_folder(klas, schoon, tmp_path):
    rijen, _ = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    voor = dump(map_)
    bezet = sqlite3.connect(map_ / "gradebook.db", isolation_level=None)
    bezet.execute("BEGIN EXCLUSIVE")  # another program is writing
    try:
        res = draai(map_)
    finally:
        bezet.execute("ROLLBACK")
        bezet.close()
    assert res.returncode == 2
    assert "in gebruik door een ander programma" in res.stderr
    geen_traceback(res)
    assert dump(map_) == voor
    autograded = map_ / "autograded"
    autograded.mkdir(exist_ok=True)
    os.chmod(autograded, 0o555)
    try:
        res = draai(map_)
    finally:
        os.chmod(autograded, 0o755)
    assert res.returncode == 2
    assert f"Ik kan niet schrijven in {autograded}" in res.stderr
    geen_traceback(res)
    assert dump(map_) == voor
    res = draai(map_)
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen


def test_two_rounds_at_once_the_second_says_so(klas, schoon, tmp_path):
    rijen, _ = schoon
    map_ = kopie(klas, tmp_path / "cursus")
    eerste = start(map_, "--werkers", "1")
    slot = map_ / journaal.SLOT
    try:
        for _ in range(300):  # until the first round holds the lock
            if slot.exists():
                with open(slot) as f:
                    try:
                        fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        fcntl.flock(f, fcntl.LOCK_UN)
                    except BlockingIOError:
                        break
            time.sleep(0.05)
        tweede = draai(map_)
        assert tweede.returncode == 2
        assert "Er loopt al een nakijkronde in deze cursus." in tweede.stderr
        geen_traceback(tweede)
    finally:
        os.kill(eerste.pid, signal.SIGKILL)
        eerste.communicate(timeout=60)
    geen_wezen(eerste.pid)
    res = draai(map_)  # the killed round's lock is free again
    assert res.returncode == 0, res.stderr[-3000:]
    assert dump(map_) == rijen


# --- cheats with files, learner ids and times ----------------------------------------------------


def _ronde(map_: Path, **kwargs) -> nr.Ronde:
    return nr.nakijken(map_, OPDRACHT, werkers=2, stroom=io.StringIO(), **kwargs)


def _notitieboek(map_: Path, s: str) -> Path:
    return map_ / "submitted" / s / OPDRACHT / f"{OPDRACHT}.ipynb"


def test_links_and_odd_files_are_refused(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    bron = map_ / "source" / OPDRACHT / f"{OPDRACHT}.ipynb"  # the answers: full marks if followed
    # 1. the notebook is a link to the trainer's source
    _notitieboek(map_, "deelnemer001").unlink()
    os.symlink(
        os.path.relpath(bron, _notitieboek(map_, "deelnemer001").parent), _notitieboek(map_, "deelnemer001")
    )
    # 2. the whole assignment folder is a link
    shutil.rmtree(map_ / "submitted" / "deelnemer002" / OPDRACHT)
    os.symlink(bron.parent, map_ / "submitted" / "deelnemer002" / OPDRACHT)
    # 3. a zip that restores a link (unzip keeps links), handed in and unpacked by the trainer
    pakket = tmp_path / "inlevering.zip"
    with zipfile.ZipFile(pakket, "w") as z:
        info = zipfile.ZipInfo(f"{OPDRACHT}/{OPDRACHT}.ipynb")
        info.create_system = 3
        info.external_attr = 0o120777 << 16  # a symbolic link
        z.writestr(info, "../../../source/casussen_beoordelen/casussen_beoordelen.ipynb")
    shutil.rmtree(map_ / "submitted" / "deelnemer003" / OPDRACHT)
    subprocess.run(["unzip", "-q", str(pakket), "-d", str(map_ / "submitted" / "deelnemer003")], check=True)
    assert _notitieboek(map_, "deelnemer003").is_symlink()
    # 4. a named pipe next to the notebook (reading it would hang)
    os.mkfifo(map_ / "submitted" / "deelnemer004" / OPDRACHT / "pijp")
    # 5. the learner's own folder is a link to another learner's
    shutil.rmtree(map_ / "submitted" / "deelnemer005")
    os.symlink(map_ / "submitted" / "deelnemer006", map_ / "submitted" / "deelnemer005")
    ronde = _ronde(map_)
    for s in ("deelnemer001", "deelnemer002", "deelnemer003", "deelnemer004", "deelnemer005"):
        status = ronde.status(s)
        assert status.status == statussen.GEWEIGERD, status
        assert status.punten is None  # nothing graded, nothing stored
        assert not afgerond(map_, s)
    assert "snelkoppeling (symlink)" in ronde.status("deelnemer001").bericht
    assert "geen gewoon bestand" in ronde.status("deelnemer004").bericht
    assert ronde.status("deelnemer006").status == statussen.NAGEKEKEN
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        assert {s.student_id for s in gb.assignment_submissions(OPDRACHT)} == {
            f"deelnemer{i:03d}" for i in range(6, AANTAL + 1)
        }


def test_learner_ids_are_literal_not_patterns(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    sub = map_ / "submitted"
    eerst = {s.deelnemer: s.punten for s in _ronde(map_).uitkomsten}
    per_score = {}
    for s, p in sorted(eerst.items()):
        per_score.setdefault(p, s)
    bronnen = list(per_score.values())[:4]
    assert len(bronnen) == 4, "the simulated class needs four different scores"
    namen = dict(zip(["a[b]", "ab", "*", "?"], bronnen, strict=True))
    for naam, bron in namen.items():
        shutil.copytree(sub / bron, sub / naam)
    ronde = _ronde(map_)
    punten = {s.deelnemer: s.punten for s in ronde.uitkomsten}
    for naam, bron in namen.items():
        assert ronde.status(naam).status == statussen.NAGEKEKEN
        assert punten[naam] == eerst[bron], naam  # each graded on their own submission
    assert len(ronde.per_status(statussen.NAGEKEKEN)) == len(namen)  # only the four new ones, once each
    assert len(ronde.per_status(statussen.AL_NAGEKEKEN)) == AANTAL


def test_the_time_of_handing_in_is_when_the_file_arrived(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    deadline = datetime(2026, 1, 10, 17, 0)
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        gb.update_or_create_assignment(OPDRACHT, duedate=deadline)
    laat = "deelnemer007"
    map_laat = _notitieboek(map_, laat).parent
    (map_laat / "timestamp.txt").write_text("2026-01-09 12:00:00.000000 UTC", encoding="utf-8")  # "on time"
    nb = _notitieboek(map_, laat)
    nb.write_bytes(nb.read_bytes())  # handed in (arrived) just now, after the deadline
    aankomst = datetime.utcfromtimestamp(nb.stat().st_ctime)
    _ronde(map_)
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        inzending = gb.find_submission(OPDRACHT, laat)
        assert abs((inzending.timestamp - aankomst).total_seconds()) < 2
        assert inzending.total_seconds_late > 0  # recorded as late
    geschreven = (map_ / "autograded" / laat / OPDRACHT / "timestamp.txt").read_text(encoding="utf-8")
    assert not geschreven.startswith("2026-01-09")


def test_misplaced_submissions_get_a_status_line(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    sub = map_ / "submitted"
    # One folder too high: submitted/<learner>/<notebook>.
    (sub / "te_hoog").mkdir()
    shutil.copy(_notitieboek(map_, "deelnemer001"), sub / "te_hoog" / f"{OPDRACHT}.ipynb")
    # One folder too deep.
    diep = sub / "te_diep" / OPDRACHT / "mijn werk"
    diep.mkdir(parents=True)
    shutil.copy(_notitieboek(map_, "deelnemer001"), diep / f"{OPDRACHT}.ipynb")
    # Loose in submitted/.
    shutil.copy(_notitieboek(map_, "deelnemer001"), sub / f"{OPDRACHT}.ipynb")
    ronde = _ronde(map_)
    assert ronde.status("te_hoog").status == statussen.VERKEERDE_PLEK
    assert f"submitted/te_hoog/{OPDRACHT}/" in ronde.status("te_hoog").bericht
    assert ronde.status("te_diep").status == statussen.VERKEERDE_PLEK
    assert "mijn werk" in ronde.status("te_diep").bericht
    assert ronde.status(f"submitted/{OPDRACHT}.ipynb").status == statussen.VERKEERDE_PLEK
    assert len(ronde.per_status(statussen.NAGEKEKEN)) == AANTAL


# --- trainer messages: hand grading --------------------------------------------------------------


def _toepassen_inleveren(map_: Path, deelnemer: str, tekst: str) -> None:
    release = json.loads((map_ / "release" / TOEPASSEN / f"{TOEPASSEN}.ipynb").read_text(encoding="utf-8"))
    nb = copy.deepcopy(release)
    for cel in nb["cells"]:
        meta = cel["metadata"].get("nbgrader", {})
        if meta.get("solution") and meta.get("grade") and cel["cell_type"] == "markdown":
            cel["source"] = tekst
    doel = map_ / "submitted" / deelnemer / TOEPASSEN
    doel.mkdir(parents=True, exist_ok=True)
    (doel / f"{TOEPASSEN}.ipynb").write_text(json.dumps(nb), encoding="utf-8")


def test_hand_grading_is_named_and_a_regrade_does_not_reopen_it(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    subprocess.run(
        [str(BIN / "nbgrader"), "generate_assignment", TOEPASSEN, "--force", "--log-level=ERROR"],
        cwd=map_,
        check=True,
        capture_output=True,
        env=cursussen.omgeving(),
    )
    tekst = "Dit is geen wijkaanpak, want er zijn geen afspraken over geld en geen vaste periode. " * 3
    for s in ("t1", "t2"):
        _toepassen_inleveren(map_, s, tekst)
    ronde = nr.nakijken(map_, TOEPASSEN, werkers=2, stroom=io.StringIO())
    for s in ("t1", "t2"):
        status = ronde.status(s)
        assert status.status == statussen.NAGEKEKEN and status.handwerk_open > 0
        assert "Nog met de hand na te kijken" in status.bericht and "In orde." not in status.bericht
        assert "handwerk nog open" in statussen.tabel([status])
    # The trainer grades t1 by hand (as the Formgrader does), then regrades everything.
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for nb in gb.find_submission(TOEPASSEN, "t1").notebooks:
            for g in nb.grades:
                if g.needs_manual_grade:
                    g.manual_score, g.needs_manual_grade = 1.0, False
        gb.db.commit()
    ronde = nr.nakijken(map_, TOEPASSEN, werkers=2, opnieuw=True, stroom=io.StringIO())
    assert ronde.status("t1").bericht == "In orde." and ronde.status("t1").handwerk_open == 0
    assert ronde.status("t2").handwerk_open > 0
    lijst = lees_cijferlijst(lees_cursus(map_), [TOEPASSEN])
    per_id = {r.id: r for r in lijst.regels}
    # The export no longer says t1's hand grading is open; t2's is still to do.
    assert not per_id["t1"].handwerk_open and per_id["t1"].scores[TOEPASSEN] == ronde.status("t1").punten
    assert per_id["t2"].handwerk_open or per_id["t2"].niet_nagekeken
    # A changed answer is a new submission: the trainer looks again (as nbgrader does).
    _toepassen_inleveren(map_, "t1", tekst + " Ik heb het verbeterd.")
    ronde = nr.nakijken(map_, TOEPASSEN, werkers=1, stroom=io.StringIO())
    assert ronde.status("t1").bericht.startswith("Nieuwe inlevering: opnieuw nagekeken.")
    assert ronde.status("t1").handwerk_open > 0


def test_the_summary_gives_every_learners_score(klas, tmp_path):
    map_ = kopie(klas, tmp_path / "cursus")
    res = draai(map_)
    assert res.returncode == 0, res.stderr[-3000:]
    regels = [r for r in res.stdout.splitlines() if r.startswith("deelnemer")]
    assert len(regels) == AANTAL and all(" van " in r for r in regels)
    assert f"Klaar: {AANTAL} nagekeken." in res.stdout
    res = draai(map_)
    assert f"Klaar: {AANTAL} al nagekeken." in res.stdout
