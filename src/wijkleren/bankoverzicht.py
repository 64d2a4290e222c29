"""Figures about the case bank: counts, kenmerk coverage, minimal pairs and near-duplicates.

Run as a script to print them:  python -m wijkleren.bankoverzicht
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from .casusbank import Casus, laad_bank
from .domein import KENMERK_CODES, WIJKAANPAK_KENMERKEN


def woorden(tekst: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ]+", tekst.lower())


def reeksen(tekst: str, n: int) -> set[tuple[str, ...]]:
    """Every run of n consecutive words (lower case): for overlap, copy and leak checks."""
    w = woorden(tekst)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def overlap(a: str, b: str) -> float:
    """Share of word trigrams two texts have in common (Jaccard): 0 = none, 1 = the same text."""
    x, y = reeksen(a, 3), reeksen(b, 3)
    return len(x & y) / len(x | y) if x | y else 0.0


@dataclass
class Overzicht:
    totaal: int
    per: dict[str, Counter]
    aanwezig: Counter
    afwezig: Counter
    woorden: tuple[int, int]
    minimale_paren: dict[str, list[str]]
    naam_zegt_wijkaanpak: list[str]
    alles_behalve_gebied: list[str]
    in_wijk_zonder_bewoners: list[str]
    grensgevallen: list[str]
    meest_gelijk: tuple[float, str, str] = field(default=(0.0, "", ""))


def minimale_paren(cs: list[Casus]) -> dict[str, list[str]]:
    """Per wijkaanpak kenmerk: gebiedsgericht cases that have all other eight kenmerken."""
    uit: dict[str, list[str]] = {k: [] for k in WIJKAANPAK_KENMERKEN}
    for c in cs:
        ontbreekt = set(KENMERK_CODES) - set(c.kenmerken)
        if c.label == "gebiedsgericht" and len(ontbreekt) == 1:
            uit[ontbreekt.pop()].append(c.id)
    return uit


def maak_overzicht(cs: list[Casus] | None = None) -> Overzicht:
    cs = list(laad_bank() if cs is None else cs)
    per = {
        veld: Counter(getattr(c, veld) for c in cs)
        for veld in ("label", "thema", "schaal", "moeilijkheid", "pool")
    }
    per["pool per label"] = Counter(f"{c.pool}/{c.label}" for c in cs)
    aanwezig = Counter(k for c in cs for k in c.kenmerken)
    afwezig = Counter({k: len(cs) - aanwezig[k] for k in KENMERK_CODES})
    lengtes = [len(woorden(c.tekst)) for c in cs] or [0]
    meest = max(
        ((overlap(a.tekst, b.tekst), a.id, b.id) for a, b in itertools.combinations(cs, 2)),
        default=(0.0, "", ""),
    )
    return Overzicht(
        totaal=len(cs),
        per=per,
        aanwezig=aanwezig,
        afwezig=afwezig,
        woorden=(min(lengtes), max(lengtes)),
        minimale_paren=minimale_paren(cs),
        naam_zegt_wijkaanpak=[
            c.id for c in cs if c.label != "wijkaanpak" and "wijkaanpak" in c.tekst.lower()
        ],
        alles_behalve_gebied=[
            c.id
            for c in cs
            if c.label == "sectoraal"
            and set(WIJKAANPAK_KENMERKEN) <= set(c.kenmerken)
            and not {"gebiedsgebonden", "samenhangende_aanpak"} & set(c.kenmerken)
        ],
        in_wijk_zonder_bewoners=[
            c.id
            for c in cs
            if c.label == "sectoraal"
            and "gebiedsgebonden" in c.kenmerken
            and not {"van_buiten_naar_binnen", "ruimte_voor_bewoners"} & set(c.kenmerken)
            and c.schaal in ("buurt", "wijk", "dorp")
        ],
        grensgevallen=[c.id for c in cs if c.valkuil],
        meest_gelijk=meest,
    )


def main() -> int:
    o = maak_overzicht()
    print(f"Casussen: {o.totaal}  (tekst {o.woorden[0]}-{o.woorden[1]} woorden)")
    for veld, telling in o.per.items():
        print(
            f"{veld}: " + ", ".join(f"{k} {v}" for k, v in sorted(telling.items(), key=lambda kv: str(kv[0])))
        )
    print("kenmerk                   aanwezig afwezig")
    for k in KENMERK_CODES:
        print(f"  {k:24} {o.aanwezig[k]:8} {o.afwezig[k]:7}")
    print("minimale paren (gebiedsgericht, mist alleen):")
    for k, ids in o.minimale_paren.items():
        print(f"  {k:24} {len(ids):2}  {' '.join(ids)}")
    print(
        f"naam zegt wijkaanpak, is het niet: {len(o.naam_zegt_wijkaanpak)}  {' '.join(o.naam_zegt_wijkaanpak)}"
    )
    print(
        f"alle afspraken, maar stadsbreed en één thema: {len(o.alles_behalve_gebied)}  {' '.join(o.alles_behalve_gebied)}"
    )
    print(
        f"in een wijk, zonder bewoners gemaakt: {len(o.in_wijk_zonder_bewoners)}  {' '.join(o.in_wijk_zonder_bewoners)}"
    )
    print(f"grensgevallen (met valkuil): {len(o.grensgevallen)}")
    print(
        f"meest gelijke teksten: {o.meest_gelijk[1]} ~ {o.meest_gelijk[2]}, overlap {o.meest_gelijk[0]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
