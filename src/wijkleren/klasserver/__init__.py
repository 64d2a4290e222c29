"""A class on one server: JupyterHub with nbgrader.

- :mod:`.hub`: start and stop a class (``python -m wijkleren.klasserver.hub``, ``make klas-server``);
- :mod:`.klas`: the description of one class (``klas.json``) and its error, ``KlasFout``;
- :mod:`.accounts`: the class's Linux accounts, and running a command as one of them;
- :mod:`.toetspool`: the answer key on the server, closed to learners;
- :mod:`.instellingen`: the exchange's folders, the settings per role, the trainer's course folder;
- :mod:`.proces`: the JupyterHub process (start, stop, its API);
- :mod:`.omgeving`: the Python environment every user of the class runs (or a copy all can reach);
- :mod:`.uitwisseling`: nbgrader's exchange, with who may read what.
"""
