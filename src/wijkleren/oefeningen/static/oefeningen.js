/* Wijkleren: the exercise component. The one implementation of an exercise: rounds,
 * repetition, judging, feedback and saved progress.
 *
 * Two hosts run this same file on the same data (wijkleren.oefeningen.onderdelen.onderdeel, Python):
 * - the book's pages load it as a plain script; it starts every [data-oefening] block and
 *   reads the data from the block's <script type="application/json">;
 * - JupyterLab runs it through anywidget: src/wijkleren/oefeningen/widget.py adds one line,
 *   `export default globalThis.WijklerenOefeningen.anywidget;`, and anywidget calls render().
 * Progress is kept in the browser's localStorage under "wijkleren:oefening:<id>", the same
 * key and format in both hosts, so a kernel restart or a reload loses nothing. Inside the
 * SCORM package the page runs in the frame of src/wijkleren/scorm/wijkleren-scorm.js; that
 * wrapper offers `wijklerenOpslag` (the interface of localStorage), backed by the LMS's
 * cmi.suspend_data, and winkel() below uses it.
 *
 * Besides the five exercises (issue 15): the evidence marked in the case text after an
 * answer, the pitfall and the misconception behind a wrong choice, review across days
 * (stand.herhaling, dates as local day numbers) with a mastery rule, the "Herhaling" line of
 * the start pages (startTeller), the pre-test and post-test (startToets; the post-test reports
 * through meldToets), the scenario (startScenario) and the worksheet (startWerkblad, kept only in
 * this browser's localStorage, never in the LMS). wijkleren.oefeningen.onderdelen.onderdeel (Python) makes each one's data.
 *
 * This file holds no learner-facing text: every word comes from the data. Case text and
 * whatever a learner types are only ever set with textContent, so HTML is shown, never run.
 * tests/test_oefeningen.mjs runs the logic under node's test runner.
 */
(function (wereld) {
  "use strict";

  var VERSIE = 1; // of the saved state
  var MAX_RONDES = 10000; // a saved state with more rounds than this is not ours
  var MAX_DAG = 1000000; // a review day beyond this (the year 4700) is not ours
  var MAX_HERHALING = 10000;

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

  /* Marks in a case text: the evidence of each kenmerk present, by what the learner did with it.
   * bewijs: [[begin, end, code], ...] from Python; status: code -> "gezien" | "gemist" |
   * "kenmerk". Overlapping phrases become one mark that names every kenmerk in it.
   * Returns the text in parts: {tekst} or {tekst, kenmerken: [{code, status}], status}; a mark's
   * status is "gemist" when any of its kenmerken was missed, else "gezien" or "kenmerk". */
  function markeer(tekst, bewijs, status) {
    var plekken = (bewijs || []).filter(function (p) { return status[p[2]]; })
      .slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    var delen = [];
    var bij = 0;
    var i = 0;
    while (i < plekken.length) {
      var begin = plekken[i][0];
      var eind = plekken[i][1];
      var codes = [];
      while (i < plekken.length && plekken[i][0] < eind) {
        eind = Math.max(eind, plekken[i][1]);
        if (codes.indexOf(plekken[i][2]) < 0) codes.push(plekken[i][2]);
        i += 1;
      }
      if (begin < bij) begin = bij; // cannot happen with sorted input; keeps the text whole
      if (begin > bij) delen.push({ tekst: tekst.slice(bij, begin) });
      var kenmerken = codes.map(function (c) { return { code: c, status: status[c] }; });
      var soorten = kenmerken.map(function (k) { return k.status; });
      delen.push({
        tekst: tekst.slice(begin, eind),
        kenmerken: kenmerken,
        status: soorten.indexOf("gemist") >= 0 ? "gemist" : soorten.indexOf("gezien") >= 0 ? "gezien" : "kenmerk"
      });
      bij = eind;
    }
    if (bij < tekst.length) delen.push({ tekst: tekst.slice(bij) });
    return delen;
  }

  // Every kenmerk with evidence in the text, with one status.
  function alleBewijs(item, status) {
    var uit = {};
    (item.bewijs || []).forEach(function (p) { uit[p[2]] = status; });
    return uit;
  }

  // After a wrong answer: the misconception(s) behind it and the case's pitfall, when there are.
  function naFout(item, misvattingen) {
    var blokken = [];
    misvattingen.forEach(function (z) { if (z) blokken.push({ soort: "misvatting", tekst: z }); });
    if (item.valkuil) blokken.push({ soort: "valkuil", tekst: item.valkuil });
    return blokken;
  }

  /* A judged answer: {goed, niveau, gemist, blokken, markering}. The feedback is a list of
   * blocks, each {soort, ...}; the page draws each soort with its own function (TEKENAARS
   * below), so a new kind of feedback is a new soort here and a new drawing function there.
   * niveau: "goed", "bijna" (counts as right: kenmerken with at most data.marge wrong) or "fout".
   * markering: per kenmerk with evidence in the text, how to mark it (see markeer). */
  function beoordeel(data, item, antwoord) {
    if (data.soort === "kiezen") {
      var goed = antwoord === item.goed;
      var blokken = [{ soort: "oordeel", tekst: item.feedback[antwoord] }];
      if (!goed) blokken = blokken.concat(naFout(item, [(item.misvatting || {})[antwoord]]));
      blokken.push({ soort: "uitleg", tekst: item.uitleg });
      return {
        goed: goed,
        niveau: goed ? "goed" : "fout",
        gemist: goed ? [] : item.gemist.slice(),
        blokken: blokken,
        markering: alleBewijs(item, "kenmerk")
      };
    }
    if (data.soort !== "kenmerken") throw new Error("beoordeel: " + data.soort); // stappen: use stap()
    var t = data.teksten;
    var regels = [];
    var gemist = [];
    var markering = {};
    data.kenmerken.forEach(function (k) {
      var gevinkt = antwoord.indexOf(k.code) >= 0;
      var s = status(gevinkt, item.aanwezig.indexOf(k.code) >= 0);
      if (s === "gemist" || s === "onterecht") {
        gemist.push(k.code);
        regels.push({ tekst: k.zinnen[s], misvatting: (k.misvatting || {})[s] || null });
      }
      if (item.aanwezig.indexOf(k.code) >= 0) markering[k.code] = gevinkt ? "gezien" : "gemist";
    });
    var totaal = data.kenmerken.length;
    var aantalGoed = totaal - gemist.length;
    var niveau = gemist.length === 0 ? "goed" : gemist.length <= (data.marge || 0) ? "bijna" : "fout";
    var score = vul(t["kenmerken_" + (niveau === "goed" ? "alles" : niveau)], { goed: aantalGoed, totaal: totaal });
    var lijst = [{ soort: "oordeel", tekst: score }];
    if (regels.length) lijst.push({ soort: "per_kenmerk", regels: regels });
    lijst.push({ soort: "oordeel", tekst: vul(t.kenmerken_uitkomst, { naam: pad(data, antwoord).naam }) });
    lijst.push({ soort: "oordeel", tekst: pad(data, item.aanwezig).zin });
    if (niveau !== "goed") lijst = lijst.concat(naFout(item, []));
    lijst.push({ soort: "uitleg", tekst: item.uitleg });
    return { goed: niveau !== "fout", niveau: niveau, gemist: gemist, blokken: lijst, markering: markering };
  }

  /* Question `nr` (0-based) of the rule for a casus. The path goes on along the casus's real
   * answer, so every walk ends where the casus belongs: {goed, zin, kenmerk, ja, einde}; einde
   * is null while there is a next question. */
  function stap(data, item, nr, ja) {
    var code = data.regel[nr].kenmerk;
    var waar = item.aanwezig.indexOf(code) >= 0;
    var einde = null;
    if (!waar) einde = data.regel[nr].nee;
    else if (nr === data.regel.length - 1) einde = data.alle_ja;
    return { goed: ja === waar, zin: kenmerk(data, code).zinnen[status(ja, waar)], kenmerk: code, ja: ja, einde: einde };
  }

  /* The feedback at the end of a walk through the rule. stappen: every answered stap() in
   * order. A walk with a wrong step never opens with "Goed": it names each step that went wrong. */
  function stappenOordeel(data, item, stappen) {
    var t = data.teksten;
    var laatste = stappen[stappen.length - 1];
    var fouten = [];
    var blokken = [];
    var misvattingen = [];
    var markering = {};
    stappen.forEach(function (s, nr) {
      var k = kenmerk(data, s.kenmerk);
      var waar = item.aanwezig.indexOf(s.kenmerk) >= 0;
      if (waar) markering[s.kenmerk] = s.ja ? "gezien" : "gemist";
      if (s.goed) return;
      fouten.push(s.kenmerk);
      blokken.push({ soort: "oordeel", tekst: vul(t.stappen_fout, { nr: nr + 1, naam: k.naam, zin: k.zinnen[waar ? "kern_ja" : "kern_nee"] }) });
      misvattingen.push((k.misvatting || {})[status(s.ja, waar)]);
    });
    (item.bewijs || []).forEach(function (p) { if (!markering[p[2]]) markering[p[2]] = "kenmerk"; });
    if (!fouten.length) blokken.push({ soort: "oordeel", tekst: t.stappen_goed });
    blokken.push({ soort: "oordeel", tekst: vul(t.pad_einde, { naam: laatste.einde.naam }) });
    blokken.push({ soort: "oordeel", tekst: laatste.einde.zin });
    if (fouten.length) blokken = blokken.concat(naFout(item, misvattingen));
    blokken.push({ soort: "uitleg", tekst: item.uitleg });
    return { goed: !fouten.length, niveau: fouten.length ? "fout" : "goed", gemist: fouten, blokken: blokken, markering: markering };
  }

  function nieuweRonde(nr) {
    return { nr: nr, goed: 0, totaal: 0, gemist: {} };
  }

  /* A stand: rij (the queue of this sitting), nog_eens (in-sitting repetition: [id, step]),
   * ronde and rondes (scores), herhaling (review across days: [id, step, day it is due]) and
   * herhaalronde (the due cases being reviewed now; they come before the queue). */
  function nieuweStand(data) {
    return {
      rij: data.items.map(function (i) { return i.id; }), nog_eens: [], ronde: nieuweRonde(1), rondes: [],
      herhaling: [], herhaalronde: []
    };
  }

  function huidig(stand) {
    if (stand.herhaalronde && stand.herhaalronde.length) return stand.herhaalronde[0];
    return stand.rij.length ? stand.rij[0] : null;
  }

  function inHerhaling(stand) {
    return !!(stand.herhaalronde && stand.herhaalronde.length);
  }

  // The local calendar day of a moment (ms), as a whole number: review dates are days, not hours.
  function dagVan(ms) {
    var d = new Date(ms);
    return Math.floor((ms - d.getTimezoneOffset() * 60000) / 86400000);
  }

  // Is a review that is due on `op` ready on day `dag`? A date further ahead than the longest
  // gap (a changed clock, a hand-edited store) is treated as due now, never as hidden for years.
  function isKlaar(data, op, dag) {
    return op <= dag || op > dag + Math.max.apply(null, data.herhaal);
  }

  // The cases due for review on day `dag`, in the order they were missed.
  function herhalingKlaar(data, stand, dag) {
    return stand.herhaling.filter(function (h) { return isKlaar(data, h[2], dag); }).map(function (h) { return h[0]; });
  }

  // Start the review round of day `dag`: the due cases that are not already waiting come first.
  function startHerhaling(data, stand, dag) {
    stand = kopie(stand);
    herhalingKlaar(data, stand, dag).forEach(function (id) {
      if (stand.herhaalronde.indexOf(id) < 0) stand.herhaalronde.push(id);
    });
    return stand;
  }

  // The new stand after an answer on day `dag` (see dagVan); the old one is left as it was.
  function verwerk(data, stand, id, goed, gemist, dag) {
    if (!geheel(dag, 0)) dag = dagVan(Date.now()); // a caller without a day: today
    stand = kopie(stand);
    var herhaald = stand.herhaalronde.indexOf(id);
    if (herhaald >= 0) stand.herhaalronde.splice(herhaald, 1);
    else {
      var plek = stand.rij.indexOf(id);
      if (plek >= 0) stand.rij.splice(plek, 1);
    }
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
    } else if (wacht && herhaald < 0) {
      wacht[1] += 1;
      if (wacht[1] < terug.length) stand.rij.splice(Math.min(terug[wacht[1]], stand.rij.length), 0, id);
      else stand.nog_eens.splice(stand.nog_eens.indexOf(wacht), 1);
    }
    // Review across days: a miss is due again after the first gap; a right answer at a review
    // moves it to the next gap, and after the last one it is done.
    var h = stand.herhaling.filter(function (x) { return x[0] === id; })[0];
    if (!goed) {
      if (h) { h[1] = 0; h[2] = dag + data.herhaal[0]; }
      else stand.herhaling.push([id, 0, dag + data.herhaal[0]]);
    } else if (h && herhaald >= 0) {
      if (h[1] + 1 < data.herhaal.length) { h[1] += 1; h[2] = dag + data.herhaal[h[1]]; }
      else stand.herhaling.splice(stand.herhaling.indexOf(h), 1);
    }
    if (ronde.totaal >= data.ronde) {
      stand.rondes.push(ronde);
      stand.ronde = nieuweRonde(ronde.nr + 1);
    }
    return stand;
  }

  // Mastery: the last meester.rondes finished rounds each have at least meester.goed right.
  function beheerst(data, stand) {
    var m = data.meester;
    if (!m || stand.rondes.length < m.rondes) return false;
    return stand.rondes.slice(-m.rondes).every(function (r) { return r.goed >= m.goed; });
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
    // Review across days (not in states saved before it existed: then none).
    var herhaling = [];
    var lijst = s.herhaling === undefined ? [] : s.herhaling;
    if (!Array.isArray(lijst) || lijst.length > ids.length + 10) return kapot;
    for (var h = 0; h < lijst.length; h++) {
      var e = lijst[h];
      if (!Array.isArray(e) || e.length !== 3 || typeof e[0] !== "string" || !geheel(e[1], 0) ||
          e[1] >= data.herhaal.length || !geheel(e[2], 0) || e[2] > MAX_DAG) return kapot;
      if (herhaling.some(function (x) { return x[0] === e[0]; }) || lijst.slice(0, h).some(function (x) { return x[0] === e[0]; })) return kapot;
      if (ids.indexOf(e[0]) >= 0) herhaling.push([e[0], e[1], e[2]]);
    }
    var herhaalronde = [];
    var wachtrij = s.herhaalronde === undefined ? [] : s.herhaalronde;
    if (!Array.isArray(wachtrij) || wachtrij.length > ids.length + 10) return kapot;
    for (var q = 0; q < wachtrij.length; q++) {
      if (typeof wachtrij[q] !== "string" || wachtrij.indexOf(wachtrij[q]) !== q) return kapot;
      if (ids.indexOf(wachtrij[q]) >= 0) herhaalronde.push(wachtrij[q]);
    }
    return {
      stand: { rij: rij, nog_eens: nogEens, ronde: ronde, rondes: rondes, herhaling: herhaling, herhaalronde: herhaalronde },
      beschadigd: false
    };
  }

  /* The number of cases due for review on day `dag` in what was read from storage for one
   * exercise, without the exercise's data (the "Herhaling" line of the start page). Anything
   * not in our format counts as nothing; `herhaal` is the exercise's gaps in days. */
  function telKlaar(bewaard, herhaal, dag) {
    if (!gewoonObject(bewaard) || bewaard.versie !== VERSIE || !gewoonObject(bewaard.stand)) return 0;
    var lijst = bewaard.stand.herhaling;
    if (!Array.isArray(lijst) || lijst.length > MAX_HERHALING) return 0;
    var gezien = [];
    lijst.forEach(function (e) {
      if (Array.isArray(e) && e.length === 3 && typeof e[0] === "string" && gezien.indexOf(e[0]) < 0 &&
          geheel(e[1], 0) && e[1] < herhaal.length && geheel(e[2], 0) && e[2] <= MAX_DAG &&
          isKlaar({ herhaal: herhaal }, e[2], dag)) gezien.push(e[0]);
    });
    return gezien.length;
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

  // What the panel says about review on other days: the cases still to come back, and when.
  function herhalingZin(data, stand, dag) {
    var t = data.teksten;
    var klaar = herhalingKlaar(data, stand, dag).length;
    if (klaar) return vul(t.herhaling_vandaag, { aantal: klaar });
    if (!stand.herhaling.length) return "";
    var eerst = Math.min.apply(null, stand.herhaling.map(function (h) { return h[2]; }));
    var aantal = stand.herhaling.filter(function (h) { return h[2] === eerst; }).length;
    return eerst - dag === 1 ? vul(t.herhaling_morgen, { aantal: aantal }) : vul(t.herhaling_later, { aantal: aantal, dagen: eerst - dag });
  }

  function voortgang(data, stand, dag) {
    var titels = {};
    data.items.forEach(function (i) { titels[i.id] = i.titel; });
    var m = data.meester;
    var waarden = m ? { goed: m.goed, ronde: data.ronde } : {};
    return {
      ronde: samenvatting(data, stand.ronde, true),
      rondes: stand.rondes.slice().reverse().map(function (r) { return samenvatting(data, r, false); }),
      nog_eens: stand.nog_eens.map(function (w) { return titels[w[0]]; }),
      klaar: huidig(stand) === null,
      herhaling: herhalingZin(data, stand, dag),
      beheerst: beheerst(data, stand),
      meester: m ? vul(beheerst(data, stand) ? data.teksten.beheerst : data.teksten.beheerst_doel, waarden) : ""
    };
  }

  function teller(data, stand) {
    return vul(data.teksten.teller, { ronde: stand.ronde.nr, nr: stand.ronde.totaal + 1, totaal: data.ronde });
  }

  /* ---------- the pre-test and post-test: pure functions ---------- */

  /* Points per item and in total for the answers given: [[id, categorie, kenmerk], ...] in the
   * items' order. sleutel: [[id, goed, beslissend], ...]; punten: {categorie, kenmerk}. */
  function toetsPunten(sleutel, punten, antwoorden) {
    var totaal = 0;
    var per = antwoorden.map(function (a, i) {
      var s = sleutel[i];
      var p = (a[1] === s[1] ? punten.categorie : 0) + (a[2] === s[2] ? punten.kenmerk : 0);
      totaal += p;
      return { categorie: a[1] === s[1], kenmerk: a[2] === s[2], punten: p };
    });
    return { punten: totaal, per: per };
  }

  function toetsSleutel(data) {
    return data.items.map(function (i) { return [i.id, i.goed, i.beslissend]; });
  }

  /* Saved answers checked field by field: {stand: {antwoorden, klaar}, beschadigd}. An answer
   * must be for the item at its place, with a category and a kenmerk the test offers. */
  function toetsHerstel(sleutel, keuzes, kenmerkKeuzes, bewaard) {
    var vers = { stand: { antwoorden: [], klaar: false }, beschadigd: false };
    if (bewaard === null || bewaard === undefined) return vers;
    var kapot = { stand: { antwoorden: [], klaar: false }, beschadigd: true };
    if (!gewoonObject(bewaard) || bewaard.versie !== VERSIE || !gewoonObject(bewaard.stand)) return kapot;
    var a = bewaard.stand.antwoorden;
    var klaar = bewaard.stand.klaar;
    if (!Array.isArray(a) || a.length > sleutel.length || typeof klaar !== "boolean") return kapot;
    if (klaar !== (a.length === sleutel.length)) return kapot;
    var cats = keuzes.map(function (k) { return k.code; });
    var kms = kenmerkKeuzes.map(function (k) { return k.code; });
    for (var i = 0; i < a.length; i++) {
      if (!Array.isArray(a[i]) || a[i].length !== 3 || a[i][0] !== sleutel[i][0] ||
          cats.indexOf(a[i][1]) < 0 || kms.indexOf(a[i][2]) < 0) return kapot;
    }
    return { stand: { antwoorden: a.map(function (x) { return x.slice(); }), klaar: klaar }, beschadigd: false };
  }

  /* The gain from the pre-test to the post-test: {voor, na, max, verschil}, or null when the
   * pre-test is not finished (or what is stored for it is not ours). */
  function groei(data, voorBewaard, na) {
    var v = data.voor;
    if (!v) return null;
    var keuzes = data.keuzes;
    var h = toetsHerstel(v.sleutel, keuzes, data.kenmerk_keuzes, voorBewaard);
    if (h.beschadigd || !h.stand.klaar) return null;
    var voor = toetsPunten(v.sleutel, data.punten, h.stand.antwoorden).punten;
    return { voor: voor, na: na, max: v.max, verschil: na - voor };
  }

  function groeiZinnen(t, g) {
    if (!g) return [t.geen_voortoets];
    var zinnen = [vul(t.groei, { voor: g.voor, na: g.na, max: g.max })];
    if (g.verschil > 0) zinnen.push(vul(t.groei_meer, { verschil: g.verschil }));
    else if (g.verschil === 0) zinnen.push(t.groei_gelijk);
    else zinnen.push(vul(t.groei_minder, { verschil: -g.verschil }));
    return zinnen;
  }

  /* ---------- the scenario: pure functions ---------- */

  /* Where a list of chosen option ids leads: {punt (the id of the next decision point, or null
   * at the end), opties (the chosen options), uitkomst (at the end)}; null when the list is not
   * a path of this scenario (saved state that is not ours). */
  function scenarioPad(data, keuzes) {
    var punt = data.start;
    var opties = [];
    for (var i = 0; i < keuzes.length; i++) {
      if (punt === null || !data.punten[punt]) return null;
      var o = data.punten[punt].opties.filter(function (x) { return x.id === keuzes[i]; })[0];
      if (!o) return null;
      opties.push(o);
      punt = o.naar === data.einde ? null : o.naar;
    }
    // The table's keys are the option ids joined by commas: join()'s own separator.
    var uitkomst = punt === null ? data.uitkomsten[keuzes.join()] || null : null;
    if (punt === null && !uitkomst) return null;
    return { punt: punt, opties: opties, uitkomst: uitkomst };
  }

  function scenarioHerstel(data, bewaard) {
    var vers = { stand: { keuzes: [] }, beschadigd: false };
    if (bewaard === null || bewaard === undefined) return vers;
    var kapot = { stand: { keuzes: [] }, beschadigd: true };
    if (!gewoonObject(bewaard) || bewaard.versie !== VERSIE || !gewoonObject(bewaard.stand)) return kapot;
    var k = bewaard.stand.keuzes;
    if (!Array.isArray(k) || k.length > 50 || !k.every(function (x) { return typeof x === "string"; })) return kapot;
    if (!scenarioPad(data, k)) return kapot;
    return { stand: { keuzes: k.slice() }, beschadigd: false };
  }

  /* ---------- the worksheet: pure functions ---------- */

  function leegWerkblad(data) {
    var w = { velden: {}, kenmerken: {}, reflectie: {} };
    data.velden.forEach(function (v) { w.velden[v.id] = ""; });
    data.kenmerken.forEach(function (k) { w.kenmerken[k.code] = { aanwezig: false, toelichting: "" }; });
    data.reflectie.forEach(function (r) { w.reflectie[r.id] = ""; });
    return w;
  }

  /* A worksheet read from storage or from a saved file, checked: {werkblad, beschadigd}.
   * Only the fields the worksheet has, text only, at most data.max characters each. */
  function werkbladHerstel(data, bewaard) {
    var vers = { werkblad: leegWerkblad(data), beschadigd: false };
    if (bewaard === null || bewaard === undefined) return vers;
    var kapot = { werkblad: leegWerkblad(data), beschadigd: true };
    if (!gewoonObject(bewaard) || bewaard.versie !== VERSIE || !gewoonObject(bewaard.werkblad)) return kapot;
    var b = bewaard.werkblad;
    var w = leegWerkblad(data);
    function tekst(x) { return typeof x === "string" && x.length <= data.max; }
    function alleen(obj, namen) {
      return gewoonObject(obj) && Object.keys(obj).every(function (n) { return namen.indexOf(n) >= 0; });
    }
    var veldIds = data.velden.map(function (v) { return v.id; });
    var codes = data.kenmerken.map(function (k) { return k.code; });
    var vragen = data.reflectie.map(function (r) { return r.id; });
    if (!alleen(b.velden, veldIds) || !alleen(b.kenmerken, codes) || !alleen(b.reflectie, vragen)) return kapot;
    for (var i = 0; i < veldIds.length; i++) {
      var v = b.velden[veldIds[i]];
      if (v !== undefined && !tekst(v)) return kapot;
      if (v !== undefined) w.velden[veldIds[i]] = v;
    }
    for (var j = 0; j < codes.length; j++) {
      var k = b.kenmerken[codes[j]];
      if (k === undefined) continue;
      if (!alleen(k, ["aanwezig", "toelichting"]) || typeof k.aanwezig !== "boolean" || !tekst(k.toelichting)) return kapot;
      w.kenmerken[codes[j]] = { aanwezig: k.aanwezig, toelichting: k.toelichting };
    }
    for (var r = 0; r < vragen.length; r++) {
      var z = b.reflectie[vragen[r]];
      if (z !== undefined && !tekst(z)) return kapot;
      if (z !== undefined) w.reflectie[vragen[r]] = z;
    }
    return { werkblad: w, beschadigd: false };
  }

  /* What the rule says about the learner's own plan: {einde: {categorie, naam, zin},
   * beslissend: the code of the first kenmerk missing on the rule's path, or null}. */
  function werkbladUitkomst(data, w) {
    var ja = data.kenmerken.filter(function (k) { return w.kenmerken[k.code].aanwezig; }).map(function (k) { return k.code; });
    var beslissend = null;
    for (var i = 0; i < data.regel.length; i++) {
      if (ja.indexOf(data.regel[i].kenmerk) < 0) { beslissend = data.regel[i].kenmerk; break; }
    }
    return { einde: pad(data, ja), beslissend: beslissend };
  }

  var logica = {
    vul: vul, pad: pad, beoordeel: beoordeel, stap: stap, stappenOordeel: stappenOordeel,
    nieuweStand: nieuweStand, huidig: huidig, verwerk: verwerk, sleutel: sleutel, herstel: herstel,
    bewaarbaar: bewaarbaar, voortgang: voortgang, teller: teller, markeer: markeer,
    dagVan: dagVan, herhalingKlaar: herhalingKlaar, startHerhaling: startHerhaling,
    inHerhaling: inHerhaling, beheerst: beheerst, telKlaar: telKlaar,
    toetsPunten: toetsPunten, toetsSleutel: toetsSleutel, toetsHerstel: toetsHerstel, groei: groei,
    groeiZinnen: groeiZinnen, scenarioPad: scenarioPad, scenarioHerstel: scenarioHerstel,
    leegWerkblad: leegWerkblad, werkbladHerstel: werkbladHerstel, werkbladUitkomst: werkbladUitkomst
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
      else if (a === "klasse") e.className = Array.isArray(attrs[a]) ? attrs[a].join(" ") : attrs[a];
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
      gewijzigd(s);
    },
    wis: function (s) {
      try { winkel().removeItem(s); } catch (e) { /* idem */ }
      gewijzigd(s);
    }
  };

  // The browser tells other pages when storage changes, not this one: in JupyterLab all
  // notebooks share one page, so the "Herhaling" line hears it from this event.
  var OPSLAG_EVENT = "wijkleren-opslag";
  function gewijzigd(s) {
    try { window.dispatchEvent(new CustomEvent(OPSLAG_EVENT, { detail: s })); } catch (e) { /* old browser */ }
  }

  // Per feedback block's soort: how to draw it (see beoordeel). t: the exercise's texts.
  var TEKENAARS = {
    per_kenmerk: function (blok) {
      var ul = el("ul", { klasse: "wl-per-kenmerk" });
      blok.regels.forEach(function (r) {
        ul.appendChild(el("li", {}, [
          el("span", { tekst: r.tekst }),
          r.misvatting ? el("span", { klasse: "wl-misvatting-kort", tekst: " " + r.misvatting }) : null
        ]));
      });
      return ul;
    },
    misvatting: function (blok, t) {
      return el("p", { klasse: "wl-misvatting" }, [
        el("span", { klasse: "wl-label", tekst: t.misvatting + ": " }),
        el("span", { tekst: blok.tekst })
      ]);
    },
    valkuil: function (blok, t) {
      return el("p", { klasse: "wl-valkuil" }, [
        el("span", { klasse: "wl-label", tekst: t.valkuil + ": " }),
        el("span", { tekst: blok.tekst })
      ]);
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

  /* The case text in `doel` with the evidence marked (see markeer), and the legend in `legenda`.
   * Not by colour alone: every mark carries its status word and the kenmerk's name as text. */
  function toonBewijs(doel, legenda, data, item, markering) {
    var t = data.teksten;
    var namen = {};
    (data.kenmerken || []).forEach(function (k) { namen[k.code] = k.naam; });
    var delen = markeer(item.tekst, item.bewijs, markering || {});
    leeg(doel);
    leeg(legenda);
    var soorten = [];
    delen.forEach(function (d) {
      if (!d.kenmerken) { doel.appendChild(document.createTextNode(d.tekst)); return; }
      var labels = d.kenmerken.map(function (k) { return vul(t["bewijs_" + k.status], { naam: namen[k.code] }); });
      doel.appendChild(el("mark", { klasse: ["wl-bewijs", "wl-bewijs-" + d.status] }, [
        document.createTextNode(d.tekst),
        el("span", { klasse: "wl-bewijs-label", tekst: labels.join(t.scheiding) })
      ]));
      d.kenmerken.forEach(function (k) { if (soorten.indexOf(k.status) < 0) soorten.push(k.status); });
    });
    legenda.hidden = !soorten.length;
    if (!soorten.length) return;
    legenda.appendChild(el("p", { tekst: t.bewijs_legenda }));
    var ul = el("ul");
    ["gezien", "gemist", "kenmerk"].forEach(function (s) {
      if (soorten.indexOf(s) >= 0) ul.appendChild(el("li", {}, [el("mark", { klasse: ["wl-bewijs", "wl-bewijs-" + s], tekst: t["legenda_" + s] })]));
    });
    legenda.appendChild(ul);
  }

  /* Show one exercise in `houder`. data: from Python. Returns a function that removes it. */
  function start(houder, data) {
    if (!data) data = JSON.parse(houder.querySelector("script.wl-data").textContent);
    if (data.soort === "herhaling") return startTeller(houder, data);
    if (data.soort === "toets") return startToets(houder, data);
    if (data.soort === "scenario") return startScenario(houder, data);
    if (data.soort === "werkblad") return startWerkblad(houder, data);
    return startOefening(houder, data);
  }

  function startOefening(houder, data) {
    if (!data) data = JSON.parse(houder.querySelector("script.wl-data").textContent);
    var t = data.teksten;
    var pre = "wl-" + data.id + "-" + Math.random().toString(36).slice(2, 8) + "-";
    var key = sleutel(data.id);
    var dag = dagVan(Date.now());
    var hersteld = herstel(data, opslag.lees(key));
    var stand = hersteld.stand;
    var klaarBijStart = herhalingKlaar(data, stand, dag).length;
    stand = startHerhaling(data, stand, dag);
    var items = {};
    data.items.forEach(function (i) { items[i.id] = i; });

    var melding = el("p", { klasse: "wl-melding", role: "status" });
    var tellerEl = el("p", { klasse: "wl-teller" });
    var titel = el("h3", { klasse: "wl-titel", tabindex: "-1", id: pre + "titel" });
    var herhaalLabel = el("p", { klasse: "wl-herhaling-label", tekst: t.herhaling_label });
    var tekst = el("p", { klasse: "wl-tekst" });
    var legenda = el("div", { klasse: "wl-legenda" });
    legenda.hidden = true;
    var antwoord = el("div", { klasse: "wl-antwoord" });
    var feedback = el("div", { klasse: "wl-feedback", role: "status", "aria-live": "polite" });
    var naFeedback = el("div", { klasse: "wl-antwoord" });
    var volgende = knop(t.volgende, "wl-volgende");
    volgende.hidden = true;
    var vraag = el("section", { klasse: "wl-vraag", "aria-labelledby": pre + "titel" },
      [tellerEl, herhaalLabel, titel, tekst, legenda, antwoord, feedback, naFeedback, volgende]);

    var vgKop = el("h3", { id: pre + "voortgang", tekst: t.voortgang });
    var vgRonde = el("p", { klasse: "wl-ronde" });
    var vgRondes = el("ul", { klasse: "wl-rondes" });
    var vgMeester = el("p", { klasse: "wl-meester" });
    var vgHerhaling = el("p", { klasse: "wl-herhaling" });
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
      [vgKop, vgRonde, vgRondes, vgMeester, vgHerhaling, neKop, neUitleg, neLijst, opnieuw, zeker,
        el("p", { klasse: "wl-bewaard", tekst: t.bewaard })]);

    Array.prototype.slice.call(houder.childNodes).forEach(function (k) {
      if (k.nodeName !== "SCRIPT") houder.removeChild(k);
    });
    houder.classList.add("wl-oefening");
    var herhaalMelding = el("p", { klasse: "wl-herhaling-melding" });
    houder.appendChild(melding);
    houder.appendChild(herhaalMelding);
    houder.appendChild(vraag);
    houder.appendChild(paneel);
    melding.hidden = !hersteld.beschadigd && !hersteld.nieuwer;
    if (hersteld.beschadigd) {
      melding.textContent = t.beschadigd;
      opslag.wis(key);
    }
    if (hersteld.nieuwer) melding.textContent = t.nieuwer;
    herhaalMelding.hidden = !klaarBijStart;
    if (klaarBijStart) {
      herhaalMelding.textContent = klaarBijStart === 1 ? t.herhaling_start_een : vul(t.herhaling_start, { aantal: klaarBijStart });
    }

    function bewaar() {
      if (!hersteld.nieuwer) opslag.schrijf(key, bewaarbaar(stand));
    }

    function toonVoortgang() {
      var v = voortgang(data, stand, dag);
      vgRonde.textContent = v.ronde;
      vgMeester.textContent = v.meester;
      vgMeester.className = "wl-meester" + (v.beheerst ? " wl-beheerst" : "");
      vgHerhaling.textContent = v.herhaling;
      vgHerhaling.hidden = !v.herhaling;
      leeg(vgRondes);
      v.rondes.forEach(function (r) { vgRondes.appendChild(el("li", { tekst: r })); });
      neUitleg.textContent = v.nog_eens.length ? t.nog_eens_uitleg : t.nog_eens_leeg;
      leeg(neLijst);
      v.nog_eens.forEach(function (n) { neLijst.appendChild(el("li", { tekst: n })); });
      neLijst.hidden = !v.nog_eens.length;
    }

    function toonOordeel(oordeel, item) {
      leeg(feedback);
      feedback.className = ["wl-feedback", "wl-" + oordeel.niveau].join(" ");
      oordeel.blokken.forEach(function (blok) { feedback.appendChild(TEKENAARS[blok.soort](blok, t)); });
      if (item) toonBewijs(tekst, legenda, data, item, oordeel.markering);
    }

    // After an answer: count it, save, and keep the verdict in view with focus on "Volgende".
    function afronden(id, oordeel) {
      stand = verwerk(data, stand, id, oordeel.goed, oordeel.gemist, dag);
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
          toonOordeel(o, item);
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
        toonOordeel(o, item);
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
      var gezet = [];

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
        gezet.push(s);
        padKop.hidden = false;
        padLijst.appendChild(el("li", { klasse: s.goed ? null : "wl-pad-fout" }, [
          s.goed ? null : el("strong", { klasse: "wl-stap-mis", tekst: t.stap_mis + ": " }),
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
        var o = stappenOordeel(data, item, gezet);
        toonOordeel(o, item);
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
      leeg(legenda);
      legenda.hidden = true;
      herhaalLabel.hidden = true;
      if (id === null) {
        tellerEl.textContent = "";
        titel.textContent = data.titel;
        tekst.textContent = t.klaar;
      } else {
        var item = items[id];
        tellerEl.textContent = teller(data, stand);
        herhaalLabel.hidden = !inHerhaling(stand);
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
      herhaalMelding.hidden = true;
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

  /* ---------- the pre-test, the scenario and the worksheet in a page ---------- */

  // A button that asks first ("Opnieuw", then Ja / Nee); ja() runs on Ja. Returns its element.
  function metVraag(pre, tekst, vraag, jaTekst, neeTekst, ja) {
    var knopEl = knop(tekst, "wl-opnieuw");
    var vraagEl = el("p", { id: pre + "zeker", tekst: vraag });
    var jaKnop = knop(jaTekst, "wl-opnieuw-ja");
    var neeKnop = knop(neeTekst, "wl-opnieuw-nee");
    var zeker = el("div", { klasse: "wl-zeker", role: "group", "aria-labelledby": pre + "zeker" },
      [vraagEl, el("div", { klasse: "wl-zeker-knoppen" }, [jaKnop, neeKnop])]);
    zeker.hidden = true;
    function toon(open) {
      zeker.hidden = !open;
      knopEl.hidden = open;
      (open ? neeKnop : knopEl).focus();
    }
    knopEl.addEventListener("click", function () { toon(true); });
    neeKnop.addEventListener("click", function () { toon(false); });
    jaKnop.addEventListener("click", function () { zeker.hidden = true; knopEl.hidden = false; ja(); });
    return el("div", { klasse: "wl-opnieuw-blok" }, [knopEl, zeker]);
  }

  function leegHouder(houder, klasse) {
    Array.prototype.slice.call(houder.childNodes).forEach(function (k) {
      if (k.nodeName !== "SCRIPT") houder.removeChild(k);
    });
    houder.classList.add("wl-oefening");
    houder.classList.add(klasse);
  }

  function gelabeld(pre, label, tekst, klasse) {
    return el("p", { klasse: klasse }, [el("span", { klasse: "wl-label", tekst: label + ": " }), el("span", { tekst: tekst })]);
  }

  // A group of radio buttons in a fieldset: returns {veld, waarde()}.
  function keuzeGroep(pre, naam, legenda, keuzes) {
    var lijst = el("ul", { klasse: "wl-vinkjes" });
    var knoppen = keuzes.map(function (k) {
      var id = pre + naam + "-" + k.code;
      var r = el("input", { type: "radio", name: pre + naam, id: id, value: k.code });
      lijst.appendChild(el("li", {}, [r, el("label", { "for": id, tekst: k.naam })]));
      return r;
    });
    return {
      veld: el("fieldset", { klasse: "wl-kenmerken" }, [el("legend", { tekst: legenda }), lijst]),
      waarde: function () {
        var g = knoppen.filter(function (r) { return r.checked; })[0];
        return g ? g.value : null;
      }
    };
  }

  function naamVan(lijst, code) {
    return (lijst.filter(function (k) { return k.code === code; })[0] || { naam: code }).naam;
  }

  /* The pre-test or post-test: seven cases, each a category and the decisive kenmerk, no
   * feedback until the end; then the score, per case what was right, and (post-test) the gain
   * since the pre-test. The post-test's result goes to the LMS through meldToets. */
  function startToets(houder, data) {
    var t = data.teksten;
    var pre = "wl-" + data.id + "-" + Math.random().toString(36).slice(2, 8) + "-";
    var key = sleutel(data.id);
    var sl = toetsSleutel(data);
    var hersteld = toetsHerstel(sl, data.keuzes, data.kenmerk_keuzes, opslag.lees(key));
    var stand = hersteld.stand;
    leegHouder(houder, "wl-toets");
    var melding = el("p", { klasse: "wl-melding", role: "status" });
    melding.hidden = !hersteld.beschadigd;
    if (hersteld.beschadigd) { melding.textContent = t.beschadigd; opslag.wis(key); }
    var vraag = el("section", { klasse: "wl-vraag", "aria-labelledby": pre + "titel" });
    var uitslag = el("section", { klasse: "wl-uitslag", "aria-labelledby": pre + "score" });
    houder.appendChild(melding);
    houder.appendChild(el("p", { klasse: "wl-inleiding", tekst: data.inleiding }));
    houder.appendChild(vraag);
    houder.appendChild(uitslag);
    houder.appendChild(el("p", { klasse: "wl-bewaard", tekst: t.bewaard }));

    function toonVraag(focus) {
      leeg(vraag);
      uitslag.hidden = true;
      vraag.hidden = false;
      var nr = stand.antwoorden.length;
      var item = data.items[nr];
      var titel = el("h3", { klasse: "wl-titel", tabindex: "-1", id: pre + "titel", tekst: item.titel });
      var cat = keuzeGroep(pre, "cat" + nr, t.vraag_categorie, data.keuzes);
      var km = keuzeGroep(pre, "km" + nr, t.vraag_kenmerk, data.kenmerk_keuzes);
      var fout = el("p", { klasse: "wl-kies-eerst", role: "alert" });
      var laatste = nr === data.items.length - 1;
      var verder = knop(laatste ? t.afronden : t.volgende, "wl-volgende");
      [el("p", { klasse: "wl-teller", tekst: vul(t.teller, { nr: nr + 1, totaal: data.items.length }) }), titel,
        el("p", { klasse: "wl-tekst", tekst: item.tekst }), cat.veld, km.veld, fout, verder]
        .forEach(function (e) { vraag.appendChild(e); });
      verder.addEventListener("click", function () {
        var c = cat.waarde();
        var k = km.waarde();
        if (!c || !k) { fout.textContent = t.kies_eerst; return; }
        stand = { antwoorden: stand.antwoorden.concat([[item.id, c, k]]), klaar: laatste };
        opslag.schrijf(key, bewaarbaar(stand));
        if (!laatste) { toonVraag(true); return; }
        var p = toetsPunten(sl, data.punten, stand.antwoorden);
        if (data.meld) meldToets(p.punten, data.max);
        toonUitslag(true);
      });
      if (focus) titel.focus();
    }

    function toonUitslag(focus) {
      leeg(uitslag);
      vraag.hidden = true;
      uitslag.hidden = false;
      var p = toetsPunten(sl, data.punten, stand.antwoorden);
      var kop = el("h3", { id: pre + "score", tabindex: "-1", klasse: "wl-score", tekst: vul(t.score, { punten: p.punten, max: data.max }) });
      uitslag.appendChild(kop);
      if (data.voor) {
        groeiZinnen(t, groei(data, opslag.lees(sleutel(data.voor.id)), p.punten)).forEach(function (z) {
          uitslag.appendChild(el("p", { klasse: "wl-groei", tekst: z }));
        });
      }
      uitslag.appendChild(el("h4", { tekst: t.overzicht }));
      var max = data.punten.categorie + data.punten.kenmerk;
      data.items.forEach(function (item, i) {
        var a = stand.antwoorden[i];
        var per = p.per[i];
        var tekstEl = el("p", { klasse: "wl-tekst" });
        var legenda = el("div", { klasse: "wl-legenda" });
        var inhoud = [
          el("h5", { klasse: "wl-label", tekst: t.bewijs }), tekstEl, legenda,
          el("p", { tekst: vul(t.jouw_antwoord, { antwoord: naamVan(data.keuzes, a[1]) + t.scheiding + naamVan(data.kenmerk_keuzes, a[2]) }) }),
          el("p", { tekst: vul(t.goede_antwoord, { antwoord: naamVan(data.keuzes, item.goed) + t.scheiding + naamVan(data.kenmerk_keuzes, item.beslissend) }) }),
          el("p", { klasse: "wl-oordeel", tekst: item.feedback[a[1]] }),
          el("p", { klasse: "wl-oordeel", tekst: item.kenmerk_feedback[a[2]] })
        ];
        if (!per.categorie && item.misvatting[a[1]]) inhoud.push(gelabeld(pre, t.misvatting, item.misvatting[a[1]], "wl-misvatting"));
        if ((!per.categorie || !per.kenmerk) && item.valkuil) inhoud.push(gelabeld(pre, t.valkuil, item.valkuil, "wl-valkuil"));
        inhoud.push(gelabeld(pre, t.uitleg, item.uitleg, "wl-uitleg"));
        var details = el("details", { klasse: ["wl-toets-item", per.punten === max ? "wl-goed" : "wl-fout"] }, [
          el("summary", { tekst: vul(t.item_punten, { nr: i + 1, titel: item.titel, punten: per.punten, max: max }) })
        ].concat(inhoud));
        toonBewijs(tekstEl, legenda, { kenmerken: data.kenmerk_keuzes, teksten: t }, item, alleBewijs(item, "kenmerk"));
        uitslag.appendChild(details);
      });
      uitslag.appendChild(metVraag(pre, t.opnieuw, t.opnieuw_vraag, t.opnieuw_ja, t.opnieuw_nee, function () {
        opslag.wis(key);
        stand = { antwoorden: [], klaar: false };
        melding.hidden = true;
        toonVraag(true);
      }));
      if (focus) kop.focus();
    }

    if (stand.klaar) toonUitslag(false);
    else toonVraag(false);
    houder.setAttribute("data-klaar", "true");
    return function () {};
  }

  /* The branching scenario: per decision point the situation and the options; after a choice
   * what follows (in the wijk, the council, with the partners) and why; at the end the ending
   * that the path earned, the score and a look back at every choice. */
  function startScenario(houder, data) {
    var t = data.teksten;
    var pre = "wl-" + data.id + "-" + Math.random().toString(36).slice(2, 8) + "-";
    var key = sleutel(data.id);
    var hersteld = scenarioHerstel(data, opslag.lees(key));
    var keuzes = hersteld.stand.keuzes;
    leegHouder(houder, "wl-scenario");
    var melding = el("p", { klasse: "wl-melding", role: "status" });
    melding.hidden = !hersteld.beschadigd;
    if (hersteld.beschadigd) { melding.textContent = t.beschadigd; opslag.wis(key); }
    var deel = el("section", { klasse: "wl-vraag", "aria-labelledby": pre + "titel" });
    houder.appendChild(melding);
    houder.appendChild(el("p", { klasse: "wl-rol", tekst: data.rol }));
    houder.appendChild(el("p", { klasse: "wl-inleiding", tekst: data.inleiding }));
    houder.appendChild(deel);
    houder.appendChild(el("p", { klasse: "wl-bewaard", tekst: t.bewaard }));

    function bewaar() { opslag.schrijf(key, bewaarbaar({ keuzes: keuzes })); }

    function toonPunt(focus) {
      leeg(deel);
      var pad = scenarioPad(data, keuzes);
      if (pad.punt === null) { toonEinde(pad, focus); return; }
      var punt = data.punten[pad.punt];
      var titel = el("h3", { klasse: "wl-titel", tabindex: "-1", id: pre + "titel", tekst: punt.titel });
      var groep = el("div", { klasse: ["wl-keuzes", "wl-opties"], role: "group", "aria-labelledby": pre + "vraag" });
      var gevolg = el("div", { klasse: "wl-feedback", role: "status", "aria-live": "polite" });
      [el("p", { klasse: "wl-teller", tekst: vul(t.teller, { nr: keuzes.length + 1, totaal: data.besluiten }) }), titel,
        el("p", { klasse: "wl-tekst", tekst: punt.situatie }),
        el("p", { klasse: "wl-label", id: pre + "vraag", tekst: punt.vraag }), groep, gevolg]
        .forEach(function (e) { deel.appendChild(e); });
      var knoppen = punt.opties.map(function (o) {
        var b = knop(o.tekst, "wl-optie");
        b.setAttribute("data-optie", o.id);
        b.addEventListener("click", function () {
          knoppen.forEach(function (x) { x.disabled = true; });
          b.classList.add("wl-gekozen");
          keuzes = keuzes.concat([o.id]);
          bewaar();
          toonGevolg(gevolg, o);
        });
        groep.appendChild(b);
        return b;
      });
      if (focus) titel.focus();
    }

    function toonGevolg(doel, o) {
      doel.className = ["wl-feedback", "wl-" + (o.kwaliteit === "goed" ? "goed" : o.kwaliteit === "zwak" ? "fout" : "bijna")].join(" ");
      doel.appendChild(gelabeld(pre, t.kwaliteit, t[o.kwaliteit], "wl-oordeel"));
      doel.appendChild(el("h4", { tekst: t.gevolgen }));
      var lijst = el("ul", { klasse: "wl-gevolgen" });
      ["wijk", "raad", "partners"].forEach(function (w) {
        lijst.appendChild(el("li", {}, [el("span", { klasse: "wl-label", tekst: t[w] + ": " }), el("span", { tekst: o.gevolg[w] })]));
      });
      doel.appendChild(lijst);
      doel.appendChild(gelabeld(pre, t.waarom, o.waarom, "wl-uitleg"));
      var verder = knop(o.naar === data.einde ? t.naar_einde : t.verder, "wl-volgende");
      verder.addEventListener("click", function () { toonPunt(true); });
      doel.appendChild(verder);
      verder.focus({ preventScroll: true });
    }

    function toonEinde(pad, focus) {
      var einde = data.einden[pad.uitkomst.einde];
      var titel = el("h3", { klasse: "wl-titel", tabindex: "-1", id: pre + "titel", tekst: einde.titel });
      deel.appendChild(titel);
      deel.appendChild(el("p", { klasse: "wl-tekst", tekst: einde.tekst }));
      deel.appendChild(el("p", { klasse: "wl-score", tekst: vul(t.score, { punten: pad.uitkomst.punten, max: pad.uitkomst.max }) }));
      deel.appendChild(el("h4", { tekst: t.terugblik }));
      var lijst = el("ol", { klasse: "wl-terugblik" });
      var punt = data.start;
      pad.opties.forEach(function (o) {
        lijst.appendChild(el("li", {}, [
          el("p", { klasse: "wl-label", tekst: data.punten[punt].titel }),
          gelabeld(pre, t.jouw_keuze, vul(t.keuze_met_kwaliteit, { keuze: o.tekst, kwaliteit: t[o.kwaliteit] }), ""),
          gelabeld(pre, t.waarom, o.waarom, "wl-uitleg")
        ]));
        punt = o.naar;
      });
      deel.appendChild(lijst);
      var opnieuw = knop(t.opnieuw, "wl-opnieuw");
      opnieuw.addEventListener("click", function () {
        keuzes = [];
        opslag.wis(key);
        melding.hidden = true;
        toonPunt(true);
      });
      deel.appendChild(opnieuw);
      if (focus) titel.focus();
    }

    toonPunt(false);
    houder.setAttribute("data-klaar", "true");
    return function () {};
  }

  /* The learner's own plan, only in this browser: localStorage, never the LMS store of the
   * SCORM wrapper (suspend_data goes to a server). */
  var lokaal = {
    lees: function (s) {
      var ruw;
      try { ruw = window.localStorage.getItem(s); } catch (e) { return null; }
      if (ruw === null) return null;
      try { return JSON.parse(ruw); } catch (e) { return { kapot: true }; }
    },
    schrijf: function (s, waarde) {
      try { window.localStorage.setItem(s, JSON.stringify(waarde)); } catch (e) { /* full or off */ }
    },
    wis: function (s) {
      try { window.localStorage.removeItem(s); } catch (e) { /* idem */ }
    }
  };

  // JSON that cannot close the <script> block it is put in: no "<", ">" or "&" left as such.
  function veiligeJson(x) {
    return JSON.stringify(x).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  }

  /* The worksheet's content for print and for the saved file, built in document `doc` (text
   * only, through textContent, so what the learner typed is shown, never run). */
  function werkbladInhoud(doc, data, w) {
    var t = data.teksten;
    function e(tag, tekst) { var x = doc.createElement(tag); if (tekst !== undefined) x.textContent = tekst; return x; }
    var deel = doc.createElement("div");
    deel.appendChild(e("h2", data.titel));
    deel.appendChild(e("h3", t.plan_kop));
    data.velden.forEach(function (v) { deel.appendChild(e("h4", v.label)); deel.appendChild(e("p", w.velden[v.id])); });
    deel.appendChild(e("h3", t.kenmerken_kop));
    var ul = e("ul");
    data.kenmerken.forEach(function (k) {
      var li = e("li");
      var s = w.kenmerken[k.code];
      li.appendChild(e("strong", k.naam + ": " + (s.aanwezig ? t.aanwezig : "-")));
      if (s.toelichting) li.appendChild(e("p", s.toelichting));
      ul.appendChild(li);
    });
    deel.appendChild(ul);
    deel.appendChild(e("h3", t.uitkomst_kop));
    werkbladZinnen(data, w).forEach(function (z) { deel.appendChild(e("p", z)); });
    deel.appendChild(e("h3", t.reflectie_kop));
    data.reflectie.forEach(function (r) { deel.appendChild(e("h4", r.vraag)); deel.appendChild(e("p", w.reflectie[r.id])); });
    return deel;
  }

  function werkbladZinnen(data, w) {
    var t = data.teksten;
    var u = werkbladUitkomst(data, w);
    var zinnen = [vul(t.uitkomst, { naam: u.einde.naam }), u.einde.zin];
    zinnen.push(u.beslissend ? vul(t.beslissend, { naam: naamVan(data.kenmerken, u.beslissend) }) : t.alle_negen);
    return zinnen;
  }

  var MAX_BESTAND = 2000000; // a saved worksheet is small

  /* "Mijn wijk, mijn plan": the learner describes a plan of their own municipality by the
   * kenmerken, sees the rule's outcome and the decisive kenmerk at once, answers three
   * questions, prints it or saves it as a file (made in the browser; nothing is sent). */
  function startWerkblad(houder, data) {
    var t = data.teksten;
    var pre = "wl-" + data.id + "-" + Math.random().toString(36).slice(2, 8) + "-";
    var key = sleutel(data.id);
    var hersteld = werkbladHerstel(data, lokaal.lees(key));
    var w = hersteld.werkblad;
    leegHouder(houder, "wl-werkblad");
    var melding = el("p", { klasse: "wl-melding", role: "status" });
    melding.hidden = !hersteld.beschadigd;
    if (hersteld.beschadigd) { melding.textContent = t.beschadigd; lokaal.wis(key); }
    var invoer = el("div", { klasse: "wl-werkblad-invoer" });
    var afdruk = el("div", { klasse: "wl-afdruk" });
    houder.appendChild(melding);
    houder.appendChild(invoer);
    houder.appendChild(afdruk);
    var velden = [];

    function bewaar() { lokaal.schrijf(key, { versie: VERSIE, werkblad: w }); }

    // A text field on the worksheet; lees() gives its value from w, zet(x) stores it there.
    function tekstveld(id, label, regels, hulp, lees, zet) {
      var veld = el(regels > 1 ? "textarea" : "input", {
        id: id, maxlength: String(data.max), rows: regels > 1 ? String(regels) : null,
        type: regels > 1 ? null : "text", "aria-describedby": hulp ? id + "-hulp" : null
      });
      veld.value = lees();
      veld.addEventListener("input", function () { zet(veld.value.slice(0, data.max)); bewaar(); toonUitkomst(); });
      velden.push(function () { veld.value = lees(); });
      return el("div", { klasse: "wl-veld" }, [
        el("label", { "for": id, klasse: "wl-label", tekst: label }),
        hulp ? el("p", { id: id + "-hulp", klasse: "wl-hulp", tekst: hulp }) : null,
        veld
      ]);
    }

    invoer.appendChild(el("p", { klasse: "wl-inleiding", tekst: data.inleiding }));
    invoer.appendChild(el("p", { klasse: "wl-bewaard", tekst: t.privacy }));
    invoer.appendChild(el("h3", { tekst: t.plan_kop }));
    data.velden.forEach(function (v) {
      invoer.appendChild(tekstveld(pre + "v-" + v.id, v.label, v.regels, v.hulp,
        function () { return w.velden[v.id]; }, function (x) { w.velden[v.id] = x; }));
    });
    invoer.appendChild(el("h3", { tekst: t.kenmerken_kop }));
    invoer.appendChild(el("p", { tekst: t.kenmerken_uitleg }));
    data.kenmerken.forEach(function (k) {
      var id = pre + "k-" + k.code;
      var vak = el("input", { type: "checkbox", id: id, value: k.code });
      vak.checked = w.kenmerken[k.code].aanwezig;
      vak.addEventListener("change", function () { w.kenmerken[k.code].aanwezig = vak.checked; bewaar(); toonUitkomst(); });
      velden.push(function () { vak.checked = w.kenmerken[k.code].aanwezig; });
      invoer.appendChild(el("fieldset", { klasse: "wl-kenmerk-vraag" }, [
        el("legend", { tekst: k.naam }),
        el("p", { tekst: k.vraag }),
        el("p", { klasse: "wl-drempel", tekst: k.hint }),
        el("div", { klasse: "wl-vinkjes-rij" }, [vak, el("label", { "for": id, tekst: t.aanwezig })]),
        tekstveld(id + "-toelichting", t.toelichting, 2, null,
          function () { return w.kenmerken[k.code].toelichting; }, function (x) { w.kenmerken[k.code].toelichting = x; })
      ]));
    });
    invoer.appendChild(el("h3", { tekst: t.uitkomst_kop }));
    var uitkomst = el("div", { klasse: ["wl-feedback", "wl-werkblad-uitkomst"], role: "status", "aria-live": "polite" });
    invoer.appendChild(uitkomst);
    invoer.appendChild(el("h3", { tekst: t.reflectie_kop }));
    data.reflectie.forEach(function (r) {
      invoer.appendChild(tekstveld(pre + "r-" + r.id, r.vraag, 4, null,
        function () { return w.reflectie[r.id]; }, function (x) { w.reflectie[r.id] = x; }));
    });

    function toonUitkomst() {
      leeg(uitkomst);
      werkbladZinnen(data, w).forEach(function (z, i) {
        uitkomst.appendChild(el("p", { klasse: i === 0 ? "wl-oordeel" : null, tekst: z }));
      });
    }

    var afdrukken = knop(t.afdrukken, "wl-afdrukken");
    var opslaan = knop(t.opslaan, "wl-opslaan");
    var openen = knop(t.openen, "wl-openen");
    var bestand = el("input", { type: "file", accept: ".html,text/html", klasse: "wl-bestand", tabindex: "-1", "aria-hidden": "true" });
    bestand.hidden = true;
    invoer.appendChild(el("div", { klasse: "wl-knoppen" }, [afdrukken, opslaan, openen, bestand]));
    invoer.appendChild(metVraag(pre, t.wissen, t.wissen_vraag, t.wissen_ja, t.wissen_nee, function () {
      w = leegWerkblad(data);
      lokaal.wis(key);
      velden.forEach(function (f) { f(); });
      melding.hidden = true;
      toonUitkomst();
    }));

    afdrukken.addEventListener("click", function () {
      leeg(afdruk);
      afdruk.appendChild(werkbladInhoud(document, data, w));
      window.print();
    });

    opslaan.addEventListener("click", function () {
      var doc = document.implementation.createHTMLDocument(data.titel);
      var meta = doc.createElement("meta");
      meta.setAttribute("charset", "utf-8");
      doc.head.insertBefore(meta, doc.head.firstChild);
      doc.documentElement.setAttribute("lang", "nl");
      doc.body.appendChild(werkbladInhoud(doc, data, w));
      var blok = doc.createElement("script");
      blok.setAttribute("type", "application/json");
      blok.setAttribute("id", "wl-werkblad-data");
      blok.textContent = veiligeJson({ versie: VERSIE, werkblad: w });
      doc.body.appendChild(blok);
      var tekst = new XMLSerializer().serializeToString(doc);
      var url = URL.createObjectURL(new Blob([tekst], { type: "text/html" }));
      var a = el("a", { href: url, download: t.bestandsnaam });
      a.hidden = true;
      document.body.appendChild(a);
      a.click();
      document.body.removeChild(a);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    });

    openen.addEventListener("click", function () { bestand.click(); });
    bestand.addEventListener("change", function () {
      var f = bestand.files && bestand.files[0];
      bestand.value = "";
      if (!f) return;
      function fout() { melding.textContent = t.openen_fout; melding.hidden = false; }
      if (f.size > MAX_BESTAND) { fout(); return; }
      var lezer = new FileReader();
      lezer.onload = function () {
        var blok = null;
        try {
          blok = new DOMParser().parseFromString(String(lezer.result), "text/html").getElementById("wl-werkblad-data");
        } catch (e) { blok = null; }
        var gelezen = null;
        try { gelezen = blok ? JSON.parse(blok.textContent) : null; } catch (e) { gelezen = null; }
        var h = werkbladHerstel(data, gelezen);
        if (!gelezen || h.beschadigd) { fout(); return; }
        w = h.werkblad;
        bewaar();
        velden.forEach(function (v) { v(); });
        toonUitkomst();
        melding.textContent = t.geopend;
        melding.hidden = false;
      };
      lezer.onerror = fout;
      lezer.readAsText(f);
    });

    toonUitkomst();
    houder.setAttribute("data-klaar", "true");
    return function () {};
  }

  /* The "Herhaling" line (start page, chapter 7): how many cases of all exercises are due for
   * review today, read from the same saved progress as the exercises. data: {soort:
   * "herhaling", oefeningen: [{id, titel, herhaal}], teksten}. Updates when another tab saves. */
  function startTeller(houder, data) {
    var t = data.teksten;
    var zin = el("p", { klasse: "wl-teller-zin", role: "status" });
    var lijst = el("ul", { klasse: "wl-teller-lijst" });
    Array.prototype.slice.call(houder.childNodes).forEach(function (k) {
      if (k.nodeName !== "SCRIPT") houder.removeChild(k);
    });
    houder.classList.add("wl-herhaling-teller");
    houder.appendChild(zin);
    houder.appendChild(lijst);
    houder.appendChild(el("p", { klasse: "wl-teller-uitleg", tekst: t.uitleg }));

    function tel() {
      var dag = dagVan(Date.now());
      var totaal = 0;
      leeg(lijst);
      data.oefeningen.forEach(function (o) {
        var n = telKlaar(opslag.lees(sleutel(o.id)), o.herhaal, dag);
        totaal += n;
        if (n) lijst.appendChild(el("li", { tekst: vul(t.per_oefening, { titel: o.titel, aantal: n }) }));
      });
      zin.textContent = totaal === 0 ? t.leeg : totaal === 1 ? t.klaar_een : vul(t.klaar, { aantal: totaal });
      lijst.hidden = !totaal;
      houder.setAttribute("data-aantal", String(totaal));
    }

    function elders(e) {
      var s = e.type === OPSLAG_EVENT ? e.detail : e.key;
      if (!s || String(s).indexOf(sleutel("")) === 0) tel();
    }
    tel();
    window.addEventListener("storage", elders);
    window.addEventListener(OPSLAG_EVENT, elders);
    houder.setAttribute("data-klaar", "true");
    return function () {
      window.removeEventListener("storage", elders);
      window.removeEventListener(OPSLAG_EVENT, elders);
    };
  }

  // anywidget's entry: the data is the widget's "data" trait, made by onderdelen.onderdeel in Python.
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
