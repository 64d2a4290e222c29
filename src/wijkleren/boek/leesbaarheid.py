"""Readability of the book's chapters: sentence length, short sentences and Flesch-Douma.

The measures are taken on the running text a learner reads (paragraphs, list items, admonitions),
not on headings, tables, glossary terms, footnote definitions, code or directive options.
The band is B1 for professionals (issue 15): 11-15 words per sentence on average, at most 15% of
sentences of five words or fewer, and Flesch-Douma above 55.

Run as a script to print the figures per chapter:  python -m wijkleren.boek.leesbaarheid book/*.md
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

textstat.set_lang("nl")

# The band the gate checks (tests/test_boek_kwaliteit.py): both ends can fail.
ZINSLENGTE_MIN = 11.0
ZINSLENGTE_MAX = 15.0
KORTE_ZIN = 5  # words: a sentence of this length or shorter counts as short
KORT_AANDEEL_MAX = 0.15
FLESCH_DOUMA_MIN = 55.0

_FENCE = re.compile(r"^(```+|~~~+|:::+)\s*(\{[\w-]+\})?(.*)$")
# Directives whose body is not prose a learner reads as running text.
_SKIP_DIRECTIVES = {"code-cell", "figure", "image", "raw", "toctree", "mermaid", "casus"}
_GEEN_LOPENDE_TEKST = "\x01"  # marks a line that is read but is no running text (heading, table)


def proza(markdown: str, *, alleen_lopende_tekst: bool = False, met_code: bool = True) -> str:
    """The text of a MyST page: no front matter, code blocks, directive options, markup or links.

    With alleen_lopende_tekst, also without headings, table rows, glossary terms and footnote
    definitions: what is left is the running text the sentence measures are taken on.
    With met_code=False, inline code (a command, a file name) is left out too, as for spelling.
    """
    regels = markdown.splitlines()
    if regels and regels[0].strip() == "---":
        einde = next((i for i, r in enumerate(regels[1:], 1) if r.strip() == "---"), 0)
        regels = regels[einde + 1 :]
    uit: list[str] = []
    stapel: list[tuple[str, bool, str]] = []  # (fence, skip, directive name)
    for regel in regels:
        kaal = regel.strip()
        m = _FENCE.match(kaal)
        if (
            m
            and stapel
            and m.group(1)[0] == stapel[-1][0][0]
            and len(m.group(1)) >= len(stapel[-1][0])
            and not m.group(2)
            and not m.group(3).strip()
        ):
            stapel.pop()
            continue
        if m and (m.group(2) or not stapel or m.group(1)[0] != stapel[-1][0][0]):
            naam = (m.group(2) or "").strip("{}")
            skip = m.group(1).startswith(("`", "~")) and not naam or naam in _SKIP_DIRECTIVES
            stapel.append((m.group(1), skip or (stapel[-1][1] if stapel else False), naam))
            continue
        if stapel and stapel[-1][1]:
            continue
        if kaal.startswith(":") and re.match(r"^:[\w-]+:", kaal):
            continue  # directive option
        if kaal.startswith(("(", "<!--", "|---", "| ---", "+++")) and kaal.endswith(
            (")=", "-->", "|", "+++")
        ):
            continue
        geen_lopende_tekst = (
            kaal.startswith(("#", "|"))
            or re.match(r"^\[\^\w+\]:", kaal)
            or (stapel and stapel[-1][2] == "glossary" and kaal and not regel[:1].isspace())
        )
        if geen_lopende_tekst:
            if alleen_lopende_tekst:
                continue
            if stapel and stapel[-1][2] == "glossary" and not kaal.startswith(("#", "|")):
                regel = f"{kaal}."  # a glossary term is read as a heading
        uit.append(regel)
    tekst = "\n".join(_lijstitems_samen(uit))
    tekst = re.sub(r"\[\^\w+\]:?", " ", tekst)  # footnote markers
    tekst = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", tekst)  # roles: {term}`x <y>`
    tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", tekst)  # links
    tekst = re.sub(r"`([^`]*)`", r"\1" if met_code else " ", tekst)
    tekst = re.sub(r"^[ \t]*#+[ \t]*(.*)$", r"\1.", tekst, flags=re.M)  # a heading is a sentence
    # [ \t] and not \s: a list item must not swallow the blank lines around it.
    tekst = re.sub(r"^[ \t]*[-*+][ \t]+(.*?)([.!?:;])?[ \t]*$", r"\1.", tekst, flags=re.M)  # list item
    tekst = re.sub(r"^[ \t]*\d+\.[ \t]+(.*?)([.!?:;])?[ \t]*$", r"\1.", tekst, flags=re.M)
    tekst = re.sub(r"^[ \t]*\|(.*)\|[ \t]*$", lambda m: m.group(1).replace("|", ".") + ".", tekst, flags=re.M)
    tekst = re.sub(r"[*_>]{1,3}", " ", tekst)
    tekst = re.sub(r"\.{2,}", ".", tekst)
    return re.sub(r"[ \t]+", " ", tekst)


_LIJSTITEM = re.compile(r"^\s*([-*+]|\d+\.)\s+")


def _lijstitems_samen(regels: list[str]) -> list[str]:
    """Join the indented continuation lines of a list item to it, so that the item is one line."""
    uit: list[str] = []
    in_item = False
    for regel in regels:
        if in_item and regel[:1].isspace() and regel.strip() and not _LIJSTITEM.match(regel):
            uit[-1] = f"{uit[-1].rstrip()} {regel.strip()}"
            continue
        in_item = bool(_LIJSTITEM.match(regel))
        uit.append(regel)
    return uit


def zinnen(tekst: str) -> list[str]:
    """The sentences of a text: split after . ! ? (and a closing quote) and at blank lines."""
    tekst = re.sub(r"([.!?]+[\"”’')\]]*)\s+", "\\1\n\n", tekst)
    stukken = (re.sub(r"\s+", " ", s).strip() for s in re.split(r"\n\s*\n", tekst))
    return [s for s in stukken if textstat.lexicon_count(s) > 0]


@dataclass(frozen=True)
class Cijfers:
    naam: str
    flesch_douma: float
    zinslengte: float  # words per sentence
    kort_aandeel: float  # share of sentences of KORTE_ZIN words or fewer
    woorden: int
    zinnen: int

    def buiten_de_band(self) -> list[str]:
        """What is outside the B1 band, in words a writer can act on; empty when all is well."""
        fout = []
        if self.zinslengte < ZINSLENGTE_MIN:
            fout.append(
                f"zinnen te kort: {self.zinslengte:.1f} woorden per zin (minstens {ZINSLENGTE_MIN:g})"
            )
        if self.zinslengte > ZINSLENGTE_MAX:
            fout.append(
                f"zinnen te lang: {self.zinslengte:.1f} woorden per zin (hoogstens {ZINSLENGTE_MAX:g})"
            )
        if self.kort_aandeel > KORT_AANDEEL_MAX:
            fout.append(
                f"te veel korte zinnen: {self.kort_aandeel:.0%} van {KORTE_ZIN} woorden of minder "
                f"(hoogstens {KORT_AANDEEL_MAX:.0%})"
            )
        if self.flesch_douma <= FLESCH_DOUMA_MIN:
            fout.append(f"Flesch-Douma {self.flesch_douma:.1f} (boven {FLESCH_DOUMA_MIN:g} nodig)")
        return fout


def meet_tekst(tekst: str, naam: str = "tekst") -> Cijfers:
    """The figures of a running text (already without markup)."""
    lijst = zinnen(tekst)
    lengtes = [textstat.lexicon_count(z) for z in lijst]
    woorden = sum(lengtes)
    if not woorden:
        return Cijfers(naam, 0.0, 0.0, 0.0, 0, 0)
    zinslengte = woorden / len(lengtes)
    lettergrepen = sum(textstat.syllable_count(z) for z in lijst)
    # Flesch-Douma: 206.84 - 0.77 x syllables per 100 words - 0.93 x words per sentence.
    flesch_douma = 206.84 - 0.77 * (100 * lettergrepen / woorden) - 0.93 * zinslengte
    kort = sum(1 for n in lengtes if n <= KORTE_ZIN) / len(lengtes)
    return Cijfers(naam, flesch_douma, zinslengte, kort, woorden, len(lengtes))


def meet(pad: Path | str) -> Cijfers:
    markdown = Path(pad).read_text(encoding="utf-8")
    return meet_tekst(proza(markdown, alleen_lopende_tekst=True), Path(pad).stem)


def main(paden: list[str]) -> int:
    cijfers = [meet(p) for p in paden]
    print(
        f"{'hoofdstuk':24} {'woorden/zin':>11} {'korte zinnen':>12} {'Flesch-Douma':>12} "
        f"{'zinnen':>7} {'woorden':>8}  band"
    )
    for c in cijfers:
        band = "; ".join(c.buiten_de_band()) or "in orde"
        print(
            f"{c.naam:24} {c.zinslengte:11.1f} {c.kort_aandeel:12.0%} {c.flesch_douma:12.1f} "
            f"{c.zinnen:7d} {c.woorden:8d}  {band}"
        )
    print(
        f"Band: {ZINSLENGTE_MIN:g}-{ZINSLENGTE_MAX:g} woorden per zin, hoogstens {KORT_AANDEEL_MAX:.0%} "
        f"zinnen van {KORTE_ZIN} woorden of minder, Flesch-Douma boven {FLESCH_DOUMA_MIN:g}."
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
