"""Tests of negotrack.export."""
