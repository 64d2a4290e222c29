"""Certificates (bewijs van deelname) for the learners at or above the pass mark, from the gradebook.

``wijkleren klas certificaten`` writes, per learner who is voldoende on every chosen assignment
(see :mod:`wijkleren.eindopdracht.cesuur`), a one-page Dutch certificate as HTML and as PDF. The PDF is
printed by the headless Chromium of the machine (Playwright's ``page.pdf``), with every request
blocked: the page is self-contained. Names come from nbgrader's student records and are escaped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass
from pathlib import Path

from wijkleren.eindopdracht.cesuur import OPEN, VOLDOENDE, grens
from wijkleren.eindopdracht.formaat import OPDRACHTEN, TITELS
from wijkleren.fouten import WijklerenFout
from wijkleren.trainer import pdf

CURSUSNAAM = "Wijkleren: gebiedsgericht werken, de wijkaanpak en wat geen van beide is"
# "Deel 1: casussen beoordelen", "Deel 2: toepassen": the format's titles with the part's number.
DEELTITELS = {o: f"Deel {nr}: {TITELS[o].lower()}" for nr, o in enumerate(OPDRACHTEN, start=1)}
MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december".split()


class CertificaatFout(WijklerenFout):
    """A certificate could not be made; the message is Dutch."""


@dataclass(frozen=True)
class Certificaat:
    """What one certificate says."""

    deelnemer: str  # nbgrader student id
    naam: str
    datum: dt.date
    resultaten: tuple[tuple[str, float, float], ...]  # (opdracht, points, maximum)


def datum_tekst(datum: dt.date) -> str:
    """'1 december 2025'."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def _getal(x: float) -> str:
    return str(int(x)) if float(x) == int(x) else f"{x:.1f}".replace(".", ",")


STIJL = """
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; color: #1b1b1b; background: #fff; }
main { box-sizing: border-box; width: 210mm; height: 296mm; padding: 30mm 25mm;
       border: 6mm solid #1f4e79; display: flex; flex-direction: column; }
.klein { font-size: 12pt; letter-spacing: .08em; text-transform: uppercase; color: #1f4e79; }
h1 { font-size: 30pt; margin: 8mm 0 4mm; }
.naam { font-size: 24pt; font-weight: bold; margin: 14mm 0 4mm; overflow-wrap: anywhere; }
.cursus { font-size: 15pt; margin: 0 0 10mm; }
table { border-collapse: collapse; font-size: 12pt; margin: 0 0 10mm; }
th, td { text-align: left; padding: 2mm 6mm 2mm 0; border-bottom: 1px solid #999; }
.voet { margin-top: auto; font-size: 11pt; }
"""


def maak_html(c: Certificaat) -> str:
    """The certificate as one self-contained HTML page (A4, one page)."""
    e = lambda t: html.escape(str(t), quote=True)  # noqa: E731
    rijen = "".join(
        f'<tr><th scope="row">{e(DEELTITELS.get(o, o))}</th><td>{_getal(p)} van {_getal(m)} punten</td>'
        f"<td>voldoende (grens {_getal(grens(o, m))})</td></tr>"
        for o, p, m in c.resultaten
    )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Bewijs van deelname: {e(c.naam)}</title>
<style>{STIJL}</style>
</head>
<body>
<main>
<p class="klein">Bewijs van deelname</p>
<h1>Bewijs van deelname</h1>
<p>Hierbij verklaren we dat</p>
<p class="naam">{e(c.naam)}</p>
<p class="cursus">de cursus <strong>{e(CURSUSNAAM)}</strong> heeft gevolgd en de eindopdracht met een
voldoende heeft afgesloten.</p>
<table>
<thead><tr><th scope="col">Onderdeel</th><th scope="col">Score</th><th scope="col">Resultaat</th></tr></thead>
<tbody>{rijen}</tbody>
</table>
<p class="voet">Datum: {e(datum_tekst(c.datum))}</p>
</main>
</body>
</html>
"""


def bestandsnaam(deelnemer: str) -> str:
    """A safe file name for a student id (ids may hold any character): letters, digits, - and _."""
    veilig = re.sub(r"[^A-Za-z0-9_-]", "_", deelnemer)[:60].strip("_") or "deelnemer"
    if veilig != deelnemer:
        veilig += "-" + hashlib.sha256(deelnemer.encode("utf-8")).hexdigest()[:8]
    return f"bewijs-{veilig}"


def kies(lijst, opdrachten: list[str] | None = None) -> tuple[list[Certificaat], list[str]]:
    """The certificates for a :class:`~wijkleren.trainer.export.Cijferlijst`, and Dutch notes on the
    learners who get none because a result is still open."""
    vandaag = dt.date.today()
    gekozen = opdrachten or lijst.opdrachten
    certificaten, open_ = [], []
    from wijkleren.trainer.export import resultaat

    for r in lijst.regels:
        uit = [resultaat(lijst, r, o) for o in gekozen]
        if all(u == VOLDOENDE for u in uit):
            naam = " ".join(d for d in (r.voornaam.strip(), r.achternaam.strip()) if d) or r.id
            resultaten = tuple((o, float(r.scores[o]), lijst.maxima[o]) for o in gekozen)
            certificaten.append(Certificaat(r.id, naam, vandaag, resultaten))
        elif OPEN in uit:
            open_.append(r.id)
    return certificaten, open_


def schrijf(certificaten: list[Certificaat], uit: Path, pdf: bool = True) -> list[Path]:
    """Write each certificate as HTML (and PDF) into `uit`; return the paths written."""
    uit.mkdir(parents=True, exist_ok=True)
    paden: list[tuple[Path, str]] = []
    for c in certificaten:
        pad = uit / f"{bestandsnaam(c.deelnemer)}.html"
        tekst = maak_html(c)
        pad.write_text(tekst, encoding="utf-8")
        paden.append((pad, tekst))
    geschreven = [p for p, _ in paden]
    if pdf and paden:
        geschreven += _pdf(paden)
    return geschreven


def _pdf(paden: list[tuple[Path, str]]) -> list[Path]:
    try:
        with pdf.browser() as browser:
            return [pdf.naar_pdf(browser, pad.with_suffix(".pdf"), html_tekst=tekst) for pad, tekst in paden]
    except pdf.PdfFout as fout:
        raise CertificaatFout(f"{fout} De HTML-bestanden zijn wel gemaakt.") from None


def voeg_toe(acties, parser_class) -> None:
    """The command ``wijkleren klas certificaten`` (added by :mod:`wijkleren.cli.klas`)."""
    cert = acties.add_parser(
        "certificaten", help="maak een bewijs van deelname (HTML en PDF) voor wie voldoende heeft"
    )
    cert.add_argument("--cursus", help="de nbgrader-map (standaard: deze map of exercises)")
    cert.add_argument(
        "--opdracht", action="append", help="alleen deze opdracht telt (mag vaker; standaard: alle)"
    )
    cert.add_argument("--uit", help="map voor de bestanden (standaard: <cursus>/certificaten)")
    cert.add_argument("--datum", help="de datum op het bewijs, als JJJJ-MM-DD (standaard: vandaag)")
    cert.add_argument("--zonder-pdf", action="store_true", help="alleen HTML, geen PDF")
    cert.set_defaults(functie=_opdracht)


def _opdracht(args) -> int:
    import sys

    from wijkleren.nakijkronde.cursus import cursusmap, lees_cursus
    from wijkleren.trainer.export import lees_cijferlijst

    try:
        datum = dt.date.fromisoformat(args.datum) if args.datum else dt.date.today()
    except ValueError:
        print(
            f"Fout: '{args.datum}' is geen datum. Schrijf de datum als JJJJ-MM-DD, zoals 2026-03-01.",
            file=sys.stderr,
        )
        return 2
    cursus = lees_cursus(cursusmap(args.cursus))  # a RondeFout or CursusFout: the handler in cli.main
    lijst = lees_cijferlijst(cursus, args.opdracht)
    certificaten, open_ = kies(lijst, args.opdracht)
    certificaten = [Certificaat(c.deelnemer, c.naam, datum, c.resultaten) for c in certificaten]
    uit = Path(args.uit) if args.uit else cursus.root / "certificaten"
    paden = schrijf(certificaten, uit, pdf=not args.zonder_pdf)  # an OSError: the handler in cli.main
    print(f"{len(certificaten)} bewijzen van deelname gemaakt in {uit} ({len(paden)} bestanden).")
    if open_:
        print(
            f"Nog geen bewijs voor {len(open_)} deelnemer(s): je moet nog met de hand nakijken "
            f"({', '.join(open_)}).",
            file=sys.stderr,
        )
    return 0
