"""What the tests (and the benchmarks) share: dossiers, generators, hostile strings."""
