"""Old path of :mod:`wijkleren.eindopdracht.nbgrader_stappen` (now split into ``nbgrader_stappen``,
``formgrader`` and ``feedback``), kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` names
its preprocessors, exporter and templates by this path.

New code imports ``wijkleren.eindopdracht.nbgrader_stappen`` (the preprocessors), ``.formgrader`` (the
Formgrader's templates and filters) and ``.feedback`` (the exporter); this module goes in 0.3 (see
docs/ontwikkelaars.md, "Oude paden").
"""

from wijkleren.eindopdracht.feedback import *  # noqa: F403
from wijkleren.eindopdracht.formaat import *  # noqa: F403
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE as CATEGORIE  # noqa: F401
from wijkleren.eindopdracht.formgrader import *  # noqa: F403
from wijkleren.eindopdracht.nbgrader_stappen import *  # noqa: F403
