"""System tests: a real browser, killed processes, notebooks, packaging, docs and examples."""
