"""negotrack's performance bars: ``make bench`` runs ``python -m benchmarks.run``."""
