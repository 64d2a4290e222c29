"""nbgrader-instellingen voor de eindopdracht van Wijkleren.

Gebruik nbgrader vanuit deze map (`cd exercises`), of met `wijkleren opdracht ...`.

Het belangrijkste verschil met gewoon nbgrader: bij het nakijken wordt de code van de deelnemer
NIET uitgevoerd. De computer leest de antwoorden als tekst (zie src/wijkleren/eindopdracht/antwoorden.py).
Daardoor kan vals spelen met code geen punten opleveren.
"""

import os

from wijkleren.eindopdracht.formaat import ANTWOORD_STUB, TEKST_STUB
from wijkleren.eindopdracht.formgrader import FORMGRADER_SJABLONEN, FORMGRADER_SJABLOON, NBGRADER_SJABLONEN

c = get_config()  # noqa: F821 (nbgrader geeft get_config)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "wijkleren"

# Opdracht maken: in een antwoordcel blijft de regel %%markdown staan met een hint eronder. Zo geeft
# de cel geen foutmelding als een deelnemer hem uitvoert voordat hij iets heeft getypt.
c.ClearSolutions.code_stub = {"python": ANTWOORD_STUB}
c.ClearSolutions.text_stub = TEKST_STUB
# Het modelantwoord voor de trainer staat in een alleen-lezen-cel met de vraag.
c.ClearMarkScheme.enforce_metadata = False

# Nakijken: eerst de cellen herstellen volgens het cijferbestand, dan de antwoorden als tekst
# beoordelen. Er is geen stap 'Execute': de code van de deelnemer draait nooit.
c.Autograde.sanitize_preprocessors = [
    "wijkleren.eindopdracht.nbgrader_stappen.HerstelCellen",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "wijkleren.eindopdracht.nbgrader_stappen.BeoordeelAntwoorden",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
    # Als laatste: de nagekeken kopie (die de Formgrader opent) bevat niets dat kan draaien.
    "wijkleren.eindopdracht.nbgrader_stappen.SchoonInlevering",
]
# Ontbrekende cellen zet HerstelCellen terug (de ingebouwde versie faalt als twee buurcellen weg zijn).
c.OverwriteCells.add_missing_cells = False
# Voert iemand toch code uit (bijvoorbeeld met `nbgrader validate`): hoogstens 10 seconden per cel.
c.Execute.timeout = 10

# Feedback: een Nederlandse pagina per deelnemer, zonder testcode en zonder verzoeken naar internet.
c.GenerateFeedback.exporter_class = "wijkleren.eindopdracht.feedback.FeedbackExporter"
c.GenerateFeedback.preprocessors = ["nbgrader.preprocessors.GetGrades"]

# Formgrader: tekst van een deelnemer kan in de browser van de trainer niets uitvoeren, en de
# pagina laadt niets van een andere server (nbgrader zelf laadt MathJax van internet). Onze pagina
# is die van nbgrader, maar Markdown wordt na het opmaken schoongemaakt (nbconvert's SanitizeHTML)
# en uitvoer gaat door de sanitizer van nbconvert.
c.HTMLExporter.template_name = FORMGRADER_SJABLOON
c.HTMLExporter.extra_template_basedirs = FORMGRADER_SJABLONEN
c.HTMLExporter.extra_template_paths = [NBGRADER_SJABLONEN]
c.HTMLExporter.sanitize_html = True
c.HTMLExporter.filters = {"wijkleren_markdown": "wijkleren.eindopdracht.formgrader.schoon_markdown"}
c.HTMLExporter.preprocessors = ["wijkleren.eindopdracht.nbgrader_stappen.SchoonInlevering"]
