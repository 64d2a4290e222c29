"""The exercise component on the built book in headless Chromium: the wiring of the page.

The logic itself is tested once, under node (tests/test_oefeningen.mjs). Here the page must
show what that logic says: the expectations come from the page's own WijklerenOefeningen.logica.
Mouse, keyboard, reload, start over (with its question), corrupt storage, offline, a phone.
"""

import json
import re

import pytest
from helpers.boek import html_paginas
from helpers.browser import axe_schendingen

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.schema import Casus
from wijkleren.oefeningen import oefendata as o
from wijkleren.oefeningen import onderdelen

PAGINA = {
    "indelen-twee": "book/07a_twee_soorten.html",
    "kenmerken": "book/07b_kenmerken.html",
    "beslisregel": "book/07c_beslisregel.html",
    "indelen-drie": "book/07d_drie_soorten.html",
    "spectrum": "book/07e_spectrum.html",
}
# The other parts of the component (issue 15), by the name the page's block has.
DELEN = {
    "herhaling": "book/07_oefenen.html",
    "voortoets": "book/01b_voortoets.html",
    "natoets": "book/08b_natoets.html",
    "scenario": "book/07f_scenario.html",
    "werkblad": "book/07g_mijn_plan.html",
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
    uit = []
    for b in oordeel["blokken"]:
        if "regels" in b:
            uit += [r["tekst"] + (" " + r["misvatting"] if r.get("misvatting") else "") for r in b["regels"]]
        else:
            uit.append(b["tekst"])
    return uit


def vandaag(pagina) -> int:
    """The component's day number for today, as the page computes it."""
    return pagina.evaluate("WijklerenOefeningen.logica.dagVan(Date.now())")


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
    """The feedback as the page shows it, block by block: a list's lines, a labelled block's text."""
    return oef.locator(".wl-feedback").first.evaluate(
        """f => Array.from(f.children).flatMap(c => c.tagName === 'UL'
               ? Array.from(c.children).map(li => li.textContent)
               : (c.querySelector(':scope > .wl-label') ? [c.children[1].textContent] : [c.textContent]))"""
    )


def toont(oef, data, stand):
    """The page shows what the logic says for this stand."""
    L = JS(oef.page)
    v = L.voortgang(data, stand, vandaag(oef.page))
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
    data = o.oefening_data(naam)
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
    stand = L.verwerk(data, stand, item["id"], False, verwacht["gemist"], vandaag(pagina))
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand, vandaag(pagina))["ronde"]
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
    stand = L.verwerk(data, stand, item["id"], True, [], vandaag(pagina))
    pagina.keyboard.press("Enter")
    toont(oef, data, stand)

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_kenmerken_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "kenmerken"
    data = o.oefening_data(naam)
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
    stand = L.verwerk(data, stand, item["id"], verwacht["goed"], verwacht["gemist"], vandaag(pagina))
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand, vandaag(pagina))["ronde"]
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
    stand = L.verwerk(data, stand, item["id"], True, [], vandaag(pagina))

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_decision_rule_by_mouse_and_keyboard_then_reload_and_start_over(boekserver, pagina):
    naam = "beslisregel"
    data = o.oefening_data(naam)
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
    assert oordeel(oef) == zinnen(L.stappenOordeel(data, item, stappen))
    fouten = [x["kenmerk"] for x in stappen if not x["goed"]]
    stand = L.verwerk(data, stand, item["id"], not fouten, fouten, vandaag(pagina))
    assert oef.locator(".wl-ronde").inner_text() == L.voortgang(data, stand, vandaag(pagina))["ronde"]
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
    assert oef.locator(".wl-feedback p.wl-oordeel").first.inner_text() == data["teksten"]["stappen_goed"]
    assert "wl-goed" in oef.locator(".wl-feedback").get_attribute("class")
    stand = L.verwerk(data, stand, item["id"], True, [], vandaag(pagina))

    herladen_en_opnieuw(pagina, naam, data, stand)
    schoon(pagina)


def test_a_round_of_five_gives_a_score_and_missed_cases_come_back(boekserver, pagina):
    naam = "indelen-drie"
    data = o.oefening_data(naam)
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
        stand = L.verwerk(data, stand, item["id"], uit["goed"], uit["gemist"], vandaag(pagina))
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
    data = o.oefening_data("indelen-drie", [casus])
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
    data = o.oefening_data("indelen-twee")
    item = data["items"][0]
    page.locator(f'[data-keuze="{item["goed"]}"]').click()
    assert page.locator(".wl-feedback p.wl-oordeel").inner_text() == item["feedback"][item["goed"]]
    # The answer is in this origin's localStorage (file://) before the reload. Chromium writes it to
    # disk a moment later; on a busy machine a reload at once could come before that.
    page.wait_for_function("s => localStorage.getItem(s) !== null", arg="wijkleren:oefening:indelen-twee")
    page.wait_for_timeout(1500)
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
        assert heeft == (p in {*PAGINA.values(), *DELEN.values()}), p
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
    data = o.oefening_data(naam)
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


# --- Issue 15: feedback that points, review across days, mastery, tests, scenario, worksheet ---


def bewaar_stand(pagina, naam, stand):
    pagina.evaluate(
        "([s, w]) => localStorage.setItem(s, JSON.stringify(w))",
        [f"wijkleren:oefening:{naam}", {"versie": 1, "stand": stand}],
    )


def eerst(pagina, data, naam, item_id):
    """Save a fresh stand with this item first in the queue, and reload: the page starts there."""
    stand = JS(pagina).nieuweStand(data)
    stand["rij"].remove(item_id)
    stand["rij"].insert(0, item_id)
    bewaar_stand(pagina, naam, stand)
    pagina.reload(wait_until="networkidle")
    return pagina.locator(f'[data-oefening="{naam}"][data-klaar]'), stand


def marks(oef) -> list[dict]:
    """The marks in the case text: the marked words, the label, the class and the border style."""
    return oef.locator(".wl-tekst mark.wl-bewijs").evaluate_all(
        """ms => ms.map(m => ({woorden: m.firstChild.textContent, label: m.querySelector('.wl-bewijs-label').textContent,
                                klasse: m.className, rand: getComputedStyle(m).borderBottomStyle}))"""
    )


def test_a_wrong_choice_marks_the_evidence_and_shows_the_pitfall_and_its_own_misconception(
    boekserver, pagina
):
    naam = "indelen-drie"
    data = o.oefening_data(naam)
    item = next(i for i in data["items"] if i["valkuil"] and len(i["bewijs"]) >= 3 and i["misvatting"])
    oef = open_oefening(pagina, boekserver, naam)
    oef, stand = eerst(pagina, data, naam, item["id"])
    assert oef.locator(".wl-titel").inner_text() == item["titel"]
    assert oef.locator(".wl-tekst mark").count() == 0  # before an answer: the plain text
    fout, ander = [k["code"] for k in data["keuzes"] if k["code"] != item["goed"]]
    oef.locator(f'[data-keuze="{fout}"]').click()
    L = JS(pagina)
    verwacht = L.beoordeel(data, item, fout)
    assert oordeel(oef) == zinnen(verwacht)
    assert oef.locator(".wl-misvatting span").nth(1).inner_text() == item["misvatting"][fout]
    assert oef.locator(".wl-valkuil span").nth(1).inner_text() == item["valkuil"]
    # The marks: the evidence phrases, each with its kenmerk's name in words, and a legend.
    delen = [d for d in L.markeer(item["tekst"], item["bewijs"], verwacht["markering"]) if "kenmerken" in d]
    gezien = marks(oef)
    assert [m["woorden"] for m in gezien] == [d["tekst"] for d in delen]
    namen = {k["code"]: k["naam"] for k in data["kenmerken"]}
    for m, d in zip(gezien, delen, strict=True):
        for k in d["kenmerken"]:
            assert data["teksten"]["bewijs_kenmerk"].format(naam=namen[k["code"]]) in m["label"]
    assert oef.locator(".wl-tekst").inner_text().replace("\n", " ").count(item["tekst"][:30]) <= 1
    assert oef.locator(".wl-legenda").inner_text().startswith(data["teksten"]["bewijs_legenda"])
    schoon(pagina)
    # Another wrong choice gets its own sentence (a fresh start on the same case).
    oef, _ = eerst(pagina, data, naam, item["id"])
    oef.locator(f'[data-keuze="{ander}"]').click()
    assert oef.locator(".wl-misvatting span").nth(1).inner_text() == item["misvatting"][ander]
    assert item["misvatting"][ander] != item["misvatting"][fout]
    # A right answer: the marks, but no pitfall and no misconception.
    oef, _ = eerst(pagina, data, naam, item["id"])
    oef.locator(f'[data-keuze="{item["goed"]}"]').click()
    assert oef.locator(".wl-valkuil").count() == 0 and oef.locator(".wl-misvatting").count() == 0
    assert oef.locator(".wl-tekst mark").count() == len(delen)
    oef.locator(".wl-volgende").click()
    assert oef.locator(".wl-tekst mark").count() == 0 and oef.locator(".wl-legenda").is_hidden()
    schoon(pagina)


def test_kenmerken_eight_of_nine_is_almost_right_and_the_missed_words_are_marked(boekserver, pagina):
    naam = "kenmerken"
    data = o.oefening_data(naam)
    item = next(i for i in data["items"] if len(i["aanwezig"]) >= 3 and i["bewijs"])
    oef = open_oefening(pagina, boekserver, naam)
    oef, _ = eerst(pagina, data, naam, item["id"])
    mis = item["bewijs"][0][2]  # a kenmerk with its words in the text: leave it out
    gevinkt = [c for c in item["aanwezig"] if c != mis]
    for k in data["kenmerken"]:
        if k["code"] in gevinkt:
            oef.get_by_label(k["naam"], exact=True).check()
    oef.locator(".wl-controleer").click()
    L = JS(pagina)
    verwacht = L.beoordeel(data, item, gevinkt)
    assert verwacht["niveau"] == "bijna" and verwacht["goed"]
    totaal = len(data["kenmerken"])
    assert oordeel(oef)[0] == data["teksten"]["kenmerken_bijna"].format(goed=totaal - 1, totaal=totaal)
    assert oordeel(oef) == zinnen(verwacht)
    assert oef.locator(".wl-per-kenmerk li").count() == 1  # only what went wrong
    assert "wl-bijna" in oef.locator(".wl-feedback").get_attribute("class")
    naam_mis = next(k["naam"] for k in data["kenmerken"] if k["code"] == mis)
    gemarkeerd = marks(oef)
    gemist = [m for m in gemarkeerd if "wl-bewijs-gemist" in m["klasse"]]
    assert len(gemist) >= 1
    assert data["teksten"]["bewijs_gemist"].format(naam=naam_mis) in gemist[0]["label"]
    anders = [m for m in gemarkeerd if "wl-bewijs-gezien" in m["klasse"]]
    assert anders and all(
        m["label"].startswith(data["teksten"]["bewijs_gezien"].split("{")[0]) for m in anders
    )
    assert {m["rand"] for m in gemist} != {m["rand"] for m in anders}  # not by colour alone
    assert oef.locator(".wl-legenda li").all_inner_texts() == [
        data["teksten"]["legenda_gezien"],
        data["teksten"]["legenda_gemist"],
    ]
    # It counts as right in the round.
    assert oef.locator(".wl-ronde").inner_text().startswith("Ronde 1: 1 van de 1 goed")
    schoon(pagina)


def test_the_decision_rule_names_the_step_that_went_wrong(boekserver, pagina):
    naam = "beslisregel"
    data = o.oefening_data(naam)
    eerste = data["regel"][0]["kenmerk"]
    item = next(i for i in data["items"] if eerste in i["aanwezig"])
    oef = open_oefening(pagina, boekserver, naam)
    oef, _ = eerst(pagina, data, naam, item["id"])
    t = data["teksten"]
    stappen = []
    for nr, stap in enumerate(data["regel"]):
        waar = stap["kenmerk"] in item["aanwezig"]
        ja = waar if nr else False  # step 1 wrong, then the truth
        oef.get_by_role("button", name=t["ja"] if ja else t["nee"], exact=True).click()
        stappen.append(JS(pagina).stap(data, item, nr, ja))
        if stappen[-1]["einde"]:
            break
    regels = oordeel(oef)
    k = data["kenmerken"][0]
    assert regels[0] == t["stappen_fout"].format(nr=1, naam=k["naam"], zin=k["zinnen"]["kern_ja"])
    assert not regels[0].startswith("Goed")
    assert regels == zinnen(JS(pagina).stappenOordeel(data, item, stappen))
    fout = oef.locator(".wl-pad li.wl-pad-fout")
    assert fout.count() == 1 and fout.inner_text().startswith(t["stap_mis"])
    assert "wl-fout" in oef.locator(".wl-feedback").get_attribute("class")
    schoon(pagina)


def test_a_case_missed_days_ago_comes_back_first_and_the_start_page_counts_it(boekserver, pagina):
    naam = "indelen-drie"
    data = o.oefening_data(naam)
    oef = open_oefening(pagina, boekserver, naam)
    L = JS(pagina)
    dag = vandaag(pagina)
    # Saved three days ago: one case missed then (due two days ago), one missed yesterday (due today).
    stand = L.nieuweStand(data)
    oud, gisteren = stand["rij"][0], stand["rij"][1]
    stand = L.verwerk(data, stand, oud, False, [], dag - 3)
    stand = L.verwerk(data, stand, gisteren, False, [], dag - 1)
    assert stand["herhaling"] == [[oud, 0, dag - 2], [gisteren, 0, dag]]
    bewaar_stand(pagina, naam, stand)
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    t = data["teksten"]
    assert oef.locator(".wl-herhaling-melding").inner_text() == t["herhaling_start"].format(aantal=2)
    assert oef.locator(".wl-herhaling-label").is_visible()
    titels = {i["id"]: i for i in data["items"]}
    assert oef.locator(".wl-titel").inner_text() == titels[oud]["titel"]
    oef.locator(f'[data-keuze="{titels[oud]["goed"]}"]').click()
    opgeslagen = json.loads(bewaard(pagina, naam))["stand"]
    assert [oud, 1, dag + data["herhaal"][1]] in opgeslagen["herhaling"]
    assert opgeslagen["herhaalronde"] == [gisteren]
    oef.locator(".wl-volgende").click()
    assert oef.locator(".wl-titel").inner_text() == titels[gisteren]["titel"]
    assert oef.locator(".wl-herhaling-label").is_visible()
    schoon(pagina)
    # The start of chapter 7 reads the same storage: due cases of every exercise.
    k = o.oefening_data("kenmerken")
    ks = JS(pagina).nieuweStand(k)
    ks = JS(pagina).verwerk(k, ks, ks["rij"][0], False, [], dag - 2)
    ks["herhaling"].append([ks["rij"][1], 0, dag + 5000])  # a date far ahead: due now, never hidden
    bewaar_stand(pagina, "kenmerken", ks)
    bewaar_stand(pagina, "beslisregel", {"rij": 5})  # not ours: counts as nothing
    pagina.goto(f"{boekserver}/{DELEN['herhaling']}", wait_until="networkidle")
    teller = pagina.locator('[data-oefening="herhaling"][data-klaar]')
    h = o.HERHALING_TEKSTEN
    assert teller.locator(".wl-teller-zin").inner_text() == h["klaar"].format(aantal=3)
    namen = {n: v["kort"] for n, v in o.OEFENINGEN.items()}
    assert teller.locator("li").all_inner_texts() == [
        h["per_oefening"].format(titel=namen["kenmerken"], aantal=2),
        h["per_oefening"].format(titel=namen["indelen-drie"], aantal=1),
    ]
    schoon(pagina)
    pagina.evaluate("localStorage.clear()")
    pagina.reload(wait_until="networkidle")
    assert pagina.locator(".wl-teller-zin").inner_text() == h["leeg"]


def test_two_good_rounds_say_the_exercise_is_mastered(boekserver, pagina):
    naam = "indelen-twee"
    data = o.oefening_data(naam)
    oef = open_oefening(pagina, boekserver, naam)
    t = data["teksten"]
    waarden = {"goed": o.MEESTER_GOED, "ronde": o.RONDE}
    assert oef.locator(".wl-meester").inner_text() == t["beheerst_doel"].format(**waarden)
    L = JS(pagina)
    stand = L.nieuweStand(data)
    for g in [True, True, False, True, True] + [True] * 4:
        stand = L.verwerk(data, stand, L.huidig(stand), g, [], vandaag(pagina))
    bewaar_stand(pagina, naam, stand)
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    assert oef.locator(".wl-meester").inner_text() == t["beheerst_doel"].format(**waarden)  # one round so far
    item = next(i for i in data["items"] if i["id"] == L.huidig(stand))
    oef.locator(f'[data-keuze="{item["goed"]}"]').click()  # the second round: 5 of 5
    meester = oef.locator(".wl-meester.wl-beheerst")
    assert meester.inner_text() == t["beheerst"].format(**waarden)
    schoon(pagina)


def maak_toets(pagina, naam, data, goed: int):
    """Answer every item: the first `goed` fully right, the rest wrong in both questions."""
    oef = pagina.locator(f'[data-oefening="{naam}"][data-klaar]')
    for nr, item in enumerate(data["items"]):
        assert oef.locator(".wl-titel").inner_text() == item["titel"]
        cat = (
            item["goed"]
            if nr < goed
            else next(k["code"] for k in data["keuzes"] if k["code"] != item["goed"])
        )
        km = (
            item["beslissend"]
            if nr < goed
            else next(k["code"] for k in data["kenmerk_keuzes"] if k["code"] != item["beslissend"])
        )
        if nr == 0:  # nothing chosen: a Dutch note, no step further
            oef.locator(".wl-volgende").click()
            assert oef.locator(".wl-kies-eerst").inner_text() == data["teksten"]["kies_eerst"]
            assert oef.locator(".wl-titel").inner_text() == item["titel"]
        oef.locator(f'input[type=radio][value="{cat}"]').check()
        oef.locator(f'input[type=radio][value="{km}"]').check()
        oef.locator(".wl-volgende").click()
    return oef


def test_pre_test_and_post_test_show_the_gain_and_report_the_post_test(boekserver, pagina):
    voor = onderdelen.onderdeel("voortoets")
    na = onderdelen.onderdeel("natoets")
    pagina.goto(f"{boekserver}/{DELEN['voortoets']}", wait_until="networkidle")
    oef = maak_toets(pagina, "voortoets", voor, 3)
    punten = 3 * 2
    assert oef.locator(".wl-score").inner_text() == voor["teksten"]["score"].format(
        punten=punten, max=voor["max"]
    )
    assert oef.locator("details.wl-toets-item").count() == len(voor["items"])
    assert oef.locator("details.wl-toets-item.wl-goed").count() == 3
    oef.locator("details.wl-toets-item summary").nth(4).click()
    vijfde = oef.locator("details.wl-toets-item").nth(4)
    assert vijfde.locator("mark.wl-bewijs").count() >= 1
    if voor["items"][4]["valkuil"]:
        assert vijfde.locator(".wl-valkuil span").nth(1).inner_text() == voor["items"][4]["valkuil"]
    schoon(pagina)
    pagina.reload(wait_until="networkidle")
    assert pagina.locator(".wl-score").inner_text().startswith(voor["teksten"]["score"].split("{")[0])

    # The post-test inside a frame that offers the LMS's store, as the SCORM wrapper does.
    lms = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>LMS</title></head><body>
      <script>const m = new Map(); window.meldingen = [];
      window.wijklerenOpslag = {getItem: k => m.has(k) ? m.get(k) : null, setItem: (k, v) => m.set(k, String(v)),
        removeItem: k => m.delete(k), meldToets: (s, x) => { window.meldingen.push([s, x]); return "passed"; }};
      m.set("wijkleren:oefening:meting-a", localStorage.getItem("wijkleren:oefening:meting-a"));</script>
      <iframe title="cursus" src="book/08b_natoets.html" style="width:1000px;height:2000px"></iframe></body></html>"""
    pagina.route(f"{boekserver}/proef-lms.html", lambda r: r.fulfill(body=lms, content_type="text/html"))
    pagina.goto(f"{boekserver}/proef-lms.html", wait_until="networkidle")
    frame = pagina.frame_locator("iframe")
    frame.locator('[data-oefening="natoets"][data-klaar]').wait_for()
    kader = next(f for f in pagina.frames if f.url.endswith("08b_natoets.html"))
    kader.bewaker = pagina.bewaker
    oef = maak_toets(kader, "natoets", na, len(na["items"]))
    t = na["teksten"]
    assert oef.locator(".wl-score").inner_text() == t["score"].format(punten=na["max"], max=na["max"])
    assert oef.locator(".wl-groei").all_inner_texts() == [
        t["groei"].format(voor=punten, na=na["max"], max=voor["max"]),
        t["groei_meer"].format(verschil=na["max"] - punten),
    ]
    assert pagina.evaluate("window.meldingen") == [[na["max"], na["max"]]]
    assert pagina.bewaker.extern == [] and pagina.bewaker.fouten == []


def test_without_a_pre_test_the_post_test_says_so(boekserver, pagina):
    na = onderdelen.onderdeel("natoets")
    pagina.goto(f"{boekserver}/{DELEN['natoets']}", wait_until="networkidle")
    oef = maak_toets(pagina, "natoets", na, 2)
    assert oef.locator(".wl-groei").all_inner_texts() == [na["teksten"]["geen_voortoets"]]
    schoon(pagina)


def test_the_scenario_plays_to_an_ending_and_keeps_the_choices(boekserver, pagina):
    data = onderdelen.onderdeel("scenario")
    pagina.goto(f"{boekserver}/{DELEN['scenario']}", wait_until="networkidle")
    oef = pagina.locator('[data-oefening="scenario"][data-klaar]')
    t = data["teksten"]
    punt = data["start"]
    keuzes = []
    while punt != data["einde"]:
        p = data["punten"][punt]
        assert oef.locator(".wl-titel").inner_text() == p["titel"]
        optie = p["opties"][-1] if len(keuzes) == 1 else p["opties"][0]  # one weaker choice on the way
        oef.locator(f'[data-optie="{optie["id"]}"]').click()
        keuzes.append(optie["id"])
        assert oef.locator(".wl-gevolgen li").all_inner_texts() == [
            f"{t[w]}: {optie['gevolg'][w]}" for w in ("wijk", "raad", "partners")
        ]
        assert oef.locator(".wl-feedback .wl-uitleg span").nth(1).inner_text() == optie["waarom"]
        assert oef.locator(".wl-feedback .wl-oordeel span").nth(1).inner_text() == t[optie["kwaliteit"]]
        if punt == data["start"]:
            schoon(pagina)
        oef.locator(".wl-volgende").click()
        punt = optie["naar"]
    uit = data["uitkomsten"][",".join(keuzes)]
    assert oef.locator(".wl-titel").inner_text() == data["einden"][uit["einde"]]["titel"]
    assert oef.locator(".wl-score").inner_text() == t["score"].format(punten=uit["punten"], max=uit["max"])
    assert oef.locator(".wl-terugblik > li").count() == len(keuzes)
    schoon(pagina)
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator('[data-oefening="scenario"][data-klaar]')
    assert oef.locator(".wl-titel").inner_text() == data["einden"][uit["einde"]]["titel"]
    oef.get_by_role("button", name=t["opnieuw"]).click()
    assert oef.locator(".wl-titel").inner_text() == data["punten"][data["start"]]["titel"]
    assert bewaard(pagina, data["id"]) is None


def test_the_worksheet_shows_the_rule_for_my_plan_and_saves_a_file_that_opens_again(
    boekserver, pagina, tmp_path
):
    data = onderdelen.onderdeel("werkblad")
    t = data["teksten"]
    pagina.goto(f"{boekserver}/{DELEN['werkblad']}", wait_until="networkidle")
    oef = pagina.locator('[data-oefening="werkblad"][data-klaar]')
    gevaar = '<img src=x onerror="window.gehackt=1">Wijkplan & </script>Oost'
    oef.get_by_label(data["velden"][0]["label"], exact=True).fill(gevaar)
    namen = {k["code"]: k["naam"] for k in data["kenmerken"]}
    uitkomst = oef.locator(".wl-werkblad-uitkomst")
    eerste = data["regel"][0]["kenmerk"]
    assert uitkomst.locator("p").nth(2).inner_text() == t["beslissend"].format(naam=namen[eerste])
    gebied = [k["code"] for k in data["kenmerken"] if k["groep"] == "gebiedsgericht"]
    for code in gebied:
        oef.locator(f'input[type=checkbox][value="{code}"]').check()
    L = JS(pagina)
    einde = L.pad(data, gebied)
    vijfde = next(k["code"] for k in data["kenmerken"] if k["groep"] == "wijkaanpak")
    assert uitkomst.locator("p").all_inner_texts() == [
        t["uitkomst"].format(naam=einde["naam"]),
        einde["zin"],
        t["beslissend"].format(naam=namen[vijfde]),
    ]
    oef.locator(f"textarea[id$='k-{gebied[0]}-toelichting']").fill("Het gaat over één wijk.")
    vraag = data["reflectie"][0]
    oef.get_by_label(vraag["vraag"], exact=True).fill("Ja, want de naam past.")
    assert pagina.evaluate("window.gehackt") is None
    schoon(pagina)
    # Kept in this browser only (localStorage), across a reload.
    pagina.reload(wait_until="networkidle")
    oef = pagina.locator('[data-oefening="werkblad"][data-klaar]')
    assert oef.get_by_label(data["velden"][0]["label"], exact=True).input_value() == gevaar
    assert oef.locator(f'input[type=checkbox][value="{gebied[0]}"]').is_checked()
    # Save as a file: made in the browser, the learner's text escaped, the data to open it again.
    with pagina.expect_download() as dl:
        oef.get_by_role("button", name=t["opslaan"]).click()
    bestand = tmp_path / dl.value.suggested_filename
    dl.value.save_as(bestand)
    assert bestand.name == t["bestandsnaam"]
    html = bestand.read_text(encoding="utf-8")
    assert "<img" not in html and "&lt;img" in html and "Het gaat over één wijk." in html
    ctx = pagina.context.browser.new_context()
    los = ctx.new_page()
    fouten = []
    los.on("pageerror", lambda e: fouten.append(str(e)))
    los.goto(bestand.as_uri())
    assert los.evaluate("window.gehackt") is None and fouten == []
    assert gevaar in los.locator("body").inner_text()
    ctx.close()
    # Clear it (asks first), then open the saved file: everything is back.
    oef.get_by_role("button", name=t["wissen"]).click()
    oef.get_by_role("button", name=t["wissen_ja"]).click()
    assert oef.get_by_label(data["velden"][0]["label"], exact=True).input_value() == ""
    assert pagina.evaluate("localStorage.getItem('wijkleren:oefening:mijn-plan')") is None
    oef.locator("input[type=file]").set_input_files(str(bestand))
    oef.locator(".wl-melding", has_text=t["geopend"]).wait_for()
    assert oef.get_by_label(data["velden"][0]["label"], exact=True).input_value() == gevaar
    assert oef.locator(f'input[type=checkbox][value="{gebied[-1]}"]').is_checked()
    # A file that is not a saved worksheet: a Dutch note, nothing changed.
    rommel = tmp_path / "iets.html"
    rommel.write_text("<p>iets anders</p>", encoding="utf-8")
    oef.locator("input[type=file]").set_input_files(str(rommel))
    oef.locator(".wl-melding", has_text=t["openen_fout"]).wait_for()
    assert oef.get_by_label(data["velden"][0]["label"], exact=True).input_value() == gevaar
    # Print: only the filled-in sheet, as text.
    pagina.evaluate("window.print = () => { window.gedrukt = true; }")
    oef.get_by_role("button", name=t["afdrukken"]).click()
    assert pagina.evaluate("window.gedrukt") is True
    pagina.emulate_media(media="print")
    assert oef.locator(".wl-afdruk").is_visible() and oef.locator(".wl-werkblad-invoer").is_hidden()
    assert gevaar in oef.locator(".wl-afdruk").inner_text()
    pagina.emulate_media(media="screen")
    assert pagina.bewaker.extern == [] and pagina.bewaker.fouten == []
