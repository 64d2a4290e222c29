"""The exercises: their data, the one component that runs them, and the learning data around them.

- :mod:`.onderdelen`: every part the component shows, by name (:func:`~.onderdelen.onderdeel`), as JSON
  for both hosts; the parts: :mod:`.oefendata` (the five exercises: cases, feedback, texts), with
  :mod:`.spectrum` (the spectrum exercise's approaches) and :mod:`.regelpad` (the rule as a path,
  also for the worksheet);
- ``static/oefeningen.js`` and ``.css``: the one exercise component; the book's pages run it as a
  page script, JupyterLab as an anywidget module (:mod:`.widget`);
- :mod:`.leerdata`: loading the YAML files in ``data/`` with Dutch messages; on top of it
  :mod:`.misvattingen`, :mod:`.meting` (pre- and post-test), :mod:`.scenario` and :mod:`.werkblad`.
"""

from pathlib import Path

COMPONENT = Path(__file__).parent / "static"  # the exercise component: oefeningen.js and oefeningen.css
