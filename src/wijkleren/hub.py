"""Old path of :mod:`wijkleren.klasserver.hub`, kept for release 0.2 only: scripts of a running class call ``python -m wijkleren.hub stop``.

New code imports ``wijkleren.klasserver.hub`` (the commands) or the module of the step it needs
(``klas``, ``accounts``, ``toetspool``, ``instellingen``, ``proces``, ``omgeving``); this module
goes in 0.3 (see docs/ontwikkelaars.md, "Oude paden").
"""

from wijkleren.klasserver.accounts import *  # noqa: F403
from wijkleren.klasserver.hub import *  # noqa: F403
from wijkleren.klasserver.instellingen import *  # noqa: F403
from wijkleren.klasserver.klas import *  # noqa: F403
from wijkleren.klasserver.omgeving import *  # noqa: F403
from wijkleren.klasserver.proces import *  # noqa: F403
from wijkleren.klasserver.toetspool import *  # noqa: F403

if __name__ == "__main__":
    from wijkleren.klasserver.hub import main

    raise SystemExit(main())
