"""A class on one server: JupyterHub with nbgrader.

- :mod:`.hub`: start and stop a class (``python -m wijkleren.klasserver.hub``, ``make klas-server``);
- :mod:`.omgeving`: the Python environment every user of the class runs;
- :mod:`.uitwisseling`: nbgrader's exchange, with who may read what.
"""
