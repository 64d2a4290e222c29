"""A class on one server: JupyterHub with the nbgrader exchange, for a trainer and learners.

``python -m wijkleren.klasserver.hub start`` (as root; ``make klas-server``) prepares and starts a class:

- accounts: the server's own Linux accounts (PAM). Missing ones are made, with a random
  password and a home folder only the owner can open (0700);
- the course environment: this virtual environment, or a copy of it in the class folder when
  other users cannot reach it (for example when it lives under /root);
- the nbgrader exchange in the class folder, owned by the trainer, and the trainer's course
  folder ``~/wijkleren`` with the final assignment generated from the case bank;
- JupyterHub (``hub/jupyterhub_config.py``) in the background, on 127.0.0.1 unless told otherwise.

``python -m wijkleren.klasserver.hub stop`` stops the hub and every user's server; ``--opruimen`` also
removes the accounts that ``start`` made and the class folder.

The class folder (default /srv/wijkleren-klas) is described in :mod:`.klas`.

The answer key stays with the trainer: the repository (with ``exercises/toetspool`` and the git
history) is closed to other users while it is used for a class, learners run a copy of the
course environment without the toets pool, and the trainer's course folder (with its own copy
of the toets pool) is open to the trainer only. Owners and modes are set without following
links: a link in the exchange is refused.

This module holds the two commands and their command line; the steps live beside it:
:mod:`.klas` (the class description, ``klas.json``), :mod:`.accounts` (Linux accounts, running as a
user), :mod:`.omgeving` (the course environment), :mod:`.toetspool` (the answer key, closed to
learners), :mod:`.instellingen` (exchange folders, settings per role, the trainer's course folder)
and :mod:`.proces` (the JupyterHub process).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
from pathlib import Path

from wijkleren.fouten import Parser, voer_uit
from wijkleren.klasserver.accounts import bestaat, controleer_groepen, maak_account, verwijder_account
from wijkleren.klasserver.instellingen import schrijf_instellingen, zet_cursus_klaar, zet_uitwisseling_klaar
from wijkleren.klasserver.klas import STANDAARD_MAP, Klas, KlasFout, cursusbron, schrijf_geheim
from wijkleren.klasserver.omgeving import kopieer_omgeving, werkt_voor
from wijkleren.klasserver.proces import draait, proxy_pad, start_hub, stop_hub
from wijkleren.klasserver.toetspool import open_bron, sluit_bron_af
from wijkleren.starten import vrije_poort

LOOPBACK = ("127.0.0.1", "localhost")
NAAM = re.compile(r"^[a-z][a-z0-9_-]{0,30}$")


def start(
    map_: Path,
    trainer: str,
    deelnemers: list[str],
    poort: int = 8000,
    adres: str = "127.0.0.1",
    certificaat: str | None = None,
    sleutel: str | None = None,
    uitvoer=print,
    bron: Path | None = None,
) -> Klas:
    """Prepare and start a class from the course's folder `bron` (standard: the current one); return
    it. Raises KlasFout with a Dutch message."""
    if os.geteuid() != 0:
        raise KlasFout(
            "Start de klas als root (bijvoorbeeld met sudo). Alleen root kan accounts maken "
            "en JupyterLab starten als de trainer en de deelnemers."
        )
    bronmap = cursusbron(bron)
    for naam in (trainer, *deelnemers):
        if not NAAM.match(naam):
            raise KlasFout(f"'{naam}' kan geen accountnaam zijn: gebruik kleine letters en cijfers.")
    if len({trainer, *deelnemers}) != len(deelnemers) + 1:
        raise KlasFout("Elke naam mag maar één keer voorkomen.")
    if adres not in LOOPBACK and not (certificaat and sleutel):
        raise KlasFout(
            "Buiten deze computer alleen met HTTPS: geef --certificaat en --sleutel. "
            "Anders gaan wachtwoorden onversleuteld over het netwerk."
        )
    if (map_ / "hub" / "klas.json").exists():
        oud = Klas.lees(map_)
        if draait(oud):
            raise KlasFout(
                f"Deze klas draait al op {oud.url}. Stop hem eerst met: python -m wijkleren.klasserver.hub stop"
            )
        aangemaakt, bron_modus = oud.aangemaakt, oud.bron_modus
    elif map_.exists() and any(map_.iterdir()):
        # `stop --opruimen` removes the class folder: it must be one that only the class uses.
        raise KlasFout(f"De map {map_} is niet leeg en er staat geen klas in. Kies een nieuwe map met --map.")
    else:
        aangemaakt, bron_modus = [], None
    vrij_adres = "127.0.0.1" if adres in ("0.0.0.0", "") else adres
    with socket.socket() as s:
        if s.connect_ex((vrij_adres, poort)) == 0:
            raise KlasFout(f"Poort {poort} is al in gebruik. Kies een andere met --poort.")
    map_.mkdir(parents=True, exist_ok=True)
    os.chmod(map_, 0o755)
    klas = Klas(
        map=map_.resolve(),
        trainer=trainer,
        deelnemers=list(deelnemers),
        adres=adres,
        poort=poort,
        hub_poort=vrije_poort(),
        api_poort=vrije_poort(),
        proxy=proxy_pad(bronmap),
        certificaat=certificaat,
        sleutel=sleutel,
        aangemaakt=aangemaakt,
        bron_modus=bron_modus,
        bron=str(bronmap),
    )
    klas.bewaar()  # before anything else: `stop --opruimen` must know what was made
    wachtwoorden = klas.wachtwoorden()
    for naam in klas.gebruikers():
        if not bestaat(naam):
            wachtwoorden[naam] = maak_account(naam)
            klas.aangemaakt.append(naam)
            klas.bewaar()
    schrijf_geheim(klas.hubmap / "wachtwoorden.json", json.dumps(wachtwoorden, indent=2))
    controleer_groepen(klas)
    sluit_bron_af(klas, uitvoer)

    fout = werkt_voor(klas, klas.deelnemers[0] if klas.deelnemers else klas.trainer)
    if fout:
        uitvoer("De cursusomgeving is niet voor iedereen bereikbaar. Ik maak een kopie in de klasmap.")
        try:
            klas.python, klas.bin, klas.ld_library_path = kopieer_omgeving(klas.omgeving)
        except ValueError as e:
            raise KlasFout(str(e)) from e
        fout = werkt_voor(klas, klas.deelnemers[0] if klas.deelnemers else klas.trainer)
        if fout:
            raise KlasFout(f"De deelnemers kunnen de cursusomgeving niet starten:\n{fout}")
    zet_uitwisseling_klaar(klas)
    schrijf_instellingen(klas)
    zet_cursus_klaar(klas)
    if not (klas.hubmap / "beheer.token").exists():
        schrijf_geheim(klas.hubmap / "beheer.token", secrets.token_hex(32))
    klas.bewaar()
    start_hub(klas)
    return klas


def stop(map_: Path, opruimen: bool = False) -> Klas:
    """Stop the class's hub; with `opruimen` also remove the accounts `start` made and the folder."""
    klas = Klas.lees(map_)
    stop_hub(klas)
    if opruimen:
        for naam in klas.aangemaakt:
            if bestaat(naam):
                verwijder_account(naam)
        shutil.rmtree(klas.map, ignore_errors=True)
        open_bron(klas)
    return klas


def _welkom(klas: Klas) -> str:
    wachtwoorden = klas.wachtwoorden()
    regels = [f"\nDe klas draait op {klas.url}", ""]
    for rol, namen in (("Trainer", [klas.trainer]), ("Deelnemers", klas.deelnemers)):
        for i, naam in enumerate(namen):
            ww = (
                wachtwoorden.get(naam, "(eigen wachtwoord)")
                if naam in klas.aangemaakt
                else "(eigen wachtwoord)"
            )
            regels.append(f"  {rol if i == 0 else '':<11} {naam:<16} wachtwoord: {ww}")
    regels += [
        "",
        f"De wachtwoorden staan ook in {klas.hubmap / 'wachtwoorden.json'} (alleen voor root).",
        "Stoppen: make klas-stop (of: python -m wijkleren.klasserver.hub stop).",
    ]
    return "\n".join(regels)


def main(argv: list[str] | None = None) -> int:
    p = Parser(
        prog="python -m wijkleren.klasserver.hub",
        description="Een klas op één server: JupyterHub met nbgrader.",
    )
    sub = p.add_subparsers(dest="actie", metavar="ACTIE", parser_class=Parser)
    s = sub.add_parser("start", help="maak de accounts en start de klas (als root)")
    s.add_argument("--map", type=Path, default=STANDAARD_MAP, help=f"de klasmap (standaard {STANDAARD_MAP})")
    s.add_argument("--trainer", default="trainer", help="account van de trainer (standaard: trainer)")
    s.add_argument(
        "--deelnemers",
        default="deelnemer1,deelnemer2,deelnemer3",
        help="accounts van de deelnemers, met komma's (standaard: deelnemer1,deelnemer2,deelnemer3)",
    )
    s.add_argument("--poort", type=int, default=8000, help="poort van de klas (standaard 8000)")
    s.add_argument("--adres", default="127.0.0.1", help="adres (standaard 127.0.0.1: alleen deze computer)")
    s.add_argument("--certificaat", help="HTTPS-certificaat (nodig voor een ander adres dan 127.0.0.1)")
    s.add_argument("--sleutel", help="sleutel bij het HTTPS-certificaat")
    s.add_argument("--bron", type=Path, help="de map van de cursus Wijkleren (standaard: deze map)")
    t = sub.add_parser("stop", help="stop de klas")
    t.add_argument("--map", type=Path, default=STANDAARD_MAP, help=f"de klasmap (standaard {STANDAARD_MAP})")
    t.add_argument(
        "--opruimen",
        action="store_true",
        help="verwijder ook de accounts die start maakte (met hun werk) en de klasmap",
    )
    args = p.parse_args(argv)
    if args.actie not in ("start", "stop"):
        p.print_help()
        return 2
    return voer_uit(lambda: _voer_uit(args))


def _voer_uit(args) -> int:
    if args.actie == "start":
        deelnemers = [d.strip() for d in args.deelnemers.split(",") if d.strip()]
        klas = start(
            args.map,
            args.trainer,
            deelnemers,
            args.poort,
            args.adres,
            args.certificaat,
            args.sleutel,
            bron=args.bron,
        )
        print(_welkom(klas))
    else:
        klas = stop(args.map, args.opruimen)
        print("De klas is gestopt." + (" Accounts en klasmap zijn verwijderd." if args.opruimen else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
