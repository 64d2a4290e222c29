"""Benchmark: stock ``nbgrader autograde`` against ``wijkleren opdracht nakijken`` on a simulated class.

    .venv/bin/python scripts/bench_nakijken.py [--aantallen 40 200] [--werkers N] [--keer 1]
                                               [--opdracht casussen_beoordelen|oefenklas]

Per class size: one course with N simulated submissions (tests/helpers/simulatie.py), copied
twice; stock serial autograde runs on one copy and the parallel command on the other, in the
same run, alternating which goes first. Both are started as a command, so both pay the same
start-up. Wall times and the ratio are printed. Both gradebooks must be equal, row for row and
field for field, and so must the autograded notebooks, or the script stops with an error. One
field differs by design: the time of handing in. Stock nbgrader takes it from the learner's
``timestamp.txt``; the round takes the moment the file arrived in the course folder. The load
average of the machine is printed too: other programs running on the same cores slow both down.

'casussen_beoordelen' is the course's own final assignment (graded as text, no kernel);
'oefenklas' is a small assignment graded the stock way, by executing each notebook in a kernel.
A figure report, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# The course builders and the simulated class are test code (tests/helpers/), not in the package:
# this script puts tests/ on its own path, as pytest does through pyproject's `pythonpath`.
sys.path.insert(0, str(ROOT / "tests"))

from helpers import cursussen  # noqa: E402
from helpers.simulatie import simuleer_klas  # noqa: E402

from wijkleren.nakijkronde.cursus import lees_cursus  # noqa: E402
from wijkleren.nakijkronde.parallel import standaard_werkers  # noqa: E402


def _tijd(args: list[str], cwd: Path) -> float:
    begin = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=cursussen.omgeving(), capture_output=True, check=False)
    return time.perf_counter() - begin


def _notitieboeken(map_: Path) -> dict[str, bytes]:
    basis = map_ / "autograded"
    return {str(p.relative_to(basis)): p.read_bytes() for p in basis.glob("*/*/*.ipynb")}


def meet(basis: Path, opdracht: str, werkers: int, keer: int) -> tuple[list[float], list[float], bool]:
    stock, parallel, gelijk = [], [], True  # gelijk: checked by the asserts below
    for i in range(keer):
        maps = {}
        for naam in ("stock", "parallel"):
            maps[naam] = basis.parent / f"{basis.name}-{naam}-{i}"
            shutil.rmtree(maps[naam], ignore_errors=True)
            shutil.copytree(basis, maps[naam])
        opdrachten = {
            "stock": [str(BIN / "nbgrader"), "autograde", opdracht],
            "parallel": [str(BIN / "wijkleren"), "opdracht", "nakijken", opdracht, f"--werkers={werkers}"],
        }
        volgorde = ("stock", "parallel") if i % 2 == 0 else ("parallel", "stock")
        for naam in volgorde:
            tijd = _tijd(opdrachten[naam], maps[naam])
            (stock if naam == "stock" else parallel).append(tijd)
        rijen = cursussen.gradebook_rijen(maps["stock"], opdracht)
        assert rijen == cursussen.gradebook_rijen(maps["parallel"], opdracht), (
            "de cijferbestanden verschillen"
        )
        assert len(rijen) >= 1
        assert _notitieboeken(maps["stock"]) == _notitieboeken(maps["parallel"]), (
            "de notitieboeken verschillen"
        )
        for m in maps.values():
            shutil.rmtree(m, ignore_errors=True)
    return stock, parallel, gelijk


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--aantallen", type=int, nargs="+", default=[40, 200])
    p.add_argument("--werkers", type=int, default=standaard_werkers())
    p.add_argument("--keer", type=int, default=1, help="runs per size (the median is shown)")
    p.add_argument(
        "--opdracht", choices=[cursussen.ECHTE_OPDRACHT, cursussen.OPDRACHT], default=cursussen.ECHTE_OPDRACHT
    )
    args = p.parse_args()
    print(f"opdracht {args.opdracht}, {args.werkers} werkers, {os.cpu_count()} kernen")
    print(f"{'inzendingen':>11} {'stock s':>8} {'ronde s':>10} {'verhouding':>10}  gelijk  belasting")
    with tempfile.TemporaryDirectory(prefix="bench-nakijken-") as tmp:
        for aantal in args.aantallen:
            basis = Path(tmp) / f"klas{aantal}"
            if args.opdracht == cursussen.OPDRACHT:
                cursussen.maak_oefenklas(basis)
            else:
                cursussen.maak_echte_cursus(basis)
            simuleer_klas(lees_cursus(basis), args.opdracht, aantal)
            belasting = os.getloadavg()[0]
            stock, parallel, gelijk = meet(basis, args.opdracht, args.werkers, args.keer)
            s, q = statistics.median(stock), statistics.median(parallel)
            print(
                f"{aantal:>11} {s:>8.1f} {q:>10.1f} {s / q:>9.2f}x  {'ja' if gelijk else 'NEE':>6}  "
                f"{belasting:.1f} -> {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
