"""Attacks by a learner on the trainer's pages and the exchange, each tried for real.

A learner's written answers (``toepassen``) and extra cells (both assignments) carry script
payloads: ``<img onerror>``, ``<script>``, ``javascript:`` links, SVG ``onload``, an iframe,
HTML outputs, a JavaScript output, an SVG attachment, hostile cell tags and notebook metadata.
Each payload, if it runs, sets ``window.__aanval`` and tries to give its author full marks
through the Formgrader's own grade API. Stock ``nbgrader autograde`` grades the submissions
(with the course's steps); one graded copy is then replaced by the raw submission, as a copy
graded before this fix would be. The Formgrader (a real Jupyter server on 127.0.0.1) is opened
in real Chromium on each: no payload runs, no grade changes, no request leaves 127.0.0.1.
The learner's feedback pages are opened in Chromium too.

The exchange check (:func:`wijkleren.klasserver.uitwisseling.onveilige_inhoud`) and a real
``nbgrader collect`` with links and a fifo in the inbound folder run here as root, as the class
server runs them; ``tests/test_hub.py`` repeats the attack as a learner account.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path

import pytest
from helpers.nbgrader import cel, draai, lever_in
from helpers.nbgrader import formgrader as start_formgrader
from helpers.paden import BIN, ROOT
from nbgrader.api import Gradebook

from wijkleren.eindopdracht.formaat import BEOORDELEN, TOEPASSEN
from wijkleren.klasserver.uitwisseling import onveilige_inhoud

TOKEN = "veiligheid"
MERKTEKST = "Dit is geen wijkaanpak, want er zijn geen afspraken over geld."
ONTBREEKT = "Opmerking van je trainer"


# --- the payloads ---------------------------------------------------------------------------------


def js(naam: str) -> str:
    """Mark that payload `naam` ran, then try to give full marks through the grade API."""
    return (
        f"window.__aanval=(window.__aanval||[]).concat(['{naam}']);"
        "try{var x=(document.cookie.match(/_xsrf=([^;]+)/)||[])[1];"
        "fetch(base_url+'/api/grades?submission_id='+submission_id).then(function(r){return r.json()})"
        ".then(function(gs){gs.forEach(function(g){fetch(base_url+'/api/grade/'+g.id,{method:'PUT',"
        "headers:{'Content-Type':'application/json','X-XSRFToken':x},"
        "body:JSON.stringify(Object.assign({},g,{manual_score:g.max_score}))})})})}catch(e){}"
    )


def markdown_aanval(bijlage: bool = False) -> str:
    return "\n\n".join(
        [
            MERKTEKST,
            f'<img src=x onerror="{js("img")}">',
            f"<script>{js('script')}</script>",
            "[klik hier](javascript:void(window.__aanval=(window.__aanval||[]).concat(['markdown-link'])))",
            f'<a href="javascript:{js("html-link")}">of hier</a>',
            f'<svg onload="{js("svg")}"><circle r="4"></circle></svg>',
            f'<details open ontoggle="{js("details")}"><summary>x</summary>y</details>',
            f'<iframe srcdoc="<script>parent.{js("iframe")}</script>"></iframe>',
            '<form action="javascript:alert(1)"><button autofocus onfocus="'
            + js("autofocus")
            + '">knop</button></form>',
            f'<div style="background:url(javascript:{js("css")})">stijl</div>',
            '<img src="https://example.org/volg.png" alt="volgpixel">',
            "![plaatje](attachment:aanval.svg)" if bijlage else "",
        ]
    )


SVG = f'<svg xmlns="http://www.w3.org/2000/svg" onload="{js("bijlage")}"><script>{js("bijlage2")}</script></svg>'


def extra_cellen() -> list[dict]:
    """Cells a learner adds: Markdown with an attachment and hostile metadata, code with outputs."""
    import base64

    return [
        {
            "cell_type": "markdown",
            "id": "extra-md",
            "metadata": {
                "tags": ['x" onmouseover="window.__aanval=[1]'],
                "jupyter": {"source_hidden": False},
            },
            "attachments": {"aanval.svg": {"image/svg+xml": base64.b64encode(SVG.encode()).decode()}},
            "source": markdown_aanval(bijlage=True),
        },
        {
            "cell_type": "code",
            "id": "extra-code",
            "metadata": {},
            "execution_count": 1,
            "source": "print('hallo')",
            "outputs": [
                {
                    "output_type": "display_data",
                    "metadata": {},
                    "data": {
                        "text/html": f'<img src=x onerror="{js("uitvoer-html")}">',
                        "application/javascript": js("uitvoer-js"),
                        "image/svg+xml": SVG,
                        "text/plain": "hallo",
                    },
                }
            ],
        },
        {
            "cell_type": "raw",
            "id": "extra-raw",
            "metadata": {"raw_mimetype": "text/html"},
            "source": f'<img src=x onerror="{js("raw")}">',
        },
    ]


def aanval(release: dict, geschreven: list[str]) -> dict:
    nb = copy.deepcopy(release)
    for gid in geschreven:
        cel(nb, gid)["source"] = markdown_aanval()
    nb["cells"][1:1] = extra_cellen()
    nb["metadata"]["widgets"] = {
        "application/vnd.jupyter.widget-state+json": {
            "state": {},
            "version_major": 2,
            "version_minor": 0,
            "x": f"</script><script>{js('widgets')}</script>",
        }
    }
    nb["metadata"]["title"] = f"</title><script>{js('titel')}</script>"
    return nb


GESCHREVEN = ["toepassen1_antwoord", "toepassen2_antwoord", "eigen_gemeente_antwoord"]


@pytest.fixture(scope="module")
def cursus(tmp_path_factory) -> Path:
    cursus = tmp_path_factory.mktemp("veilig")
    shutil.copy(ROOT / "exercises" / "nbgrader_config.py", cursus)
    shutil.copytree(ROOT / "exercises" / "toetspool", cursus / "toetspool")  # as in a trainer's folder
    draai(BIN / "wijkleren", "opdracht", "maak", "--cursus", cursus, cwd=cursus)
    releases = {}
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_assignment", opdracht, cwd=cursus)
        releases[opdracht] = json.loads(
            (cursus / "release" / opdracht / f"{opdracht}.ipynb").read_text(encoding="utf-8")
        )
    lever_in(cursus, TOEPASSEN, "t_aanval", aanval(releases[TOEPASSEN], GESCHREVEN))
    lever_in(cursus, TOEPASSEN, "t_oud", aanval(releases[TOEPASSEN], GESCHREVEN))
    lever_in(cursus, TOEPASSEN, "t_leeg", releases[TOEPASSEN])
    lever_in(cursus, BEOORDELEN, "b_aanval", aanval(releases[BEOORDELEN], []))
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "autograde", opdracht, cwd=cursus)
    # A copy graded before this fix: the raw submission in the graded folder.
    shutil.copy(
        cursus / "submitted" / "t_oud" / TOEPASSEN / f"{TOEPASSEN}.ipynb",
        cursus / "autograded" / "t_oud" / TOEPASSEN / f"{TOEPASSEN}.ipynb",
    )
    with Gradebook(f"sqlite:///{cursus / 'gradebook.db'}") as gb:
        gb.find_grade("toepassen1_antwoord", TOEPASSEN, TOEPASSEN, "t_aanval").manual_score = 1
        gb.find_comment(
            "toepassen1_antwoord", TOEPASSEN, TOEPASSEN, "t_aanval"
        ).manual_comment = f'Let op de periode. <img src=x onerror="{js("opmerking")}">'
        gb.db.commit()
    for opdracht in (BEOORDELEN, TOEPASSEN):
        draai(BIN / "nbgrader", "generate_feedback", opdracht, cwd=cursus)
    return cursus


def cijfers(cursus: Path) -> dict:
    """Every grade in the gradebook (read-only), to see that viewing changed none."""
    with Gradebook(f"sqlite:///file:{cursus / 'gradebook.db'}?mode=ro&uri=true") as gb:
        uit = {}
        for opdracht in (BEOORDELEN, TOEPASSEN):
            for inlevering in gb.assignment_submissions(opdracht):
                for nb in inlevering.notebooks:
                    for g in nb.grades:
                        uit[(inlevering.student.id, g.name)] = (g.auto_score, g.manual_score, g.extra_credit)
        return uit


@pytest.fixture(scope="module")
def formgrader(cursus):
    with start_formgrader(cursus, token=TOKEN) as (basis, _):
        yield basis


# What the trainer's page may not hold after rendering: handlers, script URLs, loading elements.
ACTIEF = """() => {
    const fout = [];
    for (const el of document.querySelectorAll('#notebook-container *')) {
        const tag = el.tagName.toLowerCase();
        if (['script', 'iframe', 'svg', 'img', 'object', 'embed', 'form', 'style'].includes(tag))
            fout.push(tag);
        for (const a of el.attributes) {
            if (a.name.startsWith('on') || /javascript:/i.test(a.value) || a.name === 'srcdoc' ||
                (a.name === 'style' && /url\\(/i.test(a.value)))
                fout.push(tag + '[' + a.name + ']');
        }
    }
    return fout;
}"""


@pytest.mark.parametrize(
    ("opdracht", "deelnemer"),
    [(TOEPASSEN, "t_aanval"), (TOEPASSEN, "t_oud"), (BEOORDELEN, "b_aanval")],
)
def test_formgrader_runs_no_learner_script_and_loads_nothing_from_outside(
    cursus, formgrader, pagina, opdracht, deelnemer
):
    with Gradebook(f"sqlite:///file:{cursus / 'gradebook.db'}?mode=ro&uri=true") as gb:
        nb_id = gb.find_submission_notebook(opdracht, opdracht, deelnemer).id
    voor = cijfers(cursus)
    antwoord = pagina.goto(f"{formgrader}/formgrader/submissions/{nb_id}/?token={TOKEN}")
    assert antwoord.status == 200, antwoord.text()[-3000:]
    pagina.wait_for_load_state("networkidle")
    assert pagina.locator("#notebook-container .cell").count() > 5, pagina.content()[-3000:]
    pagina.mouse.move(300, 300)
    for link in pagina.locator('#notebook-container a[href^="javascript:" i]').all():
        link.click(timeout=2000)  # what a trainer might do; none is left after cleaning
    pagina.wait_for_timeout(1500)
    assert pagina.evaluate("() => window.__aanval || []") == []
    assert pagina.bewaker.extern == []  # no MathJax from a CDN, no tracking pixel
    assert pagina.evaluate(ACTIEF) == []
    tekst = pagina.inner_text("#notebook-container")
    if opdracht == TOEPASSEN:
        assert MERKTEKST in tekst  # the trainer still reads the answer ...
        assert "<script>" in tekst  # ... and sees the attempt as text
    assert cijfers(cursus) == voor


def test_graded_copy_holds_nothing_that_can_run(cursus):
    for opdracht, deelnemer in ((TOEPASSEN, "t_aanval"), (BEOORDELEN, "b_aanval")):
        nb = json.loads(
            (cursus / "autograded" / deelnemer / opdracht / f"{opdracht}.ipynb").read_text(encoding="utf-8")
        )
        assert set(nb["metadata"]) <= {"kernelspec", "language_info"}
        for c in nb["cells"]:
            assert "attachments" not in c
            assert set(c["metadata"]) <= {"nbgrader", "wijkleren"}
            for uit in c.get("outputs", []):
                assert set(uit.get("data", {})) <= {"text/plain"}, uit


@pytest.fixture(scope="module")
def feedbackserver(cursus):
    """The feedback pages on 127.0.0.1, as a learner's browser gets them."""
    import functools
    import http.server
    import threading

    class Stil(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Stil, directory=str(cursus / "feedback"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_feedback_pages_run_nothing_and_show_only_what_a_learner_may_see(cursus, feedbackserver, pagina):
    gezien = 0
    for pad in sorted((cursus / "feedback").glob("*/*/*.html")):
        gezien += 1
        pagina.goto(f"{feedbackserver}/{pad.relative_to(cursus / 'feedback').as_posix()}")
        pagina.wait_for_load_state("load")
        pagina.wait_for_timeout(300)
        assert pagina.evaluate("() => window.__aanval || []") == [], pad
        assert pagina.bewaker.extern == [], pad
        html = pad.read_text(encoding="utf-8")
        assert "No response" not in html, pad
        assert "Voor de trainer" not in html, pad
    assert gezien == 4
    leeg = (cursus / "feedback" / "t_leeg" / TOEPASSEN / f"{TOEPASSEN}.html").read_text(encoding="utf-8")
    assert ONTBREEKT not in leeg  # nbgrader's own "No response." is not the trainer's comment
    aanval_html = (cursus / "feedback" / "t_aanval" / TOEPASSEN / f"{TOEPASSEN}.html").read_text(
        encoding="utf-8"
    )
    assert f"{ONTBREEKT}:</strong> Let op de periode." in aanval_html  # the trainer's own words stay
    assert "Toelichting" in aanval_html and "Goed antwoord:" in aanval_html  # the model answer stays


# --- the exchange: only regular files, never followed -----------------------------------------------


def test_unsafe_content_is_named_in_dutch(tmp_path):
    map_ = tmp_path / "inlevering"
    (map_ / "sub").mkdir(parents=True)
    (map_ / "opdracht.ipynb").write_text("{}", encoding="utf-8")
    assert onveilige_inhoud(map_) == []
    (map_ / "sub" / "bron.ipynb").symlink_to("/etc/hostname")
    os.mkfifo(map_ / "pijp")
    problemen = onveilige_inhoud(map_)
    assert "sub/bron.ipynb is een snelkoppeling (symlink), geen gewoon bestand." in problemen
    assert "pijp is een pijp (fifo), geen gewoon bestand." in problemen
    (tmp_path / "link").symlink_to(map_)
    assert onveilige_inhoud(tmp_path / "link") == ["link is een snelkoppeling (symlink), geen gewone map."]
    assert any("niet van de deelnemer" in p for p in onveilige_inhoud(map_, eigenaar=os.getuid() + 1))


def _inbound(uitwisseling: Path, naam: str, tijd: str) -> Path:
    map_ = uitwisseling / "wijkleren" / "inbound" / f"{naam}+{BEOORDELEN}+{tijd} UTC+abc{tijd[-2:]}"
    map_.mkdir(parents=True)
    return map_


@pytest.mark.root
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root: the inbound folders must belong to a learner")
def test_collect_refuses_links_and_fifos_and_copies_nothing_through_them(tmp_path):
    """As on the class server: `nbgrader collect` with EigenaarOphalen, inbound owned by a learner."""
    import pwd

    leerling = pwd.getpwnam("nobody")
    geheim = tmp_path / "bron.ipynb"  # the trainer's source: readable by the collector only
    geheim.write_text('{"geheim": "WIJKLEREN_SLEUTEL"}', encoding="utf-8")
    os.chmod(geheim, 0o600)
    uitwisseling, cursus = tmp_path / "uitwisseling", tmp_path / "cursus"
    cursus.mkdir()
    eerlijk = _inbound(uitwisseling, "nobody", "2026-01-01 10:00:00.000001")
    (eerlijk / f"{BEOORDELEN}.ipynb").write_text('{"eerlijk": true}', encoding="utf-8")
    vals = _inbound(uitwisseling, "nobody", "2026-01-02 10:00:00.000002")  # newer: would win
    (vals / f"{BEOORDELEN}.ipynb").symlink_to(geheim)
    (vals / "pijp").parent.mkdir(exist_ok=True)
    os.mkfifo(vals / "pijp")
    for map_ in (eerlijk, vals):
        for pad in [map_, *map_.iterdir()]:
            os.chown(pad, leerling.pw_uid, leerling.pw_gid, follow_symlinks=False)
    (cursus / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        "c.CourseDirectory.course_id = 'wijkleren'\n"
        f"c.Exchange.root = {str(uitwisseling)!r}\n"
        "c.ExchangeFactory.collect = 'wijkleren.klasserver.uitwisseling.EigenaarOphalen'\n",
        encoding="utf-8",
    )
    draai(BIN / "nbgrader", "db", "assignment", "add", BEOORDELEN, cwd=cursus)
    res = draai(BIN / "nbgrader", "collect", BEOORDELEN, cwd=cursus)
    log = res.stdout + res.stderr
    assert "Overgeslagen" in log and "snelkoppeling (symlink)" in log and "pijp (fifo)" in log
    opgehaald = cursus / "submitted" / "nobody" / BEOORDELEN / f"{BEOORDELEN}.ipynb"
    assert opgehaald.read_text(encoding="utf-8") == '{"eerlijk": true}'  # the honest one, as a file
    assert not opgehaald.is_symlink()
    assert "WIJKLEREN_SLEUTEL" not in "".join(
        p.read_text(errors="replace") for p in (cursus / "submitted").rglob("*") if p.is_file()
    )
