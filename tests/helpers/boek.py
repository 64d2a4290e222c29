"""The built book (made by the ``boek`` fixture in tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

from .paden import ROOT

BOEK_HTML = ROOT / "_build" / "html"


def html_paginas(boek: Path) -> list[str]:
    """All pages of the built book, as paths relative to its root."""
    return sorted(
        str(p.relative_to(boek))
        for p in boek.rglob("*.html")
        if not p.relative_to(boek).parts[0].startswith(("_", "."))
    )
