"""The case bank's content: schema, rule, balance, coverage, minimal pairs, and pool separation."""

import functools
import re
from collections import Counter

import pytest
from helpers.paden import ROOT

from wijkleren.casussen.bank import (
    bank_bestanden,
    casussen,
    laad_bank,
    laad_bestand,
    pakket_bestanden,
    toets_bestanden,
)
from wijkleren.casussen.domein import (
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GRENSTYPEN,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    SCHALEN,
    SOORTEN,
    THEMAS,
    WIJKAANPAK,
    WIJKAANPAK_KENMERKEN,
)
from wijkleren.casussen.overzicht import bag_of_words, cue_scores, maak_overzicht, reeksen, woorden

OVERZICHT = maak_overzicht()
BANK = list(laad_bank())


def test_every_bank_file_passes_the_schema_and_the_rule():
    # laad_bestand validates the schema and the label against the rule; ids are unique overall.
    ids = [c.id for f in bank_bestanden() for c in laad_bestand(f)]
    assert len(ids) == len(set(ids)) == len(BANK)
    for c in BANK:
        assert c.uitkomst.categorie == c.label


def test_counts_per_category_kind_and_pool():
    per = OVERZICHT.per
    assert OVERZICHT.totaal >= 120
    for label in CATEGORIEEN:
        assert per["label"][label] >= 36, label
        assert per["pool per soort"].get(f"toets/{label}", 0) >= 15 or label == NIET_GEBIEDSGERICHT
    for soort in SOORTEN:
        assert per["soort"][soort] >= 15, soort
    assert (
        sum(v for k, v in per["pool per soort"].items() if k in ("toets/sectoraal", "toets/in_gebied")) >= 15
    )
    assert per["pool"]["toets"] >= 45


def test_the_toets_pool_is_not_in_the_package():
    # A learner's kernel imports the package: it must hold the oefenen pool only.
    for f in pakket_bestanden():
        assert {c.pool for c in laad_bestand(f)} == {"oefenen"}, f
    for f in toets_bestanden():
        assert {c.pool for c in laad_bestand(f)} == {"toets"}, f
    assert toets_bestanden(), "the tests run from the repository root, where exercises/toetspool is"


def test_each_practice_case_belongs_to_one_exercise():
    oefen = casussen("oefenen")
    assert all(c.oefening for c in oefen)
    per = Counter(c.oefening for c in oefen)
    for oefening in ("kenmerken", "beslisregel", "indelen-drie"):
        assert per[oefening] >= 18, oefening
        assert {c.label for c in oefen if c.oefening == oefening} == set(CATEGORIEEN), oefening
    assert {c.label for c in oefen if c.oefening == "indelen-twee"} == {"wijkaanpak", "gebiedsgericht"}
    assert per["indelen-twee"] >= 12


def test_text_length_and_uitleg():
    for c in BANK:
        assert 80 <= len(woorden(c.tekst)) <= 160, c.id
        zinnen = [z for z in re.split(r"(?<=[.!?])\s+", c.uitleg.strip()) if z]
        assert 2 <= len(zinnen) <= 5, (c.id, len(zinnen))
    lengtes = OVERZICHT.lengte_per_label.values()
    assert max(lengtes) - min(lengtes) <= 10, OVERZICHT.lengte_per_label


def test_uitleg_of_niet_gebiedsgericht_names_its_kind():
    for c in BANK:
        if c.uitkomst.soort == "sectoraal":
            assert "sectora" in c.uitleg.lower(), c.id
        elif c.uitkomst.soort == "in_gebied":
            assert "geen gebiedsgericht werken" in c.uitleg.lower(), c.id


def test_evidence_for_every_kenmerk_present():
    assert OVERZICHT.zonder_bewijs == []


def test_no_narrator_label_no_announced_absence():
    assert OVERZICHT.verteller_label == []
    assert OVERZICHT.afwezigheid_gemeld == []


def test_no_resident_led_area_case_is_called_niet_gebiedsgericht():
    assert OVERZICHT.bewoners_geleid_niet_gebiedsgericht == []


def test_variety_of_thema_schaal_difficulty_and_form():
    assert set(OVERZICHT.per["thema"]) == set(THEMAS)
    assert set(OVERZICHT.per["schaal"]) == set(SCHALEN)
    assert set(OVERZICHT.per["moeilijkheid"]) == {1, 2, 3}
    documenten = OVERZICHT.totaal - OVERZICHT.per["vorm"]["beschrijving"]
    assert documenten >= OVERZICHT.totaal / 4
    assert len(OVERZICHT.per["vorm"]) >= 6


@pytest.mark.parametrize("kenmerk", KENMERK_CODES)
def test_every_kenmerk_present_and_absent_at_least_8_times(kenmerk):
    assert OVERZICHT.aanwezig[kenmerk] >= 8
    assert OVERZICHT.afwezig[kenmerk] >= 8


@pytest.mark.parametrize("grenstype", GRENSTYPEN)
def test_every_borderline_type_is_there_with_a_valkuil(grenstype):
    cs = [c for c in BANK if c.grenstype == grenstype]
    assert len(cs) >= 2, grenstype
    assert all(c.valkuil for c in cs)


def test_naming_traps_in_every_direction():
    naam = [c for c in BANK if c.grenstype == "naamval"]
    assert {c.label for c in naam} == set(CATEGORIEEN)
    assert {c.label for c in BANK if "wijkaanpak" in c.tekst.lower()} == set(CATEGORIEEN)


def test_minimal_pairs():
    for kenmerk in WIJKAANPAK_KENMERKEN:
        assert len(OVERZICHT.minimale_paren[kenmerk]) >= 3, kenmerk
    for c in BANK:
        if c.id in sum(OVERZICHT.minimale_paren.values(), []):
            assert c.valkuil, f"{c.id}: a minimal pair needs a valkuil"


# --- the cue gate: no surface feature gives the label away ---------------------------------------
PAREN = [
    (WIJKAANPAK, GEBIEDSGERICHT, 0.70),
    (GEBIEDSGERICHT, NIET_GEBIEDSGERICHT, 0.75),
    (WIJKAANPAK, NIET_GEBIEDSGERICHT, 0.75),
]


@pytest.mark.parametrize(("a", "b", "grens"), PAREN)
def test_no_single_surface_cue_predicts_the_label(a, b, grens):
    scores = cue_scores(BANK, a, b)
    te_goed = {k: round(v, 2) for k, v in scores.items() if v > grens}
    assert not te_goed, f"{a} tegen {b}: {te_goed}"


def test_bag_of_words_stays_near_chance():
    scores = bag_of_words(BANK)
    assert max(scores.values()) <= 0.65, scores


def _met_cue(cs, label, zin):
    return [c.model_copy(update={"tekst": c.tekst + " " + zin}) if c.label == label else c for c in cs]


def test_cue_gate_can_fail():
    # Plant the v1 bank's faults: a year only in wijkaanpak texts, an announced absence elsewhere.
    geplant = _met_cue(BANK, WIJKAANPAK, "Het loopt tot 2031.")
    assert cue_scores(geplant)["jaartal"] > 0.70
    geplant = _met_cue(geplant, GEBIEDSGERICHT, "Een einddatum is er niet, geld ook niet.")
    geplant = _met_cue(geplant, NIET_GEBIEDSGERICHT, "De afdeling doet het alleen voor de hele stad.")
    assert max(bag_of_words(geplant).values()) > 0.80


def test_no_near_duplicate_texts():
    score, a, b = OVERZICHT.meest_gelijk
    assert score < 0.15, f"{a} and {b} share {score:.0%} of their word trigrams"


def test_near_duplicate_measure_can_fail():
    from wijkleren.casussen.overzicht import overlap

    c = laad_bank()[0]
    assert overlap(c.tekst, c.tekst + " Dat is alles.") > 0.9


def test_fictional_places_only_real_programmes_as_in_feiten():
    # Real programmes may be named; no invented figures attached to them is a review matter,
    # but real big-city names that would suggest real facts must not appear.
    echte = ("Rotterdam", "Amsterdam", "Utrecht", "Den Haag", "Deventer", "Eindhoven", "Groningen")
    for c in BANK:
        for naam in echte:
            assert naam not in c.tekst, f"{c.id} names {naam}"


def test_pools_split_the_bank():
    assert {c.id for c in casussen("toets")}.isdisjoint(c.id for c in casussen("oefenen"))
    assert len(casussen("toets")) + len(casussen("oefenen")) == len(laad_bank())


def _tekst_van_html(raw: str) -> str:
    import html

    tekst = html.unescape(raw)
    # Exercise data sits in the page as JSON, which may escape letters as \uXXXX.
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), tekst)


def _reeksen(tekst: str) -> set[tuple[str, ...]]:
    # 12 words: longer than the stock phrases an uitleg shares with the feedback texts.
    return reeksen(tekst, 12)


def _plat(tekst: str) -> str:
    return " ".join(tekst.split())


@functools.cache
def _openbaar() -> tuple[frozenset, frozenset]:
    """12-word runs and 80-character openings that public texts (practice cases, the pre- and
    post-test) share with a toets case: stock phrases of an uitleg, not a leak."""
    from wijkleren.oefeningen.meting import meting

    teksten = [
        t
        for c in [*casussen("oefenen"), *meting("a"), *meting("b")]
        for t in (c.tekst, c.uitleg, c.valkuil)
        if t
    ]
    return frozenset().union(*(_reeksen(t) for t in teksten)), frozenset(_plat(t)[:80] for t in teksten)


def gelekte_toetscasussen(paginas: dict[str, str]) -> list[str]:
    """Toets-pool cases that appear in the pages: any 12-word run of the text or uitleg, the first
    80 characters of the text, uitleg or valkuil, or the id as a quoted string (exercise data).
    Runs and openings that public texts have too do not count."""
    gedeeld, gedeeld_begin = _openbaar()
    alles = set()
    platte = []
    for raw in paginas.values():
        tekst = _tekst_van_html(raw)
        alles |= _reeksen(tekst)
        platte.append(_plat(tekst))
    plat = "\n".join(platte)
    ruw = "\n".join(paginas.values())
    lek = []
    for c in casussen("toets"):
        begin = [
            _plat(t)[:80] for t in (c.tekst, c.uitleg, c.valkuil) if t and _plat(t)[:80] not in gedeeld_begin
        ]
        if (
            (_reeksen(c.tekst) - gedeeld) & alles
            or (_reeksen(c.uitleg) - gedeeld) & alles
            or any(b in plat for b in begin)
            or re.search(rf"[\"']{c.id}[\"']", ruw)
        ):
            lek.append(c.id)
    return lek


def test_leak_detector_can_fail():
    c = casussen("toets")[0]
    assert gelekte_toetscasussen({"x.html": f"<p>{c.tekst}</p>"}) == [c.id]
    assert gelekte_toetscasussen({"x.html": f"<p>{c.uitleg[:90]}</p>"}) == [c.id]
    assert gelekte_toetscasussen(
        {"x.html": f'<script type="application/json">{{"id": "{c.id}"}}</script>'}
    ) == [c.id]
    met_valkuil = next(c for c in casussen("toets") if c.valkuil)
    assert gelekte_toetscasussen({"x.txt": met_valkuil.valkuil}) == [met_valkuil.id]


def test_no_toets_case_in_the_built_book(boek):
    # The one check of the built book: every text file Sphinx wrote, the theme's included.
    paginas = {
        str(p): p.read_text(encoding="utf-8", errors="replace")
        for p in boek.rglob("*")
        if p.is_file() and p.suffix in (".html", ".js", ".json", ".txt", ".ipynb", ".md")
    }
    assert len(paginas) > 10
    assert gelekte_toetscasussen(paginas) == []


@pytest.mark.traag
def test_the_overview_command_the_trainers_chapter_names_runs():
    # book/09_trainers.md tells a trainer to run this command; it prints the figures of the bank.
    import subprocess
    import sys

    uit = subprocess.run(
        [sys.executable, "-m", "wijkleren.casussen.overzicht"], capture_output=True, text=True, timeout=300
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    assert uit.stdout.startswith(f"Casussen: {len(laad_bank())} ")
    assert "bag-of-words" in uit.stdout and "Traceback" not in uit.stderr
    assert "python -m wijkleren.casussen.overzicht" in (ROOT / "book" / "09_trainers.md").read_text(
        encoding="utf-8"
    )
