"""Tests of negotrack.views."""
