"""Old path of :mod:`wijkleren.eindopdracht.nbgrader_stappen`, kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` names its preprocessors, exporter and templates by this path.

New code imports ``wijkleren.eindopdracht.nbgrader_stappen``; this module goes in 0.3 (see docs/ontwikkelaars.md,
"Oude paden").
"""

from wijkleren.eindopdracht.nbgrader_stappen import *  # noqa: F403
