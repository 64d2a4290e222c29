"""The command line: ``wijkleren casussen controleer PAD``. Thin layer over the package."""

from __future__ import annotations

import argparse
import sys

from .casusbank import CasusFout, LeesFout, laad_bestanden


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # Dutch usage errors, exit 2 like argparse
        self.print_usage(sys.stderr)
        print(f"Fout: {message}. Gebruik --help voor uitleg.", file=sys.stderr)
        raise SystemExit(2)


def maak_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="wijkleren", description="Hulpmiddelen voor de cursus Wijkleren.")
    sub = p.add_subparsers(dest="groep", metavar="ONDERDEEL", parser_class=_Parser)
    cas = sub.add_parser("casussen", help="werken met casusbestanden")
    cas_sub = cas.add_subparsers(dest="actie", metavar="ACTIE", parser_class=_Parser)
    ctrl = cas_sub.add_parser("controleer", help="controleer een of meer casusbestanden (YAML)")
    ctrl.add_argument("paden", nargs="+", metavar="PAD", help="casusbestand(en)")
    ctrl.set_defaults(functie=_controleer)
    return p


def _controleer(args) -> int:
    try:
        casussen = laad_bestanden(args.paden)
    except LeesFout as fout:
        print(f"Kan niet lezen: {fout}", file=sys.stderr)
        return 2
    except CasusFout as fout:
        n = len(fout.problemen)
        print(f"{n} {'probleem' if n == 1 else 'problemen'} gevonden:", file=sys.stderr)
        for p in fout.problemen:
            print(f"- {p}", file=sys.stderr)
        return 1
    print(f"In orde: {len(casussen)} casussen, geen problemen.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = maak_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "functie"):
        parser.print_help()
        return 2
    return args.functie(args)


if __name__ == "__main__":
    raise SystemExit(main())
