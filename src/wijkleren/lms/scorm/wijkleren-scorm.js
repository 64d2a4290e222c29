/* Wijkleren in a learning platform (LMS): the wrapper page of the SCORM 1.2 package.
 *
 * scorm.html (made by src/wijkleren/lms/pakket.py) is the package's one SCO. It holds the LMS
 * connection and shows the book's pages in an iframe, so a page change never re-initialises
 * the SCO. What it does:
 * - finds the LMS's `API` the standard way (up the window.parent chain, then window.opener),
 *   calls LMSInitialize once and LMSFinish once (when the page goes away);
 * - with an LMS, offers the book's pages `window.wijklerenOpslag`, a store with the interface
 *   of localStorage (getItem, setItem, removeItem) backed by cmi.suspend_data, so a learner
 *   goes on at another computer. The exercise component (src/wijkleren/oefeningen/static/oefeningen.js)
 *   uses it when it runs inside this wrapper. Without an LMS there is no wijklerenOpslag, and
 *   the pages keep their progress in localStorage, exactly as the book without the wrapper
 *   (the wrapper then only remembers the last page there);
 * - keeps the last page in cmi.core.lesson_location and the pages seen in suspend_data;
 *   when every required page was opened, cmi.core.lesson_status becomes "completed";
 * - `wijklerenOpslag.meldToets(score, maximum)`: the post-test reports its result. The
 *   wrapper sets cmi.core.score.raw (0-100) and lesson_status "passed" or "failed" by the
 *   pass mark (the LMS's cmi.student_data.mastery_score, else the package's own). The best
 *   result counts: a lower one later changes nothing. Returns the status in the LMS, or ""
 *   when the numbers are not valid. The pages call it as WijklerenOefeningen.meldToets, which
 *   returns "" without an LMS.
 *
 * suspend_data holds at most 4096 characters (SCORM 1.2). The saved state is JSON packed with
 * lz-string (compressToBase64) behind the marker "W1:". When it does not fit, the oldest
 * finished rounds of the exercises are dropped first (the rounds that are kept are numbered
 * again from 1); then, if still needed, whole exercises, the largest first.
 * Everything read from the LMS is checked before use: a location must be one of the package's
 * pages, and saved state that is not ours is ignored.
 * This file holds no learner-facing text: the words come from the page's settings block.
 */
(function (wereld) {
  "use strict";

  var MERK = "W1:";
  var MAX_SUSPEND = 4096;
  var MAX_LOCATIE = 255;
  var VOORVOEGSEL = "wijkleren:";
  var SLEUTEL = /^[a-z][a-z0-9:_-]{0,79}$/; // the part after "wijkleren:"
  var LOKAAL_PAGINA = "wijkleren:scorm:pagina"; // the last page, without an LMS

  /* ---------- pure functions (no window, no LMS) ---------- */

  function gewoonObject(x) {
    return x !== null && typeof x === "object" && !Array.isArray(x);
  }

  function leegStaat() {
    return { v: 1, o: Object.create(null), p: [] };
  }

  // Saved state as the LMS returned it: a fresh state when it is empty or not ours.
  function pakUit(tekst, aantalPaginas, lz) {
    var staat = leegStaat();
    if (typeof tekst !== "string" || tekst.slice(0, MERK.length) !== MERK) return staat;
    var ruw;
    try {
      ruw = JSON.parse(lz.decompressFromBase64(tekst.slice(MERK.length)) || "null");
    } catch (e) {
      return staat;
    }
    if (!gewoonObject(ruw) || ruw.v !== 1) return staat;
    if (gewoonObject(ruw.o)) {
      Object.keys(ruw.o).forEach(function (k) {
        if (SLEUTEL.test(k)) staat.o[k] = ruw.o[k];
      });
    }
    if (Array.isArray(ruw.p)) {
      ruw.p.forEach(function (i) {
        if (typeof i === "number" && Math.floor(i) === i && i >= 0 && i < aantalPaginas && staat.p.indexOf(i) < 0) {
          staat.p.push(i);
        }
      });
      staat.p.sort(function (a, b) { return a - b; });
    }
    return staat;
  }

  function inpakken(staat, lz) {
    var o = {};
    Object.keys(staat.o).sort().forEach(function (k) { o[k] = staat.o[k]; });
    return MERK + lz.compressToBase64(JSON.stringify({ v: 1, o: o, p: staat.p }));
  }

  // An exercise's saved state in the format of oefeningen.js (versie 1) with finished rounds.
  function heeftRondes(w) {
    return gewoonObject(w) && w.versie === 1 && gewoonObject(w.stand) && Array.isArray(w.stand.rondes) &&
      w.stand.rondes.length > 0 && gewoonObject(w.stand.ronde);
  }

  // Drop the oldest finished round and number the rest again from 1.
  function zonderOudsteRonde(w) {
    var kopie = JSON.parse(JSON.stringify(w));
    kopie.stand.rondes.shift();
    kopie.stand.rondes.forEach(function (r, i) { if (gewoonObject(r)) r.nr = i + 1; });
    kopie.stand.ronde.nr = kopie.stand.rondes.length + 1;
    return kopie;
  }

  /* The state as suspend_data: {tekst, ingekort}. ingekort counts what was dropped to fit
   * (rounds and whole exercises). The state passed in is not changed. */
  function pakIn(staat, lz, max) {
    max = max || MAX_SUSPEND;
    var tekst = inpakken(staat, lz);
    if (tekst.length <= max) return { tekst: tekst, ingekort: 0 };
    var werk = { v: 1, o: Object.create(null), p: staat.p.slice() };
    Object.keys(staat.o).forEach(function (k) { werk.o[k] = staat.o[k]; });
    var ingekort = 0;
    // The exercise with the most finished rounds loses its oldest one, until it fits.
    for (;;) {
      var meeste = null;
      Object.keys(werk.o).forEach(function (k) {
        if (heeftRondes(werk.o[k]) && (meeste === null || werk.o[k].stand.rondes.length > werk.o[meeste].stand.rondes.length)) meeste = k;
      });
      if (meeste === null) break;
      // Big steps first: a tenth of the rounds at once, then one at a time near the limit.
      var stap = Math.max(1, Math.floor(werk.o[meeste].stand.rondes.length / 10));
      for (var s = 0; s < stap && heeftRondes(werk.o[meeste]); s++) {
        werk.o[meeste] = zonderOudsteRonde(werk.o[meeste]);
        ingekort += 1;
      }
      tekst = inpakken(werk, lz);
      if (tekst.length <= max) return { tekst: tekst, ingekort: ingekort };
    }
    // Still too big (a state of another format): drop whole entries, the largest first.
    var groottes = Object.keys(werk.o).map(function (k) { return [k, JSON.stringify(werk.o[k]).length]; });
    groottes.sort(function (a, b) { return b[1] - a[1]; });
    for (var i = 0; i < groottes.length && tekst.length > max; i++) {
      delete werk.o[groottes[i][0]];
      ingekort += 1;
      tekst = inpakken(werk, lz);
    }
    if (tekst.length > max) tekst = inpakken({ o: Object.create(null), p: [] }, lz);
    return { tekst: tekst, ingekort: ingekort };
  }

  // The score 0-100 and the status for a post-test result, or null when the numbers are not valid.
  function toetsUitslag(score, maximum, grens) {
    if (typeof score !== "number" || typeof maximum !== "number" || !isFinite(score) || !isFinite(maximum)) return null;
    if (maximum <= 0 || score < 0 || score > maximum) return null;
    var raw = Math.round((100 * score) / maximum);
    return { raw: raw, status: raw >= grens ? "passed" : "failed" };
  }

  // SCORM 1.2 CMITimespan: HH:MM:SS.
  function tijdsduur(ms) {
    var s = Math.max(0, Math.floor(ms / 1000));
    var uur = Math.min(9999, Math.floor(s / 3600));
    function twee(n) { return (n < 10 ? "0" : "") + n; }
    return twee(uur) + ":" + twee(Math.floor((s % 3600) / 60)) + ":" + twee(s % 60);
  }

  // The standard search for a SCORM 1.2 API: this window and its parents, then the opener's.
  function zoekApi(win) {
    function omhoog(w) {
      for (var n = 0; w && n <= 7; n++) {
        try {
          if (w.API && typeof w.API.LMSInitialize === "function") return w.API;
        } catch (e) { /* a frame of another origin: go on up */ }
        var ouder;
        try { ouder = w.parent; } catch (e) { return null; }
        if (!ouder || ouder === w) return null;
        w = ouder;
      }
      return null;
    }
    var api = omhoog(win);
    if (!api) {
      try { if (win.opener) api = omhoog(win.opener); } catch (e) { api = null; }
    }
    return api;
  }

  var logica = {
    pakUit: pakUit, pakIn: pakIn, toetsUitslag: toetsUitslag, tijdsduur: tijdsduur, zoekApi: zoekApi,
    leegStaat: leegStaat, MAX_SUSPEND: MAX_SUSPEND
  };

  if (typeof module === "object" && module.exports) {
    module.exports = { logica: logica };
    return;
  }

  /* ---------- the wrapper page ---------- */

  var inst = JSON.parse(document.getElementById("wl-scorm-instellingen").textContent);
  var t = inst.teksten;
  var lz = wereld.LZString;
  var frame = document.getElementById("wl-scorm-boek");
  var melding = document.getElementById("wl-scorm-melding");
  var api = zoekApi(window);
  var verbonden = false;
  var gestopt = false;
  var begin = Date.now();
  var staat = leegStaat();
  var basis = new URL(".", window.location.href).href;

  function lokaal() {
    try { return window.localStorage; } catch (e) { return null; }
  }

  function zet(element, waarde) {
    return api.LMSSetValue(element, String(waarde)) === "true";
  }

  function bewaar() {
    if (!verbonden) return;
    var uit = pakIn(staat, lz, MAX_SUSPEND);
    if (uit.ingekort && window.console) console.warn("wijkleren: suspend_data ingekort met " + uit.ingekort);
    zet("cmi.suspend_data", uit.tekst);
    api.LMSCommit("");
  }

  function status() {
    return verbonden ? String(api.LMSGetValue("cmi.core.lesson_status") || "") : "";
  }

  function misschienVoltooid() {
    if (!verbonden) return;
    var alles = inst.voltooiing.every(function (i) { return staat.p.indexOf(i) >= 0; });
    var nu = status();
    if (alles && (nu === "incomplete" || nu === "not attempted" || nu === "browsed" || nu === "")) {
      zet("cmi.core.lesson_status", "completed");
    }
  }

  /* The store the book's pages use (see oefeningen.js): values are JSON text, as in localStorage.
   * Only with an LMS: without one the pages use localStorage themselves, as in the plain book. */
  var opslag = {
    getItem: function (sleutel) {
      sleutel = String(sleutel);
      var k = sleutel.slice(VOORVOEGSEL.length);
      if (sleutel.slice(0, VOORVOEGSEL.length) !== VOORVOEGSEL || !SLEUTEL.test(k)) return null;
      return k in staat.o ? JSON.stringify(staat.o[k]) : null;
    },
    setItem: function (sleutel, waarde) {
      sleutel = String(sleutel);
      var k = sleutel.slice(VOORVOEGSEL.length);
      if (sleutel.slice(0, VOORVOEGSEL.length) !== VOORVOEGSEL || !SLEUTEL.test(k)) return;
      try { staat.o[k] = JSON.parse(String(waarde)); } catch (e) { return; } // not JSON: not ours
      bewaar();
    },
    removeItem: function (sleutel) {
      var k = String(sleutel).slice(VOORVOEGSEL.length);
      if (k in staat.o) {
        delete staat.o[k];
        bewaar();
      }
    },
    meldToets: function (score, maximum) {
      var grens = parseFloat(api.LMSGetValue("cmi.student_data.mastery_score"));
      if (!(grens >= 0 && grens <= 100)) grens = inst.grens;
      var uit = toetsUitslag(score, maximum, grens);
      if (!uit) return "";
      var oud = parseFloat(api.LMSGetValue("cmi.core.score.raw"));
      if (oud >= uit.raw) return status(); // the best result counts
      zet("cmi.core.score.min", 0);
      zet("cmi.core.score.max", 100);
      zet("cmi.core.score.raw", uit.raw);
      zet("cmi.core.lesson_status", uit.status);
      api.LMSCommit("");
      return uit.status;
    }
  };

  // Which of the package's pages the frame shows: its index in inst.paginas, or -1.
  function huidigePagina() {
    var href;
    try { href = frame.contentWindow.location.href; } catch (e) { return -1; } // left the package
    if (href.slice(0, basis.length) !== basis) return -1;
    var pad = href.slice(basis.length).split("#")[0].split("?")[0];
    return inst.paginas.indexOf(decodeURIComponent(pad));
  }

  // Links to another site open in a new tab, so the course stays in the LMS's frame.
  function buitenNaarTab() {
    var doc;
    try { doc = frame.contentDocument; } catch (e) { return; }
    if (!doc) return;
    Array.prototype.forEach.call(doc.querySelectorAll("a[href]"), function (a) {
      if (a.protocol !== "http:" && a.protocol !== "https:") return;
      if (a.href.slice(0, basis.length) === basis) return;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    });
  }

  frame.addEventListener("load", function () {
    buitenNaarTab();
    var i = huidigePagina();
    if (i < 0) return;
    var pagina = inst.paginas[i];
    if (!verbonden) {
      var l = lokaal();
      try { if (l) l.setItem(LOKAAL_PAGINA, pagina); } catch (e) { /* full or off */ }
      return;
    }
    if (pagina.length <= MAX_LOCATIE) zet("cmi.core.lesson_location", pagina);
    if (staat.p.indexOf(i) < 0) {
      staat.p.push(i);
      staat.p.sort(function (a, b) { return a - b; });
      misschienVoltooid();
      bewaar();
    } else {
      api.LMSCommit("");
    }
  });

  function stop() {
    if (!verbonden || gestopt) return;
    gestopt = true;
    zet("cmi.core.session_time", tijdsduur(Date.now() - begin));
    zet("cmi.core.exit", "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", stop);
  window.addEventListener("beforeunload", stop);

  var start = inst.start;
  if (api && api.LMSInitialize("") === "true") {
    verbonden = true;
    wereld.wijklerenOpslag = opslag;
    staat = pakUit(String(api.LMSGetValue("cmi.suspend_data") || ""), inst.paginas.length, lz);
    var nu = status();
    if (nu === "not attempted" || nu === "") zet("cmi.core.lesson_status", "incomplete");
    var plek = String(api.LMSGetValue("cmi.core.lesson_location") || "");
    if (inst.paginas.indexOf(plek) >= 0) start = plek;
    melding.textContent = t.met_lms;
  } else {
    var l = lokaal();
    var vorige = null;
    try { vorige = l ? l.getItem(LOKAAL_PAGINA) : null; } catch (e) { vorige = null; }
    if (inst.paginas.indexOf(vorige) >= 0) start = vorige;
    melding.textContent = t.zonder_lms;
  }
  frame.src = start;
  document.documentElement.setAttribute("data-wl-scorm", verbonden ? "lms" : "browser");
})(typeof globalThis !== "undefined" ? globalThis : this);
