"""Tests of negotrack.render."""
