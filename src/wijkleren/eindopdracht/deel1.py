"""The source notebook of deel 1, "casussen beoordelen": per casus the category and the kenmerken.

The learner types plain words; the model answer sits in a solution region and the grading key
(:class:`wijkleren.eindopdracht.beoordelen.Sleutel`) in the hidden test of each grade cell.
"""

from __future__ import annotations

from wijkleren.casussen.domein import CATEGORIE_NAAM, GEEN_KENMERK, KENMERK, KENMERKEN
from wijkleren.casussen.schema import Casus
from wijkleren.eindopdracht.beoordelen import Sleutel
from wijkleren.eindopdracht.cellen import (
    controlecellen,
    maak_antwoordcel,
    maak_leescel,
    maak_nakijkcel,
    maak_notitieboek,
)
from wijkleren.eindopdracht.formaat import (
    ANTWOORD_STUB,
    BEGIN_OPLOSSING,
    BEOORDELEN,
    EINDE_OPLOSSING,
    INTRO,
    MAGIE,
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    VRAAG_CATEGORIE,
    VRAAG_KENMERKEN,
    antwoordcel,
    casustekst,
    nakijkcel,
    vraagcel,
)


def _kenmerken_tabel() -> str:
    regels = ["| Kenmerk | Vraag die je jezelf stelt |", "|---|---|"]
    regels += [f"| {k.naam} | {k.vraag} |" for k in KENMERKEN]
    return "\n".join(regels)


def modelantwoord(c: Casus, vraag: str) -> str:
    """The right answer in the words a learner types: the category's name, or one kenmerk a line."""
    if vraag == VRAAG_CATEGORIE:
        return CATEGORIE_NAAM[c.label]
    return "\n".join(KENMERK[k].naam for k in c.kenmerken) or GEEN_KENMERK


def punten_beoordelen(aantal: int) -> int:
    return aantal * (PUNTEN_CATEGORIE + PUNTEN_KENMERKEN)


def notitieboek_beoordelen(deel: tuple[Casus, ...]):
    """The source notebook of 'Casussen beoordelen': per casus a category and the kenmerken."""
    n = len(deel)
    totaal = punten_beoordelen(n)
    intro = f"""# Eindopdracht deel 1: casussen beoordelen

In deze opdracht lees je {n} casussen. Bij elke casus beantwoord je twee vragen:

- **Vraag a.** Welke soort aanpak is dit? Je kiest uit: wijkaanpak, gebiedsgericht werken of
  geen gebiedsgericht werken.
- **Vraag b.** Welke kenmerken zie je in de tekst?

Je hoeft geen code te schrijven. Je typt gewone woorden.

## Zo vul je een antwoord in

- Onder elke vraag staat een grijze cel. Daarin typ je je antwoord. Verander de andere cellen niet.
- In de grijze cel staat al de regel `{MAGIE}`, met daaronder `{ANTWOORD_STUB}`. Laat de eerste regel
  staan en typ je antwoord in plaats van de tweede.
  Druk je op **Shift + Enter**, dan zie je je antwoord als gewone tekst.
- Bij **vraag a** typ je de soort aanpak, bijvoorbeeld:

  ```text
  gebiedsgericht werken
  ```

- Bij **vraag b** typ je de kenmerken die je ziet, elk op een eigen regel. Komma's ertussen mag
  ook. Bijvoorbeeld:

  ```text
  gebonden aan een gebied
  ruimte voor bewoners
  ```

- Zie je in een casus geen enkel kenmerk? Typ dan `{GEEN_KENMERK}`. Zie je ze alle negen? Typ dan `alle negen`.
- Hoofdletters en streepjes maken niet uit. Je mag ook de korte namen gebruiken, zoals
  `wijkaanpak` of `samenhang`. Aanhalingstekens of haken zijn niet nodig.
- Heb je per ongeluk iets weggehaald? Druk op **Ctrl + Z**.

## De kenmerken

{_kenmerken_tabel()}

## Punten

Per casus kun je {PUNTEN_CATEGORIE + PUNTEN_KENMERKEN} punten halen. In totaal zijn het {totaal} punten.

- Vraag a: {PUNTEN_CATEGORIE} punten als je de goede soort aanpak kiest.
- Vraag b: {PUNTEN_KENMERKEN} punten als jouw kenmerken met de beslisregel uitkomen bij het kenmerk
  dat de doorslag geeft. De computer loopt de beslisregel door met de kenmerken die jij noemt.
  Kenmerken die na het beslissende kenmerk komen, tellen niet mee.

Alle kenmerken noemen, of geen enkel, levert dus niet vanzelf punten op. Gokken ook niet: wie steeds
hetzelfde antwoord geeft, haalt hoogstens een derde van de punten.

Na het nakijken krijg je feedback. Per vraag lees je of je antwoord goed was, en waarom.
"""
    cellen = [maak_leescel(INTRO, intro)]
    antwoordcellen: list[dict] = []
    for nr, c in enumerate(deel, start=1):
        tekst = f"## Casus {nr}: {c.titel}\n\n{c.tekst.strip()}"
        cellen.append(maak_leescel(casustekst(nr), tekst))
        for vraag in (VRAAG_CATEGORIE, VRAAG_KENMERKEN):
            letter = "a" if vraag == VRAAG_CATEGORIE else "b"
            antwoord_id = antwoordcel(nr, vraag)
            if vraag == VRAAG_CATEGORIE:
                opdracht = (
                    f"**Vraag {nr}a.** Welke soort aanpak is dit? Typ in de grijze cel: wijkaanpak, "
                    "gebiedsgericht werken of geen gebiedsgericht werken."
                )
            else:
                opdracht = (
                    f"**Vraag {nr}b.** Welke kenmerken zie je in de tekst? Typ elk kenmerk op een "
                    "eigen regel. Zie je er geen? Typ dan: geen."
                )
            bron = f"{MAGIE}\n{BEGIN_OPLOSSING}\n{modelantwoord(c, vraag)}\n{EINDE_OPLOSSING}"
            sleutel = Sleutel(
                casus=c.id,
                vraag=vraag,
                antwoordcel=antwoord_id,
                nummer=nr,
                titel=c.titel,
                label=c.label,
                kenmerken=tuple(c.kenmerken),
                uitleg=" ".join(c.uitleg.split()),
            )
            cellen.append(maak_leescel(vraagcel(antwoord_id), opdracht))
            cellen.append(maak_antwoordcel(antwoord_id, bron))
            cellen.append(maak_nakijkcel(nakijkcel(antwoord_id), sleutel))
            antwoordcellen.append({"id": antwoord_id, "soort": vraag, "naam": f"vraag {nr}{letter}"})
    cellen += controlecellen(BEOORDELEN)
    return maak_notitieboek(BEOORDELEN, cellen, antwoordcellen)
