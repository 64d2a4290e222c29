"""Old path of :mod:`wijkleren.eindopdracht.maken`, kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` imports ``TEKST_STUB`` from here.

New code imports ``wijkleren.eindopdracht.maken``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.eindopdracht.maken import *  # noqa: F403
