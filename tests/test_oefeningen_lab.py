"""The learner's JupyterLab, as `make start` runs it, in real Chromium.

Open a notebook -> the exercise is there -> answer -> restart the kernel -> progress still
there; no nbgrader, no .md twins, a token in the address, no "modified" mark on open.
"""

import json
import os
import signal
import subprocess
import urllib.error
import urllib.request

import pytest
from helpers.browser import AXE, Bewaker
from helpers.paden import ROOT

from wijkleren.oefeningen import oefendata as o
from wijkleren.oefeningen import onderdelen
from wijkleren.starten import (
    deelnemer_config,
    lab_adres,
    lab_commando,
    lab_omgeving,
    leerling_notebooks,
    maak_notebooks,
    vrije_poort,
)

pytestmark = pytest.mark.xdist_group("lab")

NOTEBOOKS = {
    "oefening_1_twee_soorten": "indelen-twee",
    "oefening_2_kenmerken": "kenmerken",
    "oefening_3_beslisregel": "beslisregel",
    "oefening_4_drie_soorten": "indelen-drie",
    "oefening_5_spectrum": "spectrum",
}
# Notebooks with another part of the component (issue 15): the branching scenario.
ANDERE = {"oefening_6_scenario": "scenario"}
TOKEN = "proef-token-voor-de-test"


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """The learner's lab as starten.main starts it, over notebooks made by maak_notebooks.

    Its own Jupyter data, runtime and settings folders, so the test touches nothing of a user's.
    """
    map_ = tmp_path_factory.mktemp("lab")
    werk = map_ / "notebooks"
    werk.mkdir()
    for tekst in [*leerling_notebooks(), ROOT / "notebooks" / "klasoverzicht.md"]:
        (werk / tekst.name).write_text(tekst.read_text(encoding="utf-8"), encoding="utf-8")
    eigen = {"JUPYTER_DATA_DIR": str(map_ / "data"), "JUPYTER_RUNTIME_DIR": str(map_ / "runtime")}
    oud = {k: os.environ.get(k) for k in eigen}
    os.environ.update(eigen)
    try:
        maak_notebooks(werk)  # signs into this data folder's trust database
        poort = vrije_poort()
        cmd = lab_commando(poort, False, werk) + [
            f"--LabApp.user_settings_dir={map_ / 'instellingen'}",
            f"--LabApp.workspaces_dir={map_ / 'werkruimtes'}",
        ]
        log = open(map_ / "lab.log", "w")  # noqa: SIM115
        proc = subprocess.Popen(
            cmd,
            cwd=werk,
            env=lab_omgeving(TOKEN, deelnemer_config(map_ / "config")),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            info = lab_adres(proc.pid, 120, proc)
            if info is None:
                pytest.fail((map_ / "lab.log").read_text()[-3000:])
            yield {"basis": f"http://127.0.0.1:{info['port']}", "map": werk, "info": info}
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
            log.close()
    finally:
        for k, v in oud.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def labcontext(lab, browser):
    ctx = browser.new_context(viewport={"width": 1300, "height": 1000})
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def labpagina(lab, labcontext):
    """JupyterLab opened from the address the banner prints (token in it): no login page."""
    page = labcontext.new_page()
    page.bewaker = Bewaker(page)
    page.goto(f"{lab['basis']}/lab/tree/start.ipynb?token={TOKEN}")
    page.locator(".jp-DirListing-item").first.wait_for(timeout=60000)
    return page


PANEEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def open_notebook(pagina, naam):
    """Double-click the notebook in the file browser; the exercise is there without running anything."""
    pagina.locator(".jp-DirListing-item", has_text=f"{naam}.ipynb").dblclick()
    paneel = pagina.locator(PANEEL)
    oef = paneel.locator(".wl-oefening")
    oef.locator(".wl-knop").first.wait_for(timeout=60000)
    wacht_op_kernel(pagina)
    return oef


def wacht_op_kernel(pagina):
    # Ready when the kernel is named and idle at the same moment (before it attaches, it is also "idle").
    pagina.wait_for_function(
        """p => { const k = document.querySelector(p + ' .jp-KernelName');
                  const s = document.querySelector(p + ' .jp-Notebook-ExecutionIndicator');
                  return k && /Python/.test(k.textContent) && s && s.dataset.status === 'idle'; }""",
        arg=PANEEL,
        timeout=60000,
    )


def sluit_tab(pagina, naam):
    """Close the notebook's tab; asked to save, close without saving (the warning button)."""
    tab = pagina.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=f"{naam}.ipynb")
    tab.locator(".lm-TabBar-tabCloseIcon").click()
    for _ in range(40):
        if pagina.locator(".jp-Dialog .jp-mod-warn").count():
            pagina.locator(".jp-Dialog .jp-mod-warn").click()
        if tab.count() == 0:
            return
        pagina.wait_for_timeout(250)
    raise AssertionError("the notebook did not close")


def axe_op_de_uitvoer(pagina) -> list[dict]:
    """axe (WCAG 2.1 A+AA) on the exercise's output. JupyterLab's own chrome is left out: it has
    violations of its own (toolbar jp-button aria attributes, the code editor's missing name)."""
    if not pagina.evaluate("typeof axe !== 'undefined'"):
        pagina.add_script_tag(path=str(AXE))
    return pagina.evaluate(
        """async PANEEL => {
            const r = await axe.run({include: [[PANEEL + ' .jp-OutputArea-output']]}, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
            return r.violations.map(v => ({id: v.id, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }""",
        PANEEL,
    )


def antwoord_eerste(oef, data) -> str:
    """Answer the first question; return the verdict line that must appear."""
    item = data["items"][0]
    if data["soort"] == "kiezen":
        keuze = data["keuzes"][-1]
        oef.get_by_role("button", name=keuze["naam"], exact=True).click()
        return item["feedback"][keuze["code"]]
    logica = "([f, a]) => WijklerenOefeningen.logica[f](...a)"
    if data["soort"] == "kenmerken":
        oef.get_by_label(data["kenmerken"][0]["naam"], exact=True).check()
        oef.get_by_role("button", name=data["teksten"]["controleer"], exact=True).click()
        oordeel = oef.page.evaluate(logica, ["beoordeel", [data, item, [data["kenmerken"][0]["code"]]]])
        return oordeel["blokken"][0]["tekst"]  # the score, "n van 9"
    # The rule: "Ja" until the path ends at the casus's first missing kenmerk; that step is wrong.
    ja = oef.get_by_role("button", name=data["teksten"]["ja"], exact=True)
    stappen = []
    for nr, stap in enumerate(data["regel"]):
        ja.click()
        stappen.append(oef.page.evaluate(logica, ["stap", [data, item, nr, True]]))
        if stap["kenmerk"] not in item["aanwezig"]:
            break
    oordeel = oef.page.evaluate(logica, ["stappenOordeel", [data, item, stappen]])
    return oordeel["blokken"][0]["tekst"]


def bewaard(pagina, naam):
    ruw = pagina.evaluate(f"localStorage.getItem('wijkleren:oefening:{naam}')")
    return None if ruw is None else json.loads(ruw)


def test_the_lab_is_private_without_nbgrader_and_shows_only_the_notebooks(lab, labpagina):
    basis = lab["basis"]
    with pytest.raises(urllib.error.HTTPError) as fout:
        urllib.request.urlopen(f"{basis}/api/contents", timeout=10)
    assert fout.value.code == 403  # no token, no entry
    with urllib.request.urlopen(f"{basis}/api/contents?token={TOKEN}", timeout=10) as r:
        namen = sorted(i["name"] for i in json.load(r)["content"])
    assert namen == sorted(["start.ipynb", *(f"{n}.ipynb" for n in {**NOTEBOOKS, **ANDERE})])
    for pad in ("formgrader", "assignments", "formgrader/api/assignments"):
        with pytest.raises(urllib.error.HTTPError) as fout:
            urllib.request.urlopen(f"{basis}/{pad}?token={TOKEN}", timeout=10)
        assert fout.value.code == 404, pad
    pagina = labpagina
    zichtbaar = pagina.locator(".jp-DirListing-item .jp-DirListing-itemText").all_inner_texts()
    assert sorted(zichtbaar) == namen
    pagina.locator(PANEEL).locator(".jp-MarkdownCell").first.wait_for(timeout=60000)
    menus = pagina.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Nbgrader" not in menus and "Uitvoeren" in menus, menus
    assert pagina.get_by_role("button", name="Validate").count() == 0
    assert pagina.locator(".lm-TabBar-tab.jp-mod-dirty").count() == 0
    assert pagina.bewaker.extern == []


@pytest.mark.parametrize("naam", NOTEBOOKS)
def test_notebook_opens_with_the_exercise_and_keeps_progress_over_a_kernel_restart(naam, labpagina):
    pagina = labpagina
    data = o.oefening_data(NOTEBOOKS[naam])
    oef = open_notebook(pagina, naam)
    assert data["items"][0]["titel"] in oef.locator("h3").first.inner_text()
    assert pagina.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").count() == 0  # not "modified"
    assert (
        not pagina.locator(PANEEL).locator(".jp-Cell .cm-editor").first.is_visible()
    )  # the code stays hidden
    assert axe_op_de_uitvoer(pagina) == []

    verwacht = antwoord_eerste(oef, data)
    assert verwacht in oef.locator(".wl-feedback").inner_text()
    assert (
        "Ronde 1: 1 van de 1 goed tot nu toe" in oef.inner_text() or "Ronde 1: 0 van de 1" in oef.inner_text()
    )
    opgeslagen = bewaard(pagina, NOTEBOOKS[naam])
    assert opgeslagen["versie"] == 1 and opgeslagen["stand"]["ronde"]["totaal"] == 1
    assert axe_op_de_uitvoer(pagina) == []

    # Restart the kernel from the toolbar, as a learner would. The exercise keeps working.
    pagina.locator(PANEEL).locator('.jp-Toolbar [data-command="notebook:restart-kernel"]').click()
    pagina.locator(".jp-Dialog .jp-mod-accept").click()
    wacht_op_kernel(pagina)
    ronde = oef.locator(".wl-ronde").inner_text()
    assert ronde.startswith("Ronde 1:") and "van de 1" in ronde
    if data["soort"] != "stappen":
        oef.locator(".wl-volgende").click()
        assert oef.locator(".wl-teller").inner_text() == o.TEKSTEN["teller"].format(
            ronde=1, nr=2, totaal=data["ronde"]
        )

    # The one instruction sentence works: menu Uitvoeren, 'Run All Cells'. A new widget, same progress.
    pagina.locator(".lm-MenuBar-itemLabel", has_text="Uitvoeren").click()
    pagina.locator(".lm-Menu").get_by_text("Run All Cells", exact=True).click()
    pagina.wait_for_timeout(500)
    oef = pagina.locator(PANEEL).locator(".wl-oefening")
    oef.locator(".wl-ronde").wait_for(timeout=30000)
    assert oef.locator(".wl-ronde").inner_text() == ronde
    assert oef.count() == 1

    # Close without saving, open again: still there.
    sluit_tab(pagina, naam)
    oef = open_notebook(pagina, naam)
    assert oef.locator(".wl-ronde").inner_text() == ronde
    sluit_tab(pagina, naam)
    assert pagina.bewaker.extern == []


def test_corrupt_progress_gives_a_dutch_note_and_a_fresh_start(labpagina):
    pagina = labpagina
    pagina.evaluate(
        'localStorage.setItem(\'wijkleren:oefening:spectrum\', \'{"versie": 1, "stand": {"rij": 5}}\')'
    )
    oef = open_notebook(pagina, "oefening_5_spectrum")
    assert oef.locator(".wl-melding").inner_text() == o.TEKSTEN["beschadigd"]
    data = o.oefening_data("spectrum")
    assert oef.locator(".wl-titel").inner_text() == data["items"][0]["titel"]
    assert bewaard(pagina, "spectrum") is None
    sluit_tab(pagina, "oefening_5_spectrum")


def test_start_over_asks_first_and_the_keyboard_works(labpagina):
    pagina = labpagina
    data = o.oefening_data("indelen-twee")
    item = data["items"][0]
    oef = open_notebook(pagina, "oefening_1_twee_soorten")
    oef.locator(".wl-opnieuw").click()
    oef.get_by_role("button", name=o.TEKSTEN["opnieuw_ja"]).click()
    assert bewaard(pagina, "indelen-twee") is None
    oef.get_by_role("button", name=data["keuzes"][0]["naam"], exact=True).focus()
    for keuze in data["keuzes"]:
        if keuze["code"] == item["goed"]:
            break
        pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    assert item["feedback"][item["goed"]] in oef.locator(".wl-feedback").inner_text()
    heeft_focus = "tekst => document.activeElement && document.activeElement.textContent === tekst"
    pagina.wait_for_function(heeft_focus, arg=data["teksten"]["volgende"], timeout=10000)
    pagina.keyboard.press("Enter")
    oef.get_by_text(data["items"][1]["titel"]).wait_for(timeout=10000)
    sluit_tab(pagina, "oefening_1_twee_soorten")
    assert pagina.bewaker.extern == []


def test_lab_progress_is_the_books_progress(lab, labpagina, boekserver, pagina):
    """The same key and format: what the lab saved, the book's page reads as its own."""
    opgeslagen = labpagina.evaluate("localStorage.getItem('wijkleren:oefening:indelen-twee')")
    assert opgeslagen is not None
    pagina.goto(f"{boekserver}/book/07a_twee_soorten.html", wait_until="networkidle")
    pagina.evaluate("w => localStorage.setItem('wijkleren:oefening:indelen-twee', w)", opgeslagen)
    pagina.reload(wait_until="networkidle")
    pagina.wait_for_selector("[data-oefening][data-klaar]")
    stand = json.loads(opgeslagen)["stand"]
    assert pagina.locator(".wl-ronde").inner_text().startswith(f"Ronde {stand['ronde']['nr']}:")
    assert pagina.locator(".wl-melding").is_hidden()


def test_the_new_feedback_the_review_line_and_the_scenario_run_in_the_lab(labpagina):
    """Issue 15 in JupyterLab: marks, pitfall and misconception after a wrong answer; the start
    page's "Herhaling" line from the same storage; the scenario notebook plays."""
    pagina = labpagina
    pagina.evaluate("localStorage.removeItem('wijkleren:oefening:indelen-drie')")
    data = o.oefening_data("indelen-drie")
    item = data["items"][0]
    oef = open_notebook(pagina, "oefening_4_drie_soorten")
    fout = next(k for k in data["keuzes"] if k["code"] != item["goed"])
    oef.get_by_role("button", name=fout["naam"], exact=True).click()
    if item["bewijs"]:
        oef.locator(".wl-tekst mark.wl-bewijs").first.wait_for(timeout=10000)
        assert oef.locator(".wl-legenda").is_visible()
    assert oef.locator(".wl-misvatting span").nth(1).inner_text() == item["misvatting"][fout["code"]]
    if item["valkuil"]:
        assert oef.locator(".wl-valkuil span").nth(1).inner_text() == item["valkuil"]
    assert oef.locator(".wl-meester").inner_text()
    assert axe_op_de_uitvoer(pagina) == []
    sluit_tab(pagina, "oefening_4_drie_soorten")

    # The miss is due tomorrow; make it yesterday's, as if a day went by: the start page counts it.
    if pagina.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text="start.ipynb").count():
        sluit_tab(pagina, "start")
    pagina.evaluate(
        """() => { const k = 'wijkleren:oefening:indelen-drie'; const w = JSON.parse(localStorage.getItem(k));
                   w.stand.herhaling.forEach(h => { h[2] -= 2; }); localStorage.setItem(k, JSON.stringify(w)); }"""
    )
    pagina.locator(".jp-DirListing-item", has_text="start.ipynb").dblclick()
    teller = pagina.locator(PANEEL).locator(".wl-herhaling-teller .wl-teller-zin")
    teller.wait_for(timeout=60000)
    assert teller.inner_text() == o.HERHALING_TEKSTEN["klaar_een"]
    assert axe_op_de_uitvoer(pagina) == []
    sluit_tab(pagina, "start")

    scen = onderdelen.onderdeel("scenario")
    pagina.evaluate(f"localStorage.removeItem('wijkleren:oefening:{scen['id']}')")
    oef = open_notebook(pagina, "oefening_6_scenario")
    eerste = scen["punten"][scen["start"]]
    assert oef.locator(".wl-titel").inner_text() == eerste["titel"]
    oef.locator(f'[data-optie="{eerste["opties"][0]["id"]}"]').click()
    assert oef.locator(".wl-gevolgen li").count() == 3
    assert axe_op_de_uitvoer(pagina) == []
    sluit_tab(pagina, "oefening_6_scenario")
    assert pagina.bewaker.extern == []
