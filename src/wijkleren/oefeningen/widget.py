"""The exercises in JupyterLab: the book's own exercise script, shown through anywidget.

A notebook needs one line: ``toon("indelen-twee")``. The widget carries two things: the
data from :func:`wijkleren.oefeningen.onderdelen.onderdeel` (the same JSON the book's pages hold) and
``static/oefeningen.js`` as its module. All behaviour runs in the browser, in that script:
nothing goes back to the kernel, so a kernel restart leaves a working exercise, and the
progress is in the browser's storage under the same key as in the book.
"""

from __future__ import annotations

from functools import cache

import anywidget
import traitlets

from wijkleren.oefeningen import COMPONENT
from wijkleren.oefeningen.oefendata import TEKSTEN
from wijkleren.oefeningen.onderdelen import onderdeel

# The script is a plain page script for the book; as anywidget's ES module it needs one export.
EXPORT = "\nexport default globalThis.WijklerenOefeningen.anywidget;\n"


@cache
def module_bron() -> str:
    """The ES module anywidget loads: the book's script, unchanged, plus its export line."""
    return (COMPONENT / "oefeningen.js").read_text(encoding="utf-8") + EXPORT


def stijl() -> str:
    """The book's exercise style, and the widget's frame in JupyterLab."""
    return (COMPONENT / "oefeningen.css").read_text(encoding="utf-8") + LAB_STIJL


# In JupyterLab only: the exercise runs in the browser, so the "no kernel" mark of a widget
# restored from the notebook file (a broken link) says nothing to a learner.
LAB_STIJL = """
.jupyter-widgets-disconnected:has(.wl-oefening, .wl-herhaling-teller)::before { display: none; }
.wl-oefening { max-width: 48em; background: var(--jp-layout-color0, #ffffff); color: #1b1b1b; }
"""


class Oefening(anywidget.AnyWidget):
    """One exercise. ``data`` is onderdeel's JSON; the script draws and runs the rest."""

    _esm = module_bron()
    _css = stijl()
    data = traitlets.Dict().tag(sync=True)

    def __init__(self, naam: str | None = None, data: dict | None = None, **kwargs):
        if data is None:
            data = onderdeel(naam)
        super().__init__(data=data, **kwargs)

    def __repr__(self) -> str:
        # Shown where the exercise cannot be drawn: say what to do, in the course's words.
        return TEKSTEN["geen_oefening"]


def toon(naam: str) -> None:
    """Show one exercise (or the "Herhaling" line) in the notebook: all a notebook calls."""
    from IPython.display import display

    display(Oefening(naam))
