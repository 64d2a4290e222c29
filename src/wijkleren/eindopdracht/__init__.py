"""The final assignment: its format, making it, and reading and scoring the answers.

- :mod:`.formaat`: the one contract (cell ids, grading key, markers, points), see ``docs/formaat.md``;
- :mod:`.maken`: writes the source notebooks (``wijkleren opdracht maak``);
- :mod:`.beoordelen`: reads an answer cell as text and scores it against the key;
- :mod:`.cesuur`: the pass mark; :mod:`.zelfcontrole`: the learner's check before handing in;
- :mod:`.nbgrader_stappen`: the preprocessors and exporter that nbgrader runs, with
  :mod:`.feedbackpagina` (the learner's feedback page) and ``templates/`` (the Formgrader's).
"""
