"""Where Debian's Chromium is and how every browser run here starts it.

Shared by the browser tests and ``python -m scripts.screenshots``, so the flags the project
runs Chromium with (no sandbox as root, no GPU, and none of the background traffic this
machine's closed network refuses) are written once.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
