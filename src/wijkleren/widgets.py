"""Old path of :mod:`wijkleren.oefeningen.widget`, kept for release 0.2 only: a learner's saved copy of an exercise notebook runs ``from wijkleren.widgets import toon``.

New code imports ``wijkleren.oefeningen.widget``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.oefeningen.widget import *  # noqa: F403
