"""Tests of negotrack.cli."""
