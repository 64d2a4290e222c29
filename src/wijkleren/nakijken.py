"""Old path of :mod:`wijkleren.eindopdracht.beoordelen` (now split into ``antwoorden``, ``herkennen`` and
``beoordelen``), kept for release 0.2 only: a trainer's copied ``nbgrader_config.py`` imports ``ANTWOORD_STUB``
from here.

New code imports ``wijkleren.eindopdracht.antwoorden`` (reading a cell), ``.herkennen`` (the words),
``.beoordelen`` (scoring) and ``.formaat``; this module goes in 0.3 (see docs/ontwikkelaars.md, "Oude paden").
"""

from wijkleren.casussen.domein import GEEN_KENMERK as GEEN  # noqa: F401
from wijkleren.eindopdracht.antwoorden import *  # noqa: F403
from wijkleren.eindopdracht.beoordelen import *  # noqa: F403
from wijkleren.eindopdracht.formaat import *  # noqa: F403
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE as CATEGORIE  # noqa: F401
from wijkleren.eindopdracht.formaat import VRAAG_KENMERKEN as KENMERKEN  # noqa: F401
from wijkleren.eindopdracht.herkennen import *  # noqa: F403
