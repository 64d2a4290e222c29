"""Sphinx extension for the book: draws the diagrams, adds the course's CSS, keeps pages offline."""

from __future__ import annotations

from pathlib import Path

from . import __version__

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"  # theme components fixed for accessibility


def _voor_het_lezen(app) -> None:
    from .figuren import schrijf_figuren

    schrijf_figuren(Path(app.srcdir) / "book" / "_figuren")


def _zonder_thebe(app, pagename, templatename, context, doctree) -> None:
    """Jupyter Book always loads sphinx-thebe, which names a CDN; this course has no live code."""
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [
            s for s in scripts if "thebe" not in str(getattr(s, "filename", s) or "") + str(s.attributes)
        ]


def _instellingen(app, config) -> None:
    # In config-inited: Jupyter Book passes its settings as overrides, which would undo changes made in setup().
    config.html_static_path.append(str(STATIC))
    config.templates_path.insert(0, str(TEMPLATES))
    if not config.html_favicon:  # a missing favicon is a 404 and a console error
        config.html_favicon = str(STATIC / "favicon.svg")


def setup(app):
    app.connect("builder-inited", _voor_het_lezen)
    app.connect("html-page-context", _zonder_thebe)
    app.connect("config-inited", _instellingen)
    app.add_css_file("wijkleren.css")
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
