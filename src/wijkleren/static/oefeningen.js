/* Wijkleren: the exercises on the book's pages, without a kernel or a server.
 *
 * Every text a learner reads comes from the page's data block, which the book build makes
 * with wijkleren.oefeningen (Python). This file holds no learner-facing text. The logic part
 * mirrors oefeningen.py; tests/test_oefeningen.py runs both on the same answers.
 * Case text is always set with textContent: HTML in a case is shown, never run.
 */
(function () {
  "use strict";

  /* ---------- logic (mirrors src/wijkleren/oefeningen.py) ---------- */

  function vul(sjabloon, waarden) {
    Object.keys(waarden).forEach(function (naam) {
      sjabloon = sjabloon.split("{" + naam + "}").join(String(waarden[naam]));
    });
    return sjabloon;
  }

  function kopie(x) {
    return JSON.parse(JSON.stringify(x));
  }

  function pad(data, ja) {
    for (var i = 0; i < data.regel.length; i++) {
      if (ja.indexOf(data.regel[i].kenmerk) < 0) return data.regel[i].nee;
    }
    return data.alle_ja;
  }

  function status(gezegd, waar) {
    if (gezegd === waar) return waar ? "wel_goed" : "niet_goed";
    return waar ? "gemist" : "onterecht";
  }

  function beoordeel(data, item, antwoord) {
    if (data.soort === "kiezen") {
      var goed = antwoord === item.goed;
      return { goed: goed, zinnen: [item.feedback[antwoord], item.uitleg], gemist: goed ? [] : item.gemist.slice() };
    }
    var zinnen = [];
    var gemist = [];
    data.kenmerken.forEach(function (k) {
      var s = status(antwoord.indexOf(k.code) >= 0, item.aanwezig.indexOf(k.code) >= 0);
      zinnen.push(k.zinnen[s]);
      if (s === "gemist" || s === "onterecht") gemist.push(k.code);
    });
    zinnen.push(vul(data.teksten.kenmerken_uitkomst, { naam: pad(data, antwoord).naam }));
    zinnen.push(pad(data, item.aanwezig).zin);
    zinnen.push(item.uitleg);
    return { goed: gemist.length === 0, zinnen: zinnen, gemist: gemist };
  }

  function stap(data, item, nr, ja) {
    var code = data.regel[nr].kenmerk;
    var waar = item.aanwezig.indexOf(code) >= 0;
    var kenmerk = data.kenmerken.filter(function (k) { return k.code === code; })[0];
    var einde = null;
    if (!waar) einde = data.regel[nr].nee;
    else if (nr === data.regel.length - 1) einde = data.alle_ja;
    return { goed: ja === waar, zin: kenmerk.zinnen[status(ja, waar)], kenmerk: code, einde: einde };
  }

  function nieuweStand(data) {
    return {
      rij: data.items.map(function (i) { return i.id; }),
      nog_eens: [],
      ronde: { nr: 1, goed: 0, totaal: 0, gemist: {} },
      rondes: []
    };
  }

  function huidig(stand) {
    return stand.rij.length ? stand.rij[0] : null;
  }

  function verwerk(data, stand, id, goed, gemist) {
    stand = kopie(stand);
    var plek = stand.rij.indexOf(id);
    if (plek >= 0) stand.rij.splice(plek, 1);
    var ronde = stand.ronde;
    ronde.totaal += 1;
    ronde.goed += goed ? 1 : 0;
    gemist.forEach(function (code) { ronde.gemist[code] = (ronde.gemist[code] || 0) + 1; });
    var terug = data.terug;
    var wacht = stand.nog_eens.filter(function (w) { return w[0] === id; })[0];
    if (!goed) {
      if (wacht) wacht[1] = 0;
      else stand.nog_eens.push([id, 0]);
      stand.rij.splice(Math.min(terug[0], stand.rij.length), 0, id);
    } else if (wacht) {
      wacht[1] += 1;
      if (wacht[1] < terug.length) stand.rij.splice(Math.min(terug[wacht[1]], stand.rij.length), 0, id);
      else stand.nog_eens.splice(stand.nog_eens.indexOf(wacht), 1);
    }
    if (ronde.totaal >= data.ronde) {
      stand.rondes.push(ronde);
      stand.ronde = { nr: ronde.nr + 1, goed: 0, totaal: 0, gemist: {} };
    }
    return stand;
  }

  function herstel(data, stand) {
    try {
      var ids = data.items.map(function (i) { return i.id; });
      if (!Array.isArray(stand.rondes)) throw new TypeError();
      var schoon = {
        rij: stand.rij.filter(function (i) { return ids.indexOf(i) >= 0; }),
        nog_eens: stand.nog_eens
          .filter(function (w) { return ids.indexOf(w[0]) >= 0; })
          .map(function (w) { return [w[0], parseInt(w[1], 10) || 0]; }),
        ronde: stand.ronde,
        rondes: stand.rondes.slice()
      };
      var r = schoon.ronde;
      if (typeof r.nr !== "number" || typeof r.goed !== "number" || typeof r.totaal !== "number" ||
          typeof r.gemist !== "object" || r.gemist === null) throw new TypeError();
      return schoon;
    } catch (e) {
      return nieuweStand(data);
    }
  }

  function samenvatting(data, ronde, bezig) {
    var t = data.teksten;
    if (ronde.totaal === 0) return vul(t.ronde_leeg, { ronde: ronde.nr });
    var zin = vul(bezig ? t.ronde_bezig : t.ronde_klaar, { ronde: ronde.nr, goed: ronde.goed, totaal: ronde.totaal });
    if (!data.telt_kenmerken) return zin;
    var volgorde = data.kenmerken.map(function (k) { return k.code; });
    var namen = {};
    data.kenmerken.forEach(function (k) { namen[k.code] = k.naam; });
    var top = Object.keys(ronde.gemist)
      .map(function (c) { return [c, ronde.gemist[c]]; })
      .sort(function (a, b) { return b[1] - a[1] || volgorde.indexOf(a[0]) - volgorde.indexOf(b[0]); })
      .slice(0, data.meest_gemist);
    if (!top.length) return zin + " " + t.niets_gemist;
    var lijst = top.map(function (kv) { return vul(t.gemist_aantal, { naam: namen[kv[0]], aantal: kv[1] }); });
    return zin + " " + vul(t.vaak_gemist, { lijst: lijst.join(t.scheiding) });
  }

  function voortgang(data, stand) {
    var titels = {};
    data.items.forEach(function (i) { titels[i.id] = i.titel; });
    return {
      ronde: samenvatting(data, stand.ronde, true),
      rondes: stand.rondes.slice().reverse().map(function (r) { return samenvatting(data, r, false); }),
      nog_eens: stand.nog_eens.map(function (w) { return titels[w[0]]; }),
      klaar: huidig(stand) === null
    };
  }

  function teller(data, stand) {
    return vul(data.teksten.teller, { ronde: stand.ronde.nr, nr: stand.ronde.totaal + 1, totaal: data.ronde });
  }

  var logica = {
    vul: vul, pad: pad, beoordeel: beoordeel, stap: stap, nieuweStand: nieuweStand, huidig: huidig,
    verwerk: verwerk, herstel: herstel, voortgang: voortgang, teller: teller
  };

  if (typeof module === "object" && module.exports) {
    module.exports = logica;
    return;
  }

  /* ---------- the page ---------- */

  // Make an element; text only ever goes in through textContent.
  function el(tag, attrs, kinderen) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (a) {
      if (a === "tekst") e.textContent = attrs[a];
      else if (a === "klasse") e.className = attrs[a];
      else if (attrs[a] !== null && attrs[a] !== undefined && attrs[a] !== false) e.setAttribute(a, attrs[a]);
    });
    (kinderen || []).forEach(function (k) { if (k) e.appendChild(k); });
    return e;
  }

  function leeg(e) {
    while (e.firstChild) e.removeChild(e.firstChild);
  }

  function knop(tekst, klasse) {
    return el("button", { type: "button", klasse: "wl-knop" + (klasse ? " " + klasse : ""), tekst: tekst });
  }

  var opslag = {
    lees: function (sleutel) {
      try { return JSON.parse(window.localStorage.getItem(sleutel)); } catch (e) { return null; }
    },
    schrijf: function (sleutel, waarde) {
      try { window.localStorage.setItem(sleutel, JSON.stringify(waarde)); } catch (e) { /* no storage: keep going */ }
    },
    wis: function (sleutel) {
      try { window.localStorage.removeItem(sleutel); } catch (e) { /* idem */ }
    }
  };

  function start(houder, data) {
    if (!data) data = JSON.parse(houder.querySelector("script.wl-data").textContent);
    var t = data.teksten;
    var pre = "wl-" + data.id + "-";
    var sleutel = "wijkleren:oefening:" + data.id;
    var bewaard = opslag.lees(sleutel);
    var stand = bewaard && bewaard.stand ? herstel(data, bewaard.stand) : nieuweStand(data);
    var items = {};
    data.items.forEach(function (i) { items[i.id] = i; });

    var tellerEl = el("p", { klasse: "wl-teller" });
    var titel = el("h3", { klasse: "wl-titel", tabindex: "-1", id: pre + "titel" });
    var tekst = el("p", { klasse: "wl-tekst" });
    var antwoord = el("div", { klasse: "wl-antwoord" });
    var feedback = el("div", { klasse: "wl-feedback", role: "status", "aria-live": "polite" });
    var naFeedback = el("div", { klasse: "wl-antwoord" });
    var volgende = knop(t.volgende, "wl-volgende");
    volgende.hidden = true;
    var vraag = el("section", { klasse: "wl-vraag", "aria-labelledby": pre + "titel" },
      [tellerEl, titel, tekst, antwoord, feedback, naFeedback, volgende]);

    var vgKop = el("h3", { id: pre + "voortgang", tekst: t.voortgang });
    var vgRonde = el("p", { klasse: "wl-ronde" });
    var vgRondes = el("ul", { klasse: "wl-rondes" });
    var neKop = el("h4", { tekst: t.nog_eens });
    var neUitleg = el("p");
    var neLijst = el("ul", { klasse: "wl-nog-eens" });
    var opnieuw = knop(t.opnieuw, "wl-opnieuw");
    var paneel = el("section", { klasse: "wl-voortgang", "aria-labelledby": pre + "voortgang" },
      [vgKop, vgRonde, vgRondes, neKop, neUitleg, neLijst, opnieuw, el("p", { klasse: "wl-bewaard", tekst: t.bewaard })]);

    Array.prototype.slice.call(houder.childNodes).forEach(function (k) {
      if (!(k.nodeName === "SCRIPT")) houder.removeChild(k);
    });
    houder.appendChild(vraag);
    houder.appendChild(paneel);

    function bewaar() {
      opslag.schrijf(sleutel, { versie: 1, stand: stand });
    }

    function toonVoortgang() {
      var v = voortgang(data, stand);
      vgRonde.textContent = v.ronde;
      leeg(vgRondes);
      v.rondes.forEach(function (r) { vgRondes.appendChild(el("li", { tekst: r })); });
      neUitleg.textContent = v.nog_eens.length ? t.nog_eens_uitleg : t.nog_eens_leeg;
      leeg(neLijst);
      v.nog_eens.forEach(function (n) { neLijst.appendChild(el("li", { tekst: n })); });
      neLijst.hidden = !v.nog_eens.length;
    }

    // zinnen: first `lijst` lines per kenmerk, then the verdict, last the explanation.
    function toonOordeel(zinnen, goed, lijst) {
      leeg(feedback);
      feedback.className = "wl-feedback " + (goed ? "wl-goed" : "wl-fout");
      if (lijst) {
        var ul = el("ul", { klasse: "wl-per-kenmerk" });
        zinnen.slice(0, lijst).forEach(function (z) { ul.appendChild(el("li", { tekst: z })); });
        feedback.appendChild(ul);
      }
      zinnen.slice(lijst, -1).forEach(function (z) {
        feedback.appendChild(el("p", { klasse: "wl-oordeel", tekst: z }));
      });
      feedback.appendChild(el("p", { klasse: "wl-uitleg" }, [
        el("span", { klasse: "wl-label", tekst: t.uitleg + ": " }),
        el("span", { tekst: zinnen[zinnen.length - 1] })
      ]));
    }

    function afronden(id, goed, gemist) {
      stand = verwerk(data, stand, id, goed, gemist);
      bewaar();
      toonVoortgang();
      volgende.hidden = false;
      volgende.focus();
    }

    function kiezen(item) {
      var label = el("p", { klasse: "wl-label", id: pre + "keuzes", tekst: t.keuzes });
      var groep = el("div", { klasse: "wl-keuzes", role: "group", "aria-labelledby": pre + "keuzes" });
      var knoppen = data.keuzes.map(function (k) {
        var b = knop(k.naam);
        b.setAttribute("data-keuze", k.code);
        b.addEventListener("click", function () {
          var o = beoordeel(data, item, k.code);
          knoppen.forEach(function (x) { x.disabled = true; });
          b.classList.add("wl-gekozen");
          toonOordeel(o.zinnen, o.goed, 0);
          afronden(item.id, o.goed, o.gemist);
        });
        groep.appendChild(b);
        return b;
      });
      antwoord.appendChild(label);
      antwoord.appendChild(groep);
    }

    function kenmerken(item) {
      var legend = el("legend", { tekst: t.kenmerken_vraag });
      var vakjes = [];
      var lijst = el("ul", { klasse: "wl-vinkjes" });
      data.kenmerken.forEach(function (k) {
        var id = pre + "k-" + k.code;
        var vak = el("input", { type: "checkbox", id: id, value: k.code });
        vakjes.push(vak);
        lijst.appendChild(el("li", {}, [vak, el("label", { "for": id, tekst: k.naam })]));
      });
      var controleer = knop(t.controleer, "wl-controleer");
      var form = el("fieldset", { klasse: "wl-kenmerken" }, [legend, lijst]);
      controleer.addEventListener("click", function () {
        var gevinkt = vakjes.filter(function (v) { return v.checked; }).map(function (v) { return v.value; });
        var o = beoordeel(data, item, gevinkt);
        vakjes.forEach(function (v) { v.disabled = true; });
        controleer.disabled = true;
        toonOordeel(o.zinnen, o.goed, data.kenmerken.length);
        afronden(item.id, o.goed, o.gemist);
      });
      antwoord.appendChild(form);
      antwoord.appendChild(controleer);
    }

    function stappen(item) {
      var padKop = el("h4", { tekst: t.stappen_pad });
      var padLijst = el("ol", { klasse: "wl-pad" });
      padKop.hidden = true;
      var groep = el("div", { klasse: "wl-keuzes", role: "group", "aria-labelledby": pre + "stapvraag" });
      var ja = knop(t.ja);
      var nee = knop(t.nee);
      groep.appendChild(ja);
      groep.appendChild(nee);
      antwoord.appendChild(padKop);
      antwoord.appendChild(padLijst);
      naFeedback.appendChild(groep);
      var nr = 0;
      var fouten = [];
      var allesGoed = true;

      function stel(vorige) {
        leeg(feedback);
        feedback.className = "wl-feedback" + (vorige ? (vorige.goed ? " wl-goed" : " wl-fout") : "");
        if (vorige) feedback.appendChild(el("p", { klasse: "wl-oordeel", tekst: vorige.zin }));
        var k = data.kenmerken.filter(function (x) { return x.code === data.regel[nr].kenmerk; })[0];
        feedback.appendChild(el("p", { klasse: "wl-stapvraag", id: pre + "stapvraag" }, [
          el("span", { klasse: "wl-label", tekst: vul(t.stappen_vraag, { nr: nr + 1 }) + ": " }),
          el("span", { tekst: k.vraag })
        ]));
      }

      function beantwoord(antwoordJa) {
        var k = data.kenmerken.filter(function (x) { return x.code === data.regel[nr].kenmerk; })[0];
        var s = stap(data, item, nr, antwoordJa);
        if (!s.goed) { allesGoed = false; fouten.push(s.kenmerk); }
        padKop.hidden = false;
        padLijst.appendChild(el("li", {}, [
          el("span", { klasse: "wl-stap-vraag", tekst: k.vraag + " " }),
          el("span", { tekst: vul(t.stappen_antwoord, { antwoord: (antwoordJa ? t.ja : t.nee).toLowerCase() }) + " " }),
          el("span", { tekst: s.zin })
        ]));
        if (!s.einde) {
          nr += 1;
          stel(s);
          return;
        }
        ja.disabled = true;
        nee.disabled = true;
        groep.hidden = true;
        toonOordeel([s.zin, vul(t.pad_einde, { naam: s.einde.naam }), s.einde.zin, item.uitleg], allesGoed, 0);
        afronden(item.id, allesGoed, fouten);
      }

      ja.addEventListener("click", function () { beantwoord(true); });
      nee.addEventListener("click", function () { beantwoord(false); });
      stel(null);
    }

    function toonItem(focus) {
      leeg(antwoord);
      leeg(naFeedback);
      leeg(feedback);
      feedback.className = "wl-feedback";
      volgende.hidden = true;
      var id = huidig(stand);
      if (id === null) {
        tellerEl.textContent = "";
        titel.textContent = data.titel;
        tekst.textContent = t.klaar;
      } else {
        var item = items[id];
        tellerEl.textContent = teller(data, stand);
        titel.textContent = item.titel;
        tekst.textContent = item.tekst;
        if (data.soort === "kiezen") kiezen(item);
        else if (data.soort === "kenmerken") kenmerken(item);
        else stappen(item);
      }
      toonVoortgang();
      if (focus) titel.focus();
    }

    volgende.addEventListener("click", function () { toonItem(true); });
    opnieuw.addEventListener("click", function () {
      opslag.wis(sleutel);
      stand = nieuweStand(data);
      toonItem(true);
    });

    toonItem(false);
    houder.setAttribute("data-klaar", "true");
    if (window.performance && performance.mark) performance.mark("wijkleren-oefening-klaar");
  }

  function startAlles() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-oefening]"), function (h) {
      start(h);
    });
  }

  window.WijklerenOefeningen = { logica: logica, start: start };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAlles);
  else startAlles();
})();
