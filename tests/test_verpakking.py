"""Real packaging: pyproject declares what requirements.txt pins, ships every data file, and the
package never looks for the checkout through its own path."""

import re
import tomllib

import pytest
from helpers.paden import ROOT
from packaging.requirements import Requirement

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PAKKET = ROOT / "src" / "wijkleren"


def _naam(tekst: str) -> str:
    return re.sub(r"[-_.]+", "-", tekst).lower()


def _pins() -> dict[str, str]:
    pins = {}
    for regel in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        regel = regel.split("#")[0].strip()
        if regel:
            naam, versie = regel.split("==")
            pins[_naam(naam)] = versie
    return pins


def test_every_pin_of_requirements_txt_is_declared_and_fits():
    project = PYPROJECT["project"]
    eisen = [
        *project["dependencies"],
        *(e for lijst in project["optional-dependencies"].values() for e in lijst),
    ]
    verklaard = {_naam(r.name): r for r in map(Requirement, eisen) if r.name != "wijkleren"}
    pins = _pins()
    assert sorted(set(pins) - set(verklaard)) == []
    assert [n for n, v in pins.items() if not verklaard[n].specifier.contains(v, prereleases=True)] == []
    assert set(project["optional-dependencies"]) >= {"boek", "klasserver", "test"}


def test_every_data_file_is_package_data():
    gedekt = {
        p
        for pakket, patronen in PYPROJECT["tool"]["setuptools"]["package-data"].items()
        for patroon in patronen
        for p in PAKKET.parent.joinpath(*pakket.split(".")).glob(patroon)
    }
    data = {p for p in PAKKET.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc")}
    assert sorted(str(p.relative_to(PAKKET)) for p in data - gedekt) == []


def test_the_package_finds_no_checkout_through_its_own_path():
    # The course's folders come from the current directory or an argument (casusbank.toets_map,
    # starten --map, hub start --bron); a lookup like parents[2] works only in a checkout.
    gevonden = [
        f"{p.relative_to(ROOT)}:{nr}"
        for p in sorted(PAKKET.rglob("*.py"))
        for nr, regel in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"parents\[\d\]|\.parent\.parent", regel)
    ]
    assert gevonden == []


def test_outside_the_course_folder_the_commands_say_so_in_dutch(tmp_path, monkeypatch, capsys):
    from wijkleren import starten
    from wijkleren.klasserver import klas
    from wijkleren.lms import pakket

    assert starten.main(["--alleen-notebooks", "--map", str(tmp_path)]) == 2
    assert "Ik vind de oefeningen niet" in capsys.readouterr().err
    with pytest.raises(klas.KlasFout, match="--bron"):
        klas.cursusbron(tmp_path)
    assert klas.cursusbron(ROOT) == ROOT.resolve()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(pakket.PakketFout, match="npm ci"):
        pakket._lz_string()
