"""The nbgrader steps of Wijkleren, switched on in ``exercises/nbgrader_config.py``.

- :class:`HerstelCellen` (autograde, first sanitize step): every cell's nbgrader metadata is made
  equal to the gradebook's, so edited flags, points or ids in a submission count for nothing.
- :class:`BeoordeelAntwoorden` (autograde, instead of executing the notebook): scores each
  autograded question from the *text* of its answer cell with :mod:`wijkleren.eindopdracht.beoordelen`, and
  writes the score as the test cell's output, where nbgrader's ``SaveAutoGrades`` reads it.
  Learner code is never run, so nothing it could do (redefining helpers, ``sys.modules``,
  ``builtins``, exiting or killing the kernel, endless loops, writing files) changes a score.
- :class:`SchoonInlevering` (autograde, last step; and the Formgrader, before it renders): keeps
  only what the course put in a notebook and the computer's own outputs: no attachments, no
  learner metadata, no HTML or script outputs, no raw cells that render.
- The Formgrader's page (template ``templates/formgrader/wijkleren_formgrade``, set in
  ``exercises/nbgrader_config.py``): every Markdown cell is rendered and then cleaned with
  :func:`schoon_html` (nbconvert's own SanitizeHTML, a strict list of tags), so a learner's
  ``<img onerror>``, ``<script>``, SVG or ``javascript:`` link cannot run in the trainer's browser;
  and it loads no MathJax (that came from a CDN).
- :class:`FeedbackExporter` (generate_feedback): a Dutch feedback page per learner from
  :mod:`wijkleren.eindopdracht.feedbackpagina`, with no test code and no outside requests.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import mistune
import nbgrader
from nbconvert.exporters import Exporter
from nbconvert.preprocessors.sanitize import SanitizeHTML
from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_code_cell, new_markdown_cell, new_output
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import default

from wijkleren.eindopdracht.beoordelen import CATEGORIE, Sleutel, beoordeel, gewone_tekst, sleutel_uit_bron
from wijkleren.eindopdracht.feedbackpagina import Blok, Vraag, maak_html
from wijkleren.eindopdracht.formaat import (  # noqa: F401 (HERSTELD and VOOR_TRAINER stay importable from here)
    BEOORDELEN,
    HERSTELD,
    MARKSCHEMA,
    NBGRADER,
    NBGRADER_SCHEMA,
    TOEPASSEN,
    VOOR_TRAINER,
    WIJKLEREN,
    casustekst,
    cel_id,
    schrijfbasis,
    vraagcel,
)
from wijkleren.eindopdracht.formaat import grade_id as _grade_id

TITELS = {BEOORDELEN: "Casussen beoordelen", TOEPASSEN: "Toepassen"}


def _nbgrader(cel) -> dict:
    meta = cel.get("metadata")
    nbg = meta.get(NBGRADER) if isinstance(meta, dict) else None
    return nbg if isinstance(nbg, dict) else {}


class _Bron:
    """What the gradebook knows about one notebook of an assignment: the trusted cells."""

    def __init__(self, gb: Gradebook, notebook_id: str, assignment_id: str):
        notebook = gb.find_notebook(notebook_id, assignment_id)
        # nbgrader stores the cells in notebook order, and relies on that itself (add_missing_cells).
        self.volgorde = [c.name for c in notebook.source_cells]
        self.cellen = {
            c.name: (c.cell_type, bool(c.locked), c.source, c.checksum) for c in notebook.source_cells
        }
        self.punten = {c.name: float(c.max_score) for c in notebook.grade_cells}
        self.punten.update({c.name: float(c.max_score) for c in notebook.task_cells})
        self.grade = {c.name for c in notebook.grade_cells}
        self.solution = {c.name for c in notebook.solution_cells}
        self.task = {c.name for c in notebook.task_cells}

    def metadata(self, gid: str) -> dict:
        cell_type, locked, _, checksum = self.cellen[gid]
        meta = {
            "grade": gid in self.grade,
            "grade_id": gid,
            "locked": locked,
            "schema_version": NBGRADER_SCHEMA,
            "solution": gid in self.solution,
            "task": gid in self.task,
            "cell_type": cell_type,
            "checksum": checksum,
        }
        if gid in self.punten:
            meta["points"] = self.punten[gid]
        return meta

    def sleutels(self) -> dict[str, Sleutel | None]:
        """The autograded test cells, each with the key in its hidden test (None if unreadable)."""
        return {
            gid: sleutel_uit_bron(self.cellen[gid][2])
            for gid in self.grade
            if gid in self.cellen and gid not in self.solution and self.cellen[gid][0] == "code"
        }


def _ids(resources) -> tuple[str, str, str]:
    info = resources["nbgrader"]
    return info["notebook"], info["assignment"], info["db_url"]


def _nieuwe_cel(nb: NotebookNode, gid: str, cell_type: str, tekst: str, meta: dict):
    maak = new_code_cell if cell_type == "code" else new_markdown_cell
    # HERSTELD in wijkleren's cell metadata: the cell was missing and was put back.
    cel = maak(tekst, metadata={NBGRADER: meta, WIJKLEREN: {HERSTELD: True}})
    if nb.get("nbformat", 4) == 4 and nb.get("nbformat_minor", 0) >= 5:
        bezet = {c.get("id") for c in nb.cells}
        cel["id"] = next(
            f"{cel_id(gid)}-{i}" for i in range(len(nb.cells) + 1) if f"{cel_id(gid)}-{i}" not in bezet
        )
    else:
        cel.pop("id", None)
    return cel


class HerstelCellen(NbGraderPreprocessor):
    """Make the submission's nbgrader cells match the gradebook.

    Metadata of known cells is replaced by the gradebook's; metadata with an unknown or repeated
    id is removed (the last copy counts, as in nbgrader and in Python); cells that are missing
    are put back from the gradebook, marked ``wijkleren.hersteld``. nbgrader's own
    ``add_missing_cells`` is not used: it fails when a cell's neighbour is gone too.
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        notebook_id, assignment_id, db_url = _ids(resources)
        with Gradebook(db_url) as gb:
            bron = _Bron(gb, notebook_id, assignment_id)
        gezien: set[str] = set()
        for cel in reversed(nb.cells):
            if not isinstance(cel.get("metadata"), dict):
                cel["metadata"] = NotebookNode()
            cel.metadata.pop(WIJKLEREN, None)
            if NBGRADER not in cel.metadata:
                continue
            gid = _grade_id(cel)
            if gid is None or gid not in bron.cellen or gid in gezien:
                self.log.warning(
                    "Cel met onbekende of dubbele nbgrader-gegevens (%r): gegevens verwijderd", gid
                )
                del cel.metadata[NBGRADER]
                continue
            gezien.add(gid)
            cel.metadata[NBGRADER] = NotebookNode(bron.metadata(gid))
        for i, gid in enumerate(bron.volgorde):
            if gid in gezien:
                continue
            self.log.warning("Cel %s ontbreekt in de inlevering: teruggezet", gid)
            cell_type, _, tekst, _ = bron.cellen[gid]
            vorige = next((v for v in reversed(bron.volgorde[:i]) if v in gezien), None)
            plek = 0
            if vorige is not None:
                plek = 1 + next(j for j, c in enumerate(nb.cells) if _grade_id(c) == vorige)
            nb.cells.insert(plek, _nieuwe_cel(nb, gid, cell_type, tekst, bron.metadata(gid)))
            gezien.add(gid)
        return nb, resources


def _uitvoer(tekst: str, punten: float) -> list:
    return [
        new_output("stream", name="stdout", text=tekst),
        new_output("execute_result", data={"text/plain": repr(float(punten))}, execution_count=None),
    ]


def _antwoordbronnen(nb: NotebookNode) -> dict[str, str]:
    """The text of each answer cell (solution, not graded itself), by grade_id; first one wins."""
    bronnen: dict[str, str] = {}
    for cel in reversed(nb.cells):  # the last copy counts, as in HerstelCellen
        nbg = _nbgrader(cel)
        gid = _grade_id(cel)
        hersteld = isinstance(cel.metadata.get(WIJKLEREN), dict) and cel.metadata[WIJKLEREN].get(HERSTELD)
        if gid and nbg.get("solution") and gid not in bronnen and not hersteld:
            bronnen[gid] = gewone_tekst(cel.get("source", ""))
    return bronnen


def geschaald(punten: float, sleutel: Sleutel, max_score: float) -> float:
    """The score on the scale of the gradebook (a trainer may change a question's points)."""
    if sleutel.max_punten == max_score:
        return float(punten)
    return round(punten / sleutel.max_punten * max_score, 4)


class BeoordeelAntwoorden(NbGraderPreprocessor):
    """Score autograded questions from the answer cells' text, as test-cell outputs."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        notebook_id, assignment_id, db_url = _ids(resources)
        with Gradebook(db_url) as gb:
            bron = _Bron(gb, notebook_id, assignment_id)
        sleutels = bron.sleutels()
        antwoorden = _antwoordbronnen(nb)
        gedaan: set[str] = set()
        for cel in nb.cells:
            gid = _grade_id(cel)
            if gid not in sleutels or gid in gedaan or cel.get("cell_type") != "code":
                continue
            gedaan.add(gid)
            sleutel = sleutels[gid]
            if sleutel is None:
                self.log.error("Nakijkcel %s heeft geen leesbare sleutel: 0 punten", gid)
                cel.outputs = [
                    new_output("error", ename="GeenSleutel", evalue="geen nakijksleutel", traceback=[])
                ]
                continue
            b = beoordeel(antwoorden.get(sleutel.antwoordcel), sleutel)
            punten = geschaald(b.punten, sleutel, bron.punten[gid])
            cel.outputs = _uitvoer("\n".join(b.vorm + b.uitleg) + "\n", punten)
            cel.execution_count = None
        ontbreekt = sorted(set(sleutels) - gedaan)
        if ontbreekt:
            # OverwriteCells.add_missing_cells puts deleted test cells back, so this means a broken setup.
            raise RuntimeError(f"Nakijkcellen ontbreken in het notitieboek: {', '.join(ontbreekt)}")
        return nb, resources


# --- what a trainer's page may render -------------------------------------------------------

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


# Notebook and cell metadata nbconvert's templates may read; everything else a learner could add.
_NB_METADATA = ("kernelspec", "language_info")
_CEL_METADATA = (NBGRADER, WIJKLEREN)  # both set by HerstelCellen from the gradebook
_CEL_ID = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")
_VEILIGE_UITVOER = {"text/plain"}


class SchoonInlevering(NbGraderPreprocessor):
    """Keep only what the course put in a notebook and the computer's own outputs.

    Runs as the last autograde step (so the graded copy the Formgrader opens is clean) and in
    the Formgrader before it renders (so an older graded copy is clean too). The Markdown text
    itself stays as the learner wrote it: the feedback page shows it escaped, the Formgrader
    cleans it after rendering (:func:`schoon_html`).
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        meta = nb.get("metadata") if isinstance(nb.get("metadata"), dict) else {}
        nb["metadata"] = NotebookNode({k: meta[k] for k in _NB_METADATA if isinstance(meta.get(k), dict)})
        for k in _NB_METADATA:
            if k in nb.metadata:
                nb.metadata[k] = NotebookNode(
                    {n: w for n, w in nb.metadata[k].items() if isinstance(w, str | int | float)}
                )
        gezien: set[str] = set()
        for i, cel in enumerate(nb.cells):
            cel_meta = cel.get("metadata") if isinstance(cel.get("metadata"), dict) else {}
            cel["metadata"] = NotebookNode({k: cel_meta[k] for k in _CEL_METADATA if k in cel_meta})
            cel.pop("attachments", None)  # the Formgrader shows every attachment as an empty image
            if "id" in cel and (
                not isinstance(cel["id"], str) or not _CEL_ID.match(cel["id"]) or cel["id"] in gezien
            ):
                cel["id"] = f"cel-{i}"
            gezien.add(cel.get("id", ""))
            if not isinstance(cel.get("source"), str):
                bron = cel.get("source")
                cel["source"] = (
                    "".join(bron) if isinstance(bron, list) and all(isinstance(r, str) for r in bron) else ""
                )
            if cel.get("cell_type") == "code":
                cel["outputs"] = [_veilige_uitvoer(u) for u in cel.get("outputs", []) if _toegestaan(u)]
            elif cel.get("cell_type") not in ("markdown", "raw"):
                cel["cell_type"], cel["metadata"] = "raw", NotebookNode()
        return nb, resources


def _toegestaan(uitvoer) -> bool:
    return isinstance(uitvoer, dict) and uitvoer.get("output_type") in ("stream", "execute_result", "error")


def _veilige_uitvoer(uitvoer):
    if uitvoer.get("output_type") == "execute_result":
        data = uitvoer.get("data") if isinstance(uitvoer.get("data"), dict) else {}
        uitvoer["data"] = NotebookNode({k: v for k, v in data.items() if k in _VEILIGE_UITVOER})
        uitvoer["metadata"] = NotebookNode()
    return uitvoer


# --- feedback -------------------------------------------------------------------------------


class _VeiligeHTML(mistune.HTMLRenderer):
    """Course text as HTML without anything that loads from elsewhere."""

    def image(self, text, url, title=None):
        return mistune.escape(text)

    def link(self, text, url, title=None):
        return f"{text} ({mistune.escape(url)})"


_markdown = mistune.create_markdown(renderer=_VeiligeHTML(escape=True), plugins=["table"])


def markdown_html(tekst: str) -> str:
    return _markdown(tekst)


def voor_deelnemer(toelichting: str) -> str:
    """The mark scheme as a learner may see it: without the paragraphs meant for the trainer."""
    alineas = re.split(r"\n\s*\n", toelichting.strip())
    return "\n\n".join(a for a in alineas if a.strip() and not VOOR_TRAINER.match(a.strip()))


def opmerkingen_van_trainer(
    gb: Gradebook, notebook_id: str, assignment_id: str, student: str
) -> dict[str, str]:
    """The comments a trainer typed, by cell. nbgrader's own automatic ones ("No response.")
    are English and are not the trainer's words: they are left out."""
    try:
        inlevering = gb.find_submission_notebook(notebook_id, assignment_id, student)
    except MissingEntry:
        return {}
    return {
        c.name: c.manual_comment.strip()
        for c in inlevering.comments
        if isinstance(c.manual_comment, str) and c.manual_comment.strip()
    }


def _kop_en_tekst(bron: str) -> tuple[str | None, str]:
    regels = bron.strip().splitlines()
    if regels and regels[0].startswith("#"):
        return regels[0].lstrip("#").strip(), "\n".join(regels[1:]).strip()
    return None, bron


def _antwoord_regels(bron: str | None) -> str:
    if bron is None:
        return "(deze cel ontbreekt)"
    return "\n".join(r for r in bron.splitlines() if r.strip() and not r.strip().startswith("#"))


def _feedback_blokken(nb: NotebookNode, bron: _Bron, opmerkingen: dict[str, str] | None = None) -> list[Blok]:
    opmerkingen = opmerkingen or {}
    per_id = {}
    for cel in nb.cells:
        gid = _grade_id(cel)
        if gid and gid not in per_id:
            per_id[gid] = cel
    antwoorden = _antwoordbronnen(nb)
    sleutels = {gid: s for gid, s in bron.sleutels().items() if s is not None}
    blokken: list[Blok] = []
    # Autograded casussen, in the order of the notebook.
    nummers: list[int] = []
    for gid in per_id:
        s = sleutels.get(gid)
        if s and s.nummer not in nummers:
            nummers.append(s.nummer)
    for nummer in nummers:
        vragen = []
        uitleg = None
        titel = ""
        for gid, s in sorted(
            ((g, s) for g, s in sleutels.items() if s.nummer == nummer), key=lambda p: p[1].vraag != CATEGORIE
        ):
            cel = per_id.get(gid)
            score = _nbgrader(cel).get("score") if cel is not None else None
            max_score = bron.punten[gid]
            b = beoordeel(antwoorden.get(s.antwoordcel), s)
            berekend = geschaald(b.punten, s, max_score)
            letter, wat = ("a", "soort aanpak") if s.vraag == CATEGORIE else ("b", "kenmerken")
            vragen.append(
                Vraag(
                    naam=f"Vraag {nummer}{letter}: {wat}",
                    punten=score,
                    max_punten=max_score,
                    antwoord=_antwoord_regels(antwoorden.get(s.antwoordcel)),
                    zinnen=b.uitleg,
                    hints=b.vorm,
                    per_kenmerk=b.per_kenmerk,
                    opmerking=opmerkingen.get(s.antwoordcel),
                    aangepast=score is not None and abs(float(score) - berekend) > 1e-9,
                )
            )
            uitleg = s.uitleg or uitleg
            titel = s.titel
        tekstcel = bron.cellen.get(casustekst(nummer))
        tekst_html = markdown_html(_kop_en_tekst(tekstcel[2])[1]) if tekstcel else ""
        blokken.append(
            Blok(
                kop=f"Casus {nummer}: {titel}",
                tekst_html=tekst_html,
                vragen=tuple(vragen),
                uitleg=uitleg,
                anker=f"casus-{nummer}",
            )
        )
    # Written answers, graded by the trainer: pair "<x>_antwoord" with its question "<x>_vraag".
    for gid in per_id:
        basis = schrijfbasis(gid)
        if basis is None or gid not in bron.grade or gid not in bron.solution:
            continue
        vraag = bron.cellen.get(vraagcel(basis))
        vraagtekst = vraag[2] if vraag else ""
        toelichting = voor_deelnemer("\n\n".join(m.strip() for m in MARKSCHEMA.findall(vraagtekst)))
        kop, tekst = _kop_en_tekst(MARKSCHEMA.sub("", vraagtekst))
        nbg = _nbgrader(per_id[gid])
        blokken.append(
            Blok(
                kop=kop or basis,
                tekst_html=markdown_html(tekst),
                vragen=(
                    Vraag(
                        naam="Jouw antwoord",
                        geschreven=True,
                        punten=nbg.get("score"),
                        max_punten=bron.punten[gid],
                        antwoord=gewone_tekst(antwoorden.get(gid, "")),
                        opmerking=opmerkingen.get(gid),
                    ),
                ),
                toelichting_html=markdown_html(toelichting) if toelichting else "",
                anker=cel_id(basis),
            )
        )
    return blokken


class FeedbackExporter(Exporter):
    """nbgrader's generate_feedback writes this page instead of an HTML copy of the notebook."""

    output_mimetype = "text/html"

    @default("file_extension")
    def _file_extension_default(self):
        return ".html"

    def from_notebook_node(self, nb, resources=None, **kw):
        nb, resources = super().from_notebook_node(nb, resources, **kw)  # runs GetGrades
        notebook_id, assignment_id, db_url = _ids(resources)
        info = resources["nbgrader"]
        with Gradebook(db_url) as gb:
            try:
                bron = _Bron(gb, notebook_id, assignment_id)
            except MissingEntry:
                raise RuntimeError(f"Opdracht {assignment_id} staat niet in het cijferbestand") from None
            opmerkingen = opmerkingen_van_trainer(gb, notebook_id, assignment_id, info.get("student", ""))
        pagina = maak_html(
            titel=TITELS.get(assignment_id, assignment_id),
            deelnemer=info.get("student", ""),
            score=info.get("score"),
            max_score=info.get("max_score", 0.0),
            blokken=_feedback_blokken(nb, bron, opmerkingen),
            te_laat=info.get("late_penalty") or 0.0,
            resultaat=resultaat_zin(db_url, assignment_id, info.get("student", "")),
        )
        return pagina, resources


def resultaat_zin(db_url: str, opdracht: str, student: str) -> str:
    """Hook of the pass mark (wijkleren.eindopdracht.cesuur) on the feedback page: voldoende or onvoldoende,
    from the submission's score minus the late penalty, or 'not known yet' while hand grading is open."""
    from wijkleren.eindopdracht.cesuur import zin

    with Gradebook(db_url) as gb:
        try:
            sub = gb.find_submission(opdracht, student)
        except MissingEntry:
            return ""
        punten = max(0.0, float(sub.score) - float(sub.late_submission_penalty or 0.0))
        return zin(opdracht, punten, float(sub.max_score), bool(sub.needs_manual_grade))
