"""The final assignment: its format, making it, and reading and scoring the answers.

- :mod:`.formaat`: the one contract (cell ids, grading key, markers, points, titles), see ``docs/formaat.md``;
- making it (``wijkleren opdracht maak``): :mod:`.maken` writes the source notebooks, :mod:`.trekken`
  draws the casussen per round, :mod:`.deel1` and :mod:`.deel2` are the two notebooks (deel 2 with its
  beoordelingsschema and anchors), :mod:`.cellen` the cells they are made of;
- grading it as data: :mod:`.antwoorden` reads an answer cell as text, :mod:`.herkennen` recognises its
  words, :mod:`.beoordelen` scores them against the key;
- :mod:`.cesuur`: the pass mark; :mod:`.zelfcontrole`: the learner's check before handing in;
- what nbgrader runs: :mod:`.nbgrader_stappen` (the autograde preprocessors), :mod:`.formgrader` (the
  trainer's page: templates in ``templates/`` and filters), :mod:`.feedback` (the exporter of
  ``generate_feedback``) with :mod:`.feedbackpagina` (the learner's feedback page).
"""
