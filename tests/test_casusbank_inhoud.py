"""The case bank's content: schema, rule, balance, coverage, minimal pairs, and pool separation."""

import re

import pytest

from wijkleren.bankoverzicht import maak_overzicht, reeksen, woorden
from wijkleren.casusbank import bank_bestanden, casussen, laad_bank, laad_bestand
from wijkleren.domein import KENMERK_CODES, SCHALEN, THEMAS, WIJKAANPAK_KENMERKEN

OVERZICHT = maak_overzicht()


def test_every_bank_file_passes_the_schema_and_the_rule():
    # laad_bestand validates the schema and the label against the rule; ids are unique overall.
    ids = [c.id for f in bank_bestanden() for c in laad_bestand(f)]
    assert len(ids) == len(set(ids)) == len(laad_bank())
    for c in laad_bank():
        assert c.uitkomst.categorie == c.label


def test_counts_per_label_and_pool():
    assert OVERZICHT.totaal >= 72
    for label in ("wijkaanpak", "gebiedsgericht", "sectoraal"):
        assert OVERZICHT.per["label"][label] >= 24
        assert OVERZICHT.per["pool per label"][f"toets/{label}"] >= 8
    assert OVERZICHT.per["pool"]["toets"] >= 24


def test_text_length_and_uitleg():
    for c in laad_bank():
        assert 60 <= len(woorden(c.tekst)) <= 160, c.id
        zinnen = [z for z in re.split(r"(?<=[.!?])\s+", c.uitleg.strip()) if z]
        assert 2 <= len(zinnen) <= 4, (c.id, len(zinnen))


def test_variety_of_thema_schaal_and_difficulty():
    assert set(OVERZICHT.per["thema"]) == set(THEMAS)
    assert set(OVERZICHT.per["schaal"]) == set(SCHALEN)
    assert set(OVERZICHT.per["moeilijkheid"]) == {1, 2, 3}


@pytest.mark.parametrize("kenmerk", KENMERK_CODES)
def test_every_kenmerk_present_and_absent_at_least_8_times(kenmerk):
    assert OVERZICHT.aanwezig[kenmerk] >= 8
    assert OVERZICHT.afwezig[kenmerk] >= 8


def test_borderline_cases_and_minimal_pairs():
    assert len(OVERZICHT.grensgevallen) >= 12
    for kenmerk in WIJKAANPAK_KENMERKEN:
        assert len(OVERZICHT.minimale_paren[kenmerk]) >= 3, kenmerk
    assert OVERZICHT.naam_zegt_wijkaanpak, "no case called 'wijkaanpak' by its municipality that is not one"
    assert OVERZICHT.alles_behalve_gebied, "no city-wide one-theme case with all agreements"
    assert OVERZICHT.in_wijk_zonder_bewoners, "no project in a wijk made without residents"
    for c in laad_bank():
        if c.id in sum(OVERZICHT.minimale_paren.values(), []):
            assert c.valkuil, f"{c.id}: a minimal pair needs a valkuil"


def test_no_near_duplicate_texts():
    score, a, b = OVERZICHT.meest_gelijk
    assert score < 0.15, f"{a} and {b} share {score:.0%} of their word trigrams"


def test_near_duplicate_measure_can_fail():
    from wijkleren.bankoverzicht import overlap

    c = laad_bank()[0]
    assert overlap(c.tekst, c.tekst + " Dat is alles.") > 0.9


def test_fictional_places_only_real_programmes_as_in_feiten():
    # Real programmes may be named; no invented figures attached to them is a review matter,
    # but real big-city names that would suggest real facts must not appear.
    echte = ("Rotterdam", "Amsterdam", "Utrecht", "Den Haag", "Deventer", "Eindhoven", "Groningen")
    for c in laad_bank():
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


def gelekte_toetscasussen(paginas: dict[str, str]) -> list[str]:
    """Toets-pool cases that appear in the pages: any 12-word run of the text or uitleg, the first
    80 characters of the text, uitleg or valkuil, or the id as a quoted string (exercise data)."""
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
        begin = [_plat(t)[:80] for t in (c.tekst, c.uitleg, c.valkuil) if t]
        if (
            _reeksen(c.tekst) & alles
            or _reeksen(c.uitleg) & alles
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
