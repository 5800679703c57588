"""Developer scripts (run from the repository root, e.g. ``python -m scripts.screenshots``)."""
