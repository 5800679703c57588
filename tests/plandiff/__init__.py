"""Tests of negotrack.plandiff."""
