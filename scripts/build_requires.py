"""Print the build backend's requirements from pyproject.toml, one per line.

``make test`` installs them into the virtualenv so the packaging tests can build the wheel
and sdist offline, with no isolated build environment to download.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    with (ROOT / "pyproject.toml").open("rb") as f:
        print("\n".join(tomllib.load(f)["build-system"]["requires"]))
