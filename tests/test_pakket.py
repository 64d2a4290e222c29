"""make pakket: the site zip (any server, any sub-path, file://) and the SCORM 1.2 package in a
real SCORM runtime (scorm-again, npm) in Chromium.

The "LMS" here is a page on 127.0.0.1 that does what a learning platform does: it creates
window.API with scorm-again, loads the CMI data of an earlier attempt, and opens the package's
launch page (read from imsmanifest.xml) in a frame. Commits go to the test server, as to an LMS.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest
from helpers.browser import axe_schendingen
from helpers.paden import ROOT
from lxml import etree

from wijkleren.lms import pakket

pytestmark = pytest.mark.xdist_group("pakket")

SCORM_AGAIN = ROOT / "node_modules" / "scorm-again" / "dist" / "scorm12.min.js"
NS = {"cp": pakket.NS_CP, "adlcp": pakket.NS_ADLCP}


@pytest.fixture(scope="module")
def dist(boek, tmp_path_factory) -> Path:
    """Both zips, made by the same command as `make pakket` (after `make boek`)."""
    doel = tmp_path_factory.mktemp("dist")
    res = subprocess.run(
        [sys.executable, "-m", "wijkleren.lms.pakket", "--boek", str(boek), "--doel", str(doel)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    for naam in (pakket.SITE_ZIP, pakket.SCORM_ZIP):
        grootte = (doel / naam).stat().st_size
        print(f"\n{naam}: {grootte} bytes ({grootte / 1e6:.2f} MB)")
    return doel


def _uitpakken(zip_pad: Path, doel: Path) -> Path:
    with zipfile.ZipFile(zip_pad) as z:
        z.extractall(doel)
    return doel


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True


def _server(map_: Path, lms: dict | None = None):
    """A loopback server for map_; with lms: also /lms/ (scorm-again and the player page) and commits."""
    paden: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            paden.append(self.path)
            if lms is not None and self.path == "/lms/scorm12.min.js":
                return self._stuur(SCORM_AGAIN.read_bytes(), "text/javascript")
            if lms is not None and self.path.startswith("/lms/speler.html"):
                return self._stuur(
                    SPELER.replace("LAUNCH", lms["launch"]).encode(), "text/html; charset=utf-8"
                )
            return super().do_GET()

        def do_POST(self):
            paden.append(self.path)
            lengte = int(self.headers.get("Content-Length", 0))
            lms["commits"].append(json.loads(self.rfile.read(lengte) or b"{}"))
            self._stuur(b'{"result": true, "errorCode": 0}', "application/json")

        def _stuur(self, body: bytes, soort: str):
            self.send_response(200)
            self.send_header("Content-Type", soort)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = _Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(map_)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, paden


def _wachter(page):
    """Requests that leave this machine, and page errors (console errors and exceptions)."""
    buiten: list[str] = []
    fouten: list[str] = []

    def verzoek(req):
        url = urlparse(req.url)
        if url.scheme in ("data", "blob", "about", "file"):
            return
        if url.hostname not in ("127.0.0.1", "localhost"):
            buiten.append(req.url)

    page.on("request", verzoek)
    page.on("console", lambda m: m.type == "error" and fouten.append(m.text))
    page.on("pageerror", lambda e: fouten.append(str(e)))
    return buiten, fouten


def _oefenpagina(html: Path, soort: str = "kiezen") -> tuple[str, str]:
    """(page, exercise id) of a book page with an exercise of this soort."""
    for pad in sorted(html.glob("book/*.html")):
        for m in re.finditer(
            r'<script type="application/json" class="wl-data">(.*?)</script>', pad.read_text()
        ):
            data = json.loads(m.group(1))
            if data["soort"] == soort:
                return pad.relative_to(html).as_posix(), data["id"]
    pytest.fail(f"geen oefening van soort {soort} in het boek")


def _beantwoord(frame) -> str:
    """Answer the exercise shown in frame (click the first choice); return the counter text after 'Volgende'."""
    frame.wait_for_selector("[data-oefening][data-klaar] [data-keuze]")
    frame.locator("[data-keuze]").first.click()
    frame.wait_for_selector(".wl-feedback.wl-goed, .wl-feedback.wl-fout")
    frame.locator(".wl-volgende").click()
    return frame.locator(".wl-teller").inner_text()


# --- the site zip ---


def test_site_onder_subpad(dist, boek, browser, tmp_path):
    """Under /cursussen/wijkleren/ on a plain web server: pages, search and an exercise work, and
    every request stays under that path and on this machine."""
    _uitpakken(dist / pakket.SITE_ZIP, tmp_path / "cursussen")
    server, paden = _server(tmp_path)
    basis = f"http://127.0.0.1:{server.server_address[1]}/cursussen/{pakket.SITE_MAP}/"
    ctx = browser.new_context()
    page = ctx.new_page()
    buiten, fouten = _wachter(page)
    try:
        page.goto(basis)
        page.wait_for_url(re.compile(r"/cursussen/wijkleren/book/01_welkom\.html$"))
        assert page.locator("h1").first.inner_text().strip()
        page.locator("a.right-next, .prev-next-area a").last.click()
        page.wait_for_load_state()
        assert page.url.startswith(basis + "book/") and page.url != basis + "book/01_welkom.html"

        page.goto(basis + "search.html?q=wijkaanpak")
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        eerste = page.locator("#search-results ul.search li a").first
        assert eerste.get_attribute("href")
        eerste.click()
        page.wait_for_load_state()
        assert page.url.startswith(basis + "book/")

        oefening, oefening_id = _oefenpagina(boek)
        page.goto(basis + oefening)
        teller = _beantwoord(page)
        assert teller
        assert page.evaluate("k => localStorage.getItem(k) !== null", f"wijkleren:oefening:{oefening_id}")
    finally:
        ctx.close()
        server.shutdown()
    assert not buiten, f"verzoeken naar een andere host: {buiten[:5]}"
    assert not fouten, fouten[:5]
    buiten_pad = [p for p in paden if not p.startswith("/cursussen/wijkleren/")]
    assert not buiten_pad, f"verzoeken buiten het subpad: {buiten_pad[:5]}"


def test_site_via_bestand(dist, boek, browser, tmp_path):
    """From a file share (file://): the start page, search and an exercise work, nothing from outside."""
    map_ = _uitpakken(dist / pakket.SITE_ZIP, tmp_path) / pakket.SITE_MAP
    ctx = browser.new_context()
    page = ctx.new_page()
    buiten, fouten = _wachter(page)
    try:
        page.goto((map_ / "index.html").as_uri())
        page.wait_for_url(re.compile(r"book/01_welkom\.html$"))
        assert page.locator("h1").first.inner_text().strip()
        page.goto((map_ / "search.html").as_uri() + "?q=wijkaanpak")
        page.wait_for_selector("#search-results ul.search li", timeout=15000)
        oefening, _ = _oefenpagina(boek)
        page.goto((map_ / oefening).as_uri())
        assert _beantwoord(page)
        page.reload()
        page.wait_for_selector("[data-oefening][data-klaar]")
        assert page.locator(".wl-rondes li, .wl-ronde").first.inner_text().strip()
    finally:
        ctx.close()
    assert not buiten, f"verzoeken naar een andere host: {buiten[:5]}"
    assert not fouten, fouten[:5]


# --- the SCORM package: the manifest ---


def test_manifest_volgens_schema_en_compleet(dist):
    """imsmanifest.xml at the root, valid against the SCORM 1.2 schema files (imscp + adlcp, with
    xml.xsd), one SCO, and every file of the zip listed."""
    with zipfile.ZipFile(dist / pakket.SCORM_ZIP) as z:
        namen = set(z.namelist())
        xml = z.read("imsmanifest.xml")
        for xsd in pakket.SCHEMAS:
            assert xsd in namen, f"{xsd} hoort in de hoofdmap van het pakket"
    assert pakket.controleer_manifest(xml) == []
    doc = etree.fromstring(xml)
    assert doc.find("cp:metadata/cp:schema", NS).text == "ADL SCORM"
    assert doc.find("cp:metadata/cp:schemaversion", NS).text == "1.2"
    scos = doc.findall(f"cp:resources/cp:resource[@{{{pakket.NS_ADLCP}}}scormtype='sco']", NS)
    assert len(scos) == 1
    gelijst = {f.get("href") for f in scos[0].findall("cp:file", NS)}
    assert gelijst == namen - {"imsmanifest.xml"}
    assert scos[0].get("href") in namen
    assert doc.find(".//adlcp:masteryscore", NS).text == str(pakket.TOETS_GRENS)


def test_schema_controle_kan_falen():
    """The schema check finds a wrong manifest: a second resource without type, a bad scormtype."""
    goed = pakket.manifest(["scorm.html"])
    assert pakket.controleer_manifest(goed) == []
    fout = goed.replace(b'adlcp:scormtype="sco"', b'adlcp:scormtype="les"')
    assert pakket.controleer_manifest(fout)
    zonder = goed.replace(b"<organizations ", b"<organisaties ").replace(
        b"</organizations>", b"</organisaties>"
    )
    assert pakket.controleer_manifest(zonder)


# --- the SCORM package in a real runtime ---

SPELER = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Test-LMS</title><link rel="icon" href="data:,">
<script src="/lms/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({lmsCommitUrl: "/lms/commit", autocommit: false, logLevel: 5});
  if (window.VORIGE) window.API.loadFromJSON(window.VORIGE);
  window.sluit = function () { document.getElementById("sco").remove(); };
</script></head>
<body><main><iframe id="sco" title="Cursus" style="width:100%;height:90vh" src="/pakket/LAUNCH"></iframe></main></body></html>
"""


@pytest.fixture(scope="module")
def lms(dist, tmp_path_factory):
    """The package unpacked on a loopback 'LMS' server: (base url, state with the commits, launch)."""
    map_ = tmp_path_factory.mktemp("lms")
    _uitpakken(dist / pakket.SCORM_ZIP, map_ / "pakket")
    doc = etree.parse(str(map_ / "pakket" / "imsmanifest.xml"))
    sco = doc.find(f"cp:resources/cp:resource[@{{{pakket.NS_ADLCP}}}scormtype='sco']", NS)
    grens = doc.find(".//adlcp:masteryscore", NS).text
    staat = {"commits": [], "launch": sco.get("href"), "grens": grens}
    server, paden = _server(map_, staat)
    yield f"http://127.0.0.1:{server.server_address[1]}", staat
    server.shutdown()


def _start(browser, basis, staat, vorige=None):
    """Launch the SCO as an LMS does; returns (context, page, wrapper frame, checks)."""
    ctx = browser.new_context()  # a fresh browser: no localStorage of an earlier session
    page = ctx.new_page()
    buiten, fouten = _wachter(page)
    cmi = {
        "core": {"student_id": "deelnemer-1", "student_name": "Jansen, Anna"},
        "student_data": {"mastery_score": staat["grens"]},
    }
    if vorige:
        cmi = vorige
    page.add_init_script(f"window.VORIGE = {json.dumps(cmi)};")
    page.goto(f"{basis}/lms/speler.html")
    wrapper = page.frame_locator("#sco")
    wrapper.locator("html[data-wl-scorm]").wait_for(state="attached")
    page.wait_for_function(
        "() => { const f = document.getElementById('sco').contentDocument.getElementById('wl-scorm-boek');"
        " return f && f.contentDocument && f.contentDocument.querySelector('h1') !== null; }"
    )
    return ctx, page, wrapper, (buiten, fouten)


def _frame(page, eindigt: str):
    for f in page.frames:
        if f.url.split("#")[0].endswith(eindigt):
            return f
    raise AssertionError(f"geen frame met {eindigt}: {[f.url for f in page.frames]}")


def _api(page, wat: str):
    return page.evaluate(f"() => window.API.LMSGetValue({json.dumps(wat)})")


def _cmi_na_sluiten(page, staat) -> dict:
    """The learner leaves: the LMS removes the SCO's frame; the wrapper finishes; the last commit."""
    aantal = len(staat["commits"])
    page.evaluate("() => window.sluit()")
    page.wait_for_function("() => window.API.isTerminated()")
    # The commit is an HTTP request to the LMS (this test's server): on a busy machine it may
    # still be on its way when the runtime says it has terminated.
    tot = time.monotonic() + 15
    while len(staat["commits"]) == aantal and time.monotonic() < tot:
        time.sleep(0.05)
    assert len(staat["commits"]) > aantal, "geen commit naar de leeromgeving bij het afsluiten"
    return staat["commits"][-1]["cmi"]


def _hervat(cmi: dict, grens: str) -> dict:
    """What an LMS hands the next attempt: the saved data, entry 'resume', the mastery score."""
    core = {
        k: v
        for k, v in cmi["core"].items()
        if k in ("student_id", "student_name", "lesson_location", "lesson_status", "score")
    }
    core["entry"] = "resume"
    return {"core": core, "suspend_data": cmi["suspend_data"], "student_data": {"mastery_score": grens}}


def test_scorm_hervatten_op_andere_computer(lms, boek, browser):
    """Launch, answer an exercise, report the post-test, leave; relaunch in a fresh browser with the
    saved CMI data: progress, location, status and score come back."""
    basis, staat = lms
    oefening, oefening_id = _oefenpagina(boek)
    ctx, page, wrapper, (buiten, fouten) = _start(browser, basis, staat)
    try:
        assert _api(page, "cmi.core.lesson_status") == "incomplete"
        assert wrapper.locator("#wl-scorm-melding").inner_text().strip()
        _frame(page, "book/01_welkom.html").goto(f"{basis}/pakket/{oefening}")
        teller = _beantwoord(_frame(page, oefening))
        assert _api(page, "cmi.core.lesson_location") == oefening
        suspend = _api(page, "cmi.suspend_data")
        assert suspend.startswith("W1:") and len(suspend) <= 4096
        # The post-test's call, made from a book page (the issue-15 post-test will make it).
        assert _frame(page, oefening).evaluate("() => WijklerenOefeningen.meldToets(7, 8)") == "passed"
        assert _api(page, "cmi.core.score.raw") == "88"
        assert _frame(page, oefening).evaluate("() => WijklerenOefeningen.meldToets(2, 8)") == "passed"
        assert _api(page, "cmi.core.score.raw") == "88", "het beste resultaat telt"
        assert _frame(page, oefening).evaluate("() => WijklerenOefeningen.meldToets(9, 8)") == ""
        bewaard = _frame(page, oefening).evaluate(
            "k => window.parent.wijklerenOpslag.getItem(k)", f"wijkleren:oefening:{oefening_id}"
        )
        # Nothing went to this browser's own storage: the LMS holds it.
        assert (
            _frame(page, oefening).evaluate(
                "k => localStorage.getItem(k)", f"wijkleren:oefening:{oefening_id}"
            )
            is None
        )
        cmi = _cmi_na_sluiten(page, staat)
    finally:
        ctx.close()
    assert cmi["core"]["exit"] == "suspend"
    assert re.fullmatch(r"\d{2,4}:\d\d:\d\d(\.\d{1,2})?", cmi["core"]["session_time"])
    assert not buiten and not fouten, (buiten, fouten)

    ctx, page, wrapper, (buiten, fouten) = _start(browser, basis, staat, _hervat(cmi, staat["grens"]))
    try:
        frame = _frame(page, oefening)  # the wrapper opened the last page
        frame.wait_for_selector("[data-oefening][data-klaar]")
        assert frame.locator(".wl-teller").inner_text() == teller
        assert frame.locator(".wl-melding").is_hidden()
        assert (
            frame.evaluate(
                "k => window.parent.wijklerenOpslag.getItem(k)", f"wijkleren:oefening:{oefening_id}"
            )
            == bewaard
        )
        assert _api(page, "cmi.core.lesson_status") == "passed"
        assert _api(page, "cmi.core.score.raw") == "88"
        assert _api(page, "cmi.core.entry") == "resume"
        _cmi_na_sluiten(page, staat)
    finally:
        ctx.close()
    assert not buiten and not fouten, (buiten, fouten)


def test_scorm_hele_cursus_voltooid_en_toets(lms, boek, browser):
    """A full run: every required page opened makes the status 'completed'; answering every
    exercise keeps suspend_data small; a failed post-test, then a passed one."""
    basis, staat = lms
    inst = pakket.instellingen(boek, ROOT / "_toc.yml")
    ctx, page, wrapper, (buiten, fouten) = _start(browser, basis, staat)
    try:
        frame = _frame(page, "book/01_welkom.html")
        verplicht = [inst["paginas"][i] for i in inst["voltooiing"]]
        for pagina in verplicht:
            assert _api(page, "cmi.core.lesson_status") == "incomplete", f"al voltooid vóór {pagina}"
            frame.goto(f"{basis}/pakket/{pagina}")
            frame.wait_for_load_state()
            if frame.locator("[data-oefening]").count():
                frame.wait_for_selector("[data-oefening][data-klaar]")
                if not frame.locator("[data-keuze], .wl-controleer, .wl-keuzes button").count():
                    continue  # a test, the worksheet or the review line: no exercise to answer
                for _ in range(3):  # three answers in every exercise
                    knoppen = frame.locator("[data-keuze]:enabled, .wl-controleer:enabled")
                    if knoppen.count():
                        knoppen.first.click()
                    while frame.locator(".wl-volgende").is_hidden():
                        frame.locator(".wl-keuzes button:enabled").first.click()
                    frame.locator(".wl-volgende").click()
        assert _api(page, "cmi.core.lesson_status") == "completed"
        suspend = _api(page, "cmi.suspend_data")
        print(f"\nna alle pagina's en 3 antwoorden per oefening: suspend_data {len(suspend)} tekens")
        assert len(suspend) <= 4096
        frame.goto(f"{basis}/pakket/{_oefenpagina(boek)[0]}")  # a page with the exercise script
        frame.wait_for_selector("[data-oefening][data-klaar]")
        assert frame.evaluate("() => WijklerenOefeningen.meldToets(3, 8)") == "failed"
        assert (_api(page, "cmi.core.lesson_status"), _api(page, "cmi.core.score.raw")) == ("failed", "38")
        assert frame.evaluate("() => WijklerenOefeningen.meldToets(8, 8)") == "passed"
        cmi = _cmi_na_sluiten(page, staat)
        print(
            f"LMS ziet: status {cmi['core']['lesson_status']}, score {cmi['core']['score']['raw']}, "
            f"locatie {cmi['core']['lesson_location']}, suspend_data {len(cmi['suspend_data'])} tekens"
        )
        assert cmi["core"]["lesson_status"] == "passed" and cmi["core"]["score"]["raw"] == "100"
    finally:
        ctx.close()
    assert not buiten and not fouten, (buiten, fouten)


def test_scorm_suspend_data_blijft_onder_4096(lms, boek, browser):
    """Hundreds of rounds in every exercise: suspend_data stays within 4096 characters, the newest
    rounds are kept, and every exercise reads its state back without calling it damaged."""
    basis, staat = lms
    ctx, page, wrapper, (buiten, fouten) = _start(browser, basis, staat)
    laatste = {}
    try:
        frame = _frame(page, "book/01_welkom.html")
        paginas = sorted(
            {
                p.relative_to(boek).as_posix()
                for p in boek.glob("book/*.html")
                if re.search(r'"soort":"(kiezen|kenmerken|stappen)"', p.read_text())  # the exercises
            }
        )
        for pagina in paginas:
            frame.goto(f"{basis}/pakket/{pagina}")
            frame.wait_for_selector("[data-oefening][data-klaar]")
            laatste[pagina] = frame.evaluate(
                """() => {
                const data = JSON.parse(document.querySelector("script.wl-data").textContent);
                const L = WijklerenOefeningen.logica;
                let stand = L.nieuweStand(data);
                const codes = (data.kenmerken || []).map(k => k.code);
                for (let i = 0; i < 400 * data.ronde; i++) {
                    const id = L.huidig(stand) || data.items[i % data.items.length].id;
                    const goed = (i * 7) % 5 !== 0;
                    stand = L.verwerk(data, stand, id, goed, goed || !codes.length ? [] : [codes[i % codes.length]]);
                }
                window.parent.wijklerenOpslag.setItem(L.sleutel(data.id), JSON.stringify(L.bewaarbaar(stand)));
                return {sleutel: L.sleutel(data.id), ronde: stand.rondes[stand.rondes.length - 1]};
            }"""
            )
            assert len(_api(page, "cmi.suspend_data")) <= 4096
        suspend = _api(page, "cmi.suspend_data")
        print(f"\nvolle stand van {len(paginas)} oefeningen: suspend_data {len(suspend)} tekens")
        for pagina, wat in laatste.items():
            frame.goto(f"{basis}/pakket/{pagina}")
            frame.wait_for_selector("[data-oefening][data-klaar]")
            assert frame.locator(".wl-melding").is_hidden(), f"{pagina}: stand beschadigd genoemd"
            terug = json.loads(
                frame.evaluate("k => window.parent.wijklerenOpslag.getItem(k)", wat["sleutel"])
            )
            ronde = terug["stand"]["rondes"][-1]
            assert {k: ronde[k] for k in ("goed", "totaal", "gemist")} == {
                k: wat["ronde"][k] for k in ("goed", "totaal", "gemist")
            }
            assert ronde["nr"] == len(terug["stand"]["rondes"]) == terug["stand"]["ronde"]["nr"] - 1
    finally:
        ctx.close()
    assert not buiten and not fouten, (buiten, fouten)


def test_scorm_zonder_lms_browseropslag(lms, boek, browser):
    """Opened without an LMS, the same package works with the browser's storage, and the wrapper
    page passes axe (WCAG 2.1 AA)."""
    basis, staat = lms
    oefening, oefening_id = _oefenpagina(boek)
    ctx = browser.new_context()
    page = ctx.new_page()
    buiten, fouten = _wachter(page)
    try:
        page.goto(f"{basis}/pakket/{staat['launch']}")
        page.wait_for_selector("html[data-wl-scorm='browser']")
        assert page.locator("#wl-scorm-melding").inner_text().strip()
        assert axe_schendingen(page) == []
        frame = _frame(page, "book/01_welkom.html")
        frame.goto(f"{basis}/pakket/{oefening}")
        _beantwoord(frame)
        assert frame.evaluate("k => localStorage.getItem(k) !== null", f"wijkleren:oefening:{oefening_id}")
        assert frame.evaluate("() => WijklerenOefeningen.meldToets(8, 8)") == ""
        page.reload()
        page.wait_for_selector("html[data-wl-scorm='browser']")
        _frame(page, oefening).wait_for_selector("[data-oefening][data-klaar]")  # back on the last page
    finally:
        ctx.close()
    assert not buiten and not fouten, (buiten, fouten)


def test_scorm_kapotte_gegevens_van_lms(lms, boek, browser):
    """Saved data that is not ours, and a location outside the package, are ignored: a fresh start."""
    basis, staat = lms
    vorige = {
        "core": {"lesson_location": "javascript:alert(1)", "lesson_status": "incomplete", "entry": "resume"},
        "suspend_data": "W1:dit-is-geen-lz-string",
        "student_data": {"mastery_score": staat["grens"]},
    }
    ctx, page, wrapper, (buiten, fouten) = _start(browser, basis, staat, vorige)
    try:
        _frame(page, "book/01_welkom.html")  # not the location from the LMS
        page.wait_for_function(
            "() => window.API.LMSGetValue('cmi.core.lesson_location') !== 'javascript:alert(1)'"
        )
        assert _api(page, "cmi.core.lesson_location") == "book/01_welkom.html"
        assert _api(page, "cmi.suspend_data").startswith("W1:")  # a fresh state, written in our format
    finally:
        ctx.close()
    assert not buiten and not fouten, (buiten, fouten)
