"""Old path of :mod:`wijkleren.eindopdracht.maken` (now split into ``trekken``, ``cellen``, ``deel1``, ``deel2``
and ``maken``), kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` imports ``TEKST_STUB`` from
here.

New code imports those modules and ``wijkleren.eindopdracht.formaat``; this module goes in 0.3 (see
docs/ontwikkelaars.md, "Oude paden").
"""

from wijkleren.casussen.domein import GEEN_KENMERK as GEEN  # noqa: F401
from wijkleren.eindopdracht.cellen import *  # noqa: F403
from wijkleren.eindopdracht.deel1 import *  # noqa: F403
from wijkleren.eindopdracht.deel2 import *  # noqa: F403
from wijkleren.eindopdracht.formaat import *  # noqa: F403
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE as CATEGORIE  # noqa: F401
from wijkleren.eindopdracht.maken import *  # noqa: F403
from wijkleren.eindopdracht.trekken import *  # noqa: F403
