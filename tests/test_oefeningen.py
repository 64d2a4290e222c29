"""The exercises' logic without a browser: data, feedback, rounds, the script's mirror, the widgets."""

import itertools
import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from wijkleren import oefeningen as o
from wijkleren.beslisregel import beslis, feedback_keuze, uitleg_uitkomst
from wijkleren.casusbank import Casus, casussen
from wijkleren.domein import KENMERK, KENMERK_CODES

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "src" / "wijkleren" / "static" / "oefeningen.js"
NAMEN = list(o.OEFENINGEN)
ALLE_DATA = {n: o.oefendata(n) for n in NAMEN}
ALLE = set(KENMERK_CODES)


def casus(cid="X01", label="gebiedsgericht", weg=("financiele_afspraken",), **extra) -> Casus:
    """A made-up casus; by default gebiedsgericht, without money agreements."""
    return Casus.model_validate(
        {
            "id": cid,
            "titel": extra.pop("titel", f"Casus {cid}"),
            "tekst": extra.pop("tekst", "Een verzonnen casus over een wijk, lang genoeg voor het schema."),
            "label": label,
            "kenmerken": [k for k in KENMERK_CODES if k not in weg],
            "uitleg": "Een verzonnen uitleg bij deze casus.",
            "thema": "wonen",
            "schaal": "wijk",
            "moeilijkheid": 1,
            **extra,
        }
    )


# --- the data ---


@pytest.mark.parametrize("naam", NAMEN)
def test_data_is_json_with_unique_items(naam):
    data = ALLE_DATA[naam]
    assert json.loads(json.dumps(data)) == data
    ids = [i["id"] for i in data["items"]]
    assert ids and len(ids) == len(set(ids))
    assert data["soort"] in ("kiezen", "kenmerken", "stappen")
    assert data["teksten"]["volgende"] and data["teksten"]["uitleg"]


def test_only_practice_cases_ever_go_in():
    oefen = {c.id for c in casussen(pool="oefenen")}
    toets = {c.id for c in casussen(pool="toets")}
    for naam in NAMEN:
        if naam != "spectrum":
            assert {i["id"] for i in ALLE_DATA[naam]["items"]} <= oefen
        tekst = json.dumps(ALLE_DATA[naam], ensure_ascii=False)
        for c in casussen(pool="toets"):
            assert c.tekst.strip()[:60] not in tekst, f"{naam} holds toetscasus {c.id}"
    assert not toets & oefen
    with pytest.raises(ValueError, match="Toetscasussen"):
        o.oefendata("indelen-drie", [casus(), casus("T01", pool="toets")])


def test_each_exercise_gets_the_cases_it_asks_for():
    oefen = casussen(pool="oefenen")
    twee = ALLE_DATA["indelen-twee"]
    assert {i["goed"] for i in twee["items"]} == {"wijkaanpak", "gebiedsgericht"}
    assert len(twee["items"]) == sum(c.label != "sectoraal" for c in oefen)
    assert [k["code"] for k in twee["keuzes"]] == ["wijkaanpak", "gebiedsgericht"]
    for naam in ("indelen-drie", "kenmerken", "beslisregel"):
        assert len(ALLE_DATA[naam]["items"]) == len(oefen)
    assert [k["code"] for k in ALLE_DATA["indelen-drie"]["keuzes"]] == [
        "wijkaanpak",
        "gebiedsgericht",
        "sectoraal",
    ]


def test_order_is_fixed_easy_first_and_not_a_pattern():
    data = o.oefendata("indelen-drie")
    assert data == o.oefendata("indelen-drie")
    bank = {c.id: c for c in casussen(pool="oefenen")}
    niveaus = [bank[i["id"]].moeilijkheid for i in data["items"]]
    assert niveaus == sorted(niveaus)
    labels = [i["goed"] for i in data["items"]]
    assert labels != [labels[i % 3] for i in range(len(labels))]  # no strict rotation to guess from


def test_feedback_sentences_are_the_rules_own():
    bank = {c.id: c for c in casussen(pool="oefenen")}
    for naam in ("indelen-twee", "indelen-drie"):
        data = ALLE_DATA[naam]
        for it in data["items"]:
            c = bank[it["id"]]
            for k in data["keuzes"]:
                assert it["feedback"][k["code"]] == feedback_keuze(k["code"], c.uitkomst)
            assert it["uitleg"] == c.uitleg.strip()
            assert it["gemist"] == ([c.uitkomst.beslissend] if c.uitkomst.beslissend else [])


def test_the_path_in_the_data_is_the_rule_for_every_set_of_kenmerken():
    data = ALLE_DATA["beslisregel"]
    for n in range(len(KENMERK_CODES) + 1):
        for ja in itertools.combinations(KENMERK_CODES, n):
            einde = o.pad(data, ja)
            uit = beslis(ja)
            assert (einde["categorie"], einde["zin"]) == (uit.categorie, uitleg_uitkomst(uit))


# --- judging answers ---


def test_choosing_right_and_wrong():
    data = o.oefendata("indelen-drie", [casus()])
    it = data["items"][0]
    goed = o.beoordeel(data, it, "gebiedsgericht")
    assert goed == {
        "goed": True,
        "zinnen": [
            "Goed. Dit is gebiedsgericht werken, maar geen wijkaanpak: er zijn geen afspraken over geld.",
            "Een verzonnen uitleg bij deze casus.",
        ],
        "gemist": [],
    }
    fout = o.beoordeel(data, it, "wijkaanpak")
    assert not fout["goed"] and fout["gemist"] == ["financiele_afspraken"]
    assert fout["zinnen"][0] == (
        "Niet goed. Je koos: wijkaanpak. Dit is gebiedsgericht werken, maar geen wijkaanpak: "
        "er zijn geen afspraken over geld."
    )


def test_a_wrong_answer_on_a_wijkaanpak_names_no_missing_kenmerk():
    data = o.oefendata("indelen-twee", [casus(label="wijkaanpak", weg=())])
    fout = o.beoordeel(data, data["items"][0], "gebiedsgericht")
    assert not fout["goed"] and fout["gemist"] == []
    assert fout["zinnen"][0].endswith("Dit is een wijkaanpak: alle negen kenmerken zijn er.")


def test_ticking_kenmerken_gives_feedback_per_kenmerk_then_the_category():
    data = o.oefendata(
        "kenmerken", [casus(label="sectoraal", weg=("ruimte_voor_bewoners", "bepaalde_periode"))]
    )
    it = data["items"][0]
    gevinkt = ALLE - {"gebiedsgebonden", "bepaalde_periode"}  # misses one, ticks one too many
    oordeel = o.beoordeel(data, it, sorted(gevinkt))
    zinnen = oordeel["zinnen"]
    assert len(zinnen) == 9 + 3
    assert zinnen[0] == "Gebonden aan een gebied: gemist. Dit kenmerk staat wel in de tekst."
    assert zinnen[3] == (
        "Ruimte voor bewoners: onterecht aangevinkt. Dit kenmerk staat niet in de tekst: "
        f"{KENMERK['ruimte_voor_bewoners'].ontbreekt}."
    )
    assert zinnen[5] == "Afspraken voor een vaste periode: goed. Dit kenmerk staat niet in de tekst."
    assert zinnen[6] == "Afspraken over geld: goed. Dit kenmerk staat in de tekst."
    assert zinnen[9] == "Met jouw vinkjes wijst de beslisregel naar: sectorale aanpak."
    assert zinnen[10] == uitleg_uitkomst(beslis(it["aanwezig"]))
    assert zinnen[11] == it["uitleg"]
    assert oordeel["gemist"] == ["gebiedsgebonden", "ruimte_voor_bewoners"] and not oordeel["goed"]
    assert o.beoordeel(data, it, it["aanwezig"])["goed"]


def test_walking_the_rule_stops_at_the_decisive_kenmerk():
    data = o.oefendata("beslisregel", [casus()])  # gebiedsgericht, no money agreements
    it = data["items"][0]
    stappen = [o.stap(data, it, nr, True) for nr in range(7)]
    assert all(s["einde"] is None for s in stappen[:6])
    assert stappen[6]["kenmerk"] == "financiele_afspraken" and not stappen[6]["goed"]
    assert (
        stappen[6]["zin"] == f"Niet goed. Het antwoord is nee: {KENMERK['financiele_afspraken'].ontbreekt}."
    )
    assert stappen[6]["einde"]["categorie"] == "gebiedsgericht"
    nee = o.stap(data, it, 6, False)
    assert nee["goed"] and nee["zin"].startswith("Goed. Het antwoord is nee")
    gemist = o.stap(data, it, 0, False)
    assert not gemist["goed"] and gemist["einde"] is None  # the path follows the casus, not the slip
    alles = o.oefendata("beslisregel", [casus(label="wijkaanpak", weg=())])
    laatste = o.stap(alles, alles["items"][0], 8, True)
    assert laatste["einde"]["categorie"] == "wijkaanpak"


def test_spectrum_feedback_names_the_place():
    data = ALLE_DATA["spectrum"]
    assert {i["goed"] for i in data["items"]} == {"generiek", "tussenin", "specifiek"}
    it = next(i for i in data["items"] if i["goed"] == "generiek")
    assert o.beoordeel(data, it, "generiek")["zinnen"][0] == "Goed. Deze aanpak ligt aan de generieke kant."
    fout = o.beoordeel(data, it, "specifiek")
    assert fout["zinnen"][0] == "Niet goed. Je koos: specifiek. Deze aanpak ligt aan de generieke kant."
    assert fout["zinnen"][1] == it["uitleg"] and fout["gemist"] == []


# --- rounds, repetition, progress ---


def test_a_round_scores_and_names_the_most_missed_kenmerken():
    data = ALLE_DATA["indelen-drie"]
    stand = o.nieuwe_stand(data)
    assert o.voortgang(data, stand)["ronde"] == "Ronde 1: nog geen antwoorden."
    antwoorden = [
        (True, []),
        (False, ["ruimte_voor_bewoners"]),
        (False, ["financiele_afspraken"]),
        (False, ["ruimte_voor_bewoners"]),
        (True, []),
    ]
    for goed, gemist in antwoorden:
        stand = o.verwerk(data, stand, o.huidig(stand), goed, gemist)
    v = o.voortgang(data, stand)
    assert v["rondes"] == [
        "Ronde 1: 2 van de 5 goed. Het vaakst gemist: Ruimte voor bewoners (2 keer), Afspraken over geld (1 keer)."
    ]
    assert v["ronde"] == "Ronde 2: nog geen antwoorden."
    assert o.teller(data, stand) == "Ronde 2, vraag 1 van 5"
    stand = o.verwerk(data, stand, o.huidig(stand), True, [])
    assert (
        o.voortgang(data, stand)["ronde"]
        == "Ronde 2: 1 van de 1 goed tot nu toe. Je hebt geen kenmerk gemist."
    )


def test_a_missed_item_comes_back_later_and_again_once_more():
    data = ALLE_DATA["indelen-twee"]
    stand = o.nieuwe_stand(data)
    eerste = o.huidig(stand)
    stand = o.verwerk(data, stand, eerste, False, [])
    assert stand["rij"].index(eerste) == o.TERUG[0]
    assert o.voortgang(data, stand)["nog_eens"] == [data["items"][0]["titel"]]
    for _ in range(o.TERUG[0]):
        stand = o.verwerk(data, stand, o.huidig(stand), True, [])
    assert o.huidig(stand) == eerste
    stand = o.verwerk(data, stand, eerste, True, [])  # right now: back once more, later
    assert stand["rij"].index(eerste) == o.TERUG[1] and stand["nog_eens"] == [[eerste, 1]]
    for _ in range(o.TERUG[1]):
        stand = o.verwerk(data, stand, o.huidig(stand), True, [])
    stand = o.verwerk(data, stand, eerste, True, [])
    assert eerste not in stand["rij"] and stand["nog_eens"] == []


def test_missing_it_again_starts_the_repetition_over():
    data = ALLE_DATA["indelen-twee"]
    stand = o.verwerk(data, o.nieuwe_stand(data), data["items"][0]["id"], False, [])
    eerste = data["items"][0]["id"]
    stand["rij"].remove(eerste)
    stand["rij"].insert(0, eerste)
    stand = o.verwerk(data, stand, eerste, True, [])
    stand = o.verwerk(data, stand, eerste, False, [])
    assert stand["nog_eens"] == [[eerste, 0]] and stand["rij"].index(eerste) == o.TERUG[0]


def test_the_old_stand_is_left_alone_and_everything_can_be_done():
    data = o.oefendata("indelen-twee", [casus("A"), casus("B")])
    stand = o.nieuwe_stand(data)
    kopie = json.loads(json.dumps(stand))
    o.verwerk(data, stand, "A", False, ["financiele_afspraken"])
    assert stand == kopie
    for _ in range(20):
        if o.huidig(stand) is None:
            break
        stand = o.verwerk(data, stand, o.huidig(stand), True, [])
    assert o.huidig(stand) is None and o.voortgang(data, stand)["klaar"]


def test_a_stored_stand_is_cleaned_or_replaced():
    data = o.oefendata("indelen-twee", [casus("A"), casus("B")])
    stand = o.verwerk(data, o.nieuwe_stand(data), "A", False, [])
    stand["rij"].append("WEG")
    stand["nog_eens"].append(["WEG", 0])
    schoon = o.herstel(data, stand)
    assert "WEG" not in schoon["rij"] and schoon["nog_eens"] == [["A", 0]]
    for kapot in (None, "tekst", {}, {"rij": 3}, {"rij": [], "nog_eens": [], "ronde": None, "rondes": []}):
        assert o.herstel(data, kapot) == o.nieuwe_stand(data)


# --- the script mirrors the logic ---


def _scenario(data: dict, zaad: int) -> list[dict]:
    kans = random.Random(zaad)
    stappen: list[dict] = []
    for it in data["items"]:
        if data["soort"] == "kiezen":
            for k in data["keuzes"]:
                stappen.append({"f": "beoordeel", "item": it["id"], "antwoord": k["code"]})
        elif data["soort"] == "kenmerken":
            for _ in range(3):
                stappen.append(
                    {
                        "f": "beoordeel",
                        "item": it["id"],
                        "antwoord": [k for k in KENMERK_CODES if kans.random() < 0.6],
                    }
                )
            stappen.append({"f": "beoordeel", "item": it["id"], "antwoord": it["aanwezig"]})
        else:
            for nr in range(9):
                stappen.append({"f": "stap", "item": it["id"], "nr": nr, "ja": kans.random() < 0.7})
    for _ in range(60):
        stappen.append(
            {
                "f": "verwerk",
                "goed": kans.random() < 0.5,
                "gemist": kans.sample(KENMERK_CODES, kans.randint(0, 3)),
            }
        )
    kapot = [
        None,
        "tekst",
        {"rij": ["WEG"], "nog_eens": [["WEG", 1]], "ronde": 5, "rondes": []},
        {"rij": [], "nog_eens": [], "ronde": {"nr": "1", "goed": 0, "totaal": 0, "gemist": {}}, "rondes": []},
        {"rij": [], "nog_eens": [], "ronde": {"nr": 1, "goed": 0, "totaal": 0, "gemist": {}}, "rondes": "x"},
        {"rij": [], "nog_eens": [], "ronde": {"nr": 1, "goed": 0, "totaal": 0, "gemist": None}, "rondes": []},
        {
            "rij": ["WEG"],
            "nog_eens": [["WEG", "x"]],
            "ronde": {"nr": 2, "goed": 1, "totaal": 1, "gemist": {}},
            "rondes": [],
        },
    ]
    stappen += [{"f": "herstel", "stand": k} for k in kapot]
    return stappen


def _python(data: dict, stappen: list[dict]) -> list:
    items = {i["id"]: i for i in data["items"]}
    stand = o.nieuwe_stand(data)
    uit = []
    for s in stappen:
        if s["f"] == "beoordeel":
            uit.append(o.beoordeel(data, items[s["item"]], s["antwoord"]))
        elif s["f"] == "stap":
            uit.append(o.stap(data, items[s["item"]], s["nr"], s["ja"]))
        elif s["f"] == "verwerk":
            if o.huidig(stand) is None:
                stand = o.nieuwe_stand(data)
            stand = o.verwerk(data, stand, o.huidig(stand), s["goed"], s["gemist"])
            uit.append([stand, o.voortgang(data, stand), o.teller(data, stand)])
        else:
            uit.append([o.herstel(data, s["stand"]), o.herstel(data, stand)])
    return uit


NODE_LOPER = """
const L = require(process.argv[2]);
const invoer = JSON.parse(require("fs").readFileSync(0, "utf8"));
const data = invoer.data;
const items = {};
data.items.forEach(i => { items[i.id] = i; });
let stand = L.nieuweStand(data);
const uit = invoer.stappen.map(s => {
  if (s.f === "beoordeel") return L.beoordeel(data, items[s.item], s.antwoord);
  if (s.f === "stap") return L.stap(data, items[s.item], s.nr, s.ja);
  if (s.f === "verwerk") {
    if (L.huidig(stand) === null) stand = L.nieuweStand(data);
    stand = L.verwerk(data, stand, L.huidig(stand), s.goed, s.gemist);
    return [stand, L.voortgang(data, stand), L.teller(data, stand)];
  }
  return [L.herstel(data, s.stand), L.herstel(data, stand)];
});
process.stdout.write(JSON.stringify(uit));
"""


@pytest.mark.skipif(
    shutil.which("node") is None, reason="node is needed to run the page script outside a browser"
)
@pytest.mark.parametrize("naam", NAMEN)
def test_the_page_script_judges_and_counts_exactly_like_python(naam, tmp_path):
    data = ALLE_DATA[naam]
    stappen = _scenario(data, zaad=len(naam))
    loper = tmp_path / "loper.js"
    loper.write_text(NODE_LOPER, encoding="utf-8")
    res = subprocess.run(
        ["node", str(loper), str(JS)],
        input=json.dumps({"data": data, "stappen": stappen}),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    js = json.loads(res.stdout)
    py = json.loads(json.dumps(_python(data, stappen)))
    assert len(js) == len(py)
    for s, a, b in zip(stappen, js, py, strict=True):
        assert a == b, s


def test_the_page_script_holds_no_learner_text_and_no_html_injection():
    bron = JS.read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", bron, flags=re.S)
    letterlijk = [t.lower() for t in re.findall(r'"((?:[^"\\]|\\.)*)"', code)]
    for tekst in o.TEKSTEN.values():
        kern = re.sub(r"\{\w+\}", "", tekst).strip(" .:").lower()
        gevonden = [t for t in letterlijk if (kern in t if " " in kern else kern == t.strip())]
        assert not gevonden, f"the script holds the text {tekst!r}"
    for t in set(letterlijk) - {"use strict"}:
        assert not re.search(r"[a-zë]{2,} [a-zë]{2,}", t), f"a sentence in the script: {t}"
    for gevaar in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "fetch(",
        "XMLHttp",
    ):
        assert gevaar not in code


# --- HTML stays text ---

GEVAAR = '<script>window.gehackt = 1</script><img src=x onerror="window.gehackt = 2"> & </script>'


def test_data_in_the_page_cannot_close_its_script_block():
    data = o.oefendata("indelen-twee", [casus(tekst=f"Een casus met {GEVAAR} erin, lang genoeg.")])
    blok = o.als_html_json(data)
    assert "<" not in blok and ">" not in blok and "&" not in blok
    assert json.loads(blok) == data


def test_the_widgets_show_html_in_a_case_as_text():
    from wijkleren.widgets import Oefening

    w = Oefening(
        "x", o.oefendata("indelen-twee", [casus(titel="Titel <b>vet</b>", tekst=f"Tekst {GEVAAR} hier.")])
    )
    assert "<script>" not in w.tekst.value and "&lt;script&gt;" in w.tekst.value
    assert "<b>" not in w.kop.value and "&lt;b&gt;vet&lt;/b&gt;" in w.kop.value


# --- the widgets: the same behaviour, driven without a browser ---


def _contrast(voor: str, achter: str) -> float:
    def lum(kleur):
        rgb = [int(kleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((lum(voor), lum(achter)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_widget_buttons_have_aa_contrast():
    from wijkleren.widgets import KNOP_KLEUR, knop

    b = knop("Ja")
    assert b.style.button_color == KNOP_KLEUR and b.style.text_color == "#ffffff"
    assert _contrast(b.style.text_color, b.style.button_color) >= 4.5
    assert _contrast("#ffffff", "#0d6efd") < 4.6  # why: the stock primary blue is borderline at best


def test_widget_choose_shows_feedback_and_progress():
    from wijkleren.widgets import Oefening

    w = Oefening("x", o.oefendata("indelen-twee", [casus("A"), casus("B", label="wijkaanpak", weg=())]))
    eerste = o.huidig(w.stand)
    knoppen = w.antwoord.children[1].children
    assert [k.description for k in knoppen] == ["Wijkaanpak", "Gebiedsgericht werken"]
    juist = next(k for k in knoppen if k.description.lower().startswith(w.items[eerste]["goed"][:5]))
    juist.click()
    assert 'role="alert"' in w.feedback.value and "Goed. Dit is" in w.feedback.value
    assert all(k.disabled for k in knoppen)
    assert "Ronde 1: 1 van de 1 goed tot nu toe." in w.voortgang.value
    assert w.volgende.layout.display is None
    w.volgende.click()
    assert o.huidig(w.stand) != eerste and w.feedback.value == ""
    w.opnieuw.click()
    assert w.stand == o.nieuwe_stand(w.data) and "nog geen antwoorden" in w.voortgang.value


def test_widget_kenmerken_and_stappen():
    from wijkleren.widgets import Oefening

    w = Oefening("x", o.oefendata("kenmerken", [casus()]))
    for vak in w.vakjes:
        vak.value = True
    w.antwoord.children[-1].children[0].click()
    assert "Afspraken over geld: onterecht aangevinkt." in w.feedback.value
    assert "Afspraken over geld (1 keer)" in w.voortgang.value

    w = Oefening("x", o.oefendata("beslisregel", [casus()]))
    for _ in range(6):
        w.ja.click()
    assert "Vraag 7 van de beslisregel" in w.feedback.value
    w.nee.click()
    assert "Het pad eindigt bij: gebiedsgericht werken." in w.feedback.value
    assert "Ronde 1: 1 van de 1 goed tot nu toe." in w.voortgang.value


# --- the book and the notebooks use every exercise ---


def test_every_exercise_is_on_a_book_page_and_in_a_notebook():
    boek = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("07*.md"))
    notebooks = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("oefening_*.md")}
    for naam in NAMEN:
        assert re.search(rf"^:::\{{oefening\}} {naam}$", boek, re.M), naam
        assert sum(f'toon("{naam}")' in t for t in notebooks.values()) == 1, naam
    for tekst in notebooks.values():
        eerste_code = tekst.split("```{code-cell}")[1]
        assert "from wijkleren.widgets import toon" in eerste_code


def test_the_chapter_says_what_the_code_does():
    tekst = (ROOT / "book" / "07_oefenen.md").read_text(encoding="utf-8")
    getal = {3: "drie", 4: "vier", 5: "vijf", 6: "zes"}[o.RONDE]
    assert f"rondes van {getal} vragen" in tekst


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell-nl is needed for the spelling check")
def test_exercise_texts_are_spelled_right(tmp_path):
    woorden = tmp_path / "woorden.dic"
    woorden.write_text(
        "\n".join(
            w.strip()
            for f in sorted((ROOT / "tests" / "woordenlijst").glob("*.txt"))
            for w in f.read_text(encoding="utf-8").splitlines()
            if w.strip()
        ),
        encoding="utf-8",
    )
    teksten = [re.sub(r"\{\w+\}", " ", t) for t in o.TEKSTEN.values()]
    for data in ALLE_DATA.values():
        teksten += [data["titel"], data["teksten"]["volgende"], data["teksten"]["uitleg"]]
        teksten += [z for k in data.get("kenmerken", []) for z in k.get("zinnen", {}).values()]
    for i in o.spectrum_items():
        teksten += [i.titel, i.tekst, i.uitleg]
    res = subprocess.run(
        ["hunspell", "-d", "nl_NL", "-p", str(woorden), "-l"],
        input="\n".join(teksten),
        capture_output=True,
        text=True,
        check=True,
    )
    assert not set(res.stdout.split()), sorted(set(res.stdout.split()))
