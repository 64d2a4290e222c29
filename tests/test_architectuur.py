"""The architecture is checked, not only drawn: import-linter holds the layers of the package.

The contracts are in pyproject.toml ([tool.importlinter]); `make lint` runs them. These tests run
the same check on the real package, and on a copy with one planted import that breaks a layer.
"""

import os
import shutil
import subprocess

from helpers.paden import BIN, ROOT

PAKKET = ROOT / "src" / "wijkleren"


def _lint(pad_voor_python) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "lint-imports"), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(pad_voor_python)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_package_keeps_its_layers():
    uit = _lint(ROOT / "src")
    assert uit.returncode == 0, uit.stdout[-3000:]
    assert uit.stdout.count("KEPT") == 2


def test_a_case_module_that_imports_a_trainer_tool_breaks_the_layers(tmp_path):
    kopie = tmp_path / "wijkleren"
    shutil.copytree(PAKKET, kopie, ignore=shutil.ignore_patterns("__pycache__"))
    domein = kopie / "casussen" / "domein.py"
    domein.write_text(
        domein.read_text(encoding="utf-8") + "\nfrom wijkleren.trainer import export  # noqa\n",
        encoding="utf-8",
    )
    widget = kopie / "oefeningen" / "widget.py"
    widget.write_text(
        widget.read_text(encoding="utf-8") + "\nimport wijkleren.widgets  # noqa\n", encoding="utf-8"
    )
    uit = _lint(tmp_path)
    assert uit.returncode == 1, uit.stdout[-3000:]
    assert "BROKEN" in uit.stdout
    assert "wijkleren.casussen.domein -> wijkleren.trainer.export" in uit.stdout
    assert "wijkleren.oefeningen.widget -> wijkleren.widgets" in uit.stdout
