"""The exercises without a browser: the data from Python, and the component's logic under node."""

import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers.paden import ROOT
from helpers.spelling import hunspell, woordenlijst

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.beslisregel import beslis, feedback_keuze, uitleg_uitkomst
from wijkleren.casussen.domein import CATEGORIEEN, GEBIEDSGERICHT, KENMERK_CODES, WIJKAANPAK
from wijkleren.casussen.schema import Casus
from wijkleren.oefeningen import oefendata as o
from wijkleren.oefeningen import onderdelen, spectrum

JS = ROOT / "src" / "wijkleren" / "oefeningen" / "static" / "oefeningen.js"
NAMEN = list(o.OEFENINGEN)
ALLE_DATA = {n: o.oefening_data(n) for n in NAMEN}


TEKST = "Een verzonnen casus over een wijk. Bewoners beslissen mee, en de corporatie en de school doen mee."
BEWIJS = {
    "ruimte_voor_bewoners": "Bewoners beslissen mee",
    "samenwerking_partijen": "de corporatie en de school",
}


def casus(cid="X01", label="gebiedsgericht", weg=("financiele_afspraken",), **extra) -> Casus:
    """A made-up casus; by default gebiedsgericht, without money agreements, with a pitfall and evidence."""
    kenmerken = [k for k in KENMERK_CODES if k not in weg]
    return Casus.model_validate(
        {
            "id": cid,
            "titel": extra.pop("titel", f"Casus {cid}"),
            "tekst": extra.pop("tekst", TEKST),
            "valkuil": extra.pop("valkuil", "Een verzonnen valkuil bij deze casus."),
            "bewijs": extra.pop("bewijs", {k: v for k, v in BEWIJS.items() if k in kenmerken}),
            "label": label,
            "kenmerken": kenmerken,
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
        o.oefening_data("indelen-drie", [casus(), casus("T01", pool="toets")])


def test_each_exercise_gets_its_own_cases():
    oefen = casussen(pool="oefenen")
    for naam in ("indelen-twee", "kenmerken", "beslisregel", "indelen-drie"):
        data = ALLE_DATA[naam]
        keuzes = [k["code"] for k in data.get("keuzes", [])]
        eigen = [c.id for c in oefen if c.oefening in (None, naam) and (not keuzes or c.label in keuzes)]
        assert eigen and sorted(i["id"] for i in data["items"]) == sorted(eigen), naam
    assert [k["code"] for k in ALLE_DATA["indelen-twee"]["keuzes"]] == [WIJKAANPAK, GEBIEDSGERICHT]
    assert [k["code"] for k in ALLE_DATA["indelen-drie"]["keuzes"]] == list(CATEGORIEEN)


def test_order_is_fixed_easy_first_and_not_a_pattern():
    data = o.oefening_data("indelen-drie")
    assert data == o.oefening_data("indelen-drie")
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


# --- the exercise component (static/oefeningen.js): its logic under node's test runner ---


def _proefdata(tmp_path) -> Path:
    """What tests/test_oefeningen.mjs needs: the module as anywidget gets it, data, the rule's paths."""
    from wijkleren.oefeningen.widget import module_bron

    module = tmp_path / "oefeningen.mjs"
    module.write_text(module_bron(), encoding="utf-8")
    paden = []
    for n in range(len(KENMERK_CODES) + 1):
        for ja in itertools.combinations(KENMERK_CODES, n):
            uit = beslis(ja)
            paden.append([list(ja), uit.categorie, uitleg_uitkomst(uit)])
    klein = {
        "kiezen": o.oefening_data("indelen-drie", [casus()]),
        "twee": o.oefening_data("indelen-twee", [casus("A"), casus("B")]),
        "kenmerken": o.oefening_data(
            "kenmerken", [casus(weg=("financiele_afspraken", "meetbare_resultaten"))]
        ),
        "beslisregel": o.oefening_data("beslisregel", [casus()]),
        "alle_ja": o.oefening_data("beslisregel", [casus(label="wijkaanpak", weg=())]),
    }
    proef = tmp_path / "proef.json"
    proef.write_text(
        json.dumps(
            {
                "module": str(module),
                "echt": ALLE_DATA,
                "klein": klein,
                "paden": paden,
                "delen": {
                    n: onderdelen.onderdeel(n) for n in ("voortoets", "natoets", "scenario", "werkblad")
                },
            }
        ),
        encoding="utf-8",
    )
    return proef


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the exercise component's tests")
def test_the_exercise_component_under_nodes_test_runner(tmp_path):
    res = subprocess.run(
        ["node", "--test", "--test-reporter=tap", str(ROOT / "tests" / "test_oefeningen.mjs")],
        env={**os.environ, "WIJKLEREN_PROEF": str(_proefdata(tmp_path))},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == 0, res.stdout[-6000:] + res.stderr[-3000:]
    assert re.search(r"^# pass (\d+)$", res.stdout, re.M).group(1) == str(res.stdout.count("\nok "))
    assert "# fail 0" in res.stdout


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
    data = o.oefening_data(
        "indelen-twee", [casus(tekst=f"Een casus met {GEVAAR} erin, lang genoeg.", bewijs={})]
    )
    blok = onderdelen.als_html_json(data)
    assert "<" not in blok and ">" not in blok and "&" not in blok
    assert json.loads(blok) == data


# --- the book and the notebooks use every exercise ---


def test_every_exercise_is_on_a_book_page_and_in_a_notebook():
    boek = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("07*.md"))
    notebooks = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "notebooks").glob("oefening_*.md")}
    for naam in NAMEN:
        assert re.search(rf"^:::\{{oefening\}} {naam}$", boek, re.M), naam
        assert sum(f'toon("{naam}")' in t for t in notebooks.values()) == 1, naam
    for tekst in notebooks.values():
        eerste_code = tekst.split("```{code-cell}")[1]
        assert "from wijkleren.oefeningen.widget import toon" in eerste_code


def test_one_instruction_sentence_everywhere():
    """If a notebook shows no exercise: one sentence, the same in every place a learner reads."""
    zin = o.TEKSTEN["geen_oefening"]
    plekken = [ROOT / "README.md", ROOT / "notebooks" / "start.md", ROOT / "book" / "07_oefenen.md"]
    plekken += sorted((ROOT / "notebooks").glob("oefening_*.md"))
    for pad in plekken:
        tekst = " ".join(pad.read_text(encoding="utf-8").split())
        assert zin in tekst, pad.name
    assert "Shift + Enter" not in " ".join(p.read_text(encoding="utf-8") for p in plekken)
    from wijkleren.oefeningen.widget import Oefening

    assert repr(Oefening("spectrum")) == zin  # what JupyterLab shows where it cannot draw the widget


def test_the_chapter_says_what_the_code_does():
    tekst = (ROOT / "book" / "07_oefenen.md").read_text(encoding="utf-8")
    getal = {3: "drie", 4: "vier", 5: "vijf", 6: "zes"}[o.RONDE]
    assert f"rondes van {getal} vragen" in tekst


@pytest.mark.skipif(shutil.which("hunspell") is None, reason="hunspell-nl is needed for the spelling check")
def test_exercise_texts_are_spelled_right(tmp_path):
    # Without {placeholders} and ‘JupyterLab's own English labels’, which the texts quote.
    eigen = [*o.TEKSTEN.values(), *o.HERHALING_TEKSTEN.values(), *onderdelen.TOETS_TEKSTEN.values()]
    eigen += [
        *onderdelen.SCENARIO_TEKSTEN.values(),
        *(v for k, v in onderdelen.WERKBLAD_TEKSTEN.items() if k != "bestandsnaam"),
    ]
    teksten = [re.sub(r"\{\w+\}|‘[^’]*’", " ", t) for t in eigen]
    for data in ALLE_DATA.values():
        teksten += [data["titel"], data["teksten"]["volgende"], data["teksten"]["uitleg"]]
        teksten += [z for k in data.get("kenmerken", []) for z in k.get("zinnen", {}).values()]
    for i in spectrum.spectrum_items():
        teksten += [i.titel, i.tekst, i.uitleg]
    onbekend = set(hunspell("\n".join(teksten), woordenlijst(tmp_path)))
    assert not onbekend, sorted(onbekend)


def test_evidence_offsets_count_as_javascript_does():
    """The component slices the text by these offsets in UTF-16 units, also after an emoji."""
    tekst = "Een wijk 😀 met een plan. Bewoners   beslissen\nmee over het geld."
    plekken = o.bewijs_plekken(
        tekst, {"ruimte_voor_bewoners": "Bewoners beslissen mee", "gebiedsgebonden": "wijk"}
    )
    utf16 = tekst.encode("utf-16-le")
    gevonden = {code: utf16[2 * b : 2 * e].decode("utf-16-le") for b, e, code in plekken}
    assert gevonden == {"gebiedsgebonden": "wijk", "ruimte_voor_bewoners": "Bewoners   beslissen\nmee"}
    assert [p[2] for p in plekken] == ["gebiedsgebonden", "ruimte_voor_bewoners"]


def test_every_part_of_the_component_has_its_data_and_a_page():
    boek = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "book").glob("*.md"))
    for naam in onderdelen.ONDERDELEN:
        data = onderdelen.onderdeel(naam)
        assert json.loads(json.dumps(data)) == data and data["soort"]
        assert re.search(rf"^:::\{{oefening\}} {naam}$", boek, re.M), naam
    with pytest.raises(KeyError, match="Onbekende oefening"):
        onderdelen.onderdeel("bestaat-niet")
    # The post-test knows the pre-test's key and reports; the pre-test does not.
    voor, na = onderdelen.onderdeel("voortoets"), onderdelen.onderdeel("natoets")
    assert na["meld"] and not voor["meld"] and na["voor"]["id"] == voor["id"]
    assert not {i["id"] for i in voor["items"]} & {c.id for c in casussen(pool="oefenen")}
