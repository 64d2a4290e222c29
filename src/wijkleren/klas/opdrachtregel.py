"""The ``wijkleren klas`` commands: nakijken, overzicht and exporteer. Thin layer over this package."""

from __future__ import annotations

import sys
from pathlib import Path

from .export import FORMATEN


def voeg_toe(sub, parser_class) -> None:
    """Add the group ``klas`` to the subcommands `sub` of the ``wijkleren`` parser."""
    klas = sub.add_parser("klas", help="een klas nakijken, het klasoverzicht en cijfers voor het LMS")
    acties = klas.add_subparsers(dest="actie", metavar="ACTIE", parser_class=parser_class)

    nak = acties.add_parser("nakijken", help="kijk alle inzendingen na op alle processorkernen (nbgrader)")
    nak.add_argument("opdracht", metavar="OPDRACHT", help="bijvoorbeeld casussen_beoordelen")
    nak.add_argument("--cursus", help="de nbgrader-map (standaard: deze map of exercises)")
    nak.add_argument("--werkers", type=int, help="hoeveel tegelijk (standaard: één per processorkern)")
    nak.add_argument("--opnieuw", action="store_true", help="kijk ook al nagekeken inzendingen opnieuw na")
    nak.set_defaults(functie=_nakijken)

    ovz = acties.add_parser("overzicht", help="maak het klasoverzicht: een HTML-pagina met grafieken")
    ovz.add_argument("opdracht", metavar="OPDRACHT", nargs="?", default="casussen_beoordelen")
    ovz.add_argument("--cursus", help="de nbgrader-map (standaard: deze map of exercises)")
    ovz.add_argument("--uit", help="map voor de pagina en de grafieken (standaard: <cursus>/klasoverzicht)")
    ovz.set_defaults(functie=_overzicht)

    exp = acties.add_parser("exporteer", help="cijfers als CSV voor Moodle of Canvas")
    exp.add_argument("--formaat", required=True, choices=FORMATEN, help="moodle of canvas")
    exp.add_argument("--opdracht", action="append", help="alleen deze opdracht (mag vaker; standaard: alle)")
    exp.add_argument("--cursus", help="de nbgrader-map (standaard: deze map of exercises)")
    exp.add_argument(
        "--uit", help="het CSV-bestand (standaard: <cursus>/cijfers-<formaat>.csv; - is het scherm)"
    )
    exp.set_defaults(functie=_exporteer)


def _map(args) -> Path:
    from ..nakijkronde import cursusmap

    return cursusmap(args.cursus)


def _fouten():
    from ..nakijkronde import RondeFout
    from .cursus import CursusFout

    return (RondeFout, CursusFout)


def _nakijken(args) -> int:
    from .parallel import nakijken

    if args.werkers is not None and args.werkers < 1:
        print("Fout: --werkers moet 1 of meer zijn.", file=sys.stderr)
        return 2
    try:
        uitslag = nakijken(_map(args), args.opdracht, werkers=args.werkers, opnieuw=args.opnieuw)
    except _fouten() as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(
            "\nAfgebroken. Wat al klaar was, staat in het cijferboek. "
            "Start de opdracht opnieuw om de rest na te kijken.",
            file=sys.stderr,
        )
        return 130
    print(uitslag.samenvatting())
    return 1 if uitslag.mislukt else 0


def _overzicht(args) -> int:
    from .rapport import geen_inzendingen_tekst, schrijf_klasoverzicht

    try:
        overzicht, figuren, pad = schrijf_klasoverzicht(_map(args), args.opdracht, args.uit)
    except _fouten() as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    if overzicht.leeg:
        print(geen_inzendingen_tekst(args.opdracht))
    else:
        print(f"Klasoverzicht van {overzicht.inzendingen} inzendingen: {pad}")
        print(f"De grafieken (SVG en PNG) staan in {pad.parent / args.opdracht}")
    return 0


def _exporteer(args) -> int:
    from .cursus import lees_cursus
    from .export import exporteer, lees_cijferlijst

    try:
        cursus = lees_cursus(_map(args))
        lijst = lees_cijferlijst(cursus, args.opdracht)
    except _fouten() as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    tekst = exporteer(lijst, args.formaat)
    if args.uit == "-":
        sys.stdout.write(tekst)
    else:
        pad = Path(args.uit) if args.uit else cursus.root / f"cijfers-{args.formaat}.csv"
        pad.write_text(tekst, encoding="utf-8", newline="")
        print(f"{len(lijst.regels)} deelnemers, {len(lijst.opdrachten)} opdrachten: {pad}")
    if not lijst.regels:
        print("Let op: er staan nog geen deelnemers in het cijferboek.", file=sys.stderr)
    if lijst.niet_nagekeken:
        print(
            f"Let op: {_deelnemers(lijst.niet_nagekeken)} leverde iets in dat niet is nagekeken. "
            "Hun vakje blijft leeg.",
            file=sys.stderr,
        )
    if lijst.handwerk_open:
        print(
            f"Let op: bij {_deelnemers(lijst.handwerk_open)} moet je nog punten met de hand geven. "
            "Dat cijfer kan nog veranderen.",
            file=sys.stderr,
        )
    return 0


def _deelnemers(n: int) -> str:
    return "1 deelnemer" if n == 1 else f"{n} deelnemers"
