"""The one grading round: ``wijkleren opdracht nakijken``.

- :mod:`.ronde`: checks, statuses, the lock, the backup and the journal of one round;
- :mod:`.parallel`: ``nbgrader autograde`` for a whole class on all cores, with a progress bar;
- :mod:`.celcontrole`: nbgrader's cell metadata check, with its schema checked once;
- :mod:`.cursus`: where a course lives (nbgrader's own configuration decides);
- :mod:`.cijferboek`: reads a class's results from nbgrader's gradebook and notebooks.
"""
