"""Layer 8, the command line: ``negotrack`` (argparse, in :mod:`.args`; the commands in
:mod:`.commands`)."""

from negotrack.cli.commands import main

__all__ = ["main"]
