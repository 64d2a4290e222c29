// The exercise component's logic under node's test runner: the one implementation, tested once.
// tests/test_oefeningen.py runs this file with WIJKLEREN_PROEF pointing at a JSON file that
// holds the module as anywidget gets it, the exercises' data and what the rule expects.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const proef = JSON.parse(readFileSync(process.env.WIJKLEREN_PROEF, "utf8"));
const module_ = await import(pathToFileURL(proef.module).href);
const L = globalThis.WijklerenOefeningen.logica;

const tekst = (o) => o.blokken.map((b) => (b.regels ? b.regels.map((r) => r.tekst) : [b.tekst])).flat();
const soorten = (o) => o.blokken.map((b) => b.soort);
const DAG = 20000; // a day number, as dagVan gives

test("the module is anywidget's: a default export with render", () => {
  assert.equal(typeof module_.default.render, "function");
});

test("the rule's path ends where beslisregel says, for every set of kenmerken", () => {
  const data = proef.echt.beslisregel;
  for (const [ja, categorie, zin] of proef.paden) {
    const einde = L.pad(data, ja);
    assert.deepEqual([einde.categorie, einde.zin], [categorie, zin], ja.join(","));
  }
});

test("choosing: the chosen answer's sentence, then the explanation; after a wrong one the misconception and the pitfall", () => {
  const data = structuredClone(proef.klein.kiezen);
  const item = data.items[0];
  assert.ok(item.valkuil && item.bewijs.length);
  const fout = data.keuzes.find((k) => k.code !== item.goed).code;
  const ander = data.keuzes.find((k) => k.code !== item.goed && k.code !== fout).code;
  item.misvatting = { [fout]: "Zin over de keuze " + fout, [ander]: "Zin over de keuze " + ander };
  const goed = L.beoordeel(data, item, item.goed);
  assert.equal(goed.goed, true);
  assert.equal(goed.niveau, "goed");
  assert.deepEqual(goed.gemist, []);
  assert.deepEqual(tekst(goed), [item.feedback[item.goed], item.uitleg]);
  assert.deepEqual(soorten(goed), ["oordeel", "uitleg"]); // no pitfall after a right answer
  const o = L.beoordeel(data, item, fout);
  assert.equal(o.goed, false);
  assert.equal(o.niveau, "fout");
  assert.deepEqual(o.gemist, item.gemist);
  assert.deepEqual(tekst(o), [item.feedback[fout], item.misvatting[fout], item.valkuil, item.uitleg]);
  assert.deepEqual(soorten(o), ["oordeel", "misvatting", "valkuil", "uitleg"]);
  // Per wrong choice its own sentence.
  assert.equal(tekst(L.beoordeel(data, item, ander))[1], item.misvatting[ander]);
  // Every kenmerk with evidence is marked, as "kenmerk": the learner did not tick any here.
  assert.deepEqual(Object.keys(o.markering).sort(), [...new Set(item.bewijs.map((b) => b[2]))].sort());
  assert.ok(Object.values(o.markering).every((s) => s === "kenmerk"));
  // Without a pitfall or a misconception sentence: only what there is.
  const kaal = { ...item, valkuil: null, misvatting: {} };
  assert.deepEqual(soorten(L.beoordeel(data, kaal, fout)), ["oordeel", "uitleg"]);
});

test("the marks keep the text whole, merge overlapping evidence and say missed before seen", () => {
  const tekst = "Bewoners beslissen mee over het budget van de wijk.";
  const bewijs = [[0, 18, "ruimte_voor_bewoners"], [9, 32, "financiele_afspraken"], [40, 50, "gebiedsgebonden"]];
  const delen = L.markeer(tekst, bewijs, { ruimte_voor_bewoners: "gezien", financiele_afspraken: "gemist", gebiedsgebonden: "gezien" });
  assert.equal(delen.map((d) => d.tekst).join(""), tekst);
  assert.deepEqual(delen.map((d) => d.status), ["gemist", undefined, "gezien", undefined]);
  assert.equal(delen[0].tekst, tekst.slice(0, 32));
  assert.deepEqual(delen[0].kenmerken.map((k) => [k.code, k.status]), [["ruimte_voor_bewoners", "gezien"], ["financiele_afspraken", "gemist"]]);
  // Only kenmerken with a status are marked; no evidence: the text as it is.
  assert.deepEqual(L.markeer(tekst, bewijs, {}), [{ tekst }]);
  assert.deepEqual(L.markeer(tekst, [], { gebiedsgebonden: "gezien" }), [{ tekst }]);
  // The real bank: every mark is exactly a piece of the text.
  for (const naam of ["kenmerken", "beslisregel", "indelen-drie"]) {
    for (const item of proef.echt[naam].items) {
      const status = Object.fromEntries(item.bewijs.map((b) => [b[2], "gezien"]));
      const d = L.markeer(item.tekst, item.bewijs, status);
      assert.equal(d.map((x) => x.tekst).join(""), item.tekst, item.id);
      assert.equal(d.some((x) => x.kenmerken), item.bewijs.length > 0, item.id);
    }
  }
});

test("ticking kenmerken: a score, lines only for what went wrong, then where the ticks point", () => {
  const data = proef.klein.kenmerken;
  const item = data.items[0];
  const t = data.teksten;
  const codes = data.kenmerken.map((k) => k.code);
  const kenmerk = (code) => data.kenmerken.find((k) => k.code === code);
  const gemist = item.aanwezig[0];
  const teVeel = codes.find((c) => !item.aanwezig.includes(c));
  const gevinkt = [...item.aanwezig.slice(1), teVeel];
  const o = L.beoordeel(data, item, gevinkt);
  assert.equal(o.niveau, "fout");
  assert.equal(o.goed, false);
  assert.deepEqual(soorten(o), ["oordeel", "per_kenmerk", "oordeel", "oordeel", "valkuil", "uitleg"]);
  assert.equal(o.blokken[0].tekst, L.vul(t.kenmerken_fout, { goed: codes.length - 2, totaal: codes.length }));
  assert.match(o.blokken[0].tekst, new RegExp(`${codes.length - 2} van ${codes.length}`));
  assert.deepEqual(o.blokken[1].regels, [
    { tekst: kenmerk(gemist).zinnen.gemist, misvatting: kenmerk(gemist).misvatting.gemist },
    { tekst: kenmerk(teVeel).zinnen.onterecht, misvatting: kenmerk(teVeel).misvatting.onterecht }
  ]);
  assert.deepEqual(o.gemist.sort(), [gemist, teVeel].sort());
  assert.equal(o.blokken[2].tekst, L.vul(t.kenmerken_uitkomst, { naam: L.pad(data, gevinkt).naam }));
  assert.equal(o.blokken[3].tekst, L.pad(data, item.aanwezig).zin);
  assert.equal(o.blokken[4].tekst, item.valkuil);
  assert.equal(o.blokken[5].tekst, item.uitleg);
  // The marks: what was ticked is "gezien", what was missed "gemist"; a wrong tick has no evidence.
  for (const [, , code] of item.bewijs) assert.equal(o.markering[code], code === gemist ? "gemist" : "gezien");
  assert.ok(!(teVeel in o.markering));
  // One wrong of nine is "bijna goed" and counts as right; all nine right says so, without lines.
  const bijna = L.beoordeel(data, item, item.aanwezig.slice(1));
  assert.equal(bijna.niveau, "bijna");
  assert.equal(bijna.goed, true);
  assert.equal(bijna.blokken[0].tekst, L.vul(t.kenmerken_bijna, { goed: codes.length - 1, totaal: codes.length }));
  assert.deepEqual(bijna.gemist, [gemist]);
  assert.ok(soorten(bijna).includes("valkuil"));
  const alles = L.beoordeel(data, item, item.aanwezig);
  assert.equal(alles.niveau, "goed");
  assert.deepEqual(soorten(alles), ["oordeel", "oordeel", "oordeel", "uitleg"]);
  assert.equal(alles.blokken[0].tekst, L.vul(t.kenmerken_alles, { totaal: codes.length }));
});

test("walking the rule follows the casus and stops at its first missing kenmerk", () => {
  const data = proef.klein.beslisregel;
  const item = data.items[0];
  const eerste = data.regel.findIndex((s) => !item.aanwezig.includes(s.kenmerk));
  assert.ok(eerste > 0);
  for (let nr = 0; nr < eerste; nr++) {
    const s = L.stap(data, item, nr, true);
    assert.equal(s.goed, true);
    assert.equal(s.einde, null);
  }
  const slip = L.stap(data, item, 0, false);
  assert.equal(slip.goed, false);
  assert.equal(slip.einde, null); // the path goes on: the casus decides where it ends
  const laatste = L.stap(data, item, eerste, true);
  assert.equal(laatste.goed, false);
  assert.deepEqual(laatste.einde, data.regel[eerste].nee);
  const t = data.teksten;
  const k = (nr) => data.kenmerken.find((x) => x.code === data.regel[nr].kenmerk);
  // A wrong first step, then right up to the end: the verdict names step 1 and never says "Goed".
  const pad = [slip, ...Array.from({ length: eerste - 1 }, (_, i) => L.stap(data, item, i + 1, true)), L.stap(data, item, eerste, false)];
  const o = L.stappenOordeel(data, item, pad);
  assert.equal(o.goed, false);
  assert.deepEqual(o.gemist, [slip.kenmerk]);
  assert.deepEqual(tekst(o), [
    L.vul(t.stappen_fout, { nr: 1, naam: k(0).naam, zin: k(0).zinnen.kern_ja }),
    L.vul(t.pad_einde, { naam: laatste.einde.naam }),
    laatste.einde.zin,
    k(0).misvatting.gemist, // said "nee" where the kenmerk is there: what a miss usually means
    item.valkuil,
    item.uitleg
  ]);
  assert.deepEqual(soorten(o).slice(-3), ["misvatting", "valkuil", "uitleg"]);
  assert.ok(!tekst(o)[0].startsWith("Goed"));
  assert.equal(o.markering[slip.kenmerk], "gemist");
  // Two wrong steps: both named, in order; all right: "Goed" first.
  const twee = L.stappenOordeel(data, item, [slip, ...pad.slice(1, -1), laatste]);
  assert.deepEqual(tekst(twee).slice(0, 2), [
    L.vul(t.stappen_fout, { nr: 1, naam: k(0).naam, zin: k(0).zinnen.kern_ja }),
    L.vul(t.stappen_fout, { nr: eerste + 1, naam: k(eerste).naam, zin: k(eerste).zinnen.kern_nee })
  ]);
  const goed = L.stappenOordeel(data, item, [L.stap(data, item, 0, true), ...pad.slice(1)]);
  assert.equal(goed.goed, true);
  assert.equal(tekst(goed)[0], t.stappen_goed);
  assert.ok(!soorten(goed).includes("valkuil"));
  const alles = proef.klein.alle_ja;
  const eind = L.stap(alles, alles.items[0], alles.regel.length - 1, true);
  assert.deepEqual(eind.einde, alles.alle_ja);
});

test("a round scores and names the most missed kenmerken", () => {
  const data = proef.echt["indelen-drie"];
  const [a, b] = data.kenmerken.map((k) => k.code);
  let stand = L.nieuweStand(data);
  assert.equal(L.voortgang(data, stand, DAG).ronde, L.vul(data.teksten.ronde_leeg, { ronde: 1 }));
  for (const [goed, gemist] of [[true, []], [false, [b]], [false, [a]], [false, [b]], [true, []]]) {
    stand = L.verwerk(data, stand, L.huidig(stand), goed, gemist, DAG);
  }
  const naam = (c) => data.kenmerken.find((k) => k.code === c).naam;
  const t = data.teksten;
  const lijst = [L.vul(t.gemist_aantal, { naam: naam(b), aantal: 2 }), L.vul(t.gemist_aantal, { naam: naam(a), aantal: 1 })];
  const v = L.voortgang(data, stand, DAG);
  assert.deepEqual(v.rondes, [
    L.vul(t.ronde_klaar, { ronde: 1, goed: 2, totaal: data.ronde }) + " " + L.vul(t.vaak_gemist, { lijst: lijst.join(t.scheiding) })
  ]);
  assert.equal(v.ronde, L.vul(t.ronde_leeg, { ronde: 2 }));
  assert.equal(L.teller(data, stand), L.vul(t.teller, { ronde: 2, nr: 1, totaal: data.ronde }));
  stand = L.verwerk(data, stand, L.huidig(stand), true, [], DAG);
  assert.equal(L.voortgang(data, stand, DAG).ronde, L.vul(t.ronde_bezig, { ronde: 2, goed: 1, totaal: 1 }) + " " + t.niets_gemist);
});

test("a missed item comes back after terug[0] others, and once more after terug[1]", () => {
  const data = proef.echt["indelen-twee"];
  const [na, later] = data.terug;
  let stand = L.nieuweStand(data);
  const eerste = L.huidig(stand);
  stand = L.verwerk(data, stand, eerste, false, [], DAG);
  assert.equal(stand.rij.indexOf(eerste), na);
  assert.deepEqual(L.voortgang(data, stand, DAG).nog_eens, [data.items[0].titel]);
  for (let i = 0; i < na; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, [], DAG);
  assert.equal(L.huidig(stand), eerste);
  stand = L.verwerk(data, stand, eerste, true, [], DAG);
  assert.equal(stand.rij.indexOf(eerste), later);
  assert.deepEqual(stand.nog_eens, [[eerste, 1]]);
  for (let i = 0; i < later; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, [], DAG);
  stand = L.verwerk(data, stand, eerste, true, [], DAG);
  assert.ok(!stand.rij.includes(eerste));
  assert.deepEqual(stand.nog_eens, []);
  // Missed again: the repetition starts over.
  stand = L.verwerk(data, L.nieuweStand(data), eerste, false, [], DAG);
  stand.rij.splice(stand.rij.indexOf(eerste), 1);
  stand.rij.unshift(eerste);
  stand = L.verwerk(data, stand, eerste, true, [], DAG);
  stand = L.verwerk(data, stand, eerste, false, [], DAG);
  assert.deepEqual(stand.nog_eens, [[eerste, 0]]);
});

test("the old stand is left alone, and everything can be done", () => {
  const data = proef.klein.twee;
  let stand = L.nieuweStand(data);
  const kopie = JSON.stringify(stand);
  L.verwerk(data, stand, data.items[0].id, false, [], DAG);
  assert.equal(JSON.stringify(stand), kopie);
  for (let i = 0; i < 40 && L.huidig(stand) !== null; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, [], DAG);
  assert.equal(L.huidig(stand), null);
  assert.equal(L.voortgang(data, stand, DAG).klaar, true);
});

test("saved progress round-trips, and a changed bank's items are dropped quietly", () => {
  const data = proef.echt["indelen-drie"];
  let stand = L.nieuweStand(data);
  for (let i = 0; i < 7; i++) {
    const code = data.kenmerken[i % 3].code;
    stand = L.verwerk(data, stand, L.huidig(stand), i % 2 === 0, i % 2 ? [code] : [], DAG);
  }
  const bewaard = JSON.parse(JSON.stringify(L.bewaarbaar(stand)));
  assert.deepEqual(L.herstel(data, bewaard), { stand: stand, beschadigd: false });
  assert.deepEqual(L.herstel(data, null), { stand: L.nieuweStand(data), beschadigd: false });
  const ouder = JSON.parse(JSON.stringify(bewaard));
  ouder.stand.rij.push("WEG");
  ouder.stand.nog_eens.push(["WEG", 0]);
  assert.deepEqual(L.herstel(data, ouder), { stand: stand, beschadigd: false });
  assert.equal(L.sleutel(data.id), "wijkleren:oefening:" + data.id);
  // Saved by a newer script: not corrupt, left alone (the page does not overwrite it).
  const nieuwer = L.herstel(data, { versie: 2, stand: { iets: "anders" } });
  assert.deepEqual(nieuwer, { stand: L.nieuweStand(data), beschadigd: false, nieuwer: true });
});

test("corrupt saved progress in any field gives a fresh start and says so", () => {
  const data = proef.echt["indelen-drie"];
  let stand = L.nieuweStand(data);
  for (let i = 0; i < 6; i++) stand = L.verwerk(data, stand, L.huidig(stand), false, [data.kenmerken[0].code], DAG);
  const goed = L.bewaarbaar(stand);
  assert.equal(L.herstel(data, goed).beschadigd, false);
  const id = data.items[0].id;
  const kapot = [
    ["not an object", () => "tekst"],
    ["a list", () => []],
    ["JSON that was not JSON", () => ({ kapot: true })],
    ["an older or odd version", (b) => { b.versie = 0; }],
    ["a version as text", (b) => { b.versie = "2"; }],
    ["no stand", (b) => { delete b.stand; }],
    ["rij not a list", (b) => { b.stand.rij = "abc"; }],
    ["rij with a number", (b) => { b.stand.rij.push(3); }],
    ["rij twice the same", (b) => { b.stand.rij.push(b.stand.rij[0]); }],
    ["rij far too long", (b) => { b.stand.rij = Array.from({ length: 100000 }, (_, i) => "x" + i); }],
    ["nog_eens not a list", (b) => { b.stand.nog_eens = {}; }],
    ["nog_eens entry not a pair", (b) => { b.stand.nog_eens = [[id]]; }],
    ["nog_eens step a string", (b) => { b.stand.nog_eens = [[id, "1"]]; }],
    ["nog_eens step past terug", (b) => { b.stand.nog_eens = [[id, data.terug.length]]; }],
    ["nog_eens step negative", (b) => { b.stand.nog_eens = [[id, -1]]; }],
    ["nog_eens twice", (b) => { b.stand.nog_eens = [[id, 0], [id, 1]]; }],
    ["ronde missing", (b) => { delete b.stand.ronde; }],
    ["ronde.nr a string", (b) => { b.stand.ronde.nr = "2"; }],
    ["ronde.nr zero", (b) => { b.stand.ronde.nr = 0; b.stand.rondes = []; }],
    ["ronde.nr not after rondes", (b) => { b.stand.ronde.nr = 7; }],
    ["ronde.goed a fraction", (b) => { b.stand.ronde.goed = 0.5; }],
    ["ronde.goed above totaal", (b) => { b.stand.ronde.goed = b.stand.ronde.totaal + 1; }],
    ["ronde.totaal a whole round", (b) => { b.stand.ronde.totaal = data.ronde; }],
    ["ronde.totaal NaN", (b) => { b.stand.ronde.totaal = NaN; }],
    ["ronde.totaal true", (b) => { b.stand.ronde.totaal = true; }],
    ["ronde.gemist null", (b) => { b.stand.ronde.gemist = null; }],
    ["ronde.gemist a list", (b) => { b.stand.ronde.gemist = []; }],
    ["ronde.gemist unknown kenmerk", (b) => { b.stand.ronde.gemist = { onzin: 1 }; }],
    ["ronde.gemist count a string", (b) => { b.stand.ronde.gemist = { [data.kenmerken[0].code]: "1" }; }],
    ["ronde.gemist __proto__", (b) => { b.stand.ronde.gemist = JSON.parse('{"__proto__": 1}'); }],
    ["rondes not a list", (b) => { b.stand.rondes = "x"; }],
    ["rondes entry broken", (b) => { b.stand.rondes[0].goed = -1; }],
    ["rondes entry empty", (b) => { b.stand.rondes[0].totaal = 0; b.stand.rondes[0].goed = 0; b.stand.rondes[0].gemist = {}; }],
    ["rondes numbered wrong", (b) => { b.stand.rondes[0].nr = 5; }],
    ["rondes gemist above totaal", (b) => { b.stand.rondes[0].gemist = { [data.kenmerken[0].code]: 99 }; }]
  ];
  for (const [wat, maak] of kapot) {
    const b = JSON.parse(JSON.stringify(goed));
    const anders = maak(b);
    const uit = L.herstel(data, anders === undefined ? b : anders);
    assert.deepEqual(uit, { stand: L.nieuweStand(data), beschadigd: true }, wat);
  }
});

test("a missed case comes back one day later and about a week later, across sittings", () => {
  const data = proef.echt["indelen-drie"];
  const [eerst, dan] = data.herhaal;
  let stand = L.nieuweStand(data);
  const id = L.huidig(stand);
  stand = L.verwerk(data, stand, id, false, [], DAG);
  assert.deepEqual(stand.herhaling, [[id, 0, DAG + eerst]]);
  assert.deepEqual(L.herhalingKlaar(data, stand, DAG), []); // not the same day
  assert.equal(L.voortgang(data, stand, DAG).herhaling, L.vul(data.teksten.herhaling_morgen, { aantal: 1 }));
  // The next day (or the one after): the review round puts it first, before the queue.
  for (const dag of [DAG + eerst, DAG + eerst + 1]) {
    const s = L.startHerhaling(data, stand, dag);
    assert.deepEqual(s.herhaalronde, [id]);
    assert.equal(L.huidig(s), id);
    assert.equal(L.inHerhaling(s), true);
    assert.equal(L.voortgang(data, s, dag).herhaling, L.vul(data.teksten.herhaling_vandaag, { aantal: 1 }));
  }
  const dag1 = DAG + eerst;
  let s = L.startHerhaling(data, stand, dag1);
  assert.deepEqual(L.startHerhaling(data, s, dag1), s); // starting twice adds nothing
  s = L.verwerk(data, s, id, true, [], dag1);
  assert.deepEqual(s.herhaalronde, []);
  assert.deepEqual(s.herhaling, [[id, 1, dag1 + dan]]);
  assert.equal(L.voortgang(data, s, dag1).herhaling, L.vul(data.teksten.herhaling_later, { aantal: 1, dagen: dan }));
  assert.deepEqual(L.herhalingKlaar(data, s, dag1 + dan - 1), []);
  // About a week after the miss: once more; right again, and it is done.
  const dag2 = dag1 + dan;
  assert.equal(dag2 - DAG, eerst + dan);
  s = L.startHerhaling(data, s, dag2);
  assert.equal(L.huidig(s), id);
  const klaar = L.verwerk(data, s, id, true, [], dag2);
  assert.deepEqual(klaar.herhaling, []);
  assert.equal(L.voortgang(data, klaar, dag2).herhaling, "");
  // Wrong at the review: it starts over at the first gap.
  const weer = L.verwerk(data, s, id, false, [], dag2);
  assert.deepEqual(weer.herhaling, [[id, 0, dag2 + eerst]]);
  // A right answer outside a review round does not count as a review.
  const binnen = L.verwerk(data, stand, id, true, [], DAG);
  assert.deepEqual(binnen.herhaling, stand.herhaling);
});

test("review dates are checked: garbage is corrupt, a date far ahead is due now, old states have none", () => {
  const data = proef.echt["indelen-drie"];
  let stand = L.nieuweStand(data);
  const id = L.huidig(stand);
  stand = L.verwerk(data, stand, id, false, [], DAG);
  stand = L.startHerhaling(data, stand, DAG + 1);
  const bewaard = JSON.parse(JSON.stringify(L.bewaarbaar(stand)));
  assert.deepEqual(L.herstel(data, bewaard), { stand, beschadigd: false });
  // Saved before review existed (the same versie 1): no review, not corrupt.
  const oud = JSON.parse(JSON.stringify(bewaard));
  delete oud.stand.herhaling;
  delete oud.stand.herhaalronde;
  const uit = L.herstel(data, oud);
  assert.equal(uit.beschadigd, false);
  assert.deepEqual([uit.stand.herhaling, uit.stand.herhaalronde], [[], []]);
  // A case the bank no longer has: dropped quietly.
  const weg = JSON.parse(JSON.stringify(bewaard));
  weg.stand.herhaling.push(["WEG", 0, DAG]);
  weg.stand.herhaalronde.push("WEG");
  assert.deepEqual(L.herstel(data, weg), { stand, beschadigd: false });
  // A date far in the future (a clock set wrong): due now, not hidden for years.
  const ver = L.herstel(data, { versie: 1, stand: { ...stand, herhaling: [[id, 0, DAG + 5000]], herhaalronde: [] } }).stand;
  assert.deepEqual(L.herhalingKlaar(data, ver, DAG), [id]);
  const kapot = [
    ["herhaling not a list", (b) => { b.stand.herhaling = {}; }],
    ["entry not a triple", (b) => { b.stand.herhaling = [[id, 0]]; }],
    ["date as text", (b) => { b.stand.herhaling = [[id, 0, "2026-01-01"]]; }],
    ["date a fraction", (b) => { b.stand.herhaling = [[id, 0, DAG + 0.5]]; }],
    ["date negative", (b) => { b.stand.herhaling = [[id, 0, -1]]; }],
    ["date absurd", (b) => { b.stand.herhaling = [[id, 0, 1e12]]; }],
    ["date NaN", (b) => { b.stand.herhaling = [[id, 0, NaN]]; }],
    ["step past the gaps", (b) => { b.stand.herhaling = [[id, data.herhaal.length, DAG]]; }],
    ["the same case twice", (b) => { b.stand.herhaling = [[id, 0, DAG], [id, 1, DAG]]; }],
    ["far too many", (b) => { b.stand.herhaling = Array.from({ length: 5000 }, (_, i) => ["x" + i, 0, DAG]); }],
    ["herhaalronde not a list", (b) => { b.stand.herhaalronde = "x"; }],
    ["herhaalronde with a number", (b) => { b.stand.herhaalronde = [5]; }],
    ["herhaalronde twice the same", (b) => { b.stand.herhaalronde = [id, id]; }]
  ];
  for (const [wat, maak] of kapot) {
    const b = JSON.parse(JSON.stringify(bewaard));
    maak(b);
    assert.deepEqual(L.herstel(data, b), { stand: L.nieuweStand(data), beschadigd: true }, wat);
  }
});

test("the Herhaling line counts due cases from what is stored, and anything else as nothing", () => {
  const data = proef.echt["kenmerken"];
  let stand = L.nieuweStand(data);
  for (let i = 0; i < 3; i++) stand = L.verwerk(data, stand, L.huidig(stand), false, [], DAG - 3 + i);
  const bewaard = JSON.parse(JSON.stringify(L.bewaarbaar(stand)));
  assert.equal(L.telKlaar(bewaard, data.herhaal, DAG), 3);
  assert.equal(L.telKlaar(bewaard, data.herhaal, DAG - 2), 1);
  assert.equal(L.telKlaar(bewaard, data.herhaal, DAG - 3), 0);
  for (const rommel of [null, "x", [], { versie: 1 }, { versie: 1, stand: { herhaling: "x" } }, { kapot: true }]) {
    assert.equal(L.telKlaar(rommel, data.herhaal, DAG), 0);
  }
  const half = { versie: 1, stand: { herhaling: [["a", 0, DAG], ["a", 0, DAG], ["b", 0, "x"], ["c", 9, DAG], ["d", 0, DAG + 1e5]] } };
  assert.equal(L.telKlaar(half, data.herhaal, DAG), 2); // a once, d (far ahead: due now)
  assert.equal(typeof L.dagVan(Date.now()), "number");
  assert.equal(L.dagVan(Date.UTC(2026, 0, 2, 12)) - L.dagVan(Date.UTC(2026, 0, 1, 12)), 1);
});

test("mastery: two rounds in a row with at least four of five right", () => {
  const data = proef.echt["indelen-twee"];
  const { rondes, goed } = data.meester;
  assert.deepEqual([rondes, goed, data.ronde], [2, 4, 5]);
  const speel = (uitslagen) => {
    let stand = L.nieuweStand(data);
    for (const g of uitslagen) stand = L.verwerk(data, stand, L.huidig(stand), g, [], DAG);
    return stand;
  };
  const ronde = (n) => Array.from({ length: data.ronde }, (_, i) => i < n);
  const t = data.teksten;
  const doel = L.vul(t.beheerst_doel, { goed, ronde: data.ronde });
  assert.equal(L.voortgang(data, speel([]), DAG).meester, doel);
  assert.equal(L.beheerst(data, speel([...ronde(5)])), false); // one round is not enough
  assert.equal(L.beheerst(data, speel([...ronde(3), ...ronde(5)])), false);
  const ja = speel([...ronde(3), ...ronde(4), ...ronde(5)]);
  assert.equal(L.beheerst(data, ja), true);
  assert.equal(L.voortgang(data, ja, DAG).meester, L.vul(t.beheerst, { goed, ronde: data.ronde }));
  assert.equal(L.beheerst(data, speel([...ronde(4), ...ronde(5), ...ronde(2)])), false); // the last two count
});

test("pre-test and post-test: points per item, saved answers checked, the gain", () => {
  const voor = proef.delen.voortoets;
  const na = proef.delen.natoets;
  assert.equal(na.meld, true);
  assert.equal(voor.meld, false);
  const sl = L.toetsSleutel(voor);
  assert.deepEqual(sl, na.voor.sleutel); // the post-test knows the pre-test's key
  const goed = sl.map(([id, cat, km]) => [id, cat, km]);
  assert.equal(L.toetsPunten(sl, voor.punten, goed).punten, voor.max);
  const anderCat = (c) => voor.keuzes.find((k) => k.code !== c).code;
  const anderKm = (c) => voor.kenmerk_keuzes.find((k) => k.code !== c).code;
  const half = sl.map(([id, cat, km], i) => [id, i < 3 ? anderCat(cat) : cat, i < 2 ? anderKm(km) : km]);
  const p = L.toetsPunten(sl, voor.punten, half);
  assert.equal(p.punten, voor.max - 5);
  assert.deepEqual(p.per[0], { categorie: false, kenmerk: false, punten: 0 });
  assert.deepEqual(p.per[2], { categorie: false, kenmerk: true, punten: 1 });
  // Saved state: a whole pre-test round-trips; anything odd is corrupt.
  const bewaard = { versie: 1, stand: { antwoorden: half, klaar: true } };
  const h = L.toetsHerstel(sl, voor.keuzes, voor.kenmerk_keuzes, JSON.parse(JSON.stringify(bewaard)));
  assert.deepEqual(h, { stand: bewaard.stand, beschadigd: false });
  assert.deepEqual(L.toetsHerstel(sl, voor.keuzes, voor.kenmerk_keuzes, null).stand, { antwoorden: [], klaar: false });
  const kapot = [
    { versie: 1, stand: { antwoorden: half, klaar: false } }, // all answered but not finished
    { versie: 1, stand: { antwoorden: half.slice(0, 3), klaar: true } },
    { versie: 1, stand: { antwoorden: [[sl[1][0], sl[1][1], sl[1][2]]], klaar: false } }, // wrong place
    { versie: 1, stand: { antwoorden: [[sl[0][0], "onzin", sl[0][2]]], klaar: false } },
    { versie: 1, stand: { antwoorden: [[sl[0][0], sl[0][1], "onzin"]], klaar: false } },
    { versie: 1, stand: { antwoorden: "x", klaar: false } },
    { versie: 1, stand: { antwoorden: [], klaar: "nee" } },
    { versie: 1, stand: { antwoorden: [...half, half[0]], klaar: true } },
    { kapot: true }
  ];
  for (const b of kapot) assert.equal(L.toetsHerstel(sl, voor.keuzes, voor.kenmerk_keuzes, b).beschadigd, true, JSON.stringify(b).slice(0, 80));
  // The gain: only from a finished pre-test.
  const g = L.groei(na, bewaard, 12);
  assert.deepEqual(g, { voor: voor.max - 5, na: 12, max: voor.max, verschil: 12 - (voor.max - 5) });
  const t = na.teksten;
  assert.deepEqual(L.groeiZinnen(t, g), [
    L.vul(t.groei, { voor: g.voor, na: 12, max: g.max }),
    L.vul(t.groei_meer, { verschil: g.verschil })
  ]);
  assert.equal(L.groeiZinnen(t, { voor: 5, na: 5, max: 14, verschil: 0 })[1], t.groei_gelijk);
  assert.equal(L.groeiZinnen(t, { voor: 6, na: 5, max: 14, verschil: -1 })[1], L.vul(t.groei_minder, { verschil: 1 }));
  assert.equal(L.groei(na, { versie: 1, stand: { antwoorden: half.slice(0, 2), klaar: false } }, 10), null);
  assert.equal(L.groei(na, null, 10), null);
  assert.deepEqual(L.groeiZinnen(t, null), [t.geen_voortoets]);
  assert.equal(L.groei(voor, bewaard, 3), null); // the pre-test has no gain of its own
});

test("the scenario: every path of options ends in its ending, and saved choices are checked", () => {
  const data = proef.delen.scenario;
  // Walk every path by the data alone and compare with the table Python made.
  const paden = [];
  const loop = (punt, keuzes) => {
    for (const o of data.punten[punt].opties) {
      const k = [...keuzes, o.id];
      const pad = L.scenarioPad(data, k);
      assert.ok(pad, k.join());
      if (o.naar === data.einde) {
        assert.equal(pad.punt, null);
        assert.deepEqual(pad.uitkomst, data.uitkomsten[k.join()]);
        assert.ok(data.einden[pad.uitkomst.einde]);
        paden.push(k);
      } else {
        assert.equal(pad.punt, o.naar);
        loop(o.naar, k);
      }
    }
  };
  loop(data.start, []);
  assert.equal(paden.length, Object.keys(data.uitkomsten).length);
  assert.deepEqual(L.scenarioPad(data, []), { punt: data.start, opties: [], uitkomst: null });
  const eerste = paden[0];
  assert.deepEqual(L.scenarioHerstel(data, { versie: 1, stand: { keuzes: eerste } }), { stand: { keuzes: eerste }, beschadigd: false });
  for (const k of [["onzin"], [...eerste, eerste[0]], [eerste[1]], "x", [5]]) {
    assert.equal(L.scenarioHerstel(data, { versie: 1, stand: { keuzes: k } }).beschadigd, true, String(k));
  }
  assert.equal(L.scenarioHerstel(data, null).beschadigd, false);
});

test("the worksheet: the rule's outcome and decisive kenmerk from the ticks, and only its own fields kept", () => {
  const data = proef.delen.werkblad;
  const echt = proef.echt.beslisregel;
  const w = L.leegWerkblad(data);
  const codes = data.kenmerken.map((k) => k.code);
  for (const [ja, categorie, zin] of proef.paden.filter((_, i) => i % 37 === 0)) {
    const ww = L.leegWerkblad(data);
    ja.forEach((c) => { ww.kenmerken[c].aanwezig = true; });
    const u = L.werkbladUitkomst(data, ww);
    assert.deepEqual([u.einde.categorie, u.einde.zin], [categorie, zin], ja.join());
    assert.deepEqual(u.einde, L.pad(echt, ja)); // the same rule as the beslisregel exercise
    assert.equal(u.beslissend, codes.find((c) => !ja.includes(c)) ?? null);
  }
  const vol = L.leegWerkblad(data);
  codes.forEach((c) => { vol.kenmerken[c].aanwezig = true; });
  assert.equal(L.werkbladUitkomst(data, vol).beslissend, null);
  // What the learner typed, hostile or not, comes back as text; anything not ours is refused.
  const veld = data.velden[0].id;
  w.velden[veld] = '<img src=x onerror="alert(1)"> & </script>';
  w.kenmerken[codes[0]] = { aanwezig: true, toelichting: "Omdat het over één wijk gaat." };
  w.reflectie[data.reflectie[0].id] = "Mijn antwoord.";
  const b = JSON.parse(JSON.stringify({ versie: 1, werkblad: w }));
  assert.deepEqual(L.werkbladHerstel(data, b), { werkblad: w, beschadigd: false });
  const kapot = [
    (x) => { x.werkblad.velden.onbekend = "x"; },
    (x) => { x.werkblad.velden[veld] = 5; },
    (x) => { x.werkblad.velden[veld] = "x".repeat(data.max + 1); },
    (x) => { x.werkblad.kenmerken[codes[0]].aanwezig = "ja"; },
    (x) => { x.werkblad.kenmerken[codes[0]].extra = 1; },
    (x) => { x.werkblad.kenmerken.onzin = { aanwezig: true, toelichting: "" }; },
    (x) => { x.werkblad.reflectie = []; },
    (x) => { x.versie = 2; },
    (x) => { x.werkblad = "tekst"; }
  ];
  for (const maak of kapot) {
    const x = JSON.parse(JSON.stringify(b));
    maak(x);
    assert.equal(L.werkbladHerstel(data, x).beschadigd, true, maak.toString());
  }
  // Fields left out (an older file) are empty, not corrupt.
  const weinig = { versie: 1, werkblad: { velden: {}, kenmerken: {}, reflectie: {} } };
  assert.deepEqual(L.werkbladHerstel(data, weinig), { werkblad: L.leegWerkblad(data), beschadigd: false });
});
