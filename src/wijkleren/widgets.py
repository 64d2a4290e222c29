"""The exercises in JupyterLab: a thin ipywidgets layer over wijkleren.oefeningen.

A notebook needs one line: ``toon("indelen-twee")``. Every text comes from
:func:`wijkleren.oefeningen.oefendata`, the same data the book's pages use; this module
only lays it out. Case text is escaped, so HTML in a case is shown, never run.
"""

from __future__ import annotations

import html

import ipywidgets as W

from . import oefeningen as o

# Dark blue with white text: 8.7:1. The default "primary" button colour fails AA.
KNOP_KLEUR = "#1d4f7c"
GOED_STIJL = "border-left:6px solid #1e7b34;background:#edf7ee;color:#1b1b1b;padding:0.4em 1em;"
FOUT_STIJL = "border-left:6px solid #b3261e;background:#fdeeee;color:#1b1b1b;padding:0.4em 1em;"
VRAAG_STIJL = "border-left:6px solid #6b7785;padding:0.4em 1em;"


def _e(tekst: str) -> str:
    return html.escape(str(tekst))


def knop(tekst: str) -> W.Button:
    """A button with AA contrast, labelled by its text."""
    b = W.Button(description=tekst, tooltip=None, layout=W.Layout(width="auto", height="auto"))
    b.style.button_color = KNOP_KLEUR
    b.style.text_color = "#ffffff"
    b.style.font_weight = "bold"
    b.add_class("wl-knop")
    return b


def _zichtbaar(widget: W.DOMWidget, ja: bool) -> None:
    widget.layout.display = None if ja else "none"


def oordeel_html(data: dict, zinnen: list[str], goed: bool, lijst: int = 0) -> str:
    """The feedback block: per-kenmerk lines, then the verdict, last the explanation.

    role="alert": the widget replaces its HTML on every answer, and a newly added alert is
    what screen readers announce reliably.
    """
    delen = []
    if lijst:
        delen.append("<ul>" + "".join(f"<li>{_e(z)}</li>" for z in zinnen[:lijst]) + "</ul>")
    delen += [f"<p><strong>{_e(z)}</strong></p>" for z in zinnen[lijst:-1]]
    delen.append(f"<p><strong>{_e(data['teksten']['uitleg'])}:</strong><br>{_e(zinnen[-1])}</p>")
    stijl = GOED_STIJL if goed else FOUT_STIJL
    return f'<div role="alert" class="wl-feedback" style="{stijl}">{"".join(delen)}</div>'


class Oefening:
    """One exercise as widgets; ``.box`` is what the notebook shows."""

    def __init__(self, naam: str, data: dict | None = None):
        self.data = data if data is not None else o.oefendata(naam)
        self.t = self.data["teksten"]
        self.stand = o.nieuwe_stand(self.data)
        self.items = {i["id"]: i for i in self.data["items"]}

        self.kop = W.HTML()
        self.tekst = W.HTML()
        self.antwoord = W.VBox()
        self.feedback = W.HTML()
        self.na_feedback = W.VBox()
        self.volgende = knop(self.t["volgende"])
        self.volgende.on_click(lambda _: self.toon_item(focus=True))
        self.voortgang = W.HTML()
        self.opnieuw = knop(self.t["opnieuw"])
        self.opnieuw.on_click(lambda _: self.begin_opnieuw())
        self.box = W.VBox(
            [
                W.HTML(f"<h2>{_e(self.data['titel'])}</h2>"),
                self.kop,
                self.tekst,
                self.antwoord,
                self.feedback,
                self.na_feedback,
                W.HBox([self.volgende]),
                self.voortgang,
                W.HBox([self.opnieuw]),
            ],
            layout=W.Layout(max_width="48em"),
        )
        self.box.add_class("wl-oefening")
        self._maak_bediening()
        self.toon_item()

    # --- what the learner sees ---

    def toon_item(self, focus: bool = False) -> None:
        self.feedback.value = ""
        _zichtbaar(self.volgende, False)
        item_id = o.huidig(self.stand)
        if item_id is None:
            self.antwoord.children = self.na_feedback.children = ()
            self.kop.value = f"<h3>{_e(self.data['titel'])}</h3>"
            self.tekst.value = f"<p>{_e(self.t['klaar'])}</p>"
        else:
            item = self.items[item_id]
            self.kop.value = f"<p>{_e(o.teller(self.data, self.stand))}</p><h3>{_e(item['titel'])}</h3>"
            self.tekst.value = f'<p style="white-space:pre-line">{_e(item["tekst"])}</p>'
            self._klaarzetten(item)
        self._toon_voortgang()
        if focus and self.eerste_bediening is not None:
            self.eerste_bediening.focus()

    def _toon_voortgang(self) -> None:
        v = o.voortgang(self.data, self.stand)
        delen = [f"<h3>{_e(self.t['voortgang'])}</h3>", f"<p>{_e(v['ronde'])}</p>"]
        if v["rondes"]:
            delen.append("<ul>" + "".join(f"<li>{_e(r)}</li>" for r in v["rondes"]) + "</ul>")
        delen.append(f"<h4>{_e(self.t['nog_eens'])}</h4>")
        delen.append(f"<p>{_e(self.t['nog_eens_uitleg'] if v['nog_eens'] else self.t['nog_eens_leeg'])}</p>")
        if v["nog_eens"]:
            delen.append("<ul>" + "".join(f"<li>{_e(n)}</li>" for n in v["nog_eens"]) + "</ul>")
        self.voortgang.value = "".join(delen)

    def _afronden(self, item_id: str, goed: bool, gemist: list[str]) -> None:
        self.stand = o.verwerk(self.data, self.stand, item_id, goed, gemist)
        self._toon_voortgang()
        _zichtbaar(self.volgende, True)
        self.volgende.focus()

    def begin_opnieuw(self) -> None:
        self.stand = o.nieuwe_stand(self.data)
        self.toon_item(focus=True)

    # --- the three kinds of exercise ---
    # The controls are made once and reused per item: a widget can only take focus once it is drawn.

    def _maak_bediening(self) -> None:
        soort = self.data["soort"]
        if soort == "kiezen":
            self.knoppen = []
            for keuze in self.data["keuzes"]:
                b = knop(keuze["naam"])
                b.on_click(lambda _, c=keuze["code"]: self._kies(c))
                self.knoppen.append(b)
            self.eerste_bediening = self.knoppen[0]
            label = W.HTML(f"<strong>{_e(self.t['keuzes'])}</strong>")
            self.bediening = (label, W.HBox(self.knoppen, layout=W.Layout(flex_flow="row wrap")))
        elif soort == "kenmerken":
            self.vakjes = [
                W.Checkbox(value=False, description=k["naam"], indent=False, layout=W.Layout(width="auto"))
                for k in self.data["kenmerken"]
            ]
            self.controleer = knop(self.t["controleer"])
            self.controleer.on_click(lambda _: self._controleer())
            self.eerste_bediening = self.vakjes[0]
            vraag = W.HTML(f"<strong>{_e(self.t['kenmerken_vraag'])}</strong>")
            self.bediening = (vraag, *self.vakjes, W.HBox([self.controleer]))
        else:
            self.pad = W.HTML()
            self.ja, self.nee = knop(self.t["ja"]), knop(self.t["nee"])
            self.ja.on_click(lambda _: self._stap(True))
            self.nee.on_click(lambda _: self._stap(False))
            self.eerste_bediening = self.ja
            self.groep = W.HBox([self.ja, self.nee])
            self.bediening = (self.pad,)

    def _klaarzetten(self, item: dict) -> None:
        self.item = item
        self.antwoord.children = self.bediening
        if self.data["soort"] == "kiezen":
            for k in self.knoppen:
                k.disabled = False
        elif self.data["soort"] == "kenmerken":
            for v in self.vakjes:
                v.disabled, v.value = False, False
            self.controleer.disabled = False
        else:
            self.ja.disabled = self.nee.disabled = False
            _zichtbaar(self.groep, True)
            self.na_feedback.children = (self.groep,)
            self.pad.value = ""
            self.stappen = {"nr": 0, "gemist": [], "regels": []}
            self._stel(None)

    def _kies(self, code: str) -> None:
        oordeel = o.beoordeel(self.data, self.item, code)
        for k in self.knoppen:
            k.disabled = True
        self.feedback.value = oordeel_html(self.data, oordeel["zinnen"], oordeel["goed"])
        self._afronden(self.item["id"], oordeel["goed"], oordeel["gemist"])

    def _controleer(self) -> None:
        gevinkt = [k["code"] for k, v in zip(self.data["kenmerken"], self.vakjes, strict=True) if v.value]
        oordeel = o.beoordeel(self.data, self.item, gevinkt)
        for v in self.vakjes:
            v.disabled = True
        self.controleer.disabled = True
        n = len(self.data["kenmerken"])
        self.feedback.value = oordeel_html(self.data, oordeel["zinnen"], oordeel["goed"], n)
        self._afronden(self.item["id"], oordeel["goed"], oordeel["gemist"])

    def _kenmerk(self, nr: int) -> dict:
        code = self.data["regel"][nr]["kenmerk"]
        return next(k for k in self.data["kenmerken"] if k["code"] == code)

    def _stel(self, vorige: dict | None) -> None:
        nr = self.stappen["nr"]
        vraag = f"<strong>{_e(o.vul(self.t['stappen_vraag'], nr=nr + 1))}:</strong> {_e(self._kenmerk(nr)['vraag'])}"
        if vorige is None:
            self.feedback.value = f'<div style="{VRAAG_STIJL}"><p>{vraag}</p></div>'
        else:
            stijl = GOED_STIJL if vorige["goed"] else FOUT_STIJL
            self.feedback.value = f'<div role="alert" style="{stijl}"><p><strong>{_e(vorige["zin"])}</strong></p><p>{vraag}</p></div>'

    def _stap(self, zeg_ja: bool) -> None:
        st = self.stappen
        nr = st["nr"]
        s = o.stap(self.data, self.item, nr, zeg_ja)
        if not s["goed"]:
            st["gemist"].append(s["kenmerk"])
        woord = (self.t["ja"] if zeg_ja else self.t["nee"]).lower()
        st["regels"].append(
            f"<li><em>{_e(self._kenmerk(nr)['vraag'])}</em> "
            f"{_e(o.vul(self.t['stappen_antwoord'], antwoord=woord))} {_e(s['zin'])}</li>"
        )
        self.pad.value = f"<h4>{_e(self.t['stappen_pad'])}</h4><ol>{''.join(st['regels'])}</ol>"
        if s["einde"] is None:
            st["nr"] += 1
            self._stel(s)
            return
        self.ja.disabled = self.nee.disabled = True
        _zichtbaar(self.groep, False)
        goed = not st["gemist"]
        zinnen = [s["zin"], o.vul(self.t["pad_einde"], naam=s["einde"]["naam"]), s["einde"]["zin"]]
        self.feedback.value = oordeel_html(self.data, [*zinnen, self.item["uitleg"]], goed)
        self._afronden(self.item["id"], goed, st["gemist"])

    eerste_bediening: W.DOMWidget | None = None


def toon(naam: str) -> None:
    """Show one exercise in the notebook: this is all an exercise notebook calls."""
    from IPython.display import display

    display(Oefening(naam).box)
