"""The final assignment with real nbgrader: generate, submit (honest, broken and cheating), grade,
give feedback and export, in a temporary copy of the course folder.

Every fixture submission has an exact expected score. Honest parts are chosen so that a cheat
that worked would show: each cheat answers casus 1 right and the rest wrong, so it must score
exactly one casus (12 points), no more and no less.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers.nbgrader import cel, draai, formgrader
from helpers.paden import BIN, ROOT
from nbgrader.api import Gradebook

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.domein import CATEGORIE_NAAM, CATEGORIEEN, KENMERK, KENMERK_CODES
from wijkleren.eindopdracht.beoordelen import sleutel_uit_bron
from wijkleren.eindopdracht.formaat import (
    BEOORDELEN,
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    TEKST_STUB,
    TOEPASSEN,
)

# One worker runs everything that shares the graded course; the book test joins the book's group.
samen = pytest.mark.xdist_group("nbgrader")

FIX = Path(__file__).parent / "fixtures" / "inzendingen"
PER_CASUS = PUNTEN_CATEGORIE + PUNTEN_KENMERKEN


# --- building submissions from the released notebook ---------------------------------------------


@dataclass(frozen=True)
class Casus:
    nummer: int
    id: str
    label: str
    kenmerken: tuple[str, ...]


def vul(nb: dict, gid: str, regels: str) -> None:
    """Type an answer: keep the cell's comment lines, replace the rest."""
    c = cel(nb, gid)
    bron = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
    c["source"] = "\n".join([r for r in bron.splitlines() if r.startswith("#")] + [regels])


def wis(nb: dict, *gids: str) -> None:
    nb["cells"] = [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") not in gids]


def lijst(codes) -> str:
    return json.dumps(list(codes) or ["geen"])


def goed(nb, c: Casus) -> None:
    vul(nb, f"casus{c.nummer}_categorie", f'categorie = "{c.label}"')
    vul(nb, f"casus{c.nummer}_kenmerken", f"kenmerken = {lijst(c.kenmerken)}")


def fout_label(c: Casus) -> str:
    return CATEGORIEEN[(CATEGORIEEN.index(c.label) + 1) % 3]


def fout(nb, c: Casus) -> None:
    vul(nb, f"casus{c.nummer}_categorie", f'categorie = "{fout_label(c)}"')
    vul(
        nb,
        f"casus{c.nummer}_kenmerken",
        f"kenmerken = {lijst(k for k in KENMERK_CODES if k not in c.kenmerken)}",
    )


def eerlijk_deel(nb, cs) -> None:
    """Casus 1 right, all others wrong: worth exactly one casus."""
    for c in cs:
        (goed if c.nummer == 1 else fout)(nb, c)


def vals_in_antwoorden(code: str):
    """A cheat that puts `code` above the (wrong) answers of casus 2 and later."""

    def maak(nb, cs):
        eerlijk_deel(nb, cs)
        for c in cs[1:]:
            for vraag in ("categorie", "kenmerken"):
                cc = cel(nb, f"casus{c.nummer}_{vraag}")
                cc["source"] = code + "\n" + cc["source"]

    return maak


def alles_goed(nb, cs):
    for c in cs:
        goed(nb, c)


def alles_fout(nb, cs):
    for c in cs:
        fout(nb, c)


def deels_goed(nb, cs):
    for c in cs:
        (goed if c.nummer <= 4 else fout)(nb, c)


def leeg(nb, cs):
    pass


VARIANT = {
    "wijkaanpak": "WIJK-AANPAK",
    "gebiedsgericht": "Gebiedsgericht werken",
    "niet_gebiedsgericht": "de sectorale aanpak",
}


def varianten(nb, cs):
    for c in cs:
        vul(nb, f"casus{c.nummer}_categorie", f'categorie = "{VARIANT[c.label]}"')
        k = list(c.kenmerken)
        vormen = [
            "kenmerken = " + json.dumps([KENMERK[x].naam for x in k] or ["Geen"]),  # Dutch names
            "kenmerken = " + json.dumps(", ".join(x.upper() for x in k) or "geen"),  # one string
            "kenmerken = [" + ", ".join(k or ["geen"]) + "]",  # no quotes
            "kenmerken = [" + ", ".join(f'"{x.replace("_", " ")}"' for x in k or ["geen"]),  # no ]
            "kenmerken = [" + " ".join(f'"{x}"' for x in k or ["geen"]) + "]",  # no commas
        ]
        vul(nb, f"casus{c.nummer}_kenmerken", vormen[c.nummer % len(vormen)])


def _typfout_telt(cs) -> bool:
    """Whether leaving out the first kenmerk (by a typo) changes the rule's decisive kenmerk."""
    from wijkleren.casussen.beslisregel import beslis

    c = next(c for c in cs if c.kenmerken)
    return beslis(c.kenmerken[1:]).beslissend != beslis(c.kenmerken).beslissend


def typfout(woord: str) -> str:
    return woord[:3] + woord[4:]  # "wijkaanpak" -> "wijaanpak"


def typfouten(nb, cs):
    alles_goed(nb, cs)
    vul(nb, "casus1_categorie", f'categorie = "{typfout(cs[0].label)}"')
    c = next(c for c in cs if c.kenmerken)
    kapot = [typfout(c.kenmerken[0])] + list(c.kenmerken[1:])
    vul(nb, f"casus{c.nummer}_kenmerken", f"kenmerken = {json.dumps(kapot)}")


def alle_negen(nb, cs):
    for c in cs:
        vul(nb, f"casus{c.nummer}_categorie", f'categorie = "{c.label}"')
        vul(nb, f"casus{c.nummer}_kenmerken", f"kenmerken = {json.dumps(list(KENMERK_CODES))}")


def cel_gewist(nb, cs):
    alles_goed(nb, cs)
    wis(nb, "casus1_kenmerken", "casus2_categorie_punten", "casus3_tekst")


GELIJK = """class Gelijk(str):
    def __eq__(self, ander):
        return True
    __hash__ = str.__hash__"""


def str_subklasse(nb, cs):
    eerlijk_deel(nb, cs)
    for c in cs[1:]:
        vul(nb, f"casus{c.nummer}_categorie", f'{GELIJK}\ncategorie = Gelijk("{fout_label(c)}")')


def alles_gelijk_object(nb, cs):
    eerlijk_deel(nb, cs)
    klasse = "class Alles:\n    def __eq__(self, ander):\n        return True\n    def __contains__(self, x):\n        return True"
    for c in cs[1:]:
        vul(nb, f"casus{c.nummer}_categorie", f"{klasse}\ncategorie = Alles()")
        vul(nb, f"casus{c.nummer}_kenmerken", f"{klasse}\nkenmerken = Alles()")


def bewerk_testcellen(nb, cs):
    eerlijk_deel(nb, cs)
    for c in nb["cells"]:
        if c["metadata"].get("nbgrader", {}).get("grade_id", "").endswith("_punten"):
            c["source"] = 'print("alles goed")\n1000'
            c["execution_count"] = 1
            c["outputs"] = [{"output_type": "execute_result", "data": {"text/plain": "1000"}, "metadata": {},
                             "execution_count": 1}]  # fmt: skip


def wis_testcellen(nb, cs):
    eerlijk_deel(nb, cs)
    wis(nb, *[f"casus{c.nummer}_{v}_punten" for c in cs for v in ("categorie", "kenmerken")])


def metadata_veranderd(nb, cs):
    eerlijk_deel(nb, cs)
    for c in nb["cells"]:
        meta = c["metadata"].get("nbgrader", {})
        gid = meta.get("grade_id", "")
        if gid.endswith("_punten"):
            meta.update(points=1000, locked=False, solution=True)  # a test cell that claims to be an answer
        elif meta.get("solution"):
            meta.update(grade=True, points=1000)  # an answer that claims to be a test
        if gid.startswith("casus2"):
            meta["schema_version"] = 99
    del cel(nb, "casus3_categorie_punten")["metadata"]["nbgrader"]
    cel(nb, "casus4_kenmerken")["metadata"]["nbgrader"]["grade_id"] = "iets_anders"


BESTANDEN = """import sqlite3
con = sqlite3.connect("../../../gradebook.db")
con.execute("UPDATE grade SET manual_score = 1000")
con.commit()
open(r"{marker}", "w").write("uitgevoerd")"""

INZENDINGEN: dict[str, object] = {
    "alles_goed": alles_goed,
    "alles_fout": alles_fout,
    "deels_goed": deels_goed,
    "leeg": leeg,
    "varianten": varianten,
    "typfouten": typfouten,
    "alle_negen": alle_negen,
    "cel_gewist": cel_gewist,
    "vals_str_subklasse": str_subklasse,
    "vals_alles_gelijk_object": alles_gelijk_object,
    "vals_hulpfuncties_vervangen": vals_in_antwoorden(
        "import wijkleren.eindopdracht.beoordelen as nk\nnk.beoordeel = lambda *a, **k: None\nnk.PUNTEN_CATEGORIE = 1000\n"
        "from nbgrader import utils\nutils.determine_grade = lambda cel, log=None: (1000.0, 1000.0)"
    ),
    "vals_sys_modules": vals_in_antwoorden(
        "import sys, types\nnep = types.ModuleType('wijkleren.eindopdracht.beoordelen')\nnep.beoordeel = lambda *a: 12\n"
        "sys.modules['wijkleren.eindopdracht.beoordelen'] = nep\nsys.modules['nbgrader.utils'] = nep"
    ),
    "vals_builtins": vals_in_antwoorden(
        "import builtins\nbuiltins.float = lambda *a: 1000.0\nbuiltins.isinstance = lambda *a: True\n"
        "builtins.__import__ = None"
    ),
    "vals_testcellen_bewerkt": bewerk_testcellen,
    "vals_testcellen_gewist": wis_testcellen,
    "vals_metadata_veranderd": metadata_veranderd,
    "vals_kernel_afsluiten": vals_in_antwoorden("import sys\nsys.exit(0)"),
    "vals_kernel_doden": vals_in_antwoorden(
        "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\nos._exit(1)"
    ),
    "vals_oneindige_lus": vals_in_antwoorden("while True:\n    pass"),
    "vals_bestanden_schrijven": None,  # built in the fixture: it needs the marker path
}
VALS = [n for n in INZENDINGEN if n.startswith("vals_")]
KAPOT = {"kapotte_json": "kapot", "geen_notitieboek": "kapot", "bestand_ontbreekt": "ontbreekt"}


@dataclass
class Ronde:
    cursus: Path
    casussen: list[Casus]
    toepassen_ids: list[str]
    verwacht: dict[str, float]
    status: dict[str, tuple[str, str]] = field(default_factory=dict)
    status2: dict[str, tuple[str, str]] = field(default_factory=dict)
    cijfers: dict[tuple[str, str], float] = field(default_factory=dict)
    marker: Path | None = None

    def feedback(self, opdracht: str, deelnemer: str) -> str:
        return (self.cursus / "feedback" / deelnemer / opdracht / f"{opdracht}.html").read_text(
            encoding="utf-8"
        )


def _sleutels(cursus: Path) -> list[Casus]:
    nb = json.loads((cursus / "source" / BEOORDELEN / f"{BEOORDELEN}.ipynb").read_text(encoding="utf-8"))
    per_nummer = {}
    for c in nb["cells"]:
        s = sleutel_uit_bron("".join(c["source"]))
        if s:
            per_nummer[s.nummer] = Casus(s.nummer, s.casus, s.label, s.kenmerken)
    return [per_nummer[n] for n in sorted(per_nummer)]


def _lever_in(cursus: Path, opdracht: str, deelnemer: str, inhoud) -> Path:
    map_ = cursus / "submitted" / deelnemer / opdracht
    map_.mkdir(parents=True, exist_ok=True)
    pad = map_ / f"{opdracht}.ipynb"
    pad.write_text(inhoud if isinstance(inhoud, str) else json.dumps(inhoud), encoding="utf-8")
    return pad


def _status(cursus: Path) -> dict[str, tuple[str, str]]:
    with open(cursus / "autograded" / f"nakijkstatus-{BEOORDELEN}.csv", encoding="utf-8") as f:
        return {r["deelnemer"]: (r["status"], r["bericht"]) for r in csv.DictReader(f)}


TOEPASSEN_TEKST = (
    'Dit is geen wijkaanpak. <script src="https://example.org/x.js"></script> Er zijn geen afspraken '
    "over geld en geen vaste periode. " * 5
)


@pytest.fixture(scope="module")
def ronde(tmp_path_factory) -> Ronde:
    cursus = tmp_path_factory.mktemp("cursus")
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", cursus)
    draai(BIN / "wijkleren", "opdracht", "maak", "--cursus", cursus, cwd=cursus)
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_assignment", opdracht, cwd=cursus)
    cs = _sleutels(cursus)
    n = len(cs)
    release = json.loads(
        (cursus / "release" / BEOORDELEN / f"{BEOORDELEN}.ipynb").read_text(encoding="utf-8")
    )
    marker = cursus.parent / f"{cursus.name}-uitgevoerd.txt"
    INZENDINGEN["vals_bestanden_schrijven"] = vals_in_antwoorden(BESTANDEN.format(marker=marker))
    verwacht = {
        "alles_goed": n * PER_CASUS,
        "alles_fout": 0,
        "deels_goed": 4 * PER_CASUS,
        "leeg": 0,
        "varianten": n * PER_CASUS,
        "typfouten": n * PER_CASUS - PUNTEN_CATEGORIE - PUNTEN_KENMERKEN * _typfout_telt(cs),
        # All nine kenmerken lead the rule to "wijkaanpak": right only for the wijkaanpak casussen.
        "alle_negen": n * PUNTEN_CATEGORIE + PUNTEN_KENMERKEN * sum(c.label == "wijkaanpak" for c in cs),
        "cel_gewist": n * PER_CASUS - PUNTEN_KENMERKEN,
        "herkansing": n * PER_CASUS,
        "verbeterd": n * PER_CASUS,
        **{v: PER_CASUS for v in VALS},
    }
    for naam, maak in INZENDINGEN.items():
        nb = copy.deepcopy(release)
        maak(nb, cs)
        _lever_in(cursus, BEOORDELEN, naam, nb)
    goed_nb = copy.deepcopy(release)
    alles_goed(goed_nb, cs)
    _lever_in(cursus, BEOORDELEN, "herkansing", goed_nb)
    fout_nb = copy.deepcopy(release)
    alles_fout(fout_nb, cs)
    _lever_in(cursus, BEOORDELEN, "verbeterd", fout_nb)
    _lever_in(
        cursus, BEOORDELEN, "kapotte_json", (FIX / "afgebroken_notitieboek.json").read_text(encoding="utf-8")
    )
    _lever_in(cursus, BEOORDELEN, "geen_notitieboek", '{"cells": "geen lijst", "metadata": 3}')
    weg = cursus / "submitted" / "bestand_ontbreekt" / BEOORDELEN
    weg.mkdir(parents=True)
    (weg / "mijn_antwoorden.ipynb").write_text(json.dumps(goed_nb), encoding="utf-8")

    r = Ronde(cursus, cs, [], verwacht, marker=marker)
    # Round 1: the robust batch. Broken submissions give exit code 1, the rest is graded.
    res = draai(
        BIN / "wijkleren", "opdracht", "nakijken", BEOORDELEN, "--cursus", cursus, cwd=cursus, ok=False
    )
    assert res.returncode == 1, res.stdout + res.stderr
    assert "Traceback" not in res.stdout + res.stderr
    r.status = _status(cursus)
    # Round 2: herkansing hands in a broken file; its earlier grade must stay.
    (cursus / "submitted" / "herkansing" / BEOORDELEN / f"{BEOORDELEN}.ipynb").write_text(
        "{", encoding="utf-8"
    )
    # ... and verbeterd hands in a better version, which is graded again.
    _lever_in(cursus, BEOORDELEN, "verbeterd", goed_nb)
    draai(BIN / "wijkleren", "opdracht", "nakijken", BEOORDELEN, "--cursus", cursus, cwd=cursus, ok=False)
    r.status2 = _status(cursus)

    # Toepassen: written answers, the stock `nbgrader autograde`, then the trainer grades by hand.
    t_release = json.loads(
        (cursus / "release" / TOEPASSEN / f"{TOEPASSEN}.ipynb").read_text(encoding="utf-8")
    )
    geschreven = copy.deepcopy(t_release)
    for gid in ("toepassen1_antwoord", "toepassen2_antwoord", "eigen_gemeente_antwoord"):
        cel(geschreven, gid)["source"] = TOEPASSEN_TEKST
    _lever_in(cursus, TOEPASSEN, "t_geschreven", geschreven)
    _lever_in(cursus, TOEPASSEN, "t_leeg", t_release)
    gewist = copy.deepcopy(geschreven)
    wis(gewist, "toepassen1_antwoord", "toepassen1_vraag")
    _lever_in(cursus, TOEPASSEN, "t_cel_gewist", gewist)
    draai(BIN / "nbgrader", "autograde", TOEPASSEN, cwd=cursus)
    with Gradebook(f"sqlite:///{cursus / 'gradebook.db'}") as gb:
        for gid, punten in (
            ("toepassen1_antwoord", 3),
            ("toepassen2_antwoord", 2),
            ("eigen_gemeente_antwoord", 5),
        ):
            gb.find_grade(gid, TOEPASSEN, TOEPASSEN, "t_geschreven").manual_score = punten
        gb.find_comment(
            "toepassen1_antwoord", TOEPASSEN, TOEPASSEN, "t_geschreven"
        ).manual_comment = "Goed gezien dat het geld ontbreekt. <b>Noem ook de periode.</b>"
        gb.db.commit()
    # Grading again (e.g. after a fix) keeps the trainer's scores and comments.
    draai(BIN / "nbgrader", "autograde", TOEPASSEN, "--student", "t_geschreven", "--force", cwd=cursus)

    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_feedback", opdracht, cwd=cursus)
    draai(BIN / "nbgrader", "export", "--to", cursus / "cijfers.csv", cwd=cursus)
    with open(cursus / "cijfers.csv", encoding="utf-8") as f:
        r.cijfers = {(row["assignment"], row["student_id"]): float(row["score"]) for row in csv.DictReader(f)}
    bron_nb = json.loads((cursus / "source" / TOEPASSEN / f"{TOEPASSEN}.ipynb").read_text(encoding="utf-8"))
    bron = " ".join(" ".join("".join(c["source"]) for c in bron_nb["cells"]).split())
    r.toepassen_ids = [c.id for c in casussen(pool="toets") if " ".join(c.uitleg.split()) in bron]
    assert len(r.toepassen_ids) == 2
    return r


# --- scores -------------------------------------------------------------------------------------


@samen
@pytest.mark.parametrize("naam", [*INZENDINGEN, "herkansing", "verbeterd"])
def test_exact_score_of_each_submission(ronde, naam):
    assert ronde.cijfers[(BEOORDELEN, naam)] == ronde.verwacht[naam]
    assert ronde.status[naam][0] == "nagekeken"


@samen
@pytest.mark.parametrize("naam", VALS)
def test_cheats_score_exactly_their_honest_answers(ronde, naam):
    assert ronde.cijfers[(BEOORDELEN, naam)] == PER_CASUS  # casus 1 right, nothing more


@samen
def test_no_learner_code_runs_while_grading(ronde):
    assert not ronde.marker.exists()
    with Gradebook(f"sqlite:///{ronde.cursus / 'gradebook.db'}") as gb:
        for naam in ronde.verwacht:
            inlevering = gb.find_submission(BEOORDELEN, naam)
            assert all(g.manual_score is None for nb in inlevering.notebooks for g in nb.grades)


@samen
@pytest.mark.parametrize("naam", ["vals_oneindige_lus", "vals_kernel_doden", "vals_kernel_afsluiten"])
def test_answers_are_read_not_run(ronde, naam):
    pad = ronde.cursus / "autograded" / naam / BEOORDELEN / f"{BEOORDELEN}.ipynb"
    nb = json.loads(pad.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        meta = c["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            assert c["outputs"] == [] and c["execution_count"] is None  # never executed
        elif meta.get("grade"):
            assert [o["output_type"] for o in c["outputs"]] == ["stream", "execute_result"]


@samen
@pytest.mark.parametrize(("naam", "status"), KAPOT.items())
def test_broken_submissions_get_a_clear_status_and_the_rest_is_graded(ronde, naam, status):
    assert ronde.status[naam][0] == status
    bericht = ronde.status[naam][1]
    assert "Vraag de deelnemer om het opnieuw in te leveren." in bericht
    assert "Traceback" not in bericht
    assert (BEOORDELEN, naam) not in ronde.cijfers or ronde.cijfers[(BEOORDELEN, naam)] == 0
    assert sum(1 for s, _ in ronde.status.values() if s == "nagekeken") == len(ronde.verwacht)
    if naam == "kapotte_json":
        assert "geen geldige JSON (regel" in bericht
    if naam == "bestand_ontbreekt":
        assert "In de map staat wel: mijn_antwoorden.ipynb" in bericht


@samen
def test_a_broken_resubmission_keeps_the_earlier_grade(ronde):
    assert ronde.status["herkansing"][0] == "nagekeken"
    status, bericht = ronde.status2["herkansing"]
    assert status == "kapot"
    assert "Eerdere punten in het cijferbestand blijven staan." in bericht
    assert ronde.cijfers[(BEOORDELEN, "herkansing")] == ronde.verwacht["herkansing"]
    assert (ronde.cursus / "autograded" / "herkansing" / BEOORDELEN / f"{BEOORDELEN}.ipynb").is_file()
    assert ronde.status2["alles_goed"][0] == "al nagekeken"
    assert ronde.status2["verbeterd"] == ("nagekeken", "Nieuwe inlevering: opnieuw nagekeken.")
    assert (ronde.cursus / "autograded" / "reservekopie-gradebook.db").is_file()


@samen
def test_manual_grades_are_kept_and_empty_answers_score_zero(ronde):
    assert ronde.cijfers[(TOEPASSEN, "t_geschreven")] == 10
    assert ronde.cijfers[(TOEPASSEN, "t_leeg")] == 0
    with Gradebook(f"sqlite:///{ronde.cursus / 'gradebook.db'}") as gb:
        g = gb.find_grade("toepassen1_antwoord", TOEPASSEN, TOEPASSEN, "t_geschreven")
        assert g.manual_score == 3 and g.needs_manual_grade  # kept, and flagged for a second look
        weg = gb.find_grade("toepassen1_antwoord", TOEPASSEN, TOEPASSEN, "t_cel_gewist")
        assert weg.auto_score == 0 and not weg.needs_manual_grade  # a deleted answer counts as empty
        open_ = gb.find_grade("toepassen2_antwoord", TOEPASSEN, TOEPASSEN, "t_cel_gewist")
        assert open_.needs_manual_grade


# --- feedback -------------------------------------------------------------------------------------


VERBODEN = ["WIJKLEREN_SLEUTEL", "HIDDEN TESTS", "BEGIN SOLUTION", "AssertionError", "Traceback", "raise ",
            "MARK SCHEME", "<script", "<link", "<iframe", "<img", "mathjax", "MathJax"]  # fmt: skip


def _feedbacks(ronde):
    for map_ in sorted((ronde.cursus / "feedback").glob("*/*")):
        yield map_.parent.name, map_.name, (map_ / f"{map_.name}.html").read_text(encoding="utf-8")


@samen
def test_feedback_has_no_test_code_and_loads_nothing_from_outside(ronde):
    gezien = 0
    for _, _, html in _feedbacks(ronde):
        gezien += 1
        assert 'lang="nl"' in html
        for woord in VERBODEN:
            assert woord not in html
        assert not re.search(r"<[^>]*\ssrc\s*=", html, re.I)
        assert not re.search(r"<[^>]*\shref\s*=\s*[\"'](?!#)", html, re.I)  # only links within the page
        assert not re.search(
            r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", html.replace("https://example.org/x.js", "")
        )
    assert gezien == len(ronde.verwacht) + 3


@samen
def test_feedback_explains_per_question(ronde):
    cs = ronde.casussen
    html = ronde.feedback(BEOORDELEN, "alles_goed")
    n = len(cs)
    assert f"Je score: {n * PER_CASUS} van {n * PER_CASUS} punten." in html
    for c in casussen(pool="toets"):
        if c.id in {x.id for x in cs}:
            assert _html_tekst(c.uitleg) in html  # the casus' uitleg
    fout_html = ronde.feedback(BEOORDELEN, "alles_fout")
    c1 = cs[0]
    assert f"Niet goed. Je koos: {CATEGORIE_NAAM[fout_label(c1)]}." in fout_html
    assert "Het kenmerk dat de doorslag geeft" in fout_html
    typ = ronde.feedback(BEOORDELEN, "typfouten")
    assert f"Bedoelde je &#x27;{c1.label}&#x27;?" in typ
    gewist = ronde.feedback(BEOORDELEN, "cel_gewist")
    assert "De cel met je antwoord ontbreekt." in gewist
    vals = ronde.feedback(BEOORDELEN, "vals_str_subklasse")
    assert "Typ alleen gewone woorden, zonder code." in vals


def _html_tekst(tekst: str) -> str:
    import html

    return html.escape(" ".join(tekst.split()), quote=True)


@samen
def test_feedback_covers_only_the_learners_own_cases(ronde):
    eigen = {c.id for c in ronde.casussen}
    anderen = [c for c in casussen(pool="toets") if c.id not in eigen]
    assert anderen
    for _, opdracht, html in _feedbacks(ronde):
        mijn = eigen if opdracht == BEOORDELEN else set(ronde.toepassen_ids)
        for c in casussen(pool="toets"):
            if c.id not in mijn:
                assert _html_tekst(c.uitleg)[:80] not in html, (opdracht, c.id)


@samen
def test_feedback_on_written_answers(ronde):
    html = ronde.feedback(TOEPASSEN, "t_geschreven")
    assert "Je score: 10 van 18 punten." in html
    assert "3 van 4 punten" in html
    assert "Opmerking van je trainer:" in html and "&lt;b&gt;Noem ook de periode.&lt;/b&gt;" in html
    assert "&lt;script src=" in html  # the learner's text is shown, escaped
    assert "Toelichting" in html and "Goed antwoord:" in html
    leeg_html = ronde.feedback(TOEPASSEN, "t_leeg")
    assert "0 van 4 punten" in leeg_html and TEKST_STUB in leeg_html


# --- no leaks ---------------------------------------------------------------------------------------


def _lek_teksten() -> list[str]:
    """Texts that would give toets-pool answers away."""
    uit = []
    for c in casussen(pool="toets"):
        uit.append(" ".join(c.uitleg.split())[:80])
        if c.valkuil:
            uit.append(" ".join(c.valkuil.split())[:80])
    return uit


@samen
@pytest.mark.parametrize("waar", ["proef", "cursus"])
def test_released_notebooks_hold_no_answers(ronde, waar):
    release = ronde.cursus / "release" if waar == "proef" else ROOT / "exercises" / "release"
    paden = sorted(release.rglob("*.ipynb"))
    if waar == "cursus" and not paden:
        pytest.skip("exercises/release is leeg: nog geen opdracht gemaakt (make opdrachten)")
    toets_ids = {c.id for c in casussen(pool="toets")}
    assert paden
    for pad in paden:
        tekst = pad.read_text(encoding="utf-8")
        nb = json.loads(tekst)
        plat = " ".join(
            " ".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in nb["cells"]
        )
        plat = " ".join(plat.split())
        for woord in (
            "BEGIN SOLUTION",
            "HIDDEN TESTS",
            "MARK SCHEME",
            "WIJKLEREN_SLEUTEL",
            "Voor de trainer",
        ):
            assert woord not in tekst, (pad.name, woord)
        for lek in _lek_teksten():
            assert lek not in plat, (pad.name, lek)
        assert not toets_ids & set(re.findall(r"\b[A-Z]\d\d\b", tekst)), pad.name  # ids reveal the label
        for c in nb["cells"]:
            meta = c["metadata"].get("nbgrader", {})
            bron = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
            if meta.get("solution") and c["cell_type"] == "code":
                regels = [r for r in bron.splitlines() if r.strip() and not r.startswith("#")]
                # Nothing to type but plain words, and running it unanswered gives no IPython error.
                assert regels == ["%%markdown", "(typ hier je antwoord)"], regels
            elif meta.get("solution"):
                assert bron == TEKST_STUB
            if meta.get("grade") and not meta.get("solution"):
                assert all(r.startswith("#") for r in bron.splitlines() if r.strip())


@samen
def test_learner_runs_the_released_notebook_and_its_self_check(ronde, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    for opdracht in (BEOORDELEN, TOEPASSEN):
        pad = tmp_path / f"{opdracht}.ipynb"
        shutil.copy(ronde.cursus / "release" / opdracht / f"{opdracht}.ipynb", pad)
        nb = nbformat.read(pad, as_version=4)
        NotebookClient(
            nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
        uitvoer = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        assert "Pas deze" in uitvoer and "punten nog aan" in uitvoer
        assert "Bedoelde" not in uitvoer and "Traceback" not in uitvoer
        assert "zegt niet of je antwoorden goed zijn" in uitvoer


# --- the trainer's tools --------------------------------------------------------------------------


@samen
def test_formgrader_in_jupyterlab_shows_grades_and_rubric(ronde):
    with formgrader(ronde.cursus, app="lab") as (_, haal):
        per_naam = {a["name"]: a for a in json.loads(haal("/formgrader/api/assignments"))}
        assert per_naam[BEOORDELEN]["max_score"] == len(ronde.casussen) * PER_CASUS
        with Gradebook(f"sqlite:///{ronde.cursus / 'gradebook.db'}") as gb:
            nb_id = gb.find_submission_notebook(TOEPASSEN, TOEPASSEN, "t_geschreven").id
        pagina = haal(f"/formgrader/submissions/{nb_id}")
    assert "Voor de trainer" in pagina or "Goed antwoord:" in pagina  # the rubric for the trainer


def test_cli_reports_a_missing_course_folder(tmp_path):
    res = draai(
        BIN / "wijkleren", "opdracht", "nakijken", BEOORDELEN, "--cursus", tmp_path, cwd=tmp_path, ok=False
    )
    assert res.returncode == 2
    assert "Ik vind de nbgrader-cursus niet" in res.stderr
    assert "Traceback" not in res.stderr
