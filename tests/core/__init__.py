"""Tests of negotrack.core."""
