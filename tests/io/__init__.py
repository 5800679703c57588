"""Tests of negotrack.io."""
