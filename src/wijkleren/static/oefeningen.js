/* Wijkleren: the exercise component. The one implementation of an exercise: rounds,
 * repetition, judging, feedback and saved progress.
 *
 * Two hosts run this same file on the same data (wijkleren.oefeningen.oefendata, Python):
 * - the book's pages load it as a plain script; it starts every [data-oefening] block and
 *   reads the data from the block's <script type="application/json">;
 * - JupyterLab runs it through anywidget: src/wijkleren/widgets.py adds one line,
 *   `export default globalThis.WijklerenOefeningen.anywidget;`, and anywidget calls render().
 * Progress is kept in the browser's localStorage under "wijkleren:oefening:<id>", the same
 * key and format in both hosts, so a kernel restart or a reload loses nothing. Inside the
 * SCORM package the page runs in the frame of src/wijkleren/scorm/wijkleren-scorm.js; that
 * wrapper offers `wijklerenOpslag` (the interface of localStorage), backed by the LMS's
 * cmi.suspend_data, and winkel() below uses it.
 *
 * This file holds no learner-facing text: every word comes from the data. Case text is only
 * ever set with textContent, so HTML in a case is shown, never run.
 * tests/test_oefeningen.mjs runs the logic under node's test runner.
 */
(function (wereld) {
  "use strict";

  var VERSIE = 1; // of the saved state
  var MAX_RONDES = 10000; // a saved state with more rounds than this is not ours

  /* ---------- logic: pure functions of (data, stand, answer) ---------- */

  function vul(sjabloon, waarden) {
    Object.keys(waarden).forEach(function (naam) {
      sjabloon = sjabloon.split("{" + naam + "}").join(String(waarden[naam]));
    });
    return sjabloon;
  }

  function kopie(x) {
    return JSON.parse(JSON.stringify(x));
  }

  function kenmerk(data, code) {
    return data.kenmerken.filter(function (k) { return k.code === code; })[0];
  }

  // Where the rule's path ends when the kenmerken in `ja` are there: {categorie, naam, zin}.
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

  /* A judged answer: {goed, gemist, blokken}. The feedback is a list of blocks, each
   * {soort, ...}; the page draws each soort with its own function (TEKENAARS below), so a new
   * kind of feedback is a new soort here and a new drawing function there. */
  function beoordeel(data, item, antwoord) {
    if (data.soort === "kiezen") {
      var goed = antwoord === item.goed;
      return {
        goed: goed,
        gemist: goed ? [] : item.gemist.slice(),
        blokken: [{ soort: "oordeel", tekst: item.feedback[antwoord] }, { soort: "uitleg", tekst: item.uitleg }]
      };
    }
    if (data.soort !== "kenmerken") throw new Error("beoordeel: " + data.soort); // stappen: use stap()
    var regels = [];
    var gemist = [];
    data.kenmerken.forEach(function (k) {
      var s = status(antwoord.indexOf(k.code) >= 0, item.aanwezig.indexOf(k.code) >= 0);
      regels.push(k.zinnen[s]);
      if (s === "gemist" || s === "onterecht") gemist.push(k.code);
    });
    return {
      goed: gemist.length === 0,
      gemist: gemist,
      blokken: [
        { soort: "per_kenmerk", regels: regels },
        { soort: "oordeel", tekst: vul(data.teksten.kenmerken_uitkomst, { naam: pad(data, antwoord).naam }) },
        { soort: "oordeel", tekst: pad(data, item.aanwezig).zin },
        { soort: "uitleg", tekst: item.uitleg }
      ]
    };
  }

  /* Question `nr` (0-based) of the rule for a casus. The path goes on along the casus's real
   * answer, so every walk ends where the casus belongs: {goed, zin, kenmerk, einde}; einde is
   * null while there is a next question. */
  function stap(data, item, nr, ja) {
    var code = data.regel[nr].kenmerk;
    var waar = item.aanwezig.indexOf(code) >= 0;
    var einde = null;
    if (!waar) einde = data.regel[nr].nee;
    else if (nr === data.regel.length - 1) einde = data.alle_ja;
    return { goed: ja === waar, zin: kenmerk(data, code).zinnen[status(ja, waar)], kenmerk: code, einde: einde };
  }

  // The feedback at the end of a walk through the rule.
  function stappenOordeel(data, item, laatste, fouten) {
    return {
      goed: fouten.length === 0,
      gemist: fouten.slice(),
      blokken: [
        { soort: "oordeel", tekst: laatste.zin },
        { soort: "oordeel", tekst: vul(data.teksten.pad_einde, { naam: laatste.einde.naam }) },
        { soort: "oordeel", tekst: laatste.einde.zin },
        { soort: "uitleg", tekst: item.uitleg }
      ]
    };
  }

  function nieuweRonde(nr) {
    return { nr: nr, goed: 0, totaal: 0, gemist: {} };
  }

  function nieuweStand(data) {
    return { rij: data.items.map(function (i) { return i.id; }), nog_eens: [], ronde: nieuweRonde(1), rondes: [] };
  }

  function huidig(stand) {
    return stand.rij.length ? stand.rij[0] : null;
  }

  // The new stand after an answer; the old one is left as it was.
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
      stand.ronde = nieuweRonde(ronde.nr + 1);
    }
    return stand;
  }

  /* ---------- saved progress: every field checked ---------- */

  function sleutel(id) {
    return "wijkleren:oefening:" + id;
  }

  function geheel(x, min) {
    return typeof x === "number" && Math.floor(x) === x && x >= min && x <= Number.MAX_SAFE_INTEGER;
  }

  function gewoonObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x) &&
      Object.getPrototypeOf(x) === Object.prototype;
  }

  // A round as stored: counts that add up and only kenmerken the exercise has. Else null.
  function schoneRonde(data, r, klaar) {
    if (!gewoonObject(r) || !geheel(r.nr, 1) || !geheel(r.goed, 0) || !geheel(r.totaal, 0)) return null;
    if (r.goed > r.totaal || (klaar ? r.totaal < 1 || r.totaal > data.ronde : r.totaal >= data.ronde)) return null;
    if (!gewoonObject(r.gemist)) return null;
    var codes = (data.kenmerken || []).map(function (k) { return k.code; });
    var gemist = {};
    var namen = Object.keys(r.gemist);
    for (var i = 0; i < namen.length; i++) {
      if (codes.indexOf(namen[i]) < 0 || !geheel(r.gemist[namen[i]], 1) || r.gemist[namen[i]] > r.totaal) return null;
      gemist[namen[i]] = r.gemist[namen[i]];
    }
    return { nr: r.nr, goed: r.goed, totaal: r.totaal, gemist: gemist };
  }

  /* What was read from storage, checked field by field: {stand, beschadigd}.
   * Nothing stored: a fresh stand. Items the exercise no longer has (a changed case bank) are
   * dropped quietly. Anything else that is not exactly our format: a fresh stand, and
   * beschadigd is true so the page can say so. */
  function herstel(data, bewaard) {
    var vers = { stand: nieuweStand(data), beschadigd: false };
    if (bewaard === null || bewaard === undefined) return vers;
    var kapot = { stand: nieuweStand(data), beschadigd: true };
    // Saved by a newer version of this script (an old copy lives on in a notebook's stored
    // output): leave it alone; the page says how to get the new version.
    if (gewoonObject(bewaard) && geheel(bewaard.versie, VERSIE + 1)) return { stand: nieuweStand(data), beschadigd: false, nieuwer: true };
    if (!gewoonObject(bewaard) || bewaard.versie !== VERSIE || !gewoonObject(bewaard.stand)) return kapot;
    var s = bewaard.stand;
    var ids = data.items.map(function (i) { return i.id; });
    if (!Array.isArray(s.rij) || !Array.isArray(s.nog_eens) || !Array.isArray(s.rondes)) return kapot;
    if (s.rij.length > ids.length * 4 + 10 || s.nog_eens.length > ids.length + 10 || s.rondes.length > MAX_RONDES) return kapot;
    var rij = [];
    for (var i = 0; i < s.rij.length; i++) {
      if (typeof s.rij[i] !== "string" || rij.indexOf(s.rij[i]) >= 0) return kapot;
      if (ids.indexOf(s.rij[i]) >= 0) rij.push(s.rij[i]);
    }
    var nogEens = [];
    for (var j = 0; j < s.nog_eens.length; j++) {
      var w = s.nog_eens[j];
      if (!Array.isArray(w) || w.length !== 2 || typeof w[0] !== "string" || !geheel(w[1], 0) ||
          w[1] >= data.terug.length) return kapot;
      if (nogEens.some(function (x) { return x[0] === w[0]; })) return kapot;
      if (ids.indexOf(w[0]) >= 0) nogEens.push([w[0], w[1]]);
    }
    var ronde = schoneRonde(data, s.ronde, false);
    if (!ronde) return kapot;
    var rondes = [];
    for (var k = 0; k < s.rondes.length; k++) {
      var r = schoneRonde(data, s.rondes[k], true);
      if (!r || r.nr !== k + 1) return kapot;
      rondes.push(r);
    }
    if (ronde.nr !== rondes.length + 1) return kapot;
    return { stand: { rij: rij, nog_eens: nogEens, ronde: ronde, rondes: rondes }, beschadigd: false };
  }

  function bewaarbaar(stand) {
    return { versie: VERSIE, stand: stand };
  }

  /* ---------- what the progress panel says ---------- */

  function samenvatting(data, ronde, bezig) {
    var t = data.teksten;
    if (ronde.totaal === 0) return vul(t.ronde_leeg, { ronde: ronde.nr });
    var zin = vul(bezig ? t.ronde_bezig : t.ronde_klaar, { ronde: ronde.nr, goed: ronde.goed, totaal: ronde.totaal });
    if (!data.telt_kenmerken) return zin;
    var volgorde = data.kenmerken.map(function (k) { return k.code; });
    var top = Object.keys(ronde.gemist)
      .map(function (c) { return [c, ronde.gemist[c]]; })
      .sort(function (a, b) { return b[1] - a[1] || volgorde.indexOf(a[0]) - volgorde.indexOf(b[0]); })
      .slice(0, data.meest_gemist);
    if (!top.length) return zin + " " + t.niets_gemist;
    var lijst = top.map(function (kv) { return vul(t.gemist_aantal, { naam: kenmerk(data, kv[0]).naam, aantal: kv[1] }); });
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
    vul: vul, pad: pad, beoordeel: beoordeel, stap: stap, stappenOordeel: stappenOordeel,
    nieuweStand: nieuweStand, huidig: huidig, verwerk: verwerk, sleutel: sleutel, herstel: herstel,
    bewaarbaar: bewaarbaar, voortgang: voortgang, teller: teller
  };

  if (typeof module === "object" && module.exports) {
    module.exports = { logica: logica };
    return;
  }

  /* ---------- the component in a page ---------- */

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

  // Where saved progress lives: the SCORM wrapper's store when this page is in its frame, else
  // localStorage. Both have getItem / setItem / removeItem with JSON text as the value.
  function winkel() {
    try {
      if (window.parent !== window && window.parent.wijklerenOpslag) return window.parent.wijklerenOpslag;
    } catch (e) { /* a frame of another site: not the wrapper */ }
    return window.localStorage;
  }

  // The post-test's result to the LMS (see wijkleren-scorm.js): the status it set, or "" without an LMS.
  function meldToets(score, maximum) {
    var w = winkel();
    return w && typeof w.meldToets === "function" ? String(w.meldToets(score, maximum)) : "";
  }

  var opslag = {
    lees: function (s) {
      var ruw;
      try { ruw = winkel().getItem(s); } catch (e) { return null; } // no storage: start fresh
      if (ruw === null) return null;
      try { return JSON.parse(ruw); } catch (e) { return { kapot: true }; } // not JSON: corrupt
    },
    schrijf: function (s, waarde) {
      try { winkel().setItem(s, JSON.stringify(waarde)); } catch (e) { /* full or off: keep going */ }
    },
    wis: function (s) {
      try { winkel().removeItem(s); } catch (e) { /* idem */ }
    }
  };

  // Per feedback block's soort: how to draw it (see beoordeel). t: the exercise's texts.
  var TEKENAARS = {
    per_kenmerk: function (blok) {
      var ul = el("ul", { klasse: "wl-per-kenmerk" });
      blok.regels.forEach(function (z) { ul.appendChild(el("li", { tekst: z })); });
      return ul;
    },
    oordeel: function (blok) {
      return el("p", { klasse: "wl-oordeel", tekst: blok.tekst });
    },
    uitleg: function (blok, t) {
      return el("p", { klasse: "wl-uitleg" }, [
        el("span", { klasse: "wl-label", tekst: t.uitleg + ": " }),
        el("span", { tekst: blok.tekst })
      ]);
    }
  };

  /* Show one exercise in `houder`. data: from Python. Returns a function that removes it. */
  function start(houder, data) {
    if (!data) data = JSON.parse(houder.querySelector("script.wl-data").textContent);
    var t = data.teksten;
    var pre = "wl-" + data.id + "-" + Math.random().toString(36).slice(2, 8) + "-";
    var key = sleutel(data.id);
    var hersteld = herstel(data, opslag.lees(key));
    var stand = hersteld.stand;
    var items = {};
    data.items.forEach(function (i) { items[i.id] = i; });

    var melding = el("p", { klasse: "wl-melding", role: "status" });
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
    var vraagTekst = el("p", { id: pre + "zeker", tekst: t.opnieuw_vraag });
    var zekerJa = knop(t.opnieuw_ja, "wl-opnieuw-ja");
    var zekerNee = knop(t.opnieuw_nee, "wl-opnieuw-nee");
    var zeker = el("div", { klasse: "wl-zeker", role: "group", "aria-labelledby": pre + "zeker" },
      [vraagTekst, el("div", { klasse: "wl-zeker-knoppen" }, [zekerJa, zekerNee])]);
    zeker.hidden = true;
    var paneel = el("section", { klasse: "wl-voortgang", "aria-labelledby": pre + "voortgang" },
      [vgKop, vgRonde, vgRondes, neKop, neUitleg, neLijst, opnieuw, zeker,
        el("p", { klasse: "wl-bewaard", tekst: t.bewaard })]);

    Array.prototype.slice.call(houder.childNodes).forEach(function (k) {
      if (k.nodeName !== "SCRIPT") houder.removeChild(k);
    });
    houder.classList.add("wl-oefening");
    houder.appendChild(melding);
    houder.appendChild(vraag);
    houder.appendChild(paneel);
    melding.hidden = !hersteld.beschadigd && !hersteld.nieuwer;
    if (hersteld.beschadigd) {
      melding.textContent = t.beschadigd;
      opslag.wis(key);
    }
    if (hersteld.nieuwer) melding.textContent = t.nieuwer;

    function bewaar() {
      if (!hersteld.nieuwer) opslag.schrijf(key, bewaarbaar(stand));
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

    function toonOordeel(oordeel) {
      leeg(feedback);
      feedback.className = "wl-feedback " + (oordeel.goed ? "wl-goed" : "wl-fout");
      oordeel.blokken.forEach(function (blok) { feedback.appendChild(TEKENAARS[blok.soort](blok, t)); });
    }

    // After an answer: count it, save, and keep the verdict in view with focus on "Volgende".
    function afronden(id, oordeel) {
      stand = verwerk(data, stand, id, oordeel.goed, oordeel.gemist);
      bewaar();
      toonVoortgang();
      volgende.hidden = false;
      volgende.focus({ preventScroll: true });
      var eerste = feedback.querySelector(".wl-oordeel") || feedback;
      var kader = eerste.getBoundingClientRect();
      if (kader.top < 70 || kader.bottom > window.innerHeight) eerste.scrollIntoView({ block: "start" });
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
          toonOordeel(o);
          afronden(item.id, o);
        });
        groep.appendChild(b);
        return b;
      });
      antwoord.appendChild(label);
      antwoord.appendChild(groep);
    }

    function kenmerken(item) {
      var vakjes = [];
      var lijst = el("ul", { klasse: "wl-vinkjes" });
      data.kenmerken.forEach(function (k) {
        var id = pre + "k-" + k.code;
        var vak = el("input", { type: "checkbox", id: id, value: k.code });
        vakjes.push(vak);
        lijst.appendChild(el("li", {}, [vak, el("label", { "for": id, tekst: k.naam })]));
      });
      var controleer = knop(t.controleer, "wl-controleer");
      antwoord.appendChild(el("fieldset", { klasse: "wl-kenmerken" }, [el("legend", { tekst: t.kenmerken_vraag }), lijst]));
      antwoord.appendChild(controleer);
      controleer.addEventListener("click", function () {
        var gevinkt = vakjes.filter(function (v) { return v.checked; }).map(function (v) { return v.value; });
        var o = beoordeel(data, item, gevinkt);
        vakjes.forEach(function (v) { v.disabled = true; });
        controleer.disabled = true;
        toonOordeel(o);
        afronden(item.id, o);
      });
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

      function stel(vorige) {
        leeg(feedback);
        feedback.className = "wl-feedback" + (vorige ? (vorige.goed ? " wl-goed" : " wl-fout") : "");
        if (vorige) feedback.appendChild(TEKENAARS.oordeel({ tekst: vorige.zin }));
        feedback.appendChild(el("p", { klasse: "wl-stapvraag", id: pre + "stapvraag" }, [
          el("span", { klasse: "wl-label", tekst: vul(t.stappen_vraag, { nr: nr + 1 }) + ": " }),
          el("span", { tekst: kenmerk(data, data.regel[nr].kenmerk).vraag })
        ]));
      }

      function beantwoord(antwoordJa) {
        var k = kenmerk(data, data.regel[nr].kenmerk);
        var s = stap(data, item, nr, antwoordJa);
        if (!s.goed) fouten.push(s.kenmerk);
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
        var o = stappenOordeel(data, item, s, fouten);
        toonOordeel(o);
        afronden(item.id, o);
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

    function toonZeker(ja) {
      zeker.hidden = !ja;
      opnieuw.hidden = ja;
      (ja ? zekerNee : opnieuw).focus();
    }

    // Another view of the same exercise (a second output, another tab) saved: follow it.
    function elders(e) {
      if (e.key !== key) return;
      var nieuw = null;
      try { nieuw = e.newValue === null ? null : JSON.parse(e.newValue); } catch (x) { nieuw = { kapot: true }; }
      stand = herstel(data, nieuw).stand;
      toonItem(false);
    }

    volgende.addEventListener("click", function () { toonItem(true); });
    opnieuw.addEventListener("click", function () { toonZeker(true); });
    zekerNee.addEventListener("click", function () { toonZeker(false); });
    zekerJa.addEventListener("click", function () {
      if (!hersteld.nieuwer) opslag.wis(key);
      stand = nieuweStand(data);
      zeker.hidden = true;
      opnieuw.hidden = false;
      melding.hidden = true;
      toonItem(true);
    });
    window.addEventListener("storage", elders);

    toonItem(false);
    houder.setAttribute("data-klaar", "true");
    if (window.performance && performance.mark) performance.mark("wijkleren-oefening-klaar");
    return function () { window.removeEventListener("storage", elders); };
  }

  // anywidget's entry: the data is the widget's "data" trait, made by oefendata in Python.
  var anywidget = {
    render: function (ctx) {
      var houder = document.createElement("div");
      houder.setAttribute("data-oefening", ctx.model.get("data").id);
      ctx.el.appendChild(houder);
      return start(houder, ctx.model.get("data"));
    }
  };

  function startAlles() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-oefening]:not([data-klaar])"), function (h) {
      start(h);
    });
  }

  wereld.WijklerenOefeningen = { logica: logica, start: start, anywidget: anywidget, meldToets: meldToets };
  // As the book's page script (not as anywidget's module): start the page's exercises.
  if (typeof document !== "undefined" && document.currentScript) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startAlles);
    else startAlles();
  }
})(typeof globalThis !== "undefined" ? globalThis : this);
