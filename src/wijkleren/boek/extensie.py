"""Sphinx extension for the book: draws the diagrams, adds the course's CSS, keeps pages offline."""

from __future__ import annotations

import html
import os
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

import wijkleren
from wijkleren import __version__
from wijkleren.casussen.bank import EIGEN_VAR
from wijkleren.oefeningen import COMPONENT

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"  # theme components fixed for accessibility


def _voor_het_lezen(app) -> None:
    from wijkleren.boek.figuren import schrijf_figuren

    schrijf_figuren(Path(app.srcdir) / "book" / "_figuren")


def _zonder_thebe(app, pagename, templatename, context, doctree) -> None:
    """Jupyter Book always loads sphinx-thebe, which names a CDN; this course has no live code."""
    scripts = context.get("script_files")
    if scripts:
        context["script_files"] = [
            s for s in scripts if "thebe" not in str(getattr(s, "filename", s) or "") + str(s.attributes)
        ]


# The theme's English words (skip link, landmarks, buttons, tooltips) in Dutch. Sphinx's own Dutch
# catalog comes first; these fill what it and the theme leave in English.
VERTALINGEN: dict[str, str] = {
    "Skip to main content": "Naar de inhoud",
    "Back to top": "Naar boven",
    "Link to this heading": "Link naar dit kopje",
    "Site navigation": "Menu van de cursus",
    "Main": "Hoofdstukken",
    "On this page": "Op deze pagina",
    "previous page": "vorige pagina",
    "next page": "volgende pagina",
    "previous": "vorige",
    "next": "volgende",
    "Version warning": "Waarschuwing over de versie",
    "Contents": "Inhoud",
    "Search": "Zoeken",
    "Clear search": "Zoekopdracht wissen",
    "Search the docs ...": "Zoek in de cursus",
    "light/dark": "licht/donker",
    "Color mode": "Kleur",
    "By": "Door",
    "Download this page": "Deze pagina downloaden",
    "Print to PDF": "Afdrukken als pdf",
    "Fullscreen mode": "Volledig scherm",
}


def _nederlands(app) -> None:
    """Compile VERTALINGEN into a message catalog for the theme's domains and add it as a fallback."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    map_ = Path(app.doctreedir).parent / "wijkleren-taal"
    (map_ / "nl" / "LC_MESSAGES").mkdir(parents=True, exist_ok=True)
    for domein in ("sphinx", "booktheme"):
        catalogus = Catalog(locale="nl", domain=domein)
        for bron, vertaling in VERTALINGEN.items():
            catalogus.add(bron, vertaling)
        with open(map_ / "nl" / "LC_MESSAGES" / f"{domein}.mo", "wb") as mo:
            write_mo(mo, catalogus)
        app.add_message_catalog(domein, str(map_))


def _instellingen(app, config) -> None:
    # In config-inited: Jupyter Book passes its settings as overrides, which would undo changes made in setup().
    config.html_static_path.extend([str(STATIC), str(COMPONENT)])
    config.templates_path.insert(0, str(TEMPLATES))
    if not config.html_favicon:  # a missing favicon is a 404 and a console error
        config.html_favicon = str(STATIC / "favicon.svg")


# --- Exercises: the {oefening} directive writes an exercise's data into the page ---


class oefening_node(nodes.General, nodes.Element):
    """Where an exercise goes; its HTML (a data block the page script reads) is made at read time."""


class OefeningDirective(SphinxDirective):
    """``:::{oefening} indelen-twee``: one part of wijkleren.oefeningen.onderdelen on this page."""

    required_arguments = 1

    def run(self):
        from wijkleren.casussen.bank import LeesFout
        from wijkleren.casussen.schema import CasusFout
        from wijkleren.oefeningen.oefendata import TEKSTEN
        from wijkleren.oefeningen.onderdelen import ONDERDELEN, als_html_json, bronbestanden, onderdeel

        naam = self.arguments[0]
        if naam not in ONDERDELEN:
            raise self.error(f"Onbekende oefening '{naam}'. Kies uit: {', '.join(ONDERDELEN)}.")
        for pad in bronbestanden():  # a changed case or text rebuilds this page
            self.env.note_dependency(str(pad))
        try:
            data = onderdeel(naam)
        except (CasusFout, LeesFout) as fout:  # a trainer's own case file: the validator's words
            raise self.error(f"De casussen zijn niet in orde:\n{fout}") from None
        node = oefening_node()
        node["html"] = (
            f'<div class="wl-oefening" data-oefening="{html.escape(naam)}">'
            f"<noscript><p>{html.escape(TEKSTEN['geen_script'])}</p></noscript>"
            f'<script type="application/json" class="wl-data">{als_html_json(data)}</script>'
            "</div>"
        )
        return [node]


def _html_oefening(self, node) -> None:
    self.body.append(node["html"])
    raise nodes.SkipNode


def _sla_over(self, node) -> None:
    raise nodes.SkipNode


def _oefening_bestanden(app, pagename, templatename, context, doctree) -> None:
    """The exercise script and style only on pages with an exercise."""
    if doctree is not None and doctree.next_node(oefening_node) is not None:
        app.builder.add_css_file("oefeningen.css")
        app.builder.add_js_file("oefeningen.js", defer="defer")


TOGGLE_NAAM = "Onderdelen tonen of verbergen"


def _toggle_met_naam(app, pagename, templatename, context, doctree) -> None:
    """The theme's fold-out toggle for a chapter's sections (Oefenen has them) has no name; give it one."""
    maak = context.get("generate_toctree_html")
    if maak is None or getattr(maak, "_wijkleren", False):
        return

    def met_naam(*args, **kwargs):
        soep = maak(*args, **kwargs)  # a BeautifulSoup tree, cached per page by the theme
        for summary in getattr(soep, "select", lambda _: [])("summary"):
            if not summary.get_text(strip=True):
                naam = soep.new_tag("span", attrs={"class": "visually-hidden"})
                naam.string = TOGGLE_NAAM
                summary.insert(0, naam)
        return soep

    met_naam._wijkleren = True
    context["generate_toctree_html"] = met_naam


def _oefeningen_setup(app) -> None:
    andere = {b: (_sla_over, None) for b in ("latex", "text", "man", "texinfo")}
    app.add_node(oefening_node, html=(_html_oefening, None), **andere)
    app.add_directive("oefening", OefeningDirective)
    # Before _zonder_thebe, which replaces the page's script list with a filtered copy.
    app.connect("html-page-context", _oefening_bestanden, priority=400)
    # After the theme, which adds generate_toctree_html to the context.
    app.connect("html-page-context", _toggle_met_naam, priority=900)


def _bronversie() -> int:
    """A number that changes with this extension's code, templates and static files.

    Sphinx rebuilds every page when an extension's env_version changes; without it, a page
    built by an older version of this extension would stay as it was.
    """
    import hashlib

    pakket = Path(wijkleren.__file__).parent  # the whole package's code, not the checkout
    h = hashlib.sha256()
    for pad in sorted([*pakket.rglob("*.py"), *TEMPLATES.glob("*"), *STATIC.glob("*"), *COMPONENT.glob("*")]):
        if pad.is_file():
            h.update(pad.relative_to(pakket).as_posix().encode() + pad.read_bytes())
    # Adding or dropping a trainer's own case file changes the exercise pages too.
    h.update(os.environ.get(EIGEN_VAR, "").encode())
    return int(h.hexdigest()[:12], 16)


def startpagina_html(start: str) -> str:
    """index.html: on to the first page. The redirect that Jupyter Book writes has no icon, so the
    browser asks the server's root for /favicon.ico: a 404, and outside a sub-path of an intranet."""
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Wijkleren</title>
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
<meta http-equiv="Refresh" content="0; url={start}">
</head>
<body><main><p><a href="{start}">Naar de cursus</a></p></main></body>
</html>
"""


def _startpagina(app, exception) -> None:
    # After sphinx-external-toc (priority 500), which writes its bare redirect only when none exists.
    if exception is not None or "html" not in app.builder.format:
        return
    inhoud = startpagina_html(f"{app.config.master_doc}.html")
    pad = Path(app.outdir) / "index.html"
    if not pad.exists() or pad.read_text(encoding="utf-8") != inhoud:
        pad.write_text(inhoud, encoding="utf-8")


def setup(app):
    _nederlands(app)
    app.connect("build-finished", _startpagina, priority=900)
    app.connect("builder-inited", _voor_het_lezen)
    app.connect("html-page-context", _zonder_thebe)
    app.connect("config-inited", _instellingen)
    app.add_css_file("wijkleren.css")
    _oefeningen_setup(app)
    return {
        "version": __version__,
        "env_version": _bronversie(),
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
