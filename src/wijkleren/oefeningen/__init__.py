"""The exercises: their data, the one component that runs them, and the learning data around them.

- :mod:`.oefendata`: the data of the five exercises (cases, rule path, feedback), as JSON for both hosts;
- ``static/oefeningen.js`` and ``.css``: the one exercise component; the book's pages run it as a
  page script, JupyterLab as an anywidget module (:mod:`.widget`);
- :mod:`.leerdata`: loading the YAML files in ``data/`` with Dutch messages; on top of it
  :mod:`.misvattingen`, :mod:`.meting` (pre- and post-test), :mod:`.scenario` and :mod:`.werkblad`.
"""

from pathlib import Path

COMPONENT = Path(__file__).parent / "static"  # the exercise component: oefeningen.js and oefeningen.css
