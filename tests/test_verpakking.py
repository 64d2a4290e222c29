"""Real packaging: pyproject declares what requirements.txt pins, ships every data file, and the
package never looks for the checkout through its own path."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile

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


@pytest.mark.traag
def test_a_built_wheel_ships_every_file_and_works_without_a_checkout(tmp_path):
    # Build from a copy (the build writes build/ and egg-info), then install the wheel into a
    # folder of its own and use it from a directory with nothing of the course around it.
    bron = tmp_path / "bron"
    shutil.copytree(PAKKET, bron / "src" / "wijkleren", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", bron)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "wiel", bron],
        check=True,
        timeout=300,
    )
    (wiel,) = (tmp_path / "wiel").glob("wijkleren-*.whl")
    namen = set(zipfile.ZipFile(wiel).namelist())
    verwacht = {
        p.relative_to(PAKKET.parent).as_posix()
        for p in PAKKET.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sorted(verwacht - namen) == []
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", tmp_path / "doel", wiel], check=True, timeout=300
    )
    code = (
        "import wijkleren, wijkleren.casussen.bank as b, wijkleren.oefeningen.widget as w, "
        "wijkleren.boek.extensie as e, wijkleren.eindopdracht.formgrader as f\n"
        "print(wijkleren.__file__)\n"
        "print(len(b.casussen('oefenen')), len(w.module_bron()) > 10000, (e.STATIC / 'favicon.svg').is_file())\n"
        "print(all(__import__('pathlib').Path(p).is_dir() for p in f.FORMGRADER_SJABLONEN))"
    )
    leeg = tmp_path / "ergens"
    leeg.mkdir()
    uit = subprocess.run(
        [sys.executable, "-c", code],
        cwd=leeg,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "doel")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert uit.returncode == 0, uit.stderr[-3000:]
    plek, telling, sjablonen = uit.stdout.splitlines()
    assert plek.startswith(str(tmp_path / "doel"))  # the installed copy, not the checkout
    from wijkleren.casussen.bank import casussen

    assert telling == f"{len(casussen('oefenen'))} True True" and sjablonen == "True"
