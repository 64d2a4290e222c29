"""An assessment that measures understanding, through the real nbgrader course (issue 13).

One course is made in a temporary folder from the toets pool (`wijkleren opdracht maak`),
generated with `nbgrader generate_assignment`, handed in (honest answers in plain words, and
blind strategies), graded with the one grading round (`wijkleren opdracht nakijken`), given
feedback (`nbgrader generate_feedback`), exported for Moodle and Canvas, summarised in the class
overview, and turned into certificates. Case ids are never hard-coded: the keys come from the
source notebook, cases from the pool by property.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from helpers.nbgrader import cel, draai, formgrader, lever_in
from helpers.paden import BIN, ROOT
from nbgrader.api import Gradebook

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT_KENMERKEN,
    KENMERK,
    KENMERK_CODES,
)
from wijkleren.eindopdracht.beoordelen import sleutel_uit_bron
from wijkleren.eindopdracht.cesuur import grens
from wijkleren.eindopdracht.formaat import (
    ANTWOORD_STUB,
    BEOORDELEN,
    MAGIE,
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    TOEPASSEN,
)
from wijkleren.eindopdracht.trekken import MIX, groep, kies_casussen, overlap
from wijkleren.eindopdracht.zelfcontrole import rapport

pytestmark = pytest.mark.xdist_group("toets")

PER_CASUS = PUNTEN_CATEGORIE + PUNTEN_KENMERKEN

# Blind strategies: one category for every casus, with always the same kenmerken.
KENMERKSETS = {"alle": list(KENMERK_CODES), "geen": [], "vijf": list(GEBIEDSGERICHT_KENMERKEN)}
BLIND = {f"blind_{cat}_{naam}": (cat, ks) for cat in CATEGORIEEN for naam, ks in KENMERKSETS.items()}
NAMEN = {"eerlijk": ("Anna", "de Vries"), "blind_wijkaanpak_alle": ('<script>alert("x")</script>', "Bakker")}


def typ(nb: dict, gid: str, woorden: str) -> None:
    """Type plain words under the first line (%%markdown) of an answer cell, as a learner does."""
    c = cel(nb, gid)
    bron = "".join(c["source"]) if isinstance(c["source"], list) else c["source"]
    assert bron.splitlines()[0] == MAGIE
    c["source"] = f"{MAGIE}\n{woorden}"


def sleutels(cursus: Path):
    nb = json.loads((cursus / "source" / BEOORDELEN / f"{BEOORDELEN}.ipynb").read_text(encoding="utf-8"))
    gezien = {}
    for c in nb["cells"]:
        s = sleutel_uit_bron("".join(c["source"]))
        if s:
            gezien[s.nummer] = s
    return [gezien[n] for n in sorted(gezien)]


def eerlijk(nb, keys) -> None:
    """The honest full answer, in the plain words the assignment asks for (Dutch names)."""
    for s in keys:
        typ(nb, f"casus{s.nummer}_categorie", CATEGORIE_NAAM[s.label])
        typ(nb, f"casus{s.nummer}_kenmerken", "\n".join(KENMERK[k].naam for k in s.kenmerken) or "geen")


def varianten(nb, keys) -> None:
    """The honest answer written the ways learners write: codes, commas, bullets, 'en', capitals."""
    for s in keys:
        k = list(s.kenmerken)
        cat = {
            "wijkaanpak": "Wijkaanpak",
            "gebiedsgericht": "gebiedsgericht",
            "niet_gebiedsgericht": "Geen gebiedsgericht werken",
        }
        typ(nb, f"casus{s.nummer}_categorie", cat[s.label])
        vormen = [
            ", ".join(x.replace("_", " ") for x in k) or "geen",
            "\n".join(f"- {KENMERK[x].naam}" for x in k) or "- geen",
            "alle negen" if len(k) == 9 else " en ".join(KENMERK[x].naam.lower() for x in k) or "Geen.",
        ]
        typ(nb, f"casus{s.nummer}_kenmerken", vormen[s.nummer % len(vormen)])


def blind(cat: str, ks: list[str]):
    def vul(nb, keys):
        for s in keys:
            typ(nb, f"casus{s.nummer}_categorie", CATEGORIE_NAAM[cat])
            typ(nb, f"casus{s.nummer}_kenmerken", "\n".join(KENMERK[k].naam for k in ks) or "geen")

    return vul


def verwacht_blind(keys, cat: str, ks: list[str]) -> float:
    """What the scoring rule gives a blind strategy, computed here from the rule itself."""
    jouw = beslis(ks)
    punten = 0.0
    for s in keys:
        juist = beslis(s.kenmerken)
        punten += PUNTEN_CATEGORIE * (cat == s.label)
        punten += PUNTEN_KENMERKEN * (
            jouw.beslissend == juist.beslissend and jouw.categorie == juist.categorie
        )
    return punten


GESCHREVEN = (
    "Dit is gebiedsgericht werken, maar geen wijkaanpak. Het plan gaat over een wijk en bewoners "
    "beslissen mee. Er zijn geen afspraken over geld, dus dat kenmerk geeft de doorslag. " * 3
)
HANDPUNTEN = {"t_voldoende": 3, "t_onvoldoende": 1}


@pytest.fixture(scope="module")
def cursus(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("toets") / "cursus"
    map_.mkdir()
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", map_)
    maak = draai(BIN / "wijkleren", "opdracht", "maak", "--cursus", map_, "--ronde", "1", cwd=map_)
    assert "Ronde 1." in maak.stdout
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_assignment", opdracht, cwd=map_)
    for sid, (voor, achter) in NAMEN.items():
        draai(
            BIN / "nbgrader",
            "db",
            "student",
            "add",
            sid,
            f"--first-name={voor}",
            f"--last-name={achter}",
            cwd=map_,
        )
    keys = sleutels(map_)
    release = json.loads((map_ / "release" / BEOORDELEN / f"{BEOORDELEN}.ipynb").read_text(encoding="utf-8"))
    invullers = {"eerlijk": eerlijk, "varianten": varianten, **{n: blind(*v) for n, v in BLIND.items()}}
    for naam, vul in invullers.items():
        nb = copy.deepcopy(release)
        vul(nb, keys)
        lever_in(map_, BEOORDELEN, naam, nb)
    ronde1 = draai(BIN / "wijkleren", "opdracht", "nakijken", BEOORDELEN, "--cursus", map_, cwd=map_)

    t_release = json.loads((map_ / "release" / TOEPASSEN / f"{TOEPASSEN}.ipynb").read_text(encoding="utf-8"))
    antwoordcellen = [v["id"] for v in t_release["metadata"]["wijkleren"]["antwoordcellen"]]
    for naam in (*HANDPUNTEN, "t_open"):
        nb = copy.deepcopy(t_release)
        for gid in antwoordcellen:
            cel(nb, gid)["source"] = GESCHREVEN
        lever_in(map_, TOEPASSEN, naam, nb)
    # eerlijk also hands in deel 2 (and gets a voldoende for it: a certificate)
    nb = copy.deepcopy(t_release)
    for gid in antwoordcellen:
        cel(nb, gid)["source"] = GESCHREVEN
    lever_in(map_, TOEPASSEN, "eerlijk", nb)
    draai(BIN / "wijkleren", "opdracht", "nakijken", TOEPASSEN, "--cursus", map_, cwd=map_)
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        for naam, punten in {**HANDPUNTEN, "eerlijk": 3}.items():
            for gid in antwoordcellen:
                g = gb.find_grade(gid, TOEPASSEN, TOEPASSEN, naam)
                g.manual_score = min(punten, g.max_score)
                g.needs_manual_grade = False  # as the Formgrader does when a trainer saves a score
        gb.db.commit()
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_feedback", opdracht, cwd=map_)
    uit = {"ronde1": ronde1.stdout, "keys": keys, "map": map_}
    for formaat in ("moodle", "canvas"):
        res = draai(
            BIN / "wijkleren",
            "klas",
            "exporteer",
            "--formaat",
            formaat,
            "--cursus",
            map_,
            "--uit",
            "-",
            cwd=map_,
        )
        uit[formaat] = list(csv.reader(io.StringIO(res.stdout, newline="")))
    return uit


def _cijfers(map_: Path, opdracht: str) -> dict[str, tuple[float, float]]:
    with Gradebook(f"sqlite:///{map_ / 'gradebook.db'}") as gb:
        return {
            s.student.id: (float(s.score), float(s.max_score)) for s in gb.assignment_submissions(opdracht)
        }


def _feedback(map_: Path, opdracht: str, wie: str) -> str:
    return (map_ / "feedback" / wie / opdracht / f"{opdracht}.html").read_text(encoding="utf-8")


# --- 1. scoring that rewards judgement ------------------------------------------------------------


def test_blind_strategies_stay_at_or_below_a_third_and_honest_gets_all(cursus):
    cijfers = _cijfers(cursus["map"], BEOORDELEN)
    keys = cursus["keys"]
    maximum = len(keys) * PER_CASUS
    assert cijfers["eerlijk"] == (maximum, maximum)
    assert cijfers["varianten"] == (maximum, maximum)
    regels = []
    for naam, (cat, ks) in BLIND.items():
        punten, max_ = cijfers[naam]
        assert max_ == maximum
        assert punten == verwacht_blind(keys, cat, ks), naam
        assert punten <= maximum / 3, (naam, punten, maximum)
        regels.append(f"{naam}: {punten:g} van {maximum:g}")
    print("\n" + "\n".join(regels))  # the figures for the note (pytest -s)
    # The category weighs at least as much as the kenmerken.
    assert PUNTEN_CATEGORIE >= PUNTEN_KENMERKEN


def test_the_set_is_balanced_so_the_bound_holds(cursus):
    per_categorie = Counter(s.label for s in cursus["keys"])
    assert len(set(per_categorie.values())) == 1 and set(per_categorie) == set(CATEGORIEEN)


# --- 2. the pass mark ------------------------------------------------------------------------------


def test_pass_mark_in_the_feedback_page(cursus):
    maximum = len(cursus["keys"]) * PER_CASUS
    g = grens(BEOORDELEN, maximum)
    assert g == pytest.approx(maximum * 2 / 3)
    goed = _feedback(cursus["map"], BEOORDELEN, "eerlijk")
    assert f"Je resultaat: voldoende. De grens is {g:g} van de {maximum} punten." in goed
    slecht = _feedback(cursus["map"], BEOORDELEN, "blind_gebiedsgericht_vijf")
    assert "Je resultaat: onvoldoende." in slecht
    assert "Je resultaat: voldoende." in _feedback(cursus["map"], TOEPASSEN, "t_voldoende")
    assert "Je resultaat: onvoldoende." in _feedback(cursus["map"], TOEPASSEN, "t_onvoldoende")
    assert "nog niet bekend" in _feedback(cursus["map"], TOEPASSEN, "t_open")


def test_pass_mark_in_the_rounds_summary(cursus):
    uit = cursus["ronde1"]
    maximum = len(cursus["keys"]) * PER_CASUS
    assert f"Cesuur: voldoende vanaf {grens(BEOORDELEN, maximum):g} van de {maximum} punten." in uit
    voldoende = next(r for r in uit.splitlines() if r.startswith("Voldoende ("))
    onvoldoende = next(r for r in uit.splitlines() if r.startswith("Onvoldoende ("))
    assert "eerlijk" in voldoende and "varianten" in voldoende
    assert all(n in onvoldoende for n in BLIND)


@pytest.mark.parametrize("formaat", ["moodle", "canvas"])
def test_pass_mark_column_in_the_exports(cursus, formaat):
    rijen = cursus[formaat]
    kop = rijen[0]
    maximum = len(cursus["keys"]) * PER_CASUS
    i = kop.index(BEOORDELEN)
    assert (
        kop[i + 1] == f"{BEOORDELEN} resultaat (voldoende vanaf {grens(BEOORDELEN, maximum):g} van {maximum})"
    )
    j = kop.index(TOEPASSEN)
    assert kop[j + 1].startswith(f"{TOEPASSEN} resultaat (voldoende vanaf ")
    kolom = 0 if formaat == "moodle" else 3
    per = {r[kolom]: r for r in rijen[1:] if r[0] != "Points Possible"}
    if formaat == "canvas":
        assert rijen[1][0] == "Points Possible" and rijen[1][i] == str(maximum) and rijen[1][i + 1] == ""
    assert per["eerlijk"][i + 1] == "voldoende" and per["eerlijk"][j + 1] == "voldoende"
    assert per["blind_wijkaanpak_alle"][i + 1] == "onvoldoende"
    assert per["t_onvoldoende"][j + 1] == "onvoldoende" and per["t_open"][j + 1] == "nog open"


def test_pass_mark_in_the_class_overview(cursus, tmp_path):
    res = draai(
        BIN / "wijkleren",
        "klas",
        "overzicht",
        BEOORDELEN,
        "--cursus",
        cursus["map"],
        "--uit",
        tmp_path,
        cwd=cursus["map"],
    )
    assert "Traceback" not in res.stderr
    html = (tmp_path / f"klasoverzicht-{BEOORDELEN}.html").read_text(encoding="utf-8")
    assert re.search(
        r"<strong>2</strong> voldoende en <strong>9</strong> onvoldoende \(voldoende vanaf \d+ van de \d+ punten\)",
        html,
    )


# --- 3. part 2: three-way advice with levels and anchors --------------------------------------------


def _bron(map_: Path, soort: str) -> str:
    nb = json.loads((map_ / soort / TOEPASSEN / f"{TOEPASSEN}.ipynb").read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"])


def test_part2_is_three_way_advice_with_levels_and_anchors(cursus):
    bron = _bron(cursus["map"], "source")
    assert "geen gebiedsgericht werken" in bron and "sectorale aanpak" in bron
    assert "**Vraag 3.** De wethouder vraagt je om advies." in bron
    for niveau in ("onvoldoende", "voldoende", "goed"):
        assert f"| {niveau} |" in bron  # the beoordelingsschema, with levels
        assert f"*{niveau.capitalize()} (" in bron  # one anchor answer per level
    assert bron.count("**Ankerantwoorden: bij elk niveau één voorbeeld**") == 4
    vrij = _bron(cursus["map"], "release")
    assert "| voldoende |" in vrij  # learners see the levels ...
    assert "Ankerantwoorden" not in vrij and "MARK SCHEME" not in vrij  # ... not the anchors


def test_formgrader_shows_the_levels_and_anchors_to_the_trainer(cursus):
    with formgrader(cursus["map"], app="lab") as (_, haal):
        with Gradebook(f"sqlite:///{cursus['map'] / 'gradebook.db'}") as gb:
            nb_id = gb.find_submission_notebook(TOEPASSEN, TOEPASSEN, "t_voldoende").id
        pagina = haal(f"/formgrader/submissions/{nb_id}")
    assert "Ankerantwoorden" in pagina and "Beoordelingsschema" in pagina
    assert "Onvoldoende (" in pagina and "Goed (" in pagina


# --- 4. rotation -------------------------------------------------------------------------------------


def test_rotation_draws_the_same_mix_with_few_shared_cases(monkeypatch):
    monkeypatch.setenv(TOETS_VAR, str(ROOT / "exercises" / "toetspool"))
    rondes = [kies_casussen(ronde=n) for n in (1, 2, 3)]
    mix = [Counter((groep(c), c.moeilijkheid) for c in k.beoordelen) for k in rondes]
    groepen = [Counter(groep(c) for c in k.beoordelen) for k in rondes]
    assert groepen[0] == groepen[1] == groepen[2] == {g: len(m) for g, m in MIX.items()}
    assert mix[0] == mix[1]  # the same difficulty too, where the pool allows it
    assert [groep(c) for c in rondes[0].toepassen] == [groep(c) for c in rondes[1].toepassen]
    assert groep(rondes[0].advies) == groep(rondes[1].advies) == "sectoraal"
    gedeeld = overlap(rondes[0], rondes[1])
    print(
        f"\noverlap ronde 1 en 2: {len(rondes[0].ids & rondes[1].ids)} van {len(rondes[0].ids)} casussen ({gedeeld:.0%})"
    )
    assert gedeeld <= 0.2  # consecutive rounds share (almost) nothing while the pool lasts
    assert kies_casussen(ronde=1).ids == rondes[0].ids  # a round is reproducible


def test_a_trainer_still_chooses_own_cases_and_round_two_differs(cursus, tmp_path):
    map_ = tmp_path / "cursus"
    map_.mkdir()
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", map_)
    eerste = [s.casus for s in cursus["keys"]][:8]
    res = draai(
        BIN / "wijkleren", "opdracht", "maak", "--cursus", map_, "--casussen", ",".join(eerste), cwd=map_
    )
    assert f"Deel 1: {', '.join(eerste)}." in res.stdout
    res = draai(BIN / "wijkleren", "opdracht", "maak", "--cursus", map_, "--ronde", "2", cwd=map_, ok=False)
    assert res.returncode == 1 and "--overschrijf" in res.stderr  # never replaced silently
    draai(BIN / "wijkleren", "opdracht", "maak", "--cursus", map_, "--ronde", "2", "--overschrijf", cwd=map_)
    ronde2 = {s.casus for s in sleutels(map_)}
    assert ronde2 != {s.casus for s in cursus["keys"]}


# --- 5. answers without code -----------------------------------------------------------------------


def test_words_only_answers_pass_the_self_check(cursus):
    for wie in ("eerlijk", "varianten"):
        ok, tekst = rapport(cursus["map"] / "submitted" / wie / BEOORDELEN / f"{BEOORDELEN}.ipynb")
        assert ok, tekst
    release = cursus["map"] / "release" / BEOORDELEN / f"{BEOORDELEN}.ipynb"
    nb = json.loads(release.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        meta = c["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            assert "".join(c["source"]).strip() == f"{MAGIE}\n{ANTWOORD_STUB}"  # nothing but words
    ok, tekst = rapport(release)
    assert not ok and "Typ de soort aanpak in gewone woorden" in tekst and "aanhalingstekens" not in tekst


def test_feedback_explains_the_decisive_kenmerk(cursus):
    html = _feedback(cursus["map"], BEOORDELEN, "blind_niet_gebiedsgericht_geen")
    assert "Met jouw kenmerken is de uitkomst van de beslisregel" in html
    assert "Het kenmerk dat de doorslag geeft" in html or "Alle negen kenmerken" in html


# --- 6. certificates ---------------------------------------------------------------------------------


def test_certificates_for_those_at_or_above_the_pass_mark(cursus, tmp_path, browser):
    uit = tmp_path / "bewijzen"
    res = draai(
        BIN / "wijkleren",
        "klas",
        "certificaten",
        "--cursus",
        cursus["map"],
        "--uit",
        uit,
        "--datum",
        "2026-03-01",
        cwd=cursus["map"],
    )
    assert "1 bewijzen van deelname gemaakt" in res.stdout  # only eerlijk is voldoende on both parts
    assert "t_open" in res.stderr  # hand grading still open: told, and no certificate
    html_bestanden = sorted(uit.glob("*.html"))
    pdfs = sorted(uit.glob("*.pdf"))
    assert [p.stem for p in html_bestanden] == [p.stem for p in pdfs] == ["bewijs-eerlijk"]
    html = html_bestanden[0].read_text(encoding="utf-8")
    assert "Anna de Vries" in html and "1 maart 2026" in html and "Bewijs van deelname" in html
    assert 'lang="nl"' in html and "voldoende" in html
    data = pdfs[0].read_bytes()
    assert data.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?!s)", data)) == 1


def test_certificate_escapes_names_and_fits_one_page(tmp_path, pagina):
    import datetime as dt

    from wijkleren.trainer.certificaat import Certificaat, bestandsnaam, maak_html, schrijf

    c = Certificaat("../x[1]*", '<img src=x onerror="window.fout=1">' + "Lange Naam " * 12, dt.date(2026, 3, 1),
                    ((BEOORDELEN, 60.0, 72.0), (TOEPASSEN, 12.0, 18.0)))  # fmt: skip
    html = maak_html(c)
    assert "<img" not in html and "&lt;img" in html
    assert "/" not in bestandsnaam(c.deelnemer) and bestandsnaam(c.deelnemer) != bestandsnaam("__x_1__")
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as draad:  # the browser fixture holds Playwright in this thread
        paden = draad.submit(schrijf, [c], tmp_path).result()
    pdf = next(p for p in paden if p.suffix == ".pdf")
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes())) == 1
    pagina.set_content(html)
    assert pagina.evaluate("window.fout") is None
    assert not pagina.bewaker.extern
