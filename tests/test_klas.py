"""Trainer tools with real nbgrader: the grading round against stock autograde, the class overview,
the LMS export and the workshop guide's practice cases.

The class is simulated (tests/helpers/simulatie.py) in a temporary copy of the course: 40 learners
of whom one handed in a broken file. The course is built once; every test that changes it works
on its own copy.
"""

from __future__ import annotations

import csv
import functools
import http.server
import io
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import nbformat
import pytest
from helpers import cursussen
from helpers.browser import axe_schendingen
from helpers.paden import ROOT
from helpers.simulatie import simuleer_klas
from nbgrader.api import Gradebook

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.domein import CATEGORIEEN
from wijkleren.nakijkronde import ronde as nakijkronde
from wijkleren.nakijkronde import statussen
from wijkleren.nakijkronde.cijferboek import lees_klas
from wijkleren.nakijkronde.cursus import CursusFout, lees_cursus
from wijkleren.nakijkronde.journaal import RESERVEKOPIE
from wijkleren.nakijkronde.voortgang import Voortgang
from wijkleren.trainer import export
from wijkleren.trainer.grafieken import maak_figuren
from wijkleren.trainer.overzicht import GEEN_KEUZE, maak_overzicht
from wijkleren.trainer.rapport import maak_rapport, schrijf_klasoverzicht

pytestmark = pytest.mark.xdist_group("klas")  # one worker builds and shares the class

OPDRACHT = cursussen.ECHTE_OPDRACHT
KAPOT = "deelnemer040"
BIN = Path(sys.executable).parent


def nbgrader(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "nbgrader"), *args],
        cwd=cwd,
        env=cursussen.omgeving(),
        capture_output=True,
        text=True,
        timeout=600,
    )


def kopie(bron: Path, doel: Path) -> Path:
    """A copy of a course folder: its nbgrader_config.py sets the root to where it is."""
    shutil.copytree(bron, doel)
    return doel


@pytest.fixture(scope="session")
def leeg_cursus(tmp_path_factory) -> Path:
    """The final assignment generated, nothing handed in yet."""
    return cursussen.maak_echte_cursus(tmp_path_factory.mktemp("leeg") / "cursus")


@pytest.fixture(scope="session")
def ingeleverd(leeg_cursus, tmp_path_factory) -> Path:
    """40 simulated submissions (the last one a broken file), not graded."""
    map_ = kopie(leeg_cursus, tmp_path_factory.mktemp("ingeleverd") / "cursus")
    simuleer_klas(lees_cursus(map_), OPDRACHT, 40, kapot=1)
    return map_


@pytest.fixture(scope="session")
def klas40(ingeleverd, tmp_path_factory):
    """The 40 submissions graded by `wijkleren opdracht nakijken` on 2 workers, with its output."""
    map_ = kopie(ingeleverd, tmp_path_factory.mktemp("klas40") / "cursus")
    stroom = io.StringIO()
    ronde = nakijkronde.nakijken(map_, OPDRACHT, werkers=2, stroom=stroom)
    return map_, ronde, stroom.getvalue()


dump = cursussen.gradebook_rijen


def bestanden(map_: Path) -> dict[str, bytes]:
    """The autograded notebooks."""
    basis = map_ / "autograded"
    return {str(p.relative_to(basis)): p.read_bytes() for p in basis.glob("*/*/*.ipynb")}


# --- the grading round -----------------------------------------------------------------------------


def test_grading_round_equals_stock_autograde_on_40_submissions(ingeleverd, klas40, tmp_path):
    ronde_map, ronde, uitvoer = klas40
    stock = kopie(ingeleverd, tmp_path / "stock")
    res = nbgrader("autograde", OPDRACHT, cwd=stock)
    assert res.returncode == 1, res.stderr[-3000:]  # stock fails at the end because of the broken file

    assert len(ronde.per_status(statussen.NAGEKEKEN)) == 39
    assert [s.deelnemer for s in ronde.problemen] == [KAPOT]
    assert ronde.status(KAPOT).status == statussen.KAPOT and "beschadigd" in ronde.status(KAPOT).bericht
    verwacht, gekregen = dump(stock), dump(ronde_map)
    assert len(verwacht) == 40
    # The broken file never reaches nbgrader (stock makes an empty submission for it).
    assert gekregen.pop(KAPOT)["inzending"] is None and verwacht.pop(KAPOT)["inzending"] is not None
    assert gekregen == verwacht  # students, submissions, notebooks, every grade and comment
    assert bestanden(ronde_map) == bestanden(stock)  # the same autograded notebooks, byte for byte
    # The progress bar and a Dutch line for the broken file.
    assert "40/40" in uitvoer and "100%" in uitvoer and "verstreken" in uitvoer
    assert f"{KAPOT}: kapot." in uitvoer
    assert (ronde_map / "autograded" / RESERVEKOPIE).is_file()


def test_regrading_keeps_manual_grades_like_stock(klas40, tmp_path):
    parallel_map, _, _ = klas40
    kopieen = {naam: kopie(parallel_map, tmp_path / naam) for naam in ("stock", "parallel")}
    for map_ in kopieen.values():
        # A trainer gave a manual grade and a comment in formgrader.
        with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
            gb.find_grade("casus1_categorie_punten", OPDRACHT, OPDRACHT, "deelnemer001").manual_score = 2.5
            gb.find_comment(
                "casus1_categorie", OPDRACHT, OPDRACHT, "deelnemer001"
            ).manual_comment = "Goed gedaan"
            gb.db.commit()
    res = nbgrader("autograde", OPDRACHT, "--force", "--student=deelnemer001", cwd=kopieen["stock"])
    assert res.returncode == 0, res.stderr[-3000:]
    ronde = nakijkronde.nakijken(
        kopieen["parallel"],
        OPDRACHT,
        werkers=2,
        opnieuw=True,
        studenten=["deelnemer001"],
        stroom=io.StringIO(),
    )
    assert ronde.per_status(statussen.NAGEKEKEN) == ["deelnemer001"]
    na = dump(kopieen["parallel"])
    assert na == dump(kopieen["stock"])
    cijfer = na["deelnemer001"]["inzending"] and na["deelnemer001"]["notitieboeken"][OPDRACHT]
    assert cijfer["cijfers"]["casus1_categorie_punten"]["manual_score"] == 2.5
    assert cijfer["opmerkingen"]["casus1_categorie"]["manual_comment"] == "Goed gedaan"
    # Without --opnieuw, graded submissions are skipped, as stock autograde does.
    ronde = nakijkronde.nakijken(kopieen["parallel"], OPDRACHT, werkers=2, stroom=io.StringIO())
    assert len(ronde.per_status(statussen.AL_NAGEKEKEN)) == 39
    assert [s.deelnemer for s in ronde.problemen] == [KAPOT]
    assert dump(kopieen["parallel"]) == na


@pytest.mark.traag  # a kernel runs every notebook
def test_grading_round_equals_stock_when_notebooks_are_executed(tmp_path):
    """nbgrader's default pipeline (a kernel runs each notebook) gives the same grades too."""
    basis = cursussen.maak_oefenklas(tmp_path / "basis")
    simuleer_klas(lees_cursus(basis), cursussen.OPDRACHT, 5, zaad=3)
    stock, par = kopie(basis, tmp_path / "stock"), kopie(basis, tmp_path / "parallel")
    assert nbgrader("autograde", cursussen.OPDRACHT, cwd=stock).returncode == 0
    ronde = nakijkronde.nakijken(par, cursussen.OPDRACHT, werkers=2, stroom=io.StringIO())
    assert len(ronde.per_status(statussen.NAGEKEKEN)) == 5
    assert dump(par, cursussen.OPDRACHT) == dump(stock, cursussen.OPDRACHT)
    klas = lees_klas(lees_cursus(par), cursussen.OPDRACHT)
    assert {i.totaal for i in klas.inzendingen} != {0.0}  # the kernel really graded


def test_progress_bar_shows_done_total_and_time_left():
    tijd = [100.0]
    stroom = io.StringIO()
    v = Voortgang(40, stroom, breedte=10, klok=lambda: tijd[0])
    tijd[0] = 110.0
    for _ in range(10):
        v.stap()
    assert v.regel() == "[##--------] 10/40   25%  0:10 verstreken, nog ongeveer 0:30"
    v.stap("Mislukt: x. Kapot.")
    regels = stroom.getvalue().splitlines()
    assert "Mislukt: x. Kapot." in regels
    # Not a terminal: a line per tenth of the work, not per submission.
    assert sum("/40" in r for r in regels) <= 4
    for _ in range(29):
        v.stap()
    assert stroom.getvalue().splitlines()[-1].startswith("[##########] 40/40  100%  0:10 verstreken")


def test_nakijken_says_in_dutch_what_is_missing(leeg_cursus, tmp_path, capsys):
    from wijkleren.cli import main

    assert main(["opdracht", "nakijken", "bestaat_niet", "--cursus", str(leeg_cursus)]) == 2
    assert "staat niet in het cijferboek" in capsys.readouterr().err
    # The old name still works for one release, and says it is the same command.
    assert main(["klas", "nakijken", "bestaat_niet", "--cursus", str(leeg_cursus)]) == 2
    fout = capsys.readouterr().err
    assert "is hetzelfde als 'wijkleren opdracht nakijken'" in fout and "staat niet in het cijferboek" in fout
    with pytest.raises(CursusFout, match="bestaat niet"):
        nakijkronde.nakijken(tmp_path / "nergens", OPDRACHT)
    stroom = io.StringIO()
    assert nakijkronde.nakijken(leeg_cursus, OPDRACHT, stroom=stroom).uitkomsten == []
    assert "geen inleveringen" in stroom.getvalue()


# --- class overview --------------------------------------------------------------------------------


def test_overview_of_40_learners(klas40):
    map_, _, _ = klas40
    klas = lees_klas(lees_cursus(map_), OPDRACHT)
    o = maak_overzicht(klas)
    assert (o.leerlingen, o.inzendingen) == (40, 39)  # the broken file has no grades
    aantal = len({v.sleutel.casus for v in klas.vragen if v.sleutel})
    assert aantal >= 8 and len(o.casussen) == aantal and all(c.antwoorden == 39 for c in o.casussen)
    for c in o.casussen:
        # What the overview reads from the answers agrees with the gradebook's scores.
        assert c.gekozen[c.label] == c.goed
        assert sum(c.gekozen.values()) == 39
    assert sum(o.verwarring.values()) == aantal * 39
    assert sum(o.verwarring[(c, c)] for c in CATEGORIEEN) == sum(c.goed for c in o.casussen)
    assert all(k.oordelen > 0 for k in o.kenmerken)
    fout = o.meest_fout()
    assert fout and [c.aandeel_goed for c in fout] == sorted(c.aandeel_goed for c in fout)
    assert len(o.totalen) == 39 and 0 < o.gemiddelde < o.max_totaal == klas.max_totaal
    assert o.verwarring[("wijkaanpak", GEEN_KEUZE)] >= 0


def test_overview_report_and_plots_are_written(klas40, tmp_path):
    from wijkleren.cli import main

    map_, _, _ = klas40
    assert main(["klas", "overzicht", OPDRACHT, "--cursus", str(map_), "--uit", str(tmp_path)]) == 0
    html = (tmp_path / f"klasoverzicht-{OPDRACHT}.html").read_text(encoding="utf-8")
    for naam in ("goed_per_casus", "verwarring", "kenmerken", "scores"):
        svg = (tmp_path / OPDRACHT / f"{naam}.svg").read_text(encoding="utf-8")
        assert "<dc:description>" in svg  # the alt text is in the file's metadata too
        png = (tmp_path / OPDRACHT / f"{naam}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and b"Description" in png
    alts = re.findall(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="([^"]+)"', html)
    assert len(alts) == 4 and all(len(a.split()) >= 15 for a in alts)
    assert not re.search(r'(src|href)=["\']?(https?:)?//', html)  # nothing from elsewhere
    assert "<script" not in html
    assert "deelnemer0" not in html and "Anna" not in html  # no names: fit to project
    assert "Bespreek deze casussen eerst" in html and "Verwarring" in html


def test_overview_with_one_learner_and_with_none(ingeleverd, leeg_cursus, tmp_path, capsys):
    from wijkleren.cli import main

    een = kopie(ingeleverd, tmp_path / "een")
    nakijkronde.nakijken(een, OPDRACHT, werkers=1, studenten=["deelnemer002"], stroom=io.StringIO())
    o = maak_overzicht(lees_klas(lees_cursus(een), OPDRACHT))
    assert o.inzendingen == 1 and len(maak_figuren(o)) == 4
    assert "één nagekeken inzending" in maak_rapport(o, maak_figuren(o))

    o, figuren, pad = schrijf_klasoverzicht(leeg_cursus, OPDRACHT, tmp_path / "leeg")
    assert o.leeg and figuren == []
    assert "nog geen nagekeken inzendingen" in pad.read_text(encoding="utf-8")
    assert main(["klas", "overzicht", "--cursus", str(leeg_cursus), "--uit", str(tmp_path / "cli")]) == 0
    assert "nog geen nagekeken inzendingen" in capsys.readouterr().out


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_report_in_chromium_is_offline_and_accessible(klas40, tmp_path, pagina):
    map_, _, _ = klas40
    _, _, pad = schrijf_klasoverzicht(map_, OPDRACHT, tmp_path)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Stil, directory=str(tmp_path))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pagina.goto(f"http://127.0.0.1:{server.server_address[1]}/{pad.name}", wait_until="networkidle")
        geladen = pagina.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0)")
        assert geladen == [True] * 4
        assert axe_schendingen(pagina) == []
    finally:
        server.shutdown()
    assert pagina.bewaker.extern == []
    assert pagina.bewaker.fouten == []


def test_notebook_makes_the_overview(klas40, tmp_path):
    import jupytext
    from nbclient import NotebookClient

    map_, _, _ = klas40
    nb = jupytext.read(ROOT / "notebooks" / "klasoverzicht.md")
    os.environ.update(WIJKLEREN_CURSUS=str(map_), WIJKLEREN_OPDRACHT=OPDRACHT)
    try:
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
    finally:
        del os.environ["WIJKLEREN_CURSUS"], os.environ["WIJKLEREN_OPDRACHT"]
    uitvoer = "".join(
        o.get("text", "") + "".join(o.get("data", {}).get("text/markdown", ""))
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.outputs
    )
    assert "39 nagekeken inzendingen" in uitvoer
    assert "Vaakst gekozen in plaats daarvan" in uitvoer
    assert sum("image/svg+xml" in o.get("data", {}) for c in nb.cells for o in c.get("outputs", [])) == 4
    assert (map_ / "klasoverzicht" / f"klasoverzicht-{OPDRACHT}.html").exists()
    nbformat.validate(nb)


# --- LMS export ------------------------------------------------------------------------------------


def _lees_csv(tekst: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(tekst, newline="")))


@pytest.fixture
def klas_met_lastige_namen(klas40, tmp_path) -> Path:
    map_ = kopie(klas40[0], tmp_path / "namen")
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        s = gb.find_student("deelnemer003")
        s.first_name, s.last_name, s.lms_user_id = 'Bas "B."', "Bakker, van", None
        gb.add_student(
            "zonder_inzending", first_name="Noor", last_name="Öztürk", email="noor@gemeente.example"
        )
        gb.db.commit()
    return map_


def test_moodle_export_headers_and_round_trip(klas_met_lastige_namen):
    cursus = lees_cursus(klas_met_lastige_namen)
    lijst = export.lees_cijferlijst(cursus)
    rijen = _lees_csv(export.exporteer(lijst, "moodle"))
    assert rijen[0] == ["Username", "ID number", "Email address", "First name", "Last name", OPDRACHT,
                        export.resultaat_kop(OPDRACHT, lijst.maxima[OPDRACHT])]  # fmt: skip
    assert len(rijen) == 1 + 41
    per_id = {r[0]: r for r in rijen[1:]}
    assert per_id["deelnemer003"][1:5] == ["", "deelnemer003@gemeente.example", 'Bas "B."', "Bakker, van"]
    with Gradebook(cursus.db_url) as gb:
        for sid, rij in per_id.items():
            if sid in ("zonder_inzending", KAPOT):
                assert rij[5] == ""  # nothing graded: the platform leaves the grade alone
                continue
            sub = gb.find_submission(OPDRACHT, sid)
            assert float(rij[5]) == pytest.approx(max(0.0, sub.score - sub.late_submission_penalty))
            assert rij[1] == (gb.find_student(sid).lms_user_id or "")
    # Round trip: what Python's csv module reads back is exactly what was written.
    assert _lees_csv(export._csv(rijen)) == rijen


def test_canvas_export_headers_and_round_trip(klas_met_lastige_namen):
    lijst = export.lees_cijferlijst(lees_cursus(klas_met_lastige_namen), [OPDRACHT])
    tekst = export.exporteer(lijst, "canvas")
    rijen = _lees_csv(tekst)
    maximum = export.getal(lijst.maxima[OPDRACHT])
    assert rijen[0] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", OPDRACHT,
                        export.resultaat_kop(OPDRACHT, lijst.maxima[OPDRACHT])]  # fmt: skip
    assert rijen[1] == ["Points Possible", "", "", "", "", maximum, ""]
    per_login = {r[3]: r for r in rijen[2:]}
    assert per_login["deelnemer003"][0] == 'Bakker, van, Bas "B."'
    assert per_login["deelnemer001"][:2] == ["de Vries, Anna", "5000"]
    assert per_login["zonder_inzending"][0] == "Öztürk, Noor" and per_login["zonder_inzending"][5] == ""
    assert per_login[KAPOT][5] == ""  # handed in a broken file: not graded, so no grade
    assert tekst.endswith("\r\n") and '"Bakker, van, Bas ""B."""' in tekst
    assert _lees_csv(export._csv(rijen)) == rijen


def test_export_command_writes_the_file(klas40, tmp_path, capsys):
    from wijkleren.cli import main

    map_ = kopie(klas40[0], tmp_path / "cursus")
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        # Handed in, but not graded (stock nbgrader leaves this when grading fails).
        gb.add_student("niet_nagekeken")
        gb.add_submission(OPDRACHT, "niet_nagekeken")
    pad = tmp_path / "moodle.csv"
    assert main(["klas", "exporteer", "--formaat", "moodle", "--cursus", str(map_), "--uit", str(pad)]) == 0
    assert pad.read_text(encoding="utf-8").startswith("Username,ID number,")
    uit = capsys.readouterr()
    assert "41 deelnemers" in uit.out
    # The broken file of KAPOT never reached the gradebook: only the other one is named.
    assert "1 deelnemer leverde iets in dat niet is nagekeken" in uit.err
    with pytest.raises(SystemExit) as stop:
        main(["klas", "exporteer", "--formaat", "excel", "--cursus", str(klas40[0])])
    assert stop.value.code == 2
    assert "Fout: 'excel' kan niet bij --formaat, kies uit 'moodle', 'canvas'." in capsys.readouterr().err


def test_score_format_for_the_platforms():
    assert [export.getal(x) for x in (None, 12.0, 12.5, 0.0, 7.333333)] == ["", "12", "12.5", "0", "7.33"]


# --- the workshop guide ----------------------------------------------------------------------------

GIDS = ROOT / "book" / "09_trainers.md"


def test_guide_covers_every_borderline_type_and_names_no_toets_case():
    from wijkleren.casussen.domein import GRENSTYPEN

    tekst = GIDS.read_text(encoding="utf-8")
    tabel = tekst.split("| Soort grensgeval |", 1)[1].split("\n\n", 1)[0]
    rijen = [r for r in tabel.splitlines()[2:] if r.startswith("|")]
    assert len(rijen) == len(GRENSTYPEN), "one row per borderline type of domein.GRENSTYPEN"
    oefenen = casussen("oefenen")
    assert {c.grenstype for c in oefenen if c.grenstype} == set(GRENSTYPEN), "each type can be practised"
    for c in casussen("toets"):
        assert not re.search(rf"\b{c.id}\b", tekst), f"the guide names toets case {c.id}"


def test_a_round_that_stopped_halfway_is_finished_by_the_next(klas40, tmp_path):
    """A --opnieuw round stopped after one learner (its scratch still there): the next plain round
    regrades the other learner, cleans the scratch and says what happened."""
    map_ = kopie(klas40[0], tmp_path / "cursus")
    journaal = map_ / f"wijkleren-nakijken-{OPDRACHT}.journaal"
    with open(journaal, "a", encoding="utf-8") as f:
        f.write('{"ronde": "2026-03-02 10:00:00.000000 UTC", "opnieuw": true, ')
        f.write('"deelnemers": ["deelnemer005", "deelnemer006"]}\n{"klaar": "deelnemer006", "sha256": "x"}\n')
    (map_ / nakijkronde.WERKMAP / "submitted").mkdir(parents=True)
    stroom = io.StringIO()
    ronde = nakijkronde.nakijken(
        map_, OPDRACHT, werkers=1, studenten=["deelnemer005", "deelnemer006"], stroom=stroom
    )
    assert "De vorige ronde stopte halverwege. Nog niet klaar waren: deelnemer005." in stroom.getvalue()
    assert ronde.status("deelnemer005").status == statussen.NAGEKEKEN  # regraded, as --opnieuw asked
    assert ronde.status("deelnemer006").status == statussen.NAGEKEKEN  # fingerprint changed: "x"
    assert not (map_ / nakijkronde.WERKMAP).exists()
    assert dump(map_) == dump(klas40[0])
    ronde = nakijkronde.nakijken(map_, OPDRACHT, werkers=1, studenten=["deelnemer005"], stroom=io.StringIO())
    assert ronde.status("deelnemer005").status == statussen.AL_NAGEKEKEN


def test_fast_cell_check_finds_the_same_errors_as_nbgraders():
    from nbformat.v4 import new_code_cell
    from nbgrader.nbgraderformat import MetadataValidator as NbgraderValidator

    from wijkleren.nakijkronde.celcontrole import MetadataValidator

    goed = {
        "grade": True,
        "grade_id": "a",
        "locked": True,
        "points": 3,
        "schema_version": 3,
        "solution": False,
    }
    gevallen = [
        goed,
        {**goed, "points": "drie"},
        {k: v for k, v in goed.items() if k != "grade_id"},
        {**goed, "schema_version": 2},
        {**goed, "grade": False, "solution": False, "locked": False, "task": True},
    ]
    for meta in gevallen:
        fouten = []
        for validator in (NbgraderValidator(), MetadataValidator()):
            try:
                validator.validate_cell(new_code_cell("x = 1", metadata={"nbgrader": dict(meta)}))
                fouten.append(None)
            except Exception as fout:  # compare whatever each raises
                fouten.append((type(fout), str(fout)))
        assert fouten[0] == fouten[1], meta
