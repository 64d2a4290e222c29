"""A trainer's own case file: checked by the validator, used in the exercises and in an assignment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from wijkleren.casussen import bank as casusbank
from wijkleren.eindopdracht.trekken import kies_casussen
from wijkleren.oefeningen.oefendata import oefening_data

FIX = Path(__file__).parent / "fixtures" / "casussen"
EIGEN = FIX / "eigen_trainer.yaml"
WIJKLEREN = str(Path(sys.executable).parent / "wijkleren")


@pytest.fixture
def met_eigen(monkeypatch):
    monkeypatch.setenv(casusbank.EIGEN_VAR, str(EIGEN))


def test_own_cases_join_the_bank(met_eigen):
    ids = {c.id for c in casusbank.laad_bank()}
    assert {"VELD-OEF-1", "VELD-TOETS-1"} <= ids
    assert casusbank.casus("VELD-TOETS-1").pool == "toets"


def test_without_the_variable_only_the_packaged_bank():
    assert not any(c.id.startswith("VELD-") for c in casusbank.laad_bank())


def test_own_practice_case_in_the_exercises_but_never_an_own_toets_case(met_eigen):
    data = json.dumps(oefening_data("indelen-drie"), ensure_ascii=False)
    assert "VELD-OEF-1" in data and "Bloemenbuurt" in data
    assert "VELD-TOETS-1" not in data and "marktplein" not in data


def _maak(tmp_path, *extra, env=None):
    return subprocess.run(
        [WIJKLEREN, "opdracht", "maak", "--cursus", str(tmp_path), *extra],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.traag  # makes the assignment four times with the command
def test_own_toets_case_in_a_generated_assignment(tmp_path):
    ids = [c.id for c in kies_casussen().beoordelen][:8] + ["VELD-TOETS-1"]
    res = _maak(tmp_path, "--eigen", str(EIGEN), "--casussen", ",".join(ids))
    assert res.returncode == 0, res.stderr
    nb = nbformat.read(tmp_path / "source" / "casussen_beoordelen" / "casussen_beoordelen.ipynb", 4)
    assert "het marktplein er verlaten bij" in "".join(c.source for c in nb.cells)

    # Making it again with another choice does not replace it without saying so.
    opnieuw = _maak(tmp_path, "--eigen", str(EIGEN), "--casussen", ",".join(ids[1:]))
    assert opnieuw.returncode == 1
    assert "Bestaat al" in opnieuw.stderr and "--overschrijf" in opnieuw.stderr
    nb2 = nbformat.read(tmp_path / "source" / "casussen_beoordelen" / "casussen_beoordelen.ipynb", 4)
    assert nb2 == nb
    # The same choice again changes nothing and is fine; --overschrijf replaces and says so.
    assert _maak(tmp_path, "--eigen", str(EIGEN), "--casussen", ",".join(ids)).returncode == 0
    vervang = _maak(tmp_path, "--eigen", str(EIGEN), "--casussen", ",".join(ids[1:]), "--overschrijf")
    assert vervang.returncode == 0 and "Vervangen:" in vervang.stdout


def test_bad_own_file_gets_the_validators_dutch_message_and_nothing_is_written(tmp_path):
    res = _maak(tmp_path, env={casusbank.EIGEN_VAR: str(FIX / "onbekend_kenmerk.yaml")})
    assert res.returncode == 1
    assert "Bedoelde je 'meetbare_resultaten'?" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "source").exists()
