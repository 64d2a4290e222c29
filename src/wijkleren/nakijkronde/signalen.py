"""Ctrl-C and SIGTERM during a round: SIGTERM stops it as Ctrl-C does, and both wait while a
learner is being stored (:func:`zonder_onderbreking`), so grades and files move together.
"""

from __future__ import annotations

import contextlib
import signal


def term_als_ctrl_c():
    """SIGTERM stops the round as Ctrl-C does (only possible in the main thread)."""

    def stop(*_):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread
        return None


def herstel_term(oud) -> None:
    """Put back the SIGTERM handler that :func:`term_als_ctrl_c` returned."""
    if oud is not None:
        signal.signal(signal.SIGTERM, oud)


@contextlib.contextmanager
def zonder_onderbreking():
    """Ctrl-C (and SIGTERM) wait until the block is done: grades and files move together.

    The handlers are swapped, not the signal mask: a signal may arrive in another thread (the
    pool's), and Python runs every handler in the main thread, here."""
    gekregen: list[int] = []
    oud = {}
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            oud[sig] = signal.signal(sig, lambda nummer, _: gekregen.append(nummer))
        except ValueError:  # not the main thread: nothing to defer
            pass
    try:
        yield
    finally:
        for sig, handler in oud.items():
            signal.signal(sig, handler)
        if gekregen:
            raise KeyboardInterrupt
