"""The learner's feedback page: one self-contained Dutch HTML file, no scripts, no outside requests.

Only plain data goes in (see :class:`Vraag` and :class:`Blok`); :mod:`wijkleren.eindopdracht.feedback`
collects it from the gradebook and the graded notebook. Text the learner or trainer typed is
escaped, never rendered as HTML. Test code and hidden tests never reach this module.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from wijkleren.casussen.domein import KENMERK

STIJL = """
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 52rem; margin: 2rem auto;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; border-top: 1px solid #ccc;
       padding-top: 1rem; } h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.score { font-weight: bold; }
.goed { color: #1a6b2f; } .deels { color: #7a4d00; } .fout { color: #a4262c; } .open { color: #5a5a5a; }
.antwoord { background: #f3f3f3; padding: .4rem .6rem; white-space: pre-wrap; font-family: monospace; }
.tekst { white-space: pre-wrap; background: #f7f7f7; padding: .6rem; }
.hint { background: #fff4ce; padding: .4rem .6rem; }
.uitleg { background: #eef5fb; padding: .6rem; }
.trainer { background: #f1ecf7; padding: .6rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #bbb;
       padding: .25rem .5rem; text-align: left; }
"""


def _e(tekst) -> str:
    return html.escape(str(tekst), quote=True)


def punten_tekst(punten: float | None) -> str:
    """12.0 -> '12', 2.5 -> '2,5' (Dutch decimal comma)."""
    if punten is None:
        return "-"
    afgerond = round(float(punten), 2)
    if afgerond == int(afgerond):
        return str(int(afgerond))
    return f"{afgerond:.2f}".rstrip("0").replace(".", ",")


@dataclass(frozen=True)
class Vraag:
    """Feedback on one question."""

    naam: str  # "Vraag 3a: soort aanpak"
    punten: float | None  # None: not graded yet
    max_punten: float
    antwoord: str  # what the learner typed (shown escaped)
    zinnen: tuple[str, ...] = ()  # right or wrong, and why
    hints: tuple[str, ...] = ()  # on the form: "Bedoelde je ...?"
    per_kenmerk: tuple[tuple[str, bool, bool], ...] = ()  # (code, in casus, named)
    opmerking: str | None = None  # the trainer's comment
    aangepast: bool = False  # the trainer changed the computer's score
    geschreven: bool = False  # a written text, not a typed code line


@dataclass(frozen=True)
class Blok:
    """One casus (or open question) with its questions."""

    kop: str
    tekst_html: str = ""  # trusted course text (case description), already HTML
    vragen: tuple[Vraag, ...] = ()
    uitleg: str | None = None  # the casus' explanation
    toelichting_html: str = ""  # the model answer of a written question, trusted HTML
    anker: str = field(default="")


def _status(v: Vraag) -> tuple[str, str]:
    if v.punten is None:
        return "open", "nog niet beoordeeld"
    if v.punten >= v.max_punten:
        return "goed", "goed"
    if v.punten > 0:
        return "deels", "deels goed"
    return "fout", "niet goed"


def _vraag_html(v: Vraag) -> str:
    klasse, woord = _status(v)
    delen = [
        f'<h3>{_e(v.naam)} — <span class="score {klasse}">{punten_tekst(v.punten)} van '
        f"{punten_tekst(v.max_punten)} punten ({woord})</span></h3>",
        f"<p>{'Wat je schreef' if v.geschreven else 'Wat je typte'}:</p>",
        f'<div class="{"tekst" if v.geschreven else "antwoord"}">'
        f"{_e(v.antwoord) if v.antwoord.strip() else '(leeg)'}</div>",
    ]
    for h in v.hints:
        delen.append(f'<p class="hint">{_e(h)}</p>')
    for z in v.zinnen:
        delen.append(f"<p>{_e(z)}</p>")
    if v.per_kenmerk:
        rijen = "".join(
            f'<tr><th scope="row">{_e(KENMERK[code].naam)}</th><td>{"ja" if wel else "nee"}</td>'
            f"<td>{'ja' if aan else 'nee'}</td>"
            f'<td class="{"goed" if wel == aan else "fout"}">{"goed" if wel == aan else "niet goed"}</td></tr>'
            for code, wel, aan in v.per_kenmerk
        )
        delen.append(
            '<table><caption>Per kenmerk</caption><thead><tr><th scope="col">Kenmerk</th>'
            '<th scope="col">In de casus</th><th scope="col">Jij noemde het</th>'
            f'<th scope="col">Beoordeling</th></tr></thead><tbody>{rijen}</tbody></table>'
        )
    if v.aangepast:
        delen.append('<p class="trainer">Je trainer heeft de punten voor deze vraag aangepast.</p>')
    if v.opmerking:
        delen.append(
            f'<div class="trainer"><strong>Opmerking van je trainer:</strong> {_e(v.opmerking)}</div>'
        )
    return "\n".join(delen)


def _blok_html(b: Blok) -> str:
    delen = [f'<section id="{_e(b.anker)}">' if b.anker else "<section>", f"<h2>{_e(b.kop)}</h2>"]
    if b.tekst_html:
        delen.append(f"<details><summary>Lees de tekst nog eens</summary>{b.tekst_html}</details>")
    delen += [_vraag_html(v) for v in b.vragen]
    if b.uitleg:
        delen.append(f'<div class="uitleg"><strong>Waarom?</strong> {_e(b.uitleg)}</div>')
    if b.toelichting_html:
        delen.append(f'<div class="uitleg"><strong>Toelichting</strong>{b.toelichting_html}</div>')
    delen.append("</section>")
    return "\n".join(delen)


def maak_html(
    titel: str,
    deelnemer: str,
    score: float | None,
    max_score: float,
    blokken: list[Blok],
    te_laat: float = 0.0,
    resultaat: str = "",
) -> str:
    """The whole feedback page. `resultaat`: the pass-mark sentence of :func:`wijkleren.eindopdracht.cesuur.zin`."""
    inhoud = "".join(
        f'<li><a href="#{_e(b.anker)}">{_e(b.kop)}</a>: '
        f"{punten_tekst(_som(b, 'punten'))} van {punten_tekst(_som(b, 'max_punten'))} punten</li>"
        for b in blokken
        if b.anker and b.vragen
    )
    laat = (
        f"<p>Je leverde te laat in. Daarvoor gaan er {punten_tekst(te_laat)} punten af.</p>"
        if te_laat
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Feedback: {_e(titel)}</title>
<style>{STIJL}</style>
</head>
<body>
<main>
<h1>Feedback: {_e(titel)}</h1>
<p>Deelnemer: {_e(deelnemer)}</p>
<p class="score">Je score: {punten_tekst(score)} van {punten_tekst(max_score)} punten.</p>
{f'<p class="score resultaat">{_e(resultaat)}</p>' if resultaat else ""}
{laat}
<p>Per vraag lees je hieronder of je antwoord goed was, en waarom.</p>
<nav aria-label="Inhoud"><ul>{inhoud}</ul></nav>
{"".join(_blok_html(b) for b in blokken)}
</main>
</body>
</html>
"""


def _som(b: Blok, veld: str) -> float | None:
    waarden = [getattr(v, veld) for v in b.vragen]
    if any(w is None for w in waarden):
        return None
    return sum(waarden)
