"""Shared test code, imported as ``helpers.<module>`` (pyproject puts ``tests/`` on pytest's path).

- :mod:`.paden`: where the checkout and the venv's programs are;
- :mod:`.boek`: the pages of the built book;
- :mod:`.browser`: headless Chromium's options, a guard for other hosts and console errors, axe-core;
- :mod:`.cursussen`: nbgrader courses in a temporary folder (the real final assignment and a small
  one graded in a kernel);
- :mod:`.simulatie`: a simulated class of learners who hand in work with realistic mistakes.

The fixtures themselves stay in ``tests/conftest.py``; the benchmark ``scripts/bench_nakijken.py``
uses the course builders and the simulation too.
"""
