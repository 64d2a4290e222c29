"""Trainer tools for a class: the engine of the grading round, the class overview and the LMS export.

- :mod:`.cursus`: where a course lives (nbgrader's own configuration decides, as for ``nbgrader``);
- :mod:`.parallel`: ``nbgrader autograde`` for a whole class on all cores, with a progress bar:
  the engine of :mod:`wijkleren.nakijkronde` (:mod:`.celcontrole`: nbgrader's cell metadata
  check, with its schema checked once);
- :mod:`.cijferboek`: reads a class's results from nbgrader's gradebook and notebooks;
- :mod:`.overzicht`: where the class goes wrong (pure figures, no plotting);
- :mod:`.grafieken` and :mod:`.rapport`: the plots and the offline HTML report;
- :mod:`.export`: grades as CSV for Moodle and Canvas;
- :mod:`.opdrachtregel`: the ``wijkleren klas`` commands (``klas nakijken`` is the old name of
  ``wijkleren opdracht nakijken``).
"""
