import itertools

import pytest

from wijkleren.casussen.beslisregel import beslis, feedback_keuze, uitleg_uitkomst
from wijkleren.casussen.domein import GEBIEDSGERICHT_KENMERKEN, KENMERK, KENMERK_CODES, WIJKAANPAK_KENMERKEN

ALLE = set(KENMERK_CODES)


def test_all_nine_is_wijkaanpak():
    u = beslis(ALLE)
    assert (u.categorie, u.beslissend) == ("wijkaanpak", None)
    assert uitleg_uitkomst(u) == "Dit is een wijkaanpak: alle negen kenmerken zijn er."
    assert len(u.stappen) == 9


@pytest.mark.parametrize("weg", GEBIEDSGERICHT_KENMERKEN)
def test_missing_gebiedsgericht_kenmerk_is_niet_gebiedsgericht_of_its_kind(weg):
    u = beslis(ALLE - {weg})
    assert (u.categorie, u.beslissend) == ("niet_gebiedsgericht", weg)
    zin = uitleg_uitkomst(u)
    if weg == "gebiedsgebonden":
        assert u.soort == "sectoraal" and zin.startswith("Dit is een sectorale aanpak")
    else:
        assert u.soort == "in_gebied"
        assert zin.startswith("Dit gebeurt in een gebied, maar het is geen gebiedsgericht werken")
    assert KENMERK[weg].ontbreekt in zin


@pytest.mark.parametrize("weg", WIJKAANPAK_KENMERKEN)
def test_missing_wijkaanpak_kenmerk_is_gebiedsgericht(weg):
    u = beslis(ALLE - {weg})
    assert (u.categorie, u.beslissend) == ("gebiedsgericht", weg)
    assert (
        uitleg_uitkomst(u) == f"Dit is gebiedsgericht werken, maar geen wijkaanpak: {KENMERK[weg].ontbreekt}."
    )


def test_decisive_is_first_missing_on_the_path():
    # Missing money and measurable results: the rule asks about money first.
    u = beslis(ALLE - {"financiele_afspraken", "meetbare_resultaten"})
    assert u.beslissend == "financiele_afspraken"
    # Missing a gebiedsgericht and a wijkaanpak kenmerk: the first step decides.
    u = beslis(ALLE - {"ruimte_voor_bewoners", "bepaalde_periode"})
    assert (u.categorie, u.beslissend, u.soort) == (
        "niet_gebiedsgericht",
        "ruimte_voor_bewoners",
        "in_gebied",
    )
    assert u.stappen[-1] == ("ruimte_voor_bewoners", False)


def test_nothing_present_is_sectoraal_on_the_first_kenmerk():
    u = beslis([])
    assert (u.categorie, u.soort, u.beslissend, u.stappen) == (
        "niet_gebiedsgericht",
        "sectoraal",
        "gebiedsgebonden",
        (("gebiedsgebonden", False),),
    )


def test_every_subset_matches_the_definition():
    for n in range(len(KENMERK_CODES) + 1):
        for subset in itertools.combinations(KENMERK_CODES, n):
            s = set(subset)
            verwacht = (
                "niet_gebiedsgericht"
                if not s >= set(GEBIEDSGERICHT_KENMERKEN)
                else "wijkaanpak"
                if s >= set(WIJKAANPAK_KENMERKEN)
                else "gebiedsgericht"
            )
            assert beslis(s).categorie == verwacht
            if verwacht == "niet_gebiedsgericht":
                assert beslis(s).soort == ("in_gebied" if "gebiedsgebonden" in s else "sectoraal")


def test_unknown_code_raises():
    with pytest.raises(ValueError, match="Onbekende kenmerken: geld"):
        beslis(["geld"])


def test_feedback_on_choice():
    u = beslis(ALLE - {"financiele_afspraken"})
    assert feedback_keuze("gebiedsgericht", u).startswith("Goed. Dit is gebiedsgericht werken")
    fout = feedback_keuze("wijkaanpak", u)
    assert fout.startswith("Niet goed. Je koos: wijkaanpak.")
    assert "er zijn geen afspraken over geld" in fout
