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

const tekst = (o) => o.blokken.map((b) => (b.regels ? b.regels : [b.tekst])).flat();

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

test("choosing: the chosen answer's sentence, then the explanation", () => {
  const data = proef.klein.kiezen;
  const item = data.items[0];
  const goed = L.beoordeel(data, item, item.goed);
  assert.equal(goed.goed, true);
  assert.deepEqual(goed.gemist, []);
  assert.deepEqual(tekst(goed), [item.feedback[item.goed], item.uitleg]);
  assert.deepEqual(goed.blokken.map((b) => b.soort), ["oordeel", "uitleg"]);
  const fout = data.keuzes.find((k) => k.code !== item.goed).code;
  const o = L.beoordeel(data, item, fout);
  assert.equal(o.goed, false);
  assert.deepEqual(o.gemist, item.gemist);
  assert.equal(tekst(o)[0], item.feedback[fout]);
});

test("ticking kenmerken: one line per kenmerk, then where the ticks point and the casus's place", () => {
  const data = proef.klein.kenmerken;
  const item = data.items[0];
  const codes = data.kenmerken.map((k) => k.code);
  const gemist = item.aanwezig[0];
  const teVeel = codes.find((c) => !item.aanwezig.includes(c));
  const gevinkt = [...item.aanwezig.slice(1), teVeel];
  const o = L.beoordeel(data, item, gevinkt);
  const regels = o.blokken[0].regels;
  assert.equal(regels.length, codes.length);
  const zin = (code, s) => data.kenmerken.find((k) => k.code === code).zinnen[s];
  assert.equal(regels[codes.indexOf(gemist)], zin(gemist, "gemist"));
  assert.equal(regels[codes.indexOf(teVeel)], zin(teVeel, "onterecht"));
  assert.equal(regels[codes.indexOf(item.aanwezig[1])], zin(item.aanwezig[1], "wel_goed"));
  assert.deepEqual(o.gemist.sort(), [gemist, teVeel].sort());
  assert.equal(o.goed, false);
  assert.equal(o.blokken[1].tekst, L.vul(data.teksten.kenmerken_uitkomst, { naam: L.pad(data, gevinkt).naam }));
  assert.equal(o.blokken[2].tekst, L.pad(data, item.aanwezig).zin);
  assert.equal(o.blokken[3].tekst, item.uitleg);
  assert.equal(L.beoordeel(data, item, item.aanwezig).goed, true);
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
  const o = L.stappenOordeel(data, item, laatste, [slip.kenmerk, laatste.kenmerk]);
  assert.equal(o.goed, false);
  assert.deepEqual(tekst(o), [
    laatste.zin,
    L.vul(data.teksten.pad_einde, { naam: laatste.einde.naam }),
    laatste.einde.zin,
    item.uitleg
  ]);
  const alles = proef.klein.alle_ja;
  const eind = L.stap(alles, alles.items[0], alles.regel.length - 1, true);
  assert.deepEqual(eind.einde, alles.alle_ja);
});

test("a round scores and names the most missed kenmerken", () => {
  const data = proef.echt["indelen-drie"];
  const [a, b] = data.kenmerken.map((k) => k.code);
  let stand = L.nieuweStand(data);
  assert.equal(L.voortgang(data, stand).ronde, L.vul(data.teksten.ronde_leeg, { ronde: 1 }));
  for (const [goed, gemist] of [[true, []], [false, [b]], [false, [a]], [false, [b]], [true, []]]) {
    stand = L.verwerk(data, stand, L.huidig(stand), goed, gemist);
  }
  const naam = (c) => data.kenmerken.find((k) => k.code === c).naam;
  const t = data.teksten;
  const lijst = [L.vul(t.gemist_aantal, { naam: naam(b), aantal: 2 }), L.vul(t.gemist_aantal, { naam: naam(a), aantal: 1 })];
  const v = L.voortgang(data, stand);
  assert.deepEqual(v.rondes, [
    L.vul(t.ronde_klaar, { ronde: 1, goed: 2, totaal: data.ronde }) + " " + L.vul(t.vaak_gemist, { lijst: lijst.join(t.scheiding) })
  ]);
  assert.equal(v.ronde, L.vul(t.ronde_leeg, { ronde: 2 }));
  assert.equal(L.teller(data, stand), L.vul(t.teller, { ronde: 2, nr: 1, totaal: data.ronde }));
  stand = L.verwerk(data, stand, L.huidig(stand), true, []);
  assert.equal(L.voortgang(data, stand).ronde, L.vul(t.ronde_bezig, { ronde: 2, goed: 1, totaal: 1 }) + " " + t.niets_gemist);
});

test("a missed item comes back after terug[0] others, and once more after terug[1]", () => {
  const data = proef.echt["indelen-twee"];
  const [na, later] = data.terug;
  let stand = L.nieuweStand(data);
  const eerste = L.huidig(stand);
  stand = L.verwerk(data, stand, eerste, false, []);
  assert.equal(stand.rij.indexOf(eerste), na);
  assert.deepEqual(L.voortgang(data, stand).nog_eens, [data.items[0].titel]);
  for (let i = 0; i < na; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, []);
  assert.equal(L.huidig(stand), eerste);
  stand = L.verwerk(data, stand, eerste, true, []);
  assert.equal(stand.rij.indexOf(eerste), later);
  assert.deepEqual(stand.nog_eens, [[eerste, 1]]);
  for (let i = 0; i < later; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, []);
  stand = L.verwerk(data, stand, eerste, true, []);
  assert.ok(!stand.rij.includes(eerste));
  assert.deepEqual(stand.nog_eens, []);
  // Missed again: the repetition starts over.
  stand = L.verwerk(data, L.nieuweStand(data), eerste, false, []);
  stand.rij.splice(stand.rij.indexOf(eerste), 1);
  stand.rij.unshift(eerste);
  stand = L.verwerk(data, stand, eerste, true, []);
  stand = L.verwerk(data, stand, eerste, false, []);
  assert.deepEqual(stand.nog_eens, [[eerste, 0]]);
});

test("the old stand is left alone, and everything can be done", () => {
  const data = proef.klein.twee;
  let stand = L.nieuweStand(data);
  const kopie = JSON.stringify(stand);
  L.verwerk(data, stand, data.items[0].id, false, []);
  assert.equal(JSON.stringify(stand), kopie);
  for (let i = 0; i < 40 && L.huidig(stand) !== null; i++) stand = L.verwerk(data, stand, L.huidig(stand), true, []);
  assert.equal(L.huidig(stand), null);
  assert.equal(L.voortgang(data, stand).klaar, true);
});

test("saved progress round-trips, and a changed bank's items are dropped quietly", () => {
  const data = proef.echt["indelen-drie"];
  let stand = L.nieuweStand(data);
  for (let i = 0; i < 7; i++) {
    const code = data.kenmerken[i % 3].code;
    stand = L.verwerk(data, stand, L.huidig(stand), i % 2 === 0, i % 2 ? [code] : []);
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
  for (let i = 0; i < 6; i++) stand = L.verwerk(data, stand, L.huidig(stand), false, [data.kenmerken[0].code]);
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
