"""The learning data of issue 15: pre-/post-test forms, misconceptions, the scenario, the worksheet.

Only the data, its schemas and loaders and the JSON the exercise component gets; the component
itself is tested with the component.
"""

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from helpers.paden import ROOT
from helpers.spelling import hunspell, woordenlijst

from wijkleren.boek.leesbaarheid import (
    FLESCH_DOUMA_MIN,
    KORT_AANDEEL_MAX,
    ZINSLENGTE_MAX,
    ZINSLENGTE_MIN,
    meet_tekst,
)
from wijkleren.casussen import bank as casusbank
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import (
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GEEN_KENMERK,
    KENMERK,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    SOORTEN,
    WIJKAANPAK,
    WIJKAANPAK_KENMERKEN,
)
from wijkleren.casussen.overzicht import CUES, overlap, woorden, zinnen
from wijkleren.casussen.schema import zonder_witruimte
from wijkleren.oefeningen import meting, misvattingen, scenario, werkblad
from wijkleren.oefeningen.leerdata import LeerdataFout, plat
from wijkleren.oefeningen.oefendata import oefening_data
from wijkleren.oefeningen.onderdelen import als_html_json

DATA = ROOT / "src" / "wijkleren" / "oefeningen" / "data"
VORMEN = meting.metingen()
ALLE_ITEMS = [c for v in meting.TOETSVORMEN for c in VORMEN[v]]


def _groep(c):
    return c.uitkomst.soort or c.label


# --- Pre-test and post-test ----------------------------------------------------------------------


def test_each_form_has_seven_items_with_the_same_mix():
    for vorm, items in VORMEN.items():
        assert len(items) == 7, vorm
        labels = Counter(c.label for c in items)
        assert labels == {WIJKAANPAK: 2, GEBIEDSGERICHT: 2, NIET_GEBIEDSGERICHT: 3}, vorm
        soorten = Counter(c.uitkomst.soort for c in items if c.label == NIET_GEBIEDSGERICHT)
        assert all(soorten[s] >= 1 for s in SOORTEN), (vorm, soorten)
        assert {c.moeilijkheid for c in items} == {1, 2, 3}, vorm


def test_paired_items_test_the_same_thing():
    a, b = VORMEN["a"], VORMEN["b"]
    for x, y in zip(a, b, strict=True):
        assert (x.label, x.uitkomst.soort, x.uitkomst.beslissend, x.moeilijkheid) == (
            y.label,
            y.uitkomst.soort,
            y.uitkomst.beslissend,
            y.moeilijkheid,
        ), (x.id, y.id)
    # Several decisive kenmerken are tested, not one over and over.
    assert len({c.uitkomst.beslissend for c in a}) >= 5


def test_items_are_cases_with_evidence_and_a_valkuil():
    for c in ALLE_ITEMS:
        assert 100 <= len(woorden(c.tekst)) <= 135, c.id
        assert set(c.bewijs) == set(c.kenmerken), c.id
        tekst = zonder_witruimte(c.tekst)
        assert all(zonder_witruimte(b) in tekst for b in c.bewijs.values()), c.id
        assert c.valkuil and c.oefening is None and c.pool == "oefenen", c.id
        for echt in ("Rotterdam", "Amsterdam", "Utrecht", "Den Haag", "Deventer", "Eindhoven", "Groningen"):
            assert echt not in c.tekst, c.id


def test_the_bank_does_not_load_the_forms():
    assert all(p.parent == casusbank.BANK_MAP for p in casusbank.pakket_bestanden())
    bank = casusbank.laad_bank()
    assert casusbank.toets_bestanden(), "the tests run from the repository root, where exercises/toetspool is"
    assert {c.id for c in bank}.isdisjoint(c.id for c in ALLE_ITEMS)
    assert {plat(c.tekst) for c in bank}.isdisjoint(plat(c.tekst) for c in ALLE_ITEMS)


def test_no_near_duplicate_of_a_bank_case_or_of_each_other():
    # The bank's own near-duplicate check (word-trigram overlap below 0.15), against the oefenen
    # pool, the toets pool and the other form.
    bank = casusbank.laad_bank()
    assert {c.pool for c in bank} == {"oefenen", "toets"}
    ergste = max((overlap(c.tekst, b.tekst), c.id, b.id) for c in ALLE_ITEMS for b in bank)
    assert ergste[0] < 0.15, ergste
    binnen = max((overlap(x.tekst, y.tekst), x.id, y.id) for x, y in itertools.combinations(ALLE_ITEMS, 2))
    assert binnen[0] < 0.15, binnen


def test_no_surface_cue_gives_the_answer_away():
    from wijkleren.casussen.overzicht import meldt_afwezigheid, verteller_noemt_label

    assert not [c.id for c in ALLE_ITEMS if verteller_noemt_label(c) or meldt_afwezigheid(c)]
    groepen: dict[str, list] = {}
    for c in ALLE_ITEMS:
        groepen.setdefault(c.label, []).append(c.titel + ". " + c.tekst)
    # No cue is in every text of one category and in no text of another.
    for naam, cue in CUES.items():
        for x, y in itertools.permutations(CATEGORIEEN, 2):
            assert not (all(map(cue, groepen[x])) and not any(map(cue, groepen[y]))), (naam, x, y)
    for vorm, items in VORMEN.items():
        assert sum(CUES["ontkenning_slotzin"](c.tekst) for c in items) <= 1, vorm
        assert sum(c.vorm != "beschrijving" for c in items) >= 3, vorm
    lengtes = {lab: sum(len(woorden(t)) for t in ts) / len(ts) for lab, ts in groepen.items()}
    assert max(lengtes.values()) - min(lengtes.values()) <= 10, lengtes


def _kopie(tmp_path, vorm, wijzig):
    data = yaml.safe_load(meting.vorm_bestand(vorm).read_text(encoding="utf-8"))
    wijzig(data)
    pad = tmp_path / f"vorm_{vorm}.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def test_form_checks_can_fail(tmp_path):
    with pytest.raises(meting.MetingFout, match="past niet bij de kenmerken"):
        meting.laad_vorm(_kopie(tmp_path, "a", lambda d: d[0].update(label="gebiedsgericht")), "a")
    with pytest.raises(meting.MetingFout, match="6 casussen; het moeten er 7"):
        meting.laad_vorm(_kopie(tmp_path, "a", lambda d: d.pop()), "a")
    with pytest.raises(meting.MetingFout, match="heeft een valkuil nodig"):
        meting.laad_vorm(_kopie(tmp_path, "b", lambda d: d[2].pop("valkuil")), "b")
    with pytest.raises(meting.MetingFout, match="Onbekende vorm 'c'"):
        meting.metingdata("c")


def test_parallel_check_can_fail():
    a, b = list(VORMEN["a"]), list(VORMEN["b"])
    assert meting.problemen_paar(a, b) == []
    anders = [*b[:3], b[3].model_copy(update={"moeilijkheid": 1}), *b[4:]]
    assert any("moeilijkheid" in p for p in meting.problemen_paar(a, anders))
    gewisseld = [b[4], *b[1:4], b[0], *b[5:]]
    fout = meting.problemen_paar(a, gewisseld)
    assert any("label" in p for p in fout) and any("beslissend kenmerk" in p for p in fout)


@pytest.mark.parametrize("vorm", meting.TOETSVORMEN)
def test_metingdata_is_what_the_component_needs(vorm):
    data = meting.metingdata(vorm)
    json.loads(json.dumps(data))
    assert als_html_json(data)
    assert data["rol"] == ("voortoets" if vorm == "a" else "natoets")
    assert [k["code"] for k in data["keuzes"]] == list(CATEGORIEEN)
    assert [k["code"] for k in data["kenmerk_keuzes"]] == [*KENMERK_CODES, GEEN_KENMERK]
    assert data["max"] == 14 and len(data["items"]) == 7
    for item in data["items"]:
        c = next(c for c in VORMEN[vorm] if c.id == item["id"])
        assert item["goed"] == c.label and item["soort"] == c.uitkomst.soort
        assert item["beslissend"] == (c.uitkomst.beslissend or GEEN_KENMERK)
        assert set(item["feedback"]) == set(CATEGORIEEN)
        assert set(item["misvatting"]) == set(CATEGORIEEN) - {c.label}
        assert all(item["misvatting"].values())
        assert set(item["kenmerk_feedback"]) == {*KENMERK_CODES, GEEN_KENMERK}
        goed = [k for k, v in item["kenmerk_feedback"].items() if v.startswith("Goed.")]
        assert goed == [item["beslissend"]]
        assert all(b in item["tekst"] for b in item["bewijs"].values())
        assert item["valkuil"] and item["uitleg"]


def test_the_forms_are_shown_in_different_mixed_orders():
    a, b = meting.metingdata("a")["items"], meting.metingdata("b")["items"]
    assert [i["goed"] for i in a] != [i["goed"] for i in b]
    for data, vorm in ((a, "a"), (b, "b")):
        assert sorted(i["paar"] for i in data) == list(range(1, 8))
        assert [i["id"] for i in data] != [c.id for c in VORMEN[vorm]]
        assert [VORMEN[vorm][i["paar"] - 1].id for i in data] == [i["id"] for i in data]
    assert meting.metingdata("a") == meting.metingdata("a")


def test_kenmerk_feedback_names_the_mistake():
    gg = next(c for c in ALLE_ITEMS if c.label == GEBIEDSGERICHT)
    aanwezig = gg.kenmerken[0]
    assert "is er wel" in meting.kenmerk_feedback(gg, aanwezig)
    assert misvattingen.kenmerk_misvatting(aanwezig, "gemist") in meting.kenmerk_feedback(gg, aanwezig)
    assert "Er ontbreekt wel een kenmerk" in meting.kenmerk_feedback(gg, GEEN_KENMERK)
    sectoraal = next(c for c in ALLE_ITEMS if c.uitkomst.soort == "sectoraal")
    later = next(k for k in KENMERK_CODES[1:] if k not in sectoraal.kenmerken)
    assert "stopt eerder" in meting.kenmerk_feedback(sectoraal, later)
    wa = next(c for c in ALLE_ITEMS if c.label == WIJKAANPAK)
    assert meting.kenmerk_feedback(wa, GEEN_KENMERK).startswith("Goed.")
    with pytest.raises(meting.MetingFout):
        meting.kenmerk_feedback(wa, "<script>")


# --- Misconceptions ------------------------------------------------------------------------------


def _alle_paren():
    for label in CATEGORIEEN:
        for soort in SOORTEN if label == NIET_GEBIEDSGERICHT else (None,):
            for gekozen in CATEGORIEEN:
                yield label, soort, gekozen


def test_every_wrong_choice_has_its_own_misconception():
    zinnen_ = {}
    for label, soort, gekozen in _alle_paren():
        zin = misvattingen.misvatting(label, soort, gekozen)
        if gekozen == label:
            assert zin == "", (label, soort)
        else:
            assert len(zin) > 40, (label, soort, gekozen)
            zinnen_[(label, soort, gekozen)] = zin
    assert len(zinnen_) == 8
    assert len(set(zinnen_.values())) == 8, "every wrong choice gets a different sentence"


def test_a_sharper_sentence_for_the_decisive_kenmerk():
    algemeen = misvattingen.misvatting(GEBIEDSGERICHT, None, WIJKAANPAK)
    scherp = [misvattingen.misvatting(GEBIEDSGERICHT, None, WIJKAANPAK, k) for k in WIJKAANPAK_KENMERKEN]
    assert len(set(scherp)) == 4 and algemeen not in scherp
    assert "geld" in misvattingen.misvatting(GEBIEDSGERICHT, None, WIJKAANPAK, "financiele_afspraken")
    assert "klankbordgroep" in misvattingen.misvatting(
        NIET_GEBIEDSGERICHT, "in_gebied", GEBIEDSGERICHT, "ruimte_voor_bewoners"
    )
    # A kenmerk without its own sentence falls back on the general one.
    assert misvattingen.misvatting(WIJKAANPAK, None, GEBIEDSGERICHT, "meetbare_resultaten") == (
        misvattingen.misvatting(WIJKAANPAK, None, GEBIEDSGERICHT)
    )


def test_every_kenmerk_has_a_sentence_for_a_wrong_tick_and_a_miss():
    alle = []
    for code in KENMERK_CODES:
        for fout in ("onterecht", "gemist"):
            alle.append(misvattingen.kenmerk_misvatting(code, fout))
    assert len(set(alle)) == 18 and all(len(z) > 40 for z in alle)
    data = misvattingen.misvattingen_data()
    assert set(data["kenmerken"]) == set(KENMERK_CODES)
    assert set(data["keuze"]) == {"wijkaanpak", "gebiedsgericht", "sectoraal", "in_gebied"}
    json.loads(json.dumps(data))


def test_every_bank_case_gets_a_misconception_per_wrong_choice():
    for c in casusbank.casussen("oefenen"):
        uit = misvattingen.misvattingen_voor(c)
        assert set(uit) == set(CATEGORIEEN) - {c.label} and all(uit.values()), c.id


def test_misvatting_refuses_bad_input_in_dutch():
    with pytest.raises(ValueError, match="Onbekende categorie"):
        misvattingen.misvatting("sectoraal", None, WIJKAANPAK)
    with pytest.raises(ValueError, match="hoort een soort"):
        misvattingen.misvatting(NIET_GEBIEDSGERICHT, None, WIJKAANPAK)
    with pytest.raises(ValueError, match="Alleen geen gebiedsgericht werken heeft een soort"):
        misvattingen.misvatting(WIJKAANPAK, "sectoraal", GEBIEDSGERICHT)
    with pytest.raises(ValueError, match="Onbekende keuze"):
        misvattingen.misvatting(WIJKAANPAK, None, "iets")
    with pytest.raises(ValueError, match="Onbekende fout"):
        misvattingen.kenmerk_misvatting("gebiedsgebonden", "fout")


def _yaml_kopie(tmp_path, bron: Path, wijzig) -> Path:
    data = yaml.safe_load(bron.read_text(encoding="utf-8"))
    wijzig(data)
    pad = tmp_path / bron.name
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda d: d["keuze"].pop(0), "ontbreekt een zin: wijkaanpak → gebiedsgericht"),
        (lambda d: d["keuze"].append(dict(d["keuze"][0])), "twee keer"),
        (lambda d: d["kenmerken"].pop("meetbare_resultaten"), "geen zinnen: meetbare_resultaten"),
        (
            lambda d: d["keuze"][2]["per_kenmerk"].update(gebiedsgebonden="Een zin die hier niet kan."),
            "niet de doorslag",
        ),
        (lambda d: d["keuze"][0].update(gekozen="wijkaanpak"), "goede antwoord"),
        (lambda d: d["keuze"][0].update(juist="sectoral"), "Bedoelde je 'sectoraal'"),
    ],
)
def test_misconception_file_checks_can_fail(tmp_path, wijzig, melding):
    pad = _yaml_kopie(tmp_path, misvattingen.BESTAND, wijzig)
    with pytest.raises(LeerdataFout, match=melding):
        misvattingen.laad_misvattingen(pad)


# --- The scenario --------------------------------------------------------------------------------

SCENARIO = scenario.laad_scenario()


def test_every_path_ends_after_three_or_four_decisions():
    paden = SCENARIO.paden()
    assert len(paden) >= 9
    for pad in paden:
        assert pad[-1].naar == scenario.EINDE
        assert all(o.naar != scenario.EINDE for o in pad[:-1])
        assert 3 <= len(pad) <= 4


def test_every_option_leads_somewhere_and_every_punt_is_reached():
    ids = {p.id for p in SCENARIO.punten}
    bezocht = {o.naar for pad in SCENARIO.paden() for o in pad} | {SCENARIO.start}
    for p in SCENARIO.punten:
        assert 2 <= len(p.opties) <= 3, p.id
        assert all(o.naar in ids | {scenario.EINDE} for o in p.opties), p.id
        assert {o.kwaliteit for o in p.opties} >= {"goed", "zwak"}, p.id
        assert p.id in bezocht, p.id


def test_each_ending_is_reachable_and_reflects_the_quality_of_the_advice():
    einden = {pad: SCENARIO.einde_voor([o.id for o in pad]).id for pad in map(tuple, SCENARIO.paden())}
    assert set(einden.values()) == {e.id for e in SCENARIO.einden}
    rang = {e.id: e.vanaf for e in SCENARIO.einden}
    beste = max(SCENARIO.einden, key=lambda e: e.vanaf).id
    slechtste = min(SCENARIO.einden, key=lambda e: e.vanaf).id
    for pad, einde in einden.items():
        if all(o.kwaliteit == "goed" for o in pad):
            assert einde == beste
        if all(o.kwaliteit == "zwak" for o in pad):
            assert einde == slechtste
    # A better advice never ends worse: sorted by score, the endings only go up.
    per_score = sorted((scenario.score(p) / len(p), rang[e]) for p, e in einden.items())
    assert [r for _, r in per_score] == sorted(r for _, r in per_score)


def test_the_scenario_is_about_the_professionals_real_task():
    tekst = " ".join(
        plat(t)
        for p in SCENARIO.punten
        for t in [p.situatie, *(o.tekst for o in p.opties), *(o.waarom for o in p.opties)]
    ).lower()
    for nodig in ("sectora", "wijkaanpak", "afspraken", "bewoners", "raad", "looptijd"):
        assert nodig in tekst, nodig
    assert all(o.gevolg.wijk and o.gevolg.raad and o.gevolg.partners for o in SCENARIO.opties.values())


def _scenario_kopie(tmp_path, wijzig):
    return _yaml_kopie(tmp_path, scenario.BESTAND, wijzig)


def _punt(d, pid):
    return next(p for p in d["punten"] if p["id"] == pid)


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda d: _punt(d, "tegenvaller")["opties"][0].update(naar="vraag"), "kring"),
        (lambda d: _punt(d, "vraag")["opties"][0].update(naar="nergens"), "bestaat niet"),
        (lambda d: _punt(d, "vraag")["opties"][1].update(naar="opgaven"), "niet te bereiken: onrust"),
        (lambda d: d["einden"][1].update(vanaf=0.85), "geen enkel pad komt uit bij deze einden: sterk"),
        (lambda d: _punt(d, "opgaven").update(opties=_punt(d, "opgaven")["opties"][:1]), "te weinig"),
        (lambda d: d["punten"][1]["opties"][0].update(id="vraag-ophalen"), "twee keer"),
        (lambda d: d.update(start="begin"), "start 'begin'"),
        (lambda d: d["einden"][2].update(vanaf=0.3), "vanaf: 0"),
        (
            lambda d: _punt(d, "vraag")["opties"][0].update(kwaliteit="prima"),
            "kies uit: goed, redelijk, zwak",
        ),
        (lambda d: _punt(d, "vraag")["opties"][0]["gevolg"].pop("raad"), "gevolg.raad: verplicht veld"),
    ],
)
def test_scenario_checks_can_fail(tmp_path, wijzig, melding):
    with pytest.raises(LeerdataFout, match=melding):
        scenario.laad_scenario(_scenario_kopie(tmp_path, wijzig))


def test_a_path_too_long_is_refused(tmp_path):
    def langer(d):
        extra = json.loads(json.dumps(_punt(d, "tegenvaller")))
        extra["id"] = "nog-een"
        for o in extra["opties"]:
            o["id"] = "nog-" + o["id"]
        for o in _punt(d, "tegenvaller")["opties"]:
            o["naar"] = "nog-een"
        d["punten"].append(extra)

    with pytest.raises(LeerdataFout, match="hoogstens 4"):
        scenario.laad_scenario(_scenario_kopie(tmp_path, langer))


def test_einde_voor_refuses_a_path_that_is_not_one():
    with pytest.raises(ValueError, match="geen optie bij besluitpunt 'vraag'"):
        SCENARIO.einde_voor(["opgaven-alles"])
    with pytest.raises(ValueError, match="nog niet af"):
        SCENARIO.einde_voor(["vraag-ophalen"])
    with pytest.raises(ValueError, match="geen keuze"):
        SCENARIO.einde_voor([])


def test_scenario_data_has_every_paths_ending():
    data = scenario.scenario_data()
    json.loads(json.dumps(data))
    assert als_html_json(data)
    assert data["start"] in data["punten"]
    assert len(data["uitkomsten"]) == len(SCENARIO.paden())
    for pad, uit in data["uitkomsten"].items():
        keuzes = pad.split(",")
        assert uit["einde"] == SCENARIO.einde_voor(keuzes).id
        punten = sum(o["punten"] for p in data["punten"].values() for o in p["opties"] if o["id"] in keuzes)
        assert uit["punten"] == punten and uit["max"] == 2 * len(keuzes)
    for p in data["punten"].values():
        for o in p["opties"]:
            assert set(o["gevolg"]) == {"wijk", "raad", "partners"}
            assert o["naar"] in data["punten"] or o["naar"] == data["einde"]
            assert "\n" not in o["tekst"]
    assert set(data["teksten"]) >= {"goed", "redelijk", "zwak", "terugblik", "opnieuw"}


# --- The worksheet -------------------------------------------------------------------------------


def test_worksheet_thresholds_come_from_domein_only():
    data = werkblad.werkblad_data()
    assert [k["code"] for k in data["kenmerken"]] == list(KENMERK_CODES)
    ruw = (DATA / "mijn_plan.yaml").read_text(encoding="utf-8")
    for k in data["kenmerken"]:
        assert k["genoeg"] == KENMERK[k["code"]].genoeg
        assert k["niet_genoeg"] == KENMERK[k["code"]].niet_genoeg
        assert KENMERK[k["code"]].genoeg in k["hint"] and KENMERK[k["code"]].niet_genoeg in k["hint"]
        assert KENMERK[k["code"]].genoeg not in ruw and KENMERK[k["code"]].niet_genoeg not in ruw
        assert k["vraag"] != KENMERK[k["code"]].vraag
    assert len(data["reflectie"]) == 3
    json.loads(json.dumps(data))
    assert als_html_json(data)


def test_worksheet_rule_path_gives_the_rules_outcome_for_every_tick_pattern():
    # The component walks `regel` the way the beslisregel exercise does; the data must be enough.
    data = werkblad.werkblad_data()
    assert data["regel"] == oefening_data("beslisregel")["regel"]
    for vinkjes in itertools.product((False, True), repeat=len(KENMERK_CODES)):
        aan = {c for c, v in zip(KENMERK_CODES, vinkjes, strict=True) if v}
        einde = next((s["nee"] for s in data["regel"] if s["kenmerk"] not in aan), data["alle_ja"])
        uit = beslis(aan)
        assert einde["categorie"] == uit.categorie
        beslissend = next((s["kenmerk"] for s in data["regel"] if s["kenmerk"] not in aan), None)
        assert beslissend == uit.beslissend


@pytest.mark.parametrize(
    ("wijzig", "melding"),
    [
        (lambda d: d["kenmerken"].pop(), "elk kenmerk staat er één keer in"),
        (lambda d: d["kenmerken"][0].update(kenmerk="gebied"), "onbekende kenmerken: gebied"),
        (lambda d: d["reflectie"].pop(), "3 reflectievragen"),
        (lambda d: d["velden"][0].update(regels=40), "velden.0.regels: mag hoogstens 12 zijn"),
        (lambda d: d.update(drempels="genoeg"), "drempels: onbekend veld"),
    ],
)
def test_worksheet_checks_can_fail(tmp_path, wijzig, melding):
    with pytest.raises(LeerdataFout, match=melding):
        werkblad.laad_werkblad(_yaml_kopie(tmp_path, werkblad.BESTAND, wijzig))


def test_a_broken_file_gives_a_dutch_message(tmp_path):
    kapot = tmp_path / "kapot.yaml"
    kapot.write_text("id: [\n", encoding="utf-8")
    with pytest.raises(LeerdataFout, match="geen geldige YAML"):
        scenario.laad_scenario(kapot)
    with pytest.raises(LeerdataFout, match="bestaat niet"):
        werkblad.laad_werkblad(tmp_path / "weg.yaml")
    bom = tmp_path / "bom.yaml"
    bom.write_text("a: &x [1]\nb: *x\n", encoding="utf-8")
    with pytest.raises(LeerdataFout, match="verwijzing"):
        misvattingen.laad_misvattingen(bom)


# --- Language: B1 for professionals, one form of address, spelling -------------------------------


def _eigen_proza() -> dict[str, list[str]]:
    """The texts written in the course's own voice (not the in-world case documents), per file."""
    m = misvattingen.misvattingen_data()
    w = werkblad.laad_werkblad()
    return {
        "meting": [t for c in ALLE_ITEMS for t in (c.uitleg, c.valkuil)],
        "misvattingen": [x["zin"] for g in m["keuze"].values() for x in g.values()]
        + [z for g in m["keuze"].values() for x in g.values() for z in x["per_kenmerk"].values()]
        + [z for k in m["kenmerken"].values() for z in k.values()],
        "scenario": [SCENARIO.rol, SCENARIO.inleiding]
        + [p.situatie for p in SCENARIO.punten]
        + [t for o in SCENARIO.opties.values() for t in (o.tekst, o.waarom, *o.gevolg.model_dump().values())]
        + [e.tekst for e in SCENARIO.einden],
        "werkblad": [w.inleiding, *(v.hulp for v in w.velden), *(k.vraag for k in w.kenmerken)]
        + [r.vraag for r in w.reflectie],
    }


@pytest.mark.parametrize("naam", ["meting", "misvattingen", "scenario", "werkblad"])
def test_own_texts_are_b1_for_professionals(naam):
    c = meet_tekst("\n\n".join(plat(t) for t in _eigen_proza()[naam]), naam)
    assert ZINSLENGTE_MIN <= c.zinslengte <= ZINSLENGTE_MAX, c
    assert c.kort_aandeel <= KORT_AANDEEL_MAX, c
    assert c.flesch_douma > FLESCH_DOUMA_MIN, c


def _zonder_aanhalingen(tekst: str) -> str:
    """What someone in the story says (between quotes) is theirs, not the course's voice."""
    tekst = re.sub(r'"[^"]{0,400}"|“[^”]{0,400}”', " ", tekst)
    return re.sub(r"(?<!\w)'[^'\n]+'(?!\w)", " ", tekst)


def test_own_texts_say_je_never_u_or_we():
    teksten = [t for ts in _eigen_proza().values() for t in ts]
    teksten += [*meting.TEKSTEN.values(), *scenario.TEKSTEN.values(), *werkblad.TEKSTEN.values()]
    gevonden = {
        m.group(0)
        for t in teksten
        for m in re.finditer(r"\b(we|wij|ons|onze|u|uw)\b", _zonder_aanhalingen(plat(t)), re.I)
    }
    assert not gevonden
    assert re.search(r"\bwe\b", _zonder_aanhalingen("Daarom doen we dit. Hij zegt: 'Wij doen mee.'"))


# Invented names and a few compounds the Dutch dictionary does not know.
EIGEN_WOORDEN = """Brederwaal Ekelkamp Elsterbroek Morrendonk Thuisvast Vinkenhaar Tjalkweide Westmaarland
Zwalmerdam Lievenmeer Havenfront Kraaienhoek Wissel Talsma Zorgkring Brinkman Mollema Gagelhoek
Hennekamp Woonweide Zegerskamp Ravensloot Gezondwijs Holtrode Kieftenhaar Borkelo Greveling
Reigerhof Wijnsloot Reigerstaete Visscher Kloosterhoek Aarts Hollingsveen Zwanenkamp Kalsbeek
Veenwonen leerwerkplek leerwerkplekken voortoets natoets roc wadi's""".split()


def test_spelling_of_all_learning_data(tmp_path):
    dic = woordenlijst(tmp_path, EIGEN_WOORDEN)
    teksten = [t for ts in _eigen_proza().values() for t in ts] + [
        c.tekst + " " + c.titel for c in ALLE_ITEMS
    ]
    teksten += [*meting.TEKSTEN.values(), *scenario.TEKSTEN.values(), *werkblad.TEKSTEN.values()]
    teksten += [p.titel + ". " + p.vraag for p in SCENARIO.punten] + [e.titel for e in SCENARIO.einden]
    tekst = re.sub(r"\{\w+\}", " ", "\n".join(plat(t) for t in teksten)).replace("/", " ")
    tekst = re.sub(r"(?<!\w)'(?!s\b)|(?<=\w)'(?!\w)", " ", tekst)
    onbekend = {w.strip(".,") for w in hunspell(tekst, dic)} - set(EIGEN_WOORDEN)
    assert not onbekend, sorted(onbekend)
    assert hunspell("De gemeennte", dic) == ["gemeennte"]


def test_every_sentence_of_a_misconception_is_whole():
    # One or two sentences, each ending with a full stop: the component shows them as they are.
    for t in _eigen_proza()["misvattingen"]:
        delen = zinnen(plat(t))
        assert 1 <= len(delen) <= 2 and all(z.endswith(".") for z in delen), t
