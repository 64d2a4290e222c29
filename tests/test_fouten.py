"""One error root: every error of the package derives from WijklerenFout; the CLI handles it once."""

import importlib
import inspect
import logging
import pkgutil
import subprocess
import sys

import pytest

import wijkleren
from wijkleren import fouten
from wijkleren.cli import main
from wijkleren.fouten import WijklerenFout


def _modules():
    for info in pkgutil.walk_packages(wijkleren.__path__, "wijkleren."):
        if not info.name.endswith(".__main__"):  # `python -m wijkleren.cli` runs the command
            yield importlib.import_module(info.name)


def test_every_exception_of_the_package_derives_from_the_one_root():
    eigen = {
        cls
        for mod in _modules()
        for _, cls in inspect.getmembers(mod, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__.startswith("wijkleren.")
    }
    assert len(eigen) >= 10, sorted(c.__name__ for c in eigen)
    assert sorted(c.__qualname__ for c in eigen if not issubclass(c, WijklerenFout)) == []


def test_a_command_that_stops_on_one_prints_dutch_and_its_code_without_traceback(tmp_path, capsys):
    # Any command: a folder without nbgrader_config.py is a RondeFout (code 2), handled in main.
    assert main(["klas", "overzicht", "--cursus", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Fout: ") and "nbgrader" in err and "Traceback" not in err


def test_the_handler_uses_the_errors_own_text_and_code(capsys):
    class Voorbeeld(WijklerenFout):
        code = 3
        voorvoegsel = "Niet gelukt: "

    assert fouten.meld(Voorbeeld("de map is weg.")) == 3
    assert capsys.readouterr().err == "Niet gelukt: de map is weg.\n"


@pytest.mark.parametrize(("niveau", "zichtbaar"), [("WARNING", True), ("ERROR", False)])
def test_diagnostics_go_through_logging_on_stderr(monkeypatch, capsys, niveau, zichtbaar):
    monkeypatch.setenv(fouten.LOG_VAR, niveau)
    fouten.logboek()
    logging.getLogger("wijkleren.nakijkronde.vastleggen").warning("timestamp.txt in %s niet bijgewerkt", "x")
    err = capsys.readouterr().err
    assert (
        "WARNING wijkleren.nakijkronde.vastleggen: timestamp.txt in x niet bijgewerkt" in err
    ) is zichtbaar


@pytest.mark.parametrize(
    "werk, woorden",
    [
        (lambda tmp: open(tmp / "bestaat-niet" / "x.txt"), "bestaat niet"),
        (
            lambda tmp: (tmp / "bestand").write_text("x") and (tmp / "bestand" / "map").mkdir(),
            "al een bestand",
        ),
        (lambda tmp: (tmp / "map").mkdir() or (tmp / "map").read_text(), "een map, geen bestand"),
    ],
)
def test_the_one_handler_turns_a_real_os_error_into_dutch_without_traceback(tmp_path, capsys, werk, woorden):
    assert fouten.voer_uit(lambda: werk(tmp_path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("Niet gelukt: ") and woorden in err and str(tmp_path) in err
    assert "Traceback" not in err and "Errno" not in err


def test_the_one_handler_leaves_a_bug_its_traceback():
    with pytest.raises(ZeroDivisionError):
        fouten.voer_uit(lambda: 1 / 0)


@pytest.mark.parametrize(
    "commando, woorden",
    [
        (
            ["-m", "wijkleren.cli", "opdracht", "nakijken", "x", "--werkers", "abc"],
            "'abc' is geen getal (bij --werkers)",
        ),
        (["-m", "wijkleren.cli", "opdracht", "nakijken"], "dit ontbreekt nog: OPDRACHT"),
        (["-m", "wijkleren.klasserver.hub", "begin"], "'begin' kan niet bij ACTIE, kies uit 'start', 'stop'"),
        (["-m", "wijkleren.lms.pakket", "--doel"], "na --doel hoort een waarde"),
        (["-m", "wijkleren.trainer.drukwerk", "--onbekend"], "onbekend: --onbekend"),
    ],
)
def test_a_wrong_argument_gets_dutch_from_every_command(commando, woorden):
    uit = subprocess.run([sys.executable, *commando], capture_output=True, text=True, timeout=120)
    assert uit.returncode == 2
    assert f"Fout: {woorden}. Gebruik --help voor uitleg." in uit.stderr, uit.stderr
    assert "Traceback" not in uit.stderr and "error:" not in uit.stderr


def test_every_argparse_message_the_commands_can_give_has_its_dutch_form(capsys):
    # Python's argparse words these in English; if a Python release rewords one, this test names it.
    p = fouten.Parser(prog="x")
    p.add_argument("--n", type=int)
    p.add_argument("--k", action="store_true")
    p.add_argument("vast")
    p.add_argument("keuze", nargs="?", choices=["een", "twee"])
    for args in (["--n", "x", "v"], [], ["v", "een", "--m"], ["v", "drie"], ["v", "--n"], ["v", "--k=1"]):
        with pytest.raises(SystemExit):
            p.parse_args(args)
        regel = capsys.readouterr().err.splitlines()[-1]
        assert regel.startswith("Fout: ") and not any(
            w in regel for w in ("argument", "invalid", "expected", "required", "unrecognized", "ignored")
        ), (args, regel)
