"""``python -m wijkleren.cli``: the same as the command ``wijkleren``."""

from wijkleren.cli import main

raise SystemExit(main())
