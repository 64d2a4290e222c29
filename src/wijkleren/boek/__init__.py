"""The book: the Sphinx extension ``wijkleren.boek`` (named in ``_config.yml``) and what it uses.

- :mod:`.extensie`: the extension (exercise directive, offline pages, Dutch theme words, CSS);
- :mod:`.figuren`: the diagrams, drawn at build time;
- :mod:`.leesbaarheid`: the B1 readability figures (``python -m wijkleren.boek.leesbaarheid``);
- ``templates/`` and ``static/``: theme parts fixed for accessibility, the course's style and icon.
"""

from wijkleren.boek.extensie import setup

__all__ = ["setup"]
