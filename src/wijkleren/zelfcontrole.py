"""Old path of :mod:`wijkleren.eindopdracht.zelfcontrole`, kept for release 0.2 only: a released assignment's check cell runs ``from wijkleren.zelfcontrole import controleer``.

New code imports ``wijkleren.eindopdracht.zelfcontrole``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.eindopdracht.zelfcontrole import *  # noqa: F403
