"""Trainer tools for a class: where the class goes wrong, exports, certificates and printed cards.

- :mod:`.overzicht`: the class overview as figures (no plotting); :mod:`.grafieken` and
  :mod:`.rapport`: its charts and the offline HTML report;
- :mod:`.export`: grades as CSV for Moodle and Canvas; :mod:`.certificaat`: certificates;
- :mod:`.drukwerk`: cards and sheets for a workshop (``make drukwerk``); :mod:`.pdf`: both print with
  Debian's Chromium.
"""
