"""Grading as data, without nbgrader: the normaliser (fuzzed), the reader, scores, texts, self-check."""

from __future__ import annotations

import json

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkleren.casussen.bank import casussen
from wijkleren.casussen.beslisregel import beslis
from wijkleren.casussen.domein import CATEGORIEEN, KENMERK, KENMERK_CODES
from wijkleren.cli import main
from wijkleren.eindopdracht import antwoorden, herkennen
from wijkleren.eindopdracht import beoordelen as nk
from wijkleren.eindopdracht import formaat as f
from wijkleren.eindopdracht.deel1 import notitieboek_beoordelen
from wijkleren.eindopdracht.deel2 import notitieboek_toepassen
from wijkleren.eindopdracht.feedbackpagina import Blok, Vraag, maak_html, punten_tekst
from wijkleren.eindopdracht.formaat import BEOORDELEN, TEKST_STUB
from wijkleren.eindopdracht.trekken import kies_casussen
from wijkleren.eindopdracht.zelfcontrole import meldingen, rapport


def sleutel(vraag=f.VRAAG_CATEGORIE, label="gebiedsgericht", kenmerken=None) -> nk.Sleutel:
    if kenmerken is None:
        kenmerken = ("gebiedsgebonden", "van_buiten_naar_binnen", "samenhangende_aanpak", "ruimte_voor_bewoners",
                     "samenwerking_partijen", "bepaalde_periode")  # fmt: skip
    return nk.Sleutel("G99", vraag, "casus1_" + vraag, 1, "Proefcasus", label, tuple(kenmerken), "Omdat.")


# --- the normaliser ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("woord", "code"),
    [
        ("wijkaanpak", "wijkaanpak"),
        ("Wijkaanpak", "wijkaanpak"),
        ("  WIJK-AANPAK ", "wijkaanpak"),
        ("wijk aanpak", "wijkaanpak"),
        ("de wijkaanpak", "wijkaanpak"),
        ("Krachtwijkaanpak", "wijkaanpak"),
        ("gebiedsgericht werken", "gebiedsgericht"),
        ("Gebiedsgericht", "gebiedsgericht"),
        ("gebieds-gericht", "gebiedsgericht"),
        ("wijkgericht werken", "gebiedsgericht"),
        ("sectorale aanpak", "niet_gebiedsgericht"),
        ("Sectoraal.", "niet_gebiedsgericht"),
        ("themagestuurde aanpak", "niet_gebiedsgericht"),
        ("geen gebiedsgericht werken", "niet_gebiedsgericht"),
        ("In een gebied, maar niet gebiedsgericht", "niet_gebiedsgericht"),
    ],
)
def test_categorie_variants_are_accepted(woord, code):
    assert herkennen.herken_categorie(woord) == code


@pytest.mark.parametrize(
    ("woord", "code"),
    [
        ("gebiedsgebonden", "gebiedsgebonden"),
        ("Ruimte voor bewoners", "ruimte_voor_bewoners"),
        ("ruimte-voor-bewoners", "ruimte_voor_bewoners"),
        ("Afspraken over geld", "financiele_afspraken"),
        ("financiële afspraken", "financiele_afspraken"),
        ("VAN BUITEN NAAR BINNEN", "van_buiten_naar_binnen"),
    ],
)
def test_kenmerk_variants_are_accepted(woord, code):
    assert herkennen.herken_kenmerk(woord) == code


def test_every_code_and_dutch_name_is_recognised():
    for code in CATEGORIEEN:
        assert herkennen.herken_categorie(code) == code
    for code in KENMERK_CODES:
        assert herkennen.herken_kenmerk(code) == code
        assert herkennen.herken_kenmerk(KENMERK[code].naam) == code


@pytest.mark.parametrize(
    ("woord", "soort", "bedoeld"),
    [
        ("wijkaanpk", f.VRAAG_CATEGORIE, "wijkaanpak"),
        ("gebiedgericht", f.VRAAG_CATEGORIE, "gebiedsgericht"),
        ("sectoriaal", f.VRAAG_CATEGORIE, "niet_gebiedsgericht"),
        ("gebiedgebonden", f.VRAAG_KENMERKEN, "gebiedsgebonden"),
        ("meetbare resultaat", f.VRAAG_KENMERKEN, "meetbare_resultaten"),
    ],
)
def test_typos_are_not_accepted_but_get_a_hint(woord, soort, bedoeld):
    herken = herkennen.herken_categorie if soort == f.VRAAG_CATEGORIE else herkennen.herken_kenmerk
    assert herken(woord) is None
    assert herkennen.hint(woord, soort) == f"'{woord}' kennen we niet. Bedoelde je '{bedoeld}'?"


def test_a_str_subclass_is_read_as_plain_text():
    class Liegt(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

        def lower(self):
            return "wijkaanpak"

        def __str__(self):
            return "wijkaanpak"

    assert type(antwoorden.gewone_tekst(Liegt("sectoraal"))) is str
    assert herkennen.herken_categorie(Liegt("sectoraal")) == "niet_gebiedsgericht"
    assert herkennen.normaliseer(object()) == ""


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), st.binary(), st.integers(), st.none(), st.lists(st.text())))
def test_fuzz_normaliser_never_raises(waarde):
    sleutel_ = herkennen.normaliseer(waarde)
    assert isinstance(sleutel_, str)
    assert herkennen.normaliseer(sleutel_) == sleutel_  # idempotent
    herkennen.herken_categorie(waarde)
    herkennen.herken_kenmerk(waarde)
    for soort in f.VRAAGSOORTEN:
        herkennen.suggestie(waarde, soort)
        assert isinstance(herkennen.hint(waarde, soort), str)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(), max_size=300))
def test_fuzz_reader_and_grader_never_raise(tekst):
    antwoord = antwoorden.lees_antwoord(tekst)
    assert all(type(w) is str for w in antwoord.woorden)
    for vraag in f.VRAAGSOORTEN:
        herkennen.vormmeldingen(antwoord, vraag)
        b = nk.beoordeel(tekst, sleutel(vraag))
        assert 0 <= b.punten <= b.max_punten


code_achtig = st.lists(
    st.sampled_from(
        [
            'categorie = "',
            '"',
            "[",
            "]",
            ",",
            "kenmerken",
            " = ",
            "wijkaanpak",
            "gebiedsgebonden",
            "\n",
            "#",
            "'",
            "(",
            ")",
            "import os",
            "os._exit(0)",
            "while True: pass",
            "lambda: 1",
            "geen",
            " ",
        ]
    ),  # fmt: skip
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(code_achtig)
def test_fuzz_code_like_answers(tekst):
    for vraag in f.VRAAGSOORTEN:
        b = nk.beoordeel(tekst, sleutel(vraag))
        assert 0 <= b.punten <= b.max_punten
        assert all(isinstance(z, str) for z in b.uitleg + b.vorm)


# --- reading answers as data --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bron", "woorden"),
    [
        ('categorie = "wijkaanpak"', ("wijkaanpak",)),
        ("categorie = 'wijkaanpak'  # mijn antwoord", ("wijkaanpak",)),
        ('"wijkaanpak"', ("wijkaanpak",)),
        ("categorie = wijkaanpak", ("wijkaanpak",)),
        ('categorie = "wijkaanpak', ("wijkaanpak",)),  # missing quote: still read as text
        ('kenmerken = ["a", "b"]', ("a", "b")),
        ('kenmerken = ["a" "b"]', ("a", "b")),  # missing comma
        ('kenmerken = ["a", "b"', ("a", "b")),  # missing bracket
        ('kenmerken = []\nkenmerken = ["a"]', ("a",)),  # the stub left above the answer
        ('kenmerken = []\nkenmerken = ["a", "b"', ("a", "b")),  # ... and a missing bracket
        # plain words, the form the assignment asks for
        ("%%markdown\ngebiedsgericht werken", ("gebiedsgericht werken",)),
        ("gebiedsgebonden, ruimte voor bewoners", ("gebiedsgebonden", "ruimte voor bewoners")),
        ("%%markdown\n- Samenhang\n- ruimte voor bewoners.", ("Samenhang", "ruimte voor bewoners")),
        ("1. a\n2) b en c", ("a", "b", "c")),
        ("%%markdown\n", ()),
    ],
)
def test_reader_reads_words(bron, woorden):
    assert antwoorden.lees_antwoord(bron).woorden == woorden


@pytest.mark.parametrize(
    "bron",
    [
        'categorie = S("wijkaanpak")',
        'categorie = "wijk" + "aanpak"',
        'categorie = f"{x}"',
        "kenmerken = Alles()",
        "kenmerken = [k for k in alles]",
    ],
)
def test_code_is_not_an_answer(bron):
    antwoord = antwoorden.lees_antwoord(bron)
    assert not antwoord.leesbaar
    assert nk.beoordeel(bron, sleutel(f.VRAAG_CATEGORIE)).punten == 0


def test_code_without_code_characters_is_just_unknown_words():
    for bron in ("import sys", "while True: pass"):
        b = nk.beoordeel(bron, sleutel(f.VRAAG_CATEGORIE))
        assert b.punten == 0 and b.onbekend == (bron,)


def test_code_around_a_literal_is_never_run_and_counts_for_nothing():
    bron = 'import os\nos._exit(0)\nwhile True:\n    pass\ncategorie = "gebiedsgericht"'
    b = nk.beoordeel(bron, sleutel(f.VRAAG_CATEGORIE))
    assert b.punten == f.PUNTEN_CATEGORIE  # the honest literal
    assert "Zet alleen je antwoord in deze cel, verder niets." in b.vorm


# --- scores ---------------------------------------------------------------------------------------


def test_words_only_answers_score_without_notes():
    s = sleutel(f.VRAAG_CATEGORIE)
    b = nk.beoordeel("%%markdown\nGebiedsgericht werken", s)
    assert b.punten == f.PUNTEN_CATEGORIE and not b.vorm
    k = sleutel(f.VRAAG_KENMERKEN)
    woorden = "%%markdown\n" + "\n".join(KENMERK[c].naam for c in k.kenmerken)
    b = nk.beoordeel(woorden, k)
    assert b.punten == f.PUNTEN_KENMERKEN and not b.vorm
    komma = "gebiedsgebonden, van buiten naar binnen, samenhang, ruimte voor bewoners en samenwerking"
    assert nk.beoordeel(komma + ", vaste periode", k).punten == f.PUNTEN_KENMERKEN
    assert antwoorden.lees_antwoord("%%markdown\n").leeg


def test_categorie_scores():
    s = sleutel(f.VRAAG_CATEGORIE)
    assert nk.beoordeel('categorie = "Gebiedsgericht werken"', s).punten == 3
    assert nk.beoordeel('categorie = ["gebiedsgericht"]', s).punten == 3  # a list of one: harmless
    assert nk.beoordeel('categorie = "wijkaanpak"', s).punten == 0
    assert nk.beoordeel('categorie = ["gebiedsgericht", "wijkaanpak"]', s).punten == 0  # hedging
    assert nk.beoordeel('categorie = "gebiedsgericht, sectoraal"', s).punten == 0
    assert nk.beoordeel('categorie = ""', s).punten == 0
    assert nk.beoordeel(None, s).punten == 0


def test_kenmerken_score_for_reaching_the_decisive_kenmerk():
    s = sleutel(f.VRAAG_KENMERKEN)  # gebiedsgericht: six present, decisive is financiele_afspraken
    alle = json.dumps(list(KENMERK_CODES))
    assert nk.beoordeel(f"kenmerken = {json.dumps(list(s.kenmerken))}", s).punten == f.PUNTEN_KENMERKEN
    assert nk.beoordeel(f"kenmerken = {alle}", s).punten == 0  # listing all nine says wijkaanpak
    assert nk.beoordeel("alle negen", s).punten == 0
    assert nk.beoordeel("geen", s).punten == 0
    assert nk.beoordeel("kenmerken = []", s).punten == 0  # not answered
    # After the decisive kenmerk nothing counts: a wrong tick there changes nothing.
    na = [*s.kenmerken, "meetbare_resultaten"]
    assert nk.beoordeel(", ".join(na), s).punten == f.PUNTEN_KENMERKEN
    # Before it, one wrong judgement changes the outcome.
    assert nk.beoordeel(", ".join(s.kenmerken[1:]), s).punten == 0


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(KENMERK_CODES)), st.sets(st.sampled_from(KENMERK_CODES)))
def test_kenmerken_score_follows_the_rule(in_casus, genoemd):
    s = sleutel(f.VRAAG_KENMERKEN, kenmerken=tuple(sorted(in_casus)))
    bron = ", ".join(sorted(genoemd)) or "geen"
    zelfde = beslis(genoemd).beslissend == beslis(in_casus).beslissend
    assert nk.beoordeel(bron, s).punten == (f.PUNTEN_KENMERKEN if zelfde else 0)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.sampled_from(KENMERK_CODES)), st.sampled_from(CATEGORIEEN))
def test_any_fixed_answer_earns_at_most_a_third_on_a_balanced_set(vast, categorie):
    """One category and always the same kenmerken, on every casus of the bank: at most a third,
    counted per category so that each category weighs the same, as in the assignment."""
    per_cat = {}
    for c in casussen():
        s_cat = nk.Sleutel(c.id, f.VRAAG_CATEGORIE, "x", 1, c.titel, c.label, c.kenmerken)
        s_ken = nk.Sleutel(c.id, f.VRAAG_KENMERKEN, "y", 1, c.titel, c.label, c.kenmerken)
        punten = nk.beoordeel(categorie, s_cat).punten + nk.beoordeel(", ".join(vast) or "geen", s_ken).punten
        per_cat.setdefault(c.label, []).append(punten / (f.PUNTEN_CATEGORIE + f.PUNTEN_KENMERKEN))
    aandeel = sum(sum(v) / len(v) for v in per_cat.values()) / len(per_cat)
    assert aandeel <= 1 / 3 + 1e-9


def test_feedback_names_the_decisive_kenmerk_and_the_right_answer():
    s = sleutel(f.VRAAG_CATEGORIE)
    b = nk.beoordeel('categorie = "wijkaanpak"', s)
    tekst = " ".join(b.uitleg)
    assert "Niet goed. Je koos: wijkaanpak." in tekst
    assert "er zijn geen afspraken over geld" in tekst
    k = nk.beoordeel('kenmerken = ["gebiedsgebonden"]', sleutel(f.VRAAG_KENMERKEN))
    assert "Het kenmerk dat de doorslag geeft: afspraken over geld." in " ".join(k.uitleg)
    assert "Van buiten naar binnen" in " ".join(k.uitleg)
    assert "Met jouw kenmerken is de uitkomst van de beslisregel geen gebiedsgericht werken" in " ".join(
        k.uitleg
    )


def test_sleutel_round_trip():
    s = sleutel(f.VRAAG_KENMERKEN)
    assert nk.sleutel_uit_bron(f"# x\n{f.SLEUTEL_NAAM} = {s.als_dict()!r}\nraise X") == s
    assert nk.sleutel_uit_bron("niets") is None
    assert nk.sleutel_uit_bron(f"{f.SLEUTEL_NAAM} = kapot(") is None


# --- the assignments ----------------------------------------------------------------------------


def test_choice_of_casussen():
    keuze = kies_casussen()
    assert len(keuze.beoordelen) >= 8
    assert all(c.pool == "toets" for c in keuze.beoordelen + keuze.toepassen)
    assert {c.label for c in keuze.beoordelen} == set(CATEGORIEEN)
    assert len(keuze.toepassen) == 2 and keuze.advies is not None
    assert not {c.id for c in keuze.beoordelen} & {c.id for c in keuze.toepassen}
    assert keuze.advies not in keuze.beoordelen + keuze.toepassen
    assert kies_casussen() == keuze  # the same every time
    with pytest.raises(ValueError, match="niet in de toetspool"):
        kies_casussen(["BESTAATNIET"])


def test_source_notebooks_are_valid_and_hold_the_keys():
    keuze = kies_casussen()
    nb = notitieboek_beoordelen(keuze.beoordelen)
    nbformat.validate(nb)
    sleutels = [nk.sleutel_uit_bron(c.source) for c in nb.cells if "BEGIN HIDDEN TESTS" in c.source]
    assert len(sleutels) == 2 * len(keuze.beoordelen)
    for s, c in zip(sleutels[::2], keuze.beoordelen, strict=True):
        assert (s.casus, s.label, s.kenmerken) == (c.id, c.label, c.kenmerken)
    # Ids reveal the category (W.., G.., S..): they stay out of everything the learner sees.
    for cel in nb.cells:
        assert not any(c.id in cel.metadata["nbgrader"]["grade_id"] for c in keuze.beoordelen)
    nbformat.validate(notitieboek_toepassen(keuze.toepassen, keuze.advies))


# --- the self-check -------------------------------------------------------------------------------


def _ingevuld(antwoorden: dict[str, str]):
    nb = notitieboek_beoordelen(kies_casussen().beoordelen)
    for cel in nb.cells:
        gid = cel.metadata["nbgrader"]["grade_id"]
        if gid in antwoorden:
            cel.source = antwoorden[gid]
    return nb


def test_self_check_points_at_form_only():
    nb = _ingevuld(
        {
            "casus1_categorie": "%%markdown\nwijkaanpk",
            "casus1_kenmerken": 'kenmerken = ["gebiedsgebonden" "ruimte_voor_bewoners"]',
            "casus2_categorie": 'categorie = ["sectoraal"]',
            "casus2_kenmerken": "kenmerken = []",
            "casus3_categorie": 'categorie = "wijkaanpak"',
        }
    )
    nb.cells = [c for c in nb.cells if c.metadata["nbgrader"]["grade_id"] != "casus3_kenmerken"]
    uit = meldingen(json.loads(nbformat.writes(nb)))
    assert "Vraag 1a: 'wijkaanpk' kennen we niet. Bedoelde je 'wijkaanpak'?" in uit
    assert any(m.startswith("Vraag 1b: Tussen twee woorden ontbreekt een komma") for m in uit)
    assert "Vraag 2a: Hier hoort één antwoord, geen lijst. Haal de blokhaken [ ] weg." in uit
    assert any(m.startswith("Vraag 2b: Je hebt nog geen kenmerken ingevuld") for m in uit)
    assert any(m.startswith("Vraag 3b: de cel voor je antwoord ontbreekt") for m in uit)
    assert not any(m.startswith("Vraag 3a") for m in uit)  # well-formed: nothing to say
    assert not any("goed" in m.lower().split() or "fout" in m.lower() for m in uit)


def test_self_check_report_and_cli(tmp_path, capsys):
    pad = tmp_path / f"{BEOORDELEN}.ipynb"
    nb = notitieboek_beoordelen(kies_casussen().beoordelen)  # the source: every answer filled in
    nbformat.write(nb, pad)
    goed, tekst = rapport(pad)
    assert goed and "Alles is ingevuld, in de goede vorm." in tekst
    assert "zegt niet of je antwoorden goed zijn" in tekst
    assert main(["opdracht", "controleer", str(pad)]) == 0
    pad.write_text("{kapot", encoding="utf-8")
    assert main(["opdracht", "controleer", str(pad)]) == 1
    assert "beschadigd" in capsys.readouterr().out
    assert not rapport(tmp_path / "weg.ipynb")[0]


def test_self_check_on_written_answers():
    keuze = kies_casussen()
    nb = notitieboek_toepassen(keuze.toepassen, keuze.advies)
    for cel in nb.cells:
        if cel.metadata["nbgrader"]["grade_id"] == "toepassen1_antwoord":
            cel.source = TEKST_STUB
        if cel.metadata["nbgrader"]["grade_id"] == "toepassen2_antwoord":
            cel.source = "Dit is kort."
    uit = meldingen(json.loads(nbformat.writes(nb)))
    assert any(m.startswith("Vraag 1: je hebt nog niets geschreven") for m in uit)
    assert any(m.startswith("Vraag 2: je antwoord is kort (3 woorden)") for m in uit)


# --- the feedback page --------------------------------------------------------------------------


def test_feedback_page_escapes_and_loads_nothing():
    vraag = Vraag(
        "Jouw antwoord", None, 4, '<script src="https://example.org/x.js"></script>', opmerking="<b>"
    )
    pagina = maak_html("Toepassen", "<jan>", 2.5, 14, [Blok("Casus 1", vragen=(vraag,), anker="c1")])
    assert "<script" not in pagina and "<link" not in pagina and "<b>" not in pagina
    assert "&lt;script" in pagina and "&lt;jan&gt;" in pagina
    assert 'lang="nl"' in pagina and "nog niet beoordeeld" in pagina
    assert "Je score: 2,5 van 14 punten." in pagina
    assert punten_tekst(12.0) == "12" and punten_tekst(None) == "-"


def test_cli_maak_reports_unknown_ids_in_dutch(tmp_path, capsys):
    assert main(["opdracht", "maak", "--cursus", str(tmp_path), "--casussen", "X1,X2"]) == 2
    fout = capsys.readouterr().err
    assert "Deze casussen staan niet in de toetspool: X1, X2." in fout
    assert "Traceback" not in fout


def test_cli_maak_writes_the_source_notebooks(tmp_path, capsys):
    assert main(["opdracht", "maak", "--cursus", str(tmp_path)]) == 0
    for opdracht in ("casussen_beoordelen", "toepassen"):
        nbformat.validate(nbformat.read(tmp_path / "source" / opdracht / f"{opdracht}.ipynb", as_version=4))
    assert "nbgrader generate_assignment" in capsys.readouterr().out


def test_the_answer_hint_counts_as_no_answer():
    # A released answer cell holds %%markdown and the hint, so running it unanswered is no error.
    assert antwoorden.lees_antwoord(f"{f.MAGIE}\n{f.ANTWOORD_STUB}").leeg
    assert antwoorden.lees_antwoord(f"{f.MAGIE}\n{f.ANTWOORD_STUB}\nwijkaanpak").woorden == ("wijkaanpak",)
