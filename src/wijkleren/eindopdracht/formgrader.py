"""What the trainer's Formgrader page may render: our template, and Markdown cleaned after rendering.

The page (template ``templates/formgrader/wijkleren_formgrade``, set in
``exercises/nbgrader_config.py``) renders every Markdown cell and then cleans it with
:func:`schoon_html` (nbconvert's own SanitizeHTML, a strict list of tags), so a learner's
``<img onerror>``, ``<script>``, SVG or ``javascript:`` link cannot run in the trainer's browser;
and it loads no MathJax (that came from a CDN). The notebook itself is cleaned first by
:class:`wijkleren.eindopdracht.nbgrader_stappen.SchoonInlevering`.
"""

from __future__ import annotations

import functools
from pathlib import Path

import nbgrader
from nbconvert.preprocessors.sanitize import SanitizeHTML

# The Formgrader's page: our template (basedir first), which extends nbgrader's "formgrade" page
# by its path in nbgrader's template folder (so that folder is also a plain search path).
FORMGRADER_SJABLOON = "wijkleren_formgrade"
NBGRADER_SJABLONEN = str(Path(nbgrader.__file__).parent / "server_extensions" / "formgrader" / "templates")
FORMGRADER_SJABLONEN = [str(Path(__file__).parent / "templates" / "formgrader"), NBGRADER_SJABLONEN]

# What rendered Markdown may hold on a trainer's page: text markup and plain links, nothing that
# loads, runs or styles (no img, svg, iframe, form, style, id or class: no DOM clobbering either).
TAGS = [
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
]  # fmt: skip
ATTRIBUTEN = {"a": ["href", "title"], "abbr": ["title"], "th": ["align"], "td": ["align"]}


@functools.cache
def _sanitizer() -> SanitizeHTML:
    return SanitizeHTML(tags=TAGS, attributes=ATTRIBUTEN, strip=False, strip_comments=True, styles=[])


def schoon_html(html: str) -> str:
    """HTML that a learner controls, made safe to show: allowed tags stay, everything else is
    shown as text (escaped); links only to http, https or mailto. A Jinja filter of the Formgrader."""
    return _sanitizer().sanitize_html_tags(str(html))


class _LegeBijlagen(dict):
    """Every attachment a Markdown text names is an empty image: nothing of the learner's loads,
    and a name without an attachment does not break the page (nbconvert raises on one)."""

    def __contains__(self, naam) -> bool:
        return True

    def __getitem__(self, naam):
        return {"image/png": ""}


def schoon_markdown(tekst: str) -> str:
    """A learner's Markdown as safe HTML: rendered by nbconvert, then :func:`schoon_html`.
    The Formgrader's filter ``wijkleren_markdown``."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    weergave = IPythonRenderer(escape=False, allow_harmful_protocols=False, attachments=_LegeBijlagen())
    return schoon_html(MarkdownWithMath(renderer=weergave).render(str(tekst)))
