"""The distributions build, hold what they should, and install a working command.

The sdist and wheel are built once per module by calling the PEP 517 hooks of the build
backend named in pyproject.toml (the wheel from the unpacked sdist, as pip builds it from
PyPI). This runs offline: the backend is installed in the test environment by ``make test``,
not downloaded into an isolated one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from negotrack import __version__

ROOT = Path(__file__).resolve().parents[2]


def _run(
    args: list[str | Path], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command, failing the test with its output when it fails."""
    proc = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        env=env,
        cwd=cwd,
    )
    if proc.returncode != 0:
        pytest.fail(f"{args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


# python -c BACKEND HOOK OUTDIR: call one PEP 517 hook and print the file name it returns.
_HOOK = (
    "import importlib, sys; "
    "print(getattr(importlib.import_module(sys.argv[1]), sys.argv[2])(sys.argv[3]))"
)


def _build(hook: str, source: Path, out: Path) -> Path:
    """Run the backend's ``hook`` (build_sdist or build_wheel) in ``source``; the file made."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        backend = tomllib.load(f)["build-system"]["build-backend"]
    proc = _run([sys.executable, "-c", _HOOK, backend, hook, out], cwd=source)
    return out / proc.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding the freshly built sdist and the wheel built from it."""
    out = tmp_path_factory.mktemp("dist")
    sdist = _build("build_sdist", ROOT, out)
    unpacked = tmp_path_factory.mktemp("sdist")
    with tarfile.open(sdist) as tf:
        tf.extractall(unpacked, filter="data")
    (source,) = unpacked.iterdir()
    _build("build_wheel", source, out)
    return out


@pytest.fixture(scope="module")
def wheel(dist: Path) -> Path:
    """The built wheel."""
    (found,) = dist.glob("negotrack-*.whl")
    return found


@pytest.fixture(scope="module")
def sdist(dist: Path) -> Path:
    """The built source distribution."""
    (found,) = dist.glob("negotrack-*.tar.gz")
    return found


def _package_files() -> set[str]:
    """Every file of the ``negotrack`` package in the source tree, as wheel paths."""
    return {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "negotrack").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


def test_distributions_are_named_for_the_version(wheel: Path, sdist: Path) -> None:
    """Both files carry the version from ``negotrack/__about__.py``."""
    assert wheel.name == f"negotrack-{__version__}-py3-none-any.whl"
    assert sdist.name == f"negotrack-{__version__}.tar.gz"


def test_wheel_holds_the_whole_package_and_nothing_else(wheel: Path) -> None:
    """Every package file (templates and py.typed included) is in the wheel, tests are not."""
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    missing = _package_files() - names
    assert not missing, f"missing from the wheel: {sorted(missing)}"
    assert "negotrack/py.typed" in names
    strays = {n for n in names if not n.startswith(("negotrack/", "negotrack-"))}
    assert not strays, f"unexpected files in the wheel: {sorted(strays)}"


def test_wheel_metadata_names_dependencies_and_command(wheel: Path) -> None:
    """The metadata requires the runtime dependencies and declares the ``negotrack`` command."""
    with zipfile.ZipFile(wheel) as zf:
        info = f"negotrack-{__version__}.dist-info"
        meta = Parser().parsestr(zf.read(f"{info}/METADATA").decode("utf-8"))
        entry_points = zf.read(f"{info}/entry_points.txt").decode("utf-8")
    assert meta["Name"] == "negotrack"
    assert meta["Version"] == __version__
    requires = " ".join(meta.get_all("Requires-Dist") or [])
    for dependency in ("attrs", "pendulum", "jinja2", "babel"):
        assert dependency in requires
    assert "negotrack = negotrack.cli:main" in entry_points


def test_sdist_holds_the_package_and_no_tests(sdist: Path) -> None:
    """The sdist has the package and the project files; no tests (they need the whole
    repository: seeds, examples, docs, a browser) and no local clutter."""
    top = f"negotrack-{__version__}/"
    with tarfile.open(sdist) as tf:
        names = {n.removeprefix(top) for n in tf.getnames()}
    for required in (
        "pyproject.toml",
        "README.md",
        "CHANGELOG.md",
        "negotrack/__init__.py",
        "negotrack/py.typed",
        "negotrack/render/templates/html/base.html.j2",
        "LICENSE",
    ):
        assert required in names, f"{required} is missing from the sdist"
    assert not {n for n in names if n.startswith("tests/")}, "the sdist must not ship tests"
    clutter = {n for n in names if n.startswith((".venv", "node_modules", "out/", ".git/"))}
    assert not clutter, f"unexpected files in the sdist: {sorted(clutter)[:10]}"


def test_installed_wheel_runs_version_command(wheel: Path, tmp_path: Path) -> None:
    """The wheel installed on its own answers ``negotrack --version`` from its own files."""
    target = tmp_path / "site"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            target,
            wheel,
        ]
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = _run(
        [sys.executable, "-c", "import negotrack; print(negotrack.__file__)"], env=env, cwd=tmp_path
    )
    assert Path(where.stdout.strip()).is_relative_to(target)
    script = target / "bin" / "negotrack"
    assert script.is_file(), "the wheel installed no negotrack command"
    proc = _run([sys.executable, script, "--version"], env=env, cwd=tmp_path)
    assert __version__ in proc.stdout


def test_development_command_reports_version() -> None:
    """The ``negotrack`` command of the test environment prints the package version."""
    command = Path(sys.executable).parent / "negotrack"
    found = str(command) if command.exists() else shutil.which("negotrack")
    assert found is not None, "no negotrack command: is the package installed (pip install -e .)?"
    proc = _run([found, "--version"])
    assert __version__ in proc.stdout


def test_module_entry_point_reports_version() -> None:
    """``python -m negotrack --version`` prints the package version."""
    proc = _run([sys.executable, "-m", "negotrack", "--version"])
    assert __version__ in proc.stdout


def test_installed_wheel_renders_from_its_own_catalogs(wheel: Path, tmp_path: Path) -> None:
    """The wheel carries the .po catalogs: installed alone, it writes a Ukrainian page from
    its own files (no compiled catalog a build could have missed)."""
    target = tmp_path / "site"
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--disable-pip-version-check",
            "--target",
            target,
            wheel,
        ]
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import negotrack as nt; from negotrack.render.catalogs import CATALOGS; "
        "print(CATALOGS); d = nt.Dossier(title='t', events=[nt.Event(id='e', when='2025-11', "
        "title='x')]); print(nt.render_timeline(d, locale='uk'))"
    )
    proc = _run([sys.executable, "-c", code], env=env, cwd=tmp_path)
    first, _, page = proc.stdout.partition("\n")
    assert Path(first).is_relative_to(target)
    assert "Джерела" in page or "листопад 2025" in page
    assert '<html lang="uk" dir="ltr">' in page
