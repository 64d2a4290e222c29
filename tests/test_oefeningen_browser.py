"""The exercises on the built book in headless Chromium: mouse, keyboard, reload, start over, offline."""

import json
import re

import pytest
from conftest import axe_schendingen, html_paginas

from wijkleren import oefeningen as o
from wijkleren.casusbank import Casus, casussen

PAGINA = {
    "indelen-twee": "book/07a_twee_soorten.html",
    "kenmerken": "book/07b_kenmerken.html",
    "beslisregel": "book/07c_beslisregel.html",
    "indelen-drie": "book/07d_drie_soorten.html",
    "spectrum": "book/07e_spectrum.html",
}
KIEZEN = ["indelen-twee", "indelen-drie", "spectrum"]


def open_oefening(pagina, boekserver, naam):
    pagina.goto(f"{boekserver}/{PAGINA[naam]}", wait_until="networkidle")
    pagina.wait_for_selector(f'[data-oefening="{naam}"][data-klaar]')
    return pagina.locator(f'[data-oefening="{naam}"]')


def bewaard(pagina, naam):
    return pagina.evaluate(f"localStorage.getItem('wijkleren:oefening:{naam}')")


def actief(pagina) -> dict:
    return pagina.evaluate(
        "() => { const e = document.activeElement; return {tag: e.tagName, tekst: e.textContent,"
        " keuze: e.getAttribute('data-keuze'), id: e.id, klasse: e.className}; }"
    )


def oordeel(oef) -> list[str]:
    """The feedback as the page shows it: per-kenmerk lines, verdict lines, explanation."""
    fb = oef.locator(".wl-feedback")
    regels = fb.locator(".wl-per-kenmerk li").all_inner_texts()
    regels += fb.locator("p.wl-oordeel").all_inner_texts()
    regels += [fb.locator(".wl-uitleg span").nth(1).inner_text()]
    return regels


def toont(oef, data, stand):
    """The page shows what the Python logic says for this stand."""
    v = o.voortgang(data, stand)
    assert oef.locator(".wl-ronde").inner_text() == v["ronde"]
    assert oef.locator(".wl-rondes li").all_inner_texts() == v["rondes"]
    assert oef.locator(".wl-nog-eens li").all_inner_texts() == v["nog_eens"]
    item = next(i for i in data["items"] if i["id"] == o.huidig(stand))
    assert oef.locator(".wl-titel").inner_text() == item["titel"]
    assert oef.locator(".wl-teller").inner_text() == o.teller(data, stand)


def herladen_en_opnieuw(pagina, naam, data, stand):
    """Reload keeps the progress; 'Opnieuw beginnen' clears it, also after another reload."""
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    toont(oef, data, stand)
    assert json.loads(bewaard(pagina, naam))["stand"] == stand
    oef.locator(".wl-opnieuw").click()
    assert bewaard(pagina, naam) is None
    toont(oef, data, o.nieuwe_stand(data))
    assert actief(pagina)["klasse"] == "wl-titel"
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    toont(oef, data, o.nieuwe_stand(data))


def schoon(pagina):
    assert axe_schendingen(pagina) == []
    assert pagina.bewaker.extern == []
    assert pagina.bewaker.fouten == []


@pytest.mark.parametrize("naam", KIEZEN)
def test_choose_by_mouse_and_keyboard_then_reload_and_start_over(naam, boekserver, pagina):
    data = o.oefendata(naam)
    stand = o.nieuwe_stand(data)
    oef = open_oefening(pagina, boekserver, naam)
    toont(oef, data, stand)
    fb = oef.locator(".wl-feedback")
    assert fb.get_attribute("role") == "status" and fb.get_attribute("aria-live") == "polite"
    assert oef.locator(".wl-keuzes").get_attribute("role") == "group"

    # Mouse: a wrong answer.
    item = data["items"][0]
    fout = next(k["code"] for k in data["keuzes"] if k["code"] != item["goed"])
    oef.locator(f'[data-keuze="{fout}"]').click()
    verwacht = o.beoordeel(data, item, fout)
    assert oordeel(oef) == verwacht["zinnen"]
    assert "wl-fout" in fb.get_attribute("class")
    assert actief(pagina)["klasse"].endswith("wl-volgende")
    stand = o.verwerk(data, stand, item["id"], False, verwacht["gemist"])
    assert oef.locator(".wl-ronde").inner_text() == o.voortgang(data, stand)["ronde"]
    assert oef.locator(".wl-nog-eens li").all_inner_texts() == [item["titel"]]
    schoon(pagina)

    # Keyboard: Enter on "Volgende", Tab to the right answer, Enter.
    pagina.keyboard.press("Enter")
    assert actief(pagina)["klasse"] == "wl-titel"
    item = next(i for i in data["items"] if i["id"] == o.huidig(stand))
    for _ in range(len(data["keuzes"])):
        pagina.keyboard.press("Tab")
        if actief(pagina)["keuze"] == item["goed"]:
            break
    assert actief(pagina)["keuze"] == item["goed"]
    pagina.keyboard.press("Enter")
    verwacht = o.beoordeel(data, item, item["goed"])
    assert oordeel(oef) == verwacht["zinnen"] and verwacht["goed"]
    assert "wl-goed" in fb.get_attribute("class")
    stand = o.verwerk(data, stand, item["id"], True, [])
    pagina.keyboard.press("Enter")
    toont(oef, data, stand)

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_kenmerken_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "kenmerken"
    data = o.oefendata(naam)
    stand = o.nieuwe_stand(data)
    oef = open_oefening(pagina, boekserver, naam)
    toont(oef, data, stand)
    assert oef.locator("fieldset.wl-kenmerken legend").inner_text() == data["teksten"]["kenmerken_vraag"]

    # Mouse: tick the first three kenmerken by their labels.
    item = data["items"][0]
    gevinkt = [k["code"] for k in data["kenmerken"][:3]]
    for k in data["kenmerken"][:3]:
        oef.get_by_label(k["naam"], exact=True).click()
    oef.locator(".wl-controleer").click()
    verwacht = o.beoordeel(data, item, gevinkt)
    assert oordeel(oef) == verwacht["zinnen"]
    assert oef.locator(".wl-vinkjes input:disabled").count() == 9
    stand = o.verwerk(data, stand, item["id"], verwacht["goed"], verwacht["gemist"])
    assert oef.locator(".wl-ronde").inner_text() == o.voortgang(data, stand)["ronde"]
    schoon(pagina)

    # Keyboard: Tab through the nine boxes, Space on those in the text, Tab to Controleer, Enter.
    pagina.keyboard.press("Enter")
    item = next(i for i in data["items"] if i["id"] == o.huidig(stand))
    for k in data["kenmerken"]:
        pagina.keyboard.press("Tab")
        assert actief(pagina)["id"].endswith("k-" + k["code"])
        if k["code"] in item["aanwezig"]:
            pagina.keyboard.press("Space")
    pagina.keyboard.press("Tab")
    assert actief(pagina)["klasse"].endswith("wl-controleer")
    pagina.keyboard.press("Enter")
    verwacht = o.beoordeel(data, item, item["aanwezig"])
    assert verwacht["goed"] and oordeel(oef) == verwacht["zinnen"]
    stand = o.verwerk(data, stand, item["id"], True, [])

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_decision_rule_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "beslisregel"
    data = o.oefendata(naam)
    stand = o.nieuwe_stand(data)
    oef = open_oefening(pagina, boekserver, naam)
    toont(oef, data, stand)
    vraag = oef.locator(".wl-stapvraag")
    assert data["kenmerken"][0]["vraag"] in vraag.inner_text()
    assert oef.locator(".wl-keuzes").get_attribute("aria-labelledby") == vraag.get_attribute("id")

    # Mouse: always "Ja"; the path follows the casus until its first missing kenmerk.
    item = data["items"][0]
    stappen = []
    nr = 0
    while True:
        oef.get_by_role("button", name=data["teksten"]["ja"], exact=True).click()
        s = o.stap(data, item, nr, True)
        stappen.append(s)
        if s["einde"]:
            break
        nr += 1
        assert oef.locator(".wl-feedback p.wl-oordeel").inner_text() == s["zin"]
        assert data["kenmerken"][nr]["vraag"] in oef.locator(".wl-stapvraag").inner_text()
    assert oef.locator(".wl-pad li").count() == len(stappen)
    eind = [
        s["zin"],
        o.vul(data["teksten"]["pad_einde"], naam=s["einde"]["naam"]),
        s["einde"]["zin"],
        item["uitleg"],
    ]
    assert oordeel(oef) == eind
    fouten = [x["kenmerk"] for x in stappen if not x["goed"]]
    stand = o.verwerk(data, stand, item["id"], not fouten, fouten)
    assert oef.locator(".wl-ronde").inner_text() == o.voortgang(data, stand)["ronde"]
    schoon(pagina)

    # Keyboard: Tab to "Ja" or "Nee" as the casus says, Enter, until the path ends.
    pagina.keyboard.press("Enter")
    item = next(i for i in data["items"] if i["id"] == o.huidig(stand))
    pagina.keyboard.press("Tab")
    for nr in range(9):
        waar = data["regel"][nr]["kenmerk"] in item["aanwezig"]
        tekst = actief(pagina)["tekst"]
        if tekst != (data["teksten"]["ja"] if waar else data["teksten"]["nee"]):
            pagina.keyboard.press("Tab" if waar is False else "Shift+Tab")
        pagina.keyboard.press("Enter")
        if not waar:
            break
    s = o.stap(data, item, nr, waar)
    assert oef.locator(".wl-feedback p.wl-oordeel").first.inner_text() == s["zin"]
    assert "wl-goed" in oef.locator(".wl-feedback").get_attribute("class")
    stand = o.verwerk(data, stand, item["id"], True, [])

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_a_round_of_five_gives_a_score_and_missed_cases_come_back(boekserver, pagina):
    naam = "indelen-drie"
    data = o.oefendata(naam)
    stand = o.nieuwe_stand(data)
    oef = open_oefening(pagina, boekserver, naam)
    for beurt in range(o.RONDE):
        item = next(i for i in data["items"] if i["id"] == o.huidig(stand))
        if beurt == o.TERUG[0] + 1:  # the missed one is back
            assert item["id"] == data["items"][0]["id"]
            assert oef.locator(".wl-titel").inner_text() == item["titel"]
        antwoord = (
            item["goed"] if beurt else next(k["code"] for k in data["keuzes"] if k["code"] != item["goed"])
        )
        oef.locator(f'[data-keuze="{antwoord}"]').click()
        uit = o.beoordeel(data, item, antwoord)
        stand = o.verwerk(data, stand, item["id"], uit["goed"], uit["gemist"])
        oef.locator(".wl-volgende").click()
        toont(oef, data, stand)
    assert len(stand["rondes"]) == 1 and oef.locator(".wl-rondes li").count() == 1
    schoon(pagina)


def test_case_html_is_shown_as_text_never_run(boekserver, pagina):
    gevaar = '<script>window.gehackt = 1</script><img src=x onerror="window.gehackt = 2"><b>vet</b>'
    casus = Casus.model_validate(
        {
            **casussen(pool="oefenen")[0].model_dump(),
            "id": "XSS",
            "titel": "Titel <i>schuin</i>",
            "tekst": f"Een casus met {gevaar} erin, lang genoeg voor het schema.",
        }
    )
    data = o.oefendata("indelen-drie", [casus])
    data["id"] = "proef"
    dialogen = []
    pagina.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))
    open_oefening(pagina, boekserver, "indelen-drie")
    pagina.evaluate(
        "data => { const d = document.createElement('div'); d.id = 'proef';"
        " document.querySelector('main').appendChild(d); WijklerenOefeningen.start(d, data); }",
        data,
    )
    proef = pagina.locator("#proef")
    assert proef.locator(".wl-tekst").inner_text() == casus.tekst.strip()
    assert proef.locator(".wl-titel").inner_text() == "Titel <i>schuin</i>"
    assert proef.locator("script, img, b, i").count() == 0
    proef.locator("[data-keuze]").first.click()
    pagina.wait_for_timeout(200)
    assert pagina.evaluate("window.gehackt") is None and dialogen == []
    assert pagina.bewaker.extern == [] and pagina.bewaker.fouten == []


def test_works_from_the_file_system_without_any_server(boek, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    verzoeken = []
    page.on("request", lambda r: verzoeken.append(r.url))
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.goto((boek / PAGINA["indelen-twee"]).as_uri(), wait_until="load")
    page.wait_for_selector("[data-oefening][data-klaar]")
    data = o.oefendata("indelen-twee")
    item = data["items"][0]
    page.locator(f'[data-keuze="{item["goed"]}"]').click()
    assert page.locator(".wl-feedback p.wl-oordeel").inner_text() == item["feedback"][item["goed"]]
    page.reload(wait_until="load")
    page.wait_for_selector("[data-oefening][data-klaar]")
    assert page.locator(".wl-ronde").inner_text().startswith("Ronde 1: 1 van de 1 goed")
    ctx.close()
    assert all(u.startswith("file://") for u in verzoeken), [
        u for u in verzoeken if not u.startswith("file://")
    ]
    assert fouten == []


def test_exercise_data_holds_only_practice_cases(boek):
    # Whether any toets case leaks into the book at all: test_casusbank_inhoud.py.
    oefen = {c.id for c in casussen(pool="oefenen")}
    for naam, pad in PAGINA.items():
        blok = re.search(
            r'<script type="application/json" class="wl-data">(.*?)</script>',
            (boek / pad).read_text(encoding="utf-8"),
            re.S,
        )
        data = json.loads(blok.group(1))
        assert data["id"] == naam
        if naam != "spectrum":
            assert {i["id"] for i in data["items"]} <= oefen


def test_the_script_and_style_load_only_on_exercise_pages(boek):
    for p in html_paginas(boek):
        html = (boek / p).read_text(encoding="utf-8")
        heeft = "_static/oefeningen.js" in html
        assert heeft == (p in PAGINA.values()), p
        assert ("_static/oefeningen.css" in html) == heeft, p
