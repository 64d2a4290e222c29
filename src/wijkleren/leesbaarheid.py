"""Readability of the book's chapters: Flesch-Douma (textstat, language nl) on the prose only.

Run as a script to print the figures per chapter:  python -m wijkleren.leesbaarheid book/*.md
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import textstat

textstat.set_lang("nl")

_FENCE = re.compile(r"^(```+|~~~+|:::+)\s*(\{[\w-]+\})?(.*)$")
# Directives whose body is not prose a learner reads as running text.
_SKIP_DIRECTIVES = {"code-cell", "figure", "image", "raw", "toctree", "mermaid", "casus"}


def proza(markdown: str) -> str:
    """The running text of a MyST page: no front matter, code, directive options, markup or links."""
    regels = markdown.splitlines()
    if regels and regels[0].strip() == "---":
        einde = next((i for i, r in enumerate(regels[1:], 1) if r.strip() == "---"), 0)
        regels = regels[einde + 1 :]
    uit: list[str] = []
    stapel: list[tuple[str, bool]] = []  # (fence, skip)
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
            stapel.append((m.group(1), skip or (stapel[-1][1] if stapel else False)))
            continue
        if stapel and stapel[-1][1]:
            continue
        if kaal.startswith(":") and re.match(r"^:[\w-]+:", kaal):
            continue  # directive option
        if kaal.startswith(("(", "<!--", "|---", "| ---", "+++")) and kaal.endswith(
            (")=", "-->", "|", "+++")
        ):
            continue
        uit.append(regel)
    tekst = "\n".join(uit)
    tekst = re.sub(r"\{[\w:-]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", tekst)  # roles: {term}`x <y>`
    tekst = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", tekst)  # links
    tekst = re.sub(r"`([^`]*)`", r"\1", tekst)
    tekst = re.sub(r"^\s*#+\s*(.*)$", r"\1.", tekst, flags=re.M)  # a heading is a sentence
    tekst = re.sub(r"^\s*[-*+]\s+(.*?)([.!?:;])?\s*$", r"\1.", tekst, flags=re.M)  # list item
    tekst = re.sub(r"^\s*\d+\.\s+(.*?)([.!?:;])?\s*$", r"\1.", tekst, flags=re.M)
    tekst = re.sub(r"^\s*\|(.*)\|\s*$", lambda m: m.group(1).replace("|", ".") + ".", tekst, flags=re.M)
    tekst = re.sub(r"[*_>]{1,3}", " ", tekst)
    tekst = re.sub(r"\.{2,}", ".", tekst)
    return re.sub(r"[ \t]+", " ", tekst)


@dataclass(frozen=True)
class Cijfers:
    naam: str
    flesch_douma: float
    zinslengte: float
    woorden: int


def meet(pad: Path | str) -> Cijfers:
    tekst = proza(Path(pad).read_text(encoding="utf-8"))
    zinnen = max(1, textstat.sentence_count(tekst))
    woorden = textstat.lexicon_count(tekst)
    return Cijfers(Path(pad).stem, textstat.flesch_reading_ease(tekst), woorden / zinnen, woorden)


def main(paden: list[str]) -> int:
    cijfers = [meet(p) for p in paden]
    print(f"{'hoofdstuk':32} {'Flesch-Douma':>12} {'woorden/zin':>11} {'woorden':>8}")
    for c in cijfers:
        print(f"{c.naam:32} {c.flesch_douma:12.1f} {c.zinslengte:11.1f} {c.woorden:8d}")
    if cijfers:
        print(f"{'mediaan':32} {statistics.median(c.flesch_douma for c in cijfers):12.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
