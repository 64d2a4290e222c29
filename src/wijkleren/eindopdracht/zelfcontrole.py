"""The learner's self-check before handing in: what to fix in the *form* of the answers.

It reads the saved notebook file as data, with the same reader as the grader
(:func:`wijkleren.eindopdracht.antwoorden.lees_antwoord`), so what it sees is what will be graded. It never
says whether an answer is right: it knows no answers.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from wijkleren.eindopdracht.antwoorden import gewone_tekst, lees_antwoord
from wijkleren.eindopdracht.formaat import MIN_WOORDEN, TEKST, TEKST_STUB, VRAAGSOORTEN, WIJKLEREN, grade_id
from wijkleren.eindopdracht.herkennen import vormmeldingen

NIET_OF_GOED = "Let op: deze controle zegt niet of je antwoorden goed zijn. Dat hoor je na het nakijken."


def _bronnen(nb: dict) -> dict[str, list[str]]:
    bronnen: dict[str, list[str]] = {}
    for cel in nb.get("cells", []) if isinstance(nb.get("cells"), list) else []:
        gid = grade_id(cel)
        if gid is not None:
            bron = cel.get("source", "")
            bron = "".join(bron) if isinstance(bron, list) else gewone_tekst(bron)
            bronnen.setdefault(gid, []).append(bron)
    return bronnen


def meldingen(nb: dict) -> list[str]:
    """Dutch notes on the form of every answer in a notebook (JSON data); empty when all is fine."""
    info = nb.get("metadata", {}).get(WIJKLEREN) if isinstance(nb.get("metadata"), dict) else None
    verwacht = info.get("antwoordcellen") if isinstance(info, dict) else None
    if not isinstance(verwacht, list):
        return ["Dit notitieboek hoort niet bij de eindopdracht van Wijkleren, of de gegevens zijn kapot."]
    bronnen = _bronnen(nb)
    uit: list[str] = []
    for vraag in verwacht:
        if not isinstance(vraag, dict):
            continue
        gid, soort, naam = vraag.get("id"), vraag.get("soort"), str(vraag.get("naam", "")).capitalize()
        if gid not in bronnen:
            uit.append(
                f"{naam}: de cel voor je antwoord ontbreekt. Heb je hem gewist? Zet hem terug met "
                "Ctrl + Z, of vraag je trainer om hulp."
            )
            continue
        if len(bronnen[gid]) > 1:
            uit.append(
                f"{naam}: deze vraag staat {len(bronnen[gid])} keer in je notitieboek. Alleen de laatste telt."
            )
        bron = bronnen[gid][-1]
        if soort in VRAAGSOORTEN:
            uit += [f"{naam}: {m}" for m in vormmeldingen(lees_antwoord(bron), soort)]
        elif soort == TEKST:
            tekst = bron.replace(TEKST_STUB, "").strip()
            if not tekst:
                uit.append(
                    f"{naam}: je hebt nog niets geschreven. Klik twee keer op de cel en typ je antwoord."
                )
            elif len(tekst.split()) < MIN_WOORDEN:
                uit.append(
                    f"{naam}: je antwoord is kort ({len(tekst.split())} woorden). Schrijf een paar zinnen meer."
                )
    return uit


def rapport(pad: Path | str) -> tuple[bool, str]:
    """Whether the form is fine, and the Dutch report for the saved notebook at `pad`."""
    pad = Path(pad)
    try:
        nb = json.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False, (
            f"Ik vind het bestand {pad.name} niet in deze map. Heb je de naam veranderd? "
            f"Geef het bestand dan weer de naam {pad.name}."
        )
    except (OSError, UnicodeDecodeError, ValueError):
        return False, f"Het bestand {pad.name} is beschadigd. Vraag je trainer om hulp."
    if not isinstance(nb, dict):
        return False, f"Het bestand {pad.name} is geen notitieboek. Vraag je trainer om hulp."
    tijd = dt.datetime.fromtimestamp(pad.stat().st_mtime).strftime("%H:%M")
    kop = (
        f"Ik heb de opgeslagen versie van {pad.name} gelezen (opgeslagen om {tijd}). "
        "Heb je daarna nog iets veranderd? Druk dan eerst op Ctrl + S en voer deze cel opnieuw uit."
    )
    lijst = meldingen(nb)
    if not lijst:
        return True, f"{kop}\n\nAlles is ingevuld, in de goede vorm.\n{NIET_OF_GOED}"
    punten = "\n".join(f"- {m}" for m in lijst)
    n = len(lijst)
    return (
        False,
        f"{kop}\n\nPas {'dit punt' if n == 1 else f'deze {n} punten'} nog aan:\n{punten}\n\n{NIET_OF_GOED}",
    )


def controleer(pad: Path | str) -> None:
    """Print the self-check for the notebook at `pad` (used in the last cell of the assignment)."""
    print(rapport(pad)[1])
