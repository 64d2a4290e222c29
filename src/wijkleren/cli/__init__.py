"""The command line: ``wijkleren casussen controleer PAD`` and ``wijkleren opdracht ...``.

Thin layer over the package. Errors a user can fix (:class:`wijkleren.fouten.WijklerenFout`) are
handled once, in :func:`main`: the Dutch message on stderr and the error's exit code.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wijkleren.casussen.bank import laad_bestanden
from wijkleren.casussen.schema import CasusFout
from wijkleren.fouten import Parser, voer_uit


def maak_parser() -> argparse.ArgumentParser:
    p = Parser(prog="wijkleren", description="Hulpmiddelen voor de cursus Wijkleren.")
    sub = p.add_subparsers(dest="groep", metavar="ONDERDEEL", parser_class=Parser)
    cas = sub.add_parser("casussen", help="werken met casusbestanden")
    cas_sub = cas.add_subparsers(dest="actie", metavar="ACTIE", parser_class=Parser)
    ctrl = cas_sub.add_parser("controleer", help="controleer een of meer casusbestanden (YAML)")
    ctrl.add_argument("paden", nargs="+", metavar="PAD", help="casusbestand(en)")
    ctrl.set_defaults(functie=_controleer)

    opd = sub.add_parser("opdracht", help="de eindopdracht maken en nakijken (nbgrader)")
    opd_sub = opd.add_subparsers(dest="actie", metavar="ACTIE", parser_class=Parser)
    maak = opd_sub.add_parser("maak", help="maak de bronnotitieboeken uit de casusbank (toetspool)")
    maak.add_argument("--cursus", help="de nbgrader-map (standaard: exercises)")
    maak.add_argument(
        "--ronde",
        type=_ronde,
        default=1,
        metavar="N",
        help="trek een evenwichtige set uit de toetspool voor ronde N (standaard: 1); elke ronde andere casussen",
    )
    maak.add_argument("--casussen", help="eigen keuze: ids voor deel 1, met komma's (in plaats van --ronde)")
    maak.add_argument("--toepassen", help="eigen keuze: twee ids voor deel 2, met komma's")
    maak.add_argument("--advies", metavar="ID", help="eigen keuze: de casus voor de adviesvraag van deel 2")
    maak.add_argument(
        "--eigen", action="append", metavar="PAD", help="een eigen casusbestand erbij (mag vaker)"
    )
    maak.add_argument("--overschrijf", action="store_true", help="vervang een opdracht die al bestaat")
    maak.set_defaults(functie=_opdracht_maak)
    nak = opd_sub.add_parser("nakijken", help="kijk alle inleveringen van een opdracht na, op alle kernen")
    voeg_nakijken_toe(nak)
    zelf = opd_sub.add_parser("controleer", help="controleer de vorm van de antwoorden in een notitieboek")
    zelf.add_argument("pad", metavar="PAD", help="een ingevuld notitieboek (.ipynb)")
    zelf.set_defaults(functie=_opdracht_controleer)

    from wijkleren.cli.klas import voeg_toe as voeg_klas_toe

    voeg_klas_toe(sub, Parser)  # wijkleren klas overzicht | exporteer (| nakijken, the old name)
    return p


def _ronde(tekst: str) -> int:
    try:
        n = int(tekst)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"--ronde moet een heel getal van 1 of meer zijn, niet '{tekst}'")
    return n


def _ids(tekst: str | None) -> list[str] | None:
    return [i.strip() for i in tekst.split(",") if i.strip()] if tekst else None


def _opdracht_maak(args) -> int:
    import os

    from wijkleren.casussen.bank import EIGEN_VAR, eigen_bestanden
    from wijkleren.eindopdracht.formaat import OPDRACHTEN
    from wijkleren.eindopdracht.maken import schrijf_bronnen, zou_vervangen
    from wijkleren.eindopdracht.trekken import kies_casussen
    from wijkleren.nakijkronde.cursus import cursusmap

    if args.eigen:
        os.environ[EIGEN_VAR] = os.pathsep.join(str(p) for p in [*eigen_bestanden(), *args.eigen])
    map_ = Path(args.cursus) if args.cursus else cursusmap()
    keuze = kies_casussen(_ids(args.casussen), _ids(args.toepassen), args.ronde, args.advies)
    vervangen = zou_vervangen(map_, keuze)
    if vervangen and not args.overschrijf:
        for pad in vervangen:
            print(f"Bestaat al, met een andere inhoud: {pad}", file=sys.stderr)
        print(
            "Er is niets veranderd. Wil je de opdracht vervangen? Gebruik dan --overschrijf.", file=sys.stderr
        )
        return 1
    for pad in vervangen:
        print(f"Vervangen: {pad}")
    for pad in schrijf_bronnen(map_, keuze):
        print(f"Gemaakt: {pad}")
    print(
        (f"Ronde {keuze.ronde}. " if keuze.ronde else "")
        + f"Deel 1: {', '.join(c.id for c in keuze.beoordelen)}. Deel 2: {', '.join(c.id for c in keuze.toepassen)}"
        + (f", advies: {keuze.advies.id}." if keuze.advies else ".")
    )
    print(
        "Volgende stap (in de map exercises): "
        + " en ".join(f"nbgrader generate_assignment {o}" for o in OPDRACHTEN)
    )
    return 0


def voeg_nakijken_toe(nak) -> None:
    """The arguments of the grading round (also used by the alias ``klas nakijken``)."""
    nak.add_argument("opdracht", metavar="OPDRACHT", help="bijvoorbeeld casussen_beoordelen")
    nak.add_argument("--cursus", help="de nbgrader-map (standaard: deze map of exercises)")
    nak.add_argument("--werkers", type=int, help="hoeveel tegelijk (standaard: één per processorkern)")
    nak.add_argument("--opnieuw", action="store_true", help="kijk ook al nagekeken inleveringen opnieuw na")
    nak.set_defaults(functie=opdracht_nakijken)


def opdracht_nakijken(args) -> int:
    """``wijkleren opdracht nakijken``: the grading round, with a status line per learner."""
    from wijkleren.nakijkronde.cursus import cursusmap
    from wijkleren.nakijkronde.ronde import nakijken
    from wijkleren.nakijkronde.statussen import tabel

    if args.werkers is not None and args.werkers < 1:
        print("Fout: --werkers moet 1 of meer zijn.", file=sys.stderr)
        return 2
    try:
        ronde = nakijken(cursusmap(args.cursus), args.opdracht, werkers=args.werkers, opnieuw=args.opnieuw)
    except KeyboardInterrupt:
        print(
            "\nAfgebroken. Wat al klaar was, staat in het cijferbestand. "
            "Start dezelfde opdracht opnieuw om de rest na te kijken.",
            file=sys.stderr,
        )
        return 130
    print(tabel(ronde.uitkomsten))
    print(ronde.samenvatting())
    if ronde.gestopt:
        print(f"Fout: de ronde is gestopt: {ronde.gestopt}", file=sys.stderr)
        return 1
    if ronde.problemen:
        print(
            f"{len(ronde.problemen)} van de {len(ronde.uitkomsten)} inleveringen konden niet worden nagekeken.",
            file=sys.stderr,
        )
        return 1
    return 0


def _opdracht_controleer(args) -> int:
    from wijkleren.eindopdracht.zelfcontrole import rapport

    goed, tekst = rapport(args.pad)
    print(tekst)
    return 0 if goed else 1


def _controleer(args) -> int:
    """The validator: its Dutch report comes from CasusFout (exit 1) or LeesFout (exit 2) in main."""
    from wijkleren.casussen.bank import botsingen, pakket_bestanden, toets_bestanden

    casussen = laad_bestanden(args.paden)
    # A trainer's file may not reuse a bank id or copy a bank case; the bank's own files are exempt.
    eigen = {str(Path(p).resolve()) for p in args.paden} - {
        str(p.resolve()) for p in pakket_bestanden() + toets_bestanden()
    }
    problemen = [
        p
        for pad in args.paden
        if str(Path(pad).resolve()) in eigen
        for p in botsingen(pad, laad_bestanden([pad]))
    ]
    if problemen:
        raise CasusFout(problemen)
    print(f"In orde: {len(casussen)} casussen, geen problemen.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = maak_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "functie"):
        parser.print_help()
        return 2
    uit = voer_uit(lambda: args.functie(args))  # the one handler: Dutch message, no traceback
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the work is done: a late Ctrl-C changes nothing
    return uit
