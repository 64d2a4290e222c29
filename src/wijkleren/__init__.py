"""Wijkleren: course logic for gebiedsgericht werken, the wijkaanpak and the sectorale aanpak."""

__version__ = "0.2.0"
