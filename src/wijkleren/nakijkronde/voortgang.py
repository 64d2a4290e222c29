"""The progress bar of a round (:class:`Voortgang`) and how it writes a duration (:func:`duur`)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable


def duur(seconden: float) -> str:
    """A duration as the bar and the summary show it: '1:05', or '1:02:05' from an hour."""
    seconden = max(0, int(round(seconden)))
    m, s = divmod(seconden, 60)
    u, m = divmod(m, 60)
    return f"{u}:{m:02d}:{s:02d}" if u else f"{m}:{s:02d}"


class Voortgang:
    """A plain-text progress bar on a stream: done/total, percentage, elapsed and time left.

    On a terminal the bar redraws itself on one line; elsewhere (a log file, CI) it prints a
    line at every tenth of the work, so logs stay short.
    """

    def __init__(
        self, totaal: int, stroom=None, breedte: int = 24, klok: Callable[[], float] = time.monotonic
    ):
        self.totaal = totaal
        self.stroom = stroom if stroom is not None else sys.stderr
        self.breedte = breedte
        self.klok = klok
        self.start = klok()
        self.gedaan = 0
        self._tty = bool(getattr(self.stroom, "isatty", lambda: False)())
        self._laatste_tiende = -1

    def regel(self) -> str:
        """The bar as text, e.g. '[######------------------] 10/40  25%  0:12 verstreken, nog ongeveer 0:36'."""
        verstreken = self.klok() - self.start
        deel = self.gedaan / self.totaal if self.totaal else 1.0
        vol = int(deel * self.breedte)
        tekst = f"[{'#' * vol}{'-' * (self.breedte - vol)}] {self.gedaan}/{self.totaal}  {deel:4.0%}"
        tekst += f"  {duur(verstreken)} verstreken"
        if 0 < self.gedaan < self.totaal:
            tekst += f", nog ongeveer {duur(verstreken / self.gedaan * (self.totaal - self.gedaan))}"
        return tekst

    def _schrijf(self, tekst: str, nieuwe_regel: bool) -> None:
        if self._tty:
            self.stroom.write("\r\033[K" + tekst + ("\n" if nieuwe_regel else ""))
        else:
            self.stroom.write(tekst + "\n")
        self.stroom.flush()

    def toon(self) -> None:
        tiende = int(10 * self.gedaan / self.totaal) if self.totaal else 10
        if self._tty or tiende != self._laatste_tiende or self.gedaan == self.totaal:
            self._laatste_tiende = tiende
            self._schrijf(self.regel(), nieuwe_regel=not self._tty)

    def stap(self, melding: str | None = None) -> None:
        """One more done; a message (such as a failure) goes on a line of its own above the bar."""
        self.gedaan += 1
        if melding:
            if self._tty:
                self.stroom.write("\r\033[K")
            self.stroom.write(melding + "\n")
        self.toon()

    def klaar(self) -> None:
        if self._tty:
            self.stroom.write("\n")
            self.stroom.flush()
