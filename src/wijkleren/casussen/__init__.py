"""The domain and the case bank: what every other part of the course builds on.

- :mod:`.domein`: the codes of categories, kinds and kenmerken, with their Dutch words and thresholds;
- :mod:`.beslisregel`: the decision rule (category, decisive kenmerk, steps) and its feedback sentences;
- :mod:`.schema`: the schema of a casus (``Casus``, its checks) and its Dutch errors (``CasusFout``);
- :mod:`.bank`: loading casus files and the bank (``data/``), a trainer's own files and the toets pool;
- :mod:`.overzicht`: the bank's figures (``python -m wijkleren.casussen.overzicht``).
"""
