"""The course environment for every user of a class: reachable, or else copied where all can read it.

The class server runs each user's JupyterLab as that user, from this virtual environment. Often
other users cannot reach it: pyenv and the repository may live under /root (mode 0700). Then
:func:`kopieer_omgeving` copies the environment into the class folder. Hard links make that fast
and cost no space; files that need new paths are replaced, never written through a link.
The copy never holds the toets pool (the answer key): that stays in the trainer's course folder.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import wijkleren
from wijkleren.klasserver.accounts import als
from wijkleren.klasserver.klas import Klas


def pakketbron() -> Path:
    """The folder this package is imported from: src/ of the checkout for an editable install."""
    return Path(wijkleren.__path__[0]).resolve().parent


def voor_iedereen(pad: Path) -> bool:
    """Can any user read `pad` (every folder above it can be entered by others)?"""
    pad = Path(os.path.realpath(pad))
    if not pad.exists() or not os.stat(pad).st_mode & 0o004:
        return False
    return all(os.stat(p).st_mode & 0o001 for p in pad.parents)


def _libpython() -> list[str]:
    libdir, naam = sysconfig.get_config_var("LIBDIR"), sysconfig.get_config_var("INSTSONAME")
    if (
        sysconfig.get_config_var("Py_ENABLE_SHARED")
        and libdir
        and naam
        and os.path.exists(os.path.join(libdir, naam))
    ):
        return [os.path.join(libdir, naam)]
    return []


def _kopieer_boom(bron: Path, doel: Path, negeer=None) -> None:
    """Copy a tree, readable for all: hard links where the file is open to all already (fast, no
    extra space), else a real copy that gets read rights for others. Never write through a link."""

    def kopie(src, dst):
        if os.stat(src).st_mode & 0o004:
            try:
                os.link(src, dst)
                return
            except OSError:
                pass  # another file system: copy
        shutil.copy2(src, dst)
        modus = os.stat(dst).st_mode
        os.chmod(dst, modus | 0o044 | (0o011 if modus & 0o100 else 0))

    shutil.copytree(bron, doel, symlinks=True, copy_function=kopie, ignore=negeer)


def _vervang(pad: Path, tekst: str) -> None:
    """Replace a file's content without touching a hard-linked original."""
    modus = pad.stat().st_mode & 0o777
    pad.unlink()
    pad.write_text(tekst, encoding="utf-8")
    os.chmod(pad, modus)


def kopieer_omgeving(doel: Path) -> tuple[str, str, str]:
    """Copy the course environment to `doel`, open to all; return (python, bin, LD_LIBRARY_PATH).

    The venv is copied, and its base Python too when others cannot reach that (pyenv under /root).
    Scripts, pyvenv.cfg and the editable install get the new paths.
    """
    if doel.exists():
        shutil.rmtree(doel)
    doel.mkdir(parents=True)
    os.chmod(doel, 0o755)
    versie = f"python{sys.version_info.major}.{sys.version_info.minor}"
    basis = Path(sys.base_prefix)
    interpreter = Path(os.path.realpath(sys.executable))
    ld_library_path = ""
    basis_open = [interpreter, Path(sysconfig.get_paths()["stdlib"]) / "os.py", *map(Path, _libpython())]
    if all(voor_iedereen(p) for p in basis_open):
        nieuwe_interpreter = interpreter
    else:
        try:
            relatief = interpreter.relative_to(basis)
        except ValueError as e:
            raise ValueError(
                f"Ik kan Python ({interpreter}) niet kopiëren: het staat niet in {basis}."
            ) from e

        def negeer_basis(map_, namen):
            if Path(map_) == basis / "lib" / versie:
                return {"site-packages", "test"} & set(namen)
            return set()

        _kopieer_boom(basis, doel / "python", negeer_basis)
        (doel / "python" / "lib" / versie / "site-packages").mkdir(exist_ok=True)
        nieuwe_interpreter = doel / "python" / relatief
        ld_library_path = str(doel / "python" / "lib")  # the binary may look for libpython in the old place

    venv = doel / "venv"
    oude_bin = Path(sys.prefix) / "bin"
    _kopieer_boom(
        Path(sys.prefix),
        venv,
        lambda map_, namen: {n for n in namen if n.startswith("python")} if Path(map_) == oude_bin else set(),
    )
    for naam in (versie, "python3", "python"):
        (venv / "bin" / naam).symlink_to(nieuwe_interpreter if naam == versie else versie)
    cfg = venv / "pyvenv.cfg"
    regels = [
        f"home = {nieuwe_interpreter.parent}" if r.startswith("home") else r
        for r in cfg.read_text(encoding="utf-8").splitlines()
        if not r.startswith(("executable", "command"))
    ]
    _vervang(cfg, "\n".join(regels) + "\n")
    nieuwe_python = venv / "bin" / versie
    for script in (venv / "bin").iterdir():
        if script.is_symlink() or not script.is_file():
            continue
        with open(script, "rb") as f:
            eerste = f.readline()
        if eerste.startswith(b"#!") and str(oude_bin).encode() in eerste:
            rest = script.read_bytes().partition(b"\n")[2]
            _vervang(script, f"#!{nieuwe_python}\n" + rest.decode("utf-8", "replace"))
    # The course code: the editable install points at src/, which may be out of reach. Never
    # the toets pool: learners run this copy (it belongs in the trainer's course folder).
    # Installed into the venv itself (no editable install), the code came with the venv's copy.
    bron = pakketbron()
    if not bron.is_relative_to(Path(sys.prefix).resolve()):
        _kopieer_boom(bron, doel / "src", shutil.ignore_patterns("__pycache__", "toetspool", "toets*.yaml"))
        site = venv / "lib" / versie / "site-packages"
        for pad in [*site.glob("*.pth"), *site.glob("__editable__*.py")]:
            tekst = pad.read_text(encoding="utf-8")
            if str(bron) in tekst:
                _vervang(pad, tekst.replace(str(bron), str(doel / "src")))
    for pad in [doel, *doel.rglob("*")]:
        if not pad.is_symlink() and pad.is_dir():
            os.chmod(pad, pad.stat().st_mode | 0o755)
    return str(nieuwe_python), str(venv / "bin"), ld_library_path


def werkt_voor(klas: Klas, gebruiker: str) -> str:
    """'' when `gebruiker` can run the course environment, else the error.

    A quick check (importing nbgrader takes seconds): the interpreter, the standard library,
    JupyterHub and the course code load, and nbgrader and JupyterLab are in reach.
    """
    code = (
        "import importlib.util as u, jupyterhub, wijkleren.klasserver.hub\n"
        "assert u.find_spec('nbgrader') and u.find_spec('jupyterlab'), 'nbgrader of jupyterlab ontbreekt'"
    )
    try:
        res = als(klas, gebruiker, klas.python, "-c", code, timeout=120)
    except OSError as e:  # the interpreter itself is out of reach
        return str(e)
    return "" if res.returncode == 0 else (res.stderr or res.stdout)[-2000:]
