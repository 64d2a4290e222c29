"""Where the class goes wrong: figures per casus and per kenmerk, confusions and total scores.

Pure functions over :class:`~.cijferboek.Klasgegevens`; nothing here reads files or draws.
Right or wrong comes from the gradebook's scores (a trainer's manual grade counts); what a
learner chose comes from the text of the answer, read as the grader reads it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import CATEGORIE_NAAM, CATEGORIEEN, KENMERK, KENMERK_CODES
from wijkleren.eindopdracht.antwoorden import lees_antwoord
from wijkleren.eindopdracht.beoordelen import beoordeel
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE, VRAAG_KENMERKEN
from wijkleren.nakijkronde.cijferboek import Klasgegevens, Vraag

GEEN_KEUZE = "geen"  # no answer, more than one, or a word the grader does not know
KEUZE_NAAM = {**CATEGORIE_NAAM, GEEN_KEUZE: "geen of onduidelijk antwoord"}
KEUZES: tuple[str, ...] = (*CATEGORIEEN, GEEN_KEUZE)


@dataclass
class CasusUitslag:
    """How the class did on one casus: the category question and the kenmerken question."""

    casus: str
    nummer: int
    titel: str
    label: str
    beslissend: str | None  # the decisive kenmerk by the rule (None for a wijkaanpak)
    antwoorden: int = 0  # graded category answers
    goed: int = 0  # of which fully right
    gekozen: Counter = field(default_factory=Counter)  # chosen category -> count
    kenmerken_punten: list[float] = field(default_factory=list)  # share right per learner, 0..1

    @property
    def aandeel_goed(self) -> float | None:
        return self.goed / self.antwoorden if self.antwoorden else None

    @property
    def aandeel_kenmerken(self) -> float | None:
        return statistics.fmean(self.kenmerken_punten) if self.kenmerken_punten else None

    @property
    def vaakste_fout(self) -> tuple[str, int] | None:
        """The wrong choice made most often, with its count."""
        fout = [(k, n) for k, n in self.gekozen.most_common() if k != self.label]
        return fout[0] if fout else None

    @property
    def naam(self) -> str:
        return f"Casus {self.nummer}: {self.titel}"


@dataclass
class KenmerkUitslag:
    """How often the class judged one kenmerk right, over all casussen and learners."""

    code: str
    goed: int = 0
    gemist: int = 0  # in the casus, not named
    te_veel: int = 0  # named, not in the casus

    @property
    def naam(self) -> str:
        return KENMERK[self.code].naam

    @property
    def oordelen(self) -> int:
        return self.goed + self.gemist + self.te_veel

    @property
    def aandeel_goed(self) -> float | None:
        return self.goed / self.oordelen if self.oordelen else None


@dataclass
class VraagUitslag:
    """Any grade cell: how many learners have a score, their average and how many got all points."""

    vraag: Vraag
    scores: list[float] = field(default_factory=list)
    open: int = 0  # no score yet (e.g. still to be graded by hand)

    @property
    def gemiddelde(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def aandeel_vol(self) -> float | None:
        if not self.scores:
            return None
        return sum(1 for s in self.scores if s >= self.vraag.max_punten) / len(self.scores)


@dataclass
class Klasoverzicht:
    opdracht: str
    leerlingen: int  # learners in the gradebook
    inzendingen: int  # graded submissions
    max_totaal: float
    totalen: list[float]
    casussen: list[CasusUitslag]
    kenmerken: list[KenmerkUitslag]
    verwarring: dict[tuple[str, str], int]  # (right category, chosen) -> count
    vragen: list[VraagUitslag]
    handwerk_open: int = 0  # submissions with grades still to give by hand
    # The pass mark (wijkleren.eindopdracht.cesuur): per submission voldoende / onvoldoende / nog open.
    resultaten: dict[str, str] = field(default_factory=dict)  # learner id -> result
    cesuur: float | None = None

    def aantal(self, resultaat: str) -> int:
        """How many submissions have this result ('voldoende', 'onvoldoende' or 'nog open')."""
        return sum(1 for r in self.resultaten.values() if r == resultaat)

    @property
    def leeg(self) -> bool:
        return self.inzendingen == 0

    @property
    def gemiddelde(self) -> float | None:
        return statistics.fmean(self.totalen) if self.totalen else None

    @property
    def mediaan(self) -> float | None:
        return statistics.median(self.totalen) if self.totalen else None

    def meest_fout(self, aantal: int = 5) -> list[CasusUitslag]:
        """The casussen the class got wrong most often (category first, then kenmerken)."""
        met = [c for c in self.casussen if c.antwoorden]
        met.sort(key=lambda c: (c.aandeel_goed, c.aandeel_kenmerken or 0.0, c.nummer))
        return [c for c in met if (c.aandeel_goed or 0) < 1][:aantal]


def gekozen_categorie(tekst: str | None, vraag: Vraag) -> str:
    """The category a learner chose, as the grader reads it; GEEN_KEUZE when it is not one."""
    b = beoordeel(tekst, vraag.sleutel)
    return b.gegeven[0] if len(b.gegeven) == 1 and not b.onbekend else GEEN_KEUZE


def maak_overzicht(klas: Klasgegevens) -> Klasoverzicht:
    """All figures of the class overview from the class's results."""
    casussen: dict[str, CasusUitslag] = {}
    kenmerken = {code: KenmerkUitslag(code) for code in KENMERK_CODES}
    verwarring: dict[tuple[str, str], int] = {(j, g): 0 for j in CATEGORIEEN for g in KEUZES}
    vragen = [VraagUitslag(v) for v in klas.vragen]
    for v in klas.vragen:
        s = v.sleutel
        if s is not None and s.casus not in casussen:
            casussen[s.casus] = CasusUitslag(
                s.casus, s.nummer, s.titel, s.label, beslis(s.kenmerken).beslissend
            )
    for inz in klas.inzendingen:
        for vu in vragen:
            v = vu.vraag
            score = inz.punten.get((v.notitieboek, v.naam))
            if score is None:
                vu.open += 1
                continue
            vu.scores.append(score)
            if v.sleutel is None:
                continue
            c = casussen[v.sleutel.casus]
            tekst = inz.antwoorden.get(v.sleutel.antwoordcel)
            if v.sleutel.vraag == VRAAG_CATEGORIE:
                keuze = gekozen_categorie(tekst, v)
                c.antwoorden += 1
                c.goed += score >= v.max_punten
                c.gekozen[keuze] += 1
                verwarring[(v.sleutel.label, keuze)] += 1
            elif v.sleutel.vraag == VRAAG_KENMERKEN:
                c.kenmerken_punten.append(score / v.max_punten if v.max_punten else 0.0)
                antwoord = lees_antwoord(tekst) if tekst is not None else None
                if antwoord is None or antwoord.leeg or not antwoord.leesbaar:
                    continue  # no judgement of any kenmerk was made
                for code, in_casus, genoemd in beoordeel(tekst, v.sleutel).per_kenmerk:
                    k = kenmerken[code]
                    if in_casus == genoemd:
                        k.goed += 1
                    elif in_casus:
                        k.gemist += 1
                    else:
                        k.te_veel += 1
    from wijkleren.eindopdracht.cesuur import grens, kort

    resultaten = {
        i.student: kort(
            klas.opdracht, max(0.0, i.totaal - i.boete), i.max_totaal or klas.max_totaal, i.handwerk_open
        )
        for i in klas.inzendingen
    }
    return Klasoverzicht(
        opdracht=klas.opdracht,
        leerlingen=len(klas.leerlingen),
        inzendingen=len(klas.inzendingen),
        max_totaal=klas.max_totaal,
        totalen=[i.totaal for i in klas.inzendingen],
        casussen=sorted(casussen.values(), key=lambda c: c.nummer),
        kenmerken=list(kenmerken.values()),
        verwarring=verwarring,
        vragen=vragen,
        handwerk_open=sum(1 for i in klas.inzendingen if i.handwerk_open),
        resultaten=resultaten,
        cesuur=grens(klas.opdracht, klas.max_totaal) if klas.max_totaal else None,
    )
