"""The one grading round: ``wijkleren opdracht nakijken``.

- :mod:`.ronde`: the round itself (:func:`~.ronde.nakijken`, in named steps) and what it did (``Ronde``);
- :mod:`.statussen`: the status words, a learner's status, a refused submission, the Dutch table;
- :mod:`.oorzaken`: why something failed, in Dutch (``RondeFout``, a failed write, nbgrader's reason);
- :mod:`.inlevering`: finding the submissions and reading one safely (no links, literal ids);
- :mod:`.journaal`: the lock, the backup of the gradebook and the journal of who is done;
- :mod:`.vastleggen`: storing one graded learner: grades first, then the notebooks, the time, the journal;
- :mod:`.signalen`: Ctrl-C and SIGTERM during a round;
- :mod:`.parallel`: the pool of workers, ``nbgrader autograde`` for a whole class on all cores;
- :mod:`.werker`: one worker process, grading one learner per task with stock nbgrader;
- :mod:`.rijen`: a learner's gradebook rows as plain data (read, apply, score);
- :mod:`.voortgang`: the progress bar;
- :mod:`.celcontrole`: nbgrader's cell metadata check, with its schema checked once;
- :mod:`.cursus`: where a course lives (nbgrader's own configuration decides);
- :mod:`.cijferboek`: reads a class's results from nbgrader's gradebook and notebooks.
"""
