"""Grading the final assignment as data: read answers from cell text, score them, explain in Dutch.

Nothing here executes learner code. An answer is the *text* of a notebook cell: plain words
such as ``gebiedsgericht werken`` or ``gebiedsgebonden, ruimte voor bewoners`` (the form the
assignment asks for), or the older code form ``kenmerken = ["gebiedsgebonden"]``;
:func:`lees_antwoord` turns that text into plain words, with :mod:`ast` for the code form,
never with ``eval``.
So objects that claim to be equal to everything, replaced helper modules or a killed kernel
cannot change a score: the grader never sees an object the learner made.

The grading key of a question (:class:`Sleutel`) is written into the hidden test of the
assignment's source notebook by :mod:`wijkleren.eindopdracht.maken`; nbgrader keeps it in the
gradebook and strips it from the learner's copy.
"""

from __future__ import annotations

import ast
import difflib
import io
import re
import tokenize
import unicodedata
from dataclasses import dataclass, field

from wijkleren.casussen.beslisregel import beslis, uitkomst_deel, uitleg_uitkomst
from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    KENMERK,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    WIJKAANPAK,
)

# The format (question kinds, points, the key's name, the answer cell's first line): one module.
from wijkleren.eindopdracht.formaat import (  # noqa: F401 (also imported from here, e.g. by nbgrader_config.py)
    ANTWOORD_STUB,
    MAGIE,
    PUNTEN_CATEGORIE,
    PUNTEN_KENMERKEN,
    SLEUTEL_NAAM,
    VRAAG_CATEGORIE,
    VRAAG_KENMERKEN,
    VRAAGSOORTEN,
)

# The two kinds of question under their old names (CATEGORIE, KENMERKEN), as tests and tools use them.
CATEGORIE = VRAAG_CATEGORIE
KENMERKEN = VRAAG_KENMERKEN

# Scoring that rewards judgement (book/08_eindopdracht.md explains it to learners):
# - vraag a, the category: PUNTEN_CATEGORIE when it is right;
# - vraag b, the kenmerken: PUNTEN_KENMERKEN when the learner's kenmerken lead, through the
#   decision rule, to the same decisive kenmerk as the casus (and so to the same category and
#   kind). Kenmerken after the decisive one do not change the outcome and do not count.
# Any fixed answer (one category, and always the same kenmerken: all, none, the five
# gebiedsgericht ones) leads to one outcome, and each outcome belongs to one category; on a
# set with as many casussen of each category it earns at most a third of the points.
# (PUNTEN_CATEGORIE and PUNTEN_KENMERKEN are in wijkleren.eindopdracht.formaat.)

GEEN = "geen"  # the explicit answer "no kenmerk is present"

# Longer texts are cut before normalising and suggesting: an answer is a few words.
_MAX_WOORD = 120
_MAX_BRON = 20_000

_LIDWOORDEN = ("een", "de", "het")


def gewone_tekst(waarde) -> str:
    """A plain ``str`` copy of text, '' for anything else: no method of a str subclass ever runs."""
    if isinstance(waarde, str):
        return str.__str__(waarde)
    return ""


def normaliseer(waarde) -> str:
    """The comparison key of a word: no case, accents, spaces, hyphens or leading article."""
    tekst = gewone_tekst(waarde)[:_MAX_WOORD]
    tekst = unicodedata.normalize("NFKD", tekst)
    tekst = "".join(t for t in tekst if not unicodedata.combining(t)).casefold()
    delen = re.findall(r"[a-z0-9]+", tekst)
    while len(delen) > 1 and delen[0] in _LIDWOORDEN:
        delen.pop(0)
    return "".join(delen)


def _namen(*varianten: str) -> tuple[str, ...]:
    return tuple(normaliseer(v) for v in varianten)


_CATEGORIE_VARIANTEN: dict[str, tuple[str, ...]] = {
    WIJKAANPAK: _namen(
        "wijkaanpak",
        CATEGORIE_NAAM[WIJKAANPAK],
        "vogelaaraanpak",
        "prachtwijkaanpak",
        "probleemwijkaanpak",
        "krachtwijkaanpak",
        "aandachtswijkaanpak",
    ),
    GEBIEDSGERICHT: _namen(
        "gebiedsgericht",
        CATEGORIE_NAAM[GEBIEDSGERICHT],
        "gebiedsgerichte aanpak",
        "wijkgericht",
        "wijkgericht werken",
        "wijkgerichte aanpak",
        "gebiedsgericht / wijkgericht werken",
    ),
    NIET_GEBIEDSGERICHT: _namen(
        "niet_gebiedsgericht",
        "niet gebiedsgericht",
        "niet gebiedsgericht werken",
        CATEGORIE_NAAM[NIET_GEBIEDSGERICHT],
        "geen gebiedsgericht",
        "in een gebied, maar niet gebiedsgericht",
        "in een gebied",
        "in een wijk, maar niet gebiedsgericht",
        "sectoraal",
        "sectorale",
        "sectorale aanpak",
        "sectoraal werken",
        "instrumenteel",
        "instrumentele aanpak",
        "themagestuurd",
        "themagestuurde aanpak",
        "sectorale, instrumentele of themagestuurde aanpak",
    ),
}

_KENMERK_EXTRA: dict[str, tuple[str, ...]] = {
    "gebiedsgebonden": ("gebonden aan een gebied", "gebonden aan een wijk"),
    "van_buiten_naar_binnen": ("buiten naar binnen",),
    "samenhangende_aanpak": ("samenhang", "samenhangend", "integrale aanpak"),
    "ruimte_voor_bewoners": (),
    "samenwerking_partijen": ("samenwerking", "samenwerking met partijen", "samenwerken met partijen"),
    "bepaalde_periode": ("vaste periode", "afspraken voor een bepaalde periode"),
    "financiele_afspraken": ("afspraken over geld", "financiële afspraken"),
    "meerdere_organisaties": ("afspraken met meerdere organisaties",),
    "meetbare_resultaten": ("meetbare doelen",),
}
_KENMERK_VARIANTEN: dict[str, tuple[str, ...]] = {
    code: _namen(code, KENMERK[code].naam, *_KENMERK_EXTRA.get(code, ())) for code in KENMERK_CODES
}
_GEEN_VARIANTEN = _namen("geen", "geen kenmerken", "geen enkel kenmerk", "niets", "geen één")
_ALLE_VARIANTEN = _namen("alle", "alles", "alle negen", "alle kenmerken", "alle negen kenmerken")


def _zoektabel(varianten: dict[str, tuple[str, ...]]) -> dict[str, str]:
    tabel: dict[str, str] = {}
    for code, sleutels in varianten.items():
        for s in sleutels:
            assert tabel.get(s, code) == code, f"variant {s!r} hoort bij twee codes"
            tabel[s] = code
    return tabel


_CATEGORIE_TABEL = _zoektabel(_CATEGORIE_VARIANTEN)
_KENMERK_TABEL = _zoektabel(_KENMERK_VARIANTEN)


def herken_categorie(woord) -> str | None:
    """The category code for a word, or None: 'Gebiedsgericht werken' and 'wijk-aanpak' are fine."""
    return _CATEGORIE_TABEL.get(normaliseer(woord))


def herken_kenmerk(woord) -> str | None:
    """The kenmerk code for a word (its code or its Dutch name, in any case), or None."""
    return _KENMERK_TABEL.get(normaliseer(woord))


def is_geen(woord) -> bool:
    return normaliseer(woord) in _GEEN_VARIANTEN


def is_alle(woord) -> bool:
    """'alle negen' (all kenmerken), the short answer for a wijkaanpak."""
    return normaliseer(woord) in _ALLE_VARIANTEN


def suggestie(woord, soort: str) -> str | None:
    """The code the learner probably meant, for 'Bedoelde je ...?', or None."""
    sleutel = normaliseer(woord)
    if not sleutel:
        return None
    tabel = _CATEGORIE_TABEL if soort == CATEGORIE else _KENMERK_TABEL
    gok = difflib.get_close_matches(sleutel, list(tabel), n=1, cutoff=0.75)
    return tabel[gok[0]] if gok else None


def hint(woord, soort: str) -> str:
    """Dutch hint for a word we do not know: "'wijkaanpk' kennen we niet. Bedoelde je 'wijkaanpak'?"."""
    getoond = gewone_tekst(woord)[:60]
    gok = suggestie(woord, soort)
    if gok:
        return f"'{getoond}' kennen we niet. Bedoelde je '{gok}'?"
    if soort == CATEGORIE:
        return f"'{getoond}' kennen we niet. Kies uit: {', '.join(CATEGORIEEN)}."
    return f"'{getoond}' kennen we niet. Gebruik de namen uit de lijst met kenmerken."


# --- reading an answer from the text of a cell ------------------------------------------------


@dataclass(frozen=True)
class Antwoord:
    """What a learner typed in one answer cell, read as data."""

    woorden: tuple[str, ...] = ()
    leeg: bool = False  # nothing filled in yet
    leesbaar: bool = True  # False: the cell holds code, not words
    lijst: bool = False  # the value was a list [...]
    meldingen: tuple[str, ...] = ()  # Dutch notes on the form, e.g. a missing comma


LEEG = Antwoord(leeg=True)
GEEN_WOORDEN = "Typ alleen gewone woorden, zonder code. Hier staat iets anders."


def _code_regels(tekst: str) -> list[str]:
    """The lines that hold the answer: no empty lines, no # comments, no IPython magic line."""
    return [
        r
        for r in tekst.splitlines()
        if r.strip() and not r.strip().startswith(("#", "%")) and r.strip().lower() != ANTWOORD_STUB
    ]


# Characters that only the code form uses; without them a cell holds plain words.
_CODETEKENS = re.compile(r"[=\[\](){}\"'`“”‘’]")
# A list marker at the start of a line: "- ", "* ", "• ", "1. ", "2) ".
_OPSOMMING = re.compile(r"^\s*(?:[-*•+]|\d{1,2}[.)])\s+")
# Words are separated by a new line, a comma, a semicolon, or the word "en".
_SCHEIDING = re.compile(r"[,;\n]|\s+en\s+", re.I)


def _lees_woorden(regels: list[str]) -> Antwoord:
    """Plain words, as the assignment asks: one per line, or with commas (or 'en') between them."""
    delen = [_OPSOMMING.sub("", r) for r in regels]
    woorden = tuple(w.strip(" .:!?\t") for w in _SCHEIDING.split("\n".join(delen)))
    woorden = tuple(w for w in woorden if w)
    return Antwoord(woorden) if woorden else LEEG


def _strings_in(segment: str) -> list[str] | None:
    """The string literals of a source segment, to spot a missing comma ("a" "b"); None if unsure."""
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(segment).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return None
    strings = [t.string for t in tokens if t.type == tokenize.STRING]
    try:
        return [ast.literal_eval(s) for s in strings]
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None


def _woord(node: ast.AST, tekst: str) -> tuple[list[str], list[str]] | None:
    """Words and notes for one element: a string literal or a bare name; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        segment = ast.get_source_segment(tekst, node) or ""
        delen = _strings_in(segment)
        if delen and len(delen) > 1:
            uitleg = "Tussen twee woorden ontbreekt een komma. Zet een komma tussen de woorden."
            return [d for d in delen], [uitleg]
        return [node.value], []
    if isinstance(node, ast.Name):
        return [node.id], []  # a word without quotes is fine: plain words are the asked form
    return None


def _uit_waarde(node: ast.AST, tekst: str) -> Antwoord:
    geen_data = Antwoord(
        leesbaar=False,
        meldingen=(GEEN_WOORDEN,),
    )
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        woorden: list[str] = []
        meldingen: list[str] = []
        for elt in node.elts:
            deel = _woord(elt, tekst)
            if deel is None:
                return geen_data
            woorden += deel[0]
            meldingen += [m for m in deel[1] if m not in meldingen]
        woorden = [w for w in woorden if w.strip()]
        if not woorden:
            return Antwoord(leeg=True, lijst=True)
        return Antwoord(tuple(woorden), lijst=True, meldingen=tuple(meldingen))
    deel = _woord(node, tekst)
    if deel is None:
        return geen_data
    woorden = [w for w in deel[0] if w.strip()]
    if not woorden:
        return LEEG
    return Antwoord(tuple(woorden), meldingen=tuple(deel[1]))


def _lees_soepel(tekst: str) -> Antwoord:
    """Words from a cell that Python cannot parse (a missing quote or bracket): still only text."""
    regels = _code_regels(tekst)
    # The last line with '=' starts the answer, as the last assignment would in Python.
    met_is = [i for i, r in enumerate(regels) if "=" in r]
    if met_is:
        regels = [regels[met_is[-1]].split("=", 1)[1], *regels[met_is[-1] + 1 :]]
    deel = "\n".join(regels)
    lijst = "[" in deel
    deel = re.sub(r"[\[\](){}\"'`“”‘’]", " ", deel)
    woorden = tuple(w.strip() for w in re.split(r"[,;\n]", deel) if w.strip())
    melding = (
        "De computer kan deze cel niet helemaal lezen. Typ alleen gewone woorden, zonder "
        "aanhalingstekens of haken, met een komma of een nieuwe regel ertussen."
    )
    if not woorden:
        return Antwoord(leesbaar=False, meldingen=(melding,))
    return Antwoord(woorden, lijst=lijst, meldingen=(melding,))


def lees_antwoord(bron) -> Antwoord:
    """Read the answer in a cell's text as data; never raises, never executes anything."""
    tekst = gewone_tekst(bron)[:_MAX_BRON]
    regels = _code_regels(tekst)
    if not regels:
        return LEEG
    if not any(_CODETEKENS.search(_OPSOMMING.sub("", r)) for r in regels):
        return _lees_woorden(regels)
    tekst = "\n".join(regels)
    try:
        boom = ast.parse(tekst)
    except (SyntaxError, ValueError):
        return _lees_soepel(tekst)
    except (MemoryError, RecursionError):
        return Antwoord(leesbaar=False, meldingen=("Deze cel is te ingewikkeld om te lezen.",))
    # The last assignment (or bare value) decides, as it would in Python. Other statements are
    # never run and do not count.
    stappen = [
        st
        for st in boom.body
        if isinstance(st, (ast.Assign, ast.AnnAssign, ast.Expr)) and st.value is not None
    ]
    if not stappen:
        return Antwoord(leesbaar=False, meldingen=("In deze cel staat geen antwoord.",))
    try:
        antwoord = _uit_waarde(stappen[-1].value, tekst)
        eerder = [_uit_waarde(st.value, tekst) for st in stappen[:-1]]
    except (MemoryError, RecursionError):
        return Antwoord(leesbaar=False, meldingen=("Deze cel is te ingewikkeld om te lezen.",))
    extra: tuple[str, ...] = ()
    if len(stappen) < len(boom.body) or any(not a.leesbaar for a in eerder):
        extra = ("Zet alleen je antwoord in deze cel, verder niets.",)
    elif any(not a.leeg for a in eerder):
        extra = ("In deze cel staan twee antwoorden. Alleen het laatste telt. Haal het andere weg.",)
    if extra:
        antwoord = Antwoord(
            antwoord.woorden, antwoord.leeg, antwoord.leesbaar, antwoord.lijst, extra + antwoord.meldingen
        )
    return antwoord


# --- the grading key and the result of one question ------------------------------------------


@dataclass(frozen=True)
class Sleutel:
    """The grading key of one autograded question, kept in the hidden test of the source notebook."""

    casus: str
    vraag: str  # CATEGORIE or KENMERKEN
    antwoordcel: str  # grade_id of the cell with the learner's answer
    nummer: int  # the casus number the learner sees
    titel: str
    label: str
    kenmerken: tuple[str, ...]
    uitleg: str = ""

    def als_dict(self) -> dict:
        return {
            "casus": self.casus,
            "vraag": self.vraag,
            "antwoordcel": self.antwoordcel,
            "nummer": self.nummer,
            "titel": self.titel,
            "label": self.label,
            "kenmerken": list(self.kenmerken),
            "uitleg": self.uitleg,
        }

    @property
    def max_punten(self) -> int:
        return PUNTEN_CATEGORIE if self.vraag == CATEGORIE else PUNTEN_KENMERKEN


def sleutel_uit_bron(bron) -> Sleutel | None:
    """The key in a (trusted) grade cell's source: the line ``WIJKLEREN_SLEUTEL = {...}``."""
    for regel in gewone_tekst(bron).splitlines():
        if not regel.startswith(SLEUTEL_NAAM):
            continue
        try:
            d = ast.literal_eval(regel.split("=", 1)[1].strip())
            return Sleutel(
                casus=str(d["casus"]),
                vraag=str(d["vraag"]),
                antwoordcel=str(d["antwoordcel"]),
                nummer=int(d["nummer"]),
                titel=str(d["titel"]),
                label=str(d["label"]),
                kenmerken=tuple(str(k) for k in d["kenmerken"]),
                uitleg=str(d.get("uitleg", "")),
            )
        except (ValueError, SyntaxError, KeyError, TypeError, IndexError):
            return None
    return None


@dataclass(frozen=True)
class Beoordeling:
    """The score and the Dutch explanation of one autograded question."""

    sleutel: Sleutel
    punten: float
    gegeven: tuple[str, ...]  # recognised codes, in the order given
    onbekend: tuple[str, ...]  # words we do not know
    vorm: tuple[str, ...]  # notes on the form (also shown by the self-check)
    uitleg: tuple[str, ...]  # sentences on content: right or wrong, and why
    per_kenmerk: tuple[tuple[str, bool, bool], ...] = field(default=())  # (code, in casus, ticked)

    @property
    def max_punten(self) -> int:
        return self.sleutel.max_punten

    @property
    def goed(self) -> bool:
        return self.punten == self.max_punten


def _namen_lijst(codes) -> str:
    namen = [f"'{KENMERK[c].naam}'" for c in codes]
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def _losse_woorden(antwoord: Antwoord) -> list[str]:
    """The words of an answer; "a, b" inside one pair of quotes counts as two words."""
    return [d.strip() for w in antwoord.woorden for d in re.split(r"[,;]", w) if d.strip()]


def _herken(antwoord: Antwoord, soort: str) -> tuple[list[str], list[str], bool]:
    """Recognised codes (unique, in order), unknown words, and whether 'geen' was given."""
    codes: list[str] = []
    onbekend: list[str] = []
    geen = False
    herken = herken_categorie if soort == CATEGORIE else herken_kenmerk
    if soort == CATEGORIE:
        # A category may hold a comma: "in een gebied, maar niet gebiedsgericht".
        heel = herken_categorie(" ".join(antwoord.woorden))
        if heel is not None:
            return [heel], [], False
    for w in _losse_woorden(antwoord):
        code = herken(w)
        if code is not None:
            if code not in codes:
                codes.append(code)
        elif soort == KENMERKEN and is_geen(w):
            geen = True
        elif soort == KENMERKEN and is_alle(w):
            codes += [c for c in KENMERK_CODES if c not in codes]
        else:
            onbekend.append(w)
    return codes, onbekend, geen


def vormmeldingen(antwoord: Antwoord, soort: str) -> list[str]:
    """Dutch notes on the form of an answer only: never whether it is right."""
    if antwoord.leeg:
        if soort == CATEGORIE:
            return [
                "Je hebt nog niets ingevuld. Typ de soort aanpak in gewone woorden, "
                "bijvoorbeeld: gebiedsgericht werken."
            ]
        return [
            "Je hebt nog geen kenmerken ingevuld. Typ elk kenmerk dat je ziet op een eigen regel. "
            "Zie je in de casus geen enkel kenmerk? Typ dan: geen"
        ]
    meldingen = list(antwoord.meldingen)
    if not antwoord.leesbaar:
        return meldingen
    codes, onbekend, geen = _herken(antwoord, soort)
    meldingen += [hint(w, soort) for w in onbekend]
    if soort == CATEGORIE:
        if antwoord.lijst:
            meldingen.append("Hier hoort één antwoord, geen lijst. Haal de blokhaken [ ] weg.")
        if len(codes) > 1 or (codes and onbekend):
            meldingen.append("Je gaf meer dan één antwoord. Kies er één.")
    else:
        if geen and codes:
            meldingen.append("Je schreef 'geen' en ook kenmerken. Kies: 'geen', of alleen de kenmerken.")
        herkend = [herken_kenmerk(w) for w in _losse_woorden(antwoord)]
        dubbel = [c for c in codes if herkend.count(c) > 1]
        if dubbel:
            meldingen.append(f"Dit kenmerk staat er twee keer in: {_namen_lijst(dubbel)}.")
    return meldingen


def _geen_antwoord(antwoord: Antwoord | None) -> str | None:
    if antwoord is None:
        return "De cel met je antwoord ontbreekt. Je kreeg voor deze vraag geen punten."
    if antwoord.leeg:
        return "Je hebt hier geen antwoord gegeven."
    if not antwoord.leesbaar:
        return "Je antwoord was niet te lezen als woorden. Je kreeg voor deze vraag geen punten."
    return None


def _uitleg_casus(sleutel: Sleutel) -> str:
    return uitleg_uitkomst(beslis(sleutel.kenmerken))


def beoordeel(bron, sleutel: Sleutel) -> Beoordeling:
    """Score one answer (the text of its cell, or None if the cell is missing) against its key."""
    antwoord = None if bron is None else lees_antwoord(bron)
    if sleutel.vraag == CATEGORIE:
        return _beoordeel_categorie(antwoord, sleutel)
    return _beoordeel_kenmerken(antwoord, sleutel)


def _beoordeel_categorie(antwoord: Antwoord | None, sleutel: Sleutel) -> Beoordeling:
    vorm = tuple(vormmeldingen(antwoord, CATEGORIE)) if antwoord and not antwoord.leeg else ()
    reden = _geen_antwoord(antwoord)
    codes, onbekend, _ = _herken(antwoord, CATEGORIE) if reden is None else ([], [], False)
    juist = CATEGORIE_NAAM[sleutel.label]
    if reden is None and len(codes) == 1 and not onbekend:
        gekozen = codes[0]
        if gekozen == sleutel.label:
            uitleg = (f"Goed. {_uitleg_casus(sleutel)}",)
            return Beoordeling(sleutel, float(PUNTEN_CATEGORIE), tuple(codes), (), vorm, uitleg)
        uitleg = (
            f"Niet goed. Je koos: {CATEGORIE_NAAM[gekozen]}. Het goede antwoord is: {juist}.",
            _uitleg_casus(sleutel),
        )
        return Beoordeling(sleutel, 0.0, tuple(codes), (), vorm, uitleg)
    if reden is None:
        reden = (
            "Je gaf meer dan één antwoord. Daarvoor krijg je geen punten."
            if len(codes) > 1 or (codes and onbekend)
            else "We konden je antwoord niet herkennen. Daarvoor krijg je geen punten."
        )
    uitleg = (reden, f"Het goede antwoord is: {juist}.", _uitleg_casus(sleutel))
    return Beoordeling(sleutel, 0.0, tuple(codes), tuple(onbekend), vorm, uitleg)


def _beoordeel_kenmerken(antwoord: Antwoord | None, sleutel: Sleutel) -> Beoordeling:
    """Vraag b: the points go to the judgement that decides. The learner's kenmerken are run
    through the decision rule; they score when they reach the casus' own decisive kenmerk."""
    reden = _geen_antwoord(antwoord)
    in_casus = set(sleutel.kenmerken)
    juist = beslis(sleutel.kenmerken)
    if reden is not None:
        per = tuple((k, k in in_casus, False) for k in KENMERK_CODES)
        aanwezig = _namen_lijst([k for k in KENMERK_CODES if k in in_casus]) or "geen enkel kenmerk"
        uitleg = (reden, f"In deze casus staan deze kenmerken: {aanwezig}.", _uitleg_casus(sleutel))
        return Beoordeling(sleutel, 0.0, (), (), (), uitleg, per)
    codes, onbekend, _ = _herken(antwoord, KENMERKEN)
    vorm = tuple(vormmeldingen(antwoord, KENMERKEN))
    gekozen = set(codes)
    per = tuple((k, k in in_casus, k in gekozen) for k in KENMERK_CODES)
    jouw = beslis(gekozen)
    goed = jouw.beslissend == juist.beslissend and jouw.categorie == juist.categorie
    if goed:
        zinnen = [
            "Goed. Met jouw kenmerken komt de beslisregel uit bij hetzelfde kenmerk als bij deze "
            f"casus. De uitkomst is {uitkomst_deel(juist)}."
        ]
    else:
        zinnen = [
            f"Niet goed. Met jouw kenmerken is de uitkomst van de beslisregel {uitkomst_deel(jouw)}.",
            f"Bij deze casus is de uitkomst {uitkomst_deel(juist)}.",
        ]
    # Which judgements the rule used: the steps up to and including the decisive kenmerk.
    stappen = [code for code, _ in juist.stappen]
    gemist = [k for k in stappen if k in in_casus and k not in gekozen]
    teveel = [k for k in stappen if k not in in_casus and k in gekozen]
    if gemist:
        zinnen.append(
            f"Deze kenmerken staan wel in de casus, maar je noemde ze niet: {_namen_lijst(gemist)}."
        )
    if teveel:
        zinnen.append(f"Dit kenmerk noemde je, maar het staat niet in de casus: {_namen_lijst(teveel)}.")
    if juist.beslissend:
        zinnen.append(
            f"Het kenmerk dat de doorslag geeft: {KENMERK[juist.beslissend].naam.lower()}. "
            "Kenmerken die de beslisregel daarna nog zou vragen, tellen niet mee."
        )
    else:
        zinnen.append("Alle negen kenmerken staan in deze casus. Daarom is het een wijkaanpak.")
    punten = float(PUNTEN_KENMERKEN) if goed else 0.0
    return Beoordeling(sleutel, punten, tuple(codes), tuple(onbekend), vorm, tuple(zinnen), per)
