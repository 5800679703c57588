"""Tests of negotrack.dossier."""
