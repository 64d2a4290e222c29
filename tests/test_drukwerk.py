"""make drukwerk: the PDFs read back with pdftotext (Debian poppler-utils).

The cards are checked per page: what is on a card besides the case's own title and text may be
only the card's number and footer, so no answer (outcome, kind, kenmerken, explanation, valkuil,
the case's id) can be there. The same check on the trainer's answer sheet must find the answers,
which shows the check can fail.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from helpers.paden import ROOT

from wijkleren.casussen import bank as casusbank
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    KENMERK,
    KENMERKEN,
    NIET_GEBIEDSGERICHT,
    SOORT_NAAM,
    soort,
)
from wijkleren.casussen.schema import Casus
from wijkleren.trainer import drukwerk

pytestmark = pytest.mark.xdist_group("drukwerk")


def _tekst(pdf) -> list[str]:
    """The text of every page, whitespace made single spaces."""
    if not shutil.which("pdftotext"):
        pytest.fail("pdftotext ontbreekt (Debian poppler-utils): run `make test-deps`")
    uit = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    paginas = uit.split("\f")
    if paginas and not paginas[-1].strip():
        paginas = paginas[:-1]
    return [_plat(p) for p in paginas]


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", " ", tekst).strip()


def _kies() -> list[Casus]:
    """A set with toets cases and practice cases, every outcome and both kinds, picked by property."""
    gekozen = []
    for pool in ("toets", "oefenen"):
        casussen = casusbank.casussen(pool)
        for label in CATEGORIE_NAAM:
            soorten = (None,) if label != NIET_GEBIEDSGERICHT else ("sectoraal", "in_gebied")
            for s in soorten:
                passend = [c for c in casussen if c.label == label and (s is None or soort(c.kenmerken) == s)]
                if passend:
                    gekozen.append(max(passend, key=lambda c: len(c.tekst)))  # the longest: hardest to fit
    assert any(c.pool == "toets" for c in gekozen), "geen toetscasussen gevonden (exercises/toetspool)"
    return gekozen


def antwoorden(c: Casus) -> list[str]:
    """Everything of a case's answer that must not be on a learner's card."""
    delen = [
        CATEGORIE_NAAM[c.label],
        c.id,
        *(KENMERK[k].naam for k in c.kenmerken),
        *(k.naam for k in KENMERKEN),
    ]
    if c.label == NIET_GEBIEDSGERICHT:
        delen.append(SOORT_NAAM[soort(c.kenmerken)])
    for lang in (c.uitleg, c.valkuil or ""):
        delen += [z for z in re.split(r"(?<=[.!?])\s+", _plat(lang)) if len(z.split()) >= 5]
    return [d for d in delen if d]


def lekken(pagina: str, c: Casus) -> list[str]:
    """What of the answer is on this page, besides the case's own title and text."""
    rest = pagina.replace(_plat(c.tekst), " ").replace(_plat(c.titel), " ")
    rest_laag = rest.lower()
    return [a for a in antwoorden(c) if a.lower() in rest_laag]


@pytest.fixture(scope="module")
def drukset(boek, tmp_path_factory):
    """The set made by the same command as `make drukwerk`, with a chosen set of cards."""
    casussen = _kies()
    doel = tmp_path_factory.mktemp("drukwerk")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "wijkleren.trainer.drukwerk",
            "--casussen",
            ",".join(c.id for c in casussen),
            "--boek",
            str(boek),
            "--doel",
            str(doel),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return doel, casussen


def test_kaarten_een_casus_per_kaart_zonder_antwoord(drukset):
    doel, casussen = drukset
    paginas = _tekst(doel / "casuskaarten.pdf")
    assert len(paginas) == len(casussen), "elke casus moet precies één kaart (één A6-pagina) zijn"
    info = subprocess.run(
        ["pdfinfo", str(doel / "casuskaarten.pdf")], capture_output=True, text=True, check=True
    ).stdout
    breedte, hoogte = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert abs(breedte - 297.6) < 2 and abs(hoogte - 419.5) < 2, f"geen A6: {breedte} x {hoogte}"
    for nr, (pagina, c) in enumerate(zip(paginas, casussen, strict=True), 1):
        assert _plat(c.tekst) in pagina, f"kaart {nr}: de tekst van {c.id} staat er niet (helemaal) op"
        assert lekken(pagina, c) == [], f"kaart {nr} ({c.id}) verraadt het antwoord"
        rest = pagina.replace(_plat(c.tekst), "").replace(_plat(c.titel), "")
        assert len(rest) < 100, f"kaart {nr}: meer dan nummer en voetregel: {rest!r}"


def test_antwoordblad_heeft_de_antwoorden(drukset):
    """The trainer's sheet names outcome, kind and deciding kenmerk of every card; the leak check
    finds them there (so it can fail)."""
    doel, casussen = drukset
    tekst = " ".join(_tekst(doel / "antwoordblad.pdf"))
    for c in casussen:
        assert lekken(tekst, c), f"de lekcontrole vindt niets op het antwoordblad bij {c.id}"
        assert CATEGORIE_NAAM[c.label] in tekst
        assert drukwerk.beslissend(c) in tekst
        if c.label == NIET_GEBIEDSGERICHT:
            assert SOORT_NAAM[soort(c.kenmerken)] in tekst
        assert beslis(c.kenmerken).categorie == c.label


def test_beslisregel_op_een_pagina_met_drempels(drukset):
    doel, _ = drukset
    paginas = _tekst(doel / "beslisregel.pdf")
    assert len(paginas) == 1, "de regel moet op één pagina passen"
    for k in KENMERKEN:
        for deel in (k.naam, k.vraag, k.genoeg, k.niet_genoeg):
            assert _plat(deel) in paginas[0], f"{k.code}: {deel!r} ontbreekt op de regelkaart"


def test_draaiboeken_uit_het_boek(drukset):
    """Every workshop script of the book is a PDF, with the book's own text (title and headings)."""
    doel, _ = drukset
    routes = drukwerk.draaiboeken(ROOT / "_toc.yml", ROOT)
    assert routes, "geen draaiboeken gevonden in het boek"
    for route in routes:
        md = (ROOT / route.removesuffix(".html")).with_suffix(".md").read_text(encoding="utf-8")
        titel = re.search(r"^# (.+)$", md, re.M).group(1)
        pdf = doel / f"draaiboek-{route.split('/')[-1].removesuffix('.html').split('_', 1)[-1]}.pdf"
        tekst = " ".join(_tekst(pdf))
        assert _plat(titel) in tekst
        for kop in re.findall(r"^## (.+)$", md, re.M):
            assert _plat(kop) in tekst, f"{route}: de kop {kop!r} staat niet in de PDF"
        assert "Inhoud" not in tekst.split(_plat(titel), 1)[1][:200], (
            "de inhoudsopgave van het thema staat op papier"
        )


def test_onbekende_casus_nette_melding(tmp_path):
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "wijkleren.trainer.drukwerk",
            "--casussen",
            "BESTAAT-NIET",
            "--doel",
            str(tmp_path),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 1
    assert "BESTAAT-NIET" in res.stderr and "Traceback" not in res.stderr


def test_standaardset_gemengd():
    """Without --casussen: practice cases only, every outcome, not grouped per outcome."""
    casussen = drukwerk.kies_casussen()
    assert len(casussen) == drukwerk.STANDAARD_AANTAL
    assert all(c.pool == "oefenen" for c in casussen)
    assert {c.label for c in casussen} == set(CATEGORIE_NAAM)
    labels = [c.label for c in casussen]
    assert labels != sorted(labels)
