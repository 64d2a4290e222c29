"""The exercise component on the built book in headless Chromium: the wiring of the page.

The logic itself is tested once, under node (tests/test_oefeningen.mjs). Here the page must
show what that logic says: the expectations come from the page's own WijklerenOefeningen.logica.
Mouse, keyboard, reload, start over (with its question), corrupt storage, offline, a phone.
"""

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


class JS:
    """The component's logic, called in the page: JS(pagina).voortgang(data, stand) and so on."""

    def __init__(self, pagina):
        self.pagina = pagina

    def __getattr__(self, naam):
        return lambda *args: self.pagina.evaluate(
            "([f, a]) => WijklerenOefeningen.logica[f](...a)", [naam, list(args)]
        )


def zinnen(oordeel) -> list[str]:
    """A judged answer's feedback as text lines, in the order the page shows them."""
    return [r for b in oordeel["blokken"] for r in (b["regels"] if "regels" in b else [b["tekst"]])]


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
    """The page shows what the logic says for this stand."""
    L = JS(oef.page)
    v = L.voortgang(data, stand)
    assert oef.locator(".wl-ronde").inner_text() == v["ronde"]
    assert oef.locator(".wl-rondes li").all_inner_texts() == v["rondes"]
    assert oef.locator(".wl-nog-eens li").all_inner_texts() == v["nog_eens"]
    item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
    assert oef.locator(".wl-titel").inner_text() == item["titel"]
    assert oef.locator(".wl-teller").inner_text() == L.teller(data, stand)


def herladen_en_opnieuw(pagina, naam, data, stand):
    """Reload keeps the progress; 'Opnieuw beginnen' clears it, also after another reload."""
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    toont(oef, data, stand)
    assert json.loads(bewaard(pagina, naam)) == {"versie": 1, "stand": stand}
    # "Opnieuw beginnen" looks unlike an answer button, and asks first; "Nee" keeps everything.
    opnieuw = oef.locator(".wl-opnieuw")
    antwoordknop = oef.locator(".wl-antwoord .wl-knop").first
    assert opnieuw.evaluate("e => getComputedStyle(e).backgroundColor") != antwoordknop.evaluate(
        "e => getComputedStyle(e).backgroundColor"
    )
    opnieuw.click()
    assert oef.locator(".wl-zeker").inner_text().startswith(o.TEKSTEN["opnieuw_vraag"])
    assert actief(pagina)["tekst"] == o.TEKSTEN["opnieuw_nee"]
    pagina.keyboard.press("Enter")
    assert oef.locator(".wl-zeker").is_hidden() and bewaard(pagina, naam) is not None
    assert actief(pagina)["tekst"] == o.TEKSTEN["opnieuw"]
    opnieuw.click()
    oef.get_by_role("button", name=o.TEKSTEN["opnieuw_ja"]).click()
    assert bewaard(pagina, naam) is None
    toont(oef, data, JS(pagina).nieuweStand(data))
    assert actief(pagina)["klasse"] == "wl-titel"
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    toont(oef, data, JS(pagina).nieuweStand(data))


def schoon(pagina):
    assert axe_schendingen(pagina) == []
    assert pagina.bewaker.extern == []
    assert pagina.bewaker.fouten == []


@pytest.mark.parametrize("naam", KIEZEN)
def test_choose_by_mouse_and_keyboard_then_reload_and_start_over(naam, boekserver, pagina):
    data = o.oefendata(naam)
    oef = open_oefening(pagina, boekserver, naam)
    L = JS(pagina)
    stand = L.nieuweStand(data)
    toont(oef, data, stand)
    fb = oef.locator(".wl-feedback")
    assert fb.get_attribute("role") == "status" and fb.get_attribute("aria-live") == "polite"
    assert oef.locator(".wl-keuzes").get_attribute("role") == "group"

    # Mouse: a wrong answer.
    item = data["items"][0]
    fout = next(k["code"] for k in data["keuzes"] if k["code"] != item["goed"])
    oef.locator(f'[data-keuze="{fout}"]').click()
    verwacht = L.beoordeel(data, item, fout)
    assert oordeel(oef) == zinnen(verwacht)
    assert "wl-fout" in fb.get_attribute("class")
    assert actief(pagina)["klasse"].endswith("wl-volgende")
    stand = L.verwerk(data, stand, item["id"], False, verwacht["gemist"])
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand)["ronde"]
    assert oef.locator(".wl-nog-eens li").all_inner_texts() == [item["titel"]]
    schoon(pagina)

    # Keyboard: Enter on "Volgende", Tab to the right answer, Enter.
    pagina.keyboard.press("Enter")
    assert actief(pagina)["klasse"] == "wl-titel"
    item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
    for _ in range(len(data["keuzes"])):
        pagina.keyboard.press("Tab")
        if actief(pagina)["keuze"] == item["goed"]:
            break
    assert actief(pagina)["keuze"] == item["goed"]
    pagina.keyboard.press("Enter")
    verwacht = L.beoordeel(data, item, item["goed"])
    assert oordeel(oef) == zinnen(verwacht) and verwacht["goed"]
    assert "wl-goed" in fb.get_attribute("class")
    stand = L.verwerk(data, stand, item["id"], True, [])
    pagina.keyboard.press("Enter")
    toont(oef, data, stand)

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_kenmerken_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "kenmerken"
    data = o.oefendata(naam)
    oef = open_oefening(pagina, boekserver, naam)
    L = JS(pagina)
    stand = L.nieuweStand(data)
    toont(oef, data, stand)
    assert oef.locator("fieldset.wl-kenmerken legend").inner_text() == data["teksten"]["kenmerken_vraag"]

    # Mouse: tick the first three kenmerken by their labels.
    item = data["items"][0]
    gevinkt = [k["code"] for k in data["kenmerken"][:3]]
    for k in data["kenmerken"][:3]:
        oef.get_by_label(k["naam"], exact=True).click()
    oef.locator(".wl-controleer").click()
    verwacht = L.beoordeel(data, item, gevinkt)
    assert oordeel(oef) == zinnen(verwacht)
    assert oef.locator(".wl-vinkjes input:disabled").count() == 9
    stand = L.verwerk(data, stand, item["id"], verwacht["goed"], verwacht["gemist"])
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand)["ronde"]
    schoon(pagina)

    # Keyboard: Tab through the nine boxes, Space on those in the text, Tab to Controleer, Enter.
    pagina.keyboard.press("Enter")
    item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
    for k in data["kenmerken"]:
        pagina.keyboard.press("Tab")
        assert actief(pagina)["id"].endswith("k-" + k["code"])
        if k["code"] in item["aanwezig"]:
            pagina.keyboard.press("Space")
    pagina.keyboard.press("Tab")
    assert actief(pagina)["klasse"].endswith("wl-controleer")
    pagina.keyboard.press("Enter")
    verwacht = L.beoordeel(data, item, item["aanwezig"])
    assert verwacht["goed"] and oordeel(oef) == zinnen(verwacht)
    stand = L.verwerk(data, stand, item["id"], True, [])

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_decision_rule_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "beslisregel"
    data = o.oefendata(naam)
    oef = open_oefening(pagina, boekserver, naam)
    L = JS(pagina)
    stand = L.nieuweStand(data)
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
        s = L.stap(data, item, nr, True)
        stappen.append(s)
        if s["einde"]:
            break
        nr += 1
        assert oef.locator(".wl-feedback p.wl-oordeel").inner_text() == s["zin"]
        assert data["kenmerken"][nr]["vraag"] in oef.locator(".wl-stapvraag").inner_text()
    assert oef.locator(".wl-pad li").count() == len(stappen)
    eind = [
        s["zin"],
        L.vul(data["teksten"]["pad_einde"], {"naam": s["einde"]["naam"]}),
        s["einde"]["zin"],
        item["uitleg"],
    ]
    assert oordeel(oef) == eind
    fouten = [x["kenmerk"] for x in stappen if not x["goed"]]
    stand = L.verwerk(data, stand, item["id"], not fouten, fouten)
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand)["ronde"]
    schoon(pagina)

    # Keyboard: Tab to "Ja" or "Nee" as the casus says, Enter, until the path ends.
    pagina.keyboard.press("Enter")
    item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
    pagina.keyboard.press("Tab")
    for nr in range(9):
        waar = data["regel"][nr]["kenmerk"] in item["aanwezig"]
        tekst = actief(pagina)["tekst"]
        if tekst != (data["teksten"]["ja"] if waar else data["teksten"]["nee"]):
            pagina.keyboard.press("Tab" if waar is False else "Shift+Tab")
        pagina.keyboard.press("Enter")
        if not waar:
            break
    s = L.stap(data, item, nr, waar)
    assert oef.locator(".wl-feedback p.wl-oordeel").first.inner_text() == s["zin"]
    assert "wl-goed" in oef.locator(".wl-feedback").get_attribute("class")
    stand = L.verwerk(data, stand, item["id"], True, [])

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_a_round_of_five_gives_a_score_and_missed_cases_come_back(boekserver, pagina):
    naam = "indelen-drie"
    data = o.oefendata(naam)
    oef = open_oefening(pagina, boekserver, naam)
    L = JS(pagina)
    stand = L.nieuweStand(data)
    for beurt in range(o.RONDE):
        item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
        if beurt == o.TERUG[0] + 1:  # the missed one is back
            assert item["id"] == data["items"][0]["id"]
            assert oef.locator(".wl-titel").inner_text() == item["titel"]
        antwoord = (
            item["goed"] if beurt else next(k["code"] for k in data["keuzes"] if k["code"] != item["goed"])
        )
        oef.locator(f'[data-keuze="{antwoord}"]').click()
        uit = L.beoordeel(data, item, antwoord)
        stand = L.verwerk(data, stand, item["id"], uit["goed"], uit["gemist"])
        oef.locator(".wl-volgende").click()
        toont(oef, data, stand)
    assert len(stand["rondes"]) == 1 and oef.locator(".wl-rondes li").count() == 1
    schoon(pagina)


def test_case_html_is_shown_as_text_never_run(boekserver, pagina):
    gevaar = '<script>window.gehackt = 1</script><img src=x onerror="window.gehackt = 2"><b>vet</b>'
    casus = Casus.model_validate(
        {
            **casussen(pool="oefenen")[0].model_dump(),
            "bewijs": {},
            "oefening": None,
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


@pytest.mark.parametrize("naam", ["indelen-twee", "kenmerken"])
def test_on_a_phone_nothing_is_cut_off_and_the_verdict_stays_in_view(naam, boekserver, browser):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    pagina = ctx.new_page()
    oef = open_oefening(pagina, boekserver, naam)
    breedte = "() => document.documentElement.scrollWidth"
    if naam == "kenmerken":
        # Each label sits next to its box, on the same line.
        for vak in oef.locator(".wl-vinkjes li").all():
            v, label = vak.locator("input").bounding_box(), vak.locator("label").bounding_box()
            assert label["x"] >= v["x"] + v["width"] and abs(label["y"] - v["y"]) < 12
        oef.locator(".wl-vinkjes label").first.click()
        oef.locator(".wl-controleer").click()
    else:
        oef.locator("[data-keuze]").first.click()
    oordeel = oef.locator(".wl-oordeel").first.bounding_box()
    kop = pagina.locator(".bd-header").bounding_box() or {"y": 0, "height": 0}
    assert oordeel["y"] >= kop["y"] + kop["height"] - 1 and oordeel["y"] + oordeel["height"] <= 740
    assert pagina.evaluate(breedte) <= 375
    buiten = pagina.evaluate(
        """() => Array.from(document.querySelectorAll('.wl-oefening *, .prev-next-area a'))
                 .filter(e => e.getBoundingClientRect().right > innerWidth + 0.5 || e.scrollWidth > e.clientWidth + 1)
                 .map(e => e.className || e.tagName)"""
    )
    assert buiten == []
    assert pagina.locator(".prev-next-area a").count() >= 1
    assert axe_schendingen(pagina) == []
    ctx.close()


def test_corrupt_saved_progress_gives_a_dutch_note_and_a_fresh_start(boekserver, pagina):
    naam = "indelen-drie"
    data = o.oefendata(naam)
    pagina.goto(f"{boekserver}/{PAGINA[naam]}", wait_until="networkidle")
    for kapot in ("{niet json", '{"versie": 1, "stand": {"rij": [], "nog_eens": [], "ronde": {"nr": -1}}}'):
        pagina.evaluate("([s, w]) => localStorage.setItem(s, w)", [f"wijkleren:oefening:{naam}", kapot])
        pagina.reload(wait_until="networkidle")
        oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
        assert oef.locator(".wl-melding").inner_text() == o.TEKSTEN["beschadigd"]
        toont(oef, data, JS(pagina).nieuweStand(data))
        assert bewaard(pagina, naam) is None
    # Saved by a newer version of the script: a note, and the saved progress is left as it was.
    nieuwer = '{"versie": 2, "stand": {}}'
    pagina.evaluate("([s, w]) => localStorage.setItem(s, w)", [f"wijkleren:oefening:{naam}", nieuwer])
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    assert oef.locator(".wl-melding").inner_text() == o.TEKSTEN["nieuwer"]
    oef.locator("[data-keuze]").first.click()
    assert pagina.evaluate(f"localStorage.getItem('wijkleren:oefening:{naam}')") == nieuwer
    pagina.evaluate(f"localStorage.removeItem('wijkleren:oefening:{naam}')")
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    oef.locator("[data-keuze]").first.click()
    pagina.reload(wait_until="networkidle")
    assert pagina.locator(".wl-melding").is_hidden()
    assert pagina.locator(".wl-ronde").inner_text().startswith("Ronde 1: ")
    schoon(pagina)
