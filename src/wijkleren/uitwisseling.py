"""Old path of :mod:`wijkleren.klasserver.uitwisseling`, kept for release 0.2 only: a class's nbgrader configuration names its exchange classes by this path.

New code imports ``wijkleren.klasserver.uitwisseling``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.klasserver.uitwisseling import *  # noqa: F403
