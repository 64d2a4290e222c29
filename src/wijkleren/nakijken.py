"""Old path of :mod:`wijkleren.eindopdracht.beoordelen`, kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` imports ``ANTWOORD_STUB`` from here.

New code imports ``wijkleren.eindopdracht.beoordelen``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.eindopdracht.beoordelen import *  # noqa: F403
