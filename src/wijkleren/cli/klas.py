"""The ``wijkleren klas`` commands: overzicht and exporteer (and nakijken, the old name of
``wijkleren opdracht nakijken``, for one release). Thin layer over this package; a RondeFout or
CursusFout goes to the one handler in :func:`wijkleren.cli.main`."""

from __future__ import annotations

import sys
from pathlib import Path

from wijkleren.trainer.export import FORMATEN


def voeg_toe(sub, parser_class) -> None:
    """Add the group ``klas`` to the subcommands `sub` of the ``wijkleren`` parser."""
    klas = sub.add_parser("klas", help="het klasoverzicht en cijfers voor het LMS")
    acties = klas.add_subparsers(dest="actie", metavar="ACTIE", parser_class=parser_class)

    from wijkleren.cli import voeg_nakijken_toe

    nak = acties.add_parser("nakijken", help="hetzelfde als 'wijkleren opdracht nakijken' (oude naam)")
    voeg_nakijken_toe(nak)
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

    from wijkleren.trainer.certificaat import voeg_toe as voeg_certificaten_toe

    voeg_certificaten_toe(acties, parser_class)  # wijkleren klas certificaten (the assessment's hook)


def _map(args) -> Path:
    from wijkleren.nakijkronde.cursus import cursusmap

    return cursusmap(args.cursus)


def _nakijken(args) -> int:
    """The old name of the grading round: says so, then runs ``wijkleren opdracht nakijken``."""
    from wijkleren.cli import opdracht_nakijken

    print(
        "Let op: 'wijkleren klas nakijken' is hetzelfde als 'wijkleren opdracht nakijken'. "
        "Gebruik voortaan 'wijkleren opdracht nakijken'. De oude naam verdwijnt in een volgende versie.",
        file=sys.stderr,
    )
    return opdracht_nakijken(args)


def _overzicht(args) -> int:
    from wijkleren.trainer.rapport import geen_inzendingen_tekst, schrijf_klasoverzicht

    overzicht, figuren, pad = schrijf_klasoverzicht(_map(args), args.opdracht, args.uit)
    if overzicht.leeg:
        print(geen_inzendingen_tekst(args.opdracht))
    else:
        print(f"Klasoverzicht van {overzicht.inzendingen} inzendingen: {pad}")
        print(f"De grafieken (SVG en PNG) staan in {pad.parent / args.opdracht}")
    return 0


def _exporteer(args) -> int:
    from wijkleren.nakijkronde.cursus import lees_cursus
    from wijkleren.trainer.export import exporteer, lees_cijferlijst

    cursus = lees_cursus(_map(args))
    lijst = lees_cijferlijst(cursus, args.opdracht)
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
