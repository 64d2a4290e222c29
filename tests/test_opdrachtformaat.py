"""The assignment's format is one module and one page: the writer follows it, the page names it."""

import re

import pytest
from helpers.paden import ROOT

from wijkleren.casussen.bank import TOETS_VAR
from wijkleren.eindopdracht import formaat as f
from wijkleren.eindopdracht.deel1 import notitieboek_beoordelen
from wijkleren.eindopdracht.deel2 import notitieboek_toepassen
from wijkleren.eindopdracht.trekken import kies_casussen

PAGINA = (ROOT / "docs" / "formaat.md").read_text(encoding="utf-8")


@pytest.fixture
def notitieboeken(monkeypatch):
    monkeypatch.setenv(TOETS_VAR, str(ROOT / "exercises" / "toetspool"))
    keuze = kies_casussen()
    return {
        f.BEOORDELEN: notitieboek_beoordelen(keuze.beoordelen),
        f.TOEPASSEN: notitieboek_toepassen(keuze.toepassen, keuze.advies),
    }


def _beschreven(gid: str) -> bool:
    """Is `gid` one of the names the format defines?"""
    vast = {f.INTRO, f.CONTROLE_UITLEG, f.CONTROLE, f.INLEVEREN}
    vast |= {g(b) for b in (f.ADVIES, f.EIGEN_GEMEENTE) for g in (f.vraagcel, f.schrijfcel)}
    if gid in vast or re.fullmatch(r"casus[1-9]\d*_tekst", gid):
        return True
    basis = gid.removesuffix(f.PUNTEN).removesuffix(f.VRAAG)
    if f.ANTWOORDCEL.match(basis):
        return True
    return bool(re.fullmatch(r"toepassen[1-9]\d*", f.schrijfbasis(gid) or gid.removesuffix(f.VRAAG)))


def test_every_cell_the_writer_makes_has_a_name_of_the_format(notitieboeken):
    for nb in notitieboeken.values():
        for cel in nb.cells:
            gid = f.grade_id(cel)
            assert gid is not None and _beschreven(gid), gid
            assert cel.id == f.cel_id(gid)
            assert cel.metadata[f.NBGRADER]["schema_version"] == f.NBGRADER_SCHEMA


def test_answer_cells_grade_cells_and_keys_fit_together(notitieboeken):
    nb = notitieboeken[f.BEOORDELEN]
    per_id = {f.grade_id(c): c for c in nb.cells}
    antwoorden = [g for g in per_id if f.ANTWOORDCEL.match(g)]
    assert len(antwoorden) >= 16
    for gid in antwoorden:
        assert per_id[gid].source.startswith(f.MAGIE + "\n" + f.BEGIN_OPLOSSING)
        nakijk = per_id[f.nakijkcel(gid)].source
        assert f.BEGIN_VERBORGEN in nakijk and f"\n{f.SLEUTEL_NAAM} = " in nakijk
    opgesomd = [a["id"] for a in nb.metadata[f.WIJKLEREN]["antwoordcellen"]]
    assert opgesomd == antwoorden
    schrijf = [g for g in (f.grade_id(c) for c in notitieboeken[f.TOEPASSEN].cells) if f.schrijfbasis(g)]
    assert schrijf and all(
        f.vraagcel(f.schrijfbasis(g)) in {f.grade_id(c) for c in notitieboeken[f.TOEPASSEN].cells}
        for g in schrijf
    )


def test_the_page_names_every_string_of_the_format():
    waarden = {
        naam: waarde
        for naam, waarde in vars(f).items()
        if naam.isupper() and isinstance(waarde, str) and naam not in ("VRAAG", "ANTWOORD", "PUNTEN")
    }
    assert len(waarden) >= 20
    assert sorted(n for n, w in waarden.items() if w not in PAGINA or n not in PAGINA) == []
