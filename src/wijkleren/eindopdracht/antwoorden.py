"""Reading an answer cell as text: what a learner typed, as plain words; never executed.

An answer is the *text* of a notebook cell: plain words such as ``gebiedsgericht werken`` or
``gebiedsgebonden, ruimte voor bewoners`` (the form the assignment asks for), or the older code form
``kenmerken = ["gebiedsgebonden"]``; :func:`lees_antwoord` turns that text into plain words, with
:mod:`ast` for the code form, never with ``eval``. So objects that claim to be equal to everything,
replaced helper modules or a killed kernel cannot change a score: the grader never sees an object
the learner made. Which category or kenmerk the words mean: :mod:`wijkleren.eindopdracht.herkennen`.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass

from wijkleren.eindopdracht.formaat import ANTWOORD_STUB

# Longer cell texts are cut before they are read: an answer is a few words.
_MAX_BRON = 20_000


def gewone_tekst(waarde) -> str:
    """A plain ``str`` copy of text, '' for anything else: no method of a str subclass ever runs."""
    if isinstance(waarde, str):
        return str.__str__(waarde)
    return ""


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
