"""Release 0.2 moved the package into subpackages; what older files name must keep working for it.

- a trainer's course folder holds a copy of ``exercises/nbgrader_config.py`` of release 0.1
  (``tests/fixtures/nbgrader_config_0.1.py``, kept as it was): it imports names from
  ``wijkleren.nbgrader_stappen``, ``.nakijken`` and ``.opdrachten`` and names classes by dotted path;
- a learner's saved exercise notebook runs ``from wijkleren.widgets import toon``, and a released
  assignment's check cell ``from wijkleren.zelfcontrole import controleer``;
- a class's scripts call ``python -m wijkleren.hub``.
"""

import subprocess
import sys
from pathlib import Path

from traitlets.config import Config
from traitlets.utils.importstring import import_item

OUD = Path(__file__).parent / "fixtures" / "nbgrader_config_0.1.py"


def _config_0_1() -> Config:
    c = Config()
    exec(
        compile(OUD.read_text(encoding="utf-8"), str(OUD), "exec"),
        {"get_config": lambda: c, "__file__": str(OUD)},
    )
    return c


def _namen(waarde):
    if isinstance(waarde, str):
        yield waarde
    elif isinstance(waarde, dict):
        for w in waarde.values():
            yield from _namen(w)
    elif isinstance(waarde, list | tuple):
        for w in waarde:
            yield from _namen(w)


def test_a_trainers_config_of_release_0_1_still_loads_and_names_what_exists():
    c = _config_0_1()
    assert c.ClearSolutions.code_stub["python"] and c.ClearSolutions.text_stub
    assert Path(c.HTMLExporter.extra_template_paths[0]).is_dir()
    namen = [
        n for sectie in c.values() for w in sectie.values() for n in _namen(w) if n.startswith("wijkleren.")
    ]
    assert len(namen) >= 6, namen
    for naam in namen:
        oud = import_item(naam)
        nieuw = import_item(
            naam.replace("wijkleren.nbgrader_stappen", "wijkleren.eindopdracht.nbgrader_stappen")
            .replace("nbgrader_stappen.FeedbackExporter", "feedback.FeedbackExporter")
            .replace("nbgrader_stappen.schoon_markdown", "formgrader.schoon_markdown")
        )
        assert oud is nieuw, naam  # the same class, not a copy
    # the preprocessors nbgrader makes from those names
    for naam in c.Autograde.autograde_preprocessors + c.Autograde.sanitize_preprocessors:
        import_item(naam)()


def test_the_config_of_this_release_names_only_new_paths():
    tekst = (Path(__file__).parents[1] / "exercises" / "nbgrader_config.py").read_text(encoding="utf-8")
    for oud in ("wijkleren.nbgrader_stappen", "wijkleren.nakijken", "wijkleren.opdrachten"):
        assert oud not in tekst, oud


def test_a_learners_saved_notebook_and_a_released_check_cell_still_import():
    from wijkleren.eindopdracht.zelfcontrole import controleer
    from wijkleren.oefeningen.widget import toon
    from wijkleren.widgets import toon as oude_toon
    from wijkleren.zelfcontrole import controleer as oude_controleer

    assert oude_toon is toon and oude_controleer is controleer


def test_python_m_wijkleren_hub_still_runs():
    uit = subprocess.run(
        [sys.executable, "-m", "wijkleren.hub", "--help"], capture_output=True, text=True, timeout=60
    )
    assert uit.returncode == 0 and "start" in uit.stdout and "stop" in uit.stdout, uit.stderr
