"""The learner's feedback (``nbgrader generate_feedback``): a Dutch page per learner, no test code.

:class:`FeedbackExporter` writes, instead of nbgrader's HTML copy of the notebook, the page of
:mod:`wijkleren.eindopdracht.feedbackpagina`: per casus the score, the explanation of
:mod:`wijkleren.eindopdracht.beoordelen` and the model answer; per written answer the mark scheme
without the trainer's paragraphs, and the trainer's comments. Nothing on it loads from elsewhere.
"""

from __future__ import annotations

import re

import mistune
from nbconvert.exporters import Exporter
from nbformat.notebooknode import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from traitlets import default

from wijkleren.eindopdracht.antwoorden import gewone_tekst
from wijkleren.eindopdracht.beoordelen import beoordeel
from wijkleren.eindopdracht.feedbackpagina import Blok, Vraag, maak_html
from wijkleren.eindopdracht.formaat import (
    MARKSCHEMA,
    TITELS,
    VOOR_TRAINER,
    VRAAG_CATEGORIE,
    casustekst,
    cel_id,
    nbgrader_gegevens,
    schrijfbasis,
    vraagcel,
)
from wijkleren.eindopdracht.formaat import grade_id as _grade_id
from wijkleren.eindopdracht.nbgrader_stappen import (
    Bronnotitieboek,
    antwoordbronnen,
    geschaald,
    nbgrader_ids,
)


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


def _feedback_blokken(
    nb: NotebookNode, bron: Bronnotitieboek, opmerkingen: dict[str, str] | None = None
) -> list[Blok]:
    opmerkingen = opmerkingen or {}
    per_id = {}
    for cel in nb.cells:
        gid = _grade_id(cel)
        if gid and gid not in per_id:
            per_id[gid] = cel
    antwoorden = antwoordbronnen(nb)
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
            ((g, s) for g, s in sleutels.items() if s.nummer == nummer),
            key=lambda p: p[1].vraag != VRAAG_CATEGORIE,
        ):
            cel = per_id.get(gid)
            score = nbgrader_gegevens(cel).get("score") if cel is not None else None
            max_score = bron.punten[gid]
            b = beoordeel(antwoorden.get(s.antwoordcel), s)
            berekend = geschaald(b.punten, s, max_score)
            letter, wat = ("a", "soort aanpak") if s.vraag == VRAAG_CATEGORIE else ("b", "kenmerken")
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
        nbg = nbgrader_gegevens(per_id[gid])
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
        notebook_id, assignment_id, db_url = nbgrader_ids(resources)
        info = resources["nbgrader"]
        with Gradebook(db_url) as gb:
            try:
                bron = Bronnotitieboek(gb, notebook_id, assignment_id)
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
