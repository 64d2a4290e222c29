"""The exercise notebooks in a real JupyterLab: run the first cell as a learner does, answer, check."""

import json
import os
import signal
import subprocess
import time
import urllib.request

import jupytext
import pytest
from conftest import AXE, ROOT, Bewaker

from wijkleren import oefeningen as o
from wijkleren.starten import lab_commando, vrije_poort

pytestmark = pytest.mark.xdist_group("lab")

NOTEBOOKS = {
    "oefening_1_twee_soorten": "indelen-twee",
    "oefening_2_kenmerken": "kenmerken",
    "oefening_3_beslisregel": "beslisregel",
    "oefening_4_drie_soorten": "indelen-drie",
    "oefening_5_spectrum": "spectrum",
}


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on a free loopback port, token off (as `make start`), over fresh .ipynb copies."""
    map_ = tmp_path_factory.mktemp("lab")
    werk = map_ / "notebooks"
    werk.mkdir()
    for naam in NOTEBOOKS:
        nb = jupytext.read(ROOT / "notebooks" / f"{naam}.md")
        jupytext.write(nb, werk / f"{naam}.ipynb")
    # No news prompt over the page; settings and workspaces outside the learner's own.
    instellingen = map_ / "instellingen" / "@jupyterlab" / "apputils-extension"
    instellingen.mkdir(parents=True)
    (instellingen / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    poort = vrije_poort()
    cmd = [
        a
        for a in lab_commando(poort, False)
        if not a.startswith(("--ServerApp.root_dir", "--LabApp.default"))
    ]
    cmd += [
        f"--ServerApp.root_dir={werk}",
        f"--LabApp.user_settings_dir={map_ / 'instellingen'}",
        f"--LabApp.workspaces_dir={map_ / 'werkruimtes'}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    log = open(map_ / "lab.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=werk, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{basis}/api/status", timeout=1)
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail((map_ / "lab.log").read_text()[-3000:])
                time.sleep(0.25)
        yield basis
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


@pytest.fixture(scope="session")
def labpagina(lab, browser):
    """JupyterLab open in one page; each test opens a notebook from the file browser, as a learner does."""
    ctx = browser.new_context(viewport={"width": 1300, "height": 1000})
    page = ctx.new_page()
    page.bewaker = Bewaker(page)
    page.goto(f"{lab}/lab?reset")
    page.locator(".jp-DirListing-item").first.wait_for(timeout=60000)
    yield page
    ctx.close()


PANEEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def start_notebook(pagina, naam):
    """Double-click the notebook, then click ▶ in the toolbar: its first cell shows the exercise."""
    pagina.locator(".jp-DirListing-item", has_text=f"{naam}.ipynb").dblclick()
    paneel = pagina.locator(PANEEL)
    paneel.locator(".jp-MarkdownCell .jp-RenderedMarkdown").first.wait_for(timeout=60000)
    # Ready when the kernel is named and idle at the same moment (before it attaches, it is also "idle").
    pagina.wait_for_function(
        """p => { const k = document.querySelector(p + ' .jp-KernelName');
                  const s = document.querySelector(p + ' .jp-Notebook-ExecutionIndicator');
                  return k && /Python/.test(k.textContent) && s && s.dataset.status === 'idle'; }""",
        arg=PANEEL,
        timeout=60000,
    )
    eerste = paneel.locator(".jp-Cell").first
    if "jp-mod-active" not in eerste.get_attribute("class"):  # opened before: back to the top
        paneel.locator(".jp-MarkdownCell").first.click()
        pagina.keyboard.press("Escape")
        pagina.keyboard.press("ArrowUp")
    assert "jp-mod-active" in eerste.get_attribute("class")
    paneel.locator('.jp-Toolbar [data-command="notebook:run-cell-and-select-next"]').click()
    oef = paneel.locator(".wl-oefening")
    oef.locator(".wl-knop").first.wait_for(timeout=60000)
    assert not eerste.locator(".cm-editor").is_visible()  # the code stays hidden
    return oef


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


def feedback(oef) -> str:
    fb = oef.locator(".wl-feedback, [role='alert']").last
    fb.wait_for(timeout=15000)
    return fb.inner_text()


@pytest.mark.parametrize("naam", NOTEBOOKS)
def test_notebook_runs_answers_and_gives_the_books_feedback(naam, labpagina):
    pagina = labpagina
    data = o.oefendata(NOTEBOOKS[naam])
    item = data["items"][0]
    oef = start_notebook(pagina, naam)
    assert item["titel"] in oef.locator("h3").first.inner_text()
    assert axe_op_de_uitvoer(pagina) == []

    if data["soort"] == "kiezen":
        keuze = data["keuzes"][-1]
        oef.get_by_role("button", name=keuze["naam"], exact=True).click()
        verwacht = o.beoordeel(data, item, keuze["code"])["zinnen"]
        tekst = feedback(oef)
        assert verwacht[0] in tekst and verwacht[-1] in tekst
    elif data["soort"] == "kenmerken":
        eerste = data["kenmerken"][0]
        oef.get_by_label(eerste["naam"], exact=True).check()
        oef.get_by_role("button", name=data["teksten"]["controleer"], exact=True).click()
        tekst = feedback(oef)
        for zin in o.beoordeel(data, item, [eerste["code"]])["zinnen"]:
            assert zin in tekst
    else:
        oef.get_by_role("button", name=data["teksten"]["ja"], exact=True).click()
        assert o.stap(data, item, 0, True)["zin"] in feedback(oef)

    assert oef.get_by_text(o.voortgang(data, o.nieuwe_stand(data))["ronde"]).count() == 0
    assert "Ronde 1:" in oef.inner_text() and "van de 1 goed tot nu toe" in oef.inner_text()
    assert axe_op_de_uitvoer(pagina) == []
    assert pagina.bewaker.extern == []


def test_notebook_by_keyboard_only(labpagina):
    pagina = labpagina
    data = o.oefendata("indelen-twee")
    item = data["items"][0]
    oef = start_notebook(pagina, "oefening_1_twee_soorten")
    oef.get_by_role("button", name=data["keuzes"][0]["naam"], exact=True).focus()
    for keuze in data["keuzes"]:
        if keuze["code"] == item["goed"]:
            break
        pagina.keyboard.press("Tab")
    pagina.keyboard.press("Enter")
    assert item["feedback"][item["goed"]] in feedback(oef)
    # Focus moves to "Volgende casus"; Enter shows the next casus with focus on its first answer.
    heeft_focus = "tekst => document.activeElement && document.activeElement.textContent === tekst"
    pagina.wait_for_function(heeft_focus, arg=data["teksten"]["volgende"], timeout=10000)
    pagina.keyboard.press("Enter")
    oef.get_by_text(data["items"][1]["titel"]).wait_for(timeout=10000)
    pagina.wait_for_function(heeft_focus, arg=data["keuzes"][0]["naam"], timeout=10000)
    pagina.keyboard.press("Enter")
    assert data["items"][1]["feedback"][data["keuzes"][0]["code"]] in feedback(oef)
    assert pagina.bewaker.extern == []
