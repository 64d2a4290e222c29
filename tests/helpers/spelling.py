"""The tests' spelling check: hunspell with its Dutch dictionary (Debian hunspell-nl) and the
course's own words (``tests/woordenlijst/*.txt``). Each test prepares its own text and filters
what hunspell reports; this module only runs the check."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path

from helpers.paden import ROOT


def woordenlijst(map_: Path, extra: Iterable[str] = ()) -> Path:
    """The personal dictionary for hunspell: the course's word lists plus `extra`, in `map_`."""
    woorden = list(extra)
    for f in sorted((ROOT / "tests" / "woordenlijst").glob("*.txt")):
        woorden += [w.strip() for w in f.read_text(encoding="utf-8").splitlines() if w.strip()]
    pad = map_ / "woorden.dic"
    pad.write_text("\n".join(sorted(set(woorden))) + "\n", encoding="utf-8")
    return pad


def hunspell(tekst: str, woordenlijst: Path) -> list[str]:
    """The words of `tekst` that neither the Dutch dictionary nor the word list knows, as hunspell prints them."""
    res = subprocess.run(
        ["hunspell", "-d", "nl_NL", "-p", str(woordenlijst), "-l"],
        input=tekst,
        capture_output=True,
        text=True,
        check=True,
    )
    return res.stdout.split()
