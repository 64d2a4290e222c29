"""One root for the errors that a person can fix: a wrong file, a missing folder, a busy gradebook.

Every such error in the package derives from :class:`WijklerenFout`. Its text is Dutch and written
for the trainer or learner at the keyboard, never a traceback. The commands do not catch them one
by one: :func:`voer_uit` is the one handler, which prints :meth:`melding` to stderr and exits
with :attr:`code`. ``wijkleren`` (:func:`wijkleren.cli.main`) and the ``python -m`` commands of
the class server, the LMS package and the workshop print run through it.

A bug is not a ``WijklerenFout``: it still ends in a traceback, so it can be reported and fixed.
Diagnostics (what went wrong under the hood, for a developer) go to :mod:`logging` under the logger
``wijkleren``; :func:`logboek` shows them on stderr (level from ``WIJKLEREN_LOG``, standard WARNING).
"""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import sys
from collections.abc import Callable
from typing import TextIO

LOG_VAR = "WIJKLEREN_LOG"


class WijklerenFout(Exception):
    """A problem the user can fix; ``str(fout)`` is a Dutch message that says what to do.

    ``code`` is the exit code of a command that stops on it: 1 when the input is wrong, 2 when a
    file or folder cannot be used (as ``wijkleren casussen controleer`` has always done).
    """

    code = 1
    voorvoegsel = "Fout: "

    def melding(self) -> str:
        """The whole text for stderr."""
        return f"{self.voorvoegsel}{self}"


def meld(fout: WijklerenFout, stroom: TextIO | None = None) -> int:
    """Print the Dutch message of `fout` (no traceback) and return its exit code."""
    print(fout.melding(), file=stroom if stroom is not None else sys.stderr)
    return fout.code


# argparse's own messages (Python 3.11-3.13), in Dutch; another message stays as argparse wrote it.
ARGPARSE_NL = [
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekend: \1"),
    (re.compile(r"the following arguments are required: (.*)"), r"dit ontbreekt nog: \1"),
    (re.compile(r"argument (\S+): expected one argument"), r"na \1 hoort een waarde"),
    (
        re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"),
        r"\2 kan niet bij \1, kies uit \3",
    ),
    (re.compile(r"argument (\S+): invalid (int|float) value: (\S+)"), r"\3 is geen getal (bij \1)"),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), r"\1 en \2 gaan niet samen"),
    (re.compile(r"argument (\S+): ignored explicit argument (\S+)"), r"bij \1 hoort geen waarde \2"),
]


def argparse_nl(message: str) -> str:
    for patroon, nl in ARGPARSE_NL:
        if patroon.fullmatch(message):
            return patroon.sub(nl, message)
    return message


class Parser(argparse.ArgumentParser):
    """argparse for every command: a wrong argument gets a Dutch line and exit code 2 (as argparse)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        print(f"Fout: {argparse_nl(message)}. Gebruik --help voor uitleg.", file=sys.stderr)
        raise SystemExit(2)


def schijffout(fout: OSError) -> str:
    """A Dutch sentence for a file or folder that could not be used (the OS's own text is English)."""
    plek = f" ({fout.filename})" if fout.filename else ""
    if fout.errno == errno.ENOSPC or fout.errno == errno.EDQUOT:
        return f"de schijf is vol{plek}. Maak ruimte vrij en probeer het opnieuw."
    if fout.errno == errno.EROFS:
        return f"deze plek is alleen-lezen{plek}. Kies een andere map of maak hem schrijfbaar."
    if fout.errno in (errno.EACCES, errno.EPERM):
        return f"je mag hier niet lezen of schrijven{plek}. Kies een andere map of vraag om rechten."
    if fout.errno == errno.ENOENT:
        return f"dit bestand of deze map bestaat niet{plek}."
    if fout.errno in (errno.EEXIST, errno.ENOTDIR):
        return f"daar staat al een bestand, waar een map moet komen{plek}. Kies een andere plek."
    if fout.errno == errno.EISDIR:
        return f"dit is een map, geen bestand{plek}."
    return f"een bestand of map kon niet worden gebruikt{plek} (foutcode {fout.errno})."


def voer_uit(werk: Callable[[], int]) -> int:
    """The one handler of the commands (``wijkleren`` and the ``python -m`` commands that can fail).

    Runs `werk` and returns its exit code. An error a person can fix becomes its Dutch message and
    code; a file or folder that cannot be used, a Dutch sentence and code 1; Ctrl-C, code 130.
    None of them shows a traceback. Anything else is a bug, and keeps its traceback.
    """
    logboek()  # diagnostics of the package on stderr (WIJKLEREN_LOG=INFO for more)
    try:
        return werk()
    except WijklerenFout as fout:
        return meld(fout)
    except OSError as fout:
        print(f"Niet gelukt: {schijffout(fout)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # Ctrl-C before a command could handle it
        print("\nAfgebroken.", file=sys.stderr)
        return 130


class _Stderr(logging.StreamHandler):
    """Writes to the sys.stderr of the moment (a test or a worker may replace it)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _):
        pass


def logboek() -> logging.Logger:
    """Show the package's diagnostics on stderr, once; the level comes from ``WIJKLEREN_LOG``."""
    log = logging.getLogger("wijkleren")
    if not any(isinstance(h, _Stderr) for h in log.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        log.addHandler(handler)
    niveau = os.environ.get(LOG_VAR, "WARNING").upper()
    log.setLevel(niveau if niveau in logging.getLevelNamesMapping() else logging.WARNING)
    return log
