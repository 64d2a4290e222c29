"""Recognising the words of an answer: which category or kenmerk each means, and notes on the form.

A word is compared without case, accents, spaces, hyphens or a leading article, against the names
and the usual variants (``wijk-aanpak``, ``samenhang``); a word we do not know gets a Dutch hint
("Bedoelde je ...?"). :func:`vormmeldingen` says what is wrong with the *form* of an answer, never
whether it is right: the self-check shows it before handing in, the feedback after grading.
"""

from __future__ import annotations

import difflib
import re
import unicodedata

from wijkleren.casussen.domein import (
    CATEGORIE_NAAM,
    CATEGORIEEN,
    GEBIEDSGERICHT,
    GEEN_KENMERK,
    KENMERK,
    KENMERK_CODES,
    NIET_GEBIEDSGERICHT,
    WIJKAANPAK,
)
from wijkleren.eindopdracht.antwoorden import Antwoord, gewone_tekst
from wijkleren.eindopdracht.formaat import VRAAG_CATEGORIE, VRAAG_KENMERKEN

# Longer texts are cut before normalising and suggesting: an answer is a few words.
_MAX_WOORD = 120

_LIDWOORDEN = ("een", "de", "het")


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
_GEEN_VARIANTEN = _namen(GEEN_KENMERK, "geen kenmerken", "geen enkel kenmerk", "niets", "geen één")
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
    tabel = _CATEGORIE_TABEL if soort == VRAAG_CATEGORIE else _KENMERK_TABEL
    gok = difflib.get_close_matches(sleutel, list(tabel), n=1, cutoff=0.75)
    return tabel[gok[0]] if gok else None


def hint(woord, soort: str) -> str:
    """Dutch hint for a word we do not know: "'wijkaanpk' kennen we niet. Bedoelde je 'wijkaanpak'?"."""
    getoond = gewone_tekst(woord)[:60]
    gok = suggestie(woord, soort)
    if gok:
        return f"'{getoond}' kennen we niet. Bedoelde je '{gok}'?"
    if soort == VRAAG_CATEGORIE:
        return f"'{getoond}' kennen we niet. Kies uit: {', '.join(CATEGORIEEN)}."
    return f"'{getoond}' kennen we niet. Gebruik de namen uit de lijst met kenmerken."


# --- what an answer's words mean, and notes on its form -----------------------------------


def kenmerknamen(codes) -> str:
    """Kenmerk names for a Dutch sentence: "'Gebonden aan een gebied' en 'Samenhang tussen taken'"."""
    namen = [f"'{KENMERK[c].naam}'" for c in codes]
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def _losse_woorden(antwoord: Antwoord) -> list[str]:
    """The words of an answer; "a, b" inside one pair of quotes counts as two words."""
    return [d.strip() for w in antwoord.woorden for d in re.split(r"[,;]", w) if d.strip()]


def herken_codes(antwoord: Antwoord, soort: str) -> tuple[list[str], list[str], bool]:
    """Recognised codes (unique, in order), unknown words, and whether 'geen' was given."""
    codes: list[str] = []
    onbekend: list[str] = []
    geen = False
    herken = herken_categorie if soort == VRAAG_CATEGORIE else herken_kenmerk
    if soort == VRAAG_CATEGORIE:
        # A category may hold a comma: "in een gebied, maar niet gebiedsgericht".
        heel = herken_categorie(" ".join(antwoord.woorden))
        if heel is not None:
            return [heel], [], False
    for w in _losse_woorden(antwoord):
        code = herken(w)
        if code is not None:
            if code not in codes:
                codes.append(code)
        elif soort == VRAAG_KENMERKEN and is_geen(w):
            geen = True
        elif soort == VRAAG_KENMERKEN and is_alle(w):
            codes += [c for c in KENMERK_CODES if c not in codes]
        else:
            onbekend.append(w)
    return codes, onbekend, geen


def vormmeldingen(antwoord: Antwoord, soort: str) -> list[str]:
    """Dutch notes on the form of an answer only: never whether it is right."""
    if antwoord.leeg:
        if soort == VRAAG_CATEGORIE:
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
    codes, onbekend, geen = herken_codes(antwoord, soort)
    meldingen += [hint(w, soort) for w in onbekend]
    if soort == VRAAG_CATEGORIE:
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
            meldingen.append(f"Dit kenmerk staat er twee keer in: {kenmerknamen(dubbel)}.")
    return meldingen
